#!/usr/bin/env python3
"""Reads a calendar file Kindred wrote, with Python's `icalendar` (and `python-dateutil`,
which it brings, to expand repeat rules): a reader independent of Kindred's writer, so that
the tests know a calendar app would read the file as Kindred means it.

    ics_reader.py FILE [COUNT]

Prints JSON: the lines longer than RFC 5545's 75 octets, and for each event its UID,
summary, description, start, end or duration, repeat rule, its first COUNT (default 3)
dates when it repeats, and its alarms (action, trigger in seconds from the start, words).
Exits 1 when the file cannot be read as a calendar.
"""

import json
import sys
from datetime import datetime

from dateutil.rrule import rrulestr
from icalendar import Calendar


def text(value):
    return None if value is None else str(value)


def when(prop):
    if prop is None:
        return None
    return prop.dt.isoformat()


def main():
    path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    raw = open(path, "rb").read()
    long_lines = [
        line.decode("utf-8", "replace")
        for line in raw.split(b"\r\n")
        if len(line) > 75
    ]
    try:
        calendar = Calendar.from_ical(raw)
    except Exception as problem:  # the reader's own words, for the test's message
        print(f"not a calendar: {problem}", file=sys.stderr)
        sys.exit(1)
    events = []
    for event in calendar.walk("VEVENT"):
        rule = event.get("RRULE")
        occurrences = []
        if rule is not None:
            start = event.decoded("DTSTART")
            expanded = rrulestr(rule.to_ical().decode(), dtstart=start)
            for occurrence in expanded:
                occurrences.append(occurrence.isoformat())
                if len(occurrences) == count:
                    break
        alarms = [
            {
                "action": text(alarm.get("ACTION")),
                "trigger": alarm.decoded("TRIGGER").total_seconds(),
                "description": text(alarm.get("DESCRIPTION")),
            }
            for alarm in event.walk("VALARM")
        ]
        start = event.get("DTSTART")
        events.append(
            {
                "uid": text(event.get("UID")),
                "summary": text(event.get("SUMMARY")),
                "description": text(event.get("DESCRIPTION")),
                "start": when(start),
                # A floating time has no zone: a calendar shows it at that hour wherever it is.
                "floating": isinstance(start.dt, datetime) and start.dt.tzinfo is None,
                "end": when(event.get("DTEND")),
                "duration_seconds": event.decoded("DURATION").total_seconds()
                if event.get("DURATION") is not None
                else None,
                "rrule": rule.to_ical().decode() if rule is not None else None,
                "occurrences": occurrences,
                "alarms": alarms,
            }
        )
    print(json.dumps({"long_lines": long_lines, "events": events}, ensure_ascii=False))


main()
