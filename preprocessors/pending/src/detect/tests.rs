use super::*;
use crate::test_support::ChapterFixture;
use report_core::config::Mode;
use report_core::edit::apply;

fn report(mode: Mode) -> ReportConfig {
    let mut report = ReportConfig::default();
    report.mode = mode;
    report
}

/// The page as built, the items as (line, kind, note, anchor).
fn run_with(
    cfg: &PendingConfig,
    mode: Mode,
    target: Target,
    source: &str,
) -> (String, Vec<(usize, PendingKind, String, String)>) {
    let fixture = ChapterFixture::new("trade.md", "贸易合作", source);
    let chapter = fixture.chapter();
    let found = detect(cfg, &report(mode), target, &chapter);
    assert!(found.errors.is_empty());
    for item in &found.items {
        assert_eq!(item.file, "book/trade.md");
        assert_eq!(item.chapter, "trade.md");
    }
    let items = found
        .items
        .iter()
        .map(|i| (i.line, i.kind, i.note.clone(), i.anchor.clone()))
        .collect();
    (apply(source, found.edits), items)
}

fn run(mode: Mode, source: &str) -> (String, Vec<(usize, PendingKind, String, String)>) {
    run_with(&PendingConfig::default(), mode, Target::Html, source)
}

fn item(
    line: usize,
    kind: PendingKind,
    note: &str,
    offset: usize,
) -> (usize, PendingKind, String, String) {
    (line, kind, note.to_string(), format!("pending-{offset}"))
}

#[test]
fn a_note_alone_on_its_line_becomes_a_block_callout() {
    let (page, items) = run(Mode::Draft, "正文。\n【待完善】\n下文。\n");
    assert_eq!(
        page,
        "正文。\n\n\n<div class=\"report-pending\" id=\"pending-10\" role=\"note\"><span class=\"report-pending-label\">待完成</span> 待完善</div>\n\n\n下文。\n"
    );
    assert_eq!(items, [item(2, PendingKind::Note, "待完善", 10)]);
}

#[test]
fn a_note_inside_a_sentence_becomes_a_badge() {
    let (page, items) = run(Mode::Draft, "出口额：待补充数据，见下。\n");
    assert_eq!(
        page,
        "出口额：<span class=\"report-pending\" id=\"pending-12\" role=\"note\"><span class=\"report-pending-label\">待完成</span> 待补充数据</span>，见下。\n"
    );
    assert_eq!(items, [item(1, PendingKind::Note, "待补充数据", 12)]);
}

#[test]
fn an_explicit_marker_becomes_a_callout() {
    let (page, items) = run(
        Mode::Draft,
        "# 标题\n\n正文。\n\n{{#pending 补充<2024>年数据}}\n",
    );
    assert_eq!(
        page,
        "# 标题\n\n正文。\n\n\n\n<div class=\"report-pending\" id=\"pending-21\" role=\"note\"><span class=\"report-pending-label\">待完成</span> 补充&lt;2024&gt;年数据</div>\n\n\n"
    );
    assert_eq!(
        items,
        [item(5, PendingKind::Marker, "补充<2024>年数据", 21)]
    );
}

#[test]
fn a_note_in_a_heading_leaves_the_heading_and_follows_it() {
    let (page, items) = run(
        Mode::Draft,
        "## （一）贸易合作【现状待整理】\n\n### 现状\n\n正文。\n",
    );
    assert_eq!(
        page,
        "## （一）贸易合作\n\n<div class=\"report-pending\" id=\"pending-24\" role=\"note\"><span class=\"report-pending-label\">待完成</span> 现状待整理</div>\n\n\n\n### 现状\n\n正文。\n"
    );
    assert_eq!(items, [item(1, PendingKind::Note, "现状待整理", 24)]);
}

