//! Charts on a category axis and a value axis: bars (vertical, horizontal, grouped,
//! stacked), lines, and bars with a growth line on a second axis.
//!
//! Layout comes first, in viewBox units, from measured text: the legend and unit on top,
//! tick labels beside the plot, category labels below it (or beside it, for horizontal
//! bars). plotters then draws grid, bars and lines into the plot rectangle, and the text is
//! placed at the pixels plotters mapped the data to.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use crate::legend::{Entry, Legend, Swatch};
use crate::scale::Scale;
use crate::svg::{self, AXIS, GRID, draw_error, series_color};
use crate::text::{self, Anchor, CENTER_BASELINE, FONT, LEADING, Placer, Rect, SMALL, Text};
use crate::{Chart, ChartKind, Series, value_text};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 400.0;
/// Space kept clear around the chart.
const PAD: f64 = 10.0;
/// Between tick labels and the plot.
const TICK_GAP: f64 = 6.0;
/// Between the plot and the category labels below it: enough to clear the half of the
/// lowest tick label that hangs below the plot.
const CATEGORY_GAP: f64 = 9.0;
/// Most lines a category label wraps onto below a line chart; below bars it is two, and
/// longer names turn the bars horizontal instead.
const MAX_LINES: usize = 3;
const MAX_BAR_LINES: usize = 2;
/// Horizontal-bar category labels take at most this share of the width.
const LABEL_SHARE: f64 = 0.3;
/// Widest a bar is drawn, in viewBox units, however few the categories.
const MAX_BAR: f64 = 48.0;
/// Above this many bars, values are left to the data table.
const MAX_LABELED_BARS: usize = 24;
/// Above this many points, lines get no markers and no labels.
const MAX_MARKED_POINTS: usize = 30;
const MAX_LABELED_POINTS: usize = 16;

type Plot<'a> = ChartContext<'a, SVGBackend<'a>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// How the categories are laid out.
enum Orientation {
    /// Categories along the bottom; `lines[i]` is category `i`'s label, empty where only
    /// every few labels are shown to make room.
    Vertical { lines: Vec<Vec<String>> },
    /// Categories down the left side, `width` wide.
    Horizontal { lines: Vec<Vec<String>>, width: f64 },
}

