//! Calendar files (iCalendar, RFC 5545), for the phone's own calendar to remind people: a
//! server could push a reminder, but Kindred has none. Needs' follow-up days; a helper's own
//! commitments; a daily reminder at a time the person picks. Every event carries an alarm.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

use crate::need::Need;
use crate::validation::is_sane_day;
use crate::vcard::{escape_text, push_line};

/// A calendar with one all-day event on the follow-up day of each need that has one and is
/// not done, in the order given; a day outside the years 1900 to 2200 is left out (see
/// [`all_day`]). Callers pass live records only. `now` stamps the events.
///
/// With no such need the calendar has no events, which RFC 5545 strictly does not allow (a
/// calendar holds at least one component): offer the file only when it has something in it.
///
/// Each event rings at 9:00 on its day. `title` words an event from the need it is for
/// ("Follow up: A ride (Mrs Lee)" in English), in the person's language.
pub fn follow_ups_ics<'a>(
    needs: impl IntoIterator<Item = &'a Need>,
    title: impl Fn(&str) -> String,
    now: DateTime<Utc>,
) -> String {
    let mut text = calendar_start();
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    for need in needs.into_iter().filter(|n| !n.is_done()) {
        let Some((start, end)) = need.follow_up_on.and_then(all_day) else {
            continue;
        };
        push_line(&mut text, "BEGIN:VEVENT");
        // The same need always gets the same UID, so importing the file again updates the
        // events already in the calendar instead of adding copies.
        push_line(&mut text, &format!("UID:{}@kindred.local", need.id));
        push_line(&mut text, &format!("DTSTAMP:{stamp}"));
        push_line(&mut text, &format!("DTSTART;VALUE=DATE:{start}"));
        push_line(&mut text, &format!("DTEND;VALUE=DATE:{end}"));
        let summary = title(&need_label(need));
        push_line(&mut text, &format!("SUMMARY:{}", escape_text(&summary)));
        push_alarm(&mut text, ON_THE_DAY_AT_NINE, &summary);
        push_line(&mut text, "END:VEVENT");
    }
    push_line(&mut text, "END:VCALENDAR");
    text
}

/// A need as an event names it: what is needed, and for whom.
fn need_label(need: &Need) -> String {
    if need.for_whom.is_empty() {
        need.what.clone()
    } else {
        format!("{} ({})", need.what, need.for_whom)
    }
}

/// An all-day event starts at midnight where the calendar is: this rings at 9:00 that day.
const ON_THE_DAY_AT_NINE: &str = "PT9H";
/// And this at 18:00 the evening before, in time to plan the day.
const THE_EVENING_BEFORE: &str = "-PT6H";

fn calendar_start() -> String {
    let mut text = String::new();
    push_line(&mut text, "BEGIN:VCALENDAR");
    push_line(&mut text, "VERSION:2.0");
    push_line(&mut text, "PRODID:-//Kindred//Kindred//EN");
    push_line(&mut text, "CALSCALE:GREGORIAN");
    text
}

/// An alarm that shows `words` at `trigger` (a duration from the event's start).
fn push_alarm(text: &mut String, trigger: &str, words: &str) {
    push_line(text, "BEGIN:VALARM");
    push_line(text, "ACTION:DISPLAY");
    push_line(text, &format!("TRIGGER:{trigger}"));
    push_line(text, &format!("DESCRIPTION:{}", escape_text(words)));
    push_line(text, "END:VALARM");
}

/// A helper's own commitments: an all-day event on the date of each need they are matched
/// to and that is not done (its needed-by day, or else its follow-up day), ringing the evening
/// before. Callers pass live records only. A need that repeats has one event, for the date it
/// is needed next: the next one is another need, and comes in the next file once matched.
pub fn commitments_ics<'a>(
    helper: Uuid,
    needs: impl IntoIterator<Item = &'a Need>,
    now: DateTime<Utc>,
) -> String {
    let mut text = calendar_start();
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let mine = needs
        .into_iter()
        .filter(|n| !n.is_done() && n.helpers().contains(&helper));
    for need in mine {
        let Some((start, end)) = need.needed_by.or(need.follow_up_on).and_then(all_day) else {
            continue;
        };
        push_line(&mut text, "BEGIN:VEVENT");
        // One event per need and helper: importing the file again updates it.
        push_line(
            &mut text,
            &format!("UID:{}-{helper}@kindred.local", need.id),
        );
        push_line(&mut text, &format!("DTSTAMP:{stamp}"));
        push_line(&mut text, &format!("DTSTART;VALUE=DATE:{start}"));
        push_line(&mut text, &format!("DTEND;VALUE=DATE:{end}"));
        let summary = need_label(need);
        push_line(&mut text, &format!("SUMMARY:{}", escape_text(&summary)));
        if !need.notes.is_empty() {
            push_line(
                &mut text,
                &format!("DESCRIPTION:{}", escape_text(&need.notes)),
            );
        }
        push_alarm(&mut text, THE_EVENING_BEFORE, &summary);
        push_line(&mut text, "END:VEVENT");
    }
    push_line(&mut text, "END:VCALENDAR");
    text
}

