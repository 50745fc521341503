//! The service worker, filled in from the template `assets/sw.js` with this build's files.
//!
//! The worker caches exactly the files of one build under a cache name derived from their
//! contents: any change to any file gives a new name, so browsers install the new build and
//! drop the old cache, and an unchanged build keeps its name and is not downloaded again.
//!
//! It also gets the names of the build's wasm and JS files, to refuse installing an
//! index.html that does not load them: a previous build's page, left in a cache between the
//! host and the worker, would otherwise be kept and point at files the host no longer has.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

/// The worker's own file name in the staging dir. It is not in its own list: browsers fetch
/// and update it themselves, and its text depends on the list.
pub const FILE_NAME: &str = "sw.js";

/// Placeholder in the template for the cache name (it stands inside a string literal).
const CACHE_PLACEHOLDER: &str = "__KINDRED_CACHE__";
/// Placeholder in the template for the JSON array of files to cache.
const FILES_PLACEHOLDER: &str = "__KINDRED_FILES__";
/// Placeholder in the template for the JSON array of names the page must contain.
const CODE_PLACEHOLDER: &str = "__KINDRED_CODE__";

/// One file of the build: its URL relative to the app (`./icons/icon-192.png`) and contents.
#[derive(Debug)]
pub struct BuildFile {
    /// `./` followed by the path with forward slashes.
    pub url: String,
    /// The file's bytes.
    pub contents: Vec<u8>,
}

/// Every file under `dir` (recursively) but the top-level worker and the compressed copies of
/// files (an earlier run's), sorted by URL.
pub fn build_files(dir: &Path) -> Result<Vec<BuildFile>, String> {
    let mut files = Vec::new();
    collect(dir, "./", &mut files)?;
    files.retain(|file| {
        file.url != format!("./{FILE_NAME}") && !crate::compressed::is_copy(&file.url)
    });
    files.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(files)
}

fn collect(dir: &Path, prefix: &str, files: &mut Vec<BuildFile>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        // The list goes into JavaScript as URLs: a name that is not Unicode cannot be one.
        let name = name
            .to_str()
            .ok_or_else(|| format!("{} is not a UTF-8 file name", path.display()))?;
        let url = format!("{prefix}{name}");
        let kind = entry
            .file_type()
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if kind.is_dir() {
            collect(&path, &format!("{url}/"), files)?;
        } else {
            let contents =
                fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            files.push(BuildFile { url, contents });
        }
    }
    Ok(())
}

/// `kindred-` and the first 16 hex digits of a SHA-256 over the worker's template and the
/// files' URLs and contents: a changed worker over the same files is a new build too, so it
/// never writes into the cache the running worker serves from.
pub fn cache_name(template: &str, files: &[BuildFile]) -> String {
    let mut hasher = Sha256::new();
    hasher.update((template.len() as u64).to_le_bytes());
    hasher.update(template.as_bytes());
    for file in files {
        // Length prefixes keep the boundaries unambiguous: moving bytes from one file's
        // end to the next one's start, or into a name, still changes the hash.
        for part in [file.url.as_bytes(), &file.contents] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
    }
    let digest = hasher.finalize();
    let hex: String = digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("kindred-{hex}")
}

/// The URLs the worker caches: the app's root (`./`, which the browser opens) and every file.
pub fn cached_urls(files: &[BuildFile]) -> Vec<&str> {
    let mut urls: Vec<&str> = files.iter().map(|file| file.url.as_str()).collect();
    urls.push("./");
    urls.sort_unstable();
    urls
}

/// The names of the build's wasm and JS files at its top (`kindred-1a2b….js`), which
/// index.html names to start the app. Trunk puts a hash of the code in them, so a page that
/// names them all is this build's page. (Files in folders, such as wasm-bindgen's snippets,
/// are loaded by that JS, not by the page.)
///
/// Fails if index.html does not name every one, or if there is none: the worker would then
/// refuse every install, or accept any page.
pub fn code_names(files: &[BuildFile]) -> Result<Vec<&str>, String> {
    let index = files
        .iter()
        .find(|file| file.url == "./index.html")
        .ok_or("the build has no index.html")?;
    let index = std::str::from_utf8(&index.contents).map_err(|_| "index.html is not UTF-8")?;
    let names: Vec<&str> = files
        .iter()
        .filter_map(|file| file.url.strip_prefix("./"))
        .filter(|name| !name.contains('/') && (name.ends_with(".js") || name.ends_with(".wasm")))
        .collect();
    if names.is_empty() {
        return Err("the build has no wasm or JS file for index.html to name".to_owned());
    }
    match names.iter().find(|name| !index.contains(**name)) {
        Some(missing) => Err(format!(
            "index.html does not name {missing}, so the service worker would refuse to install it"
        )),
        None => Ok(names),
    }
}

