//! Bounded property-based fuzzing of number parsing and formatting and of the loaders
//! (CSV, JSON, sidecar, workbook), with proptest. Each property runs a fixed number of cases
//! (a few seconds in all); a failing input is saved by proptest under
//! `proptest-regressions/` and replayed first on every later run, and `CORPUS` holds the
//! hostile spellings every run starts from.

use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook as Writer};

use super::*;
use crate::format::{Decimal, Grouping, Rounding, format_decimal};

/// Written numbers that once broke, or nearly broke, a reader of figures.
const CORPUS: &[&str] = &[
    "1,079.6",
    "1079.6亿",
    "１２３．５０",
    "－12.5",
    "−0.00",
    "1e3",
    "NaN",
    "—",
    "N/A",
    "123456789012345678901234567890",
    "9007199254740993",
    "2251799813685248.5",
    "1,07,9",
    ",",
    ".",
    "-",
    "+",
    "%",
    "-.5",
    "1.",
    "#DIV/0!",
    "１,０００",
    "0.1%",
];

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        max_shrink_iters: 256,
        ..ProptestConfig::default()
    }
}

/// A number as a writer might type it: sign, integer digits (grouped or not, full-width or
/// not), fraction, percent.
fn written() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(""), Just("-"), Just("－"), Just("−"), Just("+")],
        "[1-9][0-9]{0,34}|0",
        proptest::option::of("[0-9]{1,12}"),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(sign, int, frac, group, wide, percent)| {
            let int = if group {
                let mut out = String::new();
                for (i, c) in int.chars().enumerate() {
                    if i > 0 && (int.len() - i) % 3 == 0 {
                        out.push(',');
                    }
                    out.push(c);
                }
                out
            } else {
                int
            };
            let mut text = format!("{sign}{int}");
            if let Some(f) = frac {
                text.push('.');
                text.push_str(&f);
            }
            if wide {
                text = text
                    .chars()
                    .map(|c| match c {
                        '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
                        '.' => '．',
                        c => c,
                    })
                    .collect();
            }
            if percent {
                text.push('%');
            }
            text
        })
}

/// The digits a written number means, as our formatter must print them without grouping.
fn canonical(text: &str) -> String {
    let mut out: String = text
        .chars()
        .filter_map(|c| match c {
            '0'..='9' | '.' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '-' | '－' | '−' => Some('-'),
            _ => None,
        })
        .collect();
    if out.chars().all(|c| matches!(c, '0' | '.' | '-')) {
        out = out.trim_start_matches('-').to_string();
    }
    out
}

/// The written digits as a plain decimal (`－1,079.6%` → `-1079.6`), read by bigdecimal
/// itself: what a parsed number's value must be, to the representation.
fn big(text: &str) -> Decimal {
    let plain: String = text
        .chars()
        .filter_map(|c| match c {
            '0'..='9' | '.' | '-' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '－' | '−' => Some('-'),
            _ => None,
        })
        .collect();
    plain.parse().expect("digits")
}

