//! What pulldown-cmark, with mdBook's own options, says about a chapter: where code and
//! comments are (nothing in them is interpreted), where markup is (link targets, HTML
//! tags), the headings and the list items.

use std::ops::Range;

use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};

use super::Heading;
use crate::text::LineIndex;

#[derive(Debug, Default)]
pub(super) struct Structure {
    /// Code spans, code blocks and HTML comments, sorted and merged.
    pub excluded: Vec<Range<usize>>,
    /// Markup that is not prose: HTML, link and image destinations, footnote labels.
    pub markup: Vec<Range<usize>>,
    /// Link and image destinations, autolinks and whole images: a placeholder there would
    /// expand to markup inside a URL or an `alt`.
    pub links: Vec<Range<usize>>,
    /// HTML tags (`<span title="…">`): a placeholder there would expand inside a tag.
    pub tags: Vec<Range<usize>>,
    pub headings: Vec<Heading>,
    pub items: Vec<Range<usize>>,
}

pub(super) fn structure(source: &str, options: &MarkdownOptions, lines: &LineIndex) -> Structure {
    let mut s = Structure::default();
    let mut current: Option<Heading> = None;
    for (event, range) in new_cmark_parser(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => s.excluded.push(range),
            Event::Code(ref code) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(code);
                }
                s.excluded.push(range);
            }
            Event::Start(Tag::Image { .. }) => {
                s.links.push(range.clone());
                s.markup.push(range);
            }
            Event::Start(Tag::Link { .. }) => {
                let text = &source[range.clone()];
                let target = if text.starts_with('<') {
                    Some(range.clone())
                } else {
                    text.rfind("](").map(|i| range.start + i..range.end)
                };
                if let Some(target) = target {
                    s.links.push(target.clone());
                    s.markup.push(target);
                }
            }
            Event::FootnoteReference(_) => s.markup.push(range),
            Event::Start(Tag::Item | Tag::DefinitionListDefinition) => s.items.push(range),
            Event::Start(Tag::FootnoteDefinition(_)) => {
                let label_end = source[range.clone()].find("]:").map_or(0, |i| i + 2);
                s.markup.push(range.start..range.start + label_end);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                s.markup.push(range.clone());
                s.tags.extend(tags(source, range.clone()));
                // HTML comments hide text from readers; one may run over several lines.
                let mut from = range.start;
                while let Some(open) = source[from..range.end].find("<!--") {
                    let open = from + open;
                    let close = source[open..]
                        .find("-->")
                        .map_or(source.len(), |i| open + i + 3);
                    s.excluded.push(open..close);
                    from = close.min(range.end);
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some(Heading {
                    level: level as u8,
                    text: String::new(),
                    span: range.clone(),
                    line: lines.line(range.start),
                });
            }
            Event::Text(ref text) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut h) = current.take() {
                    h.text = h.text.trim().to_string();
                    s.headings.push(h);
                }
            }
            _ => {}
        }
    }
    s.excluded = merged(std::mem::take(&mut s.excluded));
    s
}

/// Sorted ranges with nested and overlapping ones merged (a code span inside an excluded
/// HTML block, say).
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The tags (`<name …>`, `</name>`) in a stretch of HTML, quoted attribute values
/// included; comments are left to the caller.
fn tags(source: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let html = &source[range.clone()];
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let opens_tag = bytes[i] == b'<'
            && bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/');
        if !opens_tag {
            i += 1;
            continue;
        }
        let start = i;
        let mut quote = None;
        i += 1;
        while i < bytes.len() {
            match (quote, bytes[i]) {
                (None, b'"' | b'\'') => quote = Some(bytes[i]),
                (Some(q), b) if b == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            i += 1;
        }
        out.push(range.start + start..range.start + (i + 1).min(bytes.len()));
        i += 1;
    }
    out
}
