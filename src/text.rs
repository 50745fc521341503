//! Every word the interface shows, in one place, so that the second language (Traditional
//! Chinese) can be added without hunting through components. English is the default and the
//! language of the accessible names in ../shared/UI-CONTRACT.md.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use kindred_core::checkin::{Answer, Summary};
use kindred_core::difference::{FieldValue, StatusKind};
use kindred_core::folder::{DeviceProblem, SyncFailed};
use kindred_core::habits::Period;
use kindred_core::helper::{Availability, ContactMethod, DayPart};
use kindred_core::ideas::Idea;
use kindred_core::import::{Counts, Undone};
use kindred_core::insights::Span;
use kindred_core::journal::Kind;
use kindred_core::locked::{LockProblem, MAX_ITERATIONS, MIN_ITERATIONS};
use kindred_core::matching::Reason;
use kindred_core::need::{Status, Urgency};
use kindred_core::need_filter::Showing;
use kindred_core::offer::{Offer, OfferRefused};
use kindred_core::record::EditSaved;
use kindred_core::recurrence::Every;
use kindred_core::settings::{Language, Theme};
use kindred_core::share::{
    ExportChoice, FileProblem, RecordDetail, RecordProblem, MAX_FILE_BYTES, SHARE_SCHEMA,
};
use kindred_core::storage::StorageError;
use kindred_core::validation::{Field, Problem};
use kindred_i18n::grouped;

use crate::kept_safe::KeptSafe;
use crate::screen::Screen;

// Every message of i18n/locales/en.ftl, made into Rust at build time: a function per fixed
// phrase (`save()`, used across the screens as `text::save()`), and a struct per message with
// arguments in `words` (`words::Imported { count, shown }.format()`), which the functions
// below fill from Kindred's own types. A misspelt id or argument does not compile, and a
// message no one asks for is a dead-code warning (an error in the wasm clippy run).
kindred_i18n::words!();

/// A fixed phrase, as a table of phrases holds it.
type Phrase = fn() -> &'static str;

// The words for each of Kindred's enums: one table each, and only here.

pub fn kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Given => kind_given(),
        Kind::Received => kind_received(),
        Kind::Witnessed => kind_witnessed(),
    }
}

pub fn showing(showing: Showing) -> &'static str {
    match showing {
        Showing::All => showing_all(),
        Showing::Open => showing_open(),
        Showing::Done => showing_done(),
    }
}

pub fn urgency(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Low => urgency_low(),
        Urgency::Medium => urgency_medium(),
        Urgency::High => urgency_high(),
    }
}

pub fn contact_method(method: ContactMethod) -> &'static str {
    match method {
        ContactMethod::Phone => contact_phone(),
        ContactMethod::Text => contact_text(),
        ContactMethod::Email => contact_email(),
    }
}

/// A day's name and its short name: "Monday", "Mon".
fn weekday_names(day: Weekday) -> (Phrase, Phrase) {
    match day {
        Weekday::Mon => (monday, mon),
        Weekday::Tue => (tuesday, tue),
        Weekday::Wed => (wednesday, wed),
        Weekday::Thu => (thursday, thu),
        Weekday::Fri => (friday, fri),
        Weekday::Sat => (saturday, sat),
        Weekday::Sun => (sunday, sun),
    }
}

pub fn weekday(day: Weekday) -> &'static str {
    (weekday_names(day).0)()
}

pub fn weekday_short(day: Weekday) -> &'static str {
    (weekday_names(day).1)()
}

/// The short names of the months, January first.
const MONTHS: [Phrase; 12] = [jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov, dec];

pub fn month_short(month0: u32) -> &'static str {
    MONTHS[month0 as usize % 12]()
}

/// A time of day, and the same time every week: "Morning", "mornings".
fn day_part_names(part: DayPart) -> (Phrase, Phrase) {
    match part {
        DayPart::Morning => (morning, mornings),
        DayPart::Afternoon => (afternoon, afternoons),
        DayPart::Evening => (evening, evenings),
    }
}

pub fn day_part(part: DayPart) -> &'static str {
    (day_part_names(part).0)()
}

