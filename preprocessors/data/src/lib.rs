//! The data placeholders: `{{#table}}`, `{{#value}}`, `{{#chart}}` and `{{#ref}}`, with
//! the book-wide numbering of tables and figures and the typed-number check.
//!
//! Each placeholder becomes an [`Edit`] on the chapter's original source; a placeholder
//! that fails becomes an error box in its place and a [`Diagnostic`], never nothing.

mod chart;
pub mod download;
mod numbering;
mod search;
mod select;
mod table;
mod typed;
mod value;

use report_core::args::Args;
use report_core::callout;
use report_core::config::Target;
use report_core::data::{Dataset, Store};
use report_core::diag::Diagnostic;
use report_core::edit::{Edit, in_container};
use report_core::format::{FORMAT_FLAGS, FORMAT_OPTIONS, NumberFormat, Rounding};
use report_core::kind::Kind;
use report_core::pending::{self, PendingItem, PendingKind, anchor_at};
use report_core::scan::{Placeholder, Scan};
use report_core::text::{encode_url_path, escape_html};

pub use download::Downloads;
pub use numbering::{Numbered, Numbering, NumberingInput};
pub use typed::{TypedNumbers, TypedNumbersConfig};

/// One chapter, as the data placeholders see it.
pub struct Chapter<'a> {
    /// The chapter file as the writer knows it, e.g. `book/trade.md`.
    pub file: &'a str,
    /// The chapter's source path in the book, e.g. `trade.md`.
    pub path: &'a str,
    pub source: &'a str,
    pub scan: &'a Scan,
}

/// What the whole book shares while its chapters are expanded.
pub struct Context<'a> {
    pub store: &'a Store,
    pub target: Target,
    pub numbering: &'a Numbering,
    /// The data each table and chart offers for download.
    pub downloads: &'a Downloads,
}

/// The result of expanding one chapter.
#[derive(Debug, Default)]
pub struct Expansion {
    pub edits: Vec<Edit>,
    /// Missing data that a table, value or chart shows.
    pub items: Vec<PendingItem>,
    pub errors: Vec<Diagnostic>,
}

/// Expands every data placeholder of a chapter.
pub fn expand(ctx: &Context, chapter: &Chapter) -> Expansion {
    let mut out = Expansion::default();
    for p in &chapter.scan.placeholders {
        type Render = fn(&Context, &Chapter, &Placeholder) -> Result<Rendered, String>;
        let render: Render = match p.kind {
            Kind::Table => table::render,
            Kind::Value => value::render,
            Kind::Chart => chart::render,
            Kind::Ref => {
                |ctx, chapter, p| numbering::render_ref(ctx, chapter, p).map(Rendered::plain)
            }
            // report-pending expands these, the orchestrator the progress page.
            Kind::Pending | Kind::Remark | Kind::Progress => continue,
        };
        // An unclosed quote explains a placeholder cut short better than where it stands.
        let rendered = match Args::parse(&p.args).err().or_else(|| p.misplaced()) {
            Some(message) => Err(message),
            None => render(ctx, chapter, p),
        };
        let text = match rendered {
            Ok(r) => {
                let mut text = r.text;
                if !r.missing.is_empty() {
                    let anchor = anchor_at(p.span.start);
                    let note = r.missing.join("；");
                    let badge = callout::pending(
                        ctx.target,
                        PendingKind::MissingData.label(),
                        &note,
                        &anchor,
                        p.block,
                    );
                    text.push_str(&badge);
                    out.items.push(PendingItem {
                        file: chapter.file.to_string(),
                        chapter: chapter.path.to_string(),
                        line: p.line,
                        kind: PendingKind::MissingData,
                        note,
                        anchor,
                        cells: r.missing,
                        shown_in: pending::shown_in(p.kind),
                    });
                }
                text
            }
            Err(message) => {
                let diag = Diagnostic {
                    file: chapter.file.to_string(),
                    line: p.line,
                    message,
                };
                let shown = format!("{diag}（{}）", source_text(chapter, p));
                out.errors.push(diag);
                callout::error(ctx.target, &shown, p.block)
            }
        };
        // A block written in a list item or a quote stays in it.
        let text = if p.block {
            in_container(&text, &p.prefix)
        } else {
            text
        };
        out.edits.push(Edit::new(p.span.clone(), text));
    }
    out
}

/// A placeholder's expansion and the missing cells it shows.
pub(crate) struct Rendered {
    pub text: String,
    pub missing: Vec<String>,
}

impl Rendered {
    fn plain(text: String) -> Rendered {
        Rendered {
            text,
            missing: Vec::new(),
        }
    }
}

fn source_text<'a>(chapter: &'a Chapter, p: &Placeholder) -> &'a str {
    &chapter.source[p.span.clone()]
}

/// What every data placeholder starts from: its arguments, its dataset and its number
/// format.
pub(crate) struct Request {
    pub args: Args,
    pub ds: std::rc::Rc<Dataset>,
    pub fmt: NumberFormat,
}