pub(crate) fn render(chart: &Chart) -> Result<String, String> {
    let n = chart.categories.len();
    let (left, right) = axes(chart);
    let header = Header::new(chart, right.is_some());
    let layout = Layout::new(chart, &header, &left, right.as_ref());
    let Layout {
        plot, orientation, ..
    } = &layout;
    let horizontal = matches!(orientation, Orientation::Horizontal { .. });
    let size = (WIDTH as u32, layout.height.ceil() as u32);
    let mut texts = header.texts.clone();

    let mut shapes = String::new();
    {
        let root = SVGBackend::with_string(&mut shapes, size).into_drawing_area();
        let area = root.margin(
            plot.y0.round() as i32,
            (size.1 as f64 - plot.y1).round() as i32,
            plot.x0.round() as i32,
            (WIDTH - plot.x1).round() as i32,
        );
        let cats = 0.0..n as f64;
        let values = left.min..left.max;
        let main: Plot = if horizontal {
            ChartBuilder::on(&area).build_cartesian_2d(values, cats)
        } else {
            ChartBuilder::on(&area).build_cartesian_2d(cats, values)
        }
        .map_err(draw_error)?;
        let frame = Frame {
            n,
            horizontal,
            scale: left.clone(),
        };
        // The right axis of a bar-line chart shares the plot, with its own values.
        let secondary = match &right {
            Some(right) => Some((
                ChartBuilder::on(&area)
                    .build_cartesian_2d(0.0..n as f64, right.min..right.max)
                    .map_err(draw_error)?,
                Frame {
                    scale: right.clone(),
                    ..frame.clone()
                },
            )),
            None => None,
        };

        texts.extend(frame.tick_labels(&main, &left, Anchor::End));
        if let Some((plot, frame)) = &secondary {
            texts.extend(frame.tick_labels(plot, &frame.scale, Anchor::Start));
        }
        texts.extend(frame.category_labels(&main, orientation));
        let mut placer = Placer::new(Rect {
            x0: PAD,
            y0: PAD,
            x1: WIDTH - PAD,
            y1: size.1 as f64 - PAD,
        });
        for t in &texts {
            placer.reserve(t.bounds());
        }

        // Grid first, so that bars and lines cover it.
        for tick in left.ticks() {
            frame.rule(&main, tick, GRID)?;
        }
        let mut labels = Vec::new();
        if chart.kind != ChartKind::Line {
            let stacked = chart.kind == ChartKind::Stacked;
            let drawn = frame.bars(&main, chart, stacked)?;
            // All or nothing: a chart with some bars labelled and some not reads as a
            // mistake.
            if let Some(wanted) = frame.bar_labels(&main, chart, stacked, &drawn) {
                let mut trial = placer.clone();
                let count = wanted.len();
                let placed: Vec<Text> =
                    wanted.into_iter().map_while(|t| trial.place([t])).collect();
                if placed.len() == count {
                    placer = trial;
                    labels = placed;
                }
            }
            // A growth label may still sit on a bar (on its halo) when there is no room
            // beside it.
            for bar in &drawn {
                placer.avoid(bar.rect);
            }
        }
        frame.rule(&main, left.min.max(0.0_f64.min(left.max)), AXIS)?;

        if chart.kind == ChartKind::Line {
            let label_points = chart.series.len() == 1 && n <= MAX_LABELED_POINTS;
            for (i, series) in chart.series.iter().enumerate() {
                frame.line(&main, series, i)?;
                if label_points {
                    labels.extend(frame.point_labels(&main, series, chart.decimals, &mut placer));
                }
            }
        }
        if let (Some(line), Some((plot, frame))) = (&chart.line, &secondary) {
            frame.line(plot, line, 1)?;
            if n <= MAX_LABELED_POINTS {
                labels.extend(frame.point_labels(plot, line, chart.line_decimals, &mut placer));
            }
        }
        texts.extend(labels);
        header.legend.draw(&root)?;
        root.present().map_err(draw_error)?;
    }
    Ok(svg::document(chart, size, &shapes, &texts))
}

/// Whether the chart is drawn with horizontal bars: asked for (`hbar`), or bars whose
/// category names only fit down the left side. The chart must have passed
/// [`crate::check`].
pub(crate) fn is_horizontal(chart: &Chart) -> bool {
    match chart.kind {
        ChartKind::HBar => true,
        ChartKind::Bar | ChartKind::Grouped | ChartKind::Stacked => {
            let (left, right) = axes(chart);
            let header = Header::new(chart, right.is_some());
            let layout = Layout::new(chart, &header, &left, right.as_ref());
            matches!(layout.orientation, Orientation::Horizontal { .. })
        }
        _ => false,
    }
}

/// The value axes: the left one for bars (standing on zero, with headroom for their value
/// labels) or lines; the right one for the line of a bar-line chart.
fn axes(chart: &Chart) -> (Scale, Option<Scale>) {
    let (lo, hi) = if chart.kind == ChartKind::Stacked {
        stack_extent(chart)
    } else {
        extent(&chart.series)
    };
    let left = if chart.kind == ChartKind::Line {
        // A line that stays far from zero reads better zoomed in.
        let zero = lo >= 0.0 && lo < hi * 0.5 || hi <= 0.0 && hi > lo * 0.5;
        Scale::nice(lo, hi, zero, chart.decimals)
    } else {
        let room = (hi.max(0.0) - lo.min(0.0)) * 0.08;
        let lo = if lo < 0.0 { lo - room } else { lo };
        let hi = if hi > 0.0 { hi + room } else { hi };
        Scale::nice(lo, hi, true, chart.decimals)
    };
    let right = match (&chart.line, chart.kind) {
        (Some(line), ChartKind::BarLine) => {
            let (lo, hi) = extent(std::slice::from_ref(line));
            Some(Scale::aligned(
                lo,
                hi,
                left.intervals(),
                chart.line_decimals,
            ))
        }
        _ => None,
    };
    (left, right)
}

