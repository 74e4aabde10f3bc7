use super::*;

/// Every tick's label, read back as a number, is the tick's value.
fn assert_labels_name_their_ticks(scale: &Scale) {
    for tick in scale.ticks() {
        let label = scale.label(tick).replace(',', "");
        let read: f64 = label.parse().unwrap();
        assert!(
            (read - tick).abs() < 1e-9 * tick.abs().max(1.0),
            "tick at {tick} is labelled {label}: {scale:?}"
        );
    }
}

#[test]
fn ticks_are_round_numbers_that_cover_the_data() {
    let scale = Scale::nice(0.0, 1079.6, true, 1, 5.0);
    assert_eq!(scale.ticks(), [0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0]);
    assert_eq!(scale.decimals, 0);
    assert_eq!(scale.label(1250.0), "1250");
}

#[test]
fn tick_labels_grow_separators_from_five_digits() {
    let scale = Scale::nice(0.0, 48_000.0, true, 0, 5.0);
    assert_eq!(scale.label(*scale.ticks().last().unwrap()), "50,000");
}

#[test]
fn small_ranges_keep_the_decimals_they_need_and_no_more() {
    let scale = Scale::nice(0.0, 1.2, true, 2, 5.0);
    assert_eq!(scale.step, 0.25);
    assert_eq!(scale.decimals, 2);
    assert_eq!(scale.label(0.5), "0.50");
    // With no decimals allowed, the step never goes below 1, so labels never repeat.
    let scale = Scale::nice(0.0, 1.2, true, 0, 5.0);
    assert_eq!(scale.ticks(), [0.0, 1.0, 2.0]);
}

/// Issue 8: the global chapter's growth chart (values up to 10, 0 decimals) had a step of
/// 2.5 and ticks labelled 0, 3, 5, 8, 10, 13.
#[test]
fn a_step_of_two_and_a_half_needs_a_decimal_to_be_labelled() {
    let scale = Scale::nice(0.0, 10.8, true, 0, 5.0);
    assert_ne!(scale.step, 2.5, "{scale:?}");
    let labels: Vec<String> = scale.ticks().iter().map(|t| scale.label(*t)).collect();
    assert_eq!(labels, ["0", "5", "10", "15"]);
    assert_labels_name_their_ticks(&scale);
    // With a decimal allowed, 2.5 is a fine step and prints as such.
    let scale = Scale::nice(0.0, 10.8, true, 1, 5.0);
    assert_eq!(scale.step, 2.5);
    assert_eq!(scale.label(7.5), "7.5");
}

#[test]
fn every_label_names_its_tick_across_ranges_decimals_and_densities() {
    let ranges = [
        (0.0, 1.0),
        (0.0, 10.8),
        (0.0, 23.0),
        (-3.2, 12.5),
        (0.0, 0.37),
        (0.0, 187.0),
        (0.0, 1451.3),
        (12.0, 18.0),
        (-0.04, 0.02),
        (0.0, 123_456.0),
    ];
    for (lo, hi) in ranges {
        for decimals in 0..=3 {
            for intervals in [2.0, 3.0, 4.0, 5.0, 7.0] {
                let scale = Scale::nice(lo, hi, true, decimals, intervals);
                assert_labels_name_their_ticks(&scale);
                assert!(scale.min <= lo && scale.max >= hi, "{scale:?}");
                for aligned in [3, 4, 5] {
                    let right = Scale::aligned(lo, hi, aligned, decimals);
                    assert_labels_name_their_ticks(&right);
                    assert_eq!(right.intervals(), aligned);
                }
            }
        }
    }
}

#[test]
fn negative_values_and_single_values_get_an_axis() {
    let scale = Scale::nice(-3.2, 12.5, true, 1, 5.0);
    assert_eq!(scale.ticks(), [-5.0, 0.0, 5.0, 10.0, 15.0]);
    let scale = Scale::nice(7.0, 7.0, true, 0, 5.0);
    assert!(scale.min == 0.0 && scale.max >= 7.0);
    let scale = Scale::nice(0.0, 0.0, false, 0, 5.0);
    assert!(scale.max > scale.min);
}

#[test]
fn aligned_axes_share_the_number_of_intervals() {
    let left = Scale::nice(0.0, 1079.6, true, 1, 5.0);
    let right = Scale::aligned(-3.2, 12.5, left.intervals(), 1);
    assert_eq!(right.intervals(), left.intervals());
    assert!(right.min <= -3.2 && right.max >= 12.5);
    assert_eq!(right.ticks().len(), left.ticks().len());
}

#[test]
fn fewer_intervals_make_fewer_ticks() {
    let wide = Scale::nice(0.0, 1079.6, true, 1, 5.0);
    let narrow = Scale::nice(0.0, 1079.6, true, 1, 3.0);
    assert!(narrow.ticks().len() < wide.ticks().len(), "{narrow:?}");
}
