//! The layouts of charts on a value axis, read from their figures.

use super::*;
use crate::canvas::{NARROW, WIDE};
use crate::figure::Shape;
use crate::tests::{
    PROVINCES, YEARS, chart, exports, grouped_gap, provinces, ranges, series, without,
};

fn texts<'a>(figure: &'a Figure, class: &str) -> Vec<&'a Text> {
    figure.texts.iter().filter(|t| t.class == class).collect()
}

fn rects(figure: &Figure, role: Role) -> Vec<Rect> {
    figure
        .marks
        .iter()
        .filter(|m| m.role == role)
        .filter_map(|m| match m.shape {
            Shape::Rect(r) => Some(r),
            _ => None,
        })
        .collect()
}

#[test]
fn a_phone_gets_fewer_ticks_and_a_taller_shape() {
    let bars = chart(
        ChartKind::Bar,
        &["2023", "2024"],
        vec![series("出口额", &[Some(1020.56), Some(1079.6)], 2)],
    );
    let (wide, narrow) = (layout(&bars, WIDE), layout(&bars, NARROW));
    assert!(texts(&narrow, "tick").len() < texts(&wide, "tick").len());
    let bars = chart(ChartKind::Bar, YEARS, vec![exports()]);
    let (wide, narrow) = (layout(&bars, WIDE), layout(&bars, NARROW));
    assert!(texts(&narrow, "tick").len() <= texts(&wide, "tick").len());
    assert!(narrow.height / NARROW.width > wide.height / WIDE.width);
    // Every year keeps its name.
    assert_eq!(texts(&narrow, "category").len(), YEARS.len());
}

#[test]
fn the_legend_and_unit_sit_above_the_plot() {
    let grouped = chart(
        ChartKind::Grouped,
        YEARS,
        vec![exports(), crate::tests::imports()],
    );
    for canvas in [WIDE, NARROW] {
        let figure = layout(&grouped, canvas);
        let top_of_bars = rects(&figure, Role::Fill(0))
            .iter()
            .skip(1) // the legend's swatch
            .map(|r| r.y0)
            .fold(f64::INFINITY, f64::min);
        for class in ["legend", "unit"] {
            for t in texts(&figure, class) {
                assert!(
                    t.y < top_of_bars,
                    "{class} {t:?} below a bar at {top_of_bars}"
                );
            }
        }
    }
}

#[test]
fn long_names_sit_beside_bars_on_a_wide_canvas_and_above_them_on_a_narrow_one() {
    let hbar = chart(ChartKind::HBar, PROVINCES, vec![provinces()]);
    let wide = layout(&hbar, WIDE);
    assert!(wide.horizontal);
    let bars = rects(&wide, Role::Fill(0));
    for name in texts(&wide, "category") {
        assert_eq!(name.anchor, Anchor::End);
        assert!(name.x <= bars[0].x0, "{name:?}");
    }
    let narrow = layout(&hbar, NARROW);
    let bars = rects(&narrow, Role::Fill(0));
    let names = texts(&narrow, "category");
    // Each name's last line sits just above its own bar and starts where the bars start.
    for bar in &bars {
        let above: Vec<&&Text> = names
            .iter()
            .filter(|t| t.y < bar.y0 && bar.y0 - t.y < NARROW.row())
            .collect();
        assert_eq!(above.len(), 1, "{bar:?}");
        assert!((above[0].x - bar.x0).abs() < 0.01);
    }
    // Values follow the bars' ends.
    let values = texts(&narrow, "label");
    assert_eq!(values.len(), bars.len());
    for (value, bar) in values.iter().zip(&bars) {
        assert!(value.x > bar.x1 && value.y > bar.y0 && value.y < bar.y1 + 4.0);
    }
    // Short names stay beside the bars on a phone too.
    let short = chart(
        ChartKind::HBar,
        &["CDMO", "临床CRO", "临床前CRO"],
        vec![series("增速", &[Some(115.11), Some(62.38), Some(25.3)], 2)],
    );
    let narrow = layout(&short, NARROW);
    assert!(
        texts(&narrow, "category")
            .iter()
            .all(|t| t.anchor == Anchor::End)
    );
}

#[test]
fn a_range_is_drawn_from_its_low_end_to_its_high_end() {
    for canvas in [WIDE, NARROW] {
        let figure = layout(&ranges(), canvas);
        assert!(figure.horizontal);
        let bars = rects(&figure, Role::Fill(0));
        assert_eq!(bars.len(), 2);
        // The same scale maps 8→10 and 3→5: the two bars are equally long.
        let len = |r: &Rect| r.x1 - r.x0;
        assert!((len(&bars[0]) - len(&bars[1])).abs() < 0.01);
        assert!(bars[0].x0 > bars[1].x1, "8–10 lies right of 3–5");
        let labels: Vec<&str> = texts(&figure, "label")
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(labels, ["8～10", "3～5"]);
        assert!(
            texts(&figure, "legend").is_empty(),
            "the labels say both ends"
        );
    }
    let gap = layout(&without(ranges(), 0, 1, ""), NARROW);
    assert_eq!(rects(&gap, Role::Fill(0)).len(), 1);
    assert_eq!(texts(&gap, "gap").len(), 1);
}

#[test]
fn growth_on_unordered_categories_is_dots_not_a_line() {
    let mut regions = chart(
        ChartKind::BarLine,
        &["全球", "中国"],
        vec![series("交易金额", &[Some(187.0), Some(32.0)], 0)],
    );
    regions.line = Some(series("同比增速", &[Some(23.0), Some(45.0)], 0));
    regions.line_unit = "%".into();
    let figure = layout(&regions, NARROW);
    let lines = figure
        .marks
        .iter()
        .filter(|m| m.role == Role::Line(1))
        .count();
    assert_eq!(lines, 0, "no line joins a region to another");
    let dots = figure
        .marks
        .iter()
        .filter(|m| m.role == Role::Fill(1) && matches!(m.shape, Shape::Circle { .. }))
        .count();
    assert_eq!(dots, 3, "a dot per region, and the legend's");
    // Over years, the points are joined.
    let mut years = regions.clone();
    years.categories = vec!["2023".into(), "2024".into()];
    let figure = layout(&years, NARROW);
    assert!(figure.marks.iter().any(|m| m.role == Role::Line(1)));
}

#[test]
fn a_missing_bar_is_marked_in_its_own_slot() {
    let gap = grouped_gap("");
    for canvas in [WIDE, NARROW] {
        let figure = layout(&gap, canvas);
        let mark = texts(&figure, "gap");
        assert_eq!(mark.len(), 1, "{mark:?}");
        let b = mark[0].bounds();
        let exports_2023 = rects(&figure, Role::Fill(0))[1];
        let imports_2024 = rects(&figure, Role::Fill(1))[1];
        // Right of 2023's export bar, left of 2024's, sitting on the baseline.
        assert!(
            b.x0 >= exports_2023.x1 - 1.0 && b.x1 < imports_2024.x0,
            "{b:?}"
        );
        assert!(
            b.y1 <= exports_2023.y1 && exports_2023.y1 - b.y1 < 10.0,
            "{b:?}"
        );
    }
}
