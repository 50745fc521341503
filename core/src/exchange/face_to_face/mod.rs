//! Face to face: two phones exchange what they share by showing each other a QR code, then
//! talk over a WebRTC data channel between the two of them, with no server.
//!
//! The code carries only what the other phone cannot rebuild: the DTLS certificate's
//! fingerprint, the ICE user name and password, and the phone's host addresses
//! ([`code`]). The other phone writes the session description around them from a
//! template ([`sdp`]), the way the QR-WebRTC Bootstrap Protocol does, so the code stays a
//! small QR that a camera reads at arm's length. Both screens then show the same short
//! [`comparison`] code, and the share file goes over the channel in checked pieces
//! ([`framing`]).

use crate::share::ExportChoice;

pub mod code;
pub mod comparison;
pub mod framing;
pub mod sdp;

/// How long the first phone waits for the channel to open once it has read the answering
/// code (both phones then have all they need), before it says the two cannot reach each
/// other.
pub const CONNECT_TIMEOUT_MS: u32 = 20_000;

/// How long the answering phone waits: the first phone's owner still has to point the
/// camera at the answer, so this wait includes a person's time.
pub const ANSWER_WAIT_MS: u32 = 120_000;

/// What goes over the channel: what the export choices say, but never private notes. A
/// phone held up in a room is not where they are meant to go.
pub fn what_to_send(choice: ExportChoice) -> ExportChoice {
    ExportChoice {
        private_notes: false,
        ..choice
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn face_to_face_sends_what_is_chosen_but_never_private_notes() {
        assert_eq!(
            what_to_send(ExportChoice::default()),
            ExportChoice::default()
        );
        let everything = ExportChoice {
            helpers: true,
            needs: true,
            journal: true,
            check_ins: true,
            private_notes: true,
        };
        assert_eq!(
            what_to_send(everything),
            ExportChoice {
                private_notes: false,
                ..everything
            }
        );
    }
}
