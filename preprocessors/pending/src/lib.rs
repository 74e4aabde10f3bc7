//! Pending work and the progress page.
//!
//! The report is shared while it is being written, so unfinished work is marked in the
//! chapters themselves and shown to readers; this crate finds it and draws the page that
//! sums it up.
//!
//! What counts as pending (each configurable under `[preprocessor.report.pending]`, see
//! [`PendingConfig`]):
//!
//! 1. an explicit `{{#pending NOTE}}`;
//! 2. a bracketed note such as 【现状待整理】【待补充数据】【缺…】【差…】 or a bare 待补充,
//!    in text or in a heading (`notes`);
//! 3. a heading whose section has no body (`empty-sections`);
//! 4. a note to co-authors such as （可以用你写好的那段） (`editorial`): shown in draft,
//!    removed in publish, a failure in final.
//!
//! Not pending work, but about it: a `{{#remark TEXT}}` records a remark about its chapter
//! for the progress page's 备注 column and prints nothing in the chapter.
//!
//! Data cells left empty or marked 待补充 are found by `report-data` and reach the progress
//! page and the log as [`PendingKind::MissingData`](report_core::pending::PendingKind).
//!
//! The orchestrator calls, per chapter, [`analyze`] (edits and items, sections and
//! character counts; [`detect`] and [`outline`] give each half alone), then once per book
//! [`progress_page`] for `{{#progress}}` and [`log_lines`] for the build log.

mod config;
mod detect;
mod marks;
mod outline;
mod progress;
mod remark;
#[cfg(test)]
mod test_support;

use report_core::config::{ReportConfig, Target};
use report_core::diag::Diagnostic;
use report_core::edit::Edit;
use report_core::pending::PendingItem;
use report_core::scan::Scan;

pub use config::{DEFAULT_EDITORIAL, DEFAULT_NOTES, DEFAULT_SECTIONS, PendingConfig};
pub use detect::detect;
pub use outline::{Outline, Section, outline, section_path};
pub use progress::{log_lines, progress_page};
pub use remark::Remark;

/// Everything this crate learns from one chapter, its marks found once: what [`detect`]
/// and [`outline`] return.
pub fn analyze(
    cfg: &PendingConfig,
    report: &ReportConfig,
    target: Target,
    chapter: &Chapter,
) -> (Found, Outline) {
    let marks = marks::marks(cfg, chapter);
    (
        detect::detect_marks(cfg, report, target, chapter, &marks),
        outline::outline_marks(cfg, chapter, &marks),
    )
}

/// One chapter, as the orchestrator scanned it.
#[derive(Debug, Clone, Copy)]
pub struct Chapter<'a> {
    /// The chapter as the writer knows it, e.g. `book/trade.md`.
    pub file: &'a str,
    /// Its source path in the book, e.g. `trade.md` (the page is `trade.html`).
    pub path: &'a str,
    /// Its title in SUMMARY.md.
    pub name: &'a str,
    /// The original source.
    pub source: &'a str,
    pub scan: &'a Scan,
}

/// What [`detect`] found in one chapter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Byte-span edits against the original source: callouts in, notes out.
    pub edits: Vec<Edit>,
    /// Pending items in source order. In final builds any item fails the build; editorial
    /// notes ([`PendingKind::is_editorial`](report_core::pending::PendingKind::is_editorial))
    /// are only returned in draft and final builds.
    pub items: Vec<PendingItem>,
    /// Editorial notes removed from the page (publish builds only), so that the build log
    /// can say what was deleted. They are not pending work: they belong on neither the
    /// progress page nor the list of pending items.
    pub removed: Vec<PendingItem>,
    /// Problems with the markers themselves: a `{{#remark}}` without text.
    pub errors: Vec<Diagnostic>,
}
