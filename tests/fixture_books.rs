//! Small books that exercise one behaviour each, built in process through `mdbook-driver`
//! or with the pinned mdBook CLI and the release preprocessor.

use std::fs;

use regex::Regex;
use report_tests::{FixtureBook, html_pages, html_root, main_of, renderer_command, text_of};

const META: &str = "title = \"进出口\"\nunit = \"亿美元\"\nsource = \"中国医药保健品进出口商会\"\nas-of = \"2024年\"\n";
const CSV: &str = "年份,出口额,进口额\n2023,1020.56,\n2024,1079.6,914.1\n";

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn escapes_and_code_are_left_as_written() {
    let book = FixtureBook::new("escape", &[("a.md", "甲")]);
    book.dataset("trade", CSV, META);
    book.write(
        "book/a.md",
        "# 甲\n\n写法：\\{{#value trade row=2024 col=出口额}}\n\n行内 `{{#value trade row=2024 col=出口额}}`\n\n```text\n{{#table trade}}\n```\n\n    {{#table trade}}\n\n实际：{{#value trade row=2024 col=出口额}}\n",
    );
    book.build_in_process().unwrap();
    let main = main_of(&book.page("a.html")).to_string();
    assert!(
        main.contains("写法：{{#value trade row=2024 col=出口额}}"),
        "{main}"
    );
    assert!(
        main.contains("<code>{{#value trade row=2024 col=出口额}}</code>"),
        "{main}"
    );
    assert_eq!(main.matches("{{#table trade}}").count(), 2, "{main}");
    assert!(text_of(&main).contains("实际：1079.6亿美元"), "{main}");
    assert!(!main.contains("\\{{#"), "the escape backslash is removed");
}

#[test]
fn draft_build_shows_errors_in_the_page_and_the_log() {
    let book = FixtureBook::new("draft-error", &[("a.md", "甲")]);
    book.dataset("trade", CSV, META);
    book.write(
        "book/a.md",
        "# 甲\n\n出口{{#value trade row=2024 col=出口}}。\n",
    );
    let out = book.build_cli(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("book/a.md:3: 数据集「trade」没有「出口」这一列，是不是想写「出口额」？"),
        "{}",
        stderr(&out)
    );
    let main = main_of(&book.page("a.html")).to_string();
    assert!(
        main.contains(
            "<span class=\"report-error\" role=\"alert\"><strong>占位符错误</strong> book/a.md:3:"
        ),
        "{main}"
    );
}

#[test]
fn fail_on_error_switch_fails_a_draft_build() {
    let book = FixtureBook::new("fail-on-error", &[("a.md", "甲")]);
    book.dataset("trade", CSV, META);
    book.config("fail-on-error = true");
    book.write("book/a.md", "# 甲\n\n{{#table trade cols=年份,出口}}\n");
    let out = book.build_cli(&[]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("draft 构建未通过：1 个占位符错误。完整清单："),
        "{err}"
    );
    assert!(
        err.contains("book/a.md:3: 数据集「trade」没有「出口」这一列，是不是想写「出口额」？"),
        "{err}"
    );
}

#[test]
fn publish_build_refuses_placeholder_errors() {
    let book = FixtureBook::new("publish-error", &[("a.md", "甲")]);
    book.write("book/a.md", "# 甲\n\n{{#value nowhere row=1 col=x}}\n");
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "publish")]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("publish 构建未通过：1 个占位符错误"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn final_build_with_nothing_pending_has_no_callouts() {
    let book = FixtureBook::new("final-clean", &[("a.md", "甲"), ("b.md", "乙")]);
    book.dataset(
        "trade",
        CSV.replace("2023,1020.56,", "2023,1020.56,900").as_str(),
        META,
    );
    book.write(
        "book/a.md",
        "# 甲\n\n## 现状\n\n出口{{#value trade row=2024 col=出口额}}，见{{#ref t}}。\n",
    );
    book.write(
        "book/b.md",
        "# 乙\n\n{{#table trade id=t}}\n\n{{#chart trade kind=grouped}}\n",
    );
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "final")]);
    assert!(out.status.success(), "{}", stderr(&out));
    for page in html_pages(&book.root) {
        let html = fs::read_to_string(&page).unwrap();
        assert!(
            !html.contains("report-pending"),
            "{} has a callout",
            page.display()
        );
        assert!(
            !html.contains("report-error"),
            "{} has an error box",
            page.display()
        );
    }
}

