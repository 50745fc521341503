//! Helpers as vCards (RFC 6350, version 4.0), for adding them to a phone's contacts.
//!
//! A card holds what a phone's contacts app can use: the name, a phone number and an e-mail
//! address that passed the checks in [`crate::contact`], and a note saying what the helper can
//! help with and in which languages. Never the private note: a contacts app syncs it to
//! places the writer did not choose.
//!
//! The text escaping and line folding here are shared with the iCalendar export, whose RFC
//! 5545 has the same rules.

use crate::contact::{is_email, phone_link};
use crate::helper::Helper;

/// The longest a content line may be, in octets, not counting its CRLF (RFC 6350 §3.2,
/// RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// One vCard per helper, in the order given.
pub fn vcards<'a>(helpers: impl IntoIterator<Item = &'a Helper>) -> String {
    let mut text = String::new();
    for helper in helpers {
        push_line(&mut text, "BEGIN:VCARD");
        push_line(&mut text, "VERSION:4.0");
        // N (family and given names) is optional in version 4.0 and is left out: Kindred
        // keeps one name as the person wrote it, and guessing which part is the family name
        // goes wrong for many names.
        push_line(&mut text, &format!("FN:{}", escape_text(&helper.name)));
        if let Some(tel) = phone_link(&helper.phone) {
            push_line(&mut text, &format!("TEL;VALUE=uri:{tel}"));
        }
        if is_email(&helper.email) {
            push_line(
                &mut text,
                &format!("EMAIL:{}", escape_text(helper.email.trim())),
            );
        }
        let mut note = Vec::new();
        if !helper.can_help_with.is_empty() {
            note.push(format!(
                "Can help with: {}",
                helper.can_help_with.join(", ")
            ));
        }
        if !helper.languages.is_empty() {
            note.push(format!("Languages: {}", helper.languages.join(", ")));
        }
        if !note.is_empty() {
            push_line(
                &mut text,
                &format!("NOTE:{}", escape_text(&note.join("; "))),
            );
        }
        push_line(&mut text, "END:VCARD");
    }
    text
}

/// Escapes a text value (RFC 6350 §3.4, RFC 5545 §3.3.11): a backslash, comma and semicolon
/// each get a backslash, and a line break, however it is written, becomes `\n`.
pub(crate) fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ',' => escaped.push_str("\\,"),
            ';' => escaped.push_str("\\;"),
            '\n' | '\r' => escaped.push_str("\\n"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends one content line and its CRLF, folded so that no line is over 75 octets: the rest
/// goes on continuation lines starting with a space (RFC 6350 §3.2, RFC 5545 §3.1). Folds
/// fall between characters, never inside one, so that no reader sees half of a Chinese
/// character's UTF-8 bytes.
pub(crate) fn push_line(text: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > MAX_LINE_OCTETS {
            text.push_str("\r\n ");
            octets = 1;
        }
        text.push(c);
        octets += c.len_utf8();
    }
    text.push_str("\r\n");
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::record::tests::at;
    use uuid::Uuid;

    /// Checks that every line of `text` ends in CRLF and is at most 75 octets, and returns
    /// the text unfolded.
    pub fn unfold(text: &str) -> String {
        let body = text.strip_suffix("\r\n").expect("the text ends with CRLF");
        for line in body.split("\r\n") {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line}",
                line.len()
            );
            assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
        }
        body.replace("\r\n ", "")
    }

    fn helper(name: &str) -> Helper {
        Helper::new(Uuid::nil(), at(0), name.into())
    }

    #[test]
    fn a_full_card_has_the_name_phone_email_and_what_they_help_with() {
        let mut may = helper("May Chan");
        may.phone = "+852 2345 6789".into();
        may.email = "may@example.hk".into();
        may.can_help_with = vec!["a ride".into(), "listening".into()];
        may.languages = vec!["Cantonese".into()];
        assert_eq!(
            vcards([&may]),
            "BEGIN:VCARD\r\n\
             VERSION:4.0\r\n\
             FN:May Chan\r\n\
             TEL;VALUE=uri:tel:+85223456789\r\n\
             EMAIL:may@example.hk\r\n\
             NOTE:Can help with: a ride\\, listening\\; Languages: Cantonese\r\n\
             END:VCARD\r\n"
        );
    }

    #[test]
    fn backslashes_commas_semicolons_and_line_breaks_are_escaped() {
        assert_eq!(
            escape_text("Wong, Sam; C:\\home\r\nnext\nlast\r"),
            "Wong\\, Sam\\; C:\\\\home\\nnext\\nlast\\n"
        );
        let card = vcards([&helper("Lee; Mr\nupstairs")]);
        assert!(card.contains("\r\nFN:Lee\\; Mr\\nupstairs\r\n"), "{card}");
    }

    #[test]
    fn a_long_chinese_name_is_folded_between_characters_with_no_line_over_75_octets() {
        // Each character is three octets, so "FN:" and 24 of them make 75 and the 25th
        // must go on the next line.
        let name = "陳大文".repeat(10);
        let card = vcards([&helper(&name)]);
        let lines: Vec<&str> = card.split("\r\n").collect();
        assert_eq!(lines[2].len(), 75);
        assert_eq!(lines[2], format!("FN:{}", &name[..72]));
        assert_eq!(lines[3], format!(" {}", &name[72..]));
        assert!(unfold(&card).contains(&format!("\r\nFN:{name}\r\n")));
    }

    #[test]
    fn a_phone_or_email_that_is_not_valid_is_left_out() {
        let mut sam = helper("Sam Wong");
        sam.phone = "javascript:alert(1)".into();
        sam.email = "sam@example.org\nBcc: all".into();
        let card = vcards([&sam]);
        assert!(!card.contains("TEL") && !card.contains("EMAIL"), "{card}");
        assert!(!card.contains("alert") && !card.contains("Bcc"), "{card}");
    }

    #[test]
    fn the_private_note_is_never_in_a_card() {
        let mut sam = helper("Sam Wong");
        sam.private_note = "Owes me a favour".into();
        sam.languages = vec!["Mandarin".into()];
        let card = vcards([&sam]);
        assert!(!card.contains("favour"), "{card}");
        assert!(card.contains("\r\nNOTE:Languages: Mandarin\r\n"), "{card}");
    }

    #[test]
    fn each_helper_gets_a_card_of_their_own() {
        let cards = vcards([&helper("May"), &helper("Sam")]);
        assert_eq!(cards.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(), 2);
        assert_eq!(cards.matches("END:VCARD\r\n").count(), 2);
        assert!(!cards.contains("NOTE"), "nothing to say, no note: {cards}");
    }
}
