//! Charts on a category axis and a value axis: bars (vertical, horizontal, grouped,
//! stacked), ranges, lines, and bars with a growth line on a second axis.
//!
//! The legend and the units go on top, then `plan` decides where the plot and the category
//! names go for the canvas; grid, bars (`bars`) and lines (`lines`) follow, and labels are
//! placed last, where they keep clear of all other text.

mod axes;
mod bars;
mod frame;
mod lines;
mod plan;

use crate::canvas::Canvas;
use crate::figure::{Figure, Role, Shape};
use crate::legend::{Entry, Legend, Swatch};
use crate::text::{self, Anchor, Placer, Rect, Text};
use crate::{Chart, ChartKind};

pub(crate) fn layout(chart: &Chart, canvas: Canvas) -> Figure {
    let mut figure = Figure::new(canvas);
    let header = Header::new(chart, &canvas);
    let plan = plan::plan(chart, &canvas, header.bottom);
    figure.horizontal = plan.frame.horizontal;
    figure.height = plan.height;
    figure.marks.extend(header.legend.marks);
    figure.texts.extend(header.texts);
    figure.texts.extend(plan.texts);

    let frame = &plan.frame;
    let mut placer = Placer::new(Rect {
        x0: canvas.pad,
        y0: canvas.pad,
        x1: canvas.width - canvas.pad,
        y1: plan.height - canvas.pad,
    });
    for t in &figure.texts {
        placer.reserve(t.bounds());
    }

    // Grid first, so that bars and lines cover it.
    for tick in frame.scale.ticks() {
        figure.mark(
            Role::Grid,
            Shape::Path {
                points: frame.rule(tick),
                width: 1.0,
            },
        );
    }
    if chart.kind.has_bars() {
        bars::draw(&mut figure, frame, chart, &mut placer);
    }
    figure.mark(
        Role::Axis,
        Shape::Path {
            points: frame.rule(frame.base()),
            width: 1.0,
        },
    );

    let n = chart.categories.len();
    if chart.kind == ChartKind::Line {
        for (i, series) in chart.series.iter().enumerate() {
            let style = lines::Style {
                color: i,
                decimals: chart.decimals,
                label_points: chart.series.len() == 1 && n <= lines::MAX_LABELED_POINTS,
                connect: true,
            };
            lines::draw(&mut figure, frame, series, &style, &mut placer);
        }
    }
    if let (Some(line), Some(right)) = (&chart.line, &plan.right) {
        let names: Vec<String> = chart.categories.iter().map(|c| text::clean(c)).collect();
        let style = lines::Style {
            color: 1,
            decimals: chart.line_decimals,
            label_points: n <= lines::MAX_LABELED_POINTS,
            connect: plan::is_sequence(&names),
        };
        lines::draw(&mut figure, right, line, &style, &mut placer);
    }
    figure
}

/// What sits above the plot: the legend, then the units of the axes.
struct Header {
    legend: Legend,
    texts: Vec<Text>,
    /// Where the plot may start.
    bottom: f64,
}

impl Header {
    fn new(chart: &Chart, canvas: &Canvas) -> Header {
        let (pad, font) = (canvas.pad, canvas.font);
        let legend = Legend::flow(&legend_entries(chart), pad, canvas.width - pad, pad, font);
        let mut bottom = pad + legend.height;
        if legend.height > 0.0 {
            bottom += 4.0;
        }
        let mut texts = Vec::new();
        let baseline = bottom + 0.9 * font;
        let unit = |unit: &str| format!("单位：{}", text::clean(unit));
        if !chart.unit.trim().is_empty() {
            texts.push(Text::new("unit", unit(&chart.unit), pad, baseline, font));
        }
        if chart.kind == ChartKind::BarLine && !chart.line_unit.trim().is_empty() {
            texts.push(
                Text::new(
                    "unit",
                    unit(&chart.line_unit),
                    canvas.width - pad,
                    baseline,
                    font,
                )
                .anchor(Anchor::End),
            );
        }
        if !texts.is_empty() {
            bottom += canvas.row();
        }
        let mut all = legend.texts.clone();
        all.extend(texts);
        Header {
            legend,
            texts: all,
            bottom,
        }
    }
}

fn legend_entries(chart: &Chart) -> Vec<Entry> {
    let swatch = if chart.kind == ChartKind::Line {
        Swatch::Line
    } else {
        Swatch::Box
    };
    // A single series needs no legend: the title names it. Nor do ranges, whose labels say
    // both ends.
    let needed = match chart.kind {
        ChartKind::Grouped | ChartKind::Stacked | ChartKind::BarLine => true,
        ChartKind::Line => chart.series.len() > 1,
        _ => false,
    };
    let mut entries: Vec<Entry> = if needed {
        Entry::per_series(chart, swatch)
    } else {
        Vec::new()
    };
    if let (Some(line), ChartKind::BarLine) = (&chart.line, chart.kind) {
        let names: Vec<String> = chart.categories.iter().map(|c| text::clean(c)).collect();
        entries.push(Entry {
            name: format!("{}（右轴）", text::clean(&line.name)),
            series: 1,
            swatch: if plan::is_sequence(&names) {
                Swatch::Line
            } else {
                Swatch::Dot
            },
        });
    }
    entries
}

#[cfg(test)]
mod tests;
