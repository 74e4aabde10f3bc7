//! Tests on the SVG bytes: structure, accessibility, escaping, determinism and, for every
//! kind, that no text leaves the viewBox or overlaps other text by the estimated widths.

use report_core::text::display_width_em;

use super::*;

fn series(name: &str, values: &[Option<f64>], decimals: usize) -> Series {
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

const YEARS: &[&str] = &["2019", "2020", "2021", "2022", "2023", "2024"];

fn exports() -> Series {
    let v = [738.5, 1102.6, 1451.3, 1155.5, 1014.1, 1079.6];
    series("出口额", &v.map(Some), 1)
}

fn imports() -> Series {
    let v = [857.8, 909.2, 1037.4, 1008.8, 914.1, 962.9];
    series("进口额", &v.map(Some), 1)
}

const PROVINCES: &[&str] = &[
    "广东省医药保健品进出口企业",
    "江苏省化学原料药及制剂生产企业",
    "浙江省",
    "山东省中药饮片与中成药出口企业",
    "上海市生物医药创新企业（含CXO）",
    "北京市医疗器械出口企业",
    "四川省",
    "湖北省原料药与医药中间体企业",
];

fn provinces() -> Series {
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

/// One chart of every kind, plus the hard cases: long names, many years, gaps, negatives.
fn samples() -> Vec<(&'static str, Chart)> {
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
        ("timeline", timeline(MILESTONES)),
        ("timeline-long", timeline(LONG_EVENTS)),
    ]
}

/// A `<text>` element as a test sees it.
#[derive(Debug)]
pub(crate) struct Label {
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

pub(crate) fn labels(svg: &str) -> Vec<Label> {
    svg.split("<text ")
        .skip(1)
        .map(|rest| {
            let (open, rest) = rest.split_once('>').unwrap();
            let (content, _) = rest.split_once("</text>").unwrap();
            let open = format!(" {open}");
            Label {
                x: attr(&open, "x").unwrap().parse().unwrap(),
                y: attr(&open, "y").unwrap().parse().unwrap(),
                size: attr(&open, "font-size").unwrap().parse().unwrap(),
                anchor: attr(&open, "text-anchor").unwrap_or("start").into(),
                text: unescape(content),
            }
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

#[test]
fn every_kind_renders_a_scalable_accessible_svg() {
    for (name, chart) in samples() {
        let svg = render(&chart).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = &svg[..svg.find('>').unwrap() + 1];
        assert!(
            root.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{name}"
        );
        assert!(attr(root, "viewBox").is_some(), "{name}: {root}");
        assert_eq!(attr(root, "width"), None, "{name}: {root}");
        assert_eq!(attr(root, "height"), None, "{name}: {root}");
        assert_eq!(attr(root, "role"), Some("img"));
        assert_eq!(attr(root, "lang"), Some("zh-CN"));
        assert_eq!(
            attr(root, "aria-labelledby"),
            Some("fig-test-title fig-test-desc")
        );
        assert!(svg.contains("<title id=\"fig-test-title\">图3-1 中国药械产品进出口额</title>"));
        assert!(svg.contains(&format!(
            "<desc id=\"fig-test-desc\">{}</desc>",
            describe(&chart)
        )));
        assert!(svg.ends_with("</svg>"), "{name}");
    }
}

#[test]
fn markup_is_one_html_block() {
    for (name, chart) in samples() {
        let svg = render(&chart).unwrap();
        assert!(!svg.contains("\n\n"), "{name}: blank line");
        assert!(
            svg.lines()
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
        assert_text_fits(name, &render(&chart).unwrap());
    }
}

#[test]
fn long_chinese_names_wrap_or_turn_the_bars_horizontal() {
    let svg = render(&chart(ChartKind::Bar, PROVINCES, vec![provinces()])).unwrap();
    assert_text_fits("bar", &svg);
    // Turned horizontal: the names are right-aligned against the plot on the left.
    let names: Vec<Label> = labels(&svg)
        .into_iter()
        .filter(|l| l.text.starts_with("广东") || l.text == "浙江省")
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|l| l.anchor == "end" && l.x < 360.0));

    // A line keeps its axis and wraps the names instead.
    let line = chart(ChartKind::Line, PROVINCES, vec![provinces()]);
    let svg = render(&line).unwrap();
    assert_text_fits("line", &svg);
    assert!(
        labels(&svg)
            .iter()
            .any(|l| l.text == "浙江省" && l.anchor == "middle")
    );
}

#[test]
fn many_years_show_every_other_label() {
    let years: Vec<String> = (2001..=2040).map(|y| y.to_string()).collect();
    let years: Vec<&str> = years.iter().map(String::as_str).collect();
    let values: Vec<Option<f64>> = (0..40).map(|i| Some(i as f64)).collect();
    let svg = render(&chart(
        ChartKind::Bar,
        &years,
        vec![series("出口额", &values, 0)],
    ))
    .unwrap();
    assert_text_fits("years", &svg);
    let shown: Vec<String> = labels(&svg)
        .into_iter()
        .filter(|l| l.text.len() == 4 && l.text.starts_with("20"))
        .map(|l| l.text)
        .collect();
    assert!(shown.contains(&"2001".to_string()), "{shown:?}");
    assert!(shown.len() < 40 && shown.len() >= 10, "{shown:?}");
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
    let svg = render(&bad).unwrap();
    assert!(!svg.contains("<b>") && !svg.contains("<u>") && !svg.contains("<x>"));
    assert!(svg.contains("A&lt;b&gt;&amp;&quot;c&quot;"));
    assert!(svg.contains("<title id=\"fig-&lt;x&gt;-title\">A&lt;b&gt;&amp;&quot;c&quot;</title>"));
    assert!(labels(&svg).iter().any(|l| l.text == nasty));
}

#[test]
fn colours_are_classes_the_theme_can_restyle() {
    let svg = render(
        &samples()
            .into_iter()
            .find(|(n, _)| *n == "bar-line")
            .unwrap()
            .1,
    )
    .unwrap();
    assert!(svg.contains("class=\"report-chart report-chart-bar-line\""));
    assert!(svg.contains("<rect class=\"mark series-0\" fill=\"#2f6db5\""));
    assert!(svg.contains("<polyline class=\"line series-1\" fill=\"none\" stroke=\"#e07b24\""));
    assert!(svg.contains("class=\"grid\" fill=\"none\" stroke=\"currentColor\""));
    assert!(svg.contains("class=\"axis\""));
    // Text takes the colour of the page (the root's fill is currentColor); no shape keeps a
    // colour that is not one of the themable series colours.
    assert!(svg.contains("fill=\"currentColor\">"));
    for element in svg.lines().filter(|l| l.contains('#')) {
        assert!(element.contains("series-"), "{element}");
    }
    for class in ["tick", "category", "legend", "unit", "label"] {
        assert!(svg.contains(&format!("<text class=\"{class}\"")), "{class}");
    }
}

#[test]
fn bars_carry_their_values_when_there_are_few() {
    let svg = render(&chart(ChartKind::Bar, YEARS, vec![exports()])).unwrap();
    let values: Vec<String> = labels(&svg)
        .into_iter()
        .filter(|l| svg.contains(&format!("class=\"label\" x=\"{}\"", text::num(l.x))))
        .map(|l| l.text)
        .collect();
    for v in ["738.5", "1102.6", "1451.3", "1079.6"] {
        assert!(values.contains(&v.to_string()), "{v} in {values:?}");
    }
}

#[test]
fn missing_values_leave_gaps() {
    let (_, line) = samples().into_iter().find(|(n, _)| *n == "line").unwrap();
    let svg = render(&line).unwrap();
    // The import line is broken at its missing year: two pieces, and the legend's swatch.
    assert_eq!(svg.matches("<polyline class=\"line series-1\"").count(), 3);
    let mut one = chart(ChartKind::Bar, YEARS, vec![exports()]);
    one.series[0].values[2] = None;
    one.series[0].labels[2] = "—".into();
    let svg = render(&one).unwrap();
    assert_eq!(svg.matches("<rect class=\"mark series-0\"").count(), 5);
    assert!(!labels(&svg).iter().any(|l| l.text == "—"));
}

#[test]
fn describes_the_chart_in_chinese() {
    let grouped = chart(
        ChartKind::Bar,
        &["2023", "2024"],
        vec![series("出口额与进口额", &[Some(914.1), Some(1079.6)], 1)],
    );
    assert_eq!(
        describe(&grouped),
        "柱状图：2023年至2024年的出口额与进口额，数值介于914.1至1079.6亿美元之间。"
    );
    let (_, bar_line) = samples()
        .into_iter()
        .find(|(n, _)| *n == "bar-line")
        .unwrap();
    assert_eq!(
        describe(&bar_line),
        "柱线组合图：2019年至2024年的出口额（柱，左轴），数值介于738.5至1451.3亿美元之间；\
         同比（折线，右轴），数值介于-20.4%至49.3%之间。"
    );
    let (_, pie) = samples().into_iter().find(|(n, _)| *n == "pie").unwrap();
    assert_eq!(
        describe(&pie),
        "饼图：2024年出口额的构成，共4项，西药类占47.5%，中药类占5.4%，医疗器械类占44.5%，其他占2.6%。"
    );
    let hbar = chart(ChartKind::HBar, PROVINCES, vec![provinces()]);
    assert!(describe(&hbar).starts_with(
        "条形图：广东省医药保健品进出口企业、江苏省化学原料药及制剂生产企业、浙江省等8项的出口额"
    ));
    assert_eq!(
        describe(&timeline(&MILESTONES[..7])),
        "时间轴：2017年至2024年7月的7个事件，分为ICH、PIC/S、WHO PQ三类。"
    );
}

#[test]
fn bars_turned_horizontal_are_described_as_such() {
    let (_, bar) = samples()
        .into_iter()
        .find(|(n, _)| *n == "bar-long-names")
        .unwrap();
    assert!(
        describe(&bar).starts_with("条形图：广东省"),
        "{}",
        describe(&bar)
    );
    let (_, grouped) = samples()
        .into_iter()
        .find(|(n, _)| *n == "grouped-long-names")
        .unwrap();
    assert!(describe(&grouped).starts_with("分组条形图："));
    // Short names keep the bars upright, and the name.
    let upright = chart(ChartKind::Bar, YEARS, vec![exports()]);
    assert!(describe(&upright).starts_with("柱状图："));
    let mut stacked = chart(ChartKind::Stacked, PROVINCES, vec![provinces()]);
    assert!(describe(&stacked).starts_with("堆叠条形图："));
    stacked.categories = vec!["原料药".into(), "制剂".into()];
    stacked.series[0].values.truncate(2);
    stacked.series[0].labels.truncate(2);
    assert!(describe(&stacked).starts_with("堆叠柱状图："));
    // Data the chart refuses is described by what was asked for.
    assert!(describe(&chart(ChartKind::Bar, PROVINCES, vec![])).starts_with("柱状图："));
}

#[test]
fn kinds_parse_with_a_did_you_mean() {
    for (name, kind) in ChartKind::NAMES.iter().zip(ChartKind::ALL) {
        assert_eq!(ChartKind::parse(name), Ok(kind));
        assert_eq!(kind.name(), *name);
    }
    assert_eq!(
        ChartKind::parse("pi"),
        Err("未知的图表类型「pi」，是不是想写「pie」？可用：bar、hbar、grouped、stacked、line、pie、donut、bar-line、timeline".into())
    );
    assert_eq!(
        ChartKind::parse("scatter"),
        Err("未知的图表类型「scatter」。可用：bar、hbar、grouped、stacked、line、pie、donut、bar-line、timeline".into())
    );
}

#[test]
fn unusable_data_is_refused_with_the_fix() {
    let err = |chart: Chart| render(&chart).unwrap_err();
    assert_eq!(
        err(chart(ChartKind::Bar, &[], vec![])),
        "图表没有数据：数据集为空或筛选后没有行，请检查 rows=/where="
    );
    assert_eq!(
        err(chart(ChartKind::Bar, YEARS, vec![])),
        "图表没有数据：数据集为空或筛选后没有行，请检查 rows=/where="
    );
    let empty = series("出口额", &[None; 6], 1);
    assert_eq!(
        err(chart(ChartKind::Line, YEARS, vec![empty])),
        "系列「出口额」的数值全部缺失，无法作图：请补充数据，或用 y= 去掉这一列"
    );
    assert_eq!(
        err(chart(ChartKind::BarLine, YEARS, vec![exports()])),
        "柱线图缺少折线系列：请用 line=yoy（同比）或 line=列名 指定右轴上的折线"
    );
    let mut no_growth = chart(
        ChartKind::BarLine,
        &["2024"],
        vec![series("出口额", &[Some(1.0)], 1)],
    );
    no_growth.line = Some(series("同比", &[None], 1));
    assert_eq!(
        err(no_growth),
        "折线系列「同比」的数值全部缺失，无法作图：同比需要至少两期数据；请补充数据或检查 line="
    );
    let negative = chart(
        ChartKind::Pie,
        &["原料药", "制剂"],
        vec![series("同比", &[Some(3.0), Some(-1.5)], 1)],
    );
    assert_eq!(
        err(negative),
        "饼图不能画负数：「同比」在「制剂」为 -1.5，请改用 kind=bar"
    );
    let zero = chart(ChartKind::Donut, &["a"], vec![series("x", &[Some(0.0)], 0)]);
    assert_eq!(err(zero), "环形图的数值合计为 0，无法作图：请检查数据");
    assert_eq!(
        err(chart(ChartKind::Bar, YEARS, vec![exports(), imports()])),
        "柱状图只画一个系列，但收到 2 个（出口额、进口额）：多个系列请用 kind=grouped 或 kind=stacked"
    );
    let nine: Vec<String> = (1..=9).map(|i| format!("第{i}类")).collect();
    let nine: Vec<&str> = nine.iter().map(String::as_str).collect();
    assert_eq!(
        err(chart(
            ChartKind::Pie,
            &nine,
            vec![series("x", &[Some(1.0); 9], 0)]
        )),
        "饼图最多 8 块，但有 9 块：请用 rows= 或 where= 选取，或改用 kind=hbar"
    );
    let mut short = exports();
    short.values.pop();
    assert_eq!(
        err(chart(ChartKind::Bar, YEARS, vec![short])),
        "图表数据不一致：系列「出口额」有 5 个值，但有 6 个类别"
    );
}

/// Writes every sample as SVG, and as HTML pages in the light and coal themes with the
/// real stylesheet, to `target/chart-samples/` for looking at:
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
        let svg = render(&chart).unwrap();
        std::fs::write(dir.join(format!("{name}.svg")), &svg).unwrap();
        for (theme, fg, bg) in themes {
            let page = format!(
                "<!DOCTYPE html>\n<html lang=\"zh-CN\" class=\"{theme} js\"><head><meta charset=\"utf-8\">\
                 <link rel=\"stylesheet\" href=\"file://{}\">\
                 <style>html{{--fg:{fg};--bg:{bg}}}body{{background:var(--bg);color:var(--fg);margin:0;\
                 padding:10px;width:720px;font-family:\"Open Sans\",sans-serif}}</style></head>\
                 <body>{svg}</body></html>",
                css.display()
            );
            std::fs::write(dir.join(format!("{name}-{theme}.html")), page).unwrap();
        }
    }
}
