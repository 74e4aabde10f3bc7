//! `{{#remark TEXT}}`: a remark about a chapter for the 备注 column of the progress page
//! (the draft's own 备注, a progress table that disagrees with its notes, a stale note).
//!
//! A remark prints nothing in its chapter: alone on its line, the whole line goes, so a
//! paragraph around it stays one paragraph; inside a sentence, only the placeholder goes.

use std::ops::Range;

use report_core::callout;
use report_core::config::Target;
use report_core::diag::Diagnostic;
use report_core::edit::{Edit, in_container};
use report_core::kind::Kind;

use crate::Chapter;
use crate::marks::unquote;

/// One remark, where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Remark {
    /// The line of the placeholder in its chapter.
    pub line: usize,
    pub text: String,
}

/// The remarks of a chapter, in source order; a remark without text is left out (it is an
/// error, see [`edits`]).
pub(crate) fn remarks(chapter: &Chapter) -> Vec<Remark> {
    chapter
        .scan
        .placeholders
        .iter()
        .filter(|p| p.kind == Kind::Remark)
        .filter_map(|p| {
            let text = unquote(&p.args);
            (!text.is_empty()).then(|| Remark {
                line: p.line,
                text: text.to_string(),
            })
        })
        .collect()
}

/// Takes every remark out of the page; a remark without text becomes an error box.
pub(crate) fn edits(target: Target, chapter: &Chapter) -> (Vec<Edit>, Vec<Diagnostic>) {
    let mut edits = Vec::new();
    let mut errors = Vec::new();
    for p in chapter
        .scan
        .placeholders
        .iter()
        .filter(|p| p.kind == Kind::Remark)
    {
        if unquote(&p.args).is_empty() {
            let diag = Diagnostic {
                file: chapter.file.to_string(),
                line: p.line,
                message: "{{#remark}} 没有写备注内容：请写成 {{#remark 备注内容}}，备注会出现在编写进度页的“备注”列".to_string(),
            };
            let shown = format!("{diag}（{}）", &chapter.source[p.span.clone()]);
            let text = callout::error(target, &shown, p.block);
            let text = if p.block {
                in_container(&text, &p.prefix)
            } else {
                text
            };
            edits.push(Edit::new(p.span.clone(), text));
            errors.push(diag);
        } else if p.block {
            edits.push(Edit::new(whole_line(chapter.source, &p.span), ""));
        } else {
            edits.push(Edit::new(p.span.clone(), ""));
        }
    }
    (edits, errors)
}

/// The line that holds `span`, its line break included.
fn whole_line(source: &str, span: &Range<usize>) -> Range<usize> {
    let start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |i| span.end + i + 1);
    start..end
}

#[cfg(test)]
mod tests;
