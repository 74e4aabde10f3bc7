//! The report's mdBook preprocessor.
//!
//! One process does everything in one pass over the book, because the features need each
//! other: numbering and cross-references span chapters, and the progress page lists what
//! every chapter (and every table showing a missing value) leaves to do. Each chapter is
//! scanned once on its original source; every feature returns byte-span edits on it, and
//! they are applied together, so the writer's line numbers hold everywhere.

pub mod editions;
mod includes;
pub mod originality;
pub mod render;
mod settings;
mod syntax;

use std::fmt::Write as _;

use anyhow::{Context as _, bail};
use editions::EditionsConfig;
use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use report_core::callout;
use report_core::config::{Mode, ReportConfig, Target};
use report_core::data::Store;
use report_core::diag::Diagnostic;
use report_core::edit::{self, Edit};
use report_core::kind::Kind;
use report_core::paths;
use report_core::pending::{PendingItem, PendingKind};
use report_core::scan::{self, MarkdownOptions, Scan};
use report_data::{Downloads, Numbering, NumberingInput, TypedNumbers, TypedNumbersConfig};
use report_pending::{Outline, PendingConfig};

/// The preprocessor, named `report` in book.toml.
#[derive(Debug, Default, Clone, Copy)]
pub struct ReportPreprocessor;

impl Preprocessor for ReportPreprocessor {
    fn name(&self) -> &str {
        "report"
    }

    /// The companion renderer reads the book's files, not its chapters.
    fn supports_renderer(&self, renderer: &str) -> anyhow::Result<bool> {
        Ok(renderer != editions::RENDERER)
    }

    fn run(&self, ctx: &PreprocessorContext, book: Book) -> anyhow::Result<Book> {
        self.expand(ctx, book).map(|(book, _store)| book)
    }
}

impl ReportPreprocessor {
    /// [`Preprocessor::run`], also handing back the data store it loaded, so that the
    /// binary can leave freeing it to the operating system on exit.
    pub fn expand(
        &self,
        ctx: &PreprocessorContext,
        mut book: Book,
    ) -> anyhow::Result<(Book, Store)> {
        let book_toml = settings::book_toml(&ctx.root);
        let config =
            settings::report_config(&ctx.config, &book_toml).map_err(anyhow::Error::msg)?;
        let src = ctx.config.book.src.to_string_lossy().replace('\\', "/");
        let src_dir = ctx.root.join(&ctx.config.book.src);
        // mdBook's static copy follows links: one leading out of the book would deploy
        // its target, so it fails every build, whatever the mode.
        let leaving = paths::links_leaving(&src_dir);
        if !leaving.is_empty() {
            let mut msg = format!("{} 个符号链接不安全，构建已停止：", leaving.len());
            for link in &leaving {
                msg.push_str(&format!("\n  {}", link.message(&src)));
            }
            bail!(msg);
        }
        // Editions first: a chapter a build leaves out counts nowhere (numbers, progress).
        let edition_config = EditionsConfig::load(&ctx.config, &ctx.root, &src_dir)?;
        let left_out = editions::leave_out(&mut book, &edition_config.left_out(config.mode));
        eprint!("{}", editions::log_line(config.mode, &left_out, &src));
        let checker = load_originality(&config, &ctx.root, &src_dir)
            .map_err(|e| anyhow::Error::msg(settings::locate(&book_toml, &e.to_string())))?;
        let store = Store::new(src_dir, &src, &config.data_dir);
        let outcome = process(
            &config,
            Target::for_renderer(&ctx.renderer),
            &markdown_options(&ctx.config),
            &store,
            &src,
            checker.as_ref(),
            &mut book,
        )
        .map_err(|e| anyhow::Error::msg(settings::locate(&book_toml, &e.to_string())))?;
        eprint!("{}", outcome.log);
        if let Some(failure) = outcome.failure {
            bail!(failure);
        }
        // The companion renderer makes the download files from this list: the HTML
        // renderer, which runs first, would delete anything written into its output.
        if ctx.renderer == "html"
            && ctx
                .config
                .contains_key(&format!("output.{}", editions::RENDERER))
        {
            let folder = ctx
                .root
                .join(&ctx.config.build.build_dir)
                .join(editions::RENDERER);
            outcome
                .downloads
                .write_list(&folder)
                .map_err(anyhow::Error::msg)?;
        }
        if config.mode != Mode::Draft && ctx.renderer == "html" {
            let title = ctx.config.book.title.as_deref().unwrap_or_default();
            editions::link_pdf(&mut book, &edition_config.pdf, title);
        }
        Ok((book, store))
    }
}

