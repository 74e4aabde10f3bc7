//! Datasets: CSV and JSON files under the book's data folder, each with a TOML sidecar of
//! metadata (title, unit, source, as-of date, notes).
//!
//! Writers export CSV from Excel or WPS, so the encoding is detected rather than declared:
//! UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK).

use std::cell::{Cell as Counter, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use serde::Deserialize;

use crate::format::decimals_written;
use crate::suggest::did_you_mean;

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

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    /// Every present cell is a number.
    pub numeric: bool,
    /// Decimals of values computed from the column (totals, differences): from the
    /// metadata, else the most written in the column.
    pub decimals: usize,
    pub unit: String,
}

/// A parsed dataset.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The id writers use: the path under the data folder without extension.
    pub id: String,
    /// The data file as the writer knows it, e.g. `book/data/trade/totals.csv`.
    pub file: String,
    /// The data file relative to the book's source folder, for download links.
    pub href: String,
    pub meta: Meta,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Line of each row in the data file (the header is line 1), for messages.
    pub row_lines: Vec<usize>,
    pub key: usize,
    /// Index of the per-row `单位` column, if any.
    pub unit_column: Option<usize>,
    /// Row by key, for lookups in large datasets; the first of duplicate keys wins.
    row_index: HashMap<String, usize>,
    /// Row names that occur more than once, with their rows: looking one up is ambiguous.
    duplicate_keys: HashMap<String, Vec<usize>>,
}

/// Column name that gives each row its own unit (fact sheets).
pub const UNIT_COLUMN: &str = "单位";

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

impl Dataset {
    /// The index of column `name`, or an error with a did-you-mean.
    pub fn column(&self, name: &str) -> Result<usize, String> {
        self.columns
            .iter()
            .position(|c| c.name == name)
            .ok_or_else(|| {
                let names = self.columns.iter().map(|c| c.name.as_str());
                let mut msg = format!("数据集「{}」没有「{name}」这一列", self.id);
                match did_you_mean(name, names) {
                    Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
                    None => {
                        msg.push_str(&format!("。现有的列：{}", self.column_names().join("、")))
                    }
                }
                msg
            })
    }

    /// The index of the row whose key is `key`, or an error with a did-you-mean.
    pub fn row(&self, key: &str) -> Result<usize, String> {
        if let Some(rows) = self.duplicate_keys.get(key) {
            let places: Vec<String> = rows.iter().map(|&r| self.position(r)).collect();
            return Err(format!(
                "「{key}」在数据集「{}」的「{}」列出现了{}次（{}）；请让行名唯一，或用 where= 筛选",
                self.id,
                self.columns[self.key].name,
                rows.len(),
                places.join("、")
            ));
        }
        self.row_index.get(key).copied().ok_or_else(|| {
            let keys: Vec<&str> = self.rows.iter().map(|r| r[self.key].label()).collect();
            let mut msg = format!(
                "数据集「{}」的「{}」列里没有「{key}」这一行",
                self.id, self.columns[self.key].name
            );
            match did_you_mean(key, keys.iter().copied()) {
                Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
                None if keys.len() <= 12 => {
                    msg.push_str(&format!("。现有的行：{}", keys.join("、")))
                }
                None => {}
            }
            msg
        })
    }

