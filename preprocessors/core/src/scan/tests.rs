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
    assert_eq!(found, vec![(true, "  "), (true, "> "), (false, "")]);
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
