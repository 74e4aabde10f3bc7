//! `{{#chart DATASET kind=… x=… y=…}}`: a numbered figure with an inline SVG chart, its
//! source line, and the data behind it in a collapsible table.
//!
//! Most kinds draw numeric columns (`y=`) against the categories of `x=`. A timeline draws
//! dated events instead: `x=` gives the times, `label=` the text of each event and
//! `group=` the group that colours it, encoded as [`report_chart::Chart`] documents.

use report_chart::{Chart, ChartKind, Series};
use report_core::args::{Args, split_list};
use report_core::calc;
use report_core::config::Target;
use report_core::data::Dataset;
use report_core::format::NumberFormat;
use report_core::format::{MISSING, format_decimal, to_f64};
use report_core::scan::Placeholder;
use report_core::text::{escape_html, escape_markdown};

use crate::download::{self, Cell};
use crate::table::{Formatted, fallback_html, percent, percent_cell, scroll_box};
use crate::{Chapter, Context, Rendered, Request, request, source_line};
use crate::{search, select};

/// What a chart draws, besides its categories, and the table of the data behind it.
struct Plot {
    series: Vec<Series>,
    unit: String,
    decimals: usize,
    line: Option<Series>,
    line_unit: String,
    line_decimals: usize,
    headings: Vec<String>,
    rows: Vec<Vec<Formatted>>,
    /// The same rows as the download holds them: numbers as numbers.
    data: Vec<Vec<Cell>>,
    /// Whether the table's columns after the first hold numbers (right-aligned).
    numeric: bool,
}

