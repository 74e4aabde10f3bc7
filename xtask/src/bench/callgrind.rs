//! Instruction counts under callgrind: unlike times, they hardly move however busy the
//! machine is, so they are what optimisations are judged by (`--instructions`).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

use super::measure::{self, Io};
use super::{Book, Variant, command_for, start_cold};
use crate::run::Result;
use crate::tools::Tools;

/// The preprocessor's and the renderer's replays of each book, one cold run each.
pub fn table(tools: &Tools, books: &[Book], bench: &Path) -> Result<String> {
    let mut text = String::from("Instructions (valgrind --tool=callgrind), one cold run each\n\n");
    let _ = writeln!(text, "| book | preprocessor | companion renderer |");
    let _ = writeln!(text, "|---|---:|---:|");
    for book in books {
        let mut counts = Vec::new();
        for variant in [Variant::Preprocessor, Variant::Renderer] {
            counts.push(count(tools, book, variant, bench)?);
        }
        let _ = writeln!(
            text,
            "| {} | {} | {} |",
            book.name,
            millions(counts[0]),
            millions(counts[1])
        );
    }
    Ok(text)
}

pub fn millions(count: Option<u64>) -> String {
    count.map_or("—".to_owned(), |n| format!("{:.1} M", n as f64 / 1e6))
}

/// The instructions of one replay of `variant` of `book`; `None` without valgrind.
pub fn count(tools: &Tools, book: &Book, variant: Variant, bench: &Path) -> Result<Option<u64>> {
    start_cold(book, variant, bench)?;
    let (command, stdin) = command_for(tools, book, variant, bench);
    let logs = bench.join("logs");
    let name = format!("{}-{}", book.slug, variant.slug());
    let out = logs.join(format!("callgrind.{name}.out"));
    let mut valgrind = Command::new("valgrind");
    valgrind
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(command.get_program())
        .args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        valgrind.current_dir(dir);
    }
    let log = logs.join(format!("callgrind.{name}.log"));
    let stdout = logs.join(format!("callgrind.{name}.stdout"));
    let io = Io {
        stdin: stdin.as_deref(),
        stdout: &stdout,
        log: &log,
    };
    match measure::run(&mut valgrind, &io) {
        Ok(Some(_)) => {}
        Ok(None) => return Err(format!("callgrind failed: see {}", log.display()).into()),
        Err(error) => {
            eprintln!("    no instruction counts: {error}");
            return Ok(None);
        }
    }
    Ok(fs::read_to_string(&out)?
        .lines()
        .find_map(|line| line.strip_prefix("summary:"))
        .and_then(|n| n.trim().parse().ok()))
}
