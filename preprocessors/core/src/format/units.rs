//! Units with a magnitude: 亿美元 is 10^8 美元, 万亿元 is 10^12 元.
//!
//! The rule (written in the guide): a unit that starts with 万亿, 亿, 千万, 百万, 十万 or 万
//! carries that magnitude before whatever follows (万人, 亿美元, 万亿元; a bare 亿 too). 千
//! is a magnitude only before a currency (千元, 千美元): 千克, 千米, 千瓦 are units of their
//! own. Percentages and ratios have no magnitude and cannot be rescaled.

use crate::format::Decimal;

/// Magnitude prefixes, longest first so that 万亿元 is 10^12 元 and not 万 × 亿元.
const PREFIXES: &[(&str, i64)] = &[
    ("万亿", 12),
    ("千万", 7),
    ("百万", 6),
    ("十万", 5),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
];

/// The prefixes `scale=` accepts, as the guide lists them.
pub(crate) const SCALES: &[&str] = &["万", "亿", "万亿", "千万", "百万"];

/// Currencies: the only units that 千 is a magnitude of.
const CURRENCIES: &[&str] = &[
    "元",
    "美元",
    "欧元",
    "日元",
    "英镑",
    "港元",
    "港币",
    "人民币",
    "元人民币",
];

/// Units that are ratios: rescaling them is meaningless.
const RATIOS: &[&str] = &["%", "％", "‰", "个百分点", "百分点", "倍"];

pub(crate) fn is_scale(s: &str) -> bool {
    SCALES.contains(&s)
}

/// Splits a unit into the power of ten of its magnitude prefix and its base:
/// 亿美元 → (8, 美元), 万亿元 → (12, 元), 千元 → (3, 元), 千克 → (0, 千克).
pub fn split_unit(unit: &str) -> (i64, &str) {
    for (prefix, exponent) in PREFIXES {
        if let Some(base) = unit.strip_prefix(prefix) {
            if *prefix == "千" && !CURRENCIES.contains(&base) {
                continue;
            }
            return (*exponent, base);
        }
    }
    (0, unit)
}

/// Converts `value` in `unit` to the same quantity with magnitude `prefix` (`""` for
/// none). Returns the value, its unit and the shift in powers of ten (positive when the
/// value was divided).
pub fn rescale(
    value: &Decimal,
    unit: &str,
    prefix: &str,
) -> Result<(Decimal, String, i64), String> {
    if RATIOS.contains(&unit.trim()) {
        return Err(format!(
            "单位「{unit}」是比率，不能用 scale= 换算数量级；请去掉 scale="
        ));
    }
    let (from, base) = split_unit(unit);
    let to = PREFIXES
        .iter()
        .find(|(p, _)| *p == prefix)
        .map_or(0, |(_, e)| *e);
    let shift = to - from;
    let (digits, scale) = value.as_bigint_and_exponent();
    Ok((
        Decimal::new(digits, scale + shift),
        format!("{prefix}{base}"),
        shift,
    ))
}
