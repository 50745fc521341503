//! A small neighbourhood to test screens with: entries of every kind over the last months,
//! helpers, and needs open, matched and done.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use kindred_core::checkin::{Answer, CheckinPerson, Mark};
use kindred_core::helper::Helper;
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::{Need, Urgency};
use uuid::Uuid;

/// Entries, helpers and needs around `today` (the browser's today).
pub fn neighbourhood(today: NaiveDate) -> Model {
    let now: DateTime<Utc> = Utc
        .from_local_datetime(&today.and_hms_opt(9, 0, 0).unwrap())
        .unwrap();
    let days_ago = |n: u64| today - Days::new(n);
    let mut ids = (1u64..).map(|n| Uuid::from_u64_pair(0xC0FFEE, n));
    let mut model = Model::default();

    let entries = [
        (
            "Drove Mrs Wong to the clinic",
            Kind::Given,
            1,
            "Mrs Wong",
            "a ride",
        ),
        (
            "Carried groceries up for Mr Lee",
            Kind::Given,
            3,
            "Mr Lee",
            "errands and groceries",
        ),
        (
            "Ming fixed my gate",
            Kind::Received,
            5,
            "Ming",
            "practical help",
        ),
        (
            "A stranger returned a lost wallet",
            Kind::Witnessed,
            9,
            "",
            "",
        ),
        (
            "Visited Mrs Wong for tea",
            Kind::Given,
            20,
            "mrs wong",
            "company and visits",
        ),
        (
            "Ming brought soup when I was ill",
            Kind::Received,
            40,
            "Ming",
            "care for an older person",
        ),
        (
            "Listened to Ana after her bad news",
            Kind::Given,
            75,
            "Ana",
            "listening",
        ),
        (
            "Helped Mr Lee fill in a form",
            Kind::Given,
            130,
            "Mr Lee",
            "practical help",
        ),
    ];
    for (text, kind, ago, person, category) in entries {
        let mut entry =
            JournalEntry::new(ids.next().unwrap(), now, text.into(), kind, days_ago(ago));
        entry.person = person.into();
        entry.category = category.into();
        model.journal.put(entry, now);
    }

    let mut may = Helper::new(ids.next().unwrap(), now, "May Chan".into());
    may.can_help_with = vec!["a ride".into()];
    may.languages = vec!["Cantonese".into(), "English".into()];
    may.phone = "+852 2345 6789".into();
    may.area = "Tai Hang".into();
    let may_id = may.id;
    model.helpers.put(may, now);
    let mut sam = Helper::new(ids.next().unwrap(), now, "Sam Ho".into());
    sam.can_help_with = vec!["errands and groceries".into()];
    sam.email = "sam@example.org".into();
    model.helpers.put(sam, now);

    let mut ride = Need::new(ids.next().unwrap(), now, "A ride to the hospital".into());
    ride.for_whom = "Mrs Wong".into();
    ride.category = "a ride".into();
    ride.urgency = Urgency::High;
    ride.follow_up_on = Some(today);
    model.needs.put(ride, now);
    let opened = Utc
        .from_local_datetime(&days_ago(12).and_hms_opt(9, 0, 0).unwrap())
        .unwrap();
    let mut shopping = Need::new(ids.next().unwrap(), opened, "Weekly shopping".into());
    shopping.match_helpers(&[may_id]).unwrap();
    shopping.mark_done(days_ago(8)).unwrap();
    model.needs.put(shopping, now);

    // People to check on and a round in progress: one reached, one not yet.
    let mut lee = CheckinPerson::new(ids.next().unwrap(), now, "Mr Lee".into());
    lee.phone = "+852 2345 6780".into();
    lee.address = "Flat 3A, 12 Apliu Street".into();
    lee.emergency_contact = "His daughter Ling, 9123 4567".into();
    lee.language = "Cantonese".into();
    let lee_id = lee.id;
    model.save_checkin_person(None, lee, now);
    let mut lo = CheckinPerson::new(ids.next().unwrap(), now, "Grandma Lo".into());
    lo.phone = "+852 2345 6781".into();
    model.save_checkin_person(None, lo, now);
    let round = model
        .start_round(ids.next().unwrap(), "Typhoon signal 8", "Ah Wing", now)
        .unwrap();
    let mut reached = Mark::new(ids.next().unwrap(), now, round, lee_id, Answer::Ok);
    reached.by = "Ah Wing".into();
    model.mark_checkin(reached, None, now).unwrap();
    model
}
