//! What mdBook's `{{#include}}` will splice into a chapter after this preprocessor has run,
//! line for line as mdBook 0.5.4 selects it (`links.rs`, `take_lines.rs`): the whole file,
//! `:LINE`, `:START:END` (either end may be left out) or `:ANCHOR`.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use report_core::paths;
use report_core::scan::{self, MarkdownOptions, Written};

/// mdBook follows includes this deep.
const MAX_DEPTH: usize = 10;

static ANCHOR_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR:\s*(?P<anchor_name>[\w_-]+)").unwrap());
static ANCHOR_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR_END:\s*(?P<anchor_name>[\w_-]+)").unwrap());

/// The lines of `text` that `{{#include file:SPEC}}` brings in, with their 1-based numbers
/// in the file. `rustdoc_include` brings every line (those outside the range behind `# `).
pub(crate) fn included_lines<'t>(
    text: &'t str,
    spec: Option<&str>,
    rustdoc: bool,
) -> Vec<(usize, &'t str)> {
    let lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    if rustdoc {
        return lines.collect();
    }
    let mut parts = spec.unwrap_or("").splitn(3, ':');
    let first = parts.next();
    let start = match first {
        Some(n) if n.parse::<usize>().is_ok() => n.parse::<usize>().unwrap().saturating_sub(1),
        Some("") | None => 0,
        Some(anchor) => return anchored(text, anchor),
    };
    let end = match (first, parts.next()) {
        // `:LINE` alone: that one line.
        (Some(n), None) if !n.is_empty() => Some(start + 1),
        (_, Some(e)) => e.parse::<usize>().ok(),
        _ => None,
    };
    lines
        .skip(start)
        .take(end.map_or(usize::MAX, |e| e.saturating_sub(start)))
        .collect()
}

/// The lines between `ANCHOR: name` and `ANCHOR_END: name`, without anchor lines.
fn anchored<'t>(text: &'t str, anchor: &str) -> Vec<(usize, &'t str)> {
    let mut kept = Vec::new();
    let mut found = false;
    for (i, line) in text.lines().enumerate() {
        if found {
            match ANCHOR_END.captures(line) {
                Some(cap) if &cap["anchor_name"] == anchor => break,
                Some(_) => {}
                None if !ANCHOR_START.is_match(line) => kept.push((i + 1, line)),
                None => {}
            }
        } else if ANCHOR_START
            .captures(line)
            .is_some_and(|cap| &cap["anchor_name"] == anchor)
        {
            found = true;
        }
    }
    kept
}

/// A placeholder that an include would publish raw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// The included file, relative to the chapter's folder, as mdBook resolves it.
    pub file: String,
    pub line: usize,
    /// The placeholder as written.
    pub text: String,
}

/// The first placeholder of ours that `include` (written in a chapter in `dir`, inside the
/// book's `src_dir`) would splice in, following nested includes as mdBook does. Files
/// outside the book are not read: what they hold is the writer's to include.
pub(crate) fn first_placeholder(
    src_dir: &Path,
    dir: &Path,
    include: &Written,
    options: &MarkdownOptions,
) -> Option<Found> {
    search(src_dir, dir, Path::new(""), include, options, 0)
}

fn search(
    src_dir: &Path,
    dir: &Path,
    shown_dir: &Path,
    include: &Written,
    options: &MarkdownOptions,
    depth: usize,
) -> Option<Found> {
    if depth >= MAX_DEPTH {
        return None;
    }
    let target = include.args.split_whitespace().next()?;
    let (file, spec) = match target.split_once(':') {
        Some((file, spec)) => (file, Some(spec)),
        None => (target, None),
    };
    let path = src_dir.join(dir).join(file);
    if !paths::is_inside(&path, src_dir) {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let lines = included_lines(&text, spec, include.name == "rustdoc_include");
    let joined = lines.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n");
    let inner = scan::scan_with(&joined, options);
    let shown: PathBuf = shown_dir.join(file);
    let line_of = |i: usize| lines.get(i.saturating_sub(1)).map_or(i, |(n, _)| *n);
    let here = inner
        .placeholders
        .iter()
        .map(|p| (p.span.start, p.line, &p.span))
        .chain(
            inner
                .misplaced
                .iter()
                .map(|(p, _)| (p.span.start, p.line, &p.span)),
        )
        .min_by_key(|(start, ..)| *start)
        .map(|(_, line, span)| Found {
            file: shown.to_string_lossy().replace('\\', "/"),
            line: line_of(line),
            text: joined[span.clone()].to_string(),
        });
    // Else what the included file includes in turn, relative to its own folder.
    here.or_else(|| {
        let sub = Path::new(file).parent().unwrap_or(Path::new(""));
        inner.includes.iter().find_map(|w| {
            search(
                src_dir,
                &dir.join(sub),
                &shown_dir.join(sub),
                w,
                options,
                depth + 1,
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一\n二\n三\n// ANCHOR: a\n四\n// ANCHOR_END: a\n五\n";

    fn numbers(spec: Option<&str>) -> Vec<usize> {
        included_lines(TEXT, spec, false)
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    }

    #[test]
    fn selects_lines_as_mdbook_does() {
        assert_eq!(numbers(None), vec![1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(numbers(Some("2")), vec![2]);
        assert_eq!(numbers(Some("2:3")), vec![2, 3]);
        assert_eq!(numbers(Some("6:")), vec![6, 7]);
        assert_eq!(numbers(Some(":2")), vec![1, 2]);
        assert_eq!(numbers(Some("")), vec![1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(numbers(Some("a")), vec![5]);
        assert_eq!(numbers(Some("none")), Vec::<usize>::new());
        assert_eq!(numbers(Some("3:x")), vec![3, 4, 5, 6, 7]);
        assert_eq!(included_lines(TEXT, Some("2"), true).len(), 7);
    }
}
