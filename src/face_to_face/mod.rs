//! Face to face on the Share screen: this phone shows a code, the other scans it and shows
//! its answer, this phone scans that, and the two exchange their share files over a WebRTC
//! data channel between them. What arrives goes to the usual import preview.
//!
//! The camera and WebRTC live here and nowhere else, so that this part could be loaded
//! only when someone uses it. The codes, descriptions and framing are in
//! `kindred_core::face_to_face`.

mod camera;
mod peer;
mod reader;

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use kindred_core::face_to_face::code::{CodeProblem, PairingCode, Setup, Step};
use kindred_core::face_to_face::comparison::comparison_code;
use kindred_core::face_to_face::framing::{self, Progress, Receiver};
use kindred_core::face_to_face::{sdp, what_to_send, ANSWER_WAIT_MS, CONNECT_TIMEOUT_MS};
use kindred_core::qr::Modules;
use kindred_core::share::{self, ExportChoice};
use leptos::prelude::*;
use web_sys::MediaStream;

use crate::clock;
use crate::state::AppState;
use crate::text;
use camera::CameraProblem;
use peer::{sleep, Peer};
use reader::{Reader, ReaderFailed};

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where this phone is in a pairing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    /// Asking for the camera and making this phone's first code.
    Preparing,
    /// Showing this phone's first code, to scan the answer next.
    ShowingOpening,
    /// The camera is on, reading the other phone's code.
    Scanning,
    /// Making this phone's answer to a code it read.
    Answering,
    /// Showing the answer, for the first phone to scan.
    ShowingAnswer,
    /// Both codes read: the two phones are reaching for each other.
    Connecting,
    Exchanging,
    /// Both files went across.
    Done,
}

/// This phone's side of one pairing.
struct Session {
    peer: Peer,
    /// The pairing id and this phone's fingerprint, on the phone that showed the first code.
    opening: Option<([u8; 4], [u8; 32])>,
    receiver: RefCell<Receiver>,
    received_all: Cell<bool>,
    other_received_all: Cell<bool>,
}

/// This phone's code as shown: the drawing and the same code as text.
#[derive(Debug, Clone, PartialEq)]
struct OwnCode {
    modules: Modules,
    text: String,
}

/// Everything the face-to-face part keeps, and what it does. Copy, like the signals in it.
#[derive(Clone, Copy)]
struct Pairing {
    state: AppState,
    choice: Signal<ExportChoice>,
    on_file: Callback<String>,
    phase: RwSignal<Phase>,
    own_code: RwSignal<Option<OwnCode>>,
    comparison: RwSignal<Option<String>>,
    problem: RwSignal<Option<String>>,
    camera_problem: RwSignal<Option<CameraProblem>>,
    /// Counts pairings: work begun for an earlier one sees it is stale and stops.
    generation: StoredValue<u32>,
    session: StoredValue<Option<Rc<Session>>, LocalStorage>,
    camera: StoredValue<Option<MediaStream>, LocalStorage>,
    /// The QR reader's worker, started by the first scan and kept for the next ones until the
    /// Share screen is left.
    reader: StoredValue<Option<Rc<Reader>>, LocalStorage>,
    video: NodeRef<leptos::html::Video>,
}

impl Pairing {
    /// Ends what was going on and returns the new pairing's number.
    fn begin(self) -> u32 {
        let generation = self.generation.try_get_value().unwrap_or_default() + 1;
        self.generation.set_value(generation);
        self.end_session();
        self.stop_camera();
        self.own_code.set(None);
        self.comparison.set(None);
        self.problem.set(None);
        generation
    }

    /// Whether `generation` is still the pairing going on. Not once the Share screen is
    /// left: work still under way then stops before it reads anything of the screen's.
    fn current(self, generation: u32) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    fn end_session(self) {
        if let Some(session) = self.session.try_update_value(Option::take).flatten() {
            session.peer.close();
        }
    }

    fn stop_camera(self) {
        if let Some(stream) = self.camera.try_update_value(Option::take).flatten() {
            camera::stop(&stream);
        }
    }

    /// Stops everything and says why.
    fn fail(self, message: String) {
        self.begin();
        self.phase.set(Phase::Idle);
        self.problem.set(Some(message));
    }

    /// A code that cannot be used here: says why, and waits for the right one.
    fn refuse(self, message: String) {
        self.stop_camera();
        self.problem.set(Some(message));
        self.phase.set(self.waiting_phase());
    }

