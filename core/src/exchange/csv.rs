//! The journal, helpers and needs as CSV, for opening in a spreadsheet.
//!
//! The text follows RFC 4180: fields separated by commas, every record ending in CRLF, a
//! field quoted when it holds a comma, a quote or a line break, and quotes inside doubled.
//! It starts with a byte order mark, because without one Excel reads the file in the
//! computer's legacy code page and shows Chinese as gibberish.
//!
//! The header row is in English whatever language the interface is in: it is a stable
//! interchange format, so a sheet or script built on one export keeps working with the next.
//! Callers pass live records only.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::helper::{DayPart, Helper, WEEK};
use crate::journal::JournalEntry;
use crate::need::{Need, Status};

/// Tells a spreadsheet the text is UTF-8.
const BOM: char = '\u{FEFF}';

/// Between the items of a list in one field. Not a comma, which would force the field into
/// quotes and read like a column break to someone scanning the raw text.
const LIST_SEPARATOR: &str = "; ";

/// The journal as CSV: one row per entry, in the order given. The private note column is
/// there only when `include_private` is set.
pub fn journal_csv<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
    include_private: bool,
) -> String {
    let mut header = vec![
        "date",
        "kind",
        "what happened",
        "person",
        "category",
        "tags",
    ];
    header.extend(include_private.then_some("private note"));
    table(
        &header,
        entries.into_iter().map(|entry| {
            let mut row = vec![
                day(entry.date),
                entry.kind.as_str().to_string(),
                entry.text.clone(),
                entry.person.clone(),
                entry.category.clone(),
                entry.tags.join(LIST_SEPARATOR),
            ];
            row.extend(include_private.then(|| entry.private_note.clone()));
            row
        }),
    )
}

/// The helper directory as CSV: one row per helper, in the order given. The private note
/// column is there only when `include_private` is set.
pub fn helpers_csv<'a>(
    helpers: impl IntoIterator<Item = &'a Helper>,
    include_private: bool,
) -> String {
    let mut header = vec![
        "name",
        "can help with",
        "languages",
        "days free",
        "times of day",
        "availability note",
        "area",
        "phone",
        "email",
        "preferred contact",
        "last contacted",
    ];
    header.extend(include_private.then_some("private note"));
    table(
        &header,
        helpers.into_iter().map(|helper| {
            let availability = &helper.availability;
            // Listed in week and day order whatever order they were stored in, as a
            // person reading the sheet expects.
            let days: Vec<String> = WEEK
                .into_iter()
                .filter(|d| availability.free_on(*d))
                .map(|d| d.to_string())
                .collect();
            let parts: Vec<&str> = DayPart::ALL
                .into_iter()
                .filter(|p| availability.parts.contains(p))
                .map(day_part)
                .collect();
            let mut row = vec![
                helper.name.clone(),
                helper.can_help_with.join(LIST_SEPARATOR),
                helper.languages.join(LIST_SEPARATOR),
                days.join(LIST_SEPARATOR),
                parts.join(LIST_SEPARATOR),
                availability.note.clone(),
                helper.area.clone(),
                helper.phone.clone(),
                helper.email.clone(),
                helper
                    .preferred_contact
                    .map(|m| m.as_str().to_string())
                    .unwrap_or_default(),
                helper.last_contacted.map(day).unwrap_or_default(),
            ];
            row.extend(include_private.then(|| helper.private_note.clone()));
            row
        }),
    )
}

/// The needs board as CSV: one row per need, in the order given. `helper_name` names a
/// helper by id; helpers it does not know (deleted since) are left out of the list, as the
/// board leaves them out.
pub fn needs_csv<'a>(
    needs: impl IntoIterator<Item = &'a Need>,
    helper_name: impl Fn(Uuid) -> Option<String>,
) -> String {
    let header = [
        "what is needed",
        "for whom",
        "category",
        "urgency",
        "language",
        "needed by",
        "follow up on",
        "status",
        "helpers",
        "done on",
        "notes",
    ];
    table(
        &header,
        needs.into_iter().map(|need| {
            let (status, done_on) = match need.status {
                Status::Open => ("open", None),
                Status::Matched { .. } => ("matched", None),
                Status::Done { on, .. } => ("done", Some(on)),
            };
            let helpers: Vec<String> = need
                .helpers()
                .iter()
                .filter_map(|id| helper_name(*id))
                .collect();
            vec![
                need.what.clone(),
                need.for_whom.clone(),
                need.category.clone(),
                need.urgency.as_str().to_string(),
                need.language.clone(),
                need.needed_by.map(day).unwrap_or_default(),
                need.follow_up_on.map(day).unwrap_or_default(),
                status.to_string(),
                helpers.join(LIST_SEPARATOR),
                done_on.map(day).unwrap_or_default(),
                need.notes.clone(),
            ]
        }),
    )
}

