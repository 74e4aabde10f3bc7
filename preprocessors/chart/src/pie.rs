//! Pie and donut charts: slices clockwise from twelve o'clock, shares printed beside the
//! slices where they fit, and a legend with every slice's value and share: right of the pie
//! on a wide canvas, under it on a narrow one.

use std::f64::consts::TAU;

use report_core::format::{Grouping, decimals_written, format_number};

use crate::canvas::Canvas;
use crate::figure::{Figure, Role, Shape};
use crate::text::{self, Anchor, CENTER_BASELINE, LEADING, Placer, Rect, Text};
use crate::{Chart, ChartKind, GAP, value_text};

/// The pie's radius on a wide canvas and on a narrow one.
const RADIUS: f64 = 130.0;
const NARROW_RADIUS: f64 = 90.0;
/// Room beside the pie for the share labels of slices on its left and right.
const SIDE: f64 = 64.0;
/// Between the rim and a share label.
const RIM_GAP: f64 = 8.0;
/// The hole of a donut, as a share of the radius.
const HOLE: f64 = 0.58;
/// A legend swatch and the gap after it.
const SWATCH: f64 = 12.0;
const SWATCH_GAP: f64 = 5.0;
/// Most lines a slice's name wraps onto in the legend.
const NAME_LINES: usize = 2;

/// One legend entry: the slice's name on its lines, then its value and share.
struct Entry {
    name: Vec<String>,
    detail: String,
}

