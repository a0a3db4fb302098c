use super::*;

/// Checks that every element opened is closed in order, attributes are
/// quoted and every `&` starts an entity: what a browser's XML parser needs.
pub(crate) fn well_formed(doc: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find('<') {
        check_text(&rest[..start])?;
        let end = rest[start..]
            .find('>')
            .ok_or_else(|| format!("unclosed tag at {}", &rest[start..]))?;
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if !tag.matches('"').count().is_multiple_of(2) {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(o) if o == name => {}
                o => return Err(format!("</{name}> closes {o:?}")),
            }
        } else if !tag.ends_with('/') && !is_void(tag) {
            open.push(tag.split_whitespace().next().unwrap_or("").to_string());
        }
    }
    check_text(rest)?;
    match open.is_empty() {
        true => Ok(()),
        false => Err(format!("left open: {open:?}")),
    }
}

/// HTML elements that never close.
fn is_void(tag: &str) -> bool {
    let name = tag.split_whitespace().next().unwrap_or("");
    matches!(name, "meta" | "br" | "wbr" | "hr" | "col" | "img" | "link")
}

fn check_text(text: &str) -> Result<(), String> {
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..];
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|e| entity.starts_with(e));
        if !ok {
            return Err(format!("bare & in {text:?}"));
        }
    }
    Ok(())
}

/// The value of attribute `name` in every element starting with `<{elem}`.
pub(crate) fn attrs<'a>(doc: &'a str, elem: &str, name: &str) -> Vec<&'a str> {
    doc.split(&format!("<{elem} "))
        .skip(1)
        .filter_map(|el| {
            let tag = &el[..el.find('>').unwrap_or(el.len())];
            let key = format!(" {name}=\"");
            let at = format!(" {tag}").find(&key)? + key.len() - 1;
            let v = &tag[at..];
            Some(&v[..v.find('"')?])
        })
        .collect()
}

fn num(s: &str) -> f64 {
    s.parse().unwrap()
}

fn chart(n: usize, line: Option<usize>) -> BarChart {
    BarChart {
        lang: crate::i18n::Lang::En,
        title: "Khối xã".into(),
        bars: (0..n)
            .map(|i| Bar {
                rank: i as u32 + 1,
                label: format!("UBND xã số {}", i + 1),
                value: 100.0 - i as f64 * 2.0,
                mark: match (line, i) {
                    (Some(l), i) if i + 1 < l => Mark::In,
                    (Some(l), i) if i < l + 1 => Mark::Tie,
                    (Some(_), _) => Mark::Out,
                    (None, _) => Mark::Plain,
                },
            })
            .collect(),
        scale: 100.0,
        decimals: 2,
        line: line.map(|after| Line {
            after,
            label: "Ranh giới: 7 suất".into(),
        }),
    }
}

#[test]
fn bars_are_proportional_to_the_points() {
    let svg = bars(&chart(3, None));
    well_formed(&svg).unwrap();
    let widths: Vec<f64> = attrs(&svg, "rect", "width").into_iter().map(num).collect();
    assert_eq!(widths.len(), 3, "{svg}");
    let full = WIDTH - LABEL_W - VALUE_W;
    assert!((widths[0] - full).abs() < 0.1, "{widths:?}");
    assert!((widths[2] - full * 0.96).abs() < 0.1, "{widths:?}");
    assert!(svg.contains(">100.00</text>") && svg.contains(">96.00</text>"));
}

#[test]
fn quota_line_runs_between_the_last_place_and_the_next() {
    let svg = bars(&chart(10, Some(7)));
    well_formed(&svg).unwrap();
    let ys: Vec<f64> = attrs(&svg, "rect", "y").into_iter().map(num).collect();
    let line_y = num(attrs(&svg, "line class=\"quota\"", "y1")[0]);
    assert!(ys[6] + BAR_H < line_y && line_y < ys[7], "{ys:?} {line_y}");
    assert!(svg.contains("Ranh giới: 7 suất"));
}

#[test]
fn tied_units_are_outlined_and_the_rest_are_not() {
    let svg = bars(&chart(10, Some(7)));
    let marks = attrs(&svg, "rect", "data-mark");
    let strokes = attrs(&svg, "rect", "stroke-width");
    for (m, sw) in marks.iter().zip(&strokes) {
        assert_eq!(*m == "Tie", num(sw) >= 2.0, "{m} {sw}");
    }
    assert_eq!(marks.iter().filter(|m| **m == "Tie").count(), 2);
}

