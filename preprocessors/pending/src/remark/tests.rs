use super::*;
use crate::test_support::ChapterFixture;
use report_core::edit::apply;

fn chapter_run(source: &str, target: Target) -> (String, Vec<Remark>, Vec<Diagnostic>) {
    let fixture = ChapterFixture::new("capacity.md", "产能合作", source);
    let chapter = fixture.chapter();
    let (edits, errors) = edits(target, &chapter);
    (apply(source, edits), remarks(&chapter), errors)
}

fn run(source: &str) -> (String, Vec<Remark>, Vec<Diagnostic>) {
    chapter_run(source, Target::Html)
}

fn remark(line: usize, text: &str) -> Remark {
    Remark {
        line,
        text: text.to_string(),
    }
}

#[test]
fn a_remark_alone_on_its_line_leaves_no_trace() {
    let (page, remarks, errors) =
        run("第一句，\n{{#remark 其他的挑战和政策目前没想到}}\n第二句。\n");
    assert_eq!(
        page, "第一句，\n第二句。\n",
        "the paragraph stays one paragraph"
    );
    assert_eq!(remarks, [remark(2, "其他的挑战和政策目前没想到")]);
    assert!(errors.is_empty());
}

#[test]
fn a_remark_in_a_sentence_or_a_quote_leaves_the_rest() {
    let (page, remarks, _) = run(
        "正文{{#remark “工作稿备注已过时”}}继续。\n\n> 引用\n> {{#remark 引用里的备注}}\n> 下文\n",
    );
    assert_eq!(page, "正文继续。\n\n> 引用\n> 下文\n");
    assert_eq!(
        remarks,
        [remark(1, "工作稿备注已过时"), remark(4, "引用里的备注")]
    );
}

#[test]
fn a_remark_on_the_last_line_without_a_line_break() {
    let (page, remarks, _) = run("正文。\n\n{{#remark 末尾}}");
    assert_eq!(page, "正文。\n\n");
    assert_eq!(remarks, [remark(3, "末尾")]);
}

#[test]
fn escaped_and_quoted_remarks_stay_as_written() {
    let source = "写法：\\{{#remark 备注}}，`{{#remark 代码}}`\n";
    let (page, remarks, errors) = run(source);
    assert_eq!(
        page, source,
        "escapes are removed by the orchestrator, not here"
    );
    assert!(remarks.is_empty());
    assert!(errors.is_empty());
}

#[test]
fn a_remark_without_text_is_an_error_at_its_place() {
    let (page, remarks, errors) = run("正文。\n\n{{#remark}}\n\n{{#remark “ ”}}\n");
    assert!(remarks.is_empty());
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].file, "book/capacity.md");
    assert_eq!(errors[0].line, 3);
    assert!(
        errors[0].message.contains("没有写备注内容"),
        "{}",
        errors[0].message
    );
    assert_eq!(
        page.matches("<div class=\"report-error\"").count(),
        2,
        "{page}"
    );
    assert!(page.contains("book/capacity.md:3"), "{page}");

    let (page, _, _) = chapter_run("正文{{#remark}}。\n", Target::Markdown);
    assert!(
        page.starts_with("正文〔**占位符错误**：book/capacity.md:1"),
        "{page}"
    );
}
