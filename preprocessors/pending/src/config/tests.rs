use super::*;

fn table(text: &str) -> toml::Table {
    toml::from_str(text).unwrap()
}

fn error(text: &str) -> String {
    PendingConfig::from_table(&table(text)).unwrap_err()
}

#[test]
fn an_empty_table_gives_the_defaults() {
    let cfg = PendingConfig::from_table(&toml::Table::new()).unwrap();
    assert_eq!(cfg.sections, ["现状", "挑战", "政策"]);
    assert_eq!(cfg.notes.len(), DEFAULT_NOTES.len());
    assert_eq!(cfg.editorial.len(), DEFAULT_EDITORIAL.len());
    assert!(cfg.empty_sections);
    assert!(cfg.budgets.is_empty());
    assert!(cfg.uncounted.is_empty());
}

#[test]
fn reads_every_key() {
    let cfg = PendingConfig::from_table(&table(
        r#"
        notes = ['【TODO[^】]*】']
        editorial = ['\[\[.*?\]\]']
        sections = ['现状', '问题', '建议']
        empty-sections = false
        uncounted = ['guide/', '编写进度']
        [budgets]
        "贸易合作" = 6000
        "现状" = 2500
        "#,
    ))
    .unwrap();
    assert!(cfg.notes[0].is_match("正文【TODO 补图】"));
    assert!(cfg.editorial[0].is_match("[[给小王]]"));
    assert_eq!(cfg.sections, ["现状", "问题", "建议"]);
    assert!(!cfg.empty_sections);
    assert_eq!(cfg.uncounted, ["guide/", "编写进度"]);
    assert_eq!(
        cfg.budgets,
        [("现状".to_string(), 2500), ("贸易合作".to_string(), 6000)]
    );
}

#[test]
fn an_invalid_regex_names_the_key_and_the_regex_error() {
    assert_eq!(
        error("notes = ['【待[^】]*】', '【(待']"),
        "book.toml 的 preprocessor.report.pending.notes 第 2 条正则表达式「【(待」有误：regex parse error:\n    【(待\n     ^\nerror: unclosed group"
    );
    assert!(error("editorial = ['（*']").starts_with(
        "book.toml 的 preprocessor.report.pending.editorial 第 1 条正则表达式「（*」"
    ));
}

#[test]
fn a_regex_that_matches_nothing_at_all_is_refused() {
    assert_eq!(
        error("notes = ['待*']"),
        "book.toml 的 preprocessor.report.pending.notes 第 1 条正则表达式「待*」会匹配空文本，请让它至少匹配一个字"
    );
}

#[test]
fn unknown_keys_get_a_did_you_mean() {
    assert_eq!(
        error("budget = {}"),
        "book.toml 的 [preprocessor.report.pending] 没有「budget」这个设置，是不是想写「budgets」？"
    );
    assert_eq!(
        error("colour = 'red'"),
        "book.toml 的 [preprocessor.report.pending] 没有「colour」这个设置。可用的设置有：notes、editorial、sections、empty-sections、budgets、uncounted"
    );
}

#[test]
fn wrong_types_are_explained() {
    assert_eq!(
        error("notes = '【待'"),
        "book.toml 的 preprocessor.report.pending.notes 应是正则表达式的列表，例如 [\"…\", \"…\"]"
    );
    assert_eq!(
        error("empty-sections = 'no'"),
        "book.toml 的 preprocessor.report.pending.empty-sections 应为 true 或 false"
    );
    assert_eq!(
        error("sections = ['现状', ' ']"),
        "book.toml 的 preprocessor.report.pending.sections 不能含空的小节名称「 」"
    );
    assert_eq!(
        error("budgets = { '贸易合作' = '三千' }"),
        "book.toml 的 preprocessor.report.pending.budgets 中「贸易合作」的字数预算应是正整数，现在是 \"三千\""
    );
    assert_eq!(
        error("budgets = { '贸易合作' = 0 }"),
        "book.toml 的 preprocessor.report.pending.budgets 中「贸易合作」的字数预算应是正整数，现在是 0"
    );
}

#[test]
fn clean_titles_lose_their_notes() {
    let cfg = PendingConfig::default();
    assert_eq!(
        cfg.clean_title("（一）贸易合作【现状待整理】"),
        "（一）贸易合作"
    );
    assert_eq!(
        cfg.clean_title("区域性合作机制 RECP （要写总体情况（不要举例），你写的有一部分可以用）"),
        "区域性合作机制 RECP"
    );
    assert_eq!(cfg.clean_title("政策 {{#pending 三条建议}}"), "政策");
    assert_eq!(cfg.clean_title("合作（ICH）"), "合作（ICH）");
}

#[test]
fn a_heading_stands_for_the_section_word_it_ends_with() {
    let cfg = PendingConfig::default();
    assert_eq!(cfg.column_of("现状"), Some(0));
    assert_eq!(cfg.column_of("挑战✅"), Some(1));
    assert_eq!(cfg.column_of("对应政策"), Some(2));
    assert_eq!(cfg.column_of("（三）主要挑战："), Some(1));
    assert_eq!(cfg.column_of("药械产品进出口情况"), None);
    assert_eq!(cfg.column_of("政策建议"), None);
    assert_eq!(cfg.column_of("政策环境"), None);
}

#[test]
fn the_writers_guide_shows_the_real_defaults() {
    let guide = include_str!("../../../../book/guide/pending.md");
    let block = guide
        .split("```toml\n")
        .filter_map(|b| b.split_once("```").map(|(toml, _)| toml))
        .find(|b| b.contains("editorial = ["))
        .expect("the guide lists the default patterns in a toml block");
    let table: toml::Table = toml::from_str(block).unwrap();
    let pending = table["preprocessor"]["report"]["pending"]
        .as_table()
        .unwrap();
    let list = |key: &str| -> Vec<String> {
        pending[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(list("notes"), DEFAULT_NOTES);
    assert_eq!(list("editorial"), DEFAULT_EDITORIAL);
    // The guide's other example is a valid configuration too.
    let example = guide
        .split("```toml\n")
        .filter_map(|b| b.split_once("```").map(|(toml, _)| toml))
        .find(|b| b.contains("[preprocessor.report.pending.budgets]"))
        .unwrap();
    let table: toml::Table = toml::from_str(example).unwrap();
    let pending = table["preprocessor"]["report"]["pending"]
        .as_table()
        .unwrap();
    PendingConfig::from_table(pending).unwrap();
}