/// The words of the daily reminder, in the person's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ReminderWords {
    /// The event's title.
    pub summary: String,
    /// What the event and its alarm say.
    pub description: String,
}

/// The UID of the daily reminder: the same in every file, so that downloading it again with
/// another time moves the reminder instead of adding a second one.
pub const DAILY_REMINDER_UID: &str = "daily-reminder@kindred.local";

/// A calendar with one event every day from `first_day` at `at`, a quarter of an hour long,
/// whose alarm rings when it starts. The time is floating (no time zone): it is the time on
/// the person's phone wherever they are, and stays at that hour when the clocks change.
pub fn daily_reminder_ics(
    first_day: NaiveDate,
    at: NaiveTime,
    words: &ReminderWords,
    now: DateTime<Utc>,
) -> String {
    let mut text = calendar_start();
    push_line(&mut text, "BEGIN:VEVENT");
    push_line(&mut text, &format!("UID:{DAILY_REMINDER_UID}"));
    push_line(
        &mut text,
        &format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
    );
    push_line(
        &mut text,
        &format!("DTSTART:{}T{}", ical_date(first_day), at.format("%H%M00")),
    );
    push_line(&mut text, "DURATION:PT15M");
    push_line(&mut text, "RRULE:FREQ=DAILY");
    push_line(
        &mut text,
        &format!("SUMMARY:{}", escape_text(&words.summary)),
    );
    push_line(
        &mut text,
        &format!("DESCRIPTION:{}", escape_text(&words.description)),
    );
    push_alarm(&mut text, "PT0M", &words.description);
    push_line(&mut text, "END:VEVENT");
    push_line(&mut text, "END:VCALENDAR");
    text
}

/// The start and end of an all-day event on `day`: the day itself and the day after, which
/// the event does not include. `None` for a day outside
/// [`SANE_DAYS`](crate::validation::SANE_DAYS), which only a record stored before that rule
/// can hold: an iCalendar date has four digits of year, and a calendar app refuses the whole
/// file for one that does not fit.
fn all_day(day: NaiveDate) -> Option<(String, String)> {
    if !is_sane_day(day) {
        return None;
    }
    Some((ical_date(day), ical_date(day.succ_opt()?)))
}

