//! A chapter's sections: their heading trail, line range, character count and the
//! recurring section (现状 / 挑战 / 政策) each belongs to.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use report_core::kind::Kind;
use report_core::text::is_counted;

use crate::marks::{Mark, marks};
use crate::remark::{self, Remark};
use crate::{Chapter, PendingConfig};

/// What the progress page and the build log need to know about one chapter.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The chapter as the writer knows it, e.g. `book/trade.md`.
    pub file: String,
    /// Its source path in the book, e.g. `trade.md`.
    pub path: String,
    /// Its title in SUMMARY.md.
    pub name: String,
    /// Every heading's section, in source order.
    pub sections: Vec<Section>,
    /// Characters in the whole chapter (see [`outline`] for what counts).
    pub chars: usize,
    /// False for chapters listed in `uncounted` and for the page that holds
    /// `{{#progress}}`: they are left out of the character counts.
    pub counted: bool,
    /// The chapter's `{{#remark}}`s, for the progress page's 备注 column.
    pub remarks: Vec<Remark>,
}

/// The part of a chapter under one heading, down to the next heading of the same or a
/// higher level.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub level: u8,
    /// The heading as readers see it: placeholders, pending and editorial notes removed.
    pub title: String,
    /// Line of the heading.
    pub line: usize,
    /// Last line of the section, sub-sections included.
    pub end_line: usize,
    /// Characters in the section, its heading and sub-sections included.
    pub chars: usize,
    /// Titles from the outermost enclosing section down to this one. The chapter's title
    /// heading is left out: the chapter's name stands for it.
    pub trail: Vec<String>,
    /// The recurring section (an index into `sections` of the config) this section is, or
    /// lies in: the outermost heading whose title contains one of the words decides.
    pub column: Option<usize>,
    /// Whether this is the outermost section of its column.
    pub column_root: bool,
    /// Whether this is the chapter's title heading: its first heading, when every other
    /// heading is of a lower level.
    pub is_title: bool,
}

/// Builds the outline of one chapter, once per build.
///
/// Characters are counted as a Chinese editor counts 字数 (`count_chars`): CJK characters,
/// full-width punctuation, letters and digits. Not counted: code, HTML comments, HTML
/// tags, link targets, heading ids, list numbers, placeholders (a table is not prose) and
/// pending or editorial notes.
pub fn outline(cfg: &PendingConfig, chapter: &Chapter) -> Outline {
    outline_marks(cfg, chapter, &marks(cfg, chapter))
}

/// [`outline`] with the chapter's marks already found.
pub(crate) fn outline_marks(cfg: &PendingConfig, chapter: &Chapter, marks: &[Mark]) -> Outline {
    let per_line = line_chars(chapter, marks);
    let mut prefix = Vec::with_capacity(per_line.len() + 1);
    prefix.push(0);
    for n in &per_line {
        prefix.push(prefix.last().unwrap() + n);
    }
    let last_line = per_line.len();
    let chars_in = |from: usize, to: usize| prefix[to.min(last_line)] - prefix[from - 1];

    let headings = &chapter.scan.headings;
    let has_title = headings
        .first()
        .is_some_and(|first| headings[1..].iter().all(|h| h.level > first.level));
    let mut sections: Vec<Section> = Vec::with_capacity(headings.len());
    // Indices of the enclosing sections.
    let mut stack: Vec<usize> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        while stack.last().is_some_and(|&p| sections[p].level >= h.level) {
            stack.pop();
        }
        let parent = stack.last().map(|&p| &sections[p]);
        let is_title = i == 0 && has_title;
        let title = section_title(chapter, marks, i);
        let mut trail = parent.map_or_else(Vec::new, |p| p.trail.clone());
        if !is_title {
            trail.push(title.clone());
        }
        let inherited = parent.and_then(|p| p.column);
        let column = inherited.or_else(|| (!is_title).then(|| cfg.column_of(&title)).flatten());
        let end_line = headings[i + 1..]
            .iter()
            .find(|n| n.level <= h.level)
            .map_or(last_line, |n| n.line - 1);
        sections.push(Section {
            level: h.level,
            title,
            line: h.line,
            end_line,
            chars: chars_in(h.line, end_line),
            trail,
            column,
            column_root: column.is_some() && inherited.is_none(),
            is_title,
        });
        stack.push(i);
    }

    let counted = !chapter
        .scan
        .placeholders
        .iter()
        .any(|p| p.kind == Kind::Progress)
        && !cfg.uncounted.iter().any(|u| {
            u == chapter.path
                || u == chapter.name
                || (u.ends_with('/') && chapter.path.starts_with(u.as_str()))
        });
    Outline {
        file: chapter.file.to_string(),
        path: chapter.path.to_string(),
        name: chapter.name.to_string(),
        sections,
        chars: prefix[last_line],
        counted,
        remarks: remark::remarks(chapter),
    }
}

