//! Remarks and the progress page, and the originality check's sources: writers' text that
//! looks like markup or a directive, and a source file outside the book.

use crate::harness::*;

/// A book with a chapter `a.md` holding `chapter` and a progress page; `expect` is checked
/// on the progress page.
fn with_progress(name: &'static str, chapter: &str, contains: &[&str]) -> Case {
    let mut case = Case::chapter(name, chapter, html(&[]));
    case.chapters.push(("progress.md", "编写进度"));
    case.entries.push(Entry::File(
        "book/progress.md",
        b"# \xE7\xBC\x96\xE5\x86\x99\xE8\xBF\x9B\xE5\xBA\xA6\n\n{{#progress}}\n".to_vec(),
    ));
    case.expect = Expect::Html {
        page: "progress.html",
        contains: contains.iter().map(|s| s.to_string()).collect(),
    };
    case
}

pub fn cases() -> Vec<Case> {
    vec![
        with_progress(
            "remark-with-markup",
            "# 甲\n\n## 现状\n\n正文。\n{{#remark <img src=x onerror=alert(1)> 与 | 竖线}}\n",
            &["<li class=\"report-progress-remark\">&lt;img src=x onerror=alert(1)&gt; 与 | 竖线</li>"],
        )
        .forbid("<img src=x"),
        with_progress(
            "remark-with-a-directive",
            "# 甲\n\n## 现状\n\n正文。\n{{#remark 见 {{#include ../../secret.txt}}\n",
            &["见 {{#include ../../secret.txt"],
        ),
        Case::chapter(
            "remark-leaves-no-trace",
            "# 甲\n\n第一句，\n{{#remark 备注}}\n第二句。\n",
            html(&["<p>第一句，\n第二句。</p>"]),
        ),
        Case::chapter(
            "remark-without-text",
            "# 甲\n\n{{#remark   }}\n",
            error("book/a.md:3", "没有写备注内容"),
        ),
        Case::chapter(
            "originality-source-outside-the-book-stays-out-of-the-output",
            "# 甲\n\n正文照常。\n",
            text(&["正文照常。"]),
        )
        .config("[preprocessor.report.originality]\nsources = [\"../secret.txt\"]\nfail = \"always\""),
        Case::chapter(
            "originality-source-inside-the-book",
            "# 甲\n\n正文。\n",
            fails("查重来源不能随书发布"),
        )
        .file("book/data/seed.txt", "种子")
        .config("[preprocessor.report.originality]\nsources = [\"book/data\"]"),
    ]
}