/// "mornings": a time of day that comes back every week.
fn day_part_every(part: DayPart) -> &'static str {
    (day_part_names(part).1)()
}

/// What a form says of a field, and what the import preview says of a record's field.
fn problem_words(problem: Problem) -> (Phrase, Phrase) {
    match problem {
        Problem::Required => (problem_required, record_missing),
        Problem::FutureDate => (problem_future_date, record_future_date),
        Problem::NotADate => (problem_not_a_date, record_not_a_date),
        Problem::NotAPhone => (problem_not_a_phone, record_not_a_phone),
        Problem::NotAnEmail => (problem_not_an_email, record_not_an_email),
        Problem::OutOfRange => (problem_out_of_range, record_out_of_range),
    }
}

/// What a form says of a field that is not right: "Please fill this in."
pub fn problem(problem: Problem) -> &'static str {
    (problem_words(problem).0)()
}

/// The same, said of a record in a file: "missing".
fn problem_short(problem: Problem) -> &'static str {
    (problem_words(problem).1)()
}

/// The choices of period for counting.
pub fn period(period: Period) -> &'static str {
    match period {
        Period::ThisWeek => period_this_week(),
        Period::ThisMonth => period_this_month(),
        Period::Last12Months => period_last_12_months(),
        Period::AllTime => period_all_time(),
    }
}

/// How far back Insights look.
pub fn span(span: Span) -> &'static str {
    match span {
        Span::SixMonths => last_6_months(),
        Span::TwelveMonths => last_12_months(),
    }
}

/// A screen's name: its link text and its heading (../shared/UI-CONTRACT.md).
pub fn screen_title(screen: Screen) -> &'static str {
    match screen {
        Screen::Journal => screen_journal(),
        Screen::Helpers => screen_helpers(),
        Screen::Needs => screen_needs(),
        Screen::Checkins => screen_checkins(),
        Screen::Share => screen_share(),
        Screen::Insights => screen_insights(),
        Screen::Settings => screen_settings(),
    }
}

pub fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::System => theme_system(),
        Theme::Light => theme_light(),
        Theme::Dark => theme_dark(),
    }
}

/// Each language named in itself, whatever the language in use, so that someone who cannot
/// read the current one still finds their own.
pub fn language_name(language: Language) -> &'static str {
    match language {
        Language::English => "English",
        Language::TraditionalChinese => "繁體中文",
    }
}

/// Whether the browser keeps Kindred's storage when space runs short.
pub fn kept_safe(kept: KeptSafe) -> &'static str {
    match kept {
        KeptSafe::NotAskedYet | KeptSafe::Asking => persistent_not_asked(),
        KeptSafe::Granted => persistent_granted(),
        KeptSafe::NotGranted => persistent_refused(),
        KeptSafe::Unknown => persistent_unknown(),
    }
}

pub fn status(status: &Status, helper_names: &str) -> String {
    match status {
        Status::Open => status_open().to_string(),
        Status::Matched { .. } => words::StatusMatched {
            helpers: helper_names,
        }
        .format(),
        Status::Done { on, .. } if helper_names.is_empty() => words::StatusDone {
            date: full_date(*on),
        }
        .format(),
        Status::Done { on, .. } => words::StatusDoneBy {
            date: full_date(*on),
            helpers: helper_names,
        }
        .format(),
    }
}

fn storage_problem(error: &StorageError) -> String {
    match error {
        StorageError::Full => storage_full().to_string(),
        StorageError::Unavailable(detail) => words::StorageBlocked { detail }.format(),
        StorageError::UpdatedElsewhere => storage_updated_elsewhere().to_string(),
    }
}

