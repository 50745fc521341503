//! The back camera, and reading a QR code from its frames: each frame drawn to a canvas, its
//! pixels sent to the QR reader's worker (`reader`).

use js_sys::{ArrayBuffer, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, ContextAttributes2d, HtmlCanvasElement, HtmlVideoElement,
    MediaStream, MediaStreamConstraints, MediaStreamTrack, MediaTrackConstraints, Performance,
};

use super::peer::sleep;
use super::reader::{Reader, ReaderFailed};

/// Why the camera cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CameraProblem {
    /// The person (or the browser's settings) said no.
    Refused,
    /// No camera, one in use elsewhere, or a page without camera access (plain http).
    Absent,
    /// The camera works but the code reader did not start: its files did not load (a
    /// broken deployment, or the first visit cut short) or it stopped.
    NoReader,
}

/// Opens the back camera where there is one (any camera otherwise).
pub async fn open() -> Result<MediaStream, CameraProblem> {
    let navigator = leptos::prelude::window().navigator();
    // `mediaDevices` is missing outside a secure context.
    let has_devices = Reflect::get(&navigator, &"mediaDevices".into())
        .is_ok_and(|d| !d.is_undefined() && !d.is_null());
    if !has_devices {
        return Err(CameraProblem::Absent);
    }
    let devices = navigator
        .media_devices()
        .map_err(|_| CameraProblem::Absent)?;
    let video = MediaTrackConstraints::new();
    video.set_facing_mode(&JsValue::from_str("environment"));
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video);
    // A camera just let go of (by this page's last scan, or another app) can still be busy for
    // a moment: a busy camera is asked again before it is called absent.
    for attempt in 1..=CAMERA_ATTEMPTS {
        let asked = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|_| CameraProblem::Absent)?;
        match JsFuture::from(asked).await {
            Ok(stream) => return Ok(stream.unchecked_into()),
            Err(error) => {
                let name = Reflect::get(&error, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .unwrap_or_default();
                match name.as_str() {
                    "NotAllowedError" | "SecurityError" => return Err(CameraProblem::Refused),
                    "NotReadableError" | "AbortError" if attempt < CAMERA_ATTEMPTS => {
                        sleep(CAMERA_RETRY_MS).await;
                    }
                    _ => return Err(CameraProblem::Absent),
                }
            }
        }
    }
    Err(CameraProblem::Absent)
}

/// How often a busy camera is asked for, and how long apart.
const CAMERA_ATTEMPTS: u32 = 4;
const CAMERA_RETRY_MS: u32 = 500;

/// Turns the camera off.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks() {
        track.unchecked_into::<MediaStreamTrack>().stop();
    }
}

/// The widest frame read: a phone camera's 1280 or more pixels are scaled down to this,
/// which keeps a frame's reading short and still reads a code that fills a third of the
/// picture.
const FRAME_WIDTH: u32 = 640;
/// The performance marks and measures of each frame, read by `benches/browser.rs`: what the
/// page's thread spends on a frame (drawing it, taking its pixels, sending them), and what
/// the worker spends reading it.
const FRAME_START_MARK: &str = "kindred:qr-frame-start";
const FRAME_MEASURE: &str = "kindred:qr-frame";
const DECODE_MEASURE: &str = "kindred:qr-decode";
/// Time between two frames tried.
const FRAME_GAP_MS: u32 = 100;

/// Shows the camera in `video` and has `reader` read frames, one at a time, until one holds
/// a QR code, returning its bytes, or `None` once `keep_going` says stop. The frames the
/// camera shows meanwhile are not kept: each frame read is the latest.
pub async fn read_code(
    video: &HtmlVideoElement,
    stream: &MediaStream,
    reader: &Reader,
    keep_going: impl Fn() -> bool,
) -> Result<Option<Vec<u8>>, ReaderFailed> {
    video.set_src_object(Some(stream));
    if let Ok(playing) = video.play() {
        let _ = JsFuture::from(playing).await;
    }
    // The person sees the camera while the reader, started with the camera, finishes loading.
    let read = match reader.ready().await {
        Ok(()) => read_frames(video, reader, keep_going).await,
        Err(why) => Err(why),
    };
    video.set_src_object(None);
    read
}