/// The name of a part of the day as stored, which is also how the sheet shows it.
fn day_part(part: DayPart) -> &'static str {
    match part {
        DayPart::Morning => "morning",
        DayPart::Afternoon => "afternoon",
        DayPart::Evening => "evening",
    }
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The whole CSV text: the byte order mark, the header row, then the rows.
fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut text = String::from(BOM);
    push_record(&mut text, header);
    for row in rows {
        push_record(&mut text, &row);
    }
    text
}

fn push_record(text: &mut String, fields: &[impl AsRef<str>]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        push_field(text, field.as_ref());
    }
    text.push_str("\r\n");
}

fn push_field(text: &mut String, field: &str) {
    // A spreadsheet runs a cell starting with one of these as a formula, and a formula can
    // fetch URLs or start programs. Journal text, names and notes may come from imported
    // files written by someone else, so, as OWASP advises for CSV built from untrusted data,
    // such a field gets a leading apostrophe: it then shows as plain text.
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\r', '\n']) {
        text.push('"');
        text.push_str(&field.replace('"', "\"\""));
        text.push('"');
    } else {
        text.push_str(&field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helper::ContactMethod;
    use crate::journal::Kind;
    use crate::record::tests::at;
    use chrono::Weekday;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn entry(text: &str) -> JournalEntry {
        JournalEntry::new(Uuid::nil(), at(0), text.into(), Kind::Given, date(2))
    }

    /// Reads CSV back as RFC 4180 describes it, to show that what was written is what a
    /// spreadsheet reads.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(BOM).expect("the text starts with a BOM");
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "a record ends with CRLF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(
            record.is_empty() && field.is_empty(),
            "the last record ends"
        );
        records
    }

    #[test]
    fn a_field_with_a_comma_a_quote_or_a_line_break_is_quoted_with_its_quotes_doubled() {
        let csv = journal_csv(
            [
                &entry("rides, groceries"),
                &entry("she said \"thank you\""),
                &entry("first line\nsecond line"),
                &entry("plain"),
            ],
            false,
        );
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[1].contains(",\"rides, groceries\","), "{csv}");
        assert!(
            lines[2].contains(",\"she said \"\"thank you\"\"\","),
            "{csv}"
        );
        assert!(lines[3].contains(",\"first line\nsecond line\","), "{csv}");
        assert!(lines[4].contains(",plain,"), "{csv}");
    }

    #[test]
    fn the_text_starts_with_a_bom_and_every_record_ends_with_crlf() {
        let csv = journal_csv([&entry("a"), &entry("b")], false);
        assert!(csv.starts_with("\u{FEFF}date,kind,"), "{csv}");
        assert!(csv.ends_with("\r\n"));
        assert_eq!(csv.matches("\r\n").count(), 3, "a header and two rows");
        assert_eq!(csv.matches('\n').count(), 3, "no bare line feeds");
    }

    #[test]
    fn chinese_and_awkward_text_reads_back_exactly_as_written() {
        let mut chan = entry("陪陳太去診所，她說「多謝」, then \"tea\"\r\nand a walk");
        chan.person = "陳太".into();
        chan.tags = vec!["探訪".into(), "陪診".into()];
        let rows = parse(&journal_csv([&chan], false));
        assert_eq!(rows[1][2], chan.text);
        assert_eq!(rows[1][3], "陳太");
        assert_eq!(rows[1][5], "探訪; 陪診");
    }

    #[test]
    fn text_a_spreadsheet_would_run_as_a_formula_is_neutralised() {
        let risky = [
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+1+2",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ];
        let entries: Vec<JournalEntry> = risky.iter().map(|t| entry(t)).collect();
        let rows = parse(&journal_csv(&entries, false));
        for (row, text) in rows[1..].iter().zip(risky) {
            assert_eq!(row[2], format!("'{text}"));
        }
        let safe = parse(&journal_csv([&entry("a = b")], false));
        assert_eq!(safe[1][2], "a = b", "only the first character matters");
    }

    #[test]
    fn the_private_note_column_is_left_out_unless_asked_for() {
        let mut secret = entry("Visited Mr Lee");
        secret.private_note = "He is lonely".into();
        let mut helper = Helper::new(Uuid::nil(), at(0), "Sam Wong".into());
        helper.private_note = "Knows Mr Lee's son".into();

        let journal = journal_csv([&secret], false);
        let helpers = helpers_csv([&helper], false);
        for csv in [&journal, &helpers] {
            assert!(!csv.contains("private note"), "{csv}");
            assert!(
                !csv.contains("He is lonely") && !csv.contains("Knows"),
                "{csv}"
            );
        }

        let journal = parse(&journal_csv([&secret], true));
        assert_eq!(journal[0].last().unwrap(), "private note");
        assert_eq!(journal[1].last().unwrap(), "He is lonely");
        let helpers = parse(&helpers_csv([&helper], true));
        assert_eq!(helpers[0].last().unwrap(), "private note");
        assert_eq!(helpers[1].last().unwrap(), "Knows Mr Lee's son");
    }

    #[test]
    fn a_journal_entry_becomes_one_row_in_the_order_of_the_header() {
        let mut ride = JournalEntry::new(
            Uuid::nil(),
            at(0),
            "Drove Mrs Chan to the clinic, and back".into(),
            Kind::Given,
            date(2),
        );
        ride.person = "Mrs Chan".into();
        ride.category = "a ride".into();
        ride.tags = vec!["clinic".into(), "Tuesdays".into()];
        ride.private_note = "Her knee is worse".into();
        assert_eq!(
            journal_csv([&ride], true),
            "\u{FEFF}date,kind,what happened,person,category,tags,private note\r\n\
             2026-11-02,given,\"Drove Mrs Chan to the clinic, and back\",Mrs Chan,a ride,\
             clinic; Tuesdays,Her knee is worse\r\n"
        );
    }

    #[test]
    fn a_helper_row_lists_days_monday_first_and_a_phone_number_is_kept_from_running() {
        let mut may = Helper::new(Uuid::nil(), at(0), "May Chan".into());
        may.can_help_with = vec!["a ride".into(), "listening".into()];
        may.languages = vec!["Cantonese".into(), "English".into()];
        may.availability.days = vec![Weekday::Sat, Weekday::Mon];
        may.availability.parts = vec![DayPart::Evening, DayPart::Morning];
        may.availability.note = "not in August".into();
        may.area = "Sham Shui Po".into();
        may.phone = "+852 2345 6789".into();
        may.email = "may@example.hk".into();
        may.preferred_contact = Some(ContactMethod::Text);
        may.last_contacted = Some(date(20));
        let rows = parse(&helpers_csv([&may], false));
        assert_eq!(
            rows[1],
            vec![
                "May Chan",
                "a ride; listening",
                "Cantonese; English",
                "Mon; Sat",
                "morning; evening",
                "not in August",
                "Sham Shui Po",
                "'+852 2345 6789",
                "may@example.hk",
                "text",
                "2026-11-20",
            ]
        );
    }

    #[test]
    fn a_need_row_gives_its_status_and_names_the_helpers_still_known() {
        let sam = Uuid::from_u128(1);
        let gone = Uuid::from_u128(2);
        let mut need = Need::new(Uuid::nil(), at(0), "Groceries".into());
        need.for_whom = "Mrs Chan".into();
        need.follow_up_on = Some(date(24));
        need.match_helpers(&[sam, gone]).unwrap();
        need.mark_done(date(23)).unwrap();
        let name = |id| (id == sam).then(|| "Sam Wong".to_string());
        let rows = parse(&needs_csv([&need], name));
        assert_eq!(
            rows[1],
            vec![
                "Groceries",
                "Mrs Chan",
                "",
                "medium",
                "",
                "",
                "2026-11-24",
                "done",
                "Sam Wong",
                "2026-11-23",
                "",
            ]
        );
        let open = Need::new(Uuid::nil(), at(0), "A visit".into());
        assert_eq!(parse(&needs_csv([&open], name))[1][7], "open");
    }
}
