//! The layout model: one chart laid out for one canvas, as plain data.
//!
//! Every layout (`cartesian`, `pie`, `timeline`) produces a [`Figure`]; `draw` turns it into
//! SVG and `describe` into words. Nothing is measured or placed after this point.

use crate::canvas::Canvas;
use crate::text::{Rect, Text};

/// A chart laid out for one canvas, in viewBox units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    pub canvas: Canvas,
    pub height: f64,
    /// The shapes, in drawing order (later ones on top).
    pub marks: Vec<Mark>,
    /// The text, drawn above every mark.
    pub texts: Vec<Text>,
    /// The bars lie horizontally (a 条形图), whatever `kind=` said.
    pub horizontal: bool,
}

impl Figure {
    pub fn new(canvas: Canvas) -> Figure {
        Figure {
            canvas,
            height: 0.0,
            marks: Vec::new(),
            texts: Vec::new(),
            horizontal: false,
        }
    }

    pub fn mark(&mut self, role: Role, shape: Shape) {
        self.marks.push(Mark { role, shape });
    }
}

/// What a mark stands for; the stylesheet colours each role per theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A filled shape of series `i`: a bar, slice, dot or legend swatch.
    Fill(usize),
    /// The line of series `i`.
    Line(usize),
    /// Where the line of series `i` crosses missing values: drawn dashed and faint, so a
    /// reader sees the gap and which points it joins.
    Bridge(usize),
    /// A grid line.
    Grid,
    /// The zero line, the category axis, the rule of a timeline.
    Axis,
}

/// A shape in viewBox units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    Rect(Rect),
    /// An open path, `width` units thick.
    Path {
        points: Vec<(f64, f64)>,
        width: f64,
    },
    Circle {
        center: (f64, f64),
        radius: f64,
    },
    /// A closed, filled outline.
    Polygon(Vec<(f64, f64)>),
}

/// One shape and its role.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    pub role: Role,
    pub shape: Shape,
}
