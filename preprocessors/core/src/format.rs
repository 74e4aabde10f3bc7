//! Number formatting for Chinese reports.
//!
//! Figures are exact decimals ([`Decimal`]) read from the text as written, and one function
//! ([`format_decimal`]) turns them into text, so the same value prints identically in prose,
//! tables and chart labels. Rounding is 四舍五入 (half away from zero) unless the writer asks
//! for GB/T 8170's 四舍六入五成双 (half to even); it works on the decimal digits, never on a
//! binary approximation. Grouping follows GB/T 15835: numbers of up to four integer digits
//! are not grouped (2024, 1079.6), longer ones are (12,345).

mod units;

pub use units::{rescale, split_unit};

use std::str::FromStr;

use bigdecimal::{RoundingMode, Zero};

use crate::args::Args;

/// An exact decimal number.
pub type Decimal = bigdecimal::BigDecimal;

/// Thousands separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// Group only numbers with five or more integer digits.
    #[default]
    Auto,
    Always,
    Never,
}

/// How the last printed digit is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// 四舍五入: a 5 rounds away from zero (2.45 → 2.5, −2.45 → −2.5).
    #[default]
    HalfUp,
    /// GB/T 8170 四舍六入五成双: a lone 5 rounds to the even digit (2.45 → 2.4, 2.55 → 2.6).
    HalfEven,
}

impl Rounding {
    /// Reads `round=` (in a placeholder) or `round =` (in a sidecar).
    pub fn parse(name: &str) -> Result<Rounding, String> {
        match name.trim() {
            "四舍五入" | "half-up" => Ok(Rounding::HalfUp),
            "五成双" | "四舍六入" | "四舍六入五成双" | "half-even" => {
                Ok(Rounding::HalfEven)
            }
            other => Err(format!(
                "round 应为 四舍五入 或 五成双（GB/T 8170 的四舍六入五成双），而不是「{other}」"
            )),
        }
    }

    fn mode(self) -> RoundingMode {
        match self {
            Rounding::HalfUp => RoundingMode::HalfUp,
            Rounding::HalfEven => RoundingMode::HalfEven,
        }
    }
}

/// How to print one number.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NumberFormat {
    /// Decimal places; `None` keeps the column's own precision.
    pub decimals: Option<usize>,
    /// Print `+` before positive numbers (growth rates).
    pub sign: bool,
    /// Print the magnitude only, for prose such as 同比下降2.0%.
    pub abs: bool,
    pub grouping: Grouping,
    /// `None` until the placeholder or the dataset's sidecar says: then 四舍五入.
    pub rounding: Option<Rounding>,
    /// Rescale to this prefix (`万`, `亿`, or `""` for none), adjusting the unit.
    pub scale: Option<String>,
    /// The unit to print after the number: `None` uses the data's unit, `Some("")` none.
    pub unit: Option<String>,
}

/// The option names that [`NumberFormat::from_args`] reads.
pub const FORMAT_OPTIONS: &[&str] = &["decimals", "scale", "unit", "sep", "round"];
/// The switches that [`NumberFormat::from_args`] reads.
pub const FORMAT_FLAGS: &[&str] = &["sign", "abs"];

/// The most decimals a writer can ask for.
pub const MAX_DECIMALS: usize = 6;

