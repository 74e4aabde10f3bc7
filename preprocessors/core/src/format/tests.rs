use super::*;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn auto(text: &str, decimals: usize) -> String {
    format_decimal(&d(text), decimals, Rounding::HalfUp, false, Grouping::Auto)
}

#[test]
fn groups_only_five_digit_integers_by_default() {
    assert_eq!(auto("1079.6", 1), "1079.6");
    assert_eq!(auto("3743", 0), "3743");
    assert_eq!(auto("12345", 0), "12,345");
    assert_eq!(auto("1234567.891", 2), "1,234,567.89");
    let always = format_decimal(&d("1079.6"), 1, Rounding::HalfUp, false, Grouping::Always);
    assert_eq!(always, "1,079.6");
    let never = format_decimal(&d("12345"), 0, Rounding::HalfUp, false, Grouping::Never);
    assert_eq!(never, "12345");
}

#[test]
fn rounds_half_away_from_zero_on_the_written_digits() {
    assert_eq!(auto("48.775", 2), "48.78");
    assert_eq!(auto("1.005", 2), "1.01");
    assert_eq!(auto("-2.05", 1), "-2.1");
    assert_eq!(auto("5", 2), "5.00");
    assert_eq!(auto("0.125", 2), "0.13");
    assert_eq!(auto("1.50", 2), "1.50", "trailing zeros as written");
}

#[test]
fn large_values_keep_every_digit() {
    // The old relative nudge moved the last digit of values like these.
    assert_eq!(auto("9007199254740993", 0), "9,007,199,254,740,993");
    assert_eq!(
        auto("123456789012345678901234567890", 0),
        "123,456,789,012,345,678,901,234,567,890"
    );
    assert_eq!(auto("2251799813685248.5", 0), "2,251,799,813,685,249");
    assert_eq!(auto("134908400000000", 0), "134,908,400,000,000");
}

#[test]
fn half_even_rounding_follows_gb_t_8170() {
    let even = |t: &str, n| format_decimal(&d(t), n, Rounding::HalfEven, false, Grouping::Auto);
    assert_eq!(even("2.45", 1), "2.4");
    assert_eq!(even("2.55", 1), "2.6");
    assert_eq!(even("2.451", 1), "2.5", "more than half rounds up");
    assert_eq!(even("-2.45", 1), "-2.4");
    assert_eq!(auto("2.45", 1), "2.5");
    assert_eq!(Rounding::parse("五成双").unwrap(), Rounding::HalfEven);
    assert_eq!(
        Rounding::parse("银行家").unwrap_err(),
        "round 应为 四舍五入 或 五成双（GB/T 8170 的四舍六入五成双），而不是「银行家」"
    );
}

#[test]
fn signs_growth_and_never_prints_negative_zero() {
    let signed = |t: &str, n| format_decimal(&d(t), n, Rounding::HalfUp, true, Grouping::Auto);
    assert_eq!(signed("5.9", 1), "+5.9");
    assert_eq!(signed("-2", 1), "-2.0");
    assert_eq!(signed("-0.01", 1), "0.0");
    assert_eq!(signed("0", 0), "0");
}

#[test]
fn floats_print_as_their_shortest_decimal() {
    assert_eq!(format_number(1.005, 2, false, Grouping::Auto), "1.01");
    assert_eq!(
        format_number(1e12, 0, false, Grouping::Auto),
        "1,000,000,000,000"
    );
    assert_eq!(format_number(2.5, 0, false, Grouping::Auto), "3");
    assert_eq!(format_number(f64::NAN, 0, false, Grouping::Auto), MISSING);
}

#[test]
fn magnitude_prefixes_are_read_longest_first_and_only_where_they_are_magnitudes() {
    assert_eq!(split_unit("亿美元"), (8, "美元"));
    assert_eq!(split_unit("万亿元"), (12, "元"), "not 万 × 亿元");
    assert_eq!(split_unit("千万元"), (7, "元"));
    assert_eq!(split_unit("千元"), (3, "元"));
    assert_eq!(split_unit("千克"), (0, "千克"));
    assert_eq!(split_unit("千米"), (0, "千米"));
    assert_eq!(split_unit("万人"), (4, "人"));
    assert_eq!(split_unit("个"), (0, "个"));
}

#[test]
fn rescales_chinese_magnitudes_and_units() {
    let (v, u, _) = rescale(&d("337150000000"), "元", "亿").unwrap();
    assert_eq!(
        (v.normalized().to_plain_string(), u.as_str()),
        ("3371.5".into(), "亿元")
    );
    let (v, u, _) = rescale(&d("368"), "亿元", "万").unwrap();
    assert_eq!(
        (auto(&v.to_plain_string(), 0), u.as_str()),
        ("3,680,000".into(), "万元")
    );
    // 2.5万亿元 is 25000亿元, never 0亿亿元.
    let args = Args::parse("d scale=亿").unwrap();
    let f = NumberFormat::from_args(&args).unwrap();
    assert_eq!(
        f.apply(&d("2.5"), "万亿元", 1).unwrap(),
        ("25,000".to_string(), "亿元".to_string())
    );
    assert_eq!(
        rescale(&d("12"), "%", "万").unwrap_err(),
        "单位「%」是比率，不能用 scale= 换算数量级；请去掉 scale="
    );
}

