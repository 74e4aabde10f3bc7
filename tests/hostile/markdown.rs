//! Placeholders in every Markdown construct, escapes, and text from data that looks like
//! markup or an mdBook directive.

use report_core::kind::Kind;

use crate::harness::*;

const CSV: &str = "年份,出口额\n2023,1020.56\n2024,1079.6\n";
const META: &str = "title = \"出口额\"\nunit = \"亿美元\"\nsource = \"商会\"\n";

fn value_in(name: &'static str, chapter: &str, expect: Expect) -> Case {
    Case::chapter(name, chapter, expect).data("book/data/t.csv", CSV, META)
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

pub fn cases() -> Vec<Case> {
    let mut cases = basics();
    cases.extend(data_text());
    cases.extend(inline_data());
    cases.extend(symlinks());
    cases.extend(registry());
    cases.extend(constructs());
    cases.extend(spellings());
    cases.extend(includes());
    cases.extend(arguments());
    cases.extend(settings());
    cases
}

fn basics() -> Vec<Case> {
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

/// A CSV field, quoted.
fn csv_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    format!(
        "\"{}\"",
        text.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

/// Every text a dataset or an option carries to a page.
#[derive(Clone, Copy, Debug)]
enum Slot {
    /// A text cell shown by `{{#table}}`.
    TableCell,
    /// A text cell shown inline by `{{#value}}`.
    ValueCell,
    /// A column name (table heading).
    Column,
    /// The sidecar's `title` (table caption).
    Title,
    /// The sidecar's `source` (数据来源 line, and the value's tooltip).
    Source,
    /// The sidecar's `notes` (注 line).
    Notes,
    /// The sidecar's `unit` (caption).
    Unit,
    /// The sidecar's `as-of`.
    AsOf,
    /// A category of a chart (axis label and data table).
    ChartLabel,
    /// A series of a chart (legend and data table): a column name.
    ChartSeries,
    /// The `title=` option, echoed into the caption.
    TitleOption,
    /// A row name that `row=` asks for and that does not exist, echoed in the error box.
    ErrorEcho,
}

const SLOTS: [Slot; 12] = [
    Slot::TableCell,
    Slot::ValueCell,
    Slot::Column,
    Slot::Title,
    Slot::Source,
    Slot::Notes,
    Slot::Unit,
    Slot::AsOf,
    Slot::ChartLabel,
    Slot::ChartSeries,
    Slot::TitleOption,
    Slot::ErrorEcho,
];

/// A book that carries `payload` in `slot`; the page must show it as written.
fn carrying(name: &'static str, slot: Slot, payload: &str, shown: &[&str]) -> Case {
    let mut title = "出口额".to_string();
    let mut source = "商会".to_string();
    let mut unit = "亿美元".to_string();
    let mut extra = String::new();
    let mut label = "原料药".to_string();
    let mut column = "出口额".to_string();
    let mut chapter = "# 甲\n\n{{#table t}}\n".to_string();
    match slot {
        Slot::TableCell => label = payload.to_string(),
        Slot::ValueCell => {
            label = payload.to_string();
            chapter = "# 甲\n\n品类为{{#value t row=2024 col=品类}}。\n".to_string();
        }
        Slot::Column => column = payload.to_string(),
        Slot::Title => title = payload.to_string(),
        Slot::Source => source = payload.to_string(),
        Slot::Notes => extra = format!("notes = {}\n", toml_string(payload)),
        Slot::Unit => unit = payload.to_string(),
        Slot::AsOf => extra = format!("as-of = {}\n", toml_string(payload)),
        Slot::ChartLabel => {
            label = payload.to_string();
            chapter = "# 甲\n\n{{#chart t x=品类 y=出口额}}\n".to_string();
        }
        Slot::ChartSeries => {
            column = payload.to_string();
            chapter = "# 甲\n\n{{#chart t x=品类}}\n".to_string();
        }
        Slot::TitleOption => {
            chapter = format!(
                "# 甲\n\n{{{{#table t title={}}}}}\n",
                quoted_option(payload)
            );
        }
        Slot::ErrorEcho => {
            chapter = format!(
                "# 甲\n\n出口{{{{#value t row={} col=出口额}}}}。\n",
                quoted_option(payload)
            );
        }
    }
    let csv = format!(
        "年份,品类,{}\n2024,{},1079.6\n",
        csv_field(&column),
        csv_field(&label)
    );
    let meta = format!(
        "title = {}\nunit = {}\nsource = {}\nkey = \"年份\"\n{extra}",
        toml_string(&title),
        toml_string(&unit),
        toml_string(&source)
    );
    let expect = match slot {
        Slot::ErrorEcho => error("book/a.md:3", shown[0]),
        _ => text(shown),
    };
    Case::chapter(name, &chapter, expect).data("book/data/t.csv", csv, &meta)
}

/// An option value as a writer quotes it: Chinese quotes hold anything but `”`.
fn quoted_option(text: &str) -> String {
    format!("“{text}”")
}

/// Directives and markup in every text data can carry: shown as text, never run.
fn data_text() -> Vec<Case> {
    // Each payload with what must not appear in the output if it ran.
    let payloads: [(&str, &str, &'static str); 8] = [
        ("include", "{{#include ../../secret.txt}}", ""),
        ("include-spaced", "{{ #include   ../../secret.txt }}", ""),
        (
            "rustdoc-include",
            "{{#rustdoc_include ../../secret.txt:1}}",
            "",
        ),
        ("playground", "{{#playground ../../secret.txt}}", ""),
        ("playpen", "{{#playpen ../../secret.txt editable}}", ""),
        ("title", "{{#title 被改了}}", "<title>被改了"),
        ("script", "<script>alert(1)</script>", "<script>alert(1)"),
        ("img", "<img src=x onerror=alert(1)>", "<img src=x"),
    ];
    let mut cases = Vec::new();
    for slot in SLOTS {
        // Cells reach the most places: every payload; the other texts the main three.
        let every = matches!(slot, Slot::TableCell | Slot::ValueCell | Slot::ChartLabel);
        for (what, payload, forbidden) in payloads {
            if !every && !matches!(what, "include" | "title" | "script") {
                continue;
            }
            let in_option = matches!(slot, Slot::TitleOption | Slot::ErrorEcho);
            let name = leak(format!("{slot:?}-{what}").to_lowercase());
            let mut case = if in_option && payload.contains("}}") {
                // `}}` ends a placeholder, quoted or not: the rest is an unclosed quote,
                // and the placeholder as written is echoed in the error box (with a space
                // before `}}`, the echo would be a working include if it were not escaped).
                let payload = payload.replace("}}", " 附}}");
                Case::chapter(
                    name,
                    &format!("# 甲\n\n{{{{#table t title=“{payload}”}}}}\n"),
                    error("book/a.md:3", "引号没有闭合"),
                )
                .data("book/data/t.csv", CSV, META)
            } else if matches!(slot, Slot::ErrorEcho) {
                let says = format!("里没有「{payload}」这一行");
                carrying(name, slot, payload, &[&says])
            } else {
                carrying(name, slot, payload, &[payload])
            };
            if !forbidden.is_empty() {
                case = case.forbid(forbidden);
            }
            cases.push(case);
        }
    }
    cases
}

/// A text cell `cell` shown inline by `{{#value}}` in `chapter` (where `V` stands for the
/// placeholder).
fn inline(name: &'static str, cell: &str, chapter: &str, expect: Expect) -> Case {
    let csv = format!("年份,品类,出口额\n2024,{},1079.6\n", csv_field(cell));
    let chapter = chapter.replace('V', "{{#value t row=2024 col=品类}}");
    Case::chapter(name, &chapter, expect).data("book/data/t.csv", csv, META)
}

/// Text from data inside a sentence: Markdown reads the text between inline tags, so
/// nothing in it may act as Markdown either; and the acceptance cases of issue 8 in every
/// mode and renderer.
fn inline_data() -> Vec<Case> {
    let include = "{{#include ../../secret.txt}}";
    let hostname = "{{#include /etc/hostname}}";
    let mut cases = vec![
        inline(
            "pipe-in-a-writers-table",
            "a|b",
            "# 甲\n\n| 项 | 值 |\n|---|---|\n| 品类 | V |\n",
            text(&["品类a|b"]),
        )
        .forbid("<td>b"),
        inline(
            "emphasis-stays-text",
            "**粗**与_斜_",
            "# 甲\n\n品类：V。\n",
            text(&["品类：**粗**与_斜_。"]),
        )
        .forbid("<strong>粗")
        .forbid("<em>斜"),
        inline(
            "backtick-opens-no-code-span",
            "`x",
            "# 甲\n\n品类V，另见 `代码`。\n",
            html(&["<code>代码</code>"]),
        )
        .forbid("<code>x"),
        inline(
            "link-syntax-stays-text",
            "[点我](javascript:alert(1))",
            "# 甲\n\n品类V。\n",
            text(&["[点我](javascript:alert(1))"]),
        )
        .forbid("href=\"javascript:"),
        inline(
            "autolink-stays-text",
            "<https://example.com>",
            "# 甲\n\n品类V。\n",
            text(&["<https://example.com>"]),
        )
        .forbid("href=\"https://example.com"),
        inline(
            "no-smart-punctuation-in-data",
            "1--2...3---4",
            "# 甲\n\n品类V。\n",
            text(&["1--2...3---4"]),
        ),
        inline(
            "entities-stay-as-written",
            "&lt;b&gt; &amp; &#123;",
            "# 甲\n\n品类V。\n",
            text(&["&lt;b&gt; &amp; &#123;"]),
        ),
        inline(
            "strikethrough-stays-text",
            "~~删~~",
            "# 甲\n\n品类V。\n",
            text(&["~~删~~"]),
        )
        .forbid("<del>删"),
        inline(
            "backslash-escape-stays",
            "\\{{#include ../../secret.txt}}",
            "# 甲\n\n品类V。\n",
            text(&["\\{{#include ../../secret.txt}}"]),
        ),
        inline(
            "heading-with-data",
            "{{#title 标题}}",
            "# 甲\n\n## 品类V\n",
            text(&["品类{{#title 标题}}"]),
        )
        .forbid("<title>标题"),
        inline(
            "value-in-a-heading-keeps-attributes-out",
            "x {#id .c}",
            "# 甲\n\n## 品类V\n",
            text(&["品类x {#id .c}"]),
        )
        .forbid("id=\"id\""),
        Case::chapter(
            "blank-line-in-a-note-keeps-the-table",
            "# 甲\n\n{{#table t}}\n",
            text(&["注：第一段", "第二段 {{#include ../../secret.txt}}"]),
        )
        .data(
            "book/data/t.csv",
            CSV,
            &format!("{META}notes = \"第一段\\n\\n第二段 {{{{#include ../../secret.txt}}}}\"\n"),
        ),
        inline(
            "markdown-renderer-escapes-directives",
            include,
            "# 甲\n\n品类V。\n",
            markdown(
                &["品类\\{\\{\\#include ../../secret.txt\\}\\}。"],
                &[include],
            ),
        ),
        Case::chapter(
            "markdown-renderer-pipe-in-a-cell",
            "# 甲\n\n{{#table t}}\n",
            markdown(&["| a\\|b |"], &["a|b"]),
        )
        .data("book/data/t.csv", "品类,出口额\n\"a|b\",1\n", META),
        Case::chapter(
            "markdown-renderer-title-in-a-cell",
            "# 甲\n\n{{#table t}}\n",
            markdown(&["\\{\\{\\#title X\\}\\}"], &["{{#title X}}"]),
        )
        .data("book/data/t.csv", "品类,出口额\n{{#title X}},1\n", META)
        .forbid("<title>X"),
        Case::chapter(
            "markdown-renderer-sidecar-note",
            "# 甲\n\n{{#table t}}\n",
            markdown(&["注：\\{\\{\\#include ../../secret.txt\\}\\}"], &[include]),
        )
        .data(
            "book/data/t.csv",
            CSV,
            &format!("{META}notes = \"{include}\"\n"),
        ),
    ];
    // The acceptance case of issue 8: a cell naming a system file, in every mode.
    for mode in [Mode::Draft, Mode::Publish, Mode::Final] {
        let name = leak(format!("hostname-cell-{mode:?}").to_lowercase());
        cases.push(
            Case::chapter(name, "# 甲\n\n{{#table t}}\n", text(&[hostname]))
                .data(
                    "book/data/t.csv",
                    format!("品类,出口额\n{hostname},1\n"),
                    META,
                )
                .mode(mode),
        );
    }
    cases
}

/// Links under `book/` that lead outside it fail every build, naming the link: mdBook's
/// static copy follows links and would deploy their targets.
fn symlinks() -> Vec<Case> {
    let table = "# 甲\n\n{{#table t}}\n";
    let outside_meta = "title = \"HOSTILE-SECRET-7f3a\"\nsource = \"HOSTILE-SECRET-7f3a\"\n";
    let mut cases = vec![
        Case::chapter(
            "symlink-file-outside",
            "# 甲\n",
            fails("book/leak.txt 是指向 book 目录之外的链接"),
        )
        .symlink("book/leak.txt", "../../secret.txt"),
        Case::chapter(
            "symlink-absolute",
            "# 甲\n",
            fails("book/hostname 是指向 book 目录之外的链接"),
        )
        .symlink("book/hostname", "/etc/hostname"),
        Case::chapter(
            "symlink-folder-outside",
            "# 甲\n",
            fails("book/assets 是指向 book 目录之外的链接"),
        )
        .symlink("book/assets", "../.."),
        Case::chapter(
            "symlink-deep-folder",
            "# 甲\n",
            fails("book/img/2024/logo.png 是指向 book 目录之外的链接"),
        )
        .symlink("book/img/2024/logo.png", "../../../../secret.txt"),
        Case::chapter(
            "symlink-sidecar-outside",
            table,
            fails("book/data/t.toml 是指向 book 目录之外的链接"),
        )
        .file("book/data/t.csv", CSV)
        .outside("meta.toml", outside_meta)
        .symlink("book/data/t.toml", "../../../meta.toml"),
        Case::chapter(
            "symlink-dataset-outside",
            table,
            fails("book/data/t.csv 是指向 book 目录之外的链接"),
        )
        .file("book/data/t.toml", META)
        .outside("t.csv", "年份,HOSTILE-SECRET-7f3a\n2024,1\n")
        .symlink("book/data/t.csv", "../../../t.csv"),
        Case::chapter(
            "symlink-chapter-outside",
            "",
            fails("book/b.md 是指向 book 目录之外的链接"),
        )
        .outside("b.md", "# HOSTILE-SECRET-7f3a\n")
        .symlink("book/b.md", "../../b.md"),
        Case::chapter(
            "symlink-dangling",
            "# 甲\n",
            fails("book/x.png 是符号链接，指向不存在的文件"),
        )
        .symlink("book/x.png", "nowhere.png"),
        Case::chapter(
            "symlink-inside-is-fine",
            table,
            text(&["表1-1 出口额", "1079.6"]),
        )
        .file("book/data/real/t.csv", CSV)
        .file("book/data/t.toml", META)
        .symlink("book/data/t.csv", "real/t.csv"),
        Case::chapter(
            "symlink-folder-inside-is-fine",
            "# 甲\n\n{{#value t/t row=2024 col=出口额}}\n",
            text(&["1079.6亿美元"]),
        )
        .file("book/data/real/t.csv", CSV)
        .file("book/data/real/t.toml", META)
        .symlink("book/data/t", "real"),
        Case::chapter(
            "symlink-back-in-through-outside",
            "# 甲\n",
            fails("book/loop 是指向 book 目录之外的链接"),
        )
        .symlink("book/loop", "../../root/book/.."),
    ];
    for mode in [Mode::Publish, Mode::Final] {
        let name = leak(format!("symlink-outside-{mode:?}").to_lowercase());
        cases.push(
            Case::chapter(
                name,
                "# 甲\n",
                fails("book/leak.txt 是指向 book 目录之外的链接"),
            )
            .symlink("book/leak.txt", "../../secret.txt")
            .mode(mode),
        );
    }
    cases
}

/// Every kind of the registry, written alone on a line, inside a sentence, misspelt in
/// case, with stray arguments and without its arguments: expanded or reported, never
/// published raw.
fn registry() -> Vec<Case> {
    let mut cases = Vec::new();
    for &kind in Kind::ALL {
        let name = kind.name();
        let spec = kind.spec();
        let args = if spec.data {
            "t row=2024 col=出口额"
        } else if spec.text {
            "说明"
        } else if kind == Kind::Ref {
            "t-1"
        } else {
            ""
        };
        let written = format!("{{{{#{name}");
        let with = |args: &str| {
            if args.is_empty() {
                format!("{{{{#{name}}}}}")
            } else {
                format!("{{{{#{name} {args}}}}}")
            }
        };
        let chapters = [
            (
                "alone",
                format!("# 甲\n\n{{{{#table t id=t-1}}}}\n\n{}\n", with(args)),
            ),
            (
                "inline",
                format!("# 甲\n\n{{{{#table t id=t-1}}}}\n\n句中{}。\n", with(args)),
            ),
            ("no-arguments", format!("# 甲\n\n{}\n", with(""))),
            (
                "stray-argument",
                format!("# 甲\n\n{}\n", with(&format!("{args} 多余=1"))),
            ),
            ("in-a-list", format!("# 甲\n\n- 项\n\n  {}\n", with(args))),
            ("in-a-quote", format!("# 甲\n\n> {}\n", with(args))),
        ];
        for (place, chapter) in chapters {
            let case_name = leak(format!("registry-{name}-{place}"));
            cases.push(Case::chapter(case_name, &chapter, handled(&written)).data(
                "book/data/t.csv",
                CSV,
                META,
            ));
        }
        let upper = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
        cases.push(
            Case::chapter(
                leak(format!("registry-{name}-capitalised")),
                &format!("# 甲\n\n句中{{{{#{upper} {args}}}}}。\n"),
                error("book/a.md:3", &format!("是不是想写「{{{{#{name}}}}}」")),
            )
            .data("book/data/t.csv", CSV, META),
        );
    }
    cases
}

/// A placeholder in every Markdown construct, read with mdBook's own parser options.
fn constructs() -> Vec<Case> {
    let v = "{{#value t row=2024 col=出口额}}";
    let shown = "1079.6亿美元";
    let expanded = |name: &'static str, chapter: String| {
        value_in(name, &chapter, text(&[shown])).forbid("{{#value")
    };
    vec![
        expanded("definition", format!("# 甲\n\n出口\n: 达到{v}\n")),
        // With mdBook's definition lists this is the definition's second paragraph; read
        // without them it would be indented code, published raw.
        expanded(
            "definition-continuation",
            format!("# 甲\n\n出口\n:   定义\n\n    其中{v}\n"),
        ),
        value_in(
            "definition-lists-off-makes-it-code",
            &format!("# 甲\n\n出口\n:   定义\n\n    其中{v}\n"),
            html(&["<code>其中{{#value t row=2024 col=出口额}}"]),
        )
        .book_toml("[output.html]\ndefinition-lists = false\n"),
        expanded(
            "pipe-table",
            format!("# 甲\n\n| 项 | 值 |\n|---|---|\n| 出口 | {v} |\n"),
        ),
        expanded("heading", format!("# 甲\n\n## 出口{v}\n")),
        expanded(
            "link-text",
            format!("# 甲\n\n[出口{v}](https://example.com)\n"),
        ),
        expanded("footnote", format!("# 甲\n\n正文[^1]\n\n[^1]: 出口{v}\n")),
        expanded("ordered-list", format!("# 甲\n\n1. 出口{v}\n2. 其他\n")),
        expanded("task-list", format!("# 甲\n\n- [x] 出口{v}\n")),
        expanded(
            "nested-quote-in-list",
            format!("# 甲\n\n- 项\n\n  > 出口{v}\n"),
        ),
        expanded(
            "html-block",
            format!("# 甲\n\n<div class=\"x\">出口{v}</div>\n"),
        ),
        expanded("admonition", format!("# 甲\n\n> [!NOTE]\n> 出口{v}\n")),
        expanded("emphasis", format!("# 甲\n\n**出口{v}**\n")),
        expanded("strikethrough", format!("# 甲\n\n~~出口{v}~~\n")),
        expanded("setext-heading", format!("# 甲\n\n出口{v}\n---\n")),
        expanded("after-a-hard-break", format!("# 甲\n\n第一行\\\n出口{v}\n")),
        Case::chapter(
            "table-in-an-admonition",
            "# 甲\n\n> [!NOTE]\n> {{#table t}}\n",
            html(&["<blockquote", "<div class=\"report-table\""]),
        )
        .data("book/data/t.csv", CSV, META),
        Case::chapter(
            "table-in-a-list-item",
            "# 甲\n\n- 项\n\n  {{#table t}}\n\n- 下一项\n",
            html(&["<li>", "<div class=\"report-table\""]),
        )
        .data("book/data/t.csv", CSV, META),
        value_in(
            "fenced-code-stays-code",
            &format!("# 甲\n\n~~~\n{v}\n~~~\n"),
            html(&["<code>{{#value t row=2024 col=出口额}}"]),
        ),
        value_in(
            "double-backtick-code-span",
            &format!("# 甲\n\n`` a`{v} ``\n"),
            html(&["<code>a`{{#value t row=2024 col=出口额}}</code>"]),
        ),
        value_in(
            "indented-code-stays-code",
            &format!("# 甲\n\n    {v}\n"),
            html(&["<code>{{#value t row=2024 col=出口额}}"]),
        ),
        value_in(
            "html-comment-stays-hidden",
            &format!("# 甲\n\n<!-- 待写：{v} -->\n\n正文。\n"),
            text(&["正文。"]),
        ),
        value_in(
            "link-destination",
            &format!("# 甲\n\n[出口]({v})\n"),
            error("book/a.md:3", "不能写在链接地址"),
        ),
        value_in(
            "autolink",
            &format!("# 甲\n\n<https://example.com/{v}>\n"),
            error("book/a.md:3", "不能写在链接地址"),
        ),
        value_in(
            "image-source",
            &format!("# 甲\n\n![图]({v})\n"),
            error("book/a.md:3", "不能写在链接地址"),
        ),
        value_in(
            "html-attribute",
            &format!("# 甲\n\n<span title=\"{v}\">出口</span>\n"),
            error("book/a.md:3", "HTML 标签"),
        ),
        value_in(
            "html-block-attribute",
            &format!("# 甲\n\n<div title=\"{v}\">\n出口\n</div>\n"),
            error("book/a.md:3", "HTML 标签"),
        ),
        Case::chapter(
            "table-in-a-heading",
            "# 甲\n\n## {{#table t}}\n",
            error("book/a.md:3", "必须单独占一行"),
        )
        .data("book/data/t.csv", CSV, META),
        Case::chapter(
            "table-after-a-list-marker",
            "# 甲\n\n- {{#table t}}\n",
            error("book/a.md:3", "另起一行"),
        )
        .data("book/data/t.csv", CSV, META),
        Case::chapter(
            "table-in-a-table-cell",
            "# 甲\n\n| a |\n|---|\n| {{#table t}} |\n",
            error("book/a.md:5", "必须单独占一行"),
        )
        .data("book/data/t.csv", CSV, META),
        Case::chapter(
            "progress-inline",
            "# 甲\n\n见{{#progress}}。\n",
            error("book/a.md:3", "必须单独占一行"),
        ),
        value_in(
            "smart-punctuation-off",
            &format!("# 甲\n\n\"出口\"{v}\n"),
            text(&["\"出口\"1079.6亿美元"]),
        )
        .book_toml("[output.html]\nsmart-punctuation = false\n"),
    ]
}

/// Every spelling mdBook's `links` accepts (white space after `{{`, tabs), and the near
/// misses a writer types: expanded or reported, never published raw.
fn spellings() -> Vec<Case> {
    let shown = "1079.6亿美元";
    vec![
        value_in(
            "space-after-braces",
            "# 甲\n\n出口{{ #value t row=2024 col=出口额}}。\n",
            text(&[shown]),
        )
        .forbid("#value"),
        value_in(
            "spaces-around",
            "# 甲\n\n出口{{   #value t row=2024 col=出口额   }}。\n",
            text(&[shown]),
        )
        .forbid("#value"),
        value_in(
            "tabs",
            "# 甲\n\n出口{{\t#value\tt\trow=2024\tcol=出口额}}。\n",
            text(&[shown]),
        )
        .forbid("#value"),
        Case::chapter(
            "spaced-table-block",
            "# 甲\n\n{{ #table t }}\n",
            text(&["表1-1 出口额"]),
        )
        .data("book/data/t.csv", CSV, META),
        value_in(
            "escaped-with-space",
            "# 甲\n\n写法：\\{{ #value t row=2024 col=出口额}}\n",
            text(&["写法：{{ #value t row=2024 col=出口额}}"]),
        ),
        value_in(
            "escaped-in-a-table-cell",
            "# 甲\n\n| 写法 |\n|---|\n| \\{{#value t row=2024 col=出口额}} |\n",
            text(&["{{#value t row=2024 col=出口额}}"]),
        ),
        value_in(
            "two-on-a-line-one-escaped",
            "# 甲\n\n写 \\{{#value t}} 得 {{#value t row=2024 col=出口额}}。\n",
            text(&["写 {{#value t}} 得 1079.6亿美元。"]),
        ),
        value_in(
            "over-two-lines",
            "# 甲\n\n出口{{#value t row=2024\ncol=出口额}}。\n",
            error("book/a.md:3", "没有闭合"),
        ),
        value_in(
            "braces-over-two-lines",
            "# 甲\n\n出口{{\n#value t row=2024 col=出口额}}。\n",
            error("book/a.md:3", "没有闭合"),
        ),
        value_in(
            "space-after-hash",
            "# 甲\n\n出口{{# value t row=2024 col=出口额}}。\n",
            error("book/a.md:3", "写法有误"),
        ),
        value_in(
            "full-width-braces",
            "# 甲\n\n出口｛｛#value t row=2024 col=出口额｝｝。\n",
            error("book/a.md:3", "写法有误"),
        ),
        value_in(
            "full-width-hash",
            "# 甲\n\n出口{{＃value t row=2024 col=出口额}}。\n",
            error("book/a.md:3", "写法有误"),
        ),
        value_in(
            "digit-first-name",
            "# 甲\n\n出口{{#2value t}}。\n",
            error("book/a.md:3", "未知的占位符"),
        ),
        value_in(
            "unknown-and-unclosed",
            "# 甲\n\n出口{{#vlaue t row=2024\n\n下一段。\n",
            error("book/a.md:3", "没有闭合"),
        ),
        value_in(
            "single-closing-brace",
            "# 甲\n\n出口{{#value t row=2024 col=出口额}。\n",
            error("book/a.md:3", "没有闭合"),
        ),
        value_in(
            "heading-attributes-are-not-placeholders",
            "# 甲\n\n## 出口 {#export}\n\n正文\n",
            html(&["id=\"export\""]),
        ),
        value_in(
            "brace-inside-arguments",
            "# 甲\n\n出口{{#value t row=2024 col=出口额 unit=“{亿}”}}。\n",
            text(&["1079.6{亿}"]),
        ),
        value_in(
            "placeholder-in-html-comment-in-a-list",
            "# 甲\n\n- 项 <!-- {{#value t}} -->\n",
            text(&["项"]),
        ),
    ]
}

/// `{{#include}}`d files are spliced in after this preprocessor: their placeholders would
/// be published raw, so they are reported, but only where mdBook really includes them.
fn includes() -> Vec<Case> {
    let part = "第一行\n出口{{#value t row=2024 col=出口额}}\n第三行\n```\n{{#table t}}\n```\n<!-- ANCHOR: a -->\n甲段{{#value t}}\n<!-- ANCHOR_END: a -->\n<!-- ANCHOR: b -->\n乙段\n<!-- ANCHOR_END: b -->\n";
    let with = |name: &'static str, chapter: &str, expect: Expect| {
        value_in(name, chapter, expect).file("book/part.md", part)
    };
    vec![
        with(
            "include-whole",
            "# 甲\n\n{{#include part.md}}\n",
            error("book/a.md:3", "引入的 part.md 第2行有占位符"),
        ),
        with(
            "include-spaced",
            "# 甲\n\n{{ #include  part.md }}\n",
            error("book/a.md:3", "引入的 part.md 第2行有占位符"),
        ),
        with(
            "include-one-line",
            "# 甲\n\n{{#include part.md:3}}\n",
            text(&["第三行"]),
        ),
        with(
            "include-the-line",
            "# 甲\n\n{{#include part.md:2}}\n",
            error("book/a.md:3", "引入的 part.md 第2行有占位符"),
        ),
        with(
            "include-a-range-without-it",
            "# 甲\n\n{{#include part.md:3:6}}\n",
            text(&["第三行"]),
        ),
        with(
            "include-a-range-from",
            "# 甲\n\n{{#include part.md:7:}}\n",
            error("book/a.md:3", "引入的 part.md 第8行有占位符"),
        ),
        with(
            "include-a-range-to",
            "# 甲\n\n{{#include part.md::1}}\n",
            text(&["第一行"]),
        ),
        with(
            "include-an-anchor-with-one",
            "# 甲\n\n{{#include part.md:a}}\n",
            error("book/a.md:3", "引入的 part.md 第8行有占位符"),
        ),
        with(
            "include-an-anchor-without",
            "# 甲\n\n{{#include part.md:b}}\n",
            text(&["乙段"]),
        ),
        with(
            "include-in-a-code-block",
            "# 甲\n\n```markdown\n{{#include part.md}}\n```\n",
            html(&["<code"]),
        ),
        with(
            "include-escaped",
            "# 甲\n\n\\{{#include part.md}}\n",
            text(&["{{#include part.md}}"]),
        ),
        with(
            "include-in-a-comment",
            "# 甲\n\n<!-- {{#include part.md}} -->\n\n正文。\n",
            text(&["正文。"]),
        ),
        // mdBook reads an open placeholder on, over lines, to the next `}}`: its braces
        // are escaped, so the include after it is still included, and checked.
        with(
            "unclosed-before-an-include",
            "# 甲\n\n出口{{#value t row=2024\n\n{{#include part.md:2}}\n",
            error("book/a.md:5", "引入的 part.md 第2行有占位符"),
        ),
        value_in(
            "include-nested",
            "# 甲\n\n{{#include outer.md}}\n",
            error("book/a.md:3", "引入的 inner.md 第1行有占位符"),
        )
        .file("book/outer.md", "外层\n{{#include inner.md}}\n")
        .file("book/inner.md", "{{#value t row=2024 col=出口额}}\n"),
        value_in(
            "include-of-code-only",
            "# 甲\n\n{{#include code.md}}\n",
            text(&["说明"]),
        )
        .file("book/code.md", "说明\n\n```\n{{#table t}}\n```\n"),
    ]
}

/// Options written twice, and list items that hold the separators themselves.
fn arguments() -> Vec<Case> {
    let markets = "市场,增速\n新兴市场（东南亚、非洲、拉美）,6.5\n北美,3.1\n欧洲,2.4\n";
    let meta = "title = \"需求增速\"\nunit = \"%\"\nsource = \"参考报告\"\n";
    let on = |name: &'static str, chapter: &str, expect: Expect| {
        Case::chapter(name, chapter, expect).data("book/data/m.csv", markets, meta)
    };
    vec![
        value_in(
            "option-twice",
            "# 甲\n\n出口{{#value t row=2023 row=2024 col=出口额}}。\n",
            error(
                "book/a.md:3",
                "选项 row= 写了两次（row=2023、row=2024）：只能写一次",
            ),
        ),
        value_in(
            "option-twice-in-a-table",
            "# 甲\n\n{{#table t cols=年份 cols=出口额}}\n",
            error("book/a.md:3", "选项 cols= 写了两次"),
        ),
        value_in(
            "switch-twice",
            "# 甲\n\n出口{{#value t row=2024 col=出口额 sign sign}}。\n",
            error("book/a.md:3", "开关 sign 写了两次"),
        ),
        value_in(
            "switch-and-option",
            "# 甲\n\n{{#table t total total=合计}}\n",
            error("book/a.md:3", "既写成了开关又写成了 total=…"),
        ),
        value_in(
            "where-may-repeat",
            "# 甲\n\n{{#table t where=年份>=2023 where=出口额>1050}}\n",
            text(&["1079.6"]),
        )
        .forbid("1020.56"),
        on(
            "quoted-row-name-with-separators",
            "# 甲\n\n{{#table m rows=\"新兴市场（东南亚、非洲、拉美）\",北美}}\n",
            text(&["新兴市场（东南亚、非洲、拉美）6.5", "北美3.1"]),
        )
        .forbid("欧洲"),
        on(
            "chinese-quoted-row-name",
            "# 甲\n\n{{#chart m rows=“新兴市场（东南亚、非洲、拉美）”、欧洲}}\n",
            text(&["新兴市场（东南亚、非洲、拉美）", "欧洲"]),
        ),
        on(
            "unquoted-row-name-is-split",
            "# 甲\n\n{{#table m rows=新兴市场（东南亚、非洲、拉美）}}\n",
            error("book/a.md:3", "没有「新兴市场（东南亚」这一行"),
        ),
        on(
            "row-takes-the-whole-value",
            "# 甲\n\n增速{{#value m row=新兴市场（东南亚、非洲、拉美） col=增速}}。\n",
            text(&["增速6.5%。"]),
        ),
        on(
            "quote-glued-to-text",
            "# 甲\n\n{{#table m rows=\"北美\"欧洲}}\n",
            error("book/a.md:3", "引号后面应当是空格、逗号或顿号"),
        ),
        on(
            "quote-inside-a-title",
            "# 甲\n\n{{#table m title=他说\"快\"了}}\n",
            text(&["他说\"快\"了"]),
        ),
        on(
            "quoted-title-with-separators",
            "# 甲\n\n{{#table m title=“增速，按地区”}}\n",
            text(&["增速，按地区"]),
        ),
    ]
}

/// Mistakes in book.toml's `[preprocessor.report]`: Chinese, with the line as written and
/// the fix, in every mode; never serde's English (the harness checks every failure).
fn settings() -> Vec<Case> {
    let bad = |name: &'static str, toml: &'static str, says: &str| {
        value_in(name, "# 甲\n", fails(says)).report_toml(toml)
    };
    vec![
        bad(
            "setting-misspelt-mode",
            "mode = \"fnal\"",
            "book.toml 第15行（mode = \"fnal\"）：没有「fnal」这个取值，是不是想写「final」？",
        ),
        // Not TOML at all: mdBook refuses book.toml before any preprocessor runs, in its
        // own words (with the line).
        bad(
            "setting-bare-word",
            "mode = final",
            "TOML parse error at line 15",
        ),
        bad(
            "setting-misspelt-key",
            "mdoe = \"draft\"",
            "book.toml 第16行（mdoe = \"draft\"）：没有「mdoe」这个设置项，是不是想写「mode」？",
        ),
        bad(
            "setting-quoted-boolean",
            "fail-on-error = \"true\"",
            "book.toml 第16行（fail-on-error = \"true\"）：这里应当写 true 或 false（不加引号），现在写的是文字 \"true\"：去掉引号，写成 true",
        ),
        bad(
            "setting-number-for-text",
            "data-dir = 2",
            "book.toml 第16行（data-dir = 2）：这里应当写文字（加英文双引号，例如 \"…\"），现在写的是整数 2：加上英文双引号，写成 \"2\"",
        ),
        bad(
            "setting-typed-numbers-text-for-a-list",
            "\n[preprocessor.report.typed-numbers]\nignore = \"100\"",
            "book.toml 第18行（ignore = \"100\"）：这里应当写列表，例如 [\"…\", \"…\"]，现在写的是文字 \"100\"",
        ),
        bad(
            "setting-typed-numbers-misspelt",
            "\n[preprocessor.report.typed-numbers]\nignor = [\"100\"]",
            "book.toml 第18行（ignor = [\"100\"]）：没有「ignor」这个设置项，是不是想写「ignore」？",
        ),
        bad(
            "setting-pending-unknown",
            "\n[preprocessor.report.pending]\nsectons = [\"现状\"]",
            "book.toml 第18行：[preprocessor.report.pending] 没有「sectons」这个设置，是不是想写「sections」？",
        ),
        bad(
            "setting-pending-wrong-type",
            "\n[preprocessor.report.pending]\nempty-sections = 1",
            "book.toml 第18行：",
        ),
        bad(
            "setting-originality-wrong-type",
            "\n[preprocessor.report.originality]\nsources = [\"src\"]\nmin-run = \"15\"",
            "book.toml 第19行：",
        ),
        bad(
            "setting-in-publish",
            "mode = \"publsh\"",
            "是不是想写「publish」？",
        ),
    ]
}
