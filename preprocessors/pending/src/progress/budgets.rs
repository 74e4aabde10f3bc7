//! Character counts against the budgets of `[preprocessor.report.pending.budgets]`.

use report_core::suggest::did_you_mean;

use super::{Page, number};
use crate::PendingConfig;
use crate::outline::Outline;

/// A count against its budget.
pub(super) struct Count {
    pub chars: usize,
    pub budget: Option<usize>,
}

impl Count {
    pub fn over(&self) -> Option<usize> {
        self.budget
            .filter(|b| self.chars > *b)
            .map(|b| self.chars - b)
    }

    /// `1,178`, `1,178 / 1,200` or `1,300 / 1,200，超出 100`: words, not a warning sign,
    /// which would need an emoji font.
    pub fn text(&self) -> String {
        match (self.budget, self.over()) {
            (Some(b), Some(over)) => format!(
                "{} / {}，超出 {}",
                number(self.chars),
                number(b),
                number(over)
            ),
            (Some(b), None) => format!("{} / {}", number(self.chars), number(b)),
            (None, _) => number(self.chars),
        }
    }
}

/// Budgets resolved against the book's chapters and sections.
#[derive(Default)]
pub(super) struct Budgets {
    /// Per chapter (index into outlines).
    pub chapter: Vec<Option<usize>>,
    /// Per chapter and column.
    pub cell: Vec<Vec<Option<usize>>>,
    /// Other sections: (chapter, section index, budget).
    pub sections: Vec<(usize, usize, usize)>,
    /// Keys that name nothing, with a suggestion.
    pub unmatched: Vec<(String, Option<String>)>,
}

impl Budgets {
    pub fn resolve(cfg: &PendingConfig, outlines: &[Outline]) -> Budgets {
        let columns = cfg.sections.len();
        let mut b = Budgets {
            chapter: vec![None; outlines.len()],
            cell: vec![vec![None; columns]; outlines.len()],
            ..Budgets::default()
        };
        let find_chapter = |key: &str| {
            outlines
                .iter()
                .position(|o| o.counted && (o.name == key || o.path == key))
        };
        let mut specific: Vec<(usize, usize, usize)> = Vec::new();
        for (key, budget) in &cfg.budgets {
            let key_trim = key.trim();
            if let Some((chap, sec)) = key_trim.split_once('/') {
                let (chap, sec) = (chap.trim(), sec.trim());
                if let Some(c) = find_chapter(chap) {
                    if let Some(col) = cfg.sections.iter().position(|s| s == sec) {
                        specific.push((c, col, *budget));
                        continue;
                    }
                    let found: Vec<usize> = section_indices(&outlines[c], sec);
                    if !found.is_empty() {
                        b.sections
                            .extend(found.into_iter().map(|s| (c, s, *budget)));
                        continue;
                    }
                }
            } else if let Some(c) = find_chapter(key_trim) {
                b.chapter[c] = Some(*budget);
                continue;
            } else if let Some(col) = cfg.sections.iter().position(|s| s == key_trim) {
                for cells in &mut b.cell {
                    cells[col] = Some(*budget);
                }
                continue;
            } else {
                let before = b.sections.len();
                for (c, o) in outlines.iter().enumerate().filter(|(_, o)| o.counted) {
                    b.sections.extend(
                        section_indices(o, key_trim)
                            .into_iter()
                            .map(|s| (c, s, *budget)),
                    );
                }
                if b.sections.len() > before {
                    continue;
                }
            }
            b.unmatched
                .push((key.clone(), suggest(cfg, outlines, key_trim)));
        }
        for (c, col, budget) in specific {
            b.cell[c][col] = Some(budget);
        }
        b.sections.sort();
        b
    }
}

/// Sections of a chapter titled `title`, that are not the chapter's title heading.
fn section_indices(outline: &Outline, title: &str) -> Vec<usize> {
    outline
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_title && s.title == title)
        .map(|(i, _)| i)
        .collect()
}

fn suggest(cfg: &PendingConfig, outlines: &[Outline], key: &str) -> Option<String> {
    let mut names: Vec<String> = cfg.sections.clone();
    for o in outlines.iter().filter(|o| o.counted) {
        names.push(o.name.clone());
        for s in o.sections.iter().filter(|s| !s.is_title) {
            names.push(s.title.clone());
            for col in &cfg.sections {
                names.push(format!("{}/{}", o.name, col));
            }
        }
    }
    did_you_mean(key, names.iter().map(String::as_str)).map(str::to_string)
}

impl Page<'_> {
    /// How many counts exceed their budget.
    pub(super) fn over_budget(&self) -> usize {
        let mut n = 0;
        for c in (0..self.outlines.len()).filter(|&c| self.outlines[c].counted) {
            n += usize::from(self.chapter_count(c).over().is_some());
            for col in 0..self.cfg.sections.len() {
                n += self
                    .cell_count(c, col)
                    .is_some_and(|count| count.over().is_some()) as usize;
            }
        }
        n + self
            .budgets
            .sections
            .iter()
            .filter(|(c, s, b)| self.outlines[*c].sections[*s].chars > *b)
            .count()
    }

    pub(super) fn chapter_count(&self, c: usize) -> Count {
        Count {
            chars: self.outlines[c].chars,
            budget: self.budgets.chapter[c],
        }
    }

    /// Characters of a recurring section in a chapter, if the chapter has it.
    pub(super) fn cell_count(&self, c: usize, col: usize) -> Option<Count> {
        let roots: Vec<_> = self.outlines[c]
            .sections
            .iter()
            .filter(|s| s.column_root && s.column == Some(col))
            .collect();
        (!roots.is_empty()).then(|| Count {
            chars: roots.iter().map(|s| s.chars).sum(),
            budget: self.budgets.cell[c][col],
        })
    }
}
