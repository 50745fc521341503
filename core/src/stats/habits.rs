//! Progress, streaks and counts over the journal, for the habit and statistics views.
//!
//! Every function takes the live entries (callers leave out deleted ones) and works on the
//! calendar day each entry is dated, never on when it was written, so time zones and clock
//! changes cannot move an entry to another day. Weeks are ISO weeks, Monday to Sunday.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Days, NaiveDate};

use crate::journal::{JournalEntry, Kind};

/// Acts of kindness given this week, against the weekly goal the person set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeeklyProgress {
    pub done: u32,
    pub goal: u32,
}

/// How many acts of kindness were given in the week containing `today`. Kindness received or
/// witnessed is worth recording but is not the person's own habit, so it does not count.
pub fn weekly_progress<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    today: NaiveDate,
    goal: u32,
) -> WeeklyProgress {
    let this_week = week_start(today);
    let done = entries
        .into_iter()
        .filter(|entry| entry.kind == Kind::Given && week_start(entry.date) == this_week)
        .count() as u32;
    WeeklyProgress { done, goal }
}

/// Unbroken runs of days and of weeks with kindness given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streaks {
    pub days: u32,
    pub weeks: u32,
}

/// The current runs of consecutive days, and of consecutive weeks, with at least one act of
/// kindness given. A run ends today, or yesterday when nothing is recorded yet today: it is
/// not broken until a whole day has gone by without one. Weeks are counted the same way.
pub fn streaks<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    today: NaiveDate,
) -> Streaks {
    let days: BTreeSet<NaiveDate> = entries
        .into_iter()
        .filter(|entry| entry.kind == Kind::Given)
        .map(|entry| entry.date)
        .collect();
    let weeks: BTreeSet<NaiveDate> = days.iter().map(|&date| week_start(date)).collect();
    Streaks {
        days: run_ending_at(&days, today, Days::new(1)),
        weeks: run_ending_at(&weeks, week_start(today), Days::new(7)),
    }
}

/// How many entries of every kind fall on each day from `from` to `to`, both included.
/// Days without entries are left out.
pub fn day_counts<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<NaiveDate, u32> {
    let mut counts = BTreeMap::new();
    for entry in entries {
        if (from..=to).contains(&entry.date) {
            *counts.entry(entry.date).or_insert(0) += 1;
        }
    }
    counts
}

/// Entries counted by kind and by category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Every kind, in [`Kind::ALL`] order, including those with no entries.
    pub by_kind: [(Kind, u32); 3],
    /// Categories with at least one entry, the most used first and ties in alphabetical
    /// order. Entries without a category are counted in `by_kind` but not here.
    pub by_category: Vec<(String, u32)>,
}

/// Counts the entries dated from `from` to `to`, both included, by kind and by category.
/// Categories are counted exactly as written.
pub fn tally<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    from: NaiveDate,
    to: NaiveDate,
) -> Tally {
    let mut by_kind = Kind::ALL.map(|kind| (kind, 0));
    let mut categories: HashMap<&str, u32> = HashMap::new();
    for entry in entries {
        if !(from..=to).contains(&entry.date) {
            continue;
        }
        if let Some((_, count)) = by_kind.iter_mut().find(|(kind, _)| *kind == entry.kind) {
            *count += 1;
        }
        if !entry.category.is_empty() {
            *categories.entry(&entry.category).or_insert(0) += 1;
        }
    }
    let mut by_category: Vec<(String, u32)> = categories
        .into_iter()
        .map(|(name, count)| (name.to_string(), count))
        .collect();
    by_category.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Tally {
        by_kind,
        by_category,
    }
}

/// A span of days to count over, ending today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    ThisWeek,
    ThisMonth,
    Last12Months,
    AllTime,
}

impl Period {
    pub const ALL: [Period; 4] = [
        Period::ThisWeek,
        Period::ThisMonth,
        Period::Last12Months,
        Period::AllTime,
    ];

    /// The first and last day of the period, both included, as seen on `today`.
    pub fn days(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let from = match self {
            Period::ThisWeek => week_start(today),
            Period::ThisMonth => today.with_day(1).unwrap_or(today),
            Period::Last12Months => year_before(today),
            Period::AllTime => NaiveDate::MIN,
        };
        (from, today)
    }
}