/// Why a file cannot be read, in the language in use. Where the JSON reader's own words are
/// shown (they say exactly what is wrong), they stay in English, as the reader wrote them.
fn file_problem(problem: &FileProblem) -> String {
    match problem {
        FileProblem::TooLarge { bytes } => words::FileTooLarge {
            size: grouped(bytes / 1024),
            limit: grouped(MAX_FILE_BYTES / 1024),
        }
        .format(),
        FileProblem::Unreasonable { line, column } => words::FileUnreasonable {
            line: *line,
            column: *column,
        }
        .format(),
        FileProblem::NotJson {
            line,
            column,
            detail,
        } => words::FileNotJson {
            line: *line,
            column: *column,
            detail,
        }
        .format(),
        FileProblem::Truncated => file_truncated().to_string(),
        FileProblem::NotKindred => file_not_kindred().to_string(),
        FileProblem::NewerVersion { found } => words::FileNewerVersion {
            // As text: a hostile file's version can be too large for a float.
            found: found.to_string(),
            readable: SHARE_SCHEMA,
        }
        .format(),
        FileProblem::NoVersion => file_no_version().to_string(),
        FileProblem::Shape { path, expected } => words::FileShape {
            path,
            expected: *expected,
        }
        .format(),
        FileProblem::DuplicateId { path, first } => words::FileDuplicateId { path, first }.format(),
        FileProblem::Empty => file_empty().to_string(),
    }
}

fn lock_problem(problem: &LockProblem) -> String {
    match problem {
        LockProblem::TooLarge => lock_too_large().to_string(),
        LockProblem::Damaged => lock_damaged().to_string(),
        LockProblem::NewerVersion { found } => words::LockNewer {
            found: found.to_string(),
        }
        .format(),
        LockProblem::UnknownMethod => lock_unknown().to_string(),
        LockProblem::IterationsOutOfBounds { found } => words::LockIterations {
            found: grouped(*found),
            min: grouped(MIN_ITERATIONS),
            max: grouped(MAX_ITERATIONS),
        }
        .format(),
    }
}

/// What a record in a file that cannot be read says is wrong with it.
fn record_detail(detail: &RecordDetail) -> String {
    match detail {
        RecordDetail::Field(problem) => problem_short(*problem).to_string(),
        RecordDetail::Unreadable(why) => why.clone(),
        RecordDetail::ImpossibleDate => record_impossible_date().to_string(),
    }
}

/// A category as the reader reads it: a built-in one in the interface's language (whichever
/// language Kindred started in), one the person typed as typed.
pub fn category_name(name: &str) -> &str {
    kindred_core::categories::shown_in(name, kindred_i18n::language())
}

/// Several categories, each as the reader reads it, joined with ", ".
pub fn category_names(names: &[String]) -> String {
    names
        .iter()
        .map(|n| category_name(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Show all 20 helpers".
pub fn show_all_helpers(count: usize) -> String {
    words::ShowAllHelpers {
        count,
        shown: grouped(count),
    }
    .format()
}

/// "Call May Chan", a link on a matched need.
pub fn call_helper(name: &str) -> String {
    words::CallHelper { name }.format()
}

/// "Email May Chan", a link on a matched need.
pub fn email_helper(name: &str) -> String {
    words::EmailHelper { name }.format()
}

/// Why a helper is suggested, in words: "helps with a ride · speaks Cantonese · …".
pub fn reasons(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|reason| match reason {
            Reason::HelpsWith(category) => words::ReasonHelpsWith {
                category: category_name(category),
            }
            .format(),
            Reason::Speaks(language) => words::ReasonSpeaks { language }.format(),
            Reason::FreeOn(day, parts) if parts.is_empty() => {
                words::ReasonFreeEvery { day: weekday(*day) }.format()
            }
            Reason::FreeOn(day, parts) => words::ReasonFreeOn {
                day: weekday(*day),
                parts: list(parts.iter().map(|p| day_part_every(*p).to_string())),
            }
            .format(),
            Reason::NotFreeOn(day, free) => words::ReasonNotFreeOn {
                day: weekday(*day),
                days: list(free.iter().map(|d| weekday_short(*d).to_string())),
            }
            .format(),
            Reason::DaysNotGiven(day) => words::ReasonDaysNotGiven { day: weekday(*day) }.format(),
            Reason::NeverAsked => reason_never_asked().to_string(),
            Reason::LastAsked(days) => words::ReasonLastAsked { days: *days }.format(),
        })
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// What a form's save says: `saved` ("Entry saved."), and whether a change made meanwhile
/// elsewhere was kept beside it.
pub fn form_saved(saved: &str, how: EditSaved) -> String {
    match how {
        EditSaved::AsConflict => words::SavedWithConflict { saved }.format(),
        EditSaved::Cleanly | EditSaved::AsNew => saved.to_string(),
    }
}

/// A stored field's label by its name in the file ("last_contacted"), or `None` for a field
/// the interface has no label for.
fn field_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "text" => what_happened(),
        "kind" => kind_label(),
        "date" => date_label(),
        "person" => person(),
        "category" => category(),
        "tags" => tags(),
        "private_note" => private_note(),
        "name" => name(),
        "can_help_with" => can_help_with(),
        "languages" => languages(),
        "availability" => availability_label(),
        "area" => area(),
        "phone" => phone(),
        "email" => email(),
        "preferred_contact" => preferred_contact(),
        "last_contacted" => last_contacted(),
        "what" => what_is_needed(),
        "for_whom" => for_whom(),
        "urgency" => urgency_label(),
        "language" => their_language(),
        "needed_by" => needed_by(),
        "follow_up_on" => follow_up_on(),
        "notes" => notes(),
        "status" => status_label(),
        "reason" => round_reason(),
        "address" => address(),
        "emergency_contact" => emergency_contact(),
        "note" => when_can_you_help(),
        _ => return None,
    })
}