pub(crate) fn render(
    ctx: &Context,
    chapter: &Chapter,
    p: &Placeholder,
) -> Result<Rendered, String> {
    let Request { args, ds, fmt } = request(ctx, p)?;
    let kind = ChartKind::parse(args.get("kind").unwrap_or("bar"))?;
    let rows = select::rows(&ds, &args)?;
    let x = match args.get("x") {
        Some(name) => ds.column(name)?,
        None => ds.key,
    };
    let mut missing = Vec::new();
    let plot = if kind == ChartKind::Timeline {
        timeline(&ds, &rows, x, &args, &mut missing)?
    } else {
        for option in ["label", "group"] {
            if args.get(option).is_some() {
                return Err(format!(
                    "{option}= 只用于 kind=timeline（时间轴的事件说明列和分组列）"
                ));
            }
        }
        numeric(&ds, &rows, x, kind, &args, &fmt, &mut missing)?
    };
    let categories: Vec<String> = rows
        .iter()
        .map(|&r| ds.rows[r][x].label().to_string())
        .collect();
    let number = ctx.numbering.of(chapter.path, p);
    let title = args.get("title").unwrap_or(&ds.meta.title);
    let full_title = format!("{} {title}", number.label);
    let Plot {
        series,
        unit,
        decimals,
        line,
        line_unit,
        line_decimals,
        headings,
        rows: table_rows,
        data,
        numeric,
    } = plot;
    let chart = Chart {
        kind,
        id: number.anchor.clone(),
        title: full_title.clone(),
        categories,
        series,
        unit: unit.clone(),
        decimals,
        line,
        line_unit,
        line_decimals,
    };
    let drawing = report_chart::render(&chart)?;
    let gaps = report_chart::missing(&chart);
    let caption =
        if unit.is_empty() || matches!(kind, ChartKind::Pie | ChartKind::Donut) && unit == "%" {
            full_title
        } else {
            format!("{full_title}（单位：{unit}）")
        };
    let shown = download::Shown {
        title: chart.title.clone(),
        unit: (!unit.is_empty()).then(|| unit.clone()),
        headings: headings.clone(),
        rows: data,
    };
    let source = source_line(ctx, chapter, p, &ds, &args, shown, &[]);
    missing.sort();
    missing.dedup();
    let text = match ctx.target {
        Target::Html => {
            let svg = drawing.html();
            let svg: Vec<&str> = svg.lines().filter(|l| !l.trim().is_empty()).collect();
            format!(
                "\n\n<figure class=\"report-figure\" id=\"{id}\">{}<figcaption>{}</figcaption>{}{}</figure>\n\n",
                search::left_out(&svg.join("\n")),
                escape_html(&caption),
                search::data(&format!(
                    "<details class=\"report-chart-data\"><summary>查看图表数据</summary>{}{}</details>",
                    scroll_box(
                        &format!("{}的数据", number.label),
                        &fallback_html(&headings, &table_rows, numeric)
                    ),
                    gap_note(&gaps),
                )),
                source,
                id = escape_html(&chart.id),
            )
        }
        Target::Markdown => {
            let mut m = format!("\n\n**{}**\n\n|", escape_markdown(&caption));
            for h in &headings {
                m.push_str(&format!(" {} |", escape_markdown(h)));
            }
            m.push_str("\n|");
            for i in 0..headings.len() {
                m.push_str(if i == 0 || !numeric {
                    " --- |"
                } else {
                    " ---: |"
                });
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
            if !gaps.is_empty() {
                m.push_str(&format!("\n\n{}", escape_markdown(&gap_text(&gaps))));
            }
            format!("{m}\n\n{source}\n\n")
        }
    };
    Ok(Rendered { text, missing })
}

/// The numeric columns of `y=` (every numeric column by default), and the line of a
/// bar-line chart.
fn numeric(
    ds: &Dataset,
    rows: &[usize],
    x: usize,
    kind: ChartKind,
    args: &Args,
    fmt: &NumberFormat,
    missing: &mut Vec<String>,
) -> Result<Plot, String> {
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
                numeric_names(ds)
            ));
        }
    }
    // One value axis, one unit: columns in different units would share a mislabelled axis.
    let units: Vec<&str> = ys.iter().map(|&y| ds.columns[y].unit.as_str()).collect();
    if ds.unit_column.is_none() && units.iter().any(|u| *u != units[0]) {
        let listed: Vec<String> = ys
            .iter()
            .map(|&y| format!("{}（{}）", ds.columns[y].name, ds.columns[y].unit))
            .collect();
        return Err(format!(
            "y= 的各列单位不同：{}；一幅图只有一个数值轴，请分开画，或用 kind=bar-line 把百分比列放在右轴（line=列名）",
            listed.join("、")
        ));
    }
    let decimals = fmt.decimals.unwrap_or_else(|| {
        ys.iter()
            .map(|&y| ds.columns[y].decimals)
            .max()
            .unwrap_or(0)
    });
    let mut series = Vec::with_capacity(ys.len());
    let mut series_cells = Vec::with_capacity(ys.len());
    let mut unit = String::new();
    for &y in &ys {
        let col = &ds.columns[y];
        let mut values = Vec::with_capacity(rows.len());
        let mut labels = Vec::with_capacity(rows.len());
        let mut cells = Vec::with_capacity(rows.len());
        for &r in rows {
            match ds.number(r, y)? {
                Some(v) => {
                    let (text, u) = fmt.apply(v, ds.unit(r, y), ds.decimals(r, y))?;
                    unit = u;
                    values.push(Some(fmt.scaled(v, ds.unit(r, y))?));
                    labels.push(text);
                    cells.push(Cell::number(
                        fmt,
                        v,
                        ds.unit(r, y),
                        ds.decimals(r, y),
                        false,
                    )?);
                }
                None => {
                    missing.push(ds.missing_note(r, y));
                    values.push(None);
                    labels.push(MISSING.to_string());
                    cells.push(Cell::Missing);
                }
            }
        }
        series.push(Series {
            name: col.name.clone(),
            reasons: gap_reasons(&values),
            values,
            labels,
        });
        series_cells.push(cells);
    }
    if unit.is_empty() {
        unit = fmt.unit(&ds.columns[ys[0]].unit)?;
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
            Some(yoy_series(ds, rows, ys[0], fmt, missing)?)
        }
        (ChartKind::BarLine, Some(name)) => {
            Some(column_series(ds, rows, ds.column(name)?, fmt, missing)?)
        }
        (_, Some(_)) => return Err("line= 只用于 kind=bar-line".into()),
    };
    let (line, line_cells) = match line {
        Some((series, cells)) => (Some(series), Some(cells)),
        None => (None, None),
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
    let mut headings = vec![ds.columns[x].name.clone()];
    headings.extend(series.iter().map(|s| with_unit(&s.name, &unit)));
    if let Some(l) = &line {
        headings.push(with_unit(&l.name, &line_unit));
    }
    let table_rows = rows
        .iter()
        .enumerate()
        .map(|(i, &r)| {
            let mut row = vec![Some(ds.rows[r][x].label().to_string())];
            for s in series.iter().chain(&line) {
                let label = &s.labels[i];
                row.push((label != MISSING || s.values[i].is_some()).then(|| label.clone()));
            }
            row
        })
        .collect();
    let data = rows
        .iter()
        .enumerate()
        .map(|(i, &r)| {
            let mut row = vec![Cell::text(&Some(ds.rows[r][x].label().to_string()))];
            row.extend(
                series_cells
                    .iter()
                    .chain(&line_cells)
                    .map(|cells| cells[i].clone()),
            );
            row
        })
        .collect();
    Ok(Plot {
        series,
        unit,
        decimals,
        line,
        line_unit,
        line_decimals,
        headings,
        rows: table_rows,
        data,
        numeric: true,
    })
}

