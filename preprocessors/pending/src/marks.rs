//! Finds the pending marks written in a chapter: `{{#pending}}` markers, bracketed notes and
//! editorial notes, each with its byte span in the original source.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use report_core::kind::Kind;
use report_core::pending::PendingKind;

use crate::{Chapter, PendingConfig};

/// A `{{#pending ...}}` written inside heading text (as pulldown-cmark reports it).
pub(crate) static PENDING_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{#pending(?:\s(?:[^}]|\}[^}])*)?\}\}").unwrap());

/// What a writer sees when a `{{#pending}}` marker says nothing.
pub(crate) const UNSPECIFIED: &str = "未写明待办内容";

/// One mark in a chapter's source.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    pub span: Range<usize>,
    /// [`PendingKind::Marker`], [`PendingKind::Note`] or [`PendingKind::Editorial`].
    pub kind: PendingKind,
    pub note: String,
    /// Index into `scan.headings` when the mark is written in a heading.
    pub heading: Option<usize>,
    /// The mark stands alone on its line, so it becomes a block: the same rule as the
    /// scanner's [`Placeholder::block`](report_core::scan::Placeholder::block).
    pub block: bool,
    /// For a block, what precedes it on its line (list indentation, `> ` of a quote),
    /// which every line of its callout repeats.
    pub prefix: String,
}

#[cfg(test)]
thread_local! {
    /// How often [`marks`] ran on this thread: [`crate::analyze`] runs it once a chapter.
    pub(crate) static CALLS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Every mark in `chapter`, in source order, none overlapping another. Nothing in code,
/// HTML comments, other placeholders or escaped placeholders counts.
pub(crate) fn marks(cfg: &PendingConfig, chapter: &Chapter) -> Vec<Mark> {
    #[cfg(test)]
    CALLS.with(|c| c.set(c.get() + 1));
    let source = chapter.source;
    let scan = chapter.scan;
    let mut protected: Vec<Range<usize>> = scan
        .placeholders
        .iter()
        .filter(|p| p.kind != Kind::Pending)
        .map(|p| p.span.clone())
        .collect();
    protected.extend(scan.escapes.iter().map(|e| {
        let end = source[e.end..]
            .find("}}")
            .map_or(source.len(), |i| e.end + i + 2);
        e.start..end
    }));
    protected.sort_by_key(|r| r.start);

    // (span, kind, note, where the scanner saw a block)
    type Found<'a> = (Range<usize>, PendingKind, String, Option<(bool, &'a str)>);
    let mut found: Vec<Found> = scan
        .placeholders
        .iter()
        .filter(|p| p.kind == Kind::Pending)
        .map(|p| {
            let note = unquote(&p.args);
            let note = if note.is_empty() { UNSPECIFIED } else { note };
            let block = Some((p.block, p.prefix.as_str()));
            (p.span.clone(), PendingKind::Marker, note.to_string(), block)
        })
        .collect();
    let patterns = cfg
        .notes
        .iter()
        .map(|re| (re, PendingKind::Note))
        .chain(cfg.editorial.iter().map(|re| (re, PendingKind::Editorial)));
    for (re, kind) in patterns {
        for cap in re.captures_iter(source) {
            let m = cap.name("note").unwrap_or_else(|| cap.get(0).unwrap());
            let span = m.range();
            if span.is_empty() || overlaps(&scan.excluded, &span) || overlaps(&protected, &span) {
                continue;
            }
            found.push((span, kind, strip_brackets(m.as_str()).to_string(), None));
        }
    }
    // The outermost (earliest, then longest) mark wins: 【待补充数据】 is one note, not a
    // note with a bare 待补充 inside.
    found.sort_by_key(|(span, kind, ..)| (span.start, std::cmp::Reverse(span.end), *kind));
    let mut marks: Vec<Mark> = Vec::with_capacity(found.len());
    for (span, kind, note, scanned) in found {
        if marks.last().is_some_and(|m| span.start < m.span.end) {
            continue;
        }
        let heading = heading_at(chapter, span.start);
        let (block, prefix) = match scanned {
            Some((block, prefix)) => (block, prefix),
            None => alone_on_line(source, &span),
        };
        let block = block && heading.is_none();
        marks.push(Mark {
            span,
            kind,
            note,
            heading,
            block,
            prefix: if block {
                prefix.to_string()
            } else {
                String::new()
            },
        });
    }
    marks
}

/// Whether `span` overlaps any of `ranges` (sorted by start, not overlapping each other).
fn overlaps(ranges: &[Range<usize>], span: &Range<usize>) -> bool {
    let i = ranges.partition_point(|r| r.end <= span.start);
    ranges.get(i).is_some_and(|r| r.start < span.end)
}

fn heading_at(chapter: &Chapter, pos: usize) -> Option<usize> {
    let headings = &chapter.scan.headings;
    let i = headings.partition_point(|h| h.span.end <= pos);
    headings.get(i).filter(|h| h.span.start <= pos).map(|_| i)
}

/// Whether `span` stands alone on its line, by the scanner's rule (only spaces, tabs and
/// `>` before it, only white space after it), and what precedes it.
fn alone_on_line<'a>(source: &'a str, span: &Range<usize>) -> (bool, &'a str) {
    let start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |i| span.end + i);
    let before = &source[start..span.start];
    let alone = before.chars().all(is_container_mark) && source[span.end..end].trim().is_empty();
    (alone, before)
}

/// The container prefix of the line that holds byte `pos`: its leading spaces, tabs and
/// `>`, as the scanner computes a block placeholder's prefix. A callout inserted after
/// that line repeats it to stay in the same list item or quote.
pub(crate) fn line_prefix(source: &str, pos: usize) -> &str {
    let start = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line = &source[start..];
    let len = line
        .find(|c: char| !is_container_mark(c))
        .unwrap_or(line.len());
    &line[..len]
}

fn is_container_mark(c: char) -> bool {
    matches!(c, ' ' | '\t' | '>')
}

/// A marker's note without the quotes a writer may put around it.
pub(crate) fn unquote(args: &str) -> &str {
    let args = args.trim();
    for (open, close) in [('"', '"'), ('“', '”')] {
        if let Some(inner) = args.strip_prefix(open).and_then(|a| a.strip_suffix(close)) {
            return inner.trim();
        }
    }
    args
}

/// The note without its outer brackets: 【现状待整理】 → 现状待整理.
pub(crate) fn strip_brackets(text: &str) -> &str {
    for (open, close) in [('【', '】'), ('[', ']'), ('〔', '〕')] {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            return inner.trim();
        }
    }
    // Parentheses, full-width or ASCII or mixed, as writers type them.
    if let Some(inner) = text
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
    {
        return inner.trim();
    }
    text.trim()
}

#[cfg(test)]
mod tests;