/// A stored field's label by its name in the file, for comparing two copies side by side.
pub fn record_field(key: &str) -> String {
    field_label(key)
        .map(str::to_string)
        .unwrap_or_else(|| key.replace('_', " "))
}

/// A field's label, for error messages.
pub fn field(field: impl Field) -> &'static str {
    field_label(field.name()).unwrap_or(field.name())
}

// Sentences built from Kindred's values.

pub fn save_failed(error: &StorageError) -> String {
    words::SaveFailed {
        why: storage_problem(error),
    }
    .format()
}

/// A follow-up day's event in a calendar: "Follow up: A ride (Mrs Lee)".
pub fn follow_up_event(need: &str) -> String {
    words::FollowUpEvent { need }.format()
}

pub fn draft_not_kept(error: &StorageError) -> String {
    words::DraftNotKept {
        why: storage_problem(error),
    }
    .format()
}

pub fn storage_unreadable(error: &StorageError) -> String {
    words::StorageUnreadable {
        why: storage_problem(error),
    }
    .format()
}

/// "Urgency: High".
/// How near a need's day is, from the days left until it (negative: gone by): "tomorrow",
/// "in 3 days", "2 days late"; nothing for today and yesterday, which the date says itself.
pub fn needed_in(days_left: i64) -> Option<String> {
    match days_left {
        0 | -1 => None,
        1.. => Some(words::NeededIn { days: days_left }.format()),
        _ => Some(words::NeededLate { days: -days_left }.format()),
    }
}

pub fn urgency_line(value: Urgency) -> String {
    words::UrgencyLine {
        urgency: urgency(value),
    }
    .format()
}

/// Joins a short list the way the language does: "Tue, Thu" / "週二、週四".
fn list(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join(list_separator())
}

/// "Free Tue, Thu · mornings, evenings".
pub fn availability(days: &[Weekday], parts: &[DayPart]) -> String {
    if days.is_empty() && parts.is_empty() {
        return String::new();
    }
    let days = list(days.iter().map(|d| weekday_short(*d).to_string()));
    let parts = list(parts.iter().map(|p| day_part_every(*p).to_string()));
    words::Availability {
        when: joined([days, parts]),
    }
    .format()
}

/// A helper's availability with its note: "Free Tue · mornings · after school".
pub fn availability_in_full(free: &Availability) -> String {
    joined([availability(&free.days, &free.parts), free.note.clone()])
}

/// What stands between the details on one line.
const SEPARATOR: &str = " · ";

