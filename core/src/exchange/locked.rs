//! The envelope of a locked share file: a share file encrypted with a key made from a
//! passphrase, so that a file that goes astray says nothing of the people in it.
//!
//! The browser does the cryptography (WebCrypto: PBKDF2-HMAC-SHA256, then AES-256-GCM); this
//! module is everything around it, kept native so it is tested without a browser: reading an
//! envelope strictly, refusing key-derivation settings too weak or too heavy before any work,
//! and the exact bytes the cipher authenticates besides the text (the header), so that a
//! changed iteration count, salt or nonce is refused as surely as a changed ciphertext.
//! `docs/share-format.md` ("Locked files") describes the format for other implementations.
//!
//! An envelope is one line of JSON, exactly as [`Envelope::text`] writes it. Anything else,
//! even one character of white space more, is refused: a locked file is opened only as it was
//! written.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The format name of a locked file.
pub const LOCKED_FORMAT: &str = "kindred-locked";
/// The envelope version this build writes and reads.
pub const LOCKED_VERSION: u32 = 1;
/// The key derivation, as named in the envelope.
pub const KDF: &str = "PBKDF2-HMAC-SHA256";
/// The cipher, as named in the envelope.
pub const CIPHER: &str = "AES-256-GCM";
/// The iterations Kindred writes: OWASP's figure for PBKDF2-HMAC-SHA256 (2023).
pub const ITERATIONS: u32 = 600_000;
/// Fewer is refused as too weak to protect a file that may be copied anywhere.
pub const MIN_ITERATIONS: u32 = 600_000;
/// More is refused before any work: a file could otherwise freeze a phone for minutes.
pub const MAX_ITERATIONS: u32 = 2_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// AES-GCM's tag, which ends the ciphertext.
pub const TAG_BYTES: usize = 16;
/// A locked file larger than this is refused before it is read: the largest share file
/// Kindred reads, in base64, with room for the header.
pub const MAX_LOCKED_BYTES: usize = (crate::share::MAX_FILE_BYTES as usize) / 3 * 4 + 1024;

/// What the cipher authenticates besides the text: every field but the ciphertext.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub iv: [u8; IV_BYTES],
}

/// A locked file: its header and the encrypted share file (tag included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub header: Header,
    pub ciphertext: Vec<u8>,
}

/// The header's fields, in the order they are written. (Fields the envelope should not have
/// are refused by comparing the text with the envelope written again.)
#[derive(Serialize, Deserialize)]
struct HeaderFields {
    format: String,
    version: u32,
    kdf: String,
    iterations: u32,
    salt: String,
    cipher: String,
    iv: String,
}

#[derive(Serialize, Deserialize)]
struct EnvelopeFields {
    #[serde(flatten)]
    header: HeaderFields,
    ciphertext: String,
}

impl Header {
    /// A header for a new lock: the iterations Kindred uses, and salt and nonce from
    /// `random`, which must be the browser's cryptographic randomness.
    pub fn new(random: [u8; SALT_BYTES + IV_BYTES]) -> Header {
        let (salt, iv) = random.split_at(SALT_BYTES);
        Header {
            iterations: ITERATIONS,
            salt: salt.try_into().expect("16 bytes"),
            iv: iv.try_into().expect("12 bytes"),
        }
    }

    fn fields(&self) -> HeaderFields {
        HeaderFields {
            format: LOCKED_FORMAT.into(),
            version: LOCKED_VERSION,
            kdf: KDF.into(),
            iterations: self.iterations,
            salt: base64url(&self.salt),
            cipher: CIPHER.into(),
            iv: base64url(&self.iv),
        }
    }

    /// The additional authenticated data: the header as one line of JSON, every field of the
    /// envelope but `ciphertext`, in the envelope's order.
    pub fn additional_data(&self) -> Vec<u8> {
        serde_json::to_vec(&self.fields()).expect("a header always serialises")
    }
}

impl Envelope {
    /// The locked file's text.
    pub fn text(&self) -> String {
        serde_json::to_string(&EnvelopeFields {
            header: self.header.fields(),
            ciphertext: base64url(&self.ciphertext),
        })
        .expect("an envelope always serialises")
    }
}

/// Why a locked file cannot be opened, said before any key is derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockProblem {
    TooLarge,
    /// Not the envelope Kindred writes: misshapen, a field missing or of the wrong type, or
    /// changed since it was written.
    Damaged,
    NewerVersion {
        found: u64,
    },
    UnknownMethod,
    /// Too few rounds to protect it, or so many that opening it would freeze the phone.
    IterationsOutOfBounds {
        found: u64,
    },
}

