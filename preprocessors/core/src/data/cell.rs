//! One cell of a dataset, and how a written cell is read.

/// One cell of a dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A number, with the text it was written as: its precision, and its label when the
    /// cell names a row (`30%` stays `30%`).
    Number {
        value: f64,
        text: String,
    },
    Text(String),
    /// Empty, or marked as still to be filled in (待补充, —, NA).
    Missing,
}

impl Cell {
    /// The cell as a label (row keys, category names).
    pub fn label(&self) -> &str {
        match self {
            Cell::Number { text, .. } => text,
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
    "…",
];

/// Reads one cell: numbers may carry thousands separators, a trailing `%` or a full-width
/// minus; anything else non-empty is text.
pub fn parse_cell(text: &str) -> Cell {
    let t = text.trim();
    if MISSING_MARKS.contains(&t) {
        return Cell::Missing;
    }
    let normalized: String = t
        .trim_end_matches(['%', '％'])
        .chars()
        .filter(|c| *c != ',' && *c != '，')
        .map(|c| if c == '−' || c == '－' { '-' } else { c })
        .collect();
    let looks_numeric = !normalized.is_empty()
        && normalized
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && normalized.chars().any(|c| c.is_ascii_digit());
    match normalized.parse::<f64>() {
        Ok(value) if looks_numeric && value.is_finite() => Cell::Number {
            value,
            text: t.to_string(),
        },
        _ => Cell::Text(t.to_string()),
    }
}
