//! Where each unit's points come from: one stacked bar per unit, a segment
//! per criterion section, penalties shown as the part of the stack taken away.

use crate::i18n::Lang;
use std::fmt::Write;

use super::{BAR_H, Layout, ROW_H, escape, grid, open, row_label, safe_scale, show, x_of};

/// Okabe–Ito colours: told apart by colour-blind readers, distinct in grey.
const PALETTE: [(&str, &str); 8] = [
    ("#0072b2", "#ffffff"),
    ("#e69f00", "#1a202c"),
    ("#009e73", "#ffffff"),
    ("#cc79a7", "#1a202c"),
    ("#56b4e9", "#1a202c"),
    ("#d55e00", "#ffffff"),
    ("#f0e442", "#1a202c"),
    ("#999999", "#1a202c"),
];
/// A segment narrower than this carries no number (it would not fit).
const MIN_LABELLED: f64 = 28.0;

/// Fill and text colour of series `i`.
pub fn colour(i: usize) -> (&'static str, &'static str) {
    PALETTE[i % PALETTE.len()]
}

#[derive(Debug, Clone)]
pub struct StackRow {
    pub label: String,
    /// Points per series (section), in series order.
    pub parts: Vec<f64>,
    /// Penalty points taken off the stack.
    pub deduct: f64,
}

#[derive(Debug, Clone)]
pub struct StackChart {
    pub title: String,
    /// Series names, for the tooltips; the page shows the legend.
    pub series: Vec<String>,
    pub rows: Vec<StackRow>,
    pub scale: f64,
    pub decimals: u32,
    /// Numbers on the bars and the axis as this language writes them.
    pub lang: Lang,
    /// Tooltip word for the deduction ("điểm trừ").
    pub deduct_label: String,
}

/// The chart as one `<svg>` element.
pub fn stack(chart: &StackChart) -> String {
    let scale = safe_scale(chart.scale);
    let layout = Layout {
        rows: chart.rows.len(),
        gap_after: None,
    };
    let mut out = String::with_capacity(400 + 900 * chart.rows.len());
    open(&mut out, layout, &chart.title);
    grid(&mut out, layout, scale, chart.decimals, chart.lang);
    for (i, row) in chart.rows.iter().enumerate() {
        row_label(&mut out, layout.y(i), None, &row.label);
        stacked(&mut out, layout.y(i), row, chart, scale);
    }
    out.push_str("</svg>");
    out
}

fn stacked(out: &mut String, top: f64, row: &StackRow, chart: &StackChart, scale: f64) {
    let y = top + (ROW_H - BAR_H) / 2.0;
    let mut sum = 0.0;
    for (k, &part) in row.parts.iter().enumerate() {
        if !(part.is_finite() && part > 0.0) {
            continue;
        }
        let (x0, x1) = (x_of(sum, scale), x_of(sum + part, scale));
        sum += part;
        let (fill, ink) = colour(k);
        let name = chart.series.get(k).map_or("", String::as_str);
        let value = show(part, chart.decimals, chart.lang);
        let _ = write!(
            out,
            r##"<rect x="{x0:.1}" y="{y:.1}" width="{w:.1}" height="{BAR_H}" fill="{fill}" stroke="#ffffff" stroke-width="0.5"><title>{t} — {n}: {value}</title></rect>"##,
            w = x1 - x0,
            t = escape(&row.label),
            n = escape(name),
        );
        if x1 - x0 >= MIN_LABELLED {
            let _ = write!(
                out,
                r#"<text x="{x:.1}" y="{ty:.1}" text-anchor="middle" fill="{ink}" font-size="9">{value}</text>"#,
                x = (x0 + x1) / 2.0,
                ty = y + BAR_H - 3.0,
            );
        }
    }
    let total = (sum - row.deduct.max(0.0)).max(0.0);
    if row.deduct > 0.0 {
        deduction(out, y, total, sum, row, chart, scale);
    }
    let mut text = show(total, chart.decimals, chart.lang);
    if row.deduct > 0.0 {
        let _ = write!(text, " (−{})", show(row.deduct, chart.decimals, chart.lang));
    }
    let _ = write!(
        out,
        r##"<text x="{x:.1}" y="{ty:.1}" fill="#1a202c">{}</text>"##,
        escape(&text),
        x = x_of(sum, scale) + 4.0,
        ty = y + BAR_H - 2.5,
    );
}

/// The penalty covers the end of the stack: struck through in red, so the
/// solid part that is left is the total.
fn deduction(
    out: &mut String,
    y: f64,
    total: f64,
    sum: f64,
    row: &StackRow,
    chart: &StackChart,
    scale: f64,
) {
    let (x0, x1) = (x_of(total, scale), x_of(sum, scale));
    let _ = write!(
        out,
        r##"<rect class="deduct" x="{x0:.1}" y="{y:.1}" width="{w:.1}" height="{BAR_H}" fill="#ffffff" fill-opacity="0.75" stroke="#c53030" stroke-width="1.2" stroke-dasharray="2 1.5"><title>{t} — {d}: −{v}</title></rect><line x1="{x0:.1}" y1="{y2:.1}" x2="{x1:.1}" y2="{y2:.1}" stroke="#c53030" stroke-width="1.5"/>"##,
        w = x1 - x0,
        t = escape(&row.label),
        d = escape(&chart.deduct_label),
        v = show(row.deduct, chart.decimals, chart.lang),
        y2 = y + BAR_H / 2.0,
    );
}
