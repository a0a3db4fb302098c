//! A run's files, each read once: [`Session::load`] reads every input of the
//! plan before anything is parsed, and every reader, the stamp included,
//! takes its bytes from here. So a file is never opened twice (a named pipe
//! works as an input), and a file changed during a run cannot be stamped
//! with bytes the run did not use.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::plan::{DataPlan, Inputs, Role};
use super::{UsageError, print_notices};
use crate::campaign::{Campaign, DEFAULT_YAML, default_label};
use crate::i18n::Lang;
use crate::i18n::messages::Msg;
use crate::merge::{self, MergeMap};
use crate::metrics::{self, Metrics};
use crate::period::PeriodSel;
use crate::problem::{Problems, ProblemsError};

/// One input file as read.
#[derive(Debug)]
pub struct Source {
    pub role: Role,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl Source {
    /// How messages name the file: its path as typed.
    pub fn label(&self) -> String {
        self.path.display().to_string()
    }

    /// How printed reports name the file: without its folder.
    pub fn name(&self) -> &str {
        self.path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
    }

    /// The bytes as UTF-8 text, or an error naming the file and the byte.
    pub fn text(&self) -> Result<&str> {
        std::str::from_utf8(&self.bytes).map_err(|e| {
            anyhow::anyhow!(crate::msg!(NotUtf8, self.path.display(), e.valid_up_to()))
        })
    }
}

/// Every file of a run, read once, and the language its notices are said in.
#[derive(Debug, Default)]
pub struct Session {
    pub lang: Lang,
    sources: Vec<Source>,
    /// The files not read yet: the data side, read by [`Session::read_data`].
    unread: Vec<(Role, PathBuf)>,
}

impl Session {
    /// Reads the campaign side of `inputs` (campaign, weights, campaign B),
    /// so the flags that name a tier are checked before any data is read;
    /// notices will be said in `lang`.
    pub fn load(inputs: &Inputs, lang: Lang) -> Result<Session> {
        let mut session = Session {
            lang,
            ..Session::default()
        };
        for (role, path) in inputs.iter() {
            if role.is_campaign_side() {
                session.read(role, path)?;
            } else {
                session.unread.push((role, path.to_path_buf()));
            }
        }
        Ok(session)
    }

    /// Reads the data side (data, baseline, merge map, individuals,
    /// decisions, `--doc`), once each, in role order.
    pub fn read_data(&mut self) -> Result<()> {
        for (role, path) in std::mem::take(&mut self.unread) {
            self.read(role, &path)?;
        }
        Ok(())
    }

    fn read(&mut self, role: Role, path: &Path) -> Result<()> {
        self.sources.push(Source {
            role,
            path: path.to_path_buf(),
            bytes: read(role, path)?,
        });
        Ok(())
    }

    pub fn get(&self, role: Role) -> Option<&Source> {
        self.sources.iter().find(|s| s.role == role)
    }

    /// Every file read, in role order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The campaign of `--criteria` (else the built-in one) with `--weights`
    /// applied, and the campaign as written (before the weights).
    pub fn campaign(&self) -> Result<(Campaign, Campaign)> {
        let written = match self.get(Role::Campaign) {
            Some(s) => Campaign::from_yaml(s.text()?, &s.label())?,
            None => Campaign::from_yaml(DEFAULT_YAML, default_label(self.lang))?,
        };
        let mut campaign = written.clone();
        if let Some(w) = self.get(Role::Weights) {
            campaign.apply_weights(w.text()?, &w.label())?;
        }
        Ok((campaign, written))
    }

    /// Campaign B of `--compare` / `--compare-weights` and how reports name
    /// it (by file name), when asked for; `a` is campaign A as loaded.
    pub fn compare(&self, a: &Campaign) -> Result<Option<(Campaign, String)>> {
        if let Some(s) = self.get(Role::Compare) {
            let b = Campaign::from_yaml(s.text()?, &s.label())?;
            return Ok(Some((b, s.name().to_string())));
        }
        let Some(w) = self.get(Role::CompareWeights) else {
            return Ok(None);
        };
        let mut b = a.clone();
        b.apply_weights(w.text()?, &w.label())?;
        Ok(Some((b, format!("A + {}", w.name()))))
    }

