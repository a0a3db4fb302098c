use chrono::NaiveDate;

use super::*;
use crate::campaign::{Campaign, DEFAULT_YAML, default_label};
use crate::import::people;
use crate::metrics::{self, Metrics};
use crate::nomination::nominate as walk;
use crate::ranking::{self, GroupRanking};
use crate::report::nominate::NominationView;
use crate::report::svg::tests::{attrs, well_formed};
use crate::scoring::{Scorer, UnitScore};

const EXAMPLE: &[u8] = include_bytes!("../../../examples/ninh-phuoc-2023.csv");
const PEOPLE: &[u8] = include_bytes!("../../../examples/ninh-phuoc-2023-canhan.csv");

struct Run {
    campaign: Campaign,
    metrics: Metrics,
    scores: Vec<UnitScore>,
}

impl Run {
    fn new(csv: &[u8]) -> Run {
        Run::with(DEFAULT_YAML, csv)
    }

    fn with(yaml: &str, csv: &[u8]) -> Run {
        let campaign = Campaign::from_yaml(yaml, default_label(crate::i18n::Lang::En)).unwrap();
        let metrics = metrics::read(csv, "ninh-phuoc-2023.csv", None).unwrap();
        let scores = Scorer::new(&campaign, &metrics)
            .unwrap()
            .score_all(&metrics)
            .unwrap();
        Run {
            campaign,
            metrics,
            scores,
        }
    }

    fn view(&self, lang: Lang) -> View<'_> {
        View {
            campaign: &self.campaign,
            metrics: &self.metrics,
            data: "data.csv",
            scores: &self.scores,
            lang,
            decisions: None,
            ids: false,
            doc: None,
            stamp: None,
        }
    }

    fn rank(&self, tier: &str, lang: Lang) -> (String, Vec<GroupRanking>) {
        let t = self.campaign.tier_index(tier);
        let groups = ranking::rank(&self.campaign, &self.scores, t);
        let view = self.view(lang);
        let tables = view.rank_tables(&groups, t);
        (rank(&view, &groups, t, &tables, &meta()), groups)
    }
}

fn meta() -> Meta {
    let d = NaiveDate::from_ymd_opt(2023, 12, 4).unwrap();
    Meta {
        stamp: None,
        generated: d.and_hms_opt(8, 30, 0).unwrap(),
    }
}

/// Rows of the tables with the given class.
fn rows_with_class<'a>(doc: &'a str, class: &str) -> Vec<&'a str> {
    attrs(doc, "tr", "class")
        .into_iter()
        .filter(|c| c.split(' ').any(|w| w == class))
        .collect()
}

