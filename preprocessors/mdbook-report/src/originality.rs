//! The hook of the originality check (`report-originality`): which text of a chapter is
//! prose, and how findings reach the log and the decision to fail.

use std::fmt::Write as _;
use std::ops::Range;

use report_core::config::Mode;
use report_core::diag::Diagnostic;
use report_core::scan::Scan;
use report_originality::{Chapter, ChapterReport, Checker, Fail};

/// What the check found in the book.
pub struct Findings {
    /// One report per checked chapter, in book order.
    pub chapters: Vec<ChapterReport>,
    /// Overlaps and chapters over `max-share`, as diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// Sources that could not be read.
    pub problems: Vec<String>,
    /// Whether they fail this build.
    pub fail: bool,
    /// The log's lines.
    pub log: String,
}

/// A chapter as the orchestrator scanned it: its path in the book, file and source.
pub struct Input<'a> {
    pub path: &'a str,
    pub file: &'a str,
    pub source: &'a str,
    pub scan: &'a Scan,
}

/// Checks every chapter that `exclude` does not name.
pub fn check<'a>(
    checker: &Checker,
    mode: Mode,
    chapters: impl Iterator<Item = Input<'a>>,
) -> Findings {
    let config = checker.config();
    let reports: Vec<ChapterReport> = chapters
        .filter(|c| !config.excludes(c.path))
        .map(|c| {
            let skip = not_prose(c.source, c.scan);
            checker.check(&Chapter {
                file: c.file,
                source: c.source,
                skip: &skip,
            })
        })
        .collect();
    let mut diagnostics = Vec::new();
    for r in &reports {
        diagnostics.extend(r.overlaps.iter().map(|o| Diagnostic {
            file: r.file.clone(),
            line: o.line,
            message: o.message(),
        }));
        if r.over(config.max_share) {
            diagnostics.push(Diagnostic {
                file: r.file.clone(),
                line: 1,
                message: format!(
                    "本章与查重来源相同的 {} 字以上片段占 {}：请改写与来源相同的句子",
                    config.share_run,
                    r.summary(config)
                ),
            });
        }
    }
    let problems = checker.problems.clone();
    let fail = match config.fail {
        Fail::Always => !diagnostics.is_empty() || !problems.is_empty(),
        Fail::Final => mode == Mode::Final && !diagnostics.is_empty(),
        Fail::Never => false,
    };
    let mut log = String::new();
    let level = if fail { "错误" } else { "提醒" };
    for p in &problems {
        let _ = writeln!(log, "[report] {level} 查重：{p}");
    }
    for d in &diagnostics {
        let _ = writeln!(log, "[report] {level} 查重 {d}");
    }
    let names: Vec<&str> = checker.source_names().collect();
    if !names.is_empty() {
        let _ = writeln!(
            log,
            "[report] 查重：对照 {}，各章与之相同的 {} 字以上片段所占比例：",
            names.join("、"),
            config.share_run
        );
        for r in reports.iter().filter(|r| r.chars > 0) {
            let _ = writeln!(log, "  {}  {}", r.file, r.summary(config));
        }
    }
    Findings {
        chapters: reports,
        diagnostics,
        problems,
        fail,
        log,
    }
}

/// What of a chapter is not prose: code and comments, placeholders (a table or a value is
/// data) and escaped ones, HTML tags and link targets. Tables are the checker's to find.
fn not_prose(source: &str, scan: &Scan) -> Vec<Range<usize>> {
    let mut skip: Vec<Range<usize>> = scan.excluded.clone();
    skip.extend(scan.markup.iter().cloned());
    skip.extend(scan.directive_spans().cloned());
    skip.extend(scan.escapes.iter().map(|e| {
        let end = source[e.end..]
            .find("}}")
            .map_or(source.len(), |i| e.end + i + 2);
        e.start..end
    }));
    skip
}
