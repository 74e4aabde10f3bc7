//! `cargo xtask bench`: what the preprocessor costs on top of plain mdBook, measured
//! honestly.
//!
//! For the real report and a generated large book it measures, in one run and alternating:
//!
//! - (a) plain mdBook on the placeholder source,
//! - (b) plain mdBook on the *expanded* source: the preprocessor's output chapters written
//!   back as Markdown files (captured once, see `capture`), with the same static files;
//!   what the same tables and charts typed by hand would cost,
//! - (c) mdBook with the preprocessor and the companion renderer,
//! - the preprocessor alone and the companion renderer alone, replaying their captured
//!   input,
//!
//! each as the median and range of wall time, CPU time (user + system of all the processes)
//! and peak memory, with the ratios (c)/(b) and (c)/(a). Then the scaling series
//! (`series`) and the wait under `mdbook serve` (`serve`). It reports and never fails on
//! time.

mod books;
mod callgrind;
pub mod capture;
mod machine;
pub mod measure;
mod series;
mod serve;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use books::{Big, Spec, Variants};
use capture::Kind;
use machine::Machine;
use measure::{Io, Sample, Summary};

use crate::run::{self, Result};
use crate::tools::{self, Tools};

/// mdBook's environment override of `[preprocessor.report.originality] sources`.
const SOURCES_ENV: &str = "MDBOOK_PREPROCESSOR__REPORT__ORIGINALITY__SOURCES";

const USAGE: &str = "usage: cargo xtask bench [--reps N] [--chapters N] [--rows N] \
                     [--series none|default|full] [--serve-trials N] [--instructions]";

struct Options {
    reps: usize,
    chapters: usize,
    rows: usize,
    series: series::Choice,
    serve_trials: usize,
    instructions: bool,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options {
        reps: 5,
        chapters: 1000,
        rows: 100_000,
        series: series::Choice::Default,
        serve_trials: 3,
        instructions: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (number, zero_ok) = match arg.as_str() {
            "--reps" => (&mut options.reps, false),
            "--chapters" => (&mut options.chapters, false),
            "--rows" => (&mut options.rows, false),
            "--serve-trials" => (&mut options.serve_trials, true),
            "--instructions" => {
                options.instructions = true;
                continue;
            }
            "--series" => {
                let value = args.next().map(String::as_str);
                options.series = series::Choice::parse(value.unwrap_or("")).ok_or_else(|| {
                    format!("--series takes none, default or full, not {value:?}\n{USAGE}")
                })?;
                continue;
            }
            other => return Err(format!("unknown argument `{other}`\n{USAGE}").into()),
        };
        let value = args.next().ok_or_else(|| format!("{arg} needs a number"))?;
        *number = value
            .parse()
            .ok()
            .filter(|&n: &usize| n > 0 || zero_ok)
            .ok_or_else(|| format!("{arg} needs a positive number, not `{value}`"))?;
    }
    Ok(options)
}

/// One book under test: its variants, the environment its `with` variant needs, and the
/// folder of what was captured of its preprocessor and renderer.
#[derive(Clone)]
struct Book {
    name: String,
    /// A short name for files: `report`, `large`, a series point.
    slug: String,
    variants: Variants,
    /// Environment for the `with` variant (commands by absolute path, originality sources).
    env: Vec<(String, String)>,
    capture: PathBuf,
}

/// The things measured for every book, in the order they alternate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Plain,
    Expanded,
    With,
    Preprocessor,
    Renderer,
}

const VARIANTS: [Variant; 5] = [
    Variant::Plain,
    Variant::Expanded,
    Variant::With,
    Variant::Preprocessor,
    Variant::Renderer,
];

impl Variant {
    fn label(self) -> &'static str {
        match self {
            Variant::Plain => "(a) mdBook, placeholder source",
            Variant::Expanded => "(b) mdBook, expanded source",
            Variant::With => "(c) mdBook + report",
            Variant::Preprocessor => "preprocessor alone",
            Variant::Renderer => "companion renderer alone",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Variant::Plain => "plain",
            Variant::Expanded => "expanded",
            Variant::With => "with",
            Variant::Preprocessor => "preprocessor",
            Variant::Renderer => "renderer",
        }
    }
}

