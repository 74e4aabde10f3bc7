//! `{{#chart DATASET kind=… x=… y=…}}`: a numbered figure with an inline SVG chart, its
//! source line, and the data behind it in a collapsible table.

use report_chart::{Chart, ChartKind, Series};
use report_core::args::split_list;
use report_core::calc;
use report_core::config::Target;
use report_core::format::NumberFormat;
use report_core::format::{FORMAT_FLAGS, FORMAT_OPTIONS, MISSING};
use report_core::scan::Placeholder;
use report_core::text::{escape_html, escape_markdown};

use crate::select::{self, SELECT_OPTIONS};
use crate::table::{Formatted, fallback_html, percent};
use crate::{Chapter, Context, Rendered, dataset_args, source_line};

const OPTIONS: &[&str] = &["kind", "x", "y", "line", "title", "id", "note"];

pub(crate) fn render(
    ctx: &Context,
    chapter: &Chapter,
    p: &Placeholder,
) -> Result<Rendered, String> {
    let (args, ds) = dataset_args(ctx, p)?;
    let known: Vec<&str> = OPTIONS
        .iter()
        .chain(SELECT_OPTIONS)
        .chain(FORMAT_OPTIONS)
        .copied()
        .collect();
    args.check_known(&known, FORMAT_FLAGS)?;
    if !p.block {
        return Err("{{#chart}} 必须单独占一行（前后空行），不能写在句子中间".to_string());
    }
    let kind = ChartKind::parse(args.get("kind").unwrap_or("bar"))?;
    let fmt = NumberFormat::from_args(&args)?;
    let rows = select::rows(&ds, &args)?;
    let x = match args.get("x") {
        Some(name) => ds.column(name)?,
        None => ds.key,
    };
    let ys: Vec<usize> = match args.get("y") {
        Some(list) => split_list(list)
            .iter()
            .map(|name| ds.column(name))
            .collect::<Result<_, _>>()?,
        None => (0..ds.columns.len())
            .filter(|&c| c != x && ds.columns[c].numeric)
            .collect(),
    };
    if ys.is_empty() {
        return Err(format!(
            "数据集「{}」没有可画的数字列；请用 y= 指定，例如 y={}",
            ds.id,
            ds.column_names().last().unwrap_or(&"数值")
        ));
    }
    for &y in &ys {
        if !ds.columns[y].numeric {
            return Err(format!(
                "「{}」列不是数字，不能作为 y 画图；请选数字列：{}",
                ds.columns[y].name,
                numeric_names(&ds)
            ));
        }
    }
    let mut missing = Vec::new();
    let categories: Vec<String> = rows
        .iter()
        .map(|&r| ds.rows[r][x].label().to_string())
        .collect();
    let decimals = fmt.decimals.unwrap_or_else(|| {
        ys.iter()
            .map(|&y| ds.columns[y].decimals)
            .max()
            .unwrap_or(0)
    });
    let mut series = Vec::with_capacity(ys.len());
    let mut unit = String::new();
    for &y in &ys {
        let col = &ds.columns[y];
        let mut values = Vec::with_capacity(rows.len());
        let mut labels = Vec::with_capacity(rows.len());
        for &r in &rows {
            match ds.number(r, y)? {
                Some(v) => {
                    let (text, u) = fmt.apply(v, ds.unit(r, y), ds.decimals(r, y));
                    unit = u;
                    values.push(Some(fmt.scaled(v, ds.unit(r, y))));
                    labels.push(text);
                }
                None => {
                    missing.push(ds.locate(r, y));
                    values.push(None);
                    labels.push(MISSING.to_string());
                }
            }
        }
        series.push(Series {
            name: col.name.clone(),
            values,
            labels,
        });
    }
    if unit.is_empty() {
        unit = fmt.apply(0.0, &ds.columns[ys[0]].unit, 0).1;
    }
    // `line=yoy` (or 同比) asks for the growth of the first series, unless the dataset has a
    // column of that name: a real column always wins.
    let line_is_yoy = args
        .get("line")
        .is_some_and(|l| matches!(l, "yoy" | "同比") && ds.column(l).is_err());
    let line = match (kind, args.get("line")) {
        (ChartKind::BarLine, None) => {
            return Err(
                "bar-line 图需要 line=：写 line=yoy 画第一列的同比，或 line=列名 画一个百分比列"
                    .into(),
            );
        }
        (_, None) => None,
        (ChartKind::BarLine, Some(_)) if line_is_yoy => {
            Some(yoy_series(&ds, &rows, ys[0], &fmt, &mut missing)?)
        }
        (ChartKind::BarLine, Some(name)) => Some(column_series(
            &ds,
            &rows,
            ds.column(name)?,
            &fmt,
            &mut missing,
        )?),
        (_, Some(_)) => return Err("line= 只用于 kind=bar-line".into()),
    };
    let (line_unit, line_decimals) = match (&line, args.get("line")) {
        (Some(_), Some(_)) if line_is_yoy => (
            "%".to_string(),
            fmt.decimals.unwrap_or(calc::PERCENT_DECIMALS),
        ),
        (Some(_), Some(name)) => {
            let c = ds.column(name)?;
            (
                ds.columns[c].unit.clone(),
                fmt.decimals.unwrap_or(ds.columns[c].decimals),
            )
        }
        _ => (String::new(), 0),
    };
    let number = ctx.numbering.at(chapter.path, p.span.start);
    let title = args.get("title").unwrap_or(&ds.meta.title);
    let full_title = match number {
        Some(n) => format!("{} {title}", n.label),
        None => title.to_string(),
    };
    let chart = Chart {
        kind,
        id: number.map_or_else(|| format!("fig-at-{}", p.span.start), |n| n.anchor.clone()),
        title: full_title.clone(),
        categories,
        series,
        unit: unit.clone(),
        decimals,
        line,
        line_unit: line_unit.clone(),
        line_decimals,
    };
    let svg = report_chart::render(&chart)?;
    let caption =
        if unit.is_empty() || matches!(kind, ChartKind::Pie | ChartKind::Donut) && unit == "%" {
            full_title
        } else {
            format!("{full_title}（单位：{unit}）")
        };
    let x_name = ds.columns[x].name.clone();
    let mut headings = vec![x_name];
    headings.extend(chart.series.iter().map(|s| with_unit(&s.name, &unit)));
    if let Some(l) = &chart.line {
        headings.push(with_unit(&l.name, &line_unit));
    }
    let table_rows: Vec<Vec<Formatted>> = (0..chart.categories.len())
        .map(|i| {
            let mut row = vec![Some(chart.categories[i].clone())];
            for s in chart.series.iter().chain(&chart.line) {
                let label = &s.labels[i];
                row.push((label != MISSING || s.values[i].is_some()).then(|| label.clone()));
            }
            row
        })
        .collect();
    let source = source_line(ctx, chapter, &ds, args.get("note"));
    missing.sort();
    missing.dedup();
    let text = match ctx.target {
        Target::Html => {
            let svg: Vec<&str> = svg.lines().filter(|l| !l.trim().is_empty()).collect();
            format!(
                "\n\n<figure class=\"report-figure\" id=\"{}\">{}<figcaption>{}</figcaption><details class=\"report-chart-data\"><summary>查看图表数据</summary>{}</details>{}</figure>\n\n",
                escape_html(&chart.id),
                svg.join("\n"),
                escape_html(&caption),
                fallback_html(&headings, &table_rows),
                source
            )
        }
        Target::Markdown => {
            let mut m = format!("\n\n**{}**\n\n|", escape_markdown(&caption));
            for h in &headings {
                m.push_str(&format!(" {} |", escape_markdown(h)));
            }
            m.push_str("\n|");
            for i in 0..headings.len() {
                m.push_str(if i == 0 { " --- |" } else { " ---: |" });
            }
            for row in &table_rows {
                m.push_str("\n|");
                for cell in row {
                    m.push_str(&format!(
                        " {} |",
                        escape_markdown(cell.as_deref().unwrap_or(MISSING))
                    ));
                }
            }
            format!("{m}\n\n{source}\n\n")
        }
    };
    Ok(Rendered { text, missing })
}