/// The parts that are there, joined the way Kindred puts details on one line:
/// "Mrs Lee · Rides · Urgency: High". Empty parts are left out.
pub fn joined(parts: impl IntoIterator<Item = String>) -> String {
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// "Helped 3 times, last on Mon 2 Nov 2026".
pub fn help_record(times: u32, last: Option<NaiveDate>) -> String {
    match last {
        Some(last) if times > 0 => words::HelpRecord {
            count: times,
            date: full_date(last),
        }
        .format(),
        _ => help_record_none().to_string(),
    }
}

/// "QR code for May Chan": the code's text alternative.
pub fn qr_label(name: &str) -> String {
    words::QrLabel { name }.format()
}

/// "Choose May Chan": the button that matches a suggested helper.
pub fn choose(name: &str) -> String {
    words::Choose { name }.format()
}

/// "2 follow-ups due", said with the Needs link.
pub fn follow_ups_due(n: usize) -> String {
    words::FollowUpsDue { count: n }.format()
}

/// What a file will not contain, said plainly before it is made.
pub fn export_leaves_out(choice: &ExportChoice) -> String {
    let left_out = [
        (choice.helpers, leave_out_helpers as Phrase),
        (choice.needs, leave_out_needs),
        (choice.journal, leave_out_journal),
        (choice.check_ins, leave_out_check_ins),
        (choice.private_notes, leave_out_private),
    ]
    .into_iter()
    .filter(|(chosen, _)| !chosen)
    .map(|(_, phrase)| phrase().to_string())
    .collect::<Vec<_>>();
    if left_out.is_empty() {
        export_holds_everything().to_string()
    } else {
        words::ExportLeavesOut {
            parts: list(left_out),
        }
        .format()
    }
}

/// "2 new, 1 updated, 5 unchanged, 1 in conflict".
pub fn import_counts(counts: &Counts) -> String {
    words::ImportCounts {
        new: grouped(counts.new),
        updated: grouped(counts.updated),
        unchanged: grouped(counts.unchanged),
        conflicts: grouped(counts.conflicts),
    }
    .format()
}

/// "From a file made on Mon 2 Nov 2026".
pub fn file_made_on(on: NaiveDate) -> String {
    words::FileMadeOn {
        date: full_date(on),
    }
    .format()
}

/// The alert for a file that cannot be imported.
pub fn import_refused(problem: &FileProblem) -> String {
    words::ImportRefused {
        why: file_problem(problem),
    }
    .format()
}

/// "Kindred stopped while showing Journal last time, so it opened Settings instead. …"
pub fn screen_failed_last_time(screen: &str) -> String {
    words::ScreenFailedLastTime { screen }.format()
}

/// "File exported: kindred-2026-12-02.json. Find it in Downloads, …": where the file went.
pub fn exported_to(file: &str) -> String {
    words::ExportedTo { file }.format()
}

/// The same for a locked file, with the passphrase to give separately.
pub fn locked_exported_to(file: &str) -> String {
    words::LockedExportedTo { file }.format()
}

pub fn lock_failed(why: &str) -> String {
    words::LockFailed { why }.format()
}

pub fn locked_refused(problem: &LockProblem) -> String {
    words::LockedRefused {
        why: lock_problem(problem),
    }
    .format()
}

pub fn import_undone_partly(undone: &Undone) -> String {
    words::ImportUndonePartly {
        count: undone.put_back,
        shown: grouped(undone.put_back),
        names: list(undone.left_alone.iter().cloned()),
    }
    .format()
}

pub fn conflicts_waiting(count: usize) -> String {
    words::ConflictsWaiting {
        count,
        shown: grouped(count),
    }
    .format()
}

/// "Imported: 3 records changed. You can undo this."
pub fn imported(changed: usize) -> String {
    words::Imported {
        count: changed,
        shown: grouped(changed),
    }
    .format()
}

/// A record that cannot be read, for the preview's list.
pub fn skipped(problem: &RecordProblem) -> String {
    let detail = record_detail(&problem.detail);
    // A label of only spaces would show as "( )": say the path alone, as for no label.
    let label = problem.label.trim();
    if label.is_empty() {
        format!("{}: {detail}", problem.path)
    } else {
        format!("{} ({label}): {detail}", problem.path)
    }
}

/// "1 of 2 acts of kindness given this week", and once the goal is reached, "3 acts of
/// kindness given this week: your goal of 2 is reached".
pub fn weekly_progress(done: u32, goal: u32) -> String {
    if done >= goal {
        words::WeeklyGoalReached { done, goal }.format()
    } else {
        words::WeeklyProgress { done, goal }.format()
    }
}

/// "3 days in a row · 2 weeks in a row", each run said only when there is one, or a gentle
/// start when there is no streak yet.
pub fn streaks(days: u32, weeks: u32) -> String {
    let runs = [
        (days > 0).then(|| words::StreakDays { days }.format()),
        (weeks > 0).then(|| words::StreakWeeks { weeks }.format()),
    ];
    match joined(runs.into_iter().flatten()) {
        none if none.is_empty() => no_streak_yet().to_string(),
        runs => runs,
    }
}

/// "1 entry", "10,000 entries".
pub fn entries(n: usize) -> String {
    words::Entries {
        count: n,
        shown: grouped(n),
    }
    .format()
}

/// What the calendar says of one day: "Mon 2 Nov 2026: 3 kindnesses".
pub fn calendar_day(day: NaiveDate, entries: u32) -> String {
    words::CalendarDay {
        date: full_date(day),
        count: entries,
    }
    .format()
}

/// A date as people read it: "Today", "Yesterday", or "Mon 2 Nov 2026".
pub fn date(date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => self::today().to_string(),
        1 => yesterday().to_string(),
        _ => full_date(date),
    }
}

