//! Finds placeholders, escapes and headings in a chapter's Markdown.
//!
//! Markdown is parsed with pulldown-cmark only to learn where code and HTML comments are;
//! placeholders are then found in the raw source outside those ranges, so that every
//! replacement can be spliced back by byte span and the rest of the file stays untouched.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::kind::{Kind, Layout};
use crate::text::LineIndex;

/// One `{{#name args}}` of a kind the report expands.
#[derive(Debug, Clone, PartialEq)]
pub struct Placeholder {
    pub kind: Kind,
    /// The name as written (the kind's name).
    pub name: String,
    /// Everything between the name and the closing braces, trimmed.
    pub args: String,
    /// Byte span of the whole placeholder in the chapter source.
    pub span: Range<usize>,
    /// 1-based line of the opening braces.
    pub line: usize,
    /// True when the placeholder stands alone on its line, so it may expand to a block.
    pub block: bool,
    /// For a block placeholder, what precedes it on its line: indentation inside a list
    /// item, `> ` inside a blockquote. Every line of a block replacement repeats it (see
    /// [`crate::edit::in_container`]), so the block stays inside its container.
    pub prefix: String,
}

impl Placeholder {
    /// Why the placeholder cannot stand where it is written: a block kind (a table, a
    /// chart) inside a sentence.
    pub fn misplaced(&self) -> Option<String> {
        (self.kind.spec().layout == Layout::Block && !self.block).then(|| {
            format!(
                "{{{{#{}}}}} 必须单独占一行（前后空行），不能写在句子中间",
                self.name
            )
        })
    }
}

/// A `{{#name args}}` of a kind the report does not expand: mdBook's own or a typo.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub name: String,
    pub args: String,
    pub span: Range<usize>,
    pub line: usize,
    pub block: bool,
    pub prefix: String,
}

/// `{{#name` of one of our placeholders without `}}` on the same line.
#[derive(Debug, Clone, PartialEq)]
pub struct Unclosed {
    pub name: String,
    pub offset: usize,
    pub line: usize,
}

/// The placeholders mdBook itself expands (in its `links` preprocessor, after ours).
pub const MDBOOK_NAMES: &[&str] = &[
    "include",
    "rustdoc_include",
    "playground",
    "playpen",
    "title",
];

/// A Markdown heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    /// The heading's plain text (inline markup removed).
    pub text: String,
    /// Byte span of the whole heading, including its `#` marks.
    pub span: Range<usize>,
    pub line: usize,
}

/// What a chapter holds, as far as the preprocessors care.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub placeholders: Vec<Placeholder>,
    /// Byte spans of the backslashes of escaped placeholders (`\{{#...}}`): removing them
    /// leaves the placeholder text as written.
    pub escapes: Vec<Range<usize>>,
    pub headings: Vec<Heading>,
    /// Code spans, code blocks and HTML comments: nothing in them is ever interpreted.
    pub excluded: Vec<Range<usize>>,
    /// Markup that is not prose: HTML tags, link and image destinations, footnote labels.
    pub markup: Vec<Range<usize>>,
    pub lines: Option<LineIndex>,
    /// Our placeholders left open: the text after them would otherwise vanish into them.
    pub unclosed: Vec<Unclosed>,
    /// `{{#name …}}` with a name that is neither ours nor mdBook's: most likely a typo.
    pub unknown: Vec<Written>,
    /// `{{#include …}}` and `{{#rustdoc_include …}}`, whose files mdBook splices in after
    /// this preprocessor has run.
    pub includes: Vec<Written>,
}

/// A placeholder is written on one line: a missing `}}` must not swallow the paragraphs
/// that follow it.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\\?)\{\{#([A-Za-z][A-Za-z0-9_-]*)((?:[^}\n]|\}[^}\n])*)\}\}").unwrap()
});

