//! Downloads: the data a table or chart shows, as an Excel workbook and a CSV file.
//!
//! A table or chart describes what it shows as a [`Slice`] (its title, unit, source and
//! notes, then the headings and cells in display order, numbers as numbers) and hands it to
//! [`Downloads::add`], which names it by its content (identical slices share one pair of
//! files) and returns the links for the 数据来源 line. The preprocessor cannot write into
//! the HTML output (mdBook's HTML renderer empties it first), so at the end of its run it
//! writes the list of slices, [`LIST_FILE`], into the companion renderer's folder; the
//! renderer ([`publish`]) turns each slice into `downloads/NAME.xlsx` and `NAME.csv` in the
//! HTML output. Files are made only there, once per distinct slice, and kept between
//! builds in the renderer's folder, so a `mdbook serve` rebuild only makes the files of
//! slices that changed.

mod csv;
mod make;
mod xlsx;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use report_core::format::{Decimal, Grouping, MISSING, NumberFormat, to_f64};
use report_core::text::escape_html;

/// The folder of the downloads in the HTML output, and of the generated files in the
/// renderer's own folder.
pub const FOLDER: &str = "downloads";
/// The list of slices the preprocessor leaves for the renderer.
pub const LIST_FILE: &str = "downloads.json";
/// Bumped whenever the files made from the same slice change, so their names change too.
const FORMAT: &str = "report-downloads 2";
/// Names the program that made the kept files, in the renderer's `downloads/`.
const STAMP_FILE: &str = ".made-by";

/// One cell of a download.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cell {
    Text(String),
    /// A number as shown: its value, and how the page prints it.
    Number {
        value: f64,
        decimals: usize,
        /// Printed with a `+` when positive (growth rates).
        signed: bool,
        /// Printed with thousands separators when large.
        grouped: bool,
        /// The unit printed after it, when each row has its own (fact sheets).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Shown as `—`.
    Missing,
}

impl Cell {
    /// A text cell as the page shows it; `None` and `—` are missing.
    pub(crate) fn text(shown: &Option<String>) -> Cell {
        match shown.as_deref() {
            None | Some(MISSING) => Cell::Missing,
            Some(text) => Cell::Text(text.to_string()),
        }
    }

    /// `value` (in `unit`, written with `decimals` places) as `fmt` prints it: rescaled,
    /// without its sign under `abs`, rounded at the decimals the page shows.
    pub(crate) fn number(
        fmt: &NumberFormat,
        value: &Decimal,
        unit: &str,
        decimals: usize,
        signed: bool,
    ) -> Result<Cell, String> {
        let shown = fmt.shown(value, unit, decimals)?;
        Ok(Cell::Number {
            value: to_f64(&shown.value),
            decimals: shown.decimals,
            signed: signed || fmt.sign,
            grouped: fmt.grouping != Grouping::Never,
            unit: None,
        })
    }

    /// `value` with `fmt`'s decimals and sign but neither rescaled nor made absolute:
    /// derived percentages and the line of a bar-line chart.
    pub(crate) fn unscaled(
        fmt: &NumberFormat,
        value: &Decimal,
        decimals: usize,
        signed: bool,
    ) -> Result<Cell, String> {
        let plain = NumberFormat {
            scale: None,
            abs: false,
            ..fmt.clone()
        };
        Cell::number(&plain, value, "", decimals, signed)
    }

    /// The same number with its own unit after it.
    pub(crate) fn with_unit(self, own: &str) -> Cell {
        match self {
            Cell::Number {
                value,
                decimals,
                signed,
                grouped,
                ..
            } => Cell::Number {
                value,
                decimals,
                signed,
                grouped,
                unit: (!own.is_empty()).then(|| own.to_string()),
            },
            other => other,
        }
    }
}

