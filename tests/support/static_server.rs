//! A tiny static file server for the browser tests.
//!
//! It serves a built copy of the app (`dist/`) to Chromium over plain HTTP on 127.0.0.1.
//! It is deliberately small: GET and HEAD only, one thread per connection, and every
//! response closes its connection. Closing connections matters for the offline tests:
//! after [`StaticServer::stop`] no kept-alive or preconnected socket can still reach the
//! server, so the browser really is offline.
//!
//! It tells the browser not to store anything (`Cache-Control: no-store`) unless a test asks
//! for the `max-age` that real static hosts send ([`StaticServer::set_max_age`]).
//!
//! It sends files as they are unless asked to compress them as hosts do
//! ([`StaticServer::set_compression`]): the benchmark measures a first visit on the wire so.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Serves the files under a root directory on `http://127.0.0.1:PORT/`.
///
/// The port is chosen once, at [`StaticServer::start`], and kept for the server's whole
/// life: [`StaticServer::restart`] serves again on the same port, so the page's origin (and
/// with it its localStorage and service worker) stays the same across a stop and restart.
/// The server stops when dropped.
pub struct StaticServer {
    port: u16,
    /// Shared with the connection threads so that [`StaticServer::set_root`] and
    /// [`StaticServer::set_max_age`] take effect for the very next request.
    site: Arc<Site>,
    /// `None` while stopped. Behind a mutex so that a test can stop and restart the server
    /// through the shared reference `App::server` gives.
    running: Mutex<Option<Running>>,
}

/// What the server answers with: the files, how long browsers may keep them and how they
/// travel.
struct Site {
    root: RwLock<PathBuf>,
    /// `None`: `no-store`.
    max_age: RwLock<Option<u32>>,
    compression: RwLock<Compression>,
}

/// How the server compresses what it sends, for requests whose `Accept-Encoding` allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Every file as it is on disk.
    None,
    /// gzip, compressed on the fly at zlib's default level, as static hosts that compress
    /// do (GitHub Pages, Netlify).
    Gzip,
    /// The `.br` or `.gz` copy the build wrote beside a file, brotli first, as a host set up
    /// to serve precompressed files does (nginx `brotli_static`/`gzip_static`, Caddy
    /// `precompressed`); the file as it is when there is no copy the request accepts.
    Precompressed,
}

/// The accept loop of a started server.
struct Running {
    port: u16,
    stop: Arc<AtomicBool>,
    connections: Connections,
    thread: JoinHandle<()>,
}

/// The connections being served, by a serial number, so that `stop` can close them.
type Connections = Arc<Mutex<HashMap<u64, TcpStream>>>;

impl StaticServer {
    /// Starts serving `root` on a free port of 127.0.0.1.
    pub fn start(root: PathBuf) -> StaticServer {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .unwrap_or_else(|e| panic!("static server: cannot bind 127.0.0.1:0: {e}"));
        let port = listener
            .local_addr()
            .expect("static server: local address")
            .port();
        let site = Arc::new(Site {
            root: RwLock::new(root),
            max_age: RwLock::new(None),
            compression: RwLock::new(Compression::None),
        });
        let running = Mutex::new(Some(Running::spawn(listener, Arc::clone(&site))));
        StaticServer {
            port,
            site,
            running,
        }
    }

