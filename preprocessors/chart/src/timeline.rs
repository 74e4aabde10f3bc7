//! Timelines: dated events down a vertical rule, one dot per event coloured by its group,
//! the time to the left of the dot and the event's text to the right, wrapped onto as many
//! lines as it needs (balanced, so that no line ends an event with a lone character).
//!
//! Vertical, so that long Chinese text keeps the whole width: the chart grows taller with
//! the number and length of the events instead. The text is the content here, so it is
//! drawn at [`Canvas::event_font`], as large as the page's body text on a wide canvas. On a
//! narrow canvas each time goes on the first line of its event, right of the rule, so that
//! the events keep nearly the whole width of a phone.

use crate::canvas::Canvas;
use crate::figure::{Figure, Role, Shape};
use crate::legend::{Entry, Legend, Swatch};
use crate::text::{self, Anchor, CENTER_BASELINE, LEADING, Text};
use crate::{Chart, MAX_SERIES};

/// Radius of an event's dot.
const DOT: f64 = 6.0;
/// Between the times and the rule, and between the rule and the events.
const GAP: f64 = 14.0;
/// Between the last line of one event and the first of the next.
const SPACING: f64 = 12.0;
/// Between the legend and the first event.
const LEGEND_GAP: f64 = 14.0;
/// The times take at most this share of the width, wrapped onto at most three lines.
const TIME_SHARE: f64 = 0.25;
const TIME_LINES: usize = 3;

/// One event, as [`Chart`] encodes it.
struct Event<'a> {
    time: String,
    group: usize,
    text: &'a str,
}

/// The events in order: the group each belongs to and its text, or what is wrong with one.
fn events(chart: &Chart) -> Result<Vec<Event<'_>>, String> {
    chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, time)| {
            let time = text::clean(time);
            let Some(group) = chart.series.iter().position(|s| s.values[i].is_some()) else {
                return Err(format!(
                    "时间轴的事件「{time}」不属于任何分组：每个事件须在一个系列中有值"
                ));
            };
            let text = chart.series[group].labels.get(i).map_or("", |l| l.trim());
            if text.is_empty() || text == report_core::format::MISSING {
                return Err(format!(
                    "时间轴「{time}」的事件没有文字：请填写事件说明，或用 rows=/where= 去掉这一行"
                ));
            }
            Ok(Event { time, group, text })
        })
        .collect()
}

/// Refuses events a timeline cannot show (the caller has checked that every series has one
/// value per event).
pub(crate) fn check(chart: &Chart) -> Result<(), String> {
    let count = chart.series.len();
    if count > MAX_SERIES {
        return Err(format!(
            "时间轴最多区分 {MAX_SERIES} 个分组，但有 {count} 个：请合并分组，或不分组"
        ));
    }
    events(chart).map(|_| ())
}

pub(crate) fn layout(chart: &Chart, canvas: Canvas) -> Figure {
    // Checked before any layout.
    let events = events(chart).unwrap_or_default();
    let (pad, width, font) = (canvas.pad, canvas.width, canvas.event_font);
    let row = font * LEADING;
    let mut figure = Figure::new(canvas);

    // A single group needs no legend: the title names it.
    let entries: Vec<Entry> = match chart.series.len() {
        1 => Vec::new(),
        _ => Entry::per_series(chart, Swatch::Dot),
    };
    let legend = Legend::flow(&entries, pad, width - pad, pad, canvas.font);
    let top = if legend.height > 0.0 {
        pad + legend.height + LEGEND_GAP
    } else {
        pad
    };
    figure.marks.extend(legend.marks);
    figure.texts.extend(legend.texts);

    // A time is shown once for a run of events on the same date.
    let shown = |i: usize| i == 0 || events[i - 1].time != events[i].time;
    // Wide: times left of the rule, within a share of the width. Narrow: the time on the
    // first line right of the rule, the event under it, so both get the whole width.
    let times: Vec<Vec<String>> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if !shown(i) {
                Vec::new()
            } else if canvas.narrow {
                text::wrap(&e.time, (width - pad * 2.0 - DOT * 2.0 - GAP) / font)
            } else {
                text::wrap_lines(&e.time, width * TIME_SHARE / font, TIME_LINES)
            }
        })
        .collect();
    let rule_x = if canvas.narrow {
        (pad + DOT).round()
    } else {
        let time_width = times
            .iter()
            .flatten()
            .map(|l| text::width(l, font))
            .fold(0.0, f64::max);
        (pad + time_width + GAP).round()
    };
    let gap = if canvas.narrow { GAP * 0.75 } else { GAP };
    let text_x = rule_x + gap;
    let room = (width - pad - text_x) / font;

    let mut dots = Vec::with_capacity(events.len());
    let mut y = top;
    for (event, time) in events.iter().zip(&times) {
        let lines = text::wrap_balanced(&text::clean(event.text), room);
        let top = y;
        let baseline = |j: usize| top + j as f64 * row + row / 2.0 + CENTER_BASELINE * font;
        if canvas.narrow {
            for (j, line) in time.iter().enumerate() {
                figure
                    .texts
                    .push(Text::new("time", line.clone(), text_x, baseline(j), font));
            }
            for (j, line) in lines.iter().enumerate() {
                let k = j + time.len();
                figure
                    .texts
                    .push(Text::new("event", line.clone(), text_x, baseline(k), font));
            }
            y += (lines.len() + time.len()).max(1) as f64 * row + SPACING;
        } else {
            for (j, line) in time.iter().enumerate() {
                figure.texts.push(
                    Text::new("time", line.clone(), rule_x - GAP, baseline(j), font)
                        .anchor(Anchor::End),
                );
            }
            for (j, line) in lines.iter().enumerate() {
                figure
                    .texts
                    .push(Text::new("event", line.clone(), text_x, baseline(j), font));
            }
            y += lines.len().max(time.len()).max(1) as f64 * row + SPACING;
        }
        dots.push((event.group, top + row / 2.0));
    }
    figure.height = (y - SPACING + pad).ceil();

    if let (Some((_, first)), Some((_, last))) = (dots.first(), dots.last())
        && dots.len() > 1
    {
        figure.mark(
            Role::Axis,
            Shape::Path {
                points: vec![(rule_x, *first), (rule_x, *last)],
                width: 2.0,
            },
        );
    }
    for (group, cy) in dots {
        figure.mark(
            Role::Fill(group),
            Shape::Circle {
                center: (rule_x, cy),
                radius: DOT,
            },
        );
    }
    figure
}

#[cfg(test)]
mod tests;