    /// What this phone waits for when no code is being read.
    fn waiting_phase(self) -> Phase {
        let opening = self
            .session
            .with_value(|s| s.as_ref().is_some_and(|s| s.opening.is_some()));
        if opening {
            Phase::ShowingOpening
        } else {
            Phase::Idle
        }
    }

    fn show(self, code: &PairingCode) -> Result<(), Failure> {
        let modules = code
            .to_qr()
            .map_err(|_| Failure::Other("code too long".into()))?;
        let text = code.to_text().map_err(|p| Failure::Other(p.to_string()))?;
        self.own_code.set(Some(OwnCode { modules, text }));
        Ok(())
    }

    /// `Start face-to-face sync`: this phone's first code. The camera is asked for first:
    /// with it granted, the browser gathers its real addresses rather than mDNS names.
    async fn start(self) {
        let generation = self.begin();
        self.camera_problem.set(None);
        self.phase.set(Phase::Preparing);
        let stream = match camera::open().await {
            Ok(stream) => Some(stream),
            Err(problem) => {
                self.camera_problem.set(Some(problem));
                None
            }
        };
        let made = self.make_opening(generation).await;
        if let Some(stream) = stream {
            camera::stop(&stream);
        }
        if let Err(why) = made {
            leptos::logging::warn!("face to face: {}", why.detail());
            if self.current(generation) {
                self.fail(why.message());
            }
        }
    }

    async fn make_opening(self, generation: u32) -> Result<(), Failure> {
        let peer = Peer::new()?;
        let offer = peer.offer().await?;
        if !self.current(generation) {
            return Ok(());
        }
        let local = sdp::read_local(&offer)?;
        let pairing = crate::lock::random_bytes::<4>();
        let fingerprint = local.endpoint.fingerprint;
        let code = PairingCode {
            step: Step::Opening,
            pairing,
            endpoint: local.endpoint,
        };
        self.show(&code)?;
        self.open_session(generation, peer, Some((pairing, fingerprint)));
        self.phase.set(Phase::ShowingOpening);
        Ok(())
    }

    /// The QR reader's worker: the one this screen started, or a new one, whose code starts
    /// loading now.
    fn reader(self) -> Result<Rc<Reader>, ReaderFailed> {
        if let Some(reader) = self.reader.try_get_value().flatten() {
            return Ok(reader);
        }
        let reader = Rc::new(Reader::spawn()?);
        self.reader.set_value(Some(reader.clone()));
        Ok(reader)
    }

    /// `Scan a code`: the camera, until it reads a QR code.
    async fn scan(self) {
        let generation = if self.phase.get_untracked() == Phase::ShowingOpening {
            self.generation.get_value()
        } else {
            self.begin()
        };
        self.problem.set(None);
        // Loading alongside the camera, which takes a moment to start too.
        let reader = self.reader();
        let stream = match camera::open().await {
            Ok(stream) => stream,
            Err(problem) => {
                self.camera_problem.set(Some(problem));
                return;
            }
        };
        if !self.current(generation) {
            camera::stop(&stream);
            return;
        }
        self.camera_problem.set(None);
        self.camera.set_value(Some(stream.clone()));
        self.phase.set(Phase::Scanning);
        let Some(video) = self.video.get_untracked() else {
            return;
        };
        let keep_going =
            move || self.current(generation) && self.phase.get_untracked() == Phase::Scanning;
        let read = match reader {
            Ok(reader) => camera::read_code(&video, &stream, &reader, keep_going).await,
            Err(why) => Err(why),
        };
        match read {
            Ok(Some(bytes)) if self.current(generation) => {
                self.take(generation, PairingCode::from_bytes(&bytes)).await
            }
            Ok(_) => {}
            Err(ReaderFailed(why)) => {
                leptos::logging::warn!("face to face: the QR reader: {why}");
                // The next scan starts a new one: the files may load then.
                self.reader.try_set_value(None);
                if self.current(generation) {
                    self.stop_camera();
                    self.phase.set(self.waiting_phase());
                    self.camera_problem.set(Some(CameraProblem::NoReader));
                }
            }
        }
    }

    /// A code read or pasted: what to do with it depends on whether this phone showed the
    /// first code.
    async fn take(self, generation: u32, code: Result<PairingCode, CodeProblem>) {
        let code = match code {
            Ok(code) => code,
            Err(problem) => return self.refuse(text::pairing_code_refused(&problem)),
        };
        let opening = self
            .session
            .with_value(|s| s.as_ref().and_then(|s| s.opening));
        match (opening, code.step) {
            (None, Step::Opening) => self.answer(code).await,
            (None, Step::Answer(_)) => self.refuse(text::ftf_expected_opening().into()),
            (Some((_, own)), _) if code.endpoint.fingerprint == own => {
                self.refuse(text::ftf_own_code().into())
            }
            (Some(_), Step::Opening) => self.refuse(text::ftf_expected_answer().into()),
            (Some((pairing, _)), Step::Answer(_)) if code.pairing != pairing => {
                self.refuse(text::ftf_older_pairing().into())
            }
            (Some((_, own)), Step::Answer(_)) => {
                self.stop_camera();
                self.accept(generation, own, code).await
            }
        }
    }