/// What sits above the plot: the legend, then the units of the axes.
struct Header {
    legend: Legend,
    texts: Vec<Text>,
    /// Where the plot may start.
    bottom: f64,
}

impl Header {
    fn new(chart: &Chart, right_axis: bool) -> Header {
        let legend = Legend::flow(&legend_entries(chart), PAD, WIDTH - PAD, PAD);
        let mut bottom = PAD + legend.height;
        if legend.height > 0.0 {
            bottom += 4.0;
        }
        let mut texts = legend.texts.clone();
        let baseline = bottom + 0.9 * FONT;
        let unit = |unit: &str| format!("单位：{}", text::clean(unit));
        if !chart.unit.trim().is_empty() {
            texts.push(Text::new("unit", unit(&chart.unit), PAD, baseline));
        }
        if right_axis && !chart.line_unit.trim().is_empty() {
            texts.push(
                Text::new("unit", unit(&chart.line_unit), WIDTH - PAD, baseline)
                    .anchor(Anchor::End),
            );
        }
        if texts.len() > legend.texts.len() {
            bottom += FONT * LEADING;
        }
        Header {
            legend,
            texts,
            bottom,
        }
    }
}

/// Where the plot goes, how the categories are labelled, and how tall the chart is.
struct Layout {
    plot: Rect,
    orientation: Orientation,
    height: f64,
}

impl Layout {
    fn new(chart: &Chart, header: &Header, left: &Scale, right: Option<&Scale>) -> Layout {
        let n = chart.categories.len() as f64;
        let row = FONT * LEADING;
        let categories: Vec<String> = chart.categories.iter().map(|c| text::clean(c)).collect();
        let tick_width = |scale: &Scale| {
            scale
                .ticks()
                .iter()
                .map(|t| text::width(&scale.label(*t), FONT))
                .fold(0.0, f64::max)
        };
        let x0 = PAD + tick_width(left) + TICK_GAP;
        let x1 = WIDTH - PAD - right.map_or(0.0, |r| tick_width(r) + TICK_GAP);
        let orientation = orientation(chart.kind, &categories, (x1 - x0) / n);
        let depth = |lines: &[Vec<String>]| lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        match orientation {
            Orientation::Vertical { ref lines } => {
                let depth = depth(lines) as f64;
                let plot = Rect {
                    x0,
                    // Half of the top tick label pokes above the top grid line.
                    y0: header.bottom + FONT * 0.6,
                    x1,
                    y1: HEIGHT - PAD - depth * row - CATEGORY_GAP + (row - FONT) / 2.0,
                };
                Layout {
                    plot,
                    orientation,
                    height: HEIGHT,
                }
            }
            Orientation::Horizontal { ref lines, width } => {
                // Bands as tall as their names, and thick enough for their bars.
                let per_band = if chart.kind == ChartKind::Grouped {
                    chart.series.len() as f64 * 12.0 + 12.0
                } else {
                    30.0
                };
                let band = (depth(lines) as f64 * row + 10.0).max(per_band);
                let stacked = chart.kind == ChartKind::Stacked;
                // Value labels run past the longest bar; tick labels are centred on
                // their ticks.
                let right_room = (text::width(&left.label(left.max), FONT) / 2.0)
                    .max(label_width(chart, stacked) + 6.0);
                let first_tick = text::width(&left.label(left.min), FONT) / 2.0;
                let y0 = header.bottom + 4.0;
                let plot = Rect {
                    x0: (PAD + width + 8.0).max(PAD + first_tick),
                    y0,
                    x1: WIDTH - PAD - right_room,
                    y1: y0 + (band * n).max(160.0),
                };
                Layout {
                    plot,
                    orientation,
                    height: plot.y1 + TICK_GAP + row + PAD,
                }
            }
        }
    }
}

