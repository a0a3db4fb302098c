//! What goes into the "Mã kiểm tra" of `score`, `rank` and `nominate`: what
//! the run used of every file, by role (never by path) in the canonical form
//! of [`crate::stamp::canon`], and the flags that change a result, resolved;
//! and `thidua verify CODE -- <command>`, which resolves the same plan, reads
//! the same files and recomputes the stamp without writing anything.

use crate::i18n::messages::Msg;

use anyhow::Result;
use clap::Parser;

use super::plan::Role;
use super::scored::Loaded;
use super::{Cli, Command, UsageError, resolve};
use crate::campaign::Campaign;
use crate::decisions::Decisions;
use crate::i18n::Lang;
use crate::report::docx::DocFields;
use crate::report::docx::fields::Submission;
use crate::stamp::canon::{self, Canon};
use crate::stamp::{Input, Material, Mismatch, Stamp, canonical_campaign, check, stamp};
use crate::whatif::sensitivity::Draws;

/// What a run used besides its [`Loaded`] inputs.
#[derive(Default, Clone, Copy)]
pub struct Used<'a> {
    pub decisions: Option<&'a Decisions>,
    /// Campaign B of `--compare` / `--compare-weights`.
    pub compare: Option<&'a Campaign>,
}

/// The stamp of a run: the campaign, what it used of each input, and its
/// resolved flags. A merge map counts by its effect on the data's rows (and
/// the baseline's), which are hashed as merged.
pub fn of(run: &Loaded, used: Used, flags: &[(&'static str, String)]) -> Stamp {
    let raw = |role| run.session.get(role).map(|s| s.bytes.as_slice());
    let mut inputs = vec![Input {
        role: "data",
        raw: raw(Role::Data),
        used: canon::metrics(&run.metrics),
    }];
    let mut add = |role: Role, used: Option<Vec<u8>>| {
        if let Some(used) = used {
            inputs.push(Input {
                role: role.name(),
                raw: raw(role),
                used,
            });
        }
    };
    add(
        Role::Baseline,
        run.baseline.as_ref().map(|b| canon::metrics(&b.metrics)),
    );
    add(Role::Decisions, used.decisions.map(canon::decisions));
    add(Role::Merge, raw(Role::Merge).map(|_| Vec::new()));
    let b = used.compare.map(|b| canonical_campaign(b).into_bytes());
    if raw(Role::Compare).is_some() {
        add(Role::Compare, b);
    } else {
        add(Role::CompareWeights, b);
    }
    add(Role::Individuals, run.people.as_deref().map(canon::people));
    add(Role::Doc, raw(Role::Doc).and(run.doc.as_ref()).map(doc));
    let m = Material {
        inputs,
        flags: flags.to_vec(),
    };
    stamp(&run.campaign, &m)
}

/// `rank`'s flags: the tier by its id, the draws with their defaults.
pub fn rank_flags(
    c: &Campaign,
    tier: Option<usize>,
    draws: Option<Draws>,
) -> Vec<(&'static str, String)> {
    let mut f = Vec::new();
    if let Some(t) = tier {
        f.push(("--tier", c.tiers[t].id.clone()));
    }
    if let Some(d) = draws {
        f.push(("--sensitivity", d.count.to_string()));
        f.push(("--spread", d.spread.to_string()));
        f.push(("--seed", d.seed.to_string()));
    }
    f
}

/// `nominate`'s flags: the tiers listed (`all`, or one by its id).
pub fn nominate_flags(c: &Campaign, shown: &[usize]) -> Vec<(&'static str, String)> {
    let tier = match shown {
        [t] if c.tiers.len() > 1 => c.tiers[*t].id.clone(),
        _ => "all".to_string(),
    };
    vec![("--tier", tier)]
}

/// What a paper states besides the figures: issuer, number, place, date,
/// signer, the Tờ trình and recipients.
fn doc(d: &DocFields) -> Vec<u8> {
    let DocFields {
        parent,
        issuer,
        number,
        place,
        date,
        signer_title,
        signer_name,
        submission,
        recipients,
    } = d;
    let Submission {
        number: sub_number,
        date: sub_date,
        by,
    } = submission;
    let day = |d: &Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let mut c = Canon::default();
    c.opt_str(parent.as_deref()).opt_str(issuer.as_deref());
    c.opt_str(number.as_deref()).opt_str(place.as_deref());
    c.opt_str(day(date).as_deref());
    c.strs(signer_title).opt_str(signer_name.as_deref());
    c.opt_str(sub_number.as_deref())
        .opt_str(day(sub_date).as_deref())
        .opt_str(by.as_deref());
    c.strs(recipients);
    c.bytes()
}

/// `thidua verify`.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The code printed on the list ("Mã kiểm tra: XXXX-XXXX-XXXX"), or its 64-digit digest.
    pub code: String,
    /// The command that made the list, after `--`: e.g. `-- nominate data.csv --individuals people.csv`.
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<String>,
    /// Language of the answer.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
}

/// Recomputes the stamp of the command given after `--` and compares;
/// messages in `lang`.
pub fn verify(a: &VerifyArgs, lang: Lang) -> Result<()> {
    let argv = std::iter::once("thidua".to_string()).chain(a.command.iter().cloned());
    let cli = Cli::try_parse_from(argv).map_err(|e| {
        // clap's words, with any of ours inside, said now in `lang`.
        let said = crate::i18n::scope(lang, || e.to_string());
        UsageError(crate::msg!(
            VerifyNotCommand,
            said.lines().next().unwrap_or("")
        ))
    })?;
    // The plan as the command resolves it, the files read and parsed as it
    // reads them (a paper's format is not sent anywhere here, so a terminal
    // does not matter).
    let s = match &cli.command {
        Command::Score(x) => {
            let p = resolve::score(x, false)?;
            let (run, ()) = Loaded::load(&p.data, p.doc, lang, |_| Ok(()))?;
            let decisions = run.read_decisions()?;
            let used = Used {
                decisions: decisions.as_ref(),
                compare: None,
            };
            of(&run, used, &[])
        }
        Command::Rank(x) => {
            let p = resolve::rank(x, false)?;
            let (run, tier) = Loaded::load(&p.data, p.doc, lang, |c| p.tier_in(c))?;
            let decisions = run.read_decisions()?;
            let b = run.session.compare(&run.campaign)?;
            let used = Used {
                decisions: decisions.as_ref(),
                compare: b.as_ref().map(|b| &b.0),
            };
            of(&run, used, &rank_flags(&run.campaign, tier, p.draws))
        }
        Command::Nominate(x) => {
            let p = resolve::nominate(x, false)?;
            let (run, shown) = Loaded::load(&p.data, p.doc, lang, |c| p.shown_in(c))?;
            let decisions = run.read_decisions()?;
            let used = Used {
                decisions: decisions.as_ref(),
                compare: None,
            };
            of(&run, used, &nominate_flags(&run.campaign, &shown))
        }
        _ => {
            return Err(UsageError(Msg::VerifyOnlyStamped.into()).into());
        }
    };
    let l = a.lang;
    match check(&a.code, &s) {
        Ok(()) => {
            println!("{} {}", l.pick("khớp: Mã kiểm tra", "match: stamp"), s.code);
            Ok(())
        }
        Err(Mismatch::Malformed) => Err(UsageError(crate::msg!(VerifyMalformed, a.code)).into()),
        Err(m) => {
            let why = match m {
                Mismatch::Campaign => l.pick(
                    "khác phong trào (tiêu chí, điểm, chỉ tiêu hoặc --weights)",
                    "another campaign (criteria, points, quotas or --weights)",
                ),
                Mismatch::Inputs => l.pick(
                    "khác số liệu (dữ liệu, kỳ gốc, cá nhân, quyết định, bảng sáp nhập hoặc thông tin văn bản --doc)",
                    "other inputs (data, baseline, individuals, decisions, merge map or the --doc fields)",
                ),
                _ => l.pick(
                    "khác phiên bản thidua hoặc khác tùy chọn (--tier, --sensitivity…)",
                    "another thidua version or other flags (--tier, --sensitivity…)",
                ),
            };
            anyhow::bail!(
                "{} {} ≠ {}: {why}",
                l.pick("không khớp:", "no match:"),
                a.code,
                s.code
            )
        }
    }
}
