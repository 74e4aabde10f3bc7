//! TOML and serde errors in words writers can act on: Chinese, with the file, the line and
//! the fix. Used for book.toml's `[preprocessor.report]` tables; the one place to turn a
//! `toml::de::Error` (or any serde message) into a message for writers.

use std::sync::LazyLock;

use regex::Regex;
use toml::de::{DeTable, DeValue};

use crate::suggest::did_you_mean;

/// A TOML error in `file` (whose text is `text`), in Chinese: the file, the line, the line
/// as written, what is wrong and how to fix it.
pub fn describe(file: &str, text: &str, error: &toml::de::Error) -> String {
    let Some(span) = error.span() else {
        return format!("{file}：{}", explain(error.message()));
    };
    let line = line_at(text, span.start);
    let written = text.lines().nth(line - 1).unwrap_or("").trim();
    // `mode = final`: TOML reads a bare word as a broken boolean; the fix is quotes.
    let bare = written
        .split_once('=')
        .map(|(k, v)| (k.trim(), v.trim()))
        .filter(|(_, v)| {
            v.chars().next().is_some_and(|c| c.is_alphabetic()) && !matches!(*v, "true" | "false")
        });
    let message = match bare {
        Some((key, value)) => {
            format!("「{value}」是文字，要加英文双引号，写成 {key} = \"{value}\"")
        }
        None => explain(error.message()),
    };
    format!("{file} 第{line}行（{written}）：{message}")
}

/// The table at `path` of the TOML document `text` (e.g. `["preprocessor", "report"]`),
/// deserialized, `None` if absent; an error says in Chinese where and what is wrong.
pub fn table_at<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    path: &[&str],
) -> Result<Option<T>, String> {
    let doc = DeTable::parse(text).map_err(|e| describe(file, text, &e))?;
    let mut value: Option<toml::Spanned<DeValue>> = None;
    let mut table = doc.get_ref();
    for key in path {
        let Some((_, v)) = table.iter().find(|(k, _)| k.get_ref().as_ref() == *key) else {
            return Ok(None);
        };
        if let DeValue::Table(t) = v.get_ref() {
            table = t;
        }
        value = Some(v.clone());
    }
    let Some(value) = value else {
        return Ok(None);
    };
    T::deserialize(toml::de::ValueDeserializer::from(value))
        .map(Some)
        .map_err(|e| describe(file, text, &e))
}

/// `message` located in `file`: the line of the deepest key of book.toml it names
/// (`[preprocessor.report.pending]`, `preprocessor.report.pending.budgets`, a key it says
/// is unknown: `没有「sectons」`), for checks that read a table already parsed.
pub fn locate(file: &str, text: &str, message: &str) -> String {
    static PATH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"((?:preprocessor|output)(?:\]?\.[A-Za-z0-9_-]+)+)").unwrap());
    static UNKNOWN_KEY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"没有「([^」]+)」").unwrap());
    let message = message.trim();
    let line = PATH.captures(message).and_then(|cap| {
        let dotted = cap[1].replace(']', "");
        let mut path: Vec<&str> = dotted.split('.').collect();
        if let Some(key) = UNKNOWN_KEY.captures(message) {
            path.push(key.get(1).unwrap().as_str());
        }
        (1..=path.len())
            .rev()
            .find_map(|n| line_of(text, &path[..n]))
    });
    let rest = message
        .strip_prefix(file)
        .map(|r| r.trim_start_matches(" 的").trim_start())
        .unwrap_or(message);
    match line {
        Some(line) => format!("{file} 第{line}行：{rest}"),
        None => format!("{file}：{rest}"),
    }
}

