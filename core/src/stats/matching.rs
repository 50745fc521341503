//! Suggesting helpers for a need, and saying why in words.
//!
//! A helper scores for doing the kind of help needed, for sharing the person's language, and
//! for being free on the day it is needed; and, to spread the load, for not having been asked
//! lately. Nobody is left out: helpers who fit nothing come last, in name order.

use chrono::{Datelike, NaiveDate, Weekday};
use uuid::Uuid;

use crate::helper::{DayPart, Helper};
use crate::need::Need;

/// Why a helper is suggested. The interface words each reason in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// They help with the need's category.
    HelpsWith(String),
    /// They speak the person's language.
    Speaks(String),
    /// They are free on the weekday the need is for, at these parts of the day.
    FreeOn(Weekday, Vec<DayPart>),
    /// They are not free on the weekday the need is for, only on these days.
    NotFreeOn(Weekday, Vec<Weekday>),
    /// They have not said which days they are free; the need is for this weekday.
    DaysNotGiven(Weekday),
    /// Nobody has asked them yet.
    NeverAsked,
    /// They were last asked this many days ago.
    LastAsked(i64),
}

/// A suggested helper with the reasons, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub helper: Uuid,
    pub score: i32,
    pub reasons: Vec<Reason>,
}

/// Days within which a helper counts as asked lately.
const LATELY: i64 = 14;

fn score(helper: &Helper, need: &Need, today: NaiveDate) -> Suggestion {
    let mut score = 0;
    let mut reasons = Vec::new();
    if !need.category.is_empty() && helper.can_help_with.contains(&need.category) {
        score += 4;
        reasons.push(Reason::HelpsWith(need.category.clone()));
    }
    if !need.language.is_empty() && helper.speaks(&need.language) {
        score += 3;
        reasons.push(Reason::Speaks(need.language.clone()));
    }
    // The day fit is always said when the need has a day: someone free only on other days
    // may still be the best fit, but the reader must see that they are not free then.
    if let Some(day) = need.needed_by.map(|d| d.weekday()) {
        let days = &helper.availability.days;
        if helper.availability.free_on(day) {
            score += 2;
            reasons.push(Reason::FreeOn(day, helper.availability.parts.clone()));
        } else if days.is_empty() {
            reasons.push(Reason::DaysNotGiven(day));
        } else {
            score -= 2;
            reasons.push(Reason::NotFreeOn(day, days.clone()));
        }
    }
    match helper.last_contacted {
        None => {
            score += 1;
            reasons.push(Reason::NeverAsked);
        }
        Some(day) => {
            let days = (today - day).num_days();
            if days >= LATELY {
                score += 1;
            } else {
                score -= 1;
            }
            reasons.push(Reason::LastAsked(days));
        }
    }
    Suggestion {
        helper: helper.id,
        score,
        reasons,
    }
}

