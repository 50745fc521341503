//! The page's side of the QR reader, a Web Worker with its own wasm (`qr-reader/`): started
//! when a scan first needs it, so its code is fetched then and not with the page; sent one
//! camera frame at a time; its answer awaited while the page goes on.

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use kindred_qr_reader::protocol;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Worker;

/// The reader did not start (its files did not load, or its wasm did not compile) or stopped
/// answering (it crashed), in the browser's words, for the console.
#[derive(Debug)]
pub struct ReaderFailed(pub String);

/// A started worker. Dropping it stops the worker.
pub struct Reader {
    worker: Worker,
    /// Settles with the worker's first message, `ready` or `failed`. Set up as the worker is
    /// made: a message that comes before the page listens is lost.
    started: Promise,
}

/// What the worker found in one frame.
pub struct Answer {
    /// The QR code's bytes, if the frame held one.
    pub code: Option<Vec<u8>>,
    /// How long the worker spent on the frame.
    pub decode_ms: Option<f64>,
}

impl Reader {
    /// Makes the worker, which starts fetching its code at once; [`Reader::ready`] waits for it.
    pub fn spawn() -> Result<Reader, ReaderFailed> {
        let worker = Worker::new(protocol::WORKER_SCRIPT).map_err(failure)?;
        let started = next_message(&worker);
        Ok(Reader { worker, started })
    }

    /// Waits until the worker can read frames.
    pub async fn ready(&self) -> Result<(), ReaderFailed> {
        let first = data(
            &JsFuture::from(self.started.clone())
                .await
                .map_err(failure)?,
        );
        if field(&first, protocol::READY).is_truthy() {
            Ok(())
        } else {
            let why = field(&first, protocol::FAILED).as_string();
            Err(ReaderFailed(
                why.unwrap_or_else(|| "no word from the worker".into()),
            ))
        }
    }

    /// Sends one frame of RGBA `pixels`, which move to the worker (the buffer is empty here
    /// afterwards): the returned future is its answer. One frame at a time: the next is sent
    /// only once this one is answered.
    pub fn send(
        &self,
        width: u32,
        height: u32,
        pixels: &ArrayBuffer,
    ) -> Result<PendingAnswer, ReaderFailed> {
        let frame = Object::new();
        for (name, value) in [
            (protocol::WIDTH, JsValue::from(width)),
            (protocol::HEIGHT, JsValue::from(height)),
            (protocol::PIXELS, pixels.into()),
        ] {
            Reflect::set(&frame, &name.into(), &value).map_err(failure)?;
        }
        // Listening before sending, so that the answer cannot come first.
        let answer = next_message(&self.worker);
        self.worker
            .post_message_with_transfer(&frame, &Array::of1(pixels))
            .map_err(failure)?;
        Ok(PendingAnswer(JsFuture::from(answer)))
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The worker's answer to a frame sent, not yet come.
pub struct PendingAnswer(JsFuture);

impl PendingAnswer {
    pub async fn answer(self) -> Result<Answer, ReaderFailed> {
        let reply = data(&self.0.await.map_err(failure)?);
        let code = field(&reply, protocol::CODE);
        Ok(Answer {
            code: (!code.is_null() && !code.is_undefined())
                .then(|| Uint8Array::new(&code).to_vec()),
            decode_ms: field(&reply, protocol::DECODE_MS).as_f64(),
        })
    }
}

/// The worker's next message event; rejected with its next error (a script that did not
/// load, or the worker crashing).
fn next_message(worker: &Worker) -> Promise {
    Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    })
}

/// What a message event carries.
fn data(event: &JsValue) -> JsValue {
    field(event, "data")
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The browser's words for a failure: an error's message, or the event's type (a worker
/// script that did not load gives a bare `error` event).
fn failure(error: JsValue) -> ReaderFailed {
    let words = ["message", "type"]
        .into_iter()
        .find_map(|name| field(&error, name).as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"));
    ReaderFailed(words)
}
