//! A parsed dataset: columns, rows and where each came from, for messages.

use std::collections::HashMap;

use std::sync::OnceLock;

use super::number::{NotANumber, classify};
use super::sorted::SortedColumn;
use super::{Cell, Meta};
use crate::calc::Period;
use crate::format::Decimal;
use crate::suggest::did_you_mean;

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

/// A cell a table, chart or value shows as missing. Readers are told which figure is
/// missing; writers also where to fill it in, which the published site leaves out.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MissingCell {
    /// The figure, as readers read it: `「2023」的「进口额」`.
    pub cell: String,
    /// Where it is to be filled in: `book/data/trade/totals.csv 第2行`.
    pub place: String,
}

impl std::fmt::Display for MissingCell {
    /// Both, for writers: `「2023」的「进口额」（book/data/trade/totals.csv 第2行）`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（{}）", self.cell, self.place)
    }
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
    /// Line of each row in the data file (its item in a JSON array, its row number in a
    /// sheet), for messages.
    pub row_lines: Vec<usize>,
    /// What kind of file the rows come from, for messages.
    pub place: Place,
    pub key: usize,
    /// Index of the per-row `单位` column, if any.
    pub unit_column: Option<usize>,
    /// Row by key, for lookups in large datasets; the first of duplicate keys wins.
    row_index: HashMap<String, usize>,
    /// Row names that occur more than once, with their rows: looking one up is ambiguous.
    duplicate_keys: HashMap<String, Vec<usize>>,
    /// Row by the period it names, built on the first 同比 or 环比.
    periods: OnceLock<HashMap<Period, usize>>,
    /// Each column's rows in value order, built on the first `where=` on the column.
    sorted: Vec<SortedColumn>,
}

/// How the rows of a dataset are placed in its file.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// Lines of a CSV file.
    Lines,
    /// Items of a JSON array or keys of a JSON object.
    Items,
    /// Rows of a workbook sheet; `columns` are the sheet's column numbers (from 0) of the
    /// dataset's columns.
    Sheet { name: String, columns: Vec<u32> },
}

/// A table as a loader reads it, before the metadata is applied.
pub(super) struct RawTable {
    pub header: Vec<String>,
    /// The header's line (CSV) or row number (sheet).
    pub header_line: usize,
    /// Each record with its line, item or row number.
    pub records: Vec<(usize, Vec<Cell>)>,
    pub place: Place,
}

/// A cell as Excel names it: `Sheet1!C7`; sheet names that are not one word are quoted.
pub fn sheet_cell(sheet: &str, col: u32, row: u32) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !sheet.starts_with(|c: char| c.is_ascii_digit());
    let mut letters = String::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, (b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    if plain {
        format!("{sheet}!{letters}{row}")
    } else {
        format!("'{}'!{letters}{row}", sheet.replace('\'', "''"))
    }
}