#[test]
fn final_build_fails_listing_every_pending_item() {
    let book = FixtureBook::new("final-pending", &[("a.md", "甲")]);
    book.dataset("trade", CSV, META);
    book.write(
        "book/a.md",
        "# 甲\n\n## 现状\n\n{{#pending 补充2023年进口数据}}\n\n正文【待补充数据】。\n\n{{#table trade}}\n",
    );
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "final")]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("final 构建未通过："), "{err}");
    for line in ["book/a.md:5", "book/a.md:7", "book/a.md:9"] {
        assert!(err.contains(line), "{line} missing from:\n{err}");
    }
}

#[test]
fn draft_log_lists_pending_items_with_file_and_line() {
    let book = FixtureBook::new("draft-log", &[("a.md", "甲")]);
    book.write("book/a.md", "# 甲\n\n## 现状\n\n{{#pending 补充数据}}\n");
    let out = book.build_cli(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("book/a.md:5"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("补充数据"), "{line}");
    assert!(line.contains("现状"), "{line}");
}

#[test]
fn gbk_csv_from_excel_renders_correctly() {
    let book = FixtureBook::new("gbk", &[("a.md", "甲")]);
    let (gbk, _, _) = encoding_rs::GBK.encode(CSV);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the fixture must really be GBK"
    );
    book.write_bytes("book/data/trade.csv", &gbk);
    book.write("book/data/trade.toml", META);
    book.write("book/a.md", "# 甲\n\n{{#table trade}}\n");
    book.build_in_process().unwrap();
    let main = main_of(&book.page("a.html")).to_string();
    assert!(
        main.contains("<th scope=\"col\" class=\"keep\">年份</th>"),
        "{main}"
    );
    assert!(main.contains("<td class=\"num\">1079.6</td>"), "{main}");
}