    pub fn column_names(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    /// The label of row `row` (its key cell).
    pub fn row_label(&self, row: usize) -> &str {
        self.rows[row][self.key].label()
    }

    /// The number in a cell: `Ok(None)` when missing, an error naming file, row and
    /// column when the cell holds text.
    pub fn number(&self, row: usize, col: usize) -> Result<Option<f64>, String> {
        match &self.rows[row][col] {
            Cell::Number { value, .. } => Ok(Some(*value)),
            Cell::Missing => Ok(None),
            Cell::Text(t) => Err(format!(
                "{}的「{t}」不是数字；请填写数字，或留空/写“待补充”表示缺失",
                self.locate(row, col)
            )),
        }
    }

    /// The unit of a cell: the row's `单位` cell if the dataset has one, else the column's.
    pub fn unit(&self, row: usize, col: usize) -> &str {
        // A cell written as a percentage is one, whatever its column says.
        if let Cell::Number { text, .. } = &self.rows[row][col]
            && text.ends_with(['%', '％'])
        {
            return "%";
        }
        if let Some(u) = self.unit_column
            && let Cell::Text(t) | Cell::Number { text: t, .. } = &self.rows[row][u]
        {
            return t;
        }
        &self.columns[col].unit
    }

    /// Decimals to print a cell with: the column's `decimals` from the metadata if set,
    /// else as many as the cell was written with, so no figure claims more precision than
    /// its source gave (1079.6 stays 1079.6 beside 1020.56).
    pub fn decimals(&self, row: usize, col: usize) -> usize {
        let declared = self
            .meta
            .columns
            .get(&self.columns[col].name)
            .and_then(|c| c.decimals);
        match (&self.rows[row][col], declared) {
            (_, Some(d)) => d,
            (Cell::Number { text, .. }, None) => decimals_written(text),
            _ => self.columns[col].decimals,
        }
    }

    /// A missing cell as both readers and writers understand it:
    /// `「2023」的「进口额」（book/data/trade/totals.csv 第2行）`.
    pub fn missing_note(&self, row: usize, col: usize) -> String {
        format!(
            "「{}」的「{}」（{} {}）",
            self.row_label(row),
            self.columns[col].name,
            self.file,
            self.position(row)
        )
    }

    /// Where a row is in its file: `第3行` of a CSV, `第2项` of a JSON array.
    pub fn position(&self, row: usize) -> String {
        if self.file.ends_with(".json") {
            format!("第{}项", self.row_lines[row])
        } else {
            format!("第{}行", self.row_lines[row])
        }
    }

    /// Where a cell is, for messages: `book/data/x.csv 第3行「出口额」列`.
    pub fn locate(&self, row: usize, col: usize) -> String {
        format!(
            "{} {}「{}」列",
            self.file,
            self.position(row),
            self.columns[col].name
        )
    }

    fn from_table(
        id: &str,
        file: String,
        href: String,
        meta: Meta,
        header: Vec<String>,
        records: Vec<(usize, Vec<String>)>,
    ) -> Result<Dataset, String> {
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(format!("{file} 没有表头：第一行应为列名"));
        }
        let mut seen = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            if h.trim().is_empty() {
                return Err(format!(
                    "{file} 第1行第{}列的列名为空；请为每一列起名",
                    i + 1
                ));
            }
            if let Some(j) = seen.insert(h.trim(), i) {
                return Err(format!(
                    "{file} 第1行有两列都叫「{}」（第{}列和第{}列）；列名不能重复",
                    h.trim(),
                    j + 1,
                    i + 1
                ));
            }
        }
        for name in meta.columns.keys() {
            if !header.iter().any(|h| h.trim() == name) {
                let msg = format!("{file} 的元数据写了 [columns.{name}]，但数据里没有这一列");
                return Err(match did_you_mean(name, header.iter().map(|h| h.trim())) {
                    Some(s) => format!("{msg}，是不是想写「{s}」？"),
                    None => msg,
                });
            }
        }
        let key = match &meta.key {
            None => 0,
            Some(k) => header
                .iter()
                .position(|h| h.trim() == k)
                .ok_or_else(|| format!("{file} 的元数据 key = \"{k}\" 不是数据里的列名"))?,
        };
        let width = header.len();
        let mut rows = Vec::with_capacity(records.len());
        let mut row_lines = Vec::with_capacity(records.len());
        for (line, record) in records {
            if record.len() > width && record[width..].iter().any(|c| !c.trim().is_empty()) {
                return Err(format!(
                    "{file} 第{line}行有{}个值，但表头只有{width}列；请检查是否多了逗号",
                    record.len()
                ));
            }
            let mut cells: Vec<Cell> = record.iter().take(width).map(|t| parse_cell(t)).collect();
            cells.resize(width, Cell::Missing);
            rows.push(cells);
            row_lines.push(line);
        }
        let mut row_index = HashMap::with_capacity(rows.len());
        let mut duplicate_keys: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            let label = row[key].label();
            if let Some(&first) = row_index.get(label) {
                duplicate_keys
                    .entry(label.to_string())
                    .or_insert_with(|| vec![first])
                    .push(i);
            } else {
                row_index.insert(label.to_string(), i);
            }
        }
        let unit_column = header.iter().position(|h| h.trim() == UNIT_COLUMN);
        let columns = header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let name = h.trim().to_string();
                let cm = meta.columns.get(&name).cloned().unwrap_or_default();
                let mut decimals = 0;
                let (mut numbers, mut texts) = (0, 0);
                for r in &rows {
                    match &r[i] {
                        Cell::Number { text, .. } => {
                            numbers += 1;
                            decimals = decimals.max(decimals_written(text));
                        }
                        Cell::Text(_) => texts += 1,
                        Cell::Missing => {}
                    }
                }
                // A column of numbers with a stray text cell (约1080) stays numeric, so the
                // stray cell is reported where it is used rather than turning the column
                // into labels.
                let declared = cm.unit.is_some() || cm.decimals.is_some();
                let numeric = i != key
                    && Some(i) != unit_column
                    && (numbers > 0 && numbers >= texts || declared && numbers + texts > 0);
                Column {
                    name,
                    numeric,
                    decimals: cm.decimals.unwrap_or(decimals),
                    unit: cm.unit.or_else(|| meta.unit.clone()).unwrap_or_default(),
                }
            })
            .collect();
        Ok(Dataset {
            id: id.to_string(),
            file,
            href,
            meta,
            columns,
            rows,
            row_lines,
            key,
            unit_column,
            row_index,
            duplicate_keys,
        })
    }
}

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

