//! From plotters' SVG to the markup the page inlines.
//!
//! plotters writes every shape with literal `fill`/`stroke` colours. We draw with the
//! colours below, which double as markers: each one names a role, and [`restyle`] turns it
//! into classes that `assets/charts.css` colours per theme. Series keep their colour as a
//! presentation attribute (any CSS rule overrides it) so that the chart still reads without
//! the stylesheet; rules and text use `currentColor`, the surrounding text colour.

use std::fmt::Write as _;

use plotters::prelude::{DrawingAreaErrorKind, RGBColor};
use report_core::text::escape_html;

use crate::Chart;
use crate::text::Text;

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
/// Grid lines. Marker only: written as `currentColor`, faint.
pub(crate) const GRID: RGBColor = RGBColor(0x01, 0x02, 0x03);
/// The zero line and the category axis. Marker only: written as `currentColor`.
pub(crate) const AXIS: RGBColor = RGBColor(0x04, 0x05, 0x06);

/// The colour of series `i` (wrapping around, though [`crate::check`] keeps `i` small).
pub(crate) fn series_color(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}

/// What a plotters colour stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Series(usize),
    Grid,
    Axis,
}

impl Role {
    fn of(hex: &str) -> Option<Role> {
        let hex = hex.strip_prefix('#')?;
        let rgb = u32::from_str_radix(hex, 16).ok()?;
        let is = |c: &RGBColor| rgb == (c.0 as u32) << 16 | (c.1 as u32) << 8 | c.2 as u32;
        if is(&GRID) {
            Some(Role::Grid)
        } else if is(&AXIS) {
            Some(Role::Axis)
        } else {
            SERIES.iter().position(is).map(Role::Series)
        }
    }
}

/// Turns a plotters error into the (rare, internal) message a writer sees.
pub(crate) fn draw_error<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> String {
    format!("绘制图表时出错：{e}")
}

/// The attributes of one element that plotters wrote on one line: `<tag a="1" b="2"/>`.
fn parse_element(line: &str) -> Option<(&str, Vec<(&str, &str)>)> {
    let inner = line.trim().strip_prefix('<')?.strip_suffix("/>")?;
    let (tag, mut rest) = inner.split_once(' ')?;
    let mut attrs = Vec::new();
    while let Some((key, after)) = rest.split_once("=\"") {
        let (value, after) = after.split_once('"')?;
        attrs.push((key.trim(), value));
        rest = after;
    }
    Some((tag, attrs))
}

/// Rewrites one element of plotters' output: colours become classes (see the module docs),
/// geometry stays.
fn restyle(line: &str) -> Option<String> {
    let (tag, attrs) = parse_element(line)?;
    let get = |key: &str| attrs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let fill = get("fill").filter(|f| *f != "none");
    let stroke = get("stroke").filter(|s| *s != "none");
    let (filled, color) = match (fill, stroke) {
        (Some(fill), _) => (true, fill),
        (None, Some(stroke)) => (false, stroke),
        (None, None) => return None,
    };
    let role = Role::of(color);
    let mut out = format!("<{tag}");
    match role {
        Some(Role::Series(i)) if filled => {
            let _ = write!(
                out,
                " class=\"mark series-{i}\" fill=\"{}\"",
                color.to_lowercase()
            );
        }
        Some(Role::Series(i)) => {
            let _ = write!(
                out,
                " class=\"line series-{i}\" fill=\"none\" stroke=\"{}\"",
                color.to_lowercase()
            );
        }
        Some(Role::Grid) => out.push_str(
            " class=\"grid\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.15\"",
        ),
        Some(Role::Axis) => out.push_str(
            " class=\"axis\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.6\"",
        ),
        None => {
            debug_assert!(false, "a colour with no role: {line}");
            let _ = write!(out, " fill=\"{}\"", color.to_lowercase());
        }
    }
    for (key, value) in &attrs {
        match *key {
            "fill" | "stroke" | "opacity" => {}
            // Filled shapes have no outline in plotters' output; keep it that way.
            "stroke-width" if filled => {}
            _ => {
                let _ = write!(out, " {key}=\"{}\"", value.trim_end());
            }
        }
    }
    out.push_str("/>");
    Some(out)
}

/// Assembles the final markup: the root with its accessible name, plotters' shapes
/// (restyled) and our text on top.
pub(crate) fn document(chart: &Chart, size: (u32, u32), shapes: &str, texts: &[Text]) -> String {
    let id = escape_html(&chart.id);
    let mut out = String::with_capacity(shapes.len() + texts.len() * 96 + 512);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart report-chart-{kind}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" lang=\"zh-CN\" \
         aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" fill=\"currentColor\">",
        kind = chart.kind.name(),
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
        escape_html(&crate::describe(chart))
    );
    for line in shapes.lines() {
        if let Some(element) = restyle(line) {
            out.push_str(&element);
            out.push('\n');
        }
    }
    for text in texts {
        text.write(&mut out);
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests;
