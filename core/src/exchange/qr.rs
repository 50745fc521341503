//! QR codes of one helper or one need, for another phone's camera.
//!
//! The code holds an address of this Kindred with the record in its fragment
//! (`…#/import/<data>`): a fragment never reaches any server, so the record goes from one
//! phone to the other and nowhere else. The data is the record as a share file, in
//! base64url so that it survives being a URL.

use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};

/// The squares of a QR code: `size` rows of `size` modules, dark or light.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modules {
    pub size: usize,
    dark: Vec<bool>,
}

impl Modules {
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    /// An SVG path drawing every dark module as a unit square, for a `viewBox` of the size
    /// plus a quiet zone of four modules on each side, as scanners need.
    pub fn svg_path(&self) -> String {
        let mut path = String::new();
        for y in 0..self.size {
            for x in 0..self.size {
                if self.is_dark(x, y) {
                    path.push_str(&format!("M{} {}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
                }
            }
        }
        path
    }

    /// The QR version (1 to 40): how many modules a side has, and so how close a camera
    /// must be to read it.
    pub fn version(&self) -> usize {
        (self.size - 17) / 4
    }

    /// The side of the drawing including the quiet zone, in modules.
    pub fn side_with_quiet_zone(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }
}

const QUIET_ZONE: usize = 4;

/// Why no code could be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

/// The QR code of `text`, with medium error correction (a scratched screen still scans).
pub fn encode(text: &str) -> Result<Modules, TooLong> {
    let code =
        QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|_| TooLong)?;
    Ok(modules_of(&code))
}

/// The QR code of `bytes` in binary (byte) mode, in the smallest version that holds them,
/// with medium error correction. Unlike [`encode`], no part is switched to numeric or
/// alphanumeric mode, so a reader gets back exactly these bytes.
pub fn encode_binary(bytes: &[u8]) -> Result<Modules, TooLong> {
    (1..=40)
        .find_map(|version| {
            let mut bits = Bits::new(Version::Normal(version));
            bits.push_byte_data(bytes).ok()?;
            bits.push_terminator(EcLevel::M).ok()?;
            QrCode::with_bits(bits, EcLevel::M).ok()
        })
        .map(|code| modules_of(&code))
        .ok_or(TooLong)
}

fn modules_of(code: &QrCode) -> Modules {
    Modules {
        size: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a URL fragment.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url without padding; `None` for anything else.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if values.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i) & 255) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Reads a code back the way a camera would: from a picture of it.
    fn scan(modules: &Modules) -> String {
        let (_, bytes) = scan_bytes(modules);
        String::from_utf8(bytes).expect("a text code")
    }

    /// Reads a code's version and bytes from a picture of it.
    pub(crate) fn scan_bytes(modules: &Modules) -> (usize, Vec<u8>) {
        let scale = 4;
        let side = modules.side_with_quiet_zone() * scale;
        let mut picture = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (mx, my) = (x / scale, y / scale);
            let inside = (QUIET_ZONE..QUIET_ZONE + modules.size).contains(&mx)
                && (QUIET_ZONE..QUIET_ZONE + modules.size).contains(&my);
            if inside && modules.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE) {
                0
            } else {
                255
            }
        });
        let grids = picture.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the picture");
        let mut bytes = Vec::new();
        let meta = grids[0].decode_to(&mut bytes).expect("the code reads");
        (meta.version.0, bytes)
    }

    #[test]
    fn a_code_reads_back_as_the_text_it_was_made_from() {
        let text = "https://example.org/kindred/#/import/eyJmb3JtYXQiOiJraW5kcmVkLXNoYXJlIn0";
        assert_eq!(scan(&encode(text).unwrap()), text);
        let chinese = "陳太太 needs a ride to the clinic";
        assert_eq!(scan(&encode(chinese).unwrap()), chinese);
    }

    #[test]
    fn binary_codes_give_back_every_byte_value() {
        let bytes: Vec<u8> = (0..=255).collect();
        let modules = encode_binary(&bytes).unwrap();
        assert_eq!(scan_bytes(&modules), (modules.version(), bytes));
        assert_eq!(encode_binary(&[0; 3000]), Err(TooLong));
    }

    #[test]
    fn text_too_long_for_any_code_is_refused_rather_than_cut() {
        assert_eq!(encode(&"x".repeat(5000)), Err(TooLong));
    }

    #[test]
    fn the_drawing_has_a_square_per_dark_module_inside_a_quiet_zone() {
        let modules = encode("Kindred").unwrap();
        let squares = modules.svg_path().matches('M').count();
        let dark = (0..modules.size)
            .flat_map(|y| (0..modules.size).map(move |x| (x, y)))
            .filter(|&(x, y)| modules.is_dark(x, y))
            .count();
        assert_eq!(squares, dark);
        assert!(
            modules.svg_path().starts_with("M4 4"),
            "the finder pattern starts after the quiet zone"
        );
    }

    #[test]
    fn base64url_round_trips_every_length_and_refuses_other_text() {
        for length in 0..40 {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(from_base64url(&text).unwrap(), bytes);
        }
        assert_eq!(base64url(b"Kindred"), "S2luZHJlZA");
        assert_eq!(from_base64url("S2luZHJlZA=="), None, "no padding");
        assert_eq!(from_base64url("a"), None);
        assert_eq!(from_base64url("<script>"), None);
    }
}
