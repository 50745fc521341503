//! Compressed copies of every file of the build, for hosts that serve them: `NAME.gz` (gzip at
//! its highest level) and `NAME.br` (brotli at its highest quality) beside each file.
//!
//! A host set up for precompressed files (nginx `gzip_static`/`brotli_static`, Caddy's
//! `file_server precompressed`, Apache with rewrite rules, Netlify and Cloudflare Pages for
//! brotli of their own) sends the copy the browser accepts instead of compressing on each
//! request; hosts that do not simply serve the copies to no one. The service worker does not
//! list them: the browser decodes whatever arrives, and caching a copy would keep every file
//! twice ([`is_copy`]).

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::service_worker::BuildFile;

/// The extensions of the copies, after the file's own.
const GZIP: &str = "gz";
const BROTLI: &str = "br";

/// Whether `url` names a compressed copy written here rather than a file of the build.
pub fn is_copy(url: &str) -> bool {
    Path::new(url)
        .extension()
        .is_some_and(|extension| extension == GZIP || extension == BROTLI)
}

/// The bytes of all files, of their gzip copies and of their brotli copies.
#[derive(Debug, Default, PartialEq)]
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

/// Writes both copies of every file in `files` (URLs relative to `staging`, `./…`).
pub fn write_copies(staging: &Path, files: &[BuildFile]) -> Result<Sizes, String> {
    let mut sizes = Sizes::default();
    for file in files {
        let path = staging.join(file.url.trim_start_matches("./"));
        let gzip = gzip(&file.contents)?;
        let brotli = brotli(&file.contents)?;
        for (extension, copy) in [(GZIP, &gzip), (BROTLI, &brotli)] {
            let mut name = path.clone().into_os_string();
            name.push(format!(".{extension}"));
            fs::write(&name, copy).map_err(|e| format!("cannot write {name:?}: {e}"))?;
        }
        sizes.raw += file.contents.len();
        sizes.gzip += gzip.len();
        sizes.brotli += brotli.len();
    }
    Ok(sizes)
}

fn gzip(contents: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(contents).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

fn brotli(contents: &[u8]) -> Result<Vec<u8>, String> {
    let mut compressed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &contents[..], &mut compressed, &params)
        .map_err(|e| e.to_string())?;
    Ok(compressed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service_worker::build_files;
    use crate::test_dir::TestDir;
    use std::io::Read;

    #[test]
    fn every_file_gets_copies_that_give_back_its_bytes() {
        let dir = TestDir::new();
        let text = "kindness ".repeat(1000);
        dir.write("index.html", &text);
        dir.write("icons/icon.svg", "<svg/>");
        let files = build_files(dir.path()).unwrap();
        let sizes = write_copies(dir.path(), &files).unwrap();
        assert_eq!(sizes.raw, text.len() + "<svg/>".len());
        assert!(
            sizes.brotli < sizes.gzip && sizes.gzip < sizes.raw / 10,
            "{sizes:?}"
        );
        for (name, original) in [("index.html", text.as_str()), ("icons/icon.svg", "<svg/>")] {
            let gz = std::fs::read(dir.path().join(format!("{name}.gz"))).unwrap();
            let mut unzipped = String::new();
            flate2::read::GzDecoder::new(&gz[..])
                .read_to_string(&mut unzipped)
                .unwrap();
            assert_eq!(unzipped, original);
            let br = std::fs::read(dir.path().join(format!("{name}.br"))).unwrap();
            let mut unbrotlied = String::new();
            brotli::Decompressor::new(&br[..], 4096)
                .read_to_string(&mut unbrotlied)
                .unwrap();
            assert_eq!(unbrotlied, original);
        }
    }

    #[test]
    fn knows_its_copies_from_the_files_of_the_build() {
        assert!(is_copy("./kindred-1_bg.wasm.br"));
        assert!(is_copy("./index.html.gz"));
        assert!(!is_copy("./kindred-1_bg.wasm"));
        assert!(!is_copy("./icons/icon-192.png"));
    }
}
