//! 字数: characters per counted chapter and recurring section, against the budgets.

use std::fmt::Write;

use report_core::text::{escape_html, escape_markdown, page_href};

use super::budgets::Count;
use super::{Page, column_label, markdown_row, number};
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
        let mut col_totals = vec![0usize; columns];
        let mut total = 0;
        let mut rows: Vec<(usize, Vec<Option<Count>>)> = Vec::new();
        for &c in &counted {
            let mut cells: Vec<Option<Count>> =
                (0..columns).map(|col| self.cell_count(c, col)).collect();
            for (t, cell) in col_totals.iter_mut().zip(&cells) {
                *t += cell.as_ref().map_or(0, |n| n.chars);
            }
            total += self.outlines[c].chars;
            cells.push(Some(self.chapter_count(c)));
            rows.push((c, cells));
        }
        let row_has_columns = |c: usize| self.rows.contains(&c);

        if self.html() {
            out.push_str("<div class=\"report-progress-box\">\n<table class=\"report-progress report-progress-chars\">\n<caption>各章字数（不含代码、表格、图表与待办标记；“/”后为预算）</caption>\n<thead><tr>");
            for h in &header {
                let _ = write!(out, "<th scope=\"col\">{}</th>", escape_html(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for (c, cells) in &rows {
                let _ = write!(out, "<tr><th scope=\"row\">{}</th>", self.chapter_link(*c));
                for (cell, name) in cells.iter().zip(&header[1..]) {
                    let label = column_label(name);
                    match cell {
                        Some(count) => {
                            let over = if count.over().is_some() {
                                " report-over"
                            } else {
                                ""
                            };
                            let _ = write!(
                                out,
                                "<td class=\"report-num{over}\">{label}{}</td>",
                                escape_html(&count.text())
                            );
                        }
                        None if row_has_columns(*c) => {
                            let _ = write!(
                                out,
                                "<td class=\"report-num report-progress-missing\">{label}—</td>"
                            );
                        }
                        None => out.push_str("<td></td>"),
                    }
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n<tfoot><tr><th scope=\"row\">合计</th>");
            for (t, name) in col_totals.iter().chain([&total]).zip(&header[1..]) {
                let _ = write!(
                    out,
                    "<td class=\"report-num\">{}{}</td>",
                    column_label(name),
                    number(*t)
                );
            }
            out.push_str("</tr></tfoot>\n</table>\n</div>\n\n");
        } else {
            markdown_row(out, header.iter().map(|h| escape_markdown(h)));
            let mut align = vec!["---".to_string()];
            align.extend((0..=columns).map(|_| "---:".to_string()));
            markdown_row(out, align.into_iter());
            for (c, cells) in &rows {
                let mut row = vec![self.chapter_link(*c)];
                row.extend(cells.iter().map(|cell| match cell {
                    Some(count) => escape_markdown(&count.text()),
                    None if row_has_columns(*c) => "—".to_string(),
                    None => String::new(),
                }));
                markdown_row(out, row.into_iter());
            }
            let mut row = vec!["合计".to_string()];
            row.extend(col_totals.iter().chain([&total]).map(|t| number(*t)));
            markdown_row(out, row.into_iter());
            out.push('\n');
        }
        self.other_budgets(out);
    }

    /// Budgets for sections other than the recurring ones, and budgets that name nothing.
    fn other_budgets(&self, out: &mut String) {
        if !self.budgets.sections.is_empty() {
            if self.html() {
                out.push_str("<ul class=\"report-progress-list\">\n");
            }
            for &(c, s, budget) in &self.budgets.sections {
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
                if self.html() {
                    let class = if count.over().is_some() {
                        " class=\"report-over\""
                    } else {
                        ""
                    };
                    let _ = writeln!(
                        out,
                        "<li{class}><a href=\"{}\">{}</a></li>",
                        escape_html(&page_href(&self.outlines[c].path)),
                        escape_html(&text)
                    );
                } else {
                    let _ = writeln!(out, "- {}", escape_markdown(&text));
                }
            }
            if self.html() {
                out.push_str("</ul>\n");
            }
            out.push('\n');
        }

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