/// "Mon 2 Nov 2026" / "2026年11月2日（週一）".
pub fn full_date(date: NaiveDate) -> String {
    words::FullDate {
        weekday: weekday_short(date.weekday()),
        day: date.day(),
        month: month_short(date.month0()),
        year: date.year().to_string(),
    }
    .format()
}

/// Today's idea in the language in use, by its stable id.
pub fn idea(idea: &Idea) -> &'static str {
    idea_n(idea.id.into()).unwrap_or(idea.text)
}

/// "Median time from open to done: 3 days".
pub fn median_days_to_done(days: f64) -> String {
    words::MedianDaysToDone { days }.format()
}

/// "Nov 2026" / "2026年11月".
pub fn month_year(first_of_month: NaiveDate) -> String {
    words::MonthYear {
        month: month_short(first_of_month.month0()),
        year: first_of_month.year().to_string(),
    }
    .format()
}

/// "Last copy kept 12 days ago".
pub fn last_copy(days: i64) -> String {
    words::LastCopy { days }.format()
}

/// "Storage: 23% used, about 4.0 MB left".
pub fn storage_used(used: usize, quota: usize) -> String {
    // One decimal: a young journal uses a fraction of a percent, which "0%" would hide.
    let percent = (used as f64 * 1000.0 / quota as f64).round() / 10.0;
    let left_mb = (quota.saturating_sub(used) as f64 / 1_048_576.0 * 10.0).round() / 10.0;
    words::StorageUsed {
        percent,
        left: left_mb,
    }
    .format()
}

/// "…and 9,950 more": the rest of a list too long to show.
pub fn and_more(n: usize) -> String {
    words::AndMore { count: grouped(n) }.format()
}

/// "Needed by: Today": a label and its value, punctuated as the language does.
pub fn labelled(label: &str, value: &str) -> String {
    words::Labelled { label, value }.format()
}

/// "Weekly shopping (Mrs Wong)": a name with a word about it.
pub fn with_aside(name: &str, aside: &str) -> String {
    words::WithAside { name, aside }.format()
}

/// "Remove a ride": the accessible name of a category's Remove button.
/// "Category removed: forgiveness".
pub fn category_removed(name: &str) -> String {
    words::CategoryRemoved { name }.format()
}

pub fn remove_named(name: &str) -> String {
    words::RemoveNamed { name }.format()
}