/// What a table or chart shows, as its placeholder hands it over: its number and title,
/// the unit its caption gives, the headings and the cells in display order.
pub(crate) struct Shown {
    pub title: String,
    pub unit: Option<String>,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// What a table or chart shows, ready to become files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slice {
    /// The dataset it comes from, for the file name (`trade/totals`).
    pub dataset: String,
    /// Its number and title: `表3-1 中国药械产品进出口额`.
    pub title: String,
    /// The unit shared by its numbers, if one is (the caption's 单位).
    pub unit: Option<String>,
    /// The 数据来源 line as the page prints it.
    pub source: String,
    /// The 注 lines.
    pub notes: Vec<String>,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Slice {
    /// The sheet name: the table or figure number (`表3-1`), else 数据.
    fn sheet_name(&self) -> String {
        let label = self.title.split_whitespace().next().unwrap_or_default();
        let clean: String = label
            .chars()
            .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\''))
            .take(31)
            .collect();
        if clean.is_empty() {
            "数据".to_string()
        } else {
            clean
        }
    }

    /// The lines above the data: title, unit, source, notes.
    fn preamble(&self) -> Vec<String> {
        let mut lines = vec![self.title.clone()];
        lines.extend(self.unit.iter().map(|u| format!("单位：{u}")));
        lines.push(self.source.clone());
        lines.extend(self.notes.iter().map(|n| format!("注：{n}")));
        lines
    }
}

/// Where a slice's files are, for its links.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The file name without extension: `trade-totals-0123456789abcdef`.
    pub stem: String,
    /// The name a reader's browser saves it under: `表3-1 中国药械产品进出口额`.
    pub save_as: String,
}

impl Link {
    /// The links of the 数据来源 line, relative to a page `root_prefix` below the root.
    pub fn html(&self, root_prefix: &str) -> String {
        let link = |ext: &str, label: &str| {
            format!(
                "<a class=\"report-download report-download-{ext}\" href=\"{root_prefix}{FOLDER}/{}.{ext}\" download=\"{}.{ext}\">{label}</a>",
                escape_html(&self.stem),
                escape_html(&self.save_as)
            )
        };
        format!(
            "<span class=\"report-downloads\"><span class=\"report-downloads-label\">下载数据：</span>{} {}</span>",
            link("xlsx", "Excel"),
            link("csv", "CSV")
        )
    }

    /// The same links in Markdown, for other renderers.
    pub fn markdown(&self, root_prefix: &str) -> String {
        format!(
            "下载数据：[Excel]({root_prefix}{FOLDER}/{stem}.xlsx) [CSV]({root_prefix}{FOLDER}/{stem}.csv)",
            stem = self.stem
        )
    }
}

/// The slices of one build, by file name, each as the JSON the renderer reads: serialised
/// once, for its digest and for the list alike.
#[derive(Debug, Default)]
pub struct Downloads {
    slices: RefCell<BTreeMap<String, Box<RawValue>>>,
}

impl Downloads {
    pub fn new() -> Downloads {
        Downloads::default()
    }

    /// Registers a slice and returns its links; identical slices share their files.
    pub fn add(&self, slice: Slice) -> Link {
        let save_as = file_name(&slice.title);
        // A slice is plain data: it always serialises.
        let json = serde_json::value::to_raw_value(&slice).expect("a slice serialises");
        let mut slices = self.slices.borrow_mut();
        let base = format!("{}-{:016x}", slug(&slice.dataset), digest(json.get()));
        // A different slice with the same digest (never seen, but possible) gets a suffix.
        let mut stem = base.clone();
        let mut n = 1;
        while let Some(existing) = slices.get(&stem) {
            if existing.get() == json.get() {
                break;
            }
            stem = format!("{base}-{n}");
            n += 1;
        }
        slices.entry(stem.clone()).or_insert(json);
        Link { stem, save_as }
    }

    /// The distinct slices, by file name.
    pub fn slices(&self) -> BTreeMap<String, Slice> {
        self.slices
            .borrow()
            .iter()
            .map(|(stem, json)| {
                let slice = serde_json::from_str(json.get()).expect("written by `add`");
                (stem.clone(), slice)
            })
            .collect()
    }

    /// How many distinct slices there are.
    pub fn len(&self) -> usize {
        self.slices.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.slices.borrow().is_empty()
    }

    /// Writes the list of slices for the renderer into `folder` (its own output folder).
    pub fn write_list(&self, folder: &Path) -> Result<(), String> {
        let list = serde_json::to_vec(&*self.slices.borrow())
            .map_err(|e| format!("下载文件清单无法生成：{e}"))?;
        fs::create_dir_all(folder)
            .and_then(|()| fs::write(folder.join(LIST_FILE), list))
            .map_err(|e| format!("无法写入 {}：{e}", folder.join(LIST_FILE).display()))
    }
}

/// Makes a file from a slice.
type Maker = fn(&Slice) -> Result<Vec<u8>, String>;
/// The files of each slice, by extension.
const MAKERS: [(&str, Maker); 2] = [("xlsx", xlsx::write), ("csv", csv::write)];

