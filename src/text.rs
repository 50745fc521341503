//! Every word the interface shows, in one place, so that the second language (Traditional
//! Chinese) can be added without hunting through components. English is the default and the
//! language of the accessible names in ../shared/UI-CONTRACT.md.

use chrono::{Datelike, NaiveDate, Weekday};
use kindred_core::habits::Period;
use kindred_core::helper::{ContactMethod, DayPart};
use kindred_core::import::Counts;
use kindred_core::journal::Kind;
use kindred_core::matching::Reason;
use kindred_core::need::{Status, Urgency};
use kindred_core::share::{ExportChoice, FileProblem, RecordDetail, RecordProblem};
use kindred_core::storage::StorageError;
use kindred_core::validation::Problem;

pub const APP_NAME: &str = "Kindred";
pub const TAGLINE: &str = "Notice kindness. Help each other.";
pub const MAIN_NAV: &str = "Main";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const UPDATE_READY: &str = "A new version of Kindred is ready. Your data stays as it is.";
pub const RELOAD_TO_UPDATE: &str = "Reload to update";

pub const NOT_BUILT_YET: &str =
    "This part of Kindred is not built yet. Everything you write in the Journal is kept safe.";

// Journal
pub const LOG_A_KINDNESS: &str = "Log a kindness";
pub const NEW_ENTRY: &str = "New kindness";
pub const EDIT_ENTRY: &str = "Edit kindness";
pub const WHAT_HAPPENED: &str = "What happened";
pub const KIND: &str = "Kind";
pub const DATE: &str = "Date";
pub const PERSON: &str = "Person";
pub const CATEGORY: &str = "Category";
pub const NO_CATEGORY: &str = "(none)";
pub const TAGS: &str = "Tags";
pub const TAGS_HINT: &str = "Separate with commas";
pub const PRIVATE_NOTE: &str = "Private note";
pub const PRIVATE_NOTE_HINT: &str = "Only for you: never shared unless you choose to.";
pub const SAVE: &str = "Save";
pub const CANCEL: &str = "Cancel";
pub const EDIT: &str = "Edit";
pub const DELETE: &str = "Delete";
pub const UNDO: &str = "Undo";
pub const SEARCH: &str = "Search";
pub const JOURNAL_ENTRIES: &str = "Journal entries";
pub const NO_ENTRIES: &str =
    "Nothing here yet. When you notice a kindness, given, received or witnessed, log it here.";
pub const NO_MATCHES: &str = "No entries match your search.";
pub const ENTRY_DELETED: &str = "Entry deleted.";
pub const ENTRY_SAVED: &str = "Entry saved.";
pub const FIX_THE_FORM: &str = "Please check the form:";
pub const SHOW_MORE: &str = "Show more";

// Journal: filters
pub const FILTERS: &str = "Filters";
pub const FILTER_KIND: &str = "Filter by kind";
pub const FILTER_CATEGORY: &str = "Filter by category";
pub const FROM_DATE: &str = "From date";
pub const TO_DATE: &str = "To date";
pub const ALL_KINDS: &str = "All kinds";
pub const ALL_CATEGORIES: &str = "All categories";
pub const CLEAR_FILTERS: &str = "Clear filters";

// Journal: encouragement
pub const TODAY_PANEL: &str = "Today";
pub const IDEA_FOR_TODAY: &str = "An idea for today";
pub const ANOTHER_IDEA: &str = "Another idea";
pub const I_DID_THIS: &str = "I did this";
pub const WEEKLY_GOAL: &str = "Weekly goal";
pub const STREAKS: &str = "Streaks";

// Journal: calendar and counts
pub const YOUR_YEAR: &str = "Your year of kindness";
pub const CALENDAR: &str = "Calendar of the last 12 months";
pub const CALENDAR_HELP: &str = "Use the arrow keys to move between days.";
pub const PERIOD: &str = "Period";
pub const COUNTS_BY_KIND: &str = "By kind";
pub const COUNTS_BY_CATEGORY: &str = "By category";
pub const NO_CATEGORIES_YET: &str = "No entries with a category in this period.";

