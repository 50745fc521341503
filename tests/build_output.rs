//! What the build put in `dist/`: a manifest naming icons that exist at their stated sizes, a
//! service worker that precaches exactly the files of this build, and a strict
//! Content-Security-Policy. Native: no browser needed, only a built `dist/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn dist() -> PathBuf {
    let dist = std::env::var_os("KINDRED_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").exists(),
        "dist/ is missing: run scripts/test, which builds it"
    );
    dist
}

fn read(path: &str) -> String {
    std::fs::read_to_string(dist().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Width and height from a PNG's header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[test]
fn the_manifest_parses_and_names_icons_that_exist_at_their_stated_sizes() {
    let manifest: Value = serde_json::from_str(&read("manifest.webmanifest")).expect("JSON");
    assert_eq!(manifest["name"], "Kindred");
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(
        manifest["start_url"], "./",
        "relative, so that a sub-path works"
    );
    for field in ["short_name", "theme_color", "background_color"] {
        assert!(manifest[field].is_string(), "{field}");
    }
    let icons = manifest["icons"].as_array().expect("icons");
    let mut sizes_and_purposes = BTreeSet::new();
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        assert!(!src.starts_with('/'), "relative: {src}");
        let stated = icon["sizes"].as_str().unwrap();
        let (width, height) = png_size(&dist().join(src));
        assert_eq!(format!("{width}x{height}"), stated, "{src}");
        let purpose = icon["purpose"].as_str().unwrap_or("any").to_string();
        sizes_and_purposes.insert((stated.to_string(), purpose));
    }
    for wanted in [
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    ] {
        assert!(
            sizes_and_purposes.contains(&(wanted.0.to_string(), wanted.1.to_string())),
            "{wanted:?} in {sizes_and_purposes:?}"
        );
    }
}

fn files_in(dir: &Path, base: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_in(&path, base, found);
        } else {
            let relative = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            found.insert(format!("./{relative}"));
        }
    }
}

#[test]
fn the_service_worker_precaches_exactly_the_files_of_this_build_under_a_name_of_its_own() {
    let script = read("sw.js");
    let cache = script
        .lines()
        .find_map(|l| l.trim().strip_prefix("const CACHE = \""))
        .and_then(|rest| rest.split('"').next())
        .expect("a cache name");
    assert!(
        cache.starts_with("kindred-") && cache.len() > "kindred-".len() + 8,
        "{cache}"
    );
    let files_json = script
        .lines()
        .find_map(|l| l.trim().strip_prefix("const FILES = "))
        .expect("a file list")
        .trim_end_matches(';');
    let listed: BTreeSet<String> = serde_json::from_str(files_json).expect("a JSON list");

    let mut present = BTreeSet::new();
    files_in(&dist(), &dist(), &mut present);
    // The compressed copies are for hosts to send; the browser decodes them into the files.
    present.retain(|file| !is_compressed_copy(file));
    present.remove("./sw.js");
    present.insert("./".into());
    assert_eq!(listed, present);
}

fn is_compressed_copy(file: &str) -> bool {
    file.ends_with(".gz") || file.ends_with(".br")
}

#[test]
fn every_file_has_gzip_and_brotli_copies_beside_it_for_hosts_that_serve_them() {
    use std::io::Read;
    let mut present = BTreeSet::new();
    files_in(&dist(), &dist(), &mut present);
    let files: Vec<&String> = present.iter().filter(|f| !is_compressed_copy(f)).collect();
    assert!(files.iter().any(|f| f.ends_with(".wasm")), "{files:?}");
    for file in files {
        let original = std::fs::read(dist().join(file)).unwrap();
        let gz = std::fs::read(dist().join(format!("{file}.gz")))
            .unwrap_or_else(|e| panic!("{file}.gz: {e}"));
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut unzipped)
            .unwrap_or_else(|e| panic!("{file}.gz: {e}"));
        assert!(unzipped == original, "{file}.gz gives back {file}");
        // The browser test tests/first_load.rs has Chromium decode the brotli copies.
        assert!(
            present.contains(&format!("{file}.br")),
            "{file}.br is missing"
        );
    }
}

#[test]
fn the_page_carries_a_strict_content_security_policy_that_allows_only_its_own_inline_script() {
    let page = read("index.html");
    let policy = page
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a CSP meta tag");
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "connect-src 'self'",
        "form-action 'none'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let script_src = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .expect("script-src");
    assert!(script_src.contains("'self'") && script_src.contains("'wasm-unsafe-eval'"));
    // Trunk's module script, which starts the app, and the first paint's language script.
    let inline_scripts = page
        .split("<script")
        .skip(1)
        .filter(|tag| !tag.split('>').next().unwrap_or("").contains("src="))
        .count();
    assert_eq!(inline_scripts, 2, "{page}");
    let hashes = script_src.matches("'sha256-").count();
    assert_eq!(
        hashes, inline_scripts,
        "one hash per inline script: {script_src}"
    );
    assert!(
        page.contains("rel=\"manifest\""),
        "the page names its manifest"
    );
}

/// The build's files directly in `dist/` whose names end with `suffix`.
fn top_level_files_ending(suffix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dist())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && path.to_string_lossy().ends_with(suffix))
        .collect()
}

#[test]
fn the_qr_decoder_is_in_the_readers_own_worker_and_not_in_the_apps_first_load() {
    // rqrr's decoder keeps QR's alphanumeric alphabet as one table ending in a NUL; the
    // encoder the app uses to draw codes (qrcode) has no such table. It was in the app's
    // wasm when the app decoded frames itself.
    const DECODER_TABLE: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:\0";
    let holds = |bytes: &[u8]| {
        bytes
            .windows(DECODER_TABLE.len())
            .any(|w| w == DECODER_TABLE)
    };
    let worker = std::fs::read(dist().join("qr-reader/qr-reader_bg.wasm")).unwrap();
    assert!(holds(&worker), "the worker's wasm decodes");
    let apps = top_level_files_ending("_bg.wasm");
    assert_eq!(apps.len(), 1, "{apps:?}");
    let app = std::fs::read(&apps[0]).unwrap();
    assert!(!holds(&app), "{} holds the decoder", apps[0].display());

    // The page loads the app only: the worker's files are fetched when a scan starts (and
    // by the service worker, to keep; the precache test above checks they are listed).
    let page = read("index.html");
    let loads = page
        .split('<')
        .filter(|tag| tag.starts_with("link") || tag.starts_with("script"))
        .find(|tag| tag.contains("qr-reader"));
    assert_eq!(loads, None, "the page loads the reader");
    let start = read("qr-reader/start.js");
    for loaded in ["./qr-reader.js", "./qr-reader_bg.wasm"] {
        assert!(start.contains(loaded), "start.js loads {loaded}: {start}");
    }
}
