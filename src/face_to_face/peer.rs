//! One WebRTC peer connection with its data channel, and nothing else: no STUN or TURN
//! server (`iceServers: []`), so the two phones only ever try each other's host addresses.

use std::cell::RefCell;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AddEventListenerOptions, EventTarget, MessageEvent, RtcConfiguration, RtcDataChannel,
    RtcDataChannelInit, RtcDataChannelState, RtcDataChannelType, RtcIceGatheringState,
    RtcPeerConnection, RtcPeerConnectionState, RtcSdpType, RtcSessionDescriptionInit,
};

/// How long gathering may take at most. Without servers it is host addresses only and
/// takes well under a second; a phone with a slow interface still shows what it has.
const GATHER_MS: u32 = 3_000;
/// Sending pauses while more than this waits in the channel's buffer, so that a large file
/// neither fills the memory nor trips the browser's limit on the send buffer.
const HIGH_WATER: u32 = 1024 * 1024;
/// …and goes on once the buffer is down to this.
const LOW_WATER: u32 = 256 * 1024;

struct Listener {
    target: EventTarget,
    name: &'static str,
    closure: Closure<dyn FnMut(JsValue)>,
}

pub struct Peer {
    pc: RtcPeerConnection,
    channel: RtcDataChannel,
    /// The event handlers with where they listen, kept alive until [`Peer::close`] takes
    /// them off: an event after that (the close this very call causes) then calls nothing.
    handlers: RefCell<Vec<Listener>>,
}

impl Peer {
    /// A connection with its one data channel. The channel is negotiated (both sides make
    /// it with the same id), so it needs nothing in the description beyond the template's.
    pub fn new() -> Result<Peer, JsValue> {
        let config = RtcConfiguration::new();
        config.set_ice_servers(&Array::new());
        let pc = RtcPeerConnection::new_with_configuration(&config)?;
        let init = RtcDataChannelInit::new();
        init.set_negotiated(true);
        init.set_id(0);
        init.set_ordered(true);
        let channel = pc.create_data_channel_with_data_channel_dict("kindred", &init);
        channel.set_binary_type(RtcDataChannelType::Arraybuffer);
        channel.set_buffered_amount_low_threshold(LOW_WATER);
        Ok(Peer {
            pc,
            channel,
            handlers: RefCell::new(Vec::new()),
        })
    }

    /// Makes this phone's offer and returns it once gathering is done, with its addresses.
    pub async fn offer(&self) -> Result<String, JsValue> {
        let offer = JsFuture::from(self.pc.create_offer()).await?;
        JsFuture::from(self.pc.set_local_description(offer.unchecked_ref())).await?;
        self.gathered().await
    }

    /// Takes the other phone's offer and returns this phone's answer, gathering done.
    pub async fn answer(&self, offer: &str) -> Result<String, JsValue> {
        self.set_remote(RtcSdpType::Offer, offer).await?;
        let answer = JsFuture::from(self.pc.create_answer()).await?;
        JsFuture::from(self.pc.set_local_description(answer.unchecked_ref())).await?;
        self.gathered().await
    }

    /// Takes the other phone's answer: the two then start reaching for each other.
    pub async fn accept(&self, answer: &str) -> Result<(), JsValue> {
        self.set_remote(RtcSdpType::Answer, answer).await
    }

    async fn set_remote(&self, kind: RtcSdpType, sdp: &str) -> Result<(), JsValue> {
        let description = RtcSessionDescriptionInit::new(kind);
        description.set_sdp(sdp);
        JsFuture::from(self.pc.set_remote_description(&description)).await?;
        Ok(())
    }

    async fn gathered(&self) -> Result<String, JsValue> {
        let mut waited = 0;
        while self.pc.ice_gathering_state() != RtcIceGatheringState::Complete && waited < GATHER_MS
        {
            sleep(50).await;
            waited += 50;
        }
        self.pc
            .local_description()
            .map(|d| d.sdp())
            .ok_or_else(|| JsValue::from_str("no local description"))
    }

    /// Calls `on_open` when the channel opens, `on_frame` with each message's bytes, and
    /// `on_end` when the channel closes or the connection fails.
    pub fn on_events(
        &self,
        on_open: impl FnMut() + 'static,
        on_frame: impl FnMut(Vec<u8>) + 'static,
        on_end: impl FnMut() + 'static,
    ) {
        let mut on_open = on_open;
        let mut on_frame = on_frame;
        let on_end = std::rc::Rc::new(RefCell::new(on_end));
        let on_close = on_end.clone();
        let pc = self.pc.clone();
        self.listen(&self.channel, "open", move |_| on_open());
        self.listen(&self.channel, "message", move |event| {
            let data = event.unchecked_into::<MessageEvent>().data();
            on_frame(Uint8Array::new(&data).to_vec());
        });
        self.listen(&self.channel, "close", move |_| (on_close.borrow_mut())());
        self.listen(&self.pc, "connectionstatechange", move |_| {
            if pc.connection_state() == RtcPeerConnectionState::Failed {
                (on_end.borrow_mut())();
            }
        });
    }

    fn listen(
        &self,
        target: &EventTarget,
        name: &'static str,
        handler: impl FnMut(JsValue) + 'static,
    ) {
        let closure = Closure::<dyn FnMut(JsValue)>::new(handler);
        let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        self.handlers.borrow_mut().push(Listener {
            target: target.clone(),
            name,
            closure,
        });
    }

    pub fn is_open(&self) -> bool {
        self.channel.ready_state() == RtcDataChannelState::Open
    }

    /// Sends frames in order, waiting whenever the channel's buffer is full.
    pub async fn send_all(&self, frames: impl Iterator<Item = Vec<u8>>) -> Result<(), JsValue> {
        for frame in frames {
            if self.channel.buffered_amount() > HIGH_WATER {
                event(&self.channel, "bufferedamountlow").await;
            }
            if !self.is_open() {
                return Err(JsValue::from_str("the channel closed"));
            }
            self.channel.send_with_u8_array(&frame)?;
        }
        Ok(())
    }

    pub fn send(&self, frame: &[u8]) {
        let _ = self.channel.send_with_u8_array(frame);
    }

    /// Closes the channel (what is buffered still goes) and then the connection, after
    /// taking every handler off.
    pub fn close(&self) {
        for listener in self.handlers.borrow_mut().drain(..) {
            let _ = listener.target.remove_event_listener_with_callback(
                listener.name,
                listener.closure.as_ref().unchecked_ref(),
            );
        }
        self.channel.close();
        self.pc.close();
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        self.close();
    }
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits for the next `name` event on `target`.
async fn event(target: &EventTarget, name: &str) {
    let promise = Promise::new(&mut |resolve, _| {
        let once = AddEventListenerOptions::new();
        once.set_once(true);
        let _ = target
            .add_event_listener_with_callback_and_add_event_listener_options(name, &resolve, &once);
    });
    let _ = JsFuture::from(promise).await;
}
