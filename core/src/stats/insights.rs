//! Statistics for the Insights screen: kindness per week, by kind and by category, the
//! people kindness went to and came from, and how needs were opened and met month by month.
//!
//! Like [`crate::habits`], every function expects the live records (what
//! [`crate::record::Records::live`] gives); deleted ones are skipped anyway, so a tombstone
//! passed by mistake is never counted. Journal entries are counted on the calendar day they
//! are dated; needs on the reader's local day, through a `local_date` conversion the caller
//! supplies. Nothing dated after `today` is counted.
//!
//! The kindness figures (weeks, categories, people) cover the ISO weeks from
//! [`Span::first_week`] through the current one; the needs figures cover the calendar months
//! from [`Span::first_month`] through the current one. Each chart thus starts on a whole
//! unit of its own.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

use crate::habits::{tally, week_start};
use crate::journal::{JournalEntry, Kind};
use crate::need::{Need, Status};
use crate::validation::split_list;

/// How far back the Insights screen looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Span {
    #[default]
    SixMonths,
    TwelveMonths,
}

impl Span {
    pub const ALL: [Span; 2] = [Span::SixMonths, Span::TwelveMonths];

    /// The number of calendar months the span covers.
    pub fn months(self) -> u32 {
        match self {
            Span::SixMonths => 6,
            Span::TwelveMonths => 12,
        }
    }

    /// The Monday of the ISO week containing the same date [`months`](Self::months) earlier.
    /// A date that month does not have becomes its last day: six months before 31 August is
    /// 28 (or 29) February, twelve months before 29 February is 28 February.
    pub fn first_week(self, today: NaiveDate) -> NaiveDate {
        let back = today
            .checked_sub_months(Months::new(self.months()))
            .unwrap_or(today);
        week_start(back)
    }

    /// The first day of the earliest month shown, so that the current month and the ones
    /// before it make [`months`](Self::months) months in all: in August, six months start
    /// on 1 March.
    pub fn first_month(self, today: NaiveDate) -> NaiveDate {
        let this_month = month_start(today);
        this_month
            .checked_sub_months(Months::new(self.months() - 1))
            .unwrap_or(this_month)
    }
}

/// Kindness recorded in one ISO week, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekBar {
    /// The Monday the week starts on.
    pub week: NaiveDate,
    pub given: u32,
    pub received: u32,
    pub witnessed: u32,
}

impl WeekBar {
    fn empty(week: NaiveDate) -> Self {
        Self {
            week,
            given: 0,
            received: 0,
            witnessed: 0,
        }
    }

    /// Every entry of the week, whatever its kind.
    pub fn total(&self) -> u32 {
        self.given + self.received + self.witnessed
    }
}

/// One bar per ISO week, oldest first, from [`Span::first_week`] through the week containing
/// `today`. Weeks without entries are included with zeros so the bars keep an even time
/// scale; entries before the span or dated after `today` are left out.
pub fn weekly<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    span: Span,
    today: NaiveDate,
) -> Vec<WeekBar> {
    let first = span.first_week(today);
    // Not `iter_weeks`, which leaves out a week whose next Monday is past chrono's last day.
    let mut bars: Vec<WeekBar> =
        std::iter::successors(Some(first), |week| week.checked_add_days(Days::new(7)))
            .take_while(|week| *week <= today)
            .map(WeekBar::empty)
            .collect();
    for entry in live(entries) {
        if !(first..=today).contains(&entry.date) {
            continue;
        }
        let bar = &mut bars[(week_start(entry.date) - first).num_weeks() as usize];
        match entry.kind {
            Kind::Given => bar.given += 1,
            Kind::Received => bar.received += 1,
            Kind::Witnessed => bar.witnessed += 1,
        }
    }
    bars
}