// Helpers
pub const ADD_HELPER: &str = "Add helper";
pub const NEW_HELPER: &str = "New helper";
pub const EDIT_HELPER: &str = "Edit helper";
pub const NAME: &str = "Name";
pub const CAN_HELP_WITH: &str = "Can help with";
pub const LANGUAGES: &str = "Languages";
pub const LANGUAGES_HINT: &str = "Separate with commas, for example: Cantonese, English";
pub const DAYS_FREE: &str = "Days free";
pub const TIMES_OF_DAY: &str = "Times of day";
pub const AVAILABILITY: &str = "Availability";
pub const AVAILABILITY_HINT: &str = "Anything else about when, for example: not in school holidays";
pub const AREA: &str = "Area";
pub const PHONE: &str = "Phone";
pub const EMAIL: &str = "Email";
pub const PREFERRED_CONTACT: &str = "Preferred contact";
pub const NO_PREFERENCE: &str = "No preference";
pub const LAST_CONTACTED: &str = "Last contacted";
pub const HELPERS_LIST: &str = "Helpers";
pub const NO_HELPERS: &str =
    "No helpers yet. Add the neighbours and volunteers who can help, and with what.";
pub const NO_HELPER_MATCHES: &str = "No helpers match your search.";
pub const HELPER_DELETED: &str = "Helper deleted.";
pub const HELPER_SAVED: &str = "Helper saved.";
pub const FILTER_LANGUAGE: &str = "Filter by language";
pub const FILTER_DAY: &str = "Filter by day";
pub const ALL_LANGUAGES: &str = "All languages";
pub const ANY_DAY: &str = "Any day";
pub const CALL: &str = "Call";
pub const WRITE: &str = "Email";
pub const NOT_A_LINK: &str = "(not a valid number or address, so not a link)";

// Needs
pub const ADD_NEED: &str = "Add need";
pub const NEW_NEED: &str = "New need";
pub const EDIT_NEED: &str = "Edit need";
pub const WHAT_IS_NEEDED: &str = "What is needed";
pub const FOR_WHOM: &str = "For whom";
pub const URGENCY: &str = "Urgency";
pub const THEIR_LANGUAGE: &str = "Their language";
pub const THEIR_LANGUAGE_HINT: &str = "Helpers who speak it are suggested first.";
pub const NEEDED_BY: &str = "Needed by";
pub const FOLLOW_UP_ON: &str = "Follow up on";
pub const FOLLOW_UP_HINT: &str = "The day to check that the need was met.";
pub const NOTES: &str = "Notes";
pub const NEEDS_LIST: &str = "Needs";
pub const NO_NEEDS: &str = "No needs on the board. Add one when a neighbour needs a hand.";
pub const NEED_DELETED: &str = "Need deleted.";
pub const NEED_SAVED: &str = "Need saved.";
pub const MATCH: &str = "Match";
pub const MARK_DONE: &str = "Mark done";
pub const REOPEN: &str = "Reopen";
pub const SUGGESTED_HELPERS: &str = "Suggested helpers";
pub const NO_HELPERS_TO_SUGGEST: &str = "There are no other helpers in the directory yet.";
pub const CLOSE: &str = "Close";
pub const FOLLOW_UP_DUE: &str = "Follow-up due";
pub const FOLLOW_UPS_DUE: &str = "Follow-ups due";
pub const OPEN_NEEDS: &str = "Open the needs board";
pub const LOG_IT: &str = "Log it in your journal?";
pub const LOG_AS_GIVEN: &str = "Log as given";
pub const LOG_AS_RECEIVED: &str = "Log as received";
pub const NO_THANKS: &str = "No thanks";
pub const LOGGED_IN_JOURNAL: &str = "Logged in your journal.";
pub const NEED_DONE: &str = "Marked done.";

