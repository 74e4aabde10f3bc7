//! Text utilities shared by HTML, SVG and Markdown output.
//!
//! Every text that reaches a page from data (cells, column names, metadata, labels, option
//! values, the placeholder a writer wrote, echoed in an error box) goes through
//! [`escape`] (or [`escape_html`] / [`escape_markdown`], its two halves), so that it is
//! text and nothing else for everything that reads the page after us:
//!
//! - the browser (HTML and SVG markup);
//! - pulldown-cmark, which parses the text between inline HTML tags as Markdown (emphasis,
//!   code spans, links, smart punctuation) and cuts pipe-table rows at `|`;
//! - mdBook's `links` preprocessor, which runs after ours on the whole chapter and expands
//!   `{{#include}}`, `{{#title}}` and the rest, with any white space after `{{`: no `{` or
//!   `}` from data is ever written as a brace.

use crate::config::Target;

/// Escapes `text` for the page of `target`.
pub fn escape(target: Target, text: &str) -> String {
    match target {
        Target::Html => escape_html(text),
        Target::Markdown => escape_markdown(text),
    }
}

/// Escapes text for HTML and SVG (element content and quoted attribute values), wherever
/// the markup lands in the chapter's Markdown.
///
/// Besides `& < > " '`, every character that Markdown or mdBook could act on becomes a
/// character reference, which browsers show as the character itself: braces (mdBook's
/// `{{#…}}`), `|` (table cells), `` \ ` * _ [ ] ~ `` (inline Markdown), and the `--` and
/// `...` that smart punctuation would turn into dashes and an ellipsis. Line breaks
/// become references too: the report's HTML is spliced into Markdown as single-line
/// blocks, and a blank line from data (a note with two paragraphs, say) would end the
/// block in the middle of a table.
pub fn escape_html(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Every character escaped is ASCII, and no byte of a multi-byte UTF-8 character is:
    // the text is walked by byte and copied in runs between the characters escaped.
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let next = |k: usize| bytes.get(i + k).copied();
        let reference = match b {
            b'\n' => "&#10;",
            b'\r' => "",
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'{' => "&#123;",
            b'}' => "&#125;",
            b'|' => "&#124;",
            b'\\' => "&#92;",
            b'`' => "&#96;",
            b'*' => "&#42;",
            b'_' => "&#95;",
            b'[' => "&#91;",
            b']' => "&#93;",
            b'~' => "&#126;",
            // `--` → en dash and `...` → ellipsis under smart punctuation.
            b'-' if next(1) == Some(b'-') => "&#45;",
            b'.' if next(1) == Some(b'.') && next(2) == Some(b'.') => "&#46;",
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        out.push_str(reference);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// Escapes text for a Markdown paragraph, heading or table cell (the page of non-HTML
/// renderers): every character Markdown or mdBook could act on gets a backslash, which
/// Markdown removes, and line breaks become spaces, so the text stays in its cell or
/// paragraph. A backslash between two braces is enough for mdBook: `\{\{#include` is
/// no directive.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            out.push(' ');
            continue;
        }
        if c == '\r' {
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '{' | '}' | '&' | '~'
        ) || (i == 0 && matches!(c, '-' | '+' | '='))
        {
            out.push('\\');
        }
        out.push(c);
    }
    // `1. ` or `1) ` at the start of a line would begin a list.
    if let Some(end) = out.find(|c: char| !c.is_ascii_digit())
        && end > 0
        && matches!(out[end..].chars().next(), Some('.' | ')'))
        && out[end + 1..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
    {
        out.insert(end, '\\');
    }
    out
}

/// Percent-encodes what would end or break a link target in HTML or Markdown (white space,
/// quotes, brackets, braces, `#`, `?`, `%`, `|`, `\\`), keeping `/` and every other
/// character, Chinese included, as written.
pub fn encode_url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '"' | '\''
                    | '<'
                    | '>'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '#'
                    | '?'
                    | '%'
                    | '|'
                    | '\\'
                    | '`'
                    | '^'
            )
        {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a character is shown full-width (CJK ideographs, kana, Hangul, full-width forms).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Display width in "ems": full-width characters count 1, everything else about 0.55.
///
/// Good enough to lay out chart labels without loading fonts.
pub fn display_width_em(text: &str) -> f64 {
    text.chars()
        .map(|c| {
            if is_wide(c) {
                1.0
            } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' || c == 'M' || c == 'W' {
                0.68
            } else if matches!(c, '.' | ',' | ':' | ';' | '!' | '|' | 'i' | 'l' | '\'') {
                0.3
            } else {
                0.56
            }
        })
        .sum()
}

/// Counts the characters a Chinese editor counts as 字数: CJK characters, full-width
/// punctuation, letters and digits; white space and Markdown syntax are not counted.
pub fn count_chars(text: &str) -> usize {
    text.chars().filter(|&c| is_counted(c)).count()
}

/// Whether `c` counts towards 字数 ([`count_chars`]), for callers that walk the text
/// themselves.
pub fn is_counted(c: char) -> bool {
    is_wide(c) || c.is_alphanumeric()
}

/// The link to a chapter's page from the book root: `guide/data.md` → `guide/data.html`,
/// `README.md` → `index.html` (as mdBook names it), with characters that would end a URL
/// path percent-encoded.
pub fn page_href(path: &str) -> String {
    let path = path.replace('\\', "/");
    let (dir, file) = match path.rsplit_once('/') {
        Some((dir, file)) => (format!("{dir}/"), file),
        None => (String::new(), path.as_str()),
    };
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let stem = if stem.eq_ignore_ascii_case("readme") {
        "index"
    } else {
        stem
    };
    encode_url_path(&format!("{dir}{stem}.html"))
}

/// Maps byte offsets to 1-based line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line that holds byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.saturating_sub(1).min(self.starts.len() - 1)]
    }
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