/// Entries over the span counted by category.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CategoryCounts {
    /// Categories with at least one entry, the most used first and ties in alphabetical
    /// order, counted exactly as written (as [`crate::habits::tally`] does).
    pub categories: Vec<(String, u32)>,
    /// Entries with no category, which are not in `categories`.
    pub uncategorised: u32,
}

/// Counts the entries of every kind from [`Span::first_week`] through `today` by category.
/// The counts and `uncategorised` together add up to the weekly bars' totals.
pub fn by_category<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    span: Span,
    today: NaiveDate,
) -> CategoryCounts {
    let counts = tally(live(entries), span.first_week(today), today);
    let all: u32 = counts.by_kind.iter().map(|(_, n)| n).sum();
    let categorised: u32 = counts.by_category.iter().map(|(_, n)| n).sum();
    CategoryCounts {
        categories: counts.by_category,
        uncategorised: all - categorised,
    }
}

/// Someone kindness went to or came from, with no score or balance: just the two counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// As most recently written.
    pub name: String,
    /// Entries of kindness given to them.
    pub you_helped: u32,
    /// Entries of kindness received from them.
    pub helped_you: u32,
}

/// The people named in entries from [`Span::first_week`] through `today`, at most `limit`,
/// those with the most entries (both ways together) first, then by name.
///
/// Given entries count towards `you_helped`, received ones towards `helped_you`; witnessed
/// kindness was between other people and is left out. A person field naming several people,
/// separated by commas (as a need's helpers are written), counts once for each. Names are
/// matched ignoring case and extra spaces, and shown as spelled in the latest entry.
pub fn people<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    span: Span,
    today: NaiveDate,
    limit: usize,
) -> Vec<Person> {
    let first = span.first_week(today);
    // Keyed by the matching form of the name; the entry it was last spelled in comes along.
    let mut found: HashMap<String, (Person, &JournalEntry)> = HashMap::new();
    for entry in live(entries) {
        if entry.kind == Kind::Witnessed || !(first..=today).contains(&entry.date) {
            continue;
        }
        for name in split_list(&entry.person) {
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let key = name.to_lowercase();
            let (person, spelled_in) = found.entry(key).or_insert_with(|| {
                let person = Person {
                    name: name.clone(),
                    you_helped: 0,
                    helped_you: 0,
                };
                (person, entry)
            });
            if (entry.date, entry.created_at) > (spelled_in.date, spelled_in.created_at) {
                person.name = name;
                *spelled_in = entry;
            }
            match entry.kind {
                Kind::Given => person.you_helped += 1,
                _ => person.helped_you += 1,
            }
        }
    }
    let mut ranked: Vec<(String, Person)> = found
        .into_iter()
        .map(|(key, (person, _))| (key, person))
        .collect();
    ranked.sort_by(|(a_key, a), (b_key, b)| {
        (b.you_helped + b.helped_you)
            .cmp(&(a.you_helped + a.helped_you))
            .then_with(|| a_key.cmp(b_key))
            .then_with(|| a.name.cmp(&b.name))
    });
    ranked
        .into_iter()
        .take(limit)
        .map(|(_, person)| person)
        .collect()
}

/// Needs opened and needs done in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthNeeds {
    /// The first day of the month.
    pub month: NaiveDate,
    pub opened: u32,
    pub done: u32,
}

/// One entry per calendar month, oldest first, from [`Span::first_month`] through the month
/// containing `today`, months with nothing included. A need counts as opened in the month of
/// the local day it was created (`local_date` turns a moment into the reader's calendar
/// day) and as done in the month of its done day; a need opened before the span and done
/// within it counts only as done. Days after `today` are left out.
pub fn needs_by_month<'a>(
    needs: impl IntoIterator<Item = &'a Need>,
    span: Span,
    today: NaiveDate,
    local_date: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<MonthNeeds> {
    let first = span.first_month(today);
    let mut months: Vec<MonthNeeds> = (0..span.months())
        .filter_map(|n| first.checked_add_months(Months::new(n)))
        .map(|month| MonthNeeds {
            month,
            opened: 0,
            done: 0,
        })
        .collect();
    let slot = |date: NaiveDate| {
        (first..=today)
            .contains(&date)
            .then(|| months_between(first, date))
    };
    for need in needs.into_iter().filter(|need| need.deleted_at.is_none()) {
        if let Some(i) = slot(local_date(need.created_at)) {
            months[i].opened += 1;
        }
        if let Some(i) = done_on(need).and_then(slot) {
            months[i].done += 1;
        }
    }
    months
}

