//! Which header label means which column. The table is data (aliases.yaml,
//! compiled in) so adding a spelling seen in a new export is a one-line change,
//! and users can add their own with `--mapping`.

use std::collections::HashMap;

use anyhow::{Result, bail};
use indexmap::IndexMap;
use serde::Deserialize;

use super::text::words;
use crate::i18n::messages::Msg;
use crate::yaml::{self, Entries, Shape};

const BUILTIN: &str = include_str!("aliases.yaml");

/// Columns of a unit-level table that are not metrics.
pub const TABLE_FIELDS: [&str; 5] = ["unit_id", "unit_name", "group", "period", "row_number"];

#[derive(Deserialize)]
struct Raw {
    table: RawTable,
    dossiers: IndexMap<String, Vec<String>>,
    #[serde(default)]
    people: IndexMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct RawTable {
    fields: IndexMap<String, Vec<String>>,
    metrics: IndexMap<String, Vec<String>>,
    #[serde(default)]
    scores: IndexMap<String, Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Aliases {
    /// Folded label → table field or metric id.
    table: HashMap<String, String>,
    /// Folded label → portal group score id (points, not counts).
    scores: HashMap<String, String>,
    /// Folded label → dossier column id.
    dossiers: HashMap<String, String>,
    /// Folded label → individuals column id.
    people: HashMap<String, String>,
    /// The metric vocabulary (SPEC 3.1), in output order: these are counts.
    vocabulary: Vec<String>,
    dossier_fields: Vec<String>,
}

impl Aliases {
    pub fn builtin() -> Aliases {
        let raw: Raw =
            yaml::parse(BUILTIN, "aliases.yaml", &Shape::PLAIN).expect("aliases.yaml is valid");
        let mut a = Aliases {
            table: HashMap::new(),
            scores: HashMap::new(),
            dossiers: HashMap::new(),
            people: HashMap::new(),
            vocabulary: raw.table.metrics.keys().cloned().collect(),
            dossier_fields: raw.dossiers.keys().cloned().collect(),
        };
        for (id, labels) in raw.table.fields.iter().chain(&raw.table.metrics) {
            insert(&mut a.table, id, labels);
        }
        for (id, labels) in &raw.table.scores {
            insert(&mut a.scores, id, labels);
        }
        for (id, labels) in &raw.dossiers {
            insert(&mut a.dossiers, id, labels);
        }
        for (id, labels) in &raw.people {
            insert(&mut a.people, id, labels);
        }
        a
    }

    /// Adds a user's `{id: [labels]}` file; its labels win over built-in ones.
    pub fn extend(&mut self, src: &str, file: &str) -> Result<()> {
        let map: Entries<Vec<String>> =
            yaml::parse(src, file, &SHAPE).map_err(|p| anyhow::anyhow!(p))?;
        for (id, labels) in &map.0 {
            let (line, id) = (id.at, id.value.as_str());
            if !is_snake_case(id) {
                bail!(crate::msg!(NotColumnId, file, line, id));
            }
            let dossier = self.dossier_fields.iter().any(|f| f == id);
            if dossier {
                insert(&mut self.dossiers, id, labels);
            }
            if !dossier || self.table.values().any(|v| v == id) {
                insert(&mut self.table, id, labels);
            }
        }
        Ok(())
    }

    /// The table column a header label stands for, if known.
    pub fn table_id(&self, label: &str) -> Option<&str> {
        self.table.get(&words(label)).map(String::as_str)
    }

    /// The column a header label stands for in a table that is (`portal`)
    /// or is not the portal's score table: there, "Thanh toán trực tuyến" is
    /// the group score `tttt`, elsewhere the count `thanh_toan_truc_tuyen`.
    pub fn table_id_in(&self, label: &str, portal: bool) -> Option<&str> {
        let folded = words(label);
        let score = self.scores.get(&folded).map(String::as_str);
        let table = self.table.get(&folded).map(String::as_str);
        if portal {
            score.or(table)
        } else {
            table.or(score)
        }
    }

    /// Whether a label names a portal group score and nothing else, so the
    /// table it heads is the portal's score table.
    pub fn is_portal_label(&self, label: &str) -> bool {
        let folded = words(label);
        self.scores.contains_key(&folded) && !self.table.contains_key(&folded)
    }

    /// The individuals column a header label stands for, if known.
    pub fn people_id(&self, label: &str) -> Option<&str> {
        self.people.get(&words(label)).map(String::as_str)
    }

    pub fn dossier_id(&self, label: &str) -> Option<&str> {
        self.dossiers.get(&words(label)).map(String::as_str)
    }

    /// Whether a metric is one of the vocabulary's counts (whole, ≥ 0).
    pub fn is_count(&self, metric: &str) -> bool {
        self.vocabulary.iter().any(|m| m == metric)
    }

    pub fn vocabulary(&self) -> &[String] {
        &self.vocabulary
    }
}

fn insert(map: &mut HashMap<String, String>, id: &str, labels: &[String]) {
    map.insert(id.replace('_', " "), id.to_string());
    for label in labels {
        map.insert(words(label), id.to_string());
    }
}

fn is_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// How errors name a `--mapping` file.
const SHAPE: Shape = Shape {
    lead: Some(Msg::YamlNotAliases),
    hint: None,
    items: &[],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::InEnglish as _;

    #[test]
    fn labels_match_with_or_without_diacritics() {
        let a = Aliases::builtin();
        assert_eq!(a.table_id("Tổng số hồ sơ tiếp nhận"), Some("tiep_nhan"));
        assert_eq!(a.table_id("TONG SO HO SO TIEP NHAN (1)"), Some("tiep_nhan"));
        assert_eq!(a.table_id("So hoa ho so"), Some("so_hoa_ho_so"));
        assert_eq!(a.table_id("Số hoá kết quả"), Some("so_hoa_ket_qua"));
        assert_eq!(a.table_id("Mã đơn vị"), Some("unit_id"));
        assert_eq!(a.table_id("tiep_nhan"), Some("tiep_nhan"));
        assert_eq!(a.table_id("Tỷ lệ hài lòng (%)"), None);
        assert_eq!(a.dossier_id("Ngay hoan thanh"), Some("ngay_hoan_thanh"));
        assert!(a.is_count("hai_long") && !a.is_count("ty_le"));
    }

    #[test]
    fn portal_score_headers_name_the_group_scores() {
        let a = Aliases::builtin();
        for (label, id) in [
            ("Công khai, minh bạch", "ckmb"),
            ("CONG KHAI MINH BACH (18 điểm)", "ckmb"),
            ("Tiến độ giải quyết", "tdgq"),
            ("Tien do, ket qua giai quyet", "tdgq"),
            ("Dịch vụ công trực tuyến", "dvctt"),
            ("Mức độ hài lòng", "mdhl"),
            ("Tổng điểm", "tong_diem"),
            ("tong diem", "tong_diem"),
        ] {
            assert!(a.is_portal_label(label), "{label}");
            assert_eq!(a.table_id_in(label, false), Some(id), "{label}");
        }
        // Labels shared with counts: scores only in a score table.
        for (label, score, count) in [
            ("Thanh toán trực tuyến", "tttt", "thanh_toan_truc_tuyen"),
            ("So hoa ho so", "mdsh", "so_hoa_ho_so"),
        ] {
            assert!(!a.is_portal_label(label));
            assert_eq!(a.table_id_in(label, true), Some(score));
            assert_eq!(a.table_id_in(label, false), Some(count));
        }
        assert!(!a.is_count("ckmb") && !a.is_count("tong_diem"));
    }

    #[test]
    fn a_mapping_adds_labels_and_checks_ids() {
        let mut a = Aliases::builtin();
        a.extend(
            "tiep_nhan: [\"HS nhận\"]\nso_ho_so: [\"Mã HS\"]\n",
            "m.yaml",
        )
        .unwrap();
        assert_eq!(a.table_id("HS nhận"), Some("tiep_nhan"));
        assert_eq!(a.dossier_id("Ma HS"), Some("so_ho_so"));
        let e = a.extend("x: [a]\nTiep Nhan: [b]\n", "m.yaml").unwrap_err();
        assert_eq!(
            e.en(),
            "m.yaml:2: `Tiep Nhan` is not a column id: expected snake_case ASCII such as `tiep_nhan`"
        );
        let e = a.extend("[1, 2]", "m.yaml").unwrap_err();
        assert!(e.en().starts_with("m.yaml:1:1: expected a map"), "{e}");
    }
}
