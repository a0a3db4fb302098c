//! The dossier file's columns, resolved once from its header into indices, so
//! the per-row loop only ever indexes a record.

use anyhow::{Result, bail};

use crate::import::aliases::Aliases;
use crate::import::decode::Layout;

/// The unit metrics a dossier file yields, in metrics-CSV order: the first
/// sixteen counts of the vocabulary (letters and petitions are not in a
/// dossier list).
pub const METRICS: &[&str] = crate::metrics::COUNTS.split_at(16).0;

/// Index into [`METRICS`] of each count.
pub mod m {
    pub const TIEP_NHAN: usize = 0;
    pub const TRUC_TUYEN: usize = 1;
    pub const BCCI: usize = 2;
    pub const TRA_KQ_BCCI: usize = 3;
    pub const DA_GIAI_QUYET: usize = 4;
    pub const TRUOC_HAN: usize = 5;
    pub const DUNG_HAN: usize = 6;
    pub const TRE_HAN: usize = 7;
    pub const DANG_GIAI_QUYET: usize = 8;
    pub const DANG_QUA_HAN: usize = 9;
    pub const SO_HOA_HO_SO: usize = 10;
    pub const SO_HOA_KET_QUA: usize = 11;
    pub const PHAI_THANH_TOAN: usize = 12;
    pub const THANH_TOAN_TRUC_TUYEN: usize = 13;
    pub const DANH_GIA: usize = 14;
    pub const HAI_LONG: usize = 15;
}

const REQUIRED: [(&str, &str); 5] = [
    ("unit_id", "Mã đơn vị"),
    ("so_ho_so", "Số hồ sơ"),
    ("ngay_tiep_nhan", "Ngày tiếp nhận"),
    ("han_xu_ly", "Hạn xử lý"),
    ("ngay_hoan_thanh", "Ngày hoàn thành"),
];

#[derive(Debug, Clone)]
pub struct Columns {
    pub unit_id: usize,
    pub unit_name: Option<usize>,
    pub number: usize,
    pub received: usize,
    pub due: usize,
    pub finished: usize,
    pub channel: Option<usize>,
    pub postal_return: Option<usize>,
    pub digitised: Option<usize>,
    pub result_digitised: Option<usize>,
    pub fee: Option<usize>,
    pub paid_online: Option<usize>,
    pub rating: Option<usize>,
    /// Header labels, to name columns in messages.
    pub labels: Vec<String>,
}

impl Columns {
    /// Resolves the header; returns the columns and notices for ignored ones.
    pub fn resolve(
        layout: &Layout,
        aliases: &Aliases,
        file: &str,
    ) -> Result<(Columns, Vec<crate::i18n::Text>)> {
        let mut ids: Vec<(&str, usize)> = Vec::new();
        let mut notices = Vec::new();
        for (c, label) in layout.header.iter().enumerate() {
            let Some(id) = aliases.dossier_id(label) else {
                if !label.trim().is_empty() {
                    let line = layout.header_line;
                    notices.push(crate::msg!(DossierColumnIgnored, file, line, c + 1, label));
                }
                continue;
            };
            if let Some((_, first)) = ids.iter().find(|(i, _)| *i == id) {
                let line = layout.header_line;
                bail!(crate::msg!(
                    ColumnSameMeaning,
                    file,
                    line,
                    c + 1,
                    label,
                    id,
                    first + 1
                ));
            }
            ids.push((id, c));
        }
        let find = |id: &str| ids.iter().find(|(i, _)| *i == id).map(|(_, c)| *c);
        for (id, example) in REQUIRED {
            if find(id).is_none() {
                bail!(crate::msg!(
                    DossierNoColumn,
                    file,
                    layout.header_line,
                    id,
                    example
                ));
            }
        }
        let cols = Columns {
            unit_id: find("unit_id").expect("checked"),
            unit_name: find("unit_name"),
            number: find("so_ho_so").expect("checked"),
            received: find("ngay_tiep_nhan").expect("checked"),
            due: find("han_xu_ly").expect("checked"),
            finished: find("ngay_hoan_thanh").expect("checked"),
            channel: find("kenh"),
            postal_return: find("tra_kq_bcci"),
            digitised: find("so_hoa"),
            result_digitised: find("so_hoa_kq"),
            fee: find("phi"),
            paid_online: find("tt_truc_tuyen"),
            rating: find("danh_gia"),
            labels: layout.header.clone(),
        };
        Ok((cols, notices))
    }

    /// Which of [`METRICS`] this file can tell: a count whose column is
    /// missing stays missing, never zero.
    pub fn present(&self) -> [bool; 16] {
        let mut p = [true; 16];
        let has = |c: Option<usize>| c.is_some();
        p[m::TRUC_TUYEN] = has(self.channel);
        p[m::BCCI] = has(self.channel);
        p[m::TRA_KQ_BCCI] = has(self.postal_return);
        p[m::SO_HOA_HO_SO] = has(self.digitised);
        p[m::SO_HOA_KET_QUA] = has(self.result_digitised);
        p[m::PHAI_THANH_TOAN] = has(self.fee);
        p[m::THANH_TOAN_TRUC_TUYEN] = has(self.fee) && has(self.paid_online);
        p[m::DANH_GIA] = has(self.rating);
        p[m::HAI_LONG] = has(self.rating);
        p
    }

    /// "ngay_tiep_nhan (\"Ngày tiếp nhận\")" for messages.
    pub fn name(&self, c: usize, id: &str) -> String {
        format!(
            "{id} (\"{}\")",
            self.labels.get(c).map_or("", String::as_str)
        )
    }
}
