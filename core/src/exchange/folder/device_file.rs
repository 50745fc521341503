//! This device's file as text, written a piece at a time.
//!
//! A device file holds everything the device shares: in a neighbourhood of 10,000 records it
//! is a few megabytes, and writing it in one go holds the page longer than a person notices
//! (over 50 ms on the bench machine). It is written [`RECORDS_PER_PIECE`] records at a time
//! with a pause between pieces (see `crate::in_pieces`), and comes out exactly as
//! `serde_json::to_string` writes it: the text every other device reads with `share::parse`.

use std::future::Future;

use serde::Serialize;

use crate::in_pieces::RECORDS_PER_PIECE;
use crate::share::ShareFile;

/// A device file's text and the fingerprint of what it shares.
pub struct DeviceFileText {
    pub text: String,
    /// FNV-1a over the whole text but the time it was written: the same for two writes of
    /// the same shared data, so that an unchanged device writes nothing.
    pub fingerprint: u64,
}

/// Writes `file` as compact JSON (without the indentation of a file meant for people, which
/// makes a large file a third longer to write, lock and read), awaiting `pause` between
/// pieces.
pub async fn write<P: Future<Output = ()>>(
    file: &ShareFile,
    mut pause: impl FnMut() -> P,
) -> DeviceFileText {
    #[derive(Serialize)]
    struct Start<'a> {
        format: &'a str,
        schema: u32,
        app_version: &'a str,
    }
    let mut out = Writer::default();
    out.push(&json(&Start {
        format: &file.format,
        schema: file.schema,
        app_version: &file.app_version,
    }));
    out.text.pop(); // its closing brace: the rest of the file follows
    out.push(",\"exported_at\":");
    out.push_unfingerprinted(&json(&file.exported_at));
    out.push(",\"includes_private\":");
    out.push(&json(&file.includes_private));
    out.list("helpers", file.helpers.as_deref(), &mut pause)
        .await;
    out.list("needs", file.needs.as_deref(), &mut pause).await;
    out.list("journal", file.journal.as_deref(), &mut pause)
        .await;
    out.list("checkin_people", file.checkin_people.as_deref(), &mut pause)
        .await;
    out.list("rounds", file.rounds.as_deref(), &mut pause).await;
    out.list("marks", file.marks.as_deref(), &mut pause).await;
    out.list("offers", file.offers.as_deref(), &mut pause).await;
    out.push("}");
    out.fingerprint_so_far();
    DeviceFileText {
        text: out.text,
        fingerprint: out.fingerprint,
    }
}

struct Writer {
    text: String,
    fingerprint: u64,
    /// How much of `text` the fingerprint has taken in (or passed over).
    fingerprinted: usize,
}

impl Default for Writer {
    fn default() -> Self {
        Self {
            text: String::new(),
            fingerprint: 0xcbf2_9ce4_8422_2325,
            fingerprinted: 0,
        }
    }
}

impl Writer {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// The time of writing: two writes of the same data differ only there.
    fn push_unfingerprinted(&mut self, text: &str) {
        self.fingerprint_so_far();
        self.text.push_str(text);
        self.fingerprinted = self.text.len();
    }

    fn fingerprint_so_far(&mut self) {
        for byte in self.text.as_bytes()[self.fingerprinted..].iter() {
            self.fingerprint = (self.fingerprint ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.fingerprinted = self.text.len();
    }

    /// Appends `,"name":[…]` when the file carries the list, pausing after each full piece.
    async fn list<T: Serialize, P: Future<Output = ()>>(
        &mut self,
        name: &str,
        records: Option<&[T]>,
        pause: &mut impl FnMut() -> P,
    ) {
        let Some(records) = records else {
            return;
        };
        self.push(",\"");
        self.push(name);
        self.push("\":[");
        for (index, piece) in records.chunks(RECORDS_PER_PIECE).enumerate() {
            if index > 0 {
                self.fingerprint_so_far();
                pause().await;
            }
            for (at, record) in piece.iter().enumerate() {
                if index > 0 || at > 0 {
                    self.push(",");
                }
                self.push(&json(record));
            }
        }
        self.push("]");
    }
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("a share file always serialises")
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::model::Model;
    use crate::sample;
    use crate::share::{self, ExportChoice};

    fn file(helpers: usize, minutes_later: i64) -> ShareFile {
        let at = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
        let mut model = Model::default();
        for helper in sample::helpers(helpers, at) {
            model.helpers.put(helper, at);
        }
        for entry in sample::journal_entries(30, at.date_naive(), at) {
            model.journal.put(entry, at);
        }
        let everything = ExportChoice {
            helpers: true,
            needs: true,
            journal: true,
            check_ins: true,
            private_notes: false,
        };
        share::export(
            &model,
            everything,
            at + Duration::minutes(minutes_later),
            "1.0",
        )
    }

    /// Runs the writing to its end, counting the pauses it asks for.
    fn written(file: &ShareFile) -> (DeviceFileText, usize) {
        let mut pauses = 0;
        let text = crate::in_pieces::at_once(write(file, || {
            pauses += 1;
            std::future::ready(())
        }));
        (text, pauses)
    }

    #[test]
    fn the_text_is_what_serde_writes_and_reads_back_as_the_same_file() {
        let file = file(2_500, 0);
        let (written, _) = written(&file);
        assert_eq!(written.text, serde_json::to_string(&file).unwrap());
        let read: ShareFile = serde_json::from_str(&written.text).unwrap();
        assert_eq!(read, file);
    }

    #[test]
    fn a_large_file_is_written_in_pieces_with_a_pause_between() {
        let (_, pauses) = written(&file(2_500, 0));
        let pieces = 2_500usize.div_ceil(RECORDS_PER_PIECE);
        assert_eq!(pauses, pieces - 1, "2,500 helpers: {pieces} pieces");
        let (_, pauses) = written(&file(RECORDS_PER_PIECE - 10, 0));
        assert_eq!(pauses, 0);
    }

    #[test]
    fn the_fingerprint_ignores_when_it_was_written_and_sees_any_change() {
        let first = written(&file(10, 0)).0;
        let later = written(&file(10, 30)).0;
        assert_ne!(first.text, later.text);
        assert_eq!(first.fingerprint, later.fingerprint);

        let mut changed = file(10, 0);
        changed.helpers.as_mut().unwrap()[3].name.push('!');
        assert_ne!(written(&changed).0.fingerprint, first.fingerprint);

        let fewer = ShareFile {
            journal: None,
            ..file(10, 0)
        };
        assert_ne!(written(&fewer).0.fingerprint, first.fingerprint);
    }
}
