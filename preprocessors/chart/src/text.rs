//! Text in charts: measured without fonts, wrapped, and written as `<text>` elements.
//!
//! A full-width character is 1em in every CJK font, and Latin text averages a little over
//! half of that ([`display_width_em`]); these estimates size every margin, so labels are
//! placed where they fit instead of where plotters' byte-counting metrics would put them.

use std::fmt::Write as _;

use report_core::text::{display_width_em, escape_html, is_wide};

/// Line height, as a multiple of the font size.
pub(crate) const LEADING: f64 = 1.3;
/// How far a glyph reaches above the baseline and below it, in ems. Generous, so that
/// boxes that do not overlap here do not overlap on screen either.
const ASCENT: f64 = 0.9;
const DESCENT: f64 = 0.22;
/// Baseline offset that centres a line of text on a given y.
pub(crate) const CENTER_BASELINE: f64 = 0.35;

/// Width of `text` at `size`, in viewBox units.
pub(crate) fn width(text: &str, size: f64) -> f64 {
    display_width_em(text) * size
}

/// A rectangle in viewBox units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    pub fn contains(&self, other: &Rect) -> bool {
        self.x0 <= other.x0 && other.x1 <= self.x1 && self.y0 <= other.y0 && other.y1 <= self.y1
    }
}

/// Where `x` is on a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// One line of text; `y` is the baseline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Text {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub anchor: Anchor,
    /// `tick`, `category`, `legend`, `unit`, `label`, `gap` ...: lets the stylesheet tell
    /// them apart.
    pub class: &'static str,
    pub text: String,
}

impl Text {
    /// `text` at `size` with its baseline starting at (`x`, `y`).
    pub fn new(class: &'static str, text: impl Into<String>, x: f64, y: f64, size: f64) -> Text {
        Text {
            x,
            y,
            size,
            anchor: Anchor::Start,
            class,
            text: text.into(),
        }
    }

    pub fn anchor(mut self, anchor: Anchor) -> Text {
        self.anchor = anchor;
        self
    }

    /// The area the text covers, by the estimated width.
    pub fn bounds(&self) -> Rect {
        let w = width(&self.text, self.size);
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        Rect {
            x0,
            y0: self.y - ASCENT * self.size,
            x1: x0 + w,
            y1: self.y + DESCENT * self.size,
        }
    }

    pub fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "<text class=\"{}\" x=\"{}\" y=\"{}\" font-size=\"{}\"",
            self.class,
            num(self.x),
            num(self.y),
            num(self.size)
        );
        match self.anchor {
            Anchor::Start => {}
            Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
            Anchor::End => out.push_str(" text-anchor=\"end\""),
        }
        let _ = writeln!(out, ">{}</text>", escape_html(&self.text));
    }
}

/// A coordinate as the SVG writes it: at most one decimal, no trailing `.0`.
pub(crate) fn num(v: f64) -> String {
    // Whole numbers (every font size, many grid lines) need no rounding: i64 holds them
    // exactly and writes what `{:.1}` would, less its `.0`, without the slower exact
    // float formatting.
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return (v as i64).to_string();
    }
    let text = format!("{:.1}", v);
    let text = text.strip_suffix(".0").unwrap_or(&text);
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// Collapses white space (including line breaks, which would end the HTML block) to one
/// space.
pub(crate) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Closing punctuation that must not start a line (避头), and opening punctuation that must
/// not end one (避尾).
fn no_line_start(c: char) -> bool {
    "，。、；：？！）》」』】〕”’%,.;:?!)]}".contains(c)
}
fn no_line_end(c: char) -> bool {
    "（《「『【〔“‘([{".contains(c)
}

/// The pieces a line may break between: a full-width character, a Latin word (with any
/// punctuation stuck to it) or a space.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_wide(c) || c == ' ' {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

/// Width of the widest piece [`wrap`] will not break on its own (a Latin word or number).
pub(crate) fn longest_word_em(text: &str) -> f64 {
    tokens(text)
        .iter()
        .map(|t| display_width_em(t))
        .fold(0.0, f64::max)
}

