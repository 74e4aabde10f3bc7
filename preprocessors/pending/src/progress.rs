//! The generated progress page (`{{#progress}}`) and the build log's list of pending work.

use std::fmt::Write;

use report_core::config::Target;
use report_core::format::{Grouping, format_number};
use report_core::pending::{PendingItem, PendingKind};
use report_core::suggest::did_you_mean;
use report_core::text::{escape_html, escape_markdown, page_href};

use crate::outline::{Outline, section_at, section_path};
use crate::{PendingConfig, Remark};

/// What `{{#progress}}` expands to, for a page at the book's root.
///
/// - A summary line: how many items of each kind, how many sections over budget.
/// - 完成情况: one row per chapter that has at least one recurring section (现状 / 挑战 /
///   政策), one column per recurring section plus 备注; each cell is ✅, the pending notes
///   linked to their place, or — when the chapter has no such section. An item lies in the
///   column of the section that holds it; an item outside every recurring section (on the
///   chapter's title, say) goes to the column its note names (【现状待整理】 → 现状), else
///   to 备注. A totals row counts the items per column.
/// - 其他章节的待办: items in chapters without a row.
/// - 字数: characters per chapter and recurring section, against the `budgets`, over-budget
///   cells flagged; budgets for other sections, and budgets that match nothing, below it.
/// - 编辑备注: notes to co-authors, when there are any (draft builds only).
pub fn progress_page(
    cfg: &PendingConfig,
    outlines: &[Outline],
    items: &[PendingItem],
    target: Target,
) -> String {
    let page = Page::new(cfg, outlines, items, target);
    let mut out = String::from("\n\n");
    page.summary(&mut out);
    page.completion(&mut out);
    page.elsewhere(&mut out);
    page.other_remarks(&mut out);
    page.characters(&mut out);
    page.editorial(&mut out);
    out.truncate(out.trim_end().len());
    out.push_str("\n\n");
    out
}

/// The build log's lines, in book order: `book/PATH.md:LINE  section path  label：note`.
pub fn log_lines(outlines: &[Outline], items: &[PendingItem]) -> Vec<String> {
    let mut placed: Vec<(usize, &PendingItem, Option<&Outline>)> = items
        .iter()
        .map(|item| {
            let at = chapter_of(outlines, item);
            (at.unwrap_or(usize::MAX), item, at.map(|i| &outlines[i]))
        })
        .collect();
    placed.sort_by(|a, b| {
        (a.0, &a.1.file, a.1.line, anchor_offset(&a.1.anchor)).cmp(&(
            b.0,
            &b.1.file,
            b.1.line,
            anchor_offset(&b.1.anchor),
        ))
    });
    placed
        .into_iter()
        .map(|(_, item, outline)| {
            let section =
                outline.map_or_else(|| item.chapter.clone(), |o| section_path(o, item.line));
            item.log_line(&section)
        })
        .collect()
}

fn chapter_of(outlines: &[Outline], item: &PendingItem) -> Option<usize> {
    outlines
        .iter()
        .position(|o| o.path == item.chapter)
        .or_else(|| outlines.iter().position(|o| o.file == item.file))
}

fn anchor_offset(anchor: &str) -> usize {
    anchor
        .rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn number(n: usize) -> String {
    format_number(n as f64, 0, false, Grouping::Auto)
}

/// Items placed on the page.
struct Placed<'a> {
    item: &'a PendingItem,
    chapter: Option<usize>,
    /// The recurring section, for items in a chapter with a row.
    column: Option<usize>,
}

/// A count against its budget.
struct Count {
    chars: usize,
    budget: Option<usize>,
}

impl Count {
    fn over(&self) -> Option<usize> {
        self.budget
            .filter(|b| self.chars > *b)
            .map(|b| self.chars - b)
    }