/// The median number of days from the local day a need was opened to the day it was done,
/// over the needs done from [`Span::first_month`] through `today` (the same needs as the
/// monthly `done` counts). A need done the day it was opened took 0 days; a done day
/// earlier than the opening day (a clock set wrong) counts as 0 too. With an even number of
/// needs, the median is halfway between the middle two. `None` when no need was done.
pub fn median_days_to_done<'a>(
    needs: impl IntoIterator<Item = &'a Need>,
    span: Span,
    today: NaiveDate,
    local_date: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Option<f64> {
    let first = span.first_month(today);
    let mut days: Vec<i64> = needs
        .into_iter()
        .filter(|need| need.deleted_at.is_none())
        .filter_map(|need| {
            let on = done_on(need).filter(|on| (first..=today).contains(on))?;
            Some((on - local_date(need.created_at)).num_days().max(0))
        })
        .collect();
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let middle = days.len() / 2;
    Some(if days.len() % 2 == 1 {
        days[middle] as f64
    } else {
        (days[middle - 1] + days[middle]) as f64 / 2.0
    })
}

/// The entries that are not deleted.
fn live<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
) -> impl Iterator<Item = &'a JournalEntry> {
    entries
        .into_iter()
        .filter(|entry| entry.deleted_at.is_none())
}

