//! Outputs through the real binary when things go wrong: a run killed while
//! its output is half written leaves the old output whole and no temporary
//! file for good (none at all where the system has anonymous files; the next
//! run removes it elsewhere), and a replaced output keeps its mode.

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{EXAMPLE, thidua};

fn temps(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".thidua-"))
        .collect()
}

/// Whether process `pid` holds an unnamed (O_TMPFILE) file open in `dir`:
/// /proc shows it as `DIR/#INODE (deleted)`.
fn writes_anonymously(pid: u32, dir: &Path) -> bool {
    let Ok(fds) = fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten().any(|fd| {
        fs::read_link(fd.path()).is_ok_and(|target| {
            let t = target.to_string_lossy();
            t.starts_with(&*dir.to_string_lossy()) && t.ends_with("(deleted)")
        })
    })
}

#[test]
fn a_run_killed_mid_write_leaves_the_old_output_and_no_temporary_file() {
    let bin = assert_cmd::cargo::cargo_bin("thidua");
    // Ctrl-C (SIGINT) ends the run as SIGTERM does; a test harness may run
    // with SIGINT ignored, so it is not sent here.
    for signal in ["KILL", "TERM"] {
        let dir = tempfile::tempdir().unwrap();
        let dir = fs::canonicalize(dir.path()).unwrap();
        let out = dir.join("scores.csv");
        fs::write(&out, "the old output\n").unwrap();
        let mut child = Command::new(&bin)
            .args(["score", EXAMPLE, "-o"])
            .arg(&out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("THIDUA_TEST_PAUSE_MID_WRITE_MS", "60000")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let named = loop {
            if !temps(&dir).is_empty() {
                break true;
            }
            if writes_anonymously(child.id(), &dir) {
                break false;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60) && child.try_wait().unwrap().is_none(),
                "the run never started writing"
            );
            std::thread::sleep(Duration::from_millis(5));
        };
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "SIG{signal}: the run was stopped mid-write"
        );
        assert_eq!(fs::read_to_string(&out).unwrap(), "the old output\n");
        if named {
            // No anonymous files here: the dead run's file stays until the next run.
            assert_eq!(temps(&dir).len(), 1, "SIG{signal}");
            thidua()
                .args(["score", EXAMPLE, "-o"])
                .arg(&out)
                .assert()
                .success();
            assert!(fs::read_to_string(&out).unwrap().starts_with("unit_id,"));
        }
        assert_eq!(
            temps(&dir),
            Vec::<String>::new(),
            "SIG{signal}: named {named}"
        );
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "SIG{signal}");
    }
}

#[test]
fn a_replaced_output_keeps_its_mode_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let bin = assert_cmd::cargo::cargo_bin("thidua");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("scores.csv");
    let run = || {
        let status = Command::new("sh")
            .arg("-c")
            .arg(r#"umask 022 && exec "$0" score "$1" -o "$2""#)
            .arg(&bin)
            .arg(EXAMPLE)
            .arg(&out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success());
        fs::metadata(&out).unwrap().permissions().mode() & 0o7777
    };
    assert_eq!(run(), 0o644, "a new output: 0666 less the umask");
    for mode in [0o664, 0o666, 0o600, 0o640] {
        fs::set_permissions(&out, fs::Permissions::from_mode(mode)).unwrap();
        assert_eq!(run(), mode, "{mode:o} stays {mode:o}");
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}
