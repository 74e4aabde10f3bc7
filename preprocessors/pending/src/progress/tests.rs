use super::*;
use crate::test_support::ChapterFixture;
use report_core::config::ReportConfig;
use report_core::data::MissingCell;

use crate::{detect, outline};

const BOOK: &[(&str, &str, &str)] = &[
    (
        "introduction.md",
        "引言",
        "# 引言\n\n引言正文。{{#pending 补充研究方法}}\n",
    ),
    (
        "trade.md",
        "贸易合作",
        "# 贸易合作【现状待整理】\n\n## 现状\n\n出口额{{#value trade}}亿美元。\n\n## 挑战\n\n挑战正文（可以用你写好的那段）。\n\n## 政策\n\n政策正文。\n",
    ),
    (
        "coop/tech & co.md",
        "技术<合作>",
        "# 技术合作\n\n## 现状\n\n技术正文。\n\n## 挑战\n\n## 小结\n\n小结【差一个调研】\n",
    ),
    ("progress.md", "编写进度", "# 编写进度\n\n{{#progress}}\n"),
];

/// Outlines and items of [`BOOK`] as a draft build finds them, plus one missing data cell
/// reported by the data crate.
fn book(cfg: &PendingConfig) -> (Vec<Outline>, Vec<PendingItem>) {
    let mut outlines = Vec::new();
    let mut items = Vec::new();
    for (path, name, source) in BOOK {
        let fixture = ChapterFixture::new(path, name, source);
        let chapter = fixture.chapter();
        outlines.push(outline(cfg, &chapter));
        items.extend(detect(cfg, &ReportConfig::default(), Target::Html, &chapter).items);
        if *path == "trade.md" {
            items.push(missing(
                chapter.file,
                5,
                47,
                &["「2024」的「出口额」（book/data/trade.csv 第3行）"],
                "正文",
            ));
        }
    }
    // The orchestrator gathers items chapter by chapter, data and pending mixed.
    items.reverse();
    (outlines, items)
}

/// A missing data item as `report-data` reports it.
fn missing(
    file: &str,
    line: usize,
    offset: usize,
    cells: &[&str],
    shown_in: &'static str,
) -> PendingItem {
    PendingItem {
        file: file.to_string(),
        chapter: file.trim_start_matches("book/").to_string(),
        line,
        kind: PendingKind::MissingData,
        note: cells.join("；"),
        anchor: format!("pending-{offset}"),
        // `「2023」的「进口额」（book/data/t.csv 第2行）`: the figure, then its place.
        cells: cells
            .iter()
            .map(|c| {
                let (cell, place) = c.split_once('（').expect("「…」的「…」（place）");
                MissingCell {
                    cell: cell.to_string(),
                    place: place.trim_end_matches('）').to_string(),
                }
            })
            .collect(),
        shown_in,
    }
}