/// Vertical unless asked for horizontal bars, or the names only fit that way.
fn orientation(kind: ChartKind, categories: &[String], band: f64) -> Orientation {
    match kind {
        ChartKind::HBar => horizontal(categories),
        ChartKind::Bar | ChartKind::Grouped | ChartKind::Stacked => {
            match fit_vertical(categories, band, MAX_BAR_LINES, 1) {
                Some(lines) => Orientation::Vertical { lines },
                None if is_sequence(categories) => thin(categories, band),
                None => horizontal(categories),
            }
        }
        // Lines keep their axis: names wrap, and are cut if they must be.
        _ => match fit_vertical(categories, band, MAX_LINES, 1) {
            Some(lines) => Orientation::Vertical { lines },
            None if is_sequence(categories) => thin(categories, band),
            None => Orientation::Vertical {
                lines: categories
                    .iter()
                    .map(|c| text::wrap_lines(c, (band - 6.0) / FONT, MAX_LINES))
                    .collect(),
            },
        },
    }
}

/// Smallest and largest value of the series.
fn extent(series: &[Series]) -> (f64, f64) {
    series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        })
}

/// Lowest and highest point of the stacks: negatives stack down, positives up.
fn stack_extent(chart: &Chart) -> (f64, f64) {
    (0..chart.categories.len())
        .map(|i| {
            chart
                .series
                .iter()
                .filter_map(|s| s.values[i])
                .fold((0.0, 0.0), |(neg, pos), v| {
                    if v < 0.0 {
                        (neg + v, pos)
                    } else {
                        (neg, pos + v)
                    }
                })
        })
        .fold((0.0, 0.0), |(lo, hi): (f64, f64), (neg, pos)| {
            (lo.min(neg), hi.max(pos))
        })
}

fn legend_entries(chart: &Chart) -> Vec<Entry> {
    let swatch = if chart.kind == ChartKind::Line {
        Swatch::Line
    } else {
        Swatch::Box
    };
    // A single series needs no legend: the title names it.
    let needed = match chart.kind {
        ChartKind::Grouped | ChartKind::Stacked | ChartKind::BarLine => true,
        ChartKind::Line => chart.series.len() > 1,
        _ => false,
    };
    let mut entries: Vec<Entry> = if needed {
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
    } else {
        Vec::new()
    };
    if let (Some(line), ChartKind::BarLine) = (&chart.line, chart.kind) {
        entries.push(Entry {
            name: format!("{}（右轴）", text::clean(&line.name)),
            series: 1,
            swatch: Swatch::Line,
        });
    }
    entries
}

/// Widest value label the bars may carry.
fn label_width(chart: &Chart, stacked: bool) -> f64 {
    let n = chart.categories.len();
    if stacked {
        return (0..n)
            .filter_map(|i| stack_total(chart, i))
            .map(|t| text::width(&t, SMALL))
            .fold(0.0, f64::max);
    }
    chart
        .series
        .iter()
        .flat_map(|s| (0..n).filter_map(|i| value_text(s, i, chart.decimals)))
        .map(|t| text::width(&t, SMALL))
        .fold(0.0, f64::max)
}

/// The total of a stack, printed with as many decimals as its parts.
fn stack_total(chart: &Chart, i: usize) -> Option<String> {
    let parts: Vec<String> = chart
        .series
        .iter()
        .filter_map(|s| value_text(s, i, chart.decimals))
        .collect();
    if parts.is_empty() {
        return None;
    }
    let decimals = parts
        .iter()
        .map(|p| report_core::format::decimals_written(p))
        .max()
        .unwrap_or(chart.decimals);
    let total: f64 = chart.series.iter().filter_map(|s| s.values[i]).sum();
    Some(report_core::format::format_number(
        total,
        decimals,
        false,
        report_core::format::Grouping::Auto,
    ))
}

/// Whether the categories are an ordered sequence (years, quarters, dates), where showing
/// every other label loses nothing.
fn is_sequence(categories: &[String]) -> bool {
    categories
        .iter()
        .all(|c| c.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// Every category wrapped into at most `max_lines` lines of `step` bands, or `None` if
/// one does not fit. Only every `step`-th category gets a label.
fn fit_vertical(
    categories: &[String],
    band: f64,
    max_lines: usize,
    step: usize,
) -> Option<Vec<Vec<String>>> {
    let room = band * step as f64 - 6.0;
    // Too narrow for one character, or for a whole year: 20/24 is no label.
    if room < FONT
        || categories
            .iter()
            .any(|c| text::longest_word_em(c) * FONT > room)
    {
        return None;
    }
    categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // Count from the end: the latest period always keeps its label.
            if !(categories.len() - 1 - i).is_multiple_of(step) {
                return Some(Vec::new());
            }
            let lines = text::wrap(c, room / FONT);
            let fits =
                lines.len() <= max_lines && lines.iter().all(|l| text::width(l, FONT) <= room);
            fits.then_some(lines)
        })
        .collect()
}

