//! What a person can do to the model, one named intent each, as Crux's `update(event, model)`
//! is: the screens only route a press to one of these and show the result, so that every rule
//! is tested natively here. Time and new ids come in as arguments.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::categories;
use crate::journal::Kind;
use crate::language::Language;
use crate::model::Model;
use crate::need::NotAllowed;
use crate::share::ExportChoice;

/// Why an intent about a need did nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The need or the helper is not there (deleted meanwhile, in another tab perhaps).
    Gone,
    /// The need's status does not allow it.
    NotAllowed(NotAllowed),
}

impl Model {
    /// Matches a need with a helper and notes that the helper was asked today, so that
    /// matching spreads the load.
    pub fn match_need(
        &mut self,
        need: Uuid,
        helper: Uuid,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), Refused> {
        let mut matched = self.needs.get(need).cloned().ok_or(Refused::Gone)?;
        let mut asked = self.helpers.get(helper).cloned().ok_or(Refused::Gone)?;
        matched
            .match_helpers(&[helper])
            .map_err(Refused::NotAllowed)?;
        self.needs.put(matched, now);
        asked.last_contacted = Some(today);
        self.helpers.put(asked, now);
        Ok(())
    }

    /// Marks a need done today, with whoever was matched to it.
    pub fn mark_need_done(
        &mut self,
        need: Uuid,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), Refused> {
        let mut done = self.needs.get(need).cloned().ok_or(Refused::Gone)?;
        done.mark_done(today).map_err(Refused::NotAllowed)?;
        self.needs.put(done, now);
        Ok(())
    }

