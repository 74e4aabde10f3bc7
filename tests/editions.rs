//! Editions in small books: which chapters and files each mode leaves out (`[output.report]`
//! `draft-only` and `not-in-final`), built with the pinned mdBook CLI and the companion
//! renderer, and in process with the renderer as a library.

use std::fs;

use mdbook_driver::MDBook;
use mdbook_report::ReportPreprocessor;
use mdbook_report::render::ReportRenderer;
use report_tests::{FixtureBook, html_root, preprocessor_bin, renderer_command};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A report in miniature: two chapters, a part with writers' notes (a chapter with a
/// sub-chapter, a file beside them, demo data) and a progress page after a separator.
fn book(name: &str, draft_only: &str) -> FixtureBook {
    let book = FixtureBook::new(name, &[]);
    book.write(
        "book/SUMMARY.md",
        "# Summary\n\n- [引言](intro.md)\n- [贸易合作](trade.md)\n\n# 附录\n\n\
         - [写作说明](notes/index.md)\n  - [数据写法](notes/data.md)\n\n---\n\n[编写进度](progress.md)\n",
    );
    book.write("book/intro.md", "# 引言\n\n正文。\n");
    book.write("book/trade.md", "# 贸易合作\n\n{{#table trade}}\n");
    book.write("book/notes/index.md", "# 写作说明\n\n只给写作者看。\n");
    book.write("book/notes/data.md", "# 数据写法\n\n示例。\n");
    book.write(
        "book/notes/picture.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    book.write("book/data/demo/sales.csv", "年份,销售额\n2024,1\n");
    book.write("book/data/trade.csv", "年份,出口额\n2024,1079.6\n");
    book.write(
        "book/data/trade.toml",
        "title = \"出口额\"\nsource = \"商会\"\nwriter-notes = \"只给合作者：待核实\"\n",
    );
    // Excel's lock file beside an open workbook: it holds the writer's user name.
    book.write("book/data/~$trade.xlsx", "张三");
    book.write("book/progress.md", "# 编写进度\n\n尚有待完成的内容。\n");
    let command = preprocessor_bin().display().to_string();
    book.write(
        "book.toml",
        &format!(
            "[book]\ntitle = \"测试\"\nlanguage = \"zh-CN\"\nsrc = \"book\"\n\n[build]\n\
             build-dir = \"target/book\"\n\n[preprocessor.report]\ncommand = {command:?}\n\
             before = [\"links\"]\n\n[output.html]\n\n[output.report]\ncommand = {:?}\n\
             draft-only = {draft_only}\nnot-in-final = [\"progress.md\"]\n",
            renderer_command()
        ),
    );
    book
}

const DRAFT_ONLY: &str = "[\"notes/\", \"data/demo\"]";

#[test]
fn each_mode_leaves_out_more_chapters_and_files() {
    let book = book("modes", DRAFT_ONLY);
    let html = |path: &str| html_root(&book.root).join(path);

    let draft = book.build_cli(&[]);
    assert!(draft.status.success(), "{}", stderr(&draft));
    assert!(html("notes/data.html").is_file());
    assert!(html("notes/picture.svg").is_file());
    assert!(html("data/demo/sales.csv").is_file());
    assert!(html("data/trade.toml").is_file(), "writers see their data");
    assert!(
        !html("data/~$trade.xlsx").exists(),
        "a lock file was copied"
    );
    assert!(book.page("toc.html").contains("附录"));

    let publish = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "publish")]);
    let log = stderr(&publish);
    assert!(publish.status.success(), "{log}");
    assert!(
        log.contains("book/notes/index.md、book/notes/data.md"),
        "the log names what it left out: {log}"
    );
    assert!(!html("notes").exists(), "notes/ was published");
    assert!(!html("data/demo").exists(), "the demo data was published");
    assert!(
        !html("data").exists(),
        "the raw data and its writers' notes were published"
    );
    let downloads: Vec<_> = fs::read_dir(html("downloads"))
        .expect("the table's downloads")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(downloads.len(), 2, "{downloads:?}");
    let toc = book.page("toc.html");
    assert!(!toc.contains("写作说明") && !toc.contains("附录"), "{toc}");
    assert!(
        toc.contains("progress.html"),
        "publish keeps the progress page"
    );
    assert!(!book.page("print.html").contains("只给写作者看"));

    let last = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "final")]);
    assert!(last.status.success(), "{}", stderr(&last));
    assert!(
        !html("progress.html").exists(),
        "final keeps the progress page"
    );
    let toc = book.page("toc.html");
    assert!(
        !toc.contains("progress.html") && toc.contains("trade.html"),
        "{toc}"
    );
    assert!(!book.page("print.html").contains("尚有待完成"));
}

#[test]
fn a_draft_only_path_that_names_nothing_fails_the_build_and_says_which() {
    let book = book("misspelt", "[\"note/\"]");
    let out = book.build_cli(&[]);
    let log = stderr(&out);
    assert!(
        !out.status.success(),
        "a misspelt path must not pass: {log}"
    );
    assert!(
        log.contains("draft-only 中的「note/」在 book/ 下不存在"),
        "{log}"
    );
}

#[test]
fn a_path_that_leaves_the_book_is_refused() {
    let book = book("escape", "[\"../outside\"]");
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "publish")]);
    let log = stderr(&out);
    assert!(!out.status.success(), "{log}");
    assert!(log.contains("「../outside」无效"), "{log}");
}

#[test]
fn the_renderer_works_in_process_and_writes_what_the_pdf_needs() {
    let book = book("in-process", DRAFT_ONLY);
    let mut mdbook = MDBook::load(&book.root).unwrap();
    mdbook
        .config
        .set("preprocessor.report.mode", "publish")
        .unwrap();
    mdbook.with_preprocessor(ReportPreprocessor);
    mdbook.with_renderer(ReportRenderer);
    mdbook.build().unwrap();
    let html = html_root(&book.root);
    assert!(html.ends_with("html"));
    assert!(html.join("trade.html").is_file());
    assert!(!html.join("notes").exists() && !html.join("data/demo").exists());
    let edition = fs::read_to_string(book.root.join("target/book/report/edition.json")).unwrap();
    let edition: serde_json::Value = serde_json::from_str(&edition).unwrap();
    assert_eq!(edition["mode"], "publish");
    assert_eq!(edition["title"], "测试");
    let chapters: Vec<(String, String)> = edition["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["number"].as_str().unwrap_or("").to_string(),
                c["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        chapters,
        [
            ("1".to_string(), "引言".to_string()),
            ("2".to_string(), "贸易合作".to_string()),
            (String::new(), "编写进度".to_string())
        ]
    );
}
