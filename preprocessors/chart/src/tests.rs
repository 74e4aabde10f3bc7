//! Tests on the SVG bytes of both drawings: structure, accessibility, escaping,
//! determinism and, for every kind, that no text leaves the viewBox or overlaps other text
//! by the estimated widths, that text stays legible at the width each drawing is shown at,
//! that tick labels name the values their ticks sit at, and that missing values are
//! marked. Layout details are tested beside each layout module.

use report_core::text::display_width_em;

use super::*;

pub(crate) fn series(name: &str, values: &[Option<f64>], decimals: usize) -> Series {
    Series {
        name: name.into(),
        values: values.to_vec(),
        labels: values
            .iter()
            .map(|v| match v {
                Some(v) => report_core::format::format_number(
                    *v,
                    decimals,
                    false,
                    report_core::format::Grouping::Auto,
                ),
                None => report_core::format::MISSING.into(),
            })
            .collect(),
        reasons: Vec::new(),
    }
}

pub(crate) fn chart(kind: ChartKind, categories: &[&str], series: Vec<Series>) -> Chart {
    Chart {
        kind,
        id: "fig-test".into(),
        title: "图3-1 中国药械产品进出口额".into(),
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series,
        unit: "亿美元".into(),
        decimals: 1,
        line: None,
        line_unit: String::new(),
        line_decimals: 1,
    }
}

/// A timeline of `(time, group, event)`: one series per group in order of first
/// appearance, the event's text in every series' labels.
pub(crate) fn timeline(events: &[(&str, &str, &str)]) -> Chart {
    let mut groups: Vec<&str> = Vec::new();
    for (_, group, _) in events {
        if !groups.contains(group) {
            groups.push(group);
        }
    }
    let times: Vec<&str> = events.iter().map(|e| e.0).collect();
    let series = groups
        .iter()
        .map(|g| Series {
            name: g.to_string(),
            values: events.iter().map(|e| (e.1 == *g).then_some(1.0)).collect(),
            labels: events.iter().map(|e| e.2.to_string()).collect(),
            reasons: Vec::new(),
        })
        .collect();
    let mut chart = chart(ChartKind::Timeline, &times, series);
    chart.unit = String::new();
    chart
}

/// The regulatory milestones of the 制度合作 chapter.
pub(crate) const MILESTONES: &[(&str, &str, &str)] = &[
    ("2017年", "ICH", "中国加入国际人用药品注册技术协调会（ICH）"),
    (
        "2019年",
        "ICH",
        "《ICH E17多区域临床试验指导原则》在中国落地实施",
    ),
    (
        "2021年",
        "PIC/S",
        "启动加入国际药品检查合作计划（PIC/S）的预申请",
    ),
    (
        "2023年",
        "ICH",
        "除《Q4B》《Q6B》外，ICH指导原则已通过公告及翻译在中国全面实施",
    ),
    ("2023年9月", "PIC/S", "正式递交加入PIC/S的申请"),
    ("2023年11月", "PIC/S", "获确认为PIC/S正式申请者"),
    (
        "2024年7月",
        "WHO PQ",
        "截至该月，已有多款中国疫苗通过世界卫生组织预认证（PQ），涵盖HPV、流感等品类",
    ),
    ("2025年（计划）", "ICH", "《Q4B》《Q6B》纳入《中国药典》"),
];

/// Long times and long events, one group, two events on the same date.
pub(crate) const LONG_EVENTS: &[(&str, &str, &str)] = &[
    (
        "2023年第四季度至2024年第一季度（预计）",
        "进程",
        "国家药品监督管理局发布多项与国际人用药品注册技术协调会（ICH）指导原则相衔接的技术文件，\
         涵盖药物警戒、质量风险管理、多区域临床试验设计与统计学考虑等方面，并同步开展面向企业的培训和解读工作",
    ),
    (
        "2024年",
        "进程",
        "Accelerated approval pathways for innovative medicines under the PIC/S GMP guide",
    ),
    ("2024年", "进程", "同年第二件大事"),
    ("2025年", "进程", "短"),
];

pub(crate) const YEARS: &[&str] = &["2019", "2020", "2021", "2022", "2023", "2024"];

pub(crate) fn exports() -> Series {
    let v = [738.5, 1102.6, 1451.3, 1155.5, 1014.1, 1079.6];
    series("出口额", &v.map(Some), 1)
}

pub(crate) fn imports() -> Series {
    let v = [857.8, 909.2, 1037.4, 1008.8, 914.1, 962.9];
    series("进口额", &v.map(Some), 1)
}

