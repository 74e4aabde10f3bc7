use super::*;

#[test]
fn ticks_are_round_numbers_that_cover_the_data() {
    let scale = Scale::nice(0.0, 1079.6, true, 1);
    assert_eq!(scale.ticks(), [0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0]);
    assert_eq!(scale.decimals, 0);
    assert_eq!(scale.label(1250.0), "1250");
}

#[test]
fn tick_labels_grow_separators_from_five_digits() {
    let scale = Scale::nice(0.0, 48_000.0, true, 0);
    assert_eq!(scale.label(*scale.ticks().last().unwrap()), "50,000");
}

#[test]
fn small_ranges_keep_the_decimals_they_need_and_no_more() {
    let scale = Scale::nice(0.0, 1.2, true, 2);
    assert_eq!(scale.step, 0.25);
    assert_eq!(scale.decimals, 2);
    assert_eq!(scale.label(0.5), "0.50");
    // With no decimals allowed, the step never goes below 1, so labels never repeat.
    let scale = Scale::nice(0.0, 1.2, true, 0);
    assert_eq!(scale.ticks(), [0.0, 1.0, 2.0]);
}

#[test]
fn negative_values_and_single_values_get_an_axis() {
    let scale = Scale::nice(-3.2, 12.5, true, 1);
    assert_eq!(scale.ticks(), [-5.0, 0.0, 5.0, 10.0, 15.0]);
    let scale = Scale::nice(7.0, 7.0, true, 0);
    assert!(scale.min == 0.0 && scale.max >= 7.0);
    let scale = Scale::nice(0.0, 0.0, false, 0);
    assert!(scale.max > scale.min);
}

#[test]
fn aligned_axes_share_the_number_of_intervals() {
    let left = Scale::nice(0.0, 1079.6, true, 1);
    let right = Scale::aligned(-3.2, 12.5, left.intervals(), 1);
    assert_eq!(right.intervals(), left.intervals());
    assert!(right.min <= -3.2 && right.max >= 12.5);
    assert_eq!(right.ticks().len(), left.ticks().len());
}
