//! Lines through a series' points: broken where values are missing, with a faint dashed
//! bridge across each gap between two known points and a 缺数据 mark at each missing one.

use super::frame::Frame;
use crate::figure::{Figure, Role, Shape};
use crate::text::{Anchor, Placer, Text};
use crate::{GAP, Series, value_text};

/// Above this many points, lines get no markers.
const MAX_MARKED_POINTS: usize = 30;
/// Above this many points, points get no value labels.
pub(super) const MAX_LABELED_POINTS: usize = 16;
/// Between a point and its label.
const LABEL_GAP: f64 = 7.0;

/// How a series' points are drawn.
pub(super) struct Style {
    /// The series' colour.
    pub color: usize,
    pub decimals: usize,
    /// Each point's value goes above (else below) it where there is room.
    pub label_points: bool,
    /// Points are joined by a line: only where the categories are in order (periods); the
    /// points of unordered categories (regions, products) stand alone.
    pub connect: bool,
}

/// Draws `series` on `frame`.
pub(super) fn draw(
    figure: &mut Figure,
    frame: &Frame,
    series: &Series,
    style: &Style,
    placer: &mut Placer,
) {
    let Style {
        color,
        decimals,
        label_points,
        connect,
    } = *style;
    let size = figure.canvas.small;
    let points: Vec<Option<(f64, f64)>> = series
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| v.map(|v| frame.point(frame.center(i), v)))
        .collect();
    let n = points.len();

    // Bridges first, so that the line covers their ends.
    let mut bridged = vec![None; n];
    let mut i = 0;
    while connect && i < n {
        if points[i].is_some() {
            i += 1;
            continue;
        }
        let end = (i..n).find(|&k| points[k].is_some()).unwrap_or(n);
        if let (Some(Some(a)), Some(Some(b))) =
            (i.checked_sub(1).map(|p| points[p]), points.get(end))
        {
            figure.mark(
                Role::Bridge(color),
                Shape::Path {
                    points: vec![a, *b],
                    width: 1.5,
                },
            );
            for (k, slot) in bridged.iter_mut().enumerate().take(end).skip(i) {
                let x = frame.center(k);
                let t = (x - a.0) / (b.0 - a.0);
                *slot = Some((x, a.1 + t * (b.1 - a.1)));
            }
        }
        i = end;
    }
    for run in points.split(Option::is_none) {
        let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
        if connect && run.len() > 1 {
            figure.mark(
                Role::Line(color),
                Shape::Path {
                    points: run,
                    width: 2.0,
                },
            );
        }
    }
    // A lone point between gaps would vanish without its marker, so always mark those.
    let marked = n <= MAX_MARKED_POINTS || !connect;
    for (i, point) in points.iter().enumerate() {
        let lone =
            (i == 0 || points[i - 1].is_none()) && points.get(i + 1).is_none_or(Option::is_none);
        if let Some(point) = point.filter(|_| marked || lone) {
            figure.mark(
                Role::Fill(color),
                Shape::Circle {
                    center: point,
                    radius: if connect { 3.0 } else { 4.0 },
                },
            );
        }
    }

    // 缺数据 on the bridge where there is one, else along the top or the bottom of the plot.
    for (i, point) in points.iter().enumerate() {
        if point.is_some() {
            continue;
        }
        let x = frame.center(i);
        let plot = frame.plot;
        let text = |y: f64| Text::new("gap", GAP, x, y, size).anchor(Anchor::Middle);
        let mut candidates = Vec::new();
        if let Some((_, y)) = bridged[i] {
            candidates.push(text(y - LABEL_GAP));
            candidates.push(text(y + LABEL_GAP + 0.9 * size));
        }
        candidates.push(text(plot.y0 + 0.9 * size + 2.0));
        candidates.push(text(plot.y1 - LABEL_GAP));
        candidates.push(text((plot.y0 + plot.y1) / 2.0));
        figure.texts.extend(placer.place(candidates));
    }

    if label_points {
        for (i, point) in points.iter().enumerate() {
            let (Some((x, y)), Some(label)) = (point, value_text(series, i, decimals)) else {
                continue;
            };
            let above =
                Text::new("label", label.clone(), *x, y - LABEL_GAP, size).anchor(Anchor::Middle);
            let below = Text::new("label", label, *x, y + LABEL_GAP + 0.9 * size, size)
                .anchor(Anchor::Middle);
            figure.texts.extend(placer.place([above, below]));
        }
    }
}
