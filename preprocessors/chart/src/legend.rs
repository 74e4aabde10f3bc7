//! Legends: a swatch drawn like its series and the series' name, flowing in rows above the
//! chart.

use crate::Chart;
use crate::figure::{Mark, Role, Shape};
use crate::text::{self, CENTER_BASELINE, LEADING, Rect, Text};

/// How a series is drawn, so that its swatch looks the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swatch {
    Box,
    Line,
    /// A dot, like the events of a timeline.
    Dot,
}

/// Width of a swatch, in ems of the legend's font, and the gap before its name.
const BOX: f64 = 0.9;
const LINE: f64 = 1.5;
const GAP: f64 = 0.4;
/// Space between two entries on a row.
const SPACING: f64 = 1.3;

impl Swatch {
    fn width(self, font: f64) -> f64 {
        match self {
            Swatch::Box | Swatch::Dot => BOX * font,
            Swatch::Line => LINE * font,
        }
    }

    /// The swatch of series `series` with its left edge at `x`, centred on `cy`.
    fn marks(self, series: usize, x: f64, cy: f64, font: f64) -> Vec<Mark> {
        let size = BOX * font;
        match self {
            Swatch::Box => vec![Mark {
                role: Role::Fill(series),
                shape: Shape::Rect(Rect {
                    x0: x,
                    y0: cy - size / 2.0,
                    x1: x + size,
                    y1: cy + size / 2.0,
                }),
            }],
            Swatch::Line => vec![
                Mark {
                    role: Role::Line(series),
                    shape: Shape::Path {
                        points: vec![(x, cy), (x + LINE * font, cy)],
                        width: 2.0,
                    },
                },
                Mark {
                    role: Role::Fill(series),
                    shape: Shape::Circle {
                        center: (x + LINE * font / 2.0, cy),
                        radius: 3.0,
                    },
                },
            ],
            Swatch::Dot => vec![Mark {
                role: Role::Fill(series),
                shape: Shape::Circle {
                    center: (x + size / 2.0, cy),
                    radius: size / 2.0,
                },
            }],
        }
    }
}

/// One entry of a legend.
pub(crate) struct Entry {
    pub name: String,
    pub series: usize,
    pub swatch: Swatch,
}

impl Entry {
    /// One entry per series of `chart`, each drawn with `swatch`.
    pub fn per_series(chart: &Chart, swatch: Swatch) -> Vec<Entry> {
        chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| Entry {
                name: text::clean(&s.name),
                series: i,
                swatch,
            })
            .collect()
    }
}

/// A legend laid out in rows from `left` to `right`, starting at `top`.
pub(crate) struct Legend {
    pub marks: Vec<Mark>,
    pub texts: Vec<Text>,
    /// 0 for no entries.
    pub height: f64,
}

impl Legend {
    pub fn flow(entries: &[Entry], left: f64, right: f64, top: f64, font: f64) -> Legend {
        let row = font * LEADING;
        let mut legend = Legend {
            marks: Vec::new(),
            texts: Vec::new(),
            height: 0.0,
        };
        if entries.is_empty() {
            return legend;
        }
        let (mut x, mut y) = (left, top + row / 2.0);
        for entry in entries {
            let swatch = entry.swatch.width(font) + GAP * font;
            // A name longer than the whole row is cut rather than overflowing.
            let name = text::ellipsize(&entry.name, (right - left - swatch) / font);
            let width = swatch + text::width(&name, font);
            if x > left && x + width > right {
                x = left;
                y += row;
            }
            legend
                .marks
                .extend(entry.swatch.marks(entry.series, x, y, font));
            legend.texts.push(Text::new(
                "legend",
                name,
                x + swatch,
                y + CENTER_BASELINE * font,
                font,
            ));
            x += width + SPACING * font;
        }
        legend.height = y + row / 2.0 - top;
        legend
    }
}

#[cfg(test)]
mod tests;
