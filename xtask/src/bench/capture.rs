//! Capturing what mdBook hands the preprocessor and the companion renderer, once per book.
//!
//! For one build, book.toml's commands are replaced (through mdBook's environment
//! overrides) by `xtask bench-capture DIR KIND PROGRAM ARGS...`, which saves its standard
//! input to `DIR/KIND.in.json`, runs the real program on it, saves the program's output to
//! `DIR/KIND.out.json` and passes it on. From these the benchmark
//!
//! - replays the preprocessor and the renderer alone (the same input, no mdBook), and
//! - writes the *expanded* book: the preprocessor's output chapters as Markdown files, which
//!   plain mdBook then builds (what a book with the same tables and charts written by hand
//!   would cost).

use std::collections::BTreeSet;
use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::run::Result;

/// The hidden command mdBook runs instead of the preprocessor or renderer.
pub const SHIM: &str = "bench-capture";

/// Set (to anything) for a capture of the preprocessor's input only: the shim then stops
/// the build (exit status 1) instead of running the preprocessor, so that mdBook renders
/// nothing. The scaling series need no more.
pub const INPUT_ONLY_ENV: &str = "XTASK_BENCH_INPUT_ONLY";

/// What a capture is of: the file names in the capture folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Preprocessor,
    Renderer,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Preprocessor => "preprocessor",
            Kind::Renderer => "renderer",
        }
    }

    fn parse(text: &str) -> Option<Kind> {
        [Kind::Preprocessor, Kind::Renderer]
            .into_iter()
            .find(|kind| kind.name() == text)
    }

    /// What mdBook sent it.
    pub fn input(self, dir: &Path) -> PathBuf {
        dir.join(format!("{}.in.json", self.name()))
    }

    /// What it answered (the renderer answers nothing).
    pub fn output(self, dir: &Path) -> PathBuf {
        dir.join(format!("{}.out.json", self.name()))
    }
}

/// The command line that makes mdBook run `program args` through the shim, quoted the way
/// mdBook splits commands (like a POSIX shell).
pub fn shim_command(dir: &Path, kind: Kind, program: &Path, args: &[&str]) -> Result<String> {
    let xtask = std::env::current_exe()?;
    let mut words = vec![
        xtask.to_string_lossy().into_owned(),
        SHIM.to_owned(),
        dir.to_string_lossy().into_owned(),
        kind.name().to_owned(),
        program.to_string_lossy().into_owned(),
    ];
    words.extend(args.iter().map(|arg| (*arg).to_owned()));
    Ok(words
        .iter()
        .map(|word| quote(word))
        .collect::<Vec<_>>()
        .join(" "))
}

/// A word for a command line that mdBook splits like a POSIX shell.
pub fn quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-:+=,".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// `xtask bench-capture DIR KIND PROGRAM ARGS...`, run by mdBook. `PROGRAM supports
/// RENDERER` (mdBook's question to a preprocessor) is passed through uncaptured.
pub fn shim(args: &[String]) -> Result {
    let [dir, kind, program, rest @ ..] = args else {
        return Err(
            format!("usage: xtask {SHIM} DIR preprocessor|renderer PROGRAM ARGS...").into(),
        );
    };
    let dir = Path::new(dir);
    let kind = Kind::parse(kind).ok_or_else(|| format!("unknown capture kind `{kind}`"))?;
    let mut command = Command::new(program);
    command.args(rest);
    if rest.first().is_some_and(|arg| arg == "supports") {
        let status = command.status()?;
        std::process::exit(status.code().unwrap_or(1));
    }
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input)?;
    fs::create_dir_all(dir)?;
    fs::write(kind.input(dir), &input)?;
    if std::env::var_os(INPUT_ONLY_ENV).is_some() {
        eprintln!(
            "[bench] input captured in {}; stopping this build",
            dir.display()
        );
        std::process::exit(1);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start {program}: {error}"))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // Write from a thread: the program may answer before it has read everything.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut output = Vec::new();
    child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_to_end(&mut output)?;
    let status = child.wait()?;
    // A program that stops reading early (an error) closes the pipe; its status says why.
    let _ = writer.join();
    fs::write(kind.output(dir), &output)?;
    std::io::stdout().write_all(&output)?;
    std::process::exit(status.code().unwrap_or(1));
}

/// Every chapter of a book as mdBook serialises it (`{"items": [...]}`): source path and
/// content, depth first.
fn chapters(book: &Value) -> Vec<(String, &str)> {
    fn walk<'a>(items: &'a [Value], out: &mut Vec<(String, &'a str)>) {
        for item in items {
            let Some(chapter) = item.get("Chapter") else {
                continue;
            };
            if let (Some(path), Some(content)) = (
                chapter.get("source_path").and_then(Value::as_str),
                chapter.get("content").and_then(Value::as_str),
            ) {
                out.push((path.replace('\\', "/"), content));
            }
            if let Some(sub) = chapter.get("sub_items").and_then(Value::as_array) {
                walk(sub, out);
            }
        }
    }
    let mut out = Vec::new();
    if let Some(items) = book.get("items").and_then(Value::as_array) {
        walk(items, &mut out);
    }
    out
}

/// Overwrites each chapter file under `src` with the preprocessor's output for it, from a
/// capture in `dir`; the number of chapters written. Refuses when the preprocessor left a
/// chapter out (an edition's draft-only pages): the expanded book would not be the same book.
pub fn write_expanded(dir: &Path, src: &Path) -> Result<usize> {
    let read =
        |path: PathBuf| -> Result<Value> {
            let text = fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
            Ok(serde_json::from_slice(&text)
                .map_err(|error| format!("{}: {error}", path.display()))?)
        };
    // The input is `[context, book]`; the output is the book.
    let input = read(Kind::Preprocessor.input(dir))?;
    let output = read(Kind::Preprocessor.output(dir))?;
    let before: BTreeSet<String> = input
        .get(1)
        .map(chapters)
        .unwrap_or_default()
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    let expanded = chapters(&output);
    let after: BTreeSet<String> = expanded.iter().map(|(path, _)| path.clone()).collect();
    if before.is_empty() || before != after {
        return Err(format!(
            "the captured preprocessor output in {} does not have the input's chapters \
             ({} in, {} out)",
            dir.display(),
            before.len(),
            after.len()
        )
        .into());
    }
    for (path, content) in &expanded {
        let file = src.join(path);
        if !file.is_file() {
            return Err(format!("no chapter file {} to replace", file.display()).into());
        }
        fs::write(file, content)?;
    }
    Ok(expanded.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_words_the_way_mdbook_splits_them() {
        assert_eq!(quote("/a/b-c_d.e"), "/a/b-c_d.e");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote(""), "''");
    }

    #[test]
    fn lists_chapters_depth_first_with_their_content() {
        let book: Value = serde_json::from_str(
            r#"{"items": [
                {"Chapter": {"name": "A", "content": "a", "source_path": "a.md",
                  "sub_items": [{"Chapter": {"name": "B", "content": "b",
                                  "source_path": "x/b.md", "sub_items": []}}]}},
                "Separator",
                {"PartTitle": "P"},
                {"Chapter": {"name": "Draft", "content": "", "source_path": null,
                  "sub_items": []}}
            ]}"#,
        )
        .unwrap();
        assert_eq!(
            chapters(&book),
            vec![("a.md".to_owned(), "a"), ("x/b.md".to_owned(), "b")]
        );
    }
}
