//! `cargo xtask bench`: what the preprocessor costs on top of plain mdBook.
//!
//! Builds the real report and a generated large book (under `target/bench/`), each with and
//! without `[preprocessor.report]`, in one run and several repetitions, and prints the wall
//! times and their ratio to plain mdBook. It reports; it never asserts on time.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::run::{self, Result};
use crate::tools::{self, Tools};

const PLAIN: &str = "mdBook alone";
const WITH: &str = "with report";

struct Options {
    reps: usize,
    chapters: usize,
    rows: usize,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options {
        reps: 3,
        chapters: 1000,
        rows: 100_000,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let target = match arg.as_str() {
            "--reps" => &mut options.reps,
            "--chapters" => &mut options.chapters,
            "--rows" => &mut options.rows,
            other => {
                return Err(format!("unknown argument `{other}` to `cargo xtask bench`").into());
            }
        };
        let value = args.next().ok_or_else(|| format!("{arg} needs a number"))?;
        *target = value
            .parse()
            .ok()
            .filter(|&n: &usize| n > 0)
            .ok_or_else(|| format!("{arg} needs a positive number, not `{value}`"))?;
    }
    Ok(options)
}

/// One book to build: a directory with a `book.toml`.
struct Case {
    book: String,
    variant: &'static str,
    dir: PathBuf,
    /// Wall times of the timed repetitions; `None` once a build failed.
    times: Option<Vec<Duration>>,
}

pub fn run(args: &[String]) -> Result {
    let options = parse(args)?;
    let tools = Tools::prepare()?;
    let bench = tools::target_dir().join("bench");
    fs::create_dir_all(&bench)?;

    run::progress("preparing the real report without the preprocessor");
    let report_plain = bench.join("report-plain");
    plain_copy_of_report(&tools.root, &report_plain)?;

    run::progress(&format!(
        "generating the large book: {} chapters, a {}-row dataset",
        options.chapters, options.rows
    ));
    let large = bench.join("large");
    let stats = generate_large_book(&large, &tools.preprocessor, &options)?;
    run::progress(&format!(
        "large book: {} placeholders ({} charts, {} tables, {} values, {} refs, {} pending markers)",
        stats.total(),
        stats.charts,
        stats.tables,
        stats.values,
        stats.refs,
        stats.pending
    ));

    let chapters = count_chapters(&tools.root.join("book/SUMMARY.md"));
    let report = format!("report ({chapters} pages)");
    let large_name = format!("large ({} chapters)", options.chapters);
    let mut cases = vec![
        Case::new(&report, PLAIN, report_plain),
        Case::new(&report, WITH, tools.root.clone()),
        Case::new(&large_name, PLAIN, large.join("plain")),
        Case::new(&large_name, WITH, large.join("with")),
    ];

    let out = bench.join("out");
    let logs = bench.join("logs");
    fs::create_dir_all(&logs)?;
    // Round-robin over the cases so that a slow spell of the machine hits them all alike;
    // repetition 0 is a warm-up (disk cache, first run of the binaries) and is not timed.
    for rep in 0..=options.reps {
        let label = if rep == 0 {
            "warm-up".to_owned()
        } else {
            format!("run {rep}/{}", options.reps)
        };
        run::progress(&label);
        for (index, case) in cases.iter_mut().enumerate() {
            let Some(times) = case.times.as_mut() else {
                continue;
            };
            let log = logs.join(format!("case{index}.log"));
            let mut command = tools.mdbook("build");
            if case.variant == PLAIN {
                // An override would bring the preprocessor back into the plain book.
                command
                    .env_remove(tools::MODE_ENV)
                    .env_remove(tools::COMMAND_ENV)
                    .env_remove(tools::RENDERER_COMMAND_ENV);
            }
            command
                .current_dir(&case.dir)
                .arg("--dest-dir")
                .arg(out.join(format!("case{index}")));
            match time_build(&mut command, &log)? {
                Some(elapsed) if rep > 0 => times.push(elapsed),
                Some(_) => {}
                None => {
                    eprintln!(
                        "    {} / {}: `mdbook build` failed, see {}",
                        case.book,
                        case.variant,
                        log.display()
                    );
                    case.times = None;
                }
            }
        }
    }

    println!("{}", table(&cases));
    if cases.iter().any(|case| case.times.is_none()) {
        return Err("some builds failed (their logs are named above)".into());
    }
    Ok(())
}

