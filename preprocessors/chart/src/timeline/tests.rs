//! The timeline's layout on both canvases; the properties every kind shares (accessible
//! root, one HTML block, determinism, no clipped or overlapping text, legible sizes) are
//! checked on its samples in the crate's `tests`.

use super::*;
use crate::canvas::{NARROW, WIDE};
use crate::figure::Figure;
use crate::tests::{LONG_EVENTS, MILESTONES, assert_text_fits, both, desc, labels, timeline};
use crate::{ChartKind, render};

fn texts<'a>(figure: &'a Figure, class: &str) -> Vec<&'a Text> {
    figure.texts.iter().filter(|t| t.class == class).collect()
}

/// The dots: (group, centre), the legend's first.
fn dots(figure: &Figure) -> Vec<(usize, (f64, f64))> {
    figure
        .marks
        .iter()
        .filter_map(|m| match (m.role, &m.shape) {
            (Role::Fill(group), Shape::Circle { center, .. }) => Some((group, *center)),
            _ => None,
        })
        .collect()
}

#[test]
fn wide_times_left_of_the_rule_events_right_dots_coloured_by_group() {
    let chart = timeline(MILESTONES);
    let figure = layout(&chart, WIDE);
    let times = texts(&figure, "time");
    let events = texts(&figure, "event");
    assert_eq!(
        times.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        MILESTONES.iter().map(|e| e.0).collect::<Vec<_>>()
    );
    assert!(
        times.iter().all(|t| t.anchor == Anchor::End),
        "times are right-aligned"
    );

    // Three groups: a legend of three dots, then one dot per event in its group's colour.
    let dots = dots(&figure);
    assert_eq!(dots.len(), 3 + MILESTONES.len());
    let (legend, dots) = dots.split_at(3);
    let rule_x = dots[0].1.0;
    assert!(dots.iter().all(|d| d.1.0 == rule_x), "{dots:?}");
    let groups: Vec<usize> = dots.iter().map(|d| d.0).collect();
    assert_eq!(groups, [0, 0, 1, 0, 1, 1, 2, 0]);
    assert!(legend.iter().all(|d| d.1.1 < dots[0].1.1));
    for name in ["ICH", "PIC/S", "WHO PQ"] {
        assert!(
            texts(&figure, "legend").iter().any(|l| l.text == name),
            "{name}"
        );
    }

    // Each time sits left of the rule on its dot's line, the event's first line right of it.
    for (i, dot) in dots.iter().enumerate() {
        let time = times[i];
        assert!(time.x < rule_x, "{time:?}");
        assert!(
            (time.y - WIDE.event_font * CENTER_BASELINE - dot.1.1).abs() <= 1.0,
            "{time:?} {dot:?}"
        );
        let first = events
            .iter()
            .find(|e| (e.y - time.y).abs() < 0.1)
            .unwrap_or_else(|| panic!("no event on the line of {time:?}"));
        assert!(first.x > rule_x + DOT);
    }
    // Events go down the page in order, and the rule joins the first dot to the last.
    assert!(dots.windows(2).all(|w| w[0].1.1 < w[1].1.1));
    let rule = figure.marks.iter().find(|m| m.role == Role::Axis).unwrap();
    assert_eq!(
        rule.shape,
        Shape::Path {
            points: vec![(rule_x, dots[0].1.1), (rule_x, dots[7].1.1)],
            width: 2.0
        }
    );
}

#[test]
fn narrow_puts_each_time_above_its_event_and_gives_events_the_width() {
    let chart = timeline(MILESTONES);
    let figure = layout(&chart, NARROW);
    let times = texts(&figure, "time");
    let events = texts(&figure, "event");
    let dots = dots(&figure);
    let (_, dots) = dots.split_at(3);
    let rule_x = dots[0].1.0;
    assert!(rule_x < 20.0, "the rule runs down the left edge: {rule_x}");
    for (i, dot) in dots.iter().enumerate() {
        let time = times[i];
        assert!(time.x > rule_x && time.anchor == Anchor::Start, "{time:?}");
        assert!((time.y - NARROW.event_font * CENTER_BASELINE - dot.1.1).abs() <= 1.0);
        // The event starts on the next line, at the same x.
        let first = events.iter().find(|e| e.y > time.y).unwrap();
        assert_eq!(first.x, time.x);
    }
    // Events use nearly all of the width: the longest line is close to it.
    let widest = events.iter().map(|e| e.bounds().x1).fold(0.0, f64::max);
    assert!(widest > NARROW.width * 0.85, "{widest}");
}

