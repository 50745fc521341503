//! Every word the interface shows, in one place, so that the second language (Traditional
//! Chinese) can be added without hunting through components. English is the default and the
//! language of the accessible names in ../shared/UI-CONTRACT.md.

use chrono::{Datelike, NaiveDate, Weekday};
use kindred_core::habits::Period;
use kindred_core::helper::{Availability, ContactMethod, DayPart};
use kindred_core::ideas::Idea;
use kindred_core::import::{Counts, Undone};
use kindred_core::journal::Kind;
use kindred_core::locked::{LockProblem, MAX_ITERATIONS, MIN_ITERATIONS};
use kindred_core::matching::Reason;
use kindred_core::need::{Status, Urgency};
use kindred_core::record::EditSaved;
use kindred_core::share::{
    ExportChoice, FileProblem, RecordDetail, RecordProblem, MAX_FILE_BYTES, SHARE_SCHEMA,
};
use kindred_core::storage::StorageError;
use kindred_core::validation::Problem;

/// Makes each phrase a function of the same name that reads the message of that id in the
/// language in use.
macro_rules! phrases {
    ($($name:ident,)*) => {
        $(
            pub fn $name() -> &'static str {
                kindred_i18n::phrase(stringify!($name))
            }
        )*
    };
}

phrases! {
    app_name,
    screen_journal,
    screen_helpers,
    screen_needs,
    screen_share,
    screen_insights,
    screen_settings,
    tagline,
    main_nav,
    skip_to_content,
    update_ready,
    reload_to_update,
    reload,
    find,
    lock_with_passphrase,
    passphrase,
    repeat_passphrase,
    suggest_passphrase,
    lock_hint,
    lock_needs_secure,
    passphrase_empty,
    passphrases_differ,
    locking,
    locked_exported,
    locked_file_heading,
    locked_file_hint,
    unlock,
    unlocking,
    unlock_failed,
    screen_failed,
    start_again,
    updated_elsewhere,
    data_vanished,
    put_back_everything,
    reload_without_it,
    put_back_done,
    here_now,
    after_import,
    conflicts_waiting_heading,
    review_conflicts,
    no_conflicts_waiting,
    version_shown,
    version_other,
    keep_shown,
    keep_other,
    conflict_settled,

    // Journal
    log_a_kindness,
    new_entry,
    edit_entry,
    what_happened,
    kind_label,
    date_label,
    person,
    category,
    no_category,
    tags,
    tags_hint,
    private_note,
    private_note_hint,
    save,
    cancel,
    edit,
    delete,
    undo,
    search,
    journal_entries,
    no_entries,
    no_matches,
    entry_deleted,
    entry_saved,
    fix_the_form,
    show_more,

    // Journal: filters
    filters,
    filter_kind,
    filter_category,
    from_date,
    to_date,
    all_kinds,
    all_categories,
    clear_filters,

    // Journal: encouragement
    today_panel,
    idea_for_today,
    another_idea,
    i_did_this,
    weekly_goal,
    streaks_label,

    // Journal: calendar and counts
    your_year,
    calendar,
    calendar_help,
    period_label,
    counts_by_kind,
    counts_by_category,
    no_categories_yet,

    // Insights
    kindness_per_week,
    week_of,
    count,
    people_heading,
    people_hint,
    you_helped,
    helped_you,
    no_people,
    needs_per_month,
    month,
    needs_opened,
    needs_done,
    no_needs_done,
    no_kindness_in_period,
    no_needs_in_period,
    last_6_months,
    last_12_months,

    // Helpers
    add_helper,
    new_helper,
    edit_helper,
    name,
    can_help_with,
    languages,
    languages_hint,
    days_free,
    times_of_day,
    availability_label,
    availability_hint,
    area,
    phone,
    email,
    preferred_contact,
    no_preference,
    last_contacted,
    helpers_list,
    no_helpers,
    no_helper_matches,
    helper_deleted,
    helper_saved,
    filter_language,
    filter_day,
    all_languages,
    any_day,
    call,
    write,
    not_a_link,

    // Needs
    add_need,
    new_need,
    edit_need,
    what_is_needed,
    for_whom,
    urgency_label,
    their_language,
    their_language_hint,
    needed_by,
    follow_up_on,
    follow_up_hint,
    notes,
    needs_list,
    no_needs,
    need_deleted,
    need_saved,
    match_button,
    mark_done,
    reopen,
    suggested_helpers,
    no_helpers_to_suggest,
    close,
    follow_up_due,
    follow_ups_due_heading,
    open_needs,
    log_it,
    log_as_given,
    log_as_received,
    no_thanks,
    logged_in_journal,
    need_done,

    // Share
    status_label,
    send_heading,
    send_hint,
    what_to_share,
    share_helpers,
    share_needs,
    share_journal,
    share_private,
    export,
    share_file,
    nothing_chosen,
    exported,
    take_in_heading,
    take_in_hint,
    import_file,
    import_preview,
    confirm_import,
    cancel_import,
    undo_last_import,
    import_cancelled,
    import_undone,
    import_nothing_new,
    import_no_private,
    new_records,
    updated_records,
    conflicts,
    conflict_hint,
    yours,
    theirs,
    keep_mine,
    take_theirs,
    keep_both,
    skipped_records,
    skip_consent,
    skip_needed,
    deleted_by_file,
    other_formats,
    other_formats_hint,
    journal_csv,
    helpers_csv,
    needs_csv,
    helpers_vcard,
    follow_ups_ics,
    print_directory,
    open_needs_heading,
    no_follow_ups,

    // QR codes
    qr_code,
    qr_hint,
    qr_too_long,

    // Settings
    display_settings,
    language,
    language_of_device,
    theme,
    theme_system,
    theme_light,
    theme_dark,
    large_text,
    large_text_hint,
    journal_settings,
    hide_streaks,
    hide_streaks_hint,
    weekly_goal_hint,
    categories,
    new_category,
    add_category,
    category_not_added,
    settings_saved,
    remove,
    download_all_data,
    persistent_storage,
    persistent_not_asked,
    persistent_granted,
    persistent_refused,
    persistent_unknown,
    download_all_data_hint,
    your_data,
    backup_health,
    no_copy_yet,
    storage_used_unknown,
    backup_reminder,
    keep_a_copy,
    data_lives_here,

    // Alerts
    dismiss,
    try_again,
    download_unreadable,
    unreadable_found,
    unreadable_kept,
    unreadable_not_kept,
    saved_again,
}

