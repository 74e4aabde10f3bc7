//! Legends: a coloured swatch and a name per series.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::svg::{draw_error, series_color};
use crate::text::{self, CENTER_BASELINE, FONT, LEADING, Text};

/// How a series is drawn, so that its swatch looks the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swatch {
    Box,
    Line,
    /// A dot, like the events of a timeline.
    Dot,
}

/// Width of a swatch and the gap before its name.
const BOX: f64 = 12.0;
const LINE: f64 = 20.0;
const DOT: f64 = 12.0;
const GAP: f64 = 5.0;
/// Space between two entries on a row.
const SPACING: f64 = 18.0;

impl Swatch {
    fn width(self) -> f64 {
        match self {
            Swatch::Box => BOX,
            Swatch::Line => LINE,
            Swatch::Dot => DOT,
        }
    }

    /// Draws the swatch of series `series` with its left edge at `x`, centred on `cy`.
    pub fn draw(
        self,
        root: &DrawingArea<SVGBackend, Shift>,
        series: usize,
        x: f64,
        cy: f64,
    ) -> Result<(), String> {
        let color = series_color(series);
        match self {
            Swatch::Box => {
                let (x0, y0) = (x.round() as i32, (cy - BOX / 2.0).round() as i32);
                let size = BOX as i32;
                root.draw(&Rectangle::new(
                    [(x0, y0), (x0 + size, y0 + size)],
                    color.filled(),
                ))
            }
            Swatch::Line => {
                let y = cy.round() as i32;
                let (x0, x1) = (x.round() as i32, (x + LINE).round() as i32);
                root.draw(&PathElement::new([(x0, y), (x1, y)], color.stroke_width(2)))
                    .and_then(|_| root.draw(&Circle::new(((x0 + x1) / 2, y), 3, color.filled())))
            }
            Swatch::Dot => {
                let center = ((x + DOT / 2.0).round() as i32, cy.round() as i32);
                root.draw(&Circle::new(center, (DOT / 2.0) as i32, color.filled()))
            }
        }
        .map_err(draw_error)
    }
}

/// One entry of a legend.
pub(crate) struct Entry {
    pub name: String,
    pub series: usize,
    pub swatch: Swatch,
}

/// A legend laid out in rows from `left` to `right`, starting at `top`.
pub(crate) struct Legend {
    placed: Vec<(Swatch, usize, f64, f64)>,
    pub texts: Vec<Text>,
    pub height: f64,
}

impl Legend {
    pub fn flow(entries: &[Entry], left: f64, right: f64, top: f64) -> Legend {
        let row = FONT * LEADING;
        let mut legend = Legend {
            placed: Vec::new(),
            texts: Vec::new(),
            height: 0.0,
        };
        if entries.is_empty() {
            return legend;
        }
        let (mut x, mut y) = (left, top + row / 2.0);
        for entry in entries {
            let swatch = entry.swatch.width() + GAP;
            // A name longer than the whole row is cut rather than overflowing.
            let name = text::ellipsize(&entry.name, (right - left - swatch) / FONT);
            let width = swatch + text::width(&name, FONT);
            if x > left && x + width > right {
                x = left;
                y += row;
            }
            legend.placed.push((entry.swatch, entry.series, x, y));
            legend.texts.push(Text::new(
                "legend",
                name,
                x + swatch,
                y + CENTER_BASELINE * FONT,
            ));
            x += width + SPACING;
        }
        legend.height = y + row / 2.0 - top;
        legend
    }

    pub fn draw(&self, root: &DrawingArea<SVGBackend, Shift>) -> Result<(), String> {
        for (swatch, series, x, cy) in &self.placed {
            swatch.draw(root, *series, *x, *cy)?;
        }
        Ok(())
    }
}