pub(crate) const PROVINCES: &[&str] = &[
    "广东省医药保健品进出口企业",
    "江苏省化学原料药及制剂生产企业",
    "浙江省",
    "山东省中药饮片与中成药出口企业",
    "上海市生物医药创新企业（含CXO）",
    "北京市医疗器械出口企业",
    "四川省",
    "湖北省原料药与医药中间体企业",
];

pub(crate) fn provinces() -> Series {
    series(
        "出口额",
        &[
            Some(210.4),
            Some(180.2),
            Some(165.0),
            Some(98.7),
            Some(75.3),
            Some(60.1),
            Some(32.8),
            Some(28.4),
        ],
        1,
    )
}

/// The growth ranges of the global chapter.
pub(crate) fn ranges() -> Chart {
    let mut chart = chart(
        ChartKind::Range,
        &["新兴市场（东南亚、非洲、拉美）", "发达国家"],
        vec![
            series("增速下限", &[Some(8.0), Some(3.0)], 0),
            series("增速上限", &[Some(10.0), Some(5.0)], 0),
        ],
    );
    chart.unit = "%".into();
    chart.decimals = 0;
    chart
}

/// `chart` with value `i` of series `s` missing, for `reason`.
pub(crate) fn without(mut chart: Chart, s: usize, i: usize, reason: &str) -> Chart {
    let series = &mut chart.series[s];
    series.values[i] = None;
    series.labels[i] = report_core::format::MISSING.into();
    series.reasons = vec![String::new(); series.values.len()];
    series.reasons[i] = reason.into();
    chart
}

/// Exports and imports over two years, 2023's imports missing for `reason`.
pub(crate) fn grouped_gap(reason: &str) -> Chart {
    let trade = chart(
        ChartKind::Grouped,
        &["2023", "2024"],
        vec![
            series("出口额", &[Some(1020.56), Some(1079.6)], 2),
            series("进口额", &[Some(900.0), Some(914.1)], 1),
        ],
    );
    without(trade, 1, 0, reason)
}