/// Every helper not already on the need, best fit first; ties go to whoever was asked
/// longest ago, then by name.
pub fn suggest<'a>(
    need: &Need,
    helpers: impl IntoIterator<Item = &'a Helper>,
    today: NaiveDate,
) -> Vec<Suggestion> {
    let mut ranked: Vec<(&Helper, Suggestion)> = helpers
        .into_iter()
        .filter(|h| !need.helpers().contains(&h.id))
        .map(|h| (h, score(h, need, today)))
        .collect();
    ranked.sort_by(|(a, sa), (b, sb)| {
        sb.score
            .cmp(&sa.score)
            .then(a.last_contacted.cmp(&b.last_contacted))
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    ranked.into_iter().map(|(_, s)| s).collect()
}

/// How many needs a helper has helped with, and when last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HelpRecord {
    pub times: u32,
    pub last: Option<NaiveDate>,
}

/// The helper's record over the needs marked done with them.
pub fn help_record<'a>(helper: Uuid, needs: impl IntoIterator<Item = &'a Need>) -> HelpRecord {
    needs
        .into_iter()
        .filter_map(|need| match &need.status {
            crate::need::Status::Done { helpers, on } if helpers.contains(&helper) => Some(*on),
            _ => None,
        })
        .fold(HelpRecord::default(), |record, on| HelpRecord {
            times: record.times + 1,
            last: record.last.max(Some(on)),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::at;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn helper(n: u128, name: &str) -> Helper {
        Helper::new(Uuid::from_u128(n), at(0), name.into())
    }

    /// A ride to the clinic on Tuesday 24 November for someone who speaks Cantonese.
    fn clinic_ride() -> Need {
        let mut need = Need::new(Uuid::nil(), at(0), "A ride to the clinic".into());
        need.category = "a ride".into();
        need.language = "Cantonese".into();
        need.needed_by = Some(day(24));
        need
    }

    #[test]
    fn the_helper_who_fits_in_every_way_comes_first_with_the_reasons_in_words() {
        let mut may = helper(1, "May");
        may.can_help_with = vec!["a ride".into()];
        may.languages = vec!["Cantonese".into(), "English".into()];
        may.availability.days = vec![Weekday::Tue];
        may.availability.parts = vec![DayPart::Morning];
        let mut sam = helper(2, "Sam");
        sam.can_help_with = vec!["a ride".into()];
        sam.languages = vec!["English".into()];
        let priya = helper(3, "Priya");

        let ranked = suggest(&clinic_ride(), [&priya, &sam, &may], day(23));
        let order: Vec<_> = ranked.iter().map(|s| s.helper.as_u128()).collect();
        assert_eq!(order, vec![1, 2, 3]);
        assert_eq!(
            ranked[0].reasons,
            vec![
                Reason::HelpsWith("a ride".into()),
                Reason::Speaks("Cantonese".into()),
                Reason::FreeOn(Weekday::Tue, vec![DayPart::Morning]),
                Reason::NeverAsked,
            ]
        );
    }

    #[test]
    fn the_day_fit_is_said_for_everyone_and_someone_free_on_other_days_gives_way() {
        // The clinic ride is on a Tuesday.
        let mut mon_wed = helper(1, "Ann");
        mon_wed.availability.days = vec![Weekday::Mon, Weekday::Wed];
        let mut tuesday = helper(2, "Bob");
        tuesday.availability.days = vec![Weekday::Tue];
        let unknown = helper(3, "Cat");
        let ranked = suggest(&clinic_ride(), [&mon_wed, &unknown, &tuesday], day(23));
        let order: Vec<_> = ranked.iter().map(|s| s.helper.as_u128()).collect();
        assert_eq!(order, vec![2, 3, 1]);
        assert_eq!(ranked[0].reasons[0], Reason::FreeOn(Weekday::Tue, vec![]));
        assert_eq!(ranked[1].reasons[0], Reason::DaysNotGiven(Weekday::Tue));
        assert_eq!(
            ranked[2].reasons[0],
            Reason::NotFreeOn(Weekday::Tue, vec![Weekday::Mon, Weekday::Wed])
        );
    }

    #[test]
    fn someone_asked_lately_gives_way_to_an_equal_helper_who_was_not() {
        let mut asked_yesterday = helper(1, "Ann");
        asked_yesterday.can_help_with = vec!["a ride".into()];
        asked_yesterday.last_contacted = Some(day(22));
        let mut asked_long_ago = helper(2, "Bob");
        asked_long_ago.can_help_with = vec!["a ride".into()];
        asked_long_ago.last_contacted = Some(day(1));
        let ranked = suggest(&clinic_ride(), [&asked_yesterday, &asked_long_ago], day(23));
        assert_eq!(ranked[0].helper, asked_long_ago.id);
        assert_eq!(ranked[0].reasons.last(), Some(&Reason::LastAsked(22)));
        assert_eq!(ranked[1].reasons.last(), Some(&Reason::LastAsked(1)));
    }

    #[test]
    fn helpers_already_on_the_need_are_not_suggested_again() {
        let may = helper(1, "May");
        let sam = helper(2, "Sam");
        let mut need = clinic_ride();
        need.match_helpers(&[may.id]).unwrap();
        let ranked = suggest(&need, [&may, &sam], day(23));
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].helper, sam.id);
    }

    #[test]
    fn equal_helpers_are_ranked_by_name_whatever_order_they_come_in() {
        let a = helper(7, "alice");
        let b = helper(3, "Bea");
        let forwards = suggest(&clinic_ride(), [&a, &b], day(23));
        let backwards = suggest(&clinic_ride(), [&b, &a], day(23));
        assert_eq!(forwards, backwards);
        assert_eq!(forwards[0].helper, a.id);
    }

    #[test]
    fn a_helpers_record_counts_the_needs_done_with_them() {
        let may = Uuid::from_u128(1);
        let mut first = Need::new(Uuid::from_u128(10), at(0), "x".into());
        first.match_helpers(&[may]).unwrap();
        first.mark_done(day(3)).unwrap();
        let mut second = Need::new(Uuid::from_u128(11), at(0), "y".into());
        second.match_helpers(&[may]).unwrap();
        second.mark_done(day(9)).unwrap();
        let mut open = Need::new(Uuid::from_u128(12), at(0), "z".into());
        open.match_helpers(&[may]).unwrap();
        assert_eq!(
            help_record(may, [&first, &second, &open]),
            HelpRecord {
                times: 2,
                last: Some(day(9))
            }
        );
    }
}
