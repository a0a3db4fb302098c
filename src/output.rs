//! Where results go: stdout or a file written atomically (a temporary file
//! in the target folder, then rename), never over one of the run's own
//! inputs. A run killed mid-write leaves no temporary file behind on Linux,
//! and a later run removes the ones other systems leave (`temp`).

mod temp;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

pub use temp::TempOutput;

/// Writes `bytes` to `path` (or stdout when `None`). `inputs` are the files the
/// run read; writing over any of them, also through a link, is refused.
pub fn emit(path: Option<&Path>, bytes: &[u8], inputs: &[&Path]) -> Result<()> {
    match path {
        None => {
            let mut out = io::stdout().lock();
            out.write_all(bytes)
                .and_then(|_| out.flush())
                .context(crate::i18n::messages::Msg::WritingStdout)
        }
        Some(p) => write_atomic(p, bytes, inputs),
    }
}

fn write_atomic(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<()> {
    refuse_inputs(path, inputs)?;
    let mut tmp = temp_beside(path)?;
    let failed = || crate::msg!(WriteFailed, path.display());
    match pause_mid_write() {
        None => tmp.write_all(bytes).with_context(failed)?,
        Some(pause) => {
            let (a, b) = bytes.split_at(bytes.len() / 2);
            tmp.write_all(a)
                .and_then(|_| tmp.flush())
                .with_context(failed)?;
            std::thread::sleep(pause);
            tmp.write_all(b).with_context(failed)?;
        }
    }
    tmp.flush().with_context(failed)?;
    persist(tmp, path, inputs)
}

/// `THIDUA_TEST_PAUSE_MID_WRITE_MS`: the tests' way to kill a run while an
/// output is half written (a real 300 MB paper takes minutes to render).
fn pause_mid_write() -> Option<std::time::Duration> {
    let ms = std::env::var("THIDUA_TEST_PAUSE_MID_WRITE_MS").ok()?;
    ms.parse().ok().map(std::time::Duration::from_millis)
}

/// A temporary file in `path`'s folder with the permissions `path` will
/// have, for output too large to hold in memory; finish it with [`persist`].
/// Temporary files that runs killed earlier left in the folder are removed.
pub fn temp_beside(path: &Path) -> Result<TempOutput> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        bail!(crate::msg!(NoSuchFolder, path.display(), dir.display()));
    }
    if path.is_dir() {
        bail!(crate::msg!(WriteIsFolder, path.display()));
    }
    temp::remove_stale(&dir);
    TempOutput::new(&dir, output_permissions(path))
        .with_context(|| crate::msg!(NoTempFile, dir.display()))
}

/// Renames a finished temporary file over `path`, never over an input.
pub fn persist(tmp: TempOutput, path: &Path, inputs: &[&Path]) -> Result<()> {
    refuse_inputs(path, inputs)?;
    tmp.persist(path).map_err(|e| replace_error(path, e))
}

/// Why a finished output could not take its place. On Windows a file open
/// in Excel is locked: replacing it is refused (PermissionDenied), and the
/// user needs to hear what to do, not an OS error number.
fn replace_error(path: &Path, e: std::io::Error) -> anyhow::Error {
    let at = path.display();
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        anyhow::anyhow!(crate::msg!(FileLocked, at))
    } else {
        anyhow::Error::new(e).context(crate::msg!(CannotReplace, at))
    }
}

/// A report replaces the old one with the old one's permissions exactly
/// (664 stays 664, whatever the umask), and a new one gets what any program
/// would create (0666 less the umask), not the private 0600 of a temporary
/// file: colleagues must be able to open it. `None`: a new file.
fn output_permissions(path: &Path) -> Option<fs::Permissions> {
    fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions())
}

/// Refuses `path` when it is one of `inputs` (also through a link).
pub fn refuse_inputs(path: &Path, inputs: &[&Path]) -> Result<()> {
    let Ok(target) = fs::canonicalize(path) else {
        return Ok(()); // does not exist yet: cannot be an input
    };
    for input in inputs {
        if fs::canonicalize(input).is_ok_and(|i| i == target) || same_file(path, input) {
            bail!(crate::msg!(OverInput, path.display(), input.display()));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    #[test]
    fn a_locked_output_says_to_close_it_in_excel() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let e = replace_error(Path::new("bao-cao.xlsx"), denied).en();
        assert!(
            e.starts_with("bao-cao.xlsx: cannot replace the file")
                && e.contains("close the file in Excel and run again"),
            "{e}"
        );
        let other = std::io::Error::from(std::io::ErrorKind::NotFound);
        let e = crate::i18n::en(format_args!(
            "{:#}",
            replace_error(Path::new("x.csv"), other)
        ));
        assert!(e.starts_with("x.csv: cannot replace the file: "), "{e}");
        assert!(!e.contains("Excel"), "{e}");
    }

    #[test]
    fn writes_atomically_and_refuses_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.csv");
        fs::write(&input, "data").unwrap();
        let out = dir.path().join("out.csv");
        emit(Some(&out), b"result", &[&input]).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "result");
        let e = emit(Some(&input), b"x", &[&input]).unwrap_err().en();
        assert!(e.contains("refusing to write over the input file"), "{e}");
        assert_eq!(fs::read_to_string(&input).unwrap(), "data");
        let e = emit(Some(&dir.path().join("no/such/x.csv")), b"x", &[])
            .unwrap_err()
            .en();
        assert!(e.contains("does not exist"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_follow_the_umask_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report.csv");
        emit(Some(&out), b"a", &[]).unwrap();
        let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        let umask = fs::read_to_string("/proc/self/status").ok().and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("Umask:")
                    .map(|u| u32::from_str_radix(u.trim(), 8).unwrap())
            })
        });
        if let Some(umask) = umask {
            assert_eq!(mode, 0o666 & !umask, "0666 less the umask {umask:o}");
        }
        for kept in [0o640, 0o664, 0o666, 0o604] {
            fs::set_permissions(&out, fs::Permissions::from_mode(kept)).unwrap();
            emit(Some(&out), b"b", &[]).unwrap();
            let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, kept, "{kept:o} stays {kept:o}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_an_input_reached_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.csv");
        fs::write(&input, "data").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        assert!(emit(Some(&link), b"x", &[&input]).is_err());
        let hard = dir.path().join("hard.csv");
        fs::hard_link(&input, &hard).unwrap();
        assert!(emit(Some(&hard), b"x", &[&input]).is_err());
        assert_eq!(fs::read_to_string(&input).unwrap(), "data");
    }
}
