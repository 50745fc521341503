//! A strict Content-Security-Policy and the app's `<head>` links, added to Trunk's index.html.
//!
//! Trunk starts the app from an inline `<script type="module">`. Rather than allowing every
//! inline script (`'unsafe-inline'`, which would also let an injected one run), the policy
//! names each inline script Trunk wrote by the SHA-256 hash of its exact text.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy's directives other than `script-src`, which carries the hashes.
const OTHER_DIRECTIVES: &str = "style-src 'self'; img-src 'self'; font-src 'self'; \
manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// The CSP source expression for an inline script: `'sha256-…'` over its exact text.
pub fn script_hash(script: &str) -> String {
    format!(
        "'sha256-{}'",
        STANDARD.encode(Sha256::digest(script.as_bytes()))
    )
}

/// The text of every inline `<script>` (one with no `src`), exactly as it stands between its
/// tags, since that is what the browser hashes.
pub fn inline_scripts(html: &str) -> Result<Vec<&str>, String> {
    // ASCII lowercasing keeps byte offsets, so positions found here index `html` too.
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let open = from + found;
        let after_name = open + "<script".len();
        // `<scripts>` or `<script-x>` would be other elements.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            from = after_name;
            continue;
        }
        let body = after_name
            + lower[after_name..]
                .find('>')
                .ok_or("index.html has an unclosed <script> tag")?
            + 1;
        let end = body
            + lower[body..]
                .find("</script")
                .ok_or("index.html has a <script> with no </script>")?;
        if !has_src(&lower[after_name..body]) {
            scripts.push(&html[body..end]);
        }
        from = end;
    }
    Ok(scripts)
}

/// Whether a script's attributes (the text between `<script` and `>`) include `src`.
fn has_src(attributes: &str) -> bool {
    attributes
        .split(|c: char| c.is_ascii_whitespace())
        .any(|attribute| attribute == "src" || attribute.starts_with("src="))
}

/// The whole policy, allowing exactly the given inline scripts, and requests to the page's own
/// site and, when given, to one group folder's site.
pub fn policy(script_hashes: &[String], folder_origin: Option<&str>) -> String {
    // 'wasm-unsafe-eval' lets the page compile WebAssembly, and nothing else: without it
    // Chromium refuses the app's module with a CompileError.
    let mut script_src = String::from("script-src 'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    let connect_src = match folder_origin {
        Some(origin) => format!("connect-src 'self' {origin}"),
        None => "connect-src 'self'".to_owned(),
    };
    format!("default-src 'self'; {script_src}; {connect_src}; {OTHER_DIRECTIVES}")
}

/// A group folder's site as the policy may name it: `https://host` or `https://host:port`,
/// nothing more, so that the setting can only ever open the one site it names.
pub fn folder_origin(setting: &str) -> Result<&str, String> {
    let host = setting.strip_prefix("https://").ok_or_else(|| {
        format!("KINDRED_FOLDER_ORIGIN={setting:?}: a folder's site starts with https://")
    })?;
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':');
    if host.is_empty() || !host.chars().all(allowed) || host.starts_with(['.', ':', '-']) {
        return Err(format!(
            "KINDRED_FOLDER_ORIGIN={setting:?}: give only the site, such as https://cloud.example.org"
        ));
    }
    Ok(setting)
}

/// What the head links to besides the policy. Values go into attributes as they are: they
/// are the tool's own constants, never outside input.
pub struct HeadLinks<'a> {
    /// The browser bar's colour, `#rrggbb`.
    pub theme_color: &'a str,
    /// The manifest's URL relative to the page.
    pub manifest: &'a str,
    /// The icon iOS puts on the home screen (it ignores the manifest's icons).
    pub touch_icon: &'a str,
    /// A group folder's site the page may also reach, checked by [`folder_origin`].
    pub folder_origin: Option<&'a str>,
}