use kindred_i18n::{message, Value};

fn number(n: impl Into<f64>) -> Value<'static> {
    Value::from(n.into())
}

pub fn save_failed(error: &StorageError) -> String {
    message("save_failed", &[("why", storage_problem(error).into())])
}

pub fn storage_unreadable(error: &StorageError) -> String {
    message(
        "storage_unreadable",
        &[("why", storage_problem(error).into())],
    )
}

fn storage_problem(error: &StorageError) -> String {
    match error {
        StorageError::Full => message("storage_full", &[]),
        StorageError::Unavailable(detail) => {
            message("storage_blocked", &[("detail", detail.as_str().into())])
        }
        StorageError::UpdatedElsewhere => message("storage_updated_elsewhere", &[]),
    }
}

pub fn urgency(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Low => kindred_i18n::phrase("urgency_low"),
        Urgency::Medium => kindred_i18n::phrase("urgency_medium"),
        Urgency::High => kindred_i18n::phrase("urgency_high"),
    }
}

/// "Urgency: High".
pub fn urgency_line(value: Urgency) -> String {
    message("urgency_line", &[("urgency", urgency(value).into())])
}

pub fn status(status: &Status, helper_names: &str) -> String {
    match status {
        Status::Open => message("status_open", &[]),
        Status::Matched { .. } => message("status_matched", &[("helpers", helper_names.into())]),
        Status::Done { on, .. } if helper_names.is_empty() => {
            message("status_done", &[("date", full_date(*on).into())])
        }
        Status::Done { on, .. } => message(
            "status_done_by",
            &[
                ("date", full_date(*on).into()),
                ("helpers", helper_names.into()),
            ],
        ),
    }
}

const WEEKDAY_IDS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const WEEKDAY_SHORT_IDS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MONTH_IDS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

