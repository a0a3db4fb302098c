//! The steps `score`, `rank`, `nominate` and `gap` share, written once: the
//! session's files parsed (campaign, data and baseline, individuals, the
//! `--doc` fields), the scorer, the council's decisions, the campaign's
//! warnings and the stamp. Each command then only builds its report.

use std::collections::HashSet;

use anyhow::Result;

use super::plan::{DataPlan, Role};
use super::resolve::Output;
use super::session::{Baseline, Session};
use crate::campaign::Campaign;
use crate::decisions::Decisions;
use crate::i18n::Lang;
use crate::import::people;
use crate::metrics::Metrics;
use crate::people::Person;
use crate::report::docx::DocFields;
use crate::report::units::View;
use crate::scoring::{Scorer, UnitScore};
use crate::stamp::Stamp;

/// A run's inputs, read once and parsed.
pub struct Loaded {
    pub session: Session,
    pub campaign: Campaign,
    /// The campaign as its file is written (before `--weights`): what the
    /// warnings are about.
    pub written: Campaign,
    pub metrics: Metrics,
    pub baseline: Option<Baseline>,
    pub people: Option<Vec<Person>>,
    /// The fields of a Word paper (`None` for other formats).
    pub doc: Option<DocFields>,
}

impl Loaded {
    /// Reads the files of `plan` once each: the campaign side first, checked
    /// by `check` (a tier named by a flag) before any data is read; then the
    /// data side, parsed.
    /// Notices and warnings are said in `lang`.
    pub fn load<T>(
        plan: &DataPlan,
        doc: bool,
        lang: Lang,
        check: impl FnOnce(&Campaign) -> Result<T>,
    ) -> Result<(Loaded, T)> {
        let session = Session::load(&plan.inputs, lang)?;
        let campaign = session.campaign()?;
        let checked = check(&campaign.0)?;
        Ok((Loaded::read(session, campaign, plan, doc)?, checked))
    }

    /// Parses what `session` read: the data (after `campaign`, which names
    /// the groups of an export), the individuals and the `--doc` fields.
    pub fn read(
        mut session: Session,
        (campaign, written): (Campaign, Campaign),
        plan: &DataPlan,
        doc: bool,
    ) -> Result<Loaded> {
        session.read_data()?;
        let (metrics, baseline) = session.data(plan, &campaign)?;
        let people = session
            .get(Role::Individuals)
            .map(|s| read_people(&s.bytes, &s.label(), &metrics))
            .transpose()?;
        let doc = match (doc, session.get(Role::Doc)) {
            (false, _) => None,
            (true, None) => Some(DocFields::default()),
            (true, Some(s)) => Some(DocFields::from_yaml(s.text()?, &s.label())?),
        };
        Ok(Loaded {
            session,
            campaign,
            written,
            metrics,
            baseline,
            people,
            doc,
        })
    }

    /// The scorer of the campaign over the data (and the baseline's `prev.`).
    pub fn scorer(&self) -> Result<Scorer<'_>> {
        let prev = self.baseline.as_ref().map(|b| &b.metrics);
        Scorer::with_baseline(&self.campaign, &self.metrics, prev)
    }

    /// The council's decisions, checked against the campaign, the data and
    /// the individuals, and applied to `scores` (adjustments) at once.
    pub fn decisions(&self, scores: &mut [UnitScore]) -> Result<Option<Decisions>> {
        let d = self.read_decisions()?;
        if let Some(d) = &d {
            d.adjust(&self.campaign, &self.metrics, scores);
        }
        Ok(d)
    }

    /// The council's decisions, checked against the campaign, the data and
    /// the individuals.
    pub fn read_decisions(&self) -> Result<Option<Decisions>> {
        let Some(s) = self.session.get(Role::Decisions) else {
            return Ok(None);
        };
        let d = Decisions::from_yaml(
            s.text()?,
            &s.label(),
            &self.campaign,
            &self.metrics,
            self.people.as_deref(),
        )?;
        Ok(Some(d))
    }

    /// The campaign's warnings, once on standard error (some need `scores`).
    pub fn warn(&self, scores: &[UnitScore]) {
        let found = super::warnings::of(&self.written, &self.campaign, &self.metrics, scores);
        super::warnings::print(&found, self.session.lang);
    }

    /// The "Mã kiểm tra" of this run, with the flags that change its result.
    pub fn stamp(&self, used: super::stamp::Used, flags: &[(&'static str, String)]) -> Stamp {
        super::stamp::of(self, used, flags)
    }

    /// Unit ids by score index.
    pub fn ids(&self) -> Vec<&str> {
        self.metrics.units.iter().map(|u| u.id.as_str()).collect()
    }

    /// What every report of the run shows of its inputs.
    pub fn view<'a>(
        &'a self,
        out: &'a Output,
        scores: &'a [UnitScore],
        decisions: Option<&'a Decisions>,
        stamp: Option<&'a Stamp>,
    ) -> View<'a> {
        View {
            campaign: &self.campaign,
            metrics: &self.metrics,
            data: out
                .label
                .as_deref()
                .unwrap_or_else(|| file_name(&self.metrics.file)),
            scores,
            lang: out.lang,
            decisions,
            ids: out.ids,
            doc: self.doc.as_ref(),
            stamp,
        }
    }
}

/// A file as printed reports name it: without its folder (a workbook's
/// `[sheet]` kept), never the path as typed.
pub fn file_name(label: &str) -> &str {
    std::path::Path::new(label)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(label)
}

/// The individuals list, read as `import` reads a table, each person's unit
/// checked against the data.
fn read_people(bytes: &[u8], file: &str, metrics: &Metrics) -> Result<Vec<Person>> {
    let units: Vec<people::UnitName> = metrics
        .units
        .iter()
        .map(|u| people::UnitName {
            id: &u.id,
            name: &u.name,
        })
        .collect();
    let people = people::read_any(bytes, file, &units)?;
    let known: HashSet<&str> = metrics.units.iter().map(|u| u.id.as_str()).collect();
    people::check_units(&people, file, &known)?;
    Ok(people)
}