#[test]
fn each_table_links_the_data_it_shows_from_nested_chapters() {
    let book = FixtureBook::new("download", &[("sub/a.md", "甲")]);
    book.config(&format!(
        "\n[output.html]\n\n[output.report]\ncommand = {:?}\n",
        renderer_command()
    ));
    book.dataset("trade", CSV, META);
    book.write("book/sub/a.md", "# 甲\n\n{{#table trade}}\n");
    let out = book.build_cli(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let main = main_of(&book.page("sub/a.html")).to_string();
    let link = Regex::new(
        r#"href="\.\./downloads/(trade-[0-9a-f]{16})\.xlsx" download="表1-1 [^"]+\.xlsx""#,
    )
    .unwrap();
    let stem = &link.captures(&main).unwrap_or_else(|| panic!("{main}"))[1];
    let downloads = html_root(&book.root).join("downloads");
    let xlsx = fs::read(downloads.join(format!("{stem}.xlsx"))).unwrap();
    assert!(xlsx.starts_with(b"PK"), "not a workbook");
    let csv = fs::read(downloads.join(format!("{stem}.csv"))).unwrap();
    assert!(csv.starts_with("\u{FEFF}表1-1 ".as_bytes()));
}

#[test]
fn refs_link_across_chapters_and_in_print() {
    let book = FixtureBook::new("refs", &[("a.md", "甲"), ("b.md", "乙")]);
    book.dataset("trade", CSV, META);
    book.write("book/a.md", "# 甲\n\n如{{#ref exports}}所示。\n");
    book.write(
        "book/b.md",
        "# 乙\n\n{{#chart trade kind=bar y=出口额 id=exports}}\n",
    );
    book.build_in_process().unwrap();
    let a = main_of(&book.page("a.html")).to_string();
    assert!(
        a.contains("<a class=\"report-ref\" href=\"b.html#fig-exports\">图2-1</a>"),
        "{a}"
    );
    let print = book.page("print.html");
    assert!(
        print.contains("href=\"#fig-exports\">图2-1</a>"),
        "print.html link"
    );
    assert!(print.contains("id=\"fig-exports\""));
}

#[test]
fn other_renderers_get_markdown() {
    let book = FixtureBook::new("markdown", &[("a.md", "甲")]);
    book.dataset("trade", CSV, META);
    book.config("\n[output.html]\n\n[output.markdown]\n");
    book.write(
        "book/a.md",
        "# 甲\n\n{{#table trade}}\n\n{{#chart trade kind=bar y=出口额}}\n",
    );
    book.build_in_process().unwrap();
    let md = fs::read_to_string(book.root.join("target/book/markdown/a.md")).unwrap();
    assert!(md.contains("| 年份 | 出口额 | 进口额 |"), "{md}");
    assert!(!md.contains("<table") && !md.contains("<svg"), "{md}");
    let html = fs::read_to_string(book.root.join("target/book/html/a.html")).unwrap();
    assert!(html.contains("<svg"));
}

#[test]
fn identical_input_gives_identical_bytes() {
    let book = FixtureBook::new("determinism", &[("a.md", "甲")]);
    book.dataset("trade", CSV, META);
    book.write(
        "book/a.md",
        "# 甲\n\n{{#table trade yoy=出口额}}\n\n{{#chart trade kind=grouped}}\n\n{{#chart trade kind=pie y=出口额}}\n",
    );
    book.build_in_process().unwrap();
    let first = book.page("a.html");
    book.build_in_process().unwrap();
    assert_eq!(first, book.page("a.html"));
}

#[test]
fn typos_open_placeholders_and_included_placeholders_are_reported() {
    let book = FixtureBook::new("syntax", &[("a.md", "甲")]);
    book.dataset("trade", CSV, META);
    book.write("book/inc.md", "出口{{#value trade row=2024 col=出口额}}\n");
    book.write(
        "book/a.md",
        "# 甲\n\n{{#tabel trade}}\n\n出口为{{#value trade row=2024 col=出口额\n\n## 下一节\n\n{{#include inc.md}}\n",
    );
    let out = book.build_cli(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for line in [
        "book/a.md:3: 未知的占位符「{{#tabel}}」，是不是想写「{{#table}}」？",
        "book/a.md:5: 占位符「{{#value」没有闭合：请在同一行内以 }} 结束",
        "book/a.md:9: {{#include}} 引入的 inc.md 第1行有占位符 {{#value trade row=2024 col=出口额}}：被引入的内容不会再展开占位符；请把它写在章节文件里",
    ] {
        assert!(err.contains(line), "{line}\nnot in:\n{err}");
    }
    let main = main_of(&book.page("a.html")).to_string();
    assert!(
        main.contains("<h2 id=\"下一节\">"),
        "the heading after an open placeholder survives: {main}"
    );
    assert_eq!(main.matches("class=\"report-error\"").count(), 3, "{main}");
    let publish = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "publish")]);
    assert!(!publish.status.success(), "none of these may be published");
}

#[test]
fn a_table_in_a_list_item_stays_in_the_list() {
    let book = FixtureBook::new("list", &[("a.md", "甲")]);
    book.dataset("trade", CSV, META);
    book.write(
        "book/a.md",
        "# 甲\n\n1. 第一项\n\n   {{#table trade}}\n\n   续写第一项。\n2. 第二项\n",
    );
    book.build_in_process().unwrap();
    let main = main_of(&book.page("a.html")).to_string();
    assert_eq!(main.matches("<ol").count(), 1, "{main}");
    let first = &main[main.find("<li>").unwrap()..main.find("</li>").unwrap()];
    assert!(
        first.contains("report-table") && first.contains("续写第一项"),
        "{first}"
    );
}

#[test]
fn publish_removes_editorial_notes_and_says_so() {
    let book = FixtureBook::new("editorial", &[("a.md", "甲")]);
    book.write(
        "book/a.md",
        "# 甲\n\n## 现状\n\n正文（可以用你写好的那段）继续。\n",
    );
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "publish")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("[report] 已删去编辑备注 book/a.md:5"),
        "{}",
        stderr(&out)
    );
    let main = main_of(&book.page("a.html")).to_string();
    assert!(main.contains("正文继续。"), "{main}");
    assert!(!main.contains("可以用你写好的那段"), "{main}");
    let draft = book.build_cli(&[]);
    assert!(draft.status.success());
    assert!(
        main_of(&book.page("a.html")).contains("可以用你写好的那段"),
        "drafts show it"
    );
}