/// Breaks `text` into lines of at most `max_em` ems: between Chinese characters anywhere
/// (keeping punctuation off the wrong end of a line), between Latin words at spaces, and
/// inside a word only when the word alone is too long.
pub(crate) fn wrap(text: &str, max_em: f64) -> Vec<String> {
    let mut lines: Vec<Vec<String>> = vec![Vec::new()];
    let fits = |line: &[String], extra: &str| {
        display_width_em(&line.concat()) + display_width_em(extra) <= max_em + 1e-9
    };
    for token in tokens(text) {
        let line = lines.last_mut().expect("never empty");
        if fits(line, &token) {
            line.push(token);
            continue;
        }
        if token == " " {
            lines.push(Vec::new());
            continue;
        }
        if display_width_em(&token) > max_em {
            // A word longer than a line: break it between characters.
            for c in token.chars() {
                let line = lines.last_mut().expect("never empty");
                if !fits(line, &c.to_string()) && !line.is_empty() {
                    lines.push(Vec::new());
                }
                lines.last_mut().expect("never empty").push(c.to_string());
            }
            continue;
        }
        // Carry the line's last piece along when the new line would start with closing
        // punctuation, or the old one end with opening punctuation.
        let mut carried = Vec::new();
        let starts_badly = token.chars().next().is_some_and(no_line_start);
        let ends_badly = |line: &[String]| {
            line.last()
                .and_then(|t| t.chars().last())
                .is_some_and(no_line_end)
        };
        if (starts_badly || ends_badly(line)) && line.len() > 1 {
            carried.push(line.pop().expect("len > 1"));
        }
        while ends_badly(line) && line.len() > 1 {
            carried.insert(0, line.pop().expect("len > 1"));
        }
        carried.push(token);
        lines.push(carried);
    }
    lines
        .into_iter()
        .map(|l| l.concat().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// [`wrap`] into as few lines, but with the lines as even as they can be: no last line of
/// one or two characters under a full one.
pub(crate) fn wrap_balanced(text: &str, max_em: f64) -> Vec<String> {
    let lines = wrap(text, max_em);
    if lines.len() < 2 {
        return lines;
    }
    // The narrowest width that still needs no more lines, to a tenth of an em.
    let count = lines.len();
    let (mut narrow, mut wide) = (max_em / count as f64, max_em);
    while wide - narrow > 0.1 {
        let mid = (narrow + wide) / 2.0;
        if wrap(text, mid).len() > count {
            narrow = mid;
        } else {
            wide = mid;
        }
    }
    wrap(text, wide)
}

/// `text` cut to `max_em` ems with an ellipsis, or unchanged if it fits.
pub(crate) fn ellipsize(text: &str, max_em: f64) -> String {
    if display_width_em(text) <= max_em {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut next = out.clone();
        next.push(c);
        if display_width_em(&next) + display_width_em("…") > max_em {
            break;
        }
        out = next;
    }
    out.push('…');
    out
}

/// [`wrap`] into at most `max_lines` lines, the last one cut with an ellipsis if needed.
pub(crate) fn wrap_lines(text: &str, max_em: f64, max_lines: usize) -> Vec<String> {
    let mut lines = wrap(text, max_em);
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].concat();
        lines.truncate(max_lines - 1);
        lines.push(ellipsize(&rest, max_em));
    }
    lines
}

/// Places labels that must not overlap each other or leave an area, and had better not
/// cover some shapes.
#[derive(Clone)]
pub(crate) struct Placer {
    area: Rect,
    taken: Vec<Rect>,
    avoided: Vec<Rect>,
}

impl Placer {
    pub fn new(area: Rect) -> Placer {
        Placer {
            area,
            taken: Vec::new(),
            avoided: Vec::new(),
        }
    }

    /// Marks an area as used by something a label must never cover (other text).
    pub fn reserve(&mut self, rect: Rect) {
        self.taken.push(rect);
    }

    /// Marks an area a label should cover only when nothing else fits (a bar).
    pub fn avoid(&mut self, rect: Rect) {
        self.avoided.push(rect);
    }

    /// The first candidate that fits clear of avoided areas, else the first that fits at
    /// all, now taken; `None` when none does.
    pub fn place(&mut self, candidates: impl IntoIterator<Item = Text>) -> Option<Text> {
        let candidates: Vec<Text> = candidates.into_iter().collect();
        let free = |bounds: &Rect, blocked: &[Rect]| !blocked.iter().any(|t| t.overlaps(bounds));
        let found = candidates
            .iter()
            .find(|t| {
                let b = t.bounds();
                self.area.contains(&b) && free(&b, &self.taken) && free(&b, &self.avoided)
            })
            .or_else(|| {
                candidates.iter().find(|t| {
                    let b = t.bounds();
                    self.area.contains(&b) && free(&b, &self.taken)
                })
            })?;
        self.taken.push(found.bounds());
        Some(found.clone())
    }

    /// Takes every text of `group` if they all fit clear of each other and of the text
    /// already placed; else takes none. Avoided areas do not count: a group is only offered
    /// where it belongs (a 缺数据 mark in the empty slot of its bar).
    pub fn place_all(&mut self, group: Vec<Text>) -> Option<Vec<Text>> {
        let bounds: Vec<Rect> = group.iter().map(Text::bounds).collect();
        for (i, b) in bounds.iter().enumerate() {
            let clear = self.area.contains(b)
                && !self.taken.iter().any(|t| t.overlaps(b))
                && !bounds[..i].iter().any(|t| t.overlaps(b));
            if !clear {
                return None;
            }
        }
        self.taken.extend(bounds);
        Some(group)
    }
}

#[cfg(test)]
mod tests;
