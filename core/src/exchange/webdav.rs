//! The few WebDAV requests a group folder needs, and reading their answers.
//!
//! Kindred speaks plain HTTP to a folder the group already has (Nextcloud, ownCloud, a NAS,
//! Apache's mod_dav, WsgiDAV): `PROPFIND` with `Depth: 1` to list it, `GET` and `PUT` with the
//! ETag preconditions that keep two writers from overwriting each other, and `MKCOL` to make
//! the folder. The browser sends them; this module writes them and reads what comes back, so
//! that the protocol is tested natively. `docs/group-folder.md` describes it.

use crate::qr::base64url;

/// The methods Kindred sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Propfind,
    Get,
    Put,
    Mkcol,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Propfind => "PROPFIND",
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Mkcol => "MKCOL",
        }
    }
}

/// One request, as the browser is to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

/// What came back from the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    /// The `ETag` header, as sent.
    pub etag: Option<String>,
    pub body: String,
}

/// Why a request got no answer at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAnswer {
    /// The phone has no network.
    Offline,
    /// The server could not be reached (down, wrong address, a network that keeps it away).
    Unreachable,
    /// The server answered, but the browser kept the answer from Kindred: the folder is on
    /// another site that does not allow this one (CORS).
    NotAllowedBySite,
}

/// The body of every `PROPFIND`: only the ETags, so that listing a folder stays small.
pub const PROPFIND_BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>"#;

/// The `Authorization` header for basic authentication, the one every WebDAV server takes.
/// The user name and password go as UTF-8 (RFC 7617's `charset="UTF-8"`).
pub fn basic_auth(user: &str, password: &str) -> String {
    let mut encoded = base64url(format!("{user}:{password}").as_bytes())
        .replace('-', "+")
        .replace('_', "/");
    while !encoded.len().is_multiple_of(4) {
        encoded.push('=');
    }
    format!("Basic {encoded}")
}

/// Whether two ETags name the same version. Servers quote them in headers but some leave the
/// quotes out of a listing (WsgiDAV does), and a weak `W/` marker says nothing about the bytes
/// Kindred compares.
pub fn same_etag(a: &str, b: &str) -> bool {
    fn bare(tag: &str) -> &str {
        let tag = tag.trim();
        let tag = tag.strip_prefix("W/").unwrap_or(tag);
        tag.trim_matches('"')
    }
    bare(a) == bare(b)
}

/// An ETag as a precondition header wants it: quoted.
pub fn quoted_etag(tag: &str) -> String {
    let tag = tag.trim();
    if tag.starts_with('"') || tag.starts_with("W/") {
        tag.to_string()
    } else {
        format!("\"{tag}\"")
    }
}

/// One entry of a folder listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The entry's path as the server wrote it, percent-decoded.
    pub href: String,
    pub etag: Option<String>,
}

impl Listed {
    /// The last segment of the path: the file's name (empty for the folder itself).
    pub fn file_name(&self) -> &str {
        self.href
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("")
    }

    pub fn is_folder(&self) -> bool {
        self.href.ends_with('/')
    }
}

/// A `PROPFIND` answer that is not a WebDAV listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAListing;

/// Reads a `207 Multi-Status` listing. Namespace prefixes differ from server to server
/// (`d:`, `D:`, `ns0:`, none), so elements are matched by their local name. An ETag whose
/// `propstat` says 404 (a folder has none) is left out.
pub fn parse_listing(xml: &str) -> Result<Vec<Listed>, NotAListing> {
    let mut listed = Vec::new();
    let mut rest = xml;
    let mut saw_multistatus = false;
    while let Some(tag) = next_tag(&mut rest) {
        match tag {
            Tag::Open("multistatus") => saw_multistatus = true,
            Tag::Open("response") => {
                let (entry, after) = read_response(rest)?;
                listed.push(entry);
                rest = after;
            }
            _ => {}
        }
    }
    if saw_multistatus {
        Ok(listed)
    } else {
        Err(NotAListing)
    }
}

/// Reads one `<response>` from just after its opening tag to just after its end.
fn read_response(mut rest: &str) -> Result<(Listed, &str), NotAListing> {
    let mut href = None;
    let mut etag = None;
    // Inside a propstat: the ETag found so far, taken only if its status says 200.
    let mut pending_etag: Option<String> = None;
    let mut status_ok = true;
    loop {
        let before = rest;
        let tag = next_tag(&mut rest).ok_or(NotAListing)?;
        match tag {
            Tag::Open("href") => {
                let (text, after) = text_until_close(rest, "href")?;
                href = Some(percent_decode(&unescape(text)));
                rest = after;
            }
            Tag::Open("propstat") => {
                pending_etag = None;
                status_ok = true;
            }
            Tag::Open("getetag") => {
                let (text, after) = text_until_close(rest, "getetag")?;
                let text = unescape(text).trim().to_string();
                pending_etag = (!text.is_empty()).then_some(text);
                rest = after;
            }
            Tag::Open("status") => {
                let (text, after) = text_until_close(rest, "status")?;
                status_ok = text.split_whitespace().nth(1) == Some("200");
                rest = after;
            }
            Tag::Close("propstat") => {
                if status_ok && pending_etag.is_some() {
                    etag = pending_etag.take();
                }
            }
            Tag::Close("response") => {
                let href = href.ok_or(NotAListing)?;
                return Ok((Listed { href, etag }, rest));
            }
            _ => {
                if rest.len() == before.len() {
                    return Err(NotAListing);
                }
            }
        }
    }
}

