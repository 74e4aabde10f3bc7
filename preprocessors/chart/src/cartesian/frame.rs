//! From data to viewBox units: the plot rectangle, a value axis across it and the place of
//! each category along the other axis.

use crate::scale::Scale;
use crate::text::Rect;

/// The share of a band its bars fill, so that bands stand apart.
pub(super) const BAND_FILL: f64 = 0.7;

#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub plot: Rect,
    /// Values run left to right and categories top to bottom (a 条形图).
    pub horizontal: bool,
    pub scale: Scale,
    /// Along the category axis: where each category's bars (or point) go.
    pub zones: Vec<(f64, f64)>,
    /// The share of a zone its bars fill: less than all of a band, so that bands stand
    /// apart; all of a zone that is already just the bars' thickness.
    pub fill: f64,
}

impl Frame {
    /// Where `value` falls along the value axis.
    pub fn value(&self, value: f64) -> f64 {
        let f = self.scale.fraction(value);
        if self.horizontal {
            self.plot.x0 + f * (self.plot.x1 - self.plot.x0)
        } else {
            self.plot.y1 - f * (self.plot.y1 - self.plot.y0)
        }
    }

    /// The point at `along` on the category axis and `value` on the value axis.
    pub fn point(&self, along: f64, value: f64) -> (f64, f64) {
        if self.horizontal {
            (self.value(value), along)
        } else {
            (along, self.value(value))
        }
    }

    /// The middle of category `i`'s zone.
    pub fn center(&self, i: usize) -> f64 {
        let (a, b) = self.zones[i];
        (a + b) / 2.0
    }

    /// The value bars stand on: zero, or the end of the axis nearest to it.
    pub fn base(&self) -> f64 {
        0.0_f64.clamp(self.scale.min, self.scale.max)
    }

    /// The rectangle from `a` to `b` along the category axis and from `from` to `to` along
    /// the value axis.
    pub fn rect(&self, (a, b): (f64, f64), from: f64, to: f64) -> Rect {
        let (p, q) = (self.value(from), self.value(to));
        let (v0, v1) = (p.min(q), p.max(q));
        if self.horizontal {
            Rect {
                x0: v0,
                y0: a,
                x1: v1,
                y1: b,
            }
        } else {
            Rect {
                x0: a,
                y0: v0,
                x1: b,
                y1: v1,
            }
        }
    }

    /// A rule across the plot at `value`.
    pub fn rule(&self, value: f64) -> Vec<(f64, f64)> {
        let v = self.value(value);
        if self.horizontal {
            vec![(v, self.plot.y0), (v, self.plot.y1)]
        } else {
            vec![(self.plot.x0, v), (self.plot.x1, v)]
        }
    }
}
