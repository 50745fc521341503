//! From a browser's session description to a code's endpoint, and back from a code to the
//! session description the other browser needs.
//!
//! Only a data channel is ever negotiated, so everything but the endpoint is the same in
//! every description and is written from a template. Only what [`Endpoint::check`] allows
//! goes into the template, so a code cannot add lines of its own.

use std::net::IpAddr;

use super::code::{Candidate, CodeProblem, Endpoint, PairingCode, Setup, Step, MAX_CANDIDATES};

/// What a browser's own description must hold for a code to be made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SdpProblem {
    /// One of the lines a code needs is missing; names it.
    Missing(&'static str),
    /// The browser gathered no address the other phone could try.
    NoAddress,
    /// The browser wrote something no code can carry (for example very long credentials).
    Unusable(CodeProblem),
}

/// A browser's description, as far as a code carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Local {
    pub endpoint: Endpoint,
    /// The DTLS role the description takes (`actpass` in an offer: `None`).
    pub setup: Option<Setup>,
}

/// Reads the endpoint out of a browser's own offer or answer, after ICE gathering is
/// complete (the candidates are then in it). Only UDP host candidates of the first
/// component are kept, IPv4 first, at most [`MAX_CANDIDATES`].
pub fn read_local(sdp: &str) -> Result<Local, SdpProblem> {
    let value = |prefix: &str| {
        sdp.lines()
            .find_map(|l| l.trim_end().strip_prefix(prefix))
            .map(str::trim)
    };
    let fingerprint = value("a=fingerprint:sha-256 ")
        .and_then(parse_fingerprint)
        .ok_or(SdpProblem::Missing("fingerprint"))?;
    let ufrag = value("a=ice-ufrag:").ok_or(SdpProblem::Missing("ice-ufrag"))?;
    let pwd = value("a=ice-pwd:").ok_or(SdpProblem::Missing("ice-pwd"))?;
    let setup = match value("a=setup:").ok_or(SdpProblem::Missing("setup"))? {
        "active" => Some(Setup::Active),
        "passive" => Some(Setup::Passive),
        _ => None,
    };
    let mut candidates: Vec<Candidate> = sdp
        .lines()
        .filter_map(|l| l.trim_end().strip_prefix("a=candidate:"))
        .filter_map(parse_candidate)
        .collect();
    candidates.sort_by_key(|c| match c {
        Candidate::V4(..) => 0,
        Candidate::V6(..) => 1,
        Candidate::Mdns(..) => 2,
    });
    candidates.dedup();
    candidates.truncate(MAX_CANDIDATES);
    if candidates.is_empty() {
        return Err(SdpProblem::NoAddress);
    }
    let endpoint = Endpoint {
        fingerprint,
        ufrag: ufrag.to_string(),
        pwd: pwd.to_string(),
        candidates,
    };
    endpoint.check().map_err(SdpProblem::Unusable)?;
    Ok(Local { endpoint, setup })
}

/// `AB:CD:…` (32 bytes) into bytes.
fn parse_fingerprint(text: &str) -> Option<[u8; 32]> {
    let bytes: Vec<u8> = text
        .split(':')
        .map(|pair| (pair.len() == 2).then(|| u8::from_str_radix(pair, 16).ok())?)
        .collect::<Option<_>>()?;
    bytes.try_into().ok()
}

/// `foundation component transport priority address port typ host …`, UDP host only.
fn parse_candidate(line: &str) -> Option<Candidate> {
    let parts: Vec<&str> = line.split_whitespace().collect();
    let [_, component, transport, _, address, port, "typ", "host", ..] = parts[..] else {
        return None;
    };
    if component != "1" || !transport.eq_ignore_ascii_case("udp") {
        return None;
    }
    let port: u16 = port.parse().ok().filter(|p| *p != 0)?;
    if let Some(name) = address.strip_suffix(".local") {
        let uuid = uuid::Uuid::parse_str(name).ok()?;
        return Some(Candidate::Mdns(*uuid.as_bytes(), port));
    }
    match address.parse::<IpAddr>().ok()? {
        IpAddr::V4(a) => Some(Candidate::V4(a, port)),
        IpAddr::V6(a) => Some(Candidate::V6(a, port)),
    }
}