pub fn weekday(day: Weekday) -> &'static str {
    kindred_i18n::phrase(WEEKDAY_IDS[day.num_days_from_monday() as usize])
}

pub fn weekday_short(day: Weekday) -> &'static str {
    kindred_i18n::phrase(WEEKDAY_SHORT_IDS[day.num_days_from_monday() as usize])
}

pub fn day_part(part: DayPart) -> &'static str {
    kindred_i18n::phrase(day_part_id(part))
}

fn day_part_id(part: DayPart) -> &'static str {
    match part {
        DayPart::Morning => "morning",
        DayPart::Afternoon => "afternoon",
        DayPart::Evening => "evening",
    }
}

/// "mornings": a time of day that comes back every week.
fn day_part_every(part: DayPart) -> String {
    message("day_part_every", &[("part", day_part_id(part).into())])
}

pub fn contact_method(method: ContactMethod) -> &'static str {
    kindred_i18n::phrase(match method {
        ContactMethod::Phone => "contact_phone",
        ContactMethod::Text => "contact_text",
        ContactMethod::Email => "contact_email",
    })
}

/// Joins a short list the way the language does: "Tue, Thu" / "週二、週四".
fn list(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(kindred_i18n::phrase("list_separator"))
}

/// "Free Tue, Thu · mornings, evenings".
pub fn availability(days: &[Weekday], parts: &[DayPart]) -> String {
    if days.is_empty() && parts.is_empty() {
        return String::new();
    }
    let days = list(days.iter().map(|d| weekday_short(*d).to_string()));
    let parts = list(parts.iter().map(|p| day_part_every(*p)));
    let when = [days, parts]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    message("availability", &[("when", when.into())])
}

/// "Helped 3 times, last on Mon 2 Nov 2026".
pub fn help_record(times: u32, last: Option<NaiveDate>) -> String {
    match last {
        Some(last) if times > 0 => message(
            "help_record",
            &[("count", number(times)), ("date", full_date(last).into())],
        ),
        _ => message("help_record_none", &[]),
    }
}

