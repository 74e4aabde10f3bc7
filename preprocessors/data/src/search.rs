//! What mdBook's search index reads of tables and charts.
//!
//! mdBook builds its index from every text node of the rendered page (only `<script>` and
//! `<style>` are skipped), so a chart's tick labels and a table's digits would fill the
//! teasers readers see. These regions are bracketed by marker characters in `hidden`
//! spans: readers, screen readers, copying and printing never meet them, the index keeps
//! them, and `assets/search-zh.js` leaves out chart drawings (their text repeats the chart's
//! data table) and download links, and ranks table data after the prose. The characters
//! are from the Private Use Area, so no text of the report contains them.

/// Opens what search leaves out.
const LEFT_OUT_OPEN: &str = "<span hidden class=\"report-search-mark\">\u{E000}</span>";
const LEFT_OUT_CLOSE: &str = "<span hidden class=\"report-search-mark\">\u{E001}</span>";
/// Opens table data, which search ranks after the prose.
pub(crate) const DATA_OPEN: &str = "<span hidden class=\"report-search-mark\">\u{E002}</span>";
/// Closes table data.
pub(crate) const DATA_CLOSE: &str = "<span hidden class=\"report-search-mark\">\u{E003}</span>";

/// HTML that search leaves out: a chart's drawing, download links.
pub(crate) fn left_out(html: &str) -> String {
    format!("{LEFT_OUT_OPEN}{html}{LEFT_OUT_CLOSE}")
}

/// A table, ranked after the prose in search.
pub(crate) fn data(html: &str) -> String {
    format!("{DATA_OPEN}{html}{DATA_CLOSE}")
}
