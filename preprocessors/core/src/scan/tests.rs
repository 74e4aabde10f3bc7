use super::*;

#[test]
fn finds_placeholders_with_lines_and_block_context() {
    let src = "# 标题\n\n{{#table trade cols=年份}}\n\n出口{{#value trade row=2024 col=出口额}}亿美元。\n\n{{#progress}}\n";
    let scan = scan(src);
    let found: Vec<_> = scan
        .placeholders
        .iter()
        .map(|p| (p.name.as_str(), p.args.as_str(), p.line, p.block))
        .collect();
    assert_eq!(
        found,
        vec![
            ("table", "trade cols=年份", 3, true),
            ("value", "trade row=2024 col=出口额", 5, false),
            ("progress", "", 7, true),
        ]
    );
    assert_eq!(
        &src[scan.placeholders[0].span.clone()],
        "{{#table trade cols=年份}}"
    );
}

#[test]
fn skips_code_spans_fenced_and_indented_code_and_comments() {
    let src = "`{{#value a}}`\n\n```\n{{#table a}}\n```\n\n    {{#table b}}\n\n<!-- {{#table c}} -->\n\n{{#table d}}\n";
    let scan = scan(src);
    let args: Vec<_> = scan.placeholders.iter().map(|p| p.args.as_str()).collect();
    assert_eq!(args, vec!["d"]);
}

#[test]
fn escaped_placeholders_are_recorded_not_expanded() {
    let src = r"写 \{{#table trade}} 即可。";
    let scan = scan(src);
    assert!(scan.placeholders.is_empty());
    assert_eq!(scan.escapes, vec![4..5]);
    assert_eq!(&src[4..5], "\\");
}

#[test]
fn leaves_other_placeholders_to_mdbook() {
    let scan = scan("{{#include a.md}} {{#tables x}} {{#tablex}}");
    assert!(scan.placeholders.is_empty());
}

#[test]
fn collects_headings_with_plain_text() {
    let src = "## （一）贸易合作【现状待整理】\n\n### 现状 `x`\n\n正文\n\n```\n# 不是标题\n```\n";
    let scan = scan(src);
    let heads: Vec<_> = scan
        .headings
        .iter()
        .map(|h| (h.level, h.text.as_str(), h.line))
        .collect();
    assert_eq!(
        heads,
        vec![(2, "（一）贸易合作【现状待整理】", 1), (3, "现状 x", 3)]
    );
}

#[test]
fn blocks_in_lists_and_quotes_keep_their_prefix() {
    let src = "- 项目\n  {{#table a}}\n\n> {{#table b}}\n\n文中{{#table c}}\n";
    let scan = scan(src);
    let found: Vec<_> = scan
        .placeholders
        .iter()
        .map(|p| (p.block, p.prefix.as_str()))
        .collect();
    assert_eq!(found, vec![(true, "  "), (true, "> ")]);
    // A table inside a sentence is reported, never expanded.
    assert_eq!(scan.misplaced.len(), 1);
    assert_eq!(scan.misplaced[0].0.args, "c");
    assert_eq!(scan.misplaced[0].1, Misplaced::InSentence);
}

#[test]
fn a_missing_closing_brace_does_not_swallow_what_follows() {
    let src =
        "出口额为 {{#value a row=1 后面忘了闭合\n\n## 第二节\n\n进口额为 {{#value b row=2}}。\n";
    let scan = scan(src);
    let args: Vec<_> = scan.placeholders.iter().map(|p| p.args.as_str()).collect();
    assert_eq!(args, vec!["b row=2"]);
    assert_eq!(
        scan.unclosed,
        vec![Unclosed {
            name: "value".into(),
            offset: 13,
            line: 1
        }]
    );
    assert_eq!(scan.headings.len(), 1);
}

#[test]
fn unknown_names_are_kept_for_a_did_you_mean_and_mdbooks_are_left_alone() {
    let src =
        "{{#tabel a}} {{#include x.md}} {{#title T}} \\{{#tabel b}}\n\n```\n{{#vaule c}}\n```\n";
    let scan = scan(src);
    let unknown: Vec<_> = scan.unknown.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(unknown, vec!["tabel"]);
    let includes: Vec<_> = scan.includes.iter().map(|p| p.args.as_str()).collect();
    assert_eq!(includes, vec!["x.md"]);
    assert!(
        scan.escapes.is_empty(),
        "escapes of unknown names are mdBook's"
    );
}

