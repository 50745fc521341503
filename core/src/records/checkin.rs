//! Care rounds: calling or visiting the older neighbours who live alone when a typhoon signal
//! or a heat warning is up, and keeping track of who was reached.
//!
//! Three kinds of record, each stored, shared and merged like the others:
//! - a [`CheckinPerson`], someone on the list to check on;
//! - a [`Round`], one time the list is worked through, with its reason;
//! - a [`Mark`], one answer for one person in one round ("OK", "needs help", "no answer"),
//!   with its time and who marked it.
//!
//! **Why one record per mark.** Two helpers working through the same round at once each make
//! their own marks: new records with their own ids, never an edit of a shared one, so a merge
//! simply has them all and nothing is in conflict. Where a person stands is worked out from
//! the marks: the latest one counts, and every "no answer" is a try. Two helpers marking the
//! same person both count too: the later mark shows, the earlier is a try or history.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::contact::is_phone;
use crate::model::Model;
use crate::need::{Need, Urgency};
use crate::record::{impl_record, CollectionName, Records};
use crate::revision::Rev;
use crate::validation::{
    checked, is_blank, is_sane_stamp, record_fields, without_direction_overrides, FieldError,
    Problem,
};

/// Someone to check on during a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckinPerson {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<DateTime<Utc>>,
    pub rev: Rev,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<Rev>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<CheckinPerson>,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// Who to call when the person cannot be reached: a name and a number, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub emergency_contact: String,
    /// The language the person is most at ease in, for whoever calls.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub private_note: String,
}

impl_record!(CheckinPerson, CollectionName::CheckinPeople, private_note);

record_fields! {
    /// The fields of someone to check on.
    PersonField {
        Name => "name",
        Phone => "phone",
        Address => "address",
        EmergencyContact => "emergency_contact",
        Language => "language",
        Notes => "notes",
        PrivateNote => "private_note",
    }
}

impl CheckinPerson {
    /// What is wrong with the person's record: the one set of rules for the form and for a
    /// file.
    pub fn check(&self) -> Vec<FieldError<PersonField>> {
        let mut errors = Vec::new();
        if is_blank(&self.name) {
            errors.push(FieldError::new(PersonField::Name, Problem::Required));
        }
        if !self.phone.is_empty() && !is_phone(&self.phone) {
            errors.push(FieldError::new(PersonField::Phone, Problem::NotAPhone));
        }
        errors
    }
}

impl CheckinPerson {
    pub fn new(id: Uuid, now: DateTime<Utc>, name: String) -> Self {
        Self {
            id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            rev: Rev::NONE,
            ancestors: Vec::new(),
            conflicts: Vec::new(),
            name,
            phone: String::new(),
            address: String::new(),
            emergency_contact: String::new(),
            language: String::new(),
            notes: String::new(),
            private_note: String::new(),
        }
    }
}

/// The form for a person to check on, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonDraft {
    pub name: String,
    pub phone: String,
    pub address: String,
    pub emergency_contact: String,
    pub language: String,
    pub notes: String,
    pub private_note: String,
}

impl PersonDraft {
    pub fn from_person(person: &CheckinPerson) -> Self {
        Self {
            name: person.name.clone(),
            phone: person.phone.clone(),
            address: person.address.clone(),
            emergency_contact: person.emergency_contact.clone(),
            language: person.language.clone(),
            notes: person.notes.clone(),
            private_note: person.private_note.clone(),
        }
    }

