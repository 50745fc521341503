//! The web app manifest, which lets a browser install Kindred as an app.
//!
//! Every URL in it is relative (to the manifest's own URL), so that the same build works at
//! the root of a site and under any sub-path, as Trunk.toml's `public_url = "./"` does.

use serde_json::{json, Value};

use crate::icons::{self, ICONS};

/// The manifest as JSON, naming the icons that [`icons::render_all`] draws.
pub fn manifest(theme_color: &str, background_color: &str) -> Value {
    json!({
        "name": "Kindred",
        "short_name": "Kindred",
        "description": "A kindness journal and neighbourhood helper directory that lives in your browser.",
        "lang": "en",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": background_color,
        "icons": ICONS.iter().map(|spec| json!({
            "src": format!("{}/{}", icons::DIR, spec.file_name),
            "sizes": format!("{0}x{0}", spec.side),
            "type": "image/png",
            "purpose": if spec.maskable { "maskable" } else { "any" },
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_valid_json_with_the_three_icons() {
        let text = serde_json::to_string_pretty(&manifest("#1d5c4d", "#fbfaf7")).unwrap();
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["name"], "Kindred");
        assert_eq!(parsed["start_url"], "./");
        assert_eq!(parsed["scope"], "./");
        assert_eq!(parsed["display"], "standalone");
        assert_eq!(parsed["theme_color"], "#1d5c4d");
        assert_eq!(parsed["background_color"], "#fbfaf7");
        let icons: Vec<_> = parsed["icons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                assert_eq!(i["type"], "image/png");
                (
                    i["src"].as_str().unwrap(),
                    i["sizes"].as_str().unwrap(),
                    i["purpose"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            icons,
            [
                ("icons/icon-192.png", "192x192", "any"),
                ("icons/icon-512.png", "512x512", "any"),
                ("icons/icon-maskable-512.png", "512x512", "maskable"),
            ]
        );
    }
}