impl NumberFormat {
    /// Reads `decimals=`, `scale=`, `unit=`, `sep=`, `round=` and the `sign` and `abs`
    /// switches.
    pub fn from_args(args: &Args) -> Result<NumberFormat, String> {
        let decimals = match args.get("decimals") {
            None => None,
            Some(d) => Some(
                d.parse::<usize>()
                    .ok()
                    .filter(|d| *d <= MAX_DECIMALS)
                    .ok_or_else(|| {
                        format!("decimals 应为 0 到 {MAX_DECIMALS} 的整数，而不是「{d}」")
                    })?,
            ),
        };
        let grouping = match args.get("sep") {
            None | Some("auto") => Grouping::Auto,
            Some("yes" | "always" | "是") => Grouping::Always,
            Some("no" | "never" | "否") => Grouping::Never,
            Some(other) => {
                return Err(format!("sep 应为 auto、always 或 never，而不是「{other}」"));
            }
        };
        let scale = match args.get("scale") {
            None => None,
            Some("none" | "无" | "1") => Some(String::new()),
            Some(s) if units::is_scale(s) => Some(s.to_string()),
            Some(other) => {
                return Err(format!(
                    "scale 应为 {} 或 none，而不是「{other}」",
                    units::SCALES.join("、")
                ));
            }
        };
        let unit = args.get("unit").map(|u| {
            if u == "none" || u == "无" {
                String::new()
            } else {
                u.to_string()
            }
        });
        Ok(NumberFormat {
            decimals,
            sign: args.flag("sign"),
            abs: args.flag("abs"),
            grouping,
            rounding: args.get("round").map(Rounding::parse).transpose()?,
            scale,
            unit,
        })
    }

    /// The number as [`NumberFormat::apply`] prints it, before it becomes text: rescaled,
    /// made absolute under `abs` and rounded, with its decimals and the unit printed after
    /// it. Downloads hold this value, so a spreadsheet shows what the page shows.
    pub fn shown(
        &self,
        value: &Decimal,
        unit: &str,
        default_decimals: usize,
    ) -> Result<Shown, String> {
        let (value, unit, decimals) = match &self.scale {
            Some(prefix) => {
                let (scaled, new_unit, shift) = rescale(value, unit, prefix)?;
                // A rescaled figure keeps the precision it was written with: 3371.5亿元 is
                // 33715000万元, and 12345000000元 is 123.45亿元 (not 123.45000000).
                let exact = scaled.normalized().fractional_digit_count().max(0);
                let d = (default_decimals as i64 + shift).clamp(0, exact.max(0));
                (scaled, new_unit, d as usize)
            }
            None => (value.clone(), unit.to_string(), default_decimals),
        };
        let value = if self.abs { value.abs() } else { value };
        let decimals = self.decimals.unwrap_or(decimals);
        Ok(Shown {
            value: value
                .with_scale_round(decimals as i64, self.rounding.unwrap_or_default().mode()),
            decimals,
            unit: self.unit.clone().unwrap_or(unit),
        })
    }

    /// Formats `value`, whose data unit is `unit` and whose natural precision is
    /// `default_decimals`; returns the number and the unit to print after it.
    pub fn apply(
        &self,
        value: &Decimal,
        unit: &str,
        default_decimals: usize,
    ) -> Result<(String, String), String> {
        let shown = self.shown(value, unit, default_decimals)?;
        Ok((
            format_decimal(
                &shown.value,
                shown.decimals,
                self.rounding.unwrap_or_default(),
                self.sign,
                self.grouping,
            ),
            shown.unit,
        ))
    }

    /// The unit printed after numbers of `unit` (rescaled or replaced as asked).
    pub fn unit(&self, unit: &str) -> Result<String, String> {
        Ok(self.apply(&Decimal::from(0), unit, 0)?.1)
    }

    /// The number as plotted: rescaled like [`NumberFormat::apply`] prints it.
    pub fn scaled(&self, value: &Decimal, unit: &str) -> Result<f64, String> {
        Ok(match &self.scale {
            Some(prefix) => to_f64(&rescale(value, unit, prefix)?.0),
            None => to_f64(value),
        })
    }
}

/// A number as printed: rounded at its decimals, with the unit printed after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub value: Decimal,
    pub decimals: usize,
    pub unit: String,
}

