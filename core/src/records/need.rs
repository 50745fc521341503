//! The needs board: what someone needs, who is helping, and following through until it is
//! done.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::journal::{JournalEntry, Kind};
use crate::model::Model;
use crate::record::{impl_record, CollectionName};
use crate::recurrence::{Every, Repeat};
use crate::validation::{
    checked, is_blank, is_sane_day, record_fields, without_direction_overrides, FieldError, Problem,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    Low,
    #[default]
    Medium,
    High,
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [Urgency::Low, Urgency::Medium, Urgency::High];

    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Low => "low",
            Urgency::Medium => "medium",
            Urgency::High => "high",
        }
    }

    pub fn parse(name: &str) -> Option<Urgency> {
        Self::ALL.into_iter().find(|u| u.as_str() == name)
    }
}

/// Where a need stands: open, matched to one or more helpers, or done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Status {
    Open,
    Matched { helpers: Vec<Uuid> },
    Done { helpers: Vec<Uuid>, on: NaiveDate },
}

/// A change of status that is not allowed from where the need stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAllowed {
    /// A done need must be reopened before it is matched again.
    AlreadyDone,
    /// Only a done need can be reopened.
    NotDone,
    /// Matching needs at least one helper.
    NoHelper,
}

/// Something someone needs help with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Need {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<DateTime<Utc>>,
    /// This version's revision: what it was made from is in `ancestors`.
    pub rev: crate::revision::Rev,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<crate::revision::Rev>,
    /// Concurrent versions that lost the merge, kept until the person chooses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Need>,
    pub what: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub for_whom: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(default)]
    pub urgency: Urgency,
    /// The language the person needing help is most at ease in, for matching.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_by: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// How the need comes back, for a need that repeats: its date is `needed_by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeats: Option<Repeat>,
    #[serde(flatten)]
    pub status: Status,
}

impl_record!(Need, CollectionName::Needs);

record_fields! {
    /// A need's fields; the last three are its status's, which a file writes beside them.
    NeedField {
        What => "what",
        ForWhom => "for_whom",
        Category => "category",
        Urgency => "urgency",
        Language => "language",
        NeededBy => "needed_by",
        FollowUpOn => "follow_up_on",
        Notes => "notes",
        Repeats => "repeats",
        Status => "status",
        Helpers => "helpers",
        On => "on",
    }
}

impl Need {
    /// What is wrong with what the need says: the one set of rules for the form and for a
    /// file (which also checks the day it was done on, a field no form has).
    pub fn check(&self) -> Vec<FieldError<NeedField>> {
        let mut errors = Vec::new();
        if is_blank(&self.what) {
            errors.push(FieldError::new(NeedField::What, Problem::Required));
        }
        for (field, day) in [
            (NeedField::NeededBy, self.needed_by),
            (NeedField::FollowUpOn, self.follow_up_on),
        ] {
            if day.is_some_and(|day| !is_sane_day(day)) {
                errors.push(FieldError::new(field, Problem::OutOfRange));
            }
        }
        errors
    }
}

impl Need {
    pub fn new(id: Uuid, now: DateTime<Utc>, what: String) -> Self {
        Self {
            id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            rev: crate::revision::Rev::NONE,
            ancestors: Vec::new(),
            conflicts: Vec::new(),
            what,
            for_whom: String::new(),
            category: String::new(),
            urgency: Urgency::Medium,
            language: String::new(),
            needed_by: None,
            follow_up_on: None,
            notes: String::new(),
            repeats: None,
            status: Status::Open,
        }
    }

    /// The date after this one's for a repeating need: when it is needed next.
    fn next_date(&self) -> Option<NaiveDate> {
        self.repeats?.next_after(self.needed_by?)
    }

    /// The next need of a repeating need, open, on its next date (its follow-up day moved
    /// as far), with the id `id`. `None` for a need that does not repeat.
    pub fn next_occurrence(&self, id: Uuid, now: DateTime<Utc>) -> Option<Need> {
        let next = self.next_date()?;
        let moved = next - self.needed_by?;
        let mut need = Need::new(id, now, self.what.clone());
        need.for_whom.clone_from(&self.for_whom);
        need.category.clone_from(&self.category);
        need.urgency = self.urgency;
        need.language.clone_from(&self.language);
        need.notes.clone_from(&self.notes);
        need.repeats = self.repeats;
        need.needed_by = Some(next);
        need.follow_up_on = self.follow_up_on.and_then(|d| d.checked_add_signed(moved));
        Some(need)
    }

