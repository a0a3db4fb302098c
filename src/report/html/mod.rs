//! The printable report: one self-contained HTML file (inline CSS and SVG, no
//! script, no font or image fetched) that staff open in any browser, print on
//! A4 and sign. Pure: the generation time comes in through [`Meta`].

mod breakdown;
mod nominate;
mod print;
mod rank;
mod score;

pub use nominate::nominate;
pub use rank::rank;
pub use score::score;

use std::fmt::Write;

use chrono::NaiveDateTime;

use super::svg::{BarChart, Mark, bars, escape};
use super::units::View;
use super::{Cell, Table};
use crate::i18n::Lang;
use print::{Fit, split_bars};

const STYLE: &str = include_str!("style.css");
/// Forbids the browser any fetch at all, so the file stays what it is when
/// mailed or archived, even if a name in the data smuggled markup in.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// What the report says about itself and cannot know purely.
#[derive(Debug, Clone)]
pub struct Meta {
    pub generated: NaiveDateTime,
    /// "Mã kiểm tra: XXXX-XXXX-XXXX", printed in the footer.
    pub stamp: Option<String>,
}

/// An HTML page being written, in the reader's language.
struct Page {
    out: String,
    lang: Lang,
    /// Where the report header's class list ends, so the header can follow
    /// the first section onto a landscape page instead of being left alone.
    header_class_end: Option<usize>,
    sections: usize,
    /// The page of the section being written.
    fit: Fit,
}

impl Page {
    fn new(lang: Lang, title: &str) -> Page {
        let mut out = String::with_capacity(64 * 1024);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"generator\" content=\"thidua {}\">\
             <title>{}</title><style>\n{STYLE}</style></head><body>\n",
            lang.pick("vi", "en"),
            env!("CARGO_PKG_VERSION"),
            escape(title)
        );
        Page {
            out,
            lang,
            header_class_end: None,
            sections: 0,
            fit: Fit::Portrait,
        }
    }

    fn pick<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(vi, en)
    }

    fn raw(&mut self, html: &str) {
        self.out.push_str(html);
    }

    /// `<tag>text</tag>`, escaped.
    fn el(&mut self, tag: &str, text: &str) {
        let _ = writeln!(self.out, "<{tag}>{}</{tag}>", escape(text));
    }

    /// The report's heading block: what, which campaign, which files, when.
    fn header(&mut self, kind: &str, view: &View, extra: &[(&str, String)], meta: &Meta) {
        let c = view.campaign;
        self.raw("<header class=\"report");
        self.header_class_end = Some(self.out.len());
        self.raw("\">");
        self.el("h1", kind);
        let plan = match &c.title {
            Some(t) => format!("{} {} — {t}", self.pick("Kế hoạch số", "Plan"), c.id),
            None => format!("{} {}", self.pick("Kế hoạch số", "Plan"), c.id),
        };
        let _ = write!(self.out, "<p class=\"subtitle\">{}</p>", escape(&plan));
        let mut rows: Vec<(&str, String)> = extra.to_vec();
        if let Some((from, to)) = c.period {
            rows.push((
                self.pick("Thời gian thi đua", "Campaign period"),
                format!("{} – {}", self.date(from), self.date(to)),
            ));
        }
        if !view.metrics.periods.is_empty() {
            rows.push((
                self.pick("Kỳ số liệu", "Data periods"),
                view.metrics.periods.join(", "),
            ));
        }
        // The built-in campaign has no file to name: name the plan instead.
        let builtin = [Lang::Vi, Lang::En].map(crate::campaign::default_label);
        let criteria = if builtin.contains(&c.file.as_str()) {
            plan.clone()
        } else {
            c.file.clone()
        };
        rows.push((self.pick("Tiêu chí", "Criteria"), criteria));
        rows.push((self.pick("Số liệu", "Data"), view.data.to_string()));
        rows.push((self.pick("Ngày lập", "Generated"), self.stamp(meta)));
        self.meta_list(&rows);
        self.raw("</header>\n");
    }

    fn meta_list(&mut self, rows: &[(&str, String)]) {
        self.raw("<dl class=\"meta\">");
        for (k, v) in rows {
            let _ = write!(self.out, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
        }
        self.raw("</dl>");
    }

    fn date(&self, d: chrono::NaiveDate) -> String {
        d.format(self.pick("%d/%m/%Y", "%Y-%m-%d")).to_string()
    }

    fn stamp(&self, meta: &Meta) -> String {
        let f = self.pick("%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M");
        meta.generated.format(f).to_string()
    }

    /// A section that starts on a new printed page (except the first), on
    /// the page `fit` says; the report header goes with the first one.
    fn section(&mut self, heading: &str, fit: Fit) {
        if let (0, Some(at)) = (self.sections, self.header_class_end) {
            self.out.insert_str(at, fit.class());
        }
        self.sections += 1;
        self.fit = fit;
        let _ = write!(self.out, "<section class=\"group{}\">", fit.class());
        self.el("h2", heading);
    }

    fn end_section(&mut self) {
        self.raw("</section>\n");
    }

    /// A chart with its legend; `legend` is (swatch style, label).
    fn figure(&mut self, svg: &str, legend: &[(String, String)]) {
        self.raw("<figure>");
        self.raw(svg);
        self.raw("<ul class=\"legend\">");
        for (style, label) in legend {
            let _ = write!(
                self.out,
                "<li><span class=\"swatch\" style=\"{style}\"></span>{}</li>",
                escape(label)
            );
        }
        self.raw("</ul></figure>\n");
    }

    /// A bar chart, cut into charts of a page each (each with its axis and
    /// the legend) when the group is long.
    fn bar_figures(&mut self, chart: &BarChart, legend: &[(String, String)]) {
        for part in split_bars(chart, self.fit.chart_rows()) {
            self.figure(&bars(&part), legend);
        }
    }

    /// A table; `classes[i]` (when given) is row `i`'s class.
    fn table(&mut self, t: &Table, classes: &[&str]) {
        self.raw("<table><thead><tr>");
        for h in &t.headers {
            let _ = write!(self.out, "<th>{}</th>", breakable(h));
        }
        self.raw("</tr></thead><tbody>");
        for (i, row) in t.rows.iter().enumerate() {
            match classes.get(i).filter(|c| !c.is_empty()) {
                Some(c) => {
                    let _ = write!(self.out, "<tr class=\"{c}\">");
                }
                None => self.raw("<tr>"),
            }
            for cell in row {
                self.cell(cell);
            }
            self.raw("</tr>");
        }
        self.raw("</tbody></table>\n");
    }

    fn cell(&mut self, cell: &Cell) {
        let _ = match cell {
            Cell::Text(s) => write!(self.out, "<td>{}</td>", breakable(s)),
            Cell::Num(x, d) => write!(self.out, "<td class=\"num\">{}</td>", self.lang.num(*x, *d)),
            Cell::Empty => write!(self.out, "<td class=\"num\">—</td>"),
        };
    }

    fn notes(&mut self, notes: &[String]) {
        if notes.is_empty() {
            return;
        }
        self.raw("<ul class=\"notes\">");
        for n in notes {
            self.el("li", n);
        }
        self.raw("</ul>\n");
    }

    /// Criteria legend and provenance at the end of the report.
    fn footer(&mut self, legend: &[String], meta: &Meta) {
        self.raw("<footer>");
        if !legend.is_empty() {
            self.el("strong", self.pick("Tiêu chí", "Criteria"));
            self.notes(legend);
        }
        if let Some(code) = &meta.stamp {
            self.el(
                "p",
                &format!("{}: {code}", self.pick("Mã kiểm tra", "Stamp")),
            );
        }
        let _ = write!(
            self.out,
            "<p>{} thidua {}</p></footer>",
            self.pick("Lập bằng", "Made with"),
            env!("CARGO_PKG_VERSION")
        );
    }

    fn finish(mut self) -> String {
        self.raw("</body></html>\n");
        self.out
    }
}

