//! `[preprocessor.report.pending]`: what counts as pending, and the progress page's settings.
//!
//! Read by hand rather than through serde so that every mistake gets a message in Chinese
//! that names the exact book.toml key.

use regex::Regex;
use report_core::suggest::did_you_mean;

/// The table of book.toml this module reads, for messages.
const TABLE: &str = "preprocessor.report.pending";

/// Bracketed notes that mark unfinished text: 【待补充数据】【缺…】【差…】【现状待整理】
/// 【待完善】, and a bare 待补充 (待补充数据, …) that starts a line or follows a space or
/// punctuation, as in a table cell or after a colon; after a word it is ordinary prose
/// (尚待补充, 有待补充, 内容待补充), and in quotation marks (“待补充”) it is mentioned, not
/// meant: neither counts.
pub const DEFAULT_NOTES: &[&str] = &[
    r"【[待缺差][^【】\n]*】",
    r"【[^【】\n]*待(?:整理|完善|补充)[^【】\n]*】",
    r#"(?m)(?:^|[^\p{L}\p{N}“‘「『"'])(?P<note>待补充(?:数据|资料|内容|案例)?)"#,
];

/// Notes to co-authors: a parenthesised remark (full-width or ASCII brackets, one level of
/// nesting allowed) that is unmistakably a writing instruction. Removing text from the
/// published book is drastic, so each cue is narrow:
///
/// 1. a clause inside the brackets that starts with 要写, 多分析, 不要数据 or 不要举例:
///    （要写总体情况（不要举例），…）, （多分析，不要数据，…）; not （需要写明…） or
///    （更多分析见…）;
/// 2. words addressed to a co-author about the text: 你写, 你来写, 你看, 你补, 你改, 你那段,
///    你的那段, …, or 注意逻辑: （可以用你写好的那段）; not （无论你身处何地）, and never
///    您, which a report uses for its readers;
/// 3. brackets holding only 分两段 (分三段写, …): （分两段）, not （分两段实施）;
/// 4. brackets holding only 参考 + a short name + 文件: （参考反制文件）, not
///    （参考国务院办公厅印发的相关文件） or （参考《…》文件）.
///
/// Ordinary parentheses such as （ICH） or （国际人用药品注册技术协调会） carry none of
/// these cues.
pub const DEFAULT_EDITORIAL: &[&str] = &[
    concat!(
        r"[（(](?:(?:[^（）()\n]|[（(][^（）()\n]*[）)])*?[，,；;、])?",
        r"(?:要写|多分析|不要数据|不要举例)",
        r"(?:[^（）()\n]|[（(][^（）()\n]*[）)])*[）)]"
    ),
    concat!(
        r"[（(](?:[^（）()\n]|[（(][^（）()\n]*[）)])*?",
        r"(?:你们?(?:写|来写|看|补|改|查|找|整理|负责|之前|上次|发的|给的|那段|的那段)|注意逻辑)",
        r"(?:[^（）()\n]|[（(][^（）()\n]*[）)])*[）)]"
    ),
    r"[（(]分[两二三四五六几]段(?:写|来写|论述|展开)?[）)]",
    r"[（(]参考[^（）()\n，,。；;、：:《》]{1,4}文件[）)]",
];

/// The sections every cooperation chapter repeats: the progress page's columns.
pub const DEFAULT_SECTIONS: &[&str] = &["现状", "挑战", "政策"];

const KEYS: &[&str] = &[
    "notes",
    "editorial",
    "sections",
    "empty-sections",
    "budgets",
    "uncounted",
];

/// The settings of `[preprocessor.report.pending]`, checked and compiled.
#[derive(Debug, Clone)]
pub struct PendingConfig {
    /// `notes`: patterns of bracketed pending notes. If a pattern has a group named `note`,
    /// only that group is the marker; otherwise the whole match is.
    pub notes: Vec<Regex>,
    /// `editorial`: patterns of notes to co-authors (same rule for a `note` group).
    pub editorial: Vec<Regex>,
    /// `sections`: the recurring sections; a heading whose title ends with one of them is
    /// that section (see [`PendingConfig::column_of`]).
    pub sections: Vec<String>,
    /// `empty-sections`: whether a heading with no body counts as pending.
    pub empty_sections: bool,
    /// `budgets`: character budgets, keyed by chapter, by
    /// recurring section or by `章/节`, in the order written.
    pub budgets: Vec<(String, usize)>,
    /// `uncounted`: chapters left out of the character counts (a path such as
    /// `progress.md`, a folder such as `guide/`, or a chapter title).
    pub uncounted: Vec<String>,
}

impl Default for PendingConfig {
    fn default() -> Self {
        PendingConfig {
            notes: compile_defaults(DEFAULT_NOTES),
            editorial: compile_defaults(DEFAULT_EDITORIAL),
            sections: DEFAULT_SECTIONS.iter().map(|s| s.to_string()).collect(),
            empty_sections: true,
            budgets: Vec::new(),
            uncounted: Vec::new(),
        }
    }
}

