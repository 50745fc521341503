//! Needs that come back: the same ride to dialysis every Tuesday, the shopping every month.
//!
//! A repeating need is one need for one date at a time. It keeps the rule (how often, and the
//! first date of the series) so that each next date is counted from the series' start, not
//! from the date before it: a need on 31 January that repeats every month falls on the last
//! day of February and then on 31 March again, not on the 28th or 29th for ever after.
//!
//! Dates are calendar days, never instants: "every Tuesday" stays on Tuesday when the clocks
//! change, because no hour is counted.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often a need comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    #[default]
    Never,
    Week,
    TwoWeeks,
    Month,
}

impl Every {
    pub const ALL: [Every; 4] = [Every::Never, Every::Week, Every::TwoWeeks, Every::Month];

    /// The name used in forms and files.
    pub fn as_str(self) -> &'static str {
        match self {
            Every::Never => "never",
            Every::Week => "week",
            Every::TwoWeeks => "two_weeks",
            Every::Month => "month",
        }
    }

    pub fn parse(name: &str) -> Option<Every> {
        Self::ALL.into_iter().find(|e| e.as_str() == name)
    }
}

/// The rule of a repeating need: how often, counted from the first date of the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    pub every: Every,
    /// The series' first date: every date of the series is counted from it.
    pub from: NaiveDate,
}

impl Repeat {
    /// The `n`-th date of the series (the first is `n = 0`). A month without the first
    /// date's day ends the count on its last day (31 January, 28 or 29 February, 31 March).
    /// `None` past the end of chrono's calendar, or for a rule that does not repeat.
    pub fn nth(self, n: u32) -> Option<NaiveDate> {
        match self.every {
            Every::Never => None,
            Every::Week => self.from.checked_add_days(Days::new(7 * u64::from(n))),
            Every::TwoWeeks => self.from.checked_add_days(Days::new(14 * u64::from(n))),
            Every::Month => self.from.checked_add_months(Months::new(n)),
        }
    }

