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
mod sorted;
mod store;
mod workbook;

pub use cell::{Cell, parse_cell};
use dataset::RawTable;
pub use dataset::{Column, Dataset, MissingCell, Place, UNIT_COLUMN, sheet_cell};
pub use encoding::decode;
pub use number::{NotANumber, Number, Shown};
pub use sidecar::{ColumnMeta, Meta, SheetRef};
pub use store::{EXTENSIONS, Store, is_lock_file};

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// A dataset `t` from CSV text, as if read from `book/data/t.csv` without metadata.
    pub fn dataset(csv: &str) -> Dataset {
        let table = csv_file::parse_csv(csv, "book/data/t.csv").unwrap();
        Dataset::from_table(
            "t",
            "book/data/t.csv".into(),
            "data/t.csv".into(),
            Meta::default(),
            table,
        )
        .unwrap()
    }
}
