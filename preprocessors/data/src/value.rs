//! `{{#value DATASET row=… col=…}}`: one formatted value inline in a sentence, straight from
//! the data or derived from it (`calc=yoy|share|cagr|total|diff`).

use report_core::args::Args;
use report_core::calc::{self, Calc, Derived};
use report_core::config::Target;
use report_core::data::{Cell, Dataset, Number};
use report_core::format::NumberFormat;
use report_core::scan::Placeholder;
use report_core::text::{escape_html, escape_markdown};

use crate::select;
use crate::table::missing_html;
use crate::{Chapter, Context, Rendered, Request, request};

pub(crate) fn render(
    ctx: &Context,
    _chapter: &Chapter,
    p: &Placeholder,
) -> Result<Rendered, String> {
    let Request { args, ds, fmt } = request(ctx, p)?;
    let col = column(&ds, &args)?;
    let value = match args.get("calc") {
        None => plain(&ds, &args, col, &fmt)?,
        Some(name) => derived(&ds, &args, col, Calc::parse(name)?, &fmt)?,
    };
    let source = format!("数据来源：{}", ds.meta.source);
    let text = match (&value, ctx.target) {
        (Shown::Text(t), Target::Html) => format!(
            "<span class=\"report-value\" title=\"{}\">{}</span>",
            escape_html(&source),
            escape_html(t)
        ),
        (Shown::Text(t), Target::Markdown) => escape_markdown(t),
        (Shown::Missing(_), Target::Html) => missing_html(),
        (Shown::Missing(_), Target::Markdown) => report_core::format::MISSING.to_string(),
    };
    let missing = match value {
        Shown::Missing(places) => places,
        Shown::Text(_) => Vec::new(),
    };
    Ok(Rendered { text, missing })
}

enum Shown {
    Text(String),
    /// Missing, with the places of the missing inputs.
    Missing(Vec<String>),
}

/// The column: `col=`, else the only numeric column.
fn column(ds: &Dataset, args: &Args) -> Result<usize, String> {
    if let Some(name) = args.get("col") {
        return ds.column(name);
    }
    let numeric: Vec<usize> = (0..ds.columns.len())
        .filter(|&c| ds.columns[c].numeric)
        .collect();
    match numeric.as_slice() {
        [only] => Ok(*only),
        _ => Err(format!(
            "请用 col= 指明取哪一列，数据集「{}」的列有：{}",
            ds.id,
            ds.column_names().join("、")
        )),
    }
}

fn row_arg(ds: &Dataset, args: &Args, name: &str) -> Result<Option<usize>, String> {
    args.get(name).map(|k| ds.row(k)).transpose()
}

/// The row: `row=` (or `key=` for fact sheets), else the only row.
fn row(ds: &Dataset, args: &Args) -> Result<usize, String> {
    if let Some(r) = row_arg(ds, args, "row")?.or(row_arg(ds, args, "key")?) {
        return Ok(r);
    }
    if ds.rows.len() == 1 {
        return Ok(0);
    }
    Err(format!(
        "请用 row= 指明取哪一行（「{}」列的值），例如 row={}",
        ds.columns[ds.key].name,
        ds.rows.first().map_or("2024", |r| r[ds.key].label())
    ))
}

fn plain(ds: &Dataset, args: &Args, col: usize, fmt: &NumberFormat) -> Result<Shown, String> {
    let r = row(ds, args)?;
    if !ds.columns[col].numeric {
        return Ok(match &ds.rows[r][col] {
            Cell::Missing => Shown::Missing(vec![ds.missing_note(r, col)]),
            cell => Shown::Text(cell.label().to_string()),
        });
    }
    Ok(match ds.number(r, col)? {
        Some(v) => {
            let (number, unit) = fmt.apply(v, ds.unit(r, col), ds.decimals(r, col))?;
            Shown::Text(format!("{number}{unit}"))
        }
        None => Shown::Missing(vec![ds.missing_note(r, col)]),
    })
}

fn derived(
    ds: &Dataset,
    args: &Args,
    col: usize,
    calc: Calc,
    fmt: &NumberFormat,
) -> Result<Shown, String> {
    let d: Derived = match calc {
        Calc::Yoy | Calc::Chain => {
            let r = row(ds, args)?;
            match row_arg(ds, args, "from")? {
                Some(base) => calc::growth(ds, r, base, col)?,
                None if calc == Calc::Yoy => calc::yoy_previous(ds, r, col)?,
                None => calc::chain_previous(ds, r, col)?,
            }
        }
        Calc::Share => {
            let r = row(ds, args)?;
            match args.get("of") {
                // A column of the same row (原料药 of 出口额), else a row of the same column.
                Some(of) => match ds.column(of) {
                    Ok(of_col) => calc::share_of(ds, (r, col), (r, of_col))?,
                    Err(col_err) => match ds.row(of) {
                        Ok(of_row) => calc::share_of(ds, (r, col), (of_row, col))?,
                        Err(_) => {
                            return Err(format!("of=「{of}」既不是列名也不是行名：{col_err}"));
                        }
                    },
                },
                None => calc::share_of_total(ds, r, col, &select::rows(ds, args)?)?,
            }
        }
        Calc::Cagr | Calc::Diff => {
            let from = row_arg(ds, args, "from")?.unwrap_or(0);
            let to = row_arg(ds, args, "to")?.unwrap_or(ds.rows.len().saturating_sub(1));
            if calc == Calc::Cagr {
                let years = match args.get("years") {
                    None => None,
                    Some(y) => Some(
                        Number::parse(y)
                            .ok()
                            .filter(|n| n.to_f64() > 0.0)
                            .ok_or_else(|| format!("years 应为大于0的年数，而不是「{y}」"))?,
                    ),
                };
                calc::cagr(ds, col, from, to, years.as_ref().map(Number::value))?
            } else {
                calc::diff(ds, col, from, to)?
            }
        }
        Calc::Total => calc::total(ds, col, &select::rows(ds, args)?)?,
    };
    if let Some(reason) = d.undefined {
        // In a sentence a dash would read as a figure: the writer rewords instead.
        return Err(format!("{reason}；请改写这句话，或用 from= 换一个基期"));
    }
    Ok(match d.value {
        None => Shown::Missing(d.missing),
        Some(v) => {
            let (number, unit) = fmt.apply(&v, &d.unit, d.decimals)?;
            Shown::Text(format!("{number}{unit}"))
        }
    })
}
