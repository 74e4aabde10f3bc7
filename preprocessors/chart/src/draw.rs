//! From a [`Figure`] to the `<svg>` the page inlines.
//!
//! plotters draws the marks. Each run of marks with one role goes through its own plotters
//! SVG backend and lands, as plotters wrote it, in a `<g>` whose classes name the role
//! (`mark series-0`, `line series-1`, `bridge series-1`, `grid`, `axis`); `assets/charts.css`
//! colours each class per theme and for print. The colours plotters writes are only the
//! fallback for a reader without the stylesheet (an RSS reader): the light theme's series
//! colours and grey rules. Text is written here, filled with `currentColor` (the page's
//! text colour) by the root element.

use std::fmt::Write as _;

use plotters::prelude::*;
use report_core::text::escape_html;

use crate::Chart;
use crate::figure::{Figure, Mark, Role, Shape};

/// The series colours without the stylesheet (the light theme's), in series order.
pub(crate) const SERIES: [RGBColor; crate::MAX_SERIES] = [
    RGBColor(0x2f, 0x6d, 0xb5),
    RGBColor(0xe0, 0x7b, 0x24),
    RGBColor(0x2e, 0x93, 0x5a),
    RGBColor(0xc4, 0x3e, 0x3b),
    RGBColor(0x7e, 0x5c, 0xb8),
    RGBColor(0x8c, 0x6a, 0x3f),
    RGBColor(0xcf, 0x57, 0xa0),
    RGBColor(0x5e, 0x6e, 0x80),
];
const GRID: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);
const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);

/// The classes of a role's group.
fn class(role: Role) -> String {
    match role {
        Role::Fill(i) => format!("mark series-{i}"),
        Role::Line(i) => format!("line series-{i}"),
        Role::Bridge(i) => format!("bridge series-{i}"),
        Role::Grid => "grid".into(),
        Role::Axis => "axis".into(),
    }
}

/// The colour plotters writes for a role.
fn fallback(role: Role) -> RGBAColor {
    let series = |i: usize| SERIES[i % SERIES.len()];
    match role {
        Role::Fill(i) | Role::Line(i) => series(i).to_rgba(),
        Role::Bridge(i) => series(i).mix(0.6),
        Role::Grid => GRID.to_rgba(),
        Role::Axis => AXIS.to_rgba(),
    }
}

fn draw_error<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> String {
    format!("绘制图表时出错：{e}")
}

fn at((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// The marks of one role, as plotters writes them: a nested `<svg>` the size of the chart.
fn shapes(marks: &[Mark], size: (u32, u32)) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        for mark in marks {
            let color = fallback(mark.role);
            match &mark.shape {
                Shape::Rect(r) => root.draw(&Rectangle::new(
                    [at((r.x0, r.y0)), at((r.x1, r.y1))],
                    color.filled(),
                )),
                Shape::Path { points, width } => root.draw(&PathElement::new(
                    points.iter().map(|p| at(*p)).collect::<Vec<_>>(),
                    color.stroke_width(width.round().max(1.0) as u32),
                )),
                Shape::Circle { center, radius } => root.draw(&Circle::new(
                    at(*center),
                    radius.round() as i32,
                    color.filled(),
                )),
                Shape::Polygon(points) => root.draw(&Polygon::new(
                    points.iter().map(|p| at(*p)).collect::<Vec<_>>(),
                    color.filled(),
                )),
            }
            .map_err(draw_error)?;
        }
        root.present().map_err(draw_error)?;
    }
    Ok(out)
}

/// The figure as an `<svg>` element, with `description` as its `<desc>`.
pub(crate) fn svg(chart: &Chart, figure: &Figure, description: &str) -> Result<String, String> {
    let canvas = figure.canvas;
    let size = (canvas.width.round() as u32, figure.height.ceil() as u32);
    let id = escape_html(&format!("{}-{}", chart.id, canvas.name));
    let mut out = String::with_capacity(4096 + figure.texts.len() * 96);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart report-chart-{kind} report-chart-{name}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" lang=\"zh-CN\" \
         aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" fill=\"currentColor\">",
        kind = chart.kind.name(),
        name = canvas.name,
        w = size.0,
        h = size.1,
    );
    let _ = writeln!(
        out,
        "<title id=\"{id}-title\">{}</title>",
        escape_html(&crate::text::clean(&chart.title))
    );
    let _ = writeln!(
        out,
        "<desc id=\"{id}-desc\">{}</desc>",
        escape_html(description)
    );
    for run in figure.marks.chunk_by(|a, b| a.role == b.role) {
        let _ = writeln!(out, "<g class=\"{}\">", class(run[0].role));
        out.push_str(&shapes(run, size)?);
        out.push_str("</g>\n");
    }
    for text in &figure.texts {
        text.write(&mut out);
    }
    out.push_str("</svg>");
    Ok(out)
}

#[cfg(test)]
mod tests;
