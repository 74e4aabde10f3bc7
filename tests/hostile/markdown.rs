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