#[test]
fn forty_units_stay_legible_on_one_page() {
    let svg = bars(&chart(40, Some(20)));
    well_formed(&svg).unwrap();
    let ys: Vec<f64> = attrs(&svg, "rect", "y").into_iter().map(num).collect();
    let gaps: Vec<f64> = ys[..40].windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.iter().all(|g| *g >= ROW_H), "{gaps:?}");
    let view = attrs(&svg, "svg", "viewBox")[0];
    let h = num(view.rsplit(' ').next().unwrap());
    // Scaled to A4's printable width (~680 px), the chart must fit a page (~1000 px).
    assert!(h * 680.0 / WIDTH < 950.0, "{h}");
    assert!(num(attrs(&svg, "svg", "font-size")[0]) >= 10.0);
}

#[test]
fn names_are_escaped_and_long_ones_shortened_with_the_full_name_kept() {
    let mut c = chart(1, None);
    c.bars[0].label =
        "<script>alert(1)</script> & Phòng Nông nghiệp và Phát triển nông thôn".into();
    let svg = bars(&c);
    well_formed(&svg).unwrap();
    assert!(!svg.contains("<script>"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Phòng Nông nghiệp và Phát triển nông thôn</title>"));
    assert!(svg.contains("…</text>"), "{svg}");
}

#[test]
fn no_coordinate_is_ever_nan_or_off_the_axis() {
    let mut c = chart(3, Some(9));
    c.scale = 0.0;
    c.bars[0].value = f64::NAN;
    c.bars[1].value = -4.0;
    c.bars[2].value = 1e9;
    let svg = bars(&c);
    well_formed(&svg).unwrap();
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    for w in attrs(&svg, "rect", "width") {
        assert!(
            num(w) >= 0.0 && num(w) <= WIDTH - LABEL_W - VALUE_W + 0.1,
            "{w}"
        );
    }
}

#[test]
fn grid_steps_are_round() {
    assert_eq!(tick_step(100.0), 10.0);
    assert_eq!(tick_step(18.0), 2.0);
    assert_eq!(tick_step(40.0), 5.0);
    assert_eq!(tick_step(1.0), 0.1);
}

fn stacked_chart(deduct: f64) -> StackChart {
    StackChart {
        lang: crate::i18n::Lang::En,
        title: "Cơ cấu điểm".into(),
        series: vec!["Tiến độ".into(), "Số hoá".into(), "Hài lòng".into()],
        rows: vec![StackRow {
            label: "Phòng Tư pháp".into(),
            parts: vec![20.0, 15.0, 0.0],
            deduct,
        }],
        scale: 50.0,
        decimals: 2,
        deduct_label: "điểm trừ".into(),
    }
}

#[test]
fn stack_segments_add_up_to_the_points_earned() {
    let svg = stack(&stacked_chart(0.0));
    well_formed(&svg).unwrap();
    let widths: Vec<f64> = attrs(&svg, "rect", "width").into_iter().map(num).collect();
    let full = WIDTH - LABEL_W - VALUE_W;
    assert_eq!(widths.len(), 2, "an empty section draws nothing: {svg}");
    assert!((widths[0] - full * 0.4).abs() < 0.1 && (widths[1] - full * 0.3).abs() < 0.1);
    assert_eq!(attrs(&svg, "rect", "fill")[..2], [colour(0).0, colour(1).0]);
    assert!(svg.contains("Phòng Tư pháp — Số hoá: 15.00") && svg.contains(">35.00</text>"));
}

#[test]
fn penalties_strike_out_the_end_of_the_stack() {
    let svg = stack(&stacked_chart(2.5));
    well_formed(&svg).unwrap();
    let x = attrs(&svg, "rect class=\"deduct\"", "x");
    let w = attrs(&svg, "rect class=\"deduct\"", "width");
    let full = WIDTH - LABEL_W - VALUE_W;
    assert!(
        (num(x[0]) - (LABEL_W + full * 32.5 / 50.0)).abs() < 0.1,
        "{x:?}"
    );
    assert!((num(w[0]) - full * 0.05).abs() < 0.1, "{w:?}");
    assert!(svg.contains("32.50 (−2.50)"), "{svg}");
}
