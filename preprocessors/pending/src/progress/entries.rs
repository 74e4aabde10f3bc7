//! The entries of the progress page: one per pending item, except that missing data is one
//! gap however many tables, charts and values show it.

use std::fmt::Write;

use report_core::config::Mode;
use report_core::data::MissingCell;
use report_core::pending::{PendingItem, PendingKind};
use report_core::text::{escape_html, escape_markdown, page_href};

use super::Page;

/// One line of a list on the progress page.
pub(super) enum Entry<'a> {
    /// A pending item at its place.
    Item(&'a PendingItem),
    /// Missing data cells, with every placeholder that shows any of them, in book order.
    /// Items that share a cell are one gap: a table showing the 2023 imports and their
    /// growth, a chart of the imports and a value in the text are one gap, not three.
    Gap {
        cells: Vec<&'a MissingCell>,
        places: Vec<&'a PendingItem>,
    },
}

/// Groups `items` (in book order) into entries, in the order of their first place.
pub(super) fn entries<'a>(items: impl IntoIterator<Item = &'a PendingItem>) -> Vec<Entry<'a>> {
    let items: Vec<&PendingItem> = items.into_iter().collect();
    // While grouping, a gap's places are indices into `items`.
    let mut grouped: Vec<(Vec<&MissingCell>, Vec<usize>)> = Vec::new();
    let mut order: Vec<Result<usize, usize>> = Vec::new(); // Ok(item) or Err(gap)
    for (i, item) in items.iter().enumerate() {
        if item.kind != PendingKind::MissingData || item.cells.is_empty() {
            order.push(Ok(i));
            continue;
        }
        let joined: Vec<usize> = (0..grouped.len())
            .filter(|&g| {
                let (cells, _) = &grouped[g];
                !cells.is_empty() && item.cells.iter().any(|c| cells.contains(&c))
            })
            .collect();
        let target = match joined.first() {
            Some(&g) => g,
            None => {
                grouped.push((Vec::new(), Vec::new()));
                order.push(Err(grouped.len() - 1));
                grouped.len() - 1
            }
        };
        // Gaps this item links are merged into the first; the others are left empty.
        for &g in &joined[joined.len().min(1)..] {
            let (cells, places) = std::mem::take(&mut grouped[g]);
            grouped[target].0.extend(cells);
            grouped[target].1.extend(places);
        }
        let (cells, places) = &mut grouped[target];
        for cell in &item.cells {
            if !cells.contains(&cell) {
                cells.push(cell);
            }
        }
        places.push(i);
        places.sort_unstable();
    }
    order
        .into_iter()
        .filter_map(|o| match o {
            Ok(i) => Some(Entry::Item(items[i])),
            Err(g) => {
                let (cells, places) = std::mem::take(&mut grouped[g]);
                (!places.is_empty()).then(|| Entry::Gap {
                    cells,
                    places: places.into_iter().map(|i| items[i]).collect(),
                })
            }
        })
        .collect()
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
                kind => format!("{}：{}", kind.label(), item.page_note(self.mode)),
            },
            Entry::Gap { cells, .. } => {
                let cells: Vec<String> = cells
                    .iter()
                    .map(|c| match self.mode {
                        Mode::Draft => c.to_string(),
                        _ => c.cell.clone(),
                    })
                    .collect();
                format!("{}：{}", PendingKind::MissingData.label(), cells.join("；"))
            }
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
