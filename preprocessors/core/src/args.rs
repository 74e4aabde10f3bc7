//! Placeholder arguments: `DATASET key=value key="a value" flag`.
//!
//! Values may be quoted with ASCII or Chinese double quotes; `，` separates list items as
//! well as `,`, since writers type both.

use crate::suggest::did_you_mean;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args {
    /// Bare words in order: the first is usually the dataset.
    pub positional: Vec<String>,
    /// `key=value` pairs in order; a key may repeat (`where=...`).
    pub options: Vec<(String, String)>,
}

impl Args {
    pub fn parse(input: &str) -> Result<Args, String> {
        let mut args = Args::default();
        let mut chars = input.trim().chars().peekable();
        loop {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            if chars.peek().is_none() {
                return Ok(args);
            }
            let mut key = String::new();
            let mut value: Option<String> = None;
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                chars.next();
                if c == '=' && value.is_none() && !key.is_empty() {
                    value = Some(read_value(&mut chars)?);
                    break;
                }
                if (c == '"' || c == '“') && key.is_empty() {
                    key = read_quoted(&mut chars, c)?;
                    break;
                }
                key.push(c);
            }
            match value {
                Some(v) => args.options.push((key, v)),
                None => args.positional.push(key),
            }
        }
    }

    /// The dataset (or other first bare word).
    pub fn first(&self) -> Option<&str> {
        self.positional.first().map(String::as_str)
    }

    /// The last value given for `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value given for `key`, in order.
    pub fn get_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.options
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether an option is switched off: `total=no`, `total=否`.
    pub fn is_off(&self, key: &str) -> bool {
        self.get(key)
            .is_some_and(|v| matches!(v, "no" | "false" | "否" | "0"))
    }

    /// A switch: written bare (`total`) or as `total=yes`/`true`/`是`.
    pub fn flag(&self, key: &str) -> bool {
        self.positional.iter().skip(1).any(|p| p == key)
            || self
                .get(key)
                .is_some_and(|v| matches!(v, "yes" | "true" | "是" | "1"))
    }

    /// Rejects options and switches the placeholder does not know, suggesting the nearest.
    pub fn check_known(&self, options: &[&str], flags: &[&str]) -> Result<(), String> {
        let all: Vec<&str> = options.iter().chain(flags).copied().collect();
        for (key, _) in &self.options {
            if !all.contains(&key.as_str()) {
                return Err(unknown("选项", key, &all));
            }
        }
        for word in self.positional.iter().skip(1) {
            if options.contains(&word.as_str()) && !flags.contains(&word.as_str()) {
                return Err(format!("「{word}」需要写成 {word}=值（等号后面接内容）"));
            }
            if !flags.contains(&word.as_str()) {
                return Err(unknown("开关", word, &all));
            }
        }
        Ok(())
    }
}

fn unknown(what: &str, word: &str, known: &[&str]) -> String {
    let mut msg = format!("未知的{what}「{word}」");
    match did_you_mean(word, known.iter().copied()) {
        Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
        None => msg.push_str(&format!("。可用的有：{}", known.join("、"))),
    }
    msg
}

/// Splits a list value such as `年份,出口额` or `年份，出口额`.
pub fn split_list(value: &str) -> Vec<String> {
    value
        .split([',', '，', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_value(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<String, String> {
    match chars.peek() {
        Some(&q) if q == '"' || q == '“' => {
            chars.next();
            read_quoted(chars, q)
        }
        _ => {
            let mut v = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                v.push(c);
                chars.next();
            }
            Ok(v)
        }
    }
}

fn read_quoted(
    chars: &mut std::iter::Peekable<std::str::Chars>,
    open: char,
) -> Result<String, String> {
    let close = if open == '“' { '”' } else { '"' };
    let mut v = String::new();
    for c in chars.by_ref() {
        if c == close {
            return Ok(v);
        }
        v.push(c);
    }
    Err(format!("引号没有闭合：{open}{v}（请补上 {close}）"))
}

#[cfg(test)]
mod tests;