#[test]
fn format_options_are_read_from_arguments() {
    let args = Args::parse("d decimals=2 scale=亿 unit=none sep=never sign").unwrap();
    let f = NumberFormat::from_args(&args).unwrap();
    assert_eq!(
        f.apply(&d("12345000000"), "元", 0).unwrap(),
        ("+123.45".to_string(), String::new())
    );
    let scaled = NumberFormat::from_args(&Args::parse("d scale=亿").unwrap()).unwrap();
    assert_eq!(
        scaled.apply(&d("12345000000"), "元", 0).unwrap().0,
        "123.45",
        "a rescaled figure keeps its written precision, without padding"
    );
    let bad = Args::parse("d decimals=x").unwrap();
    assert_eq!(
        NumberFormat::from_args(&bad).unwrap_err(),
        "decimals 应为 0 到 6 的整数，而不是「x」"
    );
    let bad = Args::parse("d scale=千亿").unwrap();
    assert_eq!(
        NumberFormat::from_args(&bad).unwrap_err(),
        "scale 应为 万、亿、万亿、千万、百万 或 none，而不是「千亿」"
    );
    let even = NumberFormat::from_args(&Args::parse("d round=五成双").unwrap()).unwrap();
    assert_eq!(even.apply(&d("0.125"), "", 2).unwrap().0, "0.12");
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
    assert_eq!(
        f.apply(&d("-2"), "%", 0).unwrap(),
        ("2.0".to_string(), "%".to_string())
    );
}

#[test]
fn the_shown_value_is_the_printed_one() {
    let mut fmt = NumberFormat::default();
    for (rounding, tie) in [(Rounding::HalfUp, "2.3"), (Rounding::HalfEven, "2.2")] {
        fmt.rounding = Some(rounding);
        fmt.decimals = Some(1);
        let shown = fmt.shown(&d("2.25"), "%", 2).unwrap();
        assert_eq!(shown.value, d(tie));
        assert_eq!(fmt.apply(&d("2.25"), "%", 2).unwrap().0, tie);
    }
    let fmt = NumberFormat {
        scale: Some("亿".into()),
        abs: true,
        ..NumberFormat::default()
    };
    let shown = fmt.shown(&d("-3371.5"), "万元", 1).unwrap();
    assert_eq!(
        (shown.value, shown.decimals, shown.unit.as_str()),
        (d("0.337150"), 5, "亿元")
    );
    assert_eq!(fmt.apply(&d("-3371.5"), "万元", 1).unwrap().0, "0.33715");
}

/// The fast path gives the very `f64` that parsing the value's text gives, on both sides
/// of where it stops (2^53, 10^22) and for values written with trailing zeros or exponents.
#[test]
fn to_f64_is_what_parsing_the_text_gives() {
    let parsed = |v: &Decimal| v.to_plain_string().parse::<f64>().unwrap();
    let mantissas = [
        0,
        1,
        -1,
        7,
        10795,
        -10795,
        123_456_789,
        (1 << 53) - 1,
        1 << 53,
        (1 << 53) + 1,
        -(1 << 53) - 1,
        i64::MAX,
        i64::MIN,
    ];
    let agrees = |m: i64, scale: i64| {
        let value = Decimal::new(m.into(), scale);
        assert_eq!(
            to_f64(&value).to_bits(),
            parsed(&value).to_bits(),
            "{m}e{}",
            -scale
        );
    };
    for m in mantissas {
        for scale in -25..=25 {
            agrees(m, scale);
        }
    }
    // Many roundings: mantissas spread over six digits, every exact power of ten.
    for m in (0..1500).map(|i: i64| i * 7919 - 5_000_000) {
        for scale in 0..=22 {
            agrees(m, scale);
        }
    }
    for text in [
        "0.1",
        "0.3",
        "1079.60",
        "-0.000",
        "1e-30",
        "2.5e+40",
        "99999999999999999999.5",
    ] {
        assert_eq!(
            to_f64(&d(text)).to_bits(),
            parsed(&d(text)).to_bits(),
            "{text}"
        );
    }
}

/// The `u64` path writes what BigDecimal writes, beside and beyond its limit.
#[test]
fn unsigned_plain_is_what_bigdecimal_writes() {
    let mantissas = [0, 5, -5, 1079, -10796, 123_456_789, i64::MAX, i64::MIN];
    for m in mantissas {
        for scale in 0..=22 {
            let value = Decimal::new(m.into(), scale);
            assert_eq!(
                unsigned_plain(&value),
                value.abs().to_plain_string(),
                "{m}e{}",
                -scale
            );
        }
    }
    for text in [
        "18446744073709551615.5",
        "18446744073709551616.25",
        "-0.000",
        "1e-30",
    ] {
        assert_eq!(
            unsigned_plain(&d(text)),
            d(text).abs().to_plain_string(),
            "{text}"
        );
    }
    assert_eq!(auto("-0.049", 1), "0.0");
    assert_eq!(auto("-1079.65", 1), "-1079.7");
    assert_eq!(auto("0.05", 2), "0.05");
}
