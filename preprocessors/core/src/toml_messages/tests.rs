use super::*;
use crate::config::ReportConfig;

const HEAD: &str = "[book]\ntitle = \"测试\"\n\n[preprocessor.report]\ncommand = \"x\"\n";

fn error_in(report: &str) -> String {
    let text = format!("{HEAD}{report}");
    table_at::<ReportConfig>("book.toml", &text, &["preprocessor", "report"]).expect_err("an error")
}

#[test]
fn config_errors_name_the_line_and_say_how_to_fix_it() {
    for (bad, says) in [
        (
            "mode = \"fnal\"\n",
            "book.toml 第6行（mode = \"fnal\"）：没有「fnal」这个取值，是不是想写「final」？",
        ),
        (
            "mdoe = \"final\"\n",
            "book.toml 第6行（mdoe = \"final\"）：没有「mdoe」这个设置项，是不是想写「mode」？",
        ),
        (
            "fail-on-error = \"true\"\n",
            "book.toml 第6行（fail-on-error = \"true\"）：这里应当写 true 或 false（不加引号），现在写的是文字 \"true\"：去掉引号，写成 true",
        ),
        (
            "data-dir = 2\n",
            "book.toml 第6行（data-dir = 2）：这里应当写文字（加英文双引号，例如 \"…\"），现在写的是整数 2：加上英文双引号，写成 \"2\"",
        ),
        (
            "\nmode = final\n",
            "book.toml 第7行（mode = final）：「final」是文字，要加英文双引号，写成 mode = \"final\"",
        ),
        (
            "mode = \"draft\"\nmode = \"final\"\n",
            "book.toml 第7行（mode = \"final\"）：",
        ),
    ] {
        let got = error_in(bad);
        assert!(got.starts_with(says), "{bad:?}:\n{got}\n{says}");
        assert!(!got.contains("expected"), "{got}");
    }
}

#[test]
fn serde_english_becomes_chinese() {
    assert_eq!(
        explain("invalid type: string \"2\", expected usize"),
        "这里应当写整数（不加引号，例如 2），现在写的是文字 \"2\"：去掉引号，写成 2"
    );
    assert_eq!(
        explain("invalid type: sequence, expected a string"),
        "这里应当写文字（加英文双引号，例如 \"…\"），现在写的是列表 [ … ]"
    );
    assert_eq!(
        explain("unknown field `ignor`, expected `enabled`, `ignore` or `skip`"),
        "没有「ignor」这个设置项，是不是想写「ignore」？"
    );
    assert_eq!(
        explain("missing field `title`"),
        "缺少「title」这一项，请补上"
    );
}

#[test]
fn a_table_or_key_named_in_a_message_gives_its_line() {
    let text = format!(
        "{HEAD}\n[preprocessor.report.pending]\nsections = [\"现状\"]\nempty-sections = 1\n"
    );
    assert_eq!(
        line_of(&text, &["preprocessor", "report", "pending"]),
        Some(7)
    );
    assert_eq!(
        line_of(
            &text,
            &["preprocessor", "report", "pending", "empty-sections"]
        ),
        Some(9)
    );
    assert_eq!(
        locate(
            "book.toml",
            &text,
            "book.toml 的 [preprocessor.report.pending].empty-sections 应为 true 或 false"
        ),
        "book.toml 第9行：[preprocessor.report.pending].empty-sections 应为 true 或 false"
    );
    assert_eq!(line_of(&text, &["preprocessor", "nothing"]), None);
    assert_eq!(
        locate(
            "book.toml",
            &text,
            "book.toml 的 [preprocessor.report.pending] 没有「sectons」这个设置"
        ),
        "book.toml 第7行：[preprocessor.report.pending] 没有「sectons」这个设置"
    );
    assert_eq!(
        locate(
            "book.toml",
            &text,
            "book.toml 的 preprocessor.report.pending.sections 有误"
        ),
        "book.toml 第8行：preprocessor.report.pending.sections 有误"
    );
}
