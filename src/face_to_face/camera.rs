//! The back camera, and reading a QR code from its frames with `rqrr` over a canvas.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, ContextAttributes2d, HtmlCanvasElement, HtmlVideoElement,
    MediaStream, MediaStreamConstraints, MediaStreamTrack, MediaTrackConstraints,
};

use super::peer::sleep;

/// Why the camera cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CameraProblem {
    /// The person (or the browser's settings) said no.
    Refused,
    /// No camera, one in use elsewhere, or a page without camera access (plain http).
    Absent,
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
    let asked = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| CameraProblem::Absent)?;
    match JsFuture::from(asked).await {
        Ok(stream) => Ok(stream.unchecked_into()),
        Err(error) => {
            let name = Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            Err(match name.as_str() {
                "NotAllowedError" | "SecurityError" => CameraProblem::Refused,
                _ => CameraProblem::Absent,
            })
        }
    }
}

/// Turns the camera off.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks() {
        track.unchecked_into::<MediaStreamTrack>().stop();
    }
}

/// The widest frame decoded: a phone camera's 1280 or more pixels are scaled down to this,
/// which keeps a frame's decoding short and still reads a code that fills a third of the
/// picture.
const FRAME_WIDTH: u32 = 640;
/// The performance mark and measure around each frame read, read by `benches/browser.rs`.
const FRAME_START_MARK: &str = "kindred:qr-frame-start";
const FRAME_MEASURE: &str = "kindred:qr-frame";
/// Time between two frames tried.
const FRAME_GAP_MS: u32 = 100;

/// Shows the camera in `video` and reads frames until one holds a QR code, returning its
/// bytes, or `None` once `keep_going` says stop.
pub async fn read_code(
    video: &HtmlVideoElement,
    stream: &MediaStream,
    keep_going: impl Fn() -> bool,
) -> Option<Vec<u8>> {
    video.set_src_object(Some(stream));
    if let Ok(playing) = video.play() {
        let _ = JsFuture::from(playing).await;
    }
    let canvas: HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .ok()?
        .unchecked_into();
    let attributes = ContextAttributes2d::new();
    attributes.set_will_read_frequently(true);
    let context: CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &attributes)
        .ok()??
        .unchecked_into();
    let performance = leptos::prelude::window().performance();
    while keep_going() {
        // The latest frame's time is kept, for the benchmark: a frame that costs more than
        // 16 ms should move off the page's thread.
        if let Some(performance) = &performance {
            performance.clear_marks_with_mark_name(FRAME_START_MARK);
            performance.clear_measures_with_measure_name(FRAME_MEASURE);
            let _ = performance.mark(FRAME_START_MARK);
        }
        let read = decode_frame(video, &canvas, &context);
        if let Some(performance) = &performance {
            let _ = performance.measure_with_start_mark(FRAME_MEASURE, FRAME_START_MARK);
        }
        if let Some(bytes) = read {
            video.set_src_object(None);
            return Some(bytes);
        }
        sleep(FRAME_GAP_MS).await;
    }
    video.set_src_object(None);
    None
}

/// The first QR code in the video's current frame, if any.
fn decode_frame(
    video: &HtmlVideoElement,
    canvas: &HtmlCanvasElement,
    context: &CanvasRenderingContext2d,
) -> Option<Vec<u8>> {
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
    let rgba = context
        .get_image_data(0.0, 0.0, w as f64, h as f64)
        .ok()?
        .data();
    let luma = |x: usize, y: usize| {
        let i = (y * w as usize + x) * 4;
        ((u32::from(rgba[i]) * 299 + u32::from(rgba[i + 1]) * 587 + u32::from(rgba[i + 2]) * 114)
            / 1000) as u8
    };
    let mut picture = rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, luma);
    picture.detect_grids().into_iter().find_map(|grid| {
        let mut bytes = Vec::new();
        grid.decode_to(&mut bytes).ok().map(|_| bytes)
    })
}