pub fn run(args: &[String]) -> Result {
    let options = parse(args)?;
    let tools = Tools::prepare()?;
    let bench = tools::target_dir().join("bench");
    fs::create_dir_all(bench.join("logs"))?;
    // Left by an interrupted run.
    empty_trash(&bench)?;
    println!("{}", Machine::now(&tools.mdbook).describe());

    run::progress("copying the real report (placeholder, expanded and with-report variants)");
    let variants = books::report(&tools.root, &bench.join("report"))?;
    let mut env = with_env(&tools);
    env.push((
        SOURCES_ENV.to_owned(),
        originality_sources(&tools.root).unwrap_or_else(|| "[]".to_owned()),
    ));
    let report = Book {
        name: format!(
            "report ({} pages)",
            count_chapters(&tools.root.join("book/SUMMARY.md"))
        ),
        slug: "report".to_owned(),
        variants,
        env,
        capture: bench.join("capture/report"),
    };

    run::progress(&format!(
        "generating the large book: {} chapters, a {}-row dataset",
        options.chapters, options.rows
    ));
    let spec = Spec {
        chapters: options.chapters,
        rows: options.rows,
        big: Big::EveryTenthChapter,
    };
    let (variants, stats) = books::generate(&bench.join("large"), &tools.preprocessor, spec)?;
    println!(
        "Large book: {} chapters, {} placeholders ({} charts, {} tables, {} values, {} refs, \
         {} pending markers), a {}-row dataset of which tables show {} rows.",
        options.chapters,
        stats.placeholders(),
        stats.charts,
        stats.tables,
        stats.values,
        stats.refs,
        stats.pending,
        options.rows,
        stats.big_rows_shown
    );
    let large = Book {
        name: format!("large ({} chapters)", options.chapters),
        slug: "large".to_owned(),
        variants,
        env: with_env(&tools),
        capture: bench.join("capture/large"),
    };

    let books = [report, large];
    for book in &books {
        run::progress(&format!(
            "{}: capturing the preprocessor's and renderer's input and output",
            book.name
        ));
        capture(&tools, book, &bench, false)?;
        let chapters = capture::write_expanded(&book.capture, &book.variants.expanded_src)?;
        println!(
            "{}: {chapters} chapters, Markdown {:.2} MB as written, {:.2} MB expanded.",
            book.name,
            dir_size(&book.variants.plain_src, "md") as f64 / 1e6,
            dir_size(&book.variants.expanded_src, "md") as f64 / 1e6
        );
    }
    println!();

    let results = alternate(&tools, &books, &bench, options.reps)?;
    for (book, samples) in books.iter().zip(&results) {
        println!("{}", book_table(book, samples, options.reps));
    }
    if options.instructions {
        println!("{}", callgrind::table(&tools, &books, &bench)?);
    }
    if options.series != series::Choice::None {
        series::run(&tools, &bench, &options, &books[1])?;
    }
    if options.serve_trials > 0 {
        println!(
            "{}",
            serve::table(&tools, &books, &bench, options.serve_trials)?
        );
    }
    println!("{}", Machine::now(&tools.mdbook).load_line("at the end"));
    // Last: removing it makes the next files anyone creates slow (see `set_aside`).
    empty_trash(&bench)?;
    let failed = results
        .iter()
        .flatten()
        .any(|(_, samples)| samples.is_none());
    if failed {
        return Err("some runs failed (their logs are in target/bench/logs)".into());
    }
    Ok(())
}

/// The environment of a `with` variant: the preprocessor and its renderer by absolute path
/// (book.toml's relative `target/release/...` means nothing in a copy).
fn with_env(tools: &Tools) -> Vec<(String, String)> {
    vec![
        (
            tools::COMMAND_ENV.to_owned(),
            capture::quote(&tools.preprocessor.to_string_lossy()),
        ),
        (
            tools::RENDERER_COMMAND_ENV.to_owned(),
            tools::renderer_command(&tools.preprocessor),
        ),
    ]
}

/// book.toml's `[preprocessor.report.originality] sources`, resolved against the repository
/// (the copies live elsewhere), as mdBook reads a list from the environment; `$REPORT_SEEDS`
/// replaces them, as in the tests.
fn originality_sources(root: &Path) -> Option<String> {
    let sources: Vec<String> = match std::env::var_os("REPORT_SEEDS") {
        Some(seeds) => vec![seeds.to_string_lossy().into_owned()],
        None => {
            let toml = fs::read_to_string(root.join("book.toml")).ok()?;
            let mut in_table = false;
            let mut found = None;
            for line in toml.lines().map(str::trim) {
                if line.starts_with('[') {
                    in_table = line == "[preprocessor.report.originality]";
                } else if in_table
                    && let Some(value) = line.strip_prefix("sources")
                    && let Some(value) = value.trim_start().strip_prefix('=')
                {
                    // A TOML list of plain strings is JSON too.
                    found = serde_json::from_str::<Vec<String>>(value.trim()).ok();
                }
            }
            found?
        }
    };
    let resolved: Vec<String> = sources
        .iter()
        .map(|source| root.join(source).to_string_lossy().into_owned())
        .collect();
    for source in &resolved {
        let missing = if Path::new(source).is_dir() {
            ""
        } else {
            " (missing: the check is skipped, as in a fresh clone; set REPORT_SEEDS)"
        };
        run::progress(&format!("originality sources: {source}{missing}"));
    }
    serde_json::to_string(&resolved).ok()
}

