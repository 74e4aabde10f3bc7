//! Editions: which chapters a build shows, configured in `[output.report]`.
//!
//! The writer's guide and its demo data are for writers: draft builds (`mdbook serve`) show
//! them, publish and final builds leave them out. The preprocessor removes such chapters from
//! the book (so they are in no page, sidebar, search index or print.html); the companion
//! renderer ([`crate::render`]) removes the files under them from the HTML output.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::bail;
use mdbook_preprocessor::book::{Book, BookItem, SectionNumber};
use report_core::config::Mode;
use report_core::text::escape_html;
use serde::Deserialize;

/// The name of the companion renderer's table, `[output.report]`.
pub const RENDERER: &str = "report";

/// `[output.report]`: the editions of the report.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "kebab-case", deny_unknown_fields)]
pub struct EditionsConfig {
    /// Chapters and folders under the book's source folder that only draft builds show.
    pub draft_only: Vec<String>,
    /// Chapters and folders that the final release leaves out (publish builds keep them).
    pub not_in_final: Vec<String>,
    pub pdf: PdfConfig,
    // mdBook's own keys of an output table.
    command: Option<String>,
    optional: bool,
}

/// `[output.report.pdf]`: the PDF edition that `cargo xtask pdf` makes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "kebab-case", deny_unknown_fields)]
pub struct PdfConfig {
    /// The PDF's file name in the HTML output; no PDF edition (and no link to one) without it.
    pub file: Option<String>,
    /// The date on the cover; by default the date of the last commit that changed the book.
    pub date: Option<String>,
}

impl EditionsConfig {
    /// Reads `[output.report]` (empty when the book has none) and checks its paths against
    /// the source folder `src_dir`: a misspelt entry would otherwise publish what it meant to
    /// hide.
    pub fn load(
        config: &mdbook_preprocessor::config::Config,
        root: &Path,
        src_dir: &Path,
    ) -> anyhow::Result<Self> {
        let editions: EditionsConfig =
            crate::settings::output_table(config, root, RENDERER).map_err(anyhow::Error::msg)?;
        for (key, entries) in [
            ("draft-only", &editions.draft_only),
            ("not-in-final", &editions.not_in_final),
        ] {
            for entry in entries {
                let Some(path) = normalize(entry) else {
                    bail!(
                        "book.toml 的 [output.{RENDERER}] {key} 中的「{entry}」无效：应写 book/ 下的章节文件或文件夹的相对路径，例如 \"guide/\""
                    );
                };
                if !src_dir.join(&path).exists() {
                    bail!(
                        "book.toml 的 [output.{RENDERER}] {key} 中的「{entry}」在 book/ 下不存在：请检查拼写（路径相对于 book/，例如 \"guide/\"）"
                    );
                }
            }
        }
        if let Some(file) = &editions.pdf.file
            && !is_plain_file_name(file)
        {
            bail!(
                "book.toml 的 [output.{RENDERER}.pdf] file =「{file}」无效：应是不含路径的文件名，例如 \"report.pdf\""
            );
        }
        Ok(editions)
    }

    /// The paths (under the source folder, `/`-separated, no trailing `/`) that a build in
    /// `mode` leaves out.
    pub fn left_out(&self, mode: Mode) -> Vec<String> {
        let lists: &[&Vec<String>] = match mode {
            Mode::Draft => &[],
            Mode::Publish => &[&self.draft_only],
            Mode::Final => &[&self.draft_only, &self.not_in_final],
        };
        lists
            .iter()
            .flat_map(|list| list.iter())
            .filter_map(|entry| normalize(entry))
            .collect()
    }
}

/// `guide/`, `./guide`, `guide\data.md` → `guide`, `guide/data.md`; `None` for paths that are
/// absolute, empty or climb out with `..`.
pub fn normalize(entry: &str) -> Option<String> {
    let entry = entry.trim().replace('\\', "/");
    let mut parts = Vec::new();
    for part in entry.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            part => parts.push(part),
        }
    }
    if parts.is_empty() || entry.starts_with('/') || parts[0].contains(':') {
        return None;
    }
    Some(parts.join("/"))
}

fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\', ':']) && name != "." && name != ".."
}