/// Labels for every `step`-th category, the smallest step at which they fit on two lines.
fn thin(categories: &[String], band: f64) -> Orientation {
    (2..=categories.len())
        .find_map(|step| {
            fit_vertical(categories, band, 2, step).map(|lines| Orientation::Vertical { lines })
        })
        .unwrap_or_else(|| Orientation::Vertical {
            lines: categories
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        text::wrap_lines(c, (band * categories.len() as f64 - 6.0) / FONT, 2)
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
        })
}

/// Category names down the left side, wrapped to at most [`LABEL_SHARE`] of the width.
fn horizontal(categories: &[String]) -> Orientation {
    let widest = categories
        .iter()
        .map(|c| text::width(c, FONT))
        .fold(0.0, f64::max);
    let room = widest.min(WIDTH * LABEL_SHARE);
    let lines: Vec<Vec<String>> = categories
        .iter()
        .map(|c| text::wrap_lines(c, room / FONT, MAX_LINES))
        .collect();
    let width = lines
        .iter()
        .flatten()
        .map(|l| text::width(l, FONT))
        .fold(0.0, f64::max);
    Orientation::Horizontal { lines, width }
}

/// Maps (category position, value) to the plot's coordinates in either orientation:
/// category `i` owns the band `i..i+1`, counted from the left or from the top.
#[derive(Clone)]
struct Frame {
    n: usize,
    horizontal: bool,
    scale: Scale,
}

impl Frame {
    fn at(&self, category: f64, value: f64) -> (f64, f64) {
        if self.horizontal {
            (value, self.n as f64 - category)
        } else {
            (category, value)
        }
    }

    /// The pixel of (category position, value).
    fn pixel(&self, plot: &Plot, category: f64, value: f64) -> (f64, f64) {
        let (x, y) = plot.backend_coord(&self.at(category, value));
        (x as f64, y as f64)
    }

    /// A line across the plot at `value`.
    fn rule(&self, plot: &Plot, value: f64, color: RGBColor) -> Result<(), String> {
        plot.plotting_area()
            .draw(&PathElement::new(
                [self.at(0.0, value), self.at(self.n as f64, value)],
                color.stroke_width(1),
            ))
            .map_err(draw_error)
    }

    fn tick_labels(&self, plot: &Plot, scale: &Scale, side: Anchor) -> Vec<Text> {
        scale
            .ticks()
            .into_iter()
            .map(|tick| {
                let label = scale.label(tick);
                if self.horizontal {
                    let (x, y) = self.pixel(plot, self.n as f64, tick);
                    Text::new("tick", label, x, y + TICK_GAP + 0.9 * FONT).anchor(Anchor::Middle)
                } else {
                    let edge = if side == Anchor::End {
                        0.0
                    } else {
                        self.n as f64
                    };
                    let (x, y) = self.pixel(plot, edge, tick);
                    let x = if side == Anchor::End {
                        x - TICK_GAP
                    } else {
                        x + TICK_GAP
                    };
                    Text::new("tick", label, x, y + CENTER_BASELINE * FONT).anchor(side)
                }
            })
            .collect()
    }