impl Case {
    fn new(book: &str, variant: &'static str, dir: PathBuf) -> Self {
        Case {
            book: book.to_owned(),
            variant,
            dir,
            times: Some(Vec::new()),
        }
    }
}

/// Runs one build with its output in `log`; its wall time, or `None` if it failed.
fn time_build(command: &mut Command, log: &Path) -> Result<Option<Duration>> {
    let file = fs::File::create(log)?;
    command
        .stdout(file.try_clone()?)
        .stderr(file)
        .stdin(Stdio::null());
    let started = Instant::now();
    let status = command
        .status()
        .map_err(|error| format!("could not start `{}`: {error}", run::display(command)))?;
    let elapsed = started.elapsed();
    Ok(status.success().then_some(elapsed))
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    let middle = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (sorted[middle - 1] + sorted[middle]) / 2
    } else {
        sorted[middle]
    }
}

/// The results: every run, the median, and the median's ratio to plain mdBook's.
fn table(cases: &[Case]) -> String {
    let mut text = String::new();
    let _ = writeln!(text);
    let _ = writeln!(
        text,
        "{:<22} {:<14} {:>9} {:>9}  runs (s)",
        "book", "variant", "median s", "vs mdBook"
    );
    let mut baseline = None;
    for case in cases {
        let Some(times) = &case.times else {
            let _ = writeln!(
                text,
                "{:<22} {:<14} {:>9}",
                case.book, case.variant, "failed"
            );
            continue;
        };
        let median = median(times).as_secs_f64();
        let ratio = if case.variant == PLAIN {
            baseline = Some(median);
            1.0
        } else {
            baseline.map_or(f64::NAN, |baseline| median / baseline)
        };
        let runs: Vec<String> = times
            .iter()
            .map(|time| format!("{:.2}", time.as_secs_f64()))
            .collect();
        let _ = writeln!(
            text,
            "{:<22} {:<14} {:>9.2} {:>8.2}×  {}",
            case.book,
            case.variant,
            median,
            ratio,
            runs.join(" ")
        );
    }
    text
}

fn count_chapters(summary: &Path) -> usize {
    fs::read_to_string(summary)
        .map(|text| text.matches("](").count())
        .unwrap_or(0)
}

