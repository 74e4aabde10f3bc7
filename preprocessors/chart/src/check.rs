//! Refuses data that cannot make the chart that was asked for, with the fix in Chinese.

use crate::{Chart, ChartKind, MAX_SERIES, timeline};

pub(crate) fn check(chart: &Chart) -> Result<(), String> {
    if chart.categories.is_empty() || chart.series.is_empty() {
        return Err("图表没有数据：数据集为空或筛选后没有行，请检查 rows=/where=".into());
    }
    let n = chart.categories.len();
    let all = || {
        let line = chart.line.iter().map(|l| (l, "折线"));
        chart.series.iter().map(|s| (s, "")).chain(line)
    };
    for (series, role) in all() {
        if series.values.len() != n {
            return Err(format!(
                "图表数据不一致：{role}系列「{}」有 {} 个值，但有 {n} 个类别",
                series.name,
                series.values.len()
            ));
        }
    }
    if chart.kind == ChartKind::Timeline {
        return timeline::check(chart);
    }
    for (series, role) in all() {
        if let Some(i) = series
            .values
            .iter()
            .position(|v| v.is_some_and(|v| !v.is_finite()))
        {
            return Err(format!(
                "{role}系列「{}」在「{}」的数值无效（{}），请检查数据",
                series.name,
                chart.categories[i],
                series.values[i].unwrap_or_default()
            ));
        }
        if series.values.iter().all(Option::is_none) {
            let hint = if role.is_empty() {
                "请补充数据，或用 y= 去掉这一列"
            } else {
                "同比需要至少两期数据；请补充数据或检查 line="
            };
            return Err(format!(
                "{role}系列「{}」的数值全部缺失，无法作图：{hint}",
                series.name
            ));
        }
    }
    let count = chart.series.len();
    let names = || {
        chart
            .series
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    match chart.kind {
        ChartKind::Bar | ChartKind::HBar | ChartKind::BarLine if count > 1 => {
            return Err(format!(
                "{}只画一个系列，但收到 {count} 个（{}）：多个系列请用 kind=grouped 或 kind=stacked；上下限请用 kind=range",
                chart.kind.chinese(),
                names()
            ));
        }
        ChartKind::Pie | ChartKind::Donut if count > 1 => {
            return Err(format!(
                "{}只画一个系列，但收到 {count} 个（{}）：请用 y= 选一列",
                chart.kind.chinese(),
                names()
            ));
        }
        ChartKind::Range if count != 2 => {
            return Err(format!(
                "区间图需要两列（下限和上限），但收到 {count} 个（{}）：请写 y=下限列,上限列",
                names()
            ));
        }
        _ if count > MAX_SERIES => {
            return Err(format!(
                "系列过多（{count} 个）：图表最多区分 {MAX_SERIES} 个系列，请用 y= 选取"
            ));
        }
        _ => {}
    }
    match chart.kind {
        ChartKind::BarLine if chart.line.is_none() => {
            Err("柱线图缺少折线系列：请用 line=yoy（同比）或 line=列名 指定右轴上的折线".into())
        }
        ChartKind::Pie | ChartKind::Donut => check_pie(chart),
        ChartKind::Range => check_range(chart),
        _ => Ok(()),
    }
}

fn check_pie(chart: &Chart) -> Result<(), String> {
    let series = &chart.series[0];
    let n = chart.categories.len();
    if n > MAX_SERIES {
        return Err(format!(
            "{}最多 {MAX_SERIES} 块，但有 {n} 块：请用 rows= 或 where= 选取，或改用 kind=hbar",
            chart.kind.chinese()
        ));
    }
    for (category, value) in chart.categories.iter().zip(&series.values) {
        if let Some(v) = value.filter(|v| *v < 0.0) {
            return Err(format!(
                "{}不能画负数：「{}」在「{category}」为 {v}，请改用 kind=bar",
                chart.kind.chinese(),
                series.name
            ));
        }
    }
    if series.values.iter().flatten().sum::<f64>() <= 0.0 {
        return Err(format!(
            "{}的数值合计为 0，无法作图：请检查数据",
            chart.kind.chinese()
        ));
    }
    Ok(())
}

/// Every range runs from its low end to its high end.
fn check_range(chart: &Chart) -> Result<(), String> {
    let (low, high) = (&chart.series[0], &chart.series[1]);
    for (i, category) in chart.categories.iter().enumerate() {
        if let (Some(lo), Some(hi)) = (low.values[i], high.values[i])
            && lo > hi
        {
            return Err(format!(
                "区间图「{category}」的下限（{}，{lo}）大于上限（{}，{hi}）：y= 请先写下限列，再写上限列",
                low.name, high.name
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