/// Decodes CSV bytes as Excel and WPS save them.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|e| {
            format!(
                "{file} 以 UTF-8 BOM 开头，但第{}字节不是有效的 UTF-8",
                e.utf8_error().valid_up_to() + 4
            )
        });
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            return Err(format!("{file} 是 UTF-16 文件，但其中有无法解码的字符"));
        }
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
    if bad {
        return Err(format!(
            "{file} 的编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）；请在 Excel 或 WPS 中另存为“CSV UTF-8”"
        ));
    }
    Ok(text.into_owned())
}

/// A header and the records under it, each with its line in the file.
type RawTable = (Vec<String>, Vec<(usize, Vec<String>)>);

/// Parses CSV text (comma- or, for Excel's "Unicode text", tab-separated).
fn parse_csv(text: &str, file: &str) -> Result<RawTable, String> {
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut header = None;
    let mut records = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("{file} 第{line}行无法按 CSV 读取：{e}；请检查引号是否成对")
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match header {
            None => header = Some(cells),
            Some(_) => records.push((line, cells)),
        }
    }
    Ok((header.unwrap_or_default(), records))
}

/// Parses JSON: an array of row objects, or one object of key → value facts.
fn parse_json(text: &str, file: &str) -> Result<RawTable, String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "{file} 第{}行第{}列不是有效的 JSON：{}",
            e.line(),
            e.column(),
            json_problem(&e)
        )
    })?;
    let cell = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match value {
        Value::Array(items) => {
            let mut header: Vec<String> = Vec::new();
            for item in &items {
                let Value::Object(map) = item else {
                    return Err(format!(
                        "{file} 的数组里应当每项都是对象（一行数据），例如 {{\"年份\": 2024, \"出口额\": 1079.6}}"
                    ));
                };
                for k in map.keys() {
                    if !header.contains(k) {
                        header.push(k.clone());
                    }
                }
            }
            let rows = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let map = item.as_object().expect("checked above");
                    let cells = header
                        .iter()
                        .map(|h| map.get(h).map(cell).unwrap_or_default())
                        .collect();
                    (i + 1, cells)
                })
                .collect();
            Ok((header, rows))
        }
        Value::Object(map) => {
            let rows = map
                .iter()
                .enumerate()
                .map(|(i, (k, v))| (i + 1, vec![k.clone(), cell(v)]))
                .collect();
            Ok((vec!["键".to_string(), "值".to_string()], rows))
        }
        _ => Err(format!(
            "{file} 应当是对象数组（每项一行）或一个“键: 值”对象"
        )),
    }
}