#[test]
fn the_html_page_has_a_row_per_chapter_and_a_column_per_section() {
    let cfg = PendingConfig::default();
    let (outlines, items) = book(&cfg);
    assert_eq!(
        progress_page(&cfg, &outlines, &items, Target::Html, Mode::Draft),
        "

<p class=\"report-progress-summary\">全书共有 5 项待办：待完成 3 项，空章节 1 项，缺数据 1 项。点击条目可跳到它在正文中的位置。</p>

## 完成情况

<div class=\"report-progress-box\">
<table class=\"report-progress\">
<caption>各章完成情况</caption>
<thead><tr><th scope=\"col\">章节</th><th scope=\"col\">现状</th><th scope=\"col\">挑战</th><th scope=\"col\">政策</th><th scope=\"col\">备注</th></tr></thead>
<tbody>
<tr><th scope=\"row\"><a href=\"trade.html\">贸易合作</a></th><td class=\"report-progress-open\"><span class=\"report-progress-col\">现状</span><ul><li><a href=\"trade.html#pending-14\">现状待整理</a></li><li><a href=\"trade.html#pending-47\">缺数据：「2024」的「出口额」（book/data/trade.csv 第3行）</a></li></ul></td><td class=\"report-progress-done\"><span class=\"report-progress-col\">挑战</span><span class=\"report-progress-mark\">已完成</span></td><td class=\"report-progress-done\"><span class=\"report-progress-col\">政策</span><span class=\"report-progress-mark\">已完成</span></td><td class=\"report-progress-notes\"></td></tr>
<tr><th scope=\"row\"><a href=\"coop/tech%20&amp;%20co.html\">技术&lt;合作&gt;</a></th><td class=\"report-progress-done\"><span class=\"report-progress-col\">现状</span><span class=\"report-progress-mark\">已完成</span></td><td class=\"report-progress-open\"><span class=\"report-progress-col\">挑战</span><ul><li><a href=\"coop/tech%20&amp;%20co.html#pending-44\">空章节：「挑战」尚无正文</a></li></ul></td><td class=\"report-progress-missing\"><span class=\"report-progress-col\">政策</span><span>本章无此节</span></td><td class=\"report-progress-notes\"><span class=\"report-progress-col\">备注</span><ul><li class=\"report-progress-item\"><a href=\"coop/tech%20&amp;%20co.html#pending-72\">差一个调研</a></li></ul></td></tr>
</tbody>
<tfoot><tr><th scope=\"row\">本表待办合计 4</th><td class=\"report-num\"><span class=\"report-progress-col\">现状</span>2</td><td class=\"report-num\"><span class=\"report-progress-col\">挑战</span>1</td><td class=\"report-num\"><span class=\"report-progress-col\">政策</span>0</td><td class=\"report-num\"><span class=\"report-progress-col\">备注</span>1</td></tr></tfoot>
</table>
</div>

## 其他章节的待办

<ul class=\"report-progress-list\">
<li><a href=\"introduction.html#pending-25\">引言：补充研究方法</a></li>
</ul>

## 字数

<div class=\"report-progress-box\">
<table class=\"report-progress report-progress-chars\">
<caption>各章字数（不含代码、表格、图表与待办标记；“/”后为预算）</caption>
<thead><tr><th scope=\"col\">章节</th><th scope=\"col\">现状</th><th scope=\"col\">挑战</th><th scope=\"col\">政策</th><th scope=\"col\">全章</th></tr></thead>
<tbody>
<tr><th scope=\"row\"><a href=\"introduction.html\">引言</a></th><td></td><td></td><td></td><td class=\"report-num\"><span class=\"report-progress-col\">全章</span>7</td></tr>
<tr><th scope=\"row\"><a href=\"trade.html\">贸易合作</a></th><td class=\"report-num\"><span class=\"report-progress-col\">现状</span>9</td><td class=\"report-num\"><span class=\"report-progress-col\">挑战</span>7</td><td class=\"report-num\"><span class=\"report-progress-col\">政策</span>7</td><td class=\"report-num\"><span class=\"report-progress-col\">全章</span>27</td></tr>
<tr><th scope=\"row\"><a href=\"coop/tech%20&amp;%20co.html\">技术&lt;合作&gt;</a></th><td class=\"report-num\"><span class=\"report-progress-col\">现状</span>7</td><td class=\"report-num\"><span class=\"report-progress-col\">挑战</span>2</td><td class=\"report-num report-progress-missing\"><span class=\"report-progress-col\">政策</span>—</td><td class=\"report-num\"><span class=\"report-progress-col\">全章</span>17</td></tr>
</tbody>
<tfoot><tr><th scope=\"row\">合计</th><td class=\"report-num\"><span class=\"report-progress-col\">现状</span>16</td><td class=\"report-num\"><span class=\"report-progress-col\">挑战</span>9</td><td class=\"report-num\"><span class=\"report-progress-col\">政策</span>7</td><td class=\"report-num\"><span class=\"report-progress-col\">全章</span>51</td></tr></tfoot>
</table>
</div>

## 编辑备注

<p class=\"report-progress-note\">共 1 条写给合作者的备注。它们只在草稿中显示：发布版会删去，定稿构建时若还有备注则会失败。</p>

<ul class=\"report-progress-list\">
<li><a href=\"trade.html#pending-110\">贸易合作 › 挑战：可以用你写好的那段</a></li>
</ul>

"
    );
}

#[test]
fn other_renderers_get_markdown_tables() {
    let cfg = PendingConfig::default();
    let (outlines, items) = book(&cfg);
    assert_eq!(
        progress_page(&cfg, &outlines, &items, Target::Markdown, Mode::Draft),
        "

全书共有 5 项待办：待完成 3 项，空章节 1 项，缺数据 1 项。

## 完成情况

| 章节 | 现状 | 挑战 | 政策 | 备注 |
| --- | --- | --- | --- | --- |
| 贸易合作 | 现状待整理；缺数据：「2024」的「出口额」（book/data/trade.csv 第3行） | 已完成 | 已完成 |  |
| 技术\\<合作\\> | 已完成 | 空章节：「挑战」尚无正文 | 本章无此节 | 差一个调研 |
| 本表待办合计 4 | 2 | 1 | 0 | 1 |

## 其他章节的待办

- 引言：补充研究方法

## 字数

| 章节 | 现状 | 挑战 | 政策 | 全章 |
| --- | ---: | ---: | ---: | ---: |
| 引言 |  |  |  | 7 |
| 贸易合作 | 9 | 7 | 7 | 27 |
| 技术\\<合作\\> | 7 | 2 | — | 17 |
| 合计 | 16 | 9 | 7 | 51 |

## 编辑备注

共 1 条写给合作者的备注。它们只在草稿中显示：发布版会删去，定稿构建时若还有备注则会失败。

- 贸易合作 › 挑战：可以用你写好的那段

"
    );
}