    /// The second phone: answers the first phone's code and shows the answer. The camera
    /// stays on until the answer is gathered, for the same reason as in [`Pairing::start`].
    async fn answer(self, opening: PairingCode) {
        let stream = self.camera.try_update_value(Option::take).flatten();
        let generation = self.begin();
        self.phase.set(Phase::Answering);
        let made = self.make_answer(generation, &opening).await;
        if let Some(stream) = stream {
            camera::stop(&stream);
        }
        match made {
            Ok(()) => {
                leptos::task::spawn_local(self.give_up_after(generation, ANSWER_WAIT_MS));
            }
            Err(why) => {
                leptos::logging::warn!("face to face: {}", why.detail());
                if self.current(generation) {
                    self.fail(why.message());
                }
            }
        }
    }

    async fn make_answer(self, generation: u32, opening: &PairingCode) -> Result<(), Failure> {
        let peer = Peer::new()?;
        let answer = peer.answer(&sdp::rebuild(opening)).await?;
        if !self.current(generation) {
            return Ok(());
        }
        let local = sdp::read_local(&answer)?;
        let code = PairingCode {
            step: Step::Answer(local.setup.unwrap_or(Setup::Active)),
            pairing: opening.pairing,
            endpoint: local.endpoint,
        };
        self.show(&code)?;
        self.comparison.set(Some(comparison_code(
            &opening.endpoint.fingerprint,
            &code.endpoint.fingerprint,
        )));
        self.open_session(generation, peer, None);
        self.phase.set(Phase::ShowingAnswer);
        Ok(())
    }

    /// The first phone, with the answer read: the two can now connect.
    async fn accept(self, generation: u32, own: [u8; 32], answer: PairingCode) {
        let Some(session) = self.session.get_value() else {
            return;
        };
        self.own_code.set(None);
        self.comparison
            .set(Some(comparison_code(&own, &answer.endpoint.fingerprint)));
        self.phase.set(Phase::Connecting);
        if let Err(why) = session.peer.accept(&sdp::rebuild(&answer)).await {
            let why = js_error(why);
            leptos::logging::warn!("face to face: {why}");
            if self.current(generation) {
                self.fail(text::ftf_failed().into());
            }
            return;
        }
        leptos::task::spawn_local(self.give_up_after(generation, CONNECT_TIMEOUT_MS));
    }

    /// Says the phones cannot reach each other if the channel is not open after `ms`.
    async fn give_up_after(self, generation: u32, ms: u32) {
        sleep(ms).await;
        let waiting = || {
            matches!(
                self.phase.get_untracked(),
                Phase::ShowingAnswer | Phase::Connecting
            )
        };
        if self.current(generation) && waiting() {
            self.fail(text::ftf_no_connection().into());
        }
    }

    fn open_session(self, generation: u32, peer: Peer, opening: Option<([u8; 4], [u8; 32])>) {
        let session = Rc::new(Session {
            peer,
            opening,
            receiver: RefCell::new(Receiver::new()),
            received_all: Cell::new(false),
            other_received_all: Cell::new(false),
        });
        // The handlers hold the session weakly: it owns them through its peer.
        let weak = Rc::downgrade(&session);
        let on_frame = {
            let weak = weak.clone();
            move |frame: Vec<u8>| self.on_frame(generation, &weak, &frame)
        };
        let on_open = {
            let weak = weak.clone();
            move || self.on_open(generation, &weak)
        };
        session
            .peer
            .on_events(on_open, on_frame, move || self.on_end(generation, &weak));
        self.session.set_value(Some(session));
    }

    /// The channel is open: this phone sends its file.
    fn on_open(self, generation: u32, session: &Weak<Session>) {
        let Some(session) = session.upgrade().filter(|_| self.current(generation)) else {
            return;
        };
        self.own_code.set(None);
        self.phase.set(Phase::Exchanging);
        let file = self.state.model.with_untracked(|m| {
            share::to_json(&share::export(
                m,
                what_to_send(self.choice.get_untracked()),
                clock::now(),
                APP_VERSION,
            ))
        });
        leptos::task::spawn_local(async move {
            if let Err(why) = session.peer.send_all(framing::frames(&file)).await {
                leptos::logging::warn!("face to face: {}", js_error(why));
            }
        });
    }