// Share
pub const SEND_HEADING: &str = "Send to a neighbour";
pub const SEND_HINT: &str = "Choose what to put in the file. You can give it to a neighbour by message, e-mail or USB stick.";
pub const WHAT_TO_SHARE: &str = "What to put in the file";
pub const SHARE_HELPERS: &str = "Helper directory";
pub const SHARE_NEEDS: &str = "Needs board";
pub const SHARE_JOURNAL: &str = "Journal entries";
pub const SHARE_PRIVATE: &str = "Private notes";
pub const EXPORT: &str = "Export";
pub const SHARE_FILE: &str = "Share…";
pub const NOTHING_CHOSEN: &str = "Choose at least one thing to put in the file.";
pub const EXPORTED: &str = "File saved. Everything in it is marked as shared.";
pub const TAKE_IN_HEADING: &str = "Take in a neighbour's file";
pub const TAKE_IN_HINT: &str = "Choose a Kindred file, or drop it here. Nothing changes until you confirm, and you can undo it afterwards.";
pub const IMPORT_FILE: &str = "Import file";
pub const IMPORT_PREVIEW: &str = "Import preview";
pub const CONFIRM_IMPORT: &str = "Confirm import";
pub const CANCEL_IMPORT: &str = "Cancel import";
pub const UNDO_LAST_IMPORT: &str = "Undo last import";
pub const IMPORT_CANCELLED: &str = "Import cancelled. Nothing was changed.";
pub const IMPORT_UNDONE: &str = "The last import was undone. Your data is as it was before it.";
pub const IMPORT_NOTHING_NEW: &str =
    "Everything in this file is already here: importing it would change nothing.";
pub const IMPORT_NO_PRIVATE: &str =
    "This file has no private notes. Your own private notes are kept.";
pub const NEW_RECORDS: &str = "New";
pub const UPDATED_RECORDS: &str = "Updated";
pub const CONFLICTS: &str = "In conflict";
pub const CONFLICT_HINT: &str = "Both you and the sender changed these since you last shared them. Choose for each; if you do not, the more recently changed one is kept.";
pub const YOURS: &str = "Yours";
pub const THEIRS: &str = "Theirs";
pub const KEEP_MINE: &str = "Keep mine";
pub const TAKE_THEIRS: &str = "Take theirs";
pub const KEEP_BOTH: &str = "Keep both";
pub const SKIPPED_RECORDS: &str = "Cannot be read";
pub const SKIP_CONSENT: &str = "Leave these out and import the rest";
pub const SKIP_NEEDED: &str =
    "Some records in this file cannot be read. Tick the box to leave them out before you confirm.";
pub const DELETED_BY_FILE: &str = "deleted by the sender";
pub const OTHER_FORMATS: &str = "Other formats";
pub const OTHER_FORMATS_HINT: &str = "For spreadsheets, phone contacts, calendars and paper. These files include everything except private notes.";
pub const JOURNAL_CSV: &str = "Journal as CSV";
pub const HELPERS_CSV: &str = "Helpers as CSV";
pub const NEEDS_CSV: &str = "Needs as CSV";
pub const HELPERS_VCARD: &str = "Helpers as phone contacts (vCard)";
pub const FOLLOW_UPS_ICS: &str = "Follow-up dates for a calendar (ICS)";
pub const PRINT_DIRECTORY: &str = "Print the directory and open needs";
pub const OPEN_NEEDS_HEADING: &str = "Open needs";
pub const NO_FOLLOW_UPS: &str = "There are no follow-up dates to put in a calendar.";

// QR codes
pub const QR_CODE: &str = "QR code";
pub const QR_HINT: &str = "Another phone's camera can read this code and take it into its Kindred. It goes from phone to phone and nowhere else; private notes are left out.";
pub const QR_TOO_LONG: &str =
    "This is too long for a QR code. Use Export on the Share screen instead.";