#[test]
fn a_published_page_has_no_editorial_section() {
    let cfg = PendingConfig::default();
    let (outlines, items) = book(&cfg);
    let items: Vec<_> = items
        .into_iter()
        .filter(|i| !i.kind.is_editorial())
        .collect();
    let page = progress_page(&cfg, &outlines, &items, Target::Html, Mode::Draft);
    assert!(!page.contains("编辑备注"), "{page}");
    assert!(!page.contains("可以用你写好的那段"), "{page}");
}

#[test]
fn a_finished_book_says_so() {
    let cfg = PendingConfig::default();
    let (outlines, _) = book(&cfg);
    let page = progress_page(&cfg, &outlines, &[], Target::Markdown, Mode::Draft);
    assert!(
        page.starts_with("\n\n全书暂无待办事项。\n\n## 完成情况\n\n"),
        "{page}"
    );
    assert!(
        page.contains("| 贸易合作 | 已完成 | 已完成 | 已完成 |  |\n"),
        "{page}"
    );
    assert!(
        page.contains("| 技术\\<合作\\> | 已完成 | 已完成 | 本章无此节 |  |\n"),
        "{page}"
    );
    assert!(
        page.contains("| 本表待办合计 0 | 0 | 0 | 0 | 0 |\n"),
        "{page}"
    );
}

fn budgets(text: &str) -> PendingConfig {
    PendingConfig::from_table(&toml::from_str(text).unwrap()).unwrap()
}

#[test]
fn budgets_per_chapter_per_section_and_per_chapter_section() {
    let cfg = budgets(
        "[budgets]\n'贸易合作' = 20\n'现状' = 8\n'贸易合作/挑战' = 10\n'技术<合作>/小结' = 3\n'引言' = 100\n",
    );
    let (outlines, items) = book(&cfg);
    let page = progress_page(&cfg, &outlines, &items, Target::Markdown, Mode::Draft);
    assert!(page.contains("有 3 处超出字数预算。"), "{page}");
    assert!(page.contains("| 引言 |  |  |  | 7 / 100 |\n"), "{page}");
    assert!(
        page.contains("| 贸易合作 | 9 / 8，超出 1 | 7 / 10 | 7 | 27 / 20，超出 7 |\n"),
        "{page}"
    );
    assert!(
        page.contains("| 技术\\<合作\\> | 7 / 8 | 2 | — | 17 |\n"),
        "{page}"
    );
    assert!(
        page.contains("\n- 技术\\<合作\\> › 小结：4 / 3，超出 1\n"),
        "{page}"
    );

    let html = progress_page(&cfg, &outlines, &items, Target::Html, Mode::Draft);
    assert!(
        html.contains("<td class=\"report-num report-over\"><span class=\"report-progress-col\">现状</span>9 / 8，超出 1</td>"),
        "{html}"
    );
    assert!(
        html.contains("<li class=\"report-over\"><a href=\"coop/tech%20&amp;%20co.html\">技术&lt;合作&gt; › 小结：4 / 3，超出 1</a></li>"),
        "{html}"
    );
}

#[test]
fn a_budget_for_any_section_title_and_large_numbers() {
    let cfg = budgets("[budgets]\n'小结' = 12000\n");
    let (outlines, items) = book(&cfg);
    let page = progress_page(&cfg, &outlines, &items, Target::Markdown, Mode::Draft);
    assert!(
        page.contains("\n- 技术\\<合作\\> › 小结：4 / 12,000\n"),
        "{page}"
    );
    assert!(!page.contains("超出字数预算"), "{page}");
}