    /// Skips one date of a repeating need that is not done: it moves to its next date (and
    /// its follow-up day as far). Returns false, changing nothing, for any other need.
    pub fn skip_occurrence(&mut self) -> bool {
        let (Some(next), Some(day), false) = (self.next_date(), self.needed_by, self.is_done())
        else {
            return false;
        };
        let moved = next - day;
        self.needed_by = Some(next);
        self.follow_up_on = self.follow_up_on.and_then(|d| d.checked_add_signed(moved));
        true
    }

    /// The helpers matched to the need, or who helped with it once done.
    pub fn helpers(&self) -> &[Uuid] {
        match &self.status {
            Status::Open => &[],
            Status::Matched { helpers } | Status::Done { helpers, .. } => helpers,
        }
    }

    pub fn is_done(&self) -> bool {
        matches!(self.status, Status::Done { .. })
    }

    /// Matches the need to more helpers. An open need becomes matched; a done need must be
    /// reopened first.
    pub fn match_helpers(&mut self, helpers: &[Uuid]) -> Result<(), NotAllowed> {
        if self.is_done() {
            return Err(NotAllowed::AlreadyDone);
        }
        if helpers.is_empty() {
            return Err(NotAllowed::NoHelper);
        }
        let mut all = self.helpers().to_vec();
        for helper in helpers {
            if !all.contains(helper) {
                all.push(*helper);
            }
        }
        self.status = Status::Matched { helpers: all };
        Ok(())
    }

    /// Marks the need done on `today`, with whoever was matched. Done once is enough.
    pub fn mark_done(&mut self, today: NaiveDate) -> Result<(), NotAllowed> {
        if self.is_done() {
            return Err(NotAllowed::AlreadyDone);
        }
        self.status = Status::Done {
            helpers: self.helpers().to_vec(),
            on: today,
        };
        Ok(())
    }

    /// Opens a done need again, as it was before anyone was matched: it was not met after all.
    pub fn reopen(&mut self) -> Result<(), NotAllowed> {
        if !self.is_done() {
            return Err(NotAllowed::NotDone);
        }
        self.status = Status::Open;
        Ok(())
    }

    /// Whether someone should check on this need today: it is not done and its follow-up
    /// day is today or past. `today` is the reader's own calendar day.
    pub fn follow_up_due(&self, today: NaiveDate) -> bool {
        !self.is_done() && self.follow_up_on.is_some_and(|day| day <= today)
    }

    /// A journal entry recording the need as met: given (by the writer) or received.
    pub fn to_journal_entry(
        &self,
        kind: Kind,
        helper_names: &[String],
        id: Uuid,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> JournalEntry {
        let mut entry = JournalEntry::new(id, now, self.what.clone(), kind, today);
        entry.person = match kind {
            Kind::Received => helper_names.join(", "),
            Kind::Given | Kind::Witnessed => self.for_whom.clone(),
        };
        // Given to someone, the entry still says who helped: as its tags, where the journal
        // shows and searches them.
        if kind != Kind::Received {
            entry.tags = helper_names.to_vec();
        }
        entry.category = self.category.clone();
        entry
    }
}

/// Needs in the order the board shows them: follow-ups due first, then open before matched
/// before done, more urgent first, sooner needed first, newest first.
pub fn board_order(needs: &mut [&Need], today: NaiveDate) {
    let stage = |need: &Need| match need.status {
        Status::Open => 0,
        Status::Matched { .. } => 1,
        Status::Done { .. } => 2,
    };
    needs.sort_by(|a, b| {
        b.follow_up_due(today)
            .cmp(&a.follow_up_due(today))
            .then(stage(a).cmp(&stage(b)))
            .then(b.urgency.cmp(&a.urgency))
            .then(
                a.needed_by
                    .unwrap_or(NaiveDate::MAX)
                    .cmp(&b.needed_by.unwrap_or(NaiveDate::MAX)),
            )
            .then(b.created_at.cmp(&a.created_at))
    });
}

impl Model {
    /// The live needs that `keep` keeps, in [board order](board_order): the board, the
    /// follow-ups in the journal and the printed list all show needs so.
    pub fn needs_in_board_order(
        &self,
        today: NaiveDate,
        keep: impl Fn(&Need) -> bool,
    ) -> Vec<&Need> {
        let mut needs: Vec<&Need> = self.needs.live().filter(|need| keep(need)).collect();
        board_order(&mut needs, today);
        needs
    }
}

/// The need form as typed.
/// Serialisable so that a half-written form can be kept as a draft (`src/drafts.rs`);
/// missing fields read as empty, so that a draft outlives a field added later.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedDraft {
    pub what: String,
    pub for_whom: String,
    pub category: String,
    pub urgency: Urgency,
    pub language: String,
    /// `YYYY-MM-DD` or empty.
    pub needed_by: String,
    /// `YYYY-MM-DD` or empty.
    pub follow_up_on: String,
    pub notes: String,
    pub repeats: Every,
}

