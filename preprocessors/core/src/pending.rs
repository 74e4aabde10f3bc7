//! Pending work, as found by any of the preprocessors.

/// What kind of unfinished work an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PendingKind {
    /// An explicit `{{#pending NOTE}}`.
    Marker,
    /// A bracketed note such as 【待补充数据】.
    Note,
    /// A heading whose section has no body yet.
    EmptySection,
    /// A data cell that is empty or marked 待补充, shown by a table, value or chart.
    MissingData,
    /// A note to co-authors, e.g. （可以用你写好的那段）: shown in draft only.
    Editorial,
}

impl PendingKind {
    /// Whether this is a note to co-authors rather than unfinished work readers may see.
    pub fn is_editorial(self) -> bool {
        self == PendingKind::Editorial
    }

    /// The label of its callout, progress-page entry and log line.
    pub fn label(self) -> &'static str {
        match self {
            PendingKind::Marker => "待完成",
            PendingKind::Note => "待完成",
            PendingKind::EmptySection => "空章节",
            PendingKind::MissingData => "缺数据",
            PendingKind::Editorial => "编辑备注",
        }
    }
}

/// One item of pending work at its place in the book.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingItem {
    /// The chapter as the writer knows it, e.g. `book/trade.md`.
    pub file: String,
    /// The chapter's path in the built book, e.g. `trade.md` (links point to `trade.html`).
    pub chapter: String,
    pub line: usize,
    pub kind: PendingKind,
    pub note: String,
    /// The id of the callout in the page, for links from the progress page.
    pub anchor: String,
    /// Missing data only: each missing cell the placeholder shows, described the same way
    /// wherever that cell is shown, so that a cell shown by a table, a chart and a value is
    /// one gap on the progress page, not three.
    pub cells: Vec<String>,
    /// Missing data only: what shows the cells, for the progress page's links (表格, 图表,
    /// 正文).
    pub shown_in: &'static str,
}

impl PendingItem {
    /// The build-log line: `book/PATH.md:LINE  section path  label：note`, e.g.
    /// `book/trade.md:12  贸易合作 › 现状  待完成：现状待整理`.
    pub fn log_line(&self, section: &str) -> String {
        format!(
            "{}:{}  {}  {}：{}",
            self.file,
            self.line,
            section,
            self.kind.label(),
            self.note
        )
    }
}

/// What a data placeholder shows its cells in, named for readers.
pub fn shown_in(placeholder: crate::kind::Kind) -> &'static str {
    use crate::kind::Kind;
    match placeholder {
        Kind::Table => "表格",
        Kind::Chart => "图表",
        _ => "正文",
    }
}

/// The anchor for an item that starts at `offset` in its chapter source.
pub fn anchor_at(offset: usize) -> String {
    format!("pending-{offset}")
}