// Settings
pub const JOURNAL_SETTINGS: &str = "Journal";
pub const HIDE_STREAKS: &str = "Hide streaks";
pub const HIDE_STREAKS_HINT: &str = "Streaks count days and weeks in a row with a kindness given. Some people find them a pressure.";
pub const WEEKLY_GOAL_HINT: &str = "How many acts of kindness you would like to give each week.";
pub const CATEGORIES: &str = "Categories";
pub const NEW_CATEGORY: &str = "New category";
pub const ADD_CATEGORY: &str = "Add category";
pub const CATEGORY_NOT_ADDED: &str = "That category is empty or already in the list.";
pub const SETTINGS_SAVED: &str = "Settings saved.";
pub const REMOVE: &str = "Remove";
pub const DOWNLOAD_ALL_DATA: &str = "Download all data";
pub const PERSISTENT_STORAGE: &str = "Kept safe by the browser";
pub const PERSISTENT_NOT_ASKED: &str =
    "Kindred asks the browser once you have written something down.";
pub const PERSISTENT_GRANTED: &str =
    "Yes: the browser will not clear Kindred's data to free space.";
pub const PERSISTENT_REFUSED: &str = "Not yet: the browser may clear Kindred's data if the device runs short of space. Installing Kindred, or using it often, usually changes that. Keep a backup with Download all data.";
pub const PERSISTENT_UNKNOWN: &str =
    "This browser does not say. Keep a backup with Download all data.";
pub const DOWNLOAD_ALL_DATA_HINT: &str =
    "A complete backup file of everything Kindred keeps in this browser, including any text it could not read.";
pub const YOUR_DATA: &str = "Your data";
pub const DATA_LIVES_HERE: &str =
    "Kindred keeps everything in this browser on this device. Nothing is sent anywhere.";

// Alerts
pub const DISMISS: &str = "Dismiss";
pub const TRY_AGAIN: &str = "Try again";
pub const DOWNLOAD_UNREADABLE: &str = "Download unreadable data";
pub const UNREADABLE_FOUND: &str = "Some saved data could not be read.";
pub const UNREADABLE_KEPT: &str =
    "Kindred started with everything else. The unreadable text is kept as it was, and you can download it to look at it or to ask for help.";
pub const UNREADABLE_NOT_KEPT: &str =
    "Kindred could not set the unreadable text aside, so it leaves it where it is and will not write over it.";
pub const SAVED_AGAIN: &str = "All changes are saved now.";

pub fn save_failed(error: &StorageError) -> String {
    let why = match error {
        StorageError::Full => "the browser's storage for Kindred is full".to_string(),
        StorageError::Unavailable(detail) => {
            format!("the browser does not let Kindred use its storage ({detail})")
        }
    };
    format!(
        "Your last changes could not be saved: {why}. They are kept in this tab: do not close it. \
         Use Download all data in Settings to keep a copy, or free some space; Kindred tries again with every change."
    )
}

pub fn storage_unreadable(error: &StorageError) -> String {
    format!(
        "Kindred could not read its saved data: {error}. It will not write over anything until it can read it. What you add now is kept in this tab."
    )
}

pub fn urgency(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Low => "Low",
        Urgency::Medium => "Medium",
        Urgency::High => "High",
    }
}

/// "Urgency: High".
pub fn urgency_line(urgency: Urgency) -> String {
    format!("{URGENCY}: {}", self::urgency(urgency))
}

pub fn status(status: &Status, helper_names: &str) -> String {
    match status {
        Status::Open => "Open".into(),
        Status::Matched { .. } => format!("Matched with {helper_names}"),
        Status::Done { on, .. } if helper_names.is_empty() => format!("Done on {}", full_date(*on)),
        Status::Done { on, .. } => format!("Done on {} by {helper_names}", full_date(*on)),
    }
}

pub fn weekday(day: Weekday) -> &'static str {
    WEEKDAY_NAMES[day.num_days_from_monday() as usize]
}

pub fn day_part(part: DayPart) -> &'static str {
    match part {
        DayPart::Morning => "Morning",
        DayPart::Afternoon => "Afternoon",
        DayPart::Evening => "Evening",
    }
}