/// How mdBook's HTML renderer will read the chapters: its three Markdown switches under
/// `[output.html]` (each on unless set to false), as `mdbook-html` builds them.
pub fn markdown_options(config: &mdbook_preprocessor::config::Config) -> MarkdownOptions {
    let switch = |key: &str| {
        config
            .get::<bool>(&format!("output.html.{key}"))
            .ok()
            .flatten()
            .unwrap_or(true)
    };
    let mut options = MarkdownOptions::default();
    options.smart_punctuation = switch("smart-punctuation");
    options.definition_lists = switch("definition-lists");
    options.admonitions = switch("admonitions");
    options
}

/// What mdBook's preprocessor protocol asks: `[context, book]` as JSON in, the book as
/// JSON out (the boilerplate crate's `run`, with the input parsed from memory). Returns
/// the data store, for the binary to leave unfreed on exit.
pub fn preprocess_json(input: &[u8], mut out: impl std::io::Write) -> anyhow::Result<Store> {
    let (ctx, book): (PreprocessorContext, Book) =
        serde_json::from_slice(input).context("Unable to parse the input")?;
    let minor = |version: &str| version.split('.').take(2).collect::<Vec<_>>().join(".");
    if minor(&ctx.mdbook_version) != minor(mdbook_preprocessor::MDBOOK_VERSION) {
        eprintln!(
            "Warning: The report plugin was built against version {} of mdbook, but we're \
             being called from version {}",
            mdbook_preprocessor::MDBOOK_VERSION,
            ctx.mdbook_version
        );
    }
    let (book, store) = ReportPreprocessor.expand(&ctx, book)?;
    serde_json::to_writer(&mut out, &book)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    Ok(store)
}

/// The originality check's sources, read once, if `[preprocessor.report.originality]`
/// names any.
pub fn load_originality(
    config: &ReportConfig,
    root: &std::path::Path,
    src_dir: &std::path::Path,
) -> anyhow::Result<Option<report_originality::Checker>> {
    let settings =
        report_originality::Config::from_table(&config.originality).map_err(anyhow::Error::msg)?;
    if settings.sources.is_empty() {
        return Ok(None);
    }
    report_originality::Checker::load(settings, root, src_dir)
        .map(Some)
        .map_err(anyhow::Error::msg)
}

/// What a run found, for the log and for the decision to fail.
pub struct Outcome {
    /// The lines for the build log.
    pub log: String,
    /// Why the build must fail, with the complete list.
    pub failure: Option<String>,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    pub pending: Vec<PendingItem>,
    /// Editorial notes a publish build removed from the pages.
    pub removed: Vec<PendingItem>,
    /// The data the tables and charts offer for download.
    pub downloads: Downloads,
    /// The originality check, when sources are configured.
    pub originality: Option<originality::Findings>,
}

struct Work {
    path: String,
    name: String,
    file: String,
    number: Option<u32>,
    source: String,
    scan: Scan,
    edits: Vec<Edit>,
}

