use super::*;

#[test]
fn series_colours_become_classes_and_keep_a_default() {
    let line =
        r##"<rect x="1" y="2" width="3" height="4" opacity="1" fill="#E07B24" stroke="none"/>"##;
    assert_eq!(
        restyle(line).unwrap(),
        r##"<rect class="mark series-1" fill="#e07b24" x="1" y="2" width="3" height="4"/>"##
    );
    let line = r##"<polyline fill="none" opacity="1" stroke="#2F6DB5" stroke-width="2" points="1,2 3,4 "/>"##;
    assert_eq!(
        restyle(line).unwrap(),
        r##"<polyline class="line series-0" fill="none" stroke="#2f6db5" stroke-width="2" points="1,2 3,4"/>"##
    );
}

#[test]
fn rules_use_the_text_colour() {
    let line = r##"<polyline fill="none" opacity="1" stroke="#010203" stroke-width="1" points="0,5 9,5 "/>"##;
    let out = restyle(line).unwrap();
    assert!(out.starts_with(r#"<polyline class="grid" fill="none" stroke="currentColor""#));
    assert!(!out.contains('#'));
    // The root element and closing tags are not shapes.
    assert_eq!(restyle(r#"<svg width="1" height="1">"#), None);
    assert_eq!(restyle("</svg>"), None);
}
