//! Kindred's post-build step, run by Trunk as a `post_build` hook (see Trunk.toml and
//! scripts/post-build) on the staging directory that becomes `dist/`.
//!
//! It adds what makes the static build an installable, offline-capable app with a strict
//! Content-Security-Policy:
//! 1. PNG icons drawn from `assets/icon.svg` ([`icons`]),
//! 2. the web app manifest ([`manifest`]),
//! 3. the policy and the manifest, theme colour and icon tags in index.html ([`csp`]),
//! 4. the service worker from the template `assets/sw.js` ([`service_worker`]),
//! 5. gzip and brotli copies of every file, for hosts that serve them ([`compressed`]).
//!
//! The worker comes after the files it lists: its file list and cache name cover everything
//! the other steps wrote. The compressed copies come last, so that the worker has its own.
//!
//! Usage: `kindred-post-build STAGING_DIR [ASSETS_DIR]`; ASSETS_DIR defaults to the
//! workspace's `assets/`.

mod compressed;
mod csp;
mod icons;
mod manifest;
mod service_worker;
#[cfg(test)]
mod test_dir;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The colour of the app's bars and of the maskable icon's background: the icon's own green.
const THEME_COLOR: &str = "#1d5c4d";
/// The splash screen's colour while the app starts: the page background in style/kindred.css.
const BACKGROUND_COLOR: &str = "#fbfaf7";
/// The one source image of every icon, in the assets dir.
const ICON_SOURCE: &str = "icon.svg";
/// The service worker template, in the assets dir.
const WORKER_TEMPLATE: &str = "sw.js";
/// The manifest's file name in the staging dir, as index.html links it.
const MANIFEST: &str = "manifest.webmanifest";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(staging), assets, None) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: kindred-post-build STAGING_DIR [ASSETS_DIR]");
        return ExitCode::FAILURE;
    };
    let assets = assets.map_or_else(default_assets_dir, PathBuf::from);
    match run(Path::new(&staging), &assets) {
        Ok(summary) => {
            println!("[post-build] {summary}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("[post-build] error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace's `assets/`, found from this crate's place in the workspace at compile time,
/// since Trunk runs the hook from the workspace root but a person may run it from anywhere.
fn default_assets_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets")
}

/// Adds icons, manifest, policy and service worker to the build in `staging`, from the
/// sources in `assets`. Returns a one-line account of what it did.
fn run(staging: &Path, assets: &Path) -> Result<String, String> {
    // Both sources are read before anything is written, so a missing one fails the build
    // without leaving half of the additions behind.
    let svg = read(&assets.join(ICON_SOURCE))?;
    let template_path = assets.join(WORKER_TEMPLATE);
    let template = fs::read_to_string(&template_path).map_err(|e| {
        format!(
            "cannot read the service worker template {}: {e}",
            template_path.display()
        )
    })?;
    let background = hex_rgb(THEME_COLOR).ok_or("THEME_COLOR is not #rrggbb")?;
    let icon_dir = staging.join(icons::DIR);
    fs::create_dir_all(&icon_dir)
        .map_err(|e| format!("cannot create {}: {e}", icon_dir.display()))?;
    for (spec, png) in icons::render_all(&svg, background)? {
        write(&icon_dir.join(spec.file_name), &png)?;
    }

    let manifest = manifest::manifest(THEME_COLOR, BACKGROUND_COLOR);
    let manifest = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    write(&staging.join(MANIFEST), manifest.as_bytes())?;

    let index_path = staging.join("index.html");
    let index =
        String::from_utf8(read(&index_path)?).map_err(|_| "index.html is not UTF-8".to_owned())?;
    // iOS wants 180×180 for the home screen and scales what it gets: 192 is the nearest.
    let touch_icon = format!("{}/{}", icons::DIR, icons::ICONS[0].file_name);
    // A group folder on another site than Kindred's: the one site the page may also reach.
    let folder_setting = std::env::var("KINDRED_FOLDER_ORIGIN").unwrap_or_default();
    let folder_origin = match folder_setting.trim() {
        "" => None,
        setting => Some(csp::folder_origin(setting)?),
    };
    let links = csp::HeadLinks {
        theme_color: THEME_COLOR,
        manifest: MANIFEST,
        touch_icon: &touch_icon,
        folder_origin,
    };
    let rewritten = csp::add_to_head(&index, &links)?;
    write(&index_path, rewritten.as_bytes())?;
    let inline_scripts = csp::inline_scripts(&rewritten)?.len();

    let files = service_worker::build_files(staging)?;
    let worker = service_worker::fill_template(&template, &files)?;
    write(&staging.join(service_worker::FILE_NAME), worker.as_bytes())?;

    let mut every_file = service_worker::build_files(staging)?;
    every_file.push(service_worker::BuildFile {
        url: format!("./{}", service_worker::FILE_NAME),
        contents: worker.into_bytes(),
    });
    let sizes = compressed::write_copies(staging, &every_file)?;

    Ok(format!(
        "{} icons, {MANIFEST}, CSP for {inline_scripts} inline script(s), {} caching {} files as {}, \
         gzip and brotli copies: {} KB raw, {} KB gzip, {} KB brotli",
        icons::ICONS.len(),
        service_worker::FILE_NAME,
        files.len() + 1,
        service_worker::cache_name(&template, &files),
        sizes.raw / 1024,
        sizes.gzip / 1024,
        sizes.brotli / 1024,
    ))
}

/// `#rrggbb` as its three bytes.
fn hex_rgb(color: &str) -> Option<[u8; 3]> {
    let hex = color.strip_prefix('#').filter(|hex| hex.len() == 6)?;
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, contents: &[u8]) -> Result<(), String> {
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_dir::TestDir;

    const PAGE: &str = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\" />\n    \
                        <link rel=\"stylesheet\" href=\"./a.css\"/>\n<script type=\"module\">\nimport init \
                        from './a.js';\nawait init();\n</script></head>\n  <body></body>\n</html>\n";

    /// A staging dir shaped like Trunk's output, and an assets dir with the real icon and a
    /// minimal worker template.
    fn setup() -> (TestDir, TestDir) {
        let staging = TestDir::new();
        staging.write("index.html", PAGE);
        staging.write("a.js", "export default async function init() {}");
        staging.write("a.css", "body {}");
        let assets = TestDir::new();
        assets.write(
            ICON_SOURCE,
            &fs::read_to_string(default_assets_dir().join(ICON_SOURCE)).unwrap(),
        );
        assets.write(
            WORKER_TEMPLATE,
            "const CACHE = \"__KINDRED_CACHE__\"; const FILES = __KINDRED_FILES__; \
             const CODE = __KINDRED_CODE__;",
        );
        (staging, assets)
    }

    #[test]
    fn adds_everything_and_lists_it_in_the_worker() {
        let (staging, assets) = setup();
        run(staging.path(), assets.path()).unwrap();

        let worker = staging.read("sw.js");
        for url in [
            "\"./\"",
            "\"./a.css\"",
            "\"./a.js\"",
            "\"./icons/icon-192.png\"",
            "\"./icons/icon-512.png\"",
            "\"./icons/icon-maskable-512.png\"",
            "\"./index.html\"",
            "\"./manifest.webmanifest\"",
        ] {
            assert!(worker.contains(url), "{url} missing from {worker}");
        }
        assert!(!worker.contains("sw.js"));
        assert!(worker.contains("const CODE = [\"a.js\"];"), "{worker}");
        // Every file has its compressed copies, the worker too, and the worker lists none.
        for file in ["a.js", "index.html", "icons/icon-192.png", "sw.js"] {
            for copy in [format!("{file}.gz"), format!("{file}.br")] {
                assert!(staging.path().join(&copy).is_file(), "{copy}");
                assert!(!worker.contains(&copy), "{copy} in {worker}");
            }
        }

        let index = staging.read("index.html");
        assert!(index.contains("<meta http-equiv=\"Content-Security-Policy\""));
        // Every file the page and manifest point to was written.
        for href in ["manifest.webmanifest", "icons/icon-192.png"] {
            assert!(index.contains(&format!("href=\"{href}\"")));
            assert!(staging.path().join(href).is_file());
        }
        let manifest: serde_json::Value = serde_json::from_str(&staging.read(MANIFEST)).unwrap();
        for icon in manifest["icons"].as_array().unwrap() {
            assert!(staging.path().join(icon["src"].as_str().unwrap()).is_file());
        }
    }

    #[test]
    fn running_twice_gives_the_same_build() {
        let (staging, assets) = setup();
        run(staging.path(), assets.path()).unwrap();
        let (index, worker) = (staging.read("index.html"), staging.read("sw.js"));
        run(staging.path(), assets.path()).unwrap();
        assert_eq!(staging.read("index.html"), index);
        assert_eq!(staging.read("sw.js"), worker);
    }

    #[test]
    fn a_changed_page_gets_a_new_cache_name() {
        let (staging, assets) = setup();
        run(staging.path(), assets.path()).unwrap();
        let worker = staging.read("sw.js");

        let (other, _) = setup();
        other.write(
            "a.js",
            "export default async function init() { console.log(1); }",
        );
        run(other.path(), assets.path()).unwrap();
        assert_ne!(other.read("sw.js"), worker);
    }

    #[test]
    fn says_which_template_is_missing() {
        let (staging, assets) = setup();
        fs::remove_file(assets.path().join(WORKER_TEMPLATE)).unwrap();
        let error = run(staging.path(), assets.path()).unwrap_err();
        assert!(
            error.contains("service worker template") && error.contains("sw.js"),
            "{error}"
        );
    }

    #[test]
    fn reads_hex_colours() {
        assert_eq!(hex_rgb(THEME_COLOR), Some([0x1d, 0x5c, 0x4d]));
        assert_eq!(hex_rgb("#fbfaf7"), Some([0xfb, 0xfa, 0xf7]));
        assert_eq!(hex_rgb("1d5c4d"), None);
        assert_eq!(hex_rgb("#1d5c4"), None);
        assert_eq!(hex_rgb("#1d5c4g"), None);
        assert_eq!(hex_rgb("#1d5cé"), None);
    }
}