/// Heading `h` of `chapter` as readers see it in the table of contents: its text without the
/// placeholders (`{{#value …}}`, `{{#pending …}}`, …) and the pending and editorial notes
/// written in it, white space collapsed. Only what the scanner found is removed, so a
/// placeholder quoted in code or escaped (`` `{{#table}}` ``) stays in the title.
pub(crate) fn section_title(chapter: &Chapter, marks: &[Mark], h: usize) -> String {
    let scan = chapter.scan;
    let heading = &scan.headings[h];
    let within =
        |span: &Range<usize>| heading.span.start <= span.start && span.end <= heading.span.end;
    let placeholders = scan.directive_spans();
    let notes = marks
        .iter()
        .filter(|m| m.heading == Some(h))
        .map(|m| &m.span);
    let mut title = heading.text.clone();
    for span in placeholders.chain(notes).filter(|s| within(s)) {
        title = title.replacen(&chapter.source[span.clone()], "", 1);
    }
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where `line` lies, as the chapter's name and the trail of headings above it:
/// `贸易合作 › 现状 › 药械产品进出口`.
pub fn section_path(outline: &Outline, line: usize) -> String {
    let i = outline.sections.partition_point(|s| s.line <= line);
    let mut path = outline.name.clone();
    if let Some(section) = i.checked_sub(1).map(|i| &outline.sections[i]) {
        for title in &section.trail {
            path.push_str(" › ");
            path.push_str(title);
        }
    }
    path
}

/// The section that holds `line`, if any heading comes before it.
pub(crate) fn section_at(outline: &Outline, line: usize) -> Option<&Section> {
    let i = outline.sections.partition_point(|s| s.line <= line);
    i.checked_sub(1).map(|i| &outline.sections[i])
}

/// Markdown and HTML syntax that holds letters a reader does not read as text.
static SYNTAX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"\]\([^()\s]*(?:\([^()\s]*\))?[^()\s]*(?:\s+"[^"]*")?\)"#, // link targets
        r"|\]\[[^\]\n]*\]",                                          // reference links
        r"|(?m:^\s{0,3}\[[^\]\n]+\]:.*$)",                           // link definitions
        r"|</?[A-Za-z][^<>]*>",                                      // HTML tags
        r"|\{[#.][^}\n]*\}",                                         // heading ids
        r"|(?m:^\s*\d+[.)]\s)",                                      // list numbers
    ))
    .unwrap()
});

/// Characters per line (index 0 is line 1).
fn line_chars(chapter: &Chapter, marks: &[Mark]) -> Vec<usize> {
    let source = chapter.source;
    let mut removed: Vec<Range<usize>> = chapter.scan.excluded.clone();
    removed.extend(chapter.scan.placeholders.iter().map(|p| p.span.clone()));
    removed.extend(marks.iter().map(|m| m.span.clone()));
    removed.extend(SYNTAX.find_iter(source).map(|m| m.range()));
    removed.sort_by_key(|r| r.start);

    let mut counts = vec![0; source.matches('\n').count() + 1];
    let mut line = 0;
    let mut skip = removed.iter().peekable();
    let mut skip_until = 0;
    for (pos, c) in source.char_indices() {
        if c == '\n' {
            line += 1;
            continue;
        }
        while let Some(r) = skip.next_if(|r| r.start <= pos) {
            skip_until = skip_until.max(r.end);
        }
        if pos < skip_until {
            continue;
        }
        counts[line] += usize::from(is_counted(c));
    }
    counts
}

#[cfg(test)]
mod tests;
