//! Bounded property-based fuzzing of the scanner and of the edits spliced by its spans,
//! with proptest: chapters built from the pieces that make Markdown and placeholders
//! interact (braces, escapes, code, quotes, lists, tables, comments, full-width look-alikes).
//! A failing input is saved under `proptest-regressions/` and replayed first on every later
//! run; `CORPUS` holds the chapters every run starts from.

use proptest::prelude::*;

use super::*;
use crate::edit::{Edit, apply, in_container};

/// Chapters that once broke, or nearly broke, the scanner.
const CORPUS: &[&str] = &[
    "{{#table t}}",
    "{{ #table t}}",
    "{{\t#value t row=1}}",
    "{{\u{3000}#table t}}",
    "{{#table\u{3000}t}}",
    "\\{{#table t}} {{#value t}}",
    "{{#table t\n}}",
    "{{#value {{#include /etc/hostname}}}}",
    "`{{#table t}}` {{#table u}}",
    "```\n{{#table t}}\n",
    "<!-- {{#table t}}",
    "> - {{#table t}}\n>   {{#chart t}}",
    "| a | {{#value t}} |\n|---|---|\n| {{#table t}} | b |",
    "[{{#value t}}]({{#value t}})",
    "<div title=\"{{#value t}}\">",
    "｛｛#table t｝｝ {{# table t}} {{＃table t}}",
    "术语\n: {{#value t}}\n",
    "脚注[^1]\n\n[^1]: {{#value t}}\n",
    "{{#include a.md:2:3}}\n```\n{{#include b.md}}\n```",
    "# {{#value t}} {#id}\n",
    "{{#",
    "}}{{",
    "\\{{#table \n}}",
    "\\",
];

/// The pieces chapters are built from.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "{{#",
        "{{ #",
        "{{\t#",
        "\\{{#",
        "{{",
        "}}",
        "}",
        "{",
        "#",
        "＃",
        "｛",
        "｝",
        "table ",
        "value ",
        "chart ",
        "ref ",
        "pending",
        "remark ",
        "include ",
        "title ",
        "tabel ",
        "t",
        "row=2024",
        " col=\"出口 额\"",
        "=",
        "\"",
        "“",
        "”",
        "、",
        ",",
        " ",
        "\t",
        "\u{3000}",
        "\n",
        "\n\n",
        "`",
        "```\n",
        "~~~\n",
        "    ",
        "> ",
        "- ",
        "1. ",
        ": ",
        "| ",
        "|---|\n",
        "<!--",
        "-->",
        "<div>",
        "</div>",
        "<span title=\"",
        "\">",
        "[",
        "](",
        ")",
        "[^1]",
        "*",
        "_",
        "甲",
        "出口额",
        "x",
        "/etc/hostname",
        ":2:3",
        "\r\n",
        "é",
        "😀",
    ])
}

fn chapter() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..48).prop_map(|p| p.concat())
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    }
}

/// Every span the scan reports lies in `source`, on character boundaries.
fn assert_spans(source: &str, scan: &Scan) -> Result<(), TestCaseError> {
    let spans = scan
        .directive_spans()
        .chain(&scan.escapes)
        .chain(&scan.excluded)
        .chain(&scan.markup)
        .chain(scan.headings.iter().map(|h| &h.span));
    for span in spans {
        prop_assert!(
            span.start <= span.end && span.end <= source.len(),
            "{span:?}"
        );
        prop_assert!(source.is_char_boundary(span.start), "{span:?}");
        prop_assert!(source.is_char_boundary(span.end), "{span:?}");
    }
    for u in &scan.unclosed {
        prop_assert!(source.is_char_boundary(u.offset) && u.offset < source.len());
    }
    Ok(())
}