/// What [`publish`] did.
#[derive(Debug, Default, PartialEq)]
pub struct Published {
    /// Files in the HTML output's `downloads/`.
    pub files: usize,
    /// Files made in this build (the others were kept from an earlier one).
    pub made: usize,
}

/// The renderer's half: makes the files of the slices the preprocessor listed in `folder`
/// (the renderer's own folder), reusing those an earlier build made, and puts exactly those
/// files into `html/downloads/`. Without a list (the preprocessor did not run for HTML),
/// nothing is published. The list is consumed, so a stale one never ships.
pub fn publish(folder: &Path, html: &Path) -> Result<Published, String> {
    let list_path = folder.join(LIST_FILE);
    let Ok(list) = fs::read(&list_path) else {
        return Ok(Published::default());
    };
    let slices: BTreeMap<String, Slice> = serde_json::from_slice(&list)
        .map_err(|e| format!("{} 无法读取：{e}", list_path.display()))?;
    let io = |path: &Path, e: std::io::Error| format!("{}：{e}", path.display());
    let cache = folder.join(FOLDER);
    // Files made by another build of this program may differ: start afresh.
    let stamp = cache.join(STAMP_FILE);
    let maker = maker();
    if fs::read_to_string(&stamp).ok() != Some(maker.clone()) && cache.exists() {
        fs::remove_dir_all(&cache).map_err(|e| io(&cache, e))?;
    }
    fs::create_dir_all(&cache).map_err(|e| io(&cache, e))?;
    fs::write(&stamp, &maker).map_err(|e| io(&stamp, e))?;
    let out = html.join(FOLDER);
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| io(&out, e))?;
    }
    fs::create_dir_all(&out).map_err(|e| io(&out, e))?;
    let mut published = Published::default();
    let mut wanted = HashSet::with_capacity(slices.len() * MAKERS.len() + 1);
    wanted.insert(STAMP_FILE.to_string());
    let mut names = Vec::with_capacity(slices.len() * MAKERS.len());
    let mut jobs = Vec::new();
    for (stem, slice) in &slices {
        for (ext, make) in MAKERS {
            let name = format!("{stem}.{ext}");
            let path = cache.join(&name);
            if !path.is_file() {
                jobs.push(make::Job { path, slice, make });
            }
            names.push(name);
        }
    }
    make::make_all(&jobs)?;
    published.made = jobs.len();
    for name in names {
        let cached = cache.join(&name);
        // A hard link costs nothing; a copy where links are not possible.
        let target = out.join(&name);
        fs::hard_link(&cached, &target)
            .or_else(|_| fs::copy(&cached, &target).map(drop))
            .map_err(|e| io(&target, e))?;
        published.files += 1;
        wanted.insert(name);
    }
    // Files of slices no page shows any more are dropped from the cache.
    for entry in fs::read_dir(&cache).map_err(|e| io(&cache, e))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !wanted.contains(&name) {
            let _ = fs::remove_file(entry.path());
        }
    }
    fs::remove_file(&list_path).map_err(|e| io(&list_path, e))?;
    Ok(published)
}

/// The program making the files: kept files are reused only by the same build of it.
fn maker() -> String {
    let exe = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| (m.len(), m.modified().ok()));
    match exe {
        Ok((len, Some(modified))) => format!("{FORMAT} {len} {modified:?}"),
        // Unknown maker: never reuse.
        _ => format!("{FORMAT} {:?}", std::time::SystemTime::now()),
    }
}

/// The dataset id as a file-name prefix: ASCII letters, digits, `-` and `_`.
fn slug(dataset: &str) -> String {
    let mut out = String::with_capacity(dataset.len());
    for c in dataset.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => out.push(c),
            _ if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "data".to_string()
    } else {
        out.to_string()
    }
}

/// The name a reader saves a download under: its title without the characters file
/// systems refuse.
fn file_name(title: &str) -> String {
    let name: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(80)
        .collect();
    let name = name.trim().trim_matches('.').to_string();
    if name.is_empty() {
        "数据".to_string()
    } else {
        name
    }
}

/// A stable 64-bit digest of a slice's JSON (FNV-1a over [`FORMAT`] and the JSON): the same
/// data gives the same file name on every machine and every build.
fn digest(json: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in FORMAT.bytes().chain(json.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests;
