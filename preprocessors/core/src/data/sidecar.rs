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
    /// Workbooks: the sheet to read, by name or number (from 1); the first by default.
    pub sheet: Option<SheetRef>,
    /// Workbooks: the cells to read (`A3:F20`); the sheet's used area by default.
    pub range: Option<String>,
    /// How figures are rounded: 四舍五入 (default) or 五成双.
    pub round: Option<String>,
}

/// A sheet named in a sidecar: `sheet = "出口"` or `sheet = 2`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum SheetRef {
    Number(i64),
    Name(String),
}

/// Reads a sidecar and checks what every dataset needs: a title and a source.
pub(super) fn read(file: &str, text: &str) -> Result<Meta, String> {
    let meta: Meta = toml::from_str(text).map_err(|e| meta_problem(file, text, &e))?;
    for (key, what, example) in [
        ("title", "标题", "中国药械产品进出口额"),
        ("source", "数据来源", "中国医药保健品进出口商会"),
    ] {
        let value = if key == "title" {
            &meta.title
        } else {
            &meta.source
        };
        if value.trim().is_empty() {
            return Err(format!(
                "{file} 没有写 {key}（{what}）；例如 {key} = \"{example}\""
            ));
        }
    }
    if let Some(round) = &meta.round {
        crate::format::Rounding::parse(round).map_err(|e| format!("{file}：{e}"))?;
    }
    Ok(meta)
}

/// A metadata error on one line, in the writer's words.
pub(super) fn meta_problem(file: &str, text: &str, e: &toml::de::Error) -> String {
    crate::toml_errors::explain(file, text, e)
}