    fn category_labels(&self, plot: &Plot, orientation: &Orientation) -> Vec<Text> {
        let row = FONT * LEADING;
        let mut texts = Vec::new();
        match orientation {
            Orientation::Vertical { lines, .. } => {
                let (_, bottom) = self.pixel(plot, 0.0, self.scale.min);
                for (i, lines) in lines.iter().enumerate() {
                    let (cx, _) = self.pixel(plot, i as f64 + 0.5, self.scale.min);
                    for (j, line) in lines.iter().enumerate() {
                        // Thinned labels may be wider than their band: keep them inside.
                        let half = text::width(line, FONT) / 2.0;
                        let x = cx.clamp(PAD + half, WIDTH - PAD - half);
                        let y = bottom + CATEGORY_GAP + 0.9 * FONT + j as f64 * row;
                        texts
                            .push(Text::new("category", line.clone(), x, y).anchor(Anchor::Middle));
                    }
                }
            }
            Orientation::Horizontal { lines, .. } => {
                let (left, _) = self.pixel(plot, 0.0, self.scale.min);
                for (i, lines) in lines.iter().enumerate() {
                    let (_, cy) = self.pixel(plot, i as f64 + 0.5, self.scale.min);
                    let first = cy - (lines.len() as f64 - 1.0) * row / 2.0;
                    for (j, line) in lines.iter().enumerate() {
                        let y = first + j as f64 * row + CENTER_BASELINE * FONT;
                        texts.push(
                            Text::new("category", line.clone(), left - 8.0, y).anchor(Anchor::End),
                        );
                    }
                }
            }
        }
        texts
    }

    /// Draws the bars of every series; returns where each one went.
    fn bars(&self, plot: &Plot, chart: &Chart, stacked: bool) -> Result<Vec<Bar>, String> {
        let count = if stacked { 1 } else { chart.series.len() };
        let (a, b) = (
            self.pixel(plot, 0.0, self.scale.min),
            self.pixel(plot, 1.0, self.scale.min),
        );
        let band = if self.horizontal {
            (a.1 - b.1).abs()
        } else {
            (b.0 - a.0).abs()
        };
        // Bars fill most of the band, but are never wider than MAX_BAR.
        let group = (0.7_f64).min(MAX_BAR * count as f64 / band).min(0.85);
        let slot = group / count as f64;
        let mut bars = Vec::new();
        let n = chart.categories.len();
        for i in 0..n {
            let (mut pos, mut neg) = (0.0, 0.0);
            for (s, series) in chart.series.iter().enumerate() {
                let Some(value) = series.values[i] else {
                    continue;
                };
                let (start, end) = if stacked {
                    let base = if value < 0.0 { &mut neg } else { &mut pos };
                    let start = *base;
                    *base += value;
                    (start, *base)
                } else {
                    (0.0, value)
                };
                let slot_index = if stacked { 0 } else { s };
                let c0 = i as f64 + (1.0 - group) / 2.0 + slot * slot_index as f64;
                // A hairline between neighbouring bars of a group.
                let inset = if count > 1 { slot * 0.06 } else { 0.0 };
                let corners = [self.at(c0 + inset, start), self.at(c0 + slot - inset, end)];
                plot.plotting_area()
                    .draw(&Rectangle::new(corners, series_color(s).filled()))
                    .map_err(draw_error)?;
                let (p0, p1) = (
                    self.pixel(plot, c0 + inset, start),
                    self.pixel(plot, c0 + slot - inset, end),
                );
                bars.push(Bar {
                    rect: Rect {
                        x0: p0.0.min(p1.0),
                        y0: p0.1.min(p1.1),
                        x1: p0.0.max(p1.0),
                        y1: p0.1.max(p1.1),
                    },
                    category: i,
                    series: s,
                    value,
                    slot: (c0, c0 + slot),
                });
            }
        }
        Ok(bars)
    }

