use super::*;
use crate::config::Target;

#[test]
fn escapes_markup_in_data() {
    assert_eq!(
        escape_html(r#"A<b>&"c"'"#),
        "A&lt;b&gt;&amp;&quot;c&quot;&#39;"
    );
    assert_eq!(escape_markdown("a|b*c"), r"a\|b\*c");
}

#[test]
fn no_brace_from_data_survives_for_mdbooks_links() {
    for text in [
        "{{#include /etc/hostname}}",
        "{{ #title X }}",
        "\\{{#include a}}",
        "}{",
    ] {
        let html = escape_html(text);
        assert!(!html.contains('{') && !html.contains('}'), "{html}");
        let md = escape_markdown(text);
        assert!(!md.contains("{{") && !md.contains("}}"), "{md}");
        assert_eq!(escape(Target::Html, text), html);
        assert_eq!(escape(Target::Markdown, text), md);
    }
    assert_eq!(escape_markdown("{{#title X}}"), r"\{\{\#title X\}\}");
}

#[test]
fn inline_markdown_in_html_text_stays_text() {
    assert_eq!(
        escape_html("**a** _b_ `c` [d](e) ~~f~~ a|b \\"),
        "&#42;&#42;a&#42;&#42; &#95;b&#95; &#96;c&#96; &#91;d&#93;(e) &#126;&#126;f&#126;&#126; a&#124;b &#92;"
    );
    // Smart punctuation would print – and … for -- and ...; two dots stay, for `../`.
    assert_eq!(escape_html("1--2...3"), "1&#45;-2&#46;..3");
    assert_eq!(escape_html("../trade.html"), "../trade.html");
    assert_eq!(escape_html("-12.5"), "-12.5");
}

#[test]
fn html_escapes_between_multibyte_characters_keep_them_whole() {
    // escape_html copies the runs between escaped ASCII bytes: the characters around
    // them, wide or not, must come through whole, and every reference must name the
    // character's own code point.
    for c in "{}|\\`*_[]~".chars() {
        assert_eq!(
            escape_html(&format!("出口{c}额…")),
            format!("出口&#{};额…", c as u32)
        );
    }
    assert_eq!(escape_html("同比—增长"), "同比—增长");
    assert_eq!(escape_html("增长--…...。"), "增长&#45;-…&#46;..。");
    assert_eq!(escape_html("末尾&"), "末尾&amp;");
    assert_eq!(escape_html(""), "");
}

#[test]
fn markdown_line_starts_do_not_become_lists() {
    assert_eq!(escape_markdown("1. 引言"), r"1\. 引言");
    assert_eq!(escape_markdown("2024."), r"2024\.");
    assert_eq!(escape_markdown("1079.6"), "1079.6");
    assert_eq!(escape_markdown("-12.5"), r"\-12.5");
    assert_eq!(escape_markdown("+ 项"), r"\+ 项");
    assert_eq!(escape_markdown("a-b"), "a-b");
}

#[test]
fn link_targets_are_percent_encoded() {
    assert_eq!(
        encode_url_path("data/出口 额(1).csv"),
        "data/出口%20额%281%29.csv"
    );
    assert_eq!(encode_url_path("tbl-{{x}}|y"), "tbl-%7B%7Bx%7D%7D%7Cy");
    assert_eq!(encode_url_path("a#b?c%d"), "a%23b%3Fc%25d");
}

#[test]
fn chinese_characters_are_full_width() {
    assert_eq!(display_width_em("中国"), 2.0);
    assert!(display_width_em("ab") < 1.2);
    assert!(is_wide('，'));
    assert!(!is_wide('a'));
}

#[test]
fn counts_chinese_characters_and_words_not_spaces() {
    assert_eq!(count_chars("中国 医药，ICH 2017"), 12);
    assert_eq!(count_chars("## **现状**\n"), 2);
}

#[test]
fn line_index_maps_offsets_to_lines() {
    let text = "a\nbc\n\nd";
    let idx = LineIndex::new(text);
    assert_eq!(idx.line(0), 1);
    assert_eq!(idx.line(2), 2);
    assert_eq!(idx.line(3), 2);
    assert_eq!(idx.line(5), 3);
    assert_eq!(idx.line(6), 4);
    assert_eq!(idx.line_start(4), 6);
}

#[test]
fn line_breaks_never_reach_the_markup() {
    assert_eq!(escape_html("一\r\n\n二"), "一&#10;&#10;二");
    assert_eq!(escape_markdown("一\n\n二"), "一  二");
}

#[test]
fn page_links_follow_mdbook_names() {
    assert_eq!(page_href("trade.md"), "trade.html");
    assert_eq!(page_href("guide/data.md"), "guide/data.html");
    assert_eq!(page_href("sub/README.md"), "sub/index.html");
    assert_eq!(page_href("a b#c.md"), "a%20b%23c.html");
}