/// A field's value in a comparison, as the rest of Kindred shows it; `when` words a moment
/// (the shell knows the phone's time zone and today).
pub fn field_value(value: &FieldValue, when: impl Fn(DateTime<Utc>) -> String) -> String {
    match value {
        FieldValue::Text(text) => text.clone(),
        FieldValue::List(items) => items.join(", "),
        FieldValue::Day(day) => full_date(*day),
        FieldValue::Kind(value) => kind(*value).to_string(),
        FieldValue::Urgency(value) => urgency(*value).to_string(),
        FieldValue::Contact(method) => contact_method(*method).to_string(),
        FieldValue::Availability(free) => availability_in_full(free),
        FieldValue::Status(StatusKind::Open) => status_open().to_string(),
        FieldValue::Status(StatusKind::Matched) => status_matched_alone().to_string(),
        FieldValue::Status(StatusKind::Done) => status_done_alone().to_string(),
        FieldValue::Repeat(repeat) => joined([
            every(repeat.every).to_string(),
            words::RepeatsFrom {
                date: full_date(repeat.from),
            }
            .format(),
        ]),
        FieldValue::Answer(value) => answer(*value).to_string(),
        FieldValue::Closed { at, by } => joined([round_closed_at(&when(*at)), by.clone()]),
    }
}

// The group folder.

/// Why a sync stopped, in words. `own_origin` is Kindred's site, which a folder elsewhere
/// must allow (CORS).
pub fn sync_failed(why: SyncFailed, own_origin: &str) -> String {
    let why = match why {
        SyncFailed::Offline => why_offline().to_string(),
        SyncFailed::Unreachable => why_unreachable().to_string(),
        SyncFailed::NotAllowedBySite => words::WhyNotAllowed { origin: own_origin }.format(),
        SyncFailed::WrongLogin => why_wrong_login().to_string(),
        SyncFailed::Full => why_full().to_string(),
        SyncFailed::NotWebDav => why_not_webdav().to_string(),
        SyncFailed::NoSuchFolder => why_no_such_folder().to_string(),
        SyncFailed::Busy => why_busy().to_string(),
        SyncFailed::CannotLock => why_cannot_lock().to_string(),
        SyncFailed::Server(status) => words::WhyServer { status }.format(),
    };
    words::SyncFailed { why }.format()
}

/// What was wrong with one device file of the folder.
pub fn device_problem(file: &str, problem: &DeviceProblem) -> String {
    match problem {
        DeviceProblem::OtherPassphrase => words::FolderFileOtherPassphrase { file }.format(),
        DeviceProblem::Unreadable => words::FolderFileUnreadable { file }.format(),
        DeviceProblem::RecordsSkipped(count) => words::FolderFileRecordsSkipped {
            count: *count,
            file,
        }
        .format(),
    }
}

pub fn folder_other_site(own_origin: &str) -> String {
    words::FolderOtherSite { origin: own_origin }.format()
}

pub fn connected_to(address: &str) -> String {
    words::ConnectedTo { address }.format()
}

/// "Last synced at 09:05." (`time` as the clock shows it).
pub fn synced_at(time: &str) -> String {
    words::SyncedAt { time }.format()
}

pub fn sync_conflicts(count: usize) -> String {
    words::SyncConflicts { count }.format()
}

pub fn sync_retry(minutes: u64) -> String {
    words::SyncRetry { minutes }.format()
}

// Care rounds and repeating needs.

pub fn answer(answer: Answer) -> &'static str {
    match answer {
        Answer::Ok => answer_ok(),
        Answer::NeedsHelp => answer_needs_help(),
        Answer::NoAnswer => answer_no_answer(),
    }
}

pub fn every(every: Every) -> &'static str {
    match every {
        Every::Never => repeats_never(),
        Every::Week => repeats_week(),
        Every::TwoWeeks => repeats_two_weeks(),
        Every::Month => repeats_month(),
    }
}

/// "10:05" today, "Mon 2 Nov 2026, 10:05" on another day: when something was marked.
pub fn moment(at: NaiveDate, time: chrono::NaiveTime, today: NaiveDate) -> String {
    let time = time.format("%H:%M").to_string();
    if at == today {
        time
    } else {
        words::DateAndTime {
            date: &full_date(at),
            time: &time,
        }
        .format()
    }
}

