//! Where the plot goes and where the category names go: below the plot, beside it (bars
//! turned horizontal) or, on a narrow canvas, above each bar; the tick labels; and how tall
//! the chart is.

use super::axes::{self, tick_width};
use super::bars;
use super::frame::{BAND_FILL, Frame};
use crate::canvas::Canvas;
use crate::scale::Scale;
use crate::text::{self, Anchor, CENTER_BASELINE, Rect, Text};
use crate::{Chart, ChartKind};

/// Between tick labels and the plot.
const TICK_GAP: f64 = 6.0;
/// Between the plot and the category names below it: enough to clear the half of the
/// lowest tick label that hangs below the plot.
const CATEGORY_GAP: f64 = 9.0;
/// Most lines a category name wraps onto below a line chart or beside bars; below bars it
/// is two, and longer names turn the bars horizontal instead.
const MAX_LINES: usize = 3;
const MAX_BAR_LINES: usize = 2;
/// Names beside horizontal bars take at most this share of the width; on a narrow canvas,
/// longer ones go above their bars.
const LABEL_SHARE: f64 = 0.3;
/// Between a name and the plot, and between a value label and its bar.
const NAME_GAP: f64 = 8.0;
/// Thickness of one horizontal bar, and the space between two bands.
const BAR: f64 = 16.0;
const GROUPED_BAR: f64 = 12.0;
const BAND_GAP: f64 = 10.0;
/// The shortest plot of horizontal bars on a wide canvas, so two bars are not a sliver.
const MIN_PLOT: f64 = 160.0;

/// Where the names of horizontal bars go.
#[derive(Debug, Clone, PartialEq)]
enum Names {
    /// Down the left side, right-aligned against the plot; `lines[i]` is category `i`'s
    /// name.
    Left(Vec<Vec<String>>),
    /// Above each band's bars, from the plot's left edge.
    Above(Vec<Vec<String>>),
}

/// The plot, its axes and the category names, placed.
pub(super) struct Plan {
    pub frame: Frame,
    /// The right axis of a bar-line chart: the same plot with its own scale.
    pub right: Option<Frame>,
    /// Tick labels and category names.
    pub texts: Vec<Text>,
    pub height: f64,
}

pub(super) fn plan(chart: &Chart, canvas: &Canvas, top: f64) -> Plan {
    let names: Vec<String> = chart.categories.iter().map(|c| text::clean(c)).collect();
    if !matches!(chart.kind, ChartKind::HBar | ChartKind::Range)
        && let Some(plan) = upright(chart, canvas, top, &names)
    {
        return plan;
    }
    sideways(chart, canvas, top, &names)
}

/// Categories along the bottom, or `None` for bars whose names (or, on a narrow canvas,
/// values) only fit with the bars turned horizontal.
fn upright(chart: &Chart, canvas: &Canvas, top: f64, names: &[String]) -> Option<Plan> {
    let font = canvas.font;
    let row = canvas.row();
    let left = axes::main_axis(chart, canvas.intervals);
    let right = axes::line_axis(chart, &left);
    let x0 = canvas.pad + tick_width(&left, font) + TICK_GAP;
    let x1 = canvas.width
        - canvas.pad
        - right
            .as_ref()
            .map_or(0.0, |r| tick_width(r, font) + TICK_GAP);
    let n = names.len();
    let band = (x1 - x0) / n as f64;
    let bars = matches!(
        chart.kind,
        ChartKind::Bar | ChartKind::Grouped | ChartKind::Stacked
    );
    let sequence = is_sequence(names);
    let lines = if bars {
        let fits = fit_below(names, band, MAX_BAR_LINES, 1, font).filter(|_| {
            sequence || !canvas.narrow || bars::labels_fit_upright(chart, canvas, band)
        });
        match fits {
            Some(lines) => lines,
            None if sequence => thin(names, band, font),
            None => return None,
        }
    } else {
        // Lines keep their axis: names wrap, and are cut if they must be.
        fit_below(names, band, MAX_LINES, 1, font).unwrap_or_else(|| {
            if sequence {
                thin(names, band, font)
            } else {
                names
                    .iter()
                    .map(|c| text::wrap_lines(c, (band - 6.0) / font, MAX_LINES))
                    .collect()
            }
        })
    };
    let depth = lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64;
    let height = canvas.height;
    let plot = Rect {
        x0,
        // Half of the top tick label pokes above the top grid line.
        y0: top + font * 0.6,
        x1,
        y1: height - canvas.pad - depth * row - CATEGORY_GAP + (row - font) / 2.0,
    };
    let zones = (0..n)
        .map(|i| (x0 + band * i as f64, x0 + band * (i + 1) as f64))
        .collect();
    let frame = Frame {
        plot,
        horizontal: false,
        scale: left,
        zones,
        fill: BAND_FILL,
    };
    let right = right.map(|scale| Frame {
        scale,
        ..frame.clone()
    });
    let mut texts = ticks(&frame, Anchor::End, font);
    if let Some(right) = &right {
        texts.extend(ticks(right, Anchor::Start, font));
    }
    for (i, lines) in lines.iter().enumerate() {
        let cx = frame.center(i);
        for (j, line) in lines.iter().enumerate() {
            // Thinned names may be wider than their band: keep them inside the chart.
            let half = text::width(line, font) / 2.0;
            let x = cx.clamp(canvas.pad + half, canvas.width - canvas.pad - half);
            let y = plot.y1 + CATEGORY_GAP + 0.9 * font + j as f64 * row;
            texts.push(Text::new("category", line.clone(), x, y, font).anchor(Anchor::Middle));
        }
    }
    Some(Plan {
        frame,
        right,
        texts,
        height,
    })
}

