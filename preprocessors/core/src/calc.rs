//! Values derived from data, so writers never type a number the data can compute:
//! 同比 (against the same period a year earlier), 环比 (against the period before), 占比
//! (share), CAGR, totals and differences. Sums, differences and ratios are exact decimals;
//! only CAGR's root is taken in floating point.

mod divide;
mod period;

pub use period::Period;

use bigdecimal::Zero;

use crate::data::{Dataset, MissingCell};
use crate::format::{Decimal, decimal_from_f64, to_f64};

/// The derived values a placeholder can ask for with `calc=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calc {
    /// 同比: change against the same period a year earlier (or `from=`), in %.
    Yoy,
    /// 环比: change against the period just before (the quarter, month or half-year
    /// before; for years the year before), in %.
    Chain,
    /// 占比: share of the column total, of another column (`of=列`) or of another row (`of=行`), in %.
    Share,
    /// Compound annual growth rate from `from=` to `to=`, in %.
    Cagr,
    /// Sum of the column.
    Total,
    /// `to=` minus `from=`; for percentages, in 百分点.
    Diff,
}

pub const CALC_NAMES: &[&str] = &["yoy", "chain", "share", "cagr", "total", "diff"];

impl Calc {
    pub fn parse(name: &str) -> Result<Calc, String> {
        Ok(match name {
            "yoy" | "同比" => Calc::Yoy,
            "chain" | "环比" => Calc::Chain,
            "share" | "占比" => Calc::Share,
            "cagr" | "复合增长率" => Calc::Cagr,
            "total" | "合计" => Calc::Total,
            "diff" | "差值" => Calc::Diff,
            other => {
                let mut msg = format!("未知的计算「{other}」");
                match crate::suggest::did_you_mean(other, CALC_NAMES.iter().copied()) {
                    Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
                    None => msg.push_str("。可用：yoy（同比）、chain（环比）、share（占比）、cagr（复合增长率）、total（合计）、diff（差值）"),
                }
                return Err(msg);
            }
        })
    }
}

/// A derived value with its unit and default precision.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// `None` when an input is missing or the value is undefined.
    pub value: Option<Decimal>,
    pub unit: String,
    pub decimals: usize,
    /// Where the missing inputs are, for the pending list.
    pub missing: Vec<MissingCell>,
    /// Why the value cannot be computed although its inputs are there (a base of 0, a
    /// negative base): printed as `—` with this reason for readers.
    pub undefined: Option<String>,
}

/// Decimals of derived percentages unless the writer asks otherwise.
pub const PERCENT_DECIMALS: usize = 1;

/// Precision of divisions: far beyond any printed digit, so rounding sees exact digits.
const DIVISION_DIGITS: u64 = 40;

fn percent(value: Option<Decimal>, missing: Vec<MissingCell>) -> Derived {
    Derived {
        value,
        unit: "%".to_string(),
        decimals: PERCENT_DECIMALS,
        missing,
        undefined: None,
    }
}

fn undefined(reason: String) -> Derived {
    Derived {
        undefined: Some(reason),
        ..percent(None, Vec::new())
    }
}

/// Reads the inputs, collecting the locations of missing ones.
fn inputs(
    ds: &Dataset,
    cells: &[(usize, usize)],
) -> Result<(Vec<Decimal>, Vec<MissingCell>), String> {
    let mut values = Vec::with_capacity(cells.len());
    let mut missing = Vec::new();
    for &(r, c) in cells {
        match ds.number(r, c)? {
            Some(v) => values.push(v.clone()),
            None => missing.push(ds.missing_cell(r, c)),
        }
    }
    Ok((values, missing))
}

fn ratio(a: &Decimal, b: &Decimal) -> Decimal {
    divide::ratio(a, b, DIVISION_DIGITS)
}

fn hundred() -> Decimal {
    Decimal::from(100)
}