fn ical_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::at;
    use crate::vcard::tests::unfold;
    use uuid::Uuid;

    /// The English title, as the app words it.
    fn english(need: &str) -> String {
        format!("Follow up: {need}")
    }

    fn need(id: u128, what: &str, follow_up_on: Option<NaiveDate>) -> Need {
        let mut need = Need::new(Uuid::from_u128(id), at(0), what.into());
        need.follow_up_on = follow_up_on;
        need
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_follow_up_becomes_one_all_day_event_in_a_calendar() {
        let mut phone = need(7, "Phone Grandma Lo", Some(day(11, 24)));
        phone.for_whom = "Grandma Lo".into();
        assert_eq!(
            follow_ups_ics([&phone], english, at(5)),
            "BEGIN:VCALENDAR\r\n\
             VERSION:2.0\r\n\
             PRODID:-//Kindred//Kindred//EN\r\n\
             CALSCALE:GREGORIAN\r\n\
             BEGIN:VEVENT\r\n\
             UID:00000000-0000-0000-0000-000000000007@kindred.local\r\n\
             DTSTAMP:20261102T090500Z\r\n\
             DTSTART;VALUE=DATE:20261124\r\n\
             DTEND;VALUE=DATE:20261125\r\n\
             SUMMARY:Follow up: Phone Grandma Lo (Grandma Lo)\r\n\
             BEGIN:VALARM\r\n\
             ACTION:DISPLAY\r\n\
             TRIGGER:PT9H\r\n\
             DESCRIPTION:Follow up: Phone Grandma Lo (Grandma Lo)\r\n\
             END:VALARM\r\n\
             END:VEVENT\r\n\
             END:VCALENDAR\r\n"
        );
    }

    #[test]
    fn done_needs_and_needs_without_a_follow_up_are_left_out() {
        let mut done = need(1, "Groceries", Some(day(11, 24)));
        done.mark_done(day(11, 23)).unwrap();
        let no_day = need(2, "A visit", None);
        let due = need(3, "A ride", Some(day(11, 25)));
        let ics = follow_ups_ics([&done, &no_day, &due], english, at(0));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
        assert!(ics.contains("SUMMARY:Follow up: A ride\r\n"), "{ics}");
    }

    #[test]
    fn an_all_day_event_ends_on_the_next_day_across_months_and_years() {
        let ics = follow_ups_ics([&need(1, "x", Some(day(12, 31)))], english, at(0));
        assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20261231\r\n"), "{ics}");
        assert!(ics.contains("\r\nDTEND;VALUE=DATE:20270101\r\n"), "{ics}");
    }

    #[test]
    fn a_follow_up_day_outside_1900_to_2200_is_left_out_of_the_calendar() {
        let far = need(1, "x", NaiveDate::from_ymd_opt(262142, 6, 15));
        let last = need(2, "y", Some(NaiveDate::MAX));
        let early = need(3, "z", NaiveDate::from_ymd_opt(1899, 12, 31));
        let due = need(4, "A ride", Some(day(11, 25)));
        let ics = follow_ups_ics([&far, &last, &early, &due], english, at(0));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
        assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20261125\r\n"), "{ics}");
        assert!(!ics.contains("262142"), "{ics}");
    }

    #[test]
    fn the_summary_is_escaped_and_long_summaries_are_folded() {
        let mut chan = need(
            1,
            "Groceries; milk, rice\\noodles\nand eggs",
            Some(day(11, 24)),
        );
        chan.for_whom = "陳太".repeat(20);
        let ics = follow_ups_ics([&chan], english, at(0));
        assert!(ics.contains("\r\n "), "the summary is folded: {ics}");
        let summary = format!(
            "SUMMARY:Follow up: Groceries\\; milk\\, rice\\\\noodles\\nand eggs ({})",
            chan.for_whom
        );
        assert!(
            unfold(&ics).contains(&format!("\r\n{summary}\r\n")),
            "{ics}"
        );
    }

    #[test]
    fn a_helpers_commitments_are_the_open_needs_they_are_matched_to_ringing_the_evening_before() {
        let sam = Uuid::from_u128(9);
        let mut ride = need(1, "A ride; to the clinic", None);
        ride.needed_by = Some(day(11, 24));
        ride.match_helpers(&[sam]).unwrap();
        let mut call = need(2, "A call", Some(day(11, 25)));
        call.match_helpers(&[sam]).unwrap();
        let mut others = need(3, "Someone else's", Some(day(11, 25)));
        others.match_helpers(&[Uuid::from_u128(8)]).unwrap();
        let mut done = need(4, "Done already", Some(day(11, 25)));
        done.match_helpers(&[sam]).unwrap();
        done.mark_done(day(11, 23)).unwrap();
        let ics = commitments_ics(sam, [&ride, &call, &others, &done], at(0));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 2, "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261125\r\nSUMMARY:A ride\\; to the clinic\r\n"), "{ics}");
        assert!(
            ics.contains("DTSTART;VALUE=DATE:20261125\r\n"),
            "the follow-up day stands in: {ics}"
        );
        assert!(ics.contains("TRIGGER:-PT6H\r\n"), "{ics}");
    }

    #[test]
    fn the_daily_reminder_repeats_every_day_at_the_chosen_local_time_with_an_alarm() {
        let words = ReminderWords {
            summary: "Kindred: a moment of kindness".into(),
            description: "記錄一件善事, 或看看需要".into(),
        };
        let ics = daily_reminder_ics(
            day(3, 28),
            NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            &words,
            at(0),
        );
        let unfolded = unfold(&ics);
        for line in [
            "UID:daily-reminder@kindred.local",
            // Floating: 08:30 on the phone before and after the clocks change on 29 March.
            "DTSTART:20260328T083000",
            "DURATION:PT15M",
            "RRULE:FREQ=DAILY",
            "SUMMARY:Kindred: a moment of kindness",
            "TRIGGER:PT0M",
            "DESCRIPTION:記錄一件善事\\, 或看看需要",
        ] {
            assert!(
                unfolded.contains(&format!("\r\n{line}\r\n")),
                "{line} in {ics}"
            );
        }
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 1);
    }

    #[test]
    fn the_uid_stays_the_same_from_one_export_to_the_next() {
        let ride = need(0xABC, "A ride", Some(day(11, 24)));
        let uid = |ics: String| {
            ics.lines()
                .find(|l| l.starts_with("UID:"))
                .unwrap()
                .to_string()
        };
        let first = uid(follow_ups_ics([&ride], english, at(0)));
        let mut moved = ride.clone();
        moved.follow_up_on = Some(day(11, 30));
        moved.what = "A ride to the clinic".into();
        assert_eq!(uid(follow_ups_ics([&moved], english, at(30))), first);
        assert_eq!(first, format!("UID:{}@kindred.local", ride.id));
    }
}
