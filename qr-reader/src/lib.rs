//! Reading a QR code from one camera frame, and the messages between the page and the worker
//! that does it (`src/main.rs`). Decoding a 640 px frame takes 30–55 ms on the bench machine
//! (README, benchmark): on the page's thread that is two or three dropped screen frames each
//! time, so it runs in a worker and the page only takes the frame's pixels.

pub mod protocol;

/// The bytes of the first QR code in a frame of `width` × `height` pixels given as RGBA (four
/// bytes a pixel, row by row, as a canvas's `getImageData` gives them), or `None` if there is
/// none or `rgba` is not that size.
pub fn read_code(width: usize, height: usize, rgba: &[u8]) -> Option<Vec<u8>> {
    if width == 0 || height == 0 || width.checked_mul(height)?.checked_mul(4)? != rgba.len() {
        return None;
    }
    // Grey as the eye weighs the colours (ITU-R BT.601), which is what rqrr thresholds.
    let luma = |x: usize, y: usize| {
        let i = (y * width + x) * 4;
        ((u32::from(rgba[i]) * 299 + u32::from(rgba[i + 1]) * 587 + u32::from(rgba[i + 2]) * 114)
            / 1000) as u8
    };
    let mut picture = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
    picture.detect_grids().into_iter().find_map(|grid| {
        let mut bytes = Vec::new();
        grid.decode_to(&mut bytes).ok().map(|_| bytes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kindred_core::qr::{encode_binary, Modules};

    const SCALE: usize = 6;

    /// `modules` drawn black on white, `SCALE` pixels a module, at (`left`, `top`) in a
    /// frame of `width` × `height`, as RGBA with a colour cast (a warm room light).
    fn frame(modules: &Modules, width: usize, height: usize, left: usize, top: usize) -> Vec<u8> {
        let mut rgba = Vec::with_capacity(width * height * 4);
        for y in 0..height {
            for x in 0..width {
                let (mx, my) = (
                    (x.wrapping_sub(left)) / SCALE,
                    (y.wrapping_sub(top)) / SCALE,
                );
                let dark = x >= left
                    && y >= top
                    && (4..4 + modules.size).contains(&mx)
                    && (4..4 + modules.size).contains(&my)
                    && modules.is_dark(mx - 4, my - 4);
                let pixel = if dark {
                    [40, 30, 20, 255]
                } else {
                    [250, 235, 200, 255]
                };
                rgba.extend_from_slice(&pixel);
            }
        }
        rgba
    }

    #[test]
    fn reads_the_bytes_of_a_code_anywhere_in_a_colour_frame() {
        let bytes: Vec<u8> = (0..=255).cycle().take(180).collect();
        let modules = encode_binary(&bytes).unwrap();
        let rgba = frame(&modules, 640, 480, 200, 60);
        assert_eq!(read_code(640, 480, &rgba), Some(bytes));
    }

    #[test]
    fn a_frame_without_a_code_reads_nothing() {
        let blank = vec![255; 640 * 480 * 4];
        assert_eq!(read_code(640, 480, &blank), None);
    }

    #[test]
    fn pixels_that_do_not_match_the_stated_size_read_nothing_rather_than_panic() {
        let modules = encode_binary(b"kindred").unwrap();
        let rgba = frame(&modules, 320, 240, 20, 20);
        assert_eq!(read_code(320, 240, &rgba), Some(b"kindred".to_vec()));
        assert_eq!(read_code(320, 241, &rgba), None);
        assert_eq!(read_code(321, 240, &rgba[..rgba.len() - 4]), None);
        assert_eq!(read_code(0, 240, &[]), None);
        assert_eq!(read_code(usize::MAX, 2, &rgba), None);
    }
}
