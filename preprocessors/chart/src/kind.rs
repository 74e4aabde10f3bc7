//! The kinds of chart writers ask for with `kind=`.

use report_core::suggest::did_you_mean;

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
    /// A range per category (8%～10%): a bar from the first series' value to the second's.
    Range,
    /// Dated events down a vertical rule, coloured by group: see [`crate::Chart`] for how
    /// events are encoded.
    Timeline,
}

impl ChartKind {
    /// The names writers use in `kind=`, in the order of [`ChartKind::ALL`].
    pub const NAMES: &[&str] = &[
        "bar", "hbar", "grouped", "stacked", "line", "pie", "donut", "bar-line", "range",
        "timeline",
    ];
    pub(crate) const ALL: [ChartKind; 10] = [
        ChartKind::Bar,
        ChartKind::HBar,
        ChartKind::Grouped,
        ChartKind::Stacked,
        ChartKind::Line,
        ChartKind::Pie,
        ChartKind::Donut,
        ChartKind::BarLine,
        ChartKind::Range,
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

    /// The Chinese name of the kind, as messages and the description say it.
    pub(crate) fn chinese(self) -> &'static str {
        match self {
            ChartKind::Bar => "柱状图",
            ChartKind::HBar => "条形图",
            ChartKind::Grouped => "分组柱状图",
            ChartKind::Stacked => "堆叠柱状图",
            ChartKind::Line => "折线图",
            ChartKind::Pie => "饼图",
            ChartKind::Donut => "环形图",
            ChartKind::BarLine => "柱线组合图",
            ChartKind::Range => "区间图",
            ChartKind::Timeline => "时间轴",
        }
    }

    /// The Chinese name of the kind as drawn: bars that lie horizontally are a 条形图,
    /// whatever `kind=` said.
    pub(crate) fn chinese_as_drawn(self, horizontal: bool) -> &'static str {
        match self {
            ChartKind::Bar if horizontal => "条形图",
            ChartKind::Grouped if horizontal => "分组条形图",
            ChartKind::Stacked if horizontal => "堆叠条形图",
            kind => kind.chinese(),
        }
    }

    /// Kinds that draw bars from a value axis (the bars of a bar-line chart included).
    pub(crate) fn has_bars(self) -> bool {
        matches!(
            self,
            ChartKind::Bar
                | ChartKind::HBar
                | ChartKind::Grouped
                | ChartKind::Stacked
                | ChartKind::BarLine
                | ChartKind::Range
        )
    }
}
