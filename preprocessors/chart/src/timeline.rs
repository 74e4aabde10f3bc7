//! Timelines: dated events down a vertical rule, one dot per event coloured by its group,
//! the time to the left of the dot and the event's text to the right, wrapped onto as many
//! lines as it needs (balanced, so that no line ends an event with a lone character).
//!
//! Vertical, so that long Chinese text keeps the whole width and a phone scales the chart
//! down without the events getting narrower: the chart grows taller with the number and
//! length of the events instead.

use plotters::prelude::*;

use crate::legend::{Entry, Legend, Swatch};
use crate::svg::{self, AXIS, draw_error, series_color};
use crate::text::{self, Anchor, CENTER_BASELINE, LEADING, Text};
use crate::{Chart, MAX_SERIES};

const WIDTH: f64 = 720.0;
/// Space kept clear around the chart.
const PAD: f64 = 10.0;
/// Font size of the times and the events: the text is the content here, so it is as large
/// as the page's body text where the chart is drawn full size, and stays legible longer as
/// a phone scales the chart down.
const EVENT_FONT: f64 = 18.0;
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

pub(crate) fn render(chart: &Chart) -> Result<String, String> {
    let events = events(chart)?;
    let row = EVENT_FONT * LEADING;

    // A single group needs no legend: the title names it.
    let entries: Vec<Entry> = match chart.series.len() {
        1 => Vec::new(),
        _ => chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| Entry {
                name: text::clean(&s.name),
                series: i,
                swatch: Swatch::Dot,
            })
            .collect(),
    };
    let legend = Legend::flow(&entries, PAD, WIDTH - PAD, PAD);
    let top = if legend.height > 0.0 {
        PAD + legend.height + LEGEND_GAP
    } else {
        PAD
    };

    // A time is shown once for a run of events on the same date.
    let times: Vec<Vec<String>> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if i > 0 && events[i - 1].time == e.time {
                return Vec::new();
            }
            text::wrap_lines(&e.time, WIDTH * TIME_SHARE / EVENT_FONT, TIME_LINES)
        })
        .collect();
    let time_width = times
        .iter()
        .flatten()
        .map(|l| text::width(l, EVENT_FONT))
        .fold(0.0, f64::max);
    let rule_x = (PAD + time_width + GAP).round();
    let text_x = rule_x + GAP;
    let room = (WIDTH - PAD - text_x) / EVENT_FONT;

    let mut texts = legend.texts.clone();
    let mut dots = Vec::with_capacity(events.len());
    let mut y = top;
    for (event, time) in events.iter().zip(&times) {
        let lines = text::wrap_balanced(&text::clean(event.text), room);
        let baseline = |j: usize| y + j as f64 * row + row / 2.0 + CENTER_BASELINE * EVENT_FONT;
        for (j, line) in time.iter().enumerate() {
            texts.push(
                Text::new("time", line.clone(), rule_x - GAP, baseline(j))
                    .anchor(Anchor::End)
                    .size(EVENT_FONT),
            );
        }
        for (j, line) in lines.iter().enumerate() {
            texts.push(Text::new("event", line.clone(), text_x, baseline(j)).size(EVENT_FONT));
        }
        dots.push((event.group, y + row / 2.0));
        y += lines.len().max(time.len()).max(1) as f64 * row + SPACING;
    }
    let height = (y - SPACING + PAD).ceil();
    let size = (WIDTH as u32, height as u32);

    let mut shapes = String::new();
    {
        let root = SVGBackend::with_string(&mut shapes, size).into_drawing_area();
        legend.draw(&root)?;
        let x = rule_x as i32;
        if let (Some((_, first)), Some((_, last))) = (dots.first(), dots.last())
            && dots.len() > 1
        {
            root.draw(&PathElement::new(
                [(x, first.round() as i32), (x, last.round() as i32)],
                AXIS.stroke_width(2),
            ))
            .map_err(draw_error)?;
        }
        for (group, cy) in &dots {
            root.draw(&Circle::new(
                (x, cy.round() as i32),
                DOT as i32,
                series_color(*group).filled(),
            ))
            .map_err(draw_error)?;
        }
        root.present().map_err(draw_error)?;
    }
    Ok(svg::document(chart, size, &shapes, &texts))
}

#[cfg(test)]
mod tests;
