//! The sidecar `NAME.toml`: a dataset's metadata.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Metadata of one column, from the sidecar's `[columns.NAME]`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ColumnMeta {
    pub unit: Option<String>,
    pub decimals: Option<usize>,
    pub notes: Option<String>,
}

/// The sidecar `NAME.toml`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, rename_all = "kebab-case", deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub unit: Option<String>,
    pub source: String,
    pub as_of: Option<String>,
    /// The 注 line under every table and chart of the dataset: written for readers.
    pub notes: Option<String>,
    /// Notes among writers (provenance, the draft's wording, what to check): kept in the
    /// sidecar, never printed.
    pub writer_notes: Option<String>,
    /// The column that names the rows; the first column when not given.
    pub key: Option<String>,
    pub columns: BTreeMap<String, ColumnMeta>,
}

/// A metadata error on one line, with the fix for the usual mistake: Chinese key names
/// must be quoted in TOML.
pub(super) fn meta_problem(file: &str, text: &str, e: &toml::de::Error) -> String {
    let line = e.span().map_or(1, |s| {
        text[..s.start.min(text.len())].matches('\n').count() + 1
    });
    let message = e.message().trim();
    if message.contains("unquoted key") {
        return format!("{file} 第{line}行：含中文的键名要加英文引号，例如 [columns.\"出口额\"]");
    }
    format!("{file} 第{line}行的元数据有误：{message}")
}
