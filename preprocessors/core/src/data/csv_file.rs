//! CSV (and Excel's tab-separated "Unicode text").

use super::RawTable;

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
