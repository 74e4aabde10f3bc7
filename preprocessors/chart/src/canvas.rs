//! The two widths every chart is laid out for.
//!
//! A chart's text is drawn in viewBox units and the browser scales the whole SVG to the
//! column, so the size a reader sees is `font × column width / canvas width`. One canvas
//! cannot serve both a 280-px phone column and a 750-px desktop one (a 720-unit chart
//! shrinks 13-unit text to 5 px on a phone), so each chart is laid out twice and the
//! stylesheet shows one: the wide canvas where the figure is at least [`BREAKPOINT`] px
//! wide (and in print), the narrow one below, never stretched beyond [`NARROW_MAX`] px.
//!
//! With these numbers every chart text renders at 11 px or more at every column width from
//! 280 px (a 320-px phone) up: `13 × 280 / 320 = 11.4` on the narrow canvas and
//! `13 × 620 / 720 = 11.2` on the wide one. `assets/charts.css` repeats the two widths.

/// Where the stylesheet switches from the narrow to the wide drawing (CSS px of the figure).
pub const BREAKPOINT: f64 = 620.0;
/// The widest a narrow drawing is shown (CSS px), so that its text stays near body size.
pub const NARROW_MAX: f64 = 400.0;

/// The sizes one layout works with, in viewBox units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Canvas {
    /// `wide` or `narrow`: the SVG's class and the suffix of its ids.
    pub name: &'static str,
    pub width: f64,
    /// Height of a chart on a value axis with categories below (others grow as needed).
    pub height: f64,
    /// Space kept clear around the chart.
    pub pad: f64,
    /// Tick labels, category names, legends, units.
    pub font: f64,
    /// Value labels on bars and points, and the 缺数据 marks.
    pub small: f64,
    /// A timeline's times and events.
    pub event_font: f64,
    /// About this many intervals on a value axis.
    pub intervals: f64,
    /// The widest bar, however few the categories.
    pub max_bar: f64,
    /// Narrow canvases put long category names above their bars rather than beside them.
    pub narrow: bool,
}

impl Canvas {
    /// Height of a line of text at `font`.
    pub fn row(&self) -> f64 {
        self.font * crate::text::LEADING
    }
}

pub(crate) const WIDE: Canvas = Canvas {
    name: "wide",
    width: 720.0,
    height: 400.0,
    pad: 10.0,
    font: 14.0,
    small: 13.0,
    event_font: 18.0,
    intervals: 5.0,
    max_bar: 48.0,
    narrow: false,
};

pub(crate) const NARROW: Canvas = Canvas {
    name: "narrow",
    width: 320.0,
    height: 340.0,
    pad: 4.0,
    font: 13.0,
    small: 13.0,
    event_font: 14.0,
    intervals: 4.0,
    max_bar: 40.0,
    narrow: true,
};

/// The narrowest column a phone shows a figure in: a 320-px screen less mdBook's padding.
const PHONE_COLUMN: f64 = 280.0;

/// The smallest text a canvas uses.
const fn smallest(canvas: &Canvas) -> f64 {
    canvas.font.min(canvas.small).min(canvas.event_font)
}

/// The largest text a canvas uses.
const fn largest(canvas: &Canvas) -> f64 {
    canvas.font.max(canvas.small).max(canvas.event_font)
}

// The sizes above keep every chart text at 11 px or more where its drawing is shown, and
// the narrow drawing's text no larger than about body text: checked when this compiles.
const _: () = assert!(smallest(&NARROW) * PHONE_COLUMN / NARROW.width >= 11.0);
const _: () = assert!(largest(&NARROW) * NARROW_MAX / NARROW.width <= 18.0);
const _: () = assert!(smallest(&WIDE) * BREAKPOINT / WIDE.width >= 11.0);
const _: () = assert!(NARROW_MAX < BREAKPOINT);

#[cfg(test)]
mod tests;
