use super::*;

#[test]
fn escapes_markup_in_data() {
    assert_eq!(
        escape_html(r#"A<b>&"c"'"#),
        "A&lt;b&gt;&amp;&quot;c&quot;&#39;"
    );
    assert_eq!(escape_markdown("a|b*c"), r"a\|b\*c");
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
