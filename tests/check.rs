//! `thidua check` through the real binary: one test per warning (a small
//! campaign in a temp dir, the message and its file:line:column), the exit
//! codes, the shipped files clean, and the same warnings printed once on
//! stderr by `score`, `rank` and `nominate`; plus a fuzz target for the linter.

use tempfile::TempDir;

use crate::util::{EXAMPLE, fails, run, thidua, write};

/// A clean campaign: 60 + 40 points on ratios of `a`, `b`, `c`, one tier.
/// Lines: 7 `criteria:`, 8 `- id: rate`, 12 rate's `scoring:`, 18 `tiers:`.
const CLEAN: &str = "schema: thidua/campaign/v1
id: t
period: { from: 2023-01-01, to: 2023-12-31 }
groups:
  xa: { name: X }
  pb: { name: P }
criteria:
  - id: rate
    name: R
    points: 60
    value: \"(a + b) / c\"
    scoring: proportional
  - id: other
    name: O
    points: 40
    value: \"a / c\"
classes: [{ name: \"Tốt\", min: 80 }, { name: \"Yếu\", min: 0 }]
tiers:
  - id: tinh
    award: \"Bằng khen của Chủ tịch UBND tỉnh\"
    min_percent: 0
    quotas:
      - { group: xa, collectives: 1 }
      - { group: pb, collectives: 1 }
    deadlines:
      - { before: 2023-11-30, actor: X, action: \"Gửi hồ sơ\" }
      - { before: 2023-12-05, actor: Y, action: \"Trình khen\" }
";

const DATA: &str =
    "unit_id,unit_name,group,a,b,c\nx1,X1,xa,5,2,10\nx2,X2,xa,3,1,10\np1,P1,pb,8,1,10\n";

/// `CLEAN` with `from` replaced by `to` (which must be there).
fn campaign(from: &str, to: &str) -> String {
    assert!(CLEAN.contains(from), "{from}");
    CLEAN.replacen(from, to, 1)
}

/// Runs `check FILE` on `yaml` (exit 0) and returns stdout.
fn check(yaml: &str) -> String {
    let dir = TempDir::new().unwrap();
    let c = write(dir.path(), "c.yaml", yaml);
    let (out, err) = run(&["check", &c]);
    assert_eq!(err, "", "findings go to stdout");
    out.replace(&c, "c.yaml")
}

#[test]
fn a_clean_campaign_says_ok() {
    assert_eq!(check(CLEAN), "c.yaml: OK\n");
}

#[test]
fn points_not_summing_to_100() {
    let out = check(&campaign("points: 40", "points: 50"));
    assert_eq!(
        out,
        "c.yaml:7:1: warning: the criteria's points sum to 110, not 100\n  hint: make the points sum to 100, or declare `max_total: 110` if the plan counts to 110\nc.yaml: 1 warning\n"
    );
    // A declared scale is respected, and checked.
    let declared =
        campaign("points: 40", "points: 50").replacen("groups:", "max_total: 110\ngroups:", 1);
    assert_eq!(check(&declared), "c.yaml: OK\n");
    let wrong = CLEAN.replacen("groups:", "max_total: 1000\ngroups:", 1);
    assert!(
        check(&wrong).starts_with("c.yaml:4:1: warning: the criteria's points sum to 100, not 1000\n  hint: make the points sum to 1000, or correct max_total\n")
    );
}

#[test]
fn a_percent_threshold_on_a_ratio() {
    let out = check(&campaign(
        "scoring: proportional",
        "scoring: { steps: [{ min: 98, points: 60 }, { min: 0.5, points: 30 }] }",
    ));
    assert!(
        out.starts_with("c.yaml:12:26: warning: criterion `rate`: min 98 is above 1, but the value `(a + b) / c` is a ratio (0..1): no unit can reach it\n  hint: write min: 0.98 for 98%\n"),
        "{out}"
    );
    let out = check(&campaign(
        "scoring: proportional",
        "scoring: { linear: { zero_at: 50, full_at: 90 } }",
    ));
    assert!(
        out.starts_with("c.yaml:12:26: warning: criterion `rate`: zero_at 50 is above 1"),
        "{out}"
    );
    // `100 * a / b` is a percent, not a ratio: its thresholds are fine.
    let pct = campaign(
        "scoring: proportional",
        "scoring: { steps: [{ min: 98, points: 60 }] }",
    )
    .replace("\"(a + b) / c\"", "\"100 * (a + b) / c\"");
    assert_eq!(check(&pct), "c.yaml: OK\n");
}

#[test]
fn a_fraction_for_min_percent_but_not_zero() {
    let out = check(&campaign("min_percent: 0", "min_percent: 0.8"));
    assert_eq!(
        out,
        "c.yaml:21:5: warning: tier `tinh`: min_percent 0.8 is a percent of the maximum, so this floor is 0.8%, not 80%\n  hint: write min_percent: 80 for 80%\nc.yaml: 1 warning\n"
    );
}

#[test]
fn a_fraction_for_a_class_min() {
    let out = check(&campaign("min: 80 }", "min: 0.8 }"));
    assert!(
        out.starts_with("c.yaml:17:26: warning: class `Tốt`: min 0.8 is a percent of the maximum, so this class starts at 0.8%, not 80%\n  hint: write min: 80 for 80%\n"),
        "{out}"
    );
}

#[test]
fn a_quota_of_zero() {
    let out = check(&campaign(
        "group: pb, collectives: 1",
        "group: pb, collectives: 0",
    ));
    assert!(
        out.starts_with("c.yaml:24:22: warning: tier `tinh`: the quota for group `pb` is 0 collectives: no unit of it can be proposed\n"),
        "{out}"
    );
}

#[test]
fn deadlines_out_of_order() {
    let out = check(&campaign("before: 2023-12-05", "before: 2023-11-05"));
    assert!(
        out.starts_with("c.yaml:27:11: warning: tier `tinh`: deadline 2023-11-05 (\"Trình khen\") comes before the step above it (2023-11-30)\n"),
        "{out}"
    );
}

#[test]
fn a_deadline_outside_the_campaign_period() {
    let out = check(&campaign("before: 2023-12-05", "before: 2024-12-05"));
    assert!(
        out.starts_with("c.yaml:27:11: warning: tier `tinh`: deadline 2024-12-05 (\"Trình khen\") is outside the campaign period 2023-01-01..2023-12-31\n  hint: correct the date (the year?), or the campaign's `period`\n"),
        "{out}"
    );
    // "before 2024-01-01" means by 2023-12-31: inside.
    let edge = campaign("before: 2023-12-05", "before: 2024-01-01");
    assert_eq!(check(&edge), "c.yaml: OK\n");
}

#[test]
fn a_district_award_after_july_2025() {
    let huyen = "award: \"Giấy khen của Chủ tịch UBND huyện\"";
    let before = campaign("award: \"Bằng khen của Chủ tịch UBND tỉnh\"", huyen);
    assert_eq!(check(&before), "c.yaml: OK\n", "fine in 2023");
    let after = before
        .replace("2023-01-01, to: 2023-12-31", "2025-07-01, to: 2025-12-31")
        .replace("2023-1", "2025-1");
    let out = check(&after);
    assert!(
        out.starts_with("c.yaml:20:5: warning: tier `tinh`: \"Giấy khen của Chủ tịch UBND huyện\" is a district (huyện) award, but there are no districts from 2025-07-01 and this campaign runs to 2025-12-31\n"),
        "{out}"
    );
}

#[test]
fn with_data_a_criterion_everyone_scores_0_or_full() {
    let dir = TempDir::new().unwrap();
    let steps = campaign(
        "scoring: proportional",
        "scoring: { steps: [{ min: 0.95, points: 60 }] }",
    );
    let c = write(dir.path(), "c.yaml", &steps);
    let d = write(dir.path(), "d.csv", DATA);
    let out = run(&["check", &d, &c])
        .0
        .replace(&c, "c.yaml")
        .replace(&d, "d.csv");
    assert_eq!(
        out,
        "c.yaml:8:5: warning: criterion `rate`: every unit of d.csv (3) scores 0\n  hint: check the value expression, the thresholds (a percent where the value is a fraction?) and the data's columns\nc.yaml + d.csv: 1 warning\n"
    );
    let full = write(
        dir.path(),
        "full.csv",
        "unit_id,unit_name,group,a,b,c\nx1,X1,xa,10,0,10\np1,P1,pb,9,1,10\n",
    );
    let out = run(&["check", &c, &full, "--lang", "en"]).0;
    assert!(
        out.contains(":8:5: warning: criterion `rate`: every unit of ")
            && out.contains("full.csv (2) scores full points (60)\n  hint: "),
        "{out}"
    );
    // Without data there is nothing to say about scores.
    assert_eq!(check(&steps), "c.yaml: OK\n");
}

#[test]
fn exit_codes_and_how_files_are_told_apart() {
    let dir = TempDir::new().unwrap();
    let bad = write(
        dir.path(),
        "bad.yaml",
        &campaign("points: 40", "pionts: 40"),
    );
    let err = fails(&["check", &bad], 1);
    assert!(err.contains("bad.yaml") && err.contains("pionts"), "{err}");
    let zero = write(
        dir.path(),
        "zero.yaml",
        &CLEAN.replacen("groups:", "max_total: 0\ngroups:", 1),
    );
    let err = fails(&["check", &zero], 1);
    assert!(
        err.contains("zero.yaml:4: max_total must be a number greater than 0, got 0"),
        "{err}"
    );
    let txt = write(dir.path(), "c.txt", CLEAN);
    let err = fails(&["check", &txt], 2);
    assert!(
        err.contains(
            "expected a campaign file (.yaml, .yml) or a metrics file (.csv, .xlsx, .ods)"
        ),
        "{err}"
    );
    // Data the campaign cannot score: today's error, exit 1.
    let c = write(dir.path(), "c.yaml", CLEAN);
    let d = write(
        dir.path(),
        "d.csv",
        "unit_id,unit_name,group,a,c\nx1,X1,xa,1,2\n",
    );
    let out = thidua()
        .args(["check", &c, &d])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("`b`"), "{err}");
    // One invalid file among several: the others are still checked.
    let warned = write(dir.path(), "w.yaml", &campaign("points: 40", "points: 50"));
    let out = thidua()
        .args(["check", &bad, &warned])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("w.yaml: 1 warning"), "{stdout}");
    // Warnings alone: exit 0.
    thidua().args(["check", &warned]).assert().code(0);
}

#[test]
fn the_shipped_campaigns_are_clean() {
    let mut files: Vec<String> = std::fs::read_dir("criteria")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".yaml") || p.ends_with(".yml"))
        .collect();
    files.sort();
    assert!(files.len() >= 2);
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args).0;
    let want: String = files.iter().map(|f| format!("{f}: OK\n")).collect();
    assert_eq!(out, want);
    // The built-in seed campaign (a huyện award, but in 2022-2023) and the example.
    assert_eq!(
        run(&["check", EXAMPLE]).0,
        format!("criteria/ninh-phuoc-236.yaml (built in) + {EXAMPLE}: OK\n")
    );
}

