//! Workbooks (`.xlsx`, `.xls`, `.ods`, read with calamine) as datasets.
//!
//! A cell's number is the value Excel stores, not the text it displays: formulas by their
//! cached result, and read to Excel's own 15 significant digits. The cell's number format
//! only says how many decimals to show (and whether it is a percentage), where the sidecar
//! does not. Dates print as Chinese reports print them (2024年3月5日). Merged cells inside
//! the table are refused: only their top-left cell holds a value, the rest would read as
//! empty. Every place in a message is a cell as Excel names it (`Sheet1!C7`).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto};

use super::number::Shown;
use super::{Cell, Number, Place, RawTable, SheetRef, parse_cell, sheet_cell};
use crate::format::Decimal;
use crate::suggest::did_you_mean;

/// Which sheet a dataset reads.
pub(super) enum SheetChoice {
    First,
    /// From the sidecar: a number from 1.
    Number(i64),
    /// From the sidecar: a name.
    Name(String),
    /// From a placeholder's `sheet=`: a name, else a number from 1.
    Written(String),
}

impl SheetChoice {
    pub(super) fn from_meta(sheet: Option<&SheetRef>) -> SheetChoice {
        match sheet {
            None => SheetChoice::First,
            Some(SheetRef::Number(n)) => SheetChoice::Number(*n),
            Some(SheetRef::Name(name)) => SheetChoice::Name(name.clone()),
        }
    }
}

/// An open workbook.
pub(super) struct Workbook {
    sheets: Sheets<BufReader<File>>,
    file: String,
    names: Vec<String>,
}

impl Workbook {
    pub(super) fn open(path: &Path, file: &str) -> Result<Workbook, String> {
        let sheets = open_workbook_auto(path).map_err(|e| {
            let text = e.to_string().to_lowercase();
            if text.contains("password") || text.contains("encrypt") {
                format!("{file} 设有密码保护，无法读取；请另存一份不设密码的文件")
            } else {
                format!(
                    "无法读取工作簿 {file}：文件已损坏，或不是真正的 Excel/WPS 表格（例如把 CSV 改了扩展名）；请在 Excel 或 WPS 中打开后另存为 .xlsx"
                )
            }
        })?;
        let names = sheets.sheet_names().to_vec();
        Ok(Workbook {
            sheets,
            file: file.to_string(),
            names,
        })
    }

    fn sheet_name(&self, choice: &SheetChoice) -> Result<String, String> {
        let file = &self.file;
        let listed = || self.names.join("、");
        let by_number = |n: i64| {
            usize::try_from(n)
                .ok()
                .filter(|&n| (1..=self.names.len()).contains(&n))
                .map(|n| self.names[n - 1].clone())
        };
        let unknown = |name: &str| {
            let mut msg = format!("{file} 里没有名为「{name}」的工作表");
            match did_you_mean(name, self.names.iter().map(String::as_str)) {
                Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
                None => msg.push_str(&format!("。现有的工作表：{}", listed())),
            }
            msg
        };
        match choice {
            SheetChoice::First => self
                .names
                .first()
                .cloned()
                .ok_or_else(|| format!("{file} 里没有工作表")),
            SheetChoice::Number(n) => by_number(*n).ok_or_else(|| {
                format!(
                    "{file} 只有{}个工作表（{}），没有第{n}个；sheet 从 1 数起",
                    self.names.len(),
                    listed()
                )
            }),
            SheetChoice::Name(name) => self
                .names
                .iter()
                .find(|n| *n == name)
                .cloned()
                .ok_or_else(|| unknown(name)),
            SheetChoice::Written(written) => {
                if let Some(name) = self.names.iter().find(|n| *n == written) {
                    return Ok(name.clone());
                }
                match written.parse::<i64>() {
                    Ok(n) => by_number(n).ok_or_else(|| unknown(written)),
                    Err(_) => Err(unknown(written)),
                }
            }
        }
    }

