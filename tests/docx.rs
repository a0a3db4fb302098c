//! The .docx papers through the binary: unzipped, their document.xml holds
//! the Nghị định 30 head (quốc hiệu, tiêu ngữ, bodies, number, place and date
//! in words), the lists with a repeated header row, Vietnamese numbers, names
//! and never ids, "…" for every field `--doc` leaves out, A4 with the ND 30
//! margins, Times New Roman. One `#[ignore]`d test renders it in LibreOffice
//! (`.ci/run` installs it and runs the ignored tests: missing, it fails).

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use crate::util::{EXAMPLE, fails, run, write};

const PEOPLE: &str = "examples/ninh-phuoc-2023-canhan.csv";
const DOC: &str = "examples/van-ban.yaml";

/// Runs `args` with `-o DIR/name` and returns word/document.xml.
fn document(dir: &Path, name: &str, args: &[&str]) -> String {
    let out = dir.join(name);
    let mut a = args.to_vec();
    a.extend(["-o", out.to_str().unwrap()]);
    run(&a);
    document_xml(&std::fs::read(&out).unwrap())
}

pub fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The text of each paragraph (runs joined), XML entities decoded.
fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("</w:p>").map(text).collect()
}

pub fn text(xml: &str) -> String {
    let mut out = String::new();
    for piece in xml.split("<w:t").skip(1) {
        let Some(start) = piece.find('>') else {
            continue;
        };
        if piece[..start].contains('/') && !piece[..start].contains("xml:space") {
            continue; // <w:tab/>, <w:tblHeader />…
        }
        let body = &piece[start + 1..];
        if let Some(end) = body.find("</w:t>") {
            out.push_str(&body[..end]);
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

/// The tables: for each, its rows as lists of cell texts.
fn tables(xml: &str) -> Vec<Vec<Vec<String>>> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</w:tbl>").unwrap()];
            t.split("<w:tr>")
                .skip(1)
                .map(|r| r.split("<w:tc>").skip(1).map(text).collect())
                .collect()
        })
        .collect()
}

