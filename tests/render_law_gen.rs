//! Random campaigns and data for the render law (issue 12): two groups, one
//! to four criteria of every scoring kind and "no data" policy, maybe a
//! penalty, a gate and classes, one to three tiers with fixed or percent
//! quotas, floors and individuals.

use proptest::prelude::*;
/// A criterion: its scoring, its "no data" policy.
pub type CritSpec = (&'static str, &'static str);
/// A tier: quota per group (`None`: none; `Err(p)`: p percent), individuals
/// each, a floor, and whether the gate applies to it.
pub type TierSpec = (
    Option<Result<u32, u32>>,
    Option<Result<u32, u32>>,
    u32,
    Option<u32>,
    bool,
);

pub fn criterion() -> impl Strategy<Value = CritSpec> {
    (
        prop::sample::select(vec![
            "proportional",
            "{ linear: { zero_at: 0.2, full_at: 0.9 } }",
            "{ steps: [ { min: 0.9, points: 10 }, { min: 0.5, points: 6 }, { min: 0.2, points: 2 } ] }",
            "{ formula: \"min(10, a / 2 + b / 3)\" }",
        ]),
        prop::sample::select(vec!["zero", "full", "exclude"]),
    )
}

pub fn quota() -> impl Strategy<Value = Option<Result<u32, u32>>> {
    prop::option::weighted(
        0.8,
        prop_oneof![
            (1u32..4).prop_map(Ok),
            prop::sample::select(vec![20u32, 50, 75]).prop_map(Err)
        ],
    )
}

pub fn tier() -> impl Strategy<Value = TierSpec> {
    (
        quota(),
        quota(),
        0u32..2,
        prop::option::weighted(0.3, prop::sample::select(vec![30u32, 50, 70])),
        prop::bool::weighted(0.5),
    )
}

/// Campaign YAML: two groups, the criteria (metric `a`, `b`, `c`, `d` over
/// `da_giai_quyet`, undefined when it is 0), maybe a penalty, a gate and
/// classes, the tiers.
pub fn yaml(
    precision: u32,
    exclusive: bool,
    crits: &[CritSpec],
    penalty: Option<(u32, u32)>,
    classes: bool,
    tiers: &[TierSpec],
) -> String {
    let mut s = format!(
        "schema: thidua/campaign/v1\nid: law\nprecision: {precision}\nexclusive: {exclusive}\n\
         groups: {{ xa: {{ name: X }}, pb: {{ name: P }} }}\ncriteria:\n"
    );
    for (i, (scoring, undefined)) in crits.iter().enumerate() {
        let m = ["a", "b", "c", "d"][i];
        s.push_str(&format!(
            "  - {{ id: k{i}, name: K{i}, points: 10, value: \"min({m}, da_giai_quyet) / da_giai_quyet\", \
             scoring: {scoring}, when_undefined: {undefined} }}\n"
        ));
    }
    if let Some((each, max)) = penalty {
        s.push_str(&format!(
            "penalties:\n  - {{ id: tre, name: L, count: \"late\", points_each: {}, max: {max} }}\n",
            f64::from(each) / 4.0
        ));
    }
    let gated: Vec<String> = (0..tiers.len())
        .filter(|&t| tiers[t].4)
        .map(|t| format!("t{t}"))
        .collect();
    if !gated.is_empty() {
        s.push_str(&format!(
            "gates:\n  - {{ id: g, name: G, rule: \"late == 0\", tiers: [{}] }}\n",
            gated.join(", ")
        ));
    }
    if classes {
        s.push_str("classes:\n  - { name: Tốt, min: 80 }\n  - { name: Khá, min: 50 }\n");
    }
    s.push_str("tiebreak: [k0]\ntiers:\n");
    for (t, (xa, pb, each, floor, _)) in tiers.iter().enumerate() {
        s.push_str(&format!("  - id: t{t}\n    award: T{t}\n"));
        if let Some(f) = floor {
            s.push_str(&format!("    min_percent: {f}\n"));
        }
        s.push_str("    quotas:\n");
        let mut any = false;
        for (g, q) in [("xa", xa), ("pb", pb)] {
            match q {
                Some(Ok(n)) => {
                    s.push_str(&format!(
                        "      - {{ group: {g}, collectives: {n}, individuals_each: {each} }}\n"
                    ));
                }
                Some(Err(p)) => s.push_str(&format!(
                    "      - {{ group: {g}, collectives: \"{p}%\" }}\n"
                )),
                None => continue,
            }
            any = true;
        }
        if !any {
            s.push_str("      - { group: xa, collectives: 1 }\n");
        }
    }
    s
}

/// Units: in group `xa`, a, b, c, d, da_giai_quyet (0: no dossiers), late.
pub type UnitSpec = (bool, [u32; 4], u32, u32);

pub fn units() -> impl Strategy<Value = Vec<UnitSpec>> {
    prop::collection::vec(
        (
            any::<bool>(),
            [0u32..=8, 0u32..=8, 0u32..=8, 0u32..=8],
            0u32..=8,
            0u32..3,
        ),
        1..20,
    )
}

pub fn data(units: &[UnitSpec]) -> String {
    let mut s = String::from("unit_id,unit_name,group,a,b,c,d,da_giai_quyet,late\n");
    for (i, (xa, m, n, late)) in units.iter().enumerate() {
        let g = if *xa { "xa" } else { "pb" };
        s.push_str(&format!(
            "u{i},Đơn vị {i},{g},{},{},{},{},{n},{late}\n",
            m[0], m[1], m[2], m[3]
        ));
    }
    s
}
