//! The companion renderer, `[output.report]`: runs after mdBook's `html` renderer.
//!
//! mdBook's HTML renderer empties its output folder and copies every non-Markdown file of
//! the book into it, and a preprocessor can neither stop that nor write files. This renderer
//! runs after it (mdBook runs renderers in the order of their names) and finishes the HTML
//! output for the edition being built:
//!
//! - publish and final builds: removes the files under the draft-only paths (the writer's
//!   guide's demo datasets) and the whole data folder from the HTML output: readers download
//!   what each table and chart shows, and the raw files and their sidecars (with their
//!   `writer-notes`) are for writers;
//! - every build: removes the lock files that Excel, WPS and LibreOffice leave beside an
//!   open workbook (`~$NAME.xlsx`, `.~lock.NAME#`): they hold the writer's user name;
//! - every build: makes the download files (`downloads/NAME.xlsx` and `.csv`) of the data
//!   each table and chart shows, from the list the preprocessor left in this renderer's
//!   folder ([`report_data::download`]);
//! - every build: writes `edition.json` into its own folder, what `cargo xtask pdf` needs to
//!   know of the edition (title, authors, mode, the PDF's file name and cover date).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use mdbook_renderer::{RenderContext, Renderer};
use report_core::config::{Mode, ReportConfig};
use serde_json::json;

use crate::editions::{self, EditionsConfig, RENDERER};
use crate::settings;

/// The argument that starts `mdbook-report` as the renderer: `command = "mdbook-report render"`.
pub const SUBCOMMAND: &str = "render";

/// What the renderer leaves in its own output folder for `cargo xtask pdf`.
pub const EDITION_FILE: &str = "edition.json";

/// The renderer, `[output.report]`.
#[derive(Debug, Default, Clone, Copy)]
pub struct ReportRenderer;

impl Renderer for ReportRenderer {
    fn name(&self) -> &str {
        RENDERER
    }

    fn render(&self, ctx: &RenderContext) -> anyhow::Result<()> {
        let report: ReportConfig =
            settings::report_config(&ctx.config, &settings::book_toml(&ctx.root))
                .map_err(anyhow::Error::msg)?;
        let editions = EditionsConfig::load(&ctx.config, &ctx.root, &ctx.source_dir())?;
        let mode = report.mode;

        if let Some(html) = html_dir(ctx) {
            // The data of each table and chart, as listed by the preprocessor.
            report_data::download::publish(&ctx.destination, &html).map_err(anyhow::Error::msg)?;
            let mut left_out = editions.left_out(mode);
            if mode != Mode::Draft
                && let Some(data) = editions::normalize(&report.data_dir)
            {
                left_out.push(data);
            }
            let mut removed = remove_left_out(&html, &left_out)?;
            removed.extend(remove_lock_files(&html, &html)?);
            if !removed.is_empty() {
                eprintln!(
                    "[report] {} 构建的网页输出不含仅限写作时使用的文件：{}",
                    mode.name(),
                    removed.join("、")
                );
            }
        }

        let meta = &ctx.config.book;
        let edition = json!({
            "title": meta.title,
            "authors": meta.authors,
            "language": meta.language,
            "mode": mode.name(),
            "pdf": editions.pdf.file,
            "date": editions.pdf.date,
            "chapters": chapters(ctx, &editions.left_out(mode)),
        });
        fs::create_dir_all(&ctx.destination)?;
        let path = ctx.destination.join(EDITION_FILE);
        fs::write(&path, format!("{edition:#}\n"))
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }
}

/// The chapters of this edition in book order, as print.html holds them (those with a
/// file): number (`3`, `3.1`, none), name and source path. The preprocessor declines this
/// renderer, so the book here still has the chapters the edition leaves out.
fn chapters(ctx: &RenderContext, left_out: &[String]) -> Vec<serde_json::Value> {
    let mut book = ctx.book.clone();
    editions::leave_out(&mut book, left_out);
    book.chapters()
        .filter(|ch| ch.path.is_some())
        .map(|ch| {
            let number = ch
                .number
                .as_ref()
                .map(|n| n.iter().map(u32::to_string).collect::<Vec<_>>().join("."));
            json!({
                "number": number,
                "name": ch.name,
                "path": ch.source_path.as_ref().map(|p| p.to_string_lossy().replace('\\', "/")),
            })
        })
        .collect()
}

/// The HTML renderer's output beside ours, if this build has one.
fn html_dir(ctx: &RenderContext) -> Option<PathBuf> {
    let dir = ctx.destination.parent()?.join("html");
    dir.is_dir().then_some(dir)
}

/// Removes `html/<path>` for each left-out path (a file or a whole folder); returns what it
/// removed, as `path/` for folders. Paths are checked relative ones (see
/// [`crate::editions::normalize`]), so nothing outside the output is touched.
fn remove_left_out(html: &Path, left_out: &[String]) -> anyhow::Result<Vec<String>> {
    let mut removed = Vec::new();
    for path in left_out {
        let target = html.join(path);
        let Ok(meta) = fs::symlink_metadata(&target) else {
            continue;
        };
        if meta.is_dir() {
            fs::remove_dir_all(&target)
                .with_context(|| format!("cannot remove {}", target.display()))?;
            removed.push(format!("{path}/"));
        } else {
            fs::remove_file(&target)
                .with_context(|| format!("cannot remove {}", target.display()))?;
            removed.push(path.clone());
        }
    }
    Ok(removed)
}

/// Removes, under `dir`, the lock files office programs keep beside an open document;
/// returns them relative to `html`.
fn remove_lock_files(html: &Path, dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut removed = Vec::new();
    for entry in fs::read_dir(dir)?.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_dir() {
            removed.extend(remove_lock_files(html, &path)?);
        } else if name.starts_with("~$") || name.starts_with(".~lock.") {
            fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
            let rel = path.strip_prefix(html).unwrap_or(&path);
            removed.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    removed.sort();
    Ok(removed)
}

/// `mdbook-report render`: reads the render context from standard input, as mdBook sends it.
pub fn run_from_stdin() -> anyhow::Result<()> {
    // Read at once: parsing from memory is several times faster than from the stream.
    let mut input = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut input)?;
    let ctx: RenderContext =
        serde_json::from_slice(&input).context("Unable to deserialize the `RenderContext`")?;
    ReportRenderer.render(&ctx)
}
