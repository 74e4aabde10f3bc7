//! Bars of every kind (single, grouped, stacked, the bars of a bar-line chart, ranges),
//! their value labels, and the 缺数据 mark where a bar is missing.

use super::frame::Frame;
use crate::canvas::Canvas;
use crate::figure::{Figure, Role, Shape};
use crate::text::{self, Anchor, CENTER_BASELINE, Placer, Rect, Text};
use crate::{Chart, ChartKind, GAP, value_text};

/// Above this many labels, values are left to the data table.
const MAX_LABELS: usize = 24;
/// Between a bar's end and its label.
const LABEL_GAP: f64 = 4.0;
/// The thickest a horizontal bar is, as a share of the widest upright one.
const HORIZONTAL_BAR: f64 = 0.6;

/// One bar to draw: category `category`'s bar in slot `slot`, coloured as `series`, from
/// `from` to `to` on the value axis.
struct Bar {
    category: usize,
    slot: usize,
    series: usize,
    from: f64,
    to: f64,
}

/// Something a bar (or stack, or range) says next to its end.
struct Label {
    category: usize,
    slot: usize,
    text: String,
    /// The value where the bar ends, beside which the label goes.
    at: f64,
}

/// How many slots a category's bars share: one per series side by side, else one.
fn slot_count(chart: &Chart) -> usize {
    if chart.kind == ChartKind::Grouped {
        chart.series.len()
    } else {
        1
    }
}

/// The bars of the chart, in drawing order.
fn plan_bars(chart: &Chart) -> Vec<Bar> {
    let mut bars = Vec::new();
    for i in 0..chart.categories.len() {
        match chart.kind {
            ChartKind::Stacked => {
                let (mut pos, mut neg) = (0.0, 0.0);
                for (s, series) in chart.series.iter().enumerate() {
                    let Some(v) = series.values[i] else { continue };
                    let base = if v < 0.0 { &mut neg } else { &mut pos };
                    let from = *base;
                    *base += v;
                    bars.push(Bar {
                        category: i,
                        slot: 0,
                        series: s,
                        from,
                        to: *base,
                    });
                }
            }
            ChartKind::Range => {
                if let (Some(lo), Some(hi)) = (chart.series[0].values[i], chart.series[1].values[i])
                {
                    bars.push(Bar {
                        category: i,
                        slot: 0,
                        series: 0,
                        from: lo,
                        to: hi,
                    });
                }
            }
            _ => {
                for (s, series) in chart.series.iter().enumerate() {
                    if let Some(v) = series.values[i] {
                        bars.push(Bar {
                            category: i,
                            slot: s,
                            series: s,
                            from: 0.0,
                            to: v,
                        });
                    }
                }
            }
        }
    }
    bars
}

/// The labels the bars carry: each value, each stack's total, each range's two ends.
fn plan_labels(chart: &Chart) -> Vec<Label> {
    let mut labels = Vec::new();
    for i in 0..chart.categories.len() {
        match chart.kind {
            ChartKind::Stacked => {
                if chart.series.iter().any(|s| s.values[i].is_none()) {
                    continue;
                }
                let (top, bottom) = stack_ends(chart, i);
                let at = if top > 0.0 { top } else { bottom };
                labels.push(Label {
                    category: i,
                    slot: 0,
                    text: stack_total(chart, i),
                    at,
                });
            }
            ChartKind::Range => {
                let (low, high) = (&chart.series[0], &chart.series[1]);
                if let (Some(lo), Some(hi), Some(_)) = (
                    value_text(low, i, chart.decimals),
                    value_text(high, i, chart.decimals),
                    high.values[i],
                ) {
                    labels.push(Label {
                        category: i,
                        slot: 0,
                        text: format!("{lo}～{hi}"),
                        at: high.values[i].unwrap_or_default(),
                    });
                }
            }
            _ => {
                for (s, series) in chart.series.iter().enumerate() {
                    if let (Some(text), Some(v)) =
                        (value_text(series, i, chart.decimals), series.values[i])
                    {
                        labels.push(Label {
                            category: i,
                            slot: s,
                            text,
                            at: v,
                        });
                    }
                }
            }
        }
    }
    labels
}