#[test]
fn long_events_wrap_and_the_chart_grows_taller() {
    for (figure, canvas) in [WIDE, NARROW].map(|c| (layout(&timeline(LONG_EVENTS), c), c)) {
        let events = texts(&figure, "event");
        // The long Chinese event takes several lines, all of them, nothing cut.
        let first: String = events
            .iter()
            .take_while(|l| !l.text.starts_with("Accelerated"))
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(first, LONG_EVENTS[0].2);
        let english: Vec<&str> = events
            .iter()
            .skip_while(|l| !l.text.starts_with("Accelerated"))
            .take_while(|l| l.text != "同年第二件大事")
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(english.join(" "), LONG_EVENTS[1].2, "broken between words");
        // The long time is whole, wrapped, nothing cut.
        let times = texts(&figure, "time");
        let joined: String = times
            .iter()
            .take_while(|t| t.text != "2024年")
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(joined, LONG_EVENTS[0].0);
        if !canvas.narrow {
            let room = canvas.width * TIME_SHARE;
            assert!(
                times
                    .iter()
                    .all(|t| text::width(&t.text, canvas.event_font) <= room && t.x == times[0].x),
                "{times:?}"
            );
        }
        // 2024年 is shown once for its two events; one group needs no legend.
        assert_eq!(times.iter().filter(|t| t.text == "2024年").count(), 1);
        assert!(texts(&figure, "legend").is_empty());
        assert_eq!(dots(&figure).len(), LONG_EVENTS.len());

        // More and longer events, a taller chart; the width never changes.
        let short = layout(&timeline(&LONG_EVENTS[2..]), canvas);
        assert!(figure.height > short.height + 100.0);
        let more = layout(&timeline(&[MILESTONES, MILESTONES].concat()), canvas);
        assert!(more.height > layout(&timeline(MILESTONES), canvas).height);
    }
    for svg in both(&timeline(LONG_EVENTS)) {
        assert_text_fits("timeline-long", &svg);
    }
}

#[test]
fn event_text_is_escaped() {
    let nasty = r#"A<b>&"c""#;
    for svg in both(&timeline(&[
        ("2017年", nasty, nasty),
        ("<2018>", "WHO", "事件"),
    ])) {
        assert!(!svg.contains("<b>") && !svg.contains("<2018>"));
        assert!(svg.contains("A&lt;b&gt;&amp;&quot;c&quot;"));
        let all = labels(&svg);
        assert!(
            all.iter().filter(|l| l.text == nasty).count() == 2,
            "legend and event"
        );
        assert!(all.iter().any(|l| l.text == "<2018>"));
    }
}

#[test]
fn describes_period_events_and_groups() {
    let describe = |chart: &Chart| desc(&both(chart)[1]);
    assert_eq!(
        describe(&timeline(MILESTONES)),
        "时间轴：2017年至2025年（计划）的8个事件，分为ICH、PIC/S、WHO PQ三类。"
    );
    assert_eq!(
        describe(&timeline(&[
            ("2017", "进程", "加入ICH"),
            ("2024", "进程", "某事")
        ])),
        "时间轴：2017年至2024年的2个事件。"
    );
    assert_eq!(
        describe(&timeline(&[("2023年", "A", "一"), ("2023年", "B", "二")])),
        "时间轴：2023年的2个事件，分为A、B两类。"
    );
}

#[test]
fn events_without_text_or_group_are_refused() {
    let err = |chart: Chart| render(&chart).unwrap_err();
    assert_eq!(
        err(timeline(&[])),
        "图表没有数据：数据集为空或筛选后没有行，请检查 rows=/where="
    );
    assert_eq!(
        err(timeline(&[
            ("2017年", "ICH", "加入ICH"),
            ("2024年", "ICH", "  ")
        ])),
        "时间轴「2024年」的事件没有文字：请填写事件说明，或用 rows=/where= 去掉这一行"
    );
    assert_eq!(
        err(timeline(&[("2024年", "ICH", report_core::format::MISSING)])),
        "时间轴「2024年」的事件没有文字：请填写事件说明，或用 rows=/where= 去掉这一行"
    );
    let mut orphan = timeline(MILESTONES);
    orphan.series[0].values[0] = None;
    assert_eq!(
        err(orphan),
        "时间轴的事件「2017年」不属于任何分组：每个事件须在一个系列中有值"
    );
    let nine: Vec<(String, String)> = (1..=9)
        .map(|i| (format!("{i}月"), format!("组{i}")))
        .collect();
    let nine: Vec<(&str, &str, &str)> = nine
        .iter()
        .map(|(t, g)| (t.as_str(), g.as_str(), "事件"))
        .collect();
    assert_eq!(
        err(timeline(&nine)),
        "时间轴最多区分 8 个分组，但有 9 个：请合并分组，或不分组"
    );
    let mut short = timeline(MILESTONES);
    short.series[1].values.pop();
    assert_eq!(
        err(short),
        "图表数据不一致：系列「PIC/S」有 7 个值，但有 8 个类别"
    );
    assert_eq!(ChartKind::parse("timeline"), Ok(ChartKind::Timeline));
}
