//! "Mã kiểm tra": a code printed on every list a council reads or signs,
//! proving it came from these figures. It is a SHA-256 over a versioned
//! canonical form of what the computation used: the campaign as the tool
//! understood it (after `--weights`), the values read from every input
//! ([`canon`]: rows after parsing and period selection, people, decisions,
//! document fields), the flags that change results and the tool's version —
//! never over time, paths, the output format or how a file was saved, so the
//! same figures give the same code on every machine, in every format, and
//! after Excel re-saves a file. The raw files' digests are listed beside it
//! for audit.
//!
//! The printed code has three groups of four hex digits: the campaign's, the
//! input files', and the whole's. So `thidua verify` can say *what* differs
//! (another campaign, other data, another version or other flags) from the
//! code alone; the JSON carries the full 64-digit digest.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::campaign::Campaign;

pub mod canon;

/// The stamp of one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    /// "3F2A-91C0-7B1E".
    pub code: String,
    /// The whole digest, 64 hex digits.
    pub sha256: String,
    /// Each input file: its role and digest, in a fixed order.
    pub inputs: Vec<InputDigest>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputDigest {
    /// `data`, `baseline`, `individuals`, `decisions`, `merge`, `compare`…
    pub role: String,
    /// The digest of the file's bytes as read (for audit; the code hashes
    /// what was used of them).
    pub sha256: String,
}

/// One input of a run, for its stamp.
#[derive(Debug)]
pub struct Input<'a> {
    pub role: &'a str,
    /// The file's bytes as read; `None` for an input that is no file of its
    /// own (the baseline period of the data file).
    pub raw: Option<&'a [u8]>,
    /// What the run used of it, in [`canon`]'s form: this is what the code hashes.
    pub used: Vec<u8>,
}

/// What a run used and how it was asked, for its stamp.
#[derive(Debug, Default)]
pub struct Material<'a> {
    /// Every input, in a fixed order of roles.
    pub inputs: Vec<Input<'a>>,
    /// (flag, value) of every flag that changes a result, resolved (a tier
    /// by its id, draws with their defaults).
    pub flags: Vec<(&'a str, String)>,
}

/// The version every stamp includes: another version may compute otherwise.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The campaign as the tool understood it: every rule, point, quota and date,
/// without where it was read from (file name, line numbers, comments).
pub fn canonical_campaign(c: &Campaign) -> String {
    // Positions serialize as nothing, and the file and its text are skipped.
    serde_json::to_string(c).expect("a campaign serializes")
}

/// Length-prefixed, so that no two different materials hash alike by
/// shifting bytes between fields.
fn feed(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The three digests the code is made of: campaign, inputs, whole.
fn digests(campaign: &Campaign, m: &Material) -> ([u8; 32], [u8; 32], [u8; 32], Vec<InputDigest>) {
    let camp: [u8; 32] = Sha256::digest(canonical_campaign(campaign).as_bytes()).into();
    let mut each = Vec::new();
    let mut h = Sha256::new();
    for input in &m.inputs {
        feed(&mut h, input.role.as_bytes());
        feed(&mut h, &Sha256::digest(&input.used));
        if let Some(raw) = input.raw {
            each.push(InputDigest {
                role: input.role.to_string(),
                sha256: hex(&Sha256::digest(raw)),
            });
        }
    }
    let inputs: [u8; 32] = h.finalize().into();
    let mut h = Sha256::new();
    feed(&mut h, b"thidua-stamp-v2");
    feed(&mut h, VERSION.as_bytes());
    feed(&mut h, &camp);
    feed(&mut h, &inputs);
    for (flag, value) in &m.flags {
        feed(&mut h, flag.as_bytes());
        feed(&mut h, value.as_bytes());
    }
    (camp, inputs, h.finalize().into(), each)
}

/// The stamp of a run that used `campaign` and read `m`.
pub fn stamp(campaign: &Campaign, m: &Material) -> Stamp {
    let (camp, inputs, whole, each) = digests(campaign, m);
    let group = |d: &[u8; 32]| format!("{:02X}{:02X}", d[0], d[1]);
    Stamp {
        code: format!("{}-{}-{}", group(&camp), group(&inputs), group(&whole)),
        sha256: hex(&whole),
        inputs: each,
    }
}

/// What a code says differs from the stamp of a run, where it can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// The code is not of the form XXXX-XXXX-XXXX (or 64 hex digits).
    Malformed,
    Campaign,
    Inputs,
    /// Same campaign and files: another version, or other flags.
    VersionOrFlags,
}

