//! The app's PNG icons, drawn from the one source image `assets/icon.svg`.
//!
//! Browsers and home screens want bitmaps at fixed sizes, and a "maskable" variant that they
//! may crop to a circle, squircle or rounded square. Drawing them all at build time from the
//! SVG means there is only one image to edit.

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{Options, Tree};

/// Share of a maskable icon's side that the artwork may use. The maskable icon spec
/// guarantees only a centred circle of radius 40% (so 80% across) to stay visible.
const MASKABLE_SAFE_ZONE: f32 = 0.8;

/// Folder of the staging dir the icons go in; the manifest and index.html point into it.
pub const DIR: &str = "icons";

/// One icon that the app offers.
#[derive(Debug)]
pub struct IconSpec {
    /// File name under [`DIR`], such as `icon-192.png`.
    pub file_name: &'static str,
    /// Width and height in pixels.
    pub side: u32,
    /// Whether it is drawn for masking (artwork in the safe zone, full-bleed background).
    pub maskable: bool,
}

/// Every icon, in the order the manifest lists them: 192 and 512 square for any use, and a
/// 512 square maskable one.
pub const ICONS: [IconSpec; 3] = [
    IconSpec {
        file_name: "icon-192.png",
        side: 192,
        maskable: false,
    },
    IconSpec {
        file_name: "icon-512.png",
        side: 512,
        maskable: false,
    },
    IconSpec {
        file_name: "icon-maskable-512.png",
        side: 512,
        maskable: true,
    },
];

/// Draws every icon in [`ICONS`] as PNG; the maskable ones on a full-bleed `background`.
pub fn render_all(
    svg: &[u8],
    background: [u8; 3],
) -> Result<Vec<(&'static IconSpec, Vec<u8>)>, String> {
    let tree = parse(svg)?;
    ICONS
        .iter()
        .map(|spec| {
            let png = if spec.maskable {
                render(&tree, spec.side, MASKABLE_SAFE_ZONE, Some(background))?
            } else {
                render(&tree, spec.side, 1.0, None)?
            };
            Ok((spec, png))
        })
        .collect()
}

fn parse(svg: &[u8]) -> Result<Tree, String> {
    Tree::from_data(svg, &Options::default()).map_err(|e| format!("cannot read the icon SVG: {e}"))
}

/// Draws `tree` centred on a `side`×`side` square, scaled so that its larger dimension takes
/// `scale` of the side, over `background` (transparent when `None`), and encodes it as PNG.
fn render(
    tree: &Tree,
    side: u32,
    scale: f32,
    background: Option<[u8; 3]>,
) -> Result<Vec<u8>, String> {
    let mut pixmap = Pixmap::new(side, side).ok_or("an icon cannot be 0 pixels wide")?;
    if let Some([r, g, b]) = background {
        pixmap.fill(Color::from_rgba8(r, g, b, 255));
    }
    let size = tree.size();
    let side = side as f32;
    let factor = side * scale / size.width().max(size.height());
    // Centre on both axes, so that a non-square source would still sit in the middle.
    let dx = (side - size.width() * factor) / 2.0;
    let dy = (side - size.height() * factor) / 2.0;
    let transform = Transform::from_translate(dx, dy).pre_scale(factor, factor);
    resvg::render(tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode an icon as PNG: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
        <rect width="10" height="10" fill="#ff0000"/></svg>"##;

    /// Width and height from a PNG's IHDR chunk, which always starts at byte 16.
    fn png_size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
        assert_eq!(&png[12..16], b"IHDR");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        (width, height)
    }

    fn pixel(
        tree: &Tree,
        side: u32,
        scale: f32,
        background: Option<[u8; 3]>,
        x: u32,
        y: u32,
    ) -> [u8; 4] {
        let png = render(tree, side, scale, background).unwrap();
        let pixmap = Pixmap::decode_png(&png).unwrap();
        let c = pixmap.pixel(x, y).unwrap();
        [c.red(), c.green(), c.blue(), c.alpha()]
    }

    #[test]
    fn renders_the_three_icons_at_their_sizes() {
        let icons = render_all(SQUARE, [0x1d, 0x5c, 0x4d]).unwrap();
        let found: Vec<_> = icons
            .iter()
            .map(|(spec, png)| (spec.file_name, png_size(png)))
            .collect();
        assert_eq!(
            found,
            [
                ("icon-192.png", (192, 192)),
                ("icon-512.png", (512, 512)),
                ("icon-maskable-512.png", (512, 512)),
            ]
        );
    }

    #[test]
    fn plain_icon_fills_the_square() {
        let tree = parse(SQUARE).unwrap();
        assert_eq!(pixel(&tree, 100, 1.0, None, 0, 0), [255, 0, 0, 255]);
        assert_eq!(pixel(&tree, 100, 1.0, None, 99, 99), [255, 0, 0, 255]);
    }

    #[test]
    fn maskable_icon_keeps_the_artwork_in_the_safe_zone_on_a_full_bleed_background() {
        let tree = parse(SQUARE).unwrap();
        let green = Some([0x1d, 0x5c, 0x4d]);
        // The outer 10% on each side is background, right to the corner...
        assert_eq!(
            pixel(&tree, 100, MASKABLE_SAFE_ZONE, green, 0, 0),
            [0x1d, 0x5c, 0x4d, 255]
        );
        assert_eq!(
            pixel(&tree, 100, MASKABLE_SAFE_ZONE, green, 9, 50),
            [0x1d, 0x5c, 0x4d, 255]
        );
        // ...and the artwork spans the middle 80%.
        assert_eq!(
            pixel(&tree, 100, MASKABLE_SAFE_ZONE, green, 10, 50),
            [255, 0, 0, 255]
        );
        assert_eq!(
            pixel(&tree, 100, MASKABLE_SAFE_ZONE, green, 89, 89),
            [255, 0, 0, 255]
        );
        assert_eq!(
            pixel(&tree, 100, MASKABLE_SAFE_ZONE, green, 90, 89),
            [0x1d, 0x5c, 0x4d, 255]
        );
    }

    #[test]
    fn the_real_icon_renders() {
        let svg = std::fs::read(crate::default_assets_dir().join(crate::ICON_SOURCE)).unwrap();
        for (spec, png) in render_all(&svg, [0, 0, 0]).unwrap() {
            assert!(png.len() > 100, "{} is suspiciously small", spec.file_name);
        }
    }

    #[test]
    fn rejects_what_is_not_svg() {
        assert!(render_all(b"not an image", [0, 0, 0])
            .unwrap_err()
            .contains("icon SVG"));
    }
}