/// Horizontal bars: names beside the plot, or above each bar when they are long and the
/// canvas narrow; the value axis along the bottom.
fn sideways(chart: &Chart, canvas: &Canvas, top: f64, names: &[String]) -> Plan {
    let font = canvas.font;
    let row = canvas.row();
    let (pad, width) = (canvas.pad, canvas.width);
    let widest = names
        .iter()
        .map(|c| text::width(c, font))
        .fold(0.0, f64::max);
    let above = canvas.narrow && widest > width * LABEL_SHARE;
    // Value labels run past the longest bar.
    let label_room = bars::label_width(chart, canvas.small) + NAME_GAP;
    let probe = axes::main_axis(chart, canvas.intervals);
    let half_tick = |scale: &Scale| {
        let first = text::width(&scale.label(scale.min), font) / 2.0;
        let last = text::width(&scale.label(scale.max), font) / 2.0;
        (first, last)
    };
    let (first, last) = half_tick(&probe);
    let right_room = last.max(label_room);
    let (names_out, x0) = if above {
        let x0 = pad + first;
        let lines = names
            .iter()
            .map(|c| text::wrap_lines(c, (width - pad - x0) / font, MAX_LINES))
            .collect();
        (Names::Above(lines), x0)
    } else {
        let room = widest.min(width * LABEL_SHARE);
        let lines: Vec<Vec<String>> = names
            .iter()
            .map(|c| text::wrap_lines(c, room / font, MAX_LINES))
            .collect();
        let used = lines
            .iter()
            .flatten()
            .map(|l| text::width(l, font))
            .fold(0.0, f64::max);
        let x0 = (pad + used + NAME_GAP).max(pad + first);
        (Names::Left(lines), x0)
    };
    let x1 = width - pad - right_room;
    let scale = axes::fit_across(chart, canvas.intervals, x1 - x0, font);
    let n = names.len();
    let count = if chart.kind == ChartKind::Grouped {
        chart.series.len()
    } else {
        1
    };
    let thickness = if count > 1 {
        count as f64 * GROUPED_BAR
    } else {
        BAR
    };
    let y0 = top + 4.0;
    let mut texts = Vec::new();
    let (zones, y1) = match &names_out {
        Names::Left(lines) => {
            let depth = lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
            let mut band = (depth * row + BAND_GAP).max(thickness / BAND_FILL);
            if !canvas.narrow {
                band = band.max(MIN_PLOT / n as f64);
            }
            let zones: Vec<(f64, f64)> = (0..n)
                .map(|i| (y0 + band * i as f64, y0 + band * (i + 1) as f64))
                .collect();
            for (i, lines) in lines.iter().enumerate() {
                let cy = y0 + band * (i as f64 + 0.5);
                let first = cy - (lines.len() as f64 - 1.0) * row / 2.0;
                for (j, line) in lines.iter().enumerate() {
                    let y = first + j as f64 * row + CENTER_BASELINE * font;
                    texts.push(
                        Text::new("category", line.clone(), x0 - NAME_GAP, y, font)
                            .anchor(Anchor::End),
                    );
                }
            }
            (zones, y0 + band * n as f64)
        }
        Names::Above(lines) => {
            let depth = lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
            let names_height = depth * row;
            let band = names_height + 2.0 + thickness + BAND_GAP;
            let mut zones = Vec::with_capacity(n);
            for (i, lines) in lines.iter().enumerate() {
                let band_top = y0 + band * i as f64;
                // Names sit on the bar: the last line just above it.
                let first = band_top + names_height - lines.len() as f64 * row;
                for (j, line) in lines.iter().enumerate() {
                    let y = first + j as f64 * row + row / 2.0 + CENTER_BASELINE * font;
                    texts.push(Text::new("category", line.clone(), x0, y, font));
                }
                let start = band_top + names_height + 2.0;
                zones.push((start, start + thickness));
            }
            (zones, y0 + band * n as f64 - BAND_GAP / 2.0)
        }
    };
    let plot = Rect { x0, y0, x1, y1 };
    let fill = match names_out {
        Names::Above(_) => 1.0,
        _ => BAND_FILL,
    };
    let frame = Frame {
        plot,
        horizontal: true,
        scale,
        zones,
        fill,
    };
    texts.extend(ticks(&frame, Anchor::Middle, font));
    Plan {
        frame,
        right: None,
        texts,
        height: (y1 + TICK_GAP + row + pad).ceil(),
    }
}