#[test]
fn several_marks_in_one_heading_follow_it_in_order() {
    let (page, items) = run(
        Mode::Draft,
        "## 制度合作【缺中药情况】{{#pending 时间轴}}\r\n\r\n正文。\r\n",
    );
    assert!(
        page.starts_with("## 制度合作\n\n<div class=\"report-pending\" id=\"pending-15\""),
        "{page}"
    );
    assert!(
        page.contains("缺中药情况</div>\n\n\n\n<div class=\"report-pending\" id=\"pending-36\"")
    );
    assert!(
        page.ends_with("时间轴</div>\n\n\r\n\r\n正文。\r\n"),
        "{page:?}"
    );
    assert_eq!(
        items,
        [
            item(1, PendingKind::Note, "缺中药情况", 15),
            item(1, PendingKind::Marker, "时间轴", 36)
        ]
    );
}

const EDITORIAL: &str = "## 挑战\n\n海外市场准入壁垒问题（可以用你写好的那段）\n\n### 人才（参考反制文件）\n\n正文。【待完善】\n";

#[test]
fn draft_shows_editorial_notes_as_their_own_callout() {
    let (page, items) = run(Mode::Draft, EDITORIAL);
    assert!(page.contains("海外市场准入壁垒问题<span class=\"report-pending report-editorial\" id=\"pending-41\" role=\"note\"><span class=\"report-pending-label\">编辑备注</span> 可以用你写好的那段</span>\n"), "{page}");
    assert!(
        page.contains(
            "### 人才\n\n<div class=\"report-pending report-editorial\" id=\"pending-86\""
        ),
        "{page}"
    );
    assert_eq!(
        items,
        [
            item(3, PendingKind::Editorial, "可以用你写好的那段", 41),
            item(5, PendingKind::Editorial, "参考反制文件", 86),
            item(7, PendingKind::Note, "待完善", 121),
        ]
    );
}

#[test]
fn publish_removes_editorial_notes_without_a_trace_and_keeps_pending_work() {
    let (page, items) = run(Mode::Publish, EDITORIAL);
    assert_eq!(
        page,
        "## 挑战\n\n海外市场准入壁垒问题\n\n### 人才\n\n正文。<span class=\"report-pending\" id=\"pending-121\" role=\"note\"><span class=\"report-pending-label\">待完成</span> 待完善</span>\n"
    );
    assert_eq!(items, [item(7, PendingKind::Note, "待完善", 121)]);
}

#[test]
fn final_reports_editorial_notes_with_the_rest() {
    let (_, items) = run(Mode::Final, EDITORIAL);
    let kinds: Vec<_> = items.iter().map(|i| i.1).collect();
    assert_eq!(
        kinds,
        [
            PendingKind::Editorial,
            PendingKind::Editorial,
            PendingKind::Note
        ]
    );
}

#[test]
fn a_finished_chapter_has_no_edits_in_any_mode() {
    let source = "# 贸易合作\n\n## 现状\n\n加入ICH（国际人用药品注册技术协调会）。\n";
    for mode in [Mode::Draft, Mode::Publish, Mode::Final] {
        assert_eq!(run(mode, source), (source.to_string(), vec![]));
    }
}

#[test]
fn empty_sections_are_pending() {
    let source = "# 产能合作\n\n## 现状\n\n### 中企在外建厂\n\n正文。\n\n### 外资在华建厂\n<!-- 下周写 -->\n\n## 挑战\n\n## 政策\n   \n";
    let (page, items) = run(Mode::Draft, source);
    assert_eq!(
        items,
        [
            item(9, PendingKind::EmptySection, "「外资在华建厂」尚无正文", 62),
            item(12, PendingKind::EmptySection, "「挑战」尚无正文", 105),
            item(14, PendingKind::EmptySection, "「政策」尚无正文", 116),
        ]
    );
    assert!(page.contains("## 挑战\n\n<div class=\"report-pending\" id=\"pending-105\" role=\"note\"><span class=\"report-pending-label\">空章节</span> 「挑战」尚无正文</div>\n\n\n"));
    assert!(page.contains("### 外资在华建厂\n\n<div class=\"report-pending\" id=\"pending-62\""));
}

