//! The originality check (查重): which runs of a chapter's text are shared with the source
//! documents a book is written from.
//!
//! Configured under `[preprocessor.report.originality]` ([`Config`]); the preprocessor loads
//! the sources once per build ([`Checker::load`]) and checks every chapter
//! ([`Checker::check`]) on its original Markdown, outside code, placeholders, markup and
//! tables. Two measures:
//!
//! - **Overlaps**: every run of at least `min-run` characters (default 15) that a chapter
//!   shares with a source, once the exceptions are taken out of both: titles in 《》,
//!   quotations, the phrases of the `ignore` list (names, fixed terms). Each is reported
//!   with the chapter's line, the source's file and line, and the run.
//! - **Share**: the part of a chapter's characters that lie in runs of at least `share-run`
//!   characters (default 10) shared with a source, exceptions included (names and titles
//!   count), against the optional `max-share`.
//!
//! Text is compared as Chinese characters and Latin words (a word counts as one
//! character); punctuation, white space, line breaks and numbers are left out of both
//! sides, so that figures (which carry over) neither hide nor make a copy ([`tokens`]).
//! Runs are found by hashing every window of the sources once ([`runs`]).

mod config;
mod runs;
mod sources;
mod tokens;

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag};

pub use config::{Config, Fail};
use runs::Index;
use tokens::{Token, Words, exceptions, merge};

/// The sources of a build, read and indexed once.
#[derive(Debug)]
pub struct Checker {
    config: Config,
    sources: Vec<Source>,
    words: Words,
    share: Index,
    overlap: Index,
    /// Sources that could not be read (a missing folder, say), as messages for the log.
    pub problems: Vec<String>,
}

#[derive(Debug)]
struct Source {
    name: String,
    lines: Lines,
    tokens: Vec<Token>,
    /// Every token's id: the stream the share is measured on.
    all: Vec<u32>,
    /// The ids of the tokens outside the exceptions, and where each is in `tokens`.
    kept: Vec<u32>,
    kept_at: Vec<usize>,
}

/// One chapter, as the checker needs it.
#[derive(Debug, Clone, Copy)]
pub struct Chapter<'a> {
    /// The chapter as the writer knows it, e.g. `book/trade.md`.
    pub file: &'a str,
    /// Its original Markdown.
    pub source: &'a str,
    /// Byte ranges that are not prose (code, comments, placeholders, markup); sorted or
    /// not. Tables are found here.
    pub skip: &'a [Range<usize>],
}

/// What the check found in one chapter.
#[derive(Debug, Clone, PartialEq)]
pub struct ChapterReport {
    pub file: String,
    /// Characters compared (a Latin word counts as one).
    pub chars: usize,
    /// Characters in runs of `share-run` or more shared with a source.
    pub shared: usize,
    /// Runs of `min-run` or more outside the exceptions, in chapter order.
    pub overlaps: Vec<Overlap>,
}

/// A run a chapter shares with a source.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap {
    /// The chapter's line where the run starts.
    pub line: usize,
    /// The source file, as configured (`../shared/seeds/002_….txt`), and its line.
    pub source: String,
    pub source_line: usize,
    /// Characters shared (outside the exceptions).
    pub chars: usize,
    /// The run as the chapter writes it, white space collapsed, long runs shortened.
    pub text: String,
}

