//! Bounded property-based fuzzing of the argument parser, with proptest: any arguments
//! parse or say why, and whatever [`quote_item`] writes reads back as the text it quoted.

use proptest::prelude::*;

use super::*;

/// Texts made of what makes quoting hard: both kinds of quotes, separators, spaces, `=`.
fn text() -> impl Strategy<Value = String> {
    "[a甲 \"“”,，、=\t]{0,12}"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// Any arguments: parsed, or a message in Chinese; never a panic.
    #[test]
    fn any_arguments_parse_or_say_why(input in "[a-z甲 \"“”,，、=\t\n{}#]{0,40}") {
        if let Err(message) = Args::parse(&input) {
            prop_assert!(!message.is_empty());
            prop_assert!(!message.is_ascii(), "{message}");
        }
    }

    /// A quoted value reads back as exactly its text, as one text and as one list item.
    #[test]
    fn a_quoted_value_reads_back(value in text()) {
        if let Some(quoted) = quote_item(&value) {
            let args = Args::parse(&format!("t k={quoted} n=1")).unwrap();
            prop_assert_eq!(args.get("k"), Some(value.as_str()), "{}", quoted);
            prop_assert_eq!(args.get("n"), Some("1"));
            if !value.is_empty() {
                prop_assert_eq!(args.list("k"), Some(&[value.clone()][..]), "{}", quoted);
            }
        } else {
            prop_assert!(value.contains('"') && value.contains('”'));
        }
    }

    /// A quoted list reads back as its items.
    #[test]
    fn a_quoted_list_reads_back(items in prop::collection::vec(text(), 1..5)) {
        let items: Vec<String> = items
            .into_iter()
            .filter(|i| !i.is_empty() && quote_item(i).is_some())
            .collect();
        prop_assume!(!items.is_empty());
        let args = Args::parse(&format!("t rows={}", quote_list(&items))).unwrap();
        prop_assert_eq!(args.list("rows"), Some(&items[..]));
    }
}
