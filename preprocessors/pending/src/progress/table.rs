//! The frame both progress tables share: a row per chapter, led by a link to it, and a foot
//! row of column totals.

use std::fmt::Write;

use report_core::text::{escape_html, escape_markdown};

use super::{Page, column_label, markdown_row, number};

pub(super) struct ChapterTable<'a> {
    /// Classes of the HTML table.
    pub class: &'a str,
    /// HTML only: a Markdown table has no caption.
    pub caption: &'a str,
    /// The first column's name, then the other columns'.
    pub header: &'a [&'a str],
    /// Markdown alignment of every column after the first.
    pub align: &'a str,
    /// Each chapter with its cells, already written for the target.
    pub rows: Vec<(usize, Vec<String>)>,
    /// The foot row's first cell.
    pub foot: &'a str,
    /// One total per column after the first.
    pub totals: &'a [usize],
}

impl Page<'_> {
    pub(super) fn chapter_table(&self, out: &mut String, table: &ChapterTable) {
        if self.html() {
            html_table(self, out, table);
        } else {
            markdown_table(self, out, table);
        }
    }
}

fn html_table(page: &Page, out: &mut String, table: &ChapterTable) {
    // The box is the container the narrow layout queries (assets/progress.css).
    let _ = write!(
        out,
        "<div class=\"report-progress-box\">\n<table class=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
        table.class, table.caption
    );
    for h in table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape_html(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (c, cells) in &table.rows {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", page.chapter_link(*c));
        for cell in cells {
            out.push_str(cell);
        }
        out.push_str("</tr>\n");
    }
    let _ = write!(
        out,
        "</tbody>\n<tfoot><tr><th scope=\"row\">{}</th>",
        table.foot
    );
    for (t, name) in table.totals.iter().zip(&table.header[1..]) {
        let _ = write!(
            out,
            "<td class=\"report-num\">{}{}</td>",
            column_label(name),
            number(*t)
        );
    }
    out.push_str("</tr></tfoot>\n</table>\n</div>\n\n");
}

fn markdown_table(page: &Page, out: &mut String, table: &ChapterTable) {
    markdown_row(out, table.header.iter().map(|h| escape_markdown(h)));
    let align = table.header[1..].iter().map(|_| table.align.to_string());
    markdown_row(out, std::iter::once("---".to_string()).chain(align));
    for (c, cells) in &table.rows {
        markdown_row(
            out,
            std::iter::once(page.chapter_link(*c)).chain(cells.iter().cloned()),
        );
    }
    let totals = table.totals.iter().map(|t| number(*t));
    markdown_row(out, std::iter::once(table.foot.to_string()).chain(totals));
    out.push('\n');
}
