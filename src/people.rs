//! The people each unit may propose for an award, with the facts the plan
//! ranks them by (direct worker, score, eligibility). Read from the
//! individuals file by `import::people`.

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub unit_id: String,
    pub person_id: String,
    pub full_name: String,
    pub position: String,
    /// "người trực tiếp lao động": the plan gives them priority.
    pub direct: bool,
    /// False when disciplined or otherwise barred.
    pub eligible: bool,
    pub score: Option<f64>,
    pub note: String,
    /// `gender`: `Some(true)` for nữ, `Some(false)` for nam, `None` when not given.
    pub female: Option<bool>,
    /// `leader`: holds a leading post (the plan may put non-leaders first).
    pub leader: bool,
    pub line: u64,
}
