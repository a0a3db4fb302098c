//! Charts as inline SVG text, for the HTML report: a printed page cannot run
//! scripts or fetch a charting library, and a few rectangles and labels are
//! easier to test as strings than a plotting crate's backend output.

mod bars;
mod stack;

pub use bars::{Bar, BarChart, Line, Mark, bars};
pub use stack::{StackChart, StackRow, colour, stack};

use crate::i18n::Lang;
use std::fmt::Write;

/// Width of every chart's coordinate system; the page scales it to the
/// printable width (A4 portrait), so sizes below are in these units.
pub const WIDTH: f64 = 720.0;
/// Room for "12." and a unit's name left of the bars.
const LABEL_W: f64 = 260.0;
/// Room right of the longest bar for its value ("100.00 (−5.00)").
const VALUE_W: f64 = 80.0;
/// One unit per row: 40 units stay under a page at 11-unit text.
const ROW_H: f64 = 20.0;
const BAR_H: f64 = 13.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 8.0;
pub const FONT: &str = "'Segoe UI','Noto Sans','DejaVu Sans',Arial,sans-serif";
const FONT_SIZE: f64 = 11.0;
/// How many characters of a unit's name fit left of the bars at that size,
/// in the widest of the fonts above (DejaVu Sans).
const LABEL_CHARS: usize = 33;

fn plot_w() -> f64 {
    WIDTH - LABEL_W - VALUE_W
}

/// Vertical placement of the rows, with an optional gap after row `gap_after`
/// (the quota line runs through it, so its label never sits on a bar).
#[derive(Debug, Clone, Copy)]
struct Layout {
    rows: usize,
    gap_after: Option<usize>,
}

/// Height of the gap that holds the quota line and its label.
const GAP: f64 = 16.0;

impl Layout {
    /// Top of row `i`'s band.
    fn y(self, i: usize) -> f64 {
        let gap = match self.gap_after {
            Some(a) if i >= a => GAP,
            _ => 0.0,
        };
        TOP + ROW_H * i as f64 + gap
    }

    fn height(self) -> f64 {
        self.y(self.rows) + BOTTOM
    }
}

/// Horizontal position of `value` on a `0..scale` axis.
fn x_of(value: f64, scale: f64) -> f64 {
    let v = if value.is_finite() {
        value.max(0.0)
    } else {
        0.0
    };
    LABEL_W + plot_w() * (v / scale).min(1.0)
}

/// A scale that is positive and finite, so no coordinate is ever NaN.
fn safe_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    }
}

/// A figure as shown beside its bar; never "NaN".
fn show(x: f64, decimals: u32, lang: Lang) -> String {
    if x.is_finite() {
        lang.num(x, decimals)
    } else {
        "—".to_string()
    }
}

/// Escapes text for XML and HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Shortens a name to what fits beside the bars; the full name stays in the
/// element's tooltip and in the table under the chart.
fn fit(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let mut s: String = label.chars().take(max - 1).collect();
    s.truncate(s.trim_end().len());
    s.push('…');
    s
}

/// Round steps (1, 2, 5 × 10ⁿ) giving 4 to 10 grid lines over `0..scale`.
fn tick_step(scale: f64) -> f64 {
    let raw = scale / 10.0;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| scale / s <= 10.0)
        .unwrap_or(10.0 * mag)
}

/// Opens the `<svg>` element with its accessible title. No `xmlns`: the
/// charts live inline in HTML, whose parser gives SVG its namespace.
fn open(out: &mut String, layout: Layout, title: &str) {
    let h = layout.height();
    let _ = write!(
        out,
        r#"<svg viewBox="0 0 {WIDTH} {h}" width="100%" role="img" aria-label="{t}" font-family="{FONT}" font-size="{FONT_SIZE}"><title>{t}</title>"#,
        t = escape(title)
    );
}

/// Vertical grid lines with their values along the top.
fn grid(out: &mut String, layout: Layout, scale: f64, decimals: u32, lang: Lang) {
    let step = tick_step(scale);
    let bottom = layout.y(layout.rows);
    let mut k = 0.0;
    while k * step <= scale + step * 1e-9 {
        let v = k * step;
        let x = x_of(v, scale);
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{y1:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#d9dee5" stroke-width="1"/><text x="{x:.1}" y="{ty:.1}" text-anchor="middle" fill="#4a5568" font-size="10">{label}</text>"##,
            y1 = TOP - 4.0,
            ty = TOP - 8.0,
            label = lang.num(v, if step.fract() == 0.0 { 0 } else { decimals }),
        );
        k += 1.0;
    }
}

/// A row's label: the rank (when given) and the name, right under the tooltip.
fn row_label(out: &mut String, top: f64, rank: Option<u32>, name: &str) {
    let y = top + ROW_H / 2.0 + FONT_SIZE * 0.35;
    let _ = write!(out, "<g><title>{}</title>", escape(name));
    if let Some(r) = rank {
        let _ = write!(
            out,
            r##"<text x="26" y="{y:.1}" text-anchor="end" fill="#4a5568">{r}.</text>"##
        );
    }
    let _ = write!(
        out,
        r##"<text x="32" y="{y:.1}" fill="#1a202c">{}</text></g>"##,
        escape(&fit(name, LABEL_CHARS))
    );
}

#[cfg(test)]
pub(crate) mod tests;