    /// The first date of the series after `day`: the next time the need comes back.
    pub fn next_after(self, day: NaiveDate) -> Option<NaiveDate> {
        if day < self.from {
            return Some(self.from);
        }
        // A first guess from the gap, then forward to the first date past `day`: a month's
        // dates can fall a few days short of the average, never a whole period.
        let gap = (day - self.from).num_days().max(0) as u64;
        let mut n = match self.every {
            Every::Never => return None,
            Every::Week => gap / 7,
            Every::TwoWeeks => gap / 14,
            Every::Month => (gap / 31).saturating_sub(1),
        };
        loop {
            let date = self.nth(u32::try_from(n).ok()?)?;
            if date > day {
                return Some(date);
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDateTime, TimeZone, Weekday};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn series(every: Every, from: NaiveDate, count: usize) -> Vec<NaiveDate> {
        let rule = Repeat { every, from };
        let mut dates = vec![from];
        while dates.len() < count {
            dates.push(rule.next_after(*dates.last().unwrap()).unwrap());
        }
        dates
    }

    #[test]
    fn every_month_from_the_31st_ends_short_months_on_their_last_day_and_comes_back_to_31() {
        assert_eq!(
            series(Every::Month, day(2027, 1, 31), 5),
            vec![
                day(2027, 1, 31),
                day(2027, 2, 28),
                day(2027, 3, 31),
                day(2027, 4, 30),
                day(2027, 5, 31)
            ]
        );
        // In a leap year February has its 29th.
        assert_eq!(
            Repeat {
                every: Every::Month,
                from: day(2028, 1, 31)
            }
            .next_after(day(2028, 1, 31)),
            Some(day(2028, 2, 29))
        );
    }

    #[test]
    fn a_series_from_29_february_keeps_the_29th_where_a_month_has_one() {
        assert_eq!(
            series(Every::Month, day(2028, 2, 29), 3),
            vec![day(2028, 2, 29), day(2028, 3, 29), day(2028, 4, 29)]
        );
        // Monthly from 29 February 2028 meets February again in 2029, which has no 29th.
        let rule = Repeat {
            every: Every::Month,
            from: day(2028, 2, 29),
        };
        assert_eq!(rule.next_after(day(2029, 1, 29)), Some(day(2029, 2, 28)));
        assert_eq!(rule.next_after(day(2029, 2, 28)), Some(day(2029, 3, 29)));
        // Weekly across 29 February counts it as a day like any other.
        assert_eq!(
            series(Every::Week, day(2028, 2, 22), 3),
            vec![day(2028, 2, 22), day(2028, 2, 29), day(2028, 3, 7)]
        );
    }

    #[test]
    fn every_week_stays_on_its_weekday_across_the_clock_changes() {
        // Europe's clocks go forward on 29 March 2026 and back on 25 October 2026; Hong Kong's
        // never change. A weekly need on Tuesday stays on Tuesday at the same hour.
        let dates = series(Every::Week, day(2026, 3, 24), 32);
        assert!(
            dates.iter().all(|d| d.weekday() == Weekday::Tue),
            "{dates:?}"
        );
        assert!(dates.contains(&day(2026, 3, 31)) && dates.contains(&day(2026, 10, 27)));
        // The same local hour on each side of the change: a calendar day is not 24 hours.
        let london_summer = chrono::FixedOffset::east_opt(3600).unwrap();
        let london_winter = chrono::FixedOffset::east_opt(0).unwrap();
        let nine =
            |d: NaiveDate| NaiveDateTime::new(d, chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        let before = london_winter
            .from_local_datetime(&nine(day(2026, 3, 24)))
            .unwrap();
        let after = london_summer
            .from_local_datetime(&nine(day(2026, 3, 31)))
            .unwrap();
        assert_eq!(
            (after - before).num_hours(),
            7 * 24 - 1,
            "the week had 167 hours"
        );
        assert_eq!(after.date_naive(), dates[1]);
    }

    #[test]
    fn every_week_and_every_two_weeks_cross_iso_week_53_into_week_1() {
        // 2026 has 53 ISO weeks: Monday 28 December 2026 is in week 53.
        let monday = day(2026, 12, 28);
        assert_eq!(monday.iso_week().week(), 53);
        let weekly = series(Every::Week, day(2026, 12, 21), 3);
        assert_eq!(weekly, vec![day(2026, 12, 21), monday, day(2027, 1, 4)]);
        let weeks: Vec<u32> = weekly.iter().map(|d| d.iso_week().week()).collect();
        assert_eq!(weeks, vec![52, 53, 1]);
        let fortnightly = series(Every::TwoWeeks, day(2026, 12, 14), 3);
        assert_eq!(
            fortnightly,
            vec![day(2026, 12, 14), monday, day(2027, 1, 11)]
        );
    }

    #[test]
    fn the_next_date_after_any_day_is_the_first_of_the_series_past_it() {
        let rule = Repeat {
            every: Every::Month,
            from: day(2026, 1, 31),
        };
        assert_eq!(rule.next_after(day(2025, 12, 1)), Some(day(2026, 1, 31)));
        assert_eq!(rule.next_after(day(2026, 3, 30)), Some(day(2026, 3, 31)));
        assert_eq!(rule.next_after(day(2026, 3, 31)), Some(day(2026, 4, 30)));
        // Years on, the count still comes from the first date.
        assert_eq!(rule.next_after(day(2030, 2, 27)), Some(day(2030, 2, 28)));
        let never = Repeat {
            every: Every::Never,
            from: day(2026, 1, 31),
        };
        assert_eq!(never.next_after(day(2026, 2, 1)), None);
        let weekly = Repeat {
            every: Every::Week,
            from: day(2026, 11, 3),
        };
        assert_eq!(weekly.next_after(day(2026, 11, 4)), Some(day(2026, 11, 10)));
        assert_eq!(
            weekly.next_after(NaiveDate::MAX),
            None,
            "no date past chrono's calendar"
        );
    }
}
