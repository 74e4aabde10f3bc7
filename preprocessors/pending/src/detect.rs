//! Turns a chapter's pending marks and empty sections into callouts and pending items.

use std::collections::BTreeMap;

use report_core::callout;
use report_core::config::{ReportConfig, Target};
use report_core::edit::{Edit, in_container};
use report_core::kind::Kind;
use report_core::pending::{PendingItem, PendingKind, anchor_at};

use crate::marks::{Mark, line_prefix, marks};
use crate::outline::section_title;
use crate::remark;
use crate::{Chapter, Found, PendingConfig};

/// Finds the pending work in one chapter and says how its page should show it.
///
/// - Markers and notes become callouts at their place: a block when alone on a line (after
///   nothing but indentation or `>`, as the scanner decides for placeholders), a badge
///   inside a sentence. A block repeats its line's container prefix on every line, so it
///   stays in its list item or quote. A note or marker written in a heading is taken out of
///   the heading, so its id and the table of contents stay clean, and its callout is placed
///   right after the heading (repeating the heading line's `>` and indentation).
/// - Editorial notes are callouts in draft builds; in publish builds they leave the page
///   without a trace and are listed in [`Found::removed`] (for the build log, not the
///   progress page); in final builds they are callouts and items, for the orchestrator to
///   fail on.
/// - An empty section (see [`empty_sections`]) gets a callout after its heading.
///
/// Every item's `line` is the writer's line in the original source.
pub fn detect(
    cfg: &PendingConfig,
    report: &ReportConfig,
    target: Target,
    chapter: &Chapter,
) -> Found {
    detect_marks(cfg, report, target, chapter, &marks(cfg, chapter))
}

/// [`detect`] with the chapter's marks already found.
pub(crate) fn detect_marks(
    cfg: &PendingConfig,
    report: &ReportConfig,
    target: Target,
    chapter: &Chapter,
    marks: &[Mark],
) -> Found {
    let keep_editorial = report.shows_editorial() || report.pending_fails();
    let mut found = Found::default();
    // Callouts that go after a heading line, by heading index, in source order.
    let mut after_heading: BTreeMap<usize, String> = BTreeMap::new();
    for mark in marks {
        let item = item(chapter, mark.span.start, mark.kind, &mark.note);
        if mark.kind == PendingKind::Editorial && !keep_editorial {
            found.edits.push(Edit::new(mark.span.clone(), ""));
            found.removed.push(item);
            continue;
        }
        match mark.heading {
            Some(h) => {
                found.edits.push(Edit::new(mark.span.clone(), ""));
                after_heading
                    .entry(h)
                    .or_default()
                    .push_str(&render(target, &item, true));
            }
            None => found.edits.push(Edit::new(
                mark.span.clone(),
                in_container(&render(target, &item, mark.block), &mark.prefix),
            )),
        }
        found.items.push(item);
    }

    if cfg.empty_sections {
        for h in empty_sections(chapter, marks) {
            let heading = &chapter.scan.headings[h];
            let title = section_title(chapter, marks, h);
            let item = item(
                chapter,
                heading.span.start,
                PendingKind::EmptySection,
                &format!("「{title}」尚无正文"),
            );
            after_heading
                .entry(h)
                .or_default()
                .push_str(&render(target, &item, true));
            found.items.push(item);
        }
    }

    let (edits, errors) = remark::edits(target, chapter);
    found.edits.extend(edits);
    found.errors.extend(errors);

    for (h, text) in after_heading {
        let span = &chapter.scan.headings[h].span;
        let at = heading_line_end(chapter.source, span);
        let prefix = line_prefix(chapter.source, span.start);
        found
            .edits
            .push(Edit::new(at..at, in_container(&text, prefix)));
    }
    found.items.sort_by_key(|i| (i.line, offset(&i.anchor)));
    found
}

fn item(chapter: &Chapter, offset: usize, kind: PendingKind, note: &str) -> PendingItem {
    PendingItem {
        file: chapter.file.to_string(),
        chapter: chapter.path.to_string(),
        line: chapter.scan.line(offset),
        kind,
        note: note.to_string(),
        anchor: anchor_at(offset),
        cells: Vec::new(),
        shown_in: "",
    }
}

fn offset(anchor: &str) -> usize {
    anchor
        .rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn render(target: Target, item: &PendingItem, block: bool) -> String {
    if item.kind == PendingKind::Editorial {
        callout::editorial(target, &item.note, &item.anchor, block)
    } else {
        callout::pending(target, item.kind.label(), &item.note, &item.anchor, block)
    }
}

/// Headings whose section has no body: the next heading is of the same or a higher level
/// (or there is none), and between them there is nothing but white space, HTML comments
/// and `{{#remark}}`s (which print nothing). A heading followed by a sub-heading is not empty: its sub-sections are its
/// body, and each of them is judged on its own. A heading that already carries a pending
/// note is not reported twice.
pub(crate) fn empty_sections(chapter: &Chapter, marks: &[Mark]) -> Vec<usize> {
    let source = chapter.source;
    let headings = &chapter.scan.headings;
    let mut empty = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let next = headings.get(i + 1);
        if next.is_some_and(|n| n.level > h.level) {
            continue;
        }
        if marks.iter().any(|m| m.heading == Some(i)) {
            continue;
        }
        let body_start = heading_line_end(source, &h.span);
        let body_end = next.map_or(source.len(), |n| n.span.start).max(body_start);
        let remarks = chapter.scan.placeholders.iter().filter(|p| {
            p.kind == Kind::Remark && body_start <= p.span.start && p.span.end <= body_end
        });
        let mut pos = body_start;
        let mut blank = true;
        for r in remarks {
            blank &= is_blank(&source[pos..r.span.start]);
            pos = r.span.end;
        }
        if blank && is_blank(&source[pos..body_end]) {
            empty.push(i);
        }
    }
    empty
}

/// Whether `text` holds nothing but white space and HTML comments.
fn is_blank(text: &str) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find("<!--") {
        if !rest[..open].trim().is_empty() {
            return false;
        }
        rest = match rest[open..].find("-->") {
            Some(close) => &rest[open + close + 3..],
            None => "",
        };
    }
    rest.trim().is_empty()
}

/// Where the heading's last line ends (before its line break): callouts go there.
pub(crate) fn heading_line_end(source: &str, span: &std::ops::Range<usize>) -> usize {
    let content = source[span.clone()].trim_end_matches(['\n', '\r']);
    let last = span.start + content.len();
    let end = source[last..].find('\n').map_or(source.len(), |i| last + i);
    if end > 0 && source.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests;