/// Why a helper is suggested, in words: "helps with a ride · speaks Cantonese · …".
pub fn reasons(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|reason| match reason {
            Reason::HelpsWith(category) => message(
                "reason_helps_with",
                &[("category", category.as_str().into())],
            ),
            Reason::Speaks(language) => {
                message("reason_speaks", &[("language", language.as_str().into())])
            }
            Reason::FreeOn(day, parts) if parts.is_empty() => {
                message("reason_free_every", &[("day", weekday(*day).into())])
            }
            Reason::FreeOn(day, parts) => message(
                "reason_free_on",
                &[
                    ("day", weekday(*day).into()),
                    (
                        "parts",
                        list(parts.iter().map(|p| day_part_every(*p))).into(),
                    ),
                ],
            ),
            Reason::NeverAsked => message("reason_never_asked", &[]),
            Reason::LastAsked(days) => {
                message("reason_last_asked", &[("days", number(*days as f64))])
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "QR code for May Chan": the code's text alternative.
pub fn qr_label(name: &str) -> String {
    message("qr_label", &[("name", name.into())])
}

/// "Choose May Chan": the button that matches a suggested helper.
pub fn choose(name: &str) -> String {
    message("choose", &[("name", name.into())])
}

/// "2 follow-ups due", said with the Needs link.
pub fn follow_ups_due(n: usize) -> String {
    message("follow_ups_due", &[("count", number(n as f64))])
}

/// What a file will not contain, said plainly before it is made.
pub fn export_leaves_out(choice: &ExportChoice) -> String {
    let left_out = [
        (choice.helpers, "leave_out_helpers"),
        (choice.needs, "leave_out_needs"),
        (choice.journal, "leave_out_journal"),
        (choice.private_notes, "leave_out_private"),
    ]
    .into_iter()
    .filter(|(chosen, _)| !chosen)
    .map(|(_, id)| message(id, &[]))
    .collect::<Vec<_>>();
    if left_out.is_empty() {
        message("export_holds_everything", &[])
    } else {
        message("export_leaves_out", &[("parts", list(left_out).into())])
    }
}

/// "2 new, 1 updated, 5 unchanged, 1 in conflict".
pub fn import_counts(counts: &Counts) -> String {
    message(
        "import_counts",
        &[
            ("new", kindred_i18n::grouped(counts.new).into()),
            ("updated", kindred_i18n::grouped(counts.updated).into()),
            ("unchanged", kindred_i18n::grouped(counts.unchanged).into()),
            ("conflicts", kindred_i18n::grouped(counts.conflicts).into()),
        ],
    )
}

/// "From a file made on Mon 2 Nov 2026".
pub fn file_made_on(on: NaiveDate) -> String {
    message("file_made_on", &[("date", full_date(on).into())])
}

/// The alert for a file that cannot be imported.
pub fn import_refused(problem: &FileProblem) -> String {
    message("import_refused", &[("why", file_problem(problem).into())])
}

/// Why a file cannot be read, in the language in use. Where the JSON reader's own words are
/// shown (they say exactly what is wrong), they stay in English, as the reader wrote them.
fn file_problem(problem: &FileProblem) -> String {
    match problem {
        FileProblem::TooLarge { bytes } => message(
            "file_too_large",
            &[
                ("size", kindred_i18n::grouped(bytes / 1024).into()),
                ("limit", kindred_i18n::grouped(MAX_FILE_BYTES / 1024).into()),
            ],
        ),
        FileProblem::Unreasonable { line, column } => message(
            "file_unreasonable",
            &[
                ("line", number(*line as f64)),
                ("column", number(*column as f64)),
            ],
        ),
        FileProblem::NotJson {
            line,
            column,
            detail,
        } => message(
            "file_not_json",
            &[
                ("line", number(*line as f64)),
                ("column", number(*column as f64)),
                ("detail", detail.as_str().into()),
            ],
        ),
        FileProblem::Truncated => message("file_truncated", &[]),
        FileProblem::NotKindred => message("file_not_kindred", &[]),
        FileProblem::NewerVersion { found } => message(
            "file_newer_version",
            &[
                // As text: a hostile file's version can be too large for a float.
                ("found", found.to_string().into()),
                ("readable", number(SHARE_SCHEMA as f64)),
            ],
        ),
        FileProblem::NoVersion => message("file_no_version", &[]),
        FileProblem::Shape { path, expected } => message(
            "file_shape",
            &[
                ("path", path.as_str().into()),
                ("expected", (*expected).into()),
            ],
        ),
        FileProblem::DuplicateId { path, first } => message(
            "file_duplicate_id",
            &[
                ("path", path.as_str().into()),
                ("first", first.as_str().into()),
            ],
        ),
        FileProblem::Empty => message("file_empty", &[]),
    }
}

/// "Imported: 3 records changed. You can undo this."
pub fn screen_failed_last_time(screen: &str) -> String {
    message("screen_failed_last_time", &[("screen", screen.into())])
}

pub fn lock_failed(why: &str) -> String {
    message("lock_failed", &[("why", why.into())])
}

pub fn locked_refused(problem: &LockProblem) -> String {
    let why = match problem {
        LockProblem::TooLarge => message("lock_too_large", &[]),
        LockProblem::Damaged => message("lock_damaged", &[]),
        LockProblem::NewerVersion { found } => {
            message("lock_newer", &[("found", number(*found as f64))])
        }
        LockProblem::UnknownMethod => message("lock_unknown", &[]),
        LockProblem::IterationsOutOfBounds { found } => message(
            "lock_iterations",
            &[
                ("found", kindred_i18n::grouped(*found).into()),
                ("min", kindred_i18n::grouped(MIN_ITERATIONS).into()),
                ("max", kindred_i18n::grouped(MAX_ITERATIONS).into()),
            ],
        ),
    };
    message("locked_refused", &[("why", why.into())])
}

/// What a form's save says: `saved` ("Entry saved."), and whether a change made meanwhile
/// elsewhere was kept beside it.
pub fn form_saved(saved: &str, how: EditSaved) -> String {
    match how {
        EditSaved::AsConflict => message("saved_with_conflict", &[("saved", saved.into())]),
        EditSaved::Cleanly | EditSaved::AsNew => saved.to_string(),
    }
}

pub fn import_undone_partly(undone: &Undone) -> String {
    message(
        "import_undone_partly",
        &[
            ("count", number(undone.put_back as f64)),
            ("shown", kindred_i18n::grouped(undone.put_back).into()),
            ("names", undone.left_alone.join(", ").into()),
        ],
    )
}

pub fn conflicts_waiting(count: usize) -> String {
    message(
        "conflicts_waiting",
        &[
            ("count", number(count as f64)),
            ("shown", kindred_i18n::grouped(count).into()),
        ],
    )
}

pub fn imported(changed: usize) -> String {
    message(
        "imported",
        &[
            ("count", number(changed as f64)),
            ("shown", kindred_i18n::grouped(changed).into()),
        ],
    )
}

/// A record that cannot be read, for the preview's list.
pub fn skipped(problem: &RecordProblem) -> String {
    let detail = match &problem.detail {
        RecordDetail::Field(p) => message(problem_short(*p), &[]),
        RecordDetail::Unreadable(why) => why.clone(),
        RecordDetail::ImpossibleDate => message("record_impossible_date", &[]),
    };
    match problem.label.as_str() {
        "" => format!("{}: {detail}", problem.path),
        label => format!("{} ({label}): {detail}", problem.path),
    }
}

fn problem_short(problem: Problem) -> &'static str {
    match problem {
        Problem::Required => "record_missing",
        Problem::FutureDate => "record_future_date",
        Problem::NotADate => "record_not_a_date",
        Problem::NotAPhone => "record_not_a_phone",
        Problem::NotAnEmail => "record_not_an_email",
        Problem::OutOfRange => "record_out_of_range",
    }
}

pub fn kind(kind: Kind) -> &'static str {
    kindred_i18n::phrase(match kind {
        Kind::Given => "kind_given",
        Kind::Received => "kind_received",
        Kind::Witnessed => "kind_witnessed",
    })
}

/// A stored field's label by its name in the file, for comparing two copies side by side.
pub fn record_field(key: &str) -> String {
    let label = match key {
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
        other => return other.replace('_', " "),
    };
    label.to_string()
}

/// A field's label by its stable key, for error messages.
pub fn field(key: &str) -> &str {
    match key {
        "text" => what_happened(),
        "date" => date_label(),
        "name" => name(),
        "phone" => phone(),
        "email" => email(),
        "last-contacted" => last_contacted(),
        "what" => what_is_needed(),
        "needed-by" => needed_by(),
        "follow-up-on" => follow_up_on(),
        other => other,
    }
}

pub fn problem(problem: Problem) -> &'static str {
    kindred_i18n::phrase(match problem {
        Problem::Required => "problem_required",
        Problem::FutureDate => "problem_future_date",
        Problem::NotADate => "problem_not_a_date",
        Problem::NotAPhone => "problem_not_a_phone",
        Problem::NotAnEmail => "problem_not_an_email",
        Problem::OutOfRange => "problem_out_of_range",
    })
}

