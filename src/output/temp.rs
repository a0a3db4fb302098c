//! The temporary file an output is written to before it takes its place.
//! On Linux it is anonymous (`O_TMPFILE`): a run killed mid-write (SIGKILL,
//! Ctrl-C, a power cut) leaves nothing in the folder, and the finished file
//! gets a name only to be renamed over the output at once. Where the system
//! or the file system has no anonymous files it is named
//! `.thidua-PID-RANDOM.HOST`, and every later run in the folder removes those
//! of this host whose process no longer exists.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

const PREFIX: &str = ".thidua-";

/// A file being written beside an output; dropped unfinished, it is gone.
pub struct TempOutput {
    file: File,
    dir: PathBuf,
    /// The name of a named temporary file, until it is renamed or removed.
    named: Option<PathBuf>,
}

impl TempOutput {
    /// A new temporary file in `dir`, with `perms` exactly (the replaced
    /// output's), or 0666 less the umask when `None`.
    pub(super) fn new(dir: &Path, perms: Option<fs::Permissions>) -> io::Result<TempOutput> {
        let (file, named) = match anonymous(dir) {
            Some(file) => (file, None),
            None => {
                let (file, name) = create_named(dir)?;
                (file, Some(name))
            }
        };
        let tmp = TempOutput {
            file,
            dir: dir.to_path_buf(),
            named,
        };
        if let Some(p) = perms {
            // fchmod, which the umask does not touch (the mode given at
            // creation is reduced by it).
            tmp.file.set_permissions(p)?;
        }
        Ok(tmp)
    }

    /// Puts the finished file at `path`, replacing what is there in one step.
    pub(super) fn persist(mut self, path: &Path) -> io::Result<()> {
        self.file.flush()?;
        if self.named.is_none() {
            self.named = Some(self.give_name()?);
        }
        let name = self.named.as_ref().expect("named above");
        fs::rename(name, path)?;
        self.named = None;
        Ok(())
    }

    /// A fresh hidden name in the folder for the anonymous file: linked from
    /// `/proc/self/fd`, or else (no `/proc`, a refused link) a named copy.
    fn give_name(&mut self) -> io::Result<PathBuf> {
        if let Some(name) = link_anonymous(&self.file, &self.dir)? {
            return Ok(name);
        }
        let (mut copy, name) = create_named(&self.dir)?;
        let done = (|| {
            copy.set_permissions(self.file.metadata()?.permissions())?;
            self.file.rewind()?;
            io::copy(&mut &self.file, &mut copy)?;
            copy.flush()
        })();
        if let Err(e) = done {
            let _ = fs::remove_file(&name);
            return Err(e);
        }
        Ok(name)
    }
}

