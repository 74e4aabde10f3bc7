use super::*;

#[test]
fn parses_positional_options_quotes_and_flags() {
    let a =
        Args::parse(r#"trade cols=年份,出口额 title="进 出口" caption=“中文 引号” total"#).unwrap();
    assert_eq!(a.first(), Some("trade"));
    assert_eq!(a.get("cols"), Some("年份,出口额"));
    assert_eq!(a.get("title"), Some("进 出口"));
    assert_eq!(a.get("caption"), Some("中文 引号"));
    assert!(a.flag("total"));
    assert!(!a.flag("sign"));
}

#[test]
fn values_may_contain_equals_and_repeat() {
    let a = Args::parse("t where=地区!=合计 where=年份>=2020").unwrap();
    let all: Vec<_> = a.get_all("where").collect();
    assert_eq!(all, vec!["地区!=合计", "年份>=2020"]);
    assert_eq!(a.check(&["where"], &[], &["where"]), Ok(()));
}

#[test]
fn unclosed_quote_is_an_error() {
    let err = Args::parse(r#"t title="未闭合"#).unwrap_err();
    assert_eq!(err, "引号没有闭合：\"未闭合（请补上 \"）");
    let err = Args::parse("t rows=甲,“乙、丙").unwrap_err();
    assert_eq!(err, "引号没有闭合：“乙、丙（请补上 ”）");
}

#[test]
fn unknown_options_get_a_suggestion() {
    let a = Args::parse("t decimal=2").unwrap();
    assert_eq!(
        a.check(&["decimals", "unit"], &["sign"], &[]).unwrap_err(),
        "未知的选项「decimal」，是不是想写「decimals」？"
    );
    let b = Args::parse("t totl").unwrap();
    assert_eq!(
        b.check(&["cols"], &["total"], &[]).unwrap_err(),
        "未知的开关「totl」，是不是想写「total」？"
    );
}

#[test]
fn lists_split_on_ascii_and_chinese_commas_but_never_inside_quotes() {
    let a = Args::parse("t rows=年份，出口额,进口额、占比").unwrap();
    assert_eq!(
        a.list("rows").unwrap(),
        ["年份", "出口额", "进口额", "占比"]
    );
    let b = Args::parse(r#"t rows="新兴市场（东南亚、非洲、拉美）",北美 cols=“a, b”、c"#).unwrap();
    assert_eq!(
        b.list("rows").unwrap(),
        ["新兴市场（东南亚、非洲、拉美）", "北美"]
    );
    assert_eq!(b.get("rows"), Some("新兴市场（东南亚、非洲、拉美）,北美"));
    assert_eq!(b.list("cols").unwrap(), ["a, b", "c"]);
    // A whole value in quotes is one item.
    let c = Args::parse(r#"t rows="甲、乙""#).unwrap();
    assert_eq!(c.list("rows").unwrap(), ["甲、乙"]);
    // Empty items are dropped.
    let d = Args::parse("t rows=,甲,,乙,").unwrap();
    assert_eq!(d.list("rows").unwrap(), ["甲", "乙"]);
}

#[test]
fn a_quote_inside_a_word_is_a_character() {
    let a = Args::parse(r#"t title=他说"好"了 note=a“b”"#).unwrap();
    assert_eq!(a.get("title"), Some(r#"他说"好"了"#));
    assert_eq!(a.get("note"), Some("a“b”"));
    let err = Args::parse(r#"t title="两年"对比"#).unwrap_err();
    assert!(err.contains("引号后面应当是空格、逗号或顿号"), "{err}");
}

#[test]
fn an_option_written_twice_is_an_error_unless_repeatable() {
    let a = Args::parse("t row=甲 row=乙").unwrap();
    assert_eq!(
        a.check(&["row"], &[], &[]).unwrap_err(),
        "选项 row= 写了两次（row=甲、row=乙）：只能写一次。要列出几项，请用逗号隔开写在一起，例如 row=甲,乙"
    );
    let b = Args::parse("t sign sign").unwrap();
    assert_eq!(
        b.check(&[], &["sign"], &[]).unwrap_err(),
        "开关 sign 写了两次：只写一次即可"
    );
    let c = Args::parse("t total total=合计").unwrap();
    assert!(
        c.check(&["total"], &["total"], &[])
            .unwrap_err()
            .contains("既写成了开关又写成了 total=…")
    );
}

#[test]
fn an_option_written_without_its_value_says_how_to_write_it() {
    let a = Args::parse("t title").unwrap();
    assert_eq!(
        a.check(&["title"], &[], &[]).unwrap_err(),
        "「title」需要写成 title=值（等号后面接内容）"
    );
    assert!(Args::parse("t total=否").unwrap().is_off("total"));
}

#[test]
fn any_text_can_be_written_back_as_a_value() {
    for text in [
        "甲",
        "新兴市场（东南亚、非洲、拉美）",
        "两 年",
        "\"引\"",
        "“中”",
        "a\"b",
        "x=1",
    ] {
        let written = format!("t title={}", quote_item(text).unwrap());
        let a = Args::parse(&written).unwrap();
        assert_eq!(a.get("title"), Some(text), "{written}");
        assert_eq!(a.list("title").unwrap(), [text], "{written}");
    }
    assert_eq!(quote_item("a\"b”c").as_deref(), Some("a\"b”c"));
    assert_eq!(quote_item("a \"b”"), None);
    let items = ["甲、乙".to_string(), "丙".to_string(), "丁 戊".to_string()];
    let a = Args::parse(&format!("t rows={}", quote_list(&items))).unwrap();
    assert_eq!(a.list("rows").unwrap(), items);
}