    fn text(&self) -> String {
        match (self.budget, self.over()) {
            (Some(b), Some(over)) => {
                format!(
                    "{} / {} ⚠ 超出 {}",
                    number(self.chars),
                    number(b),
                    number(over)
                )
            }
            (Some(b), None) => format!("{} / {}", number(self.chars), number(b)),
            (None, _) => number(self.chars),
        }
    }
}

/// Budgets resolved against the book's chapters and sections.
#[derive(Default)]
struct Budgets {
    /// Per chapter (index into outlines).
    chapter: Vec<Option<usize>>,
    /// Per chapter and column.
    cell: Vec<Vec<Option<usize>>>,
    /// Other sections: (chapter, section index, budget).
    sections: Vec<(usize, usize, usize)>,
    /// Keys that name nothing, with a suggestion.
    unmatched: Vec<(String, Option<String>)>,
}

impl Budgets {
    fn resolve(cfg: &PendingConfig, outlines: &[Outline]) -> Budgets {
        let columns = cfg.sections.len();
        let mut b = Budgets {
            chapter: vec![None; outlines.len()],
            cell: vec![vec![None; columns]; outlines.len()],
            ..Budgets::default()
        };
        let find_chapter = |key: &str| {
            outlines
                .iter()
                .position(|o| o.counted && (o.name == key || o.path == key))
        };
        let mut specific: Vec<(usize, usize, usize)> = Vec::new();
        for (key, budget) in &cfg.budgets {
            let key_trim = key.trim();
            if let Some((chap, sec)) = key_trim.split_once('/') {
                let (chap, sec) = (chap.trim(), sec.trim());
                if let Some(c) = find_chapter(chap) {
                    if let Some(col) = cfg.sections.iter().position(|s| s == sec) {
                        specific.push((c, col, *budget));
                        continue;
                    }
                    let found: Vec<usize> = section_indices(&outlines[c], sec);
                    if !found.is_empty() {
                        b.sections
                            .extend(found.into_iter().map(|s| (c, s, *budget)));
                        continue;
                    }
                }
            } else if let Some(c) = find_chapter(key_trim) {
                b.chapter[c] = Some(*budget);
                continue;
            } else if let Some(col) = cfg.sections.iter().position(|s| s == key_trim) {
                for cells in &mut b.cell {
                    cells[col] = Some(*budget);
                }
                continue;
            } else {
                let before = b.sections.len();
                for (c, o) in outlines.iter().enumerate().filter(|(_, o)| o.counted) {
                    b.sections.extend(
                        section_indices(o, key_trim)
                            .into_iter()
                            .map(|s| (c, s, *budget)),
                    );
                }
                if b.sections.len() > before {
                    continue;
                }
            }
            b.unmatched
                .push((key.clone(), suggest(cfg, outlines, key_trim)));
        }
        for (c, col, budget) in specific {
            b.cell[c][col] = Some(budget);
        }
        b.sections.sort();
        b
    }
}

/// Sections of a chapter titled `title`, that are not the chapter's title heading.
fn section_indices(outline: &Outline, title: &str) -> Vec<usize> {
    outline
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_title && s.title == title)
        .map(|(i, _)| i)
        .collect()
}

fn suggest(cfg: &PendingConfig, outlines: &[Outline], key: &str) -> Option<String> {
    let mut names: Vec<String> = cfg.sections.clone();
    for o in outlines.iter().filter(|o| o.counted) {
        names.push(o.name.clone());
        for s in o.sections.iter().filter(|s| !s.is_title) {
            names.push(s.title.clone());
            for col in &cfg.sections {
                names.push(format!("{}/{}", o.name, col));
            }
        }
    }
    did_you_mean(key, names.iter().map(String::as_str)).map(str::to_string)
}

struct Page<'a> {
    cfg: &'a PendingConfig,
    outlines: &'a [Outline],
    target: Target,
    /// Non-editorial items, in book order.
    placed: Vec<Placed<'a>>,
    editorial: Vec<Placed<'a>>,
    /// Chapters with a row in the completion table.
    rows: Vec<usize>,
    budgets: Budgets,
}

