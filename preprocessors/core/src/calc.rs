//! Values derived from data, so writers never type a number the data can compute:
//! 同比 (year-on-year), 占比 (share), CAGR, totals and differences.

use crate::data::Dataset;

/// The derived values a placeholder can ask for with `calc=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calc {
    /// 同比: change against the previous row (or `from=`), in %.
    Yoy,
    /// 占比: share of the column total, of another column (`of=列`) or of another row (`of=行`), in %.
    Share,
    /// Compound annual growth rate from `from=` to `to=`, in %.
    Cagr,
    /// Sum of the column.
    Total,
    /// `to=` minus `from=`; for percentages, in 百分点.
    Diff,
}

pub const CALC_NAMES: &[&str] = &["yoy", "share", "cagr", "total", "diff"];

impl Calc {
    pub fn parse(name: &str) -> Result<Calc, String> {
        Ok(match name {
            "yoy" | "同比" => Calc::Yoy,
            "share" | "占比" => Calc::Share,
            "cagr" | "复合增长率" => Calc::Cagr,
            "total" | "合计" => Calc::Total,
            "diff" | "差值" => Calc::Diff,
            other => {
                let mut msg = format!("未知的计算「{other}」");
                match crate::suggest::did_you_mean(other, CALC_NAMES.iter().copied()) {
                    Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
                    None => msg.push_str("。可用：yoy（同比）、share（占比）、cagr（复合增长率）、total（合计）、diff（差值）"),
                }
                return Err(msg);
            }
        })
    }
}

/// A derived value with its unit and default precision.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// `None` when an input is missing.
    pub value: Option<f64>,
    pub unit: String,
    pub decimals: usize,
    /// Where the missing inputs are, for the pending list.
    pub missing: Vec<String>,
}

/// Decimals of derived percentages unless the writer asks otherwise.
pub const PERCENT_DECIMALS: usize = 1;

fn percent(value: Option<f64>, missing: Vec<String>) -> Derived {
    Derived {
        value,
        unit: "%".to_string(),
        decimals: PERCENT_DECIMALS,
        missing,
    }
}

/// Reads the inputs, collecting the locations of missing ones.
fn inputs(ds: &Dataset, cells: &[(usize, usize)]) -> Result<(Vec<f64>, Vec<String>), String> {
    let mut values = Vec::with_capacity(cells.len());
    let mut missing = Vec::new();
    for &(r, c) in cells {
        match ds.number(r, c)? {
            Some(v) => values.push(v),
            None => missing.push(ds.missing_note(r, c)),
        }
    }
    Ok((values, missing))
}

fn nonzero(base: f64, ds: &Dataset, row: usize, col: usize) -> Result<f64, String> {
    if base == 0.0 {
        Err(format!("{} 为 0，无法作为计算的基数", ds.locate(row, col)))
    } else {
        Ok(base)
    }
}

/// 同比 of `row` against `base_row`.
pub fn yoy(ds: &Dataset, row: usize, base_row: usize, col: usize) -> Result<Derived, String> {
    let (v, missing) = inputs(ds, &[(row, col), (base_row, col)])?;
    if !missing.is_empty() {
        return Ok(percent(None, missing));
    }
    let base = nonzero(v[1], ds, base_row, col)?;
    Ok(percent(Some((v[0] / base - 1.0) * 100.0), missing))
}

/// The row a 同比 compares `row` with. When the row names are years (2024 or 2024年) or
/// other whole numbers, it is the row named one less, wherever it stands, so tables listed
/// newest first work too; otherwise it is the row above. `None` when there is none.
pub fn previous_period(ds: &Dataset, row: usize) -> Option<usize> {
    let label = ds.row_label(row);
    let (number, suffix) = match label.strip_suffix('年') {
        Some(n) => (n, "年"),
        None => (label, ""),
    };
    match number.parse::<i64>() {
        Ok(n) => ds.row(&format!("{}{suffix}", n - 1)).ok(),
        Err(_) => row.checked_sub(1),
    }
}

/// 同比 against the previous period ([`previous_period`]).
pub fn yoy_previous(ds: &Dataset, row: usize, col: usize) -> Result<Derived, String> {
    match previous_period(ds, row) {
        Some(base) => yoy(ds, row, base, col),
        None => Err(format!(
            "数据集「{}」中没有「{}」的上一期可比；请用 from= 指定基期",
            ds.id,
            ds.row_label(row)
        )),
    }
}

/// Share of a cell in a base value (`base` = (row, col) of the whole).
pub fn share_of(
    ds: &Dataset,
    part: (usize, usize),
    whole: (usize, usize),
) -> Result<Derived, String> {
    let (v, missing) = inputs(ds, &[part, whole])?;
    if !missing.is_empty() {
        return Ok(percent(None, missing));
    }
    let base = nonzero(v[1], ds, whole.0, whole.1)?;
    Ok(percent(Some(v[0] / base * 100.0), missing))
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
            if t == 0.0 {
                return Err(format!(
                    "数据集「{}」的「{}」列合计为 0，无法计算占比",
                    ds.id, ds.columns[col].name
                ));
            }
            Ok(percent(Some(v / t * 100.0), missing))
        }
        _ => Ok(percent(None, missing)),
    }
}

/// Compound annual growth rate between two rows; the number of periods is the difference
/// of their keys when both are years (or other numbers), else the distance in rows.
pub fn cagr(ds: &Dataset, col: usize, from: usize, to: usize) -> Result<Derived, String> {
    let periods = match (
        ds.row_label(from).trim_end_matches('年').parse::<f64>(),
        ds.row_label(to).trim_end_matches('年').parse::<f64>(),
    ) {
        (Ok(a), Ok(b)) => b - a,
        _ => to as f64 - from as f64,
    };
    if periods <= 0.0 {
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
    let base = nonzero(v[0], ds, from, col)?;
    if v[1] / base < 0.0 {
        return Err(format!(
            "复合增长率要求首末两期同号：{} 与 {}",
            ds.locate(from, col),
            ds.locate(to, col)
        ));
    }
    Ok(percent(
        Some(((v[1] / base).powf(1.0 / periods) - 1.0) * 100.0),
        missing,
    ))
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
    })
}

/// `to` minus `from`; a difference of percentages is in 百分点.
pub fn diff(ds: &Dataset, col: usize, from: usize, to: usize) -> Result<Derived, String> {
    let (v, missing) = inputs(ds, &[(to, col), (from, col)])?;
    let unit = ds.unit(to, col);
    let unit = if unit == "%" { "个百分点" } else { unit }.to_string();
    Ok(Derived {
        value: missing.is_empty().then(|| v[0] - v[1]),
        unit,
        decimals: ds.columns[col].decimals,
        missing,
    })
}

#[cfg(test)]
mod tests;