    /// The table of a sheet: its header is the first non-empty row of the used area (or of
    /// `range`), its records the rows below.
    pub(super) fn table(
        &mut self,
        choice: &SheetChoice,
        range: Option<&str>,
    ) -> Result<RawTable, String> {
        let sheet = self.sheet_name(choice)?;
        let file = self.file.clone();
        let at = |c: u32, r: u32| sheet_cell(&sheet, c, r + 1);
        let values: Range<Data> = self.sheets.worksheet_range(&sheet).map_err(|_| {
            format!("无法读取 {file} 的工作表「{sheet}」；请在 Excel 或 WPS 中打开后重新保存")
        })?;
        let (Some(start), Some(end)) = (values.start(), values.end()) else {
            return Err(format!("{file} 的工作表「{sheet}」是空的"));
        };
        let (r0, c0, r1, c1) = match range {
            None => (start.0, start.1, end.0, end.1),
            Some(text) => parse_range(text).ok_or_else(|| {
                format!(
                    "{file} 的元数据 range = \"{text}\" 不是单元格区域；请写成 \"A3:F20\" 的形式"
                )
            })?,
        };
        let value = |r: u32, c: u32| values.get_value((r, c)).unwrap_or(&Data::Empty);
        let filled = |r: u32| (c0..=c1).filter(|&c| !is_blank(value(r, c))).count();
        let Some(header_row) = (r0..=r1).find(|&r| filled(r) > 0) else {
            return Err(match range {
                Some(text) => format!("{file} 工作表「{sheet}」的区域 {text} 里没有任何数据"),
                None => format!("{file} 的工作表「{sheet}」是空的"),
            });
        };
        // A title above the table: one filled cell, then a row of names.
        let next = (header_row + 1..=r1).find(|&r| filled(r) > 0);
        let names_below = next.is_some_and(|r| {
            filled(r) > 1 && (c0..=c1).all(|c| matches!(value(r, c), Data::String(_) | Data::Empty))
        });
        if c1 > c0 && filled(header_row) == 1 && names_below {
            let c = (c0..=c1)
                .find(|&c| !is_blank(value(header_row, c)))
                .unwrap_or(c0);
            let below = next.unwrap_or(header_row);
            let first = (c0..=c1)
                .find(|&c| !is_blank(value(below, c)))
                .unwrap_or(c0);
            let corner = |c: u32, r: u32| sheet_cell("x", c, r + 1)[2..].to_string();
            return Err(format!(
                "{file} {} 看起来是标题行（这一行只有一个单元格有内容），不是列名；请在元数据中用 range 指明表格所在的区域，例如 range = \"{}:{}\"",
                at(c, header_row),
                corner(first, below),
                corner(c1, r1)
            ));
        }
        self.refuse_merged(&sheet, (header_row, c0, r1, c1))?;
        let formats = self.formats(&sheet);
        let format = |r: u32, c: u32| -> Option<String> {
            formats.as_ref().and_then(|f| {
                f.get((r, c))
                    .and_then(|s| s.number_format.as_ref())
                    .map(|n| n.format_code.clone())
            })
        };
        let header: Vec<String> = (c0..=c1)
            .map(|c| read(value(header_row, c), format(header_row, c).as_deref()))
            .map(|cell| match cell {
                Cell::Missing => String::new(),
                other => other.label().trim().to_string(),
            })
            .collect();
        let mut records = Vec::new();
        for r in header_row + 1..=r1 {
            if filled(r) == 0 {
                continue;
            }
            let cells = (c0..=c1)
                .map(|c| read(value(r, c), format(r, c).as_deref()))
                .collect();
            records.push((r as usize + 1, cells));
        }
        Ok(RawTable {
            header,
            header_line: header_row as usize + 1,
            records,
            place: Place::Sheet {
                name: sheet.clone(),
                columns: (c0..=c1).collect(),
            },
        })
    }

    /// Refuses merged cells that overlap the table (`area` = first row, first column, last
    /// row, last column).
    fn refuse_merged(&mut self, sheet: &str, area: (u32, u32, u32, u32)) -> Result<(), String> {
        let merged = match &mut self.sheets {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            _ => Vec::new(),
        };
        let (r0, c0, r1, c1) = area;
        let mut overlapping: Vec<_> = merged
            .iter()
            .filter(|d| d.start.0 <= r1 && d.end.0 >= r0 && d.start.1 <= c1 && d.end.1 >= c0)
            .collect();
        overlapping.sort_by_key(|d| (d.start, d.end));
        if let Some(d) = overlapping.first() {
            let cells = format!(
                "{}:{}",
                sheet_cell(sheet, d.start.1, d.start.0 + 1),
                sheet_cell("x", d.end.1, d.end.0 + 1).trim_start_matches("x!")
            );
            let part = if d.start.0 <= r0 { "表头" } else { "表格" };
            return Err(format!(
                "{} {cells} 是合并单元格：合并后只有左上角有值，其余会被读成空；{part}里不能用合并单元格，请取消合并并在每个单元格里填上内容",
                self.file
            ));
        }
        Ok(())
    }

