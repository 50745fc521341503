//! The pairing code: what one phone shows the other, in a compact binary form.
//!
//! ```text
//! 'K' version step pairing[4] fingerprint[32] ufrag_len ufrag pwd_len pwd count candidates…
//! candidate: family port[2] address (4 bytes for IPv4, 16 for IPv6 or an mDNS name's UUID)
//! ```
//!
//! Everything is checked on the way in: a code is read from a camera pointed at anything,
//! and its parts end up in a session description, so a stray byte must not become a line.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::qr::{self, Modules, TooLong};

/// The first byte of every pairing code: a QR of something else is told apart at once.
const MAGIC: u8 = b'K';
/// The layout described above. A code of another version is refused with a clear word.
pub const VERSION: u8 = 1;

/// ICE credentials are limited to what browsers make (Chromium 4 and 24 characters, Firefox
/// 8 and 32), which keeps the largest code at QR version 10 or lower.
pub const MAX_UFRAG: usize = 16;
pub const MAX_PWD: usize = 32;
/// RFC 8839's shortest ICE credentials.
const MIN_UFRAG: usize = 4;
const MIN_PWD: usize = 22;
/// Host addresses kept in a code. A phone with more (many interfaces) keeps IPv4 first.
pub const MAX_CANDIDATES: usize = 6;

/// Which turn of the exchange a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The first phone's code: its offer (DTLS role `actpass`).
    Opening,
    /// The second phone's answer, with the DTLS role it took.
    Answer(Setup),
}

/// Which side of the DTLS handshake an answer takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setup {
    Active,
    Passive,
}

/// One host address to try, UDP only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidate {
    V4(Ipv4Addr, u16),
    V6(Ipv6Addr, u16),
    /// A browser that hides its address (no camera permission yet) names it
    /// `<uuid>.local` instead; the UUID's 16 bytes.
    Mdns([u8; 16], u16),
}

impl Candidate {
    pub fn port(&self) -> u16 {
        match self {
            Candidate::V4(_, p) | Candidate::V6(_, p) | Candidate::Mdns(_, p) => *p,
        }
    }

    /// The address as a session description writes it.
    pub fn address(&self) -> String {
        match self {
            Candidate::V4(a, _) => a.to_string(),
            Candidate::V6(a, _) => a.to_string(),
            Candidate::Mdns(uuid, _) => format!("{}.local", uuid::Uuid::from_bytes(*uuid)),
        }
    }
}

/// What a phone needs of the other to reach it: ICE credentials, addresses and the
/// certificate it will prove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// SHA-256 of the DTLS certificate.
    pub fingerprint: [u8; 32],
    pub ufrag: String,
    pub pwd: String,
    pub candidates: Vec<Candidate>,
}

/// A code as shown: the step, the pairing it belongs to, and the endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairingCode {
    pub step: Step,
    /// Chosen at random by the first phone; the answer repeats it, so that an answer to an
    /// earlier code (the first phone started again meanwhile) is noticed.
    pub pairing: [u8; 4],
    pub endpoint: Endpoint,
}

/// Why a code cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeProblem {
    /// Not a Kindred face-to-face code at all (a card, a web address, noise).
    NotAPairingCode,
    /// A face-to-face code of another layout: one of the phones has another Kindred.
    OtherVersion(u8),
    /// It ends before everything it announces.
    Truncated,
    /// A part of it holds what no browser makes; `what` names the part.
    Bad(&'static str),
}

impl fmt::Display for CodeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeProblem::NotAPairingCode => write!(f, "not a pairing code"),
            CodeProblem::OtherVersion(v) => write!(f, "pairing code version {v}"),
            CodeProblem::Truncated => write!(f, "the code is cut short"),
            CodeProblem::Bad(what) => write!(f, "bad {what}"),
        }
    }
}

const FAMILY_V4: u8 = 4;
const FAMILY_V6: u8 = 6;
const FAMILY_MDNS: u8 = b'm';

const STEP_OPENING: u8 = 1;
const STEP_ANSWER_ACTIVE: u8 = 2;
const STEP_ANSWER_PASSIVE: u8 = 3;

/// The characters RFC 8839 allows in ICE credentials: nothing that could end a line.
fn is_ice_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'+' || c == b'/'
}

/// Checks an ICE credential's length and characters.
pub(crate) fn check_credential(
    value: &str,
    min: usize,
    max: usize,
    what: &'static str,
) -> Result<(), CodeProblem> {
    if (min..=max).contains(&value.len()) && value.bytes().all(is_ice_char) {
        Ok(())
    } else {
        Err(CodeProblem::Bad(what))
    }
}

