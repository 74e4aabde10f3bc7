//! The chart in words, for screen readers and the SVG's `<desc>`: read from the same
//! figure the drawing comes from, so that words and picture agree (bars that a narrow
//! canvas turned horizontal are a 条形图 there).

use report_core::format::{Grouping, format_number};

use crate::figure::Figure;
use crate::text::clean;
use crate::{Chart, ChartKind, GAP, Series, value_text};

/// At most this many missing values are named one by one.
const NAMED_GAPS: usize = 3;

/// A Chinese sentence saying what the chart shows: its kind as drawn, the series, the
/// categories and the range of the values with their unit, then what is missing and why,
/// e.g. `分组柱状图：2023年至2024年的出口额与进口额，数值介于914.1至1079.6亿美元之间；
/// 2023年的进口额缺数据（数据集中未填写）。`; for a timeline, the period, the number of
/// events and the groups.
pub(crate) fn describe(chart: &Chart, figure: &Figure) -> String {
    let mut out = what(chart, figure);
    if let Some(gaps) = gaps(chart) {
        out.pop();
        out.push('；');
        out.push_str(&gaps);
        out.push('。');
    }
    out
}

fn what(chart: &Chart, figure: &Figure) -> String {
    let kind = chart.kind.chinese_as_drawn(figure.horizontal);
    let categories: Vec<String> = chart.categories.iter().map(|c| clean(c)).collect();
    if chart.series.is_empty() || categories.is_empty() {
        return format!("{kind}：没有数据。");
    }
    let names = join(chart.series.iter().map(|s| clean(&s.name)).collect());
    match chart.kind {
        ChartKind::Pie | ChartKind::Donut => pie(chart, &categories),
        ChartKind::Timeline => timeline(chart, &categories),
        ChartKind::Range => ranges(chart, &categories),
        ChartKind::BarLine => {
            let mut out = format!("{kind}：{}的{names}（柱，左轴）", span(&categories, true));
            out.push_str(&range(&chart.series, &chart.unit, chart.decimals));
            if let Some(line) = &chart.line {
                out.push_str(&format!("；{}（折线，右轴）", clean(&line.name)));
                out.push_str(&range(
                    std::slice::from_ref(line),
                    &chart.line_unit,
                    chart.line_decimals,
                ));
            }
            out.push('。');
            out
        }
        _ => {
            let ordered = chart.kind == ChartKind::Line;
            let mut out = format!("{kind}：{}的{names}", span(&categories, ordered));
            if chart.kind == ChartKind::Stacked {
                out.push_str("（按类别堆叠）");
            }
            out.push_str(&range(&chart.series, &chart.unit, chart.decimals));
            out.push('。');
            out
        }
    }
}

/// `区间图：各项的下限至上限，新兴市场为8～10%，发达国家为3～5%。`: each range, its ends as tables print
/// them.
fn ranges(chart: &Chart, categories: &[String]) -> String {
    let (low, high) = (&chart.series[0], &chart.series[1]);
    let unit = clean(&chart.unit);
    let parts: Vec<String> = categories
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let lo = value_text(low, i, chart.decimals)?;
            let hi = value_text(high, i, chart.decimals)?;
            Some(format!("{c}为{lo}～{hi}{unit}"))
        })
        .collect();
    let parts = if parts.is_empty() {
        "没有完整的区间".to_string()
    } else {
        parts.join("，")
    };
    format!(
        "{}：各项的{}至{}，{parts}。",
        chart.kind.chinese(),
        clean(&low.name),
        clean(&high.name)
    )
}

/// `2023年的进口额缺数据（数据待补充）、…`, or `None` when nothing is missing.
fn gaps(chart: &Chart) -> Option<String> {
    let all = missing(chart);
    let count = all.len();
    let named: Vec<String> = all
        .into_iter()
        .take(NAMED_GAPS)
        .map(|(what, why)| match why {
            Some(why) => format!("{what}{GAP}（{why}）"),
            None => format!("{what}{GAP}"),
        })
        .collect();
    match count {
        0 => None,
        n if n > named.len() => Some(format!("{}等{n}处{GAP}", named.join("、"))),
        _ => Some(named.join("、")),
    }
}

/// Every value the chart lacks, in series order: what it is (`2023年的进口额`) and why, if
/// the caller said. The data table under the chart lists the same.
pub fn missing(chart: &Chart) -> Vec<(String, Option<String>)> {
    if chart.kind == ChartKind::Timeline {
        return Vec::new();
    }
    let categories: Vec<String> = chart.categories.iter().map(|c| clean(c)).collect();
    let years = are_years(&categories);
    let mut out = Vec::new();
    for series in chart.series.iter().chain(&chart.line) {
        for (i, value) in series.values.iter().enumerate() {
            if value.is_none() {
                let category = categories
                    .get(i)
                    .map_or(String::new(), |c| as_year(c, years));
                out.push((
                    format!("{category}的{}", clean(&series.name)),
                    series.reason(i).map(clean),
                ));
            }
        }
    }
    out
}