/// Where a bar is missing: category, slot, and the value its mark stands on.
fn plan_gaps(chart: &Chart) -> Vec<(usize, usize, f64)> {
    let mut gaps = Vec::new();
    for i in 0..chart.categories.len() {
        match chart.kind {
            ChartKind::Stacked | ChartKind::Range => {
                if chart.series.iter().any(|s| s.values[i].is_none()) {
                    let (top, bottom) = if chart.kind == ChartKind::Stacked {
                        stack_ends(chart, i)
                    } else {
                        (0.0, 0.0)
                    };
                    gaps.push((i, 0, if top > 0.0 { top } else { bottom }));
                }
            }
            _ => {
                for (s, series) in chart.series.iter().enumerate() {
                    if series.values[i].is_none() {
                        gaps.push((i, s, 0.0));
                    }
                }
            }
        }
    }
    gaps
}

/// The top of the positive part and the bottom of the negative part of stack `i`.
fn stack_ends(chart: &Chart, i: usize) -> (f64, f64) {
    chart
        .series
        .iter()
        .filter_map(|s| s.values[i])
        .fold((0.0, 0.0), |(top, bottom), v| {
            if v < 0.0 {
                (top, bottom + v)
            } else {
                (top + v, bottom)
            }
        })
}

/// The total of stack `i`, with as many decimals as its parts are printed with.
fn stack_total(chart: &Chart, i: usize) -> String {
    let parts: Vec<String> = chart
        .series
        .iter()
        .filter_map(|s| value_text(s, i, chart.decimals))
        .collect();
    let decimals = parts
        .iter()
        .map(|p| report_core::format::decimals_written(p))
        .max()
        .unwrap_or(chart.decimals);
    let total: f64 = chart.series.iter().filter_map(|s| s.values[i]).sum();
    report_core::format::format_number(total, decimals, false, report_core::format::Grouping::Auto)
}

/// The widest label the bars carry at `size`, including a 缺数据 mark: the room that
/// horizontal bars keep right of the plot.
pub(super) fn label_width(chart: &Chart, size: f64) -> f64 {
    let labels = plan_labels(chart);
    let widest = labels
        .iter()
        .map(|l| text::width(&l.text, size))
        .fold(0.0, f64::max);
    if plan_gaps(chart).is_empty() {
        widest
    } else {
        widest.max(text::width(GAP, size))
    }
}

/// How wide a label above an upright bar may be: a lone bar's label may use its whole
/// band, those of side-by-side bars only their own bar's width.
fn upright_room(band: f64, slot: f64, count: usize) -> f64 {
    if count > 1 { slot + 2.0 } else { band }
}

/// Whether every value label fits above its bar in bands `band` wide.
pub(super) fn labels_fit_upright(chart: &Chart, canvas: &Canvas, band: f64) -> bool {
    let count = slot_count(chart);
    let slot = (super::frame::BAND_FILL * band).min(canvas.max_bar * count as f64) / count as f64;
    let room = upright_room(band, slot, count);
    plan_labels(chart)
        .iter()
        .all(|l| text::width(&l.text, canvas.small) <= room)
}

/// The extent of slot `slot` of category `i` along the category axis.
fn slot_extent(frame: &Frame, canvas: &Canvas, count: usize, i: usize, slot: usize) -> (f64, f64) {
    let (a, b) = frame.zones[i];
    let len = b - a;
    // Horizontal bars read as bars, not blocks, when thinner than upright ones can be.
    let widest = if frame.horizontal {
        canvas.max_bar * HORIZONTAL_BAR
    } else {
        canvas.max_bar
    };
    let group = (frame.fill * len).min(widest * count as f64);
    let start = a + (len - group) / 2.0;
    let each = group / count as f64;
    (start + each * slot as f64, start + each * (slot + 1) as f64)
}

