//! The typed-number check: a number typed in prose that equals a value in the datasets is
//! a figure that will drift when the data changes, so it is reported with the placeholder
//! to use instead.

use std::collections::{HashMap, HashSet};
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
    /// Data files larger than this many kilobytes are not compared: a detail list of
    /// thousands of rows holds nearly every small number by chance, so what it "matches"
    /// is noise, and reading it on every build is what made the check expensive.
    pub max_file_kb: u64,
}

impl Default for TypedNumbersConfig {
    fn default() -> Self {
        TypedNumbersConfig {
            enabled: true,
            ignore: Vec::new(),
            skip: Vec::new(),
            max_file_kb: 1024,
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

/// The numbers typed in the chapters' prose, and the dataset cells that hold one of them.
pub struct TypedNumbers {
    /// What each chapter types, by source path (found once, in [`TypedNumbers::build`]).
    typed: HashMap<String, Vec<Typed>>,
    /// Only the values some chapter types: the data is indexed for those alone.
    values: HashMap<String, Source>,
}

/// A number typed in prose that could be a figure.
struct Typed {
    start: usize,
    /// As written (`1,079.6`).
    written: String,
    /// Without thousands separators (`1079.6`), as cells are indexed.
    key: String,
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
    /// Finds the numbers each chapter types, then indexes the numeric cells of the datasets
    /// under the data folder that equal one of them, as written or as printed. A book whose
    /// prose types no such number reads no dataset for this check. Datasets that fail to
    /// load are skipped here: the placeholders that use them report the problem.
    pub fn build<'a>(
        store: &Store,
        config: TypedNumbersConfig,
        chapters: impl IntoIterator<Item = Chapter<'a>>,
    ) -> TypedNumbers {
        let mut typed = HashMap::new();
        if config.enabled {
            for chapter in chapters {
                if !config
                    .skip
                    .iter()
                    .any(|s| chapter.path.starts_with(s.as_str()))
                {
                    typed.insert(chapter.path.to_string(), find(&config, &chapter));
                }
            }
        }
        let wanted: HashSet<&str> = typed.values().flatten().map(|t| t.key.as_str()).collect();
        let near = Near::new(&wanted);
        let mut values = HashMap::new();
        if !wanted.is_empty() {
            for id in store.ids() {
                let small = store
                    .file_len(&id)
                    .is_some_and(|len| len <= config.max_file_kb.saturating_mul(1024));
                if !small {
                    continue;
                }
                let Ok(ds) = store.get(&id) else { continue };
                let rounding = ds
                    .meta
                    .round
                    .as_deref()
                    .and_then(|r| Rounding::parse(r).ok())
                    .unwrap_or_default();
                for (r, row) in ds.rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        let Cell::Number(n) = cell else {
                            continue;
                        };
                        if !ds.columns[c].numeric || !near.could_print_as_one(n.to_f64()) {
                            continue;
                        }
                        let printed = plain(n.value(), ds.decimals(r, c), rounding);
                        let written = n.value().to_plain_string();
                        for key in [written.as_str(), printed.as_str()] {
                            if wanted.contains(key) && !values.contains_key(key) {
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
        TypedNumbers { typed, values }
    }

    /// Reports the typed numbers of a chapter that the data already holds (a chapter
    /// [`TypedNumbers::build`] did not see has none).
    pub fn check(&self, chapter: &Chapter) -> Vec<Diagnostic> {
        let Some(typed) = self.typed.get(chapter.path) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for t in typed {
            if let Some(source) = self.values.get(&t.key) {
                let ds = &source.dataset;
                let placeholder = format!(
                    "{{{{#value {} row={} col={}}}}}",
                    ds.id,
                    ds.row_label(source.row),
                    ds.columns[source.col].name
                );
                out.push(Diagnostic {
                    file: chapter.file.to_string(),
                    line: chapter.scan.line(t.start),
                    message: format!(
                        "手写的数字「{}」与数据中的值相同，数据更新后会过时；请改用 {placeholder}",
                        t.written
                    ),
                });
            }
        }
        out
    }
}

/// The typed numbers as floating-point intervals: a cell can equal one as written or as
/// printed only if its value lies within one unit of the number's last typed digit, so
/// every other cell is passed over without being formatted. Only a filter: a cell inside
/// an interval is still compared exactly, as written and as printed.
struct Near {
    /// (value − unit, value + unit), sorted by their start.
    intervals: Vec<(f64, f64)>,
    /// The widest unit, for the search.
    widest: f64,
}

impl Near {
    fn new(wanted: &HashSet<&str>) -> Near {
        let mut intervals: Vec<(f64, f64)> = wanted
            .iter()
            .filter_map(|key| {
                let value: f64 = key.parse().ok()?;
                let decimals = key.split_once('.').map_or(0, |(_, f)| f.len());
                // A unit of the last digit, widened for the cell's conversion to f64.
                let unit = 10f64.powi(-(decimals as i32)) + value.abs() * 1e-9;
                Some((value - unit, value + unit))
            })
            .collect();
        intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
        let widest = intervals.iter().map(|(lo, hi)| hi - lo).fold(0.0, f64::max);
        Near { intervals, widest }
    }

    fn could_print_as_one(&self, value: f64) -> bool {
        if !value.is_finite() {
            // Beyond f64: leave it to the exact comparison.
            return true;
        }
        let from = self
            .intervals
            .partition_point(|(lo, _)| *lo < value - self.widest);
        self.intervals[from..]
            .iter()
            .take_while(|(lo, _)| *lo <= value)
            .any(|(_, hi)| value <= *hi)
    }
}

/// The numbers a chapter types in its prose that could be figures: not in code,
/// placeholders or markup, not glued to letters, not dates, ordinals or single digits,
/// and not in the `ignore` list.
fn find(config: &TypedNumbersConfig, chapter: &Chapter) -> Vec<Typed> {
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
        let key = m.as_str().replace(',', "");
        if !significant(&key) || config.ignore.iter().any(|i| i.replace(',', "") == key) {
            continue;
        }
        out.push(Typed {
            start: m.start(),
            written: m.as_str().to_string(),
            key,
        });
    }
    out
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