impl<'a> Page<'a> {
    fn new(
        cfg: &'a PendingConfig,
        outlines: &'a [Outline],
        items: &'a [PendingItem],
        target: Target,
    ) -> Page<'a> {
        let rows: Vec<usize> = outlines
            .iter()
            .enumerate()
            .filter(|(_, o)| o.sections.iter().any(|s| s.column_root))
            .map(|(i, _)| i)
            .collect();
        let mut placed: Vec<Placed> = items
            .iter()
            .map(|item| {
                let chapter = chapter_of(outlines, item);
                let column = chapter.filter(|c| rows.contains(c)).and_then(|c| {
                    section_at(&outlines[c], item.line)
                        .and_then(|s| s.column)
                        .or_else(|| named_column(cfg, &item.note))
                });
                Placed {
                    item,
                    chapter,
                    column,
                }
            })
            .collect();
        placed.sort_by_key(|p| {
            (
                p.chapter.unwrap_or(usize::MAX),
                p.item.file.clone(),
                p.item.line,
                anchor_offset(&p.item.anchor),
            )
        });
        let (editorial, placed) = placed.into_iter().partition(|p| p.item.kind.is_editorial());
        Page {
            cfg,
            outlines,
            target,
            placed,
            editorial,
            rows,
            budgets: Budgets::resolve(cfg, outlines),
        }
    }

    fn html(&self) -> bool {
        self.target == Target::Html
    }

    fn item_text(&self, item: &PendingItem) -> String {
        match item.kind {
            PendingKind::Marker | PendingKind::Note | PendingKind::Editorial => item.note.clone(),
            kind => format!("{}：{}", kind.label(), item.note),
        }
    }

    fn item_link(&self, item: &PendingItem, text: &str) -> String {
        if self.html() {
            format!(
                "<a href=\"{}#{}\" title=\"{}\">{}</a>",
                escape_html(&page_href(&item.chapter)),
                escape_html(&item.anchor),
                escape_html(text),
                escape_html(text)
            )
        } else {
            escape_markdown(text)
        }
    }

    fn chapter_link(&self, c: usize) -> String {
        self.chapter_link_text(c, &self.outlines[c].name)
    }

    /// A link to chapter `c` that reads `text`.
    fn chapter_link_text(&self, c: usize, text: &str) -> String {
        if self.html() {
            format!(
                "<a href=\"{}\">{}</a>",
                escape_html(&page_href(&self.outlines[c].path)),
                escape_html(text)
            )
        } else {
            escape_markdown(text)
        }
    }

    fn heading(&self, out: &mut String, text: &str) {
        let _ = write!(out, "## {text}\n\n");
    }

    /// A paragraph; `class` styles it in HTML.
    fn paragraph(&self, out: &mut String, class: &str, text: &str) {
        if self.html() {
            let _ = write!(out, "<p class=\"{class}\">{}</p>\n\n", escape_html(text));
        } else {
            let _ = write!(out, "{}\n\n", escape_markdown(text));
        }
    }

    fn summary(&self, out: &mut String) {
        let mut text = if self.placed.is_empty() {
            "全书暂无待办事项。".to_string()
        } else {
            let mut by_kind: Vec<PendingKind> = self.placed.iter().map(|p| p.item.kind).collect();
            by_kind.sort();
            let mut kinds: Vec<(&str, usize)> = Vec::new();
            for kind in by_kind {
                let label = kind.label();
                match kinds.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((label, 1)),
                }
            }
            let parts: Vec<String> = kinds
                .iter()
                .map(|(label, n)| format!("{label} {n} 项"))
                .collect();
            format!(
                "全书共有 {} 项待办：{}。",
                self.placed.len(),
                parts.join("，")
            )
        };
        let over = self.over_budget();
        if over > 0 {
            let _ = write!(text, "有 {over} 处超出字数预算。");
        }
        if self.html() && !self.placed.is_empty() {
            text.push_str("点击条目可跳到它在正文中的位置。");
        }
        self.paragraph(out, "report-progress-summary", &text);
    }

    fn over_budget(&self) -> usize {
        let mut n = 0;
        for c in (0..self.outlines.len()).filter(|&c| self.outlines[c].counted) {
            n += usize::from(self.chapter_count(c).over().is_some());
            for col in 0..self.cfg.sections.len() {
                n += self
                    .cell_count(c, col)
                    .is_some_and(|count| count.over().is_some()) as usize;
            }
        }
        n + self
            .budgets
            .sections
            .iter()
            .filter(|(c, s, b)| self.outlines[*c].sections[*s].chars > *b)
            .count()
    }

    fn chapter_count(&self, c: usize) -> Count {
        Count {
            chars: self.outlines[c].chars,
            budget: self.budgets.chapter[c],
        }
    }

    /// Characters of a recurring section in a chapter, if the chapter has it.
    fn cell_count(&self, c: usize, col: usize) -> Option<Count> {
        let roots: Vec<_> = self.outlines[c]
            .sections
            .iter()
            .filter(|s| s.column_root && s.column == Some(col))
            .collect();
        (!roots.is_empty()).then(|| Count {
            chars: roots.iter().map(|s| s.chars).sum(),
            budget: self.budgets.cell[c][col],
        })
    }

    fn has_column(&self, c: usize, col: usize) -> bool {
        self.outlines[c]
            .sections
            .iter()
            .any(|s| s.column_root && s.column == Some(col))
    }

    fn completion(&self, out: &mut String) {
        if self.rows.is_empty() {
            return;
        }
        self.heading(out, "完成情况");
        let columns = self.cfg.sections.len();
        // Items per row and column (the last column is 备注).
        let cell_items = |c: usize, col: Option<usize>| -> Vec<&PendingItem> {
            self.placed
                .iter()
                .filter(|p| p.chapter == Some(c) && p.column == col)
                .map(|p| p.item)
                .collect()
        };
        let mut totals = vec![0usize; columns + 1];
        let mut rows: Vec<(usize, Vec<Cell>)> = Vec::new();
        for &c in &self.rows {
            let mut cells = Vec::new();
            for (col, total) in totals.iter_mut().enumerate() {
                let column = (col < columns).then_some(col);
                let items = cell_items(c, column);
                *total += items.len();
                cells.push(match column {
                    None => Cell::Notes(items, &self.outlines[c].remarks),
                    Some(_) if !items.is_empty() => Cell::Items(items),
                    Some(col) if !self.has_column(c, col) => Cell::Missing,
                    Some(_) => Cell::Done,
                });
            }
            rows.push((c, cells));
        }
        let all: usize = totals.iter().sum();
        let mut header: Vec<String> = vec!["章节".to_string()];
        header.extend(self.cfg.sections.iter().cloned());
        header.push("备注".to_string());

        if self.html() {
            out.push_str("<table class=\"report-progress\">\n<caption>各章完成情况（✅ 已完成，— 本章没有此节）</caption>\n<thead><tr>");
            for h in &header {
                let _ = write!(out, "<th scope=\"col\">{}</th>", escape_html(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for (c, cells) in &rows {
                let _ = write!(out, "<tr><th scope=\"row\">{}</th>", self.chapter_link(*c));
                for (col, cell) in cells.iter().enumerate() {
                    out.push_str(&self.html_cell(cell, self.cfg.sections.get(col)));
                }
                out.push_str("</tr>\n");
            }
            let _ = write!(
                out,
                "</tbody>\n<tfoot><tr><th scope=\"row\">待办合计 {}</th>",
                number(all)
            );
            for t in &totals {
                let _ = write!(out, "<td class=\"report-num\">{}</td>", number(*t));
            }
            out.push_str("</tr></tfoot>\n</table>\n\n");
        } else {
            markdown_row(out, header.iter().map(|h| escape_markdown(h)));
            markdown_row(out, header.iter().map(|_| "---".to_string()));
            for (c, cells) in &rows {
                let mut row = vec![self.chapter_link(*c)];
                row.extend(cells.iter().map(|cell| {
                    match cell {
                        Cell::Items(items) => items
                            .iter()
                            .map(|i| escape_markdown(&self.item_text(i)))
                            .collect::<Vec<_>>()
                            .join("；"),
                        Cell::Notes(items, remarks) => items
                            .iter()
                            .map(|i| escape_markdown(&self.item_text(i)))
                            .chain(remarks.iter().map(|r| escape_markdown(&r.text)))
                            .collect::<Vec<_>>()
                            .join("；"),
                        Cell::Done => "✅".to_string(),
                        Cell::Missing => "—".to_string(),
                    }
                }));
                markdown_row(out, row.into_iter());
            }
            let mut row = vec![format!("待办合计 {}", number(all))];
            row.extend(totals.iter().map(|t| number(*t)));
            markdown_row(out, row.into_iter());
            out.push('\n');
        }
    }

    fn html_cell(&self, cell: &Cell, column: Option<&String>) -> String {
        match cell {
            Cell::Done => "<td class=\"report-progress-done\">✅</td>".to_string(),
            Cell::Missing => format!(
                "<td class=\"report-progress-missing\" title=\"本章没有标题含「{}」的小节\">—</td>",
                escape_html(column.map_or("", String::as_str))
            ),
            Cell::Notes(items, remarks) if items.is_empty() && remarks.is_empty() => {
                "<td class=\"report-progress-notes\"></td>".to_string()
            }
            Cell::Notes(items, remarks) => {
                let mut td = String::from("<td class=\"report-progress-notes\"><ul>");
                for item in items {
                    let _ = write!(
                        td,
                        "<li class=\"report-progress-open\">{}</li>",
                        self.item_link(item, &self.item_text(item))
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
            Cell::Items(items) => {
                let mut td = String::from("<td class=\"report-progress-open\"><ul>");
                for item in items {
                    let _ = write!(
                        td,
                        "<li>{}</li>",
                        self.item_link(item, &self.item_text(item))
                    );
                }
                td.push_str("</ul></td>");
                td
            }
        }
    }

    /// Items in chapters without a row (and items whose chapter is unknown).
    fn elsewhere(&self, out: &mut String) {
        let rest: Vec<&Placed> = self
            .placed
            .iter()
            .filter(|p| p.chapter.is_none_or(|c| !self.rows.contains(&c)))
            .collect();
        if rest.is_empty() {
            return;
        }
        self.heading(
            out,
            if self.rows.is_empty() {
                "待办"
            } else {
                "其他章节的待办"
            },
        );
        self.list(out, &rest);
    }

    /// Remarks of chapters without a row, with the section they were written in.
    fn other_remarks(&self, out: &mut String) {
        let rest: Vec<(usize, &Remark)> = (0..self.outlines.len())
            .filter(|c| !self.rows.contains(c))
            .flat_map(|c| self.outlines[c].remarks.iter().map(move |r| (c, r)))
            .collect();
        if rest.is_empty() {
            return;
        }
        self.heading(
            out,
            if self.rows.is_empty() {
                "备注"
            } else {
                "其他章节的备注"
            },
        );
        if self.html() {
            out.push_str("<ul class=\"report-progress-list\">\n");
        }
        for (c, remark) in rest {
            let section = section_path(&self.outlines[c], remark.line);
            if self.html() {
                let _ = writeln!(
                    out,
                    "<li class=\"report-progress-remark\">{}：{}</li>",
                    self.chapter_link_text(c, &section),
                    escape_html(&remark.text)
                );
            } else {
                let _ = writeln!(
                    out,
                    "- {}：{}",
                    escape_markdown(&section),
                    escape_markdown(&remark.text)
                );
            }
        }
        if self.html() {
            out.push_str("</ul>\n");
        }
        out.push('\n');
    }

    /// A list of items grouped by chapter, each with its section path.
    fn list(&self, out: &mut String, items: &[&Placed]) {
        if self.html() {
            out.push_str("<ul class=\"report-progress-list\">\n");
        }
        for p in items {
            let section = match p.chapter {
                Some(c) => section_path(&self.outlines[c], p.item.line),
                None => p.item.chapter.clone(),
            };
            let text = format!("{}：{}", section, self.item_text(p.item));
            if self.html() {
                let _ = writeln!(out, "<li>{}</li>", self.item_link(p.item, &text));
            } else {
                let _ = writeln!(out, "- {}", escape_markdown(&text));
            }
        }
        if self.html() {
            out.push_str("</ul>\n");
        }
        out.push('\n');
    }

    fn characters(&self, out: &mut String) {
        let counted: Vec<usize> = (0..self.outlines.len())
            .filter(|&c| self.outlines[c].counted)
            .collect();
        if counted.is_empty() {
            return;
        }
        self.heading(out, "字数");
        let columns = self.cfg.sections.len();
        let mut header: Vec<String> = vec!["章节".to_string()];
        header.extend(self.cfg.sections.iter().cloned());
        header.push("全章".to_string());
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
            out.push_str("<table class=\"report-progress report-progress-chars\">\n<caption>各章字数（不含代码、表格、图表与待办标记；“/”后为预算）</caption>\n<thead><tr>");
            for h in &header {
                let _ = write!(out, "<th scope=\"col\">{}</th>", escape_html(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for (c, cells) in &rows {
                let _ = write!(out, "<tr><th scope=\"row\">{}</th>", self.chapter_link(*c));
                for cell in cells {
                    match cell {
                        Some(count) if count.over().is_some() => {
                            let _ = write!(
                                out,
                                "<td class=\"report-num report-over\">{}</td>",
                                escape_html(&count.text())
                            );
                        }
                        Some(count) => {
                            let _ = write!(
                                out,
                                "<td class=\"report-num\">{}</td>",
                                escape_html(&count.text())
                            );
                        }
                        None if row_has_columns(*c) => {
                            out.push_str("<td class=\"report-num report-progress-missing\">—</td>")
                        }
                        None => out.push_str("<td></td>"),
                    }
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n<tfoot><tr><th scope=\"row\">合计</th>");
            for t in col_totals.iter().chain([&total]) {
                let _ = write!(out, "<td class=\"report-num\">{}</td>", number(*t));
            }
            out.push_str("</tr></tfoot>\n</table>\n\n");
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

    fn editorial(&self, out: &mut String) {
        if self.editorial.is_empty() {
            return;
        }
        self.heading(out, "编辑备注");
        self.paragraph(
            out,
            "report-progress-note",
            &format!(
                "共 {} 条写给合作者的备注。它们只在草稿中显示：发布版会删去，定稿构建时若还有备注则会失败。",
                self.editorial.len()
            ),
        );
        let items: Vec<&Placed> = self.editorial.iter().collect();
        self.list(out, &items);
    }
}

enum Cell<'a> {
    Done,
    Missing,
    Items(Vec<&'a PendingItem>),
    /// The 备注 column: items outside every recurring section, and the chapter's remarks.
    Notes(Vec<&'a PendingItem>, &'a [Remark]),
}

/// The only recurring section a note names, e.g. 现状 in 现状待整理.
fn named_column(cfg: &PendingConfig, note: &str) -> Option<usize> {
    let mut named = cfg
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| note.contains(s.as_str()));
    match (named.next(), named.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

fn markdown_row(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {cell} |");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests;