/// Expands every placeholder of the book in place and reports what it found.
pub fn process(
    config: &ReportConfig,
    target: Target,
    markdown: &MarkdownOptions,
    store: &Store,
    src: &str,
    originality: Option<&report_originality::Checker>,
    book: &mut Book,
) -> anyhow::Result<Outcome> {
    let pending_config = PendingConfig::from_table(&config.pending).map_err(anyhow::Error::msg)?;
    let typed_config =
        TypedNumbersConfig::from_table(&config.typed_numbers).map_err(anyhow::Error::msg)?;

    let mut work: Vec<Work> = book
        .chapters()
        .filter_map(|ch| {
            let path = ch
                .source_path
                .as_ref()?
                .to_string_lossy()
                .replace('\\', "/");
            Some(Work {
                file: format!("{src}/{path}"),
                number: ch.number.as_ref().and_then(|n| n.first().copied()),
                scan: scan::scan_with(&ch.content, markdown),
                source: ch.content.clone(),
                name: ch.name.clone(),
                path,
                edits: Vec::new(),
            })
        })
        .collect();

    let (numbering, mut errors) = Numbering::collect(work.iter().map(|w| NumberingInput {
        path: &w.path,
        file: &w.file,
        number: w.number,
        scan: &w.scan,
    }));
    let downloads = Downloads::new();
    let data_ctx = report_data::Context {
        store,
        target,
        mode: config.mode,
        numbering: &numbering,
        downloads: &downloads,
    };
    let typed = TypedNumbers::build(
        store,
        typed_config,
        work.iter().map(|w| report_data::Chapter {
            file: &w.file,
            path: &w.path,
            source: &w.source,
            scan: &w.scan,
        }),
    );
    let mut warnings = Vec::new();
    let mut items = Vec::new();
    let mut removed = Vec::new();
    let mut outlines: Vec<Outline> = Vec::with_capacity(work.len());
    for w in &mut work {
        // mdBook's escapes: `\{{#table …}}` shows the placeholder itself.
        w.edits.extend(
            w.scan
                .escapes
                .iter()
                .map(|span| Edit::new(span.clone(), "")),
        );
        let chapter = syntax::Chapter {
            file: &w.file,
            path: &w.path,
            source: &w.source,
            scan: &w.scan,
        };
        let (edits, problems) = syntax::check(&chapter, store.src_dir(), markdown, target);
        w.edits.extend(edits);
        errors.extend(problems);
        let chapter = report_data::Chapter {
            file: &w.file,
            path: &w.path,
            source: &w.source,
            scan: &w.scan,
        };
        let expansion = report_data::expand(&data_ctx, &chapter);
        w.edits.extend(expansion.edits);
        items.extend(expansion.items);
        errors.extend(expansion.errors);
        warnings.extend(typed.check(&chapter));

        let chapter = report_pending::Chapter {
            file: &w.file,
            path: &w.path,
            name: &w.name,
            source: &w.source,
            scan: &w.scan,
        };
        let (found, outline) = report_pending::analyze(&pending_config, config, target, &chapter);
        w.edits.extend(found.edits);
        items.extend(found.items);
        removed.extend(found.removed);
        errors.extend(found.errors);
        outlines.push(outline);
    }
    // Book order, then line: the order writers read the log in.
    let positions: std::collections::HashMap<&str, usize> = work
        .iter()
        .enumerate()
        .map(|(i, w)| (w.file.as_str(), i))
        .collect();
    let order = |file: &str| positions.get(file).copied().unwrap_or(usize::MAX);
    items.sort_by_key(|i| (order(&i.file), i.line));
    errors.sort_by(|a, b| {
        (order(&a.file), a.line, &a.message).cmp(&(order(&b.file), b.line, &b.message))
    });
    // Several placeholders on one line using the same broken dataset say the same thing.
    errors.dedup();

    let originality = originality.map(|checker| {
        let chapters = work.iter().map(|w| originality::Input {
            path: &w.path,
            file: &w.file,
            source: &w.source,
            scan: &w.scan,
        });
        originality::check(checker, config.mode, chapters)
    });

    // The progress page is built only if some chapter asks for it.
    let mut progress = None;
    let mut late_errors = Vec::new();
    for w in &mut work {
        for p in w
            .scan
            .placeholders
            .iter()
            .filter(|p| p.kind == Kind::Progress)
        {
            if !p.args.is_empty() {
                let message = "{{#progress}} 不带任何参数：请只写 {{#progress}}".to_string();
                let diag = Diagnostic {
                    file: w.file.clone(),
                    line: p.line,
                    message,
                };
                let shown = format!("{diag}（{}）", &w.source[p.span.clone()]);
                let text = edit::in_container(&callout::error(target, &shown, p.block), &p.prefix);
                w.edits.push(Edit::new(p.span.clone(), text));
                late_errors.push(diag);
                continue;
            }
            let page = progress.get_or_insert_with(|| {
                report_pending::progress_page(
                    &pending_config,
                    &outlines,
                    &items,
                    target,
                    config.mode,
                )
            });
            let text = edit::in_container(&format!("\n\n{page}\n\n"), &p.prefix);
            w.edits.push(Edit::new(p.span.clone(), text));
        }
    }

    let mut updated = work
        .into_iter()
        .map(|w| (w.path.clone(), w))
        .collect::<std::collections::HashMap<_, _>>();
    book.for_each_mut(|item| {
        let BookItem::Chapter(ch) = item else { return };
        let Some(path) = ch.source_path.as_ref() else {
            return;
        };
        let path = path.to_string_lossy().replace('\\', "/");
        if let Some(w) = updated.remove(&path) {
            ch.content = edit::apply(&w.source, w.edits);
        }
    });

    errors.extend(late_errors);
    let mut outcome = report(
        config,
        &outlines,
        errors,
        warnings,
        items,
        removed,
        originality,
    );
    outcome.downloads = downloads;
    Ok(outcome)
}

