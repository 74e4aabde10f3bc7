//! 完成情况: one row per chapter with recurring sections, one column per recurring section
//! plus 备注.
//!
//! Each section cell is 已完成, the section's entries linked to their place, or 本章无此节
//! when the chapter has no such section. An item lies in the column of the section that
//! holds it; an item outside every recurring section (on the chapter's title, say) goes to
//! the column its note names (【现状待整理】 → 现状), else to 备注, which also holds the
//! chapter's remarks. A totals row counts the entries per column (remarks are not pending
//! work and are not counted).

use std::fmt::Write;

use report_core::text::{escape_html, escape_markdown};

use super::entries::{Entry, entries};
use super::table::ChapterTable;
use super::{Page, column_label, number};
use crate::Remark;

/// The word for a finished section; the page draws its check mark in CSS.
const DONE: &str = "已完成";
/// The word for a section the chapter does not have.
const MISSING: &str = "本章无此节";
/// The last column's name.
const NOTES: &str = "备注";

enum Cell<'a> {
    Done,
    Missing,
    Open(Vec<Entry<'a>>),
    /// The 备注 column: entries outside every recurring section, and the chapter's remarks.
    Notes(Vec<Entry<'a>>, &'a [Remark]),
}

impl Page<'_> {
    pub(super) fn completion(&self, out: &mut String) {
        if self.rows.is_empty() {
            return;
        }
        self.heading(out, "完成情况");
        let columns = self.cfg.sections.len();
        let mut totals = vec![0usize; columns + 1];
        let mut rows: Vec<(usize, Vec<Cell>)> = Vec::new();
        for &c in &self.rows {
            let mut cells = Vec::new();
            for (col, total) in totals.iter_mut().enumerate() {
                let column = (col < columns).then_some(col);
                let found = entries(
                    self.placed
                        .iter()
                        .filter(|p| p.chapter == Some(c) && p.column == column)
                        .map(|p| p.item),
                );
                *total += found.len();
                cells.push(match column {
                    None => Cell::Notes(found, &self.outlines[c].remarks),
                    Some(_) if !found.is_empty() => Cell::Open(found),
                    Some(col) if !self.has_column(c, col) => Cell::Missing,
                    Some(_) => Cell::Done,
                });
            }
            rows.push((c, cells));
        }
        let all: usize = totals.iter().sum();
        let mut header: Vec<&str> = vec!["章节"];
        header.extend(self.cfg.sections.iter().map(String::as_str));
        header.push(NOTES);
        let rows = rows
            .into_iter()
            .map(|(c, cells)| {
                let cells = cells.iter().zip(&header[1..]).map(|(cell, name)| {
                    if self.html() {
                        self.html_cell(cell, name)
                    } else {
                        self.markdown_cell(cell)
                    }
                });
                (c, cells.collect())
            })
            .collect();
        self.chapter_table(
            out,
            &ChapterTable {
                class: "report-progress",
                caption: "各章完成情况",
                header: &header,
                align: "---",
                rows,
                foot: &format!("本表待办合计 {}", number(all)),
                totals: &totals,
            },
        );
    }

    fn html_cell(&self, cell: &Cell, name: &str) -> String {
        let label = column_label(name);
        match cell {
            Cell::Done => format!(
                "<td class=\"report-progress-done\">{label}<span class=\"report-progress-mark\">{DONE}</span></td>"
            ),
            Cell::Missing => {
                format!("<td class=\"report-progress-missing\">{label}<span>{MISSING}</span></td>")
            }
            Cell::Open(found) => {
                let mut td = format!("<td class=\"report-progress-open\">{label}<ul>");
                for entry in found {
                    let _ = write!(td, "<li>{}</li>", self.entry(entry, ""));
                }
                td.push_str("</ul></td>");
                td
            }
            Cell::Notes(found, remarks) if found.is_empty() && remarks.is_empty() => {
                "<td class=\"report-progress-notes\"></td>".to_string()
            }
            Cell::Notes(found, remarks) => {
                let mut td = format!("<td class=\"report-progress-notes\">{label}<ul>");
                for entry in found {
                    let _ = write!(
                        td,
                        "<li class=\"report-progress-item\">{}</li>",
                        self.entry(entry, "")
                    );
                }
                for remark in remarks.iter() {
                    let _ = write!(
                        td,
                        "<li class=\"report-progress-remark\">{}</li>",
                        escape_html(&remark.text)
                    );
                }
                td.push_str("</ul></td>");
                td
            }
        }
    }

    fn markdown_cell(&self, cell: &Cell) -> String {
        match cell {
            Cell::Done => DONE.to_string(),
            Cell::Missing => MISSING.to_string(),
            Cell::Open(found) => self.markdown_entries(found).join("；"),
            Cell::Notes(found, remarks) => self
                .markdown_entries(found)
                .into_iter()
                .chain(remarks.iter().map(|r| escape_markdown(&r.text)))
                .collect::<Vec<_>>()
                .join("；"),
        }
    }

    fn markdown_entries(&self, found: &[Entry]) -> Vec<String> {
        found.iter().map(|e| self.entry(e, "")).collect()
    }
}