/// `book.toml` without the report's tables: `[preprocessor.report]` and the companion
/// renderer `[output.report]`, with their sub-tables.
fn without_report_tables(book_toml: &str) -> String {
    let mut kept = String::new();
    let mut skipping = false;
    for line in book_toml.lines() {
        let header = line.trim_start();
        if header.starts_with('[') {
            let name = header
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim();
            skipping = ["preprocessor.report", "output.report"]
                .iter()
                .any(|table| name == *table || name.starts_with(&format!("{table}.")));
        }
        if !skipping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

/// The real report with `[preprocessor.report]` removed: a copy of `book/` and `assets/` so
/// that every path in book.toml means what it means in the repository.
fn plain_copy_of_report(root: &Path, dest: &Path) -> Result {
    if dest.exists() {
        fs::remove_dir_all(dest)?;
    }
    fs::create_dir_all(dest)?;
    let book_toml = fs::read_to_string(root.join("book.toml"))?;
    fs::write(dest.join("book.toml"), without_report_tables(&book_toml))?;
    for dir in ["book", "assets"] {
        if root.join(dir).is_dir() {
            copy_dir(&root.join(dir), &dest.join(dir))?;
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[derive(Default)]
struct Stats {
    tables: usize,
    values: usize,
    charts: usize,
    refs: usize,
    pending: usize,
}

impl Stats {
    fn total(&self) -> usize {
        self.tables + self.values + self.charts + self.refs + self.pending
    }
}

/// Small series datasets the chapters draw on, cycled through.
const SERIES: usize = 20;
const YEARS: std::ops::RangeInclusive<u32> = 2015..=2024;
const PROVINCES: [&str; 8] = [
    "北京", "上海", "江苏", "浙江", "山东", "广东", "四川", "湖北",
];
const CATEGORIES: [&str; 5] = ["原料药", "制剂", "医疗器械", "中药", "生物药"];

/// A deterministic pseudo-random sequence (a 64-bit LCG), so every run builds the same book.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// Writes the large book under `dir`: `with/book.toml` runs the preprocessor (its absolute
/// path), `plain/book.toml` is the same book without it; both read `dir/src`.
fn generate_large_book(dir: &Path, preprocessor: &Path, options: &Options) -> Result<Stats> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    let src = dir.join("src");
    fs::create_dir_all(src.join("data/series"))?;
    fs::create_dir_all(src.join("data/big"))?;
    fs::create_dir_all(dir.join("with"))?;
    fs::create_dir_all(dir.join("plain"))?;

    let book = "[book]\ntitle = \"基准测试：大型报告\"\nlanguage = \"zh-CN\"\nsrc = \"../src\"\n\n\
                [build]\ncreate-missing = false\n";
    let preprocessor = preprocessor.to_string_lossy().replace('\\', "\\\\");
    fs::write(
        dir.join("with/book.toml"),
        format!(
            "{book}\n[preprocessor.report]\ncommand = \"{preprocessor}\"\nbefore = [\"links\"]\n\
             # Publish mode: a placeholder error fails the build, so the timings are of a\n\
             # book whose every placeholder expands.\nmode = \"publish\"\n"
        ),
    )?;
    fs::write(dir.join("plain/book.toml"), book)?;

    let mut random = Lcg(0x5EED);
    for series in 0..SERIES {
        let mut csv = String::from("年份,出口额,进口额,企业数\n");
        for year in YEARS {
            let _ = writeln!(
                csv,
                "{year},{}.{},{}.{},{}",
                100 + random.next(900),
                1 + random.next(9),
                80 + random.next(700),
                1 + random.next(9),
                10_000 + random.next(50_000)
            );
        }
        fs::write(src.join(format!("data/series/s{series:02}.csv")), csv)?;
        fs::write(
            src.join(format!("data/series/s{series:02}.toml")),
            format!(
                "title = \"基准序列{series:02}：进出口额\"\nunit = \"亿美元\"\n\
                 source = \"基准测试生成数据\"\nas-of = \"2024\"\n\
                 notes = \"由 cargo xtask bench 生成。\"\nkey = \"年份\"\n\n\
                 [columns.\"企业数\"]\nunit = \"家\"\ndecimals = 0\n"
            ),
        )?;
    }

    let mut big = BufWriter::new(fs::File::create(src.join("data/big/rows.csv"))?);
    writeln!(big, "编号,省份,类别,金额,数量")?;
    for row in 1..=options.rows {
        writeln!(
            big,
            "R{row:06},{},{},{}.{:02},{}",
            PROVINCES[random.next(PROVINCES.len() as u64) as usize],
            CATEGORIES[random.next(CATEGORIES.len() as u64) as usize],
            random.next(100_000),
            random.next(100),
            10_000 + random.next(90_000)
        )?;
    }
    big.into_inner()
        .map_err(|error| error.into_error())?
        .sync_all()?;
    fs::write(
        src.join("data/big/rows.toml"),
        "title = \"基准大数据集：企业交易明细\"\nunit = \"万元\"\nsource = \"基准测试生成数据\"\n\
         as-of = \"2024-12\"\nnotes = \"由 cargo xtask bench 生成。\"\nkey = \"编号\"\n\n\
         [columns.\"数量\"]\nunit = \"件\"\ndecimals = 0\n",
    )?;

    let mut stats = Stats::default();
    let mut summary = String::from("# Summary\n\n");
    for chapter in 1..=options.chapters {
        let _ = writeln!(summary, "- [第{chapter}章 基准章节](ch{chapter:04}.md)");
        let text = chapter_text(chapter, options.rows, &mut stats);
        fs::write(src.join(format!("ch{chapter:04}.md")), text)?;
    }
    fs::write(src.join("SUMMARY.md"), summary)?;
    Ok(stats)
}

/// One chapter: prose around values (with no typed digits: the preprocessor flags a typed
/// number that equals a value of the data), a table, refs, a chart every third chapter, pending
/// markers, and every tenth chapter a look into the 100,000-row dataset.
fn chapter_text(chapter: usize, rows: usize, stats: &mut Stats) -> String {
    let ds = format!("series/s{:02}", chapter % SERIES);
    let prose = "我国医药工业国际合作在贸易、技术、产能与制度四个维度持续推进，\
                 原料药与制剂出口结构不断优化，企业“走出去”步伐加快。";
    let mut text = String::new();
    let _ = writeln!(
        text,
        "# 第{chapter}章 基准章节\n\n## 现状\n\n{prose}{prose}\n"
    );
    let _ = writeln!(
        text,
        "当年出口额为{{{{#value {ds} row=2024 col=出口额}}}}，进口额为\
         {{{{#value {ds} row=2024 col=进口额}}}}，出口同比{{{{#value {ds} row=2024 col=出口额 calc=yoy}}}}，\
         十年间年均增长{{{{#value {ds} col=出口额 calc=cagr from=2015 to=2024}}}}。\
         详见{{{{#ref tab-{chapter}}}}}。\n"
    );
    stats.values += 4;
    stats.refs += 1;
    let _ = writeln!(
        text,
        "{{{{#table {ds} cols=年份,出口额,进口额,企业数 sort=-年份 yoy=出口额 total \
         title=\"第{chapter}章 进出口额\" id=tab-{chapter}}}}}\n"
    );
    stats.tables += 1;
    if chapter.is_multiple_of(3) {
        let _ = writeln!(
            text,
            "如{{{{#ref fig-{chapter}}}}}所示，出口额保持增长。\n\n\
             {{{{#chart {ds} kind=bar-line x=年份 y=出口额 line=yoy \
             title=\"第{chapter}章 出口额及增速\" id=fig-{chapter}}}}}\n"
        );
        stats.refs += 1;
        stats.charts += 1;
    }
    let _ = writeln!(text, "## 挑战\n\n{prose}\n");
    if chapter.is_multiple_of(2) {
        let _ = writeln!(text, "{{{{#pending 第{chapter}章挑战部分的案例待补充}}}}\n");
        stats.pending += 1;
    }
    if chapter.is_multiple_of(5) {
        let _ = writeln!(text, "相关企业案例【待补充数据】。\n");
        stats.pending += 1;
    }
    let _ = writeln!(text, "## 政策\n\n{prose}{prose}\n");
    if chapter.is_multiple_of(10) {
        let row = (chapter * 97) % rows + 1;
        let _ = writeln!(
            text,
            "明细中一笔交易的金额为{{{{#value big/rows row=R{row:06} col=金额}}}}。\n\n\
             {{{{#table big/rows cols=编号,省份,类别,金额 where=金额>=99990 sort=-金额 \
             title=\"第{chapter}章 大额交易\" id=big-{chapter}}}}}\n"
        );
        stats.values += 1;
        stats.tables += 1;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_only_the_report_preprocessor_and_renderer() {
        let toml = "[book]\ntitle = \"x\"\n\n[preprocessor.report]\ncommand = \"a\"\n\
                    before = [\"links\"]\n\n[preprocessor.report.patterns]\nx = 1\n\n\
                    [output.html]\nprint = { enable = true }\n\n[output.report]\n\
                    command = \"a render\"\n[output.report.pdf]\nfile = \"r.pdf\"\n\
                    [output.reporter]\n";
        assert_eq!(
            without_report_tables(toml),
            "[book]\ntitle = \"x\"\n\n[output.html]\nprint = { enable = true }\n\n\
             [output.reporter]\n"
        );
    }

    #[test]
    fn median_of_even_and_odd_counts() {
        let secs = |list: &[u64]| {
            list.iter()
                .map(|&s| Duration::from_secs(s))
                .collect::<Vec<_>>()
        };
        assert_eq!(median(&secs(&[3, 1, 2])), Duration::from_secs(2));
        assert_eq!(median(&secs(&[4, 1, 2, 3])), Duration::from_millis(2500));
    }

    #[test]
    fn chapters_use_the_placeholder_syntax() {
        let mut stats = Stats::default();
        let text = chapter_text(30, 100_000, &mut stats);
        assert!(text.contains("{{#chart series/s10 kind=bar-line"));
        assert!(text.contains("{{#ref fig-30}}"));
        assert!(text.contains("{{#table big/rows cols=编号,省份,类别,金额 where=金额>=99990"));
        assert_eq!((stats.charts, stats.tables, stats.pending), (1, 2, 2));
    }
}
