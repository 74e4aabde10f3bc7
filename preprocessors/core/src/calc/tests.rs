use super::*;
use crate::data::tests_support::dataset;
use crate::format::{Grouping, Rounding, format_decimal};

/// A derived percentage as placeholders print it by default.
fn shown(d: &Derived, decimals: usize) -> String {
    format_decimal(
        d.value.as_ref().expect("a value"),
        decimals,
        Rounding::HalfUp,
        false,
        Grouping::Auto,
    )
}

fn exact(d: &Derived) -> String {
    d.value
        .as_ref()
        .expect("a value")
        .normalized()
        .to_plain_string()
}

#[test]
fn cagr_of_cdmo_revenue_matches_the_draft() {
    let ds = dataset("年份,营收\n2019,145.92\n2020,\n2021,323.01\n");
    let d = cagr(&ds, 1, 0, 2, None).unwrap();
    assert_eq!(d.unit, "%");
    assert_eq!(shown(&d, 2), "48.78");
}

#[test]
fn yoy_share_total_and_diff_are_exact() {
    let ds = dataset("年份,出口额,原料药\n2023,1020.56,\n2024,1079.6,429.9\n");
    let y = yoy_previous(&ds, 1, 1).unwrap();
    assert_eq!(shown(&y, 3), "5.785");
    let s = share_of(&ds, (1, 2), (1, 1)).unwrap();
    assert_eq!(shown(&s, 1), "39.8");
    let t = total(&ds, 1, &[0, 1]).unwrap();
    assert_eq!(exact(&t), "2100.16", "no binary residue in a sum");
    assert_eq!(t.decimals, 2);
    let d = diff(&ds, 1, 0, 1).unwrap();
    assert_eq!(exact(&d), "59.04");
}

#[test]
fn missing_inputs_give_a_missing_value_with_their_place() {
    let ds = dataset("年份,原料药\n2023,\n2024,429.9\n");
    let y = yoy_previous(&ds, 1, 1).unwrap();
    assert_eq!(y.value, None);
    assert_eq!(
        y.missing,
        vec!["「2023」的「原料药」（book/data/t.csv 第2行）".to_string()]
    );
}

#[test]
fn difference_of_percentages_is_in_percentage_points() {
    let ds = dataset("年份,占比\n2020,48\n2025,60\n");
    let mut ds = ds;
    ds.columns[1].unit = "%".into();
    assert_eq!(diff(&ds, 1, 0, 1).unwrap().unit, "个百分点");
}

#[test]
fn errors_say_what_to_do() {
    let ds = dataset("年份,v\n2023,0\n2024,5\n");
    assert_eq!(
        yoy_previous(&ds, 0, 1).unwrap_err(),
        "数据集「t」中没有「2023」的上年同期；请补上那一行，或用 from= 指定基期"
    );
    assert_eq!(
        cagr(&ds, 1, 1, 0, None).unwrap_err(),
        "复合增长率要求 to（2023）在 from（2024）之后"
    );
    assert_eq!(
        Calc::parse("cagar").unwrap_err(),
        "未知的计算「cagar」，是不是想写「cagr」？"
    );
}

#[test]
fn a_zero_or_negative_base_leaves_the_value_undefined_with_its_reason() {
    let ds = dataset("年份,利润\n2022,0\n2023,-10\n2024,5\n");
    let from_zero = yoy_previous(&ds, 1, 1).unwrap();
    assert_eq!(from_zero.value, None);
    assert_eq!(
        from_zero.undefined.as_deref(),
        Some("「2023」的「利润」增长率无法计算：基期「2022」为0")
    );
    // −10 → 5 is not −150%.
    let from_negative = yoy_previous(&ds, 2, 1).unwrap();
    assert_eq!(from_negative.value, None);
    assert_eq!(
        from_negative.undefined.as_deref(),
        Some("「2024」的「利润」增长率无法计算：基期「2023」为负数，增长率没有意义")
    );
    assert!(from_negative.missing.is_empty(), "not pending work");
    let cagr = cagr(&ds, 1, 1, 2, None).unwrap();
    assert!(cagr.undefined.is_some() && cagr.value.is_none());
}

#[test]
fn yoy_compares_with_the_year_before_in_any_row_order() {
    let ds = dataset("年份,v\n2024,110\n2023,100\n2021,80\n");
    let y = yoy_previous(&ds, 0, 1).unwrap();
    assert_eq!(exact(&y), "10", "2024 against 2023, listed below it");
    assert_eq!(previous_period(&ds, 1).unwrap(), None, "no 2022 row");
    assert_eq!(previous_period(&ds, 2).unwrap(), None);
    let named = dataset("时间,v\n2023年,1\n2024年,2\n");
    assert_eq!(previous_period(&named, 1).unwrap(), Some(0));
}

#[test]
fn quarterly_yoy_compares_with_the_same_quarter_a_year_earlier() {
    let ds =
        dataset("季度,v\n2023Q1,100\n2023Q2,200\n2023Q3,300\n2023Q4,400\n2024Q1,110\n2024Q2,180\n");
    // 2024Q1 against 2023Q1 (+10%), never against 2023Q4 (the row above).
    assert_eq!(exact(&yoy_previous(&ds, 4, 1).unwrap()), "10");
    assert_eq!(exact(&yoy_previous(&ds, 5, 1).unwrap()), "-10");
    // 环比 is the quarter before: 2024Q1 against 2023Q4.
    assert_eq!(exact(&chain_previous(&ds, 4, 1).unwrap()), "-72.5");
    let chinese = dataset("时间,v\n2023年一季度,100\n2023年二季度,90\n2024年一季度,120\n");
    assert_eq!(exact(&yoy_previous(&chinese, 2, 1).unwrap()), "20");
}

#[test]
fn yoy_on_rows_that_are_not_periods_says_so() {
    let ds = dataset("地区,v\n欧盟,1\n美国,2\n");
    assert_eq!(
        yoy_previous(&ds, 1, 1).unwrap_err(),
        "同比要按时期比较，但「地区」列的「美国」不是年份、半年、季度或月份（如 2024、2024年、2024Q1、2024年一季度、2024年3月）；请改写行名，或用 from= 指定基期"
    );
}

#[test]
fn cagr_counts_years_from_the_period_names_or_asks() {
    let q = dataset("季度,v\n2023Q1,100\n2025Q1,121\n");
    assert_eq!(shown(&cagr(&q, 1, 0, 1, None).unwrap(), 1), "10.0");
    let named = dataset("阶段,v\n起步,100\n现在,121\n");
    assert!(
        cagr(&named, 1, 0, 1, None)
            .unwrap_err()
            .contains("请用 years= 写明年数")
    );
    let two = Decimal::from(2);
    assert_eq!(
        shown(&cagr(&named, 1, 0, 1, Some(&two)).unwrap(), 1),
        "10.0"
    );
}

#[test]
fn a_share_of_a_zero_total_is_undefined_not_an_error() {
    let ds = dataset("类别,v\n甲,0\n乙,0\n");
    let s = share_of_total(&ds, 0, 1, &[0, 1]).unwrap();
    assert_eq!(s.value, None);
    assert_eq!(
        s.undefined.as_deref(),
        Some("「甲」的「v」占比无法计算：该列合计为0")
    );
}