impl Endpoint {
    /// Checks what a code may carry, the same rules on both ways.
    pub fn check(&self) -> Result<(), CodeProblem> {
        check_credential(&self.ufrag, MIN_UFRAG, MAX_UFRAG, "ICE user name")?;
        check_credential(&self.pwd, MIN_PWD, MAX_PWD, "ICE password")?;
        if self.candidates.is_empty() || self.candidates.len() > MAX_CANDIDATES {
            return Err(CodeProblem::Bad("number of addresses"));
        }
        for candidate in &self.candidates {
            check_candidate(candidate)?;
        }
        Ok(())
    }
}

/// An address a phone could really be reached at: no port 0, nothing unspecified,
/// broadcast or multicast.
fn check_candidate(candidate: &Candidate) -> Result<(), CodeProblem> {
    let usable = candidate.port() != 0
        && match candidate {
            Candidate::V4(a, _) => !(a.is_unspecified() || a.is_broadcast() || a.is_multicast()),
            Candidate::V6(a, _) => !(a.is_unspecified() || a.is_multicast()),
            Candidate::Mdns(..) => true,
        };
    if usable {
        Ok(())
    } else {
        Err(CodeProblem::Bad("address"))
    }
}

impl PairingCode {
    /// The code's bytes. Fails if the endpoint holds what [`PairingCode::from_bytes`] would
    /// refuse, so that a phone never shows a code the other cannot read.
    pub fn to_bytes(&self) -> Result<Vec<u8>, CodeProblem> {
        self.endpoint.check()?;
        let e = &self.endpoint;
        let mut out = Vec::with_capacity(80 + e.candidates.len() * 19);
        out.push(MAGIC);
        out.push(VERSION);
        out.push(match self.step {
            Step::Opening => STEP_OPENING,
            Step::Answer(Setup::Active) => STEP_ANSWER_ACTIVE,
            Step::Answer(Setup::Passive) => STEP_ANSWER_PASSIVE,
        });
        out.extend_from_slice(&self.pairing);
        out.extend_from_slice(&e.fingerprint);
        for credential in [&e.ufrag, &e.pwd] {
            out.push(credential.len() as u8);
            out.extend_from_slice(credential.as_bytes());
        }
        out.push(e.candidates.len() as u8);
        for candidate in &e.candidates {
            let (family, address): (u8, Vec<u8>) = match candidate {
                Candidate::V4(a, _) => (FAMILY_V4, a.octets().to_vec()),
                Candidate::V6(a, _) => (FAMILY_V6, a.octets().to_vec()),
                Candidate::Mdns(uuid, _) => (FAMILY_MDNS, uuid.to_vec()),
            };
            out.push(family);
            out.extend_from_slice(&candidate.port().to_be_bytes());
            out.extend_from_slice(&address);
        }
        Ok(out)
    }

