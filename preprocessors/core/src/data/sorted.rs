//! A column's rows in value order, built once per column on the first `where=` that asks,
//! so that a comparison filter is a binary search instead of a pass over every row.

use std::cmp::Ordering;
use std::sync::OnceLock;

use super::Cell;

/// One column's rows sorted two ways; each order is built on first use.
#[derive(Debug, Clone, Default)]
pub struct SortedColumn {
    /// Rows holding a number, by value (exactly, as [`super::Number::cmp_value`] compares).
    numbers: OnceLock<Vec<usize>>,
    /// Rows holding a number or text, by label (a number's label is its written text).
    labels: OnceLock<Vec<usize>>,
    /// Whether any row holds text, found with the numbers.
    has_text: OnceLock<bool>,
}

impl SortedColumn {
    /// Rows of `col` holding a number, ascending by value (equal values in no set order:
    /// callers put what they take from it back in row order).
    pub fn by_number<'a>(&'a self, rows: &[Vec<Cell>], col: usize) -> &'a [usize] {
        self.numbers.get_or_init(|| {
            let mut sorted: Vec<usize> = (0..rows.len())
                .filter(|&r| matches!(rows[r][col], Cell::Number(_)))
                .collect();
            sorted.sort_unstable_by(|&a, &b| match (&rows[a][col], &rows[b][col]) {
                (Cell::Number(x), Cell::Number(y)) => x.cmp_value(y),
                _ => Ordering::Equal,
            });
            sorted
        })
    }

    /// Rows of `col` holding a number or text, ascending by label.
    pub fn by_label<'a>(&'a self, rows: &[Vec<Cell>], col: usize) -> &'a [usize] {
        self.labels.get_or_init(|| {
            let mut sorted: Vec<usize> = (0..rows.len())
                .filter(|&r| !rows[r][col].is_missing())
                .collect();
            sorted.sort_unstable_by(|&a, &b| rows[a][col].label().cmp(rows[b][col].label()));
            sorted
        })
    }

    /// Whether any row of `col` holds text (not a number, not missing).
    pub fn has_text(&self, rows: &[Vec<Cell>], col: usize) -> bool {
        *self
            .has_text
            .get_or_init(|| rows.iter().any(|row| matches!(row[col], Cell::Text(_))))
    }
}