#[test]
fn score_rank_nominate_warn_once_on_stderr() {
    let dir = TempDir::new().unwrap();
    let c = write(
        dir.path(),
        "c.yaml",
        &campaign("min_percent: 0", "min_percent: 0.8"),
    );
    let d = write(dir.path(), "d.csv", DATA);
    let line = format!("thidua: warning: {c}:21:5: tier `tinh`: min_percent 0.8 is a percent");
    for cmd in [
        vec!["score", &d, "--criteria", &c],
        vec!["rank", &d, "--criteria", &c, "--tier", "tinh"],
        vec!["nominate", &d, "--criteria", &c],
    ] {
        let (out, err) = run(&[&cmd[..], &["--format", "csv"]].concat());
        assert_eq!(err.matches(&line).count(), 1, "{cmd:?}: {err}");
        assert_eq!(
            err.lines().count(),
            2,
            "the warning and its hint only: {err}"
        );
        assert!(!out.contains("warning"), "stdout stays data: {out}");
    }
    let (_, err) = run(&[
        "rank",
        &d,
        "--criteria",
        &c,
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert!(
        err.starts_with(&format!("thidua: warning: {c}:21:5: ")),
        "{err}"
    );
    assert!(
        err.contains("\n  hint: write min_percent: 80 for 80%"),
        "{err}"
    );
    // A clean campaign: nothing on stderr; a what-if overlay is not a mistake.
    let clean = write(dir.path(), "clean.yaml", CLEAN);
    let w = write(dir.path(), "w.yaml", "rate: 70\n");
    let (_, err) = run(&[
        "rank",
        &d,
        "--criteria",
        &clean,
        "--weights",
        &w,
        "--format",
        "csv",
    ]);
    assert_eq!(err, "");
}

mod fuzz {
    use proptest::prelude::*;
    use thidua::campaign::{Campaign, lint};
    use thidua::metrics;
    use thidua::scoring::Scorer;

    /// A campaign that triggers every warning, so mutations land near them.
    const NOISY: &str = "schema: thidua/campaign/v1\nid: f\nissued: 2025-08-01\nperiod: { from: 2025-08-01, to: 2025-12-31 }\nmax_total: 90\ngroups:\n  xa: { name: X }\ncriteria:\n  - id: r\n    name: R\n    points: 60\n    value: \"(a + b) / c\"\n    scoring: { steps: [{ min: 98, points: 60 }, { min: 0.5, points: 30 }] }\n  - id: l\n    name: L\n    points: 50\n    value: \"a / c\"\n    scoring: { linear: { zero_at: 50, full_at: 90 } }\nclasses: [{ name: A, min: 0.8 }, { name: B, min: 0 }]\ntiers:\n  - id: huyen\n    award: \"Giấy khen của Chủ tịch UBND huyện\"\n    min_percent: 0.5\n    quotas: [{ group: xa, collectives: 0 }]\n    deadlines:\n      - { before: 2025-12-15, actor: X, action: A }\n      - { by: 2025-11-01, actor: X, action: B }\n      - { on: 2026-03-01, actor: X, action: C }\n";
    const DATA: &str = "unit_id,unit_name,group,a,b,c\nx1,X1,xa,1,2,10\nx2,X2,xa,0,0,0\n";

    fn config() -> ProptestConfig {
        crate::util::cases(64)
    }

    fn texty(max: usize) -> impl Strategy<Value = String> {
        let chars: Vec<char> = "abcxyz_:-[]{},\"' \n0123456789.#/+()huyện"
            .chars()
            .collect();
        prop::collection::vec(prop::sample::select(chars), 0..max)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(config())]
        #[test]
        fn mutated_campaigns_never_panic_the_linter(
            base in prop::sample::select(vec![NOISY, super::CLEAN, thidua::campaign::DEFAULT_YAML]),
            insert in texty(30),
            at in 0usize..4000,
            cut in 0usize..20,
        ) {
            let mut at = at.min(base.len());
            while !base.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(base.len());
            while !base.is_char_boundary(end) {
                end -= 1;
            }
            let src = format!("{}{}{}", &base[..at], insert, &base[end..]);
            if let Ok(c) = Campaign::from_yaml(&src, "fuzz.yaml") {
                for p in lint::campaign(&c) {
                    prop_assert_eq!(p.file.as_str(), "fuzz.yaml");
                    prop_assert!(p.line.is_some_and(|l| l >= 1 && l as usize <= src.lines().count().max(1)));
                }
                let m = metrics::read(DATA.as_bytes(), "d.csv", None).unwrap();
                if let Ok(scores) = Scorer::new(&c, &m).and_then(|s| s.score_all(&m)) {
                    let _ = lint::data(&c, "d.csv", &scores);
                }
            }
        }
    }

    #[test]
    fn the_noisy_campaign_triggers_every_campaign_warning() {
        let c = Campaign::from_yaml(NOISY, "n.yaml").unwrap();
        let lines: Vec<u64> = lint::campaign(&c).iter().map(|p| p.line.unwrap()).collect();
        // max_total, steps, linear, class, award, min_percent, quota, order, period.
        assert_eq!(lines, vec![5, 13, 18, 19, 22, 23, 24, 27, 28]);
    }
}

#[test]
fn a_lever_that_breaks_a_partition_of_the_data() {
    let yaml = format!(
        "{CLEAN}levers:\n  - {{ id: them_truoc_han, name: \"hồ sơ trước hạn\", change: {{ truoc_han: 1 }} }}\n  - {{ id: chuyen, name: \"hồ sơ trễ hạn thành đúng hạn\", change: {{ tre_han: -1, dung_han: 1 }} }}\n"
    );
    let out = check(&yaml);
    assert!(
        out.contains("warning: lever `them_truoc_han` adds to truoc_han without adding to da_giai_quyet: truoc_han + dung_han + tre_han would exceed da_giai_quyet at the first step"),
        "{out}"
    );
    assert!(
        !out.contains("`chuyen`"),
        "moving dossiers between parts is fine: {out}"
    );
    assert!(out.contains("c.yaml:29:"), "at the lever's line: {out}");
}