impl Checker {
    /// Reads and indexes the sources named in `config`, relative to `root` (the book's root;
    /// `src_dir` is its source folder, where no source may be).
    pub fn load(config: Config, root: &Path, src_dir: &Path) -> Result<Checker, String> {
        let (files, problems) = sources::read(root, src_dir, &config.sources)?;
        let mut words = Words::default();
        let sources: Vec<Source> = files
            .into_iter()
            .map(|file| {
                let excepted = exceptions(&file.text, &config.ignore);
                let tokens = tokens::tokens(&file.text, &[], &excepted, |w| words.intern(w));
                let all = tokens.iter().map(|t| t.id).collect();
                let (kept_at, kept) = tokens::kept(&tokens);
                Source {
                    name: file.name,
                    lines: Lines::new(&file.text),
                    tokens,
                    all,
                    kept,
                    kept_at,
                }
            })
            .collect();
        let share = Index::new(config.share_run, &streams(&sources, |s| &s.all));
        let overlap = Index::new(config.min_run, &streams(&sources, |s| &s.kept));
        Ok(Checker {
            config,
            sources,
            words,
            share,
            overlap,
            problems,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The sources read, as configured (`../shared/seeds/002_….txt`).
    pub fn source_names(&self) -> impl Iterator<Item = &str> {
        self.sources.iter().map(|s| s.name.as_str())
    }

    /// Checks one chapter against every source.
    pub fn check(&self, chapter: &Chapter) -> ChapterReport {
        let text = chapter.source;
        let mut skip = chapter.skip.to_vec();
        skip.extend(tables(text));
        let skip = merge(skip);
        let excepted = exceptions(text, &self.config.ignore);
        let tokens = tokens::tokens(text, &skip, &excepted, |w| self.words.get(w));
        let lines = Lines::new(text);

        let all: Vec<u32> = tokens.iter().map(|t| t.id).collect();
        let mut covered = vec![false; all.len()];
        for run in self.share.runs(&streams(&self.sources, |s| &s.all), &all) {
            covered[run.at..run.at + run.len].fill(true);
        }

        let (kept_at, kept) = tokens::kept(&tokens);
        let mut runs = self
            .overlap
            .runs(&streams(&self.sources, |s| &s.kept), &kept);
        runs.sort_by_key(|r| (r.at, std::cmp::Reverse(r.len), r.source, r.from));
        let mut overlaps = Vec::new();
        let mut reported_to = 0;
        for run in runs {
            // A run inside one already reported (the same words in another source, or
            // again in the same source) adds nothing.
            if run.at + run.len <= reported_to {
                continue;
            }
            reported_to = run.at + run.len;
            let first = &tokens[kept_at[run.at]];
            let last = &tokens[kept_at[run.at + run.len - 1]];
            let source = &self.sources[run.source];
            let source_token = &source.tokens[source.kept_at[run.from]];
            overlaps.push(Overlap {
                line: lines.line(first.span.start),
                source: source.name.clone(),
                source_line: source.lines.line(source_token.span.start),
                chars: run.len,
                text: shown(&text[first.span.start..last.span.end]),
            });
        }
        ChapterReport {
            file: chapter.file.to_string(),
            chars: all.len(),
            shared: covered.iter().filter(|c| **c).count(),
            overlaps,
        }
    }
}

impl ChapterReport {
    /// The share of the chapter's characters in shared runs, in percent.
    pub fn share(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            100.0 * self.shared as f64 / self.chars as f64
        }
    }

    /// Whether the share is above `max` (percent).
    pub fn over(&self, max: Option<f64>) -> bool {
        max.is_some_and(|max| self.share() > max)
    }

    /// The summary line: `3.2%（共 2555 字，其中 82 字在 10 字以上的相同片段中）`.
    pub fn summary(&self, config: &Config) -> String {
        let mut out = format!(
            "{:.1}%（共 {} 字，其中 {} 字在 {} 字以上的相同片段中",
            self.share(),
            self.chars,
            self.shared,
            config.share_run
        );
        if self.over(config.max_share) {
            let _ = write!(out, "，超过上限 {}%", config.max_share.unwrap_or_default());
        }
        out.push('）');
        out
    }
}

impl Overlap {
    /// What a writer reads: where, how long, and what to do.
    pub fn message(&self) -> String {
        format!(
            "与查重来源 {}:{} 有连续 {} 字相同：「{}」。请用自己的话改写（事实、名称和数字可以保留）；确需原样引用的，请加引号并注明出处",
            self.source, self.source_line, self.chars, self.text
        )
    }
}

fn streams<'a>(
    sources: &'a [Source],
    stream: impl Fn(&'a Source) -> &'a Vec<u32>,
) -> Vec<&'a [u32]> {
    sources.iter().map(|s| stream(s).as_slice()).collect()
}

/// Markdown tables of a chapter: their text is data, not prose.
fn tables(source: &str) -> Vec<Range<usize>> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    Parser::new_ext(source, options)
        .into_offset_iter()
        .filter_map(|(event, range)| matches!(event, Event::Start(Tag::Table(_))).then_some(range))
        .collect()
}

/// A run as a writer can find it: white space collapsed, at most 60 characters.
fn shown(text: &str) -> String {
    // Lines of a Chinese paragraph join without a space.
    let joined: String = text.lines().map(str::trim).collect();
    let chars: Vec<char> = joined.chars().collect();
    if chars.len() <= 60 {
        joined
    } else {
        let head: String = chars[..28].iter().collect();
        let tail: String = chars[chars.len() - 28..].iter().collect();
        format!("{head}……{tail}")
    }
}

/// Line numbers of byte offsets.
#[derive(Debug)]
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    /// The 1-based line of byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

#[cfg(test)]
mod tests;
