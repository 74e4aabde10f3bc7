//! Finds placeholders, escapes and headings in a chapter's Markdown, read as mdBook reads it.
//!
//! Markdown is parsed with mdBook's own parser and options ([`MarkdownOptions`], from the
//! book's `[output.html]`) only to learn where code, comments, links and tags are;
//! placeholders are then found in the raw source outside those ranges, so that every
//! replacement can be spliced back by byte span and the rest of the file stays untouched.
//!
//! Every spelling mdBook's `links` accepts (white space after `{{`, tabs) is read, and the
//! near misses (a space after `#`, full-width braces, a placeholder over two lines) are
//! collected to be reported: nothing that looks like a placeholder is published raw.

mod structure;

use std::ops::Range;
use std::sync::LazyLock;

pub use mdbook_markdown::MarkdownOptions;
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

/// Why a placeholder cannot expand where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misplaced {
    /// A block kind (a table, a chart) inside a sentence, a heading or a table cell.
    InSentence,
    /// A block kind on the line of a list marker (`- {{#table t}}`).
    AfterListMarker,
    /// In a link or image destination, an autolink or an image: it would expand to markup
    /// inside a URL.
    InLink,
    /// Inside an HTML tag (an attribute value).
    InTag,
}

impl Misplaced {
    /// The message for writers about `p`.
    pub fn message(self, p: &Placeholder) -> String {
        let name = &p.name;
        match self {
            Misplaced::InSentence => {
                format!(
                    "{{{{#{name}}}}} 必须单独占一行（前后空行），不能写在句子、标题或表格单元格中间"
                )
            }
            Misplaced::AfterListMarker => format!(
                "{{{{#{name}}}}} 必须单独占一行：放在列表项里时，请另起一行，并缩进到与列表文字对齐"
            ),
            Misplaced::InLink => {
                format!("{{{{#{name}}}}} 不能写在链接地址或图片里：它会展开成网页标记，链接会失效")
            }
            Misplaced::InTag => format!(
                "{{{{#{name}}}}} 不能写在 HTML 标签里（例如属性值中）：它会展开成网页标记，破坏标签"
            ),
        }
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

/// Something that looks like a placeholder but is none, where it starts: a `{{#name`
/// without `}}` on its line, or a near miss such as `{{# name` or `｛｛#name`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unclosed {
    /// The name as written (may be empty for a near miss).
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
    /// The placeholders to expand, in source order.
    pub placeholders: Vec<Placeholder>,
    /// Placeholders that cannot expand where they are written: reported, never expanded.
    pub misplaced: Vec<(Placeholder, Misplaced)>,
    /// Byte spans of the backslashes of escaped placeholders (`\{{#...}}`): removing them
    /// leaves the placeholder text as written.
    pub escapes: Vec<Range<usize>>,
    pub headings: Vec<Heading>,
    /// Code spans, code blocks and HTML comments: nothing in them is ever interpreted.
    pub excluded: Vec<Range<usize>>,
    /// Markup that is not prose: HTML tags, link and image destinations, footnote labels.
    pub markup: Vec<Range<usize>>,
    pub lines: Option<LineIndex>,
    /// Our placeholders left open, and near misses: the text after them would otherwise
    /// vanish into them, or they would be published raw.
    pub unclosed: Vec<Unclosed>,
    /// `{{#name …}}` with a name that is neither ours nor mdBook's: most likely a typo.
    pub unknown: Vec<Written>,
    /// `{{#include …}}` and `{{#rustdoc_include …}}` outside code and comments, in any
    /// spelling mdBook accepts, whose files mdBook splices in after this preprocessor.
    pub includes: Vec<Written>,
}

/// A placeholder of ours or a misspelt one: on one line, so that a missing `}}` cannot
/// swallow the paragraphs after it; spaces or tabs may follow `{{`, as mdBook allows.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\\?)\{\{[ \t]*#([A-Za-z0-9_][A-Za-z0-9_-]*)((?:[^}\n]|\}[^}\n])*)\}\}").unwrap()
});