/// Escaped text that may wrap after `_`, so ids such as `phong_tu_phap`
/// do not widen a column at the expense of the units' names.
fn breakable(s: &str) -> String {
    escape(s).replace('_', "_<wbr>")
}

/// What each bar style means, for the marks present in a chart.
fn mark_legend(lang: Lang, marks: &[Mark]) -> Vec<(String, String)> {
    let all = [
        (Mark::Plain, "Tổng điểm", "Total points"),
        (Mark::In, "Trong chỉ tiêu", "Within the quota"),
        (
            Mark::Tie,
            "Bằng điểm tại ranh giới — cần quyết định",
            "Tied at the line — decision needed",
        ),
        (Mark::Out, "Ngoài chỉ tiêu", "Below the line"),
        (Mark::Ineligible, "Không đủ điều kiện", "Ineligible"),
        (
            Mark::Won,
            "Đã đề nghị ở cấp cao hơn",
            "Proposed at a higher tier",
        ),
    ];
    all.iter()
        .filter(|(m, _, _)| marks.contains(m))
        .map(|(m, vi, en)| {
            let (fill, stroke, _, dash) = m.style();
            let border = if stroke == "none" { fill } else { stroke };
            let kind = if dash.is_empty() { "solid" } else { "dashed" };
            (
                format!("background:{fill};border:1px {kind} {border}"),
                lang.pick(vi, en).to_string(),
            )
        })
        .collect()
}

/// A document of plain tables, for commands without a dedicated report.
pub fn tables(lang: Lang, title: &str, tables: &[Table], meta: &Meta) -> String {
    let mut page = Page::new(lang, title);
    page.raw("<header class=\"report\">");
    page.el("h1", title);
    let stamp = page.stamp(meta);
    page.meta_list(&[(lang.pick("Ngày lập", "Generated"), stamp)]);
    page.raw("</header>\n");
    for t in tables {
        if let Some(title) = &t.title {
            page.el("h2", title);
        }
        page.table(t, &[]);
        page.notes(&t.notes);
    }
    page.footer(&[], meta);
    page.finish()
}

#[cfg(test)]
mod tests;
