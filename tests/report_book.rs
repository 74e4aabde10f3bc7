//! The report itself, built with the pinned mdBook CLI and the release preprocessor, in a
//! private copy so that tests can build it side by side and in every mode.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use regex::Regex;
use report_core::data::Store;
use report_tests::{
    copy_dir, html_pages, html_root, main_of, mdbook_build, preprocessor_bin, read_page,
    renderer_command, repo_root, text_of,
};

/// A copy of the report (book.toml, book/, assets/) in a temporary folder.
struct Report {
    root: PathBuf,
}

impl Report {
    fn copy(name: &str) -> Report {
        let root = std::env::temp_dir().join(format!("report-book-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let repo = repo_root();
        fs::create_dir_all(&root).unwrap();
        fs::copy(repo.join("book.toml"), root.join("book.toml")).unwrap();
        copy_dir(&repo.join("book"), &root.join("book"));
        copy_dir(&repo.join("assets"), &root.join("assets"));
        Report { root }
    }

    fn build(&self, mode: &str) -> Output {
        let bin = preprocessor_bin();
        let bin = bin.to_string_lossy();
        mdbook_build(
            &self.root,
            &[
                ("MDBOOK_PREPROCESSOR__REPORT__COMMAND", &bin),
                ("MDBOOK_OUTPUT__REPORT__COMMAND", &renderer_command()),
                ("MDBOOK_PREPROCESSOR__REPORT__MODE", mode),
            ],
        )
    }

    fn built(name: &str) -> Report {
        let report = Report::copy(name);
        let out = report.build("draft");
        let log = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{log}");
        // mdBook logs a failed {{#include}} and goes on: the book must build without any.
        assert!(!log.contains("ERROR") && !log.contains("WARN"), "{log}");
        report
    }

    fn main(&self, page: &str) -> String {
        main_of(&read_page(&self.root, page)).to_string()
    }
}

impl Drop for Report {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The page without code: what remains is what readers see as prose, tables and charts.
fn without_code(html: &str) -> String {
    let code = Regex::new(r"(?s)<pre>.*?</pre>|<code[^>]*>.*?</code>").unwrap();
    code.replace_all(html, "").into_owned()
}

const COOPERATION: &[&str] = &[
    "trade.html",
    "technology.html",
    "capacity.html",
    "institution.html",
];

#[test]
fn no_placeholder_survives_outside_the_guides_examples() {
    let report = Report::built("no-placeholder");
    for page in html_pages(&report.root) {
        let raw = fs::read_to_string(&page).unwrap();
        let rel = page.strip_prefix(html_root(&report.root)).unwrap();
        if !rel.starts_with("guide") && rel != Path::new("print.html") {
            assert!(
                !raw.contains("{{#"),
                "{}: a placeholder outside the guide",
                rel.display()
            );
        }
        let html = without_code(&raw);
        let rel = page
            .strip_prefix(html_root(&report.root))
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let left: Vec<String> = html
            .match_indices("{{#")
            .map(|(i, _)| html[i..].chars().take(40).collect())
            .collect();
        let allowed = rel == "guide/data.html" || rel == "print.html";
        for l in &left {
            assert!(
                allowed && l.starts_with("{{#value trade/totals row=2024"),
                "{rel}: {l}"
            );
        }
        if rel == "guide/data.html" {
            assert_eq!(
                left.len(),
                1,
                "the guide shows one escaped placeholder as prose"
            );
        }
    }
}

#[test]
fn trade_chapter_tables_hold_the_seed_figures() {
    let report = Report::built("trade");
    let main = report.main("trade.html");
    for figure in ["914.1", "1079.6", "1020.56"] {
        assert!(
            main.contains(&format!("<td class=\"num\">{figure}</td>")),
            "{figure} not in a table cell"
        );
    }
    // Each year's figures carry the basis they were published on (药械产品 / 医药产品).
    for basis in [">医药产品</td>", ">药械产品</td>"] {
        assert!(
            main.contains(basis),
            "the totals table does not name {basis}"
        );
    }
    // The 2024 raw-material exports reach the prose through a placeholder, with their share.
    assert!(
        Regex::new(r#"<span class="report-value"[^>]*>429\.9亿美元</span>"#)
            .unwrap()
            .is_match(&main),
        "429.9 is not a value in the prose"
    );
    assert!(
        main.contains("-caption\">表3-1 "),
        "tables are numbered in chapter 3"
    );
}

#[test]
fn every_cooperation_chapter_has_tables_and_charts() {
    let report = Report::built("charts");
    for page in COOPERATION {
        let main = report.main(page);
        assert!(
            main.contains("<div class=\"report-table\""),
            "{page} has no table"
        );
        assert!(
            main.contains("<figure class=\"report-figure\""),
            "{page} has no chart"
        );
        let svg = main
            .find("<svg")
            .unwrap_or_else(|| panic!("{page} has no inline svg"));
        let tag = &main[svg..svg + main[svg..].find('>').unwrap()];
        // mdBook re-serialises the page and lower-cases attribute names; HTML parsers map
        // `viewbox` back to SVG's `viewBox`.
        let lower = tag.to_lowercase();
        assert!(
            lower.contains("viewbox=")
                && tag.contains("role=\"img\"")
                && tag.contains("lang=\"zh-CN\""),
            "{tag}"
        );
        assert!(
            !tag.contains(" width=\"") && !tag.contains(" height=\""),
            "fixed size: {tag}"
        );
    }
}

#[test]
fn spot_checked_figures_come_from_placeholders() {
    let report = Report::built("spot");
    let html: String = COOPERATION
        .iter()
        .chain(&[
            "global.html",
            "abstract.html",
            "introduction.html",
            "conclusion.html",
        ])
        .map(|p| text_of(&report.main(p)))
        .collect();
    let sources: String = fs::read_dir(repo_root().join("book"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect();
    let placeholders = Regex::new(r"\{\{#[^}]*\}\}").unwrap();
    let prose = placeholders.replace_all(&sources, " ");
    for figure in [
        "1079.6", "914.1", "429.9", "126", "525.77", "3743", "707", "45", "323.01", "48.78%",
        "1287",
    ] {
        assert!(html.contains(figure), "{figure} is not in the built report");
        let typed = Regex::new(&format!(
            r"(^|[^\d.]){}($|[^\d])",
            regex::escape(figure.trim_end_matches('%'))
        ))
        .unwrap();
        assert!(
            !typed.is_match(&prose),
            "{figure} is typed in a chapter instead of coming from data"
        );
    }
}

#[test]
fn identical_input_builds_identical_bytes() {
    let report = Report::built("bytes");
    let snapshot = |root: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        html_pages(root)
            .into_iter()
            .map(|p| (p.clone(), fs::read(p).unwrap()))
            .collect()
    };
    let first = snapshot(&report.root);
    let out = report.build("draft");
    assert!(out.status.success());
    let second = snapshot(&report.root);
    assert_eq!(first.len(), second.len());
    for (page, bytes) in &first {
        assert!(
            second[page] == *bytes,
            "{} differs between two builds",
            page.display()
        );
    }
}

#[test]
fn publish_build_ships_pending_callouts_but_no_editorial_notes() {
    let report = Report::copy("publish");
    let out = report.build("publish");
    assert!(out.status.success(), "{}", stderr(&out));
    let trade = report.main("trade.html");
    assert!(
        trade.contains("class=\"report-pending\""),
        "pending work stays visible"
    );
    for page in html_pages(&report.root) {
        let html = fs::read_to_string(&page).unwrap();
        assert!(
            !html.contains("report-editorial"),
            "{} shows an editorial note",
            page.display()
        );
        assert!(
            !html.contains("report-error"),
            "{} shows an error",
            page.display()
        );
    }
    assert!(
        report
            .main("progress.html")
            .contains("<table class=\"report-progress\">")
    );
}

#[test]
fn final_build_fails_and_lists_every_pending_item() {
    let report = Report::copy("final");
    let draft = report.build("draft");
    let pending: Vec<String> = stderr(&draft)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|l| l.starts_with("book/") && l.contains(".md:"))
        .map(str::to_string)
        .collect();
    assert!(!pending.is_empty(), "the draft report has pending work");
    let out = report.build("final");
    assert!(
        !out.status.success(),
        "a final build with pending work must fail"
    );
    let err = stderr(&out);
    assert!(err.contains("final 构建未通过"), "{err}");
    for place in &pending {
        assert!(
            err.contains(place.as_str()),
            "{place} missing from the final build's list"
        );
    }
}

#[test]
fn progress_page_shows_the_drafts_gaps() {
    let report = Report::built("progress");
    let page = report.main("progress.html");
    let table = page
        .find("<table class=\"report-progress\">")
        .expect("progress table");
    let main = &page[table..table + page[table..].find("</table>").unwrap()];
    let row = Regex::new(r#"(?s)<tr><th scope="row"><a href="[^"]+">([^<]+)</a></th>(.*?)</tr>"#)
        .unwrap();
    let cell = Regex::new(
        r#"(?s)<td(?: class="report-progress-(done|open|missing|notes)"[^>]*)?>(.*?)</td>"#,
    )
    .unwrap();
    // Per chapter: (state, text) of 现状, 挑战, 政策 and 备注.
    let rows: BTreeMap<String, Vec<(String, String)>> = row
        .captures_iter(main)
        .map(|c| {
            (
                c[1].to_string(),
                cell.captures_iter(&c[2])
                    .map(|d| {
                        let state = d.get(1).map_or("", |m| m.as_str()).to_string();
                        (state, text_of(&d[2]))
                    })
                    .collect(),
            )
        })
        .collect();
    // 现状, 挑战, 政策: the picture of the draft's own progress table, corrected where its
    // notes say otherwise. 技术合作 is ✅ throughout in the draft's table, but its notes leave
    // the 数据跨境立法 research open; 制度合作 现状 is ✅ in the table and its 中药 section
    // exists, so the stale 【缺……】 note on that section is not an open item.
    let expected = [
        ("贸易合作", ["open", "done", "done"]),
        ("技术合作", ["open", "done", "done"]),
        ("产能合作", ["open", "open", "open"]),
        ("制度合作", ["done", "open", "open"]),
    ];
    for (chapter, cells) in expected {
        let states: Vec<&str> = rows
            .get(chapter)
            .unwrap_or_else(|| panic!("{chapter}: {rows:?}"))
            .iter()
            .take(3)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(states, cells, "{chapter}: {rows:?}");
    }
    let cell_text = |chapter: &str, col: usize| rows[chapter][col].1.clone();
    assert!(
        cell_text("技术合作", 0).contains("数据跨境"),
        "the open 数据跨境立法 research: {rows:?}"
    );
    // The missing 2023 import figure is one gap: one entry on the whole page, in 贸易合作 现状.
    let imports = Regex::new(r"2023[^；。]{0,12}进口|进口[^；。]{0,12}2023").unwrap();
    let item = Regex::new(r"(?s)<li>(.*?)</li>").unwrap();
    let entries: Vec<String> = item
        .captures_iter(&page)
        .map(|c| text_of(&c[1]))
        .filter(|t| imports.is_match(t))
        .collect();
    assert_eq!(entries.len(), 1, "the 2023 import gap: {entries:?}");
    assert!(imports.is_match(&cell_text("贸易合作", 0)));
    // 备注 (the draft's own remarks, and where its table and notes disagree), said to readers.
    for (chapter, says) in [
        ("技术合作", "不一致"),
        ("产能合作", "CXO以外的挑战和政策"),
        ("制度合作", "已过时"),
    ] {
        assert!(
            cell_text(chapter, 3).contains(says),
            "{chapter} 备注 does not say {says}: {rows:?}"
        );
    }
    assert!(cell_text("贸易合作", 3).trim().is_empty(), "{rows:?}");
    // Readers never see the writers' own words for their draft.
    for word in ["工作稿", "原文"] {
        assert!(!page.contains(word), "the progress page says {word}");
    }
}

#[test]
fn every_dataset_has_its_metadata_and_is_used() {
    let book = repo_root().join("book");
    let store = Store::new(&book, "book", "data");
    let mut sources = String::new();
    let mut stack = vec![book.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "md") {
                sources.push_str(&fs::read_to_string(p).unwrap());
            }
        }
    }
    let ids = store.ids();
    assert!(ids.len() >= 20, "the report's datasets: {ids:?}");
    for id in ids {
        let ds = store.get(&id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(!ds.meta.title.trim().is_empty(), "{id} has no title");
        assert!(!ds.meta.source.trim().is_empty(), "{id} has no source");
        for (c, col) in ds.columns.iter().enumerate() {
            if col.numeric {
                let has_unit = !col.unit.is_empty() || ds.unit_column.is_some();
                assert!(has_unit, "{id}: column {} has no unit", ds.columns[c].name);
            }
        }
        let used = Regex::new(&format!(
            r"\{{\{{#(table|value|chart) {}[\s}}]",
            regex::escape(&id)
        ))
        .unwrap();
        assert!(
            used.is_match(&sources),
            "{id} is not used anywhere in the book"
        );
    }
}

/// A writer replaces `trade/totals.csv` with a workbook holding the same sheet, as Excel
/// saves it (numbers as numbers, empty cells empty): the book is the same but for the
/// download links.
#[test]
fn a_workbook_in_place_of_its_csv_builds_the_same_book() {
    let csv_book = Report::built("totals-csv");
    let xlsx_book = Report::copy("totals-xlsx");
    let data = xlsx_book.root.join("book/data/trade");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(data.join("totals.csv"))
        .unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, record) in reader.records().enumerate() {
        for (c, cell) in record.unwrap().iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n).map(|_| ()),
                Err(_) if cell.is_empty() => Ok(()),
                Err(_) => sheet.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    fs::remove_file(data.join("totals.csv")).unwrap();
    workbook.save(data.join("totals.xlsx")).unwrap();
    let out = xlsx_book.build("draft");
    assert!(out.status.success(), "{}", stderr(&out));
    let log = stderr(&out);
    assert!(!log.contains("ERROR") && !log.contains("WARN"), "{log}");
    // Besides the links, the 缺数据 notes for writers name the file and the place in it (a
    // line of the CSV, a cell of the sheet), and the search index (whose hashed name is in
    // every page) holds both.
    let links = Regex::new(
        r"totals\.csv [^）]*行|totals\.xlsx Sheet1![A-Z]+\d+|totals\.(csv|xlsx)|下载数据（(CSV|XLSX)）|searchindex-[0-9a-f]+\.js",
    )
    .unwrap();
    let pages = html_pages(&csv_book.root);
    assert!(pages.len() > 10);
    for page in pages {
        let rel = page.strip_prefix(&csv_book.root).unwrap();
        let a = fs::read_to_string(&page).unwrap();
        let b = fs::read_to_string(xlsx_book.root.join(rel)).unwrap();
        let (a, b) = (links.replace_all(&a, "LINK"), links.replace_all(&b, "LINK"));
        if a != b {
            let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            let around = |s: &str| {
                let bytes = &s.as_bytes()[at.saturating_sub(120)..(at + 120).min(s.len())];
                String::from_utf8_lossy(bytes).into_owned()
            };
            panic!(
                "{} differs once totals.csv is a workbook:\n{}\n---\n{}",
                rel.display(),
                around(&a),
                around(&b)
            );
        }
    }
    let trade = xlsx_book.main("trade.html");
    assert!(
        trade.contains("totals.xlsx\" download=\"\">下载数据（XLSX）"),
        "{trade}"
    );
}

/// The search index's document URLs (mdBook 0.5: `"doc_urls":["a.html#x", ...]`).
fn search_urls(html_dir: &Path) -> Vec<String> {
    let index = fs::read_dir(html_dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("searchindex"))
                && p.extension().is_some_and(|x| x == "js")
        })
        .expect("a search index");
    let text = fs::read_to_string(index).unwrap();
    let start = text.find("\"doc_urls\":[").expect("doc_urls") + "\"doc_urls\":[".len();
    let end = start + text[start..].find(']').unwrap();
    text[start..end]
        .split(',')
        .map(|url| url.trim_matches('"').to_string())
        .collect()
}

#[test]
fn publish_leaves_out_the_writers_guide_and_its_demo_data_which_drafts_show() {
    let report = Report::copy("editions");
    let draft = report.build("draft");
    assert!(draft.status.success(), "{}", stderr(&draft));
    let html = html_root(&report.root);
    assert!(
        html.ends_with("html"),
        "the HTML output is {}",
        html.display()
    );
    assert!(html.join("guide/data.html").is_file());
    assert!(html.join("data/guide/demo_sales.csv").is_file());
    assert!(search_urls(&html).iter().any(|u| u.starts_with("guide/")));
    assert!(read_page(&report.root, "print.html").contains("写作指南"));
    assert!(!read_page(&report.root, "index.html").contains("report-pdf-link"));

    let publish = report.build("publish");
    let log = stderr(&publish);
    assert!(publish.status.success(), "{log}");
    assert!(
        log.contains("publish 构建不含 5 个仅限写作时显示的章节")
            && log.contains("book/guide/data.md"),
        "{log}"
    );
    assert!(!html.join("guide").exists(), "guide pages were published");
    assert!(!html.join("data/guide").exists(), "demo data was published");
    assert!(html.join("data/trade/totals.csv").is_file());
    let urls = search_urls(&html);
    assert!(urls.iter().any(|u| u.starts_with("trade.html")), "{urls:?}");
    assert!(
        !urls.iter().any(|u| u.contains("guide")),
        "guide in the search index: {urls:?}"
    );
    for page in html_pages(&report.root) {
        let text = fs::read_to_string(&page).unwrap();
        assert!(
            !text.contains("写作指南") && !text.contains("guide/"),
            "{} mentions the guide",
            page.display()
        );
    }
    // The part title 附录 held only the guide; the progress page stays for readers.
    let toc = read_page(&report.root, "toc.html");
    assert!(!toc.contains("附录"), "an empty part title is left");
    assert!(toc.contains("progress.html"));
    let index = main_of(&read_page(&report.root, "index.html")).to_string();
    assert!(
        index.contains("<a href=\"report.pdf\" download=\"中国医药工业国际合作研究报告.pdf\">"),
        "the first page links the PDF edition"
    );
}