    /// The port the server listens on (the same before and after a restart).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The absolute URL of `path` on this server, e.g. `url("#/journal")` gives
    /// `http://127.0.0.1:PORT/#/journal`. A leading `/` in `path` is optional.
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://127.0.0.1:{}/{}",
            self.port,
            path.trim_start_matches('/')
        )
    }

    /// The directory currently served.
    pub fn root(&self) -> PathBuf {
        read(&self.site.root).clone()
    }

    /// Serves files from `root` from now on, as if a new build had been deployed.
    pub fn set_root(&self, root: PathBuf) {
        *write(&self.site.root) = root;
    }

    /// From now on, lets browsers keep every answer for `seconds` without asking again
    /// (`Cache-Control: max-age=SECONDS`), as static hosts do (GitHub Pages: 600), instead of
    /// `no-store`. The browser's HTTP cache then holds the files it fetched, also after a
    /// `set_root`, as it would on such a host.
    pub fn set_max_age(&self, seconds: u32) {
        *write(&self.site.max_age) = Some(seconds);
    }

    /// From now on, compresses what it sends as `compression` says.
    pub fn set_compression(&self, compression: Compression) {
        *write(&self.site.compression) = compression;
    }

    /// Stops accepting connections and closes the listening socket: once this returns,
    /// connecting to the port is refused. Does nothing if already stopped.
    pub fn stop(&self) {
        if let Some(running) = self.running().take() {
            running.stop();
        }
    }

    /// Serves again, on the same port, after [`StaticServer::stop`]. Does nothing if the
    /// server is running.
    pub fn restart(&self) {
        let mut running = self.running();
        if running.is_some() {
            return;
        }
        // std sets SO_REUSEADDR on Unix listeners, so the port can be bound again even
        // though connections to it may linger in TIME_WAIT.
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, self.port))
            .unwrap_or_else(|e| panic!("static server: cannot bind port {} again: {e}", self.port));
        *running = Some(Running::spawn(listener, Arc::clone(&self.site)));
    }

    /// Whether the server is currently accepting connections.
    pub fn is_running(&self) -> bool {
        self.running().is_some()
    }

    fn running(&self) -> std::sync::MutexGuard<'_, Option<Running>> {
        lock(&self.running)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Running {
    fn spawn(listener: TcpListener, site: Arc<Site>) -> Running {
        let port = listener
            .local_addr()
            .expect("static server: local address")
            .port();
        let stop = Arc::new(AtomicBool::new(false));
        let connections = Connections::default();
        let thread = {
            let stop = Arc::clone(&stop);
            let connections = Arc::clone(&connections);
            thread::Builder::new()
                .name(format!("static-server-{port}"))
                .spawn(move || accept_loop(listener, &site, &stop, &connections))
                .expect("static server: spawn accept thread")
        };
        Running {
            port,
            stop,
            connections,
            thread,
        }
    }

    fn stop(self) {
        self.stop.store(true, Ordering::SeqCst);
        // `accept` blocks, so wake it with a connection of our own; the loop then sees the
        // flag and returns, which drops (closes) the listener.
        let _ = TcpStream::connect_timeout(
            &SocketAddr::from((Ipv4Addr::LOCALHOST, self.port)),
            Duration::from_secs(1),
        );
        let _ = self.thread.join();
        // Chromium keeps spare connections open (preconnects) to send a later request on.
        // Closing them too makes that request fail like any other once offline. No new
        // connection can be added now that the accept loop has ended.
        for (_, connection) in lock(&self.connections).drain() {
            let _ = connection.shutdown(std::net::Shutdown::Both);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A thread that panicked while holding the lock cannot have left a map or an option
    // half-changed, so the data is still good.
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

// The same holds for a path or a number behind a read-write lock.
fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|e| e.into_inner())
}

fn accept_loop(
    listener: TcpListener,
    site: &Arc<Site>,
    stop: &AtomicBool,
    connections: &Connections,
) {
    for (serial, stream) in (0u64..).zip(listener.incoming()) {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        if let Ok(clone) = stream.try_clone() {
            lock(connections).insert(serial, clone);
        }
        let site = Arc::clone(site);
        // One thread per connection, so a slow or stalled request (Chromium opens
        // speculative connections it may never use) cannot hold up the others.
        let connections = Arc::clone(connections);
        let _ = thread::Builder::new()
            .name("static-server-conn".into())
            .spawn(move || {
                let _ = serve_connection(stream, &site);
                lock(&connections).remove(&serial);
            });
    }
}

/// Reads one request from `stream`, answers it and closes the connection.
fn serve_connection(stream: TcpStream, site: &Site) -> std::io::Result<()> {
    // Without a timeout a connection Chromium opens but never uses would keep its thread
    // alive until the test process exits.
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);

    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // Connected and closed without a request (e.g. `stop`'s wake-up).
    }
    // Of the headers, only the encodings the client accepts change the answer.
    let mut accepted = Vec::new();
    let mut header = String::new();
    loop {
        header.clear();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accepted = accepted_encodings(value);
            }
        }
    }

    // The root is read once the request has arrived, not when the connection was accepted:
    // Chromium opens connections ahead of need, and one opened before `set_root` must still
    // be answered from the new build, as a real server's would.
    let root = read(&site.root).clone();
    let root = root.as_path();
    let cache_control = match *read(&site.max_age) {
        Some(seconds) => format!("max-age={seconds}"),
        // `no-store` keeps Chromium's HTTP cache out of the way: after `set_root` the browser
        // must see the new build, exactly as the server has it. (A service worker's Cache API
        // stores responses regardless of this header.)
        None => "no-store".to_owned(),
    };
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut stream = stream;
    let answer = if method != "GET" && method != "HEAD" {
        Answer::plain("405 Method Not Allowed", b"")
    } else {
        match resolve(root, target) {
            Some(path) => {
                let compression = *read(&site.compression);
                match encoded(&path, compression, &accepted) {
                    Some((encoding, body)) => Answer {
                        status: "200 OK",
                        content_type: content_type(&path),
                        encoding,
                        body,
                    },
                    None => Answer::plain("404 Not Found", b"Not found\n"),
                }
            }
            None => Answer::plain("404 Not Found", b"Not found\n"),
        }
    };
    respond(&mut stream, &answer, &cache_control, method == "HEAD")
}