pub fn contact_method(method: ContactMethod) -> &'static str {
    match method {
        ContactMethod::Phone => "Phone call",
        ContactMethod::Text => "Text message",
        ContactMethod::Email => "Email",
    }
}

/// "Free Tue, Thu · mornings, evenings".
pub fn availability(days: &[Weekday], parts: &[DayPart]) -> String {
    let days: Vec<&str> = days
        .iter()
        .map(|d| WEEKDAYS[d.num_days_from_monday() as usize])
        .collect();
    let parts: Vec<String> = parts.iter().map(|p| day_part(*p).to_lowercase()).collect();
    match (days.is_empty(), parts.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("Free {}", days.join(", ")),
        (true, false) => format!("Free {}", parts.join(", ")),
        (false, false) => format!("Free {} · {}", days.join(", "), parts.join(", ")),
    }
}

/// "Helped 3 times, last on Mon 2 Nov 2026".
pub fn help_record(times: u32, last: Option<NaiveDate>) -> String {
    match (times, last) {
        (0, _) | (_, None) => "Has not helped with a need yet".into(),
        (1, Some(last)) => format!("Helped once, on {}", full_date(last)),
        (n, Some(last)) => format!("Helped {n} times, last on {}", full_date(last)),
    }
}

/// Why a helper is suggested, in words: "helps with a ride · speaks Cantonese · …".
pub fn reasons(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|reason| match reason {
            Reason::HelpsWith(category) => format!("helps with {category}"),
            Reason::Speaks(language) => format!("speaks {language}"),
            Reason::FreeOn(day, parts) if parts.is_empty() => format!("free {}s", weekday(*day)),
            Reason::FreeOn(day, parts) => format!(
                "free {} {}",
                weekday(*day),
                parts
                    .iter()
                    .map(|p| day_part(*p).to_lowercase() + "s")
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            Reason::NeverAsked => "not asked yet".into(),
            Reason::LastAsked(0) => "asked today".into(),
            Reason::LastAsked(1) => "asked yesterday".into(),
            Reason::LastAsked(days) => format!("last asked {days} days ago"),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "QR code for May Chan": the code's text alternative.
pub fn qr_label(name: &str) -> String {
    format!("QR code for {name}")
}

/// "Choose May Chan": the button that matches a suggested helper.
pub fn choose(name: &str) -> String {
    format!("Choose {name}")
}

/// "2 follow-ups due", said with the Needs link.
pub fn follow_ups_due(n: usize) -> String {
    match n {
        1 => "1 follow-up due".into(),
        n => format!("{n} follow-ups due"),
    }
}

/// What a file will not contain, said plainly before it is made.
pub fn export_leaves_out(choice: &ExportChoice) -> String {
    let left_out: Vec<String> = [
        (choice.helpers, SHARE_HELPERS.to_lowercase()),
        (choice.needs, SHARE_NEEDS.to_lowercase()),
        (choice.journal, "your journal".to_string()),
        (choice.private_notes, SHARE_PRIVATE.to_lowercase()),
    ]
    .into_iter()
    .filter_map(|(chosen, name)| (!chosen).then_some(name))
    .collect();
    if left_out.is_empty() {
        "The file will hold everything, private notes included.".into()
    } else {
        format!("The file will leave out: {}.", left_out.join(", "))
    }
}

/// "2 new, 1 updated, 5 unchanged, 1 in conflict".
pub fn import_counts(counts: &Counts) -> String {
    format!(
        "{} new, {} updated, {} unchanged, {} in conflict",
        counts.new, counts.updated, counts.unchanged, counts.conflicts
    )
}

/// "From a file made on Mon 2 Nov 2026".
pub fn file_made_on(on: NaiveDate) -> String {
    format!("From a file made on {}", full_date(on))
}

/// The alert for a file that cannot be imported.
pub fn import_refused(problem: &FileProblem) -> String {
    format!("This file cannot be imported: {problem}. Nothing was changed.")
}

/// "Imported: 2 new, 1 updated."
pub fn imported(changed: usize) -> String {
    format!(
        "Imported: {} changed. You can undo this.",
        count(changed as u32, "record", "records")
    )
}

/// A record that cannot be read, for the preview's list.
pub fn skipped(problem: &RecordProblem) -> String {
    let detail = match &problem.detail {
        RecordDetail::Field(p) => problem_short(*p).to_string(),
        RecordDetail::Unreadable(why) => why.clone(),
        RecordDetail::ImpossibleDate => "a date that cannot be right".into(),
    };
    match problem.label.as_str() {
        "" => format!("{}: {detail}", problem.path),
        label => format!("{} ({label}): {detail}", problem.path),
    }
}

fn problem_short(problem: Problem) -> &'static str {
    match problem {
        Problem::Required => "missing",
        Problem::FutureDate => "a date in the future",
        Problem::NotADate => "not a date",
        Problem::NotAPhone => "not a phone number",
        Problem::NotAnEmail => "not an e-mail address",
    }
}

pub fn kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Given => "Given",
        Kind::Received => "Received",
        Kind::Witnessed => "Witnessed",
    }
}

