//! Pie and donut charts: slices clockwise from twelve o'clock, shares printed beside the
//! slices where they fit, and a legend with every slice's value and share.

use std::f64::consts::TAU;

use plotters::prelude::*;
use report_core::format::{Grouping, decimals_written, format_number};

use crate::legend::Swatch;
use crate::svg::{self, draw_error, series_color};
use crate::text::{self, Anchor, CENTER_BASELINE, FONT, LEADING, Placer, Rect, SMALL, Text};
use crate::{Chart, ChartKind, value_text};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 400.0;
const PAD: f64 = 10.0;
const RADIUS: f64 = 130.0;
/// Room left of the pie for the share labels of slices on its left side.
const SIDE: f64 = 64.0;
/// The hole of a donut, as a share of the radius.
const HOLE: f64 = 0.58;
/// Where the legend starts.
const LEGEND_X: f64 = PAD + SIDE * 2.0 + RADIUS * 2.0 + 8.0;
/// Most lines a slice's name wraps onto in the legend.
const NAME_LINES: usize = 2;

pub(crate) fn render(chart: &Chart) -> Result<String, String> {
    let series = &chart.series[0];
    let total: f64 = series.values.iter().flatten().sum();
    let row = FONT * LEADING;
    let unit = text::clean(&chart.unit);

    // The legend: each slice's name, then its value and share on a smaller line.
    let name_room = (WIDTH - PAD - LEGEND_X - 17.0) / FONT;
    let mut entries = Vec::new();
    for (i, category) in chart.categories.iter().enumerate() {
        let name = text::wrap_lines(&text::clean(category), name_room, NAME_LINES);
        let detail = match (value_text(series, i, chart.decimals), series.values[i]) {
            (Some(value), Some(v)) => format!("{value}{unit}（{}）", share(v, total)),
            _ => report_core::format::MISSING.to_string(),
        };
        let detail = text::ellipsize(&detail, (WIDTH - PAD - LEGEND_X - 17.0) / SMALL);
        entries.push((name, detail));
    }
    let entry_height = |name: &[String]| name.len() as f64 * row + SMALL * LEADING + 6.0;
    let legend_height: f64 = entries.iter().map(|(name, _)| entry_height(name)).sum();
    let height = HEIGHT.max(legend_height + 2.0 * PAD).ceil();
    let (cx, cy) = (PAD + SIDE + RADIUS, height / 2.0);
    let size = (WIDTH as u32, height as u32);

    let mut texts = Vec::new();
    let mut y = cy - legend_height / 2.0;
    let mut swatches = Vec::new();
    for (i, (name, detail)) in entries.iter().enumerate() {
        swatches.push((i, y + row / 2.0));
        for (j, line) in name.iter().enumerate() {
            let baseline = y + j as f64 * row + row / 2.0 + CENTER_BASELINE * FONT;
            texts.push(Text::new("legend", line.clone(), LEGEND_X + 17.0, baseline));
        }
        let baseline =
            y + name.len() as f64 * row + SMALL * LEADING / 2.0 + CENTER_BASELINE * SMALL;
        texts.push(
            Text::new("legend-detail", detail.clone(), LEGEND_X + 17.0, baseline).size(SMALL),
        );
        y += entry_height(name);
    }

    // Share labels sit outside the rim, anchored away from it, so they only need to keep
    // clear of each other and of the legend.
    let mut placer = Placer::new(Rect {
        x0: PAD,
        y0: PAD,
        x1: LEGEND_X - 8.0,
        y1: height - PAD,
    });
    let donut = chart.kind == ChartKind::Donut;
    if donut {
        let decimals = series
            .labels
            .iter()
            .map(|l| decimals_written(l))
            .max()
            .unwrap_or(chart.decimals);
        let sum = format_number(total, decimals, false, Grouping::Auto);
        texts.push(Text::new("total", "合计", cx, cy - 4.0).anchor(Anchor::Middle));
        texts.push(
            Text::new("total", format!("{sum}{unit}"), cx, cy + 4.0 + 0.9 * FONT)
                .anchor(Anchor::Middle),
        );
    }

    let mut shapes = String::new();
    {
        let root = SVGBackend::with_string(&mut shapes, size).into_drawing_area();
        let mut start = 0.0;
        for (i, value) in series.values.iter().enumerate() {
            let Some(value) = value.filter(|v| *v > 0.0) else {
                continue;
            };
            let end = start + value / total;
            root.draw(&Polygon::new(
                slice(cx, cy, start, end, donut),
                series_color(i).filled(),
            ))
            .map_err(draw_error)?;
            let middle = (start + end) / 2.0 * TAU;
            let (sin, cos) = middle.sin_cos();
            let (x, y) = (cx + (RADIUS + 8.0) * sin, cy - (RADIUS + 8.0) * cos);
            let anchor = if sin > 0.25 {
                Anchor::Start
            } else if sin < -0.25 {
                Anchor::End
            } else {
                Anchor::Middle
            };
            // Near the top and bottom the label sits above or below the rim.
            let y = y + CENTER_BASELINE * SMALL + cos.signum() * -(1.0 - sin.abs()) * SMALL * 0.6;
            let label = Text::new("label", share(value, total), x, y)
                .anchor(anchor)
                .size(SMALL);
            texts.extend(placer.place([label]));
            start = end;
        }
        for (i, cy) in swatches {
            Swatch::Box.draw(&root, i, LEGEND_X, cy)?;
        }
        root.present().map_err(draw_error)?;
    }
    Ok(svg::document(chart, size, &shapes, &texts))
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
fn slice(cx: f64, cy: f64, start: f64, end: f64, donut: bool) -> Vec<(i32, i32)> {
    let steps = (((end - start) * 360.0).ceil() as usize).max(2);
    let arc = |radius: f64| {
        (0..=steps).map(move |k| {
            let angle = (start + (end - start) * k as f64 / steps as f64) * TAU;
            let (sin, cos) = angle.sin_cos();
            (
                (cx + radius * sin).round() as i32,
                (cy - radius * cos).round() as i32,
            )
        })
    };
    let mut points: Vec<(i32, i32)> = arc(RADIUS).collect();
    if donut {
        let inner: Vec<(i32, i32)> = arc(RADIUS * HOLE).collect();
        points.extend(inner.into_iter().rev());
    } else if end - start < 1.0 {
        points.push((cx.round() as i32, cy.round() as i32));
    }
    points
}