/// Column name that gives each row its own unit (fact sheets).
pub const UNIT_COLUMN: &str = "单位";

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
    pub fn number(&self, row: usize, col: usize) -> Result<Option<&Decimal>, String> {
        match &self.rows[row][col] {
            Cell::Number(n) => Ok(Some(n.value())),
            Cell::Missing => Ok(None),
            Cell::Text(t) => Err(format!(
                "{}的「{t}」不是数字；{}",
                self.locate(row, col),
                classify(t).hint()
            )),
        }
    }

    /// The row that names `period`, if any (the first, when several spell it).
    pub fn row_of_period(&self, period: &Period) -> Option<usize> {
        self.periods
            .get_or_init(|| {
                let mut index = HashMap::new();
                for row in (0..self.rows.len()).rev() {
                    if let Some(p) = Period::parse(self.row_label(row)) {
                        index.insert(p, row);
                    }
                }
                index
            })
            .get(period)
            .copied()
    }

    /// Rows of column `col` holding a number, ascending by value (equal values in no set
    /// order).
    pub fn rows_by_number(&self, col: usize) -> &[usize] {
        self.sorted[col].by_number(&self.rows, col)
    }

    /// Rows of column `col` holding a number or text, ascending by label.
    pub fn rows_by_label(&self, col: usize) -> &[usize] {
        self.sorted[col].by_label(&self.rows, col)
    }

    /// Whether column `col` holds any text (neither a number nor missing).
    pub fn has_text(&self, col: usize) -> bool {
        self.sorted[col].has_text(&self.rows, col)
    }

    /// The unit of a cell: the row's `单位` cell if the dataset has one, else the column's.
    pub fn unit(&self, row: usize, col: usize) -> &str {
        // A cell written as a percentage is one, whatever its column says.
        if let Cell::Number(n) = &self.rows[row][col]
            && n.is_percent()
        {
            return "%";
        }
        if let Some(u) = self.unit_column
            && !self.rows[row][u].is_missing()
        {
            return self.rows[row][u].label();
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
            (Cell::Number(n), None) => n.decimals(),
            _ => self.columns[col].decimals,
        }
    }

    /// A missing cell, as readers and writers understand it: `「2023」的「进口额」`, at
    /// `book/data/trade/totals.csv 第2行` or `book/data/t.xlsx Sheet1!C2`.
    pub fn missing_cell(&self, row: usize, col: usize) -> MissingCell {
        let place = match &self.place {
            Place::Sheet { .. } => self.cell_ref(row, col),
            _ => self.position(row),
        };
        MissingCell {
            cell: format!(
                "「{}」的「{}」",
                self.row_label(row),
                self.columns[col].name
            ),
            place: format!("{} {place}", self.file),
        }
    }

    /// Where a row is in its file: `第3行` of a CSV, `第2项` of a JSON array,
    /// `工作表「Sheet1」第3行` of a workbook (Excel's row number).
    pub fn position(&self, row: usize) -> String {
        match &self.place {
            Place::Items => format!("第{}项", self.row_lines[row]),
            Place::Lines => format!("第{}行", self.row_lines[row]),
            Place::Sheet { name, .. } => format!("工作表「{name}」第{}行", self.row_lines[row]),
        }
    }

    /// A workbook cell as Excel shows it (`Sheet1!C7`, `'2024 年'!B3`); for other files
    /// the row's position.
    pub fn cell_ref(&self, row: usize, col: usize) -> String {
        match &self.place {
            Place::Sheet { name, columns } => {
                sheet_cell(name, columns[col], self.row_lines[row] as u32)
            }
            _ => self.position(row),
        }
    }

    /// Where a cell is, for messages: `book/data/x.csv 第3行「出口额」列`, or
    /// `book/data/x.xlsx Sheet1!C3（「出口额」列）`.
    pub fn locate(&self, row: usize, col: usize) -> String {
        match &self.place {
            Place::Sheet { .. } => format!(
                "{} {}（「{}」列）",
                self.file,
                self.cell_ref(row, col),
                self.columns[col].name
            ),
            _ => format!(
                "{} {}「{}」列",
                self.file,
                self.position(row),
                self.columns[col].name
            ),
        }
    }

    pub(super) fn from_table(
        id: &str,
        file: String,
        href: String,
        meta: Meta,
        table: RawTable,
    ) -> Result<Dataset, String> {
        let RawTable {
            mut header,
            header_line,
            mut records,
            mut place,
        } = table;
        // Excel saves columns that once held formatting as empty trailing columns: drop
        // those with no name and no value.
        while header.len() > 1
            && header.last().is_some_and(|h| h.trim().is_empty())
            && records
                .iter()
                .all(|(_, r)| r.get(header.len() - 1).is_none_or(Cell::is_missing))
        {
            header.pop();
            if let Place::Sheet { columns, .. } = &mut place {
                columns.truncate(header.len());
            }
        }
        let header_cell = |i: usize| match &place {
            Place::Sheet { name, columns } => sheet_cell(name, columns[i], header_line as u32),
            Place::Lines => format!("第{header_line}行第{}列", i + 1),
            Place::Items => format!("第{}个键", i + 1),
        };
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(format!("{file} 没有表头：第一行应为列名"));
        }
        let mut seen = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            if h.trim().is_empty() {
                let hint = if matches!(place, Place::Sheet { .. }) {
                    "请为每一列起名；表头不能用合并单元格"
                } else {
                    "请为每一列起名"
                };
                return Err(format!("{file} {}的列名为空；{hint}", header_cell(i)));
            }
            if let Some(j) = seen.insert(h.trim(), i) {
                return Err(format!(
                    "{file} 的表头有两列都叫「{}」（{}和{}）；列名不能重复",
                    h.trim(),
                    header_cell(j),
                    header_cell(i)
                ));
            }
        }
        for name in meta.columns.keys() {
            if !header.iter().any(|h| h.trim() == name) {
                let msg = format!("{file} 的元数据写了 [columns.\"{name}\"]，但数据里没有这一列");
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
        for (line, mut cells) in records.drain(..) {
            if cells.len() > width && cells[width..].iter().any(|c| !c.is_missing()) {
                return Err(match &place {
                    Place::Sheet { .. } => format!(
                        "{file} 第{line}行在表头之外还有数据；请给这一列起名，或删掉多余的值"
                    ),
                    _ => format!(
                        "{file} 第{line}行有{}个值，但表头只有{width}列；请检查是否多了逗号",
                        cells.len()
                    ),
                });
            }
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
                        Cell::Number(n) => {
                            numbers += 1;
                            decimals = decimals.max(n.decimals());
                        }
                        // A figure spelt wrongly (1079.6亿, 1e3, #DIV/0!) is still a figure.
                        Cell::Text(t) if classify(t) != NotANumber::Text => numbers += 1,
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
            .collect::<Vec<Column>>();
        let sorted = vec![SortedColumn::default(); columns.len()];
        Ok(Dataset {
            id: id.to_string(),
            file,
            href,
            meta,
            columns,
            rows,
            row_lines,
            place,
            key,
            unit_column,
            row_index,
            duplicate_keys,
            periods: OnceLock::new(),
            sorted,
        })
    }
}
