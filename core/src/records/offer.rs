//! Helpers offering to help with a need, and the person who matches choosing from the offers.
//!
//! An offer is a record of its own, not a field of the need: offers made on two phones at
//! once are two records, so both count and neither is a conflict. Withdrawing an offer is a
//! delete, which travels and merges as every delete does. An offer names the device that
//! made it (a random id kept in that browser's settings), so that the phone can offer to
//! withdraw its own offers and no one else's.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::helper::Helper;
use crate::model::Model;
use crate::record::{impl_record, CollectionName, Records};
use crate::storage::{KeyValueStore, StorageError};
use crate::validation::{
    checked, is_blank, record_fields, without_direction_overrides, FieldError, Problem,
};

/// Where this browser keeps its own id, made at its first offer. Not among the settings,
/// which travel in backups: a copy of them elsewhere must not pass for this device.
pub const DEVICE_KEY: &str = "kindred/device";

/// This device's id, if it has made one. Text under the key that is not an id counts as
/// none (and is set aside by [`this_device`] before anything is written there).
pub fn known_device(store: &impl KeyValueStore) -> Option<Uuid> {
    let raw = store.get(DEVICE_KEY).ok()??;
    serde_json::from_str(&raw).ok()
}

/// This device's id, made from `new` and kept in `store` when it has none yet.
pub fn this_device(store: &mut impl KeyValueStore, new: Uuid) -> Result<Uuid, StorageError> {
    if let Some(known) = known_device(store) {
        return Ok(known);
    }
    if let Some(raw) = store.get(DEVICE_KEY)? {
        crate::persist::set_aside(store, DEVICE_KEY, &raw)?;
    }
    let text = serde_json::to_string(&new).expect("an id always serialises");
    store.set(DEVICE_KEY, &text)?;
    Ok(new)
}

/// Someone saying they can help with a need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offer {
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
    pub conflicts: Vec<Offer>,
    /// The need the offer is for.
    pub need_id: Uuid,
    /// Who offers, as they call themselves.
    pub name: String,
    /// In their words, when they can help: "Tuesday after 3".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The device that made the offer: the one that may withdraw it.
    pub device: Uuid,
}

impl_record!(Offer, CollectionName::Offers);

record_fields! {
    /// An offer's fields.
    OfferField {
        NeedId => "need_id",
        Name => "name",
        Note => "note",
        Device => "device",
    }
}

impl Offer {
    /// What is wrong with the offer: the one set of rules for the form and for a file. The
    /// name is needed, so that whoever matches knows who offers.
    pub fn check(&self) -> Vec<FieldError<OfferField>> {
        if is_blank(&self.name) {
            vec![FieldError::new(OfferField::Name, Problem::Required)]
        } else {
            Vec::new()
        }
    }
}

impl Offer {
    pub fn new(id: Uuid, now: DateTime<Utc>, need_id: Uuid, name: String, device: Uuid) -> Self {
        Self {
            id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            rev: crate::revision::Rev::NONE,
            ancestors: Vec::new(),
            conflicts: Vec::new(),
            need_id,
            name,
            note: String::new(),
            device,
        }
    }

    /// Whether the offer is in the name of this directory helper: the same name, whatever
    /// the case and the spaces around it.
    pub fn names(&self, helper: &Helper) -> bool {
        same_name(&self.name, &helper.name)
    }
}

fn same_name(a: &str, b: &str) -> bool {
    let plain = |name: &str| {
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    !is_blank(a) && plain(a) == plain(b)
}

/// The live offers for a need, oldest first.
pub fn offers_for(offers: &Records<Offer>, need: Uuid) -> Vec<&Offer> {
    let mut found: Vec<&Offer> = offers.live().filter(|o| o.need_id == need).collect();
    found.sort_by_key(|o| (o.created_at, o.id));
    found
}

/// Every need's live offers, oldest first, in one pass: for a board of many needs, where
/// asking [`offers_for`] once per need would go through every offer each time.
pub fn offers_by_need(offers: &Records<Offer>) -> BTreeMap<Uuid, Vec<&Offer>> {
    let mut by_need: BTreeMap<Uuid, Vec<&Offer>> = BTreeMap::new();
    for offer in offers.live() {
        by_need.entry(offer.need_id).or_default().push(offer);
    }
    for found in by_need.values_mut() {
        found.sort_by_key(|o| (o.created_at, o.id));
    }
    by_need
}

/// The offer form as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfferDraft {
    pub name: String,
    pub note: String,
}

