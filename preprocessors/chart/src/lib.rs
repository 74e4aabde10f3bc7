//! SVG charts for the report, drawn at build time with plotters' SVG backend.
//!
//! The data crate turns a `{{#chart}}` placeholder into a [`Chart`]; [`render`] returns the
//! `<svg>` markup that is inlined into the page and [`describe`] the Chinese sentence that
//! screen readers hear (it is also the SVG's `<desc>`).
//!
//! Three decisions shape this crate:
//!
//! - **No fonts.** plotters is built without `ttf`, so builds need no system libraries and
//!   the output never depends on the machine. Its own text metrics count bytes, which makes
//!   a Chinese character three times too wide, so every piece of text is measured with
//!   [`report_core::text::display_width_em`] and drawn by this crate (`text`); plotters
//!   draws the bars, lines, slices, axes and grid.
//! - **Colours come from the theme.** plotters paints with a fixed palette whose colours are
//!   only markers: `svg` rewrites each of them into classes (`series-0` ... `series-7`,
//!   `grid`, `axis`) that `assets/charts.css` colours for each of mdBook's five themes and
//!   for print. The palette stays as presentation attributes, so a reader without the
//!   stylesheet (an RSS reader) still sees a sane chart; text and rules use `currentColor`.
//! - **One HTML block.** The markup has no blank lines and no indentation, so that Markdown
//!   keeps it as a single raw HTML block, and it is byte-identical for identical input.

mod cartesian;
mod describe;
mod legend;
mod pie;
mod scale;
mod svg;
mod text;
mod timeline;

pub use describe::describe;

use report_core::suggest::did_you_mean;

/// The most series (or pie slices) a chart keeps apart by colour.
pub const MAX_SERIES: usize = 8;

/// What a chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Vertical bars, one series.
    Bar,
    /// Horizontal bars, one series: long category names read better.
    HBar,
    /// Several series side by side in each category.
    Grouped,
    /// Several series stacked in each category.
    Stacked,
    /// One line per series.
    Line,
    Pie,
    Donut,
    /// Bars on the left axis and a line (typically 同比 growth) on the right axis.
    BarLine,
    /// Dated events down a vertical rule, coloured by group: see [`Chart`] for how events
    /// are encoded.
    Timeline,
}

impl ChartKind {
    /// The names writers use in `kind=`, in the order of the enum.
    pub const NAMES: &[&str] = &[
        "bar", "hbar", "grouped", "stacked", "line", "pie", "donut", "bar-line", "timeline",
    ];
    const ALL: [ChartKind; 9] = [
        ChartKind::Bar,
        ChartKind::HBar,
        ChartKind::Grouped,
        ChartKind::Stacked,
        ChartKind::Line,
        ChartKind::Pie,
        ChartKind::Donut,
        ChartKind::BarLine,
        ChartKind::Timeline,
    ];

    /// Reads a `kind=` value; an unknown name gets a did-you-mean and the list of kinds.
    pub fn parse(s: &str) -> Result<ChartKind, String> {
        let s = s.trim();
        if let Some(i) = Self::NAMES.iter().position(|n| *n == s) {
            return Ok(Self::ALL[i]);
        }
        let names = Self::NAMES.join("、");
        Err(match did_you_mean(s, Self::NAMES.iter().copied()) {
            Some(hint) => format!("未知的图表类型「{s}」，是不是想写「{hint}」？可用：{names}"),
            None => format!("未知的图表类型「{s}」。可用：{names}"),
        })
    }

    /// The name writers use in `kind=`.
    pub fn name(self) -> &'static str {
        Self::NAMES[Self::ALL.iter().position(|k| *k == self).unwrap_or(0)]
    }

    /// The Chinese name of the kind, as the description says it.
    fn chinese(self) -> &'static str {
        match self {
            ChartKind::Bar => "柱状图",
            ChartKind::HBar => "条形图",
            ChartKind::Grouped => "分组柱状图",
            ChartKind::Stacked => "堆叠柱状图",
            ChartKind::Line => "折线图",
            ChartKind::Pie => "饼图",
            ChartKind::Donut => "环形图",
            ChartKind::BarLine => "柱线组合图",
            ChartKind::Timeline => "时间轴",
        }
    }
}

/// One series of values, one per category.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    pub name: String,
    /// `None` where the data is missing: no bar, a gap in the line.
    pub values: Vec<Option<f64>>,
    /// Each value as tables print it (`"—"` where missing); used for data labels and in the
    /// description so that a number reads the same everywhere. May be empty, in which case
    /// the values are formatted with the chart's decimals.
    pub labels: Vec<String>,
}

/// Everything needed to draw one chart.
///
/// A [`ChartKind::Timeline`] uses the same fields for events: `categories` are the time
/// labels, one per event in order; each series is a group (the legend), with
/// `values[i] = Some(_)` if event `i` belongs to it and `None` otherwise, and `labels[i]`
/// the text of event `i` (taken from the series whose value is `Some`). `unit` and the
/// decimals are not used.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub kind: ChartKind,
    /// Unique in the page (`fig-trade-totals`); prefixes the ids inside the SVG.
    pub id: String,
    /// The figure's title (`图3-1 中国药械产品进出口额`): the SVG's `<title>`. It is not drawn,
    /// since the figure's caption shows it.
    pub title: String,
    /// The x-axis categories, or the slices of a pie.
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The value axis's unit (`亿美元`), may be empty.
    pub unit: String,
    /// Decimals of the value-axis tick labels (fewer when the ticks are round numbers).
    pub decimals: usize,
    /// [`ChartKind::BarLine`] only: the series on the right axis.
    pub line: Option<Series>,
    pub line_unit: String,
    pub line_decimals: usize,
}

/// Draws the chart: the `<svg>...</svg>` markup, or a Chinese message that tells the
/// writer what to fix.
pub fn render(chart: &Chart) -> Result<String, String> {
    check(chart)?;
    match chart.kind {
        ChartKind::Pie | ChartKind::Donut => pie::render(chart),
        ChartKind::Timeline => timeline::render(chart),
        _ => cartesian::render(chart),
    }
}

/// Refuses data that cannot make the chart that was asked for.
fn check(chart: &Chart) -> Result<(), String> {
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
                "{}只画一个系列，但收到 {count} 个（{}）：多个系列请用 kind=grouped 或 kind=stacked",
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

/// The text of value `i` of a series: its label as tables print it, else the number with
/// `decimals`.
fn value_text(series: &Series, i: usize, decimals: usize) -> Option<String> {
    let value = series.values.get(i).copied().flatten()?;
    match series.labels.get(i).map(|l| l.trim()) {
        Some(label) if !label.is_empty() && label != report_core::format::MISSING => {
            Some(label.to_string())
        }
        _ => Some(report_core::format::format_number(
            value,
            decimals,
            false,
            report_core::format::Grouping::Auto,
        )),
    }
}

#[cfg(test)]
mod tests;
