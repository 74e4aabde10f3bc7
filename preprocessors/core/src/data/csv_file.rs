//! CSV (and Excel's tab-separated "Unicode text").

use super::{Cell, Place, RawTable, parse_cell};

/// Parses CSV text (comma- or, for Excel's "Unicode text", tab-separated).
pub(super) fn parse_csv(text: &str, file: &str) -> Result<RawTable, String> {
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
    let mut header: Option<(usize, Vec<String>)> = None;
    let mut records: Vec<(usize, Vec<Cell>)> = Vec::new();
    // One record read into again and again: a fresh one per row cost three allocations.
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader.read_record(&mut record).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("{file} 第{line}行无法按 CSV 读取：{e}；请检查引号是否成对")
        })?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match header {
            None => header = Some((line, record.iter().map(str::to_string).collect())),
            Some(_) => records.push((line, record.iter().map(parse_cell).collect())),
        }
    }
    // A quote that is never closed swallows every later row into one cell, and the csv
    // reader accepts that at the end of the file: refuse it, naming where the quote opens.
    let quotes = text.bytes().filter(|&b| b == b'"').count();
    if quotes % 2 == 1
        && let Some((line, cells)) = records.last()
        && cells.iter().any(|c| c.label().contains('\n'))
    {
        return Err(format!(
            "{file} 第{line}行有一个没有配对的双引号：从这里到文件末尾的所有行都被读进了同一个单元格；请检查第{line}行的引号（单元格内的引号要写成两个 \"\"）"
        ));
    }
    let (header_line, header) = header.unwrap_or((1, Vec::new()));
    Ok(RawTable {
        header,
        header_line,
        records,
        place: Place::Lines,
    })
}