    /// The metrics of the chosen period, and the baseline when one was asked
    /// for; both merged by `--merge`. Notices go to standard error.
    pub fn data(
        &self,
        plan: &DataPlan,
        campaign: &Campaign,
    ) -> Result<(Metrics, Option<Baseline>)> {
        let map = self
            .get(Role::Merge)
            .map(|s| MergeMap::read(&s.bytes, &s.label()))
            .transpose()?;
        let data = self.get(Role::Data).expect("the plan names a data file");
        let lang = self.lang;
        let mut metrics = read_metrics(data, plan.period.as_ref(), "--period", campaign, lang)?;
        if let Some(map) = &map {
            metrics = merge_metrics(metrics, map, None, lang)?;
        }
        if !plan.since_asked() {
            return Ok((metrics, None));
        }
        if plan.get_baseline_only_period() && metrics.periods.is_empty() {
            return Err(UsageError(crate::msg!(BaselineNoPeriod, metrics.file)).into());
        }
        let source = self.get(Role::Baseline).unwrap_or(data);
        let sel = plan.baseline_period.as_ref();
        let mut b = read_metrics(source, sel, "--baseline-period", campaign, lang)
            .context(Msg::ReadingBaseline)?;
        if let Some(map) = &map {
            b = merge_metrics(b, map, Some(&metrics), lang).context(Msg::MergingBaseline)?;
        }
        let name = super::scored::file_name(&b.file);
        let label = if b.periods.is_empty() {
            name.to_string()
        } else {
            format!("{name} ({})", b.periods.join(", "))
        };
        Ok((metrics, Some(Baseline { metrics: b, label })))
    }
}

impl DataPlan {
    /// `--baseline-period` without `--baseline`: the baseline is a period of
    /// the data file itself.
    fn get_baseline_only_period(&self) -> bool {
        self.baseline_period.is_some() && self.inputs.get(Role::Baseline).is_none()
    }
}

/// Baseline data and how to name it.
pub struct Baseline {
    pub metrics: Metrics,
    pub label: String,
}

/// The bytes of one input, or an error that names it and says why in words
/// (a folder as what the role expects).
fn read(role: Role, path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        let shown = path.display();
        anyhow::bail!(match role {
            Role::Data | Role::Baseline => crate::msg!(IsFolderMetrics, shown),
            Role::Merge => crate::msg!(IsFolderMerge, shown),
            Role::Individuals => crate::msg!(IsFolderPeople, shown),
            _ => crate::msg!(IsFolder, shown),
        });
    }
    super::read_bytes(path)
}

/// Merges units as `map` says (names of new units the file lacks taken from
/// `named`); notices go to standard error, in `lang`.
pub fn merge_metrics(
    metrics: Metrics,
    map: &MergeMap,
    named: Option<&Metrics>,
    lang: Lang,
) -> Result<Metrics> {
    let (merged, notices) = merge::merge_named(metrics, map, named)?;
    print_notices(&notices, lang);
    Ok(merged)
}

/// Reads a metrics file — a metrics CSV, or anything `import` reads,
/// converted in memory by the same reader — keeping the rows of the chosen
/// periods (chosen by `flag`, named in messages); notices go to standard
/// error, once, in `lang`.
pub fn read_metrics(
    source: &Source,
    sel: Option<&PeriodSel>,
    flag: &str,
    campaign: &Campaign,
    lang: Lang,
) -> Result<Metrics> {
    let file = source.label();
    let readable = crate::import::read_any(&source.bytes, &file, || Ok(campaign.clone()))?;
    for n in &readable.notices {
        eprintln!("{} {}", Msg::Notice.render(lang), n.render(lang));
    }
    let origin = readable.origin;
    let read = metrics::read_with_notices(&readable.csv[..], &file, sel);
    let (mut metrics, notices) = read.map_err(|e| match e.downcast::<metrics::PeriodError>() {
        Ok(p) => UsageError(p.with_flag(flag)).into(),
        Err(e) => match (e.downcast::<ProblemsError>(), &origin) {
            (Ok(ps), Some(o)) => o.locate_all(&file, ps).into(),
            (Ok(ps), None) => ps.into(),
            (Err(e), _) => e,
        },
    })?;
    let notices = match &origin {
        Some(o) => {
            metrics.file.clone_from(&o.label);
            for u in &mut metrics.units {
                u.line = o.line(u.line).unwrap_or(u.line);
            }
            let listed = notices.listed().into_iter().cloned();
            let ps = listed.map(|p| o.locate(&file, p)).collect();
            Problems::from_listed(ps, notices.total())
        }
        None => notices,
    };
    print_notices(&notices, lang);
    Ok(metrics)
}