static OPENING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\\?)\{\{#([A-Za-z][A-Za-z0-9_-]*)").unwrap());

impl Scan {
    /// Whether byte `pos` lies in code or an HTML comment.
    pub fn is_excluded(&self, pos: usize) -> bool {
        let i = self.excluded.partition_point(|r| r.end <= pos);
        self.excluded.get(i).is_some_and(|r| r.start <= pos)
    }

    /// Whether byte `pos` lies in markup rather than prose (a URL, an HTML attribute).
    pub fn is_markup(&self, pos: usize) -> bool {
        self.markup.iter().any(|r| r.contains(&pos))
    }

    /// The placeholder whose span holds byte `pos`, if any.
    pub fn placeholder_at(&self, pos: usize) -> Option<&Placeholder> {
        let i = self.placeholders.partition_point(|p| p.span.end <= pos);
        self.placeholders.get(i).filter(|p| p.span.start <= pos)
    }

    /// The spans of every `{{#…}}` found outside code, ours, mdBook's and misspelt ones
    /// alike: text that is not prose.
    pub fn directive_spans(&self) -> impl Iterator<Item = &Range<usize>> {
        self.placeholders
            .iter()
            .map(|p| &p.span)
            .chain(self.unknown.iter().map(|w| &w.span))
            .chain(self.includes.iter().map(|w| &w.span))
    }

    /// 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.lines.as_ref().map_or(1, |l| l.line(offset))
    }
}

/// Scans `source` for the placeholders of the registry ([`Kind`]); mdBook's own
/// (`include`, `title`, ...) are left for mdBook, and any other name is reported as unknown.
pub fn scan(source: &str) -> Scan {
    let lines = LineIndex::new(source);
    let (excluded, markup, headings, items) = structure(source, &lines);
    let mut scan = Scan {
        excluded,
        markup,
        headings,
        ..Scan::default()
    };
    let mut closed: Vec<Range<usize>> = Vec::new();
    for cap in PLACEHOLDER.captures_iter(source) {
        let whole = cap.get(0).unwrap();
        let name = &cap[2];
        // `{{#table,x}}` is not a placeholder: arguments are separated by white space.
        if !cap[3].is_empty() && !cap[3].starts_with(char::is_whitespace) {
            continue;
        }
        closed.push(whole.range());
        if scan.is_excluded(whole.start()) && !MDBOOK_NAMES.contains(&name) {
            continue;
        }
        let escaped = !cap[1].is_empty();
        let start = whole.start() + usize::from(escaped);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[whole.end()..]
            .find('\n')
            .map_or(source.len(), |i| whole.end() + i);
        let before = &source[line_start..start];
        let block = before.chars().all(|c| matches!(c, ' ' | '\t' | '>'))
            && source[whole.end()..line_end].trim().is_empty();
        let written = Written {
            name: name.to_string(),
            args: cap[3].trim().to_string(),
            span: start..whole.end(),
            line: lines.line(start),
            block,
            prefix: if block {
                container_prefix(before, items.iter().any(|r| r.contains(&start)))
            } else {
                String::new()
            },
        };
        let kind = Kind::from_name(name);
        if MDBOOK_NAMES.contains(&name) {
            if !escaped && matches!(name, "include" | "rustdoc_include") {
                scan.includes.push(written);
            }
        } else if escaped {
            if kind.is_some() {
                scan.escapes.push(whole.start()..start);
            }
        } else if let Some(kind) = kind {
            scan.placeholders.push(Placeholder {
                kind,
                name: written.name,
                args: written.args,
                span: written.span,
                line: written.line,
                block: written.block,
                prefix: written.prefix,
            });
        } else {
            scan.unknown.push(written);
        }
    }
    for cap in OPENING.captures_iter(source) {
        let open = cap.get(0).unwrap();
        let name = &cap[2];
        let inside = closed.iter().any(|r| r.contains(&open.start()));
        let ours = Kind::from_name(name).is_some();
        if inside || !cap[1].is_empty() || !ours || scan.is_excluded(open.start()) {
            continue;
        }
        scan.unclosed.push(Unclosed {
            name: name.to_string(),
            offset: open.start(),
            line: lines.line(open.start()),
        });
    }
    scan.lines = Some(lines);
    scan
}

/// Excluded ranges, markup ranges, headings and list items.
type Structure = (
    Vec<Range<usize>>,
    Vec<Range<usize>>,
    Vec<Heading>,
    Vec<Range<usize>>,
);

/// The prefix a block must repeat to stay where it was written: the indentation of a list
/// item, the `>` marks of quotes. Outside a list, indentation is only a paragraph's lazy
/// continuation, and repeating four spaces of it would turn the block into code.
fn container_prefix(before: &str, in_list_item: bool) -> String {
    if in_list_item {
        return before.to_string();
    }
    match before.rfind('>') {
        Some(last) => {
            let spacing = if before[last + 1..].is_empty() {
                ""
            } else {
                " "
            };
            format!("{}{spacing}", before[..=last].trim_start())
        }
        None => String::new(),
    }
}

fn structure(source: &str, lines: &LineIndex) -> Structure {
    let mut excluded = Vec::new();
    let mut markup = Vec::new();
    let mut items = Vec::new();
    let mut headings = Vec::new();
    let mut current: Option<Heading> = None;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => excluded.push(range),
            Event::Code(ref code) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(code);
                }
                excluded.push(range);
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                let text = &source[range.clone()];
                if text.starts_with('<') {
                    markup.push(range);
                } else if let Some(i) = text.rfind("](") {
                    markup.push(range.start + i..range.end);
                }
            }
            Event::FootnoteReference(_) => markup.push(range),
            Event::Start(Tag::Item) => items.push(range),
            Event::Start(Tag::FootnoteDefinition(_)) => {
                let label_end = source[range.clone()].find("]:").map_or(0, |i| i + 2);
                markup.push(range.start..range.start + label_end);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                markup.push(range.clone());
                // HTML comments hide text from readers; one may run over several lines.
                let mut from = range.start;
                while let Some(open) = source[from..range.end].find("<!--") {
                    let open = from + open;
                    let close = source[open..]
                        .find("-->")
                        .map_or(source.len(), |i| open + i + 3);
                    excluded.push(open..close);
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
                    headings.push(h);
                }
            }
            _ => {}
        }
    }
    excluded.sort_by_key(|r| r.start);
    // Merge nested ranges (a code span inside an excluded HTML block, say).
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(excluded.len());
    for r in excluded {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    (merged, markup, headings, items)
}

#[cfg(test)]
mod tests;
