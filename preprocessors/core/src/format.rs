//! Number formatting for Chinese reports.
//!
//! One function turns a number into text, so the same value prints identically in prose,
//! tables and chart labels. Grouping follows GB/T 15835: numbers of up to four integer
//! digits are not grouped (2024, 1079.6), longer ones are (12,345).

use crate::args::Args;

/// Thousands separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// Group only numbers with five or more integer digits.
    #[default]
    Auto,
    Always,
    Never,
}

/// Magnitude prefixes that Chinese units carry: 万元, 亿美元.
const PREFIXES: &[(&str, f64)] = &[
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
];

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
    /// Rescale to this prefix (`万` or `亿`, or `""` for none), adjusting the unit.
    pub scale: Option<String>,
    /// The unit to print after the number: `None` uses the data's unit, `Some("")` none.
    pub unit: Option<String>,
}

/// The option names that [`NumberFormat::from_args`] reads.
pub const FORMAT_OPTIONS: &[&str] = &["decimals", "scale", "unit", "sep"];
/// The switches that [`NumberFormat::from_args`] reads.
pub const FORMAT_FLAGS: &[&str] = &["sign", "abs"];

impl NumberFormat {
    /// Reads `decimals=`, `scale=`, `unit=`, `sep=` and the `sign` and `abs` switches.
    pub fn from_args(args: &Args) -> Result<NumberFormat, String> {
        let decimals = match args.get("decimals") {
            None => None,
            Some(d) => Some(
                d.parse::<usize>()
                    .ok()
                    .filter(|d| *d <= 6)
                    .ok_or_else(|| format!("decimals 应为 0 到 6 的整数，而不是「{d}」"))?,
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
            Some(s) if PREFIXES.iter().any(|(p, _)| *p == s) => Some(s.to_string()),
            Some(other) => {
                return Err(format!("scale 应为 万、亿 或 none，而不是「{other}」"));
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
            scale,
            unit,
        })
    }

    /// Formats `value`, whose data unit is `unit` and whose natural precision is
    /// `default_decimals`; returns the number and the unit to print after it.
    pub fn apply(&self, value: f64, unit: &str, default_decimals: usize) -> (String, String) {
        let (value, unit) = match &self.scale {
            Some(prefix) => rescale(value, unit, prefix),
            None => (value, unit.to_string()),
        };
        let unit = self.unit.clone().unwrap_or(unit);
        let value = if self.abs { value.abs() } else { value };
        let decimals = self.decimals.unwrap_or(default_decimals);
        (
            format_number(value, decimals, self.sign, self.grouping),
            unit,
        )
    }

    /// The number as plotted: rescaled like [`NumberFormat::apply`] prints it.
    pub fn scaled(&self, value: f64, unit: &str) -> f64 {
        match &self.scale {
            Some(prefix) => rescale(value, unit, prefix).0,
            None => value,
        }
    }
}

/// Splits a unit into its magnitude prefix and base: 亿美元 → (1e8, 美元).
pub fn split_unit(unit: &str) -> (f64, &str) {
    for (p, m) in PREFIXES {
        if let Some(base) = unit.strip_prefix(p)
            && !base.is_empty()
        {
            return (*m, base);
        }
    }
    (1.0, unit)
}

/// Converts `value` in `unit` to the same quantity with magnitude `prefix`.
pub fn rescale(value: f64, unit: &str, prefix: &str) -> (f64, String) {
    let (from, base) = split_unit(unit);
    let to = PREFIXES
        .iter()
        .find(|(p, _)| *p == prefix)
        .map_or(1.0, |(_, m)| *m);
    (value * from / to, format!("{prefix}{base}"))
}

/// Rounds half away from zero (四舍五入) at `decimals` places, then prints with
/// separators as `grouping` says and a `+` for positive numbers when `sign` is set.
pub fn format_number(value: f64, decimals: usize, sign: bool, grouping: Grouping) -> String {
    let factor = 10f64.powi(decimals as i32);
    let scaled = value * factor;
    // Nudge by a few ulps so that 1.005 (stored as 1.00499…) rounds like the decimal it
    // was written as, without moving large integers.
    let rounded = (scaled + scaled.signum() * scaled.abs() * 4.0 * f64::EPSILON).round() / factor;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format!("{:.*}", decimals, rounded.abs());
    let (int, frac) = text.split_at(text.find('.').unwrap_or(text.len()));
    let group = match grouping {
        Grouping::Always => int.len() > 3,
        Grouping::Auto => int.len() > 4,
        Grouping::Never => false,
    };
    let mut out = String::with_capacity(text.len() + 4);
    if rounded < 0.0 {
        out.push('-');
    } else if sign && rounded > 0.0 {
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

/// The number of decimals a number was written with: "1079.6" → 1.
pub fn decimals_written(text: &str) -> usize {
    text.trim()
        .trim_end_matches('%')
        .split_once('.')
        .map_or(0, |(_, f)| {
            f.chars().take_while(char::is_ascii_digit).count()
        })
}

/// The mark printed for a missing value.
pub const MISSING: &str = "—";

#[cfg(test)]
mod tests;
