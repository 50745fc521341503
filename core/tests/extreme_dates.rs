//! Stored records dated at the ends of what chrono can hold. A file can no longer bring such a
//! date in, but storage written before that rule, or edited by hand, still may: the records
//! are kept, and nothing Kindred computes over them may panic, or the app could never start
//! again.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kindred_core::helper::Helper;
use kindred_core::journal::{newest_first, JournalDraft, JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::{board_order, Need, NeedDraft};
use kindred_core::record::{CollectionName, Record, Records};
use kindred_core::share::{self, ExportChoice, Shareable};
use kindred_core::storage::MemoryStore;
use kindred_core::{
    backup, backup_health, csv, habits, ics, ideas, insights, matching, persist, sample, vcard,
};
use uuid::Uuid;

/// chrono's first and last days, and days of its first and last years.
fn extreme_days() -> Vec<NaiveDate> {
    vec![
        NaiveDate::MIN,
        NaiveDate::from_ymd_opt(-262143, 1, 2).unwrap(),
        NaiveDate::from_ymd_opt(-262143, 6, 15).unwrap(),
        NaiveDate::from_ymd_opt(262142, 6, 15).unwrap(),
        NaiveDate::MAX,
    ]
}

/// The moment at the start of `day`, or chrono's first or last moment itself.
fn extreme_stamps() -> Vec<DateTime<Utc>> {
    let mut stamps: Vec<DateTime<Utc>> = extreme_days()
        .into_iter()
        .map(|day| day.and_hms_opt(0, 0, 0).unwrap().and_utc())
        .collect();
    stamps.extend([DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC]);
    stamps
}

fn sane_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

fn sane_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

/// Every record kind with an extreme date in every date field and stamp, live and deleted,
/// stored and loaded back as the app loads it.
fn stored_model() -> Model {
    let mut model = Model::default();
    let mut n = 0;
    let mut id = || {
        n += 1;
        Uuid::from_u128(n)
    };
    for (day, stamp) in extreme_days()
        .into_iter()
        .zip(extreme_stamps().into_iter().cycle())
    {
        for (kind, deleted) in [(Kind::Given, None), (Kind::Received, Some(stamp))] {
            let mut entry = JournalEntry::new(id(), stamp, "a kindness".into(), kind, day);
            entry.person = "May".into();
            entry.category = "a ride".into();
            entry.deleted_at = deleted;
            model.journal.take_in(&entry);

            let mut helper = Helper::new(id(), stamp, "May".into());
            helper.last_contacted = Some(day);
            helper.deleted_at = deleted;
            model.helpers.take_in(&helper);

            let mut open = Need::new(id(), stamp, "A ride".into());
            open.needed_by = Some(day);
            open.follow_up_on = Some(day);
            open.match_helpers(&[helper.id]).unwrap();
            open.deleted_at = deleted;
            model.needs.take_in(&open);

            let mut done = open.clone();
            done.id = id();
            done.mark_done(day).unwrap();
            model.needs.take_in(&done);
        }
    }
    for stamp in extreme_stamps() {
        let mut entry =
            JournalEntry::new(id(), stamp, "a kindness".into(), Kind::Given, sane_today());
        entry.deleted_at = Some(stamp);
        model.journal.take_in(&entry);
    }
    let mut store = MemoryStore::default();
    persist::save(&mut store, &mut model).unwrap();
    let loaded = persist::load(&mut store);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    let all = |model: &Model| {
        (
            model.journal.all().cloned().collect::<Vec<_>>(),
            model.helpers.all().cloned().collect::<Vec<_>>(),
            model.needs.all().cloned().collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        all(&loaded.model),
        all(&model),
        "storage keeps every record"
    );
    loaded.model
}

fn each_today() -> Vec<NaiveDate> {
    let mut days = vec![sane_today()];
    days.extend(extreme_days());
    days
}

fn each_now() -> Vec<DateTime<Utc>> {
    let mut stamps = vec![sane_now()];
    stamps.extend(extreme_stamps());
    stamps
}

#[test]
fn every_computation_over_records_at_chronos_extremes_returns() {
    let model = stored_model();
    let entries: Vec<&JournalEntry> = model.journal.all().collect();
    let helpers: Vec<&Helper> = model.helpers.all().collect();
    let needs: Vec<&Need> = model.needs.all().collect();
    let local_date = |at: DateTime<Utc>| at.date_naive();

    for today in each_today() {
        habits::weekly_progress(entries.iter().copied(), today, 3);
        habits::streaks(entries.iter().copied(), today);
        for period in habits::Period::ALL {
            let (from, to) = period.days(today);
            habits::day_counts(entries.iter().copied(), from, to);
            habits::tally(entries.iter().copied(), from, to);
        }
        habits::year_before(today);
        habits::week_start(today);
        for span in insights::Span::ALL {
            span.first_week(today);
            span.first_month(today);
            let bars = insights::weekly(entries.iter().copied(), span, today);
            bars.iter().map(insights::WeekBar::total).sum::<u32>();
            insights::by_category(entries.iter().copied(), span, today);
            insights::people(entries.iter().copied(), span, today, 10);
            insights::needs_by_month(needs.iter().copied(), span, today, local_date);
            insights::median_days_to_done(needs.iter().copied(), span, today, local_date);
        }
        let mut board = needs.clone();
        board_order(&mut board, today);
        for need in &needs {
            need.follow_up_due(today);
            matching::suggest(need, helpers.iter().copied(), today);
            need.to_journal_entry(Kind::Given, &["May".into()], Uuid::nil(), sane_now(), today);
        }
        ideas::idea_for(today, 3);
        sample::journal_entries(30, today, sane_now());
    }
    for entry in &entries {
        habits::week_start(entry.date);
        JournalDraft::from_entry(entry);
    }
    for helper in &helpers {
        matching::help_record(helper.id, needs.iter().copied());
    }
    for need in &needs {
        NeedDraft::from_need(need);
    }
    let mut newest = entries.clone();
    newest_first(&mut newest);
    csv::journal_csv(entries.iter().copied(), true);
    csv::helpers_csv(helpers.iter().copied(), true);
    csv::needs_csv(needs.iter().copied(), |_| Some("May".into()));
    vcard::vcards(helpers.iter().copied());
    for now in each_now() {
        ics::follow_ups_ics(
            needs.iter().copied(),
            |need| format!("Follow up: {need}"),
            now,
        );
        backup::backup_json(&model, &[], now);
        backup_health::health(&model, now);
        let file = share::export(&model, ExportChoice::default(), now, "0.1.0");
        let parsed = share::parse(&share::to_json(&file), now, sane_today()).unwrap();
        assert!(
            parsed.helpers.is_empty() && parsed.needs.is_empty(),
            "a file carrying them is refused record by record"
        );
    }
}

#[test]
fn records_stamped_at_chronos_extremes_can_still_be_edited_deleted_and_restored() {
    let mut model = stored_model();
    edit_every_live_record(&mut model.journal);
    edit_every_live_record(&mut model.helpers);
    edit_every_live_record(&mut model.needs);
    let helper = model.helpers.live().next().unwrap().id();
    assert!(model.keep_version(CollectionName::Helpers, helper, 0, sane_now()));
}

fn edit_every_live_record<T: Shareable>(records: &mut Records<T>) {
    let ids: Vec<Uuid> = records.live().map(|record| record.id()).collect();
    for id in ids {
        for now in each_now() {
            let copy = records.get(id).unwrap().clone();
            records.put(copy, now);
            let before = records.delete(id, now).unwrap();
            records.restore(before, now);
        }
    }
}

#[test]
fn a_follow_up_calendar_holds_only_dates_with_four_digit_years() {
    let mut model = stored_model();
    let mut due = Need::new(Uuid::from_u128(999), sane_now(), "A visit".into());
    due.follow_up_on = NaiveDate::from_ymd_opt(2026, 11, 25);
    model.needs.take_in(&due);
    let ics = ics::follow_ups_ics(
        model.needs.live(),
        |need| format!("Follow up: {need}"),
        sane_now(),
    );
    for line in ics.lines() {
        if let Some((_, value)) = line.split_once("VALUE=DATE:") {
            assert!(
                value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()),
                "{line}"
            );
        }
    }
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
}