/// The 1-based line where the key at `path` is written (a table header counts), if any.
pub fn line_of(text: &str, path: &[&str]) -> Option<usize> {
    let doc = DeTable::parse(text).ok()?;
    let mut table = doc.get_ref();
    let mut line = None;
    for (i, key) in path.iter().enumerate() {
        let (k, v) = table.iter().find(|(k, _)| k.get_ref().as_ref() == *key)?;
        line = Some(line_at(text, k.span().start));
        match v.get_ref() {
            DeValue::Table(t) => table = t,
            _ if i + 1 < path.len() => return None,
            _ => {}
        }
    }
    line
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

static INVALID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^invalid (type|value): (.+), expected (.+)$").unwrap());
static UNKNOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^unknown (field|variant) `([^`]*)`, (?:expected (.+)|there are no (?:fields|variants))$",
    )
    .unwrap()
});
static MISSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^missing field `([^`]*)`$").unwrap());
static DUPLICATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^duplicate (?:key|field) `([^`]*)`").unwrap());
static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`([^`]*)`").unwrap());

/// A serde or TOML message in Chinese, with the fix where there is an obvious one.
pub fn explain(message: &str) -> String {
    let message = message.trim();
    if let Some(cap) = INVALID.captures(message) {
        return invalid(&cap[2], &cap[3]);
    }
    if let Some(cap) = UNKNOWN.captures(message) {
        let what = if &cap[1] == "field" {
            "设置项"
        } else {
            "取值"
        };
        let known: Vec<&str> = cap
            .get(3)
            .map(|m| {
                QUOTED
                    .captures_iter(m.as_str())
                    .map(|c| c.get(1).unwrap().as_str())
                    .collect()
            })
            .unwrap_or_default();
        let word = &cap[2];
        let mut out = format!("没有「{word}」这个{what}");
        match did_you_mean(word, known.iter().copied()) {
            Some(s) => out.push_str(&format!("，是不是想写「{s}」？")),
            None if known.is_empty() => out.push_str("：这里不能写任何设置项"),
            None => out.push_str(&format!("。可用的有：{}", known.join("、"))),
        }
        return out;
    }
    if let Some(cap) = MISSING.captures(message) {
        return format!("缺少「{}」这一项，请补上", &cap[1]);
    }
    if let Some(cap) = DUPLICATE.captures(message) {
        return format!("「{}」写了两次：只保留一处", &cap[1]);
    }
    if message.contains("unquoted") || message.contains("invalid unquoted key") {
        return "含中文或空格的键名要加英文双引号，例如 \"出口额\" = …".to_string();
    }
    format!("不是有效的 TOML（{message}）：请检查引号、等号和方括号是否成对")
}

/// `invalid type: string "2", expected usize` and the like.
fn invalid(found: &str, expected: &str) -> String {
    let wanted = wanted(expected);
    let (shown, hint) = if let Some(s) = found
        .strip_prefix("string \"")
        .and_then(|s| s.strip_suffix('"'))
    {
        let hint = if s.parse::<f64>().is_ok() || matches!(s, "true" | "false") {
            format!("：去掉引号，写成 {s}")
        } else {
            String::new()
        };
        (format!("文字 \"{s}\""), hint)
    } else if let Some(v) = QUOTED.captures(found).map(|c| c[1].to_string()) {
        let kind = if found.starts_with("integer") {
            "整数"
        } else if found.starts_with("floating") {
            "小数"
        } else if found.starts_with("boolean") {
            "真假值"
        } else {
            "值"
        };
        let hint = if expected.contains("string") {
            format!("：加上英文双引号，写成 \"{v}\"")
        } else {
            String::new()
        };
        (format!("{kind} {v}"), hint)
    } else {
        let shown = match found {
            "sequence" => "列表 [ … ]".to_string(),
            "map" => "表 { … }".to_string(),
            other => other.to_string(),
        };
        (shown, String::new())
    };
    let space = if wanted.starts_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    };
    format!("这里应当写{space}{wanted}，现在写的是{shown}{hint}")
}

/// What serde's `expected …` asks for, in words.
fn wanted(expected: &str) -> String {
    let integer = [
        "usize", "u8", "u16", "u32", "u64", "isize", "i8", "i16", "i32", "i64",
    ];
    match expected {
        e if integer.contains(&e) || e.contains("integer") => {
            "整数（不加引号，例如 2）".to_string()
        }
        "f32" | "f64" | "a number" => "数字（不加引号）".to_string(),
        "a string" | "a borrowed string" => "文字（加英文双引号，例如 \"…\"）".to_string(),
        "a boolean" => "true 或 false（不加引号）".to_string(),
        "a sequence" => "列表，例如 [\"…\", \"…\"]".to_string(),
        e if e.starts_with("one of") || e.starts_with('`') => {
            let values: Vec<&str> = QUOTED
                .captures_iter(e)
                .map(|c| c.get(1).unwrap().as_str())
                .collect();
            format!("以下之一：{}", values.join("、"))
        }
        e if e.contains("map") || e.starts_with("struct") => {
            "一个表（[…] 下的若干设置项）".to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