enum Tag<'a> {
    Open(&'a str),
    Close(&'a str),
    /// `<x/>`, `<?xml ?>`, comments.
    Other,
}

/// The next tag after `rest`, by local name, moving `rest` past it.
fn next_tag<'a>(rest: &mut &'a str) -> Option<Tag<'a>> {
    let start = rest.find('<')?;
    let end = start + rest[start..].find('>')?;
    let inside = &rest[start + 1..end];
    *rest = &rest[end + 1..];
    if inside.starts_with('?') || inside.starts_with('!') || inside.ends_with('/') {
        return Some(Tag::Other);
    }
    let (closing, name) = match inside.strip_prefix('/') {
        Some(name) => (true, name),
        None => (false, inside),
    };
    let name = name.split_whitespace().next().unwrap_or("");
    let local = name.rsplit(':').next().unwrap_or(name);
    Some(if closing {
        Tag::Close(local)
    } else {
        Tag::Open(local)
    })
}

/// The text up to the closing tag of `name`, and what follows that tag.
fn text_until_close<'a>(rest: &'a str, name: &str) -> Result<(&'a str, &'a str), NotAListing> {
    let end = rest.find("</").ok_or(NotAListing)?;
    let mut after = &rest[end..];
    match next_tag(&mut after) {
        Some(Tag::Close(closed)) if closed == name => Ok((&rest[..end], after)),
        _ => Err(NotAListing),
    }
}

/// XML's five escapes and numeric references.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `%20` and the like, as servers write paths. Bytes that do not make UTF-8 stay as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_auth_is_base64_of_user_colon_password_in_utf8() {
        // RFC 7617's example, and its UTF-8 one.
        assert_eq!(
            basic_auth("Aladdin", "open sesame"),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(basic_auth("test", "123£"), "Basic dGVzdDoxMjPCow==");
        assert_eq!(basic_auth("ana", "?>>"), "Basic YW5hOj8+Pg==");
    }

    #[test]
    fn etags_compare_with_or_without_quotes_and_weak_marker() {
        assert!(same_etag("\"abc-1\"", "abc-1"));
        assert!(same_etag("W/\"abc-1\"", "\"abc-1\""));
        assert!(!same_etag("\"abc-1\"", "\"abc-2\""));
        assert_eq!(quoted_etag("abc"), "\"abc\"");
        assert_eq!(quoted_etag("\"abc\""), "\"abc\"");
    }

    #[test]
    fn a_wsgidav_listing_reads_with_its_etags_and_the_folder_has_none() {
        let xml = r#"<?xml version="1.0" encoding="utf-8" ?>
<ns0:multistatus xmlns:ns0="DAV:"><ns0:response><ns0:href>/dav/devices/</ns0:href><ns0:propstat><ns0:prop><ns0:getetag /></ns0:prop><ns0:status>HTTP/1.1 404 Not Found</ns0:status></ns0:propstat></ns0:response><ns0:response><ns0:href>/dav/devices/a.json</ns0:href><ns0:propstat><ns0:prop><ns0:getetag>10364166-1796172153-2</ns0:getetag></ns0:prop><ns0:status>HTTP/1.1 200 OK</ns0:status></ns0:propstat></ns0:response></ns0:multistatus>"#;
        let listed = parse_listing(xml).unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed[0].is_folder());
        assert_eq!(listed[0].etag, None);
        assert_eq!(listed[1].file_name(), "a.json");
        assert_eq!(listed[1].etag.as_deref(), Some("10364166-1796172153-2"));
    }

    #[test]
    fn a_nextcloud_style_listing_with_other_prefixes_escapes_and_two_propstats_reads() {
        let xml = r#"<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
 <d:response>
  <d:href>/remote.php/dav/files/ana/Kindred%20group/devices/b%2B1.json</d:href>
  <d:propstat><d:prop><d:getetag>&quot;5f2a&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><oc:size/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
 <D:response xmlns:D="DAV:"><D:href>/x/&amp;y.json</D:href><D:propstat><D:prop><D:getetag>W/"7"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
</d:multistatus>"#;
        let listed = parse_listing(xml).unwrap();
        assert_eq!(
            listed[0].href,
            "/remote.php/dav/files/ana/Kindred group/devices/b+1.json"
        );
        assert_eq!(listed[0].file_name(), "b+1.json");
        assert!(same_etag(listed[0].etag.as_deref().unwrap(), "5f2a"));
        assert_eq!(listed[1].href, "/x/&y.json");
        assert_eq!(listed[1].etag.as_deref(), Some("W/\"7\""));
    }

    #[test]
    fn what_is_not_a_listing_is_refused_whatever_it_is() {
        for text in [
            "",
            "<html><body>It works!</body></html>",
            "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/a",
            "<d:multistatus><d:response><d:propstat></d:propstat></d:response></d:multistatus>",
            "{\"json\": true}",
            "<<<<>>>>",
        ] {
            assert_eq!(parse_listing(text), Err(NotAListing), "{text:?}");
        }
        assert_eq!(
            parse_listing(r#"<d:multistatus xmlns:d="DAV:"/>"#).map(|l| l.len()),
            Err(NotAListing),
            "an empty element is no multistatus opened"
        );
        assert_eq!(
            parse_listing(r#"<d:multistatus xmlns:d="DAV:"></d:multistatus>"#),
            Ok(vec![])
        );
    }

    #[test]
    fn percent_decoding_leaves_broken_escapes_as_written() {
        assert_eq!(percent_decode("a%20b"), "a b");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("a%zz"), "a%zz");
        assert_eq!(percent_decode("%E9%A6%99"), "香");
        assert_eq!(percent_decode("%FF"), "%FF");
    }
}