#[test]
fn nominate_docx_is_the_list_a_secretary_prints_and_signs() {
    let dir = tempfile::tempdir().unwrap();
    let xml = document(
        dir.path(),
        "de-nghi.docx",
        &["nominate", EXAMPLE, "--individuals", PEOPLE, "--doc", DOC],
    );
    let paras = paragraphs(&xml);
    let has = |s: &str| paras.iter().any(|p| p == s);
    for line in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH NINH THUẬN",
        "UBND HUYỆN NINH PHƯỚC",
        "Số: …/DS-UBND",
        "Ninh Phước, ngày 05 tháng 12 năm 2023",
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Chủ tịch UBND huyện",
        "(Kèm theo Tờ trình số …/TTr-UBND ngày 05/12/2023 của UBND huyện Ninh Phước)",
        "Tổng cộng: 2 tập thể, 2 cá nhân.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nơi nhận:",
        "- Lưu: VT, NV.",
    ] {
        assert!(has(line), "no paragraph `{line}` in {paras:#?}");
    }
    // Quốc hiệu bold, tiêu ngữ bold and underlined as long as its line.
    let tieu_ngu = xml
        .split("</w:p>")
        .find(|p| text(p) == "Độc lập - Tự do - Hạnh phúc")
        .unwrap();
    assert!(tieu_ngu.contains("<w:b />") && tieu_ngu.contains(r#"<w:u w:val="single" />"#));
    // Two tiers: head, collectives, individuals, signature each.
    let t = tables(&xml);
    assert_eq!(t.len(), 8, "{t:#?}");
    let tinh = &t[1];
    assert_eq!(
        tinh[0],
        [
            "STT",
            "Tên tập thể",
            "Khối",
            "Điểm",
            "Xếp hạng",
            "Thành tích"
        ]
    );
    assert_eq!(
        tinh.len(),
        3,
        "header + Phòng Nội vụ + xã Phước Hải: {tinh:#?}"
    );
    assert_eq!(
        tinh[1],
        [
            "1",
            "Phòng Nội vụ",
            "Các cơ quan, đơn vị thuộc UBND huyện",
            "82,29",
            "1",
            "…"
        ]
    );
    assert_eq!(
        tinh[2][1..4],
        ["UBND xã Phước Hải", "UBND các xã, thị trấn", "84,90"]
    );
    assert_eq!(
        t[2][0],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích"]
    );
    assert_eq!(t[2].len(), 3, "{:#?}", t[2]);
    let huyen = &t[5];
    assert_eq!(
        huyen.len(),
        1 + 4 + 7,
        "the huyện quotas are 4 + 7: {huyen:#?}"
    );
    assert!(huyen.iter().any(|r| r[3] == "81,17"), "{huyen:#?}");
    // Each list's header row repeats on every page.
    assert_eq!(xml.matches("<w:tblHeader").count(), 4);
    // Names, never ids; Vietnamese numbers only.
    for id in [
        "phong_noi_vu",
        "xa_phuoc_hai",
        "(tinh)",
        "(huyen)",
        "phong_ban",
        "khong_tre_han",
        "82.29",
    ] {
        assert!(!xml.contains(id), "`{id}` printed");
    }
    // A4 portrait, ND 30 margins (20/20/30/20 mm), Times New Roman.
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(
        xml.contains(r#"<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701""#),
        "margins"
    );
    assert!(xml.contains(r#"w:ascii="Times New Roman""#));
}

#[test]
fn without_doc_every_field_is_left_for_the_pen() {
    let dir = tempfile::tempdir().unwrap();
    let xml = document(
        dir.path(),
        "trong.docx",
        &["nominate", EXAMPLE, "--tier", "tinh"],
    );
    let paras = paragraphs(&xml);
    for line in [
        "Số: …",
        "…, ngày … tháng … năm …",
        "(Kèm theo Tờ trình số … ngày … của …)",
        "- …",
    ] {
        assert!(paras.iter().any(|p| p == line), "no `{line}` in {paras:#?}");
    }
    // Without an individuals file the units propose them: names left blank.
    let t = tables(&xml);
    assert_eq!(t.len(), 4, "one tier");
    assert!(t[2][1..].iter().all(|r| r[1] == "…"), "{:#?}", t[2]);
    assert!(
        paras
            .iter()
            .any(|p| p == "Tổng cộng: 2 tập thể, 0 cá nhân (còn 2 cá nhân do đơn vị đề xuất).")
    );
}

#[test]
fn rank_and_score_docx_name_the_criteria_on_landscape_pages() {
    let dir = tempfile::tempdir().unwrap();
    let xml = document(
        dir.path(),
        "xep-hang.docx",
        &["rank", EXAMPLE, "--tier", "huyen", "--doc", DOC],
    );
    assert!(xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(xml.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape""#));
    let t = tables(&xml);
    let xa = &t[2];
    assert!(
        xa[0].iter().any(|h| h == "Tiến độ (20,00 đ)"),
        "{:?}",
        xa[0]
    );
    assert_eq!(xa.len(), 1 + 10, "header + the 10 communes");
    assert_eq!(xa[1][1], "UBND xã Phước Hải");
    assert!(
        xa[1].last().unwrap().starts_with("Đã đề nghị Bằng khen"),
        "{:?}",
        xa[1]
    );
    assert!(text(&xml).contains("Đã xếp 7/7 suất."));
    for id in [
        "tien_do",
        "hai_long",
        "phong_ban",
        "(xa)",
        "xa_phuoc_hai",
        "84.90",
    ] {
        assert!(!xml.contains(id), "`{id}` printed");
    }
    // `--levers` adds "Để vào chỉ tiêu" before "Ghi chú", as in html.
    let xml = document(
        dir.path(),
        "don-bay.docx",
        &["rank", EXAMPLE, "--tier", "huyen", "--levers"],
    );
    let xa = &tables(&xml)[2];
    let at = xa[0]
        .iter()
        .position(|h| h == "Để vào chỉ tiêu")
        .expect("the levers column");
    assert_eq!(xa[0][at + 1], "Ghi chú");
    let son = xa.iter().find(|r| r[1] == "UBND xã Phước Sơn").unwrap();
    assert_eq!(son[at], "5 hồ sơ trễ hạn được giải quyết đúng hạn");
    assert!(!xml.contains('`'), "no Markdown in a Word document");
    let xml = document(dir.path(), "diem.docx", &["score", EXAMPLE]);
    assert!(text(&xml).contains("BẢNG TỔNG HỢP ĐIỂM THI ĐUA"));
    assert_eq!(tables(&xml).len(), 4, "head, two groups, signature");
}

#[test]
fn doc_fields_are_checked_before_any_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.docx");
    let o = out.to_str().unwrap();
    let bad = write(
        dir.path(),
        "vb.yaml",
        "issuer: UBND\nsigner: Nguyễn Văn A\n",
    );
    let err = fails(&["nominate", EXAMPLE, "--doc", &bad, "-o", o], 1);
    assert!(
        err.contains("vb.yaml:2:") && err.contains("unknown key `signer` (valid keys:"),
        "{err}"
    );
    let bad = write(dir.path(), "ngay.yaml", "date: 31/02/2023\n");
    let err = fails(&["rank", EXAMPLE, "--doc", &bad, "-o", o], 1);
    assert!(
        err.contains("ngay.yaml:1:7: date: `31/02/2023` is not a date"),
        "{err}"
    );
    let err = fails(&["score", EXAMPLE, "--doc", DOC, "--format", "csv"], 2);
    assert!(err.contains("--doc fills a Word document"), "{err}");
    let err = fails(&["score", EXAMPLE, "--explain", "xa_an_hai", "-o", o], 2);
    assert!(err.contains("--explain"), "{err}");
    assert!(!out.exists(), "nothing half-written");
}

/// LibreOffice, as `.ci/run` installs it (`libreoffice-writer-nogui`).
fn soffice() -> String {
    std::env::var("SOFFICE").unwrap_or_else(|_| "soffice".into())
}

#[test]
#[ignore = "needs LibreOffice and poppler-utils: cargo test -- --ignored (as .ci/run does)"]
fn nominate_docx_opens_in_libreoffice_and_page_one_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("de-nghi.docx");
    run(&[
        "nominate",
        EXAMPLE,
        "--individuals",
        PEOPLE,
        "--doc",
        DOC,
        "-o",
        docx.to_str().unwrap(),
    ]);
    let profile = format!("-env:UserInstallation=file://{}/lo", dir.path().display());
    let status = Command::new(soffice())
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .status()
        .expect("no soffice on PATH: install libreoffice-writer-nogui as .ci/run does");
    assert!(status.success(), "soffice failed");
    let pdf = dir.path().join("de-nghi.pdf");
    assert!(pdf.exists(), "LibreOffice wrote no PDF");
    let prefix = dir.path().join("trang");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("no pdftoppm on PATH: install poppler-utils as .ci/run does");
    assert!(status.success());
    let png = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("pdftoppm wrote no PNG");
    let (w, h, dark) = ink(&std::fs::read(&png).unwrap());
    // A4 portrait at 60 dpi: 496 × 702.
    assert!(
        (490..=500).contains(&w) && (698..=706).contains(&h),
        "{w}×{h}"
    );
    // The head, title, two tables and the signature: a few percent of ink,
    // neither a blank page nor a black one.
    let share = dark as f64 / (w * h) as f64;
    assert!((0.01..0.25).contains(&share), "dark pixels: {share:.3}");
    // The README's picture is an A4 page 1 made by scripts/docx-preview.sh.
    let (rw, rh, rdark) =
        ink(&std::fs::read("docs/de-nghi-trang-1.png").expect("docs/de-nghi-trang-1.png"));
    let ratio = rh as f64 / rw as f64;
    assert!((1.40..1.43).contains(&ratio) && rdark > 0, "{rw}×{rh}");
}

/// Width, height and the number of dark pixels of a PNG.
fn ink(bytes: &[u8]) -> (u32, u32, usize) {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let dark = buf[..info.buffer_size()]
        .chunks(channels)
        .filter(|px| px.iter().take(3).map(|&c| c as u32).sum::<u32>() < 3 * 128)
        .count();
    (info.width, info.height, dark)
}

/// The paper the council signs carries its decisions as every other format
/// does: the points it added, with the document that says so.
#[test]
fn the_nomination_paper_names_the_councils_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let xml = document(
        dir.path(),
        "qd.docx",
        &[
            "nominate",
            EXAMPLE,
            "--decisions",
            "examples/quyet-dinh-hoi-dong.yaml",
        ],
    );
    let t = text(&xml);
    assert!(
        t.contains("UBND xã Phước Sơn: +3,00 điểm") && t.contains("Quyết định số 45/QĐ-UBND"),
        "{t}"
    );
}

/// What-if columns on a paper are refused from the flags alone, before any
/// file is read: a missing baseline is not even looked at.
#[test]
fn what_if_on_a_paper_is_refused_before_reading_anything() {
    for args in [
        vec![
            "score",
            EXAMPLE,
            "--baseline",
            "khong-co.csv",
            "-o",
            "x.docx",
        ],
        vec![
            "rank",
            EXAMPLE,
            "--tier",
            "huyen",
            "--sensitivity",
            "100000",
            "-o",
            "x.docx",
        ],
    ] {
        let err = crate::util::fails(&args, 2);
        assert!(err.contains("--format docx"), "{err}");
        assert!(!err.contains("khong-co.csv"), "{err}");
    }
}
