//! Value axes with round ticks, each labelled with exactly the value it sits at.

use report_core::format::{Grouping, format_number};

/// A value axis from `min` to `max` in steps of `step`; every tick is a round number that
/// prints exactly with `decimals` decimals.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scale {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Decimals of the tick labels: as many as the step needs, never more than the chart's.
    pub decimals: usize,
}

impl Scale {
    /// An axis that covers `lo..=hi` (and 0 when `zero`) in about `intervals` intervals,
    /// with ticks that print exactly with at most `decimals` decimals.
    pub fn nice(lo: f64, hi: f64, zero: bool, decimals: usize, intervals: f64) -> Scale {
        let (mut lo, mut hi) = if zero {
            (lo.min(0.0), hi.max(0.0))
        } else {
            (lo, hi)
        };
        if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
            // One value (or all equal): give it room on both sides.
            let pad = if hi == 0.0 { 1.0 } else { hi.abs() * 0.1 };
            (lo, hi) = if zero && lo >= 0.0 {
                (0.0, hi + pad)
            } else if zero {
                (lo - pad, 0.0)
            } else {
                (lo - pad, hi + pad)
            };
        }
        let step = nice_step((hi - lo) / intervals.max(1.0), decimals);
        Self::with_step(lo, hi, step, decimals)
    }

    /// An axis with exactly `intervals` intervals covering `lo..=hi`, so that its ticks sit
    /// on the same grid lines as another axis (the right axis of a bar-line chart).
    pub fn aligned(lo: f64, hi: f64, intervals: usize, decimals: usize) -> Scale {
        let (lo, hi) = if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
            (lo.min(0.0) - 1.0, hi.max(0.0) + 1.0)
        } else {
            (lo, hi)
        };
        let intervals = intervals.max(1);
        let mut step = nice_step((hi - lo) / intervals as f64, decimals);
        loop {
            // Start at 0 when the data allows, so a growth axis reads from 0.
            let start = if lo >= 0.0 && hi <= step * intervals as f64 {
                0.0
            } else {
                (lo / step + 1e-9).floor() * step
            };
            if start + step * intervals as f64 >= hi - step * 1e-9 {
                let mut scale =
                    Self::with_step(start, start + step * intervals as f64, step, decimals);
                scale.min = start;
                scale.max = start + step * intervals as f64;
                return scale;
            }
            step = nice_step(step * 1.01, decimals);
        }
    }

    fn with_step(lo: f64, hi: f64, step: f64, decimals: usize) -> Scale {
        // Tolerate floating-point noise: 0.30000000000000004 is on the tick 0.3.
        let min = (lo / step + 1e-9).floor() * step;
        let max = (hi / step - 1e-9).ceil() * step;
        Scale {
            min,
            max,
            step,
            decimals: step_decimals(step).min(decimals),
        }
    }

    /// The tick values, from `min` to `max`.
    pub fn ticks(&self) -> Vec<f64> {
        (0..=self.intervals())
            .map(|i| {
                let v = self.min + self.step * i as f64;
                // Snap away float noise so that labels print as the round number they are.
                let v = (v / self.step).round() * self.step;
                if v == 0.0 { 0.0 } else { v }
            })
            .collect()
    }

    /// Number of intervals between ticks.
    pub fn intervals(&self) -> usize {
        ((self.max - self.min) / self.step).round() as usize
    }

    /// A tick label: the number as the report prints numbers.
    pub fn label(&self, value: f64) -> String {
        format_number(value, self.decimals, false, Grouping::Auto)
    }

    /// Where `value` falls, from 0 at `min` to 1 at `max`.
    pub fn fraction(&self, value: f64) -> f64 {
        (value - self.min) / (self.max - self.min)
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `raw` and whose multiples all print
/// exactly with `decimals` decimals: with no decimals, 2.5 is never a step (its ticks 2.5,
/// 7.5 would print as 3, 8), and no step is below 1.
fn nice_step(raw: f64, decimals: usize) -> f64 {
    let min_step = 10f64.powi(-(decimals as i32));
    let raw = if raw > 0.0 && raw.is_finite() {
        raw.max(min_step)
    } else {
        1.0f64.max(min_step)
    };
    let mut magnitude = 10f64.powf(raw.log10().floor());
    loop {
        for nice in [1.0, 2.0, 2.5, 5.0] {
            let step = nice * magnitude;
            if step >= raw * (1.0 - 1e-9) && step_decimals(step) <= decimals {
                return step;
            }
        }
        magnitude *= 10.0;
    }
}

/// Decimals that print every multiple of `step` exactly: 0.25 → 2, 5 → 0.
fn step_decimals(step: f64) -> usize {
    (0..=6)
        .find(|d| {
            let scaled = step * 10f64.powi(*d);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(6) as usize
}

#[cfg(test)]
mod tests;