/// `mdbook SUBCOMMAND --dest-dir DEST` in a variant's folder, with the environment of that
/// variant and nothing from the caller's that could bring the report into a plain build.
fn mdbook(tools: &Tools, book: &Book, variant: Variant, subcommand: &str, dest: &Path) -> Command {
    let dir = match variant {
        Variant::Plain => &book.variants.plain,
        Variant::Expanded => &book.variants.expanded,
        _ => &book.variants.with,
    };
    let mut command = Command::new(&tools.mdbook);
    command
        .arg(subcommand)
        .arg("--dest-dir")
        .arg(dest)
        .current_dir(dir);
    for name in [
        tools::MODE_ENV,
        tools::COMMAND_ENV,
        tools::RENDERER_COMMAND_ENV,
        SOURCES_ENV,
    ] {
        command.env_remove(name);
    }
    if variant == Variant::With {
        command.envs(book.env.iter().map(|(k, v)| (k, v)));
    }
    command
}

/// Where cold runs put the output of earlier runs, removed after the timings.
fn trash(bench: &Path) -> PathBuf {
    bench.join("trash")
}

/// Moves `dir` out of a cold run's way, into [`trash`].
///
/// Not removed here: creating thousands of files right after removing as many makes ext4
/// skip every recently freed inode for each new one (`recently_deleted` in the kernel's
/// inode allocator). On the benchmark machine, 2,866 small files took 2 s of system time to
/// create right after removing the same number, and 0.13 s in a fresh folder. A fresh
/// clone pays none of that, and the cost grows with the files a build makes, not with its
/// work, so it would blur every variant and most the one that makes download files.
fn set_aside(dir: &Path, bench: &Path) -> Result {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let trash = trash(bench);
    fs::create_dir_all(&trash)?;
    let aside = trash.join(NEXT.fetch_add(1, Ordering::Relaxed).to_string());
    fs::rename(dir, &aside)
        .map_err(|error| format!("cannot move {} aside: {error}", dir.display()))?;
    Ok(())
}

/// Writes what earlier runs left in the page cache out to disk (`sync`), untimed, so that
/// no run pays for writing back the output of the one before: a build writes tens of
/// megabytes, and the kernel writes them back while the next run creates its files. Where
/// there is no `sync` command, runs go on without.
fn settle() {
    let _ = Command::new("sync").status();
}

/// Removes what cold runs set aside.
fn empty_trash(bench: &Path) -> Result {
    let trash = trash(bench);
    if trash.exists() {
        fs::remove_dir_all(&trash)?;
    }
    Ok(())
}

/// `target/bench/out/<book>-<what>`.
fn out_dir(bench: &Path, book: &Book, what: &str) -> PathBuf {
    bench.join("out").join(format!("{}-{what}", book.slug))
}

/// One build of `with` through the capture shim (`capture`), into its own output folder.
/// `input_only`: the shim stops the build once it has the preprocessor's input (the
/// scaling series need nothing else).
fn capture(tools: &Tools, book: &Book, bench: &Path, input_only: bool) -> Result {
    if book.capture.exists() {
        fs::remove_dir_all(&book.capture)?;
    }
    fs::create_dir_all(&book.capture)?;
    let dest = out_dir(bench, book, "capture");
    let mut command = mdbook(tools, book, Variant::With, "build", &dest);
    let shim =
        |kind, args: &[&str]| capture::shim_command(&book.capture, kind, &tools.preprocessor, args);
    command
        .env(tools::COMMAND_ENV, shim(Kind::Preprocessor, &[])?)
        .env(
            tools::RENDERER_COMMAND_ENV,
            shim(Kind::Renderer, &[tools::RENDER_SUBCOMMAND])?,
        );
    if input_only {
        command.env(capture::INPUT_ONLY_ENV, "1");
    }
    let log = book.capture.join("build.log");
    let io = Io {
        stdin: None,
        stdout: &log,
        log: &log,
    };
    let built = measure::run(&mut command, &io)?.is_some();
    let captured = Kind::Preprocessor.input(&book.capture).is_file();
    if built || (input_only && captured) {
        Ok(())
    } else {
        Err(format!(
            "the capture build of {} failed: see {}",
            book.name,
            log.display()
        )
        .into())
    }
}

