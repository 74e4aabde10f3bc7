//! The books the benchmark builds: copies of the real report and generated books of any
//! size, each as up to three variants that share their static files:
//!
//! - `plain/`: plain mdBook on the placeholder source (book.toml without the report's tables),
//! - `expanded/`: plain mdBook on the expanded source (the preprocessor's output chapters
//!   written back as Markdown files, see `capture`),
//! - `with/`: the preprocessor and the companion renderer.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

use crate::run::Result;

/// The variants of one book, each a folder with a `book.toml`, and their source folders.
#[derive(Debug, Clone)]
pub struct Variants {
    pub plain: PathBuf,
    pub expanded: PathBuf,
    pub with: PathBuf,
    /// The placeholder source `plain` builds.
    pub plain_src: PathBuf,
    /// The source folder of `expanded`, whose chapters the capture overwrites.
    pub expanded_src: PathBuf,
    /// The placeholder source `with` builds (what `mdbook serve` trials edit).
    pub with_src: PathBuf,
}

/// `book.toml` without the report's tables: `[preprocessor.report]` and the companion
/// renderer `[output.report]`, with their sub-tables.
pub fn without_report_tables(book_toml: &str) -> String {
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

/// The real report's variants under `dest`: copies of `book/` and `assets/` so that every
/// path in book.toml means what it means in the repository (the commands are set through
/// mdBook's environment overrides).
pub fn report(root: &Path, dest: &Path) -> Result<Variants> {
    if dest.exists() {
        fs::remove_dir_all(dest)?;
    }
    let book_toml = fs::read_to_string(root.join("book.toml"))?;
    let variants = Variants {
        plain: dest.join("plain"),
        expanded: dest.join("expanded"),
        with: dest.join("with"),
        plain_src: dest.join("plain/book"),
        expanded_src: dest.join("expanded/book"),
        with_src: dest.join("with/book"),
    };
    for (dir, toml) in [
        (&variants.plain, without_report_tables(&book_toml)),
        (&variants.expanded, without_report_tables(&book_toml)),
        (&variants.with, book_toml.clone()),
    ] {
        fs::create_dir_all(dir)?;
        fs::write(dir.join("book.toml"), toml)?;
        for sub in ["book", "assets"] {
            if root.join(sub).is_dir() {
                copy_dir(&root.join(sub), &dir.join(sub))?;
            }
        }
    }
    Ok(variants)
}

pub fn copy_dir(from: &Path, to: &Path) -> Result {
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

/// How a generated book uses its big dataset (`big/rows`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Big {
    /// Every tenth chapter looks up one row and shows a few rows above a threshold (the
    /// large book).
    EveryTenthChapter,
    /// The dataset is in the data folder and no placeholder uses it.
    Unused,
    /// The first chapter looks up one row.
    Lookup,
    /// The first chapter shows about this many rows in a table.
    Shown(usize),
}

/// A generated book.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub chapters: usize,
    pub rows: usize,
    pub big: Big,
}

/// What a generated book holds.
#[derive(Debug, Default)]
pub struct Stats {
    pub tables: usize,
    pub values: usize,
    pub charts: usize,
    pub refs: usize,
    pub pending: usize,
    /// Rows of `big/rows` that tables show.
    pub big_rows_shown: usize,
}