impl fmt::Display for LockProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockProblem::TooLarge => f.write_str("the locked file is larger than any Kindred writes"),
            LockProblem::Damaged => f.write_str("the locked file is damaged or was changed"),
            LockProblem::NewerVersion { found } => write!(
                f,
                "the file was locked by a newer Kindred (version {found}); this one reads version {LOCKED_VERSION}"
            ),
            LockProblem::UnknownMethod => f.write_str("the file is locked in a way Kindred does not know"),
            LockProblem::IterationsOutOfBounds { found } => write!(
                f,
                "the file asks for {found} rounds of key derivation; Kindred opens files with {MIN_ITERATIONS} to {MAX_ITERATIONS}"
            ),
        }
    }
}

/// Whether `text` is a locked file (however damaged): it names the locked format.
pub fn is_locked(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text.trim())
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_owned))
        .is_some_and(|format| format == LOCKED_FORMAT)
        || (text.len() > MAX_LOCKED_BYTES && text.contains(LOCKED_FORMAT))
}

/// Reads a locked file strictly. A trailing newline is allowed (editors add one); nothing
/// else differs from what [`Envelope::text`] writes.
pub fn open(text: &str) -> Result<Envelope, LockProblem> {
    crate::in_pieces::at_once(open_in_pieces(text, || std::future::ready(())))
}

/// [`open`], awaiting `pause` between pieces of the ciphertext: a group folder's device file
/// is megabytes of it.
pub async fn open_in_pieces<P: std::future::Future<Output = ()>>(
    text: &str,
    mut pause: impl FnMut() -> P,
) -> Result<Envelope, LockProblem> {
    use serde_json::value::RawValue;
    use serde_json::Value;

    if text.len() > MAX_LOCKED_BYTES {
        return Err(LockProblem::TooLarge);
    }
    let text = text.strip_suffix('\n').unwrap_or(text);
    // The outline first, the ciphertext left where it is in the text; every other field is
    // read whole (it is small), so that anything serde_json refuses is refused here too.
    let outline: BTreeMap<String, &RawValue> =
        serde_json::from_str(text).map_err(|_| LockProblem::Damaged)?;
    let mut fields = serde_json::Map::new();
    for (name, raw) in &outline {
        let value = if name == "ciphertext" {
            // Its place, as a string: it is read below.
            match raw.get().starts_with('"') {
                true => Value::String(String::new()),
                false => Value::Null,
            }
        } else {
            serde_json::from_str(raw.get()).map_err(|_| LockProblem::Damaged)?
        };
        fields.insert(name.clone(), value);
    }
    let value = Value::Object(fields);
    // The version and the method first, so that a newer file says so rather than "damaged".
    match value.get("version").and_then(Value::as_u64) {
        Some(found) if found > u64::from(LOCKED_VERSION) => {
            return Err(LockProblem::NewerVersion { found })
        }
        Some(found) if found == u64::from(LOCKED_VERSION) => {}
        _ => return Err(LockProblem::Damaged),
    }
    if value.get("kdf").and_then(|v| v.as_str()) != Some(KDF)
        || value.get("cipher").and_then(|v| v.as_str()) != Some(CIPHER)
    {
        return Err(LockProblem::UnknownMethod);
    }
    let iterations = value
        .get("iterations")
        .and_then(Value::as_u64)
        .ok_or(LockProblem::Damaged)?;
    if !(u64::from(MIN_ITERATIONS)..=u64::from(MAX_ITERATIONS)).contains(&iterations) {
        return Err(LockProblem::IterationsOutOfBounds { found: iterations });
    }
    let EnvelopeFields {
        header: fields,
        ciphertext: _,
    } = serde_json::from_value(value).map_err(|_| LockProblem::Damaged)?;
    if fields.format != LOCKED_FORMAT {
        return Err(LockProblem::Damaged);
    }
    let bytes = |text: &str| from_base64url(text).ok_or(LockProblem::Damaged);
    let header = Header {
        iterations: fields.iterations,
        salt: bytes(&fields.salt)?
            .try_into()
            .map_err(|_| LockProblem::Damaged)?,
        iv: bytes(&fields.iv)?
            .try_into()
            .map_err(|_| LockProblem::Damaged)?,
    };
    // Written again without its ciphertext, the envelope must be the text around it: no
    // other field, no white space, the same order. (base64url has one spelling for each
    // byte string, so the ciphertext's text is checked by reading it.)
    let empty = Envelope {
        header: header.clone(),
        ciphertext: Vec::new(),
    }
    .text();
    let (before, after) = empty
        .rsplit_once("\"\"")
        .map(|(before, after)| (format!("{before}\""), format!("\"{after}")))
        .expect("an envelope ends with its ciphertext");
    let written = text
        .strip_prefix(before.as_str())
        .and_then(|rest| rest.strip_suffix(after.as_str()))
        .ok_or(LockProblem::Damaged)?;
    let mut ciphertext = Vec::with_capacity(written.len() / 4 * 3 + 3);
    for (index, piece) in written.as_bytes().chunks(BASE64_PER_PIECE).enumerate() {
        if index > 0 {
            pause().await;
        }
        let piece = std::str::from_utf8(piece).map_err(|_| LockProblem::Damaged)?;
        ciphertext.extend(bytes(piece)?);
    }
    if ciphertext.len() < TAG_BYTES {
        return Err(LockProblem::Damaged);
    }
    Ok(Envelope { header, ciphertext })
}