/// "12 OK · 2 not reached · 1 needs help".
pub fn round_summary(summary: &Summary) -> String {
    words::RoundSummary {
        ok: grouped(summary.ok),
        not_reached: grouped(summary.not_reached),
        needs_help: grouped(summary.needs_help),
    }
    .format()
}

/// "Started 10:00 by Ah Wing".
pub fn round_started(when: &str, by: &str) -> String {
    if by.is_empty() {
        words::RoundStarted { when }.format()
    } else {
        words::RoundStartedBy { when, name: by }.format()
    }
}

/// "No answer, 10:05 by Ah Wing".
pub fn standing_marked(answer_word: &str, when: &str, by: &str) -> String {
    if by.is_empty() {
        words::StandingMarked {
            answer: answer_word,
            when,
        }
        .format()
    } else {
        words::StandingMarkedBy {
            answer: answer_word,
            when,
            name: by,
        }
        .format()
    }
}

pub fn tries(count: usize) -> String {
    words::Tries { count }.format()
}

pub fn marked_as(name: &str, answer_word: &str) -> String {
    words::MarkedAs {
        name,
        answer: answer_word,
    }
    .format()
}

pub fn round_closed_at(when: &str) -> String {
    words::RoundClosedAt { when }.format()
}

pub fn checkin_need_what(name: &str, reason: &str) -> String {
    words::CheckinNeedWhat { name, reason }.format()
}

pub fn checkin_need_phone(phone: &str) -> String {
    words::CheckinNeedPhone { phone }.format()
}

pub fn round_sheet_heading(reason: &str) -> String {
    words::RoundSheetHeading { reason }.format()
}

/// "Every week: next on Tue 8 Dec 2026".
pub fn repeats_next(every_word: &str, date: NaiveDate) -> String {
    words::RepeatsNext {
        every: every_word,
        date: &full_date(date),
    }
    .format()
}

pub fn skipped_to(date: NaiveDate) -> String {
    words::SkippedTo {
        date: &full_date(date),
    }
    .format()
}

pub fn next_opened(date: NaiveDate) -> String {
    words::NextOpened {
        date: &full_date(date),
    }
    .format()
}
/// Why a scanned or pasted face-to-face code cannot be used.
pub fn pairing_code_refused(problem: &kindred_core::face_to_face::code::CodeProblem) -> String {
    use kindred_core::face_to_face::code::CodeProblem;
    match problem {
        CodeProblem::NotAPairingCode => ftf_not_a_code().to_string(),
        CodeProblem::OtherVersion(found) => words::FtfOtherVersion {
            found: found.to_string(),
        }
        .format(),
        CodeProblem::Truncated | CodeProblem::Bad(_) => ftf_damaged_code().to_string(),
    }
}

// Offers of help on a need's card.

/// "Offers: Ana (Tuesday after 3), Ben".
pub fn offers_line(offers: &[Offer]) -> String {
    let offers = list(offers.iter().map(|offer| match offer.note.as_str() {
        "" => offer.name.clone(),
        note => with_aside(&offer.name, note),
    }));
    words::OffersLine { offers: &offers }.format()
}

/// Who an offer is from, for the person who matches: the directory helper it names, or that
/// accepting adds them.
pub fn offer_in_directory(offer: &Offer, helper: Option<&str>) -> String {
    match helper {
        Some(name) => words::OfferInDirectory { name }.format(),
        None => words::OfferNotInDirectory { name: &offer.name }.format(),
    }
}

pub fn accept_offer(name: &str) -> String {
    words::AcceptOffer { name }.format()
}

/// An offer in an import preview's list.
pub fn offer_from(name: &str) -> String {
    words::OfferFrom { name }.format()
}

/// Why an offer, or accepting one, did nothing (`None`: the form says what to fix).
pub fn offer_refused(refused: &OfferRefused) -> Option<&'static str> {
    match refused {
        OfferRefused::NeedDone => Some(offer_need_done()),
        OfferRefused::Gone => Some(offer_need_gone()),
        OfferRefused::Invalid(_) | OfferRefused::NotYours => None,
    }
}