    /// The number formats of a sheet's cells, where the reader knows them (xlsx).
    fn formats(&mut self, sheet: &str) -> Option<calamine::StyleRange> {
        match &mut self.sheets {
            Sheets::Xlsx(x) => x.worksheet_style(sheet).ok(),
            _ => None,
        }
    }
}

fn is_blank(data: &Data) -> bool {
    match data {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// One cell, read as Excel stores it and shown as its format says.
fn read(data: &Data, format: Option<&str>) -> Cell {
    let (shown, percent) = format.map_or((Shown::General, false), number_format);
    match data {
        Data::Empty => Cell::Missing,
        Data::String(s) => parse_cell(s),
        Data::Int(i) => Cell::Number(Number::from_decimal(Decimal::from(*i), shown, percent)),
        Data::Float(f) => match Number::from_excel(*f, shown, percent) {
            Some(n) => Cell::Number(n),
            None => Cell::Text(f.to_string()),
        },
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(dt) if dt.is_duration() => Cell::Text(dt.as_f64().to_string()),
        Data::DateTime(dt) => {
            let (y, m, d, h, min, _, _) = dt.to_ymd_hms_milli();
            Cell::Text(chinese_date(y as u32, m as u32, d as u32, (h, min), format))
        }
        Data::DateTimeIso(iso) => {
            let part = |range: std::ops::Range<usize>| iso.get(range).and_then(|p| p.parse().ok());
            match (part(0..4), part(5..7), part(8..10)) {
                (Some(y), Some(m), Some(d)) => Cell::Text(chinese_date(y, m, d, (0, 0), format)),
                _ => Cell::Text(iso.clone()),
            }
        }
        Data::DurationIso(iso) => Cell::Text(iso.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

/// A date as Chinese reports print it: 2024年3月5日, or 2024年3月 / 2024年 when the cell's
/// format shows no day / no month.
fn chinese_date(y: u32, m: u32, d: u32, time: (u8, u8), format: Option<&str>) -> String {
    let code = format
        .map(strip_literals)
        .unwrap_or_default()
        .to_lowercase();
    let shows = |c: char| code.is_empty() || code.contains(c);
    let mut out = format!("{y}年");
    if shows('m') || shows('d') {
        out.push_str(&format!("{m}月"));
    }
    if shows('d') {
        out.push_str(&format!("{d}日"));
    }
    if code.contains('h') && time != (0, 0) {
        out.push_str(&format!(" {:02}:{:02}", time.0, time.1));
    }
    out
}

/// A number format's code without its literal text (`"元"`, `\x`) and `[...]` parts.
fn strip_literals(code: &str) -> String {
    let mut out = String::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            c => out.push(c),
        }
    }
    out
}

/// The decimals a number format shows, and whether it shows a percentage: `0.00` → 2,
/// `#,##0.0%` → 1 and %, `0.0#` → 1 to 2, `General` → as the value has.
fn number_format(code: &str) -> (Shown, bool) {
    let first = code.split(';').next().unwrap_or("");
    let section = strip_literals(first);
    if section.trim().is_empty() || section.trim().eq_ignore_ascii_case("general") {
        return (Shown::General, false);
    }
    let percent = section.contains('%');
    if !section.contains(['0', '#', '?']) {
        return (Shown::General, percent);
    }
    let shown = match section.split_once('.') {
        None => Shown::Fixed(0),
        Some((_, fraction)) => {
            let digits: String = fraction
                .chars()
                .take_while(|c| matches!(c, '0' | '#' | '?'))
                .collect();
            let zeros = digits.chars().filter(|&c| c == '0').count();
            if zeros == digits.len() {
                Shown::Fixed(zeros)
            } else {
                Shown::Between(zeros, digits.len())
            }
        }
    };
    (shown, percent)
}

/// `A3:F20` (or `$A$3:$F$20`) as (first row, first column, last row, last column), from 0.
fn parse_range(text: &str) -> Option<(u32, u32, u32, u32)> {
    let (a, b) = text.trim().split_once(':')?;
    let cell = |s: &str| -> Option<(u32, u32)> {
        let s = s.trim().replace('$', "").to_uppercase();
        let letters: String = s.chars().take_while(|c| c.is_ascii_uppercase()).collect();
        let row: u32 = s[letters.len()..].parse().ok()?;
        if letters.is_empty() || letters.len() > 3 || row == 0 {
            return None;
        }
        let col = letters
            .bytes()
            .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
        Some((row - 1, col - 1))
    };
    let (ra, ca) = cell(a)?;
    let (rb, cb) = cell(b)?;
    Some((ra.min(rb), ca.min(cb), ra.max(rb), ca.max(cb)))
}

#[cfg(test)]
mod tests;
