//! The native benchmark of the domain: load, save, search, statistics and merge of a journal
//! of 1,000, 10,000 and 50,000 entries, to show how each cost grows with the data.
//!
//! Run with `cargo bench -p kindred-core --bench domain`; `docs/native-bench.md` has the
//! figures. Storage is a [`MemoryStore`] without a quota: 50,000 entries are more than a
//! browser's localStorage holds, which does not matter for measuring the domain's own work.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BatchSize, BenchmarkGroup, BenchmarkId, Criterion,
    SamplingMode, Throughput,
};
use kindred_core::habits::{day_counts, streaks, tally, weekly_progress, year_before};
use kindred_core::import::{self, Counts};
use kindred_core::journal::{newest_first, JournalEntry, JournalFilter};
use kindred_core::model::Model;
use kindred_core::persist;
use kindred_core::sample;
use kindred_core::share::{self, ExportChoice, ParsedFile, MAX_FILE_BYTES};
use kindred_core::storage::MemoryStore;
use uuid::Uuid;

const SIZES: [usize; 3] = [1_000, 10_000, 50_000];

/// A word that one entry in a hundred contains, for a search that finds a few.
const RARE_WORD: &str = "lantern";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

/// An hour after [`now`]: when edits and imports happen.
fn later() -> DateTime<Utc> {
    now() + chrono::Duration::hours(1)
}

/// A model holding `size` sample entries, one in a hundred mentioning [`RARE_WORD`], all
/// unsaved as if just typed in.
fn journal_model(size: usize) -> Model {
    let mut model = Model::default();
    for (i, mut entry) in sample::journal_entries(size, today(), now())
        .into_iter()
        .enumerate()
    {
        if i % 100 == 0 {
            entry.text.push_str(" after the Lantern festival");
        }
        model.journal.put(entry, now());
    }
    model
}

/// Quick settings: the whole benchmark runs in a few minutes on two cores.
fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sampling_mode(SamplingMode::Flat);
    group
}

fn load(c: &mut Criterion) {
    let mut group = group(c, "load");
    for size in SIZES {
        let mut store = MemoryStore::default();
        persist::save(&mut store, &mut journal_model(size)).expect("no quota");
        eprintln!(
            "load/{size}: storage holds {} UTF-16 units (a browser allows 5,242,880)",
            store.used()
        );
        group.throughput(Throughput::Elements(size as u64));
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                let loaded = persist::load(&mut store);
                assert_eq!(loaded.model.journal.live_count(), size);
                loaded
            });
        });
    }
    group.finish();
}

fn save(c: &mut Criterion) {
    let mut group = group(c, "save");
    for size in SIZES {
        group.throughput(Throughput::Elements(size as u64));
        let model = journal_model(size);

        // The first save: every bucket is written.
        group.bench_function(BenchmarkId::new("all_buckets", size), |b| {
            b.iter_batched(
                || model.clone(),
                |mut model| {
                    let mut store = MemoryStore::default();
                    persist::save(&mut store, &mut model).expect("no quota");
                    (model, store)
                },
                BatchSize::LargeInput,
            );
        });

        // The everyday save: one entry edited, so one bucket is read back, merged and written.
        let mut model = model;
        let mut store = MemoryStore::default();
        persist::save(&mut store, &mut model).expect("no quota");
        let mut edited = model.journal.live().nth(size / 2).unwrap().clone();
        let (before, after) = (edited.text.clone(), format!("{} (edited)", edited.text));
        group.bench_function(BenchmarkId::new("one_edit", size), |b| {
            b.iter(|| {
                edited.text = if edited.text == before {
                    &after
                } else {
                    &before
                }
                .clone();
                model.journal.put(edited.clone(), later());
                let saved = persist::save(&mut store, &mut model).expect("no quota");
                assert_eq!(saved.written.len(), 1);
                saved
            });
        });
    }
    group.finish();
}

/// What the journal list does on each keystroke: filter the live entries, newest first.
fn list<'a>(model: &'a Model, filter: &JournalFilter) -> Vec<&'a JournalEntry> {
    let mut found: Vec<&JournalEntry> =
        model.journal.live().filter(|e| filter.matches(e)).collect();
    newest_first(&mut found);
    found
}

