//! Text as the check compares it: Chinese characters and Latin words, with punctuation, white
//! space, Markdown syntax and numbers left out, and the exceptions marked.
//!
//! Normalising this way means that a copied sentence is found whatever its punctuation, its
//! line breaks or its figures (a chapter writes `{{#value …}}` where its source wrote
//! 1020.56): facts and figures carry over, sentences do not.

use std::collections::HashMap;
use std::ops::Range;

/// One unit of text: a Chinese character, or a word of letters (`License`, `CXO`, `H1N1`),
/// which counts as one character.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub id: u32,
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Inside an exception: a title in 《》, a quotation, a phrase of the ignore list.
    pub excepted: bool,
}

/// Ids of Latin words, above every Unicode scalar value so they never meet a character.
#[derive(Debug, Default)]
pub(crate) struct Words {
    ids: HashMap<String, u32>,
}

/// The id of a word no source has: it matches nothing.
pub(crate) const UNKNOWN: u32 = u32::MAX;
const FIRST_WORD: u32 = 0x11_0000;

impl Words {
    /// The id of `word`, given a new one if it is new (sources).
    pub fn intern(&mut self, word: &str) -> u32 {
        let next = FIRST_WORD + self.ids.len() as u32;
        *self.ids.entry(word.to_string()).or_insert(next)
    }

    /// The id of `word`, or [`UNKNOWN`] (chapters: a word no source has matches nothing).
    pub fn get(&self, word: &str) -> u32 {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }
}

/// Whether `c` is a Chinese character (CJK ideographs, extensions, compatibility forms).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x2_0000..=0x3_FFFF)
}

/// Full-width letters and digits as their ASCII forms (Ａ → A, ３ → 3).
fn narrow(c: char) -> char {
    match c as u32 {
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// The tokens of `text` outside the sorted ranges `skip`, with `excepted` (sorted) marked;
/// `word` gives a (lower-cased) Latin word its id. Numbers (a run of digits with the dots,
/// commas and signs inside it) are left out.
pub(crate) fn tokens(
    text: &str,
    skip: &[Range<usize>],
    excepted: &[Range<usize>],
    mut word: impl FnMut(&str) -> u32,
) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut chars = text.char_indices().peekable();
    let mut skips = skip.iter().peekable();
    let mut exceptions = excepted.iter().peekable();
    let in_range = |ranges: &mut std::iter::Peekable<std::slice::Iter<Range<usize>>>,
                    pos: usize| {
        while ranges.next_if(|r| r.end <= pos).is_some() {}
        ranges.peek().is_some_and(|r| r.start <= pos)
    };
    let mut buf = String::new();
    while let Some((pos, c)) = chars.next() {
        if in_range(&mut skips, pos) {
            continue;
        }
        let c = narrow(c);
        if is_han(c) {
            out.push(Token {
                id: c as u32,
                span: pos..pos + c.len_utf8(),
                excepted: in_range(&mut exceptions, pos),
            });
        } else if c.is_alphabetic() {
            buf.clear();
            buf.extend(c.to_lowercase());
            let mut end = pos + c.len_utf8();
            while let Some(&(p, next)) = chars.peek() {
                let n = narrow(next);
                if in_range(&mut skips, p) || !n.is_alphanumeric() || is_han(n) {
                    break;
                }
                buf.extend(n.to_lowercase());
                end = p + next.len_utf8();
                chars.next();
            }
            out.push(Token {
                id: word(&buf),
                span: pos..end,
                excepted: in_range(&mut exceptions, pos),
            });
        } else if c.is_numeric() {
            // A number is a fact: it carries over, and is no part of a run.
            while chars
                .next_if(|&(_, n)| {
                    let n = narrow(n);
                    n.is_numeric() || matches!(n, '.' | ',' | '%' | '．' | '，')
                })
                .is_some()
            {}
        }
    }
    out
}

/// The exceptions of `text`: titles in 《》 (and 〈〉), quotations in “”, ‘’, 「」, 『』 or
/// ASCII double quotes, each closed on its own line, and every occurrence of an `ignore`
/// phrase. Sorted, merged.
pub(crate) fn exceptions(text: &str, ignore: &[String]) -> Vec<Range<usize>> {
    const PAIRS: &[(char, char)] = &[
        ('《', '》'),
        ('〈', '〉'),
        ('“', '”'),
        ('‘', '’'),
        ('「', '」'),
        ('『', '』'),
        ('"', '"'),
    ];
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let Some(&(_, close)) = PAIRS.iter().find(|(open, _)| *open == c) else {
                continue;
            };
            let after = i + c.len_utf8();
            if let Some(j) = line[after..].find(close) {
                let end = after + j + close.len_utf8();
                out.push(line_start + i..line_start + end);
                // Continue after the closing mark: quotations do not nest here.
                while chars.next_if(|&(k, _)| k < end).is_some() {}
            }
        }
        line_start += line.len();
    }
    for phrase in ignore {
        out.extend(
            text.match_indices(phrase.as_str())
                .map(|(i, p)| i..i + p.len()),
        );
    }
    merge(out)
}

/// The tokens the `min-run` check counts (not excepted): where each stands in
/// `tokens`, and its word.
pub(crate) fn kept(tokens: &[Token]) -> (Vec<usize>, Vec<u32>) {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.excepted)
        .map(|(i, t)| (i, t.id))
        .unzip()
}

/// Sorts ranges and merges those that overlap or touch.
pub(crate) fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests;