impl NeedDraft {
    pub fn from_need(need: &Need) -> Self {
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            what: need.what.clone(),
            for_whom: need.for_whom.clone(),
            category: need.category.clone(),
            urgency: need.urgency,
            language: need.language.clone(),
            needed_by: day(need.needed_by),
            follow_up_on: day(need.follow_up_on),
            notes: need.notes.clone(),
            repeats: need.repeats.map_or(Every::Never, |r| r.every),
        }
    }

    /// Checks the form; on success returns `existing` updated or a new open need.
    pub fn to_need(
        &self,
        existing: Option<&Need>,
        new_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Need, Vec<FieldError<NeedField>>> {
        let mut errors = Vec::new();
        let mut optional_day = |field, text: &str| match text.trim() {
            "" => None,
            text => text
                .parse::<NaiveDate>()
                .map_err(|_| errors.push(FieldError::new(field, Problem::NotADate)))
                .ok(),
        };
        let needed_by = optional_day(NeedField::NeededBy, &self.needed_by);
        let follow_up_on = optional_day(NeedField::FollowUpOn, &self.follow_up_on);
        // A need that repeats is counted from its date: it must have one.
        if self.repeats != Every::Never && self.needed_by.trim().is_empty() {
            errors.push(FieldError::new(NeedField::NeededBy, Problem::Required));
        }
        let mut need = existing
            .cloned()
            .unwrap_or_else(|| Need::new(new_id, now, String::new()));
        // As in a file from elsewhere: a name cannot be turned around to pass for another.
        need.what = without_direction_overrides(self.what.trim());
        need.for_whom = without_direction_overrides(self.for_whom.trim());
        need.category = self.category.trim().to_string();
        need.urgency = self.urgency;
        need.language = self.language.trim().to_string();
        need.follow_up_on = follow_up_on;
        need.notes = self.notes.trim().to_string();
        // The series keeps counting from its first date while its rule and date stay as they
        // were (a monthly need from the 31st stays on month ends); a new rule or date starts
        // a new series there.
        let kept = need
            .repeats
            .filter(|r| r.every == self.repeats && need.needed_by == needed_by);
        need.repeats = match (self.repeats, needed_by) {
            (Every::Never, _) | (_, None) => None,
            (every, Some(from)) => kept.or(Some(Repeat { every, from })),
        };
        need.needed_by = needed_by;
        // The same rules as a file's, on what the form would save.
        checked(need, errors, Need::check)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::at;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn helper(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn a_need_goes_from_open_to_matched_to_done_and_can_be_reopened() {
        let mut need = Need::new(Uuid::nil(), at(0), "A ride to the clinic".into());
        assert_eq!(need.status, Status::Open);
        need.match_helpers(&[helper(1)]).unwrap();
        need.match_helpers(&[helper(2), helper(1)]).unwrap();
        assert_eq!(need.helpers(), &[helper(1), helper(2)]);
        need.mark_done(day(23)).unwrap();
        assert_eq!(
            need.status,
            Status::Done {
                helpers: vec![helper(1), helper(2)],
                on: day(23)
            }
        );
        need.reopen().unwrap();
        assert_eq!(need.status, Status::Open);
    }

    #[test]
    fn a_done_need_is_not_matched_again_without_being_reopened() {
        let mut need = Need::new(Uuid::nil(), at(0), "Groceries".into());
        need.mark_done(day(23)).unwrap();
        assert_eq!(
            need.match_helpers(&[helper(1)]),
            Err(NotAllowed::AlreadyDone)
        );
        assert_eq!(need.mark_done(day(24)), Err(NotAllowed::AlreadyDone));
        let mut open = Need::new(Uuid::nil(), at(0), "Company".into());
        assert_eq!(open.reopen(), Err(NotAllowed::NotDone));
        assert_eq!(open.match_helpers(&[]), Err(NotAllowed::NoHelper));
    }

    #[test]
    fn a_follow_up_is_due_on_its_day_and_after_until_the_need_is_done() {
        let mut need = Need::new(Uuid::nil(), at(0), "Check on Mr Lee".into());
        assert!(!need.follow_up_due(day(23)), "no follow-up day");
        need.follow_up_on = Some(day(23));
        assert!(!need.follow_up_due(day(22)));
        assert!(need.follow_up_due(day(23)));
        assert!(need.follow_up_due(day(30)));
        need.mark_done(day(23)).unwrap();
        assert!(!need.follow_up_due(day(30)));
    }

    #[test]
    fn whether_a_follow_up_is_due_depends_on_the_readers_own_calendar_day() {
        use chrono::{FixedOffset, TimeZone};
        let mut need = Need::new(Uuid::nil(), at(0), "Phone Grandma Lo".into());
        need.follow_up_on = Some(day(24));
        // 23:30 UTC on the 23rd is already the 24th in Hong Kong, still the 23rd in London
        // and only the afternoon of the 23rd in New York.
        let instant = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 23, 30, 0)
            .unwrap();
        let local_day = |hours: i32| {
            instant
                .with_timezone(&FixedOffset::east_opt(hours * 3600).unwrap())
                .date_naive()
        };
        assert!(need.follow_up_due(local_day(8)));
        assert!(!need.follow_up_due(local_day(0)));
        assert!(!need.follow_up_due(local_day(-5)));
    }

    #[test]
    fn the_board_shows_due_follow_ups_first_then_open_urgent_needs() {
        let mut due = Need::new(helper(1), at(0), "due".into());
        due.follow_up_on = Some(day(20));
        due.match_helpers(&[helper(9)]).unwrap();
        let mut urgent = Need::new(helper(2), at(0), "urgent".into());
        urgent.urgency = Urgency::High;
        let calm = Need::new(helper(3), at(0), "calm".into());
        let mut done = Need::new(helper(4), at(0), "done".into());
        done.mark_done(day(21)).unwrap();
        let mut board = vec![&done, &calm, &urgent, &due];
        board_order(&mut board, day(23));
        let order: Vec<_> = board.iter().map(|n| n.what.as_str()).collect();
        assert_eq!(order, vec!["due", "urgent", "calm", "done"]);
    }

    #[test]
    fn the_needs_kept_are_the_live_ones_in_board_order() {
        let mut model = Model::default();
        let mut urgent = Need::new(helper(2), at(0), "urgent".into());
        urgent.urgency = Urgency::High;
        let calm = Need::new(helper(3), at(0), "calm".into());
        let mut done = Need::new(helper(4), at(0), "done".into());
        done.mark_done(day(21)).unwrap();
        let gone = Need::new(helper(5), at(0), "gone".into());
        for need in [calm, done, urgent, gone] {
            model.needs.put(need, at(1));
        }
        model.needs.delete(helper(5), at(2));
        let shown = |keep: &dyn Fn(&Need) -> bool| {
            model
                .needs_in_board_order(day(23), keep)
                .iter()
                .map(|n| n.what.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(&|_| true), ["urgent", "calm", "done"]);
        assert_eq!(shown(&|n| !n.is_done()), ["urgent", "calm"]);
    }

    #[test]
    fn a_need_without_what_is_needed_is_refused_and_dates_are_checked() {
        let draft = NeedDraft {
            needed_by: "next Tuesday".into(),
            ..NeedDraft::default()
        };
        assert_eq!(
            draft.to_need(None, Uuid::nil(), at(0)).unwrap_err(),
            vec![
                FieldError::new(NeedField::What, Problem::Required),
                FieldError::new(NeedField::NeededBy, Problem::NotADate),
            ]
        );
    }

    #[test]
    fn days_outside_1900_to_2200_are_refused_as_out_of_range() {
        let draft = NeedDraft {
            what: "A ride to the clinic".into(),
            needed_by: "2201-01-01".into(),
            follow_up_on: "1899-12-31".into(),
            ..NeedDraft::default()
        };
        assert_eq!(
            draft.to_need(None, Uuid::nil(), at(0)).unwrap_err(),
            vec![
                FieldError::new(NeedField::NeededBy, Problem::OutOfRange),
                FieldError::new(NeedField::FollowUpOn, Problem::OutOfRange),
            ]
        );
    }

    #[test]
    fn a_done_need_becomes_a_journal_entry_given_or_received() {
        let mut need = Need::new(Uuid::nil(), at(0), "Groceries for Mrs Chan".into());
        need.for_whom = "Mrs Chan".into();
        need.category = "errands and groceries".into();
        let given = need.to_journal_entry(Kind::Given, &["Sam".into()], helper(5), at(1), day(23));
        assert_eq!(given.person, "Mrs Chan");
        assert_eq!(given.tags, ["Sam"], "who helped is said");
        assert_eq!(given.category, "errands and groceries");
        assert_eq!(given.date, day(23));
        let received =
            need.to_journal_entry(Kind::Received, &["Sam".into()], helper(6), at(1), day(23));
        assert_eq!(received.person, "Sam");
        assert!(received.tags.is_empty(), "the helper is the person already");
        assert_eq!(received.kind, Kind::Received);
    }

    #[test]
    fn a_repeating_need_needs_a_date_and_keeps_its_series_while_other_fields_change() {
        let draft = NeedDraft {
            what: "A ride to dialysis".into(),
            repeats: Every::Month,
            ..NeedDraft::default()
        };
        assert_eq!(
            draft.to_need(None, Uuid::nil(), at(0)).unwrap_err(),
            vec![FieldError::new(NeedField::NeededBy, Problem::Required)]
        );
        let first = NeedDraft {
            needed_by: "2027-01-31".into(),
            ..draft
        }
        .to_need(None, Uuid::nil(), at(0))
        .unwrap();
        let jan31 = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        assert_eq!(
            first.repeats,
            Some(Repeat {
                every: Every::Month,
                from: jan31
            })
        );
        // The February need, edited: it still counts from 31 January.
        let mut february = first.next_occurrence(helper(2), at(1)).unwrap();
        assert_eq!(february.needed_by, NaiveDate::from_ymd_opt(2027, 2, 28));
        let mut edit = NeedDraft::from_need(&february);
        edit.notes = "Bring the blue card".into();
        february = edit.to_need(Some(&february), helper(3), at(2)).unwrap();
        assert_eq!(february.repeats.unwrap().from, jan31);
        let march = february.next_occurrence(helper(4), at(3)).unwrap();
        assert_eq!(march.needed_by, NaiveDate::from_ymd_opt(2027, 3, 31));
        // Another date starts the series again there; "does not repeat" ends it.
        let mut moved = NeedDraft::from_need(&march);
        moved.needed_by = "2027-04-02".into();
        let moved = moved.to_need(Some(&march), helper(5), at(4)).unwrap();
        assert_eq!(
            moved.repeats.unwrap().from,
            NaiveDate::from_ymd_opt(2027, 4, 2).unwrap()
        );
        let mut ended = NeedDraft::from_need(&moved);
        ended.repeats = Every::Never;
        assert_eq!(
            ended
                .to_need(Some(&moved), helper(6), at(5))
                .unwrap()
                .repeats,
            None
        );
    }

    #[test]
    fn the_next_need_carries_everything_but_the_status_and_moves_the_follow_up_as_far() {
        let mut ride = Need::new(helper(1), at(0), "A ride to dialysis".into());
        ride.for_whom = "Mr Lee".into();
        ride.urgency = Urgency::High;
        ride.needed_by = Some(day(3));
        ride.follow_up_on = Some(day(2));
        ride.repeats = Some(Repeat {
            every: Every::Week,
            from: day(3),
        });
        ride.match_helpers(&[helper(9)]).unwrap();
        let next = ride.next_occurrence(helper(2), at(1)).unwrap();
        assert_eq!(
            (next.needed_by, next.follow_up_on),
            (Some(day(10)), Some(day(9)))
        );
        assert_eq!((next.status, next.urgency), (Status::Open, Urgency::High));
        assert_eq!(
            (next.what.as_str(), next.for_whom.as_str()),
            ("A ride to dialysis", "Mr Lee")
        );
        assert_eq!(next.repeats, ride.repeats);
        assert!(Need::new(helper(3), at(0), "once".into())
            .next_occurrence(helper(4), at(1))
            .is_none());
    }

    #[test]
    fn skipping_moves_an_open_repeating_need_to_its_next_date_and_nothing_else() {
        let mut ride = Need::new(helper(1), at(0), "A ride".into());
        assert!(!ride.skip_occurrence(), "a need that does not repeat");
        ride.needed_by = Some(day(3));
        ride.repeats = Some(Repeat {
            every: Every::TwoWeeks,
            from: day(3),
        });
        assert!(ride.skip_occurrence());
        assert_eq!(ride.needed_by, Some(day(17)));
        ride.mark_done(day(17)).unwrap();
        assert!(!ride.skip_occurrence(), "a done need stays as it was");
        assert_eq!(ride.needed_by, Some(day(17)));
    }

    #[test]
    fn the_status_is_stored_readably_and_read_back() {
        let mut need = Need::new(Uuid::nil(), at(0), "x".into());
        need.match_helpers(&[helper(1)]).unwrap();
        let text = serde_json::to_string(&need).unwrap();
        assert!(text.contains("\"status\":\"matched\""), "{text}");
        assert_eq!(serde_json::from_str::<Need>(&text).unwrap(), need);
    }
}
