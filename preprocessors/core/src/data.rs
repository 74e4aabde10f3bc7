//! Datasets: CSV and JSON files under the book's data folder, each with a TOML sidecar of
//! metadata (title, unit, source, as-of date, notes).
//!
//! Writers export CSV from Excel or WPS, so the encoding is detected rather than declared:
//! UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK).

mod cell;
mod csv_file;
mod dataset;
mod encoding;
mod json_file;
mod number;
mod sidecar;
mod store;

pub use cell::{Cell, parse_cell};
pub use dataset::{Column, Dataset, UNIT_COLUMN};
pub use encoding::decode;
pub use number::{NotANumber, Number};
pub use sidecar::{ColumnMeta, Meta};
pub use store::Store;

/// A header and the records under it, each with its line in the file.
type RawTable = (Vec<String>, Vec<(usize, Vec<String>)>);

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// A dataset `t` from CSV text, as if read from `book/data/t.csv` without metadata.
    pub fn dataset(csv: &str) -> Dataset {
        let (header, records) = csv_file::parse_csv(csv, "book/data/t.csv").unwrap();
        Dataset::from_table(
            "t",
            "book/data/t.csv".into(),
            "data/t.csv".into(),
            Meta::default(),
            header,
            records,
        )
        .unwrap()
    }
}