    /// Checks the form; on success returns `existing` updated or a new person.
    pub fn to_person(
        &self,
        existing: Option<&CheckinPerson>,
        new_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<CheckinPerson, Vec<FieldError<PersonField>>> {
        let mut person = existing
            .cloned()
            .unwrap_or_else(|| CheckinPerson::new(new_id, now, String::new()));
        person.name = without_direction_overrides(self.name.trim());
        person.phone = self.phone.trim().to_string();
        person.address = self.address.trim().to_string();
        person.emergency_contact = self.emergency_contact.trim().to_string();
        person.language = self.language.trim().to_string();
        person.notes = self.notes.trim().to_string();
        person.private_note = self.private_note.trim().to_string();
        // The same rules as a file's, on what the form would save.
        checked(person, Vec::new(), CheckinPerson::check)
    }
}

/// A round closed by hand: when, and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closed {
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// One time the list is worked through: "Typhoon signal 8", started at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub id: Uuid,
    /// When the round started.
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<DateTime<Utc>>,
    pub rev: Rev,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<Rev>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Round>,
    pub reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub started_by: String,
    /// Who the round is for: everyone on the list when it started, and anyone added while it
    /// was open.
    #[serde(default)]
    pub people: Vec<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closed>,
}

impl_record!(Round, CollectionName::Rounds);

record_fields! {
    /// A round's fields.
    RoundField {
        Reason => "reason",
        StartedBy => "started_by",
        People => "people",
        Closed => "closed",
    }
}

impl Round {
    /// What is wrong with the round: the one set of rules for starting one and for a file.
    pub fn check(&self) -> Vec<FieldError<RoundField>> {
        let mut errors = Vec::new();
        if is_blank(&self.reason) {
            errors.push(FieldError::new(RoundField::Reason, Problem::Required));
        }
        if self.closed.as_ref().is_some_and(|c| !is_sane_stamp(c.at)) {
            errors.push(FieldError::new(RoundField::Closed, Problem::OutOfRange));
        }
        errors
    }
}

impl Round {
    pub fn new(id: Uuid, now: DateTime<Utc>, reason: String) -> Self {
        Self {
            id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            rev: Rev::NONE,
            ancestors: Vec::new(),
            conflicts: Vec::new(),
            reason,
            started_by: String::new(),
            people: Vec::new(),
            closed: None,
        }
    }
}

/// What a helper found when they called or knocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Ok,
    NeedsHelp,
    NoAnswer,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Ok, Answer::NeedsHelp, Answer::NoAnswer];
}

/// One answer for one person in one round, made when it was marked (`created_at`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub id: Uuid,
    /// When it was marked.
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<DateTime<Utc>>,
    pub rev: Rev,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<Rev>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Mark>,
    pub round: Uuid,
    pub person: Uuid,
    pub answer: Answer,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// The need opened on the board for a person who needs help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need: Option<Uuid>,
}

impl_record!(Mark, CollectionName::Marks);

record_fields! {
    /// A mark's fields.
    MarkField {
        Round => "round",
        Person => "person",
        Answer => "answer",
        By => "by",
        Need => "need",
    }
}

impl Mark {
    pub fn new(id: Uuid, now: DateTime<Utc>, round: Uuid, person: Uuid, answer: Answer) -> Self {
        Self {
            id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            rev: Rev::NONE,
            ancestors: Vec::new(),
            conflicts: Vec::new(),
            round,
            person,
            answer,
            by: String::new(),
            need: None,
        }
    }
}

/// Where a person stands in a round, from the latest of their marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Not called yet.
    NotAsked,
    NoAnswer,
    NeedsHelp,
    Ok,
}

impl Standing {
    /// Not reached yet: not called, or no answer.
    pub fn not_reached(self) -> bool {
        matches!(self, Standing::NotAsked | Standing::NoAnswer)
    }
}

/// One person's line in a round.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub person: CheckinPerson,
    /// The latest mark, which says where they stand.
    pub latest: Option<Mark>,
    /// How many times no one answered.
    pub tries: usize,
}

impl Line {
    pub fn standing(&self) -> Standing {
        match self.latest.as_ref().map(|m| m.answer) {
            None => Standing::NotAsked,
            Some(Answer::NoAnswer) => Standing::NoAnswer,
            Some(Answer::NeedsHelp) => Standing::NeedsHelp,
            Some(Answer::Ok) => Standing::Ok,
        }
    }
}

/// "12 OK · 2 not reached · 1 needs help".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub ok: usize,
    pub not_reached: usize,
    pub needs_help: usize,
}