    /// Value labels at the end of each bar (of each stack, for stacked bars); `None` when
    /// there are too many bars or a label is wider than its bar.
    fn bar_labels(
        &self,
        plot: &Plot,
        chart: &Chart,
        stacked: bool,
        bars: &[Bar],
    ) -> Option<Vec<Text>> {
        let mut labels = Vec::new();
        let count = if stacked {
            chart.categories.len()
        } else {
            bars.len()
        };
        if count > MAX_LABELED_BARS {
            return None;
        }
        let mut items: Vec<(String, f64, (f64, f64))> = Vec::new();
        if stacked {
            for i in 0..chart.categories.len() {
                let Some(total) = stack_total(chart, i) else {
                    continue;
                };
                let parts: Vec<&Bar> = bars.iter().filter(|b| b.category == i).collect();
                let Some(first) = parts.first() else {
                    continue;
                };
                let top: f64 = parts.iter().map(|b| b.value.max(0.0)).sum();
                let bottom: f64 = parts.iter().map(|b| b.value.min(0.0)).sum();
                let (end, slot) = (if top > 0.0 { top } else { bottom }, first.slot);
                items.push((total, end, slot));
            }
        } else {
            for bar in bars {
                let series = &chart.series[bar.series];
                if let Some(text) = value_text(series, bar.category, chart.decimals) {
                    items.push((text, bar.value, bar.slot));
                }
            }
        }
        for (text, value, (c0, c1)) in items {
            let (x, y) = self.pixel(plot, (c0 + c1) / 2.0, value);
            let width = text::width(&text, SMALL);
            let label = if self.horizontal {
                let (_, y0) = self.pixel(plot, c0, value);
                let (_, y1) = self.pixel(plot, c1, value);
                if (y1 - y0).abs() + 2.0 < SMALL {
                    return None;
                }
                let y = y + CENTER_BASELINE * SMALL;
                if value < 0.0 {
                    Text::new("label", text, x - 4.0, y).anchor(Anchor::End)
                } else {
                    Text::new("label", text, x + 4.0, y)
                }
            } else {
                let (x0, _) = self.pixel(plot, c0, value);
                let (x1, _) = self.pixel(plot, c1, value);
                // Leave a few units between the labels of neighbouring bars.
                if width > (x1 - x0).abs() + 2.0 {
                    return None;
                }
                if value < 0.0 {
                    Text::new("label", text, x, y + 4.0 + 0.9 * SMALL).anchor(Anchor::Middle)
                } else {
                    Text::new("label", text, x, y - 4.0).anchor(Anchor::Middle)
                }
            };
            labels.push(label.size(SMALL));
        }
        Some(labels)
    }

    /// A line through the series' points, broken where values are missing, with markers.
    fn line(&self, plot: &Plot, series: &Series, color: usize) -> Result<(), String> {
        let color = series_color(color);
        let points: Vec<Option<(f64, f64)>> = series
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|v| self.at(i as f64 + 0.5, v)))
            .collect();
        for run in points.split(Option::is_none) {
            let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
            if run.len() > 1 {
                plot.plotting_area()
                    .draw(&PathElement::new(run, color.stroke_width(2)))
                    .map_err(draw_error)?;
            }
        }
        // A lone point between gaps would vanish without its marker, so always mark those.
        let marked = points.len() <= MAX_MARKED_POINTS;
        for (i, point) in points.iter().enumerate() {
            let lone = (i == 0 || points[i - 1].is_none())
                && points.get(i + 1).is_none_or(Option::is_none);
            if let Some(point) = point.filter(|_| marked || lone) {
                plot.plotting_area()
                    .draw(&Circle::new(point, 3, color.filled()))
                    .map_err(draw_error)?;
            }
        }
        Ok(())
    }

    /// Value labels above (else below) each point, where they fit.
    fn point_labels(
        &self,
        plot: &Plot,
        series: &Series,
        decimals: usize,
        placer: &mut Placer,
    ) -> Vec<Text> {
        (0..series.values.len())
            .filter_map(|i| {
                let text = value_text(series, i, decimals)?;
                let (x, y) = self.pixel(plot, i as f64 + 0.5, series.values[i]?);
                let above = Text::new("label", text.clone(), x, y - 7.0)
                    .anchor(Anchor::Middle)
                    .size(SMALL);
                let below = Text::new("label", text, x, y + 7.0 + 0.9 * SMALL)
                    .anchor(Anchor::Middle)
                    .size(SMALL);
                placer.place([above, below])
            })
            .collect()
    }
}

/// One drawn bar.
struct Bar {
    /// Where it is, in viewBox units.
    rect: Rect,
    category: usize,
    series: usize,
    value: f64,
    /// The bar's extent along the category axis, in category positions.
    slot: (f64, f64),
}