pub(crate) fn layout(chart: &Chart, canvas: Canvas) -> Figure {
    let series = &chart.series[0];
    let total: f64 = series.values.iter().flatten().sum();
    let (pad, width, font, small) = (canvas.pad, canvas.width, canvas.font, canvas.small);
    let row = canvas.row();
    let radius = if canvas.narrow { NARROW_RADIUS } else { RADIUS };
    // Wide: the legend right of the pie. Narrow: under it, across the whole width.
    let legend_x = if canvas.narrow {
        pad
    } else {
        pad + SIDE * 2.0 + radius * 2.0 + 8.0
    };
    let room = width - pad - legend_x - SWATCH - SWATCH_GAP;
    let unit = text::clean(&chart.unit);
    let entries: Vec<Entry> = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let name = text::wrap_lines(&text::clean(category), room / font, NAME_LINES);
            let detail = match (value_text(series, i, chart.decimals), series.values[i]) {
                (Some(value), Some(v)) => format!("{value}{unit}（{}）", share(v, total)),
                _ => GAP.to_string(),
            };
            Entry {
                name,
                detail: text::ellipsize(&detail, room / small),
            }
        })
        .collect();
    let entry_height = |e: &Entry| e.name.len() as f64 * row + small * LEADING + 6.0;
    let legend_height: f64 = entries.iter().map(entry_height).sum();

    // Share labels above and below the rim need a line of room.
    let label_room = RIM_GAP + small * 1.2;
    let (cx, cy, legend_top, height) = if canvas.narrow {
        let cy = pad + label_room + radius;
        let legend_top = cy + radius + label_room + 8.0;
        (
            width / 2.0,
            cy,
            legend_top,
            legend_top + legend_height + pad,
        )
    } else {
        let height = canvas.height.max(legend_height + 2.0 * pad);
        let cy = height / 2.0;
        (pad + SIDE + radius, cy, cy - legend_height / 2.0, height)
    };

    let mut figure = Figure::new(canvas);
    figure.height = height.ceil();
    let mut y = legend_top;
    for (i, entry) in entries.iter().enumerate() {
        figure.mark(
            Role::Fill(i),
            Shape::Rect(Rect {
                x0: legend_x,
                y0: y + row / 2.0 - SWATCH / 2.0,
                x1: legend_x + SWATCH,
                y1: y + row / 2.0 + SWATCH / 2.0,
            }),
        );
        let x = legend_x + SWATCH + SWATCH_GAP;
        for (j, line) in entry.name.iter().enumerate() {
            let baseline = y + j as f64 * row + row / 2.0 + CENTER_BASELINE * font;
            figure
                .texts
                .push(Text::new("legend", line.clone(), x, baseline, font));
        }
        let baseline =
            y + entry.name.len() as f64 * row + small * LEADING / 2.0 + CENTER_BASELINE * small;
        figure.texts.push(Text::new(
            "legend-detail",
            entry.detail.clone(),
            x,
            baseline,
            small,
        ));
        y += entry_height(entry);
    }

    // Share labels sit outside the rim, anchored away from it, so they only need to keep
    // clear of each other and of the legend.
    let area = if canvas.narrow {
        Rect {
            x0: pad,
            y0: pad,
            x1: width - pad,
            y1: legend_top - 4.0,
        }
    } else {
        Rect {
            x0: pad,
            y0: pad,
            x1: legend_x - 8.0,
            y1: height - pad,
        }
    };
    let mut placer = Placer::new(area);
    let donut = chart.kind == ChartKind::Donut;
    if donut {
        let decimals = series
            .labels
            .iter()
            .map(|l| decimals_written(l))
            .max()
            .unwrap_or(chart.decimals);
        let sum = format_number(total, decimals, false, Grouping::Auto);
        figure
            .texts
            .push(Text::new("total", "合计", cx, cy - 4.0, font).anchor(Anchor::Middle));
        figure.texts.push(
            Text::new(
                "total",
                format!("{sum}{unit}"),
                cx,
                cy + 4.0 + 0.9 * font,
                font,
            )
            .anchor(Anchor::Middle),
        );
    }
    let mut start = 0.0;
    for (i, value) in series.values.iter().enumerate() {
        let Some(value) = value.filter(|v| *v > 0.0) else {
            continue;
        };
        let end = start + value / total;
        figure.mark(
            Role::Fill(i),
            Shape::Polygon(slice(cx, cy, radius, start, end, donut)),
        );
        let middle = (start + end) / 2.0 * TAU;
        let (sin, cos) = middle.sin_cos();
        let (x, y) = (cx + (radius + RIM_GAP) * sin, cy - (radius + RIM_GAP) * cos);
        let anchor = if sin > 0.25 {
            Anchor::Start
        } else if sin < -0.25 {
            Anchor::End
        } else {
            Anchor::Middle
        };
        // Near the top and bottom the label sits above or below the rim.
        let y = y + CENTER_BASELINE * small + cos.signum() * -(1.0 - sin.abs()) * small * 0.6;
        let label = Text::new("label", share(value, total), x, y, small).anchor(anchor);
        figure.texts.extend(placer.place([label]));
        start = end;
    }
    figure
}

/// A share of the total, as the report prints percentages.
fn share(value: f64, total: f64) -> String {
    format!(
        "{}%",
        format_number(value / total * 100.0, 1, false, Grouping::Auto)
    )
}

/// The outline of the slice from `start` to `end` (fractions of the turn), with a hole for
/// a donut. Arcs are polygons with a point every degree or so.
fn slice(cx: f64, cy: f64, radius: f64, start: f64, end: f64, donut: bool) -> Vec<(f64, f64)> {
    let steps = (((end - start) * 360.0).ceil() as usize).max(2);
    let arc = |radius: f64| {
        (0..=steps).map(move |k| {
            let angle = (start + (end - start) * k as f64 / steps as f64) * TAU;
            let (sin, cos) = angle.sin_cos();
            (cx + radius * sin, cy - radius * cos)
        })
    };
    let mut points: Vec<(f64, f64)> = arc(radius).collect();
    if donut {
        let inner: Vec<(f64, f64)> = arc(radius * HOLE).collect();
        points.extend(inner.into_iter().rev());
    } else if end - start < 1.0 {
        points.push((cx, cy));
    }
    points
}

#[cfg(test)]
mod tests;
