//! One cell of a dataset, and how a written cell is read.

use super::Number;

/// One cell of a dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A number, exact, with the text it was written as: its precision, and its label
    /// when the cell names a row (`30%` stays `30%`).
    Number(Number),
    Text(String),
    /// Empty, or marked as still to be filled in (待补充, —, NA).
    Missing,
}

impl Cell {
    /// The cell as a label (row keys, category names).
    pub fn label(&self) -> &str {
        match self {
            Cell::Number(n) => n.text(),
            Cell::Text(t) => t,
            Cell::Missing => crate::format::MISSING,
        }
    }

    pub fn is_missing(&self) -> bool {
        matches!(self, Cell::Missing)
    }
}

/// Cell texts that mean "no value yet".
const MISSING_MARKS: &[&str] = &[
    "",
    "待补充",
    "—",
    "–",
    "-",
    "--",
    "NA",
    "N/A",
    "n/a",
    "null",
    "NaN",
    "nan",
    "…",
];

/// Reads one cell: a number as [`Number::parse`] reads it, a missing mark, or text.
pub fn parse_cell(text: &str) -> Cell {
    let t = text.trim();
    if MISSING_MARKS.contains(&t) {
        return Cell::Missing;
    }
    match Number::parse_trimmed(t) {
        Ok(n) => Cell::Number(n),
        Err(_) => Cell::Text(t.to_string()),
    }
}