#[test]
fn indentation_outside_a_list_is_not_repeated() {
    let src = "一段话\n    {{#table a}}\n\n>  > {{#table b}}\n\n- 项\n\n  {{#table c}}\n";
    let scan = scan(src);
    let prefixes: Vec<_> = scan
        .placeholders
        .iter()
        .map(|p| (p.block, p.prefix.as_str()))
        .collect();
    assert_eq!(prefixes, vec![(true, ""), (true, ">  > "), (true, "  ")]);
}

#[test]
fn reads_every_spelling_mdbook_accepts() {
    let src = "{{ #value a}} {{\t#value b }} {{   #value c\tx=1}}\n";
    let scan = scan(src);
    let args: Vec<_> = scan.placeholders.iter().map(|p| p.args.as_str()).collect();
    assert_eq!(args, vec!["a", "b", "c\tx=1"]);
    assert_eq!(&src[scan.placeholders[0].span.clone()], "{{ #value a}}");
    assert!(scan.unclosed.is_empty());
}

#[test]
fn near_misses_and_placeholders_over_two_lines_are_kept_for_a_message() {
    let src = "a{{# value x}} b｛｛#value y｝｝ c{{＃value z}} d{{#value t\nrow=1}} e{{\n#table u}}\n\n`{{# value ok}}`\n";
    let scan = scan(src);
    assert!(scan.placeholders.is_empty());
    let lines: Vec<_> = scan
        .unclosed
        .iter()
        .map(|u| (u.line, u.name.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![(1, ""), (1, ""), (1, ""), (1, "value"), (2, "table")]
    );
}

#[test]
fn definition_lists_follow_the_books_options() {
    let src = "术语\n:   定义\n\n    其中{{#value a}}\n";
    assert_eq!(
        scan(src).placeholders.len(),
        1,
        "mdBook's default: a definition"
    );
    let mut off = MarkdownOptions::default();
    off.definition_lists = false;
    let without = scan_with(src, &off);
    assert!(without.placeholders.is_empty(), "without: indented code");
}

#[test]
fn placeholders_in_links_and_tags_are_misplaced() {
    let src = "[a]({{#value x}}) ![{{#value y}}](p.png) <span title=\"{{#value z}}\">t</span> [{{#value w}}](u)\n";
    let scan = scan(src);
    let why: Vec<_> = scan
        .misplaced
        .iter()
        .map(|(p, why)| (p.args.as_str(), *why))
        .collect();
    assert_eq!(
        why,
        vec![
            ("x", Misplaced::InLink),
            ("y", Misplaced::InLink),
            ("z", Misplaced::InTag)
        ]
    );
    assert_eq!(scan.placeholders.len(), 1, "link text is prose");
}

#[test]
fn includes_follow_mdbooks_own_pattern() {
    let src = "{{#include a.md}}\n{{ #include  b.md:2 }}\n`{{#include c.md}}`\n\\{{#include d.md}}\n\\{{#value x}} {{#include e.md}}\n{{#rustdoc_include\nf.rs}}\n";
    let scan = scan(src);
    let args: Vec<_> = scan.includes.iter().map(|w| w.args.as_str()).collect();
    assert_eq!(args, vec!["a.md", "b.md:2", "e.md", "f.rs"]);
}

#[test]
fn what_lies_inside_our_placeholders_is_neither_an_include_nor_unclosed() {
    // mdBook's matches and our openings inside a placeholder of ours are skipped on the
    // match alone; those after it are still read.
    let src = "{{#value x a={{#include a.md}} {{#include b.md}} {{#value y b=\\{{#include c.md}}\n{{#table z\n";
    let scan = scan(src);
    let args: Vec<_> = scan.includes.iter().map(|w| w.args.as_str()).collect();
    assert_eq!(args, vec!["b.md"]);
    let unclosed: Vec<_> = scan.unclosed.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(unclosed, vec!["table"]);
}

#[test]
fn a_block_after_a_list_marker_says_so() {
    let scan = scan("- {{#table a}}\n\n1. {{#chart b}}\n");
    let why: Vec<_> = scan.misplaced.iter().map(|(_, w)| *w).collect();
    assert_eq!(why, vec![Misplaced::AfterListMarker; 2]);
}