/// mdBook's own pattern (`links.rs`, v0.5.4), escapes first: what its `links` will act on.
static MDBOOK_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\\{\{\#.*\}\}|\{\{\s*\#([a-zA-Z0-9_]+)\s+([^}]+)\}\}").unwrap());

/// The start of a placeholder of any name, over lines too.
static OPENING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\\?)\{\{\s*#([A-Za-z0-9_][A-Za-z0-9_-]*)").unwrap());

/// What a writer types for a placeholder and mdBook does not read as one: a space after
/// `#`, full-width braces or hash.
static NEAR_MISS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[{｛][{｛][ \t]*[#＃][ \t]*([A-Za-z0-9_][A-Za-z0-9_-]*)").unwrap()
});

/// The first `{{#name args}}` mdBook's `links` would act on in `text`, escapes
/// (`\{{#…}}`) aside: what no text from data may ever contain.
pub fn first_mdbook_directive(text: &str) -> Option<&str> {
    MDBOOK_LINK
        .captures_iter(text)
        .find(|c| c.get(1).is_some())
        .and_then(|c| c.get(0))
        .map(|m| m.as_str())
}

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

    /// The placeholder (expanded or misplaced) whose span holds byte `pos`, if any.
    pub fn placeholder_at(&self, pos: usize) -> Option<&Placeholder> {
        let i = self.placeholders.partition_point(|p| p.span.end <= pos);
        self.placeholders
            .get(i)
            .filter(|p| p.span.start <= pos)
            .or_else(|| {
                self.misplaced
                    .iter()
                    .map(|(p, _)| p)
                    .find(|p| p.span.contains(&pos))
            })
    }

    /// The spans of every `{{#…}}` found outside code, ours (expanded or misplaced),
    /// mdBook's and misspelt ones alike: text that is not prose.
    pub fn directive_spans(&self) -> impl Iterator<Item = &Range<usize>> {
        self.placeholders
            .iter()
            .map(|p| &p.span)
            .chain(self.misplaced.iter().map(|(p, _)| &p.span))
            .chain(self.unknown.iter().map(|w| &w.span))
            .chain(self.includes.iter().map(|w| &w.span))
    }

    /// 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.lines.as_ref().map_or(1, |l| l.line(offset))
    }
}

/// Scans `source` as mdBook reads it with its default options.
pub fn scan(source: &str) -> Scan {
    scan_with(source, &MarkdownOptions::default())
}

/// Scans `source` for the placeholders of the registry ([`Kind`]), reading Markdown with
/// `options` (the book's). mdBook's own (`include`, `title`, ...) are left for mdBook, and
/// any other name is reported as unknown.
pub fn scan_with(source: &str, options: &MarkdownOptions) -> Scan {
    let lines = LineIndex::new(source);
    let found = structure::structure(source, options, &lines);
    let mut scan = Scan {
        excluded: found.excluded,
        markup: found.markup,
        headings: found.headings,
        ..Scan::default()
    };
    let inside = |ranges: &[Range<usize>], pos: usize| ranges.iter().any(|r| r.contains(&pos));
    let mut closed: Vec<Range<usize>> = Vec::new();
    for cap in PLACEHOLDER.captures_iter(source) {
        let whole = cap.get(0).unwrap();
        let name = &cap[2];
        // `{{#table,x}}` is not a placeholder: arguments are separated by white space.
        if !cap[3].is_empty() && !cap[3].starts_with(char::is_whitespace) {
            continue;
        }
        if MDBOOK_NAMES.contains(&name) {
            continue;
        }
        closed.push(whole.range());
        if scan.is_excluded(whole.start()) {
            continue;
        }
        let escaped = !cap[1].is_empty();
        let start = whole.start() + usize::from(escaped);
        let kind = Kind::from_name(name);
        if escaped {
            if kind.is_some() {
                scan.escapes.push(whole.start()..start);
            }
            continue;
        }
        let (block, before) = standing(source, start..whole.end());
        let written = Written {
            name: name.to_string(),
            args: cap[3].trim().to_string(),
            span: start..whole.end(),
            line: lines.line(start),
            block,
            prefix: if block {
                container_prefix(before, inside(&found.items, start))
            } else {
                String::new()
            },
        };
        let Some(kind) = kind else {
            scan.unknown.push(written);
            continue;
        };
        let placeholder = Placeholder {
            kind,
            name: written.name,
            args: written.args,
            span: written.span,
            line: written.line,
            block: written.block,
            prefix: written.prefix,
        };
        // `[a]({{#value x}})` and `<https://…{{#value x}}>` are no links to pulldown-cmark
        // (a space in the destination), but they are what the writer meant.
        let in_link = inside(&found.links, start) || before.ends_with("](") || {
            let tail = before.rsplit('<').next().unwrap_or("");
            before.contains('<')
                && !tail.contains('>')
                && ["http://", "https://", "mailto:"]
                    .iter()
                    .any(|s| tail.starts_with(s))
        };
        let misplaced = if in_link {
            Some(Misplaced::InLink)
        } else if inside(&found.tags, start) {
            Some(Misplaced::InTag)
        } else if kind.spec().layout == Layout::Block && !block {
            Some(if is_list_marker(before) {
                Misplaced::AfterListMarker
            } else {
                Misplaced::InSentence
            })
        } else {
            None
        };
        match misplaced {
            Some(why) => scan.misplaced.push((placeholder, why)),
            None => scan.placeholders.push(placeholder),
        }
    }
    // Most openings start a closed placeholder: those are skipped on the match alone,
    // before the dearer search for its groups.
    for open in OPENING.find_iter(source) {
        if inside(&closed, open.start()) {
            continue;
        }
        let cap = OPENING.captures_at(source, open.start()).unwrap();
        let name = &cap[2];
        let skip =
            !cap[1].is_empty() || MDBOOK_NAMES.contains(&name) || scan.is_excluded(open.start());
        if !skip {
            scan.unclosed.push(Unclosed {
                name: name.to_string(),
                offset: open.start(),
                line: lines.line(open.start()),
            });
        }
    }
    // What mdBook's `links` will act on, after our escapes lose their backslash and the
    // braces of our unclosed placeholders are escaped (else mdBook would read from them
    // over lines, up to the next `}}`, and swallow an include on the way).
    let ours = closed_ours(&scan);
    let mut seen = source.to_string();
    for u in &scan.unclosed {
        seen.replace_range(u.offset..u.offset + 2, "__");
    }
    let mut pos = 0;
    while let Some(whole) = MDBOOK_LINK.find_at(&seen, pos) {
        pos = whole.end();
        // Inside one of our placeholders (most matches are ours) mdBook sees nothing, and
        // the search goes on after the match either way: no need for its groups.
        if inside(&ours, whole.start()) {
            continue;
        }
        let cap = MDBOOK_LINK.captures_at(&seen, whole.start()).unwrap();
        let Some(name) = cap.get(1).map(|m| m.as_str()) else {
            // mdBook's escape runs to the last `}}` of its line, unless its backslash is
            // one of ours, which we remove: then mdBook reads on right after it.
            if scan.escapes.iter().any(|e| e.start == whole.start()) {
                pos = whole.start() + 1;
            }
            continue;
        };
        if !MDBOOK_NAMES.contains(&name) {
            continue;
        }
        let hidden = scan.is_excluded(whole.start()) || inside(&ours, whole.start());
        if hidden || !matches!(name, "include" | "rustdoc_include") {
            continue;
        }
        let (block, _) = standing(source, whole.range());
        scan.includes.push(Written {
            name: name.to_string(),
            args: cap[2].trim().to_string(),
            span: whole.range(),
            line: lines.line(whole.start()),
            block,
            prefix: String::new(),
        });
    }
    for miss in NEAR_MISS.find_iter(source) {
        let exact = OPENING.find(miss.as_str()).is_some_and(|m| m.start() == 0);
        let escaped = source[..miss.start()].ends_with('\\');
        if exact || escaped || scan.is_excluded(miss.start()) || inside(&closed, miss.start()) {
            continue;
        }
        scan.unclosed.push(Unclosed {
            name: String::new(),
            offset: miss.start(),
            line: lines.line(miss.start()),
        });
    }
    scan.unclosed.sort_by_key(|u| u.offset);
    scan.lines = Some(lines);
    scan
}

/// The spans of our placeholders found so far: mdBook never sees what is inside them.
fn closed_ours(scan: &Scan) -> Vec<Range<usize>> {
    scan.placeholders
        .iter()
        .map(|p| p.span.clone())
        .chain(scan.misplaced.iter().map(|(p, _)| p.span.clone()))
        .chain(scan.unknown.iter().map(|w| w.span.clone()))
        .collect()
}

/// Whether `span` stands alone on its line (only spaces, tabs and `>` before it, only
/// white space after it), and what precedes it on its line.
fn standing(source: &str, span: Range<usize>) -> (bool, &str) {
    let line_start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |i| span.end + i);
    let before = &source[line_start..span.start];
    let block = before.chars().all(|c| matches!(c, ' ' | '\t' | '>'))
        && source[span.end..line_end].trim().is_empty();
    (block, before)
}

/// `- `, `* `, `+ `, `1. `, `1) `, optionally indented or quoted.
fn is_list_marker(before: &str) -> bool {
    let marker = before.trim_start_matches([' ', '\t', '>']).trim_end();
    matches!(marker, "-" | "*" | "+")
        || marker
            .strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

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

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