/// The order the lookups (`is_excluded`, `placeholder_at`) rely on: sorted, no overlaps.
fn assert_sorted(source: &str, scan: &Scan) -> Result<(), TestCaseError> {
    for w in scan.placeholders.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "{w:?} in {source:?}");
    }
    for w in scan.excluded.windows(2) {
        prop_assert!(w[0].end <= w[1].start, "{w:?} in {source:?}");
    }
    Ok(())
}

/// What mdBook's `links` will see as a directive of a name that is not mdBook's is
/// expanded or reported by us: its opening lies in one of our spans or is reported as
/// unclosed, or the writer escaped it (`\{{#…`, shown as written). Nothing in a chapter
/// is published raw without a word.
fn assert_nothing_raw(source: &str, scan: &Scan) -> Result<(), TestCaseError> {
    let spans: Vec<&Range<usize>> = scan.directive_spans().collect();
    for cap in MDBOOK_LINK.captures_iter(source) {
        let whole = cap.get(0).unwrap();
        let Some(name) = cap.get(1) else { continue };
        if MDBOOK_NAMES.contains(&name.as_str()) || scan.is_excluded(whole.start()) {
            continue;
        }
        let seen = spans.iter().any(|s| s.contains(&whole.start()))
            || scan
                .unclosed
                .iter()
                .any(|u| whole.range().contains(&u.offset))
            || source[..whole.start()].ends_with('\\');
        prop_assert!(
            seen,
            "{:?} is neither expanded nor reported in {source:?}",
            whole.as_str()
        );
    }
    Ok(())
}

fn check(source: &str) -> Result<(), TestCaseError> {
    for options in [MarkdownOptions::default(), {
        let mut o = MarkdownOptions::default();
        o.smart_punctuation = false;
        o.definition_lists = false;
        o.admonitions = false;
        o
    }] {
        let scan = scan_with(source, &options);
        assert_spans(source, &scan)?;
        assert_sorted(source, &scan)?;
        assert_nothing_raw(source, &scan)?;
        for p in &scan.placeholders {
            prop_assert_eq!(p.line, source[..p.span.start].matches('\n').count() + 1);
        }
        // Replacing every placeholder by its expansion (here a marker) keeps the text
        // around them, byte for byte.
        let edits: Vec<Edit> = scan
            .placeholders
            .iter()
            .map(|p| Edit::new(p.span.clone(), "\u{1}"))
            .collect();
        let out = apply(source, edits);
        let mut kept = String::new();
        let mut pos = 0;
        for p in &scan.placeholders {
            kept.push_str(&source[pos..p.span.start]);
            pos = p.span.end;
        }
        kept.push_str(&source[pos..]);
        prop_assert_eq!(out.replace('\u{1}', ""), kept);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(2048))]

    /// Any chapter scans without panic into spans that the edits and lookups can trust,
    /// and leaves nothing mdBook would act on unexpanded and unreported.
    #[test]
    fn any_chapter_scans_into_sound_spans(source in chapter()) {
        check(&source)?;
    }

    /// A block keeps its container: every line after the first carries the prefix, and
    /// taking the prefixes off gives back the block.
    #[test]
    fn blocks_keep_their_container(
        text in "[a-z\\n|<>]{0,40}",
        prefix in prop::sample::select(vec!["", "> ", "  ", "   ", "> > ", ">   "]),
    ) {
        let out = in_container(&text, prefix);
        let mut lines = out.split('\n');
        let mut back = vec![lines.next().unwrap_or("").to_string()];
        for line in lines {
            let rest = line.strip_prefix(prefix).or_else(|| {
                (line == prefix.trim_end()).then_some("")
            });
            prop_assert!(rest.is_some(), "{line:?} lost the prefix {prefix:?}");
            back.push(rest.unwrap().to_string());
        }
        prop_assert_eq!(back.join("\n"), text);
    }
}

#[test]
fn the_corpus_scans_soundly() {
    for source in CORPUS {
        check(source).unwrap_or_else(|e| panic!("{source:?}: {e}"));
    }
}
