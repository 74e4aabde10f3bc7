use std::fs;
use std::path::PathBuf;

use report_core::config::Target;
use report_core::data::Store;
use report_core::edit;
use report_core::scan::scan;

use super::*;

/// A throwaway book with a few datasets.
struct Fixture {
    dir: PathBuf,
    store: Store,
    /// What the chapters run so far offer for download.
    downloads: Downloads,
}

const DATA: &[(&str, &str, &str)] = &[
    (
        "trade/totals.csv",
        "年份,出口额,进口额\n2023,1020.56,\n2024,1079.6,914.1\n",
        "title = \"中国药械产品进出口额\"\nunit = \"亿美元\"\nsource = \"中国医药保健品进出口商会\"\nas-of = \"2024年\"\n[columns.\"出口额\"]\ndecimals = 1\n",
    ),
    (
        "trade/structure.csv",
        "类别,出口额,占比\n原料药,429.9,39.8\n医疗器械,481.5,\n",
        "title = \"出口结构\"\nunit = \"亿美元\"\nsource = \"商会\"\n[columns.\"占比\"]\nunit = \"%\"\n",
    ),
    (
        "cdmo.csv",
        "年份,营收\n2019,145.92\n2020,210.5\n2021,323.01\n",
        "title = \"CDMO营收\"\nunit = \"亿元\"\nsource = \"课题组工作稿\"\nnotes = \"按营业收入口径\"\nwriter-notes = \"出自工作稿第三节，待核实\"\n",
    ),
    (
        "facts.csv",
        "指标,数值,单位\n交易数,126,起\n总金额,525.77,亿美元\n估值,12345678,元\n",
        "title = \"License-out\"\nsource = \"医药魔方\"\n",
    ),
    (
        "escape.csv",
        "名称,值\n\"A<b>&\"\"c\"\"\",1\n",
        "title = \"T<i>\"\nsource = \"S&<s>\"\nunit = \"个\"\n",
    ),
    (
        "text.csv",
        "年份,事件\n2017,加入ICH\n2024,\n",
        "title = \"大事记\"\nsource = \"NMPA\"\n",
    ),
    (
        "growth.csv",
        "市场,下限,上限\n新兴市场,8,10\n发达国家,3,5\n",
        "title = \"增速区间\"\nunit = \"%\"\nsource = \"参考报告\"\nnotes = \"\"\"\n区间为参考报告所给。\n未注明测算期。\n\"\"\"\n",
    ),
];

impl Fixture {
    fn new(name: &str) -> Fixture {
        let dir = std::env::temp_dir().join(format!("report-data-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (file, csv, meta) in DATA {
            let path = dir.join("book/data").join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, csv).unwrap();
            fs::write(path.with_extension("toml"), meta).unwrap();
        }
        let store = Store::new(dir.join("book"), "book", "data");
        Fixture {
            dir,
            store,
            downloads: Downloads::new(),
        }
    }

    /// Expands chapters `(path, number, source)` together and returns each output.
    /// Writes dataset `id` (a CSV file and its sidecar) into the fixture's data folder.
    fn add_dataset(&self, id: &str, csv: &str, sidecar: &str) {
        let data = self.dir.join("book/data");
        fs::write(data.join(format!("{id}.csv")), csv).unwrap();
        fs::write(data.join(format!("{id}.toml")), sidecar).unwrap();
    }

    fn run(
        &self,
        target: Target,
        chapters: &[(&str, Option<u32>, &str)],
    ) -> Vec<(String, Expansion)> {
        let scans: Vec<_> = chapters.iter().map(|(_, _, src)| scan(src)).collect();
        let files: Vec<String> = chapters
            .iter()
            .map(|(p, _, _)| format!("book/{p}"))
            .collect();
        let (numbering, errors) = Numbering::collect(chapters.iter().zip(&scans).zip(&files).map(
            |(((path, number, _), scan), file)| NumberingInput {
                path,
                file,
                number: *number,
                scan,
            },
        ));
        let ctx = Context {
            store: &self.store,
            target,
            mode: report_core::config::Mode::Draft,
            numbering: &numbering,
            downloads: &self.downloads,
        };
        let mut out: Vec<(String, Expansion)> = chapters
            .iter()
            .zip(&scans)
            .zip(&files)
            .map(|(((path, _, src), scan), file)| {
                let chapter = Chapter {
                    file,
                    path,
                    source: src,
                    scan,
                };
                let e = expand(&ctx, &chapter);
                (edit::apply(src, e.edits.clone()), e)
            })
            .collect();
        out[0].1.errors.splice(0..0, errors);
        out
    }

    fn html(&self, source: &str) -> (String, Expansion) {
        self.run(Target::Html, &[("trade.md", Some(3), source)])
            .remove(0)
    }

    fn value(&self, args: &str) -> String {
        let (out, e) = self.html(&format!("值：{{{{#value {args}}}}}。"));
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        out.trim_start_matches("值：")
            .trim_end_matches('。')
            .to_string()
    }

