//! Bounded property-based fuzzing of escaping, with proptest: whatever text data carries,
//! what we write is read back by pulldown-cmark, with mdBook's options, as that very text,
//! and mdBook's `links` finds no directive in it.

use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use proptest::prelude::*;

use super::*;
use crate::scan::MarkdownOptions;

/// Texts a hostile data file could carry: markup, directives, entities, table pipes,
/// emphasis, smart-punctuation triggers, line breaks.
fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "{{#include /etc/hostname}}",
            "{{ #title X}}",
            "{{",
            "}}",
            "\\",
            "<script>",
            "<b>",
            "</td>",
            "&amp;",
            "&#123;",
            "|",
            "*",
            "_",
            "`",
            "[a](b)",
            "![i](x)",
            "~~",
            "--",
            "...",
            "\"",
            "'",
            "#",
            "1. ",
            "- ",
            "> ",
            "\n",
            "\r\n",
            "  ",
            "甲",
            "x",
            ":",
            "=",
            "+",
            "$",
            "<!--",
            "-->",
            "[^1]",
            "{#id}",
        ]),
        0..12,
    )
    .prop_map(|p| p.concat())
}

/// The text pulldown-cmark reads from `markdown` with mdBook's options, when it reads
/// nothing but one paragraph of text.
fn read_back(markdown: &str, options: &MarkdownOptions) -> Result<String, String> {
    let mut text = String::new();
    for event in mdbook_markdown::new_cmark_parser(markdown, options) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Text(t) => text.push_str(&t),
            other => return Err(format!("{other:?} in {markdown:?}")),
        }
    }
    Ok(text)
}

/// Nothing for mdBook's `links`, not even two braces in a row.
fn no_directive(text: &str) -> bool {
    crate::scan::first_mdbook_directive(text).is_none() && !text.contains("{{")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// HTML escaping: text, with every option mdBook may switch on (smart punctuation
    /// included), and never a directive.
    #[test]
    fn escaped_html_reads_back_as_the_text(text in hostile()) {
        let out = escape_html(&text);
        prop_assert!(no_directive(&out), "{}", out);
        let expected = format!("a{}b", text.replace('\r', ""));
        prop_assert_eq!(read_back(&format!("a{out}b"), &MarkdownOptions::default()), Ok(expected));
    }

    /// Markdown escaping: text (line breaks become spaces), never a directive. Smart
    /// punctuation is the HTML renderer's: Markdown output is read as written.
    #[test]
    fn escaped_markdown_reads_back_as_the_text(text in hostile()) {
        let out = escape_markdown(&text);
        prop_assert!(no_directive(&out), "{}", out);
        let mut options = MarkdownOptions::default();
        options.smart_punctuation = false;
        let expected = format!("a{}b", text.replace('\r', "").replace('\n', " "));
        prop_assert_eq!(read_back(&format!("a{out}b"), &options), Ok(expected));
    }
}
