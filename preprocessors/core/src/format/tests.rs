use super::*;

#[test]
fn groups_only_five_digit_integers_by_default() {
    assert_eq!(format_number(1079.6, 1, false, Grouping::Auto), "1079.6");
    assert_eq!(format_number(3743.0, 0, false, Grouping::Auto), "3743");
    assert_eq!(format_number(12345.0, 0, false, Grouping::Auto), "12,345");
    assert_eq!(
        format_number(1234567.891, 2, false, Grouping::Auto),
        "1,234,567.89"
    );
    assert_eq!(format_number(1079.6, 1, false, Grouping::Always), "1,079.6");
    assert_eq!(format_number(12345.0, 0, false, Grouping::Never), "12345");
}

#[test]
fn rounds_half_away_from_zero_with_fixed_decimals() {
    assert_eq!(format_number(48.775, 2, false, Grouping::Auto), "48.78");
    assert_eq!(format_number(1.005, 2, false, Grouping::Auto), "1.01");
    assert_eq!(format_number(-2.05, 1, false, Grouping::Auto), "-2.1");
    assert_eq!(format_number(5.0, 2, false, Grouping::Auto), "5.00");
    assert_eq!(
        format_number(1e12, 0, false, Grouping::Auto),
        "1,000,000,000,000"
    );
    assert_eq!(
        format_number(134908400000000.0, 0, false, Grouping::Never),
        "134908400000000"
    );
    assert_eq!(format_number(0.125, 2, false, Grouping::Auto), "0.13");
}

#[test]
fn signs_growth_and_never_prints_negative_zero() {
    assert_eq!(format_number(5.9, 1, true, Grouping::Auto), "+5.9");
    assert_eq!(format_number(-2.0, 1, true, Grouping::Auto), "-2.0");
    assert_eq!(format_number(-0.01, 1, true, Grouping::Auto), "0.0");
    assert_eq!(format_number(0.0, 0, true, Grouping::Auto), "0");
}

#[test]
fn rescales_chinese_magnitudes_and_units() {
    assert_eq!(rescale(3_371.5e8, "元", "亿"), (3371.5, "亿元".to_string()));
    let (v, u) = rescale(368.0, "亿元", "万");
    assert_eq!(
        (format_number(v, 0, false, Grouping::Auto), u.as_str()),
        ("3,680,000".to_string(), "万元")
    );
    assert_eq!(split_unit("亿美元"), (1e8, "美元"));
    assert_eq!(split_unit("万"), (1.0, "万"));
}

#[test]
fn format_options_are_read_from_arguments() {
    let args = Args::parse("d decimals=2 scale=亿 unit=none sep=never sign").unwrap();
    let f = NumberFormat::from_args(&args).unwrap();
    assert_eq!(
        f.apply(1.2345e10, "元", 0),
        ("+123.45".to_string(), String::new())
    );
    let bad = Args::parse("d decimals=x").unwrap();
    assert_eq!(
        NumberFormat::from_args(&bad).unwrap_err(),
        "decimals 应为 0 到 6 的整数，而不是「x」"
    );
    let bad = Args::parse("d scale=千亿").unwrap();
    assert_eq!(
        NumberFormat::from_args(&bad).unwrap_err(),
        "scale 应为 万、亿 或 none，而不是「千亿」"
    );
}

#[test]
fn counts_written_decimals() {
    assert_eq!(decimals_written("1079.6"), 1);
    assert_eq!(decimals_written("48.78%"), 2);
    assert_eq!(decimals_written("126"), 0);
}

#[test]
fn abs_prints_the_magnitude_for_prose() {
    let args = Args::parse("d abs decimals=1").unwrap();
    let f = NumberFormat::from_args(&args).unwrap();
    assert_eq!(f.apply(-2.0, "%", 0), ("2.0".to_string(), "%".to_string()));
}