#[test]
fn budgets_that_name_nothing_are_shown_with_a_suggestion() {
    let cfg = budgets("[budgets]\n'贸易' = 10\n'全书' = 10\n'编写进度' = 10\n");
    let (outlines, items) = book(&cfg);
    let page = progress_page(&cfg, &outlines, &items, Target::Html, Mode::Draft);
    assert!(page.contains("<p class=\"report-progress-warning\">book.toml 的 preprocessor.report.pending.budgets 中「贸易」没有对应的章节或小节，是不是想写「贸易合作」？</p>"), "{page}");
    assert!(page.contains("<p class=\"report-progress-warning\">book.toml 的 preprocessor.report.pending.budgets 中「全书」没有对应的章节或小节，请检查拼写。</p>"), "{page}");
    // The progress page itself is not counted, so it takes no budget either.
    assert!(
        page.contains("中「编写进度」没有对应的章节或小节"),
        "{page}"
    );
}

#[test]
fn custom_sections_make_the_columns() {
    let cfg = budgets("sections = ['现状', '小结']");
    let (outlines, items) = book(&cfg);
    let page = progress_page(&cfg, &outlines, &items, Target::Markdown, Mode::Draft);
    assert!(page.contains("| 章节 | 现状 | 小结 | 备注 |\n"), "{page}");
    assert!(
        page.contains("| 贸易合作 | 现状待整理；缺数据：「2024」的「出口额」（book/data/trade.csv 第3行） | 本章无此节 |  |\n"),
        "{page}"
    );
    assert!(
        page.contains("| 技术\\<合作\\> | 已完成 | 差一个调研 | 空章节：「挑战」尚无正文 |\n"),
        "{page}"
    );
}

#[test]
fn log_lines_are_in_book_order_with_the_section_path() {
    let cfg = PendingConfig::default();
    let (outlines, items) = book(&cfg);
    assert_eq!(
        log_lines(&outlines, &items),
        [
            "book/introduction.md:3  引言  待完成：补充研究方法",
            "book/trade.md:1  贸易合作  待完成：现状待整理",
            "book/trade.md:5  贸易合作 › 现状  缺数据：「2024」的「出口额」（book/data/trade.csv 第3行）",
            "book/trade.md:9  贸易合作 › 挑战  编辑备注：可以用你写好的那段",
            "book/coop/tech & co.md:7  技术<合作> › 挑战  空章节：「挑战」尚无正文",
            "book/coop/tech & co.md:11  技术<合作> › 小结  待完成：差一个调研",
        ]
    );
}

#[test]
fn items_of_unknown_chapters_are_logged_and_listed_last() {
    let item = PendingItem {
        file: "book/draft.md".into(),
        chapter: "draft.md".into(),
        line: 2,
        kind: PendingKind::Note,
        note: "待完善".into(),
        anchor: "pending-3".into(),
        cells: Vec::new(),
        shown_in: "",
    };
    let cfg = PendingConfig::default();
    let (outlines, mut items) = book(&cfg);
    items.insert(0, item);
    let lines = log_lines(&outlines, &items);
    assert_eq!(
        lines.last().unwrap(),
        "book/draft.md:2  draft.md  待完成：待完善"
    );
    let page = progress_page(&cfg, &outlines, &items, Target::Markdown, Mode::Draft);
    assert!(
        page.contains("- 引言：补充研究方法\n- draft.md：待完善\n"),
        "{page}"
    );
}

#[test]
fn remarks_go_to_the_notes_column_or_below_for_chapters_without_a_row() {
    let cfg = PendingConfig::default();
    let chapters = [
        (
            "capacity.md",
            "产能合作",
            "# 产能合作\n\n## 现状\n\n正文。\n{{#remark 其他的挑战和政策<目前>没想到}}\n\n## 挑战\n\n挑战。\n\n## 政策\n\n政策。\n",
        ),
        (
            "conclusion.md",
            "结论",
            "# 结论\n\n## 建议\n\n{{#remark 待研究组确认}}\n建议。\n",
        ),
    ];
    let outlines: Vec<Outline> = chapters
        .iter()
        .map(|(path, name, source)| {
            outline(&cfg, &ChapterFixture::new(path, name, source).chapter())
        })
        .collect();
    let html = progress_page(&cfg, &outlines, &[], Target::Html, Mode::Draft);
    assert!(
        html.contains("<td class=\"report-progress-notes\"><span class=\"report-progress-col\">备注</span><ul><li class=\"report-progress-remark\">其他的挑战和政策&lt;目前&gt;没想到</li></ul></td>"),
        "{html}"
    );
    assert!(
        html.contains("## 其他章节的备注\n\n<ul class=\"report-progress-list\">\n<li class=\"report-progress-remark\"><a href=\"conclusion.html\">结论 › 建议</a>：待研究组确认</li>\n</ul>"),
        "{html}"
    );
    assert!(
        html.contains("全书暂无待办事项"),
        "a remark is not pending work: {html}"
    );

    let md = progress_page(&cfg, &outlines, &[], Target::Markdown, Mode::Draft);
    assert!(
        md.contains("| 产能合作 | 已完成 | 已完成 | 已完成 | 其他的挑战和政策\\<目前\\>没想到 |"),
        "{md}"
    );
    assert!(md.contains("- 结论 › 建议：待研究组确认\n"), "{md}");
}

