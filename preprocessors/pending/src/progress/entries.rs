//! The entries of the progress page: one per pending item, except that a missing data cell
//! is one gap however many tables, charts and values show it.

use std::fmt::Write;

use report_core::pending::{PendingItem, PendingKind};
use report_core::text::{escape_html, escape_markdown, page_href};

use super::Page;

/// One line of a list on the progress page.
pub(super) enum Entry<'a> {
    /// A pending item at its place.
    Item(&'a PendingItem),
    /// A missing data cell, with every placeholder that shows it, in book order.
    Gap {
        cell: &'a str,
        places: Vec<&'a PendingItem>,
    },
}

/// Groups `items` (in book order) into entries, in the order of their first place.
pub(super) fn entries<'a>(items: impl IntoIterator<Item = &'a PendingItem>) -> Vec<Entry<'a>> {
    let mut out: Vec<Entry> = Vec::new();
    for item in items {
        if item.kind != PendingKind::MissingData || item.cells.is_empty() {
            out.push(Entry::Item(item));
            continue;
        }
        for cell in &item.cells {
            let known = out.iter_mut().find_map(|e| match e {
                Entry::Gap { cell: c, places } if *c == cell.as_str() => Some(places),
                _ => None,
            });
            match known {
                Some(places) if places.last().is_some_and(|p| std::ptr::eq(*p, item)) => {}
                Some(places) => places.push(item),
                None => out.push(Entry::Gap {
                    cell,
                    places: vec![item],
                }),
            }
        }
    }
    out
}

impl Entry<'_> {
    pub fn kind(&self) -> PendingKind {
        match self {
            Entry::Item(item) => item.kind,
            Entry::Gap { .. } => PendingKind::MissingData,
        }
    }

    /// The first place of the entry.
    pub fn first(&self) -> &PendingItem {
        match self {
            Entry::Item(item) => item,
            Entry::Gap { places, .. } => places[0],
        }
    }
}

impl Page<'_> {
    /// What an entry says: the note, after its kind unless it is a plain note.
    pub(super) fn entry_text(&self, entry: &Entry) -> String {
        match entry {
            Entry::Item(item) => match item.kind {
                PendingKind::Marker | PendingKind::Note | PendingKind::Editorial => {
                    item.note.clone()
                }
                kind => format!("{}：{}", kind.label(), item.note),
            },
            Entry::Gap { cell, .. } => format!("{}：{}", PendingKind::MissingData.label(), cell),
        }
    }

    /// An entry, `before` its text (a section path, say): in HTML, a link to its place; a
    /// gap shown in several places links to each of them instead (见表格、图表、正文).
    pub(super) fn entry(&self, entry: &Entry, before: &str) -> String {
        let text = format!("{before}{}", self.entry_text(entry));
        let places = match entry {
            Entry::Gap { places, .. } if places.len() > 1 => places,
            _ if self.html() => return self.link(entry.first(), &text),
            _ => return escape_markdown(&text),
        };
        let labels = place_labels(places);
        if !self.html() {
            return escape_markdown(&format!("{text}（见{}）", labels.join("、")));
        }
        let mut out = format!(
            "{}<span class=\"report-progress-places\">（见",
            escape_html(&text)
        );
        for (i, (place, label)) in places.iter().zip(&labels).enumerate() {
            if i > 0 {
                out.push('、');
            }
            out.push_str(&self.link(place, label));
        }
        out.push_str("）</span>");
        out
    }

    /// A link to an item's callout that reads `text`.
    fn link(&self, item: &PendingItem, text: &str) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "<a href=\"{}#{}\">{}</a>",
            escape_html(&page_href(&item.chapter)),
            escape_html(&item.anchor),
            escape_html(text)
        );
        out
    }
}

/// 表格, 图表, 正文 — numbered where one kind of place comes twice (表格1, 表格2).
fn place_labels(places: &[&PendingItem]) -> Vec<String> {
    let label = |p: &PendingItem| {
        if p.shown_in.is_empty() {
            "正文"
        } else {
            p.shown_in
        }
    };
    let mut seen: Vec<(&str, usize)> = Vec::new();
    places
        .iter()
        .map(|p| {
            let l = label(p);
            let total = places.iter().filter(|q| label(q) == l).count();
            if total == 1 {
                return l.to_string();
            }
            let n = match seen.iter_mut().find(|(s, _)| *s == l) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((l, 1));
                    1
                }
            };
            format!("{l}{n}")
        })
        .collect()
}
