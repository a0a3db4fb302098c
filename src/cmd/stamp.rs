//! What goes into the "Mã kiểm tra" of `score`, `rank` and `nominate`: the
//! bytes of every file the command reads, by role (never by path), and the
//! flags that change a result; and `thidua verify CODE -- <command>`, which
//! recomputes the stamp of a command without writing anything.

//! What goes into the "Mã kiểm tra" of `score`, `rank` and `nominate`: the
//! bytes the session read of every file, by role (never by path), and the
//! flags that change a result; and `thidua verify CODE -- <command>`, which
//! resolves the same plan, reads the same files and recomputes the stamp
//! without writing anything.

use crate::i18n::messages::Msg;

use anyhow::Result;
use clap::Parser;

use super::plan::Role;
use super::session::Session;
use super::{Cli, Command, UsageError, resolve};
use crate::campaign::Campaign;
use crate::i18n::Lang;
use crate::stamp::{Material, Mismatch, Stamp, check, stamp};

/// The roles whose bytes the stamp hashes, in its order. The campaign and
/// `--weights` are hashed as understood, not as written; `--doc` is not
/// (yet) part of the code.
const HASHED: [Role; 7] = [
    Role::Data,
    Role::Baseline,
    Role::Decisions,
    Role::Merge,
    Role::Compare,
    Role::CompareWeights,
    Role::Individuals,
];

/// The stamp of a run of `campaign` over the files of `session`.
pub fn of(campaign: &Campaign, session: &Session, flags: &[(&'static str, String)]) -> Stamp {
    let mut m = Material::default();
    for role in HASHED {
        if let Some(s) = session.get(role) {
            m.inputs.push((role.name(), &s.bytes));
        }
    }
    m.flags = flags.to_vec();
    stamp(campaign, &m)
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
    // The plan as the command resolves it (a paper's format is not sent
    // anywhere here, so a terminal does not matter).
    let (inputs, flags) = match &cli.command {
        Command::Score(x) => {
            let p = resolve::score(x, false)?;
            (p.data.inputs.clone(), p.flags())
        }
        Command::Rank(x) => {
            let p = resolve::rank(x, false)?;
            (p.data.inputs.clone(), p.flags())
        }
        Command::Nominate(x) => {
            let p = resolve::nominate(x, false)?;
            (p.data.inputs.clone(), p.flags())
        }
        _ => {
            return Err(UsageError(Msg::VerifyOnlyStamped.s().into()).into());
        }
    };
    let mut session = Session::load(&inputs)?;
    let (campaign, _) = session.campaign()?;
    session.read_data()?;
    let s = of(&campaign, &session, &flags);
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