/// The day after the same date a year earlier: with `today`, twelve whole months. On 29
/// February it starts from 1 March of the year before.
pub fn year_before(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(chrono::Months::new(12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(NaiveDate::MIN)
}

/// The Monday that starts the ISO week containing `date`. chrono's first week has no Monday
/// it can hold: its days start on chrono's first day, so that a stored record dated there
/// is counted and nothing panics.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(NaiveDate::MIN)
}

/// How many steps back from `latest`, one `step` apart, are all in `marked`, starting at
/// `latest` itself or, when `latest` is not marked yet, at the step before it.
fn run_ending_at(marked: &BTreeSet<NaiveDate>, latest: NaiveDate, step: Days) -> u32 {
    let mut at = if marked.contains(&latest) {
        Some(latest)
    } else {
        latest.checked_sub_days(step)
    };
    let mut run = 0;
    while let Some(date) = at.filter(|date| marked.contains(date)) {
        run += 1;
        at = date.checked_sub_days(step);
    }
    run
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc, Weekday};
    use uuid::Uuid;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Entries of one kind, one per date, with made-up ids and writing times.
    fn entries(kind: Kind, dates: &[NaiveDate]) -> Vec<JournalEntry> {
        dates
            .iter()
            .enumerate()
            .map(|(n, &date)| {
                let written = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
                JournalEntry::new(
                    Uuid::from_u128(n as u128 + 1),
                    written,
                    format!("act {n}"),
                    kind,
                    date,
                )
            })
            .collect()
    }

    fn given(dates: &[NaiveDate]) -> Vec<JournalEntry> {
        entries(Kind::Given, dates)
    }

    fn categorised(kind: Kind, date: NaiveDate, category: &str) -> JournalEntry {
        let mut entry = entries(kind, &[date]).remove(0);
        entry.category = category.into();
        entry
    }

    #[test]
    fn the_week_starts_again_on_monday() {
        let sunday = day(2026, 11, 22);
        let monday = day(2026, 11, 23);
        assert_eq!(sunday.weekday(), Weekday::Sun);
        let journal = given(&[day(2026, 11, 16), sunday, monday]);

        assert_eq!(
            weekly_progress(&journal, sunday, 5),
            WeeklyProgress { done: 2, goal: 5 }
        );
        assert_eq!(
            weekly_progress(&journal, monday, 5),
            WeeklyProgress { done: 1, goal: 5 }
        );
    }

    #[test]
    fn a_week_that_spans_two_months_counts_as_one_week() {
        // Monday 30 November to Sunday 6 December 2026.
        let journal = given(&[day(2026, 11, 29), day(2026, 11, 30), day(2026, 12, 6)]);
        assert_eq!(weekly_progress(&journal, day(2026, 12, 2), 3).done, 2);
    }

    #[test]
    fn iso_week_53_of_2026_runs_from_28_december_to_3_january_and_counts_as_one_week() {
        assert_eq!(day(2026, 12, 28).iso_week().week(), 53);
        assert_eq!(day(2027, 1, 3).iso_week().week(), 53);
        assert_eq!(day(2027, 1, 3).iso_week().year(), 2026);
        assert_eq!(day(2027, 1, 4).iso_week().week(), 1);

        let journal = given(&[
            day(2026, 12, 27),
            day(2026, 12, 28),
            day(2026, 12, 31),
            day(2027, 1, 1),
            day(2027, 1, 3),
            day(2027, 1, 4),
        ]);
        assert_eq!(weekly_progress(&journal, day(2027, 1, 2), 7).done, 4);
        assert_eq!(weekly_progress(&journal, day(2026, 12, 28), 7).done, 4);
        assert_eq!(weekly_progress(&journal, day(2027, 1, 4), 7).done, 1);
    }

    #[test]
    fn kindness_received_or_witnessed_counts_for_neither_progress_nor_streaks() {
        let today = day(2026, 11, 25);
        let mut journal = entries(Kind::Received, &[day(2026, 11, 24), today]);
        journal.extend(entries(Kind::Witnessed, &[day(2026, 11, 23)]));

        assert_eq!(weekly_progress(&journal, today, 3).done, 0);
        assert_eq!(streaks(&journal, today), Streaks { days: 0, weeks: 0 });
    }

    #[test]
    fn a_day_streak_is_not_broken_until_a_whole_day_goes_by() {
        let journal = given(&[day(2026, 11, 20), day(2026, 11, 21), day(2026, 11, 22)]);
        assert_eq!(streaks(&journal, day(2026, 11, 22)).days, 3);
        assert_eq!(
            streaks(&journal, day(2026, 11, 23)).days,
            3,
            "today is still open"
        );
        assert_eq!(
            streaks(&journal, day(2026, 11, 24)).days,
            0,
            "yesterday was missed"
        );
    }

    #[test]
    fn a_missed_day_ends_the_day_streak() {
        let journal = given(&[
            day(2026, 11, 18),
            day(2026, 11, 19),
            day(2026, 11, 21),
            day(2026, 11, 22),
        ]);
        assert_eq!(streaks(&journal, day(2026, 11, 22)).days, 2);
    }

    #[test]
    fn several_acts_on_one_day_count_as_one_day_of_the_streak() {
        let journal = given(&[
            day(2026, 11, 21),
            day(2026, 11, 22),
            day(2026, 11, 22),
            day(2026, 11, 22),
        ]);
        assert_eq!(streaks(&journal, day(2026, 11, 22)).days, 2);
    }

    #[test]
    fn a_week_streak_carries_across_the_new_year_and_waits_for_the_current_week() {
        // ISO weeks 52 and 53 of 2026, then week 1 of 2027.
        let journal = given(&[day(2026, 12, 23), day(2027, 1, 2), day(2027, 1, 4)]);
        assert_eq!(streaks(&journal, day(2027, 1, 6)).weeks, 3);
        assert_eq!(
            streaks(&journal, day(2027, 1, 12)).weeks,
            3,
            "nothing yet this week, but last week had some"
        );
        assert_eq!(
            streaks(&journal, day(2027, 1, 18)).weeks,
            0,
            "a whole week missed"
        );
    }

    #[test]
    fn a_series_across_the_us_and_european_clock_changes_counts_every_calendar_day_once() {
        // The United States moves its clocks on 8 March 2026 and Europe on 29 March; entries
        // carry calendar dates, so a day that is 23 hours long is still exactly one day.
        let first = day(2026, 3, 1);
        let last = day(2026, 4, 5);
        let dates: Vec<NaiveDate> = first.iter_days().take_while(|&d| d <= last).collect();
        assert_eq!(dates.len(), 36);
        let journal = given(&dates);

        assert_eq!(streaks(&journal, last), Streaks { days: 36, weeks: 6 });
        let counts = day_counts(&journal, first, last);
        assert_eq!(counts.len(), 36);
        assert!(counts.values().all(|&n| n == 1));
        assert_eq!(counts[&day(2026, 3, 8)], 1);
        assert_eq!(counts[&day(2026, 3, 29)], 1);
    }

    #[test]
    fn day_counts_include_both_ends_of_the_range_and_every_kind() {
        let mut journal = given(&[
            day(2026, 1, 31),
            day(2026, 2, 1),
            day(2026, 2, 28),
            day(2026, 3, 1),
        ]);
        journal.extend(entries(Kind::Witnessed, &[day(2026, 2, 1)]));
        let counts = day_counts(&journal, day(2026, 2, 1), day(2026, 2, 28));
        assert_eq!(
            counts.into_iter().collect::<Vec<_>>(),
            vec![(day(2026, 2, 1), 2), (day(2026, 2, 28), 1)]
        );
    }

    #[test]
    fn a_tally_lists_categories_most_used_first_then_alphabetically_and_leaves_out_uncategorised() {
        let d = day(2026, 5, 10);
        let journal = vec![
            categorised(Kind::Given, d, "listening"),
            categorised(Kind::Given, d, "a ride"),
            categorised(Kind::Received, d, "listening"),
            categorised(Kind::Received, d, "company and visits"),
            categorised(Kind::Given, d, "practical help"),
            categorised(Kind::Given, d, "practical help"),
            categorised(Kind::Given, d, "listening"),
            categorised(Kind::Witnessed, d, ""),
            categorised(Kind::Given, day(2026, 5, 11), "forgiveness"),
        ];
        let counts = tally(&journal, day(2026, 5, 1), d);
        assert_eq!(
            counts.by_kind,
            [(Kind::Given, 5), (Kind::Received, 2), (Kind::Witnessed, 1)]
        );
        let expected = [
            ("listening", 3),
            ("practical help", 2),
            ("a ride", 1),
            ("company and visits", 1),
        ];
        assert_eq!(
            counts.by_category,
            expected.map(|(name, n)| (name.to_string(), n)).to_vec()
        );
    }

    #[test]
    fn a_tally_of_an_empty_range_still_lists_every_kind() {
        let counts = tally(
            &given(&[day(2026, 5, 10)]),
            day(2026, 6, 1),
            day(2026, 6, 30),
        );
        assert_eq!(
            counts.by_kind,
            [(Kind::Given, 0), (Kind::Received, 0), (Kind::Witnessed, 0)]
        );
        assert!(counts.by_category.is_empty());
    }

    #[test]
    fn periods_end_today_and_start_where_a_person_would_expect() {
        let today = day(2026, 11, 25); // a Wednesday
        assert_eq!(Period::ThisWeek.days(today), (day(2026, 11, 23), today));
        assert_eq!(Period::ThisMonth.days(today), (day(2026, 11, 1), today));
        assert_eq!(Period::Last12Months.days(today), (day(2025, 11, 26), today));
        assert_eq!(Period::AllTime.days(today).0, NaiveDate::MIN);
        assert_eq!(year_before(day(2028, 2, 29)), day(2027, 3, 1));
    }

    #[test]
    fn the_days_of_chronos_first_week_start_on_its_first_day() {
        // chrono's first day, 1 January -262143, is a Thursday: its Monday cannot be held.
        let (first_friday, first_sunday) = (day(-262143, 1, 2), day(-262143, 1, 4));
        assert_eq!(first_sunday.weekday(), Weekday::Sun);
        assert_eq!(week_start(first_friday), NaiveDate::MIN);
        assert_eq!(week_start(first_sunday), NaiveDate::MIN);
        assert_eq!(week_start(day(-262143, 1, 5)), day(-262143, 1, 5));
        assert_eq!(week_start(NaiveDate::MAX).weekday(), Weekday::Mon);
        let journal = given(&[NaiveDate::MIN, first_friday]);
        assert_eq!(weekly_progress(&journal, first_sunday, 3).done, 2);
        assert_eq!(
            streaks(&journal, first_friday),
            Streaks { days: 2, weeks: 1 }
        );
    }
}