    /// Marks a need done today and, for a need that repeats, opens its next one (with the id
    /// `next`) on its next date. Returns the next need's id, if one was opened.
    pub fn mark_need_done_and_repeat(
        &mut self,
        need: Uuid,
        next: Uuid,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>, Refused> {
        self.mark_need_done(need, today, now)?;
        let following = self
            .needs
            .get(need)
            .and_then(|done| done.next_occurrence(next, now));
        Ok(following.map(|following| {
            self.needs.put(following, now);
            next
        }))
    }

    /// Moves a repeating need that is not done to its next date, skipping this one.
    pub fn skip_need_occurrence(&mut self, need: Uuid, now: DateTime<Utc>) -> Result<(), Refused> {
        let mut skipped = self.needs.get(need).cloned().ok_or(Refused::Gone)?;
        if !skipped.skip_occurrence() {
            return Err(Refused::NotAllowed(NotAllowed::AlreadyDone));
        }
        self.needs.put(skipped, now);
        Ok(())
    }

    /// Opens a done need again.
    pub fn reopen_need(&mut self, need: Uuid, now: DateTime<Utc>) -> Result<(), Refused> {
        let mut open = self.needs.get(need).cloned().ok_or(Refused::Gone)?;
        open.reopen().map_err(Refused::NotAllowed)?;
        self.needs.put(open, now);
        Ok(())
    }

    /// The names of the helpers matched to a need, as the directory knows them now.
    pub fn helper_names(&self, need: Uuid) -> Vec<String> {
        self.needs
            .get(need)
            .map(|need| {
                need.helpers()
                    .iter()
                    .filter_map(|id| self.helpers.get(*id).map(|h| h.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The names of the helpers in the directory, in order, to offer as the person a journal
    /// entry is with.
    pub fn directory_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.helpers.live().map(|h| h.name.clone()).collect();
        names.sort();
        names
    }

    /// Writes a need down in the journal as a kindness given or received (by the helpers
    /// matched to it) today. Returns the new entry's id.
    pub fn log_need(
        &mut self,
        need: Uuid,
        kind: Kind,
        entry: Uuid,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Uuid, Refused> {
        let names = self.helper_names(need);
        let logged = self
            .needs
            .get(need)
            .ok_or(Refused::Gone)?
            .to_journal_entry(kind, &names, entry, now, today);
        self.journal.put(logged, now);
        Ok(entry)
    }

    /// A first start offers its categories in the language it starts in; from then on they
    /// are the person's own.
    pub fn seed_first_start(&mut self, language: Language) {
        self.settings.categories = categories::seeded(language);
    }

    /// The kinds of help a helper form offers: the person's categories that are help to offer
    /// (see [`categories::is_kind_of_help`]), and then the helper's own, which editing never
    /// drops even when the list would leave them out.
    pub fn kinds_of_help_with<'a>(&self, own: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let own: Vec<&str> = own.into_iter().collect();
        self.categories_with(own.iter().copied())
            .into_iter()
            .filter(|c| categories::is_kind_of_help(c) || own.contains(&c.as_str()))
            .collect()
    }

    /// The categories a form offers: the person's list, and then a record's own that the
    /// list no longer has (a category removed since, or one a neighbour used), so that
    /// editing a record never drops one silently.
    pub fn categories_with<'a>(&self, own: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut offered = self.settings.categories.clone();
        for category in own {
            if !category.is_empty() && !offered.iter().any(|c| c == category) {
                offered.push(category.to_string());
            }
        }
        offered
    }
}

impl ExportChoice {
    /// Nothing to put in a file: the export is not offered.
    pub fn is_empty(&self) -> bool {
        !self.helpers && !self.needs && !self.journal && !self.check_ins
    }

    /// Everything, private notes included: such an export counts as a backup.
    pub fn is_everything(&self) -> bool {
        self.helpers && self.needs && self.journal && self.check_ins && self.private_notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helper::Helper;
    use crate::need::{Need, Status};
    use crate::record::tests::at;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
    }

    const NEED: Uuid = Uuid::from_u128(1);
    const MAY: Uuid = Uuid::from_u128(2);

    fn board() -> Model {
        let mut model = Model::default();
        let mut need = Need::new(NEED, at(1), "A ride to the clinic".into());
        need.for_whom = "Mr Lee".into();
        model.needs.put(need, at(1));
        model
            .helpers
            .put(Helper::new(MAY, at(1), "May Chan".into()), at(1));
        model
    }

    #[test]
    fn matching_a_need_notes_that_the_helper_was_asked_today() {
        let mut model = board();
        model.match_need(NEED, MAY, today(), at(2)).unwrap();
        assert_eq!(
            model.needs.get(NEED).unwrap().status,
            Status::Matched { helpers: vec![MAY] }
        );
        assert_eq!(
            model.helpers.get(MAY).unwrap().last_contacted,
            Some(today())
        );
        assert_eq!(
            model.match_need(NEED, Uuid::from_u128(9), today(), at(3)),
            Err(Refused::Gone)
        );
    }

    #[test]
    fn a_need_is_marked_done_with_its_helpers_reopened_and_not_done_twice() {
        let mut model = board();
        model.match_need(NEED, MAY, today(), at(2)).unwrap();
        model.mark_need_done(NEED, today(), at(3)).unwrap();
        assert_eq!(
            model.needs.get(NEED).unwrap().status,
            Status::Done {
                helpers: vec![MAY],
                on: today()
            }
        );
        assert_eq!(
            model.mark_need_done(NEED, today(), at(4)),
            Err(Refused::NotAllowed(NotAllowed::AlreadyDone))
        );
        model.reopen_need(NEED, at(5)).unwrap();
        assert!(!model.needs.get(NEED).unwrap().is_done());
        assert_eq!(
            model.reopen_need(NEED, at(6)),
            Err(Refused::NotAllowed(NotAllowed::NotDone))
        );
    }

    #[test]
    fn a_need_logged_as_received_names_its_helpers_and_as_given_the_person_helped() {
        let mut model = board();
        model.match_need(NEED, MAY, today(), at(2)).unwrap();
        let received = model
            .log_need(NEED, Kind::Received, Uuid::from_u128(10), today(), at(3))
            .unwrap();
        let given = model
            .log_need(NEED, Kind::Given, Uuid::from_u128(11), today(), at(3))
            .unwrap();
        let entry = |id| model.journal.get(id).unwrap();
        assert_eq!(entry(received).person, "May Chan");
        assert_eq!(entry(given).person, "Mr Lee");
        assert_eq!(entry(given).text, "A ride to the clinic");
        assert_eq!(entry(given).date, today());
    }

    #[test]
    fn a_form_offers_the_persons_categories_and_then_the_records_own() {
        let mut model = Model::default();
        model.seed_first_start(Language::TraditionalChinese);
        assert_eq!(
            model.settings.categories,
            categories::seeded(Language::TraditionalChinese)
        );
        model.settings.categories = vec!["a ride".into(), "company".into()];
        assert_eq!(
            model.categories_with(["company", "", "gardening"]),
            vec!["a ride", "company", "gardening"]
        );
    }

    #[test]
    fn a_helper_form_offers_kinds_of_help_and_keeps_a_helpers_own() {
        let mut model = Model::default();
        model.settings.categories = vec![
            "a ride".into(),
            "forgiveness".into(),
            "寬恕".into(),
            "garden work".into(),
        ];
        assert_eq!(model.kinds_of_help_with([]), vec!["a ride", "garden work"]);
        assert_eq!(
            model.kinds_of_help_with(["forgiveness", "cooking"]),
            vec!["a ride", "forgiveness", "garden work", "cooking"],
            "a helper who already has one keeps it"
        );
    }

    #[test]
    fn an_export_of_nothing_is_empty_and_one_of_everything_is_a_backup() {
        let nothing = ExportChoice {
            helpers: false,
            needs: false,
            journal: false,
            check_ins: false,
            private_notes: true,
        };
        assert!(nothing.is_empty());
        assert!(!ExportChoice::default().is_empty());
        assert!(!ExportChoice::default().is_everything());
        let everything = ExportChoice {
            helpers: true,
            needs: true,
            journal: true,
            check_ins: true,
            private_notes: true,
        };
        assert!(everything.is_everything());
    }

    #[test]
    fn directory_names_are_the_live_helpers_in_order() {
        let mut model = board();
        model.helpers.put(
            Helper::new(Uuid::from_u128(3), at(1), "Ah Wing".into()),
            at(1),
        );
        let mut gone = Helper::new(Uuid::from_u128(4), at(1), "Bo Lam".into());
        gone.deleted_at = Some(at(2));
        model.helpers.put(gone, at(2));
        assert_eq!(model.directory_names(), ["Ah Wing", "May Chan"]);
    }
}
