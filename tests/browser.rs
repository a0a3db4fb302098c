//! The HTML reports in a real browser: headless Chromium, offline, loads the
//! file, prints it to A4 PDF with a page per group or tier, takes a
//! screenshot, and shows the expected title in its DOM. The test needs the
//! program, so it is `#[ignore]`: `.ci/run` installs `chromium` and runs it
//! with `--ignored`, where a missing browser is a failure, never a skip.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXAMPLE: &str = "examples/ninh-phuoc-2023.csv";
const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";
const TIMEOUT: Duration = Duration::from_secs(120);

/// The browser: `$CHROMIUM`, else the first of the usual names on `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Runs the browser on `html` with `args` in a throwaway profile, offline;
/// returns its standard output.
fn browse(bin: &Path, html: &Path, args: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > TIMEOUT {
            child.kill().unwrap();
            panic!("chromium did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap().unwrap()
}

/// Writes a report with the real binary into `dir`.
fn report(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    assert_cmd::Command::cargo_bin("thidua")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .args(["--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    out
}

/// Page count of a PDF as its page tree states it.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Count ")
        .filter_map(|(i, m)| {
            let digits: String = text[i + m.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .max()
        .unwrap_or(0)
}

/// Renders `html` three ways and checks each produced something real.
fn check(bin: &Path, dir: &Path, html: &Path, title: &str, min_pages: usize, charts: usize) {
    let pdf = dir.join("report.pdf");
    browse(bin, html, &[format!("--print-to-pdf={}", pdf.display())]);
    let bytes = std::fs::read(&pdf).expect("chromium wrote no PDF");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let pages = pdf_pages(&bytes);
    assert!(
        pages >= min_pages,
        "{pages} page(s), want at least {min_pages}: a page per section"
    );
    let png = dir.join("report.png");
    browse(
        bin,
        html,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1000,1400".into(),
        ],
    );
    let shot = std::fs::read(&png).expect("chromium wrote no screenshot");
    assert!(shot.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // A blank page compresses to a few kilobytes; charts and tables do not.
    assert!(
        shot.len() > 30_000,
        "screenshot of {} bytes looks blank",
        shot.len()
    );
    let dom = browse(bin, html, &["--dump-dom".into()]);
    assert!(
        dom.contains(&format!("<title>{title}</title>")),
        "title missing from the DOM"
    );
    assert_eq!(dom.matches("<svg ").count(), charts, "charts in the DOM");
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored (as .ci/run does)"]
fn rank_and_nominate_reports_render_in_chromium() {
    let bin = chromium().expect(
        "no chromium on PATH: set CHROMIUM=/path, or install the `chromium` package as .ci/run does",
    );
    let dir = tempfile::tempdir().unwrap();
    let rank = report(
        dir.path(),
        "bao-cao.html",
        &["rank", EXAMPLE, "--tier", "huyen"],
    );
    let title =
        "Báo cáo xếp hạng thi đua — Giấy khen của Chủ tịch UBND huyện (huyen) — 236/KH-UBND";
    check(&bin, dir.path(), &rank, title, 2, 4);
    let nominate = report(
        dir.path(),
        "de-nghi.html",
        &["nominate", EXAMPLE, "--individuals", PEOPLE],
    );
    check(
        &bin,
        dir.path(),
        &nominate,
        "Danh sách đề nghị khen thưởng — 236/KH-UBND",
        2,
        6,
    );
}
