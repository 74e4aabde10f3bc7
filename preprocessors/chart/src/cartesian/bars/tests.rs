use super::*;
use crate::canvas::{NARROW, WIDE};
use crate::cartesian::layout;
use crate::tests::{YEARS, chart, exports, series, without};

fn texts<'a>(figure: &'a Figure, class: &str) -> Vec<&'a Text> {
    figure.texts.iter().filter(|t| t.class == class).collect()
}

#[test]
fn narrow_slots_get_the_word_one_character_a_line() {
    let years: Vec<String> = (2011..=2024).map(|y| y.to_string()).collect();
    let years: Vec<&str> = years.iter().map(String::as_str).collect();
    let values: Vec<Option<f64>> = (0..14).map(|i| Some(10.0 + i as f64)).collect();
    let bars = without(
        chart(ChartKind::Bar, &years, vec![series("出口额", &values, 0)]),
        0,
        5,
        "",
    );
    let narrow = layout(&bars, NARROW);
    let gap: Vec<&str> = texts(&narrow, "gap")
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(gap, ["缺", "数", "据"]);
    let few = without(chart(ChartKind::Bar, YEARS, vec![exports()]), 0, 2, "");
    for canvas in [WIDE, NARROW] {
        let figure = layout(&few, canvas);
        let gap: Vec<&str> = texts(&figure, "gap")
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(gap, [GAP]);
    }
}

#[test]
fn value_labels_are_all_or_nothing() {
    // Twelve wide numbers on narrow bars: none fit, so none is shown.
    let years: Vec<String> = (2013..=2024).map(|y| y.to_string()).collect();
    let years: Vec<&str> = years.iter().map(String::as_str).collect();
    let values: Vec<Option<f64>> = (0..12).map(|i| Some(123_456.78 + i as f64)).collect();
    let bars = chart(ChartKind::Bar, &years, vec![series("出口额", &values, 2)]);
    assert!(texts(&layout(&bars, NARROW), "label").is_empty());
    // Six short ones fit, every one.
    let few = chart(ChartKind::Bar, YEARS, vec![exports()]);
    assert_eq!(texts(&layout(&few, WIDE), "label").len(), 6);
}

#[test]
fn a_stack_with_a_missing_part_says_so_instead_of_a_total() {
    let stacked = without(
        chart(
            ChartKind::Stacked,
            &["2023", "2024"],
            vec![
                series("西药", &[Some(500.8), Some(512.3)], 1),
                series("中药", &[Some(54.6), Some(58.7)], 1),
            ],
        ),
        1,
        0,
        "",
    );
    for canvas in [WIDE, NARROW] {
        let figure = layout(&stacked, canvas);
        let totals: Vec<&str> = texts(&figure, "label")
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(totals, ["571.0"], "only 2024 is complete");
        let gap = texts(&figure, "gap");
        assert_eq!(gap.len(), 1);
        // Above the 2023 stack, which is only its first part.
        assert!(gap[0].x < figure.canvas.width / 2.0);
    }
}