impl Write for TempOutput {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for TempOutput {
    fn drop(&mut self) {
        if let Some(name) = self.named.take() {
            let _ = fs::remove_file(name);
        }
    }
}

/// A named temporary file, created new (never an existing file opened).
fn create_named(dir: &Path) -> io::Result<(File, PathBuf)> {
    let mut last = None;
    for _ in 0..64 {
        let path = dir.join(fresh_name());
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o666);
        match opts.open(&path) {
            Ok(f) => return Ok((f, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.expect("64 tries"))
}

/// `.thidua-PID-RANDOM.HOST`: whose it is, so a later run knows whether its
/// writer is gone.
fn fresh_name() -> String {
    use std::hash::{BuildHasher, RandomState};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let random = RandomState::new().hash_one((n, std::time::SystemTime::now())) as u32;
    format!("{PREFIX}{}-{random:08x}.{}", std::process::id(), host())
}

/// The writer of a temporary file name: (process id, host).
fn owner(name: &str) -> Option<(u32, &str)> {
    let (pid, rest) = name.strip_prefix(PREFIX)?.split_once('-')?;
    let (random, host) = rest.split_once('.')?;
    let hex = random.len() == 8 && random.bytes().all(|b| b.is_ascii_hexdigit());
    (hex && !host.is_empty()).then_some((pid.parse().ok()?, host))
}

/// Removes the temporary files of this host's runs that no longer exist
/// (killed mid-write). A file whose process may live is left alone, as is
/// any file of another host writing to a shared folder.
pub(super) fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let (me, here) = (std::process::id(), host());
    for e in entries.flatten() {
        let name = e.file_name();
        let Some((pid, host)) = name.to_str().and_then(owner) else {
            continue;
        };
        let is_file = e.file_type().is_ok_and(|t| t.is_file());
        if is_file && host == here && pid != me && gone(pid) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// This machine's name as file names may hold it.
fn host() -> String {
    let raw = sys::hostname().unwrap_or_default();
    let name: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    if name.is_empty() { "host".into() } else { name }
}

/// Whether process `pid` surely no longer exists.
fn gone(pid: u32) -> bool {
    sys::gone(pid)
}

/// An anonymous file in `dir`, where the system makes one.
fn anonymous(dir: &Path) -> Option<File> {
    sys::anonymous(dir)
}

/// Links the anonymous `file` under a fresh name in `dir`; `None` when it
/// cannot be linked (the caller copies it instead).
fn link_anonymous(file: &File, dir: &Path) -> io::Result<Option<PathBuf>> {
    for _ in 0..64 {
        let name = dir.join(fresh_name());
        match sys::link(file, &name) {
            Some(Ok(())) => return Ok(Some(name)),
            Some(Err(e)) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            _ => return Ok(None),
        }
    }
    Ok(None)
}

#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
mod sys {
    use std::ffi::{CString, c_char, c_int};
    use std::fs::{File, OpenOptions};
    use std::io;
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::path::Path;

    pub use super::unix::{gone, hostname};

    /// `__O_TMPFILE | O_DIRECTORY` (asm-generic/fcntl.h on x86_64; arm64
    /// has its own `O_DIRECTORY`).
    #[cfg(target_arch = "x86_64")]
    const O_TMPFILE: c_int = 0o20_200_000;
    #[cfg(target_arch = "aarch64")]
    const O_TMPFILE: c_int = 0o20_040_000;
    const AT_FDCWD: c_int = -100;
    const AT_SYMLINK_FOLLOW: c_int = 0x400;

    unsafe extern "C" {
        fn linkat(
            olddirfd: c_int,
            oldpath: *const c_char,
            newdirfd: c_int,
            newpath: *const c_char,
            flags: c_int,
        ) -> c_int;
    }

    /// `open(dir, O_TMPFILE | O_RDWR, 0666)`; `None` where the kernel or the
    /// file system has no anonymous files, or `/proc` is not there to link
    /// one from.
    pub fn anonymous(dir: &Path) -> Option<File> {
        if !Path::new("/proc/self/fd").is_dir() {
            return None;
        }
        OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(O_TMPFILE)
            .mode(0o666)
            .open(dir)
            .ok()
    }

    /// `linkat` of `/proc/self/fd/N` following the link (as open(2) shows:
    /// `std::fs::hard_link` does not follow it and fails with EXDEV).
    pub fn link(file: &File, to: &Path) -> Option<io::Result<()>> {
        let from = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd())).ok()?;
        let to = CString::new(to.as_os_str().as_bytes()).ok()?;
        // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
        let rc = unsafe {
            linkat(
                AT_FDCWD,
                from.as_ptr(),
                AT_FDCWD,
                to.as_ptr(),
                AT_SYMLINK_FOLLOW,
            )
        };
        Some(if rc == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        })
    }
}

#[cfg(all(
    unix,
    not(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    ))
))]
mod sys {
    use std::fs::File;
    use std::io;
    use std::path::Path;

    pub use super::unix::{gone, hostname};

    pub fn anonymous(_: &Path) -> Option<File> {
        None
    }

    pub fn link(_: &File, _: &Path) -> Option<io::Result<()>> {
        None
    }
}

#[cfg(unix)]
mod unix {
    use std::ffi::{c_char, c_int};
    use std::io;

    unsafe extern "C" {
        fn kill(pid: i32, sig: c_int) -> c_int;
        fn gethostname(name: *mut c_char, len: usize) -> c_int;
    }

    /// `kill(pid, 0)` fails with ESRCH only for a process that does not exist.
    pub fn gone(pid: u32) -> bool {
        let Ok(pid) = i32::try_from(pid) else {
            return false;
        };
        if pid <= 0 {
            return false;
        }
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        let rc = unsafe { kill(pid, 0) };
        rc != 0 && io::Error::last_os_error().raw_os_error() == Some(3) // ESRCH
    }

    pub fn hostname() -> Option<String> {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is writable for its whole length.
        let rc = unsafe { gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc != 0 {
            return None;
        }
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        Some(String::from_utf8_lossy(&buf[..end]).into_owned())
    }
}

/// Without a way to tell a dead writer from a live one, nothing is removed.
#[cfg(not(unix))]
mod sys {
    use std::fs::File;
    use std::io;
    use std::path::Path;

    pub fn anonymous(_: &Path) -> Option<File> {
        None
    }

    pub fn link(_: &File, _: &Path) -> Option<io::Result<()>> {
        None
    }

    pub fn gone(_: u32) -> bool {
        false
    }

    pub fn hostname() -> Option<String> {
        std::env::var("COMPUTERNAME").ok()
    }
}

#[cfg(test)]
mod tests;
