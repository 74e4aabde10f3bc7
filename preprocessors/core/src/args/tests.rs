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
}

#[test]
fn unclosed_quote_is_an_error() {
    let err = Args::parse(r#"t title="未闭合"#).unwrap_err();
    assert_eq!(err, "引号没有闭合：\"未闭合（请补上 \"）");
}

#[test]
fn unknown_options_get_a_suggestion() {
    let a = Args::parse("t decimal=2").unwrap();
    assert_eq!(
        a.check_known(&["decimals", "unit"], &["sign"]).unwrap_err(),
        "未知的选项「decimal」，是不是想写「decimals」？"
    );
    let b = Args::parse("t totl").unwrap();
    assert_eq!(
        b.check_known(&["cols"], &["total"]).unwrap_err(),
        "未知的开关「totl」，是不是想写「total」？"
    );
}

#[test]
fn lists_split_on_ascii_and_chinese_commas() {
    assert_eq!(
        split_list("年份，出口额, 进口额、占比"),
        vec!["年份", "出口额", "进口额", "占比"]
    );
}

#[test]
fn an_option_written_without_its_value_says_how_to_write_it() {
    let a = Args::parse("t title").unwrap();
    assert_eq!(
        a.check_known(&["title"], &[]).unwrap_err(),
        "「title」需要写成 title=值（等号后面接内容）"
    );
    assert!(Args::parse("t total=否").unwrap().is_off("total"));
}
