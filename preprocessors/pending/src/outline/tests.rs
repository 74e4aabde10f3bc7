use super::*;
use crate::test_support::ChapterFixture;

fn outline_of(cfg: &PendingConfig, path: &str, name: &str, source: &str) -> Outline {
    outline(cfg, &ChapterFixture::new(path, name, source).chapter())
}

const TRADE: &str = "\
# 贸易合作【现状待整理】

## 现状

### 药械产品进出口

出口额一千亿。

### 投资合作（分两段）

投资下降。

## 挑战✅

## 对应政策

政策建议。
";

#[test]
fn sections_know_their_trail_lines_and_column() {
    let o = outline_of(&PendingConfig::default(), "trade.md", "贸易合作", TRADE);
    let got: Vec<_> = o
        .sections
        .iter()
        .map(|s| {
            (
                s.title.as_str(),
                s.line,
                s.end_line,
                s.trail.join("/"),
                s.column,
                s.column_root,
                s.is_title,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("贸易合作", 1, 18, String::new(), None, false, true),
            ("现状", 3, 12, "现状".into(), Some(0), true, false),
            (
                "药械产品进出口",
                5,
                8,
                "现状/药械产品进出口".into(),
                Some(0),
                false,
                false
            ),
            (
                "投资合作",
                9,
                12,
                "现状/投资合作".into(),
                Some(0),
                false,
                false
            ),
            ("挑战✅", 13, 14, "挑战✅".into(), Some(1), true, false),
            ("对应政策", 15, 18, "对应政策".into(), Some(2), true, false),
        ]
    );
}

#[test]
fn section_paths_start_with_the_chapter_name() {
    let o = outline_of(&PendingConfig::default(), "trade.md", "贸易合作", TRADE);
    assert_eq!(section_path(&o, 1), "贸易合作");
    assert_eq!(section_path(&o, 3), "贸易合作 › 现状");
    assert_eq!(section_path(&o, 7), "贸易合作 › 现状 › 药械产品进出口");
    assert_eq!(section_path(&o, 11), "贸易合作 › 现状 › 投资合作");
    assert_eq!(section_path(&o, 17), "贸易合作 › 对应政策");
    let untitled = outline_of(
        &PendingConfig::default(),
        "a.md",
        "引言",
        "前言。\n## 背景\n## 意义\n",
    );
    assert_eq!(section_path(&untitled, 1), "引言");
    assert_eq!(section_path(&untitled, 2), "引言 › 背景");
}

#[test]
fn a_nested_heading_with_a_section_word_stays_in_its_outer_column() {
    let o = outline_of(
        &PendingConfig::default(),
        "t.md",
        "技术合作",
        "# 技术合作\n## 现状\n### 相关政策\n正文\n## 政策\n正文\n",
    );
    let cols: Vec<_> = o
        .sections
        .iter()
        .map(|s| (s.column, s.column_root))
        .collect();
    assert_eq!(
        cols,
        [
            (None, false),
            (Some(0), true),
            (Some(0), false),
            (Some(2), true)
        ]
    );
}

#[test]
fn counts_characters_of_prose_only() {
    let source = "\
# 标题【待完善】

正文，含ICH 2017。[链接文字](https://example.com/很长的地址) <span class=\"x\">强调</span>

1. 第一条
- 第二条（可以用你写好的那段）

`代码` 与 {{#table trade}} 与 {{#pending 补图}}

```
不计入
```

<!-- 不计入 -->
## 小节 {#id-x}
";
    let o = outline_of(&PendingConfig::default(), "a.md", "A", source);
    // 标题 2; 正文，含ICH2017。 = 5 + 7; 链接文字 4; 强调 2; 第一条 3; 第二条 3; 与 与 2; 小节 2.
    assert_eq!(o.chars, 2 + 12 + 4 + 2 + 3 + 3 + 2 + 2);
    assert_eq!(o.sections[1].chars, 2);
    assert_eq!(o.sections[0].chars, o.chars);
}

#[test]
fn the_progress_page_and_uncounted_chapters_are_not_counted() {
    let cfg = PendingConfig {
        uncounted: vec!["guide/".into(), "附录".into()],
        ..PendingConfig::default()
    };
    assert!(outline_of(&cfg, "trade.md", "贸易合作", TRADE).counted);
    assert!(
        !outline_of(
            &cfg,
            "progress.md",
            "编写进度",
            "# 编写进度\n\n{{#progress}}\n"
        )
        .counted
    );
    assert!(!outline_of(&cfg, "guide/pending.md", "待办", "正文").counted);
    assert!(!outline_of(&cfg, "appendix.md", "附录", "正文").counted);
}

#[test]
fn placeholders_in_headings_stay_out_of_section_titles() {
    let source = "\
# T

## 出口额 {{#value trade/totals row=2024 col=出口额}}

正文【待完善】

## 进口额{{#value trade/totals row=2024 col=进口额}}亿美元 {{#pending 核对}}

正文

## 写法：`{{#table}}` 与 \\{{#value x}}

正文
";
    let fixture = ChapterFixture::new("t.md", "T", source);
    let chapter = fixture.chapter();
    let o = outline(&PendingConfig::default(), &chapter);
    let titles: Vec<_> = o.sections.iter().map(|s| s.title.as_str()).collect();
    // Code and escaped placeholders are text that readers see.
    assert_eq!(
        titles,
        [
            "T",
            "出口额",
            "进口额亿美元",
            "写法：{{#table}} 与 {{#value x}}"
        ]
    );
    assert_eq!(section_path(&o, 5), "T › 出口额");
    let log = crate::log_lines(
        &[o],
        &crate::detect(
            &PendingConfig::default(),
            &report_core::config::ReportConfig::default(),
            report_core::config::Target::Html,
            &chapter,
        )
        .items,
    );
    assert_eq!(
        log,
        [
            "book/t.md:5  T › 出口额  待完成：待完善",
            "book/t.md:7  T › 进口额亿美元  待完成：核对",
        ]
    );
}

#[test]
fn an_empty_section_is_named_without_the_placeholders_in_its_heading() {
    let source = "# T\n\n## 政策 {{#value facts key=年份}}\n";
    let fixture = ChapterFixture::new("t.md", "T", source);
    let chapter = fixture.chapter();
    let found = crate::detect(
        &PendingConfig::default(),
        &report_core::config::ReportConfig::default(),
        report_core::config::Target::Html,
        &chapter,
    );
    let notes: Vec<_> = found.items.iter().map(|i| i.note.as_str()).collect();
    assert_eq!(notes, ["「政策」尚无正文"]);
}
