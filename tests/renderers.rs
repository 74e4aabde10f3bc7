//! Renderers other than HTML, through the real mdBook CLI: the preprocessor says which it
//! serves (`supports`), and the `markdown` renderer gets readable Markdown whose links to
//! tables and figures land on an anchor.

use std::collections::BTreeMap;
use std::fs;
use std::process::Command;

use regex::Regex;
use report_tests::{FixtureBook, preprocessor_bin};

const META: &str = "title = \"出口额\"\nunit = \"亿美元\"\nsource = \"商会\"\n";
const CSV: &str = "年份,出口额\n2023,1020.56\n2024,1079.6\n";

fn supports(renderer: &str) -> bool {
    Command::new(preprocessor_bin())
        .args(["supports", renderer])
        .status()
        .expect("run mdbook-report supports")
        .success()
}

#[test]
fn supports_is_honest_per_renderer() {
    // HTML gets HTML; the markdown renderer, `mdbook test` and other renderers get plain
    // Markdown; the report's own companion renderer needs no expansion.
    for renderer in ["html", "markdown", "test", "epub"] {
        assert!(supports(renderer), "{renderer}");
    }
    assert!(!supports("report"));
}

/// Every `.md` file of the Markdown output, by path.
fn markdown_output(book: &FixtureBook) -> BTreeMap<String, String> {
    let dir = book.root.join("target/book/markdown");
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            out.insert(name, fs::read_to_string(entry.path()).unwrap());
        }
    }
    out
}

#[test]
fn the_markdown_renderer_gets_readable_markdown_with_working_anchors() {
    let book = FixtureBook::new("renderers", &[("a.md", "甲"), ("b.md", "乙")]);
    book.dataset("t", CSV, META);
    book.write(
        "book/a.md",
        "# 甲\n\n{{#table t id=totals}}\n\n如{{#ref totals}}所示，2024年出口{{#value t row=2024 col=出口额}}。\n\n{{#chart t id=growth}}\n\n见{{#ref growth}}。\n",
    );
    book.write(
        "book/b.md",
        "# 乙\n\n详见{{#ref totals}}和{{#ref growth}}。\n",
    );
    book.config("");
    let mut toml = fs::read_to_string(book.root.join("book.toml")).unwrap();
    toml.push_str("\n[output.html]\n\n[output.markdown]\n");
    book.write("book.toml", &toml);
    let out = book.build_cli(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let pages = markdown_output(&book);
    let a = &pages["a.md"];
    // Readable: no HTML but the anchors, the numbers as text, tables as pipe tables.
    for page in pages.values() {
        for tag in ["<table", "<svg", "<span", "<div", "<figure", "<p "] {
            assert!(!page.contains(tag), "{tag} in the Markdown output:\n{page}");
        }
    }
    assert!(a.contains("**表1-1 出口额（单位：亿美元）**"), "{a}");
    assert!(
        a.contains("| 2024 | 1079\\.6 |") || a.contains("| 2024 | 1079.6 |"),
        "{a}"
    );
    assert!(a.contains("2024年出口1079.6亿美元。"), "{a}");
    assert!(a.contains("**图1-1 出口额（单位：亿美元）**"), "{a}");
    // Every link to a table or figure lands on an anchor of its page.
    let link = Regex::new(r"\[(表|图)[0-9-]+\]\(([^)#]*)#([^)]+)\)").unwrap();
    let mut links = 0;
    for (name, page) in &pages {
        for cap in link.captures_iter(page) {
            links += 1;
            let target = if cap[2].is_empty() {
                name.as_str()
            } else {
                &cap[2]
            };
            let anchor = format!("<a id=\"{}\"></a>", &cap[3]);
            assert!(
                pages.get(target).is_some_and(|p| p.contains(&anchor)),
                "{name}: {} does not land on {anchor} in {target}",
                &cap[0]
            );
        }
    }
    assert_eq!(links, 4, "{pages:?}");
    assert!(
        pages["b.md"].contains("[表1-1](a.md#tbl-totals)"),
        "{pages:?}"
    );
    // The HTML output is unchanged by the second renderer.
    let html = fs::read_to_string(book.root.join("target/book/html/a.html")).unwrap();
    assert!(html.contains("<table"), "the HTML renderer still gets HTML");
}
