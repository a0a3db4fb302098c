//! What a criterion, penalty or gate read of a unit's row, name by name, so
//! `--explain` can show the figures behind each line.

use super::Scorer;
use super::bind::Bound;

impl Scorer<'_> {
    /// The (expression, bound names and values) a criterion read, for `--explain`.
    pub fn inputs(&self, criterion: usize, row: &[Option<f64>]) -> Vec<(String, Option<f64>)> {
        let mut out: Vec<(String, Option<f64>)> = Vec::new();
        for b in [&self.values[criterion], &self.formulas[criterion]]
            .into_iter()
            .flatten()
        {
            push_inputs(b, row, &mut out);
        }
        out
    }

    pub fn penalty_inputs(
        &self,
        penalty: usize,
        row: &[Option<f64>],
    ) -> Vec<(String, Option<f64>)> {
        let mut out = Vec::new();
        push_inputs(&self.penalties[penalty], row, &mut out);
        out
    }

    pub fn gate_inputs(&self, gate: usize, row: &[Option<f64>]) -> Vec<(String, Option<f64>)> {
        let mut out = Vec::new();
        push_inputs(&self.gates[gate], row, &mut out);
        out
    }
}

fn push_inputs(b: &Bound, row: &[Option<f64>], out: &mut Vec<(String, Option<f64>)>) {
    for (n, s) in b.expr.names().iter().zip(&b.slots) {
        if !out.iter().any(|(m, _)| m == n) {
            out.push((n.clone(), row[*s]));
        }
    }
}