fn compile_defaults(patterns: &[&str]) -> Vec<Regex> {
    patterns.iter().map(|p| Regex::new(p).unwrap()).collect()
}

impl PendingConfig {
    /// Reads `[preprocessor.report.pending]`; missing keys take their defaults.
    pub fn from_table(t: &toml::Table) -> Result<PendingConfig, String> {
        let mut cfg = PendingConfig::default();
        for (key, value) in t {
            match key.as_str() {
                "notes" => cfg.notes = patterns(key, value)?,
                "editorial" => cfg.editorial = patterns(key, value)?,
                "sections" => {
                    cfg.sections = strings(key, value, "小节名称")?;
                    if let Some(blank) = cfg.sections.iter().find(|s| s.trim().is_empty()) {
                        return Err(format!(
                            "book.toml 的 {TABLE}.{key} 不能含空的小节名称「{blank}」"
                        ));
                    }
                }
                "empty-sections" => {
                    cfg.empty_sections = value
                        .as_bool()
                        .ok_or_else(|| format!("book.toml 的 {TABLE}.{key} 应为 true 或 false"))?;
                }
                "budgets" => cfg.budgets = budgets(key, value)?,
                "uncounted" => cfg.uncounted = strings(key, value, "章节")?,
                _ => return Err(unknown_key(key)),
            }
        }
        Ok(cfg)
    }

    /// A heading's text without the pending notes, editorial notes and `{{#pending}}`
    /// markers written in it: the title readers see, judged from the text alone. Outlines
    /// and empty-section notes use the scanner's positions instead, which also drop the
    /// other placeholders and keep what is quoted in code.
    pub fn clean_title(&self, text: &str) -> String {
        let mut out = text.to_string();
        for re in self.notes.iter().chain(&self.editorial) {
            out = remove_marks(re, &out);
        }
        out = remove_marks(&crate::marks::PENDING_IN_TEXT, &out);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Index of the recurring section that a heading stands for: the first in `sections`
    /// that its title ends with, trailing marks such as ✅ or ：ignored. So 挑战✅, 对应政策
    /// and （三）主要挑战 are sections of their columns; 政策建议 and 政策环境 are not.
    pub fn column_of(&self, title: &str) -> Option<usize> {
        let title = title.trim_end_matches(|c: char| !c.is_alphanumeric());
        self.sections
            .iter()
            .position(|s| title.ends_with(s.as_str()))
    }
}

/// Removes every marker `re` finds in `text` (the `note` group if it has one).
fn remove_marks(re: &Regex, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for cap in re.captures_iter(text) {
        let m = cap.name("note").unwrap_or_else(|| cap.get(0).unwrap());
        out.push_str(&text[pos..m.start()]);
        pos = m.end();
    }
    out.push_str(&text[pos..]);
    out
}

fn unknown_key(key: &str) -> String {
    let mut msg = format!("book.toml 的 [{TABLE}] 没有「{key}」这个设置");
    match did_you_mean(key, KEYS.iter().copied()) {
        Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
        None => msg.push_str(&format!("。可用的设置有：{}", KEYS.join("、"))),
    }
    msg
}

fn strings(key: &str, value: &toml::Value, what: &str) -> Result<Vec<String>, String> {
    let wrong = || format!("book.toml 的 {TABLE}.{key} 应是{what}的列表，例如 [\"…\", \"…\"]");
    value
        .as_array()
        .ok_or_else(wrong)?
        .iter()
        .map(|v| v.as_str().map(str::to_string).ok_or_else(wrong))
        .collect()
}

fn patterns(key: &str, value: &toml::Value) -> Result<Vec<Regex>, String> {
    let list = strings(key, value, "正则表达式")?;
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            let re = Regex::new(p).map_err(|e| {
                format!("book.toml 的 {TABLE}.{key} 第 {n} 条正则表达式「{p}」有误：{e}")
            })?;
            if re.is_match("") {
                return Err(format!(
                    "book.toml 的 {TABLE}.{key} 第 {n} 条正则表达式「{p}」会匹配空文本，请让它至少匹配一个字"
                ));
            }
            Ok(re)
        })
        .collect()
}

fn budgets(key: &str, value: &toml::Value) -> Result<Vec<(String, usize)>, String> {
    let table = value.as_table().ok_or_else(|| {
        format!(
            "book.toml 的 {TABLE}.{key} 应是「章节 = 字数」的表，例如 {{ \"贸易合作\" = 6000 }}"
        )
    })?;
    table
        .iter()
        .map(|(name, v)| match v.as_integer() {
            Some(n) if n > 0 => Ok((name.clone(), n as usize)),
            _ => Err(format!(
                "book.toml 的 {TABLE}.{key} 中「{name}」的字数预算应是正整数，现在是 {}",
                describe(v)
            )),
        })
        .collect()
}

/// A value as a writer wrote it in book.toml.
fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("\"{s}\""),
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        other => other.type_str().to_string(),
    }
}

#[cfg(test)]
mod tests;
