//! Phones for the face-to-face tests and benchmark: the app in a browser whose fake camera
//! plays a picture the test chooses, usually a screenshot of the other phone's code.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{App, Element, PHONE};

/// The fake camera's picture size, as a phone camera's preview might be.
pub const FRAME: (usize, usize) = (640, 480);
/// How long a pairing may take in these tests before they fail (the app's own budget is
/// 5 s once both codes are read; this leaves room for a loaded machine).
pub const PAIRING_WAIT: Duration = Duration::from_secs(20);

/// A phone: the app in a browser whose camera plays the file `camera`.
pub struct Phone {
    pub app: App,
    camera: PathBuf,
}

/// A file of its own for each camera, so that tests running at once never share one.
pub fn camera_file(name: &str) -> PathBuf {
    let path = super::file_with("face-to-face", &format!("{name}.mjpeg"), "");
    write_frame(&path, &vec![255; FRAME.0 * FRAME.1]);
    path
}

impl Phone {
    pub fn start(name: &str) -> Phone {
        Phone::start_with(name, true)
    }

    /// A phone whose person says no when the browser asks for the camera.
    pub fn start_camera_refused(name: &str) -> Phone {
        Phone::start_with(name, false)
    }

    fn start_with(name: &str, camera_allowed: bool) -> Phone {
        let camera = camera_file(name);
        let mut args = vec![
            "--use-fake-device-for-media-stream".to_string(),
            format!("--use-file-for-fake-video-capture={}", camera.display()),
        ];
        args.push(if camera_allowed {
            "--use-fake-ui-for-media-stream".into()
        } else {
            "--deny-permission-prompts".into()
        });
        let app = App::start_with_args(PHONE.0, PHONE.1, &args);
        Phone { app, camera }
    }

    /// Points this phone's camera at what `other` shows as `Your code`: a screenshot of its
    /// screen, cut to the code, becomes the camera's picture. Chromium reads the file again
    /// each time the camera starts, so this is done just before scanning.
    pub fn point_camera_at(&self, other: &Phone) {
        let code = other.app.get("image", "Your code");
        write_frame(&self.camera, &picture_of(&other.app, &code));
    }

    /// Points this phone's camera at any picture (a frame of FRAME's size, grey levels).
    pub fn point_camera_at_picture(&self, frame: &[u8]) {
        write_frame(&self.camera, frame);
    }

    /// The number the comparison box shows.
    pub fn comparison(&self) -> String {
        let shown = self
            .app
            .get("status", "Check that the other phone shows the same number")
            .text();
        let digits: String = shown.lines().last().unwrap_or_default().trim().to_string();
        assert!(
            digits.len() == 7 && digits.chars().filter(char::is_ascii_digit).count() == 6,
            "{shown:?}"
        );
        digits
    }

    /// This phone's code as the text fallback shows it.
    pub fn code_text(&self) -> String {
        self.app
            .get("DisclosureTriangle", "Show this code as text")
            .click();
        self.app.get("textbox", "Your code as text").value()
    }

    pub fn paste_code(&self, code: &str) {
        if self.app.query("textbox", "Code as text").is_none() {
            self.app
                .get("DisclosureTriangle", "No camera? Paste a code as text")
                .click();
        }
        self.app.get("textbox", "Code as text").type_text(code);
        self.app.get("button", "Use this code").click();
    }
}

/// The screen of `app` cut to `element` and centred, scaled to fit, on a white frame.
pub fn picture_of(app: &App, element: &Element) -> Vec<u8> {
    element.execute("arguments[0].scrollIntoView({block: 'center'})", &[]);
    let rect = element.execute(
        "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height]",
        &[],
    );
    let [x, y, w, h] = [0, 1, 2, 3].map(|i| rect[i].as_f64().unwrap().round() as usize);
    // In this browser's own folder: tests running at once each see their own screen.
    let path = app.browser().temp_dir().join("camera-view.png");
    app.browser().screenshot(&path);
    let png = std::fs::read(&path).unwrap();
    let (width, grey) = grey_pixels(&png);
    let side = FRAME.1 - 40;
    let mut frame = vec![255u8; FRAME.0 * FRAME.1];
    let (left, top) = ((FRAME.0 - side) / 16 * 8, (FRAME.1 - side) / 16 * 8);
    for fy in 0..side {
        for fx in 0..side {
            let sx = x + fx * w / side;
            let sy = y + fy * h / side;
            frame[(top + fy) * FRAME.0 + left + fx] = grey[sy * width + sx];
        }
    }
    frame
}

/// A PNG's width and grey level per pixel.
fn grey_pixels(png: &[u8]) -> (usize, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let grey = buffer[..info.buffer_size()]
        .chunks(channels)
        .map(|p| {
            if channels >= 3 {
                ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000)
                    as u8
            } else {
                p[0]
            }
        })
        .collect();
    (info.width as usize, grey)
}

/// Writes `frame` (grey levels, FRAME's size) as a one-frame MJPEG file.
fn write_frame(path: &Path, frame: &[u8]) {
    let mut jpeg = Vec::new();
    // A high quality: a code's sharp edges otherwise ring into the next modules.
    jpeg_encoder::Encoder::new(&mut jpeg, 95)
        .encode(
            frame,
            FRAME.0 as u16,
            FRAME.1 as u16,
            jpeg_encoder::ColorType::Luma,
        )
        .unwrap();
    std::fs::write(path, jpeg).unwrap();
}

/// A QR code drawn on a white frame, as a camera would see one on paper.
pub fn frame_of_qr(modules: &kindred_core::qr::Modules) -> Vec<u8> {
    let scale = 8;
    let side = modules.side_with_quiet_zone() * scale;
    let mut frame = vec![255u8; FRAME.0 * FRAME.1];
    // On JPEG's 8-pixel blocks, so that no block holds the corner of four modules.
    let (left, top) = ((FRAME.0 - side) / 16 * 8, (FRAME.1 - side) / 16 * 8);
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (x / scale, y / scale);
            let inside = (4..4 + modules.size).contains(&mx) && (4..4 + modules.size).contains(&my);
            if inside && modules.is_dark(mx - 4, my - 4) {
                frame[(top + y) * FRAME.0 + left + x] = 0;
            }
        }
    }
    frame
}

/// Reads the QR code in a frame as another camera would: its version and bytes.
pub fn read_qr(frame: &[u8]) -> (usize, Vec<u8>) {
    let mut picture = rqrr::PreparedImage::prepare_from_greyscale(FRAME.0, FRAME.1, |x, y| {
        frame[y * FRAME.0 + x]
    });
    let grids = picture.detect_grids();
    assert_eq!(grids.len(), 1, "one code on the screen");
    let mut bytes = Vec::new();
    let meta = grids[0].decode_to(&mut bytes).expect("the code reads");
    (meta.version.0, bytes)
}

/// Waits up to `timeout` for `condition`, for waits longer than the harness's own.
pub fn wait_long(description: &str, timeout: Duration, mut condition: impl FnMut() -> bool) {
    let start = Instant::now();
    while !condition() {
        if start.elapsed() > timeout {
            panic!("timed out after {timeout:?} waiting for {description}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