/// Parses a placeholder's arguments, checks them against its kind's options and switches
/// (the registry, [`Kind::spec`]) plus the shared row-selection and number-format ones, and
/// loads its dataset.
pub(crate) fn request(ctx: &Context, p: &Placeholder) -> Result<Request, String> {
    let spec = p.kind.spec();
    let args = Args::parse(&p.args)?;
    let id = args.first().ok_or_else(|| {
        format!(
            "{{{{#{}}}}} 需要数据集名称，例如 {{{{#{} trade/totals}}}}",
            p.name, p.name
        )
    })?;
    let known: Vec<&str> = spec
        .options
        .iter()
        .chain(select::SELECT_OPTIONS)
        .chain(FORMAT_OPTIONS)
        .chain(&["sheet"])
        .copied()
        .collect();
    let switches: Vec<&str> = spec.switches.iter().chain(FORMAT_FLAGS).copied().collect();
    args.check_known(&known, &switches)?;
    let ds = ctx.store.get_sheet(id, args.get("sheet"))?;
    let mut fmt = NumberFormat::from_args(&args)?;
    // The sidecar's rounding unless the placeholder says otherwise (checked when loaded).
    if fmt.rounding.is_none() {
        fmt.rounding = ds
            .meta
            .round
            .as_deref()
            .and_then(|r| Rounding::parse(r).ok());
    }
    Ok(Request { args, ds, fmt })
}

/// How deep a chapter is below the book root, as a `../` prefix for links.
pub(crate) fn root_prefix(chapter_path: &str) -> String {
    "../".repeat(chapter_path.matches('/').count())
}

/// The 数据来源 line with the links to download the data shown, shared by tables and
/// charts, and the 注 for readers: the placeholder's own `note=`, then the dataset's `notes`
/// (one line each as written), unless `notes=否` leaves them out or an earlier table or chart
/// of this chapter already shows them, when a link to it stands in their place (a table and
/// the chart of the same data need not repeat a long note). What `shown` holds is
/// registered as a download, with the notes in full: a file stands alone.
pub(crate) fn source_line(
    ctx: &Context,
    chapter: &Chapter,
    p: &Placeholder,
    ds: &Dataset,
    args: &Args,
    shown: download::Shown,
    derived: &[String],
) -> String {
    let meta = &ds.meta;
    let mut text = format!("数据来源：{}", meta.source);
    if let Some(as_of) = &meta.as_of {
        text.push_str(&format!("（数据截至{as_of}）"));
    }
    text.push('。');
    let own = args.get("note").map(str::trim).filter(|n| !n.is_empty());
    let notes: Vec<&str> = match meta.notes.as_deref() {
        Some(notes) if !args.is_off("notes") => notes
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect(),
        _ => Vec::new(),
    };
    let link = ctx.downloads.add(download::Slice {
        dataset: ds.id.clone(),
        title: shown.title,
        unit: shown.unit,
        source: text.clone(),
        notes: own
            .into_iter()
            .chain(derived.iter().map(String::as_str))
            .chain(notes.iter().copied())
            .map(str::to_string)
            .collect(),
        headings: shown.headings,
        rows: shown.rows,
    });
    let root = root_prefix(chapter.path);
    let shown_before = if notes.is_empty() {
        None
    } else {
        notes_shown_before(ctx, chapter, p, ds)
    };
    // The note lines: the first says 注：, the rest hang under it.
    let mut lines: Vec<(String, Option<&Numbered>)> = Vec::new();
    lines.extend(own.map(|n| (n.to_string(), None)));
    // Why a derived figure shows — (a base of 0 or below), for readers.
    lines.extend(derived.iter().map(|n| (n.clone(), None)));
    match shown_before {
        Some(earlier) => lines.push((String::new(), Some(earlier))),
        None => lines.extend(notes.iter().map(|n| (n.to_string(), None))),
    }
    match ctx.target {
        Target::Html => {
            let mut html = format!("<p class=\"report-source\">{}", escape_html(&text));
            for (i, (line, earlier)) in lines.iter().enumerate() {
                let lead = if i == 0 { "注：" } else { "" };
                let body = match earlier {
                    Some(n) => format!(
                        "见<a class=\"report-ref\" href=\"#{}\">{}</a>",
                        escape_html(&encode_url_path(&n.anchor)),
                        escape_html(&n.label)
                    ),
                    None => escape_html(line),
                };
                html.push_str(&format!("<span class=\"report-note\">{lead}{body}</span>"));
            }
            html.push(' ');
            html.push_str(&search::left_out(&link.html(&root)));
            html.push_str("</p>");
            html
        }
        Target::Markdown => {
            let mut md = report_core::text::escape_markdown(&text);
            for (i, (line, earlier)) in lines.iter().enumerate() {
                let lead = if i == 0 { " 注：" } else { " " };
                let body = match earlier {
                    Some(n) => format!("见{}", report_core::text::escape_markdown(&n.label)),
                    None => report_core::text::escape_markdown(line),
                };
                md.push_str(&format!("{lead}{body}"));
            }
            md.push(' ');
            md.push_str(&link.markdown(&root));
            md
        }
    }
}

/// The first table or chart before `p` in this chapter that shows `ds` with its notes.
fn notes_shown_before<'a>(
    ctx: &'a Context,
    chapter: &Chapter,
    p: &Placeholder,
    ds: &Dataset,
) -> Option<&'a Numbered> {
    chapter
        .scan
        .placeholders
        .iter()
        .take_while(|q| q.span.start < p.span.start)
        .filter(|q| matches!(q.kind, Kind::Table | Kind::Chart))
        .find(|q| {
            let Ok(args) = Args::parse(&q.args) else {
                return false;
            };
            !args.is_off("notes")
                && args
                    .first()
                    .and_then(|id| ctx.store.get(id).ok())
                    .is_some_and(|other| other.id == ds.id)
        })
        .map(|q| ctx.numbering.of(chapter.path, q))
}

#[cfg(test)]
mod tests;
