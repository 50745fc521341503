//! The share file over the data channel: a first frame that says how long the file is and
//! what its SHA-256 is, then numbered pieces, then the receiver's word that all arrived.
//!
//! ```text
//! start:    'K' version 0x01 length[4] sha256[32]
//! piece:    0x02 index[4] bytes…            (at most PIECE_BYTES bytes)
//! received: 0x03                            (sent back once the file checks out)
//! ```
//!
//! A receiver hands on the file only when every piece has come, in order, and the whole
//! matches its digest: a peer that sends garbage or stops half-way leaves nothing behind.

use std::fmt;

use sha2::{Digest, Sha256};

use crate::share::MAX_FILE_BYTES;

const MAGIC: u8 = b'K';
/// The layout above; a peer on another one is refused with a clear word.
pub const VERSION: u8 = 1;
const START: u8 = 1;
const PIECE: u8 = 2;
const RECEIVED: u8 = 3;
/// Each piece's bytes: 16 KiB, a message size every browser's data channel takes.
pub const PIECE_BYTES: usize = 16 * 1024;

/// The frames that carry `file`, in the order they are to be sent.
pub fn frames(file: &str) -> impl Iterator<Item = Vec<u8>> + '_ {
    let bytes = file.as_bytes();
    let mut start = vec![MAGIC, VERSION, START];
    start.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
    start.extend_from_slice(&Sha256::digest(bytes));
    std::iter::once(start).chain(bytes.chunks(PIECE_BYTES).enumerate().map(|(i, chunk)| {
        let mut frame = Vec::with_capacity(5 + chunk.len());
        frame.push(PIECE);
        frame.extend_from_slice(&(i as u32).to_be_bytes());
        frame.extend_from_slice(chunk);
        frame
    }))
}

/// The frame a receiver sends back once the whole file has arrived and checks out.
pub fn received_frame() -> Vec<u8> {
    vec![RECEIVED]
}

/// Whether a frame is the other side's word that everything arrived.
pub fn is_received(frame: &[u8]) -> bool {
    frame == [RECEIVED]
}

/// Why what came over the channel is not taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferProblem {
    /// The first frame is not Kindred's: the other side is not Kindred.
    NotKindred,
    /// The other side frames in another version of this layout.
    OtherVersion(u8),
    /// The file announced is larger than any share file Kindred takes in.
    TooLarge { bytes: u64 },
    /// A frame out of place: a piece out of order, past the announced length, a second start.
    OutOfOrder,
    /// Everything arrived but it is not what was announced, or not text.
    Damaged,
    /// The channel closed before the whole file arrived.
    StoppedHalfWay { received: u64, expected: u64 },
}

impl fmt::Display for TransferProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// What a receiver has after a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Bytes received of the announced length (0 of 0 before the start frame).
    Receiving { received: u64, expected: u64 },
    /// The whole file, checked.
    Complete(String),
}

/// Puts a file together from frames, refusing anything out of place. After a problem or a
/// complete file, it takes nothing more.
#[derive(Debug, Default)]
pub struct Receiver {
    announced: Option<(u64, [u8; 32])>,
    bytes: Vec<u8>,
    next_piece: u32,
    finished: bool,
}

impl Receiver {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the next frame in.
    pub fn push(&mut self, frame: &[u8]) -> Result<Progress, TransferProblem> {
        let progress = self.take(frame);
        if !matches!(progress, Ok(Progress::Receiving { .. })) {
            self.finished = true;
            self.bytes = Vec::new();
        }
        progress
    }

