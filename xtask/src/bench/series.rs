//! The scaling series: the preprocessor alone on generated books of growing size, to show
//! what its cost grows with: the chapters of the book and the data the pages show, not the
//! data that merely sits in the data folder.

use std::fmt::Write as _;
use std::path::Path;

use super::books::{self, Big, Spec};
use super::machine::Machine;
use super::measure::{Sample, Summary};
use super::{Book, Options, Variant, callgrind, capture, measure_once, with_env};
use crate::run::{self, Result};
use crate::tools::Tools;

/// `--series none|default|full`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    None,
    Default,
    Full,
}

impl Choice {
    pub fn parse(text: &str) -> Option<Choice> {
        match text {
            "none" => Some(Choice::None),
            "default" => Some(Choice::Default),
            "full" => Some(Choice::Full),
            _ => None,
        }
    }
}

/// One series: books that differ in one thing.
pub struct Series {
    pub title: &'static str,
    /// What the `x` of each point counts.
    pub unit: &'static str,
    pub points: Vec<Point>,
}

pub struct Point {
    pub name: String,
    pub spec: Spec,
    /// The number the series grows: chapters, rows present, rows read or rows shown.
    pub x: usize,
}

/// The default series (`full` adds 3,000 chapters and 1,000,000 rows).
pub fn plan(full: bool) -> Vec<Series> {
    let chapters: &[usize] = if full {
        &[100, 300, 1000, 3000]
    } else {
        &[100, 300, 1000]
    };
    let rows: &[usize] = if full {
        &[10_000, 100_000, 1_000_000]
    } else {
        &[10_000, 100_000, 300_000]
    };
    let base = 100;
    let mut series = vec![Series {
        title: "book size: chapters (100,000-row dataset, every tenth chapter shows some of it)",
        unit: "chapter",
        points: chapters
            .iter()
            .map(|&n| Point {
                name: format!("chapters-{n}"),
                spec: Spec {
                    chapters: n,
                    rows: 100_000,
                    big: Big::EveryTenthChapter,
                },
                x: n,
            })
            .collect(),
    }];
    for (title, unit, big) in [
        (
            "data present: rows of a dataset no placeholder uses (100 chapters)",
            "row present",
            Big::Unused,
        ),
        (
            "data read: rows of a dataset one {{#value}} looks into (100 chapters)",
            "row read",
            Big::Lookup,
        ),
    ] {
        series.push(Series {
            title,
            unit,
            points: rows
                .iter()
                .map(|&r| Point {
                    name: format!("{}-{r}", unit.replace(' ', "-")),
                    spec: Spec {
                        chapters: base,
                        rows: r,
                        big,
                    },
                    x: r,
                })
                .collect(),
        });
    }
    series.push(Series {
        title: "data shown: rows of a 20,000-row dataset one table shows (100 chapters)",
        unit: "row shown",
        points: [10, 100, 1000, 10_000]
            .iter()
            .map(|&k| Point {
                name: format!("shown-{k}"),
                spec: Spec {
                    chapters: base,
                    rows: 20_000,
                    big: Big::Shown(k),
                },
                x: k,
            })
            .collect(),
    });
    series
}

