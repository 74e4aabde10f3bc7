//! The progress page and `{{#remark}}`, in real builds with the pinned mdBook CLI.

use std::fs;

use report_tests::{FixtureBook, html_pages, main_of, text_of};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const CAPACITY: &str = "# 产能合作\n\n## 现状\n\n建厂情况，\n{{#remark 其他的挑战和政策目前没想到}}\n见下文。\n\n## 挑战\n\n挑战。\n\n## 政策\n\n政策。\n";

/// A book with a remark in a cooperation chapter and a progress page.
fn remark_book(name: &str) -> FixtureBook {
    let book = FixtureBook::new(
        name,
        &[("capacity.md", "产能合作"), ("progress.md", "编写进度")],
    );
    book.write("book/capacity.md", CAPACITY);
    book.write("book/progress.md", "# 编写进度\n\n{{#progress}}\n");
    book
}

#[test]
fn a_remark_reaches_the_progress_page_and_nothing_else() {
    for mode in ["draft", "publish"] {
        let book = remark_book(&format!("remark-{mode}"));
        let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", mode)]);
        assert!(out.status.success(), "{mode}: {}", stderr(&out));
        let chapter = main_of(&book.page("capacity.html")).to_string();
        assert!(!chapter.contains("没想到"), "{mode}: {chapter}");
        assert!(!chapter.contains("remark"), "{mode}: {chapter}");
        assert!(
            text_of(&chapter).contains("建厂情况，\n见下文。"),
            "{mode}: the paragraph around a remark stays one: {chapter}"
        );
        let progress = main_of(&book.page("progress.html")).to_string();
        assert!(
            progress
                .contains("<li class=\"report-progress-remark\">其他的挑战和政策目前没想到</li>"),
            "{mode}: {progress}"
        );
        // Only the progress page holds it (print.html gathers every page).
        for page in html_pages(&book.root) {
            let name = page.file_name().unwrap().to_string_lossy().into_owned();
            if name != "progress.html" && name != "print.html" {
                let html = fs::read_to_string(&page).unwrap();
                assert!(!html.contains("没想到"), "{mode}: {name} shows the remark");
            }
        }
    }
}

#[test]
fn a_final_build_passes_with_remarks_and_logs_where_they_are() {
    let book = FixtureBook::new("remark-final", &[("capacity.md", "产能合作")]);
    book.write("book/capacity.md", CAPACITY);
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "final")]);
    let log = stderr(&out);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("定稿不显示这 1 条进度备注"), "{log}");
    assert!(
        log.contains("book/capacity.md:6  其他的挑战和政策目前没想到"),
        "{log}"
    );
    assert!(!main_of(&book.page("capacity.html")).contains("没想到"));
}

#[test]
fn an_empty_remark_is_an_error_with_its_place() {
    let book = FixtureBook::new("remark-empty", &[("capacity.md", "产能合作")]);
    book.write("book/capacity.md", "# 产能合作\n\n{{#remark}}\n");
    let out = book.build_cli(&[]);
    let log = stderr(&out);
    assert!(out.status.success(), "{log}");
    assert!(
        log.contains("book/capacity.md:3: {{#remark}} 没有写备注内容"),
        "{log}"
    );
    let page = main_of(&book.page("capacity.html")).to_string();
    assert!(page.contains("class=\"report-error\""), "{page}");
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "publish")]);
    assert!(!out.status.success(), "an empty remark never publishes");
}

#[test]
fn a_missing_cell_shown_by_a_table_a_chart_and_a_value_is_one_gap() {
    let book = FixtureBook::new(
        "progress-gap",
        &[("trade.md", "贸易合作"), ("progress.md", "编写进度")],
    );
    book.dataset(
        "trade",
        "年份,出口额,进口额\n2023,1020.56,\n2024,1079.6,914.1\n",
        "title = \"进出口\"\nunit = \"亿美元\"\nsource = \"中国医药保健品进出口商会\"\n",
    );
    book.write(
        "book/trade.md",
        "# 贸易合作\n\n## 现状\n\n2023年进口{{#value trade row=2023 col=进口额}}。\n\n{{#table trade}}\n\n{{#chart trade kind=grouped x=年份 y=出口额,进口额}}\n\n## 挑战\n\n挑战。\n\n## 政策\n\n政策。\n",
    );
    book.write("book/progress.md", "# 编写进度\n\n{{#progress}}\n");
    let out = book.build_cli(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = main_of(&book.page("progress.html")).to_string();
    assert!(page.contains("全书共有 1 项待办：缺数据 1 项。"), "{page}");
    assert_eq!(page.matches("「2023」的「进口额」").count(), 1, "{page}");
    let text = text_of(&page);
    assert!(text.contains("（见正文、表格、图表）"), "{text}");
    // Each place links to its callout.
    let trade = book.page("trade.html");
    let anchors: Vec<&str> = page
        .match_indices("<a href=\"trade.html#")
        .map(|(i, m)| {
            let rest = &page[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(anchors.len(), 3, "{page}");
    for anchor in anchors {
        assert!(
            trade.contains(&format!("id=\"{anchor}\"")),
            "{anchor} is not in trade.html"
        );
    }
    // The log still names each place.
    assert_eq!(stderr(&out).matches("「2023」的「进口额」").count(), 3);
}