fn search(c: &mut Criterion) {
    let mut group = group(c, "search");
    for size in SIZES {
        group.throughput(Throughput::Elements(size as u64));
        let model = journal_model(size);
        let query = JournalFilter {
            query: RARE_WORD.into(),
            ..JournalFilter::default()
        };
        assert_eq!(list(&model, &query).len(), size.div_ceil(100));
        group.bench_function(BenchmarkId::new("word_in_1pc", size), |b| {
            b.iter(|| list(&model, black_box(&query)).len());
        });
        let everything = JournalFilter::default();
        group.bench_function(BenchmarkId::new("no_filter", size), |b| {
            b.iter(|| list(&model, black_box(&everything)).len());
        });
    }
    group.finish();
}

fn statistics(c: &mut Criterion) {
    let mut group = group(c, "statistics");
    for size in SIZES {
        group.throughput(Throughput::Elements(size as u64));
        let model = journal_model(size);
        let today = today();
        let year = year_before(today);
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            // What the Today and Calendar screens work out.
            b.iter(|| {
                let entries = || model.journal.live();
                (
                    streaks(entries(), today),
                    weekly_progress(entries(), today, model.settings.weekly_goal),
                    day_counts(entries(), year, today),
                    tally(entries(), year, today),
                )
            });
        });
    }
    group.finish();
}

/// A neighbour's share file of `size` entries, and a model that already holds half of them:
/// of the file's entries, half are new here, a tenth were edited there since they were last
/// shared (updated) and the rest are unchanged.
fn merge_case(size: usize) -> (String, ParsedFile, Model) {
    let choice = ExportChoice {
        helpers: false,
        needs: false,
        journal: true,
        check_ins: true,
        private_notes: true,
    };
    let mut theirs = journal_model(size);
    let mut mine = Model::default();
    let shared: Vec<JournalEntry> = theirs.journal.all().step_by(2).cloned().collect();
    for (i, entry) in shared.into_iter().enumerate() {
        if i % 5 == 0 {
            let mut edited = entry.clone();
            edited.text.push_str(", and again the next day");
            theirs.journal.put(edited, later());
        }
        mine.journal.merge_in(&entry);
    }
    let file = share::export(&theirs, choice, later(), "bench");
    let text = share::to_json(&file);
    let parsed = ParsedFile {
        includes_private: true,
        exported_at: Some(later()),
        journal: file.journal.expect("the journal was chosen"),
        ..ParsedFile::default()
    };
    if text.len() as u64 <= MAX_FILE_BYTES {
        assert_eq!(share::parse(&text, later(), today()).unwrap(), parsed);
    }
    let counts = import::plan(&mine, parsed.clone()).counts();
    assert_eq!(
        counts,
        Counts {
            new: size / 2,
            updated: size / 10,
            unchanged: size / 2 - size / 10,
            conflicts: 0,
        }
    );
    (text, parsed, mine)
}

fn merge(c: &mut Criterion) {
    let mut group = group(c, "merge");
    for size in SIZES {
        group.throughput(Throughput::Elements(size as u64));
        let (text, parsed, mine) = merge_case(size);
        let fits = text.len() as u64 <= MAX_FILE_BYTES;
        eprintln!(
            "merge/{size}: the share file is {} bytes ({})",
            text.len(),
            if fits {
                "within the limit"
            } else {
                "over the 8 MiB limit: parse refuses it"
            }
        );
        let plan_and_apply = |mut model: Model, parsed: ParsedFile| {
            let plan = import::plan(&model, parsed);
            let undo = import::apply(&mut model, plan, &BTreeMap::new(), &mut Uuid::nil, later());
            (model, undo)
        };
        if fits {
            // What taking in a file costs, from its text.
            group.bench_function(BenchmarkId::new("parse_plan_apply", size), |b| {
                b.iter_batched(
                    || mine.clone(),
                    |model| {
                        let parsed = share::parse(&text, later(), today()).expect("readable");
                        plan_and_apply(model, parsed)
                    },
                    BatchSize::LargeInput,
                );
            });
            group.bench_function(BenchmarkId::new("parse", size), |b| {
                b.iter(|| share::parse(&text, later(), today()).expect("readable"));
            });
        }
        group.bench_function(BenchmarkId::new("plan_apply", size), |b| {
            b.iter_batched(
                || (mine.clone(), parsed.clone()),
                |(model, parsed)| plan_and_apply(model, parsed),
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

criterion_group!(domain, load, save, search, statistics, merge);
criterion_main!(domain);
