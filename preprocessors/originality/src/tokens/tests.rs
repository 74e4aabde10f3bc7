use super::*;

fn ids(text: &str) -> Vec<String> {
    let mut words = Words::default();
    tokens(text, &[], &exceptions(text, &[]), |w| words.intern(w))
        .iter()
        .map(|t| {
            let s = &text[t.span.clone()];
            if t.excepted {
                format!("({s})")
            } else {
                s.to_string()
            }
        })
        .collect()
}

#[test]
fn characters_and_words_without_punctuation_space_or_numbers() {
    assert_eq!(
        ids("2024年，出口额为1,079.6亿美元（同比+5.9%）。\nLicense-out 交易"),
        [
            "年", "出", "口", "额", "为", "亿", "美", "元", "同", "比", "License", "out", "交",
            "易"
        ]
    );
    assert_eq!(
        ids("H1N1疫苗、ＣＸＯ企业"),
        ["H1N1", "疫", "苗", "ＣＸＯ", "企", "业"]
    );
}

#[test]
fn words_compare_without_case_or_width() {
    let mut words = Words::default();
    let a = tokens("CXO与cxo和ＣＸＯ", &[], &[], |w| words.intern(w));
    assert_eq!(a[0].id, a[2].id);
    assert_eq!(a[0].id, a[4].id);
    assert_eq!(words.get("cxo"), a[0].id);
    assert_eq!(words.get("cdmo"), UNKNOWN);
}

#[test]
fn titles_and_quotations_are_exceptions_on_their_line() {
    assert_eq!(
        ids("依据《药品管理法》和“一带一路”倡议，「注册」"),
        [
            "依", "据", "(药)", "(品)", "(管)", "(理)", "(法)", "和", "(一)", "(带)", "(一)",
            "(路)", "倡", "议", "(注)", "(册)"
        ]
    );
    // An opening mark without its closing mark on the same line is ordinary text.
    assert_eq!(ids("《未完\n》"), ["未", "完"]);
}

#[test]
fn ignored_phrases_are_exceptions() {
    let text = "据中国医药保健品进出口商会统计";
    let ignore = ["中国医药保健品进出口商会".to_string()];
    let found = tokens(text, &[], &exceptions(text, &ignore), |_| 0);
    let excepted: String = found
        .iter()
        .filter(|t| t.excepted)
        .map(|t| &text[t.span.clone()])
        .collect();
    assert_eq!(excepted, "中国医药保健品进出口商会");
    assert!(!found[0].excepted && !found.last().unwrap().excepted);
}

#[test]
fn skipped_ranges_are_left_out() {
    let text = "出口{{#value trade row=2024}}亿元";
    let skip = text.find("{{").unwrap()..text.find('亿').unwrap();
    let found: Vec<&str> = tokens(text, std::slice::from_ref(&skip), &[], |_| 0)
        .iter()
        .map(|t| &text[t.span.clone()])
        .collect();
    assert_eq!(found, ["出", "口", "亿", "元"]);
}

#[test]
fn merge_joins_overlapping_ranges() {
    assert_eq!(merge(vec![5..9, 0..3, 2..4, 9..10]), [0..4, 5..10]);
}