/// A JSON syntax error in words a writer can act on.
fn json_problem(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw);
    match raw {
        "EOF while parsing a list" => "列表没有结束（缺少 ]）".to_string(),
        "EOF while parsing an object" => "对象没有结束（缺少 }）".to_string(),
        "EOF while parsing a string" => "字符串没有结束（缺少 \"）".to_string(),
        "trailing comma" => "最后一项后面多了逗号".to_string(),
        other => other.to_string(),
    }
}

/// A metadata error on one line, with the fix for the usual mistake: Chinese key names
/// must be quoted in TOML.
fn meta_problem(file: &str, text: &str, e: &toml::de::Error) -> String {
    let line = e.span().map_or(1, |s| {
        text[..s.start.min(text.len())].matches('\n').count() + 1
    });
    let message = e.message().trim();
    if message.contains("unquoted key") {
        return format!("{file} 第{line}行：含中文的键名要加英文引号，例如 [columns.\"出口额\"]");
    }
    format!("{file} 第{line}行的元数据有误：{message}")
}

/// Loads datasets on demand and parses each at most once per build.
pub struct Store {
    /// The book's source folder on disk.
    src_dir: PathBuf,
    /// The source folder as the writer knows it (`book`), for messages.
    src_name: String,
    data_dir: String,
    /// Failures are kept too: a broken file is read once and reported the same way by
    /// every placeholder that uses it.
    cache: RefCell<HashMap<String, Result<Rc<Dataset>, String>>>,
    available: RefCell<Option<Vec<String>>>,
    parses: Counter<usize>,
}

impl Store {
    pub fn new(src_dir: impl Into<PathBuf>, src_name: &str, data_dir: &str) -> Store {
        Store {
            src_dir: src_dir.into(),
            src_name: src_name.trim_end_matches('/').to_string(),
            data_dir: data_dir.trim_matches('/').to_string(),
            cache: RefCell::new(HashMap::new()),
            available: RefCell::new(None),
            parses: Counter::new(0),
        }
    }

    /// The book's source folder on disk.
    pub fn src_dir(&self) -> &Path {
        &self.src_dir
    }

    /// How many files have been parsed so far.
    pub fn parses(&self) -> usize {
        self.parses.get()
    }

    /// The dataset `id` (`trade/totals`, with or without `.csv`/`.json`).
    pub fn get(&self, id: &str) -> Result<Rc<Dataset>, String> {
        let id = normalize_id(id)?;
        if let Some(loaded) = self.cache.borrow().get(&id) {
            return loaded.clone();
        }
        let loaded = self.load(&id).map(Rc::new);
        self.cache.borrow_mut().insert(id, loaded.clone());
        loaded
    }

    /// Every dataset id under the data folder, sorted.
    pub fn ids(&self) -> Vec<String> {
        if let Some(ids) = self.available.borrow().as_ref() {
            return ids.clone();
        }
        let mut ids = Vec::new();
        collect_ids(&self.src_dir.join(&self.data_dir), "", &mut ids);
        ids.sort();
        ids.dedup();
        *self.available.borrow_mut() = Some(ids.clone());
        ids
    }

    fn writer_path(&self, rel: &str) -> String {
        format!("{}/{}/{rel}", self.src_name, self.data_dir)
    }

