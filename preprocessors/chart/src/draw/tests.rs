use super::*;
use crate::ChartKind;
use crate::canvas::WIDE;
use crate::tests::{chart, series};
use crate::text::Rect;

fn figure(marks: Vec<Mark>) -> Figure {
    let mut figure = Figure::new(WIDE);
    figure.height = 100.0;
    figure.marks = marks;
    figure
}

#[test]
fn each_run_of_a_role_is_one_group_of_plotters_shapes() {
    let rect = |x0: f64| {
        Shape::Rect(Rect {
            x0,
            y0: 10.0,
            x1: x0 + 10.0,
            y1: 50.4,
        })
    };
    let fig = figure(vec![
        Mark {
            role: Role::Grid,
            shape: Shape::Path {
                points: vec![(0.0, 5.0), (720.0, 5.0)],
                width: 1.0,
            },
        },
        Mark {
            role: Role::Fill(0),
            shape: rect(10.0),
        },
        Mark {
            role: Role::Fill(0),
            shape: rect(30.0),
        },
        Mark {
            role: Role::Fill(1),
            shape: rect(50.0),
        },
        Mark {
            role: Role::Bridge(1),
            shape: Shape::Path {
                points: vec![(0.0, 5.0), (9.0, 5.0)],
                width: 1.5,
            },
        },
    ]);
    let chart = chart(ChartKind::Bar, &["a"], vec![series("x", &[Some(1.0)], 0)]);
    let svg = svg(&chart, &fig, "说明").unwrap();
    let groups: Vec<&str> = svg
        .lines()
        .filter_map(|l| l.strip_prefix("<g class=\"")?.strip_suffix("\">"))
        .collect();
    assert_eq!(
        groups,
        ["grid", "mark series-0", "mark series-1", "bridge series-1"]
    );
    // plotters' output as plotters wrote it, its colours the fallback without the
    // stylesheet; coordinates rounded to whole units.
    assert!(svg.contains(
        "<g class=\"mark series-0\">\n<svg width=\"720\" height=\"100\" viewBox=\"0 0 720 100\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <rect x=\"10\" y=\"10\" width=\"10\" height=\"40\" opacity=\"1\" fill=\"#2F6DB5\" stroke=\"none\"/>\n\
         <rect x=\"30\" y=\"10\" width=\"10\" height=\"40\" opacity=\"1\" fill=\"#2F6DB5\" stroke=\"none\"/>\n</svg>\n</g>"
    ), "{svg}");
    // A bridge is faint without the stylesheet too.
    assert!(svg.contains("opacity=\"0.6\" stroke=\"#E07B24\""), "{svg}");
    assert!(svg.contains("<desc id=\"fig-test-wide-desc\">说明</desc>"));
}