/// What to send back: a status, and a body in an encoding.
struct Answer {
    status: &'static str,
    content_type: &'static str,
    /// `identity`, `gzip` or `br`.
    encoding: &'static str,
    body: Vec<u8>,
}

impl Answer {
    fn plain(status: &'static str, body: &[u8]) -> Answer {
        Answer {
            status,
            content_type: "text/plain; charset=utf-8",
            encoding: "identity",
            body: body.to_vec(),
        }
    }
}

/// The encodings an `Accept-Encoding` value allows, in lower case (those given `q=0` refused).
fn accepted_encodings(value: &str) -> Vec<String> {
    value
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next()?.to_ascii_lowercase();
            let refused = parts.any(|p| p.strip_prefix("q=").is_some_and(|q| q.parse() == Ok(0.0)));
            (!name.is_empty() && !refused).then_some(name)
        })
        .collect()
}

/// The file at `path` in the encoding `compression` chooses among those `accepted`, with the
/// encoding's name; `None` when the file cannot be read.
fn encoded(
    path: &Path,
    compression: Compression,
    accepted: &[String],
) -> Option<(&'static str, Vec<u8>)> {
    let accepts = |name: &str| accepted.iter().any(|a| a == name);
    match compression {
        Compression::None => {}
        Compression::Gzip if accepts("gzip") => {
            let body = std::fs::read(path).ok()?;
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&body).ok()?;
            return Some(("gzip", encoder.finish().ok()?));
        }
        Compression::Gzip => {}
        Compression::Precompressed => {
            for (encoding, extension) in [("br", "br"), ("gzip", "gz")] {
                let mut copy = path.as_os_str().to_owned();
                copy.push(format!(".{extension}"));
                if accepts(encoding) {
                    if let Ok(body) = std::fs::read(PathBuf::from(copy)) {
                        return Some((encoding, body));
                    }
                }
            }
        }
    }
    Some(("identity", std::fs::read(path).ok()?))
}

/// Writes the answer (only its head for a HEAD request) and closes the connection.
fn respond(
    stream: &mut TcpStream,
    answer: &Answer,
    cache_control: &str,
    head_only: bool,
) -> std::io::Result<()> {
    let Answer {
        status,
        content_type,
        encoding,
        body,
    } = answer;
    let content_encoding = match *encoding {
        "identity" => String::new(),
        encoding => format!("Content-Encoding: {encoding}\r\nVary: Accept-Encoding\r\n"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {content_encoding}Cache-Control: {cache_control}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()?;
    // Drain whatever the client still sends (a request body we ignored) before closing,
    // so the kernel does not answer with a reset that could cut off our response.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut sink = [0u8; 1024];
    while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
    Ok(())
}

/// Maps a request target such as `/pkg/app.js?v=1` to a file under `root`, or `None` if
/// there is no such file or the path tries to leave `root`.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    // Chromium never sends the fragment, but strip it anyway along with the query.
    let path = target.split(['?', '#']).next().unwrap_or("");
    let path = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for component in Path::new(&path).components() {
        match component {
            Component::Normal(segment) => file.push(segment),
            Component::RootDir | Component::CurDir => {}
            // `..` (or a Windows prefix) would climb out of root: refuse outright.
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // A symlink inside root may point outside it; accept only files whose real path is
    // still under root's real path.
    let real_root = root.canonicalize().ok()?;
    let real_file = file.canonicalize().ok()?;
    (real_file.starts_with(&real_root) && real_file.is_file()).then_some(real_file)
}

/// Decodes `%XX` escapes. Returns `None` for malformed escapes, non-UTF-8 results, and
/// encoded NUL bytes, none of which a browser sends for a real file.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    if out.contains(&0) {
        return None;
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file, by extension. `.wasm` must be `application/wasm`:
/// `WebAssembly.instantiateStreaming` refuses anything else.
fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