async fn read_frames(
    video: &HtmlVideoElement,
    reader: &Reader,
    keep_going: impl Fn() -> bool,
) -> Result<Option<Vec<u8>>, ReaderFailed> {
    let failed = |what: &str| ReaderFailed(format!("no canvas to draw frames on: {what}"));
    let canvas: HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .map_err(|_| failed("createElement"))?
        .unchecked_into();
    let attributes = ContextAttributes2d::new();
    attributes.set_will_read_frequently(true);
    let context: CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &attributes)
        .ok()
        .flatten()
        .ok_or_else(|| failed("getContext"))?
        .unchecked_into();
    let performance = leptos::prelude::window().performance();
    // This scan's frames only, for the benchmark.
    if let Some(performance) = &performance {
        performance.clear_measures_with_measure_name(FRAME_MEASURE);
        performance.clear_measures_with_measure_name(DECODE_MEASURE);
    }
    while keep_going() {
        if let Some(performance) = &performance {
            performance.clear_marks_with_mark_name(FRAME_START_MARK);
            let _ = performance.mark(FRAME_START_MARK);
        }
        let sent = match take_frame(video, &canvas, &context) {
            Some((width, height, pixels)) => Some(reader.send(width, height, &pixels)?),
            None => None,
        };
        if let Some(performance) = performance.as_ref().filter(|_| sent.is_some()) {
            let _ = performance.measure_with_start_mark(FRAME_MEASURE, FRAME_START_MARK);
        }
        if let Some(sent) = sent {
            let answer = sent.answer().await?;
            if let (Some(performance), Some(ms)) = (&performance, answer.decode_ms) {
                measure_duration(performance, DECODE_MEASURE, ms);
            }
            if answer.code.is_some() && keep_going() {
                return Ok(answer.code);
            }
        }
        sleep(FRAME_GAP_MS).await;
    }
    Ok(None)
}

/// The video's current frame, at most `FRAME_WIDTH` wide, as RGBA pixels.
fn take_frame(
    video: &HtmlVideoElement,
    canvas: &HtmlCanvasElement,
    context: &CanvasRenderingContext2d,
) -> Option<(u32, u32, ArrayBuffer)> {
    let (width, height) = (video.video_width(), video.video_height());
    if width == 0 || height == 0 {
        return None;
    }
    let scale = (FRAME_WIDTH as f64 / width as f64).min(1.0);
    let (w, h) = (
        (width as f64 * scale) as u32,
        (height as f64 * scale) as u32,
    );
    canvas.set_width(w);
    canvas.set_height(h);
    context
        .draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w as f64, h as f64)
        .ok()?;
    let image = context.get_image_data(0.0, 0.0, w as f64, h as f64).ok()?;
    // The pixels' own buffer, not `ImageData::data()`, which copies them into the wasm.
    let pixels = Reflect::get(&image, &"data".into()).ok()?;
    let buffer = Reflect::get(&pixels, &"buffer".into()).ok()?;
    Some((w, h, buffer.unchecked_into()))
}

/// A measure of `ms` ending now, for a time taken elsewhere (in the worker).
/// `performance.measure(name, {duration, end})` is not in web-sys's stable API.
fn measure_duration(performance: &Performance, name: &str, ms: f64) {
    let options = Object::new();
    let _ = Reflect::set(&options, &"duration".into(), &ms.into());
    let _ = Reflect::set(&options, &"end".into(), &performance.now().into());
    if let Ok(measure) = Reflect::get(performance, &"measure".into()) {
        let _ = measure
            .unchecked_into::<Function>()
            .call2(performance, &name.into(), &options);
    }
}
