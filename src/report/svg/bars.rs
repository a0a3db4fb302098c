//! The ranking chart: one horizontal bar per unit in rank order, the quota
//! line drawn across, units tied at the line outlined so nobody misses them.

use crate::i18n::Lang;
use std::fmt::Write;

use super::{
    BAR_H, GAP, Layout, ROW_H, WIDTH, escape, grid, open, row_label, safe_scale, show, x_of,
};

/// Where a unit stands against the quota; colours are chosen to stay apart
/// in grey print too (outline and dash, not hue alone, mark the odd ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// No quota drawn (rank without a tier).
    Plain,
    In,
    Tie,
    Out,
    Ineligible,
    /// Already proposed at a higher tier.
    Won,
}

impl Mark {
    /// (fill, stroke, stroke width, dash pattern).
    pub fn style(self) -> (&'static str, &'static str, f64, &'static str) {
        match self {
            Mark::Plain => ("#2b6cb0", "none", 0.0, ""),
            Mark::In => ("#2f855a", "none", 0.0, ""),
            Mark::Tie => ("#f6ad55", "#9c4221", 2.0, ""),
            Mark::Out => ("#a0aec0", "none", 0.0, ""),
            Mark::Ineligible => ("#ffffff", "#718096", 1.2, "3 2"),
            Mark::Won => ("#bee3f8", "#2b6cb0", 1.2, "3 2"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Bar {
    pub rank: u32,
    pub label: String,
    pub value: f64,
    pub mark: Mark,
}

/// The quota line, drawn under the first `after` bars.
#[derive(Debug, Clone)]
pub struct Line {
    pub after: usize,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct BarChart {
    /// Read by screen readers and shown as a tooltip.
    pub title: String,
    pub bars: Vec<Bar>,
    /// The axis runs from 0 to this (the campaign's maximum points).
    pub scale: f64,
    pub decimals: u32,
    /// Numbers beside the bars and on the axis as this language writes them.
    pub lang: Lang,
    pub line: Option<Line>,
}

/// The chart as one `<svg>` element.
pub fn bars(chart: &BarChart) -> String {
    let scale = safe_scale(chart.scale);
    let n = chart.bars.len();
    let layout = Layout {
        rows: n,
        gap_after: chart.line.as_ref().map(|l| l.after.min(n)),
    };
    let mut out = String::with_capacity(400 + 420 * n);
    open(&mut out, layout, &chart.title);
    grid(&mut out, layout, scale, chart.decimals, chart.lang);
    for (i, b) in chart.bars.iter().enumerate() {
        row_label(&mut out, layout.y(i), Some(b.rank), &b.label);
        bar(&mut out, layout.y(i), b, scale, chart.decimals, chart.lang);
    }
    if let Some(line) = &chart.line {
        quota_line(&mut out, line, layout);
    }
    out.push_str("</svg>");
    out
}

fn bar(out: &mut String, top: f64, b: &Bar, scale: f64, decimals: u32, lang: Lang) {
    let (fill, stroke, sw, dash) = b.mark.style();
    let x0 = x_of(0.0, scale);
    let w = (x_of(b.value, scale) - x0).max(0.0);
    let y = top + (ROW_H - BAR_H) / 2.0;
    let value = show(b.value, decimals, lang);
    let _ = write!(
        out,
        r#"<rect x="{x0:.1}" y="{y:.1}" width="{w:.1}" height="{BAR_H}" fill="{fill}" stroke="{stroke}" stroke-width="{sw}" stroke-dasharray="{dash}" data-mark="{m:?}"><title>{t}: {value}</title></rect>"#,
        m = b.mark,
        t = escape(&b.label),
    );
    let _ = write!(
        out,
        r##"<text x="{x:.1}" y="{ty:.1}" fill="#1a202c">{value}</text>"##,
        x = x0 + w + 4.0,
        ty = y + BAR_H - 2.5,
    );
}

/// A dashed red rule through the gap between the last unit inside the quota
/// and the next, its explanation on a white patch at the right end.
fn quota_line(out: &mut String, line: &Line, layout: Layout) {
    let after = line.after.min(layout.rows);
    let y = layout.y(after) - GAP / 2.0;
    // Text at 10 units averages under 6 units a character.
    let w = 6.0 * line.label.chars().count() as f64 + 8.0;
    let _ = write!(
        out,
        r##"<line class="quota" x1="0" y1="{y:.1}" x2="{WIDTH}" y2="{y:.1}" stroke="#c53030" stroke-width="2" stroke-dasharray="6 3"/><rect x="{rx:.1}" y="{ry:.1}" width="{w:.1}" height="{GAP}" fill="#ffffff"/><text x="{tx}" y="{ty:.1}" text-anchor="end" fill="#c53030" font-size="10" font-weight="bold">{}</text>"##,
        escape(&line.label),
        rx = WIDTH - w,
        ry = y - GAP / 2.0,
        tx = WIDTH - 4.0,
        ty = y + 3.5,
    );
}