fn with_unit(name: &str, unit: &str) -> String {
    if unit.is_empty() {
        name.to_string()
    } else {
        format!("{name}（{unit}）")
    }
}

fn numeric_names(ds: &report_core::data::Dataset) -> String {
    ds.columns
        .iter()
        .filter(|c| c.numeric)
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// 同比 of a column along the shown rows (each against the previous row of the data).
fn yoy_series(
    ds: &report_core::data::Dataset,
    rows: &[usize],
    col: usize,
    fmt: &NumberFormat,
    missing: &mut Vec<String>,
) -> Result<Series, String> {
    let mut values = Vec::with_capacity(rows.len());
    let mut labels = Vec::with_capacity(rows.len());
    for &r in rows {
        let value = if r == 0 {
            None
        } else {
            let d = calc::yoy_previous(ds, r, col)?;
            missing.extend(d.missing);
            d.value
        };
        labels.push(value.map_or_else(|| MISSING.to_string(), |v| percent(v, fmt, true)));
        values.push(value);
    }
    Ok(Series {
        name: format!("{}同比", ds.columns[col].name),
        values,
        labels,
    })
}

/// A column drawn as the line of a bar-line chart (a percentage column, say).
fn column_series(
    ds: &report_core::data::Dataset,
    rows: &[usize],
    col: usize,
    fmt: &NumberFormat,
    missing: &mut Vec<String>,
) -> Result<Series, String> {
    if !ds.columns[col].numeric {
        return Err(format!("line=「{}」不是数字列", ds.columns[col].name));
    }
    let mut values = Vec::with_capacity(rows.len());
    let mut labels = Vec::with_capacity(rows.len());
    for &r in rows {
        match ds.number(r, col)? {
            Some(v) => {
                values.push(Some(v));
                labels.push(fmt.apply(v, "", ds.columns[col].decimals).0);
            }
            None => {
                missing.push(ds.locate(r, col));
                values.push(None);
                labels.push(MISSING.to_string());
            }
        }
    }
    Ok(Series {
        name: ds.columns[col].name.clone(),
        values,
        labels,
    })
}
