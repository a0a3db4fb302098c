//! The plan of a run: every flag of a scoring command lowered once, as
//! ripgrep lowers its flags into `HiArgs` and uv resolves `Settings` — the
//! files it will read (one [`Inputs`] list, by role: used for reading, for
//! "never over an input" and for the stamp), the periods, and the flags that
//! change a result. Built before any file is read; commands take a plan,
//! never clap's types, and `verify` resolves the same plan.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{DataArgs, UsageError};
use crate::period::PeriodSel;

/// What a file is to the run. The order is the order files are read in and
/// named in the stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Campaign,
    Weights,
    Compare,
    CompareWeights,
    Data,
    Baseline,
    Merge,
    Individuals,
    Decisions,
    Doc,
}

impl Role {
    /// A file of the campaigns (read first: tiers are checked against it).
    pub fn is_campaign_side(self) -> bool {
        self <= Role::CompareWeights
    }

    /// The role's name in the stamp's JSON (`inputs[].role`).
    pub fn name(self) -> &'static str {
        match self {
            Role::Campaign => "campaign",
            Role::Weights => "weights",
            Role::Compare => "compare",
            Role::CompareWeights => "compare-weights",
            Role::Data => "data",
            Role::Baseline => "baseline",
            Role::Merge => "merge",
            Role::Individuals => "individuals",
            Role::Decisions => "decisions",
            Role::Doc => "doc",
        }
    }
}

/// Every file a run reads, once each, by role.
#[derive(Debug, Clone, Default)]
pub struct Inputs(Vec<(Role, PathBuf)>);

impl Inputs {
    /// Adds `path` in `role` (nothing when absent); kept in role order.
    pub fn add(&mut self, role: Role, path: Option<&Path>) {
        if let Some(p) = path {
            let at = self.0.partition_point(|(r, _)| *r <= role);
            self.0.insert(at, (role, p.to_path_buf()));
        }
    }

    pub fn get(&self, role: Role) -> Option<&Path> {
        self.0
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, p)| p.as_path())
    }

    pub fn iter(&self) -> impl Iterator<Item = (Role, &Path)> {
        self.0.iter().map(|(r, p)| (*r, p.as_path()))
    }

    /// Every path, so no output is ever written over one of them.
    pub fn paths(&self) -> Vec<&Path> {
        self.0.iter().map(|(_, p)| p.as_path()).collect()
    }
}

/// The data side of `score`, `rank`, `nominate` and `gap`: its files and the
/// periods chosen, parsed.
#[derive(Debug, Clone)]
pub struct DataPlan {
    pub inputs: Inputs,
    /// `--period`.
    pub period: Option<PeriodSel>,
    /// `--baseline-period`, parsed here (was parsed after the files were read).
    pub baseline_period: Option<PeriodSel>,
}

impl DataPlan {
    pub fn resolve(a: &DataArgs) -> Result<DataPlan, UsageError> {
        let mut inputs = Inputs::default();
        inputs.add(Role::Campaign, a.campaign.criteria.as_deref());
        inputs.add(Role::Weights, a.campaign.weights.as_deref());
        inputs.add(Role::Data, Some(&a.data));
        inputs.add(Role::Baseline, a.baseline.baseline.as_deref());
        inputs.add(Role::Merge, a.merge.as_deref());
        inputs.add(Role::Decisions, a.decisions.as_deref());
        let baseline_period = a
            .baseline
            .baseline_period
            .as_deref()
            .map(|p| {
                PeriodSel::parse(p)
                    .map_err(|e| UsageError(crate::msg!(PeriodFlag, "--baseline-period", e)))
            })
            .transpose()?;
        Ok(DataPlan {
            inputs,
            period: a.period,
            baseline_period,
        })
    }

    /// The change since a baseline was asked for (`--baseline`, or
    /// `--baseline-period` within the data file).
    pub fn since_asked(&self) -> bool {
        self.inputs.get(Role::Baseline).is_some() || self.baseline_period.is_some()
    }
}