/// The other phone's description, rebuilt from its code: an offer for an opening code, an
/// answer for an answering one.
pub fn rebuild(code: &PairingCode) -> String {
    let e = &code.endpoint;
    let setup = match code.step {
        Step::Opening => "actpass",
        Step::Answer(Setup::Active) => "active",
        Step::Answer(Setup::Passive) => "passive",
    };
    let fingerprint = e
        .fingerprint
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":");
    // The session id only has to stay the same for this description's life.
    let session = u64::from_be_bytes(e.fingerprint[..8].try_into().expect("8 bytes")) >> 1;
    let mut sdp = format!(
        "v=0\r\n\
         o=- {session} 2 IN IP4 127.0.0.1\r\n\
         s=-\r\n\
         t=0 0\r\n\
         a=group:BUNDLE 0\r\n\
         a=msid-semantic: WMS\r\n\
         m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n\
         c=IN IP4 0.0.0.0\r\n\
         a=ice-ufrag:{ufrag}\r\n\
         a=ice-pwd:{pwd}\r\n\
         a=ice-options:trickle\r\n\
         a=fingerprint:sha-256 {fingerprint}\r\n\
         a=setup:{setup}\r\n\
         a=mid:0\r\n\
         a=sctp-port:5000\r\n\
         a=max-message-size:262144\r\n",
        ufrag = e.ufrag,
        pwd = e.pwd,
    );
    for (i, candidate) in e.candidates.iter().enumerate() {
        // RFC 8445 host priority, one step lower for each later address, in the order the
        // code lists them (IPv4 first).
        let priority = 2_122_260_223 - i as u32;
        sdp.push_str(&format!(
            "a=candidate:{i} 1 udp {priority} {} {} typ host\r\n",
            candidate.address(),
            candidate.port()
        ));
    }
    sdp.push_str("a=end-of-candidates\r\n");
    sdp
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::face_to_face::code::tests::chromium_like;

    /// An offer as headless Chromium 156 writes it for one data channel, gathering done.
    const CHROMIUM_OFFER: &str = "v=0\r\n\
o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n\
s=-\r\n\
t=0 0\r\n\
a=group:BUNDLE 0\r\n\
a=extmap-allow-mixed\r\n\
a=msid-semantic: WMS\r\n\
m=application 46243 UDP/DTLS/SCTP webrtc-datachannel\r\n\
c=IN IP4 192.0.2.2\r\n\
a=candidate:1467250027 1 udp 2122260223 192.0.2.2 46243 typ host generation 0 network-id 1\r\n\
a=candidate:2585145275 1 udp 2122262783 fd00::2 51014 typ host generation 0 network-id 2\r\n\
a=candidate:1122334455 1 tcp 1518280447 192.0.2.2 9 typ host tcptype active generation 0 network-id 1\r\n\
a=candidate:3928484944 1 udp 2122260223 3f1c7b2e-6a9d-4c55-9e0f-1b2c3d4e5f60.local 40311 typ host generation 0\r\n\
a=ice-ufrag:Kx7p\r\n\
a=ice-pwd:qS2bV9yR3cT6uW8xZ1aB4dE5\r\n\
a=ice-options:trickle\r\n\
a=fingerprint:sha-256 0E:1B:28:35:42:4F:5C:69:76:83:90:9D:AA:B7:C4:D1:DE:EB:F8:05:12:1F:2C:39:46:53:60:6D:7A:87:94:A1\r\n\
a=setup:actpass\r\n\
a=mid:0\r\n\
a=sctp-port:5000\r\n\
a=max-message-size:262144\r\n";

    #[test]
    fn a_browsers_offer_gives_its_udp_host_addresses_ipv4_first() {
        let local = read_local(CHROMIUM_OFFER).unwrap();
        assert_eq!(local.setup, None, "an offer is actpass");
        let e = &local.endpoint;
        assert_eq!(e.ufrag, "Kx7p");
        assert_eq!(e.pwd, "qS2bV9yR3cT6uW8xZ1aB4dE5");
        assert_eq!(e.fingerprint[0], 0x0E);
        assert_eq!(e.fingerprint[31], 0xA1);
        assert_eq!(
            e.candidates
                .iter()
                .map(|c| format!("{} {}", c.address(), c.port()))
                .collect::<Vec<_>>(),
            [
                "192.0.2.2 46243",
                "fd00::2 51014",
                "3f1c7b2e-6a9d-4c55-9e0f-1b2c3d4e5f60.local 40311"
            ],
            "the TCP candidate is left out"
        );
    }

    #[test]
    fn the_rebuilt_description_reads_back_as_the_same_endpoint() {
        let local = read_local(CHROMIUM_OFFER).unwrap();
        let code = PairingCode {
            step: Step::Opening,
            pairing: [1, 2, 3, 4],
            endpoint: local.endpoint.clone(),
        };
        let rebuilt = rebuild(&code);
        assert!(rebuilt.contains("a=setup:actpass\r\n"));
        assert!(rebuilt.contains(
            "a=fingerprint:sha-256 0E:1B:28:35:42:4F:5C:69:76:83:90:9D:AA:B7:C4:D1:DE:EB:F8:05:12:1F:2C:39:46:53:60:6D:7A:87:94:A1\r\n"
        ));
        assert_eq!(read_local(&rebuilt).unwrap(), local);
        let answer = PairingCode {
            step: Step::Answer(Setup::Active),
            ..code
        };
        let rebuilt = rebuild(&answer);
        assert!(rebuilt.contains("a=setup:active\r\n"));
        assert_eq!(read_local(&rebuilt).unwrap().setup, Some(Setup::Active));
    }

    #[test]
    fn every_line_of_a_rebuilt_description_is_one_the_template_knows() {
        let sdp = rebuild(&chromium_like());
        assert!(sdp.ends_with("\r\n"));
        for line in sdp.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                ["v=", "o=", "s=", "t=", "m=", "c=", "a="]
                    .iter()
                    .any(|p| line.starts_with(p)),
                "{line:?}"
            );
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
    }

    #[test]
    fn a_description_without_what_a_code_needs_is_refused() {
        let no_fingerprint = CHROMIUM_OFFER.replace("a=fingerprint:sha-256", "a=fingerprint:sha-1");
        assert_eq!(
            read_local(&no_fingerprint),
            Err(SdpProblem::Missing("fingerprint"))
        );
        let no_candidates: String = CHROMIUM_OFFER
            .split_inclusive("\r\n")
            .filter(|l| !l.starts_with("a=candidate"))
            .collect();
        assert_eq!(read_local(&no_candidates), Err(SdpProblem::NoAddress));
        let long_pwd = CHROMIUM_OFFER.replace("qS2bV9yR3cT6uW8xZ1aB4dE5", &"p".repeat(40));
        assert_eq!(
            read_local(&long_pwd),
            Err(SdpProblem::Unusable(CodeProblem::Bad("ICE password")))
        );
    }
}