/// Whether `path` (a chapter's source path or an output file, `/`-separated) is `entry` or
/// lies under it.
pub fn covers(entry: &str, path: &str) -> bool {
    path == entry
        || path
            .strip_prefix(entry)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Removes the chapters under `left_out` from the book, with their sub-chapters, and tidies
/// what that leaves: part titles with no numbered chapter left, doubled or dangling
/// separators, gaps in the chapter numbers. Returns the removed chapters' source paths.
pub fn leave_out(book: &mut Book, left_out: &[String]) -> Vec<String> {
    let mut removed = Vec::new();
    if left_out.is_empty() {
        return removed;
    }
    remove_chapters(&mut book.items, left_out, &mut removed);
    if removed.is_empty() {
        return removed;
    }
    drop_empty_parts(&mut book.items);
    drop_stray_separators(&mut book.items);
    renumber(&mut book.items, &[]);
    removed
}

fn remove_chapters(items: &mut Vec<BookItem>, left_out: &[String], removed: &mut Vec<String>) {
    items.retain_mut(|item| {
        let BookItem::Chapter(chapter) = item else {
            return true;
        };
        let path = chapter
            .source_path
            .as_ref()
            .map(|path| path.to_string_lossy().replace('\\', "/"));
        if let Some(path) = path
            && left_out.iter().any(|entry| covers(entry, &path))
        {
            removed.push(path);
            for sub in chapter.sub_items.iter() {
                collect_paths(sub, removed);
            }
            return false;
        }
        remove_chapters(&mut chapter.sub_items, left_out, removed);
        true
    });
}

fn collect_paths(item: &BookItem, out: &mut Vec<String>) {
    if let BookItem::Chapter(chapter) = item {
        if let Some(path) = &chapter.source_path {
            out.push(path.to_string_lossy().replace('\\', "/"));
        }
        for sub in &chapter.sub_items {
            collect_paths(sub, out);
        }
    }
}

/// A part title stays while a numbered chapter follows it before the next part title.
fn drop_empty_parts(items: &mut Vec<BookItem>) {
    let keep: Vec<bool> = (0..items.len())
        .map(|i| match items[i] {
            BookItem::PartTitle(_) => items[i + 1..]
                .iter()
                .take_while(|item| !matches!(item, BookItem::PartTitle(_)))
                .any(|item| matches!(item, BookItem::Chapter(ch) if ch.number.is_some())),
            _ => true,
        })
        .collect();
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(true));
}

/// No separator first, last, or right after another one.
fn drop_stray_separators(items: &mut Vec<BookItem>) {
    let mut kept: Vec<BookItem> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        let separator = matches!(item, BookItem::Separator);
        if separator
            && kept
                .last()
                .is_none_or(|last| matches!(last, BookItem::Separator))
        {
            continue;
        }
        kept.push(item);
    }
    while matches!(kept.last(), Some(BookItem::Separator)) {
        kept.pop();
    }
    *items = kept;
}

/// Numbers the numbered chapters again, 1, 2, 3 … at each level (mdBook numbers
/// continuously across parts), so that leaving a chapter out leaves no gap.
fn renumber(items: &mut [BookItem], parent: &[u32]) {
    let mut next = 1;
    for item in items {
        let BookItem::Chapter(chapter) = item else {
            continue;
        };
        if chapter.number.is_none() {
            continue;
        }
        let mut number = parent.to_vec();
        number.push(next);
        next += 1;
        renumber(&mut chapter.sub_items, &number);
        chapter.number = Some(SectionNumber::new(number));
    }
}

/// The log line that says what a build left out.
pub fn log_line(mode: Mode, removed: &[String], src: &str) -> String {
    let mut line = String::new();
    if !removed.is_empty() {
        let files: Vec<String> = removed.iter().map(|path| format!("{src}/{path}")).collect();
        let _ = writeln!(
            line,
            "[report] {} 构建不含 {} 个仅限写作时显示的章节（book.toml [output.{RENDERER}]）：{}",
            mode.name(),
            removed.len(),
            files.join("、")
        );
    }
    line
}

/// In publish and final builds, a line under the first chapter's title that links the PDF
/// edition (the HTML target only: other renderers have no PDF beside them).
pub fn link_pdf(book: &mut Book, pdf: &PdfConfig, title: &str) {
    let Some(file) = &pdf.file else {
        return;
    };
    let Some(BookItem::Chapter(first)) = book
        .items
        .iter_mut()
        .find(|item| matches!(item, BookItem::Chapter(ch) if ch.path.is_some()))
    else {
        return;
    };
    let depth = first
        .path
        .as_ref()
        .map_or(0, |path| path.components().count().saturating_sub(1));
    let href = format!("{}{}", "../".repeat(depth), percent_encode(file));
    let link = format!(
        "<p class=\"report-pdf-link\"><a href=\"{}\" download=\"{}.pdf\">下载本报告PDF版（A4）</a></p>",
        escape_html(&href),
        escape_html(title)
    );
    let content = &first.content;
    // After the title when the chapter opens with one, so the page still starts with it.
    let at = if content.starts_with("# ") {
        content.find('\n').map_or(content.len(), |end| end + 1)
    } else {
        0
    };
    first.content = format!("{}\n{link}\n\n{}", &content[..at], &content[at..]);
}

fn percent_encode(file: &str) -> String {
    let mut out = String::new();
    for byte in file.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests;
