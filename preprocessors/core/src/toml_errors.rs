//! TOML errors in a writer's words. The toml and serde crates explain in English and in
//! Rust's types (`invalid type: string "2", expected usize`); writers get the file, the
//! line, what is wrong in Chinese and how to fix it. Shared by every TOML file a writer
//! edits (sidecars, book.toml).

use std::sync::LazyLock;

use regex::Regex;

use crate::suggest::did_you_mean;

static UNKNOWN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^unknown field `([^`]*)`(?:, expected (.*))?$").unwrap());
static INVALID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^invalid (type|value): (\w+(?: \w+)?)(?: [`\x22](.*)[`\x22])?, expected (.*)$")
        .unwrap()
});
static NAMES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`([^`]*)`").unwrap());

/// `FILE 第N行：problem；fix`.
pub fn explain(file: &str, text: &str, e: &toml::de::Error) -> String {
    let start = e.span().map_or(0, |s| s.start.min(text.len()));
    let line = text[..start].matches('\n').count() + 1;
    let line_text = text.lines().nth(line - 1).unwrap_or("");
    let key = line_text
        .split_once('=')
        .map_or("", |(k, _)| k.trim().trim_matches('"'));
    format!("{file} 第{line}行：{}", problem(e.message().trim(), key))
}

fn problem(message: &str, key: &str) -> String {
    if let Some(c) = UNKNOWN.captures(message) {
        let unknown = &c[1];
        let known: Vec<&str> = c
            .get(2)
            .map(|m| {
                NAMES
                    .captures_iter(m.as_str())
                    .map(|n| n.get(1).unwrap().as_str())
                    .collect()
            })
            .unwrap_or_default();
        let mut out = format!("不认识的键「{unknown}」");
        match did_you_mean(unknown, known.iter().copied()) {
            Some(s) => out.push_str(&format!("，是不是想写「{s}」？")),
            None if !known.is_empty() => out.push_str(&format!("；可用的键：{}", known.join("、"))),
            None => {}
        }
        return out;
    }
    if message.contains("untagged enum SheetRef") {
        return format!(
            "「{key}」应为工作表的名称（加英文双引号，如 sheet = \"出口\"）或序号（从 1 数起的整数，如 sheet = 2）"
        );
    }
    if let Some(c) = INVALID.captures(message) {
        let expected = expected(&c[4], key);
        if &c[1] == "value" {
            return format!(
                "「{key}」的值 {} 不行：{expected}",
                c.get(3).map_or("", |m| m.as_str())
            );
        }
        let found = match &c[2] {
            "string" => "加了引号的文字",
            "integer" => "整数",
            "floating point" => "小数",
            "boolean" => "true/false",
            "sequence" => "列表 [...]",
            "map" => "表 {...}",
            _ => "其他类型的值",
        };
        return format!("「{key}」这里写的是{found}，{expected}");
    }
    let plain = match message {
        m if m.contains("invalid unquoted key") => {
            "含中文或其他符号的键名要加英文双引号，例如 [columns.\"出口额\"]、\"出口额\" = ..."
        }
        m if m.starts_with("duplicate key") => {
            return format!("键「{key}」写了两次；请删掉其中一处");
        }
        m if m.starts_with("string values must be quoted") => {
            return format!(
                "文字要加英文双引号，例如 {} = \"中国医药保健品进出口商会\"",
                if key.is_empty() { "source" } else { key }
            );
        }
        m if m.starts_with("invalid basic string") => {
            "引号没有配对：文字两边都要用英文双引号 \"（中文引号“”不算）；跨行的文字用三个引号 \"\"\" 括起来"
        }
        m if m.starts_with("invalid multi-line") => "多行文字没有结束：缺少结尾的 \"\"\" 或 '''",
        m if m.starts_with("key with no value") => "键后面缺少 = 和值，例如 unit = \"亿美元\"",
        m if m.starts_with("unexpected key or value") => {
            "值后面多了内容：一行只写一个“键 = 值”；值里有空格时整个加英文双引号"
        }
        m if m.starts_with("invalid table header") || m.contains("expected `]`") => {
            "方括号的表头写法有误，应为 [columns.\"列名\"]"
        }
        _ => "这一行不符合 TOML 的写法；请对照写作指南中的示例检查引号、等号和方括号",
    };
    plain.to_string()
}

/// What a value should be, in words, with an example.
fn expected(rust: &str, key: &str) -> String {
    let key = if key.is_empty() { "键" } else { key };
    match rust {
        "usize" | "u32" | "u64" | "u8" | "u16" => {
            format!("应为不小于 0、不加引号的整数，例如 {key} = 1")
        }
        "i64" | "i32" | "an integer" => format!("应为不加引号的整数，例如 {key} = 1"),
        "a string" | "a borrowed string" => {
            format!("应为加英文双引号的文字，例如 {key} = \"…\"")
        }
        "a boolean" => format!("应为 true 或 false（不加引号），例如 {key} = true"),
        r if r.starts_with("struct ColumnMeta") || r.starts_with("a map") => {
            "应为一个表：写成 [columns.\"列名\"]，下面再写 unit、decimals 或 notes".to_string()
        }
        r if r.starts_with("struct") => "应为一个表（[名称] 开头的一段）".to_string(),
        r if r.starts_with("a sequence") => format!("应为列表，例如 {key} = [\"…\", \"…\"]"),
        _ => "类型不对；请对照写作指南中的示例".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "kebab-case")]
    #[allow(dead_code)]
    struct Sample {
        title: Option<String>,
        source: Option<String>,
        decimals: Option<usize>,
    }

    fn explained(text: &str) -> String {
        let e = toml::from_str::<Sample>(text).unwrap_err();
        explain("book/data/t.toml", text, &e)
    }

    #[test]
    fn serde_english_becomes_chinese_with_the_line_and_the_fix() {
        assert_eq!(
            explained("title = \"x\"\ndecimals = \"2\"\n"),
            "book/data/t.toml 第2行：「decimals」这里写的是加了引号的文字，应为不小于 0、不加引号的整数，例如 decimals = 1"
        );
        assert_eq!(
            explained("title = \"x\"\nsorce = \"y\"\n"),
            "book/data/t.toml 第2行：不认识的键「sorce」，是不是想写「source」？"
        );
        assert_eq!(
            explained("decimals = -1\n"),
            "book/data/t.toml 第1行：「decimals」的值 -1 不行：应为不小于 0、不加引号的整数，例如 decimals = 1"
        );
        assert_eq!(
            explained("title = 商会\n"),
            "book/data/t.toml 第1行：文字要加英文双引号，例如 title = \"中国医药保健品进出口商会\""
        );
        assert_eq!(
            explained("title = \"a\"\ntitle = \"b\"\n"),
            "book/data/t.toml 第2行：键「title」写了两次；请删掉其中一处"
        );
        assert_eq!(
            explained("title = \"x\n"),
            "book/data/t.toml 第1行：引号没有配对：文字两边都要用英文双引号 \"（中文引号“”不算）；跨行的文字用三个引号 \"\"\" 括起来"
        );
        assert_eq!(
            explained("title = 2\n"),
            "book/data/t.toml 第1行：「title」这里写的是整数，应为加英文双引号的文字，例如 title = \"…\""
        );
    }
}