/// A timeline: one event per row, its time from `x=`, its text from `label=`, and its group
/// from `group=` (groups in order of first appearance; one group named after the dataset
/// without it).
fn timeline(
    ds: &Dataset,
    rows: &[usize],
    x: usize,
    args: &Args,
    missing: &mut Vec<String>,
) -> Result<Plot, String> {
    for option in ["y", "line"] {
        if args.get(option).is_some() {
            return Err(format!(
                "kind=timeline 不画数字，不用 {option}=：用 label= 指定事件说明所在的列，group= 指定分组列"
            ));
        }
    }
    let label = match args.get("label") {
        Some(name) => ds.column(name)?,
        None => {
            let example = (0..ds.columns.len())
                .rev()
                .find(|&c| c != x && !ds.columns[c].numeric)
                .map_or("事件", |c| ds.columns[c].name.as_str());
            return Err(format!(
                "kind=timeline 需要 label=：指定写有事件说明的列，例如 label={example}"
            ));
        }
    };
    let group = args.get("group").map(|name| ds.column(name)).transpose()?;
    let mut texts = Vec::with_capacity(rows.len());
    let mut groups: Vec<Option<&str>> = Vec::with_capacity(rows.len());
    for &r in rows {
        let cells = &ds.rows[r];
        if cells[label].is_missing() {
            return Err(format!(
                "{}为空：时间轴的每个事件都需要说明；请填写，或用 where= 去掉这一行",
                ds.locate(r, label)
            ));
        }
        texts.push(cells[label].label().to_string());
        if cells[x].is_missing() {
            missing.push(ds.missing_note(r, x));
        }
        groups.push(match group {
            Some(g) if cells[g].is_missing() => {
                missing.push(ds.missing_note(r, g));
                None
            }
            Some(g) => Some(cells[g].label()),
            None => None,
        });
    }
    // Groups in the order they first appear; events without one share the last.
    let mut names: Vec<Option<&str>> = Vec::new();
    for g in &groups {
        if !names.contains(g) {
            names.push(*g);
        }
    }
    if let Some(i) = names.iter().position(Option::is_none) {
        let none = names.remove(i);
        names.push(none);
    }
    let series = names
        .iter()
        .map(|name| Series {
            name: match (name, group) {
                (Some(name), _) => name.to_string(),
                (None, Some(_)) => "未分组".to_string(),
                (None, None) => ds.meta.title.clone(),
            },
            values: groups.iter().map(|g| (g == name).then_some(1.0)).collect(),
            labels: texts.clone(),
            reasons: Vec::new(),
        })
        .collect();
    let mut headings = vec![ds.columns[x].name.clone()];
    headings.extend(group.map(|g| ds.columns[g].name.clone()));
    headings.push(ds.columns[label].name.clone());
    let table_rows = rows
        .iter()
        .zip(&groups)
        .zip(texts)
        .map(|((&r, g), text)| {
            let time = &ds.rows[r][x];
            let mut row = vec![(!time.is_missing()).then(|| time.label().to_string())];
            if group.is_some() {
                row.push(g.map(str::to_string));
            }
            row.push(Some(text));
            row
        })
        .collect::<Vec<Vec<Formatted>>>();
    let data = table_rows
        .iter()
        .map(|row| row.iter().map(Cell::text).collect())
        .collect();
    Ok(Plot {
        series,
        unit: String::new(),
        decimals: 0,
        line: None,
        line_unit: String::new(),
        line_decimals: 0,
        headings,
        rows: table_rows,
        data,
        numeric: false,
    })
}

/// Why a value is missing, as the chart's description and data table say it.
const CELL_MISSING: &str = "数据待补充";
const NO_BASE: &str = "无上年同期数据，无法计算同比";
const INPUT_MISSING: &str = "计算所需的数据缺失";