/// One chart of every kind, plus the hard cases: long names, many years, gaps, negatives.
pub(crate) fn samples() -> Vec<(&'static str, Chart)> {
    let mut bar_line = chart(ChartKind::BarLine, YEARS, vec![exports()]);
    bar_line.line = Some(series(
        "同比",
        &[
            None,
            Some(49.3),
            Some(31.6),
            Some(-20.4),
            Some(-12.2),
            Some(6.5),
        ],
        1,
    ));
    bar_line.line_unit = "%".into();
    let mut line = chart(ChartKind::Line, YEARS, vec![exports(), imports()]);
    line.series[1].values[3] = None;
    line.series[1].labels[3] = "—".into();
    let mut pie = chart(
        ChartKind::Pie,
        &["西药类", "中药类", "医疗器械类", "其他"],
        vec![],
    );
    pie.series = vec![series(
        "2024年出口额",
        &[Some(512.3), Some(58.7), Some(480.1), Some(28.5)],
        1,
    )];
    let mut pie_many = chart(ChartKind::Pie, PROVINCES, vec![provinces()]);
    pie_many.series[0].values[7] = Some(0.9);
    pie_many.series[0].labels[7] = "0.9".into();
    let mut second = provinces();
    second.name = "进口额（含转口贸易）".into();
    second.values.reverse();
    second.labels.reverse();
    let grouped_long = chart(ChartKind::Grouped, PROVINCES, vec![provinces(), second]);
    let mut donut = pie.clone();
    donut.kind = ChartKind::Donut;
    let stacked = chart(
        ChartKind::Stacked,
        YEARS,
        vec![
            series(
                "西药类",
                &[401.2, 560.0, 880.3, 650.1, 500.8, 512.3].map(Some),
                1,
            ),
            series("中药类", &[40.2, 43.9, 50.0, 56.9, 54.6, 58.7].map(Some), 1),
            series(
                "医疗器械类",
                &[297.1, 498.7, 521.0, 448.5, 458.7, 508.6].map(Some),
                1,
            ),
        ],
    );
    let many_years: Vec<String> = (2001..=2024).map(|y| format!("{y}年")).collect();
    let many_years: Vec<&str> = many_years.iter().map(String::as_str).collect();
    let values: Vec<Option<f64>> = (0..24).map(|i| Some(50.0 + 45.0 * i as f64)).collect();
    let mut growth = chart(
        ChartKind::Bar,
        &["原料药", "制剂", "生物药", "中药", "器械"],
        vec![series(
            "同比",
            &[Some(12.5), Some(-3.2), Some(8.0), Some(-7.4), Some(0.6)],
            1,
        )],
    );
    growth.unit = "%".into();
    vec![
        ("bar", chart(ChartKind::Bar, YEARS, vec![exports()])),
        ("hbar", chart(ChartKind::HBar, PROVINCES, vec![provinces()])),
        (
            "bar-long-names",
            chart(ChartKind::Bar, PROVINCES, vec![provinces()]),
        ),
        (
            "bar-many-years",
            chart(
                ChartKind::Bar,
                &many_years,
                vec![series("出口额", &values, 1)],
            ),
        ),
        ("bar-negative", growth),
        (
            "grouped",
            chart(ChartKind::Grouped, YEARS, vec![exports(), imports()]),
        ),
        ("stacked", stacked),
        ("line", line),
        ("pie", pie),
        ("donut", donut),
        ("pie-long-names", pie_many),
        ("grouped-long-names", grouped_long),
        ("bar-line", bar_line),
        ("range", ranges()),
        ("hbar-negative", {
            let mut c = chart(
                ChartKind::HBar,
                &PROVINCES[..5],
                vec![series(
                    "同比",
                    &[Some(12.5), Some(-3.2), Some(8.0), Some(-17.4), Some(0.6)],
                    1,
                )],
            );
            c.unit = "%".into();
            c
        }),
        (
            "stacked-long-names",
            chart(
                ChartKind::Stacked,
                &PROVINCES[..4],
                vec![
                    series(
                        "出口额",
                        &[Some(210.4), Some(180.2), Some(165.0), Some(98.7)],
                        1,
                    ),
                    series(
                        "进口额",
                        &[Some(20.4), Some(80.2), Some(65.0), Some(9.7)],
                        1,
                    ),
                ],
            ),
        ),
        (
            "line-many-gaps",
            chart(
                ChartKind::Line,
                YEARS,
                vec![series(
                    "出口额",
                    &[None, Some(1102.6), None, None, Some(1014.1), None],
                    1,
                )],
            ),
        ),
        ("grouped-gap", grouped_gap("数据待补充")),
        (
            "bar-gap",
            without(chart(ChartKind::Bar, YEARS, vec![exports()]), 0, 2, ""),
        ),
        (
            "hbar-gap",
            without(
                chart(ChartKind::HBar, PROVINCES, vec![provinces()]),
                0,
                3,
                "",
            ),
        ),
        ("range-gap", without(ranges(), 1, 1, "")),
        ("timeline", timeline(MILESTONES)),
        ("timeline-long", timeline(LONG_EVENTS)),
    ]
}

/// A `<text>` element as a test sees it.
#[derive(Debug, Clone)]
pub(crate) struct Label {
    pub class: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub anchor: String,
    pub text: String,
}

pub(crate) fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = element[start..].find('"')?;
    Some(&element[start..start + len])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every `<text>` of an SVG, in order.
pub(crate) fn labels(svg: &str) -> Vec<Label> {
    svg.split("<text ")
        .skip(1)
        .map(|rest| {
            let (open, rest) = rest.split_once('>').unwrap();
            let (content, _) = rest.split_once("</text>").unwrap();
            let open = format!(" {open}");
            Label {
                class: attr(&open, "class").unwrap().into(),
                x: attr(&open, "x").unwrap().parse().unwrap(),
                y: attr(&open, "y").unwrap().parse().unwrap(),
                size: attr(&open, "font-size").unwrap().parse().unwrap(),
                anchor: attr(&open, "text-anchor").unwrap_or("start").into(),
                text: unescape(content),
            }
        })
        .collect()
}

/// The texts of one class.
pub(crate) fn of_class(svg: &str, class: &str) -> Vec<Label> {
    labels(svg)
        .into_iter()
        .filter(|l| l.class == class)
        .collect()
}

/// The marks of the groups with exactly these classes: each is one line of plotters'
/// output inside the group's nested `<svg>`.
pub(crate) fn marks<'a>(svg: &'a str, class: &str) -> Vec<&'a str> {
    let open = format!("<g class=\"{class}\">\n");
    svg.match_indices(&open)
        .flat_map(|(at, _)| {
            let body = &svg[at + open.len()..];
            let body = &body[..body.find("</g>").unwrap()];
            body.lines()
                .filter(|l| !l.starts_with("<svg") && !l.starts_with("</svg"))
        })
        .collect()
}

