//! The notes printed under a report's tables, in the user's language: what a
//! quota line gave, the quota's basis, money, the council's decisions, why a
//! unit is ineligible, a unit taken by a higher tier.

use crate::i18n::Lang;

/// What a quota line gave: places filled out of the quota, and the places a
/// tie leaves open — "Đã xếp 3/4 suất; 1 suất chờ quyết định (2 đơn vị bằng
/// điểm)", never "4/4" while a place is undecided.
pub fn quota_note(
    lang: crate::i18n::Lang,
    places: u32,
    filled: u32,
    tie: Option<crate::ranking::TieAtLine>,
) -> String {
    use crate::i18n::Lang;
    let mut s = match lang {
        Lang::Vi => format!("Đã xếp {filled}/{places} suất"),
        Lang::En => format!("Filled {filled}/{places} places"),
    };
    if let Some(t) = tie {
        s.push_str(&match lang {
            Lang::Vi => format!(
                "; {} suất chờ quyết định ({} đơn vị bằng điểm)",
                t.places, t.units
            ),
            Lang::En => format!(
                "; {} place(s) awaiting a decision ({} units tied)",
                t.places, t.units
            ),
        });
    }
    s
}

/// How a quota's places were counted, when there is anything to show: a
/// percent ("10% × 16 = 1,6 → 1 suất") or several rules (the strictest wins).
/// `of_people` says whether the percents are of people or of units.
pub fn basis_note(
    lang: crate::i18n::Lang,
    basis: &crate::campaign::quota::Counted,
    of_people: bool,
) -> Option<String> {
    use crate::campaign::Places;
    use crate::i18n::Lang;
    if basis.rules.len() < 2 && !matches!(basis.rules.first(), Some((Places::Percent(_), _))) {
        return None;
    }
    let comma = |x: f64| {
        let s = format!("{}", (x * 100.0).round() / 100.0);
        match lang {
            Lang::Vi => s.replace('.', ","),
            Lang::En => s,
        }
    };
    let (units, places) = match (lang, of_people) {
        (Lang::Vi, false) => ("đơn vị", "suất"),
        (Lang::Vi, true) => ("người đủ điều kiện", "suất"),
        (Lang::En, false) => ("units", "place(s)"),
        (Lang::En, true) => ("eligible people", "place(s)"),
    };
    let parts: Vec<String> = basis
        .rules
        .iter()
        .map(|(rule, k)| match rule {
            Places::Fixed(n) => format!("{n} {places}"),
            Places::Percent(p) => format!(
                "{}% × {} {units} = {} → {k} {places}",
                comma(*p),
                basis.of,
                comma(p * f64::from(basis.of) / 100.0)
            ),
        })
        .collect();
    let mut s = parts.join("; ");
    if basis.rules.len() > 1 {
        s.push_str(&match lang {
            Lang::Vi => format!(" — lấy mức chặt hơn: {} {places}", basis.places),
            Lang::En => format!(" — the strictest applies: {} {places}", basis.places),
        });
    }
    Some(s)
}

/// A whole amount of money with thousands grouped as the language writes it
/// (2.340.000 in Vietnamese, 2,340,000 in English).
pub fn money(lang: crate::i18n::Lang, x: f64) -> String {
    let digits = format!("{}", x.round().abs() as u64);
    let sep = match lang {
        crate::i18n::Lang::Vi => '.',
        crate::i18n::Lang::En => ',',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

/// "2 đơn vị bằng điểm cho 1 suất: đã quyết định theo <document>".
pub fn settled_note(lang: Lang, t: crate::ranking::TieAtLine, document: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "{} đơn vị bằng điểm cho {} suất: đã quyết định theo {document}",
            t.units, t.places
        ),
        Lang::En => format!(
            "{} units tied for {} place(s): settled per {document}",
            t.units, t.places
        ),
    }
}

/// "UBND xã Phước Sơn: +3,00 điểm Sáng kiến … (theo Quyết định số 45/…)".
pub fn adjustment_note(
    lang: Lang,
    precision: u32,
    unit: &str,
    a: &crate::decisions::Adjustment,
) -> String {
    let sign = if a.points > 0.0 { "+" } else { "−" };
    format!(
        "{unit}: {sign}{} {} {} ({} {})",
        lang.num(a.points.abs(), precision),
        lang.pick("điểm", "points"),
        a.reason,
        lang.pick("theo", "per"),
        a.document
    )
}

/// Why a unit is ineligible, as people read it: gates by name, the floor as
/// "dưới 70% điểm tối đa" (the floor of `tier`, when known).
pub fn reason_names(
    campaign: &crate::campaign::Campaign,
    reasons: &[crate::ranking::Reason],
    tier: Option<usize>,
    lang: Lang,
) -> String {
    use crate::ranking::Reason;
    reasons
        .iter()
        .map(|r| match *r {
            Reason::Gate(g) => campaign.gates[g].name.clone(),
            Reason::Floor => match tier.and_then(|t| campaign.tiers[t].min_percent) {
                Some(p) => match lang {
                    Lang::Vi => format!("dưới {}% điểm tối đa", lang.number(&p.to_string())),
                    Lang::En => format!("under {}% of the maximum", p),
                },
                None => lang
                    .pick("dưới mức điểm tối thiểu", "under the minimum score")
                    .to_string(),
            },
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The status of a unit taken by a higher tier of an exclusive campaign.
pub fn won_label(lang: crate::i18n::Lang, award: &str) -> String {
    format!("↑ {} {award}", lang.pick("đã đề nghị", "nominated for"))
}