    fn on_frame(self, generation: u32, session: &Weak<Session>, frame: &[u8]) {
        let Some(session) = session.upgrade().filter(|_| self.current(generation)) else {
            return;
        };
        if framing::is_received(frame) {
            session.other_received_all.set(true);
            return self.finish_when_both_done(generation, &session);
        }
        let progress = session.receiver.borrow_mut().push(frame);
        match progress {
            Ok(Progress::Receiving { .. }) => {}
            Ok(Progress::Complete(file)) => {
                session.received_all.set(true);
                session.peer.send(&framing::received_frame());
                self.on_file.run(file);
                self.finish_when_both_done(generation, &session);
            }
            Err(problem) => {
                leptos::logging::warn!("face to face: {problem}");
                self.fail(text::ftf_garbage().into());
            }
        }
    }

    fn finish_when_both_done(self, generation: u32, session: &Session) {
        if !(session.received_all.get() && session.other_received_all.get()) {
            return;
        }
        self.phase.set(Phase::Done);
        // The word that all arrived may still be on its way to the other phone: the
        // connection closes a moment later.
        leptos::task::spawn_local(async move {
            sleep(1_000).await;
            if self.current(generation) {
                self.end_session();
            }
        });
    }

    /// The channel closed or the connection failed.
    fn on_end(self, generation: u32, session: &Weak<Session>) {
        let Some(session) = session.upgrade().filter(|_| self.current(generation)) else {
            return;
        };
        match self.phase.get_untracked() {
            Phase::Exchanging => {
                if session.receiver.borrow_mut().closed().is_err() {
                    self.fail(text::ftf_stopped().into());
                } else {
                    self.phase.set(Phase::Done);
                    self.end_session();
                }
            }
            Phase::ShowingAnswer | Phase::Connecting => self.fail(text::ftf_no_connection().into()),
            _ => {}
        }
    }

    fn stop(self) {
        self.begin();
        self.phase.set(Phase::Idle);
    }
}

/// Why this phone could not make its code.
#[derive(Debug)]
enum Failure {
    /// The browser found no address to offer: no network at all.
    NoAddress,
    /// Anything else, in the browser's words, for the console.
    Other(String),
}

impl Failure {
    /// For the console, where someone helping can read it.
    fn detail(&self) -> &str {
        match self {
            Failure::NoAddress => "the browser gathered no address",
            Failure::Other(why) => why,
        }
    }

    fn message(&self) -> String {
        match self {
            Failure::NoAddress => text::ftf_no_connection().into(),
            Failure::Other(_) => text::ftf_failed().into(),
        }
    }
}

impl From<wasm_bindgen::JsValue> for Failure {
    fn from(error: wasm_bindgen::JsValue) -> Self {
        Failure::Other(js_error(error))
    }
}

impl From<sdp::SdpProblem> for Failure {
    fn from(problem: sdp::SdpProblem) -> Self {
        match problem {
            sdp::SdpProblem::NoAddress => Failure::NoAddress,
            other => Failure::Other(format!("{other:?}")),
        }
    }
}

fn js_error(error: wasm_bindgen::JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{error:?}"))
}