/// The template with its placeholders filled in. Fails if one is missing, so that a
/// template edited out of step with this tool is caught at build time, not in a browser.
pub fn fill_template(template: &str, files: &[BuildFile]) -> Result<String, String> {
    for placeholder in [CACHE_PLACEHOLDER, FILES_PLACEHOLDER, CODE_PLACEHOLDER] {
        if !template.contains(placeholder) {
            return Err(format!("the service worker template has no {placeholder}"));
        }
    }
    let list = serde_json::to_string(&cached_urls(files)).map_err(|e| e.to_string())?;
    let code = serde_json::to_string(&code_names(files)?).map_err(|e| e.to_string())?;
    Ok(template
        .replace(CACHE_PLACEHOLDER, &cache_name(template, files))
        .replace(FILES_PLACEHOLDER, &list)
        .replace(CODE_PLACEHOLDER, &code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dir::TestDir;

    const TEMPLATE: &str = "const CACHE = \"__KINDRED_CACHE__\"; const FILES = __KINDRED_FILES__; \
                            const CODE = __KINDRED_CODE__;";
    const PAGE: &str = "<script type=\"module\">import init from './kindred-1.js';</script>";

    fn build() -> TestDir {
        let dir = TestDir::new();
        dir.write("index.html", PAGE);
        dir.write("kindred-1.js", "js");
        dir.write("icons/icon-192.png", "png");
        dir.write("Zeta.css", "css");
        dir.write(FILE_NAME, "the previous worker");
        dir
    }

    #[test]
    fn lists_every_file_sorted_and_relative_without_the_worker() {
        let dir = build();
        let files = build_files(dir.path()).unwrap();
        assert_eq!(
            cached_urls(&files),
            [
                "./",
                "./Zeta.css",
                "./icons/icon-192.png",
                "./index.html",
                "./kindred-1.js"
            ]
        );
    }

    #[test]
    fn keeps_a_worker_that_is_not_at_the_top() {
        let dir = build();
        dir.write("vendor/sw.js", "someone else's");
        let files = build_files(dir.path()).unwrap();
        assert!(cached_urls(&files).contains(&"./vendor/sw.js"));
    }

    #[test]
    fn cache_name_follows_every_byte_and_name() {
        let dir = build();
        let before = cache_name(TEMPLATE, &build_files(dir.path()).unwrap());
        assert!(before.starts_with("kindred-"));
        assert_eq!(before.len(), "kindred-".len() + 16);
        assert!(before["kindred-".len()..]
            .chars()
            .all(|c| c.is_ascii_hexdigit()));
        assert_eq!(
            cache_name(TEMPLATE, &build_files(dir.path()).unwrap()),
            before,
            "not deterministic"
        );

        dir.write("kindred-1.js", "js!");
        let changed = cache_name(TEMPLATE, &build_files(dir.path()).unwrap());
        assert_ne!(changed, before);

        dir.rename("kindred-1.js", "kindred-2.js");
        assert_ne!(
            cache_name(TEMPLATE, &build_files(dir.path()).unwrap()),
            changed
        );
    }

    #[test]
    fn a_changed_worker_template_gets_a_new_cache_name() {
        let dir = build();
        let files = build_files(dir.path()).unwrap();
        assert_ne!(
            cache_name(TEMPLATE, &files),
            cache_name(&format!("{TEMPLATE} // fixed"), &files)
        );
    }

    #[test]
    fn cache_name_ignores_the_worker_itself() {
        let dir = build();
        let before = cache_name(TEMPLATE, &build_files(dir.path()).unwrap());
        dir.write(FILE_NAME, "a newer worker");
        assert_eq!(
            cache_name(TEMPLATE, &build_files(dir.path()).unwrap()),
            before
        );
    }

    #[test]
    fn moving_bytes_between_files_changes_the_name() {
        let first = TestDir::new();
        first.write("a", "xy");
        first.write("b", "z");
        let second = TestDir::new();
        second.write("a", "x");
        second.write("b", "yz");
        assert_ne!(
            cache_name(TEMPLATE, &build_files(first.path()).unwrap()),
            cache_name(TEMPLATE, &build_files(second.path()).unwrap())
        );
    }

    #[test]
    fn fills_the_template() {
        let dir = build();
        let files = build_files(dir.path()).unwrap();
        let worker = fill_template(TEMPLATE, &files).unwrap();
        assert_eq!(
            worker,
            format!(
                "const CACHE = \"{}\"; const FILES = [\"./\",\"./Zeta.css\",\"./icons/icon-192.png\",\
                 \"./index.html\",\"./kindred-1.js\"]; const CODE = [\"kindred-1.js\"];",
                cache_name(TEMPLATE, &files)
            )
        );
    }

    #[test]
    fn refuses_a_template_without_placeholders() {
        for placeholder in [CACHE_PLACEHOLDER, FILES_PLACEHOLDER, CODE_PLACEHOLDER] {
            let error = fill_template(&TEMPLATE.replace(placeholder, "x"), &[]).unwrap_err();
            assert!(error.contains(placeholder), "{error}");
        }
    }

    #[test]
    fn the_page_must_name_every_wasm_and_js_file_at_the_top() {
        let dir = build();
        dir.write("kindred-1_bg.wasm", "wasm");
        dir.write("snippets/kindred-1/inline0.js", "loaded by kindred-1.js");
        let error = code_names(&build_files(dir.path()).unwrap()).unwrap_err();
        assert!(error.contains("kindred-1_bg.wasm"), "{error}");

        dir.write(
            "index.html",
            &PAGE.replace("import", "await init('./kindred-1_bg.wasm'); import"),
        );
        let files = build_files(dir.path()).unwrap();
        assert_eq!(
            code_names(&files).unwrap(),
            ["kindred-1.js", "kindred-1_bg.wasm"]
        );
        assert!(fill_template(TEMPLATE, &files)
            .unwrap()
            .contains("const CODE = [\"kindred-1.js\",\"kindred-1_bg.wasm\"];"));
    }

    #[test]
    fn refuses_a_build_without_code_or_without_a_page() {
        let dir = TestDir::new();
        dir.write("index.html", PAGE);
        let error = code_names(&build_files(dir.path()).unwrap()).unwrap_err();
        assert!(error.contains("no wasm or JS"), "{error}");

        let dir = build();
        std::fs::remove_file(dir.path().join("index.html")).unwrap();
        let error = fill_template(TEMPLATE, &build_files(dir.path()).unwrap()).unwrap_err();
        assert!(error.contains("no index.html"), "{error}");
    }
}
