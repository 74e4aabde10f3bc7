//! Numbers tables and figures per chapter (表3-1, 图3-2) across the whole book, and
//! renders `{{#ref ID}}` as a link to them.

use std::collections::{BTreeMap, HashMap};

use report_core::args::Args;
use report_core::config::Target;
use report_core::diag::Diagnostic;
use report_core::kind::Kind;
use report_core::scan::{Placeholder, Scan};
use report_core::suggest::did_you_mean;
use report_core::text::{encode_url_path, escape_html, escape_markdown, page_href};

use crate::{Chapter, Context, root_prefix};

/// A numbered table or figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbered {
    /// `表3-1` or `图3-2`.
    pub label: String,
    /// The element id in its page.
    pub anchor: String,
    /// The chapter's source path, e.g. `trade.md`.
    pub chapter: String,
}

/// Every table and figure of the book, by place and by id.
#[derive(Debug, Default)]
pub struct Numbering {
    by_id: BTreeMap<String, Numbered>,
    by_place: HashMap<(String, usize), Numbered>,
}

/// One chapter as numbering sees it.
pub struct NumberingInput<'a> {
    pub path: &'a str,
    pub file: &'a str,
    /// The top-level chapter number (3 for 3.2), `None` for unnumbered chapters.
    pub number: Option<u32>,
    pub scan: &'a Scan,
}

impl Numbering {
    /// Numbers the `{{#table}}` and `{{#chart}}` placeholders in book order.
    pub fn collect<'a>(
        chapters: impl IntoIterator<Item = NumberingInput<'a>>,
    ) -> (Numbering, Vec<Diagnostic>) {
        let mut numbering = Numbering::default();
        let mut errors = Vec::new();
        // Tables and figures are counted separately, per top-level chapter; an unnumbered
        // chapter counts on its own.
        let mut counters: HashMap<(String, &str), u32> = HashMap::new();
        let mut first_use: HashMap<String, (String, usize)> = HashMap::new();
        for ch in chapters {
            let scope = ch
                .number
                .map_or_else(|| ch.path.to_string(), |c| c.to_string());
            // A table written inside a sentence is an error, not a numbered table.
            for p in ch
                .scan
                .placeholders
                .iter()
                .filter(|p| p.misplaced().is_none())
            {
                let (kind, prefix, id_prefix) = match p.kind {
                    Kind::Table => ("table", "表", "tbl"),
                    Kind::Chart => ("figure", "图", "fig"),
                    Kind::Value | Kind::Ref | Kind::Pending | Kind::Remark | Kind::Progress => {
                        continue;
                    }
                };
                let n = counters.entry((scope.clone(), kind)).or_insert(0);
                *n += 1;
                let n = *n;
                let label = match ch.number {
                    Some(c) => format!("{prefix}{c}-{n}"),
                    None => format!("{prefix}{n}"),
                };
                let id = Args::parse(&p.args)
                    .ok()
                    .and_then(|a| a.get("id").map(str::to_string));
                let anchor = match &id {
                    // Writers often start ids with fig-/tbl- themselves; don't double it.
                    Some(id) if id.starts_with(&format!("{id_prefix}-")) => id.clone(),
                    Some(id) => format!("{id_prefix}-{id}"),
                    // `table-3-1`, not `tbl-3-1`: an id such as `3-1` must not take it.
                    None => format!("{kind}-{}", label_slug(ch.number, n)),
                };
                let numbered = Numbered {
                    label,
                    anchor,
                    chapter: ch.path.to_string(),
                };
                // An id names one table or figure for {{#ref}}, and two ids can give one
                // anchor (`x` and `tbl-x`): both must be unique.
                if let Some(id) = id {
                    let taken = first_use
                        .get(&id)
                        .or_else(|| first_use.get(&numbered.anchor));
                    if let Some((file, line)) = taken {
                        errors.push(Diagnostic {
                            file: ch.file.to_string(),
                            line: p.line,
                            message: format!(
                                "id「{id}」已在 {file}:{line} 使用过；每个表格和图表的 id 必须唯一"
                            ),
                        });
                    } else {
                        let place = (ch.file.to_string(), p.line);
                        first_use.insert(numbered.anchor.clone(), place.clone());
                        first_use.insert(id.clone(), place);
                        numbering.by_id.insert(id, numbered.clone());
                    }
                }
                numbering
                    .by_place
                    .insert((ch.path.to_string(), p.span.start), numbered);
            }
        }
        (numbering, errors)
    }

    /// The number of a table or chart placeholder of `chapter`.
    ///
    /// # Panics
    /// If the placeholder was not in the scans given to [`Numbering::collect`]: every table
    /// and chart is numbered before any is expanded.
    pub fn of(&self, chapter: &str, p: &Placeholder) -> &Numbered {
        self.by_place
            .get(&(chapter.to_string(), p.span.start))
            .expect("tables and charts are numbered before they expand")
    }

    /// The table or figure with `id`.
    pub fn get(&self, id: &str) -> Option<&Numbered> {
        self.by_id.get(id)
    }

    /// Every id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }
}

fn label_slug(chapter: Option<u32>, n: u32) -> String {
    match chapter {
        Some(c) => format!("{c}-{n}"),
        None => n.to_string(),
    }
}

/// `{{#ref ID}}` → a link to the numbered table or figure.
pub(crate) fn render_ref(
    ctx: &Context,
    chapter: &Chapter,
    p: &Placeholder,
) -> Result<String, String> {
    let args = Args::parse(&p.args)?;
    args.check_known(&[], &[])?;
    let id = args
        .first()
        .ok_or("{{#ref}} 需要表格或图表的 id，例如 {{#ref trade-totals}}")?;
    let target = ctx.numbering.get(id).ok_or_else(|| {
        let mut msg = format!("找不到 id 为「{id}」的表格或图表");
        match did_you_mean(id, ctx.numbering.ids()) {
            Some(s) => msg.push_str(&format!("，是不是想写「{s}」？")),
            None => msg.push_str("；请在 {{#table}} 或 {{#chart}} 中用 id= 起名"),
        }
        msg
    })?;
    let page = if target.chapter == chapter.path {
        String::new()
    } else {
        format!(
            "{}{}",
            root_prefix(chapter.path),
            page_href(&target.chapter)
        )
    };
    Ok(match ctx.target {
        Target::Html => format!(
            "<a class=\"report-ref\" href=\"{}#{}\">{}</a>",
            escape_html(&page),
            escape_html(&encode_url_path(&target.anchor)),
            escape_html(&target.label)
        ),
        Target::Markdown => {
            let page = if page.is_empty() {
                String::new()
            } else {
                format!(
                    "{}{}",
                    root_prefix(chapter.path),
                    encode_url_path(&target.chapter)
                )
            };
            format!(
                "[{}]({page}#{})",
                escape_markdown(&target.label),
                encode_url_path(&target.anchor)
            )
        }
    })
}
