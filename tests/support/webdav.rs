//! A real WebDAV server for the group-folder tests: WsgiDAV on Cheroot, from PyPI (installed
//! into `.tools/py` by scripts/setup), on 127.0.0.1 with basic auth, as a group's own server
//! would run it. It serves the built app at `/` (read-only, anyone) and the group folder at
//! `/dav/` (user `ana`, password [`PASSWORD`]) from one site, the simplest deployment the
//! README describes, or the folder alone on a site of its own.

use std::fs;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

pub const USER: &str = "ana";
pub const PASSWORD: &str = "correct horse";

/// A running WsgiDAV. Stops when dropped; its folder is removed with it.
pub struct WebDavServer {
    port: u16,
    dir: PathBuf,
    child: Option<Child>,
}

impl WebDavServer {
    /// The app from `dist` at `/` and the group folder at `/dav/`.
    pub fn with_app(dist: &Path) -> WebDavServer {
        WebDavServer::start(Some(dist))
    }

    /// Only the group folder at `/dav/`, on a site of its own, which sends no CORS headers.
    pub fn folder_only() -> WebDavServer {
        WebDavServer::start(None)
    }

    fn start(dist: Option<&Path>) -> WebDavServer {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("kindred-dav-{}-{port}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("data")).expect("make the folder's directory");
        let app = match dist {
            Some(dist) => format!(
                "  \"/\": {{root: \"{}\", readonly: true}}\n",
                dist.display()
            ),
            None => String::new(),
        };
        let anonymous = if dist.is_some() {
            "    \"/\": true\n"
        } else {
            ""
        };
        let config = format!(
            "host: 127.0.0.1\nport: {port}\nverbose: 1\n\
             provider_mapping:\n{app}  \"/dav\": \"{data}\"\n\
             http_authenticator:\n  domain_controller: null\n  accept_basic: true\n  \
             accept_digest: false\n  default_to_digest: false\n\
             simple_dc:\n  user_mapping:\n    \"/dav\":\n      \"{USER}\":\n        password: \"{PASSWORD}\"\n{anonymous}",
            data = dir.join("data").display(),
        );
        fs::write(dir.join("wsgidav.yaml"), config).expect("write the configuration");
        let mut server = WebDavServer {
            port,
            dir,
            child: None,
        };
        server.restart();
        server
    }

    /// Starts the server again on the same port, with the same folder: the same site.
    pub fn restart(&mut self) {
        assert!(self.child.is_none(), "already running");
        let wsgidav = Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/py/bin/wsgidav");
        let log = fs::File::create(self.dir.join("wsgidav.log")).expect("a log file");
        let child = Command::new(&wsgidav)
            .arg("--config")
            .arg(self.dir.join("wsgidav.yaml"))
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {} ({e}): run scripts/setup, which installs it",
                    wsgidav.display()
                )
            });
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "WsgiDAV did not start: {}",
                fs::read_to_string(self.dir.join("wsgidav.log")).unwrap_or_default()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server, as a server that goes down does: nothing answers on its port.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The app's page (WsgiDAV lists no folder, so `/` itself is refused).
    pub fn page(&self) -> String {
        format!("{}/index.html", self.origin())
    }

    /// The group folder's address, as the person types it.
    pub fn folder(&self) -> String {
        format!("{}/dav/kindred/", self.origin())
    }

    /// The device files in the folder, by name, as the server holds them.
    pub fn device_files(&self) -> Vec<(String, String)> {
        let devices = self.dir.join("data/kindred/devices");
        let mut files: Vec<(String, String)> = fs::read_dir(&devices)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        (
                            e.file_name().to_string_lossy().into_owned(),
                            fs::read_to_string(e.path()).unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Puts a file into the devices' folder behind the server's back, as another program
    /// (or a broken phone) might.
    pub fn put_device_file(&self, name: &str, text: &str) {
        let devices = self.dir.join("data/kindred/devices");
        fs::create_dir_all(&devices).expect("make devices/");
        fs::write(devices.join(name), text).expect("write a device file");
    }

    /// A request to the server with this user's login, for what a test sets up through
    /// WebDAV itself. Returns the status.
    pub fn request(&self, method: &str, path: &str, body: &str) -> u16 {
        let mut stream =
            TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)).expect("connect to WsgiDAV");
        let auth = base64_login();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAuthorization: Basic {auth}\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )
        .expect("send");
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }
}

impl Drop for WebDavServer {
    fn drop(&mut self) {
        self.stop();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn base64_login() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"))
}
