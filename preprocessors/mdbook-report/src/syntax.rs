//! What must not pass silently: misspelt placeholder names, placeholders left open or
//! written in a way mdBook does not read, placeholders that cannot stand where they are
//! written, and placeholders in files that mdBook's `{{#include}}` splices in after this
//! preprocessor has run. Each would otherwise reach readers as raw text or broken markup.

use std::ops::Range;
use std::path::Path;

use report_core::args::Args;
use report_core::callout;
use report_core::config::Target;
use report_core::diag::Diagnostic;
use report_core::edit::{self, Edit};
use report_core::kind::Kind;
use report_core::scan::{MDBOOK_NAMES, MarkdownOptions, Scan};
use report_core::suggest::did_you_mean;
use report_core::text;

use crate::includes;

/// One chapter as the checks see it.
pub(crate) struct Chapter<'a> {
    /// `book/trade.md`, for messages.
    pub file: &'a str,
    /// `trade.md`, within the book's source folder.
    pub path: &'a str,
    pub source: &'a str,
    pub scan: &'a Scan,
}

/// Error boxes in place of (or beside) what is wrong, and the diagnostics for the log.
pub(crate) fn check(
    ch: &Chapter,
    src_dir: &Path,
    options: &MarkdownOptions,
    target: Target,
) -> (Vec<Edit>, Vec<Diagnostic>) {
    let mut edits = Vec::new();
    let mut errors = Vec::new();
    let mut braces = Vec::new();
    let mut report = |span: Range<usize>, line: usize, block: bool, prefix: &str, message| {
        let diag = Diagnostic {
            file: ch.file.to_string(),
            line,
            message,
        };
        let shown = if span.is_empty() {
            diag.to_string()
        } else {
            format!("{diag}（{}）", &ch.source[span.clone()])
        };
        let text = callout::error(target, &shown, block);
        edits.push(Edit::new(span, edit::in_container(&text, prefix)));
        errors.push(diag);
    };
    let known: Vec<&str> = Kind::names().chain(MDBOOK_NAMES.iter().copied()).collect();
    for p in &ch.scan.unknown {
        let mut message = format!("未知的占位符「{{{{#{}}}}}」", p.name);
        match did_you_mean(&p.name.to_lowercase(), known.iter().copied()) {
            Some(s) => message.push_str(&format!("，是不是想写「{{{{#{s}}}}}」？")),
            None => message.push_str(&format!(
                "。可用的有：{}",
                Kind::names().collect::<Vec<_>>().join("、")
            )),
        }
        report(p.span.clone(), p.line, p.block, &p.prefix, message);
    }
    for (p, why) in &ch.scan.misplaced {
        // A quote left open cuts a placeholder short: say that first.
        let quote = (!p.kind.spec().text)
            .then(|| Args::parse(&p.args).err())
            .flatten();
        let message = quote.unwrap_or_else(|| why.message(p));
        report(p.span.clone(), p.line, p.block, &p.prefix, message);
    }
    for u in &ch.scan.unclosed {
        if u.name.is_empty() {
            let message =
                "占位符写法有误：请写成 {{#名称 …}}，花括号和 # 都用半角字符，# 后紧跟名称";
            report(u.offset..u.offset, u.line, false, "", message.to_string());
            continue;
        }
        let message = format!(
            "占位符「{{{{#{}」没有闭合：请在同一行内以 }}}} 结束",
            u.name
        );
        report(u.offset..u.offset, u.line, false, "", message);
        // Its braces become text, so that mdBook's links does not read on from them over
        // the following lines (and swallow an include there).
        braces.push(Edit::new(
            u.offset..u.offset + 2,
            text::escape(target, "{{"),
        ));
    }
    let dir = Path::new(ch.path).parent().unwrap_or(Path::new(""));
    for include in &ch.scan.includes {
        if let Some(found) = includes::first_placeholder(src_dir, dir, include, options) {
            let message = format!(
                "{{{{#{}}}}} 引入的 {} 第{}行有占位符 {}：被引入的内容不会再展开占位符；请把它写在章节文件里",
                include.name, found.file, found.line, found.text
            );
            let end = include.span.end;
            report(end..end, include.line, false, "", message);
        }
    }
    edits.extend(braces);
    (edits, errors)
}