/// "1 of 2 acts of kindness given this week".
pub fn weekly_progress(done: u32, goal: u32) -> String {
    message(
        "weekly_progress",
        &[("done", number(done)), ("goal", number(goal))],
    )
}

/// "3 days in a row · 2 weeks in a row", or a gentle start when there is no streak yet.
pub fn streaks(days: u32, weeks: u32) -> String {
    if days == 0 && weeks == 0 {
        return message("no_streak_yet", &[]);
    }
    message(
        "streaks",
        &[("days", number(days)), ("weeks", number(weeks))],
    )
}

/// "1 entry", "10,000 entries".
pub fn entries(n: usize) -> String {
    message(
        "entries",
        &[
            ("count", number(n as f64)),
            ("shown", kindred_i18n::grouped(n).into()),
        ],
    )
}

/// What the calendar says of one day: "Mon 2 Nov 2026: 3 kindnesses".
pub fn calendar_day(day: NaiveDate, entries: u32) -> String {
    message(
        "calendar_day",
        &[("date", full_date(day).into()), ("count", number(entries))],
    )
}

/// The choices of period for counting.
pub fn period(period: Period) -> &'static str {
    kindred_i18n::phrase(match period {
        Period::ThisWeek => "period_this_week",
        Period::ThisMonth => "period_this_month",
        Period::Last12Months => "period_last_12_months",
        Period::AllTime => "period_all_time",
    })
}