#[test]
fn a_heading_followed_by_sub_headings_or_holding_a_note_is_not_reported_as_empty() {
    let source =
        "# 贸易合作\n## 现状【待整理】\n## 挑战\n### 准入\n正文\n## 政策 {{#pending 写三条}}\n";
    let (_, items) = run(Mode::Draft, source);
    let kinds: Vec<_> = items.iter().map(|i| (i.0, i.1)).collect();
    assert_eq!(kinds, [(2, PendingKind::Note), (6, PendingKind::Marker)]);
}

#[test]
fn headings_in_code_blocks_are_not_sections() {
    let source = "## 示例\n\n```markdown\n## 现状\n```\n\n    ## 挑战\n";
    assert_eq!(run(Mode::Draft, source).1, vec![]);
}

#[test]
fn empty_sections_can_be_switched_off() {
    let cfg = PendingConfig {
        empty_sections: false,
        ..PendingConfig::default()
    };
    let (page, items) = run_with(&cfg, Mode::Draft, Target::Html, "## 挑战\n\n## 政策\n");
    assert_eq!((page.as_str(), items), ("## 挑战\n\n## 政策\n", vec![]));
}

#[test]
fn other_renderers_get_markdown_callouts() {
    let source =
        "## 现状【待整理】\n\n出口*额* 待补充。\n\n【待完善】\n\n说明（可以用你写好的那段）\n";
    let (page, _) = run_with(
        &PendingConfig::default(),
        Mode::Draft,
        Target::Markdown,
        source,
    );
    assert_eq!(
        page,
        "## 现状\n\n> **待完成** 待整理\n\n\n\n出口*额* 〔**待完成**：待补充〕。\n\n\n\n> **待完成** 待完善\n\n\n\n说明〔**编辑备注**：可以用你写好的那段〕\n"
    );
}

#[test]
fn custom_patterns_replace_the_defaults() {
    let cfg = PendingConfig::from_table(
        &toml::from_str("notes = ['TODO']\neditorial = ['@@[^@]+@@']").unwrap(),
    )
    .unwrap();
    let (page, items) = run_with(
        &cfg,
        Mode::Publish,
        Target::Markdown,
        "甲TODO乙【待完善】丙@@给老王@@丁\n",
    );
    assert_eq!(page, "甲〔**待完成**：TODO〕乙【待完善】丙丁\n");
    assert_eq!(items, [item(1, PendingKind::Note, "TODO", 3)]);
}

/// The page as pulldown-cmark renders it (as mdBook would).
fn html(markdown: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new(markdown));
    out
}

/// The text between the first `open` and the next `close`.
fn inside<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in {html}"))
        + open.len();
    let end = html[start..]
        .find(close)
        .unwrap_or_else(|| panic!("no {close} in {html}"));
    &html[start..start + end]
}

#[test]
fn block_callouts_stay_inside_their_list_item() {
    for source in [
        "- 项目\n  {{#pending 补}}\n  续写\n- 下一项\n",
        "- 项目\n  【待完善】\n  续写\n- 下一项\n",
        "- 项目\n  （可以用你写好的那段）\n  续写\n- 下一项\n",
        "1. 项目\n\n   {{#pending 补}}\n\n   续写\n2. 下一项\n",
    ] {
        let (page, items) = run(Mode::Draft, source);
        assert_eq!(items.len(), 1, "{source}");
        let html = html(&page);
        let item = inside(&html, "<li>", "</li>");
        assert!(
            item.contains("<div class=\"report-pending") && item.contains("续写"),
            "{source:?} → {page:?} → {html}"
        );
        assert_eq!(html.matches("<li>").count(), 2, "{html}");
    }
}

#[test]
fn block_callouts_stay_inside_their_blockquote() {
    for source in [
        "> 引文\n> {{#pending 补}}\n> 续写\n\n正文\n",
        "> 引文\n>\n> 【待完善】\n>\n> 续写\n\n正文\n",
        "> - 项目\n>   {{#pending 补}}\n>   续写\n\n正文\n",
    ] {
        let (page, items) = run(Mode::Draft, source);
        assert_eq!(items.len(), 1, "{source}");
        let html = html(&page);
        let quote = inside(&html, "<blockquote>", "</blockquote>");
        assert!(
            quote.contains("<div class=\"report-pending") && quote.contains("续写"),
            "{source:?} → {page:?} → {html}"
        );
        assert!(!quote.contains("正文"), "{html}");
    }
}