#[component]
pub fn FaceToFace(
    /// What the export choices say to share.
    choice: Signal<ExportChoice>,
    /// Called with the share file the other phone sent, for the import preview.
    on_file: Callback<String>,
) -> impl IntoView {
    let pairing = Pairing {
        state: expect_context::<AppState>(),
        choice,
        on_file,
        phase: RwSignal::new(Phase::Idle),
        own_code: RwSignal::new(None),
        comparison: RwSignal::new(None),
        problem: RwSignal::new(None),
        camera_problem: RwSignal::new(None),
        generation: StoredValue::new(0),
        session: StoredValue::new_local(None),
        camera: StoredValue::new_local(None),
        reader: StoredValue::new_local(None),
        video: NodeRef::new(),
    };
    on_cleanup(move || {
        pairing.begin();
        pairing.reader.try_set_value(None);
    });
    let phase = pairing.phase;
    let paste = RwSignal::new(String::new());
    let can_scan = move || {
        matches!(
            phase.get(),
            Phase::Idle | Phase::ShowingOpening | Phase::Done
        )
    };
    let active = move || !matches!(phase.get(), Phase::Idle | Phase::Done);
    let use_pasted = move |_| {
        let code = PairingCode::from_text(&paste.get_untracked());
        let generation = pairing.generation.get_value();
        pairing.problem.set(None);
        leptos::task::spawn_local(pairing.take(generation, code));
    };
    let status = move || match phase.get() {
        Phase::Idle => None,
        Phase::Preparing => Some(text::ftf_preparing()),
        Phase::ShowingOpening => Some(text::ftf_show_opening()),
        Phase::Scanning => Some(text::ftf_scanning()),
        Phase::Answering => Some(text::ftf_reading()),
        Phase::ShowingAnswer => Some(text::ftf_show_answer()),
        Phase::Connecting => Some(text::ftf_connecting()),
        Phase::Exchanging => Some(text::ftf_exchanging()),
        Phase::Done => Some(text::ftf_received()),
    };

    view! {
        <section aria-labelledby="face-to-face-heading" class="face-to-face">
            <h2 id="face-to-face-heading">{text::face_to_face_heading()}</h2>
            <p class="hint">{text::face_to_face_hint()}</p>
            <div class="actions">
                <button class="primary" on:click=move |_| leptos::task::spawn_local(pairing.start())>
                    {text::start_face_to_face()}
                </button>
                <Show when=can_scan>
                    <button on:click=move |_| leptos::task::spawn_local(pairing.scan())>{text::scan_a_code()}</button>
                </Show>
                <Show when=active>
                    <button on:click=move |_| pairing.stop()>{text::stop_face_to_face()}</button>
                </Show>
            </div>
            <p role="status">{status}</p>
            {move || {
                pairing
                    .problem
                    .get()
                    .map(|message| {
                        view! {
                            <div class="alert" role="alert">
                                <p>{message}</p>
                                <div class="actions">
                                    <button class="quiet" on:click=move |_| pairing.problem.set(None)>{text::dismiss()}</button>
                                </div>
                            </div>
                        }
                    })
            }}
            {move || {
                pairing
                    .camera_problem
                    .get()
                    .map(|problem| {
                        let message = match problem {
                            CameraProblem::Refused => text::ftf_camera_refused(),
                            CameraProblem::Absent => text::ftf_camera_absent(),
                            CameraProblem::NoReader => text::ftf_reader_failed(),
                        };
                        view! {
                            <div class="alert" role="alert">
                                <p>{message}</p>
                                <div class="actions">
                                    <button class="quiet" on:click=move |_| pairing.camera_problem.set(None)>{text::dismiss()}</button>
                                </div>
                            </div>
                        }
                    })
            }}
            {move || {
                pairing
                    .comparison
                    .get()
                    .map(|code| {
                        view! {
                            <div class="comparison" role="status" aria-labelledby="comparison-label">
                                <p id="comparison-label">{text::ftf_compare()}</p>
                                <p class="comparison-code">{code}</p>
                            </div>
                        }
                    })
            }}
            {move || pairing.own_code.get().map(|code| view! { <ShownCode code /> })}
            <video
                class="camera"
                node_ref=pairing.video
                aria-label=text::ftf_camera()
                prop:muted=true
                playsinline
                hidden=move || phase.get() != Phase::Scanning
            ></video>
            <Show when=can_scan>
                <details class="paste-code" prop:open=move || pairing.camera_problem.with(Option::is_some)>
                    <summary>{text::ftf_paste_summary()}</summary>
                    <div class="field">
                        <label for="paste-code">{text::ftf_paste_label()}</label>
                        <textarea
                            id="paste-code"
                            rows="3"
                            spellcheck="false"
                            prop:value=move || paste.get()
                            on:input=move |ev| paste.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                    <div class="actions">
                        <button on:click=use_pasted>{text::ftf_use_code()}</button>
                    </div>
                </details>
            </Show>
        </section>
    }
}

/// This phone's code: the QR to scan, and the same code as text to copy.
#[component]
fn ShownCode(code: OwnCode) -> impl IntoView {
    let side = code.modules.side_with_quiet_zone();
    view! {
        <figure class="qr face-to-face-code">
            <svg
                role="img"
                aria-label=text::your_code()
                viewBox=format!("0 0 {side} {side}")
                shape-rendering="crispEdges"
            >
                <rect width=side height=side class="qr-light"></rect>
                <path d=code.modules.svg_path() class="qr-dark"></path>
            </svg>
        </figure>
        <details class="code-text">
            <summary>{text::ftf_show_text()}</summary>
            <label for="own-code-text">{text::ftf_code_as_text()}</label>
            <textarea id="own-code-text" readonly rows="3" spellcheck="false" prop:value=code.text></textarea>
        </details>
    }
}
