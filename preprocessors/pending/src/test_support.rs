//! Fixtures shared by the crate's tests.

use report_core::scan::{Scan, scan};

use crate::Chapter;

/// A chapter's source with its scan, owned so that a test can lend out a [`Chapter`].
pub(crate) struct ChapterFixture<'a> {
    file: String,
    path: &'a str,
    name: &'a str,
    source: &'a str,
    scan: Scan,
}

impl<'a> ChapterFixture<'a> {
    /// The chapter `book/{path}`, titled `name` in SUMMARY.md.
    pub(crate) fn new(path: &'a str, name: &'a str, source: &'a str) -> Self {
        ChapterFixture {
            file: format!("book/{path}"),
            path,
            name,
            source,
            scan: scan(source),
        }
    }

    pub(crate) fn chapter(&self) -> Chapter<'_> {
        Chapter {
            file: &self.file,
            path: self.path,
            name: self.name,
            source: self.source,
            scan: &self.scan,
        }
    }
}
