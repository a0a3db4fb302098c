//! How a report lands on paper: a table too wide for A4 portrait puts its
//! section on landscape pages (a CSS named page) in a smaller type, and a
//! chart of many units is cut into charts of a page each, each with its own
//! axis, so a group of 150 units prints whole and readable.

use crate::report::svg::{BarChart, Line, StackChart};
use crate::report::{Cell, Table};

/// Bars per chart on a portrait page: the report header, the group's
/// heading (on two lines), one chart and its legend fit the first page (30
/// rows are about 170 mm at the width charts print).
const PORTRAIT_ROWS: usize = 30;
/// On a landscape page (180 mm high) the chart prints as wide as in
/// portrait, so fewer rows fit.
const LANDSCAPE_ROWS: usize = 25;

/// The page a section prints on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Portrait,
    /// A4 landscape (`@page wide`).
    Landscape,
    /// A4 landscape in a smaller type: even landscape is tight.
    LandscapeSmall,
}

impl Fit {
    /// Extra classes of the section (` wide`, ` wide small`).
    pub fn class(self) -> &'static str {
        match self {
            Fit::Portrait => "",
            Fit::Landscape => " wide",
            Fit::LandscapeSmall => " wide small",
        }
    }

    /// How many bars one chart may have on this page.
    pub fn chart_rows(self) -> usize {
        match self {
            Fit::Portrait => PORTRAIT_ROWS,
            Fit::Landscape | Fit::LandscapeSmall => LANDSCAPE_ROWS,
        }
    }
}

/// Printable widths (mm) of A4 portrait and landscape at the margins of
/// style.css, with room kept for the names to wrap on two or three lines.
const PORTRAIT_MM: f64 = 150.0;
const LANDSCAPE_MM: f64 = 235.0;
/// Type size (pt) of tables (style.css); `small` sections print at 7.5 pt.
const TYPE_PT: f64 = 9.5;
/// Average advance of a character, in em, and cell padding plus border (mm).
const CHAR_EM: f64 = 0.55;
const PAD_MM: f64 = 3.6;

/// The page the widest of `tables` needs.
pub fn fit<'a>(tables: impl IntoIterator<Item = &'a Table>) -> Fit {
    let chars: Vec<Vec<usize>> = tables.into_iter().map(min_chars).collect();
    let width = chars
        .iter()
        .map(|cols| {
            cols.iter()
                .map(|c| *c as f64 * CHAR_EM * TYPE_PT * 0.3528 + PAD_MM)
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    if width <= PORTRAIT_MM {
        Fit::Portrait
    } else if width <= LANDSCAPE_MM {
        Fit::Landscape
    } else {
        Fit::LandscapeSmall
    }
}

/// The narrowest each column can be, in characters: its longest word
/// (headers and text wrap at spaces and `_`), a number whole.
fn min_chars(t: &Table) -> Vec<usize> {
    let word = |s: &str| {
        s.split(|c: char| c.is_whitespace() || c == '_')
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let mut cols: Vec<usize> = t.headers.iter().map(|h| word(h)).collect();
    for row in &t.rows {
        for (i, cell) in row.iter().enumerate() {
            let n = match cell {
                Cell::Text(s) => word(s),
                Cell::Num(x, d) => crate::scoring::fmt_num(*x, *d).chars().count(),
                Cell::Empty => 1,
            };
            if let Some(c) = cols.get_mut(i) {
                *c = (*c).max(n);
            }
        }
    }
    cols
}

/// The bar chart cut into charts of `rows` bars; the quota line goes to the
/// part whose last bar is the last above it.
pub fn split_bars(chart: &BarChart, rows: usize) -> Vec<BarChart> {
    let n = chart.bars.len();
    let parts = n.div_ceil(rows).max(1);
    (0..parts)
        .map(|p| {
            let (from, to) = (p * rows, ((p + 1) * rows).min(n));
            let line = chart.line.as_ref().and_then(|l| {
                let here = (l.after > from && l.after <= to) || (l.after == 0 && p == 0);
                here.then(|| Line {
                    after: l.after - from.min(l.after),
                    label: l.label.clone(),
                })
            });
            BarChart {
                title: part_title(&chart.title, from, to, n, rows),
                bars: chart.bars[from..to].to_vec(),
                line,
                ..chart.clone()
            }
        })
        .collect()
}

/// The stacked chart cut the same way.
pub fn split_stack(chart: &StackChart, rows: usize) -> Vec<StackChart> {
    let n = chart.rows.len();
    let parts = n.div_ceil(rows).max(1);
    (0..parts)
        .map(|p| {
            let (from, to) = (p * rows, ((p + 1) * rows).min(n));
            StackChart {
                title: part_title(&chart.title, from, to, n, rows),
                rows: chart.rows[from..to].to_vec(),
                ..chart.clone()
            }
        })
        .collect()
}

/// "Title (26–50/150)" for a part, the title alone for a whole chart.
fn part_title(title: &str, from: usize, to: usize, n: usize, rows: usize) -> String {
    if n <= rows {
        title.to_string()
    } else {
        format!("{title} ({}–{to}/{n})", from + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::svg::{Bar, Mark};

    fn chart(n: usize, after: usize) -> BarChart {
        BarChart {
            title: "Xã".into(),
            bars: (0..n)
                .map(|i| Bar {
                    rank: i as u32 + 1,
                    label: format!("Xã {i}"),
                    value: 50.0,
                    mark: Mark::In,
                })
                .collect(),
            scale: 100.0,
            decimals: 2,
            lang: crate::i18n::Lang::Vi,
            line: Some(Line {
                after,
                label: "Ranh giới".into(),
            }),
        }
    }

    #[test]
    fn a_long_chart_is_cut_with_the_line_in_its_part() {
        let parts = split_bars(&chart(60, 25), 25);
        assert_eq!(parts.len(), 3);
        let sizes: Vec<usize> = parts.iter().map(|p| p.bars.len()).collect();
        assert_eq!(sizes, [25, 25, 10]);
        assert_eq!(parts[0].line.as_ref().map(|l| l.after), Some(25));
        assert!(parts[1].line.is_none() && parts[2].line.is_none());
        assert_eq!(parts[1].title, "Xã (26–50/60)");
        let later = split_bars(&chart(60, 51), 25);
        assert_eq!(later[2].line.as_ref().map(|l| l.after), Some(1));
        let whole = split_bars(&chart(23, 7), 25);
        assert_eq!((whole.len(), whole[0].title.as_str()), (1, "Xã"));
        assert_eq!(
            split_bars(&chart(30, 0), 25)[0]
                .line
                .as_ref()
                .map(|l| l.after),
            Some(0)
        );
    }

    #[test]
    fn many_columns_turn_the_page() {
        let t = |cols: usize| Table {
            headers: (0..cols).map(|i| format!("tieu_chi_{i}")).collect(),
            rows: vec![(0..cols).map(|_| Cell::Num(100.0, 2)).collect()],
            ..Table::default()
        };
        assert_eq!(fit([&t(8)]), Fit::Portrait);
        assert_eq!(fit([&t(16)]), Fit::Landscape);
        assert_eq!(fit([&t(30)]), Fit::LandscapeSmall);
    }
}