/// A round as it stands: its lines in the order a helper works through them, the summary,
/// and whether and when it closed.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundState {
    pub round: Round,
    pub lines: Vec<Line>,
    pub summary: Summary,
    /// When the round closed: by hand, or at the mark that found everyone OK.
    pub closed_at: Option<DateTime<Utc>>,
}

impl RoundState {
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

/// Where `round` stands, from the people on the list and every mark. People deleted from
/// the list since are left out.
pub fn round_state(
    round: &Round,
    people: &Records<CheckinPerson>,
    marks: &Records<Mark>,
) -> RoundState {
    let mut by_person: BTreeMap<Uuid, Vec<&Mark>> =
        round.people.iter().map(|p| (*p, Vec::new())).collect();
    for mark in marks.live().filter(|m| m.round == round.id) {
        by_person.entry(mark.person).or_default().push(mark);
    }
    let mut lines: Vec<Line> = by_person
        .into_iter()
        .filter_map(|(id, marks)| {
            let person = people.get(id)?.clone();
            // The latest by time; two marks of the same moment are told apart by id, alike
            // on every copy.
            let latest = marks
                .iter()
                .max_by_key(|m| (m.created_at, m.id))
                .map(|m| (*m).clone());
            let tries = marks
                .iter()
                .filter(|m| m.answer == Answer::NoAnswer)
                .count();
            Some(Line {
                person,
                latest,
                tries,
            })
        })
        .collect();
    // Not reached first, then who needs help, then who is OK; by name within each.
    lines.sort_by(|a, b| {
        a.standing()
            .cmp(&b.standing())
            .then_with(|| {
                a.person
                    .name
                    .to_lowercase()
                    .cmp(&b.person.name.to_lowercase())
            })
            .then(a.person.id.cmp(&b.person.id))
    });
    let mut summary = Summary::default();
    for line in &lines {
        match line.standing() {
            Standing::Ok => summary.ok += 1,
            Standing::NeedsHelp => summary.needs_help += 1,
            Standing::NotAsked | Standing::NoAnswer => summary.not_reached += 1,
        }
    }
    let all_ok = !lines.is_empty() && summary.ok == lines.len();
    let closed_at = match &round.closed {
        Some(closed) => Some(closed.at),
        None if all_ok => lines
            .iter()
            .filter_map(|l| l.latest.as_ref())
            .map(|m| m.created_at)
            .max(),
        None => None,
    };
    RoundState {
        round: round.clone(),
        lines,
        summary,
        closed_at,
    }
}

/// Why a change to a round did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundRefused {
    /// The round or the person is not there (deleted meanwhile, in another tab perhaps).
    Gone,
    /// The round is closed.
    Closed,
    /// The form has problems.
    Invalid(Vec<FieldError<RoundField>>),
}

impl Model {
    /// Every round, newest first, as it stands.
    pub fn rounds_newest_first(&self) -> Vec<RoundState> {
        let mut rounds: Vec<RoundState> = self
            .rounds
            .live()
            .map(|r| round_state(r, &self.checkin_people, &self.marks))
            .collect();
        rounds.sort_by(|a, b| {
            b.round
                .created_at
                .cmp(&a.round.created_at)
                .then(b.round.id.cmp(&a.round.id))
        });
        rounds
    }