/// The estimated box of a label: full-width characters 1em wide, from 0.9em above the
/// baseline to 0.22em below it.
fn extent(label: &Label) -> (f64, f64, f64, f64) {
    let width = display_width_em(&label.text) * label.size;
    let x0 = match label.anchor.as_str() {
        "middle" => label.x - width / 2.0,
        "end" => label.x - width,
        _ => label.x,
    };
    (
        x0,
        label.y - 0.9 * label.size,
        x0 + width,
        label.y + 0.22 * label.size,
    )
}

pub(crate) fn view_box(svg: &str) -> (f64, f64) {
    let root = &svg[..svg.find('>').unwrap()];
    let v: Vec<f64> = attr(root, "viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!((v[0], v[1]), (0.0, 0.0));
    (v[2], v[3])
}

/// Every label inside the viewBox, and no two labels on top of each other.
pub(crate) fn assert_text_fits(name: &str, svg: &str) {
    let (w, h) = view_box(svg);
    let labels = labels(svg);
    let boxes: Vec<_> = labels.iter().map(extent).collect();
    for (label, (x0, y0, x1, y1)) in labels.iter().zip(&boxes) {
        assert!(
            *x0 >= 0.0 && *y0 >= 0.0 && *x1 <= w && *y1 <= h,
            "{name}: {label:?} leaves the {w}×{h} viewBox"
        );
    }
    for (i, a) in boxes.iter().enumerate() {
        for (j, b) in boxes.iter().enumerate().skip(i + 1) {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "{name}: {:?} overlaps {:?}", labels[i], labels[j]);
        }
    }
}

/// Both drawings of a chart, wide first.
pub(crate) fn both(chart: &Chart) -> [String; 2] {
    let drawing = render(chart).unwrap_or_else(|e| panic!("{}: {e}", chart.id));
    [drawing.wide, drawing.narrow]
}

/// The description of a drawing: its `<desc>`, unescaped.
pub(crate) fn desc(svg: &str) -> String {
    let start = svg.find("<desc ").unwrap();
    let body = &svg[start..];
    let body = &body[body.find('>').unwrap() + 1..body.find("</desc>").unwrap()];
    unescape(body)
}

#[test]
fn every_kind_renders_two_scalable_accessible_svgs() {
    for (name, chart) in samples() {
        for (svg, canvas) in both(&chart).iter().zip(["wide", "narrow"]) {
            let root = &svg[..svg.find('>').unwrap() + 1];
            assert!(
                root.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
                "{name}"
            );
            assert_eq!(
                attr(root, "class"),
                Some(
                    format!(
                        "report-chart report-chart-{} report-chart-{canvas}",
                        chart.kind.name()
                    )
                    .as_str()
                )
            );
            assert!(attr(root, "viewBox").is_some(), "{name}: {root}");
            assert_eq!(attr(root, "width"), None, "{name}: {root}");
            assert_eq!(attr(root, "height"), None, "{name}: {root}");
            assert_eq!(attr(root, "role"), Some("img"));
            assert_eq!(attr(root, "lang"), Some("zh-CN"));
            // Each drawing has its own ids: both are in the page.
            let id = format!("fig-test-{canvas}");
            assert_eq!(
                attr(root, "aria-labelledby"),
                Some(format!("{id}-title {id}-desc").as_str())
            );
            assert!(svg.contains(&format!(
                "<title id=\"{id}-title\">图3-1 中国药械产品进出口额</title>"
            )));
            assert!(!desc(svg).is_empty(), "{name}");
            assert!(svg.ends_with("</svg>"), "{name}");
        }
        let [wide, narrow] = both(&chart);
        assert_eq!(view_box(&wide).0, 720.0, "{name}");
        assert_eq!(view_box(&narrow).0, 320.0, "{name}");
    }
}

#[test]
fn markup_is_one_html_block() {
    for (name, chart) in samples() {
        let html = render(&chart).unwrap().html();
        assert!(!html.contains("\n\n"), "{name}: blank line");
        assert!(
            html.lines()
                .all(|l| !l.starts_with(' ') && !l.trim().is_empty()),
            "{name}: indented or empty line"
        );
    }
}

#[test]
fn identical_input_gives_identical_bytes() {
    for (name, chart) in samples() {
        assert_eq!(render(&chart), render(&chart.clone()), "{name}");
    }
}

