//! The render law (issue 12): for random campaigns and data, the JSON and the
//! CSV the one pipeline writes for `score`, `rank` (no tier and each tier) and
//! `nominate` say, unit by unit, what the typed report holds — figures at the
//! campaign's precision, ranks, line and nomination statuses, class, group —
//! so JSON equals CSV equals the typed values.

use proptest::prelude::*;
use serde_json::Value;
use thidua::campaign::Campaign;
use thidua::i18n::Lang;
use thidua::metrics::Metrics;
use thidua::nomination::{Status, TierNomination, nominate};
use thidua::ranking::{self, GroupRanking, LineStatus, reason_list};
use thidua::report::Format;
use thidua::report::nominate::NominationView;
use thidua::report::pipeline::{Report, render};
use thidua::report::units::{View, line_id};
use thidua::scoring::{Scorer, UnitScore, round_to};

use crate::render_law_gen::{criterion, data, tier, units, yaml};

/// Everything a case computed, for the views to borrow.
struct Case {
    c: Campaign,
    m: Metrics,
    scores: Vec<UnitScore>,
    nominated: Vec<TierNomination>,
    lang: Lang,
}

impl Case {
    fn view(&self) -> View<'_> {
        View {
            campaign: &self.c,
            metrics: &self.m,
            data: "data.csv",
            scores: &self.scores,
            lang: self.lang,
            decisions: None,
            ids: false,
            doc: None,
            stamp: None,
        }
    }

    fn r(&self, x: f64) -> f64 {
        round_to(x, self.c.precision)
    }

    /// The JSON and the CSV records (by header) of one report.
    fn both(&self, report: &Report) -> (Value, Vec<Row>) {
        let json = serde_json::from_slice(&render(report, Format::Json, None).unwrap()).unwrap();
        let csv = render(report, Format::Csv, None).unwrap();
        let mut rdr = csv::Reader::from_reader(&csv[..]);
        let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
        let rows = rdr
            .records()
            .map(|r| Row {
                cells: headers
                    .iter()
                    .cloned()
                    .zip(r.unwrap().iter().map(String::from))
                    .collect(),
            })
            .collect();
        (json, rows)
    }
}

/// One CSV record, read by header.
struct Row {
    cells: Vec<(String, String)>,
}

impl Row {
    fn get(&self, h: &str) -> &str {
        self.cells
            .iter()
            .find(|(k, _)| k == h)
            .unwrap_or_else(|| panic!("no column {h} in the CSV"))
            .1
            .as_str()
    }

    /// A number cell (`None` when blank).
    fn num(&self, h: &str) -> Option<f64> {
        let v = self.get(h);
        (!v.is_empty()).then(|| {
            v.parse()
                .unwrap_or_else(|_| panic!("{h}: {v:?} is not a number"))
        })
    }
}

/// One unit's figures, class and identity: typed == JSON == CSV.
fn same_unit(k: &Case, s: &UnitScore, j: &Value, row: &Row) -> Result<(), TestCaseError> {
    let u = &k.m.units[s.unit];
    for (h, want) in [
        ("unit_id", &u.id),
        ("unit_name", &u.name),
        ("group", &u.group),
    ] {
        prop_assert_eq!(j[h].as_str(), Some(want.as_str()), "JSON {}", h);
        prop_assert_eq!(row.get(h), want.as_str(), "CSV {}", h);
    }
    prop_assert_eq!(&k.c.groups[s.group].id, &u.group);
    for (h, want) in [
        ("total", Some(s.total)),
        ("max", Some(s.max)),
        ("percent", s.percent),
    ] {
        let want = want.map(|x| k.r(x));
        prop_assert_eq!(j[h].as_f64(), want, "JSON {} of {}", h, u.id);
        prop_assert_eq!(row.num(h), want, "CSV {} of {}", h, u.id);
    }
    for (cr, cs) in k.c.criteria.iter().zip(&s.criteria) {
        let want = cs.points.map(|x| k.r(x));
        prop_assert_eq!(
            j["criteria"][&cr.id].as_f64(),
            want,
            "JSON {} of {}",
            &cr.id,
            u.id
        );
        prop_assert_eq!(row.num(&cr.id), want, "CSV {} of {}", &cr.id, u.id);
    }
    for (p, x) in k.c.penalties.iter().zip(&s.penalties) {
        let want = Some(k.r(*x));
        prop_assert_eq!(
            j["penalties"][&p.id].as_f64(),
            want,
            "JSON {} of {}",
            &p.id,
            u.id
        );
        prop_assert_eq!(row.num(&p.id), want, "CSV {} of {}", &p.id, u.id);
    }
    let class = s.class.map(|c| k.c.classes[c].name.as_str());
    prop_assert_eq!(j["class"].as_str(), class, "JSON class of {}", u.id);
    prop_assert_eq!(j["no_data"].as_bool().unwrap_or(false), s.no_data);
    // A unit with no dossiers has no class; the sheet says why.
    let sheet = match (s.no_data, k.lang) {
        (true, Lang::Vi) => "không có hồ sơ trong kỳ",
        (true, Lang::En) => "no dossiers in the period",
        (false, _) => class.unwrap_or(""),
    };
    prop_assert_eq!(row.get("class"), sheet, "CSV class of {}", u.id);
    Ok(())
}

