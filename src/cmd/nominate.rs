//! `thidua nominate`: the candidate lists of each award tier, collectives and
//! individuals, under the plan's quotas.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{DataArgs, OutputArgs, resolve, write_report};
use crate::import::people;
use crate::nomination::nominate_decided;
use crate::people::Person;
use crate::report::nominate::NominationView;
use crate::report::pipeline::Report;
use crate::report::units::View;
use crate::scoring::Scorer;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: DataArgs,
    /// Award tier to list (e.g. `tinh`, `huyen`) or `all`. Higher tiers are always
    /// computed first, so an exclusive campaign never lists a winner twice.
    #[arg(long, value_name = "TIER", default_value = "all")]
    pub tier: String,
    /// Individuals CSV (unit_id, person_id, full_name, position[, direct, eligible, score, note]).
    #[arg(long, value_name = "FILE")]
    pub individuals: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub doc: super::reports::DocArgs,
}

pub fn run(args: &Args) -> Result<()> {
    let resolve::Nominate {
        campaign,
        out,
        shown,
    } = resolve::nominate(args)?;
    let doc = args.doc.load(&out)?;
    let (metrics, baseline) = args.input.load()?;
    let people = args
        .individuals
        .as_deref()
        .map(|p| read_people(p, &metrics))
        .transpose()?;
    let mut scores =
        Scorer::with_baseline(&campaign, &metrics, baseline.as_ref().map(|b| &b.metrics))?
            .score_all(&metrics)?;
    let decisions = args
        .input
        .decisions(&campaign, &metrics, people.as_deref(), &mut scores)?;
    super::check::warn(&campaign, &metrics, &scores);
    let ids: Vec<&str> = metrics.units.iter().map(|u| u.id.as_str()).collect();
    let result = nominate_decided(
        &campaign,
        &scores,
        &ids,
        people.as_deref(),
        decisions.as_ref(),
    )?;
    // Read again, after the readers checked them: the stamp hashes their bytes.
    let stamp = super::stamp::nominate(&campaign, args)?;
    let view = NominationView {
        units: View {
            campaign: &campaign,
            metrics: &metrics,
            scores: &scores,
            lang: out.lang,
            decisions: decisions.as_ref(),
            ids: out.ids,
            doc: doc.as_ref(),
            stamp: Some(&stamp),
        },
        people: people.as_deref(),
        tiers: shown.iter().map(|&t| &result[t]).collect(),
        decisions: decisions.as_ref(),
    };
    let mut inputs: Vec<&Path> = args.input.inputs();
    inputs.extend(args.individuals.as_deref());
    inputs.extend(args.doc.inputs());
    write_report(&out, &Report::Nominate(view), &inputs)
}

fn read_people(path: &Path, metrics: &crate::metrics::Metrics) -> Result<Vec<Person>> {
    if path.is_dir() {
        anyhow::bail!(crate::msg!(IsFolderPeople, path.display()));
    }
    let bytes = super::read_bytes(path)?;
    let file = path.display().to_string();
    let units: Vec<people::UnitName> = metrics
        .units
        .iter()
        .map(|u| people::UnitName {
            id: &u.id,
            name: &u.name,
        })
        .collect();
    let people = people::read_any(&bytes, &file, &units)?;
    let known: HashSet<&str> = metrics.units.iter().map(|u| u.id.as_str()).collect();
    people::check_units(&people, &file, &known)?;
    Ok(people)
}