fn done_on(need: &Need) -> Option<NaiveDate> {
    match need.status {
        Status::Done { on, .. } => Some(on),
        Status::Open | Status::Matched { .. } => None,
    }
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// Whole calendar months from the month of `from` to the month of `to`.
fn months_between(from: NaiveDate, to: NaiveDate) -> usize {
    let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    (months(to) - months(from)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone, Weekday};
    use uuid::Uuid;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn entry(n: u128, kind: Kind, date: NaiveDate) -> JournalEntry {
        let written = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        JournalEntry::new(Uuid::from_u128(n), written, format!("act {n}"), kind, date)
    }

    fn with_person(n: u128, kind: Kind, date: NaiveDate, person: &str) -> JournalEntry {
        let mut e = entry(n, kind, date);
        e.person = person.into();
        e
    }

    fn with_category(n: u128, kind: Kind, date: NaiveDate, category: &str) -> JournalEntry {
        let mut e = entry(n, kind, date);
        e.category = category.into();
        e
    }

    fn deleted(mut e: JournalEntry) -> JournalEntry {
        e.deleted_at = Some(Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap());
        e
    }

    fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    fn utc_day(t: DateTime<Utc>) -> NaiveDate {
        t.date_naive()
    }

    /// A need opened at `opened` (UTC), done on `done` if given, else left open.
    fn need(n: u128, opened: DateTime<Utc>, done: Option<NaiveDate>) -> Need {
        let mut need = Need::new(Uuid::from_u128(n), opened, format!("need {n}"));
        if let Some(on) = done {
            need.mark_done(on).unwrap();
        }
        need
    }

    fn bar(week: NaiveDate, given: u32, received: u32, witnessed: u32) -> WeekBar {
        WeekBar {
            week,
            given,
            received,
            witnessed,
        }
    }

    fn month(y: i32, m: u32, opened: u32, done: u32) -> MonthNeeds {
        MonthNeeds {
            month: day(y, m, 1),
            opened,
            done,
        }
    }

    fn names(people: &[Person]) -> Vec<(&str, u32, u32)> {
        people
            .iter()
            .map(|p| (p.name.as_str(), p.you_helped, p.helped_you))
            .collect()
    }

    // Spans

    #[test]
    fn the_span_starts_on_the_monday_of_the_week_six_or_twelve_months_back() {
        let today = day(2026, 11, 25); // a Wednesday
                                       // 25 May 2026 is a Monday; 25 November 2025 a Tuesday.
        assert_eq!(Span::SixMonths.first_week(today), day(2026, 5, 25));
        assert_eq!(Span::TwelveMonths.first_week(today), day(2025, 11, 24));
        assert_eq!(Span::SixMonths.first_week(today).weekday(), Weekday::Mon);
    }

    #[test]
    fn a_day_the_earlier_month_lacks_becomes_that_months_last_day() {
        // 31 August 2026 less six months is 28 February 2026, a Saturday.
        assert_eq!(
            Span::SixMonths.first_week(day(2026, 8, 31)),
            day(2026, 2, 23)
        );
        // In a leap year, 31 August 2028 less six months is 29 February 2028, a Tuesday.
        assert_eq!(
            Span::SixMonths.first_week(day(2028, 8, 31)),
            day(2028, 2, 28)
        );
        // 29 February 2028 less twelve months is 28 February 2027, a Sunday.
        assert_eq!(
            Span::TwelveMonths.first_week(day(2028, 2, 29)),
            day(2027, 2, 22)
        );
        // 31 March less six months is 30 September.
        assert_eq!(
            Span::SixMonths.first_week(day(2027, 3, 31)),
            day(2026, 9, 28)
        );
    }

    #[test]
    fn the_months_shown_are_the_current_one_and_those_before_it() {
        assert_eq!(
            Span::SixMonths.first_month(day(2026, 8, 31)),
            day(2026, 3, 1)
        );
        assert_eq!(
            Span::TwelveMonths.first_month(day(2026, 8, 31)),
            day(2025, 9, 1)
        );
        assert_eq!(
            Span::SixMonths.first_month(day(2027, 2, 1)),
            day(2026, 9, 1)
        );
        assert_eq!(
            Span::TwelveMonths.first_month(day(2028, 2, 29)),
            day(2027, 3, 1)
        );
    }

    // Weekly bars

    #[test]
    fn there_is_one_bar_per_week_through_the_current_one_including_empty_weeks() {
        let today = day(2026, 11, 25);
        let bars = weekly(&[], Span::SixMonths, today);
        // Monday 25 May to Monday 23 November 2026: 26 weeks apart, 27 bars.
        assert_eq!(bars.len(), 27);
        assert_eq!(bars[0], bar(day(2026, 5, 25), 0, 0, 0));
        assert_eq!(bars[26].week, day(2026, 11, 23));
        assert!(bars
            .windows(2)
            .all(|w| (w[1].week - w[0].week).num_days() == 7));
        assert!(bars.iter().all(|b| b.total() == 0));

        let year = weekly(&[], Span::TwelveMonths, today);
        assert_eq!(year.len(), 53);
        assert_eq!(year[0].week, day(2025, 11, 24));
    }

    #[test]
    fn the_week_of_chronos_last_day_has_its_bar() {
        let today = NaiveDate::MAX;
        let bars = weekly(&[entry(1, Kind::Given, today)], Span::SixMonths, today);
        assert_eq!(bars.last().unwrap().week, week_start(today));
        assert_eq!(bars.last().unwrap().given, 1);
    }

    #[test]
    fn sunday_counts_in_its_week_and_monday_starts_the_next() {
        let today = day(2026, 11, 25);
        let journal = vec![
            entry(1, Kind::Given, day(2026, 11, 16)),    // Monday
            entry(2, Kind::Received, day(2026, 11, 22)), // Sunday
            entry(3, Kind::Witnessed, day(2026, 11, 22)),
            entry(4, Kind::Given, day(2026, 11, 23)), // Monday
            entry(5, Kind::Given, day(2026, 11, 25)),
        ];
        let bars = weekly(&journal, Span::SixMonths, today);
        let last_two = &bars[bars.len() - 2..];
        assert_eq!(
            last_two,
            [
                bar(day(2026, 11, 16), 1, 1, 1),
                bar(day(2026, 11, 23), 2, 0, 0)
            ]
        );
        assert_eq!(last_two[0].total(), 3);
        assert_eq!(bars.iter().map(WeekBar::total).sum::<u32>(), 5);
    }

    #[test]
    fn iso_week_53_of_2026_is_one_bar_across_the_new_year() {
        let today = day(2027, 1, 6);
        let journal = vec![
            entry(1, Kind::Given, day(2026, 12, 27)), // Sunday, week 52
            entry(2, Kind::Given, day(2026, 12, 28)), // Monday, week 53
            entry(3, Kind::Received, day(2026, 12, 31)),
            entry(4, Kind::Witnessed, day(2027, 1, 1)),
            entry(5, Kind::Given, day(2027, 1, 3)), // Sunday, still week 53
            entry(6, Kind::Given, day(2027, 1, 4)), // Monday, week 1 of 2027
        ];
        let bars = weekly(&journal, Span::SixMonths, today);
        assert_eq!(
            &bars[bars.len() - 3..],
            [
                bar(day(2026, 12, 21), 1, 0, 0),
                bar(day(2026, 12, 28), 2, 1, 1),
                bar(day(2027, 1, 4), 1, 0, 0),
            ]
        );
        assert_eq!(day(2026, 12, 28).iso_week().week(), 53);
    }

    #[test]
    fn entries_before_the_span_after_today_or_deleted_are_not_counted() {
        let today = day(2026, 8, 31);
        // The six-month span starts on Monday 23 February 2026.
        let journal = vec![
            entry(1, Kind::Given, day(2026, 2, 22)), // the Sunday before
            entry(2, Kind::Given, day(2026, 2, 23)),
            entry(3, Kind::Given, day(2026, 9, 1)), // tomorrow
            deleted(entry(4, Kind::Given, day(2026, 8, 31))),
            entry(5, Kind::Received, day(2026, 8, 31)),
        ];
        let bars = weekly(&journal, Span::SixMonths, today);
        assert_eq!(bars[0], bar(day(2026, 2, 23), 1, 0, 0));
        assert_eq!(bars.last(), Some(&bar(day(2026, 8, 31), 0, 1, 0)));
        assert_eq!(bars.iter().map(WeekBar::total).sum::<u32>(), 2);
    }

    // Categories

    #[test]
    fn categories_are_counted_most_used_first_with_uncategorised_apart() {
        let today = day(2026, 11, 25);
        let d = day(2026, 10, 5);
        let journal = vec![
            with_category(1, Kind::Given, d, "listening"),
            with_category(2, Kind::Received, d, "a ride"),
            with_category(3, Kind::Witnessed, d, "listening"),
            with_category(4, Kind::Given, d, "practical help"),
            with_category(5, Kind::Given, d, "practical help"),
            with_category(6, Kind::Given, d, ""),
            with_category(7, Kind::Given, d, ""),
            with_category(8, Kind::Given, day(2026, 1, 5), "listening"), // before the span
            with_category(9, Kind::Given, day(2026, 11, 26), "listening"), // future
            deleted(with_category(10, Kind::Given, d, "a ride")),
            deleted(with_category(11, Kind::Given, d, "")),
        ];
        let counts = by_category(&journal, Span::SixMonths, today);
        assert_eq!(
            counts,
            CategoryCounts {
                categories: vec![
                    ("listening".to_string(), 2),
                    ("practical help".to_string(), 2),
                    ("a ride".to_string(), 1),
                ],
                uncategorised: 2,
            }
        );
        let in_bars: u32 = weekly(&journal, Span::SixMonths, today)
            .iter()
            .map(WeekBar::total)
            .sum();
        let in_categories: u32 = counts.categories.iter().map(|(_, n)| n).sum();
        assert_eq!(in_bars, in_categories + counts.uncategorised);
    }

    #[test]
    fn the_twelve_month_span_counts_categories_further_back() {
        let today = day(2026, 11, 25);
        let journal = vec![with_category(
            1,
            Kind::Given,
            day(2026, 1, 5),
            "forgiveness",
        )];
        assert_eq!(
            by_category(&journal, Span::SixMonths, today),
            CategoryCounts::default()
        );
        assert_eq!(
            by_category(&journal, Span::TwelveMonths, today).categories,
            vec![("forgiveness".to_string(), 1)]
        );
    }

    // People

    #[test]
    fn people_are_grouped_ignoring_case_and_spaces_and_shown_as_last_spelled() {
        let today = day(2026, 11, 25);
        let journal = vec![
            with_person(1, Kind::Given, day(2026, 10, 1), "mrs chan"),
            with_person(2, Kind::Given, day(2026, 11, 2), "  Mrs  Chan "),
            with_person(3, Kind::Received, day(2026, 10, 20), "MRS CHAN"),
            with_person(4, Kind::Received, day(2026, 11, 1), "Omar"),
        ];
        assert_eq!(
            names(&people(&journal, Span::SixMonths, today, 10)),
            vec![("Mrs Chan", 2, 1), ("Omar", 0, 1)]
        );
    }

    #[test]
    fn on_the_same_day_the_spelling_written_last_wins() {
        let today = day(2026, 11, 25);
        let d = day(2026, 11, 3);
        let mut later = with_person(2, Kind::Given, d, "Ana");
        later.created_at = utc(2026, 11, 3, 18);
        let mut earlier = with_person(1, Kind::Given, d, "ana");
        earlier.created_at = utc(2026, 11, 3, 9);
        let found = people(&[later, earlier], Span::SixMonths, today, 10);
        assert_eq!(names(&found), vec![("Ana", 2, 0)]);
    }

    #[test]
    fn witnessed_kindness_blank_names_and_deleted_or_future_entries_name_nobody() {
        let today = day(2026, 11, 25);
        let journal = vec![
            with_person(1, Kind::Witnessed, day(2026, 11, 2), "Bea"),
            with_person(2, Kind::Given, day(2026, 11, 2), "   "),
            with_person(3, Kind::Given, day(2026, 11, 2), ""),
            deleted(with_person(4, Kind::Given, day(2026, 11, 2), "Carl")),
            with_person(5, Kind::Given, day(2026, 11, 26), "Dee"),
            with_person(6, Kind::Given, day(2026, 3, 2), "Eli"), // before six months
            with_person(7, Kind::Given, day(2026, 11, 2), "Bea"),
        ];
        assert_eq!(
            names(&people(&journal, Span::SixMonths, today, 10)),
            vec![("Bea", 1, 0)]
        );
        assert_eq!(
            names(&people(&journal, Span::TwelveMonths, today, 10)),
            vec![("Bea", 1, 0), ("Eli", 1, 0)]
        );
    }

    #[test]
    fn several_helpers_in_one_entry_each_count_once() {
        // How a need's helpers are written when it is recorded as received.
        let today = day(2026, 11, 25);
        let journal = vec![
            with_person(1, Kind::Received, day(2026, 11, 2), "Ana, Ben"),
            with_person(2, Kind::Given, day(2026, 11, 3), "ben"),
        ];
        assert_eq!(
            names(&people(&journal, Span::SixMonths, today, 10)),
            vec![("ben", 1, 1), ("Ana", 0, 1)]
        );
    }

    #[test]
    fn people_are_ranked_by_both_counts_together_then_by_name_up_to_the_limit() {
        let today = day(2026, 11, 25);
        let d = day(2026, 11, 2);
        let journal = vec![
            with_person(1, Kind::Given, d, "zoe"),
            with_person(2, Kind::Received, d, "Zoe"),
            with_person(3, Kind::Given, d, "Yann"),
            with_person(4, Kind::Given, d, "Yann"),
            with_person(5, Kind::Received, d, "Xia"),
            with_person(6, Kind::Given, d, "bram"),
            with_person(7, Kind::Received, d, "Ade"),
        ];
        assert_eq!(
            names(&people(&journal, Span::SixMonths, today, 10)),
            vec![
                ("Yann", 2, 0),
                ("zoe", 1, 1),
                ("Ade", 0, 1),
                ("bram", 1, 0),
                ("Xia", 0, 1),
            ]
        );
        assert_eq!(
            names(&people(&journal, Span::SixMonths, today, 3)),
            vec![("Yann", 2, 0), ("zoe", 1, 1), ("Ade", 0, 1)]
        );
        assert!(people(&journal, Span::SixMonths, today, 0).is_empty());
    }

    // Needs

    #[test]
    fn needs_are_counted_by_the_month_opened_and_the_month_done_with_empty_months() {
        let today = day(2026, 8, 31);
        let needs = vec![
            need(1, utc(2026, 3, 1, 9), Some(day(2026, 3, 1))),
            need(2, utc(2026, 3, 15, 9), Some(day(2026, 5, 2))),
            need(3, utc(2026, 5, 20, 9), None),
            need(4, utc(2026, 2, 27, 9), Some(day(2026, 3, 2))), // opened before the span
            need(5, utc(2026, 8, 31, 9), None),
        ];
        assert_eq!(
            needs_by_month(&needs, Span::SixMonths, today, utc_day),
            vec![
                month(2026, 3, 2, 2),
                month(2026, 4, 0, 0),
                month(2026, 5, 1, 1),
                month(2026, 6, 0, 0),
                month(2026, 7, 0, 0),
                month(2026, 8, 1, 0),
            ]
        );
    }

    #[test]
    fn twelve_months_of_needs_cross_the_new_year() {
        let today = day(2027, 1, 3);
        let needs = vec![
            need(1, utc(2026, 12, 31, 9), Some(day(2027, 1, 2))),
            need(2, utc(2026, 1, 31, 9), Some(day(2026, 2, 1))), // opened before the span
        ];
        let months = needs_by_month(&needs, Span::TwelveMonths, today, utc_day);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], month(2026, 2, 0, 1));
        assert_eq!(months[10], month(2026, 12, 1, 0));
        assert_eq!(months[11], month(2027, 1, 0, 1));
    }

    #[test]
    fn a_need_is_opened_on_the_readers_local_day() {
        // 23:30 UTC on 30 April is already 1 May in Auckland (UTC+12).
        let auckland = FixedOffset::east_opt(12 * 3600).unwrap();
        let local = |t: DateTime<Utc>| t.with_timezone(&auckland).date_naive();
        let today = day(2026, 5, 10);
        let needs = vec![need(
            1,
            Utc.with_ymd_and_hms(2026, 4, 30, 23, 30, 0).unwrap(),
            Some(day(2026, 5, 1)),
        )];
        let by_utc = needs_by_month(&needs, Span::SixMonths, today, utc_day);
        let by_local = needs_by_month(&needs, Span::SixMonths, today, local);
        assert_eq!(by_utc[4..], [month(2026, 4, 1, 0), month(2026, 5, 0, 1)]);
        assert_eq!(by_local[4..], [month(2026, 4, 0, 0), month(2026, 5, 1, 1)]);
        assert_eq!(
            median_days_to_done(&needs, Span::SixMonths, today, utc_day),
            Some(1.0)
        );
        assert_eq!(
            median_days_to_done(&needs, Span::SixMonths, today, local),
            Some(0.0)
        );
    }

    #[test]
    fn deleted_needs_and_days_after_today_are_not_counted() {
        let today = day(2026, 8, 15);
        let mut gone = need(1, utc(2026, 8, 1, 9), Some(day(2026, 8, 3)));
        gone.deleted_at = Some(utc(2026, 8, 4, 9));
        let needs = vec![
            gone,
            need(2, utc(2026, 8, 16, 9), None), // clock ahead
            need(3, utc(2026, 8, 10, 9), Some(day(2026, 8, 20))), // done "later"
        ];
        let months = needs_by_month(&needs, Span::SixMonths, today, utc_day);
        assert_eq!(months.last(), Some(&month(2026, 8, 1, 0)));
        assert_eq!(months.iter().map(|m| m.done).sum::<u32>(), 0);
        assert_eq!(
            median_days_to_done(&needs, Span::SixMonths, today, utc_day),
            None
        );
    }

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_one() {
        let today = day(2026, 8, 31);
        let needs = vec![
            need(1, utc(2026, 6, 1, 9), Some(day(2026, 6, 11))), // 10 days
            need(2, utc(2026, 6, 1, 9), Some(day(2026, 6, 3))),  // 2 days
            need(3, utc(2026, 6, 1, 9), Some(day(2026, 6, 1))),  // same day: 0
            need(4, utc(2026, 6, 1, 9), None),
        ];
        assert_eq!(
            median_days_to_done(&needs, Span::SixMonths, today, utc_day),
            Some(2.0)
        );
    }

    #[test]
    fn the_median_of_an_even_count_is_halfway_between_the_middle_two() {
        let today = day(2026, 8, 31);
        let needs = vec![
            need(1, utc(2026, 6, 1, 9), Some(day(2026, 6, 1))), // 0
            need(2, utc(2026, 6, 1, 9), Some(day(2026, 6, 4))), // 3
            need(3, utc(2026, 6, 1, 9), Some(day(2026, 6, 1))), // 0
            need(4, utc(2026, 6, 1, 9), Some(day(2026, 7, 1))), // 30
        ];
        assert_eq!(
            median_days_to_done(&needs, Span::SixMonths, today, utc_day),
            Some(1.5)
        );
        let one_same_day = [need(5, utc(2026, 6, 1, 23), Some(day(2026, 6, 1)))];
        assert_eq!(
            median_days_to_done(&one_same_day, Span::SixMonths, today, utc_day),
            Some(0.0)
        );
    }

    #[test]
    fn the_median_covers_needs_done_in_the_span_even_if_opened_before_it() {
        let today = day(2026, 8, 31);
        let needs = vec![
            // Opened in January, done on 1 March, the first day of the six months.
            need(1, utc(2026, 1, 30, 9), Some(day(2026, 3, 1))),
            // Done on 28 February, before it.
            need(2, utc(2026, 2, 1, 9), Some(day(2026, 2, 28))),
        ];
        assert_eq!(
            median_days_to_done(&needs, Span::SixMonths, today, utc_day),
            Some(30.0)
        );
        assert_eq!(
            median_days_to_done(&needs, Span::TwelveMonths, today, utc_day),
            Some(28.5)
        );
    }

    #[test]
    fn a_done_day_before_the_opening_day_counts_as_no_days() {
        let today = day(2026, 8, 31);
        let mut early = need(1, utc(2026, 6, 10, 9), None);
        early.status = Status::Done {
            helpers: Vec::new(),
            on: day(2026, 6, 8),
        };
        assert_eq!(
            median_days_to_done(&[early], Span::SixMonths, today, utc_day),
            Some(0.0)
        );
    }

    #[test]
    fn with_no_needs_every_month_is_still_listed_and_there_is_no_median() {
        let today = day(2026, 2, 28);
        let months = needs_by_month(&[], Span::TwelveMonths, today, utc_day);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], month(2025, 3, 0, 0));
        assert_eq!(months[11], month(2026, 2, 0, 0));
        assert_eq!(
            median_days_to_done(&[], Span::TwelveMonths, today, utc_day),
            None
        );
    }
}