    /// Starts a round for everyone on the list now. Returns its id.
    pub fn start_round(
        &mut self,
        id: Uuid,
        reason: &str,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Uuid, RoundRefused> {
        let mut round = Round::new(id, now, without_direction_overrides(reason.trim()));
        let errors = round.check();
        if !errors.is_empty() {
            return Err(RoundRefused::Invalid(errors));
        }
        round.started_by = by.trim().to_string();
        round.people = self.checkin_people.live().map(|p| p.id).collect();
        self.rounds.put(round, now);
        Ok(id)
    }

    /// Saves the person form; someone new is added to every round still open, to be checked
    /// on too.
    pub fn save_checkin_person(
        &mut self,
        opened: Option<&CheckinPerson>,
        person: CheckinPerson,
        now: DateTime<Utc>,
    ) -> crate::record::EditSaved {
        let id = person.id;
        let saved = self.checkin_people.save_form(opened, person, now);
        if opened.is_none() {
            let open: Vec<Round> = self
                .rounds_newest_first()
                .into_iter()
                .filter(|s| s.is_open() && !s.round.people.contains(&id))
                .map(|s| s.round)
                .collect();
            for mut round in open {
                round.people.push(id);
                self.rounds.put(round, now);
            }
        }
        saved
    }

    /// Marks one person in an open round. For `Answer::NeedsHelp`, `need` is the need to open
    /// on the board for them (see [`need_for`]). Returns the mark's id.
    pub fn mark_checkin(
        &mut self,
        mark: Mark,
        need: Option<Need>,
        now: DateTime<Utc>,
    ) -> Result<Uuid, RoundRefused> {
        let round = self.rounds.get(mark.round).ok_or(RoundRefused::Gone)?;
        self.checkin_people
            .get(mark.person)
            .ok_or(RoundRefused::Gone)?;
        if !round_state(round, &self.checkin_people, &self.marks).is_open() {
            return Err(RoundRefused::Closed);
        }
        let mut mark = mark;
        if let (Answer::NeedsHelp, Some(need)) = (mark.answer, need) {
            mark.need = Some(need.id);
            self.needs.put(need, now);
        }
        let id = mark.id;
        self.marks.put(mark, now);
        Ok(id)
    }

    /// Closes a round by hand: whoever was not reached stays as they were, readable.
    pub fn close_round(
        &mut self,
        round: Uuid,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), RoundRefused> {
        let mut closed = self.rounds.get(round).cloned().ok_or(RoundRefused::Gone)?;
        if closed.closed.is_some() {
            return Err(RoundRefused::Closed);
        }
        closed.closed = Some(Closed {
            at: now,
            by: by.trim().to_string(),
        });
        self.rounds.put(closed, now);
        Ok(())
    }
}

/// The need opened on the board for someone a round found needing help: urgent, for them,
/// in their language, with the words the interface gives (`what`, and `notes` saying how to
/// reach them).
pub fn need_for(
    person: &CheckinPerson,
    what: String,
    notes: String,
    id: Uuid,
    now: DateTime<Utc>,
) -> Need {
    let mut need = Need::new(id, now, what);
    need.for_whom.clone_from(&person.name);
    need.language.clone_from(&person.language);
    need.urgency = Urgency::High;
    need.notes = notes;
    need
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::at;

    fn person(model: &mut Model, n: u128, name: &str) -> Uuid {
        let id = Uuid::from_u128(n);
        model.save_checkin_person(None, CheckinPerson::new(id, at(0), name.into()), at(0));
        id
    }

    fn mark(model: &mut Model, n: u128, round: Uuid, who: Uuid, answer: Answer, minute: u32) {
        let mut mark = Mark::new(Uuid::from_u128(n), at(minute), round, who, answer);
        mark.by = "Ah Wing".into();
        model.mark_checkin(mark, None, at(minute)).unwrap();
    }

    #[test]
    fn a_round_counts_ok_not_reached_and_needs_help_with_the_not_reached_on_top() {
        let mut model = Model::default();
        let people: Vec<Uuid> = (0..15u128)
            .map(|n| person(&mut model, 100 + n, &format!("Person {n:02}")))
            .collect();
        let round = model
            .start_round(Uuid::from_u128(1), "Typhoon signal 8", "Ah Wing", at(1))
            .unwrap();
        for (n, who) in people.iter().take(12).enumerate() {
            mark(&mut model, 1000 + n as u128, round, *who, Answer::Ok, 2);
        }
        mark(&mut model, 2000, round, people[12], Answer::NoAnswer, 3);
        mark(&mut model, 2001, round, people[12], Answer::NoAnswer, 4);
        mark(&mut model, 2002, round, people[14], Answer::NeedsHelp, 5);
        let state = &model.rounds_newest_first()[0];
        assert_eq!(
            state.summary,
            Summary {
                ok: 12,
                not_reached: 2,
                needs_help: 1
            }
        );
        assert!(state.is_open());
        let top: Vec<(&str, Standing, usize)> = state
            .lines
            .iter()
            .take(3)
            .map(|l| (l.person.name.as_str(), l.standing(), l.tries))
            .collect();
        assert_eq!(
            top,
            vec![
                ("Person 13", Standing::NotAsked, 0),
                ("Person 12", Standing::NoAnswer, 2),
                ("Person 14", Standing::NeedsHelp, 0),
            ]
        );
        assert_eq!(state.lines[1].latest.as_ref().unwrap().created_at, at(4));
        assert_eq!(state.lines[1].latest.as_ref().unwrap().by, "Ah Wing");
    }

    #[test]
    fn a_round_closes_when_everyone_is_ok_or_by_hand_and_then_takes_no_more_marks() {
        let mut model = Model::default();
        let may = person(&mut model, 1, "May");
        let lee = person(&mut model, 2, "Mr Lee");
        let heat = model
            .start_round(Uuid::from_u128(10), "Very hot weather", "", at(1))
            .unwrap();
        mark(&mut model, 20, heat, may, Answer::NoAnswer, 2);
        mark(&mut model, 21, heat, may, Answer::Ok, 3);
        assert!(model.rounds_newest_first()[0].is_open());
        mark(&mut model, 22, heat, lee, Answer::Ok, 4);
        assert_eq!(model.rounds_newest_first()[0].closed_at, Some(at(4)));
        let late = Mark::new(Uuid::from_u128(23), at(5), heat, lee, Answer::NoAnswer);
        assert_eq!(
            model.mark_checkin(late, None, at(5)),
            Err(RoundRefused::Closed)
        );

        let storm = model
            .start_round(Uuid::from_u128(11), "Typhoon signal 8", "", at(6))
            .unwrap();
        mark(&mut model, 24, storm, lee, Answer::NoAnswer, 7);
        model.close_round(storm, "Ah Wing", at(8)).unwrap();
        let rounds = model.rounds_newest_first();
        assert_eq!(rounds[0].round.reason, "Typhoon signal 8");
        assert_eq!(rounds[0].closed_at, Some(at(8)));
        assert_eq!(
            rounds[0].summary,
            Summary {
                ok: 0,
                not_reached: 2,
                needs_help: 0
            }
        );
        assert_eq!(rounds[1].summary.ok, 2, "the past round stays readable");
        assert!(model
            .start_round(Uuid::from_u128(12), "  ", "", at(9))
            .is_err());
    }

    #[test]
    fn someone_added_during_a_round_is_checked_on_in_it_and_not_in_closed_ones() {
        let mut model = Model::default();
        let may = person(&mut model, 1, "May");
        let old = model
            .start_round(Uuid::from_u128(10), "Cold weather", "", at(1))
            .unwrap();
        mark(&mut model, 20, old, may, Answer::Ok, 2);
        let now = model
            .start_round(Uuid::from_u128(11), "Typhoon signal 8", "", at(3))
            .unwrap();
        let chan = person(&mut model, 2, "Mrs Chan");
        let rounds = model.rounds_newest_first();
        assert_eq!(rounds[0].round.id, now);
        assert!(rounds[0].lines.iter().any(|l| l.person.id == chan));
        assert_eq!(rounds[1].lines.len(), 1, "the closed round is as it was");
    }

    #[test]
    fn needs_help_opens_an_urgent_need_for_the_person_on_the_board() {
        let mut model = Model::default();
        let lee = person(&mut model, 1, "Mr Lee");
        let mut lee_record = model.checkin_people.get(lee).unwrap().clone();
        lee_record.language = "Cantonese".into();
        let round = model
            .start_round(Uuid::from_u128(10), "Typhoon signal 8", "", at(1))
            .unwrap();
        let need = need_for(
            &lee_record,
            "Help after Typhoon signal 8".into(),
            "Phone 2345 6789".into(),
            Uuid::from_u128(50),
            at(2),
        );
        let answer = Mark::new(Uuid::from_u128(20), at(2), round, lee, Answer::NeedsHelp);
        model.mark_checkin(answer, Some(need), at(2)).unwrap();
        let opened = model.needs.get(Uuid::from_u128(50)).unwrap();
        assert_eq!(opened.urgency, Urgency::High);
        assert_eq!(
            (opened.for_whom.as_str(), opened.language.as_str()),
            ("Mr Lee", "Cantonese")
        );
        assert!(!opened.is_done());
        assert_eq!(
            model.marks.get(Uuid::from_u128(20)).unwrap().need,
            Some(opened.id)
        );
    }

    #[test]
    fn two_helpers_marking_different_people_at_once_both_count_through_a_file() {
        use crate::import::{apply, plan};
        use crate::share::{export, parse, to_json, ExportChoice};
        let mut wing = Model::default();
        let may = person(&mut wing, 1, "May");
        let lee = person(&mut wing, 2, "Mr Lee");
        let round = wing
            .start_round(Uuid::from_u128(10), "Typhoon signal 8", "Wing", at(1))
            .unwrap();
        let mut fong = wing.clone();
        mark(&mut wing, 20, round, may, Answer::Ok, 2);
        mark(&mut fong, 21, round, lee, Answer::NoAnswer, 2);
        mark(&mut fong, 22, round, lee, Answer::NeedsHelp, 3);

        let choice = ExportChoice {
            check_ins: true,
            ..ExportChoice::default()
        };
        let today = at(5).date_naive();
        let exchange = |from: &Model, to: &mut Model| {
            let text = to_json(&export(from, choice, at(5), "test"));
            let parsed = parse(&text, at(5), today).unwrap();
            let planned = plan(to, parsed);
            assert_eq!(planned.counts().conflicts, 0);
            let mut ids = (900u128..).map(Uuid::from_u128);
            apply(
                to,
                planned,
                &Default::default(),
                &mut || ids.next().unwrap(),
                at(5),
            );
        };
        exchange(&fong, &mut wing);
        exchange(&wing, &mut fong);
        for model in [&wing, &fong] {
            let state = &model.rounds_newest_first()[0];
            assert_eq!(
                state.summary,
                Summary {
                    ok: 1,
                    not_reached: 0,
                    needs_help: 1
                }
            );
            assert_eq!(
                state
                    .lines
                    .iter()
                    .find(|l| l.person.id == lee)
                    .unwrap()
                    .tries,
                1
            );
            assert_eq!(model.conflicts_waiting(), 0);
        }
        assert_eq!(wing.marks.live_count(), 3);
    }

    #[test]
    fn private_notes_of_people_stay_home_unless_chosen() {
        use crate::share::{export, to_json, ExportChoice};
        let mut model = Model::default();
        let draft = PersonDraft {
            name: "Mrs Chan".into(),
            phone: "+852 2345 6789".into(),
            private_note: "Key under the mat".into(),
            ..PersonDraft::default()
        };
        let chan = draft.to_person(None, Uuid::from_u128(1), at(0)).unwrap();
        model.save_checkin_person(None, chan, at(0));
        let choice = ExportChoice {
            check_ins: true,
            ..ExportChoice::default()
        };
        let text = to_json(&export(&model, choice, at(1), "test"));
        assert!(
            text.contains("Mrs Chan") && !text.contains("Key under the mat"),
            "{text}"
        );
        let private = ExportChoice {
            private_notes: true,
            ..choice
        };
        assert!(to_json(&export(&model, private, at(1), "test")).contains("Key under the mat"));
        let none = to_json(&export(&model, ExportChoice::default(), at(1), "test"));
        assert!(
            !none.contains("Mrs Chan"),
            "check-ins leave only when chosen"
        );
    }

    #[test]
    fn a_person_needs_a_name_and_a_phone_that_is_one() {
        let draft = PersonDraft {
            phone: "call me".into(),
            ..PersonDraft::default()
        };
        assert_eq!(
            draft.to_person(None, Uuid::nil(), at(0)).unwrap_err(),
            vec![
                FieldError::new(PersonField::Name, Problem::Required),
                FieldError::new(PersonField::Phone, Problem::NotAPhone)
            ]
        );
    }
}
