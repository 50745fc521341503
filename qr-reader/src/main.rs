//! The QR reader's Web Worker: answers each frame the page posts with the code in it, if any
//! (the messages: `protocol`). Natively there is nothing to run; the reading itself is in the
//! library, tested natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Object, Reflect, Uint8Array};
    use kindred_qr_reader::protocol;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let performance = scope.performance();
    let replies = scope.clone();
    let on_frame = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let started = performance.as_ref().map(|p| p.now());
        let frame = event.data();
        let field = |name: &str| Reflect::get(&frame, &name.into()).unwrap_or(JsValue::NULL);
        let width = field(protocol::WIDTH).as_f64().unwrap_or(0.0) as usize;
        let height = field(protocol::HEIGHT).as_f64().unwrap_or(0.0) as usize;
        let pixels = field(protocol::PIXELS);
        let code = if pixels.is_instance_of::<js_sys::ArrayBuffer>() {
            kindred_qr_reader::read_code(width, height, &Uint8Array::new(&pixels).to_vec())
        } else {
            None
        };
        let reply = Object::new();
        let code = code.map_or(JsValue::NULL, |bytes| Uint8Array::from(&bytes[..]).into());
        let _ = Reflect::set(&reply, &protocol::CODE.into(), &code);
        if let (Some(performance), Some(started)) = (&performance, started) {
            let spent = JsValue::from(performance.now() - started);
            let _ = Reflect::set(&reply, &protocol::DECODE_MS.into(), &spent);
        }
        let _ = replies.post_message(&reply);
    });
    scope.set_onmessage(Some(on_frame.as_ref().unchecked_ref()));
    on_frame.forget();
    // Messages that came before this handler was set are lost (the wasm loads asynchronously),
    // so the page waits for this word before it sends a frame.
    let ready = Object::new();
    let _ = Reflect::set(&ready, &protocol::READY.into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