    fn take(&mut self, frame: &[u8]) -> Result<Progress, TransferProblem> {
        if self.finished {
            return Err(TransferProblem::OutOfOrder);
        }
        let Some((expected, digest)) = self.announced else {
            return self.start(frame);
        };
        let [PIECE, i0, i1, i2, i3, data @ ..] = frame else {
            return Err(TransferProblem::OutOfOrder);
        };
        let index = u32::from_be_bytes([*i0, *i1, *i2, *i3]);
        let past_end = self.bytes.len() as u64 + data.len() as u64 > expected;
        if index != self.next_piece || data.len() > PIECE_BYTES || data.is_empty() || past_end {
            return Err(TransferProblem::OutOfOrder);
        }
        self.next_piece += 1;
        self.bytes.extend_from_slice(data);
        if (self.bytes.len() as u64) < expected {
            return Ok(self.progress());
        }
        self.finish(digest)
    }

    fn start(&mut self, frame: &[u8]) -> Result<Progress, TransferProblem> {
        let [MAGIC, version, rest @ ..] = frame else {
            return Err(TransferProblem::NotKindred);
        };
        if *version != VERSION {
            return Err(TransferProblem::OtherVersion(*version));
        }
        let [START, l0, l1, l2, l3, digest @ ..] = rest else {
            return Err(TransferProblem::NotKindred);
        };
        let digest: [u8; 32] = digest.try_into().map_err(|_| TransferProblem::NotKindred)?;
        let expected = u64::from(u32::from_be_bytes([*l0, *l1, *l2, *l3]));
        if expected > MAX_FILE_BYTES {
            return Err(TransferProblem::TooLarge { bytes: expected });
        }
        self.announced = Some((expected, digest));
        self.bytes.reserve(expected as usize);
        if expected == 0 {
            return self.finish(digest);
        }
        Ok(self.progress())
    }

    fn finish(&mut self, digest: [u8; 32]) -> Result<Progress, TransferProblem> {
        if Sha256::digest(&self.bytes)[..] != digest {
            return Err(TransferProblem::Damaged);
        }
        let bytes = std::mem::take(&mut self.bytes);
        String::from_utf8(bytes)
            .map(Progress::Complete)
            .map_err(|_| TransferProblem::Damaged)
    }

    fn progress(&self) -> Progress {
        Progress::Receiving {
            received: self.bytes.len() as u64,
            expected: self.announced.map_or(0, |(e, _)| e),
        }
    }

