//! The short code both screens show once the two phones have each other's code, so that the
//! two people can see they read each other and not a third phone across the room.
//!
//! It is made of both certificates' fingerprints, which the encrypted channel then proves:
//! a phone in the middle would have to show each side its own certificate, and the two
//! screens would then show different numbers.

use sha2::{Digest, Sha256};

/// Six digits in two groups, e.g. `"042 917"`, from the first phone's fingerprint and the
/// answering phone's, in that order on both phones.
pub fn comparison_code(opening: &[u8; 32], answer: &[u8; 32]) -> String {
    let digest = Sha256::new()
        .chain_update(b"kindred face to face comparison 1")
        .chain_update(opening)
        .chain_update(answer)
        .finalize();
    let n = u32::from_be_bytes(digest[..4].try_into().expect("4 bytes")) % 1_000_000;
    format!("{:03} {:03}", n / 1000, n % 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_phones_get_the_same_six_digits_and_any_other_phone_others() {
        let a = [1u8; 32];
        let b = [2u8; 32];
        let code = comparison_code(&a, &b);
        assert_eq!(code, comparison_code(&a, &b));
        assert_eq!(code.len(), 7);
        assert!(code.chars().enumerate().all(|(i, c)| if i == 3 {
            c == ' '
        } else {
            c.is_ascii_digit()
        }));
        let mut stranger = b;
        stranger[31] = 3;
        assert_ne!(code, comparison_code(&a, &stranger));
        assert_ne!(
            code,
            comparison_code(&b, &a),
            "the order of the two is fixed"
        );
    }

    #[test]
    fn the_digits_spread_over_the_whole_range() {
        let codes: std::collections::BTreeSet<String> = (0..=255u8)
            .map(|i| comparison_code(&[i; 32], &[0; 32]))
            .collect();
        assert!(codes.len() > 250, "{} distinct of 256", codes.len());
        assert!(
            codes.iter().any(|c| c.starts_with('0')),
            "leading zeros are kept"
        );
    }
}
