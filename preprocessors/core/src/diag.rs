//! The messages writers see: in the build log and, in draft builds, in the page.

use std::fmt;

/// A problem with a placeholder, tied to the chapter file and line that holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The chapter as the writer knows it, e.g. `book/trade.md`.
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}