/// The tick labels of a frame's value axis: left or right of a vertical one, under a
/// horizontal one.
fn ticks(frame: &Frame, side: Anchor, font: f64) -> Vec<Text> {
    let scale = &frame.scale;
    scale
        .ticks()
        .into_iter()
        .map(|tick| {
            let label = scale.label(tick);
            let v = frame.value(tick);
            if frame.horizontal {
                let y = frame.plot.y1 + TICK_GAP + 0.9 * font;
                Text::new("tick", label, v, y, font).anchor(Anchor::Middle)
            } else {
                let x = if side == Anchor::End {
                    frame.plot.x0 - TICK_GAP
                } else {
                    frame.plot.x1 + TICK_GAP
                };
                Text::new("tick", label, x, v + CENTER_BASELINE * font, font).anchor(side)
            }
        })
        .collect()
}

/// Whether the categories are an ordered sequence (years, quarters, dates), where showing
/// every other name loses nothing.
pub(super) fn is_sequence(categories: &[String]) -> bool {
    categories
        .iter()
        .all(|c| c.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// Every category wrapped into at most `max_lines` lines of `step` bands, or `None` if
/// one does not fit. Only every `step`-th category gets a name.
fn fit_below(
    categories: &[String],
    band: f64,
    max_lines: usize,
    step: usize,
    font: f64,
) -> Option<Vec<Vec<String>>> {
    let mut room = band * step as f64 - 6.0;
    if step > 1 {
        // The last name is centred on the last band and pulled back inside the chart when
        // it is wider than that band: leave room for that shift before the name before it.
        let widest = categories
            .iter()
            .map(|c| text::longest_word_em(c) * font)
            .fold(0.0, f64::max);
        room -= (widest / 2.0 - band / 2.0).max(0.0);
    }
    // Too narrow for one character, or for a whole year: 20/24 is no name.
    if room < font
        || categories
            .iter()
            .any(|c| text::longest_word_em(c) * font > room)
    {
        return None;
    }
    categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // Count from the end: the latest period always keeps its name.
            if !(categories.len() - 1 - i).is_multiple_of(step) {
                return Some(Vec::new());
            }
            let lines = text::wrap(c, room / font);
            let fits =
                lines.len() <= max_lines && lines.iter().all(|l| text::width(l, font) <= room);
            fits.then_some(lines)
        })
        .collect()
}

/// Names for every `step`-th category, the smallest step at which they fit on two lines.
fn thin(categories: &[String], band: f64, font: f64) -> Vec<Vec<String>> {
    (2..=categories.len())
        .find_map(|step| fit_below(categories, band, 2, step, font))
        .unwrap_or_else(|| {
            categories
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        text::wrap_lines(c, (band * categories.len() as f64 - 6.0) / font, 2)
                    } else {
                        Vec::new()
                    }
                })
                .collect()
        })
}