/// The command that measures `variant` of `book`, and the file it reads on standard input
/// (the captured input of a replay).
fn command_for(
    tools: &Tools,
    book: &Book,
    variant: Variant,
    bench: &Path,
) -> (Command, Option<PathBuf>) {
    let kind = match variant {
        Variant::Plain | Variant::Expanded | Variant::With => {
            let dest = out_dir(bench, book, variant.slug());
            return (mdbook(tools, book, variant, "build", &dest), None);
        }
        Variant::Preprocessor => Kind::Preprocessor,
        Variant::Renderer => Kind::Renderer,
    };
    let mut command = Command::new(&tools.preprocessor);
    if kind == Kind::Renderer {
        command.arg(tools::RENDER_SUBCOMMAND);
    }
    command.current_dir(&book.variants.with);
    (command, Some(kind.input(&book.capture)))
}

/// Runs `variant` of `book` once, measured; `None` if it failed (the log says why).
///
/// Every run starts cold, like the build of a fresh clone: a build's output folder is set
/// aside first, and so are the download files the renderer keeps between builds (which
/// spare a `mdbook serve` rebuild the files of unchanged tables).
fn measure_once(
    tools: &Tools,
    book: &Book,
    variant: Variant,
    bench: &Path,
) -> Result<Option<Sample>> {
    start_cold(book, variant, bench)?;
    let (mut command, stdin) = command_for(tools, book, variant, bench);
    let logs = bench.join("logs");
    let log = logs.join(format!("{}-{}.log", book.slug, variant.slug()));
    let stdout = logs.join(format!("{}-{}.out", book.slug, variant.slug()));
    let io = Io {
        stdin: stdin.as_deref(),
        stdout: if stdin.is_some() { &stdout } else { &log },
        log: &log,
    };
    let sample = measure::run(&mut command, &io)?;
    if sample.is_none() {
        eprintln!(
            "    {} / {}: failed, see {}",
            book.name,
            variant.label(),
            log.display()
        );
    }
    Ok(sample)
}

/// Readies a cold run of `variant`: its output folder, or the download files the renderer
/// keeps, set aside, and the page cache written back.
fn start_cold(book: &Book, variant: Variant, bench: &Path) -> Result {
    let cold = match variant {
        Variant::Plain | Variant::Expanded | Variant::With => out_dir(bench, book, variant.slug()),
        // The replayed renderer works in the capture build's output (`downloads` is
        // report_data::download::FOLDER).
        Variant::Renderer => out_dir(bench, book, "capture").join("report/downloads"),
        Variant::Preprocessor => PathBuf::new(),
    };
    if cold.is_dir() {
        set_aside(&cold, bench)?;
    }
    settle();
    Ok(())
}

/// Per book, per variant: the timed samples, or `None` once a run failed.
type Results = Vec<Vec<(Variant, Option<Vec<Sample>>)>>;

/// Every variant of every book, round-robin, `reps` times after an untimed warm-up round
/// (disk cache, first runs), so that a slow spell of the machine hits them all alike.
fn alternate(tools: &Tools, books: &[Book], bench: &Path, reps: usize) -> Result<Results> {
    let mut results: Results = books
        .iter()
        .map(|_| VARIANTS.iter().map(|&v| (v, Some(Vec::new()))).collect())
        .collect();
    let mut loads = Vec::new();
    for rep in 0..=reps {
        let load = Machine::load();
        loads.push(format!("{load:.1}"));
        run::progress(&if rep == 0 {
            format!("warm-up round (load {load:.1})")
        } else {
            format!("round {rep}/{reps} (load {load:.1})")
        });
        for (book, book_results) in books.iter().zip(&mut results) {
            for (variant, samples) in book_results.iter_mut() {
                let Some(list) = samples.as_mut() else {
                    continue;
                };
                match measure_once(tools, book, *variant, bench)? {
                    Some(sample) if rep > 0 => list.push(sample),
                    Some(_) => {}
                    None => *samples = None,
                }
            }
        }
    }
    println!(
        "Load average (1 min) at the start of each round, warm-up first: {}\n",
        loads.join(", ")
    );
    Ok(results)
}