/// Growth of `row` against `base_row`, in %. A base of 0 or below has no growth rate
/// (from −10 to 5 is not −150%): the value is undefined, with the reason.
pub fn growth(ds: &Dataset, row: usize, base_row: usize, col: usize) -> Result<Derived, String> {
    let (v, missing) = inputs(ds, &[(row, col), (base_row, col)])?;
    if !missing.is_empty() {
        return Ok(percent(None, missing));
    }
    let (now, base) = (&v[0], &v[1]);
    let what = format!(
        "「{}」的「{}」增长率",
        ds.row_label(row),
        ds.columns[col].name
    );
    if base.is_zero() {
        return Ok(undefined(format!(
            "{what}无法计算：基期「{}」为0",
            ds.row_label(base_row)
        )));
    }
    if base.sign() == bigdecimal::num_bigint::Sign::Minus {
        return Ok(undefined(format!(
            "{what}无法计算：基期「{}」为负数，增长率没有意义",
            ds.row_label(base_row)
        )));
    }
    Ok(percent(
        Some((ratio(now, base) - Decimal::from(1)) * hundred()),
        missing,
    ))
}

/// 同比 against the same period a year earlier ([`Period::year_before`]).
pub fn yoy_previous(ds: &Dataset, row: usize, col: usize) -> Result<Derived, String> {
    match previous_period(ds, row)? {
        Some(base) => growth(ds, row, base, col),
        None => Err(format!(
            "数据集「{}」中没有「{}」的上年同期；请补上那一行，或用 from= 指定基期",
            ds.id,
            ds.row_label(row)
        )),
    }
}

/// 环比 against the period just before.
pub fn chain_previous(ds: &Dataset, row: usize, col: usize) -> Result<Derived, String> {
    match period_before(ds, row)? {
        Some(base) => growth(ds, row, base, col),
        None => Err(format!(
            "数据集「{}」中没有「{}」的上一期；请补上那一行，或用 from= 指定基期",
            ds.id,
            ds.row_label(row)
        )),
    }
}

fn period_of(ds: &Dataset, row: usize, calc: &str) -> Result<Period, String> {
    Period::parse(ds.row_label(row)).ok_or_else(|| {
        format!(
            "{calc}要按时期比较，但「{}」列的「{}」不是年份、半年、季度或月份（如 2024、2024年、2024Q1、2024年一季度、2024年3月）；请改写行名，或用 from= 指定基期",
            ds.columns[ds.key].name,
            ds.row_label(row)
        )
    })
}

/// The row a 同比 compares `row` with: the row of the same period a year earlier, wherever
/// it stands (tables listed newest first work too). `Ok(None)` when there is none; an error
/// when the row names are not periods.
pub fn previous_period(ds: &Dataset, row: usize) -> Result<Option<usize>, String> {
    let period = period_of(ds, row, "同比")?;
    Ok(ds.row_of_period(&period.year_before()))
}

/// The row a 环比 compares `row` with: the period just before.
pub fn period_before(ds: &Dataset, row: usize) -> Result<Option<usize>, String> {
    let period = period_of(ds, row, "环比")?;
    Ok(ds.row_of_period(&period.before()))
}

/// Share of a cell in a base value (`whole` = (row, col) of the whole).
pub fn share_of(
    ds: &Dataset,
    part: (usize, usize),
    whole: (usize, usize),
) -> Result<Derived, String> {
    let (v, missing) = inputs(ds, &[part, whole])?;
    if !missing.is_empty() {
        return Ok(percent(None, missing));
    }
    if v[1].is_zero() {
        return Ok(undefined(format!(
            "「{}」的「{}」占比无法计算：作为整体的 {} 为0",
            ds.row_label(part.0),
            ds.columns[part.1].name,
            ds.locate(whole.0, whole.1)
        )));
    }
    Ok(percent(Some(ratio(&v[0], &v[1]) * hundred()), missing))
}