#[test]
fn callouts_after_a_heading_in_a_quote_stay_in_the_quote() {
    let source = "> ## 说明【待完善】\n> 正文\n\n后文\n";
    let (page, items) = run(Mode::Draft, source);
    assert_eq!(items.len(), 1);
    let html = html(&page);
    let quote = inside(&html, "<blockquote>", "</blockquote>");
    assert!(
        quote.contains("<h2>说明</h2>")
            && quote.contains("<div class=\"report-pending")
            && quote.contains("正文"),
        "{page:?} → {html}"
    );
}

#[test]
fn publish_reports_the_editorial_notes_it_removed() {
    let source = EDITORIAL;
    let fixture = ChapterFixture::new("trade.md", "贸易合作", source);
    let chapter = fixture.chapter();
    let found = detect(
        &PendingConfig::default(),
        &report(Mode::Publish),
        Target::Html,
        &chapter,
    );
    let removed: Vec<_> = found
        .removed
        .iter()
        .map(|i| (i.line, i.kind, i.note.as_str(), i.file.as_str()))
        .collect();
    assert_eq!(
        removed,
        [
            (
                3,
                PendingKind::Editorial,
                "可以用你写好的那段",
                "book/trade.md"
            ),
            (5, PendingKind::Editorial, "参考反制文件", "book/trade.md"),
        ]
    );
    assert!(found.items.iter().all(|i| i.kind != PendingKind::Editorial));
    for mode in [Mode::Draft, Mode::Final] {
        let found = detect(
            &PendingConfig::default(),
            &report(mode),
            Target::Html,
            &chapter,
        );
        assert!(found.removed.is_empty(), "{mode:?}");
    }
}

#[test]
fn publish_keeps_ordinary_parenthetical_prose() {
    let source = "## 政策\n\n各地已出台配套措施（参考国务院办公厅印发的相关文件）。\n\n服务面向全球用户（无论您身处何地）。\n";
    let (page, items) = run(Mode::Publish, source);
    assert_eq!((page.as_str(), items), (source, vec![]));
}

#[test]
fn analyze_finds_what_detect_and_outline_find_computing_marks_once() {
    let cfg = PendingConfig::default();
    for (mode, source) in [
        (Mode::Draft, EDITORIAL),
        (Mode::Publish, EDITORIAL),
        (
            Mode::Final,
            "# 标题【待完善】\n\n## 现状\n\n{{#pending 补}}\n\n## 挑战\n",
        ),
    ] {
        let fixture = ChapterFixture::new("trade.md", "贸易合作", source);
        let chapter = fixture.chapter();
        let report = report(mode);
        crate::marks::CALLS.with(|c| c.set(0));
        let (found, outline) = crate::analyze(&cfg, &report, Target::Html, &chapter);
        assert_eq!(crate::marks::CALLS.with(|c| c.get()), 1);
        assert_eq!(found, detect(&cfg, &report, Target::Html, &chapter));
        assert_eq!(outline, crate::outline(&cfg, &chapter));
    }
}

#[test]
fn a_section_holding_only_a_remark_is_empty_and_the_remark_leaves() {
    let source = "# 产能合作\n\n## 挑战\n\n{{#remark 其他的挑战目前没想到}}\n\n## 政策\n\n政策{{#remark 待定}}正文。\n";
    let fixture = ChapterFixture::new("capacity.md", "产能合作", source);
    let chapter = fixture.chapter();
    let found = detect(
        &PendingConfig::default(),
        &report(Mode::Draft),
        Target::Html,
        &chapter,
    );
    let items: Vec<_> = found
        .items
        .iter()
        .map(|i| (i.line, i.kind, i.note.as_str()))
        .collect();
    assert_eq!(items, [(3, PendingKind::EmptySection, "「挑战」尚无正文")]);
    let page = apply(source, found.edits);
    assert!(!page.contains("remark"), "{page}");
    assert!(page.contains("政策正文。"), "{page}");
}