fn check_score(k: &Case) -> Result<(), TestCaseError> {
    let (json, rows) = k.both(&Report::Score {
        view: k.view(),
        extras: vec![],
    });
    let units = json["units"].as_array().unwrap();
    prop_assert_eq!(units.len(), k.scores.len());
    prop_assert_eq!(rows.len(), k.scores.len());
    for ((s, j), row) in k.scores.iter().zip(units).zip(&rows) {
        same_unit(k, s, j, row)?;
    }
    Ok(())
}

fn check_rank(k: &Case, groups: &[GroupRanking], tier: Option<usize>) -> Result<(), TestCaseError> {
    let (json, rows) = k.both(&Report::Rank {
        view: k.view(),
        groups,
        tier,
        extras: vec![],
    });
    prop_assert_eq!(
        json["tier"].as_str(),
        tier.map(|t| k.c.tiers[t].id.as_str())
    );
    let jgroups = json["groups"].as_array().unwrap();
    prop_assert_eq!(jgroups.len(), groups.len());
    for (g, jg) in groups.iter().zip(jgroups) {
        prop_assert_eq!(jg["group"].as_str(), Some(k.c.groups[g.group].id.as_str()));
        prop_assert_eq!(jg["places"].as_u64(), g.places.map(u64::from));
        prop_assert_eq!(jg["filled"].as_u64(), g.places.map(|_| u64::from(g.filled)));
        prop_assert_eq!(
            jg["tie"]["units"].as_u64(),
            g.tie.map(|t| u64::from(t.units))
        );
        prop_assert_eq!(
            jg["tie"]["places"].as_u64(),
            g.tie.map(|t| u64::from(t.places))
        );
    }
    let entries: Vec<_> = groups
        .iter()
        .flat_map(|g| g.entries.iter().map(move |e| (g, e)))
        .collect();
    let units = json["units"].as_array().unwrap();
    prop_assert_eq!(units.len(), entries.len());
    prop_assert_eq!(rows.len(), entries.len());
    for (((g, e), j), row) in entries.iter().zip(units).zip(&rows) {
        let s = &k.scores[e.score];
        prop_assert_eq!(s.group, g.group);
        same_unit(k, s, j, row)?;
        prop_assert_eq!(j["rank"].as_u64(), Some(u64::from(e.rank)));
        prop_assert_eq!(row.num("rank"), Some(f64::from(e.rank)));
        prop_assert_eq!(j["eligible"].as_bool(), Some(e.eligible));
        prop_assert_eq!(
            row.get("eligible"),
            if e.eligible { "true" } else { "false" }
        );
        let failed = reason_list(&k.c, &e.failed);
        let jfailed: Vec<&str> = j["failed_gates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        prop_assert_eq!(&jfailed, &failed);
        prop_assert_eq!(row.get("failed_gates"), failed.join(";"));
        let line = e.line.map(line_id);
        prop_assert_eq!(j["line"].as_str(), line, "JSON line of {}", &j["unit_id"]);
        prop_assert_eq!(
            row.get("line"),
            line.unwrap_or(""),
            "CSV line of {}",
            &j["unit_id"]
        );
        if tier.is_none() {
            prop_assert_eq!(e.line, None);
        } else {
            prop_assert!(e.line.is_some());
        }
        if let Some(LineStatus::WonHigherTier(t)) = e.line {
            prop_assert!(k.c.exclusive && Some(t) < tier);
        }
    }
    Ok(())
}

fn check_nominate(k: &Case) -> Result<(), TestCaseError> {
    let (json, rows) = k.both(&Report::Nominate(NominationView {
        units: k.view(),
        people: None,
        tiers: k.nominated.iter().collect(),
        decisions: None,
    }));
    prop_assert_eq!(json["exclusive"].as_bool(), Some(k.c.exclusive));
    let jtiers = json["tiers"].as_array().unwrap();
    prop_assert_eq!(jtiers.len(), k.nominated.len());
    let mut rows = rows.iter();
    for (tn, jt) in k.nominated.iter().zip(jtiers) {
        let tier = &k.c.tiers[tn.tier];
        prop_assert_eq!(jt["id"].as_str(), Some(tier.id.as_str()));
        let jquotas = jt["quotas"].as_array().unwrap();
        prop_assert_eq!(jquotas.len(), tn.quotas.len());
        let mut entries = jt["entries"].as_array().unwrap().iter();
        for (q, jq) in tn.quotas.iter().zip(jquotas) {
            let group = k.c.groups[q.group].id.as_str();
            prop_assert_eq!(jq["group"].as_str(), Some(group));
            prop_assert_eq!(jq["places"].as_u64(), Some(u64::from(q.places)));
            prop_assert_eq!(jq["filled"].as_u64(), Some(u64::from(q.filled)));
            prop_assert_eq!(
                jq["tie"]["units"].as_u64(),
                q.tie.map(|t| u64::from(t.units))
            );
            let kinds = q
                .collectives
                .iter()
                .map(|c| (c, None))
                .chain(q.individuals.iter().map(|i| {
                    let c = q
                        .collectives
                        .iter()
                        .find(|c| c.score == i.collective)
                        .unwrap();
                    (c, Some(i))
                }));
            for (col, person) in kinds {
                let j = entries
                    .next()
                    .expect("a JSON entry per collective and individual");
                let row = rows
                    .next()
                    .expect("a CSV row per collective and individual");
                let s = &k.scores[col.score];
                let u = &k.m.units[s.unit];
                let kind = if person.is_some() {
                    "individual"
                } else {
                    "collective"
                };
                prop_assert_eq!(row.get("tier"), tier.id.as_str());
                for (h, want) in [
                    ("kind", kind),
                    ("group", group),
                    ("unit_id", &u.id),
                    ("unit_name", &u.name),
                ] {
                    prop_assert_eq!(j[h].as_str(), Some(want), "JSON {}", h);
                    prop_assert_eq!(row.get(h), want, "CSV {}", h);
                }
                prop_assert_eq!(&u.group, group);
                prop_assert_eq!(j["rank"].as_u64(), Some(u64::from(col.rank)));
                prop_assert_eq!(row.num("rank"), Some(f64::from(col.rank)));
                prop_assert_eq!(j["total"].as_f64(), Some(k.r(s.total)));
                prop_assert_eq!(row.num("total"), Some(k.r(s.total)));
                if person.is_some() {
                    // No individuals file: every place is still to be proposed.
                    prop_assert_eq!(
                        j["status"].as_str(),
                        Some("to_be_proposed"),
                        "an individual's status is the person's"
                    );
                    prop_assert_eq!(row.get("status"), "to_be_proposed");
                    prop_assert_eq!(col.status, Status::Nominated);
                    continue;
                }
                prop_assert_eq!(
                    j["status"].as_str(),
                    Some(col.status.id()),
                    "JSON status of {}",
                    &u.id
                );
                prop_assert_eq!(
                    row.get("status"),
                    col.status.id(),
                    "CSV status of {}",
                    &u.id
                );
                let failed = reason_list(&k.c, &col.failed);
                let jfailed: Vec<&str> = j["failed_gates"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap())
                    .collect();
                prop_assert_eq!(&jfailed, &failed);
                let won = match col.status {
                    Status::WonHigherTier(t) => Some(k.c.tiers[t].id.as_str()),
                    _ => None,
                };
                prop_assert_eq!(j["won_tier"].as_str(), won);
                let detail = match (col.status, won) {
                    (Status::Ineligible, _) => failed.join(";"),
                    (_, Some(t)) => t.to_string(),
                    _ => col
                        .tied_higher
                        .map_or(String::new(), |t| format!("tied_at:{}", k.c.tiers[t].id)),
                };
                prop_assert_eq!(row.get("detail"), detail);
            }
        }
        prop_assert!(entries.next().is_none(), "a JSON entry no typed value has");
    }
    prop_assert!(rows.next().is_none(), "a CSV row no typed value has");
    Ok(())
}

proptest! {
    #![proptest_config(crate::util::cases(64))]
    #[test]
    fn json_equals_csv_equals_the_typed_report(
        precision in 0u32..3,
        exclusive in prop::bool::weighted(0.7),
        crits in prop::collection::vec(criterion(), 1..5),
        penalty in prop::option::of((1u32..6, 1u32..4)),
        classes in any::<bool>(),
        tiers in prop::collection::vec(tier(), 1..4),
        units in units(),
        vi in any::<bool>(),
    ) {
        let text = yaml(precision, exclusive, &crits, penalty, classes, &tiers);
        let c = Campaign::from_yaml(&text, "law.yaml").unwrap_or_else(|e| panic!("{e:#}\n{text}"));
        let m = thidua::metrics::read(data(&units).as_bytes(), "law.csv", None).unwrap();
        let scores = Scorer::new(&c, &m).unwrap().score_all(&m).unwrap();
        let ids: Vec<&str> = m.units.iter().map(|u| u.id.as_str()).collect();
        let nominated = nominate(&c, &scores, &ids, None);
        let lang = if vi { Lang::Vi } else { Lang::En };
        let k = Case { c, m, scores, nominated, lang };
        check_score(&k)?;
        check_rank(&k, &ranking::rank(&k.c, &k.scores, None), None)?;
        for t in 0..k.c.tiers.len() {
            check_rank(&k, &ranking::rank(&k.c, &k.scores, Some(t)), Some(t))?;
        }
        check_nominate(&k)?;
    }
}