/// Rounds at `decimals` places and prints with separators as `grouping` says and a `+`
/// for positive numbers when `sign` is set. A value that rounds to zero prints without a
/// sign (never `-0.0`).
pub fn format_decimal(
    value: &Decimal,
    decimals: usize,
    rounding: Rounding,
    sign: bool,
    grouping: Grouping,
) -> String {
    let rounded = value.with_scale_round(decimals as i64, rounding.mode());
    let negative = rounded.sign() == bigdecimal::num_bigint::Sign::Minus;
    let text = unsigned_plain(&rounded);
    let (int, frac) = text.split_at(text.find('.').unwrap_or(text.len()));
    let group = match grouping {
        Grouping::Always => int.len() > 3,
        Grouping::Auto => int.len() > 4,
        Grouping::Never => false,
    };
    let mut out = String::with_capacity(text.len() + 8);
    if negative {
        out.push('-');
    } else if sign && !rounded.is_zero() {
        out.push('+');
    }
    if group {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    out.push_str(frac);
    out
}

/// `value.abs().to_plain_string()` for a value of scale 0 or more: through `u64` when its
/// digits fit, because BigDecimal's own writing went through big-integer arithmetic for
/// every figure of every table.
fn unsigned_plain(value: &Decimal) -> String {
    let (mantissa, scale) = value.as_bigint_and_scale();
    let (Ok(digits), Ok(scale)) = (u64::try_from(mantissa.magnitude()), usize::try_from(scale))
    else {
        return value.abs().to_plain_string();
    };
    if scale == 0 {
        return digits.to_string();
    }
    // At least one digit before the point: 5 at scale 2 is 0.05.
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = padded.split_at(padded.len() - scale);
    format!("{int}.{frac}")
}

/// The value rounded at `decimals` places, with no separators: `1079.60`.
pub fn plain(value: &Decimal, decimals: usize, rounding: Rounding) -> String {
    format_decimal(value, decimals, rounding, false, Grouping::Never)
}

/// Formats a binary number, for values computed in floating point (chart ticks, shares of
/// a pie): it is read as the shortest decimal that is that double, then rounded like every
/// figure, so 1.005 rounds to 1.01 and large values keep their last digit.
pub fn format_number(value: f64, decimals: usize, sign: bool, grouping: Grouping) -> String {
    match decimal_from_f64(value) {
        Some(d) => format_decimal(&d, decimals, Rounding::HalfUp, sign, grouping),
        None => MISSING.to_string(),
    }
}

/// The shortest decimal that reads back as `value`; `None` for NaN and infinities.
pub fn decimal_from_f64(value: f64) -> Option<Decimal> {
    value
        .is_finite()
        .then(|| Decimal::from_str(&format!("{value}")).ok())
        .flatten()
}

/// The nearest double, for drawing.
pub fn to_f64(value: &Decimal) -> f64 {
    exact_f64(value).unwrap_or_else(|| value.to_plain_string().parse().unwrap_or(f64::NAN))
}

/// The nearest `f64` without writing the value out as text (which charts and downloads
/// did for every cell), when its mantissa and power of ten are both exact in an `f64`: one
/// IEEE division or product then rounds once, to the nearest `f64`, as parsing does
/// (Clinger's fast path).
fn exact_f64(value: &Decimal) -> Option<f64> {
    let (mantissa, scale) = value.as_bigint_and_scale();
    small_f64(i64::try_from(mantissa.as_ref()).ok()?, scale)
}

/// [`exact_f64`] of `mantissa × 10^−scale`, for numbers kept without a [`Decimal`].
pub fn small_f64(mantissa: i64, scale: i64) -> Option<f64> {
    const EXACT_POWERS_OF_TEN: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if mantissa.unsigned_abs() > 1 << f64::MANTISSA_DIGITS {
        return None;
    }
    let power = *EXACT_POWERS_OF_TEN.get(usize::try_from(scale.unsigned_abs()).ok()?)?;
    Some(if scale >= 0 {
        mantissa as f64 / power
    } else {
        mantissa as f64 * power
    })
}

/// The number of decimals a number was written with: "1079.6" → 1.
pub fn decimals_written(text: &str) -> usize {
    text.trim()
        .trim_end_matches(['%', '％'])
        .split_once(['.', '．'])
        .map_or(0, |(_, f)| {
            f.chars()
                .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
                .count()
        })
}

/// The mark printed for a missing value.
pub const MISSING: &str = "—";

#[cfg(test)]
mod tests;