/// The tags to add to `<head>`: the policy, then the links.
fn head_tags(policy: &str, links: &HeadLinks) -> [String; 4] {
    [
        format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#),
        format!(r#"<link rel="manifest" href="{}">"#, links.manifest),
        format!(
            r#"<meta name="theme-color" content="{}">"#,
            links.theme_color
        ),
        format!(
            r#"<link rel="apple-touch-icon" href="{}">"#,
            links.touch_icon
        ),
    ]
}

/// Adds the policy and the head tags right after `<meta charset…>`, where the policy governs
/// everything that follows. Returns the page unchanged when it already has exactly these
/// tags, so running twice is harmless; fails if it has a different policy, which would
/// otherwise be left stale or doubled.
pub fn add_to_head(html: &str, links: &HeadLinks) -> Result<String, String> {
    let hashes: Vec<String> = inline_scripts(html)?.into_iter().map(script_hash).collect();
    let lower = html.to_ascii_lowercase();
    let charset = lower
        .find("<meta charset")
        .ok_or("index.html has no <meta charset> to put the Content-Security-Policy after")?;
    let insert_at = charset
        + lower[charset..]
            .find('>')
            .ok_or("index.html has an unclosed <meta charset>")?
        + 1;
    let line_start = lower[..charset].rfind('\n').map_or(0, |i| i + 1);
    let indent = &html[line_start..charset];
    let indent = if indent.trim().is_empty() { indent } else { "" };

    let block: String = head_tags(&policy(&hashes, links.folder_origin), links)
        .iter()
        .map(|tag| format!("\n{indent}{tag}"))
        .collect();
    if html.contains(&block) {
        return Ok(html.to_owned());
    }
    if lower.contains("content-security-policy") {
        return Err(
            "index.html already has a different Content-Security-Policy; \
                    the post-build step expects Trunk's output without one"
                .to_owned(),
        );
    }
    Ok(format!(
        "{}{block}{}",
        &html[..insert_at],
        &html[insert_at..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shaped like Trunk 0.21's output: the inline module script sits in <head>, after the
    /// stylesheet, and a <noscript> in <body>.
    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Kindred</title>
    <link rel="stylesheet" href="./kindred-1.css"/>
<script type="module">
import init from "./a.js";
await init();
</script>
  <script src="./other.js"></script></head>
  <body><noscript>no</noscript></body>
</html>
"#;

    const LINKS: HeadLinks = HeadLinks {
        theme_color: "#1d5c4d",
        manifest: "manifest.webmanifest",
        touch_icon: "icons/icon-192.png",
        folder_origin: None,
    };

    #[test]
    fn hash_matches_openssl() {
        // echo -n 'console.log("hi");' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            script_hash(r#"console.log("hi");"#),
            "'sha256-YyeTXEEDvdUn4SEEQwWcQj1xGgfkyT8LNTFXYzrV0nc='"
        );
    }

    #[test]
    fn finds_only_inline_scripts_with_their_exact_text() {
        assert_eq!(
            inline_scripts(PAGE).unwrap(),
            ["\nimport init from \"./a.js\";\nawait init();\n"]
        );
        // printf '\nimport init from "./a.js";\nawait init();\n' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            script_hash(inline_scripts(PAGE).unwrap()[0]),
            "'sha256-YxuEGh54Oo+H2I5l/XFbyILhhS1bIzBgTPLJzyMTuy4='"
        );
    }

    #[test]
    fn finds_every_inline_script_whatever_the_case() {
        let html = "<SCRIPT>a()</SCRIPT><scripts>x</scripts><script defer>b()</script>";
        assert_eq!(inline_scripts(html).unwrap(), ["a()", "b()"]);
    }

    #[test]
    fn rejects_an_unclosed_script() {
        assert!(inline_scripts("<script>a()").is_err());
    }

    #[test]
    fn policy_is_strict() {
        let policy = policy(&[script_hash("a()")], None);
        assert!(policy.contains("; connect-src 'self'; "));
        assert!(
            policy.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
        );
        assert!(policy.ends_with("object-src 'none'; base-uri 'none'; form-action 'none'"));
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn adds_the_tags_right_after_the_charset() {
        let html = add_to_head(PAGE, &LINKS).unwrap();
        let expected = format!(
            "    <meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" \
             content=\"{}\">\n    <link rel=\"manifest\" href=\"manifest.webmanifest\">\n    \
             <meta name=\"theme-color\" content=\"#1d5c4d\">\n    \
             <link rel=\"apple-touch-icon\" href=\"icons/icon-192.png\">\n    <title>",
            policy(
                &["'sha256-YxuEGh54Oo+H2I5l/XFbyILhhS1bIzBgTPLJzyMTuy4='".to_owned()],
                None
            )
        );
        assert!(html.contains(&expected), "{html}");
        // Everything else is left as it was, so Trunk's own integrity hashes still hold.
        assert_eq!(
            html.replace(&expected, "    <meta charset=\"utf-8\" />\n    <title>"),
            PAGE
        );
    }

    #[test]
    fn adding_twice_changes_nothing() {
        let once = add_to_head(PAGE, &LINKS).unwrap();
        assert_eq!(add_to_head(&once, &LINKS).unwrap(), once);
    }

    #[test]
    fn refuses_a_page_with_another_policy() {
        let once = add_to_head(PAGE, &LINKS).unwrap();
        let changed = once.replace("await init();", "await init(); evil();");
        assert!(add_to_head(&changed, &LINKS)
            .unwrap_err()
            .contains("Content-Security-Policy"));
    }

    #[test]
    fn needs_a_charset() {
        assert!(add_to_head("<html><head></head></html>", &LINKS).is_err());
    }

    #[test]
    fn a_group_folder_on_another_site_adds_exactly_that_site() {
        let policy = policy(&[], Some("https://cloud.example.org"));
        assert!(policy.contains("; connect-src 'self' https://cloud.example.org; "));
        assert_eq!(
            folder_origin("https://cloud.example.org:8443"),
            Ok("https://cloud.example.org:8443")
        );
        for refused in [
            "http://cloud.example.org",
            "https://cloud.example.org/remote.php/dav",
            "https://*.example.org",
            "https://a.org; script-src *",
            "https://",
            "cloud.example.org",
        ] {
            assert!(folder_origin(refused).is_err(), "{refused}");
        }
    }
}
