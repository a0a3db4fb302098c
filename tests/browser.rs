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
        .env("THIDUA_LANG", "en")
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
    let title = "Báo cáo xếp hạng thi đua — Giấy khen của Chủ tịch UBND huyện — 236/KH-UBND";
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

/// A metrics file of `n` units in each of the example's two groups: the
/// example's rows repeated with ids `pb001`…, `xa001`… (no `_`, so a PDF's
/// line breaks cannot split them) and online counts varied for distinct totals.
fn many_units(dir: &Path, n: usize) -> PathBuf {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let online = header
        .split(',')
        .position(|h| h == "tiep_nhan_truc_tuyen")
        .unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let mut out = format!("{header}\n");
    for (group, prefix) in [("phong_ban", "pb"), ("xa", "xa")] {
        let source: Vec<&Vec<&str>> = rows.iter().filter(|r| r[2] == group).collect();
        for i in 0..n {
            let mut r: Vec<String> = source[i % source.len()]
                .iter()
                .map(|c| c.to_string())
                .collect();
            r[0] = format!("{prefix}{:03}", i + 1);
            r[1] = format!("{} số {}", r[1], i + 1);
            let count: u64 = r[online].parse().unwrap();
            r[online] = (count * (100 - (i as u64 % 37)) / 100).to_string();
            out.push_str(&r.join(","));
            out.push('\n');
        }
    }
    let path = dir.join(format!("{n}-units.csv"));
    std::fs::write(&path, out).unwrap();
    path
}

/// The text of page `page` of `pdf` (all pages when `None`), by `pdftotext`.
fn pdf_text(pdf: &Path, page: Option<usize>) -> String {
    let mut c = Command::new("pdftotext");
    if let Some(p) = page {
        c.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = c
        .arg(pdf)
        .arg("-")
        .output()
        .expect("no pdftotext on PATH: install poppler-utils as .ci/run does");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

fn print_pdf(bin: &Path, html: &Path) -> (PathBuf, usize) {
    let pdf = html.with_extension("pdf");
    browse(bin, html, &[format!("--print-to-pdf={}", pdf.display())]);
    let pages = pdf_pages(&std::fs::read(&pdf).expect("chromium wrote no PDF"));
    (pdf, pages)
}

#[test]
#[ignore = "needs Chromium and pdftotext: cargo test -- --ignored (as .ci/run does)"]
fn a_group_of_150_units_prints_every_row_with_no_lone_heading() {
    let bin =
        chromium().expect("no chromium on PATH: set CHROMIUM=/path, or install it as .ci/run does");
    let dir = tempfile::tempdir().unwrap();
    let data = many_units(dir.path(), 150);
    let html = report(
        dir.path(),
        "150.html",
        // With the ids, which a PDF's line breaks cannot split.
        &["rank", data.to_str().unwrap(), "--tier", "huyen", "--ids"],
    );
    // Each group's two charts, cut into parts of 30 bars with their own axis.
    let doc = std::fs::read_to_string(&html).unwrap();
    assert_eq!(doc.matches("<svg ").count(), 2 * 2 * 5, "charts of 30 bars");
    let (pdf, pages) = print_pdf(&bin, &html);
    // 300 table rows, 300 bars and 300 stacked bars: tens of pages, not hundreds.
    assert!(
        (15..=60).contains(&pages),
        "{pages} pages for 2 × 150 units"
    );
    let all: String = pdf_text(&pdf, None).split_whitespace().collect();
    for prefix in ["pb", "xa"] {
        for i in 1..=150 {
            let id = format!("{prefix}{i:03}");
            assert!(all.contains(&id), "{id} is missing from the printed report");
        }
    }
    let headings = [
        "Cơ cấu điểm theo nhóm tiêu chí",
        "Các cơ quan, đơn vị",
        "UBND các xã",
    ];
    for p in 1..=pages {
        let text = pdf_text(&pdf, Some(p));
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert!(lines.len() > 4, "page {p} is nearly empty: {lines:?}");
        let last = lines.last().unwrap();
        assert!(
            !headings.iter().any(|h| last.starts_with(h)),
            "page {p} ends with a heading whose content is on the next page: {last}"
        );
    }
}

#[test]
#[ignore = "needs Chromium and pdftotext: cargo test -- --ignored (as .ci/run does)"]
fn a_wide_table_prints_landscape_with_every_column() {
    let bin =
        chromium().expect("no chromium on PATH: set CHROMIUM=/path, or install it as .ci/run does");
    let dir = tempfile::tempdir().unwrap();
    let base = many_units(dir.path(), 23);
    // 25 columns: on A4 portrait the last ones (Δ hai_long) fell off the page.
    let html = report(
        dir.path(),
        "base.html",
        &["score", EXAMPLE, "--baseline", base.to_str().unwrap()],
    );
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("<section class=\"group wide")
    );
    let (pdf, pages) = print_pdf(&bin, &html);
    for p in 1..pages {
        let text: String = pdf_text(&pdf, Some(p)).split_whitespace().collect();
        if text.contains("Tổngđiểm") {
            assert!(text.contains("Δhai_long"), "page {p} lost its last column");
        }
    }
}
