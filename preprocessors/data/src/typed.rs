//! The typed-number check: a number typed in prose that equals a value in the datasets is
//! a figure that will drift when the data changes, so it is reported with the placeholder
//! to use instead.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;

use regex::Regex;
use report_core::data::{Cell, Dataset, Store};
use report_core::diag::Diagnostic;
use report_core::format::{Rounding, plain};
use serde::Deserialize;

use crate::Chapter;

/// `[preprocessor.report.typed-numbers]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, rename_all = "kebab-case", deny_unknown_fields)]
pub struct TypedNumbersConfig {
    pub enabled: bool,
    /// Numbers never reported (as typed, e.g. "100").
    pub ignore: Vec<String>,
    /// Chapters not checked, by source path prefix (e.g. "guide/").
    pub skip: Vec<String>,
}

impl Default for TypedNumbersConfig {
    fn default() -> Self {
        TypedNumbersConfig {
            enabled: true,
            ignore: Vec::new(),
            skip: Vec::new(),
        }
    }
}

impl TypedNumbersConfig {
    pub fn from_table(table: &toml::Table) -> Result<Self, String> {
        TypedNumbersConfig::deserialize(toml::Value::Table(table.clone())).map_err(|e| {
            format!(
                "book.toml 的 [preprocessor.report.typed-numbers] 有误：{}",
                e.to_string().trim()
            )
        })
    }
}

/// Every dataset value as prose would print it, with where it comes from.
pub struct TypedNumbers {
    config: TypedNumbersConfig,
    values: HashMap<String, Source>,
}

/// The first cell that holds a value: enough to suggest the placeholder.
struct Source {
    dataset: Rc<Dataset>,
    row: usize,
    col: usize,
}

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?").unwrap());

impl TypedNumbers {
    /// Indexes every numeric cell of every dataset under the data folder. Datasets that
    /// fail to load are skipped here: the placeholders that use them report the problem.
    pub fn build(store: &Store, config: TypedNumbersConfig) -> TypedNumbers {
        let mut values = HashMap::new();
        if config.enabled {
            for id in store.ids() {
                let Ok(ds) = store.get(&id) else { continue };
                for (r, row) in ds.rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        let Cell::Number(n) = cell else {
                            continue;
                        };
                        if !ds.columns[c].numeric {
                            continue;
                        }
                        let rounding = ds
                            .meta
                            .round
                            .as_deref()
                            .and_then(|r| Rounding::parse(r).ok());
                        let printed =
                            plain(n.value(), ds.decimals(r, c), rounding.unwrap_or_default());
                        let written = n.value().to_plain_string();
                        for key in [written.as_str(), printed.as_str()] {
                            if significant(key) && !values.contains_key(key) {
                                let source = Source {
                                    dataset: ds.clone(),
                                    row: r,
                                    col: c,
                                };
                                values.insert(key.to_string(), source);
                            }
                        }
                    }
                }
            }
        }
        TypedNumbers { config, values }
    }

    /// Reports the typed numbers of a chapter that the data already holds.
    pub fn check(&self, chapter: &Chapter) -> Vec<Diagnostic> {
        if !self.config.enabled
            || self
                .config
                .skip
                .iter()
                .any(|s| chapter.path.starts_with(s.as_str()))
        {
            return Vec::new();
        }
        let src = chapter.source;
        let mut out = Vec::new();
        for m in NUMBER.find_iter(src) {
            let before = src[..m.start()].chars().next_back();
            let after = src[m.end()..].chars().next();
            let glued = |c: Option<char>| {
                c.is_some_and(|c| {
                    c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' || c == '/'
                })
            };
            // Dates, ordinals and identifiers are not figures.
            let date = src[m.end()..].starts_with(['年', '月', '日'])
                || src[..m.start()].ends_with('第')
                || is_year(m.as_str(), after);
            if glued(before)
                || glued(after)
                || date
                || chapter.scan.is_excluded(m.start())
                || chapter.scan.placeholder_at(m.start()).is_some()
                || chapter.scan.is_markup(m.start())
            {
                continue;
            }
            let typed = m.as_str().replace(',', "");
            if self
                .config
                .ignore
                .iter()
                .any(|i| i.replace(',', "") == typed)
            {
                continue;
            }
            if let Some(source) = self.values.get(&typed) {
                let ds = &source.dataset;
                let placeholder = format!(
                    "{{{{#value {} row={} col={}}}}}",
                    ds.id,
                    ds.row_label(source.row),
                    ds.columns[source.col].name
                );
                out.push(Diagnostic {
                    file: chapter.file.to_string(),
                    line: chapter.scan.line(m.start()),
                    message: format!(
                        "手写的数字「{}」与数据中的值相同，数据更新后会过时；请改用 {placeholder}",
                        m.as_str()
                    ),
                });
            }
        }
        out
    }
}

/// A bare year, as in 2015—2024年 or 2017至2024: far more common in prose than a figure
/// that happens to fall between 1900 and 2100.
fn is_year(number: &str, after: Option<char>) -> bool {
    after != Some('.')
        && number
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Single digits are everywhere in prose (3个方面, 8款药物) and say nothing on their own.
fn significant(number: &str) -> bool {
    number.len() >= 2
}