#[test]
fn a_missing_cell_shown_in_several_places_is_one_gap() {
    let cfg = PendingConfig::default();
    let (outlines, mut items) = book(&cfg);
    let imports = "「2023」的「进口额」（book/data/trade/totals.csv 第2行）";
    let growth = "「2023」的「进口同比」（book/data/trade/totals.csv 第2行）";
    let other = "「2024」的「出口额」（book/data/trade/other.csv 第3行）";
    items.retain(|i| i.kind != PendingKind::MissingData);
    items.extend([
        missing("book/trade.md", 5, 40, &[imports, growth], "表格"),
        missing("book/trade.md", 5, 60, &[imports], "图表"),
        missing("book/trade.md", 5, 70, &[other], "正文"),
        missing("book/trade.md", 5, 80, &[growth], "正文"),
        missing("book/trade.md", 5, 90, &[imports], "正文"),
    ]);
    let html = progress_page(&cfg, &outlines, &items, Target::Html, Mode::Draft);
    assert!(
        html.contains("全书共有 6 项待办：待完成 3 项，空章节 1 项，缺数据 2 项。"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<li>缺数据：{imports}；{growth}<span class=\"report-progress-places\">（见<a href=\"trade.html#pending-40\">表格</a>、<a href=\"trade.html#pending-60\">图表</a>、<a href=\"trade.html#pending-80\">正文1</a>、<a href=\"trade.html#pending-90\">正文2</a>）</span></li><li><a href=\"trade.html#pending-70\">缺数据：{other}</a></li>"
        )),
        "{html}"
    );
    assert!(
        html.contains("<tfoot><tr><th scope=\"row\">本表待办合计 5</th><td class=\"report-num\"><span class=\"report-progress-col\">现状</span>3</td>"),
        "{html}"
    );
    let md = progress_page(&cfg, &outlines, &items, Target::Markdown, Mode::Draft);
    assert!(
        md.contains(&format!(
            "| 贸易合作 | 现状待整理；缺数据：{imports}；{growth}（见表格、图表、正文1、正文2）；缺数据：{other} |"
        )),
        "{md}"
    );
    // The build log keeps every place: each is a line a writer may need to go to.
    assert_eq!(
        log_lines(&outlines, &items)
            .iter()
            .filter(|l| l.contains("「2023」"))
            .count(),
        4
    );
}

#[test]
fn items_that_share_no_cell_stay_apart_and_a_later_item_can_join_two_gaps() {
    let (x, y) = ("甲（t.csv 第2行）", "乙（t.csv 第3行）");
    let a = missing("book/trade.md", 1, 1, &[x], "表格");
    let b = missing("book/trade.md", 2, 2, &[y], "图表");
    let c = missing("book/trade.md", 3, 3, &[y, x], "正文");
    let found = super::entries::entries([&a, &b, &c]);
    assert_eq!(found.len(), 1);
    let super::entries::Entry::Gap { cells, places } = &found[0] else {
        panic!("a gap")
    };
    let cells: Vec<&str> = cells.iter().map(|c| c.cell.as_str()).collect();
    assert_eq!(cells, ["甲", "乙"]);
    assert_eq!(places.iter().map(|p| p.line).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(super::entries::entries([&a, &b]).len(), 2);
}

#[test]
fn readers_of_the_published_site_are_told_which_figure_is_missing_not_where() {
    let cfg = PendingConfig::default();
    let (outlines, items) = book(&cfg);
    for target in [Target::Html, Target::Markdown] {
        let draft = progress_page(&cfg, &outlines, &items, target, Mode::Draft);
        assert!(draft.contains("book/data/trade.csv 第3行"), "{draft}");
        for mode in [Mode::Publish, Mode::Final] {
            let page = progress_page(&cfg, &outlines, &items, target, mode);
            assert!(page.contains("缺数据：「2024」的「出口额」"), "{page}");
            assert!(!page.contains("book/data/"), "{page}");
        }
    }
}
