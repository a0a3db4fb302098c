//! What goes into the "Mã kiểm tra" of `score`, `rank` and `nominate`: the
//! bytes of every file the command reads, by role (never by path), and the
//! flags that change a result; and `thidua verify CODE -- <command>`, which
//! recomputes the stamp of a command without writing anything.

use crate::i18n::messages::Msg;
use std::path::Path;

use anyhow::Result;
use clap::Parser;

use super::{Cli, Command, DataArgs, UsageError};
use crate::campaign::Campaign;
use crate::i18n::Lang;
use crate::stamp::{Material, Mismatch, Stamp, check, stamp};

fn bytes(path: &Path) -> Result<Vec<u8>> {
    super::read_bytes(path)
}

/// The files and flags every scoring command shares.
fn data(input: &DataArgs) -> Result<Material<'static>> {
    let mut m = Material::default();
    m.inputs.push(("data", bytes(&input.data)?));
    if let Some(p) = &input.baseline.baseline {
        m.inputs.push(("baseline", bytes(p)?));
    }
    if let Some(p) = &input.decisions {
        m.inputs.push(("decisions", bytes(p)?));
    }
    if let Some(p) = &input.merge {
        m.inputs.push(("merge", bytes(p)?));
    }
    if let Some(p) = &input.period {
        m.flags.push(("--period", format!("{p:?}")));
    }
    if let Some(p) = &input.baseline.baseline_period {
        m.flags.push(("--baseline-period", p.clone()));
    }
    Ok(m)
}

/// `score`'s stamp: the data and its companions.
pub fn score(campaign: &Campaign, a: &super::score::Args) -> Result<Stamp> {
    Ok(stamp(campaign, &data(&a.input)?))
}

/// `rank`'s stamp: with the tier, the campaign compared and the draws.
pub fn rank(campaign: &Campaign, a: &super::rank::Args) -> Result<Stamp> {
    let mut m = data(&a.input)?;
    if let Some(t) = &a.tier {
        m.flags.push(("--tier", t.clone()));
    }
    if let Some(p) = &a.compare.compare {
        m.inputs.push(("compare", bytes(p)?));
    }
    if let Some(p) = &a.compare.compare_weights {
        m.inputs.push(("compare-weights", bytes(p)?));
    }
    if let Some(n) = a.sensitivity.sensitivity {
        m.flags.push(("--sensitivity", n.to_string()));
        m.flags
            .push(("--spread", format!("{:?}", a.sensitivity.spread)));
        m.flags
            .push(("--seed", format!("{:?}", a.sensitivity.seed)));
    }
    Ok(stamp(campaign, &m))
}

/// `nominate`'s stamp: with the individuals and the tiers listed.
pub fn nominate(campaign: &Campaign, a: &super::nominate::Args) -> Result<Stamp> {
    let mut m = data(&a.input)?;
    m.flags.push(("--tier", a.tier.clone()));
    if let Some(p) = &a.individuals {
        m.inputs.push(("individuals", bytes(p)?));
    }
    Ok(stamp(campaign, &m))
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

/// Recomputes the stamp of the command given after `--` and compares.
pub fn verify(a: &VerifyArgs) -> Result<()> {
    let argv = std::iter::once("thidua".to_string()).chain(a.command.iter().cloned());
    let cli = Cli::try_parse_from(argv).map_err(|e| {
        UsageError(crate::msg!(
            VerifyNotCommand,
            e.to_string().lines().next().unwrap_or("")
        ))
    })?;
    let s = match &cli.command {
        Command::Score(x) => score(&x.input.campaign.load()?, x)?,
        Command::Rank(x) => rank(&x.input.campaign.load()?, x)?,
        Command::Nominate(x) => nominate(&x.input.campaign.load()?, x)?,
        _ => {
            return Err(UsageError(Msg::VerifyOnlyStamped.s().into()).into());
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
                    "khác tệp số liệu (dữ liệu, kỳ gốc, cá nhân, quyết định hoặc bảng sáp nhập)",
                    "other input files (data, baseline, individuals, decisions or merge map)",
                ),
                _ => l.pick(
                    "khác phiên bản thidua hoặc khác tùy chọn (--tier, --period…)",
                    "another thidua version or other flags (--tier, --period…)",
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