/// Writes the log and decides, by mode, whether the build fails.
fn report(
    config: &ReportConfig,
    outlines: &[Outline],
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    pending: Vec<PendingItem>,
    removed: Vec<PendingItem>,
    originality: Option<originality::Findings>,
) -> Outcome {
    let mut log = String::new();
    // A publish build deletes notes to co-authors; say so, so nothing vanishes unseen.
    for r in &removed {
        let _ = writeln!(
            log,
            "[report] 已删去编辑备注 {}:{}  {}",
            r.file, r.line, r.note
        );
    }
    // Remarks live on the progress page, which a final build does not have: say where they
    // are, so that none is dropped unseen.
    if config.mode == report_core::config::Mode::Final {
        let remarks: Vec<String> = outlines
            .iter()
            .flat_map(|o| {
                o.remarks
                    .iter()
                    .map(move |r| format!("  {}:{}  {}", o.file, r.line, r.text))
            })
            .collect();
        if !remarks.is_empty() {
            let _ = writeln!(
                log,
                "[report] 定稿不显示这 {} 条进度备注（{{{{#remark}}}} 只出现在编写进度页）：",
                remarks.len()
            );
            for r in &remarks {
                let _ = writeln!(log, "{r}");
            }
        }
    }
    let typed_fail = config.mode != report_core::config::Mode::Draft;
    for e in &errors {
        let _ = writeln!(log, "[report] 错误 {e}");
    }
    for w in &warnings {
        let level = if typed_fail { "错误" } else { "提醒" };
        let _ = writeln!(log, "[report] {level} {w}");
    }
    let lines = report_pending::log_lines(outlines, &pending);
    if !lines.is_empty() {
        let _ = writeln!(
            log,
            "[report] 待完成 {} 项（{} 模式）：",
            lines.len(),
            config.mode.name()
        );
        for line in &lines {
            let _ = writeln!(log, "  {line}");
        }
    }
    if let Some(found) = &originality {
        log.push_str(&found.log);
    }
    let mut reasons = Vec::new();
    let copied = originality.as_ref().filter(|o| o.fail);
    if let Some(found) = copied {
        reasons.push(format!(
            "查重发现 {} 处问题",
            found.diagnostics.len() + found.problems.len()
        ));
    }
    if config.errors_fail() && !errors.is_empty() {
        reasons.push(format!("{} 个占位符错误", errors.len()));
    }
    if typed_fail && !warnings.is_empty() {
        reasons.push(format!("{} 处手写数字应改用占位符", warnings.len()));
    }
    if config.pending_fails() {
        let editorial = pending
            .iter()
            .filter(|i| i.kind == PendingKind::Editorial)
            .count();
        if pending.len() > editorial {
            reasons.push(format!("{} 项待完成内容", pending.len() - editorial));
        }
        if editorial > 0 {
            reasons.push(format!("{editorial} 条编辑备注"));
        }
    }
    let failure = (!reasons.is_empty()).then(|| {
        let mut msg = format!(
            "{} 构建未通过：{}。完整清单：\n",
            config.mode.name(),
            reasons.join("，")
        );
        for e in &errors {
            let _ = writeln!(msg, "  {e}");
        }
        if typed_fail {
            for w in &warnings {
                let _ = writeln!(msg, "  {w}");
            }
        }
        if config.pending_fails() {
            for line in &lines {
                let _ = writeln!(msg, "  {line}");
            }
        }
        if let Some(found) = copied {
            for p in &found.problems {
                let _ = writeln!(msg, "  查重：{p}");
            }
            for d in &found.diagnostics {
                let _ = writeln!(msg, "  {d}");
            }
        }
        msg
    });
    Outcome {
        log,
        failure,
        errors,
        warnings,
        pending,
        removed,
        downloads: Downloads::new(),
        originality,
    }
}

#[cfg(test)]
mod tests;
