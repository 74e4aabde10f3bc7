use std::str::FromStr;

use proptest::prelude::*;

use super::*;

/// What derived values were computed as before [`ratio`]: bigdecimal's long division.
fn reference(a: &Decimal, b: &Decimal, digits: u64) -> Decimal {
    (a / b).with_prec(digits)
}

fn same(a: &str, b: &str) {
    let (a, b) = (Decimal::from_str(a).unwrap(), Decimal::from_str(b).unwrap());
    for digits in [1, 5, 40, 99, 100, 120] {
        let (fast, slow) = (ratio(&a, &b, digits), reference(&a, &b, digits));
        // Same value and same scale: the printed digits follow from both.
        assert_eq!(
            fast.as_bigint_and_scale(),
            slow.as_bigint_and_scale(),
            "{a} / {b} to {digits} digits"
        );
    }
}

#[test]
fn ratios_match_bigdecimal_digit_for_digit() {
    for (a, b) in [
        ("1079.6", "985.2"),
        ("1", "3"),
        ("2", "3"),
        ("-2", "3"),
        ("2", "-3"),
        ("-2", "-3"),
        ("1", "8"),
        ("100", "8"),
        ("5", "5"),
        ("5", "1"),
        ("0", "7"),
        ("7", "0.1"),
        ("0.001", "1000000"),
        ("123456789012345678901234567890", "7"),
        ("1", "123456789012345678901234567890"),
        ("1e120", "3"),
        ("22", "7"),
        ("1", "1024"),
        ("99.95", "100"),
    ] {
        same(a, b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any two written figures divide to the same digits and scale as bigdecimal's `/`.
    #[test]
    fn ratio_is_bigdecimal_division(
        a in -10_000_000_000i64..10_000_000_000,
        a_scale in 0i64..8,
        b in -10_000_000i64..10_000_000,
        b_scale in 0i64..8,
        digits in 1u64..110,
    ) {
        prop_assume!(b != 0);
        let (a, b) = (Decimal::new(a.into(), a_scale), Decimal::new(b.into(), b_scale));
        let (fast, slow) = (ratio(&a, &b, digits), reference(&a, &b, digits));
        prop_assert_eq!(fast.as_bigint_and_scale(), slow.as_bigint_and_scale());
    }
}
