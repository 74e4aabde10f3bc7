use super::*;

fn entry(name: &str, series: usize) -> Entry {
    Entry {
        name: name.into(),
        series,
        swatch: Swatch::Box,
    }
}

#[test]
fn entries_flow_in_rows_within_the_width() {
    let entries: Vec<Entry> = ["出口额", "进口额", "原料药出口额", "医疗器械出口额"]
        .iter()
        .enumerate()
        .map(|(i, n)| entry(n, i))
        .collect();
    let wide = Legend::flow(&entries, 10.0, 710.0, 10.0, 14.0);
    let narrow = Legend::flow(&entries, 4.0, 316.0, 4.0, 13.0);
    let rows = |legend: &Legend| {
        let mut ys: Vec<i64> = legend.texts.iter().map(|t| t.y.round() as i64).collect();
        ys.dedup();
        ys.len()
    };
    assert_eq!(rows(&wide), 1);
    assert!(rows(&narrow) >= 2, "a phone wraps the legend");
    assert!(narrow.height > wide.height);
    for legend in [&wide, &narrow] {
        for (text, mark) in legend.texts.iter().zip(&legend.marks) {
            // The name starts right of its swatch, on its line.
            let Shape::Rect(r) = &mark.shape else {
                panic!("{mark:?}")
            };
            assert!(text.x > r.x1);
            assert!(text.y > r.y0 && text.y - text.size < r.y1);
        }
    }
    assert!(narrow.texts.iter().all(|t| t.bounds().x1 <= 316.0));
}

#[test]
fn no_entries_no_legend_and_long_names_are_cut() {
    let none = Legend::flow(&[], 10.0, 710.0, 10.0, 14.0);
    assert_eq!((none.height, none.marks.len()), (0.0, 0));
    let long = Legend::flow(
        &[entry(&"很长的系列名称".repeat(10), 0)],
        4.0,
        316.0,
        4.0,
        13.0,
    );
    assert!(long.texts[0].text.ends_with('…'));
    assert!(long.texts[0].bounds().x1 <= 316.0);
}

#[test]
fn swatches_look_like_their_series() {
    let entries = [
        Entry {
            name: "线".into(),
            series: 1,
            swatch: Swatch::Line,
        },
        Entry {
            name: "点".into(),
            series: 2,
            swatch: Swatch::Dot,
        },
    ];
    let legend = Legend::flow(&entries, 10.0, 710.0, 10.0, 14.0);
    let roles: Vec<Role> = legend.marks.iter().map(|m| m.role).collect();
    assert_eq!(roles, [Role::Line(1), Role::Fill(1), Role::Fill(2)]);
}