/// Share of a cell in the total of its column over `rows`.
pub fn share_of_total(
    ds: &Dataset,
    row: usize,
    col: usize,
    rows: &[usize],
) -> Result<Derived, String> {
    let total = total(ds, col, rows)?;
    let (v, mut missing) = inputs(ds, &[(row, col)])?;
    missing.extend(total.missing);
    match (v.first(), total.value) {
        (Some(v), Some(t)) if missing.is_empty() => {
            if t.is_zero() {
                return Ok(undefined(format!(
                    "「{}」的「{}」占比无法计算：该列合计为0",
                    ds.row_label(row),
                    ds.columns[col].name
                )));
            }
            Ok(percent(Some(ratio(v, &t) * hundred()), missing))
        }
        _ => Ok(percent(None, missing)),
    }
}

/// Compound annual growth rate between two rows. The years between them come from their
/// names (2019 → 2021 is 2 years; 2023Q1 → 2024Q3 is 1.5), or from `years` when the rows
/// are not periods.
pub fn cagr(
    ds: &Dataset,
    col: usize,
    from: usize,
    to: usize,
    years: Option<&Decimal>,
) -> Result<Derived, String> {
    let years = match years {
        Some(y) => to_f64(y),
        None => {
            let (a, b) = (
                Period::parse(ds.row_label(from)),
                Period::parse(ds.row_label(to)),
            );
            match (a, b) {
                (Some(a), Some(b)) => a.years_until(&b).ok_or_else(|| {
                    format!(
                        "「{}」与「{}」的时期粒度不同（如年份与季度），无法计算相隔几年；请用 years= 写明年数",
                        ds.row_label(from),
                        ds.row_label(to)
                    )
                })?,
                _ => {
                    return Err(format!(
                        "复合增长率需要知道相隔几年，但「{}」和「{}」不是年份或季度、月份；请用 years= 写明年数，例如 years=3",
                        ds.row_label(from),
                        ds.row_label(to)
                    ));
                }
            }
        }
    };
    if years <= 0.0 {
        return Err(format!(
            "复合增长率要求 to（{}）在 from（{}）之后",
            ds.row_label(to),
            ds.row_label(from)
        ));
    }
    let (v, missing) = inputs(ds, &[(from, col), (to, col)])?;
    if !missing.is_empty() {
        return Ok(percent(None, missing));
    }
    let positive = |d: &Decimal| d.sign() == bigdecimal::num_bigint::Sign::Plus;
    if !positive(&v[0]) || !positive(&v[1]) {
        return Ok(undefined(format!(
            "复合增长率要求首末两期都大于0：{} 与 {}",
            ds.locate(from, col),
            ds.locate(to, col)
        )));
    }
    let growth = (to_f64(&ratio(&v[1], &v[0])).powf(1.0 / years) - 1.0) * 100.0;
    Ok(percent(decimal_from_f64(growth), missing))
}

/// Sum of a column over `rows`.
pub fn total(ds: &Dataset, col: usize, rows: &[usize]) -> Result<Derived, String> {
    let cells: Vec<_> = rows.iter().map(|&r| (r, col)).collect();
    let (v, missing) = inputs(ds, &cells)?;
    Ok(Derived {
        value: missing.is_empty().then(|| v.iter().sum()),
        unit: ds.columns[col].unit.clone(),
        decimals: ds.columns[col].decimals,
        missing,
        undefined: None,
    })
}

/// `to` minus `from`; a difference of percentages is in 百分点.
pub fn diff(ds: &Dataset, col: usize, from: usize, to: usize) -> Result<Derived, String> {
    let (v, missing) = inputs(ds, &[(to, col), (from, col)])?;
    let unit = ds.unit(to, col);
    let unit = if unit == "%" { "个百分点" } else { unit }.to_string();
    Ok(Derived {
        value: missing.is_empty().then(|| &v[0] - &v[1]),
        unit,
        decimals: ds.decimals(to, col).max(ds.decimals(from, col)),
        missing,
        undefined: None,
    })
}

#[cfg(test)]
mod tests;
