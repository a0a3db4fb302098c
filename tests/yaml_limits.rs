//! The limits every YAML input is read within, through the binary: anchors
//! and aliases (an "alias bomb" expands a 1 MB file to gigabytes) are refused
//! in a campaign, `--doc`, `--decisions` and `--mapping` alike, at the file
//! and line of the first anchor; a plan of 32,000 deadlines is read whole;
//! 100,000 nested `[` stop at the depth limit. Files are made here; no
//! test asserts a time (the machine is shared): they are measured by hand
//! on a release build.

use crate::util::{EXAMPLE, fails, stdout, write};

const CAMPAIGN: &str = "schema: thidua/campaign/v1\nid: x\ngroups:\n  xa: { name: X }\ncriteria:\n  - { id: a, name: A, points: 100, value: tiep_nhan }\n";

/// `&big` on a 1 MB text under `anchor_key`, then `uses` aliases of it
/// listed under `list_key`, after `head`.
fn bomb(head: &str, anchor_key: &str, list_key: &str, uses: usize) -> String {
    let big = "x".repeat(1 << 20);
    let mut s = format!("{head}{anchor_key}: &big \"{big}\"\n{list_key}:\n");
    for _ in 0..uses {
        s.push_str("  - *big\n");
    }
    s
}

#[test]
fn an_alias_bomb_is_refused_in_every_yaml_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let campaign = write(
        d,
        "bomb.yaml",
        &bomb(
            "schema: thidua/campaign/v1\nid: x\n",
            "title",
            "tiebreak",
            5000,
        ),
    );
    let doc = write(d, "doc.yaml", &bomb("", "issuer", "recipients", 5000));
    let decisions = {
        let big = "x".repeat(1 << 20);
        let mut s = format!("adjustments:\n  - {{ unit_id: &big \"{big}\", points: 1 }}\n");
        for _ in 0..5000 {
            s.push_str("  - { unit_id: *big, points: 1 }\n");
        }
        write(d, "qd.yaml", &s)
    };
    let mapping = {
        let big = "x".repeat(1 << 20);
        let mut s = format!("tiep_nhan: &big [\"{big}\"]\n");
        for i in 0..5000 {
            s.push_str(&format!("cot_{i}: *big\n"));
        }
        write(d, "map.yaml", &s)
    };
    let out = d.join("ds.docx");
    let runs: [(&str, Vec<&str>); 4] = [
        (&campaign, vec!["check", &campaign]),
        (
            &doc,
            vec!["nominate", EXAMPLE, "--tier", "huyen", "--doc", &doc, "-o"],
        ),
        (
            &decisions,
            vec![
                "rank",
                EXAMPLE,
                "--tier",
                "huyen",
                "--decisions",
                &decisions,
            ],
        ),
        (&mapping, vec!["import", EXAMPLE, "--mapping", &mapping]),
    ];
    for (file, mut args) in runs {
        if args.last() == Some(&"-o") {
            args.push(out.to_str().unwrap());
        }
        let err = fails(&args, 1);
        assert!(
            err.contains(&format!("{file}:")) && err.contains("anchors (&) and aliases (*)"),
            "{file}: {err}"
        );
    }
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_plan_of_32000_deadlines_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = format!("{CAMPAIGN}deadlines:\n");
    let day = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    for i in 0..32_000u64 {
        let date = day + chrono::Days::new(i);
        plan.push_str(&format!(
            "  - {{ by: {date}, actor: \"Phòng {i}\", action: \"Bước {i}\" }}\n"
        ));
    }
    let c = write(dir.path(), "c.yaml", &plan);
    assert_eq!(stdout(&["check", &c]), format!("{c}: OK\n"));
}

#[test]
fn deep_nesting_stops_at_the_depth_limit() {
    let dir = tempfile::tempdir().unwrap();
    for (name, deep) in [
        (
            "flow.yaml",
            format!("{CAMPAIGN}tiebreak: {}\n", "[".repeat(100_000)),
        ),
        ("block.yaml", {
            let mut s = format!("{CAMPAIGN}tiebreak:\n");
            for level in 0..100 {
                s.push_str(&format!("{}- \n", "  ".repeat(level + 1)));
            }
            s
        }),
    ] {
        let c = write(dir.path(), name, &deep);
        let err = fails(&["check", &c], 1);
        assert!(
            err.contains(&format!("{c}:")) && err.contains("nested more than 32 levels deep"),
            "{err}"
        );
    }
}
