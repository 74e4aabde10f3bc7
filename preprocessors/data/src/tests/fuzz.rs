//! Bounded property-based fuzzing of expansion, with proptest: a dataset whose every text
//! (labels, cells, column names, title, unit, source, notes) is hostile expands, for both
//! targets, into pages where that text is text: no directive for mdBook, no tag, link or
//! emphasis for the browser, no cut table row.

use proptest::prelude::*;
use pulldown_cmark::{Options, Parser, html};
use report_core::scan::first_mdbook_directive;

use super::*;

/// What a dataset received from a third party could carry.
fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "{{#include /etc/hostname}}",
            "{{ #title X}}",
            "{{#table t}}",
            "{{",
            "}}",
            "\\",
            "<script>",
            "<b>",
            "<img src=x>",
            "</td>",
            "&amp;",
            "|",
            "*",
            "**",
            "_",
            "`",
            "[a](https://x)",
            "![i](x)",
            "~~",
            "--",
            "...",
            "\"",
            "#",
            "1. ",
            "- ",
            "> ",
            "\n",
            "\n\n",
            "甲",
            "x",
            "=",
            "<!--",
            "[^1]",
        ]),
        1..8,
    )
    .prop_map(|p| p.concat())
}

/// The page as the browser gets it: mdBook renders the chapter with these options.
fn page_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM;
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

/// Every row of every table has as many cells as the table's first row.
fn rows_intact(page: &str) -> Result<(), String> {
    for table in page.split("<table").skip(1) {
        let table = table.split("</table>").next().unwrap_or("");
        let counts: Vec<usize> = table
            .split("<tr")
            .skip(1)
            .map(|row| row.matches("<td").count() + row.matches("<th").count())
            .collect();
        if counts.windows(2).any(|w| w[0] != w[1]) {
            return Err(format!("rows of {counts:?} cells: {table}"));
        }
    }
    Ok(())
}

static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn expand_hostile(
    labels: &[String],
    column: &str,
    note: &str,
    meta: &[String; 4],
) -> Result<(), TestCaseError> {
    let fixture = Fixture::new(&format!(
        "fuzz-{}",
        CASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["序号", "项目", "数值", column]).unwrap();
    for (i, label) in labels.iter().enumerate() {
        csv.write_record([
            &(i + 1).to_string(),
            label.as_str(),
            &format!("{}.5", i + 1),
            note,
        ])
        .unwrap();
    }
    let toml = |s: &str| serde_json::to_string(s).unwrap();
    let sidecar = format!(
        "title = {}\nunit = {}\nsource = {}\nnotes = {}\n",
        toml(&meta[0]),
        toml(&meta[1]),
        toml(&meta[2]),
        toml(&meta[3])
    );
    fs::write(
        fixture.dir.join("book/data/h.csv"),
        csv.into_inner().unwrap(),
    )
    .unwrap();
    fs::write(fixture.dir.join("book/data/h.toml"), sidecar).unwrap();
    let source = "# 章\n\n{{#table h}}\n\n首项{{#value h row=1 col=项目}}，数值{{#value h row=1 col=数值}}。\n\n{{#chart h x=项目 y=数值}}\n";
    for target in [Target::Html, Target::Markdown] {
        let (out, expansion) = fixture.run(target, &[("ch.md", Some(1), source)]).remove(0);
        let directive = first_mdbook_directive(&out);
        prop_assert!(directive.is_none(), "{directive:?} in {out}");
        prop_assert!(!out.contains("{{"), "{out}");
        for e in &expansion.errors {
            prop_assert!(e.to_string().starts_with("book/"), "{e}");
        }
        let page = page_html(&out);
        for tag in [
            "<script", "<b>", "<img", "<em>", "<code>", "<del>", "<h1>x", "<ol", "<sup",
        ] {
            prop_assert!(!page.contains(tag), "{tag} from data in the page:\n{page}");
        }
        // The only links are the download links.
        prop_assert_eq!(
            page.matches("<a href").count(),
            page.matches("<a href=\"downloads/").count(),
            "{}",
            page
        );
        prop_assert_eq!(page.matches("<h1").count(), 1, "{}", page);
        rows_intact(&page).map_err(TestCaseError::fail)?;
    }
    let _ = fs::remove_dir_all(&fixture.dir);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, max_shrink_iters: 128, ..ProptestConfig::default() })]

    #[test]
    fn hostile_data_stays_text_on_every_page(
        labels in prop::collection::vec(hostile(), 1..4),
        column in hostile(),
        note in hostile(),
        meta in [hostile(), hostile(), hostile(), hostile()],
    ) {
        // Column names are unique and not the other two (a duplicate is an error, tested
        // elsewhere); labels likewise.
        prop_assume!(!["序号", "项目", "数值", ""].contains(&column.trim()));
        expand_hostile(&labels, &column, &note, &meta)?;
    }
}