/// Compares a printed code (or the full digest) with a run's stamp. The
/// code is read as people copy it: any case, with or without the dashes,
/// spaces or dots between its groups ("d08c6626ecfe", "D08C 6626 ECFE").
pub fn check(code: &str, s: &Stamp) -> Result<(), Mismatch> {
    let digits: String = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '.' | '\u{a0}' | '\t'))
        .collect();
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Mismatch::Malformed);
    }
    if digits.len() == 64 {
        return if digits.eq_ignore_ascii_case(&s.sha256) {
            Ok(())
        } else {
            Err(Mismatch::VersionOrFlags)
        };
    }
    if digits.len() != 12 {
        return Err(Mismatch::Malformed);
    }
    let parts = [&digits[0..4], &digits[4..8], &digits[8..12]];
    let mine: Vec<&str> = s.code.split('-').collect();
    let same = |i: usize| parts[i].eq_ignore_ascii_case(mine[i]);
    match (same(0), same(1), same(2)) {
        (true, true, true) => Ok(()),
        (false, _, _) => Err(Mismatch::Campaign),
        (true, false, _) => Err(Mismatch::Inputs),
        (true, true, false) => Err(Mismatch::VersionOrFlags),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::{DEFAULT_YAML, default_label};

    fn material(data: &[u8]) -> Material<'_> {
        Material {
            inputs: vec![Input {
                role: "data",
                raw: Some(data),
                used: data.to_vec(),
            }],
            flags: vec![("--tier", "huyen".into())],
        }
    }

    #[test]
    fn the_code_depends_on_what_was_read_never_on_where() {
        let c = Campaign::from_yaml(DEFAULT_YAML, default_label(crate::i18n::Lang::En)).unwrap();
        let s = stamp(&c, &material(b"a,b\n1,2\n"));
        assert_eq!(s.code.len(), 14);
        assert_eq!(s.sha256.len(), 64);
        // Another file name and comments: the same campaign, the same code.
        let moved = format!("# chú thích\n{DEFAULT_YAML}");
        let c2 = Campaign::from_yaml(&moved, "elsewhere/plan.yaml").unwrap();
        assert_eq!(stamp(&c2, &material(b"a,b\n1,2\n")), s);
        // One byte of data: the inputs group changes, the campaign's does not.
        let other = stamp(&c, &material(b"a,b\n1,3\n"));
        assert_eq!(check(&other.code, &s), Err(Mismatch::Inputs));
        assert_eq!(check(&s.code, &s), Ok(()));
        assert_eq!(check(&s.code.to_lowercase(), &s), Ok(()));
        assert_eq!(check(&s.sha256, &s), Ok(()));
        // Another point: another campaign.
        let mut c3 = c.clone();
        c3.criteria[0].points += 1.0;
        assert_eq!(
            check(&stamp(&c3, &material(b"a,b\n1,2\n")).code, &s),
            Err(Mismatch::Campaign)
        );
        // Another flag value.
        let mut m = material(b"a,b\n1,2\n");
        m.flags[0].1 = "tinh".into();
        assert_eq!(
            check(&stamp(&c, &m).code, &s),
            Err(Mismatch::VersionOrFlags)
        );
        assert_eq!(check("12-34", &s), Err(Mismatch::Malformed));
        // As people copy it: no dashes, spaces, any case; nothing else.
        let bare = s.code.replace('-', "");
        assert_eq!(check(&bare.to_lowercase(), &s), Ok(()));
        assert_eq!(check(&s.code.replace('-', " "), &s), Ok(()));
        assert_eq!(check(&format!(" {} ", s.code), &s), Ok(()));
        assert_eq!(check(&format!("{bare}0"), &s), Err(Mismatch::Malformed));
        assert_eq!(check("3F2A-91C0-7B1G", &s), Err(Mismatch::Malformed));
    }
}