/// A Markdown table of one book's variants and the ratios of (c) to (b) and (a).
fn book_table(book: &Book, results: &[(Variant, Option<Vec<Sample>>)], reps: usize) -> String {
    let summary = |wanted: Variant| {
        results
            .iter()
            .find(|(v, _)| *v == wanted)
            .and_then(|(_, samples)| samples.as_deref())
            .and_then(Summary::of)
    };
    let mut text = format!(
        "{}: median (min–max) of {reps} alternating runs\n\n",
        book.name
    );
    let _ = writeln!(
        text,
        "| variant | wall s | CPU s | of which system s | peak MiB |"
    );
    let _ = writeln!(text, "|---|---|---|---|---|");
    for (variant, _) in results {
        let _ = match summary(*variant) {
            Some(s) => writeln!(
                text,
                "| {} | {} | {} | {} | {} |",
                variant.label(),
                s.wall.show(2),
                s.cpu.show(2),
                s.system.show(2),
                s.peak.show(0)
            ),
            None => writeln!(text, "| {} | failed | | | |", variant.label()),
        };
    }
    if let (Some(a), Some(b), Some(c)) = (
        summary(Variant::Plain),
        summary(Variant::Expanded),
        summary(Variant::With),
    ) {
        let _ = writeln!(text, "\n| ratio of medians | wall | CPU |");
        let _ = writeln!(text, "|---|---|---|");
        for (name, base) in [("(c)/(b)", b), ("(c)/(a)", a)] {
            let _ = writeln!(
                text,
                "| {name} | {:.3} | {:.3} |",
                c.wall.median / base.wall.median,
                c.cpu.median / base.cpu.median
            );
        }
    }
    text
}

fn count_chapters(summary: &Path) -> usize {
    fs::read_to_string(summary)
        .map(|text| text.matches("](").count())
        .unwrap_or(0)
}

/// Total size of the files with extension `ext` under `dir`.
fn dir_size(dir: &Path, ext: &str) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                dir_size(&path, ext)
            } else if path.extension().is_some_and(|e| e == ext) {
                entry.metadata().map_or(0, |m| m.len())
            } else {
                0
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_default_and_parse() {
        let options = parse(&[]).unwrap();
        assert_eq!(
            (options.reps, options.chapters, options.rows),
            (5, 1000, 100_000)
        );
        let args: Vec<String> = ["--reps", "2", "--series", "full", "--serve-trials", "0"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let options = parse(&args).unwrap();
        assert_eq!((options.reps, options.serve_trials), (2, 0));
        assert!(options.series == series::Choice::Full);
        assert!(parse(&["--reps".into(), "0".into()]).is_err());
        assert!(parse(&["--series".into(), "long".into()]).is_err());
        assert!(parse(&["--fast".into()]).is_err());
    }

    #[test]
    fn originality_sources_come_from_book_toml() {
        if std::env::var_os("REPORT_SEEDS").is_some() {
            return;
        }
        let dir = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("book.toml"),
            "[preprocessor.report]\nsources = [\"no\"]\n\n\
             [preprocessor.report.originality]\nsources = [\"../seeds\", \"x\"]\nmin-run = 15\n",
        )
        .unwrap();
        let json = originality_sources(&dir).unwrap();
        let list: Vec<String> = serde_json::from_str(&json).unwrap();
        let expected = [dir.join("../seeds"), dir.join("x")];
        assert_eq!(list, expected.map(|p| p.to_string_lossy().into_owned()));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn tables_show_spreads_and_ratios() {
        let sample = |wall: u64, cpu: u64| Sample {
            wall: std::time::Duration::from_millis(wall),
            cpu: std::time::Duration::from_millis(cpu),
            system: std::time::Duration::from_millis(cpu / 10),
            peak_kib: 2048,
        };
        let book = Book {
            name: "b".into(),
            slug: "b".into(),
            variants: Variants {
                plain: PathBuf::new(),
                expanded: PathBuf::new(),
                with: PathBuf::new(),
                plain_src: PathBuf::new(),
                expanded_src: PathBuf::new(),
                with_src: PathBuf::new(),
            },
            env: Vec::new(),
            capture: PathBuf::new(),
        };
        let results = vec![
            (Variant::Plain, Some(vec![sample(1000, 900)])),
            (Variant::Expanded, Some(vec![sample(2000, 1800)])),
            (Variant::With, Some(vec![sample(2100, 1980)])),
            (Variant::Renderer, None),
        ];
        let text = book_table(&book, &results, 1);
        assert!(
            text.contains(
                "| (b) mdBook, expanded source | 2.00 (2.00–2.00) | 1.80 (1.80–1.80) | 0.18 (0.18–0.18) | 2 (2–2) |"
            ),
            "{text}"
        );
        assert!(text.contains("| (c)/(b) | 1.050 | 1.100 |"), "{text}");
        assert!(text.contains("| (c)/(a) | 2.100 | 2.200 |"), "{text}");
        assert!(
            text.contains("| companion renderer alone | failed | | | |"),
            "{text}"
        );
    }
}