impl OfferDraft {
    /// Checks the form by [`Offer::check`].
    pub fn to_offer(
        &self,
        need_id: Uuid,
        device: Uuid,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Offer, Vec<FieldError<OfferField>>> {
        // As in a file from elsewhere: a name cannot be turned around to pass for another.
        let name = without_direction_overrides(self.name.trim());
        let mut offer = Offer::new(id, now, need_id, name, device);
        offer.note = without_direction_overrides(self.note.trim());
        checked(offer, Vec::new(), Offer::check)
    }
}

/// Why an intent about an offer did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfferRefused {
    /// The form is not filled in right.
    Invalid(Vec<FieldError<OfferField>>),
    /// The need or the offer is not there (deleted meanwhile, perhaps on another phone).
    Gone,
    /// The need is done: there is nothing left to help with.
    NeedDone,
    /// The offer was made on another device: only that one withdraws it.
    NotYours,
}

impl Model {
    /// Offers help with an open or matched need, from this device. Returns the offer's id.
    pub fn offer_help(
        &mut self,
        need: Uuid,
        draft: &OfferDraft,
        device: Uuid,
        offer: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Uuid, OfferRefused> {
        let offered = draft
            .to_offer(need, device, offer, now)
            .map_err(OfferRefused::Invalid)?;
        match self.needs.get(need) {
            None => return Err(OfferRefused::Gone),
            Some(need) if need.is_done() => return Err(OfferRefused::NeedDone),
            Some(_) => {}
        }
        self.offers.put(offered, now);
        Ok(offer)
    }

    /// Withdraws an offer made on this device: a delete, which travels like any other.
    pub fn withdraw_offer(
        &mut self,
        offer: Uuid,
        device: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), OfferRefused> {
        let made_on = self.offers.get(offer).ok_or(OfferRefused::Gone)?.device;
        if made_on != device {
            return Err(OfferRefused::NotYours);
        }
        self.offers.delete(offer, now);
        Ok(())
    }

    /// The directory helper an offer is in the name of, if there is one. Of several with the
    /// same name, the first in the directory's order: the others stay among the suggestions.
    pub fn helper_offering(&self, offer: &Offer) -> Option<&Helper> {
        self.helpers.live().find(|h| offer.names(h))
    }

    /// The offers for a need that the person who matches can still choose: live, and not
    /// from a helper already matched to it.
    pub fn offers_to_choose(&self, need: Uuid) -> Vec<&Offer> {
        let Some(matched) = self.needs.get(need).map(|n| n.helpers()) else {
            return Vec::new();
        };
        offers_for(&self.offers, need)
            .into_iter()
            .filter(|o| {
                self.helper_offering(o)
                    .is_none_or(|helper| !matched.contains(&helper.id))
            })
            .collect()
    }

    /// Matches a need with the person who offered: the directory helper of that name, or,
    /// when the directory has none, a new helper with the offer's name (`new_helper`), so
    /// that the match names someone the directory can reach later. Returns the helper's id.
    pub fn match_offer(
        &mut self,
        offer: Uuid,
        new_helper: Uuid,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Uuid, OfferRefused> {
        let offer = self.offers.get(offer).ok_or(OfferRefused::Gone)?.clone();
        match self.needs.get(offer.need_id) {
            None => return Err(OfferRefused::Gone),
            Some(need) if need.is_done() => return Err(OfferRefused::NeedDone),
            Some(_) => {}
        }
        let helper = match self.helper_offering(&offer) {
            Some(helper) => helper.id,
            None => {
                self.helpers
                    .put(Helper::new(new_helper, now, offer.name.clone()), now);
                new_helper
            }
        };
        self.match_need(offer.need_id, helper, today, now)
            .map_err(|_| OfferRefused::Gone)?;
        Ok(helper)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{apply, plan, Counts};
    use crate::need::{Need, Status};
    use crate::record::tests::at;
    use crate::share::{export, parse, to_json, ExportChoice};
    use std::collections::BTreeMap;

    const NEED: Uuid = Uuid::from_u128(1);
    const MAY: Uuid = Uuid::from_u128(2);
    const PHONE_A: Uuid = Uuid::from_u128(0xA);
    const PHONE_B: Uuid = Uuid::from_u128(0xB);

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
    }

    fn draft(name: &str, note: &str) -> OfferDraft {
        OfferDraft {
            name: name.into(),
            note: note.into(),
        }
    }

    fn coordinator() -> Model {
        let mut model = Model::default();
        model
            .needs
            .put(Need::new(NEED, at(1), "A ride to the clinic".into()), at(1));
        model
            .helpers
            .put(Helper::new(MAY, at(1), "May Chan".into()), at(1));
        model
    }

    /// Takes in what `from` would send in a share file, with no choices made, and says how
    /// the preview counted it.
    fn exchange(into: &mut Model, from: &Model) -> Counts {
        let file = export(from, ExportChoice::default(), at(30), "test");
        let parsed = parse(&to_json(&file), at(31), today()).unwrap();
        let plan = plan(into, parsed);
        let counts = plan.counts();
        apply(
            into,
            plan,
            &BTreeMap::new(),
            &mut || panic!("no new ids"),
            at(40),
        );
        counts
    }

    fn offered(model: &Model) -> Vec<(String, String)> {
        offers_for(&model.offers, NEED)
            .into_iter()
            .map(|o| (o.name.clone(), o.note.clone()))
            .collect()
    }

    #[test]
    fn an_offer_needs_a_name_and_keeps_the_words_trimmed() {
        let mut model = coordinator();
        assert_eq!(
            model.offer_help(
                NEED,
                &draft("  ", "Tuesday"),
                PHONE_A,
                Uuid::from_u128(10),
                at(2)
            ),
            Err(OfferRefused::Invalid(vec![FieldError::new(
                OfferField::Name,
                Problem::Required
            )]))
        );
        model
            .offer_help(
                NEED,
                &draft(" Ana ", " Tuesday after 3 "),
                PHONE_A,
                Uuid::from_u128(10),
                at(2),
            )
            .unwrap();
        assert_eq!(offered(&model), [("Ana".into(), "Tuesday after 3".into())]);
    }

    #[test]
    fn a_done_or_deleted_need_takes_no_offers() {
        let mut model = coordinator();
        model.mark_need_done(NEED, today(), at(2)).unwrap();
        assert_eq!(
            model.offer_help(NEED, &draft("Ana", ""), PHONE_A, Uuid::from_u128(10), at(3)),
            Err(OfferRefused::NeedDone)
        );
        assert_eq!(
            model.offer_help(
                Uuid::from_u128(99),
                &draft("Ana", ""),
                PHONE_A,
                Uuid::from_u128(11),
                at(3)
            ),
            Err(OfferRefused::Gone)
        );
    }

    #[test]
    fn offers_made_on_two_phones_at_once_both_count_in_either_order() {
        let board = coordinator();
        let (mut phone_a, mut phone_b) = (board.clone(), board.clone());
        phone_a
            .offer_help(
                NEED,
                &draft("Ana", "Tuesday after 3"),
                PHONE_A,
                Uuid::from_u128(10),
                at(2),
            )
            .unwrap();
        phone_b
            .offer_help(NEED, &draft("Ben", ""), PHONE_B, Uuid::from_u128(11), at(2))
            .unwrap();

        let mut first_a = board.clone();
        assert_eq!(exchange(&mut first_a, &phone_a).new, 1);
        assert_eq!(exchange(&mut first_a, &phone_b).new, 1);
        let mut first_b = board;
        exchange(&mut first_b, &phone_b);
        exchange(&mut first_b, &phone_a);
        let both = vec![
            ("Ana".to_string(), "Tuesday after 3".to_string()),
            ("Ben".to_string(), String::new()),
        ];
        assert_eq!(offered(&first_a), both);
        assert_eq!(offered(&first_b), both);
        assert_eq!(first_a.conflicts_waiting(), 0);
    }

    #[test]
    fn a_withdrawal_on_one_phone_and_an_offer_on_the_other_both_arrive() {
        let mut phone_a = coordinator();
        phone_a
            .offer_help(NEED, &draft("Ana", ""), PHONE_A, Uuid::from_u128(10), at(2))
            .unwrap();
        let mut phone_b = coordinator();
        exchange(&mut phone_b, &phone_a);
        assert_eq!(offered(&phone_b).len(), 1);

        // Meanwhile: Ana withdraws on her phone, Ben offers on his.
        phone_a
            .withdraw_offer(Uuid::from_u128(10), PHONE_A, at(3))
            .unwrap();
        phone_b
            .offer_help(NEED, &draft("Ben", ""), PHONE_B, Uuid::from_u128(11), at(3))
            .unwrap();

        let mut coordinator = coordinator();
        let counts = exchange(&mut coordinator, &phone_b);
        assert_eq!(counts.new, 2, "Ana's offer and Ben's");
        let counts = exchange(&mut coordinator, &phone_a);
        assert_eq!(counts.updated, 1, "the withdrawal of Ana's");
        assert_eq!(offered(&coordinator), [("Ben".into(), String::new())]);

        exchange(&mut phone_a, &phone_b);
        exchange(&mut phone_b, &phone_a);
        assert_eq!(offered(&phone_a), offered(&coordinator));
        assert_eq!(offered(&phone_b), offered(&coordinator));
        assert_eq!(coordinator.conflicts_waiting(), 0);
    }

    #[test]
    fn only_the_phone_that_made_an_offer_withdraws_it() {
        let mut model = coordinator();
        model
            .offer_help(NEED, &draft("Ana", ""), PHONE_A, Uuid::from_u128(10), at(2))
            .unwrap();
        assert_eq!(
            model.withdraw_offer(Uuid::from_u128(10), PHONE_B, at(3)),
            Err(OfferRefused::NotYours)
        );
        model
            .withdraw_offer(Uuid::from_u128(10), PHONE_A, at(3))
            .unwrap();
        assert!(offered(&model).is_empty());
        assert_eq!(
            model.withdraw_offer(Uuid::from_u128(10), PHONE_A, at(4)),
            Err(OfferRefused::Gone)
        );
    }

    #[test]
    fn matching_an_offer_matches_the_helper_of_that_name_or_adds_the_person_as_a_helper() {
        let mut model = coordinator();
        model
            .offer_help(
                NEED,
                &draft("may chan ", ""),
                PHONE_A,
                Uuid::from_u128(10),
                at(2),
            )
            .unwrap();
        model
            .offer_help(
                NEED,
                &draft("Ben", "Tuesday after 3"),
                PHONE_B,
                Uuid::from_u128(11),
                at(2),
            )
            .unwrap();
        assert_eq!(model.offers_to_choose(NEED).len(), 2);

        let may = model
            .match_offer(Uuid::from_u128(10), Uuid::from_u128(20), today(), at(3))
            .unwrap();
        assert_eq!(may, MAY, "the directory's May Chan");
        assert_eq!(
            model.helpers.get(MAY).unwrap().last_contacted,
            Some(today())
        );
        assert_eq!(model.helpers.live_count(), 1);
        assert_eq!(
            model
                .offers_to_choose(NEED)
                .iter()
                .map(|o| o.name.as_str())
                .collect::<Vec<_>>(),
            ["Ben"],
            "May is matched already"
        );

        let ben = model
            .match_offer(Uuid::from_u128(11), Uuid::from_u128(21), today(), at(4))
            .unwrap();
        assert_eq!(ben, Uuid::from_u128(21));
        assert_eq!(model.helpers.get(ben).unwrap().name, "Ben");
        assert_eq!(
            model.needs.get(NEED).unwrap().status,
            Status::Matched {
                helpers: vec![MAY, ben]
            }
        );
        assert_eq!(offered(&model).len(), 2, "the offers stay readable");
    }

    #[test]
    fn the_offers_of_every_need_at_once_are_each_needs_offers_in_the_same_order() {
        let mut model = coordinator();
        let other = Uuid::from_u128(3);
        model
            .needs
            .put(Need::new(other, at(1), "Groceries".into()), at(1));
        for (n, (need, minute)) in [(NEED, 4), (other, 2), (NEED, 3), (NEED, 5)]
            .into_iter()
            .enumerate()
        {
            let id = Uuid::from_u128(10 + n as u128);
            let name = format!("Helper {n}");
            model
                .offer_help(need, &draft(&name, ""), PHONE_A, id, at(minute))
                .unwrap();
        }
        model
            .withdraw_offer(Uuid::from_u128(13), PHONE_A, at(6))
            .unwrap();
        let by_need = offers_by_need(&model.offers);
        assert_eq!(by_need.len(), 2);
        for need in [NEED, other] {
            assert_eq!(by_need[&need], offers_for(&model.offers, need));
        }
        let names: Vec<&str> = by_need[&NEED].iter().map(|o| o.name.as_str()).collect();
        assert_eq!(
            names,
            ["Helper 2", "Helper 0"],
            "oldest first, the withdrawn left out"
        );
    }

    #[test]
    fn a_device_makes_its_id_once_and_keeps_it_setting_aside_what_it_cannot_read() {
        use crate::storage::MemoryStore;
        let mut store = MemoryStore::default();
        assert_eq!(known_device(&store), None);
        assert_eq!(this_device(&mut store, PHONE_A), Ok(PHONE_A));
        assert_eq!(this_device(&mut store, PHONE_B), Ok(PHONE_A), "made once");
        assert_eq!(known_device(&store), Some(PHONE_A));

        let mut garbled = MemoryStore::default();
        garbled.set(DEVICE_KEY, "not an id").unwrap();
        assert_eq!(known_device(&garbled), None);
        assert_eq!(this_device(&mut garbled, PHONE_B), Ok(PHONE_B));
        assert_eq!(
            garbled.contents()["kindred/unreadable/kindred/device"],
            "not an id",
            "never overwritten unread"
        );
    }

    #[test]
    fn a_done_need_keeps_its_offers_readable_but_matches_no_more() {
        let mut model = coordinator();
        model
            .offer_help(NEED, &draft("Ben", ""), PHONE_B, Uuid::from_u128(11), at(2))
            .unwrap();
        model.mark_need_done(NEED, today(), at(3)).unwrap();
        assert_eq!(offered(&model).len(), 1);
        assert_eq!(
            model.match_offer(Uuid::from_u128(11), Uuid::from_u128(21), today(), at(4)),
            Err(OfferRefused::NeedDone)
        );
        assert_eq!(model.helpers.live_count(), 1, "no helper added for nothing");
    }
}
