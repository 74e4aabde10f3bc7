//! The generated progress page (`{{#progress}}`) and the build log's list of pending work.

mod budgets;
mod characters;
mod completion;
mod entries;
mod table;

use std::fmt::Write;

use report_core::config::{Mode, Target};
use report_core::format::{Grouping, format_number};
use report_core::pending::{PendingItem, PendingKind};
use report_core::text::{escape_html, escape_markdown, page_href};

use crate::outline::{Outline, section_at, section_path};
use crate::{PendingConfig, Remark};
use budgets::Budgets;
use entries::{Entry, entries};

/// What `{{#progress}}` expands to, for a page at the book's root.
///
/// - A summary line: how many entries of each kind, how many counts over budget.
/// - 完成情况 ([`completion`]): one row per chapter that has at least one recurring
///   section (现状 / 挑战 / 政策), one column per recurring section plus 备注.
/// - 其他章节的待办 and 其他章节的备注: entries and remarks of chapters without a row.
/// - 字数 ([`characters`]): characters per chapter and recurring section, against the
///   `budgets`; budgets for other sections, and budgets that match nothing, below it.
/// - 编辑备注: notes to co-authors, when there are any (draft builds only).
///
/// Everywhere on the page a missing data cell is one entry however many placeholders show
/// it ([`entries`]). Status is said in words (已完成, 本章无此节), never by an emoji that
/// needs a font the reader may not have; in HTML every cell also carries its column's name,
/// which `assets/progress.css` shows when a narrow screen turns each row into a block.
pub fn progress_page(
    cfg: &PendingConfig,
    outlines: &[Outline],
    items: &[PendingItem],
    target: Target,
    mode: Mode,
) -> String {
    let page = Page::new(cfg, outlines, items, target, mode);
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

struct Page<'a> {
    cfg: &'a PendingConfig,
    outlines: &'a [Outline],
    target: Target,
    /// Readers of the published site see which figure is missing, writers also where.
    mode: Mode,
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
        mode: Mode,
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
            mode,
            placed,
            editorial,
            rows,
            budgets: Budgets::resolve(cfg, outlines),
        }
    }

    fn html(&self) -> bool {
        self.target == Target::Html
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

    /// `text` escaped for the target.
    fn escape(&self, text: &str) -> String {
        if self.html() {
            escape_html(text)
        } else {
            escape_markdown(text)
        }
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
        let entries = entries(self.placed.iter().map(|p| p.item));
        let mut text = if entries.is_empty() {
            "全书暂无待办事项。".to_string()
        } else {
            let mut by_kind: Vec<PendingKind> = entries.iter().map(Entry::kind).collect();
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
            format!("全书共有 {} 项待办：{}。", entries.len(), parts.join("，"))
        };
        let over = self.over_budget();
        if over > 0 {
            let _ = write!(text, "有 {over} 处超出字数预算。");
        }
        if self.html() && !entries.is_empty() {
            text.push_str("点击条目可跳到它在正文中的位置。");
        }
        self.paragraph(out, "report-progress-summary", &text);
    }

    fn has_column(&self, c: usize, col: usize) -> bool {
        self.outlines[c]
            .sections
            .iter()
            .any(|s| s.column_root && s.column == Some(col))
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
        self.other_chapters_heading(out, "待办");
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
        self.other_chapters_heading(out, "备注");
        let remarks = rest.into_iter().map(|(c, remark)| {
            let section = section_path(&self.outlines[c], remark.line);
            let text = format!(
                "{}：{}",
                self.chapter_link_text(c, &section),
                self.escape(&remark.text)
            );
            ("report-progress-remark", text)
        });
        self.bullet_list(out, remarks);
    }

    /// The heading over what chapters without a row hold; when no chapter has a row, these
    /// are all chapters, and the heading says just `what`.
    fn other_chapters_heading(&self, out: &mut String, what: &str) {
        if self.rows.is_empty() {
            self.heading(out, what);
        } else {
            self.heading(out, &format!("其他章节的{what}"));
        }
    }

    /// A list of entries in book order, each with the section path of its first place.
    fn list(&self, out: &mut String, items: &[&Placed]) {
        let lines = entries(items.iter().map(|p| p.item))
            .into_iter()
            .map(|entry| {
                let first = entry.first();
                let section = match chapter_of(self.outlines, first) {
                    Some(c) => section_path(&self.outlines[c], first.line),
                    None => first.chapter.clone(),
                };
                ("", self.entry(&entry, &format!("{section}：")))
            });
        self.bullet_list(out, lines);
    }

    /// A bulleted list of lines already written for the target, each styled by its class
    /// (none if empty) in HTML; nothing at all when there are no lines.
    fn bullet_list<'c>(&self, out: &mut String, lines: impl Iterator<Item = (&'c str, String)>) {
        let lines: Vec<_> = lines.collect();
        if lines.is_empty() {
            return;
        }
        if self.html() {
            out.push_str("<ul class=\"report-progress-list\">\n");
            for (class, text) in lines {
                if class.is_empty() {
                    let _ = writeln!(out, "<li>{text}</li>");
                } else {
                    let _ = writeln!(out, "<li class=\"{class}\">{text}</li>");
                }
            }
            out.push_str("</ul>\n");
        } else {
            for (_, text) in lines {
                let _ = writeln!(out, "- {text}");
            }
        }
        out.push('\n');
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

/// A cell's column name, shown only when a narrow screen lays each row out as a block.
fn column_label(name: &str) -> String {
    format!(
        "<span class=\"report-progress-col\">{}</span>",
        escape_html(name)
    )
}

#[cfg(test)]
mod tests;
