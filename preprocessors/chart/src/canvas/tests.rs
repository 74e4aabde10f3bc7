use super::*;

/// The stylesheet must switch drawings where the layouts assume it does.
#[test]
fn the_stylesheet_switches_at_the_same_widths() {
    let css = include_str!("../../../../assets/charts.css");
    let breakpoint = format!("(max-width: {}px)", BREAKPOINT - 0.02);
    assert!(
        css.contains(&breakpoint),
        "charts.css must switch at {breakpoint}"
    );
    let max = format!("max-width: {NARROW_MAX}px;");
    assert!(
        css.contains(&max),
        "charts.css must cap narrow charts with {max}"
    );
}