/// Characters of base64url read between two pauses: a multiple of 4, so that each piece is
/// whole bytes; about 5 ms in the bench machine's browser.
const BASE64_PER_PIECE: usize = 1 << 20;

/// The passphrase as the key derivation takes it: as typed, without white space at either
/// end (a space slipped in while copying it from paper must not lock anyone out).
pub fn passphrase_bytes(passphrase: &str) -> &[u8] {
    passphrase.trim().as_bytes()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648, section 5).
fn base64url(bytes: &[u8]) -> String {
    crate::qr::base64url(bytes)
}

/// Reads base64url without padding, in one pass through a table: a locked file of a large
/// neighbourhood is megabytes of it. `None` for anything else, and for the few spellings
/// whose unused last bits are not zero, so that each byte string has one text.
fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut table = [u8::MAX; 256];
    for (value, c) in ALPHABET.iter().enumerate() {
        table[*c as usize] = value as u8;
    }
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let value = table[*c as usize];
            if value == u8::MAX {
                return None;
            }
            n |= u32::from(value) << (18 - 6 * i);
        }
        let whole = chunk.len() - 1;
        for i in 0..whole {
            out.push((n >> (16 - 8 * i) & 255) as u8);
        }
        if n & ((1 << (24 - 8 * whole)) - 1) != 0 {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        let mut random = [0u8; 28];
        for (i, b) in random.iter_mut().enumerate() {
            *b = i as u8;
        }
        Header::new(random)
    }

    fn envelope() -> Envelope {
        Envelope {
            header: header(),
            ciphertext: (0..40).collect(),
        }
    }

    #[test]
    fn an_envelope_reads_back_exactly_and_its_header_is_what_is_authenticated() {
        let text = envelope().text();
        assert_eq!(
            text,
            "{\"format\":\"kindred-locked\",\"version\":1,\"kdf\":\"PBKDF2-HMAC-SHA256\",\
             \"iterations\":600000,\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"cipher\":\"AES-256-GCM\",\
             \"iv\":\"EBESExQVFhcYGRob\",\"ciphertext\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJw\"}"
        );
        assert_eq!(open(&text), Ok(envelope()));
        assert_eq!(
            open(&format!("{text}\n")),
            Ok(envelope()),
            "a final newline"
        );
        assert!(is_locked(&text));
        assert_eq!(
            String::from_utf8(header().additional_data()).unwrap(),
            "{\"format\":\"kindred-locked\",\"version\":1,\"kdf\":\"PBKDF2-HMAC-SHA256\",\
             \"iterations\":600000,\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"cipher\":\"AES-256-GCM\",\
             \"iv\":\"EBESExQVFhcYGRob\"}"
        );
    }

    #[test]
    fn one_changed_character_anywhere_is_refused_or_changes_what_is_authenticated() {
        let text = envelope().text();
        for (i, original) in text.char_indices() {
            for replacement in ['A', '0', ' ', '"', '-'] {
                if replacement == original {
                    continue;
                }
                let mut changed = text.clone();
                changed.replace_range(i..i + 1, &replacement.to_string());
                // Read or refused, never read as the same envelope: a changed salt, nonce or
                // ciphertext then fails the cipher's check (the browser tests show it).
                if let Ok(read) = open(&changed) {
                    assert_ne!(read, envelope(), "{changed}");
                }
            }
        }
    }

    #[test]
    fn truncated_misshapen_and_unknown_envelopes_are_refused_before_any_work() {
        let text = envelope().text();
        assert_eq!(open(&text[..text.len() - 5]), Err(LockProblem::Damaged));
        assert_eq!(open(""), Err(LockProblem::Damaged));
        assert_eq!(
            open(&text.replace("\"version\":1", "\"version\":2")),
            Err(LockProblem::NewerVersion { found: 2 })
        );
        assert_eq!(
            open(&text.replace("\"version\":1", "\"version\":\"1\"")),
            Err(LockProblem::Damaged)
        );
        assert_eq!(
            open(&text.replace("AES-256-GCM", "AES-128-CBC")),
            Err(LockProblem::UnknownMethod)
        );
        assert_eq!(
            open(&text.replace("600000", "1000")),
            Err(LockProblem::IterationsOutOfBounds { found: 1000 })
        );
        assert_eq!(
            open(&text.replace("600000", "4000000000")),
            Err(LockProblem::IterationsOutOfBounds {
                found: 4_000_000_000
            })
        );
        assert_eq!(
            open(&text.replace("\"iterations\":600000", "\"iterations\":6e5")),
            Err(LockProblem::Damaged)
        );
        assert_eq!(
            open(&text.replace("AAECAwQFBgcICQoLDA0ODw", "AAECAwQFBgcICQoLDA0O")),
            Err(LockProblem::Damaged),
            "a salt of 15 bytes"
        );
        assert_eq!(
            open(&text.replace("}", ",\"extra\":1}")),
            Err(LockProblem::Damaged)
        );
        let short = Envelope {
            header: header(),
            ciphertext: vec![1; TAG_BYTES - 1],
        };
        assert_eq!(
            open(&short.text()),
            Err(LockProblem::Damaged),
            "shorter than a tag"
        );
        assert_eq!(
            open(&"x".repeat(MAX_LOCKED_BYTES + 1)),
            Err(LockProblem::TooLarge)
        );
        assert!(!is_locked("{\"format\":\"kindred-share\"}"));
    }

    #[test]
    fn a_large_envelope_is_read_in_pieces_with_a_pause_between() {
        let large = Envelope {
            header: header(),
            ciphertext: (0..3_000_000u32).map(|i| (i * 7 % 251) as u8).collect(),
        };
        let text = large.text();
        let mut pauses = 0;
        let opened = crate::in_pieces::at_once(open_in_pieces(&text, || {
            pauses += 1;
            std::future::ready(())
        }));
        assert_eq!(opened, Ok(large));
        assert_eq!(
            pauses, 3,
            "4,000,000 characters: four pieces of at most 1 MiB"
        );
    }

    #[test]
    fn an_envelope_written_otherwise_than_kindred_writes_it_is_refused() {
        let text = envelope().text();
        let escaped = text.replacen("\"ciphertext\":\"A", "\"ciphertext\":\"\\u0041", 1);
        assert_ne!(escaped, text);
        assert_eq!(
            open(&escaped),
            Err(LockProblem::Damaged),
            "an escape in the ciphertext"
        );
        let (rest, ciphertext) = text.rsplit_once(",\"ciphertext\":").unwrap();
        let reordered = format!(
            "{{\"ciphertext\":{},{}}}",
            ciphertext.trim_end_matches('}'),
            &rest[1..]
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&reordered).unwrap(),
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            "the same fields"
        );
        assert_eq!(
            open(&reordered),
            Err(LockProblem::Damaged),
            "the ciphertext first"
        );
        let spaced = text.replacen(",\"iv\"", ", \"iv\"", 1);
        assert_eq!(open(&spaced), Err(LockProblem::Damaged), "a space");
    }

    #[test]
    fn base64url_has_one_spelling_for_each_byte_string() {
        for bytes in [&b""[..], b"a", b"ab", b"abc", b"abcd", &[255, 254, 253, 0]] {
            assert_eq!(from_base64url(&base64url(bytes)).as_deref(), Some(bytes));
        }
        assert_eq!(from_base64url("YQ"), Some(b"a".to_vec()));
        assert_eq!(from_base64url("YR"), None, "unused bits set");
        assert_eq!(from_base64url("YQ=="), None, "padding");
        assert_eq!(from_base64url("Y"), None);
    }

    #[test]
    fn the_passphrase_is_taken_without_white_space_at_its_ends() {
        assert_eq!(
            passphrase_bytes("  apple river 蘋果 \n"),
            "apple river 蘋果".as_bytes()
        );
    }

    #[test]
    fn a_file_locked_by_the_second_implementation_reads_as_it_was_written() {
        let text = include_str!("../../../tests/fixtures/locked-by-python.json");
        let envelope = open(text).expect("Python's envelope follows the document");
        assert_eq!(envelope.header.iterations, ITERATIONS);
        assert_eq!(envelope.text(), text.trim_end());
        assert!(envelope.ciphertext.len() > TAG_BYTES);
    }
}
