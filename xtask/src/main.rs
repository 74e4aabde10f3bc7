//! Developer commands for the report, run as `cargo xtask <command>` (the alias lives in
//! `.cargo/config.toml`).
//!
//! Like comprehensive-rust's xtask, this binary is the one place that knows how to install
//! the project's tools and drive them, so that a fresh machine with only Rust needs nothing
//! but `cargo xtask serve` to write and `cargo xtask test` to check. It has no dependencies
//! (it builds in a second and never touches `Cargo.lock`), and it only ever shells out to
//! `cargo`, `mdbook`, `node`/`npm` and, for Chromium, `apt-get`.

mod bench;
mod originality;
mod pdf;
mod run;
mod test;
mod tools;

use std::env;
use std::process::ExitCode;

use run::Result;

const USAGE: &str = "\
Usage: cargo xtask <COMMAND> [ARGS...]

Commands:
  serve [ARGS...]            Install the pinned mdBook CLI if needed, build the preprocessor,
                             then `mdbook serve` with ARGS passed through (e.g. --open, -p 3001)
  build [--publish|--final]  Same set-up, then `mdbook build` (the site: target/book/html).
        [ARGS...]            --publish: placeholder errors fail the build (what Pages deploys);
                             --final: pending items fail it too. Other ARGS go to `mdbook build`.
  test [--only PART]         Every test: rustfmt, clippy, actionlint on the workflows,
                             `cargo test --workspace` (with the pinned mdBook CLI, and the PDF
                             edition made first for its checks) and the browser tests in
                             headless Chromium. PART: fmt, clippy, workflows, rust or browser
  pdf [--publish|--final]    A publish (default) or final build, then the PDF edition (A4, Paged.js
      [--site-url URL]       in Chromium) at target/book/html/<[output.report.pdf] file>;
                             --site-url: the site's address, printed with each data file
  originality                The originality check (查重) against book.toml's sources: lists
        [--sources DIR]...   every shared run and each chapter's share, fails on any finding
  bench [--reps N]           The benchmark: the real report and a generated large book, each
        [--chapters N]       as plain mdBook on the placeholder and on the expanded source and
        [--rows N]           with the report, plus the preprocessor and renderer alone (wall,
        [--series S]         CPU, peak memory; default 5 rounds, 1000 chapters, 100000 rows);
        [--serve-trials N]   scaling series (S: none, default or full) and mdbook serve's
        [--instructions]     wait (N trials, default 3); --instructions: callgrind counts
  help                       This text
";

fn main() -> ExitCode {
    let mut args = env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.collect();
    let result = match command.as_deref() {
        Some("serve") => serve(&rest),
        Some("build") => build(&rest),
        Some("test") => test::run(&rest),
        Some("bench") => bench::run(&rest),
        // What mdBook runs instead of the preprocessor while `bench` captures its input.
        Some(bench::capture::SHIM) => bench::capture::shim(&rest),
        // What runs each measured program for `bench`.
        Some(bench::measure::RUNNER) => bench::measure::runner(&rest),
        Some("originality") => originality::run(&rest),
        Some("pdf") => pdf::run(&rest),
        None | Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            return if command.is_none() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}").into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask: error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask serve [ARGS...]`: everything `mdbook serve` needs, then `mdbook serve`.
fn serve(args: &[String]) -> Result {
    let tools = tools::Tools::prepare()?;
    run::progress("serving the report with live reload (Ctrl-C to stop)");
    let mut mdbook = tools.mdbook("serve");
    mdbook.args(args);
    run::status(&mut mdbook)
}

/// `cargo xtask build [--publish | --final] [ARGS...]`: a draft, publish or final build.
fn build(args: &[String]) -> Result {
    let mut mode = None;
    let mut passthrough = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--publish" | "--final" => {
                let wanted = &arg[2..];
                if let Some(previous) = mode.replace(wanted)
                    && previous != wanted
                {
                    return Err("--publish and --final exclude each other".into());
                }
            }
            _ => passthrough.push(arg.clone()),
        }
    }
    let tools = tools::Tools::prepare()?;
    let mut mdbook = tools.mdbook("build");
    mdbook.args(&passthrough);
    match mode {
        Some(mode) => {
            run::progress(&format!("building the report in {mode} mode"));
            mdbook.env(tools::MODE_ENV, mode);
        }
        None => run::progress("building the report (mode from book.toml, draft by default)"),
    }
    run::status(&mut mdbook)?;
    if passthrough.is_empty() {
        let html = tools::html_dir(&tools::book_dir());
        run::progress(&format!("done: {}", html.join("index.html").display()));
    }
    Ok(())
}