impl Stats {
    pub fn placeholders(&self) -> usize {
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
/// `big/rows`'s 金额 is below this.
const AMOUNTS: u64 = 100_000;

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

/// Writes a generated book under `dir`: its sources in `dir/src`, and `plain/`, `with/`
/// and `expanded/` (whose `src/` the capture fills) book.toml files. `with/` runs
/// `preprocessor` and its companion renderer by absolute path, in publish mode, so that a
/// placeholder error fails the build: the timings are of a book whose every placeholder
/// expands.
pub fn generate(dir: &Path, preprocessor: &Path, spec: Spec) -> Result<(Variants, Stats)> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    let src = dir.join("src");
    fs::create_dir_all(src.join("data/series"))?;
    fs::create_dir_all(src.join("data/big"))?;
    let variants = Variants {
        plain: dir.join("plain"),
        expanded: dir.join("expanded"),
        with: dir.join("with"),
        plain_src: src.clone(),
        expanded_src: dir.join("expanded/src"),
        with_src: src.clone(),
    };

    let book = |src: &str| {
        format!(
            "[book]\ntitle = \"基准测试：大型报告\"\nlanguage = \"zh-CN\"\nsrc = \"{src}\"\n\n\
             [build]\ncreate-missing = false\n\n[output.html]\n"
        )
    };
    let quoted = |path: &Path| {
        path.to_string_lossy()
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
    };
    fs::create_dir_all(&variants.with)?;
    fs::write(
        variants.with.join("book.toml"),
        format!(
            "{}\n[preprocessor.report]\ncommand = \"{pp}\"\nbefore = [\"links\"]\nmode = \"publish\"\n\n\
             [output.report]\ncommand = \"'{pp}' render\"\n",
            book("../src"),
            pp = quoted(preprocessor)
        ),
    )?;
    fs::create_dir_all(&variants.plain)?;
    fs::write(variants.plain.join("book.toml"), book("../src"))?;
    fs::create_dir_all(&variants.expanded)?;
    fs::write(variants.expanded.join("book.toml"), book("src"))?;

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

    // The big dataset; the amounts are kept to count the rows a threshold shows.
    let mut amounts = Vec::with_capacity(spec.rows);
    let mut big = BufWriter::new(fs::File::create(src.join("data/big/rows.csv"))?);
    writeln!(big, "编号,省份,类别,金额,数量")?;
    for row in 1..=spec.rows {
        let amount = random.next(AMOUNTS);
        amounts.push(amount);
        writeln!(
            big,
            "R{row:07},{},{},{amount}.{:02},{}",
            PROVINCES[random.next(PROVINCES.len() as u64) as usize],
            CATEGORIES[random.next(CATEGORIES.len() as u64) as usize],
            random.next(100),
            10_000 + random.next(90_000)
        )?;
    }
    big.into_inner().map_err(|error| error.into_error())?;
    fs::write(
        src.join("data/big/rows.toml"),
        "title = \"基准大数据集：企业交易明细\"\nunit = \"万元\"\nsource = \"基准测试生成数据\"\n\
         as-of = \"2024-12\"\nnotes = \"由 cargo xtask bench 生成。\"\nkey = \"编号\"\n\n\
         [columns.\"数量\"]\nunit = \"件\"\ndecimals = 0\n",
    )?;
    // The rows with 金额 at or above `threshold`.
    let at_least = |threshold: u64| amounts.iter().filter(|&&a| a >= threshold).count();

    let mut stats = Stats::default();
    let mut summary = String::from("# Summary\n\n");
    for chapter in 1..=spec.chapters {
        let _ = writeln!(summary, "- [第{chapter}章 基准章节](ch{chapter:04}.md)");
        let mut text = chapter_text(chapter, &mut stats);
        let big_rows = match spec.big {
            Big::EveryTenthChapter if chapter.is_multiple_of(10) => {
                // Thresholds vary, so that no two tables are the same request.
                Some((
                    (chapter * 97) % spec.rows + 1,
                    AMOUNTS - 20 + (chapter as u64 / 10) % 20,
                ))
            }
            Big::Lookup if chapter == 1 => Some(((spec.rows / 2).max(1), AMOUNTS)),
            Big::Shown(count) if chapter == 1 => {
                let share = count as f64 / spec.rows.max(1) as f64;
                Some((
                    (spec.rows / 2).max(1),
                    (AMOUNTS as f64 * (1.0 - share)).round() as u64,
                ))
            }
            _ => None,
        };
        if let Some((row, threshold)) = big_rows {
            let _ = writeln!(
                text,
                "明细中一笔交易的金额为{{{{#value big/rows row=R{row:07} col=金额}}}}。\n"
            );
            stats.values += 1;
            if threshold < AMOUNTS {
                let _ = writeln!(
                    text,
                    "{{{{#table big/rows cols=编号,省份,类别,金额 where=金额>={threshold} \
                     sort=-金额 title=\"第{chapter}章 大额交易\" id=big-{chapter}}}}}\n"
                );
                stats.tables += 1;
                stats.big_rows_shown += at_least(threshold);
            }
        }
        fs::write(src.join(format!("ch{chapter:04}.md")), text)?;
    }
    fs::write(src.join("SUMMARY.md"), summary)?;
    copy_dir(&src, &variants.expanded_src)?;
    Ok((variants, stats))
}

/// One chapter: prose around values, a table, refs, a chart every third chapter and
/// pending markers. The prose types one number, as a real report's does, so that the
/// typed-number check reads the data as it would there; no dataset holds it (five
/// decimals), since a publish build fails on a typed number that equals a value.
fn chapter_text(chapter: usize, stats: &mut Stats) -> String {
    let ds = format!("series/s{:02}", chapter % SERIES);
    let prose = "我国医药工业国际合作在贸易、技术、产能与制度四个维度持续推进，\
                 原料药与制剂出口结构不断优化，企业“走出去”步伐加快。";
    let mut text = String::new();
    let _ = writeln!(
        text,
        "# 第{chapter}章 基准章节\n\n## 现状\n\n{prose}{prose}行业集中度指数约为0.73914。\n"
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
    fn generated_books_use_the_big_dataset_as_asked() {
        let dir = std::env::temp_dir().join(format!("xtask-books-{}", std::process::id()));
        let pp = Path::new("/opt/mdbook-report");
        let spec = |big| Spec {
            chapters: 30,
            rows: 2000,
            big,
        };
        let (variants, stats) = generate(&dir, pp, spec(Big::EveryTenthChapter)).unwrap();
        let ch30 = fs::read_to_string(dir.join("src/ch0030.md")).unwrap();
        assert!(ch30.contains("{{#chart series/s10 kind=bar-line"), "{ch30}");
        assert!(ch30.contains("{{#table big/rows cols=编号,省份,类别,金额 where=金额>=99983"));
        assert_eq!((stats.charts, stats.tables, stats.values), (10, 33, 123));
        let with = fs::read_to_string(variants.with.join("book.toml")).unwrap();
        assert!(
            with.contains("command = \"'/opt/mdbook-report' render\""),
            "{with}"
        );
        assert!(
            fs::read_to_string(variants.expanded_src.join("ch0030.md")).unwrap() == ch30,
            "the expanded book starts as a copy"
        );

        let (_, unused) = generate(&dir, pp, spec(Big::Unused)).unwrap();
        assert_eq!(unused.tables, 30);
        let (_, shown) = generate(&dir, pp, spec(Big::Shown(100))).unwrap();
        // About 100 of 2000 uniform amounts are in the top 5%.
        assert!((60..140).contains(&shown.big_rows_shown), "{shown:?}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
