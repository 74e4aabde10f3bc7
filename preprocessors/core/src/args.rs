//! Placeholder arguments: `DATASET key=value key="a value" rows="甲、乙",丙 switch`.
//!
//! The quoting rule (the guide says the same, in 占位符的写法与安全):
//!
//! - White space separates arguments; `key=value` is an option, any other word a switch
//!   (the first word is usually the dataset).
//! - A value, or one item of a list, may be put in quotes, ASCII `"…"` or Chinese `“…”`:
//!   inside them spaces and the list separators `,` `，` `、` are plain text. A quote only
//!   opens at the start of a value or of an item; elsewhere it is an ordinary character
//!   (`title=他说"好"`). After a closing quote comes a separator, a space or the end.
//! - Lists split at `,` `，` `、` outside quotes: `rows="新兴市场（东南亚、非洲、拉美）",北美`
//!   names two rows. There is no escape character: a text holding `"` is quoted with
//!   `“…”`, one holding `”` with `"…"`.
//! - An option is written once; only the repeatable ones (`where=`, …: the registry says
//!   which) may repeat, and a switch is written once.

use crate::suggest::did_you_mean;

/// The list separators writers type.
pub const SEPARATORS: [char; 3] = [',', '，', '、'];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args {
    /// Bare words in order: the first is usually the dataset.
    positional: Vec<String>,
    /// `key=value` options in order.
    options: Vec<Opt>,
}

#[derive(Debug, Clone, PartialEq)]
struct Opt {
    key: String,
    /// The value as one text, quotes removed, separators as written.
    text: String,
    /// The value as a list: split at separators outside quotes, quotes removed, empty
    /// items dropped.
    items: Vec<String>,
}