    fn error(&self, source: &str) -> String {
        let (out, e) = self.html(source);
        assert!(out.contains("report-error"), "no error box in {out}");
        assert_eq!(e.errors.len(), 1, "{:?}", e.errors);
        e.errors[0].to_string()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The text of a value span, without its markup.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn table_is_captioned_numbered_sourced_and_right_aligned() {
    let fx = Fixture::new("table");
    let (out, e) = fx.html("# 贸易\n\n{{#table trade/totals id=trade}}\n\n后文\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(out.starts_with("# 贸易\n\n"));
    assert!(out.ends_with("\n\n后文\n"));
    // The table scrolls in its own box, named by its caption; search ranks it as data.
    assert!(out.contains("<div class=\"report-table\" id=\"tbl-trade\"><span hidden class=\"report-search-mark\">\u{E002}</span><div class=\"report-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"tbl-trade-caption\"><table><caption id=\"tbl-trade-caption\">表3-1 中国药械产品进出口额（单位：亿美元）</caption>"), "{out}");
    // Short text keeps to one line (`keep`), numbers are right-aligned (`num`).
    assert!(out.contains(
        "<th scope=\"col\" class=\"keep\">年份</th><th scope=\"col\" class=\"num\">出口额</th>"
    ));
    assert!(out.contains("<tr><th scope=\"row\" class=\"keep\">2024</th><td class=\"num\">1079.6</td><td class=\"num\">914.1</td></tr>"), "{out}");
    assert!(out.contains("</table></div><span hidden class=\"report-search-mark\">\u{E003}</span><p class=\"report-source\">数据来源：中国医药保健品进出口商会（数据截至2024年）。 <span hidden class=\"report-search-mark\">\u{E000}</span><span class=\"report-downloads\"><span class=\"report-downloads-label\">下载数据：</span><a class=\"report-download report-download-xlsx\" href=\"downloads/trade-totals-"), "{out}");
    // The links name the data shown and the files readers save.
    let stem = fx.downloads.slices().into_keys().next().unwrap();
    assert!(out.contains(&format!("href=\"downloads/{stem}.xlsx\" download=\"表3-1 中国药械产品进出口额.xlsx\">Excel</a> <a class=\"report-download report-download-csv\" href=\"downloads/{stem}.csv\" download=\"表3-1 中国药械产品进出口额.csv\">CSV</a></span><span hidden class=\"report-search-mark\">\u{E001}</span></p>")), "{out}");
    // One HTML block: no blank line inside it.
    let block = out.split("\n\n").find(|b| b.starts_with("<div")).unwrap();
    assert!(block.ends_with("</div>"));
}

#[test]
fn table_columns_rows_sorting_filters_and_totals() {
    let fx = Fixture::new("table-opts");
    let (out, _) = fx.html("{{#table trade/totals cols=年份,出口额:出口 rows=2024,2023 total}}\n");
    assert!(
        out.contains("<th scope=\"col\" class=\"num\">出口</th></tr>"),
        "{out}"
    );
    assert!(!out.contains("进口额"));
    let first_2024 = out.find(">2024<").unwrap();
    assert!(first_2024 < out.find(">2023<").unwrap());
    assert!(out.contains("<tfoot><tr class=\"report-total\"><th scope=\"row\" class=\"keep\">合计</th><td class=\"num\">2100.2</td></tr></tfoot>"), "{out}");

    let (out, _) = fx.html("{{#table cdmo sort=-营收 where=营收>=200 total=总计}}\n");
    assert!(!out.contains(">2019<"));
    assert!(out.find(">2021<").unwrap() < out.find(">2020<").unwrap());
    assert!(
        out.contains("<th scope=\"row\" class=\"keep\">总计</th><td class=\"num\">533.51</td>"),
        "{out}"
    );

    let (out, _) = fx.html("{{#table cdmo where=年份!=2020 cols=年份}}\n");
    assert!(out.contains(">2019<") && out.contains(">2021<") && !out.contains(">2020<"));
}

#[test]
fn table_derived_columns() {
    let fx = Fixture::new("table-derived");
    let (out, _) = fx.html("{{#table cdmo yoy=营收 share=营收}}\n");
    assert!(out.contains("<th scope=\"col\" class=\"num\">营收同比<wbr>（%）</th><th scope=\"col\" class=\"num\">营收占比<wbr>（%）</th>"), "{out}");
    // 210.5 / 145.92 - 1 = 44.26%; 323.01 / 679.43 = 47.5%.
    assert!(out.contains("<td class=\"num\">+44.3</td>"), "{out}");
    assert!(out.contains("<td class=\"num\">47.5</td>"), "{out}");
}

#[test]
fn table_missing_cells_are_marked_and_listed_as_pending() {
    let fx = Fixture::new("table-missing");
    let (out, e) = fx.html("## 现状\n\n{{#table trade/totals}}\n");
    assert!(
        out.contains(
            "<td class=\"num\"><span class=\"report-missing\" title=\"数据待补充\">—</span></td>"
        ),
        "{out}"
    );
    assert_eq!(e.items.len(), 1);
    let item = &e.items[0];
    assert_eq!(
        (item.file.as_str(), item.line, item.kind),
        (
            "book/trade.md",
            3,
            report_core::pending::PendingKind::MissingData
        )
    );
    assert_eq!(
        item.note,
        "「2023」的「进口额」（book/data/trade/totals.csv 第2行）"
    );
    assert!(
        out.contains(&format!("id=\"{}\"", item.anchor)),
        "callout carries the anchor"
    );
}

#[test]
fn data_is_text_never_markup() {
    let fx = Fixture::new("escape");
    let (out, _) = fx.html("{{#table escape}}\n\n{{#value escape row=A<b>&\"c\" col=名称}}\n");
    assert!(
        out.contains("<th scope=\"row\" class=\"keep\">A&lt;b&gt;&amp;&quot;c&quot;</th>"),
        "{out}"
    );
    assert!(
        out.contains("<caption id=\"table-3-1-caption\">表3-1 T&lt;i&gt;（单位：个）</caption>"),
        "{out}"
    );
    assert!(out.contains("数据来源：S&amp;&lt;s&gt;"));
    assert!(!out.contains("<b>") && !out.contains("<i>") && !out.contains("<s>"));
}

#[test]
fn table_link_climbs_out_of_nested_chapters() {
    let fx = Fixture::new("nested");
    let out = fx.run(
        Target::Html,
        &[("guide/data.md", Some(8), "{{#table cdmo}}\n")],
    );
    assert!(
        out[0].0.contains("href=\"../downloads/cdmo-"),
        "{}",
        out[0].0
    );
}

#[test]
fn values_and_their_formats() {
    let fx = Fixture::new("values");
    let v = |a: &str| text(&fx.value(a));
    assert_eq!(v("trade/totals row=2024 col=出口额"), "1079.6亿美元");
    assert_eq!(v("trade/totals row=2024 col=出口额 unit=none"), "1079.6");
    assert_eq!(
        v("trade/totals row=2024 col=出口额 decimals=2"),
        "1079.60亿美元"
    );
    assert_eq!(
        v("trade/totals row=2024 col=出口额 scale=万"),
        "10,796,000万美元",
        "rescaled up, the figure is exact without padding"
    );
    assert_eq!(
        v("trade/totals row=2024 col=出口额 scale=万 decimals=0 sep=auto"),
        "10,796,000万美元"
    );
    assert_eq!(
        v("trade/totals row=2024 col=出口额 sep=always"),
        "1,079.6亿美元"
    );
    assert_eq!(v("facts key=交易数"), "126起");
    assert_eq!(v("facts key=总金额"), "525.77亿美元");
    assert_eq!(v("facts key=估值 scale=亿 decimals=2"), "0.12亿元");
    assert_eq!(v("facts key=估值"), "12,345,678元");
    assert_eq!(v("text row=2017 col=事件"), "加入ICH");
    assert!(
        fx.value("trade/totals row=2024 col=出口额")
            .contains("title=\"数据来源：中国医药保健品进出口商会\"")
    );
}

#[test]
fn derived_values() {
    let fx = Fixture::new("derived");
    let v = |a: &str| text(&fx.value(a));
    assert_eq!(
        v("cdmo col=营收 calc=cagr from=2019 to=2021 decimals=2"),
        "48.78%"
    );
    assert_eq!(v("cdmo col=营收 calc=cagr"), "48.8%");
    assert_eq!(v("trade/totals row=2024 col=出口额 calc=yoy"), "5.8%");
    assert_eq!(v("trade/totals row=2024 col=出口额 calc=yoy sign"), "+5.8%");
    assert_eq!(
        v("trade/totals row=2024 col=出口额 calc=yoy from=2023 decimals=2"),
        "5.79%"
    );
    assert_eq!(
        v("trade/structure row=原料药 col=出口额 calc=share"),
        "47.2%"
    );
    assert_eq!(
        v("trade/structure row=原料药 col=出口额 calc=share of=医疗器械"),
        "89.3%"
    );
    assert_eq!(v("cdmo col=营收 calc=total"), "679.43亿元");
    assert_eq!(v("cdmo col=营收 calc=diff from=2019 to=2021"), "177.09亿元");
    assert_eq!(
        v("cdmo col=营收 calc=diff from=2021 to=2019 abs"),
        "177.09亿元"
    );
    assert_eq!(
        v("trade/structure col=占比 calc=total where=类别=原料药"),
        "39.8%"
    );
}

#[test]
fn share_of_another_column_in_the_same_row() {
    let fx = Fixture::new("share-col");
    fx.add_dataset(
        "api",
        "年份,出口额,原料药出口额\n2024,1079.6,429.9\n",
        "title = \"t\"\nunit = \"亿美元\"\nsource = \"商会\"\n",
    );
    assert_eq!(
        text(&fx.value("api row=2024 col=原料药出口额 calc=share of=出口额")),
        "39.8%"
    );
}

#[test]
fn missing_value_is_marked_and_pending() {
    let fx = Fixture::new("value-missing");
    let (out, e) = fx.html("进口额为{{#value trade/totals row=2023 col=进口额}}。\n");
    assert!(out.starts_with("进口额为<span class=\"report-missing\" title=\"数据待补充\">—</span><span class=\"report-pending\""), "{out}");
    assert_eq!(
        e.items[0].note,
        "「2023」的「进口额」（book/data/trade/totals.csv 第2行）"
    );
    let (_, e) =
        fx.html("{{#value trade/totals row=2023 col=进口额 calc=diff from=2023 to=2024}}\n");
    assert_eq!(e.items.len(), 1);
}

#[test]
fn markdown_renderers_get_plain_markdown() {
    let fx = Fixture::new("markdown");
    let out = fx.run(
        Target::Markdown,
        &[(
            "trade.md",
            Some(3),
            "{{#table trade/totals}}\n\n约{{#value trade/totals row=2024 col=出口额}}。\n",
        )],
    );
    let md = &out[0].0;
    assert!(md.contains("**表3-1 中国药械产品进出口额（单位：亿美元）**\n\n| 年份 | 出口额 | 进口额 |\n| --- | ---: | ---: |\n| 2023 | 1020.6 | — |\n| 2024 | 1079.6 | 914.1 |"), "{md}");
    assert!(md.contains("约1079.6亿美元。"));
    // The one tag is the anchor {{#ref}} links to.
    assert!(md.contains("<a id=\"table-3-1\"></a>**表3-1"), "{md}");
    assert_eq!(md.matches("<a id=").count(), 1, "{md}");
    assert_eq!(
        md.matches('<').count(),
        2,
        "the anchor and its end tag, nothing else: {md}"
    );
}

#[test]
fn refs_link_within_and_across_chapters() {
    let fx = Fixture::new("refs");
    let out = fx.run(
        Target::Html,
        &[
            (
                "trade.md",
                Some(3),
                "见{{#ref cdmo-fig}}与{{#ref totals}}。\n\n{{#table trade/totals id=totals}}\n",
            ),
            (
                "capacity.md",
                Some(5),
                "{{#table cdmo}}\n\n{{#chart cdmo id=cdmo-fig}}\n",
            ),
            ("guide/data.md", Some(8), "{{#ref totals}}\n"),
        ],
    );
    assert!(out[0].0.starts_with("见<a class=\"report-ref\" href=\"capacity.html#fig-cdmo-fig\">图5-1</a>与<a class=\"report-ref\" href=\"#tbl-totals\">表3-1</a>。"), "{}", out[0].0);
    assert!(out[1].0.contains("-caption\">表5-1 CDMO营收"));
    assert!(
        out[2]
            .0
            .starts_with("<a class=\"report-ref\" href=\"../trade.html#tbl-totals\">表3-1</a>")
    );
}

#[test]
fn error_messages_name_file_line_and_fix() {
    let fx = Fixture::new("errors");
    assert_eq!(
        fx.error("\n{{#table trade/total}}\n"),
        "book/trade.md:2: 找不到数据集「trade/total」（应为 book/data/trade/total.csv，或同名的 .json、.xlsx、.xls、.ods），是不是想写「trade/totals」？"
    );
    assert_eq!(
        fx.error("{{#value trade/totals row=2024 col=出口}}"),
        "book/trade.md:1: 数据集「trade/totals」没有「出口」这一列，是不是想写「出口额」？"
    );
    assert_eq!(
        fx.error("{{#value trade/totals row=2025 col=出口额}}"),
        "book/trade.md:1: 数据集「trade/totals」的「年份」列里没有「2025」这一行，是不是想写「2023」？"
    );
    assert_eq!(
        fx.error("{{#value trade/totals row=2024 col=出口额 decimal=1}}"),
        "book/trade.md:1: 未知的选项「decimal」，是不是想写「decimals」？"
    );
    assert_eq!(
        fx.error("{{#table ../secret}}\n"),
        "book/trade.md:1: 数据集路径「../secret」不允许：只能引用 book/data/ 下的文件，且不能含 .. 或绝对路径"
    );
    // A table inside a sentence never reaches the expanders: the scanner sets it apart
    // (`Scan::misplaced`) and the orchestrator reports it (hostile: table-in-a-*).
    let scan = report_core::scan::scan("文中{{#table cdmo}}不行");
    assert!(scan.placeholders.is_empty() && scan.misplaced.len() == 1);
    assert_eq!(
        fx.error("{{#value}}"),
        "book/trade.md:1: {{#value}} 需要数据集名称，例如 {{#value trade/totals}}"
    );
    assert_eq!(
        fx.error("{{#value cdmo col=营收 calc=cagar}}"),
        "book/trade.md:1: 未知的计算「cagar」，是不是想写「cagr」？"
    );
    assert_eq!(
        fx.error("{{#value trade/totals row=2024}}"),
        "book/trade.md:1: 请用 col= 指明取哪一列，数据集「trade/totals」的列有：年份、出口额、进口额"
    );
    assert_eq!(
        fx.error("{{#ref totls}}"),
        "book/trade.md:1: 找不到 id 为「totls」的表格或图表；请在 {{#table}} 或 {{#chart}} 中用 id= 起名"
    );
    fx.add_dataset(
        "bad",
        "年份,值\n2023,12\n2024,约13\n",
        "title = \"t\"\nsource = \"s\"\n",
    );
    assert_eq!(
        fx.error("{{#value bad row=2024 col=值}}"),
        "book/trade.md:1: book/data/bad.csv 第3行「值」列的「约13」不是数字；请填写数字，或留空/写“待补充”表示缺失"
    );
}

#[test]
fn error_box_shows_the_message_and_the_placeholder() {
    let fx = Fixture::new("error-box");
    let (out, _) = fx.html("正文{{#value trade/totals row=2024 col=出口}}。");
    assert!(out.starts_with("正文<span class=\"report-error\" role=\"alert\"><strong>占位符错误</strong> book/trade.md:1: 数据集「trade/totals」没有「出口」这一列，是不是想写「出口额」？（&#123;&#123;#value trade/totals row=2024 col=出口&#125;&#125;）</span>。"), "{out}");
    // The placeholder echoed in the box is text: no `{{` for mdBook's links to act on.
    assert!(!out.contains("{{"), "{out}");
}

#[test]
fn duplicate_ids_are_errors() {
    let fx = Fixture::new("dup");
    let out = fx.run(
        Target::Html,
        &[
            ("a.md", Some(1), "{{#table cdmo id=x}}\n"),
            ("b.md", Some(2), "\n{{#chart cdmo id=x}}\n"),
        ],
    );
    let errors: Vec<String> = out[0].1.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        vec!["book/b.md:2: id「x」已在 book/a.md:1 使用过；每个表格和图表的 id 必须唯一"]
    );
}

#[test]
fn charts_are_numbered_figures_with_data_and_source() {
    let fx = Fixture::new("chart");
    let (out, e) = fx.html("{{#chart trade/totals kind=grouped y=出口额,进口额 id=trade}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(
        out.starts_with("\n\n<figure class=\"report-figure\" id=\"fig-trade\"><span hidden class=\"report-search-mark\">\u{E000}</span><svg"),
        "{out}"
    );
    assert!(
        out.contains("<figcaption>图3-1 中国药械产品进出口额（单位：亿美元）</figcaption>"),
        "{out}"
    );
    // The chart twice, the wide drawing first, then the data in a box of its own.
    let wide = out.find("report-chart-wide").unwrap();
    let narrow = out.find("report-chart-narrow").unwrap();
    assert!(wide < narrow && narrow < out.find("<figcaption>").unwrap());
    assert!(out.contains("<details class=\"report-chart-data\"><summary>查看图表数据</summary><div class=\"report-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"图3-1的数据\"><table><thead><tr><th scope=\"col\" class=\"keep\">年份</th><th scope=\"col\" class=\"num\">出口额<wbr>（亿美元）</th>"), "{out}");
    // The missing import: marked in both drawings, said in their descriptions and under
    // the data.
    assert_eq!(out.matches(">缺数据</text>").count(), 2, "{out}");
    assert_eq!(
        out.matches("2023年的进口额缺数据（数据待补充）。</desc>")
            .count(),
        2,
        "{out}"
    );
    assert!(out.contains("</table></div><p class=\"report-gap-note\">缺数据：2023年的进口额（数据待补充）。</p></details>"), "{out}");
    assert!(out.contains("<td class=\"num\">1079.6</td>"));
    assert!(out.contains(">CSV</a>"), "{out}");
    let figure = &out[out.find("<figure").unwrap()..out.find("</figure>").unwrap()];
    assert!(
        !figure.contains("\n\n"),
        "a blank line would end the HTML block"
    );
    assert_eq!(e.items.len(), 1, "the missing 2023 import is pending");
}

#[test]
fn bar_line_charts_draw_growth_on_a_second_axis() {
    let fx = Fixture::new("bar-line");
    let (out, e) = fx.html("{{#chart cdmo kind=bar-line y=营收 line=yoy}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(
        out.contains("<th scope=\"col\" class=\"num\">营收同比<wbr>（%）</th>"),
        "{out}"
    );
    assert!(out.contains("<td class=\"num\">+44.3</td>"), "{out}");
}

#[test]
fn chart_errors_say_what_to_fix() {
    let fx = Fixture::new("chart-errors");
    assert_eq!(
        fx.error("{{#chart cdmo kind=pi}}\n"),
        "book/trade.md:1: 未知的图表类型「pi」，是不是想写「pie」？可用：bar、hbar、grouped、stacked、line、pie、donut、bar-line、range、timeline"
    );
    assert_eq!(
        fx.error("{{#chart text y=事件}}\n"),
        "book/trade.md:1: 「事件」列不是数字，不能作为 y 画图；请选数字列："
    );
    assert_eq!(
        fx.error("{{#chart cdmo y=营收额}}\n"),
        "book/trade.md:1: 数据集「cdmo」没有「营收额」这一列，是不是想写「营收」？"
    );
    assert_eq!(
        fx.error("{{#chart cdmo where=营收>1000}}\n"),
        "book/trade.md:1: 图表没有数据：数据集为空或筛选后没有行，请检查 rows=/where="
    );
    assert_eq!(
        fx.error("{{#chart cdmo kind=bar-line}}\n"),
        "book/trade.md:1: bar-line 图需要 line=：写 line=yoy 画第一列的同比，或 line=列名 画一个百分比列"
    );
}

#[test]
fn same_input_same_bytes() {
    let fx = Fixture::new("determinism");
    let src = "{{#table trade/totals}}\n\n{{#chart trade/totals kind=grouped}}\n\n{{#value cdmo col=营收 calc=cagr}}\n";
    assert_eq!(fx.html(src).0, fx.html(src).0);
}

/// What the typed-number check reports for `src`, typed in the chapter `file`.
fn typed_found(store: &Store, config: TypedNumbersConfig, file: &str, src: &str) -> Vec<String> {
    let s = scan(src);
    let chapter = || Chapter {
        file,
        path: file.trim_start_matches("book/"),
        source: src,
        scan: &s,
    };
    let typed = TypedNumbers::build(store, config, [chapter()]);
    typed
        .check(&chapter())
        .iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn typed_numbers_match_cells_as_printed_at_their_decimals() {
    let fx = Fixture::new("typed-printed");
    fx.add_dataset(
        "shares",
        "项目,占比,增速\n甲,2.449,99.96\n乙,7.1,3.25\n",
        "title = \"t\"\nunit = \"%\"\nsource = \"s\"\n\n[columns.\"占比\"]\ndecimals = 2\n\n\
         [columns.\"增速\"]\ndecimals = 1\n",
    );
    // 2.449 prints as 2.45 and 99.96 as 100.0; 2.44 and 99.9 are neither written nor printed.
    let src = "占比2.45，又作2.44；增速100.0，又作99.9。\n";
    assert_eq!(
        typed_found(&fx.store, TypedNumbersConfig::default(), "book/x.md", src),
        vec![
            "book/x.md:1: 手写的数字「2.45」与数据中的值相同，数据更新后会过时；请改用 {{#value shares row=甲 col=占比}}",
            "book/x.md:1: 手写的数字「100.0」与数据中的值相同，数据更新后会过时；请改用 {{#value shares row=甲 col=增速}}",
        ]
    );
}

#[test]
fn typed_numbers_that_the_data_holds_are_reported() {
    let fx = Fixture::new("typed");
    fx.add_dataset(
        "years",
        "项目,数值\n开始,2015\n",
        "title = \"t\"\nunit = \"年\"\nsource = \"s\"\n",
    );
    let src = "2024年出口1079.6亿美元，约1,079.6；`1079.6` 在代码里。{{#value trade/totals row=2024 col=出口额}}，共126起，增长8%，2015—2024年间。[报告](https://e.org/r?page=126) <img width=\"126\"> 见注[^126]。\n\n[^126]: 注。\n";
    let found = |store: &Store, config| typed_found(store, config, "book/trade.md", src);
    assert_eq!(
        found(&fx.store, TypedNumbersConfig::default()),
        vec![
            "book/trade.md:1: 手写的数字「1079.6」与数据中的值相同，数据更新后会过时；请改用 {{#value trade/totals row=2024 col=出口额}}",
            "book/trade.md:1: 手写的数字「1,079.6」与数据中的值相同，数据更新后会过时；请改用 {{#value trade/totals row=2024 col=出口额}}",
            "book/trade.md:1: 手写的数字「126」与数据中的值相同，数据更新后会过时；请改用 {{#value facts row=交易数 col=数值}}",
        ]
    );
    let ignoring = TypedNumbersConfig {
        ignore: vec!["126".into(), "1079.6".into()],
        ..Default::default()
    };
    assert!(found(&fx.store, ignoring).is_empty());
    // Data files above `max-file-kb` are neither read nor compared.
    let unread = Store::new(fx.dir.join("book"), "book", "data");
    let small_only = TypedNumbersConfig {
        max_file_kb: 0,
        ..Default::default()
    };
    assert!(found(&unread, small_only).is_empty());
    assert_eq!(unread.parses(), 0);
    // Prose that types no figure reads no dataset for the check.
    let plain = "出口额持续增长。\n";
    let plain_scan = scan(plain);
    let fresh = Store::new(fx.dir.join("book"), "book", "data");
    let none = TypedNumbers::build(
        &fresh,
        TypedNumbersConfig::default(),
        [Chapter {
            file: "book/trade.md",
            path: "trade.md",
            source: plain,
            scan: &plain_scan,
        }],
    );
    assert_eq!(fresh.parses(), 0);
    let s = scan(src);
    let unseen = Chapter {
        file: "book/trade.md",
        path: "trade.md",
        source: src,
        scan: &s,
    };
    assert!(none.check(&unseen).is_empty(), "a chapter it did not see");
}

#[test]
fn fact_sheets_print_each_row_in_its_own_unit() {
    let fx = Fixture::new("facts");
    let (out, _) = fx.html("{{#table facts}}\n");
    assert!(out.contains("<td class=\"num\">126起</td>"), "{out}");
    assert!(out.contains("<td class=\"num\">525.77亿美元</td>"), "{out}");
    let (out, _) = fx.html("{{#table facts cols=指标,数值,单位}}\n");
    assert!(
        out.contains("<td class=\"num\">126</td><td class=\"keep\">起</td>"),
        "{out}"
    );
    assert!(
        out.contains("<caption id=\"table-3-1-caption\">表3-1 License-out</caption>"),
        "no unit in the caption: {out}"
    );
}

#[test]
fn a_real_column_named_like_the_yoy_alias_wins() {
    let fx = Fixture::new("line-column");
    fx.add_dataset(
        "g",
        "年份,金额,同比\n2023,100,-20.7\n2024,110,10\n",
        "title = \"t\"\nunit = \"亿元\"\nsource = \"s\"\n[columns.\"同比\"]\nunit = \"%\"\n",
    );
    let (out, e) = fx.html("{{#chart g kind=bar-line y=金额 line=同比}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(out.contains("<td class=\"num\">-20.7</td>"), "{out}");
}

/// Writes `events.csv`: dated events in two groups, one event without a group.
fn events(fx: &Fixture) {
    fx.add_dataset(
        "events",
        "时间,机制,事件\n2017年,ICH,加入ICH\n2021年,PIC/S,启动加入PIC/S的预申请\n\
         2023年9月,PIC/S,递交<申请>\n2023年11月,ICH,ICH指导原则全面实施\n2024年,,待定事项\n",
        "title = \"监管合作大事记\"\nsource = \"NMPA\"\nkey = \"时间\"\n",
    );
}

#[test]
fn timeline_charts_draw_events_coloured_by_group() {
    let fx = Fixture::new("timeline");
    events(&fx);
    let (out, e) = fx.html(
        "{{#chart events kind=timeline x=时间 label=事件 group=机制 rows=2017年,2021年,2023年9月,2023年11月 id=tl}}\n",
    );
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(e.items.is_empty(), "{:?}", e.items);
    assert!(
        out.contains("<figure class=\"report-figure\" id=\"fig-tl\"><span hidden class=\"report-search-mark\">\u{E000}</span><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart report-chart-timeline report-chart-wide\""),
        "{out}"
    );
    // No unit: the caption is the title alone.
    assert!(
        out.contains("<figcaption>图3-1 监管合作大事记</figcaption>"),
        "{out}"
    );
    assert!(out.contains(
        "<desc id=\"fig-tl-wide-desc\">时间轴：2017年至2023年11月的4个事件，分为ICH、PIC/S两类。</desc>"
    ));
    // One dot per event and one per legend entry, in the groups' colours, in each drawing.
    let dots = |class: &str| {
        out.split(&format!("<g class=\"{class}\">\n"))
            .skip(1)
            .map(|g| g[..g.find("</g>").unwrap()].matches("<circle ").count())
            .sum::<usize>()
    };
    assert_eq!(dots("mark series-0"), 6);
    assert_eq!(dots("mark series-1"), 6);
    assert!(out.contains(">递交&lt;申请&gt;</text>"), "{out}");
    // The data behind it: time, group, event, all text, left-aligned.
    assert!(out.contains("<summary>查看图表数据</summary><div class=\"report-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"图3-1的数据\"><table><thead><tr><th scope=\"col\" class=\"keep\">时间</th><th scope=\"col\" class=\"keep\">机制</th><th scope=\"col\">事件</th></tr></thead>"), "{out}");
    assert!(
        out.contains(
            "<tr><th scope=\"row\" class=\"keep\">2023年9月</th><td class=\"keep\">PIC/S</td><td>递交&lt;申请&gt;</td></tr>"
        ),
        "{out}"
    );
    let figure = &out[out.find("<figure").unwrap()..out.find("</figure>").unwrap()];
    assert!(!figure.contains("\n\n"));
}

#[test]
fn timeline_defaults_to_the_key_column_and_one_group() {
    let fx = Fixture::new("timeline-defaults");
    events(&fx);
    let (out, e) = fx.html("{{#chart events kind=timeline label=事件}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    // One group named after the dataset: no legend, no group column.
    assert!(
        out.contains("时间轴：2017年至2024年的5个事件。</desc>"),
        "{out}"
    );
    assert_eq!(
        out.matches("<circle ").count(),
        10,
        "five dots in each drawing"
    );
    assert!(!out.contains("series-1") && !out.contains("class=\"legend\""));
    assert!(out.contains(
        "<tr><th scope=\"col\" class=\"keep\">时间</th><th scope=\"col\">事件</th></tr>"
    ));
}

#[test]
fn timeline_event_without_a_group_is_pending() {
    let fx = Fixture::new("timeline-nogroup");
    events(&fx);
    let (out, e) = fx.html("{{#chart events kind=timeline label=事件 group=机制}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert_eq!(e.items.len(), 1);
    assert_eq!(
        e.items[0].note,
        "「2024年」的「机制」（book/data/events.csv 第6行）"
    );
    assert!(out.contains("分为ICH、PIC/S、未分组三类。"), "{out}");
    assert!(out.contains("<tr><th scope=\"row\" class=\"keep\">2024年</th><td class=\"keep\"><span class=\"report-missing\""), "{out}");

    let md = fx.run(
        Target::Markdown,
        &[(
            "trade.md",
            Some(3),
            "{{#chart events kind=timeline label=事件 group=机制 rows=2017年}}\n",
        )],
    );
    assert!(
        md[0].0.contains("**图3-1 监管合作大事记**\n\n| 时间 | 机制 | 事件 |\n| --- | --- | --- |\n| 2017年 | ICH | 加入ICH |"),
        "{}",
        md[0].0
    );
}

#[test]
fn timeline_errors_say_what_to_fix() {
    let fx = Fixture::new("timeline-errors");
    events(&fx);
    assert_eq!(
        fx.error("{{#chart events kind=timeline}}\n"),
        "book/trade.md:1: kind=timeline 需要 label=：指定写有事件说明的列，例如 label=事件"
    );
    assert_eq!(
        fx.error("{{#chart events kind=timeline label=事件 y=机制}}\n"),
        "book/trade.md:1: kind=timeline 不画数字，不用 y=：用 label= 指定事件说明所在的列，group= 指定分组列"
    );
    assert_eq!(
        fx.error("{{#chart cdmo label=营收}}\n"),
        "book/trade.md:1: label= 只用于 kind=timeline（时间轴的事件说明列和分组列）"
    );
    assert_eq!(
        fx.error("{{#chart cdmo kind=line group=年份}}\n"),
        "book/trade.md:1: group= 只用于 kind=timeline（时间轴的事件说明列和分组列）"
    );
    assert_eq!(
        fx.error("{{#chart events kind=timeline label=事件 group=机构}}\n"),
        "book/trade.md:1: 数据集「events」没有「机构」这一列，是不是想写「机制」？"
    );
    assert_eq!(
        fx.error("{{#chart text kind=timeline label=事件}}\n"),
        "book/trade.md:1: book/data/text.csv 第3行「事件」列为空：时间轴的每个事件都需要说明；请填写，或用 where= 去掉这一行"
    );
    assert_eq!(
        fx.error("{{#chart events kind=timeline label=事件 where=机制=WHO}}\n"),
        "book/trade.md:1: 图表没有数据：数据集为空或筛选后没有行，请检查 rows=/where="
    );
    let (_, e) = fx.html("{{#chart text kind=timeline label=事件 rows=2017}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
}

#[test]
fn ids_that_would_share_an_anchor_are_refused() {
    let fx = Fixture::new("anchors");
    let out = fx.run(
        Target::Html,
        &[(
            "a.md",
            Some(1),
            "{{#table cdmo id=x}}\n\n{{#table cdmo id=tbl-x}}\n\n{{#table cdmo id=1-1}}\n",
        )],
    );
    let errors: Vec<String> = out[0].1.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        vec!["book/a.md:3: id「tbl-x」已在 book/a.md:1 使用过；每个表格和图表的 id 必须唯一"]
    );
    assert!(out[0].0.contains("id=\"table-1-1\"") || out[0].0.contains("id=\"tbl-1-1\""));
    assert_eq!(
        out[0].0.matches("id=\"tbl-1-1\"").count(),
        1,
        "an explicit id never takes an automatic anchor"
    );
}

#[test]
fn refs_to_a_readme_chapter_link_to_its_index_page() {
    let fx = Fixture::new("readme");
    let out = fx.run(
        Target::Html,
        &[
            ("a.md", Some(1), "{{#ref r}}\n"),
            ("sub/README.md", Some(2), "{{#table cdmo id=r}}\n"),
        ],
    );
    assert!(
        out[0]
            .0
            .starts_with("<a class=\"report-ref\" href=\"sub/index.html#tbl-r\">表2-1</a>"),
        "{}",
        out[0].0
    );
}

#[test]
fn a_chart_has_one_value_axis_and_its_line_keeps_its_own_scale() {
    let fx = Fixture::new("chart-units");
    assert_eq!(
        fx.error("{{#chart trade/structure kind=grouped y=出口额,占比}}\n"),
        "book/trade.md:1: y= 的各列单位不同：出口额（亿美元）、占比（%）；一幅图只有一个数值轴，请分开画，或用 kind=bar-line 把百分比列放在右轴（line=列名）"
    );
    let (out, e) = fx
        .html("{{#chart trade/structure kind=bar-line y=出口额 line=占比 scale=万 rows=原料药}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(
        out.contains("<td class=\"num\">4,299,000</td><td class=\"num\">39.8</td>"),
        "{out}"
    );
}

#[test]
fn writers_ways_of_typing_options_are_understood() {
    let fx = Fixture::new("typing");
    let (out, _) = fx.html("{{#table cdmo where=营收＞＝200 total=否}}\n");
    assert!(!out.contains(">2019<") && out.contains(">2021<"), "{out}");
    assert!(!out.contains("report-total"), "total=否 adds no totals row");
    assert_eq!(
        fx.error("{{#table cdmo title}}\n"),
        "book/trade.md:1: 「title」需要写成 title=值（等号后面接内容）"
    );
}

#[test]
fn blocks_in_list_items_and_quotes_stay_there() {
    let fx = Fixture::new("containers");
    let (out, _) = fx.html("1. 第一项\n   {{#table cdmo}}\n   续写第一项。\n2. 第二项\n\n> {{#table cdmo}}\n> 引文续。\n");
    assert!(out.contains("\n   <div class=\"report-table\""), "{out}");
    assert!(out.contains("\n> <div class=\"report-table\""), "{out}");
    let html = render_markdown(&out);
    assert_eq!(html.matches("<ol").count(), 1, "one list: {html}");
    assert!(
        html.contains("续写第一项。</p>\n</li>") || html.contains("续写第一项。</li>"),
        "{html}"
    );
    let quote = &html[html.find("<blockquote>").unwrap()..html.find("</blockquote>").unwrap()];
    assert!(
        quote.contains("report-table") && quote.contains("引文续"),
        "{quote}"
    );
}

/// Markdown to HTML as mdBook would see the expanded chapter.
fn render_markdown(md: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
    html
}

#[test]
fn writer_notes_stay_in_the_sidecar() {
    let fx = Fixture::new("writer-notes");
    for target in [Target::Html, Target::Markdown] {
        let src = "{{#table cdmo}}\n\n{{#chart cdmo kind=bar}}\n";
        let (out, e) = fx.run(target, &[("a.md", Some(1), src)]).remove(0);
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        assert!(out.contains("注：按营业收入口径"), "{out}");
        assert!(!out.contains("待核实"), "{out}");
    }
}

/// The one slice a fixture's chapters offer for download.
fn only_slice(fx: &Fixture) -> download::Slice {
    let slices = fx.downloads.slices();
    assert_eq!(slices.len(), 1, "{slices:?}");
    slices.into_values().next().unwrap()
}

fn num(value: f64, decimals: usize, signed: bool) -> download::Cell {
    download::Cell::Number {
        value,
        decimals,
        signed,
        grouped: true,
        unit: None,
    }
}

fn text_cell(t: &str) -> download::Cell {
    download::Cell::Text(t.to_string())
}

/// A computed number's value, to compare with a tolerance.
fn value_of(cell: &download::Cell) -> f64 {
    match cell {
        download::Cell::Number { value, .. } => *value,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn a_table_offers_the_rows_and_columns_it_shows_derived_ones_included() {
    let fx = Fixture::new("download-table");
    let (_, e) = fx.html(
        "{{#table cdmo cols=年份,营收:营业收入 rows=2021,2020 yoy=营收 share=营收 total note=按年}}\n",
    );
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    let slice = only_slice(&fx);
    assert_eq!(slice.dataset, "cdmo");
    assert_eq!(slice.title, "表3-1 CDMO营收");
    assert_eq!(slice.unit.as_deref(), Some("亿元"));
    assert_eq!(slice.source, "数据来源：课题组工作稿。");
    assert_eq!(slice.notes, vec!["按年", "按营业收入口径"]);
    assert_eq!(
        slice.headings,
        vec!["年份", "营业收入", "营收同比（%）", "营收占比（%）"]
    );
    // The rows in the order shown, the totals row last.
    let labels: Vec<_> = slice.rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(
        labels,
        vec![text_cell("2021"), text_cell("2020"), text_cell("合计")]
    );
    assert_eq!(slice.rows[0][1], num(323.01, 2, false));
    // 同比 is signed with one decimal, and stored as the page prints it, so that a
    // spreadsheet shows, sums and rounds the published figure.
    let yoy = &slice.rows[0][2];
    assert!(
        matches!(
            yoy,
            download::Cell::Number {
                decimals: 1,
                signed: true,
                ..
            }
        ),
        "{yoy:?}"
    );
    assert_eq!(value_of(yoy), 53.4, "(323.01 / 210.5 - 1) × 100 = 53.449…");
    assert_eq!(
        value_of(&slice.rows[1][3]),
        39.5,
        "210.5 / 533.51 × 100 = 39.456…"
    );
    assert!((value_of(&slice.rows[2][1]) - 533.51).abs() < 1e-9);
    assert_eq!(slice.rows[2][2], text_cell(""));
    assert!((value_of(&slice.rows[2][3]) - 100.0).abs() < 1e-9);
}

#[test]
fn a_missing_value_and_a_first_year_without_growth_are_dashes() {
    let fx = Fixture::new("download-missing");
    let (_, e) = fx.html("{{#table trade/totals yoy=出口额}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    let slice = only_slice(&fx);
    assert_eq!(slice.rows[0][2], download::Cell::Missing, "2023 import");
    assert_eq!(
        slice.rows[0][3],
        download::Cell::Missing,
        "no 2022 to compare"
    );
    assert_eq!(slice.rows[1][1], num(1079.6, 1, false));
}

#[test]
fn fact_sheets_keep_each_rows_unit_with_its_number() {
    let fx = Fixture::new("download-facts");
    let (out, e) = fx.html("{{#table facts}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(out.contains(">126起</td>"), "{out}");
    let slice = only_slice(&fx);
    assert_eq!(
        slice.rows[0][1],
        download::Cell::Number {
            value: 126.0,
            decimals: 0,
            signed: false,
            grouped: true,
            unit: Some("起".into()),
        }
    );
}

#[test]
fn a_chart_offers_its_data_table_with_the_line() {
    let fx = Fixture::new("download-chart");
    let (out, e) = fx.html("{{#chart cdmo kind=bar-line y=营收 line=yoy sep=never}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    let slice = only_slice(&fx);
    assert_eq!(slice.title, "图3-1 CDMO营收");
    assert_eq!(slice.unit.as_deref(), Some("亿元"));
    assert_eq!(
        slice.headings,
        vec!["年份", "营收（亿元）", "营收同比（%）"]
    );
    assert_eq!(slice.rows.len(), 3);
    assert_eq!(slice.rows[0][2], download::Cell::Missing);
    assert!(matches!(
        slice.rows[2][1],
        download::Cell::Number {
            decimals: 2,
            grouped: false,
            ..
        }
    ));
    // The link says where the files are.
    let stem = fx.downloads.slices().into_keys().next().unwrap();
    assert!(stem.starts_with("cdmo-"), "{stem}");
    assert!(
        out.contains(&format!("href=\"downloads/{stem}.xlsx\"")),
        "{out}"
    );
}

#[test]
fn the_same_slice_shown_twice_is_one_download() {
    let fx = Fixture::new("download-shared");
    let out = fx.run(
        Target::Html,
        &[
            (
                "a.md",
                Some(1),
                "{{#table cdmo title=营收}}\n\n{{#chart cdmo title=营收}}\n",
            ),
            ("b.md", Some(2), "{{#table cdmo rows=2019,2020}}\n"),
        ],
    );
    assert!(out.iter().all(|(_, e)| e.errors.is_empty()));
    // A table and a chart differ (number, headings); so do different rows.
    assert_eq!(fx.downloads.len(), 3);
    let again = Fixture::new("download-shared-again");
    again.run(
        Target::Html,
        &[(
            "a.md",
            Some(1),
            "{{#table cdmo title=营收}}\n\n{{#table cdmo title=营收 id=x}}\n",
        )],
    );
    // 表1-1 and 表1-2: the number is part of what the file says.
    assert_eq!(again.downloads.len(), 2);
    let keys: Vec<_> = again.downloads.slices().into_keys().collect();
    assert_ne!(keys[0], keys[1]);
}

#[test]
fn markdown_renderers_get_the_links_too() {
    let fx = Fixture::new("download-md");
    let out = fx.run(
        Target::Markdown,
        &[("trade.md", Some(3), "{{#table cdmo}}\n")],
    );
    let stem = fx.downloads.slices().into_keys().next().unwrap();
    assert!(
        out[0].0.contains(&format!(
            "下载数据：[Excel](downloads/{stem}.xlsx) [CSV](downloads/{stem}.csv)"
        )),
        "{}",
        out[0].0
    );
}

#[test]
fn a_note_is_said_once_per_chapter_and_can_be_left_out() {
    let fx = Fixture::new("notes");
    let a = "{{#table cdmo}}\n\n{{#chart cdmo kind=bar}}\n\n{{#chart cdmo kind=line notes=否 note=\"2020年为估算\"}}\n";
    let b = "{{#chart cdmo kind=bar}}\n";
    let out = fx.run(Target::Html, &[("a.md", Some(1), a), ("b.md", Some(2), b)]);
    let (a, e) = &out[0];
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    let sources: Vec<&str> = a
        .split("<p class=\"report-source\">")
        .skip(1)
        .map(|s| &s[..s.find("</p>").unwrap()])
        .collect();
    assert_eq!(sources.len(), 3);
    // The table says it; the chart of the same data points to it.
    assert!(
        sources[0].contains("<span class=\"report-note\">注：按营业收入口径</span>"),
        "{}",
        sources[0]
    );
    assert!(
        sources[1].contains("<span class=\"report-note\">注：见<a class=\"report-ref\" href=\"#table-1-1\">表1-1</a></span>"),
        "{}",
        sources[1]
    );
    // notes=否 leaves the dataset's notes out; note= still adds its own.
    assert!(
        sources[2].contains("<span class=\"report-note\">注：2020年为估算</span>"),
        "{}",
        sources[2]
    );
    assert!(!sources[2].contains("按营业收入口径") && !sources[2].contains("表1-1"));
    // Another chapter is another page: the note is said again.
    assert!(out[1].0.contains("注：按营业收入口径"), "{}", out[1].0);
    // Markdown says it the same way, without the link.
    let md = fx.run(
        Target::Markdown,
        &[("a.md", Some(1), "{{#table cdmo}}\n\n{{#chart cdmo}}\n")],
    );
    assert!(md[0].0.contains("注：见表1-1"), "{}", md[0].0);
}

#[test]
fn a_note_of_several_lines_keeps_them_apart() {
    let fx = Fixture::new("note-lines");
    let (out, e) = fx.html("{{#chart growth kind=range y=下限,上限}}\n");
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(
        out.contains("<span class=\"report-note\">注：区间为参考报告所给。</span><span class=\"report-note\">未注明测算期。</span>"),
        "{out}"
    );
    // A range chart: one bar per market, labelled with both ends.
    assert!(
        out.contains(">8～10</text>") && out.contains(">3～5</text>"),
        "{out}"
    );
    assert!(
        out.contains("区间图：各项的下限至上限，新兴市场为8～10%，发达国家为3～5%。"),
        "{out}"
    );
}

mod fuzz;
