use super::*;
use crate::data::tests_support::dataset;

#[test]
fn cagr_of_cdmo_revenue_matches_the_draft() {
    let ds = dataset("年份,营收\n2019,145.92\n2020,\n2021,323.01\n");
    let d = cagr(&ds, 1, 0, 2).unwrap();
    assert_eq!(d.unit, "%");
    let v = d.value.unwrap();
    assert_eq!(
        crate::format::format_number(v, 2, false, Default::default()),
        "48.78"
    );
}

#[test]
fn yoy_share_total_and_diff() {
    let ds = dataset("年份,出口额,原料药\n2023,1020.56,\n2024,1079.6,429.9\n");
    let y = yoy_previous(&ds, 1, 1).unwrap();
    assert!((y.value.unwrap() - 5.785).abs() < 1e-3);
    let s = share_of(&ds, (1, 2), (1, 1)).unwrap();
    assert_eq!(
        crate::format::format_number(s.value.unwrap(), 1, false, Default::default()),
        "39.8"
    );
    let t = total(&ds, 1, &[0, 1]).unwrap();
    assert!((t.value.unwrap() - 2100.16).abs() < 1e-9);
    assert_eq!(t.decimals, 2);
    let d = diff(&ds, 1, 0, 1).unwrap();
    assert!((d.value.unwrap() - 59.04).abs() < 1e-9);
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
        "数据集「t」中没有「2023」的上一期可比；请用 from= 指定基期"
    );
    assert_eq!(
        yoy_previous(&ds, 1, 1).unwrap_err(),
        "book/data/t.csv 第2行「v」列 为 0，无法作为计算的基数"
    );
    assert_eq!(
        cagr(&ds, 1, 1, 0).unwrap_err(),
        "复合增长率要求 to（2023）在 from（2024）之后"
    );
    assert_eq!(
        Calc::parse("cagar").unwrap_err(),
        "未知的计算「cagar」，是不是想写「cagr」？"
    );
}

#[test]
fn yoy_compares_with_the_year_before_in_any_row_order() {
    let ds = dataset("年份,v\n2024,110\n2023,100\n2021,80\n");
    let y = yoy_previous(&ds, 0, 1).unwrap();
    assert!(
        (y.value.unwrap() - 10.0).abs() < 1e-9,
        "2024 against 2023, listed below it"
    );
    assert_eq!(previous_period(&ds, 1), None, "no 2022 row");
    assert_eq!(previous_period(&ds, 2), None);
    let named = dataset("时间,v\n2023年,1\n2024年,2\n");
    assert_eq!(previous_period(&named, 1), Some(0));
    let halves = dataset("时间,v\n2023H1,1\n2023H2,2\n");
    assert_eq!(
        previous_period(&halves, 1),
        Some(0),
        "other names: the row above"
    );
}