impl Args {
    pub fn parse(input: &str) -> Result<Args, String> {
        let mut args = Args::default();
        let mut chars = input.trim().chars().peekable();
        loop {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            let Some(&first) = chars.peek() else {
                return Ok(args);
            };
            if let Some(close) = closing(first) {
                chars.next();
                let word = read_quoted(&mut chars, first, close)?;
                after_quote(&mut chars, &word, false)?;
                args.positional.push(word);
                continue;
            }
            let mut key = String::new();
            let mut value = None;
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '=' && !key.is_empty() {
                    value = Some(read_value(&mut chars)?);
                    break;
                }
                key.push(c);
            }
            match value {
                Some((text, items)) => args.options.push(Opt { key, text, items }),
                None => args.positional.push(key),
            }
        }
    }

    /// The dataset (or other first bare word).
    pub fn first(&self) -> Option<&str> {
        self.positional.first().map(String::as_str)
    }

    /// The value given for `key`, as one text.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|o| o.key == key)
            .map(|o| o.text.as_str())
    }

    /// The value given for `key`, as a list (`rows=甲,乙`, `cols="甲、乙",丙`).
    pub fn list(&self, key: &str) -> Option<&[String]> {
        self.options
            .iter()
            .rev()
            .find(|o| o.key == key)
            .map(|o| o.items.as_slice())
    }

    /// Every value given for a repeatable `key`, in order.
    pub fn get_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.options
            .iter()
            .filter(move |o| o.key == key)
            .map(|o| o.text.as_str())
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

    /// Rejects options and switches the placeholder does not know (suggesting the nearest),
    /// and any written twice unless `repeatable`.
    pub fn check(
        &self,
        options: &[&str],
        switches: &[&str],
        repeatable: &[&str],
    ) -> Result<(), String> {
        let all: Vec<&str> = options.iter().chain(switches).copied().collect();
        for (i, opt) in self.options.iter().enumerate() {
            let key = opt.key.as_str();
            if !all.contains(&key) {
                return Err(unknown("选项", key, &all));
            }
            if repeatable.contains(&key) {
                continue;
            }
            if let Some(again) = self.options[i + 1..].iter().find(|o| o.key == key) {
                return Err(format!(
                    "选项 {key}= 写了两次（{key}={}、{key}={}）：只能写一次。要列出几项，请用逗号隔开写在一起，例如 {key}={}",
                    quote(&opt.text),
                    quote(&again.text),
                    quote_list(&[opt.text.clone(), again.text.clone()])
                ));
            }
        }
        for (i, word) in self.positional.iter().enumerate().skip(1) {
            if options.contains(&word.as_str()) && !switches.contains(&word.as_str()) {
                return Err(format!("「{word}」需要写成 {word}=值（等号后面接内容）"));
            }
            if !switches.contains(&word.as_str()) {
                return Err(unknown("开关", word, &all));
            }
            if self.positional[i + 1..].contains(word) {
                return Err(format!("开关 {word} 写了两次：只写一次即可"));
            }
            if self.get(word).is_some() {
                return Err(format!("{word} 既写成了开关又写成了 {word}=…：只能写一种"));
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

/// The closing quote of an opening one.
fn closing(open: char) -> Option<char> {
    match open {
        '"' => Some('"'),
        '“' => Some('”'),
        _ => None,
    }
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// A value up to the next white space outside quotes: its text and its list items.
fn read_value(chars: &mut Chars) -> Result<(String, Vec<String>), String> {
    let mut text = String::new();
    let mut items = Vec::new();
    let mut item = String::new();
    let mut at_item_start = true;
    while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
        if let (true, Some(close)) = (at_item_start, closing(c)) {
            let quoted = read_quoted(chars, c, close)?;
            after_quote(chars, &quoted, true)?;
            text.push_str(&quoted);
            item.push_str(&quoted);
            at_item_start = false;
        } else if SEPARATORS.contains(&c) {
            text.push(c);
            items.push(std::mem::take(&mut item));
            at_item_start = true;
        } else {
            text.push(c);
            item.push(c);
            at_item_start = false;
        }
    }
    items.push(item);
    items.retain(|i| !i.is_empty());
    Ok((text, items))
}

/// What follows a closing quote must end the value or the item.
fn after_quote(chars: &mut Chars, quoted: &str, in_value: bool) -> Result<(), String> {
    match chars.peek() {
        None => Ok(()),
        Some(c) if c.is_whitespace() => Ok(()),
        Some(c) if in_value && SEPARATORS.contains(c) => Ok(()),
        Some(c) => Err(format!(
            "引号里的「{quoted}」后面紧跟着「{c}」：引号后面应当是空格、逗号或顿号；要让引号内外连成一个值，请把整个值放进引号里"
        )),
    }
}

fn read_quoted(chars: &mut Chars, open: char, close: char) -> Result<String, String> {
    let mut v = String::new();
    for c in chars.by_ref() {
        if c == close {
            return Ok(v);
        }
        v.push(c);
    }
    Err(format!("引号没有闭合：{open}{v}（请补上 {close}）"))
}

/// `text` as a writer would write it as one value (or one list item): bare when nothing
/// in it needs quotes, else in `"…"` (or `“…”` when it holds `"`). `None` when it holds
/// both `"` and `”`, which no quoting can carry.
pub fn quote_item(text: &str) -> Option<String> {
    let bare = !text.is_empty()
        && !text
            .chars()
            .any(|c| c.is_whitespace() || SEPARATORS.contains(&c))
        && closing(text.chars().next().unwrap_or(' ')).is_none();
    if bare {
        Some(text.to_string())
    } else if !text.contains('"') {
        Some(format!("\"{text}\""))
    } else if !text.contains('”') {
        Some(format!("“{text}”"))
    } else {
        None
    }
}

/// Like [`quote_item`], for messages: a text that cannot be quoted is shown as it is.
pub fn quote(text: &str) -> String {
    quote_item(text).unwrap_or_else(|| text.to_string())
}

/// Items written as one list value: `"新兴市场（东南亚、非洲、拉美）",北美`.
pub fn quote_list(items: &[String]) -> String {
    items.iter().map(|i| quote(i)).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
