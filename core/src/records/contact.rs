//! Phone numbers, e-mail addresses and the only links Kindred makes from them.
//!
//! A link is built only from a value that passed these checks, and only as `tel:` or
//! `mailto:`. Anything else, a `javascript:` text from a shared file included, is shown as
//! plain text and never becomes a link.

use crate::validation::is_invisible;

/// Whether `text` looks like a phone number a phone can dial: digits with the usual
/// separators, an optional leading `+`, and 6 to 15 digits (the international maximum).
pub fn is_phone(text: &str) -> bool {
    let text = text.trim();
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}

/// Whether `text` looks like an e-mail address: one `@`, something before it, and a domain
/// with a dot, no spaces and none of the characters that would change a `mailto:` link.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let allowed = |c: char| {
        !c.is_whitespace()
            && !c.is_control()
            && !is_invisible(c)
            && !"<>()[]\\,;:\"?&=/#%".contains(c)
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && local.chars().all(allowed)
        && domain.chars().all(|c| allowed(c) && c != '@')
}

/// A `tel:` link for a valid phone number, dialable digits only; otherwise none.
pub fn phone_link(phone: &str) -> Option<String> {
    is_phone(phone).then(|| {
        let plus = if phone.trim().starts_with('+') {
            "+"
        } else {
            ""
        };
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        format!("tel:{plus}{digits}")
    })
}

/// A `mailto:` link for a valid e-mail address; otherwise none.
pub fn email_link(email: &str) -> Option<String> {
    is_email(email).then(|| format!("mailto:{}", email.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_as_people_write_them_are_accepted() {
        for phone in ["+852 2345 6789", "(020) 7946 0958", "555-0142", "9123.4567"] {
            assert!(is_phone(phone), "{phone}");
        }
        assert_eq!(phone_link("+852 2345 6789").unwrap(), "tel:+85223456789");
        assert_eq!(phone_link("(020) 7946 0958").unwrap(), "tel:02079460958");
    }

    #[test]
    fn things_that_are_not_phone_numbers_are_refused() {
        for phone in [
            "",
            "12345",
            "javascript:alert(1)",
            "tel:123456",
            "+1 234 567 890 123 456",
            "ring me",
        ] {
            assert!(!is_phone(phone), "{phone}");
            assert_eq!(phone_link(phone), None);
        }
    }

    #[test]
    fn email_addresses_are_checked_before_they_become_links() {
        assert!(is_email("may.chan@example.org"));
        assert_eq!(
            email_link(" sam@example.hk ").unwrap(),
            "mailto:sam@example.hk"
        );
        for email in [
            "",
            "no-at-sign.example.org",
            "@example.org",
            "sam@localhost",
            "sam@@example.org",
            "sam smith@example.org",
            "javascript:alert(1)//@example.org",
            "sam@example.org?subject=x&body=y",
            "sam@example.org\nBcc: all",
            "may@\u{202E}gro.elpmaxe",
        ] {
            assert!(!is_email(email), "{email:?}");
            assert_eq!(email_link(email), None, "{email:?}");
        }
    }
}