    fn load(&self, id: &str) -> Result<Dataset, String> {
        let dir = self.src_dir.join(&self.data_dir);
        let (path, ext) = ["csv", "json"]
            .iter()
            .map(|ext| (dir.join(format!("{id}.{ext}")), *ext))
            .find(|(p, _)| p.is_file())
            .ok_or_else(|| {
                let ids = self.ids();
                let mut msg = format!(
                    "找不到数据集「{id}」（应为 {} 或 .json）",
                    self.writer_path(&format!("{id}.csv"))
                );
                match did_you_mean(id, ids.iter().map(String::as_str)) {
                    Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
                    None if !ids.is_empty() && ids.len() <= 20 => {
                        msg.push_str(&format!("。现有的数据集：{}", ids.join("、")))
                    }
                    None => {}
                }
                msg
            })?;
        // Links inside the data folder must not lead out of the book.
        if !crate::paths::is_inside(&path, &self.src_dir) {
            return Err(format!(
                "数据集「{id}」指向 {} 目录之外的文件，出于安全考虑不予读取",
                self.src_name
            ));
        }
        let rel = format!("{id}.{ext}");
        let file = self.writer_path(&rel);
        let bytes = fs::read(&path).map_err(|e| format!("无法读取 {file}：{e}"))?;
        let text = decode(&bytes, &file)?;
        let (header, records) = if ext == "csv" {
            parse_csv(&text, &file)?
        } else {
            parse_json(text.trim_start_matches('\u{feff}'), &file)?
        };
        let meta_rel = format!("{id}.toml");
        let meta_path = dir.join(&meta_rel);
        let meta_file = self.writer_path(&meta_rel);
        if meta_path.exists() && !crate::paths::is_inside(&meta_path, &self.src_dir) {
            return Err(format!(
                "{meta_file} 指向 {} 目录之外的文件，出于安全考虑不予读取",
                self.src_name
            ));
        }
        let meta: Meta = match fs::read(&meta_path) {
            Ok(bytes) => {
                let text = decode(&bytes, &meta_file)?;
                toml::from_str(&text).map_err(|e| meta_problem(&meta_file, &text, &e))?
            }
            Err(_) => {
                return Err(format!(
                    "数据集「{id}」缺少元数据文件 {meta_file}（至少写明 title、unit、source）"
                ));
            }
        };
        for (key, value) in [("title", &meta.title), ("source", &meta.source)] {
            if value.trim().is_empty() {
                return Err(format!(
                    "{meta_file} 没有写 {key}（{}）；例如 {key} = \"{}\"",
                    if key == "title" {
                        "标题"
                    } else {
                        "数据来源"
                    },
                    if key == "title" {
                        "中国药械产品进出口额"
                    } else {
                        "中国医药保健品进出口商会"
                    }
                ));
            }
        }
        self.parses.set(self.parses.get() + 1);
        Dataset::from_table(
            id,
            file,
            format!("{}/{rel}", self.data_dir),
            meta,
            header,
            records,
        )
    }
}

/// Normalises a dataset id and refuses paths that would leave the data folder.
fn normalize_id(id: &str) -> Result<String, String> {
    let trimmed = id
        .trim()
        .trim_end_matches(".csv")
        .trim_end_matches(".json")
        .replace('\\', "/");
    let path = Path::new(&trimmed);
    let escapes = path.is_absolute()
        || trimmed.contains(':')
        || path
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes || trimmed.is_empty() {
        return Err(format!(
            "数据集路径「{id}」不允许：只能引用 book/data/ 下的文件，且不能含 .. 或绝对路径"
        ));
    }
    Ok(trimmed.trim_start_matches("./").to_string())
}

fn collect_ids(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            collect_ids(&path, &format!("{prefix}{name}/"), out);
        } else if let Some(stem) = name
            .strip_suffix(".csv")
            .or_else(|| name.strip_suffix(".json"))
        {
            out.push(format!("{prefix}{stem}"));
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// A dataset `t` from CSV text, as if read from `book/data/t.csv` without metadata.
    pub fn dataset(csv: &str) -> Dataset {
        let (header, records) = parse_csv(csv, "book/data/t.csv").unwrap();
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
