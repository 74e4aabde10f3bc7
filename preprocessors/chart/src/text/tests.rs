use super::*;

/// The font size the tests write with.
const FONT: f64 = 13.0;

/// A placer over a square of 100 units from the origin.
fn square_placer() -> Placer {
    Placer::new(Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 100.0,
        y1: 100.0,
    })
}

#[test]
fn chinese_wraps_between_characters_within_the_width() {
    let lines = wrap("化学原料药及制剂出口", 4.0);
    assert_eq!(lines, ["化学原料", "药及制剂", "出口"]);
    for line in &lines {
        assert!(display_width_em(line) <= 4.0);
    }
}

#[test]
fn latin_words_and_numbers_are_not_broken() {
    assert_eq!(wrap("ICH E6 指南", 2.5), ["ICH", "E6", "指南"]);
    assert_eq!(wrap("2024年", 2.5), ["2024", "年"]);
    // A word longer than the line has to break somewhere.
    assert_eq!(wrap("ABCDEFGH", 2.0).concat(), "ABCDEFGH");
}

#[test]
fn punctuation_stays_on_the_right_end_of_a_line() {
    // "，" may not start a line: the character before it comes along.
    assert_eq!(
        wrap("中国，美国", 1.0 + 1.0),
        ["中", "国，", "美国"].map(String::from)
    );
    // "（" may not end a line.
    let lines = wrap("欧盟（EU）", 3.0);
    assert!(!lines[0].ends_with('（'), "{lines:?}");
}

#[test]
fn long_labels_get_an_ellipsis_after_the_last_line() {
    let lines = wrap_lines("一二三四五六七八九十", 3.0, 2);
    assert_eq!(lines, ["一二三", "四五…"]);
    assert_eq!(ellipsize("短", 3.0), "短");
}

#[test]
fn bounds_follow_the_anchor() {
    let t = Text::new("tick", "中国", 100.0, 50.0, FONT).anchor(Anchor::End);
    let b = t.bounds();
    assert_eq!((b.x0, b.x1), (100.0 - 2.0 * FONT, 100.0));
    let t = Text::new("tick", "中国", 100.0, 50.0, FONT).anchor(Anchor::Middle);
    assert_eq!(t.bounds().x0, 100.0 - FONT);
}

#[test]
fn text_is_escaped_and_coordinates_compact() {
    let mut out = String::new();
    Text::new("label", r#"A<b>&"c""#, 10.0, 20.25, FONT).write(&mut out);
    assert_eq!(
        out,
        "<text class=\"label\" x=\"10\" y=\"20.2\" font-size=\"13\">A&lt;b&gt;&amp;&quot;c&quot;</text>\n"
    );
    assert_eq!(num(-0.01), "0");
}

#[test]
fn whole_coordinates_read_as_the_one_decimal_format_writes_them() {
    // num's shortcut for whole numbers must write what `{:.1}` less `.0` writes.
    let one_decimal = |v: f64| {
        let text = format!("{v:.1}");
        let text = text.strip_suffix(".0").unwrap_or(&text).to_string();
        if text == "-0" { "0".to_string() } else { text }
    };
    for v in [
        0.0,
        -0.0,
        13.0,
        14.0,
        -5.0,
        100.0,
        1e6,
        -123_456_789.0,
        9.99e14,
        1e15,
        1e16,
        0.05,
        0.25,
        -0.04,
        20.25,
        12.95,
        f64::NAN,
        f64::INFINITY,
    ] {
        assert_eq!(num(v), one_decimal(v), "{v}");
    }
}

#[test]
fn placer_refuses_overlaps_and_leaving_the_area() {
    let mut placer = square_placer();
    let a = Text::new("label", "中", 10.0, 50.0, FONT);
    assert!(placer.place([a.clone()]).is_some());
    assert!(placer.place([a.clone()]).is_none());
    let moved = Text::new("label", "中", 10.0, 80.0, FONT);
    assert_eq!(placer.place([a, moved.clone()]), Some(moved));
    assert!(
        placer
            .place([Text::new("label", "中", 95.0, 50.0, FONT)])
            .is_none()
    );
}

#[test]
fn placer_covers_avoided_areas_only_as_a_last_resort() {
    let mut placer = square_placer();
    placer.avoid(Rect {
        x0: 0.0,
        y0: 30.0,
        x1: 100.0,
        y1: 60.0,
    });
    let on_bar = Text::new("label", "中", 10.0, 50.0, FONT);
    let beside = Text::new("label", "中", 10.0, 90.0, FONT);
    assert_eq!(placer.place([on_bar.clone(), beside.clone()]), Some(beside));
    assert_eq!(placer.place([on_bar.clone()]), Some(on_bar));
}

#[test]
fn balanced_lines_are_even_and_no_more_than_needed() {
    let text = "截至该月，已有多款中国疫苗通过世界卫生组织预认证";
    let greedy = wrap(text, 23.0);
    assert_eq!(greedy.len(), 2);
    assert_eq!(greedy[1], "证");
    let balanced = wrap_balanced(text, 23.0);
    assert_eq!(balanced.len(), 2);
    assert_eq!(balanced.concat(), text);
    let widths: Vec<f64> = balanced.iter().map(|l| display_width_em(l)).collect();
    assert!(widths.iter().all(|w| *w <= 23.0));
    assert!((widths[0] - widths[1]).abs() <= 1.0, "{balanced:?}");
    assert_eq!(wrap_balanced("短句", 20.0), ["短句"]);
    assert!(wrap_balanced("", 20.0).is_empty());
}

#[test]
fn a_group_is_placed_whole_or_not_at_all() {
    let mut placer = square_placer();
    let taken = Text::new("label", "中", 10.0, 50.0, FONT);
    assert!(placer.place([taken]).is_some());
    // One of the two overlaps what is there: neither is taken.
    let group = vec![
        Text::new("gap", "缺", 50.0, 20.0, FONT),
        Text::new("gap", "数", 10.0, 50.0, FONT),
    ];
    assert_eq!(placer.place_all(group), None);
    // Two that overlap each other are refused too.
    let group = vec![
        Text::new("gap", "缺", 50.0, 20.0, FONT),
        Text::new("gap", "数", 50.0, 25.0, FONT),
    ];
    assert_eq!(placer.place_all(group), None);
    let group = vec![
        Text::new("gap", "缺", 50.0, 20.0, FONT),
        Text::new("gap", "数", 50.0, 36.0, FONT),
    ];
    assert_eq!(placer.place_all(group.clone()), Some(group));
    assert!(
        placer
            .place([Text::new("label", "中", 50.0, 36.0, FONT)])
            .is_none()
    );
}
