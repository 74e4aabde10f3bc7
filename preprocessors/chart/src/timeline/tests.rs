//! The timeline's layout; the properties every kind shares (accessible root, one HTML
//! block, determinism, no clipped or overlapping text) are checked on its samples in the
//! crate's `tests`.

use super::*;
use crate::tests::{LONG_EVENTS, Label, MILESTONES, assert_text_fits, labels, timeline, view_box};
use crate::{ChartKind, describe, render};

fn texts<'a>(labels: &'a [Label], class_anchor: &str) -> Vec<&'a Label> {
    labels.iter().filter(|l| l.anchor == class_anchor).collect()
}

/// The `class` of every `<text>`, in order.
fn classes(svg: &str) -> Vec<&str> {
    svg.split("<text class=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

/// The centres of the event dots (the legend's dots are above the first event).
fn dots(svg: &str) -> Vec<(String, f64, f64)> {
    svg.lines()
        .filter(|l| l.starts_with("<circle "))
        .map(|l| {
            let class = crate::tests::attr(l, "class").unwrap().to_string();
            let cx = crate::tests::attr(l, "cx").unwrap().parse().unwrap();
            let cy = crate::tests::attr(l, "cy").unwrap().parse().unwrap();
            (class, cx, cy)
        })
        .collect()
}

#[test]
fn times_left_of_the_rule_events_right_dots_coloured_by_group() {
    let chart = timeline(MILESTONES);
    let svg = render(&chart).unwrap();
    assert!(svg.contains("class=\"report-chart report-chart-timeline\""));
    assert_eq!(view_box(&svg).0, 720.0);
    let all = labels(&svg);
    let classes = classes(&svg);
    let times: Vec<&Label> = all
        .iter()
        .zip(&classes)
        .filter(|(_, c)| **c == "time")
        .map(|(l, _)| l)
        .collect();
    let events: Vec<&Label> = all
        .iter()
        .zip(&classes)
        .filter(|(_, c)| **c == "event")
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        times.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        MILESTONES.iter().map(|e| e.0).collect::<Vec<_>>()
    );
    assert_eq!(
        texts(&all, "end").len(),
        times.len(),
        "times are right-aligned"
    );

    // Three groups: a legend of three dots, then one dot per event in its group's colour.
    let dots = dots(&svg);
    assert_eq!(dots.len(), 3 + MILESTONES.len());
    let (legend, dots) = dots.split_at(3);
    let rule_x = dots[0].1;
    assert!(dots.iter().all(|d| d.1 == rule_x), "{dots:?}");
    let expected = [
        "series-0", "series-0", "series-1", "series-0", "series-1", "series-1",
    ];
    for (dot, class) in dots.iter().zip(expected) {
        assert_eq!(dot.0, format!("mark {class}"));
    }
    assert_eq!(dots[6].0, "mark series-2");
    assert!(legend.iter().all(|d| d.2 < dots[0].2));
    for name in ["ICH", "PIC/S", "WHO PQ"] {
        assert!(
            all.iter()
                .zip(&classes)
                .any(|(l, c)| *c == "legend" && l.text == name),
            "{name}"
        );
    }

    // Each time sits left of the rule on its dot's line, the event's first line right of it.
    for (i, dot) in dots.iter().enumerate() {
        let time = times[i];
        assert!(time.x < rule_x, "{time:?}");
        assert!(
            (time.y - EVENT_FONT * 0.35 - dot.2).abs() <= 1.0,
            "{time:?} {dot:?}"
        );
        let first = events
            .iter()
            .find(|e| (e.y - time.y).abs() < 0.1)
            .unwrap_or_else(|| panic!("no event on the line of {time:?}"));
        assert!(first.x > rule_x + DOT);
    }
    // Events go down the page in order, and the rule joins the first dot to the last.
    assert!(dots.windows(2).all(|w| w[0].2 < w[1].2));
    let rule = svg
        .lines()
        .find(|l| l.starts_with("<polyline class=\"axis\""))
        .unwrap();
    let x = rule_x.to_string();
    assert_eq!(
        crate::tests::attr(rule, "points"),
        Some(format!("{x},{} {x},{} ", dots[0].2, dots[7].2).trim_end()),
        "{rule}"
    );
    assert_text_fits("timeline", &svg);
}

#[test]
fn long_events_wrap_and_the_chart_grows_taller() {
    let svg = render(&timeline(LONG_EVENTS)).unwrap();
    assert_text_fits("timeline-long", &svg);
    let all = labels(&svg);
    let classes = classes(&svg);
    let lines: Vec<&Label> = all
        .iter()
        .zip(&classes)
        .filter(|(_, c)| **c == "event")
        .map(|(l, _)| l)
        .collect();
    // The long Chinese event takes several lines, all of them, nothing cut.
    let first: String = lines
        .iter()
        .take_while(|l| !l.text.starts_with("Accelerated"))
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(first, LONG_EVENTS[0].2);
    assert!(lines.len() >= 7, "{lines:?}");
    let english: Vec<&str> = lines
        .iter()
        .skip_while(|l| !l.text.starts_with("Accelerated"))
        .take_while(|l| l.text != "同年第二件大事")
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(english.join(" "), LONG_EVENTS[1].2, "broken between words");
    // The long time wraps within a quarter of the width, nothing cut.
    let times: Vec<&Label> = all
        .iter()
        .zip(&classes)
        .filter(|(_, c)| **c == "time")
        .map(|(l, _)| l)
        .collect();
    let joined: String = times
        .iter()
        .take_while(|t| t.text != "2024年")
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(joined, LONG_EVENTS[0].0);
    let room = WIDTH * TIME_SHARE;
    assert!(
        times
            .iter()
            .all(|t| text::width(&t.text, EVENT_FONT) <= room && t.x == times[0].x),
        "{times:?}"
    );
    // 2024年 is shown once for its two events; one group needs no legend.
    assert_eq!(times.iter().filter(|t| t.text == "2024年").count(), 1);
    assert!(!classes.contains(&"legend"));
    assert_eq!(dots(&svg).len(), LONG_EVENTS.len());

    // More and longer events, a taller chart; the width never changes.
    let short = render(&timeline(&LONG_EVENTS[2..])).unwrap();
    let (w, h) = view_box(&svg);
    let (short_w, short_h) = view_box(&short);
    assert_eq!((w, short_w), (720.0, 720.0));
    assert!(h > short_h + 100.0, "{h} vs {short_h}");
    let more = render(&timeline(&[MILESTONES, MILESTONES].concat())).unwrap();
    assert!(view_box(&more).1 > view_box(&render(&timeline(MILESTONES)).unwrap()).1);
}

#[test]
fn event_text_is_escaped() {
    let nasty = r#"A<b>&"c""#;
    let svg = render(&timeline(&[
        ("2017年", nasty, nasty),
        ("<2018>", "WHO", "事件"),
    ]))
    .unwrap();
    assert!(!svg.contains("<b>") && !svg.contains("<2018>"));
    assert!(svg.contains("A&lt;b&gt;&amp;&quot;c&quot;"));
    let all = labels(&svg);
    assert!(
        all.iter().filter(|l| l.text == nasty).count() == 2,
        "legend and event"
    );
    assert!(all.iter().any(|l| l.text == "<2018>"));
}

#[test]
fn describes_period_events_and_groups() {
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