    /// The channel closed: fine once the file is complete, otherwise says how far it got.
    /// What arrived is dropped either way.
    pub fn closed(&mut self) -> Result<(), TransferProblem> {
        let result = match (self.finished, self.progress()) {
            (true, _) => Ok(()),
            (false, Progress::Receiving { received, expected }) => {
                Err(TransferProblem::StoppedHalfWay { received, expected })
            }
            (false, Progress::Complete(_)) => unreachable!("progress is never complete"),
        };
        self.finished = true;
        self.bytes = Vec::new();
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A share file as Kindred writes it, large enough for many pieces, with Chinese text
    /// whose characters fall across piece boundaries.
    fn large_file() -> String {
        let records: Vec<String> = (0..3000)
            .map(|i| format!(r#"{{"name":"陳太太 {i}","can_help_with":"買餸 shopping"}}"#))
            .collect();
        format!(
            r#"{{"format":"kindred-share","helpers":[{}]}}"#,
            records.join(",")
        )
    }

    fn receive_all(frames: impl IntoIterator<Item = Vec<u8>>) -> Result<Progress, TransferProblem> {
        let mut receiver = Receiver::new();
        let mut last = Ok(Progress::Receiving {
            received: 0,
            expected: 0,
        });
        for frame in frames {
            last = receiver.push(&frame);
            if !matches!(last, Ok(Progress::Receiving { .. })) {
                break;
            }
        }
        last
    }

    #[test]
    fn a_large_file_arrives_whole_in_pieces() {
        let file = large_file();
        let frames: Vec<Vec<u8>> = frames(&file).collect();
        assert!(frames.len() > 10, "{} frames", frames.len());
        assert!(frames.iter().all(|f| f.len() <= PIECE_BYTES + 5));
        let mut receiver = Receiver::new();
        for (i, frame) in frames.iter().enumerate() {
            match receiver.push(frame).unwrap() {
                Progress::Receiving { received, expected } => {
                    assert!(i < frames.len() - 1);
                    assert_eq!(expected, file.len() as u64);
                    assert!(received < expected);
                }
                Progress::Complete(text) => {
                    assert_eq!(i, frames.len() - 1);
                    assert_eq!(text, file);
                }
            }
        }
        assert_eq!(receiver.closed(), Ok(()));
    }

    #[test]
    fn an_empty_file_is_complete_at_once() {
        assert_eq!(
            receive_all(frames("")),
            Ok(Progress::Complete(String::new()))
        );
    }

    #[test]
    fn a_peer_that_stops_half_way_leaves_nothing() {
        let file = large_file();
        let mut receiver = Receiver::new();
        for frame in frames(&file).take(4) {
            receiver.push(&frame).unwrap();
        }
        assert_eq!(
            receiver.closed(),
            Err(TransferProblem::StoppedHalfWay {
                received: 3 * PIECE_BYTES as u64,
                expected: file.len() as u64
            })
        );
        assert!(receiver.bytes.is_empty(), "what arrived is dropped");
        assert_eq!(
            receiver.push(&[PIECE, 0, 0, 0, 3, 1]),
            Err(TransferProblem::OutOfOrder)
        );
        assert_eq!(
            Receiver::new().closed(),
            Err(TransferProblem::StoppedHalfWay {
                received: 0,
                expected: 0
            })
        );
    }

    #[test]
    fn garbage_is_refused_and_nothing_is_handed_on() {
        assert_eq!(
            receive_all([b"hello".to_vec()]),
            Err(TransferProblem::NotKindred)
        );
        assert_eq!(receive_all([vec![]]), Err(TransferProblem::NotKindred));
        assert_eq!(
            receive_all([vec![MAGIC, 9, START]]),
            Err(TransferProblem::OtherVersion(9))
        );
        let file = large_file();
        let good: Vec<Vec<u8>> = frames(&file).collect();

        let mut skipped = good.clone();
        skipped.remove(2);
        assert_eq!(receive_all(skipped), Err(TransferProblem::OutOfOrder));

        let mut twice = good.clone();
        twice.insert(2, good[1].clone());
        assert_eq!(receive_all(twice), Err(TransferProblem::OutOfOrder));

        let mut flipped = good.clone();
        flipped[3][100] ^= 1;
        assert_eq!(receive_all(flipped), Err(TransferProblem::Damaged));

        let mut overlong = good.clone();
        overlong.last_mut().unwrap().push(b'x');
        assert_eq!(receive_all(overlong), Err(TransferProblem::OutOfOrder));

        let mut restart = good.clone();
        restart.insert(1, good[0].clone());
        assert_eq!(receive_all(restart), Err(TransferProblem::OutOfOrder));
    }

    #[test]
    fn a_file_larger_than_kindred_takes_in_is_refused_at_its_first_frame() {
        let mut start = frames("x").next().unwrap();
        start[3..7].copy_from_slice(&(MAX_FILE_BYTES as u32 + 1).to_be_bytes());
        assert_eq!(
            receive_all([start]),
            Err(TransferProblem::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
    }

    #[test]
    fn bytes_that_are_not_text_are_refused_even_with_the_right_digest() {
        let bytes = [0xff, 0xfe, 0x00];
        let mut start = vec![MAGIC, VERSION, START];
        start.extend_from_slice(&3u32.to_be_bytes());
        start.extend_from_slice(&Sha256::digest(bytes));
        let mut piece = vec![PIECE, 0, 0, 0, 0];
        piece.extend_from_slice(&bytes);
        assert_eq!(receive_all([start, piece]), Err(TransferProblem::Damaged));
    }

    #[test]
    fn the_word_that_all_arrived_is_not_mistaken_for_a_frame_of_the_file() {
        assert!(is_received(&received_frame()));
        assert!(!frames("x").any(|f| is_received(&f)));
    }
}