    /// Reads a code's bytes, refusing anything out of place: trailing bytes too.
    pub fn from_bytes(bytes: &[u8]) -> Result<PairingCode, CodeProblem> {
        let mut r = Reader(bytes);
        if r.byte().ok() != Some(MAGIC) {
            return Err(CodeProblem::NotAPairingCode);
        }
        let version = r.byte().map_err(|_| CodeProblem::NotAPairingCode)?;
        if version != VERSION {
            return Err(CodeProblem::OtherVersion(version));
        }
        let step = match r.byte()? {
            STEP_OPENING => Step::Opening,
            STEP_ANSWER_ACTIVE => Step::Answer(Setup::Active),
            STEP_ANSWER_PASSIVE => Step::Answer(Setup::Passive),
            _ => return Err(CodeProblem::Bad("step")),
        };
        let pairing = r.array::<4>()?;
        let fingerprint = r.array::<32>()?;
        let ufrag = r.credential(MAX_UFRAG, "ICE user name")?;
        let pwd = r.credential(MAX_PWD, "ICE password")?;
        let count = r.byte()? as usize;
        if count == 0 || count > MAX_CANDIDATES {
            return Err(CodeProblem::Bad("number of addresses"));
        }
        let candidates = (0..count)
            .map(|_| {
                let family = r.byte()?;
                let port = u16::from_be_bytes(r.array::<2>()?);
                match family {
                    FAMILY_V4 => Ok(Candidate::V4(r.array::<4>()?.into(), port)),
                    FAMILY_V6 => Ok(Candidate::V6(r.array::<16>()?.into(), port)),
                    FAMILY_MDNS => Ok(Candidate::Mdns(r.array::<16>()?, port)),
                    _ => Err(CodeProblem::Bad("address family")),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !r.0.is_empty() {
            return Err(CodeProblem::Bad("length"));
        }
        let endpoint = Endpoint {
            fingerprint,
            ufrag,
            pwd,
            candidates,
        };
        endpoint.check()?;
        Ok(PairingCode {
            step,
            pairing,
            endpoint,
        })
    }

    /// The code as text, for a person who cannot use the camera to copy and paste.
    pub fn to_text(&self) -> Result<String, CodeProblem> {
        Ok(qr::base64url(&self.to_bytes()?))
    }

    /// Reads pasted text; spaces and line breaks a messaging app adds are ignored.
    pub fn from_text(text: &str) -> Result<PairingCode, CodeProblem> {
        let compact: String = text.split_whitespace().collect();
        let bytes = qr::from_base64url(&compact).ok_or(CodeProblem::NotAPairingCode)?;
        PairingCode::from_bytes(&bytes)
    }

    /// The QR code to show, in binary mode.
    pub fn to_qr(&self) -> Result<Modules, TooLong> {
        qr::encode_binary(&self.to_bytes().map_err(|_| TooLong)?)
    }
}

/// Takes bytes off the front of a code.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, CodeProblem> {
        Ok(self.array::<1>()?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], CodeProblem> {
        if self.0.len() < N {
            return Err(CodeProblem::Truncated);
        }
        let (head, rest) = self.0.split_at(N);
        self.0 = rest;
        Ok(head.try_into().expect("split at N"))
    }

    fn credential(&mut self, max: usize, what: &'static str) -> Result<String, CodeProblem> {
        let len = self.byte()? as usize;
        if len > max {
            return Err(CodeProblem::Bad(what));
        }
        if self.0.len() < len {
            return Err(CodeProblem::Truncated);
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        if !head.iter().copied().all(is_ice_char) {
            return Err(CodeProblem::Bad(what));
        }
        Ok(String::from_utf8(head.to_vec()).expect("ICE characters are ASCII"))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A code as Chromium's offer makes it: 4 and 24 character credentials, two IPv4
    /// host addresses.
    pub(crate) fn chromium_like() -> PairingCode {
        PairingCode {
            step: Step::Opening,
            pairing: [9, 8, 7, 6],
            endpoint: Endpoint {
                fingerprint: std::array::from_fn(|i| (i * 7 + 3) as u8),
                ufrag: "aB3+".into(),
                pwd: "Zx9/yW8vU7tS6rQ5pO4nM3lK".into(),
                candidates: vec![
                    Candidate::V4(Ipv4Addr::new(192, 168, 1, 23), 54_321),
                    Candidate::V4(Ipv4Addr::new(10, 0, 0, 5), 61_000),
                ],
            },
        }
    }

    /// The largest code this layout allows: longest credentials, six IPv6 addresses.
    fn largest() -> PairingCode {
        let mut code = chromium_like();
        code.step = Step::Answer(Setup::Passive);
        code.endpoint.ufrag = "u".repeat(MAX_UFRAG);
        code.endpoint.pwd = "p".repeat(MAX_PWD);
        code.endpoint.candidates = (0..MAX_CANDIDATES as u16)
            .map(|i| Candidate::V6(Ipv6Addr::new(0xfe80, 0, 0, 0, 1, 2, 3, i + 1), 40_000 + i))
            .collect();
        code
    }

    #[test]
    fn a_code_round_trips_through_bytes_text_and_qr() {
        let mut code = chromium_like();
        code.endpoint
            .candidates
            .push(Candidate::V6("2001:db8::7".parse().unwrap(), 3478));
        code.endpoint.candidates.push(Candidate::Mdns(
            *uuid::Uuid::from_u128(0xabc).as_bytes(),
            9999,
        ));
        let bytes = code.to_bytes().unwrap();
        assert_eq!(PairingCode::from_bytes(&bytes).unwrap(), code);
        let text = code.to_text().unwrap();
        assert_eq!(PairingCode::from_text(&text).unwrap(), code);
        let wrapped = format!("  {}\n{} ", &text[..20], &text[20..]);
        assert_eq!(
            PairingCode::from_text(&wrapped).unwrap(),
            code,
            "spaces a chat app adds"
        );
        let modules = code.to_qr().unwrap();
        let (version, read) = qr::tests::scan_bytes(&modules);
        assert_eq!(read, bytes, "the QR holds the bytes themselves");
        assert_eq!(version, modules.version());
    }

    #[test]
    fn a_typical_code_is_a_small_qr_and_the_largest_stays_at_version_ten() {
        let typical = chromium_like();
        assert!(typical.to_bytes().unwrap().len() < 90);
        assert!(typical.to_qr().unwrap().version() <= 5);
        let largest = largest();
        let modules = largest.to_qr().unwrap();
        assert!(modules.version() <= 10, "version {}", modules.version());
        let (version, read) = qr::tests::scan_bytes(&modules);
        assert_eq!(version, modules.version());
        assert_eq!(PairingCode::from_bytes(&read).unwrap(), largest);
    }

    #[test]
    fn every_cut_short_code_is_refused() {
        let bytes = largest().to_bytes().unwrap();
        for len in 0..bytes.len() {
            let problem = PairingCode::from_bytes(&bytes[..len]).unwrap_err();
            assert!(
                matches!(
                    problem,
                    CodeProblem::Truncated | CodeProblem::NotAPairingCode
                ),
                "{len} bytes: {problem:?}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            PairingCode::from_bytes(&longer),
            Err(CodeProblem::Bad("length"))
        );
    }

    #[test]
    fn other_codes_and_other_versions_are_told_apart() {
        let mut bytes = chromium_like().to_bytes().unwrap();
        bytes[1] = 2;
        assert_eq!(
            PairingCode::from_bytes(&bytes),
            Err(CodeProblem::OtherVersion(2))
        );
        assert_eq!(
            PairingCode::from_bytes(b"https://example.org/#/import/abc"),
            Err(CodeProblem::NotAPairingCode)
        );
        assert_eq!(
            PairingCode::from_text("hello there!"),
            Err(CodeProblem::NotAPairingCode)
        );
        assert_eq!(
            PairingCode::from_bytes(&[]),
            Err(CodeProblem::NotAPairingCode)
        );
    }

    #[test]
    fn hostile_values_never_reach_a_session_description() {
        let good = chromium_like().to_bytes().unwrap();
        let ufrag_at = 3 + 4 + 32;
        // A line break in the user name would add a line of the sender's choosing.
        let mut injected = good.clone();
        injected[ufrag_at + 2] = b'\n';
        assert_eq!(
            PairingCode::from_bytes(&injected),
            Err(CodeProblem::Bad("ICE user name"))
        );
        // A length past what browsers make, or past the end.
        let mut long = good.clone();
        long[ufrag_at] = 200;
        assert_eq!(
            PairingCode::from_bytes(&long),
            Err(CodeProblem::Bad("ICE user name"))
        );
        let mut short = good.clone();
        short[ufrag_at] = 2;
        assert!(PairingCode::from_bytes(&short).is_err());
        // Too many addresses, none, an unknown family, port 0, a broadcast address.
        let count_at = good.len() - 2 * 7 - 1;
        for count in [0, 7, 255] {
            let mut bad = good.clone();
            bad[count_at] = count;
            assert!(PairingCode::from_bytes(&bad).is_err(), "{count} addresses");
        }
        let mut family = good.clone();
        family[count_at + 1] = 5;
        assert_eq!(
            PairingCode::from_bytes(&family),
            Err(CodeProblem::Bad("address family"))
        );
        let mut port = good.clone();
        port[count_at + 2..count_at + 4].copy_from_slice(&[0, 0]);
        assert_eq!(
            PairingCode::from_bytes(&port),
            Err(CodeProblem::Bad("address"))
        );
        let mut broadcast = good.clone();
        broadcast[count_at + 4..count_at + 8].copy_from_slice(&[255; 4]);
        assert_eq!(
            PairingCode::from_bytes(&broadcast),
            Err(CodeProblem::Bad("address"))
        );
        let mut step = good;
        step[2] = 9;
        assert_eq!(
            PairingCode::from_bytes(&step),
            Err(CodeProblem::Bad("step"))
        );
    }

    #[test]
    fn a_phone_never_shows_a_code_the_other_would_refuse() {
        let mut code = chromium_like();
        code.endpoint.pwd = "short".into();
        assert_eq!(code.to_bytes(), Err(CodeProblem::Bad("ICE password")));
        assert!(code.to_qr().is_err());
        code = chromium_like();
        code.endpoint.candidates.clear();
        assert_eq!(
            code.to_bytes(),
            Err(CodeProblem::Bad("number of addresses"))
        );
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)
        ) {
            if let Ok(code) = PairingCode::from_bytes(&bytes) {
                proptest::prop_assert_eq!(code.to_bytes().unwrap(), bytes, "what is read writes back the same");
            }
        }

        #[test]
        fn a_code_with_some_bytes_changed_is_read_or_refused(
            changes in proptest::collection::vec((proptest::num::usize::ANY, proptest::num::u8::ANY), 1..6)
        ) {
            let mut bytes = chromium_like().to_bytes().unwrap();
            for (at, value) in changes {
                let at = 3 + at % (bytes.len() - 3);
                bytes[at] = value;
            }
            if let Ok(code) = PairingCode::from_bytes(&bytes) {
                proptest::prop_assert_eq!(code.to_bytes().unwrap(), bytes);
            }
        }
    }
}
