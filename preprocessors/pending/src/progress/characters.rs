//! 字数: characters per counted chapter and recurring section, against the budgets.

use std::fmt::Write;

use report_core::text::{escape_html, escape_markdown};

use super::budgets::Count;
use super::table::ChapterTable;
use super::{Page, column_label};
use crate::outline::section_path;

impl Page<'_> {
    pub(super) fn characters(&self, out: &mut String) {
        let counted: Vec<usize> = (0..self.outlines.len())
            .filter(|&c| self.outlines[c].counted)
            .collect();
        if counted.is_empty() {
            return;
        }
        self.heading(out, "字数");
        let columns = self.cfg.sections.len();
        let mut header: Vec<&str> = vec!["章节"];
        header.extend(self.cfg.sections.iter().map(String::as_str));
        header.push("全章");
        let mut totals = vec![0usize; columns + 1];
        let mut rows = Vec::new();
        for &c in &counted {
            let mut counts: Vec<Option<Count>> =
                (0..columns).map(|col| self.cell_count(c, col)).collect();
            counts.push(Some(self.chapter_count(c)));
            for (total, count) in totals.iter_mut().zip(&counts) {
                *total += count.as_ref().map_or(0, |n| n.chars);
            }
            let cells = counts
                .iter()
                .zip(&header[1..])
                .map(|(count, name)| self.count_cell(c, count.as_ref(), name))
                .collect();
            rows.push((c, cells));
        }
        self.chapter_table(
            out,
            &ChapterTable {
                class: "report-progress report-progress-chars",
                caption: "各章字数（不含代码、表格、图表与待办标记；“/”后为预算）",
                header: &header,
                align: "---:",
                rows,
                foot: "合计",
                totals: &totals,
            },
        );
        self.other_budgets(out);
    }

    /// A count in column `name` of chapter `c`'s row; a dash where a chapter with recurring
    /// sections lacks this one.
    fn count_cell(&self, c: usize, count: Option<&Count>, name: &str) -> String {
        let in_completion_table = self.rows.contains(&c);
        if !self.html() {
            return match count {
                Some(count) => escape_markdown(&count.text()),
                None if in_completion_table => "—".to_string(),
                None => String::new(),
            };
        }
        let label = column_label(name);
        match count {
            Some(count) => {
                let over = if count.over().is_some() {
                    " report-over"
                } else {
                    ""
                };
                format!(
                    "<td class=\"report-num{over}\">{label}{}</td>",
                    escape_html(&count.text())
                )
            }
            None if in_completion_table => {
                format!("<td class=\"report-num report-progress-missing\">{label}—</td>")
            }
            None => "<td></td>".to_string(),
        }
    }

    /// Budgets for sections other than the recurring ones, and budgets that name nothing.
    fn other_budgets(&self, out: &mut String) {
        let budgeted = self.budgets.sections.iter().map(|&(c, s, budget)| {
            let section = &self.outlines[c].sections[s];
            let count = Count {
                chars: section.chars,
                budget: Some(budget),
            };
            let text = format!(
                "{}：{}",
                section_path(&self.outlines[c], section.line),
                count.text()
            );
            let class = if count.over().is_some() {
                "report-over"
            } else {
                ""
            };
            (class, self.chapter_link_text(c, &text))
        });
        self.bullet_list(out, budgeted);

        for (key, suggestion) in &self.budgets.unmatched {
            let mut text = format!(
                "book.toml 的 preprocessor.report.pending.budgets 中「{key}」没有对应的章节或小节"
            );
            match suggestion {
                Some(s) => {
                    let _ = write!(text, "，是不是想写「{s}」？");
                }
                None => text.push_str("，请检查拼写。"),
            }
            self.paragraph(out, "report-progress-warning", &text);
        }
    }
}
