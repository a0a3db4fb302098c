//! The temporary files themselves: their names, both ways of finishing one,
//! and which stale files a run removes.

use super::*;

#[test]
fn names_say_whose_they_are() {
    let name = fresh_name();
    assert_eq!(owner(&name), Some((std::process::id(), host().as_str())));
    assert_eq!(
        owner(".thidua-12-0a1b2c3d.may-1.local"),
        Some((12, "may-1.local"))
    );
    for other in [
        ".thidua-abc123",
        ".thidua-12-xyz.h",
        ".thidua-12-0a1b2c3d.",
        "thidua-1-0a1b2c3d.h",
    ] {
        assert_eq!(owner(other), None, "{other}");
    }
}

#[test]
fn a_named_temporary_file_is_renamed_into_place_or_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let (file, name) = create_named(dir.path()).unwrap();
    let mut tmp = TempOutput {
        file,
        dir: dir.path().to_path_buf(),
        named: Some(name.clone()),
    };
    tmp.write_all(b"named").unwrap();
    tmp.persist(&out).unwrap();
    assert_eq!(fs::read_to_string(&out).unwrap(), "named");
    assert!(!name.exists());
    let (file, name) = create_named(dir.path()).unwrap();
    drop(TempOutput {
        file,
        dir: dir.path().to_path_buf(),
        named: Some(name.clone()),
    });
    assert!(!name.exists(), "an unfinished file is removed");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn only_temporary_files_of_dead_runs_of_this_host_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let at = |pid: u32, host: &str| dir.path().join(format!("{PREFIX}{pid}-0a1b2c3d.{host}"));
    let stale = at(dead, &host());
    let mine = at(std::process::id(), &host());
    let other_host = at(dead, "another-machine");
    let unrelated = dir.path().join(".thidua-old");
    for f in [&stale, &mine, &other_host, &unrelated] {
        fs::write(f, "x").unwrap();
    }
    remove_stale(dir.path());
    assert!(!stale.exists(), "a dead run's file is removed");
    for kept in [&mine, &other_host, &unrelated] {
        assert!(kept.exists(), "{kept:?} is kept");
    }
}

#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
#[test]
fn on_linux_the_file_has_no_name_until_it_takes_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.docx");
    let mut tmp = TempOutput::new(dir.path(), None).unwrap();
    if tmp.named.is_some() {
        return; // a file system without O_TMPFILE: the named path is tested above
    }
    tmp.write_all(b"anonymous").unwrap();
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    tmp.persist(&out).unwrap();
    assert_eq!(fs::read_to_string(&out).unwrap(), "anonymous");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}
