//! A slice as CSV for Excel and WPS: UTF-8 with a byte-order mark (without one, Excel on
//! Chinese Windows reads the file as GBK and shows mojibake), the title, unit, source and
//! notes as one-cell rows above the data, numbers without separators so they stay numbers.

use report_core::format::{Grouping, MISSING, format_number};

use super::{Cell, Slice};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(super) fn write(slice: &Slice) -> Result<Vec<u8>, String> {
    let fail = |e: ::csv::Error| format!("「{}」的 CSV 文件无法生成：{e}", slice.title);
    let mut out = ::csv::WriterBuilder::new()
        .flexible(true)
        // Excel's own line ending, so the file round-trips unchanged through it.
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    for line in slice.preamble() {
        out.write_record([text(&line)]).map_err(fail)?;
    }
    out.write_record([""]).map_err(fail)?;
    out.write_record(slice.headings.iter().map(|h| text(h)))
        .map_err(fail)?;
    for row in &slice.rows {
        out.write_record(row.iter().map(cell)).map_err(fail)?;
    }
    out.into_inner()
        .map_err(|e| format!("「{}」的 CSV 文件无法生成：{e}", slice.title))
}

fn cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => text(t),
        // The value as the page rounds it; no separators or plus sign, which would turn
        // it into text in some locales.
        Cell::Number {
            value,
            decimals,
            unit,
            ..
        } => format!(
            "{}{}",
            format_number(*value, *decimals, false, Grouping::Never),
            unit.as_deref().unwrap_or_default()
        ),
        Cell::Missing => MISSING.to_string(),
    }
}

/// Text that Excel would take for a formula (`=`, `+`, `-`, `@` first) is kept as text
/// with a leading apostrophe: data is never live.
fn text(t: &str) -> String {
    if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{t}")
    } else {
        t.to_string()
    }
}