/// The reason for each missing cell of a column: the cell is empty or marked 待补充.
fn gap_reasons(values: &[Option<f64>]) -> Vec<String> {
    values
        .iter()
        .map(|v| match v {
            Some(_) => String::new(),
            None => CELL_MISSING.to_string(),
        })
        .collect()
}

/// `缺数据：2023年的进口额（数据待补充）；…。`: what the chart lacks, and why.
fn gap_text(gaps: &[(String, Option<String>)]) -> String {
    let items: Vec<String> = gaps
        .iter()
        .map(|(what, why)| match why {
            Some(why) => format!("{what}（{why}）"),
            None => what.clone(),
        })
        .collect();
    format!("{}：{}。", report_chart::GAP, items.join("；"))
}

/// The gap list under the data table, or nothing when no value is missing.
fn gap_note(gaps: &[(String, Option<String>)]) -> String {
    if gaps.is_empty() {
        return String::new();
    }
    format!(
        "<p class=\"report-gap-note\">{}</p>",
        escape_html(&gap_text(gaps))
    )
}

fn with_unit(name: &str, unit: &str) -> String {
    if unit.is_empty() {
        name.to_string()
    } else {
        format!("{name}（{unit}）")
    }
}

fn numeric_names(ds: &Dataset) -> String {
    ds.columns
        .iter()
        .filter(|c| c.numeric)
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// 同比 of a column along the shown rows (each against the previous row of the data).
fn yoy_series(
    ds: &Dataset,
    rows: &[usize],
    col: usize,
    fmt: &NumberFormat,
    missing: &mut Vec<String>,
) -> Result<(Series, Vec<Cell>), String> {
    let mut values = Vec::with_capacity(rows.len());
    let mut labels = Vec::with_capacity(rows.len());
    let mut reasons = Vec::with_capacity(rows.len());
    let mut cells = Vec::with_capacity(rows.len());
    for &r in rows {
        let (value, reason) = match calc::previous_period(ds, r)? {
            None => (None, NO_BASE.to_string()),
            Some(base) => {
                let d = calc::growth(ds, r, base, col)?;
                missing.extend(d.missing);
                // A base of 0 or below has no growth rate: the point is left out, with why.
                let why = d.undefined.unwrap_or_else(|| INPUT_MISSING.to_string());
                (d.value, why)
            }
        };
        labels.push(
            value
                .as_ref()
                .map_or_else(|| MISSING.to_string(), |v| percent(v, fmt, true)),
        );
        reasons.push(if value.is_some() {
            String::new()
        } else {
            reason
        });
        cells.push(match &value {
            Some(v) => percent_cell(v, fmt, true)?,
            None => Cell::Missing,
        });
        values.push(value.as_ref().map(to_f64));
    }
    let series = Series {
        name: format!("{}同比", ds.columns[col].name),
        values,
        labels,
        reasons,
    };
    Ok((series, cells))
}

/// A column drawn as the line of a bar-line chart (a percentage column, say).
fn column_series(
    ds: &Dataset,
    rows: &[usize],
    col: usize,
    fmt: &NumberFormat,
    missing: &mut Vec<String>,
) -> Result<(Series, Vec<Cell>), String> {
    if !ds.columns[col].numeric {
        return Err(format!("line=「{}」不是数字列", ds.columns[col].name));
    }
    let mut values = Vec::with_capacity(rows.len());
    let mut labels = Vec::with_capacity(rows.len());
    let mut cells = Vec::with_capacity(rows.len());
    for &r in rows {
        match ds.number(r, col)? {
            Some(v) => {
                // The line has its own axis and unit: scale= and unit= are for the bars.
                let decimals = fmt.decimals.unwrap_or(ds.decimals(r, col));
                values.push(Some(to_f64(v)));
                labels.push(format_decimal(
                    v,
                    decimals,
                    fmt.rounding.unwrap_or_default(),
                    fmt.sign,
                    fmt.grouping,
                ));
                cells.push(Cell::unscaled(fmt, v, ds.decimals(r, col), false)?);
            }
            None => {
                missing.push(ds.missing_note(r, col));
                values.push(None);
                labels.push(MISSING.to_string());
                cells.push(Cell::Missing);
            }
        }
    }
    let series = Series {
        name: ds.columns[col].name.clone(),
        reasons: gap_reasons(&values),
        values,
        labels,
    };
    Ok((series, cells))
}
