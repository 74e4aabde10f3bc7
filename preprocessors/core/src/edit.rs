//! Replacements spliced into the chapter source by byte span.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub span: Range<usize>,
    pub text: String,
}

impl Edit {
    pub fn new(span: Range<usize>, text: impl Into<String>) -> Self {
        Edit {
            span,
            text: text.into(),
        }
    }
}

/// Repeats a container's line prefix (list indentation, `> ` of a blockquote) on every
/// line of a block replacement, so that the block stays inside the list item or quote it
/// was written in. Blank lines get the prefix without trailing spaces.
pub fn in_container(text: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        return text.to_string();
    }
    let bare = prefix.trim_end();
    let mut out = String::with_capacity(text.len() + prefix.len() * 8);
    let mut lines = text.split('\n').peekable();
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        out.push('\n');
        out.push_str(if line.is_empty() { bare } else { prefix });
        out.push_str(line);
    }
    out
}

/// Applies non-overlapping edits; an edit that overlaps an earlier one is dropped, so the
/// outer placeholder wins (a pending note written inside a placeholder's arguments, say).
pub fn apply(source: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out =
        String::with_capacity(source.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut pos = 0;
    for edit in edits {
        if edit.span.start < pos {
            continue;
        }
        out.push_str(&source[pos..edit.span.start]);
        out.push_str(&edit.text);
        pos = edit.span.end;
    }
    out.push_str(&source[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splices_in_any_order_and_keeps_the_rest() {
        let src = "a {{x}} b {{y}} c";
        let out = apply(src, vec![Edit::new(10..15, "Y"), Edit::new(2..7, "X")]);
        assert_eq!(out, "a X b Y c");
    }

    #[test]
    fn blocks_keep_their_container() {
        let block = "\n\n<div>x</div>\n\n";
        assert_eq!(in_container(block, ""), block);
        assert_eq!(in_container(block, "   "), "\n\n   <div>x</div>\n\n");
        assert_eq!(in_container(block, "> "), "\n>\n> <div>x</div>\n>\n>");
    }

    #[test]
    fn overlapping_edit_is_dropped() {
        let out = apply(
            "0123456789",
            vec![Edit::new(2..6, "A"), Edit::new(4..5, "B")],
        );
        assert_eq!(out, "01A6789");
    }
}
