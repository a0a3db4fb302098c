//! The campaign levers as `gap` and `rank --levers` need them: a campaign
//! without levers is refused saying where to add them, and the `--levers`
//! columns are built here (not by one command for the other).

use anyhow::Result;

use super::UsageError;
use super::whatif::threads;
use crate::campaign::Campaign;
use crate::levers;
use crate::metrics::Metrics;
use crate::report::levers::LeverColumns;
use crate::scoring::{Scorer, UnitScore};

/// A campaign with no levers cannot answer: say where to add them.
pub fn need_levers(campaign: &Campaign, flag: &str) -> Result<()> {
    if campaign.levers.is_empty() {
        return Err(UsageError(crate::msg!(
            NoLevers,
            flag,
            campaign.file,
            "- { id: giai_quyet_dung_han, name: \"hồ sơ trễ hạn được giải quyết đúng hạn\", change: { tre_han: -1, dung_han: +1 } }"
        ))
        .into());
    }
    Ok(())
}

/// The `rank --levers` columns (`None` without the flag).
pub fn columns<'a>(
    on: bool,
    campaign: &'a Campaign,
    scorer: &Scorer,
    metrics: &'a Metrics,
    scores: &[UnitScore],
    tier: Option<usize>,
) -> Result<Option<LeverColumns<'a>>> {
    let Some(tier) = tier.filter(|_| on) else {
        return Ok(None);
    };
    need_levers(campaign, "--levers")?;
    let bound = levers::bind(campaign, metrics)?;
    let answers = levers::what_it_takes(campaign, scorer, metrics, scores, tier, &bound, threads());
    Ok(Some(LeverColumns {
        campaign,
        metrics,
        tier,
        answers,
    }))
}