proptest! {
    #![proptest_config(config(512))]

    /// The compact form of a parsed number is its exact value: the same big decimal (same
    /// digits and scale, so it prints the same), and it compares like one.
    #[test]
    fn compact_numbers_are_their_big_decimals(a in written(), b in written()) {
        let (x, y) = (Number::parse(&a).unwrap(), Number::parse(&b).unwrap());
        let (bx, by) = (big(&a), big(&b));
        prop_assert_eq!(x.value().as_bigint_and_scale(), bx.as_bigint_and_scale());
        prop_assert_eq!(x.cmp_value(&y), bx.cmp(&by));
        prop_assert_eq!(y.cmp_value(&x), by.cmp(&bx));
        prop_assert_eq!(x == y, a.trim() == b.trim() && bx == by);
    }

    /// `format(parse(x))` gives back exactly the written digits.
    #[test]
    fn formatting_a_parsed_number_gives_back_its_written_digits(text in written()) {
        let n = Number::parse(&text).expect("a well-written number");
        let printed = format_decimal(n.value(), n.decimals(), Rounding::HalfUp, false, Grouping::Never);
        prop_assert_eq!(printed, canonical(&text));
        let grouped = format_decimal(n.value(), n.decimals(), Rounding::HalfEven, false, Grouping::Always);
        prop_assert_eq!(grouped.replace(',', ""), canonical(&text));
    }

    /// Rounding to fewer places moves the value by at most half a unit of the last place,
    /// in both modes.
    #[test]
    fn rounding_stays_within_half_a_unit(text in written(), places in 0usize..6) {
        let n = Number::parse(&text).unwrap();
        for mode in [Rounding::HalfUp, Rounding::HalfEven] {
            let printed = format_decimal(n.value(), places, mode, false, Grouping::Never);
            let back = Number::parse(&printed).unwrap();
            let gap = (back.value() - n.value()).abs();
            let half = Decimal::new(5.into(), places as i64 + 1);
            prop_assert!(gap <= half, "{} → {} ({:?})", text, printed, mode);
        }
    }

    /// Reading any cell text never panics, and a number it reads prints without panicking.
    #[test]
    fn any_cell_text_reads_without_panic(text in "\\PC{0,24}") {
        if let Cell::Number(n) = parse_cell(&text) {
            let _ = format_decimal(n.value(), n.decimals(), Rounding::HalfUp, true, Grouping::Auto);
        } else {
            let _ = number::classify(&text).hint();
        }
    }

    /// Any bytes, as a CSV file: a dataset or a message, never a panic.
    #[test]
    fn any_csv_loads_or_says_why(bytes in proptest::collection::vec(any::<u8>(), 0..256),
                                 text in "[0-9a-z年份出口额,\"\\n\\r\\t%.，－\u{feff} ]{0,120}") {
        for input in [bytes, text.into_bytes()] {
            if let Ok(decoded) = decode(&input, "book/data/t.csv")
                && let Ok(table) = csv_file::parse_csv(&decoded, "book/data/t.csv")
            {
                let _ = Dataset::from_table("t", "book/data/t.csv".into(), "data/t.csv".into(), Meta::default(), table);
            }
        }
    }

    /// Any JSON-like text: a dataset or a message, never a panic.
    #[test]
    fn any_json_loads_or_says_why(text in "[\\[\\]{}\",:0-9.eE+\\-a-z年份 \\n]{0,120}") {
        if let Ok(table) = json_file::parse_json(&text, "book/data/t.json") {
            let _ = Dataset::from_table("t", "book/data/t.json".into(), "data/t.json".into(), Meta::default(), table);
        }
    }

    /// Any TOML-like sidecar: metadata or a Chinese message with its line, never a panic.
    #[test]
    fn any_sidecar_reads_or_says_why(text in "[a-z=\"'\\[\\]{}.,0-9 \\n出口额#-]{0,120}") {
        if let Err(message) = sidecar::read("book/data/t.toml", &text) {
            prop_assert!(message.starts_with("book/data/t.toml"), "{}", message);
        }
    }
}

proptest! {
    #![proptest_config(config(24))]

    /// Random workbooks (numbers, texts, blanks, merges, formats), and random bytes named
    /// `.xlsx`: a dataset or a message, never a panic.
    #[test]
    fn any_workbook_loads_or_says_why(
        cells in proptest::collection::vec((0u32..6, 0u16..4, prop_oneof![
            any::<f64>().prop_filter("Excel stores finite numbers", |f| f.is_finite()).prop_map(Some),
            Just(None),
        ], "\\PC{0,6}", 0usize..4), 0..24),
        merge in proptest::option::of((0u32..5, 0u16..3)),
        junk in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let book = tests::Book::new("fuzz-workbook");
        let mut writer = Writer::new();
        let sheet = writer.add_worksheet();
        let formats = ["General", "0.00", "0.0%", "yyyy-mm-dd"];
        for (r, c, number, text, f) in &cells {
            let format = Format::new().set_num_format(formats[*f]);
            match number {
                Some(n) => sheet.write_number_with_format(*r, *c, *n, &format).map(|_| ()),
                None => sheet.write_string(*r, *c, text).map(|_| ()),
            }
            .unwrap();
        }
        if let Some((r, c)) = merge {
            let _ = sheet.merge_range(r, c, r + 1, c + 1, "合并", &Format::new());
        }
        let path = book.dir.join("book/data/w.xlsx");
        writer.save(&path).unwrap();
        book.meta("w");
        book.write("junk.xlsx", &junk);
        book.meta("junk");
        let store = book.store();
        if let Ok(ds) = store.get("w") {
            for r in 0..ds.rows.len() {
                for c in 0..ds.columns.len() {
                    let _ = ds.number(r, c);
                    let _ = ds.locate(r, c);
                }
            }
        }
        let _ = store.get("junk");
    }
}

#[test]
fn the_corpus_reads_and_prints_without_panic() {
    for text in CORPUS {
        match parse_cell(text) {
            Cell::Number(n) => {
                let printed = format_decimal(
                    n.value(),
                    n.decimals(),
                    Rounding::HalfUp,
                    false,
                    Grouping::Never,
                );
                assert_eq!(printed, canonical(text), "{text}");
            }
            Cell::Text(t) => assert!(!number::classify(&t).hint().is_empty()),
            Cell::Missing => {}
        }
    }
}