#[test]
fn rank_report_has_the_header_staff_sign_under() {
    let (doc, _) = Run::new(EXAMPLE).rank("huyen", Lang::Vi);
    well_formed(doc.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
    for want in [
        "<title>Báo cáo xếp hạng thi đua — Giấy khen của Chủ tịch UBND huyện — 236/KH-UBND</title>",
        "<h1>Báo cáo xếp hạng thi đua</h1>",
        "Kế hoạch số 236/KH-UBND — Nâng cao chất lượng",
        "<dt>Thời gian thi đua</dt><dd>15/11/2022 – 31/12/2023</dd>",
        "<dt>Tiêu chí</dt><dd>Kế hoạch số 236/KH-UBND — Nâng cao chất lượng giải quyết TTHC, DVC trực tuyến và dịch vụ BCCI trên địa bàn huyện Ninh Phước</dd>",
        "<dt>Số liệu</dt><dd>data.csv</dd>",
        "<dt>Ngày lập</dt><dd>04/12/2023 08:30</dd>",
        "<html lang=\"vi\">",
    ] {
        assert!(doc.contains(want), "missing {want}");
    }
}

#[test]
fn the_file_needs_nothing_from_outside() {
    let (doc, _) = Run::new(EXAMPLE).rank("huyen", Lang::Vi);
    for banned in [
        "http:",
        "https:",
        "<script",
        "<link",
        "src=",
        "url(",
        "@import",
        "@font-face",
        "<img",
    ] {
        assert!(!doc.contains(banned), "found {banned}");
    }
    assert!(doc.contains("Content-Security-Policy\" content=\"default-src 'none'"));
}

#[test]
fn each_group_starts_a_printed_page_with_its_chart_table_and_breakdown() {
    let (doc, groups) = Run::new(EXAMPLE).rank("huyen", Lang::Vi);
    assert!(STYLE.contains("@page { size: A4;"));
    assert!(STYLE.contains("section.group { break-before: page;"));
    let sections: Vec<&str> = doc.split("<section class=\"group\">").skip(1).collect();
    assert_eq!(sections.len(), groups.len());
    for (s, g) in sections.iter().zip(&groups) {
        assert_eq!(s.matches("<svg ").count(), 2, "bars and breakdown");
        assert_eq!(s.matches("<tbody><tr").count(), 1);
        let bars = attrs(s, "rect", "data-mark").len();
        assert_eq!(bars, g.entries.len());
    }
    assert!(
        doc.contains("Tiến độ giải quyết (20 điểm)"),
        "section legend"
    );
}

#[test]
fn units_tied_at_the_line_stand_out_in_chart_and_table() {
    // With 3 huyện places for the phòng ban (Nội vụ taken by tỉnh), Tư pháp
    // and VH-TT are tied for the third.
    let yaml = DEFAULT_YAML.replace(
        "{ group: phong_ban, collectives: 4, individuals_each: 1 }",
        "{ group: phong_ban, collectives: 3, individuals_each: 1 }",
    );
    let (doc, groups) = Run::with(&yaml, EXAMPLE).rank("huyen", Lang::Vi);
    let tied: usize = groups
        .iter()
        .flat_map(|g| &g.entries)
        .filter(|e| e.line == Some(crate::ranking::LineStatus::Tie))
        .count();
    assert_eq!(tied, 2, "Tư pháp and VH-TT tie at the huyen line");
    let marks = attrs(&doc, "rect", "data-mark");
    assert_eq!(marks.iter().filter(|m| **m == "Tie").count(), tied);
    assert_eq!(rows_with_class(&doc, "tie").len(), tied);
    assert_eq!(rows_with_class(&doc, "cut").len(), groups.len());
    assert!(doc.contains("Ranh giới chỉ tiêu: 3 suất · 2 đơn vị bằng điểm cho 1 suất"));
    assert!(
        doc.contains("Bằng điểm tại ranh giới — cần quyết định"),
        "legend"
    );
}

#[test]
fn english_labels_on_request() {
    let (doc, _) = Run::new(EXAMPLE).rank("huyen", Lang::En);
    for want in [
        "<html lang=\"en\">",
        "<h1>Ranking report</h1>",
        "<dt>Generated</dt><dd>2023-12-04 08:30</dd>",
        "Quota line: 7 place(s)",
        "Points by criterion section",
    ] {
        assert!(doc.contains(want), "missing {want}");
    }
    assert!(!doc.contains("Ngày lập") && !doc.contains("Ranh giới"));
}

#[test]
fn names_from_the_data_are_escaped_everywhere() {
    let csv = String::from_utf8(EXAMPLE.to_vec()).unwrap().replace(
        "Phòng Tư pháp",
        "<img src=x onerror=alert(1)> Phòng \"Tư\" & pháp",
    );
    let (doc, _) = Run::new(csv.as_bytes()).rank("huyen", Lang::Vi);
    well_formed(doc.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
    assert!(!doc.contains("<img"), "markup from data must not survive");
    assert!(
        doc.contains("&lt;img src=x onerror=alert(1)&gt; Phòng &quot;Tư&quot; &amp; pháp</td>")
    );
}

#[test]
fn without_a_tier_there_is_no_quota_line() {
    let run = Run::new(EXAMPLE);
    let groups = ranking::rank(&run.campaign, &run.scores, None);
    let view = run.view(Lang::Vi);
    let doc = rank(
        &view,
        &groups,
        None,
        &view.rank_tables(&groups, None),
        &meta(),
    );
    well_formed(doc.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
    assert!(!doc.contains("class=\"quota\""));
    assert!(
        attrs(&doc, "rect", "data-mark")
            .iter()
            .all(|m| *m == "Plain")
    );
    assert!(!doc.contains("Hình thức khen thưởng"));
}

#[test]
fn nomination_report_has_a_page_per_tier_with_quota_charts_and_both_lists() {
    let run = Run::new(EXAMPLE);
    let ids: Vec<&str> = run.metrics.units.iter().map(|u| u.id.as_str()).collect();
    let people = people::read(PEOPLE, "canhan.csv").unwrap();
    let result = walk(&run.campaign, &run.scores, &ids, Some(&people));
    let view = NominationView {
        units: run.view(Lang::Vi),
        people: Some(&people),
        tiers: result.iter().collect(),
        decisions: None,
    };
    let doc = nominate(&view, &meta());
    well_formed(doc.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
    let sections: Vec<&str> = doc.split("<section class=\"group\">").skip(1).collect();
    assert_eq!(sections.len(), 2, "tinh and huyen");
    assert!(sections[0].starts_with("<h2>Danh sách đề nghị khen thưởng — Bằng khen"));
    for s in &sections {
        assert_eq!(
            s.matches("class=\"quota\"").count(),
            2,
            "one line per quota"
        );
        assert!(s.contains("<h3>Tập thể</h3>") && s.contains("<h3>Cá nhân</h3>"));
    }
    // Exclusive campaign: the tinh winners show as won in the huyen charts.
    assert_eq!(
        attrs(sections[1], "rect", "data-mark")
            .iter()
            .filter(|m| **m == "Won")
            .count(),
        2
    );
    assert!(sections[1].contains("Đã đề nghị ở cấp cao hơn"));
    assert!(doc.contains("Tổng cộng: "));
}

#[test]
fn score_report_splits_the_table_by_group() {
    let run = Run::new(EXAMPLE);
    let view = run.view(Lang::Vi);
    let table = view.score_table(false);
    let doc = score(&view, &table, &meta());
    well_formed(doc.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
    // 16 columns do not fit A4 portrait: the groups print landscape.
    let sections: Vec<&str> = doc
        .split("<section class=\"group wide\">")
        .skip(1)
        .collect();
    assert_eq!(sections.len(), 2);
    assert!(
        doc.contains("<header class=\"report wide\">"),
        "the header goes with them"
    );
    let rows: usize = sections.iter().map(|s| s.matches("<tr>").count() - 1).sum();
    assert_eq!(rows, run.scores.len(), "every unit once");
    assert!(
        sections[1].starts_with("<h2>UBND các xã, thị trấn</h2>"),
        "group names, no ids"
    );
}

#[test]
fn plain_tables_document_is_well_formed() {
    let t = Table {
        title: Some("A & B".into()),
        headers: vec!["tien_do".into()],
        rows: vec![vec![Cell::Num(1.005, 2)], vec![Cell::Empty]],
        notes: vec!["<n>".into()],
    };
    let doc = tables(Lang::Vi, "Giải trình", &[t], &meta());
    well_formed(doc.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
    assert!(
        doc.contains("<h2>A &amp; B</h2>") && doc.contains(">1,01</td>"),
        "Vietnamese decimal comma"
    );
    assert!(doc.contains("<li>&lt;n&gt;</li>"));
    assert!(
        doc.contains("<th>tien_<wbr>do</th>"),
        "ids wrap at underscores"
    );
}