/// A field's label by its stable key, for error messages.
pub fn field(key: &str) -> &str {
    match key {
        "text" => WHAT_HAPPENED,
        "date" => DATE,
        "name" => NAME,
        "phone" => PHONE,
        "email" => EMAIL,
        "last-contacted" => LAST_CONTACTED,
        "what" => WHAT_IS_NEEDED,
        "needed-by" => NEEDED_BY,
        "follow-up-on" => FOLLOW_UP_ON,
        other => other,
    }
}

pub fn problem(problem: Problem) -> &'static str {
    match problem {
        Problem::Required => "Please fill this in.",
        Problem::FutureDate => "This date is in the future. Please choose today or an earlier day.",
        Problem::NotADate => "Please give a date as year-month-day, for example 2026-11-23.",
        Problem::NotAPhone => {
            "This is not a phone number. Use digits, spaces and a leading + only."
        }
        Problem::NotAnEmail => "This is not an e-mail address, like name@example.org.",
    }
}

/// "1 of 2 acts of kindness given this week".
pub fn weekly_progress(done: u32, goal: u32) -> String {
    let acts = if goal == 1 { "act" } else { "acts" };
    format!("{done} of {goal} {acts} of kindness given this week")
}

/// "3 days in a row · 2 weeks in a row", or a gentle start when there is no streak yet.
pub fn streaks(days: u32, weeks: u32) -> String {
    if days == 0 && weeks == 0 {
        return "A streak starts with the next kindness you give.".into();
    }
    format!(
        "{} in a row · {} in a row",
        count(days, "day", "days"),
        count(weeks, "week", "weeks")
    )
}

/// "1 kindness", "3 kindnesses".
pub fn kindnesses(n: u32) -> String {
    count(n, "kindness", "kindnesses")
}

/// "1 entry", "12 entries".
pub fn entries(n: usize) -> String {
    count(n as u32, "entry", "entries")
}

fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the calendar says of one day: "Mon 2 Nov 2026: 3 kindnesses".
pub fn calendar_day(day: NaiveDate, entries: u32) -> String {
    format!("{}: {}", full_date(day), kindnesses(entries))
}

/// The choices of period for counting.
pub fn period(period: Period) -> &'static str {
    match period {
        Period::ThisWeek => "This week",
        Period::ThisMonth => "This month",
        Period::Last12Months => "The last 12 months",
        Period::AllTime => "All time",
    }
}

pub fn month_short(month0: u32) -> &'static str {
    MONTHS[month0 as usize % 12]
}

const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as people read it: "Today", "Yesterday", or "Mon 2 Nov 2026".
pub fn date(date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => "Today".into(),
        1 => "Yesterday".into(),
        _ => full_date(date),
    }
}

/// "Mon 2 Nov 2026".
pub fn full_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        WEEKDAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}
