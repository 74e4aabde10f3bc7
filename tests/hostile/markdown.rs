//! Placeholders in every Markdown construct, escapes, and text from data that looks like
//! markup or an mdBook directive.

use crate::harness::*;

const CSV: &str = "年份,出口额\n2023,1020.56\n2024,1079.6\n";
const META: &str = "title = \"出口额\"\nunit = \"亿美元\"\nsource = \"商会\"\n";

fn value_in(name: &'static str, chapter: &str, expect: Expect) -> Case {
    Case::chapter(name, chapter, expect).data("book/data/t.csv", CSV, META)
}

pub fn cases() -> Vec<Case> {
    let v = "{{#value t row=2024 col=出口额}}";
    vec![
        value_in(
            "paragraph",
            &format!("# 甲\n\n出口{v}。\n"),
            text(&["出口1079.6亿美元。"]),
        ),
        value_in(
            "escaped",
            &format!("# 甲\n\n写法：\\{v}\n"),
            html(&["写法：{{#value t row=2024 col=出口额}}"]),
        ),
        value_in(
            "inline-code",
            &format!("# 甲\n\n`{v}`\n"),
            html(&["<code>{{#value t row=2024 col=出口额}}</code>"]),
        ),
        value_in(
            "list-item",
            &format!("# 甲\n\n- 出口{v}\n"),
            html(&["<li>出口<span"]),
        ),
        value_in(
            "blockquote",
            &format!("# 甲\n\n> 出口{v}\n"),
            text(&["出口1079.6亿美元"]),
        ),
        value_in(
            "unknown-column",
            "# 甲\n\n出口{{#value t row=2024 col=出口}}。\n",
            error("book/a.md:3", "没有「出口」这一列，是不是想写「出口额」？"),
        ),
        Case::chapter(
            "html-in-a-cell",
            "# 甲\n\n{{#table t}}\n",
            text(&["<script>alert(1)</script>"]),
        )
        .data(
            "book/data/t.csv",
            "名称,值\n<script>alert(1)</script>,1\n",
            META,
        )
        .forbid("<script>alert(1)"),
        Case::chapter(
            "final-refuses-pending",
            "# 甲\n\n{{#pending 数据待补充}}\n",
            fails("final 构建未通过"),
        )
        .mode(Mode::Final),
    ]
}
