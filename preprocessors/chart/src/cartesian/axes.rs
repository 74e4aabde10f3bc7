//! The value axes of a chart: what they cover and how many ticks fit.

use crate::scale::Scale;
use crate::text;
use crate::{Chart, ChartKind, Series};

/// The left (or, for horizontal bars, bottom) value axis with about `intervals`
/// intervals: standing on zero with headroom for value labels for bars; zoomed in on a
/// line that stays far from zero.
pub(super) fn main_axis(chart: &Chart, intervals: f64) -> Scale {
    let (lo, hi) = if chart.kind == ChartKind::Stacked {
        stack_extent(chart)
    } else {
        extent(&chart.series)
    };
    match chart.kind {
        ChartKind::Line | ChartKind::Range => {
            // A line (or ranges) far from zero reads better zoomed in.
            let zero = lo >= 0.0 && lo < hi * 0.5 || hi <= 0.0 && hi > lo * 0.5;
            Scale::nice(lo, hi, zero, chart.decimals, intervals)
        }
        _ => {
            let room = (hi.max(0.0) - lo.min(0.0)) * 0.08;
            let lo = if lo < 0.0 { lo - room } else { lo };
            let hi = if hi > 0.0 { hi + room } else { hi };
            Scale::nice(lo, hi, true, chart.decimals, intervals)
        }
    }
}

/// The right axis of a bar-line chart, on the same grid lines as `main`.
pub(super) fn line_axis(chart: &Chart, main: &Scale) -> Option<Scale> {
    match (&chart.line, chart.kind) {
        (Some(line), ChartKind::BarLine) => {
            let (lo, hi) = extent(std::slice::from_ref(line));
            Some(Scale::aligned(
                lo,
                hi,
                main.intervals(),
                chart.line_decimals,
            ))
        }
        _ => None,
    }
}

/// Width of the widest tick label of `scale` at `font`.
pub(super) fn tick_width(scale: &Scale, font: f64) -> f64 {
    scale
        .ticks()
        .iter()
        .map(|t| text::width(&scale.label(*t), font))
        .fold(0.0, f64::max)
}

/// A horizontal value axis whose tick labels, centred on their ticks, keep clear of each
/// other across `width`: as many intervals as fit, at most `intervals`.
pub(super) fn fit_across(chart: &Chart, intervals: f64, width: f64, font: f64) -> Scale {
    let mut wanted = intervals;
    loop {
        let scale = main_axis(chart, wanted);
        let spacing = width / scale.intervals().max(1) as f64;
        if tick_width(&scale, font) + font <= spacing || wanted <= 1.0 {
            return scale;
        }
        wanted -= 1.0;
    }
}

/// Smallest and largest value of the series.
pub(super) fn extent(series: &[Series]) -> (f64, f64) {
    series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        })
}

/// Lowest and highest point of the stacks: negatives stack down, positives up.
fn stack_extent(chart: &Chart) -> (f64, f64) {
    (0..chart.categories.len())
        .map(|i| {
            chart
                .series
                .iter()
                .filter_map(|s| s.values[i])
                .fold((0.0, 0.0), |(neg, pos), v| {
                    if v < 0.0 {
                        (neg + v, pos)
                    } else {
                        (neg, pos + v)
                    }
                })
        })
        .fold((0.0, 0.0), |(lo, hi): (f64, f64), (neg, pos)| {
            (lo.min(neg), hi.max(pos))
        })
}
