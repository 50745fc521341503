//! A temporary directory for tests, removed when dropped.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh, empty directory under the system's temp dir, unique to this process and test.
pub struct TestDir(PathBuf);

impl TestDir {
    pub fn new() -> Self {
        // Tests run in parallel threads: a counter tells their directories apart.
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("kindred-post-build-{}-{n}", std::process::id()));
        // A leftover from an earlier process with the same id must not leak into this test.
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        TestDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to `relative`, creating its folders.
    pub fn write(&self, relative: &str, contents: &str) {
        let path = self.0.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.0.join(relative)).unwrap()
    }

    pub fn rename(&self, from: &str, to: &str) {
        fs::rename(self.0.join(from), self.0.join(to)).unwrap();
    }
}

impl Drop for TestDir {
    fn drop(&mut self) {
        // Best effort: a directory left in the temp dir is harmless.
        let _ = fs::remove_dir_all(&self.0);
    }
}
