//! Exact division to a fixed precision, as fast as one big-integer division.
//!
//! Derived values have always been `(a / b).with_prec(digits)` with bigdecimal's `/`,
//! which long-divides one decimal digit at a time to 100 significant digits (a hundred
//! big-integer divisions per ratio; a third of a large book's build). [`ratio`] gives the
//! very same digits and scale from a single division, so that no printed figure changes.

use bigdecimal::num_bigint::{BigInt, Sign};
use bigdecimal::{One, Signed, Zero};

use crate::format::Decimal;

/// Significant digits bigdecimal's `/` stops at (its `DEFAULT_PRECISION`).
const LONG_DIVISION_DIGITS: u64 = 100;

/// `(a / b).with_prec(digits)`, computed with one big-integer division.
pub fn ratio(a: &Decimal, b: &Decimal, digits: u64) -> Decimal {
    if b.is_zero() || a.is_zero() || b.is_one_quickcheck() == Some(true) {
        // bigdecimal's own answer (a panic for a zero divisor, which callers rule out).
        return (a / b).with_prec(digits);
    }
    let (num, num_scale) = a.as_bigint_and_scale();
    let (den, den_scale) = b.as_bigint_and_scale();
    let scale = num_scale - den_scale;
    if num == den {
        return Decimal::new(BigInt::one(), scale).with_prec(digits);
    }
    let negative = (num.sign() == Sign::Minus) != (den.sign() == Sign::Minus);
    let quotient = positive_quotient(num.abs(), &den.abs(), scale);
    let quotient = if negative { -quotient } else { quotient };
    quotient.with_prec(digits)
}

/// bigdecimal's `impl_division` for positive `num` and `den`: the quotient to
/// [`LONG_DIVISION_DIGITS`] significant digits (fewer when it ends sooner), rounded half up
/// on the next digit.
fn positive_quotient(mut num: BigInt, den: &BigInt, mut scale: i64) -> Decimal {
    while num < *den {
        scale += 1;
        num *= 10;
    }
    let (quotient, remainder) = div_rem(&num, den);
    if remainder.is_zero() {
        return Decimal::new(quotient, scale);
    }
    let precision = Decimal::new(quotient.clone(), 0).digits();
    // The digits the long division would go on to produce, at once.
    let extra = LONG_DIVISION_DIGITS.saturating_sub(precision);
    let shifted = num * BigInt::from(10).pow(u32::try_from(extra).expect("at most 100"));
    let (mut quotient, remainder) = div_rem(&shifted, den);
    let mut scale = scale + extra as i64;
    if remainder.is_zero() {
        // The long division stops at its first zero remainder: no trailing zeros beyond it
        // (the digit that ended it is never 0, so stripping zeros finds exactly that point).
        let ten = BigInt::from(10);
        for _ in 0..extra {
            let (shorter, digit) = div_rem(&quotient, &ten);
            if !digit.is_zero() {
                break;
            }
            quotient = shorter;
            scale -= 1;
        }
    } else if div_rem(&(remainder * 10), den).0 >= BigInt::from(5) {
        quotient += 1;
    }
    Decimal::new(quotient, scale)
}

/// Quotient and remainder of non-negative integers.
fn div_rem(num: &BigInt, den: &BigInt) -> (BigInt, BigInt) {
    let quotient = num / den;
    let remainder = num - &quotient * den;
    (quotient, remainder)
}

#[cfg(test)]
mod tests;
