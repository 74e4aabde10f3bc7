use std::path::PathBuf;

use mdbook_preprocessor::book::{Book, BookItem, Chapter, SectionNumber};

use super::*;

fn chapter(name: &str, path: &str, number: Option<&[u32]>, subs: Vec<BookItem>) -> BookItem {
    let mut ch = Chapter::new(
        name,
        format!("# {name}\n\n正文\n"),
        PathBuf::from(path),
        vec![],
    );
    ch.number = number.map(|n| SectionNumber::new(n.to_vec()));
    ch.sub_items = subs;
    BookItem::Chapter(ch)
}

/// The report's SUMMARY in miniature: prefix, numbered chapters, a part with the guide, a
/// separator and a suffix chapter.
fn report_book() -> Book {
    Book::new_with_items(vec![
        chapter("摘要", "abstract.md", None, vec![]),
        chapter("引言", "introduction.md", Some(&[1]), vec![]),
        chapter("贸易合作", "trade.md", Some(&[2]), vec![]),
        BookItem::PartTitle("附录".into()),
        chapter(
            "写作指南",
            "guide/index.md",
            Some(&[3]),
            vec![chapter(
                "数据与表格",
                "guide/data.md",
                Some(&[3, 1]),
                vec![],
            )],
        ),
        BookItem::Separator,
        chapter("编写进度", "progress.md", None, vec![]),
    ])
}

/// The sidebar as text: `1 引言`, `# 附录`, `---`, `- 摘要` (unnumbered).
fn outline(items: &[BookItem]) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        match item {
            BookItem::Chapter(ch) => {
                out.push(match &ch.number {
                    Some(n) => format!("{n} {}", ch.name),
                    None => format!("- {}", ch.name),
                });
                out.extend(outline(&ch.sub_items));
            }
            BookItem::PartTitle(title) => out.push(format!("# {title}")),
            BookItem::Separator => out.push("---".into()),
        }
    }
    out
}

#[test]
fn normalizes_entries_and_refuses_paths_that_leave_the_book() {
    assert_eq!(normalize("guide/").as_deref(), Some("guide"));
    assert_eq!(normalize("./guide").as_deref(), Some("guide"));
    assert_eq!(
        normalize(r"data\guide\demo.csv").as_deref(),
        Some("data/guide/demo.csv")
    );
    for bad in ["", "/", "/etc", "../x", "guide/../../x", "C:/x"] {
        assert_eq!(normalize(bad), None, "{bad:?}");
    }
}

#[test]
fn covers_files_and_folders_but_not_name_prefixes() {
    assert!(covers("guide", "guide/data.md"));
    assert!(covers("guide", "guide"));
    assert!(covers("progress.md", "progress.md"));
    assert!(!covers("guide", "guidelines.md"));
    assert!(!covers("data/guide", "data/guides/x.csv"));
}

#[test]
fn modes_leave_out_more_the_more_final_they_are() {
    let config = EditionsConfig {
        draft_only: vec!["guide/".into(), "data/guide".into()],
        not_in_final: vec!["progress.md".into()],
        ..Default::default()
    };
    assert!(config.left_out(Mode::Draft).is_empty());
    assert_eq!(config.left_out(Mode::Publish), ["guide", "data/guide"]);
    assert_eq!(
        config.left_out(Mode::Final),
        ["guide", "data/guide", "progress.md"]
    );
}

#[test]
fn publish_drops_the_guide_its_part_title_and_nothing_else() {
    let mut book = report_book();
    let removed = leave_out(&mut book, &["guide".into()]);
    assert_eq!(removed, ["guide/index.md", "guide/data.md"]);
    assert_eq!(
        outline(&book.items),
        ["- 摘要", "1. 引言", "2. 贸易合作", "---", "- 编写进度"]
    );
}

#[test]
fn final_also_drops_the_progress_page_and_the_separator_before_it() {
    let mut book = report_book();
    let removed = leave_out(&mut book, &["guide".into(), "progress.md".into()]);
    assert_eq!(removed, ["guide/index.md", "guide/data.md", "progress.md"]);
    assert_eq!(outline(&book.items), ["- 摘要", "1. 引言", "2. 贸易合作"]);
}

#[test]
fn a_chapter_left_out_in_the_middle_leaves_no_gap_in_the_numbers() {
    let mut book = report_book();
    leave_out(&mut book, &["introduction.md".into()]);
    assert_eq!(
        outline(&book.items),
        [
            "- 摘要",
            "1. 贸易合作",
            "# 附录",
            "2. 写作指南",
            "2.1. 数据与表格",
            "---",
            "- 编写进度"
        ]
    );
}

#[test]
fn nothing_left_out_changes_nothing() {
    let mut book = report_book();
    let before = outline(&book.items);
    assert!(leave_out(&mut book, &[]).is_empty());
    assert!(leave_out(&mut book, &["nowhere.md".into()]).is_empty());
    assert_eq!(outline(&book.items), before);
}

#[test]
fn the_pdf_link_follows_the_first_title_and_escapes_the_book_title() {
    let mut book = report_book();
    let pdf = PdfConfig {
        file: Some("报告 2025.pdf".into()),
        date: None,
    };
    link_pdf(&mut book, &pdf, "A & B <报告>");
    let BookItem::Chapter(first) = &book.items[0] else {
        unreachable!()
    };
    assert_eq!(
        first.content,
        "# 摘要\n\n<p class=\"report-pdf-link\"><a href=\"%E6%8A%A5%E5%91%8A%202025.pdf\" \
         download=\"A &amp; B &lt;报告&gt;.pdf\">下载本报告PDF版（A4）</a></p>\n\n\n正文\n"
    );
}

#[test]
fn no_pdf_file_no_link() {
    let mut book = report_book();
    link_pdf(&mut book, &PdfConfig::default(), "标题");
    let BookItem::Chapter(first) = &book.items[0] else {
        unreachable!()
    };
    assert!(!first.content.contains("report-pdf-link"));
}

#[test]
fn reads_the_output_table_and_refuses_misspelt_keys() {
    let config: EditionsConfig = toml::from_str(
        "command = 'x render'\ndraft-only = ['guide/']\n[pdf]\nfile = 'report.pdf'\n",
    )
    .unwrap();
    assert_eq!(config.draft_only, ["guide/"]);
    assert_eq!(config.pdf.file.as_deref(), Some("report.pdf"));
    let error = toml::from_str::<EditionsConfig>("draft_only = ['guide/']").unwrap_err();
    assert!(error.to_string().contains("draft_only"), "{error}");
}
