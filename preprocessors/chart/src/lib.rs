//! SVG charts for the report, laid out at build time and drawn with plotters' SVG backend.
//!
//! The data crate turns a `{{#chart}}` placeholder into a [`Chart`] (values to plot and the
//! labels to print); [`render`] returns it drawn twice, as a [`Drawing`]: a wide `<svg>`
//! for desktops and print, and a narrow, taller one for phones. The page's stylesheet shows
//! the one that fits the column (`assets/charts.css`), so text stays legible on a 320-px
//! screen without JavaScript.
//!
//! Each drawing is made in two steps that never mix:
//!
//! 1. **Layout** (`cartesian`, `pie`, `timeline`, with `legend`, `scale` and `text`): the
//!    chart becomes a [`figure::Figure`] for one [`canvas::Canvas`], plain data in viewBox
//!    units: every mark (bar, line, slice, dot, rule) with its role, every text with its
//!    place, and what the reader sees (bars turned horizontal). Text is measured with
//!    [`report_core::text::display_width_em`], since plotters is built without fonts and
//!    its own metrics count bytes.
//! 2. **Output**: `draw` writes the figure's marks through plotters' SVG backend, one
//!    group per role so that the stylesheet can colour each role per theme, and the text
//!    itself; `describe` says the same figure in words for the SVG's `<desc>`.
//!
//! The markup has no blank lines and no indentation, so that Markdown keeps it as one raw
//! HTML block, and it is byte-identical for identical input.

mod canvas;
mod cartesian;
mod check;
mod describe;
mod draw;
mod figure;
mod kind;
mod legend;
mod pie;
mod scale;
mod text;
mod timeline;

pub use canvas::{BREAKPOINT, NARROW_MAX};
pub use describe::missing;
pub use kind::ChartKind;

use canvas::Canvas;
use figure::Figure;

/// The most series (or pie slices) a chart keeps apart by colour.
pub const MAX_SERIES: usize = 8;

/// What the chart and its description say where a value is missing.
pub const GAP: &str = "缺数据";

/// One series of values, one per category.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    pub name: String,
    /// `None` where the data is missing: marked 缺数据 in the chart, never drawn as zero.
    pub values: Vec<Option<f64>>,
    /// Each value as tables print it (`"—"` where missing); used for data labels and in the
    /// description so that a number reads the same everywhere. May be empty, in which case
    /// the values are formatted with the chart's decimals.
    pub labels: Vec<String>,
    /// Why value `i` is missing, where the caller knows (`无上年数据`), for the
    /// description; may be shorter than `values` or empty.
    pub reasons: Vec<String>,
}

impl Series {
    /// Why value `i` is missing, if the caller said.
    pub(crate) fn reason(&self, i: usize) -> Option<&str> {
        self.reasons
            .get(i)
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
    }
}

/// Everything needed to draw one chart.
///
/// A [`ChartKind::Timeline`] uses the same fields for events: `categories` are the time
/// labels, one per event in order; each series is a group (the legend), with
/// `values[i] = Some(_)` if event `i` belongs to it and `None` otherwise, and `labels[i]`
/// the text of event `i` (taken from the series whose value is `Some`). `unit` and the
/// decimals are not used.
///
/// A [`ChartKind::Range`] has two series, the low and the high end of each range.
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

/// A chart drawn for both widths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    /// For columns of 620 px and more, and print: `<svg class="report-chart ... report-chart-wide">`.
    pub wide: String,
    /// For phones: `<svg class="report-chart ... report-chart-narrow">`.
    pub narrow: String,
}

impl Drawing {
    /// Both `<svg>` elements, wide first, as one HTML block.
    pub fn html(&self) -> String {
        format!("{}\n{}", self.wide, self.narrow)
    }
}

/// Lays the chart out for each width and draws it, or says in Chinese what the writer must
/// fix.
pub fn render(chart: &Chart) -> Result<Drawing, String> {
    check::check(chart)?;
    let draw = |canvas: Canvas| -> Result<String, String> {
        let figure = layout(chart, canvas);
        draw::svg(chart, &figure, &describe::describe(chart, &figure))
    };
    Ok(Drawing {
        wide: draw(canvas::WIDE)?,
        narrow: draw(canvas::NARROW)?,
    })
}

/// The chart laid out for one canvas. The chart must have passed [`check::check`].
fn layout(chart: &Chart, canvas: Canvas) -> Figure {
    match chart.kind {
        ChartKind::Pie | ChartKind::Donut => pie::layout(chart, canvas),
        ChartKind::Timeline => timeline::layout(chart, canvas),
        _ => cartesian::layout(chart, canvas),
    }
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