/// `时间轴：2017年至2024年7月的7个事件，分为ICH、PIC/S、WHO三类。`
fn timeline(chart: &Chart, times: &[String]) -> String {
    let n = times.len();
    let span = if times.iter().all(|t| *t == times[0]) {
        span(&times[..1], true)
    } else {
        span(times, true)
    };
    let mut out = format!("{}：{span}的{n}个事件", chart.kind.chinese());
    let groups = chart.series.len();
    if groups > 1 {
        const COUNTS: [&str; 9] = ["", "一", "两", "三", "四", "五", "六", "七", "八"];
        let names: Vec<String> = chart.series.iter().map(|s| clean(&s.name)).collect();
        let count = COUNTS
            .get(groups)
            .map_or_else(|| groups.to_string(), |c| c.to_string());
        out.push_str(&format!("，分为{}{count}类", names.join("、")));
    }
    out.push('。');
    out
}

/// `，各项为A占42.1%、B占20.0%…` for a pie.
fn pie(chart: &Chart, categories: &[String]) -> String {
    let series = &chart.series[0];
    let total: f64 = series.values.iter().flatten().filter(|v| **v > 0.0).sum();
    let parts: Vec<String> = categories
        .iter()
        .zip(&series.values)
        .map(|(c, v)| match v {
            Some(v) if total > 0.0 => format!(
                "{c}占{}%",
                format_number(v / total * 100.0, 1, false, Grouping::Auto)
            ),
            _ => format!("{c}{GAP}"),
        })
        .collect();
    format!(
        "{}：{}的构成，共{}项，{}。",
        chart.kind.chinese(),
        clean(&series.name),
        categories.len(),
        parts.join("，")
    )
}

/// The categories in a few words: `2019年至2024年` for years and ordered axes, a list for a
/// few names, the first ones and a count for many.
fn span(categories: &[String], ordered: bool) -> String {
    let years = are_years(categories);
    let show = |c: &String| as_year(c, years);
    let first = show(&categories[0]);
    let last = show(&categories[categories.len() - 1]);
    match categories.len() {
        1 => first,
        _ if years || ordered => format!("{first}至{last}"),
        2..=4 => join(categories.iter().map(show).collect()),
        n => format!(
            "{}等{n}项",
            categories[..3]
                .iter()
                .map(show)
                .collect::<Vec<_>>()
                .join("、")
        ),
    }
}

/// Whether every category is a year: `2024` or `2024年`.
fn are_years(categories: &[String]) -> bool {
    categories.iter().all(|c| {
        let digits = c.strip_suffix('年').unwrap_or(c);
        digits.len() == 4 && digits.chars().all(|d| d.is_ascii_digit())
    })
}

/// A category as said in a sentence: years as `2024年`.
fn as_year(category: &str, years: bool) -> String {
    if years && !category.ends_with('年') {
        format!("{category}年")
    } else {
        category.to_string()
    }
}

/// `A`, `A与B`, `A、B与C`.
fn join(mut names: Vec<String>) -> String {
    match names.len() {
        0 => String::new(),
        1 => names.remove(0),
        _ => {
            let last = names.pop().unwrap_or_default();
            format!("{}与{last}", names.join("、"))
        }
    }
}

/// `，数值介于914.1至1079.6亿美元之间`, with the numbers as tables print them.
fn range(series: &[Series], unit: &str, decimals: usize) -> String {
    let mut points = series.iter().flat_map(|s| {
        s.values
            .iter()
            .enumerate()
            .filter_map(move |(i, v)| Some((v.as_ref().copied()?, s, i)))
    });
    let Some(first) = points.next() else {
        return "，没有数据".into();
    };
    let (min, max) = points.fold((first, first), |(min, max), p| {
        (
            if p.0 < min.0 { p } else { min },
            if p.0 > max.0 { p } else { max },
        )
    });
    let unit = clean(unit);
    let text = |(v, s, i): (f64, &Series, usize)| {
        let text = value_text(s, i, decimals)
            .unwrap_or_else(|| format_number(v, decimals, false, Grouping::Auto));
        if text.ends_with(unit.as_str()) {
            text
        } else {
            format!("{text}{unit}")
        }
    };
    // 亿美元 is said once, after the range; a percent sign goes with each number.
    let (low, high) = (text(min), text(max));
    let low = if matches!(unit.as_str(), "%" | "‰") {
        low
    } else {
        low.strip_suffix(unit.as_str()).unwrap_or(&low).to_string()
    };
    if min.0 == max.0 {
        format!("，数值均为{high}")
    } else {
        format!("，数值介于{low}至{high}之间")
    }
}