/// Draws the bars into `figure` and places their labels and gap marks with `placer`:
/// gap marks always, value labels all or none (a chart with some bars labelled and some
/// not reads as a mistake). Returns where the bars are, for later labels to avoid.
pub(super) fn draw(
    figure: &mut Figure,
    frame: &Frame,
    chart: &Chart,
    placer: &mut Placer,
) -> Vec<Rect> {
    let canvas = figure.canvas;
    let count = slot_count(chart);
    // A hairline between neighbouring bars of a group.
    let inset = |(a, b): (f64, f64)| {
        if count > 1 {
            let d = (b - a) * 0.06;
            (a + d, b - d)
        } else {
            (a, b)
        }
    };
    let mut rects = Vec::new();
    for bar in plan_bars(chart) {
        let extent = inset(slot_extent(frame, &canvas, count, bar.category, bar.slot));
        let rect = frame.rect(extent, bar.from, bar.to);
        figure.mark(Role::Fill(bar.series), Shape::Rect(rect));
        rects.push(rect);
    }
    for (i, slot, at) in plan_gaps(chart) {
        let extent = slot_extent(frame, &canvas, count, i, slot);
        // A range's axis need not reach zero: its mark then stands at the axis' start.
        let at = at.clamp(frame.scale.min, frame.scale.max);
        let (a, b) = frame.zones[i];
        let room = upright_room(b - a, extent.1 - extent.0, count);
        for candidate in gap_mark(frame, extent, room, at, canvas.small) {
            if let Some(texts) = placer.place_all(candidate) {
                figure.texts.extend(texts);
                break;
            }
        }
    }
    let labels = plan_labels(chart);
    if labels.len() <= MAX_LABELS {
        let mut trial = placer.clone();
        let placed: Option<Vec<Text>> = labels
            .iter()
            .map(|l| {
                let extent = slot_extent(frame, &canvas, count, l.category, l.slot);
                let (a, b) = frame.zones[l.category];
                let room = upright_room(b - a, extent.1 - extent.0, count);
                let label = value_label(frame, extent, room, l, canvas.small)?;
                trial.place([label])
            })
            .collect();
        if let Some(placed) = placed {
            *placer = trial;
            figure.texts.extend(placed);
        }
    }
    for rect in &rects {
        placer.avoid(*rect);
    }
    rects
}

/// A value label beside the end of its bar, or `None` when it is wider than `room`
/// (upright) or taller than the bar (horizontal).
fn value_label(
    frame: &Frame,
    (a, b): (f64, f64),
    room: f64,
    label: &Label,
    size: f64,
) -> Option<Text> {
    let end = frame.value(label.at);
    let middle = (a + b) / 2.0;
    let text = label.text.clone();
    let below = label.at < 0.0;
    if frame.horizontal {
        if b - a + 2.0 < size {
            return None;
        }
        let y = middle + CENTER_BASELINE * size;
        Some(if below {
            Text::new("label", text, end - LABEL_GAP, y, size).anchor(Anchor::End)
        } else {
            Text::new("label", text, end + LABEL_GAP, y, size)
        })
    } else {
        if text::width(&text, size) > room {
            return None;
        }
        let y = if below {
            end + LABEL_GAP + 0.9 * size
        } else {
            end - LABEL_GAP
        };
        Some(Text::new("label", text, middle, y, size).anchor(Anchor::Middle))
    }
}

/// Ways to mark a missing bar, best first: 缺数据 beside the value it would start from;
/// upright bars with less than `room` for the word get it one character a line.
fn gap_mark(frame: &Frame, (a, b): (f64, f64), room: f64, at: f64, size: f64) -> Vec<Vec<Text>> {
    let base = frame.value(at);
    let middle = (a + b) / 2.0;
    if frame.horizontal {
        let y = middle + CENTER_BASELINE * size;
        return vec![
            vec![Text::new("gap", GAP, base + LABEL_GAP, y, size)],
            vec![Text::new("gap", GAP, base - LABEL_GAP, y, size).anchor(Anchor::End)],
        ];
    }
    let mut candidates = Vec::new();
    let down = at < 0.0;
    let y = if down {
        base + LABEL_GAP + 0.9 * size
    } else {
        base - LABEL_GAP
    };
    if text::width(GAP, size) <= room {
        candidates.push(vec![
            Text::new("gap", GAP, middle, y, size).anchor(Anchor::Middle),
        ]);
    }
    // One character a line, reading down, ending (or starting) next to the base.
    let chars: Vec<String> = GAP.chars().map(String::from).collect();
    let n = chars.len() as f64;
    // Boxes of consecutive characters must not overlap: a glyph's box is 1.12 em tall.
    let line = size * 1.15;
    let first = if down { y } else { y - (n - 1.0) * line };
    candidates.push(
        chars
            .into_iter()
            .enumerate()
            .map(|(k, c)| {
                Text::new("gap", c, middle, first + k as f64 * line, size).anchor(Anchor::Middle)
            })
            .collect(),
    );
    candidates.push(vec![
        Text::new("gap", report_core::format::MISSING, middle, y, size).anchor(Anchor::Middle),
    ]);
    candidates
}

#[cfg(test)]
mod tests;
