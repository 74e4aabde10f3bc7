use super::*;
use crate::canvas::{NARROW, WIDE};
use crate::tests::{PROVINCES, chart, provinces, series, without};

fn pie() -> Chart {
    chart(
        ChartKind::Pie,
        &["西药类", "中药类", "医疗器械类", "其他"],
        vec![series(
            "2024年出口额",
            &[Some(512.3), Some(58.7), Some(480.1), Some(28.5)],
            1,
        )],
    )
}

fn slices(figure: &Figure) -> Vec<&Vec<(f64, f64)>> {
    figure
        .marks
        .iter()
        .filter_map(|m| match &m.shape {
            Shape::Polygon(points) => Some(points),
            _ => None,
        })
        .collect()
}

#[test]
fn the_legend_goes_right_of_the_pie_or_under_it_on_a_phone() {
    let wide = layout(&pie(), WIDE);
    let rightmost = slices(&wide)
        .iter()
        .flat_map(|s| s.iter().map(|p| p.0))
        .fold(0.0, f64::max);
    for t in wide.texts.iter().filter(|t| t.class.starts_with("legend")) {
        assert!(t.x > rightmost, "{t:?}");
    }
    let narrow = layout(&pie(), NARROW);
    let lowest = slices(&narrow)
        .iter()
        .flat_map(|s| s.iter().map(|p| p.1))
        .fold(0.0, f64::max);
    for t in narrow
        .texts
        .iter()
        .filter(|t| t.class.starts_with("legend"))
    {
        assert!(t.y - t.size > lowest, "{t:?} under the pie at {lowest}");
    }
    // Centred, and the whole width is the legend's.
    let (left, right) = slices(&narrow)
        .iter()
        .flat_map(|s| s.iter().map(|p| p.0))
        .fold((f64::INFINITY, 0.0_f64), |(l, r), x| (l.min(x), r.max(x)));
    assert!(((left + right) / 2.0 - NARROW.width / 2.0).abs() < 1.0);
    let many = layout(&chart(ChartKind::Pie, PROVINCES, vec![provinces()]), NARROW);
    let names: String = many
        .texts
        .iter()
        .filter(|t| t.class == "legend")
        .map(|t| t.text.as_str())
        .collect();
    assert!(names.contains("上海市生物医药创新企业（含CXO）"), "{names}");
}

#[test]
fn a_missing_slice_is_named_in_the_legend() {
    for canvas in [WIDE, NARROW] {
        let figure = layout(&without(pie(), 0, 1, ""), canvas);
        assert_eq!(slices(&figure).len(), 3);
        let details: Vec<&str> = figure
            .texts
            .iter()
            .filter(|t| t.class == "legend-detail")
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(details[1], GAP);
    }
}