pub fn month_short(month0: u32) -> &'static str {
    kindred_i18n::phrase(MONTH_IDS[month0 as usize % 12])
}

/// A date as people read it: "Today", "Yesterday", or "Mon 2 Nov 2026".
pub fn date(date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => message("today", &[]),
        1 => message("yesterday", &[]),
        _ => full_date(date),
    }
}

/// "Mon 2 Nov 2026" / "2026年11月2日（週一）".
pub fn full_date(date: NaiveDate) -> String {
    message(
        "full_date",
        &[
            ("weekday", weekday_short(date.weekday()).into()),
            ("day", number(date.day())),
            ("month", month_short(date.month0()).into()),
            ("year", date.year().to_string().into()),
        ],
    )
}

/// Today's idea in the language in use, by its stable id.
pub fn idea(idea: &Idea) -> String {
    message(&format!("idea_{}", idea.id), &[])
}

/// "Median time from open to done: 3 days".
pub fn median_days_to_done(days: f64) -> String {
    message("median_days_to_done", &[("days", number(days))])
}

/// "Nov 2026" / "2026年11月".
pub fn month_year(first_of_month: NaiveDate) -> String {
    message(
        "month_year",
        &[
            ("month", month_short(first_of_month.month0()).into()),
            ("year", first_of_month.year().to_string().into()),
        ],
    )
}

/// "Last copy kept 12 days ago".
pub fn last_copy(days: i64) -> String {
    message("last_copy", &[("days", number(days as f64))])
}

/// "Storage: 23% used, about 4.0 MB left".
pub fn storage_used(used: usize, quota: usize) -> String {
    // One decimal: a young journal uses a fraction of a percent, which "0%" would hide.
    let percent = (used as f64 * 1000.0 / quota as f64).round() / 10.0;
    let left_mb = (quota.saturating_sub(used) as f64 / 1_048_576.0 * 10.0).round() / 10.0;
    message(
        "storage_used",
        &[("percent", number(percent)), ("left", number(left_mb))],
    )
}

/// "…and 9,950 more": the rest of a list too long to show.
pub fn and_more(n: usize) -> String {
    message("and_more", &[("count", kindred_i18n::grouped(n).into())])
}

/// "Needed by: Today": a label and its value, punctuated as the language does.
pub fn labelled(label: &str, value: &str) -> String {
    message(
        "labelled",
        &[("label", label.into()), ("value", value.into())],
    )
}

/// "Weekly shopping (Mrs Wong)": a name with a word about it.
pub fn with_aside(name: &str, aside: &str) -> String {
    message(
        "with_aside",
        &[("name", name.into()), ("aside", aside.into())],
    )
}

/// "Remove a ride": the accessible name of a category's Remove button.
pub fn remove_named(name: &str) -> String {
    message("remove_named", &[("name", name.into())])
}

/// A stored value as the rest of Kindred shows it, for the fields whose stored form is a code
/// ("high", "mon", "2026-11-23", an availability object): `None` for plain text and lists.
pub fn stored_value(key: &str, value: &serde_json::Value) -> Option<String> {
    let code = value.as_str();
    match key {
        "kind" => code.and_then(Kind::parse).map(|k| kind(k).to_string()),
        "urgency" => code
            .and_then(Urgency::parse)
            .map(|u| urgency(u).to_string()),
        "preferred_contact" => code
            .and_then(ContactMethod::parse)
            .map(|m| contact_method(m).to_string()),
        "availability" => {
            let shown: Availability = serde_json::from_value(value.clone()).ok()?;
            let when = availability(&shown.days, &shown.parts);
            Some(
                [when, shown.note]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
        }
        _ => code
            .and_then(|c| NaiveDate::parse_from_str(c, "%Y-%m-%d").ok())
            .map(full_date),
    }
}