/// Generates each book of the series, captures its preprocessor input once (input only: no
/// need to render), then replays the preprocessor, alternating between the books, as many
/// rounds as the main runs (at most 3) after a warm-up. `large` is reused for its point.
pub fn run(tools: &Tools, bench: &Path, options: &Options, large: &Book) -> Result {
    let plan = plan(options.series == Choice::Full);
    let reps = options.reps.min(3);
    // (series, point, book)
    let mut points: Vec<(usize, usize, Book)> = Vec::new();
    for (s, series) in plan.iter().enumerate() {
        for (p, point) in series.points.iter().enumerate() {
            let is_large = point.spec.big == Big::EveryTenthChapter
                && point.spec.chapters == options.chapters
                && point.spec.rows == options.rows;
            if is_large {
                points.push((s, p, large.clone()));
                continue;
            }
            run::progress(&format!("series: generating and capturing {}", point.name));
            let dir = bench.join("series").join(&point.name);
            let (variants, _) = books::generate(&dir, &tools.preprocessor, point.spec)?;
            let book = Book {
                name: point.name.clone(),
                slug: format!("series-{}", point.name),
                variants,
                env: with_env(tools),
                capture: dir.join("capture"),
            };
            capture(tools, &book, bench, true)?;
            points.push((s, p, book));
        }
    }
    let mut samples: Vec<Option<Vec<Sample>>> = points.iter().map(|_| Some(Vec::new())).collect();
    for rep in 0..=reps {
        run::progress(&format!(
            "series: {} (load {:.1})",
            if rep == 0 {
                "warm-up round".to_owned()
            } else {
                format!("round {rep}/{reps}")
            },
            Machine::load()
        ));
        for ((_, _, book), list) in points.iter().zip(&mut samples) {
            let Some(found) = list.as_mut() else {
                continue;
            };
            match measure_once(tools, book, Variant::Preprocessor, bench)? {
                Some(sample) if rep > 0 => found.push(sample),
                Some(_) => {}
                None => *list = None,
            }
        }
    }
    for (s, series) in plan.iter().enumerate() {
        let mut rows = Vec::new();
        for ((ps, p, book), list) in points.iter().zip(&samples) {
            if *ps != s {
                continue;
            }
            let instructions = if options.instructions {
                callgrind::count(tools, book, Variant::Preprocessor, bench)?
            } else {
                None
            };
            rows.push((
                series.points[*p].x,
                list.as_deref().and_then(Summary::of),
                instructions,
            ));
        }
        println!("{}", table(series, &rows));
    }
    Ok(())
}

/// A Markdown table of one series: each point's CPU time, wall time, peak memory and
/// instructions, and the cost of each step per unit of `x` (constant when linear).
pub fn table(series: &Series, results: &[(usize, Option<Summary>, Option<u64>)]) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "\n{}\n", series.title);
    let _ = writeln!(
        text,
        "| {} | preprocessor CPU s | wall s | peak MiB | instructions | step: CPU per {} |",
        series.unit, series.unit
    );
    let _ = writeln!(text, "|---:|---|---|---:|---:|---:|");
    let mut previous: Option<(usize, f64)> = None;
    for (x, summary, instructions) in results {
        let Some(summary) = summary else {
            let _ = writeln!(text, "| {x} | failed | | | | |");
            continue;
        };
        let cpu = summary.cpu.median;
        let step = previous
            .filter(|(px, _)| x > px)
            .map(|(px, pc)| per_unit((cpu - pc) / (x - px) as f64))
            .unwrap_or_default();
        let _ = writeln!(
            text,
            "| {x} | {} | {} | {:.0} | {} | {step} |",
            summary.cpu.show(3),
            summary.wall.show(3),
            summary.peak.median,
            callgrind::millions(*instructions),
        );
        previous = Some((*x, cpu));
    }
    text
}

/// Seconds as the most readable unit: `1.2 ms`, `35 µs`, `120 ns`.
fn per_unit(seconds: f64) -> String {
    let abs = seconds.abs();
    if abs >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else if abs >= 1e-6 {
        format!("{:.2} µs", seconds * 1e6)
    } else {
        format!("{:.0} ns", seconds * 1e9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::measure::Spread;

    #[test]
    fn steps_are_per_unit_of_the_series() {
        let spread = |v: f64| Spread {
            median: v,
            min: v,
            max: v,
        };
        let summary = |cpu: f64| Summary {
            wall: spread(cpu),
            cpu: spread(cpu),
            system: spread(0.0),
            peak: spread(10.0),
        };
        let series = Series {
            title: "t",
            unit: "chapter",
            points: Vec::new(),
        };
        let text = table(
            &series,
            &[
                (100, Some(summary(0.1)), Some(5_000_000)),
                (300, Some(summary(0.3)), None),
            ],
        );
        assert!(text.contains("| 100 | 0.100 (0.100–0.100) |"), "{text}");
        assert!(text.contains("| 5.0 M |"), "{text}");
        assert!(text.contains("| 1.00 ms |"), "{text}");
    }

    #[test]
    fn full_plan_has_the_issue_sizes() {
        let plan = plan(true);
        let xs: Vec<usize> = plan[0].points.iter().map(|p| p.x).collect();
        assert_eq!(xs, [100, 300, 1000, 3000]);
        assert_eq!(plan[1].points.last().unwrap().x, 1_000_000);
    }
}