#[test]
fn no_text_is_clipped_or_overlapping() {
    for (name, chart) in samples() {
        let [wide, narrow] = both(&chart);
        assert_text_fits(&format!("{name} (wide)"), &wide);
        assert_text_fits(&format!("{name} (narrow)"), &narrow);
    }
}

/// Issue 10: chart text rendered at 5.6–6 px on a phone. Each drawing is shown from a
/// known width (canvas.rs): the narrow one from a 280-px column (a 320-px phone), the wide
/// one from 620 px. At those widths every text must be 11 px or more.
#[test]
fn every_text_is_at_least_11_px_where_its_drawing_is_shown() {
    for (name, chart) in samples() {
        let [wide, narrow] = both(&chart);
        for (svg, shown_from) in [(&wide, crate::BREAKPOINT), (&narrow, 280.0)] {
            let (w, _) = view_box(svg);
            for label in labels(svg) {
                let px = label.size * shown_from / w;
                assert!(px >= 11.0, "{name}: {label:?} renders at {px:.1} px");
            }
        }
    }
}

/// Issue 8: the axis of every chart names the values its ticks sit at. Tick labels, read
/// as numbers, must lie on one straight scale: equal steps in value at equal distances.
#[test]
fn tick_labels_name_the_values_they_sit_at() {
    let mut growth = chart(
        ChartKind::Grouped,
        &["新兴市场", "发达国家"],
        vec![
            series("增速下限", &[Some(8.0), Some(3.0)], 0),
            series("增速上限", &[Some(10.0), Some(5.0)], 0),
        ],
    );
    growth.decimals = 0;
    let mut all = samples();
    all.push(("growth", growth));
    for (name, chart) in all {
        for svg in both(&chart) {
            let ticks = of_class(&svg, "tick");
            // Left and right axes (or the bottom one): group by anchor.
            for anchor in ["end", "start", "middle"] {
                let axis: Vec<(f64, f64)> = ticks
                    .iter()
                    .filter(|t| t.anchor == anchor)
                    .map(|t| {
                        let value: f64 = t.text.replace(',', "").parse().unwrap();
                        let at = if anchor == "middle" { t.x } else { t.y };
                        (value, at)
                    })
                    .collect();
                if axis.len() < 3 {
                    continue;
                }
                let (v0, p0) = axis[0];
                let (v1, p1) = axis[1];
                let per_unit = (p1 - p0) / (v1 - v0);
                for (v, p) in &axis {
                    let expected = p0 + (v - v0) * per_unit;
                    assert!(
                        (p - expected).abs() < 0.6,
                        "{name}: tick {v} is at {p}, its scale puts it at {expected:.1}: {axis:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn long_names_turn_bars_horizontal_and_go_above_them_on_a_phone() {
    let [wide, narrow] = both(&chart(ChartKind::Bar, PROVINCES, vec![provinces()]));
    // Wide: right-aligned against the plot on the left.
    let names: Vec<Label> = of_class(&wide, "category");
    assert!(names.iter().any(|l| l.text == "浙江省"));
    assert!(names.iter().all(|l| l.anchor == "end" && l.x < 360.0));
    // Narrow: each name starts at the plot's left edge, above its bar.
    let names = of_class(&narrow, "category");
    assert!(names.iter().all(|l| l.anchor == "start"), "{names:?}");
    let x = names[0].x;
    assert!(names.iter().all(|l| l.x == x) && x < 30.0, "{names:?}");
    let zhejiang = names.iter().find(|l| l.text == "浙江省").unwrap();
    let bars = marks(&narrow, "mark series-0");
    let bar_tops: Vec<f64> = bars
        .iter()
        .map(|b| attr(b, "y").unwrap().parse().unwrap())
        .collect();
    assert!(
        bar_tops
            .iter()
            .any(|top| *top > zhejiang.y && *top - zhejiang.y < 12.0),
        "浙江省 at {} sits right above a bar: {bar_tops:?}",
        zhejiang.y
    );

    // A line keeps its axis and wraps the names instead.
    let line = chart(ChartKind::Line, PROVINCES, vec![provinces()]);
    let [wide, narrow] = both(&line);
    assert!(
        of_class(&wide, "category")
            .iter()
            .any(|l| l.text == "浙江省" && l.anchor == "middle")
    );
    assert!(
        of_class(&narrow, "category")
            .iter()
            .all(|l| l.anchor == "middle")
    );
}

#[test]
fn many_years_show_every_other_label() {
    let years: Vec<String> = (2001..=2040).map(|y| y.to_string()).collect();
    let years: Vec<&str> = years.iter().map(String::as_str).collect();
    let values: Vec<Option<f64>> = (0..40).map(|i| Some(i as f64)).collect();
    let chart = chart(ChartKind::Bar, &years, vec![series("出口额", &values, 0)]);
    for svg in both(&chart) {
        assert_text_fits("years", &svg);
        let shown: Vec<String> = of_class(&svg, "category")
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert!(shown.contains(&"2040".to_string()), "{shown:?}");
        assert!(shown.len() < 40 && shown.len() >= 4, "{shown:?}");
    }
}

#[test]
fn text_is_escaped() {
    let nasty = r#"A<b>&"c""#;
    let mut bad = chart(ChartKind::Grouped, &[nasty, "2024"], vec![]);
    bad.series = vec![
        series(nasty, &[Some(1.0), Some(2.0)], 0),
        series("进口", &[Some(2.0), Some(1.0)], 0),
    ];
    bad.title = nasty.into();
    bad.id = "fig-<x>".into();
    bad.unit = "<u>".into();
    for svg in both(&bad) {
        assert!(!svg.contains("<b>") && !svg.contains("<u>") && !svg.contains("<x>"));
        assert!(svg.contains("A&lt;b&gt;&amp;&quot;c&quot;"));
        assert!(svg.contains("<title id=\"fig-&lt;x&gt;-"));
        assert!(labels(&svg).iter().any(|l| l.text == nasty));
    }
}

#[test]
fn marks_are_grouped_by_role_for_the_theme_to_colour() {
    let (_, bar_line) = samples()
        .into_iter()
        .find(|(n, _)| *n == "bar-line")
        .unwrap();
    for svg in both(&bar_line) {
        assert!(svg.contains("class=\"report-chart report-chart-bar-line"));
        // plotters' shapes, untouched, inside a group that names their role.
        assert!(marks(&svg, "mark series-0")[0].starts_with("<rect "));
        assert!(marks(&svg, "line series-1")[0].starts_with("<polyline "));
        assert!(!marks(&svg, "grid").is_empty());
        assert!(!marks(&svg, "axis").is_empty());
        // Text takes the colour of the page: the root's fill is currentColor, no text
        // carries a colour of its own.
        assert!(svg.contains("fill=\"currentColor\">"));
        assert!(labels(&svg).iter().all(|l| !l.text.is_empty()));
        assert!(
            !svg.split("<text ")
                .skip(1)
                .any(|t| t.split('>').next().unwrap().contains("fill="))
        );
        for class in ["tick", "category", "legend", "unit", "label"] {
            assert!(!of_class(&svg, class).is_empty(), "{class}");
        }
    }
}

#[test]
fn bars_carry_their_values_when_there_are_few() {
    for svg in both(&chart(ChartKind::Bar, YEARS, vec![exports()])) {
        let values: Vec<String> = of_class(&svg, "label")
            .into_iter()
            .map(|l| l.text)
            .collect();
        for v in ["738.5", "1102.6", "1451.3", "1079.6"] {
            assert!(values.contains(&v.to_string()), "{v} in {values:?}");
        }
    }
}

/// Issue 10: a missing value was simply absent from a chart (the 2023 import bar), so a
/// reader could not tell missing from zero.
#[test]
fn missing_values_are_marked_in_every_kind_never_drawn_as_zero() {
    let gapped = [
        "grouped-gap",
        "bar-gap",
        "hbar-gap",
        "range-gap",
        "line",
        "line-many-gaps",
        "bar-line",
    ];
    for (name, chart) in samples().into_iter().filter(|(n, _)| gapped.contains(n)) {
        let gaps = chart
            .series
            .iter()
            .chain(&chart.line)
            .map(|s| s.values.iter().filter(|v| v.is_none()).count())
            .sum::<usize>();
        for svg in both(&chart) {
            let marked = of_class(&svg, "gap");
            let words = marked.iter().filter(|l| l.text == GAP).count();
            // An upright bar too narrow for the word gets it one character a line.
            let stacked = marked.iter().filter(|l| l.text == "缺").count();
            assert_eq!(words + stacked, gaps, "{name}: {marked:?}");
            // No bar of zero length stands in for the missing value.
            for bar in marks(&svg, "mark series-0")
                .into_iter()
                .chain(marks(&svg, "mark series-1"))
                .filter(|m| m.starts_with("<rect"))
            {
                let (w, h) = (attr(bar, "width").unwrap(), attr(bar, "height").unwrap());
                assert!(w != "0" && h != "0", "{name}: {bar}");
            }
            assert!(desc(&svg).contains(GAP), "{name}: {}", desc(&svg));
        }
    }
    // Lines break at the gap and bridge it with a dashed line.
    let (_, line) = samples().into_iter().find(|(n, _)| *n == "line").unwrap();
    for svg in both(&line) {
        assert_eq!(
            marks(&svg, "line series-1").len(),
            3,
            "two pieces and the swatch"
        );
        assert_eq!(marks(&svg, "bridge series-1").len(), 1);
    }
    // A pie names the missing slice in its legend.
    let mut pie = samples().into_iter().find(|(n, _)| *n == "pie").unwrap().1;
    pie = without(pie, 0, 3, "");
    for svg in both(&pie) {
        assert!(
            of_class(&svg, "legend-detail")
                .iter()
                .any(|l| l.text == GAP)
        );
        assert!(desc(&svg).contains("其他缺数据"), "{}", desc(&svg));
    }
}

#[test]
fn ranges_are_one_bar_from_low_to_high_labelled_with_both_ends() {
    for svg in both(&ranges()) {
        let bars = marks(&svg, "mark series-0");
        assert_eq!(bars.len(), 2, "one bar per range, not one per end");
        let labels: Vec<String> = of_class(&svg, "label")
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(labels, ["8～10", "3～5"]);
        // The bar starts at 8 and ends at 10 on the axis: its ends sit on the ticks.
        let ticks = of_class(&svg, "tick");
        let value = |t: &Label| t.text.parse::<f64>().unwrap();
        let per = (ticks[1].x - ticks[0].x) / (value(&ticks[1]) - value(&ticks[0]));
        let at = |v: f64| ticks[0].x + (v - value(&ticks[0])) * per;
        let bar = bars[1];
        let x: f64 = attr(bar, "x").unwrap().parse().unwrap();
        let width: f64 = attr(bar, "width").unwrap().parse().unwrap();
        assert!((x - at(3.0)).abs() <= 1.0, "{bar} {ticks:?}");
        assert!((x + width - at(5.0)).abs() <= 1.0, "{bar} {ticks:?}");
    }
}

#[test]
fn describes_the_chart_in_chinese() {
    let grouped = chart(
        ChartKind::Bar,
        &["2023", "2024"],
        vec![series("出口额与进口额", &[Some(914.1), Some(1079.6)], 1)],
    );
    assert_eq!(
        desc(&both(&grouped)[0]),
        "柱状图：2023年至2024年的出口额与进口额，数值介于914.1至1079.6亿美元之间。"
    );
    let (_, bar_line) = samples()
        .into_iter()
        .find(|(n, _)| *n == "bar-line")
        .unwrap();
    assert_eq!(
        desc(&both(&bar_line)[0]),
        "柱线组合图：2019年至2024年的出口额（柱，左轴），数值介于738.5至1451.3亿美元之间；\
         同比（折线，右轴），数值介于-20.4%至49.3%之间；2019年的同比缺数据。"
    );
    let (_, pie) = samples().into_iter().find(|(n, _)| *n == "pie").unwrap();
    assert_eq!(
        desc(&both(&pie)[1]),
        "饼图：2024年出口额的构成，共4项，西药类占47.5%，中药类占5.4%，医疗器械类占44.5%，其他占2.6%。"
    );
    assert_eq!(
        desc(&both(&ranges())[0]),
        "区间图：各项的增速下限至增速上限，新兴市场（东南亚、非洲、拉美）为8～10%，发达国家为3～5%。"
    );
    let (_, gap) = samples()
        .into_iter()
        .find(|(n, _)| *n == "grouped-gap")
        .unwrap();
    assert_eq!(
        desc(&both(&gap)[0]),
        "分组柱状图：2023年至2024年的出口额与进口额，数值介于914.1至1079.60亿美元之间；\
         2023年的进口额缺数据（数据待补充）。"
    );
    let hbar = chart(ChartKind::HBar, PROVINCES, vec![provinces()]);
    assert!(desc(&both(&hbar)[0]).starts_with(
        "条形图：广东省医药保健品进出口企业、江苏省化学原料药及制剂生产企业、浙江省等8项的出口额"
    ));
    assert_eq!(
        desc(&both(&timeline(&MILESTONES[..7]))[0]),
        "时间轴：2017年至2024年7月的7个事件，分为ICH、PIC/S、WHO PQ三类。"
    );
}

#[test]
fn each_drawing_is_described_as_drawn() {
    let (_, bar) = samples()
        .into_iter()
        .find(|(n, _)| *n == "bar-long-names")
        .unwrap();
    for svg in both(&bar) {
        assert!(desc(&svg).starts_with("条形图：广东省"), "{}", desc(&svg));
    }
    let (_, grouped) = samples()
        .into_iter()
        .find(|(n, _)| *n == "grouped-long-names")
        .unwrap();
    assert!(desc(&both(&grouped)[0]).starts_with("分组条形图："));
    // Short names keep the bars upright, and the name.
    let upright = chart(ChartKind::Bar, YEARS, vec![exports()]);
    for svg in both(&upright) {
        assert!(desc(&svg).starts_with("柱状图："));
    }
    let mut stacked = chart(ChartKind::Stacked, PROVINCES, vec![provinces()]);
    assert!(desc(&both(&stacked)[0]).starts_with("堆叠条形图："));
    stacked.categories = vec!["原料药".into(), "制剂".into()];
    stacked.series[0].values.truncate(2);
    stacked.series[0].labels.truncate(2);
    assert!(desc(&both(&stacked)[0]).starts_with("堆叠柱状图："));
    // Values too wide for upright bars on a phone turn the narrow drawing horizontal, and
    // its description says so, while the wide one stays upright.
    let wide_values = chart(
        ChartKind::Bar,
        &["甲类", "乙类", "丙类", "丁类", "戊类", "己类"],
        vec![series(
            "金额",
            &[1234.56, 2345.67, 3456.78, 4567.89, 5678.91, 6789.12].map(Some),
            2,
        )],
    );
    let [wide, narrow] = both(&wide_values);
    assert!(desc(&wide).starts_with("柱状图："), "{}", desc(&wide));
    assert!(desc(&narrow).starts_with("条形图："), "{}", desc(&narrow));
}

#[test]
fn kinds_parse_with_a_did_you_mean() {
    for (name, kind) in ChartKind::NAMES.iter().zip(ChartKind::ALL) {
        assert_eq!(ChartKind::parse(name), Ok(kind));
        assert_eq!(kind.name(), *name);
    }
    assert_eq!(
        ChartKind::parse("pi"),
        Err("未知的图表类型「pi」，是不是想写「pie」？可用：bar、hbar、grouped、stacked、line、pie、donut、bar-line、range、timeline".into())
    );
    assert_eq!(
        ChartKind::parse("scatter"),
        Err("未知的图表类型「scatter」。可用：bar、hbar、grouped、stacked、line、pie、donut、bar-line、range、timeline".into())
    );
}

/// Writes both drawings of every sample as SVG, and as HTML pages in the light and coal
/// themes with the real stylesheet, to `target/chart-samples/` for looking at:
/// `cargo test -p report-chart -- --ignored write_samples`.
#[test]
#[ignore = "writes files for visual review"]
fn write_samples() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let dir = target.join("chart-samples");
    std::fs::create_dir_all(&dir).unwrap();
    let css = root.join("assets/charts.css").canonicalize().unwrap();
    // The two mdBook variables the stylesheet reads, as mdBook 0.5's themes set them.
    let themes = [
        ("light", "#000000", "#ffffff"),
        ("coal", "#98a3ad", "#141617"),
    ];
    for (name, chart) in samples() {
        let drawing = render(&chart).unwrap();
        std::fs::write(dir.join(format!("{name}-wide.svg")), &drawing.wide).unwrap();
        std::fs::write(dir.join(format!("{name}-narrow.svg")), &drawing.narrow).unwrap();
        for (theme, fg, bg) in themes {
            for (width, svg) in [(720, &drawing.wide), (320, &drawing.narrow)] {
                let page = format!(
                    "<!DOCTYPE html>\n<html lang=\"zh-CN\" class=\"{theme} js\"><head><meta charset=\"utf-8\">\
                     <link rel=\"stylesheet\" href=\"file://{}\">\
                     <style>html{{--fg:{fg};--bg:{bg}}}body{{background:var(--bg);color:var(--fg);margin:0;\
                     padding:10px;width:{width}px;font-family:\"Open Sans\",sans-serif}}\
                     svg.report-chart{{display:block!important}}</style></head>\
                     <body>{svg}</body></html>",
                    css.display()
                );
                std::fs::write(dir.join(format!("{name}-{width}-{theme}.html")), page).unwrap();
            }
        }
    }
}
