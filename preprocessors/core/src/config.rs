//! The `[preprocessor.report]` table of book.toml.
//!
//! Every key can be overridden with mdBook's standard environment variables, for example
//! `MDBOOK_PREPROCESSOR__REPORT__MODE=final`.

use serde::Deserialize;

/// What kind of build this is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Writers' builds (`mdbook serve`): every problem is shown in the page.
    #[default]
    Draft,
    /// The shared, in-progress site: placeholder errors fail the build, pending work stays
    /// visible, editorial notes to co-authors are removed.
    Publish,
    /// The release: anything pending, any editorial note and any error fails the build.
    Final,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Draft => "draft",
            Mode::Publish => "publish",
            Mode::Final => "final",
        }
    }
}

/// Where the output goes: the HTML renderer gets HTML, every other renderer readable
/// Markdown (the orchestrator declines its own companion renderer altogether).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Html,
    Markdown,
}

impl Target {
    pub fn for_renderer(renderer: &str) -> Target {
        if renderer == "html" {
            Target::Html
        } else {
            Target::Markdown
        }
    }
}

/// `[preprocessor.report]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, rename_all = "kebab-case", deny_unknown_fields)]
pub struct ReportConfig {
    pub mode: Mode,
    /// In draft builds, fail on placeholder errors instead of showing them in the page.
    pub fail_on_error: bool,
    /// Folder of the datasets, relative to the book's source folder.
    pub data_dir: String,
    /// Settings of the pending markers and the progress page (read by `report-pending`).
    pub pending: toml::Table,
    /// Settings of the typed-number check (read by `report-data`).
    pub typed_numbers: toml::Table,
    /// Settings of the originality check (read by `report-originality`).
    pub originality: toml::Table,
    // mdBook's own keys of a preprocessor table.
    command: Option<String>,
    before: Vec<String>,
    after: Vec<String>,
    renderers: Vec<String>,
    optional: bool,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            mode: Mode::Draft,
            fail_on_error: false,
            data_dir: "data".to_string(),
            pending: toml::Table::new(),
            typed_numbers: toml::Table::new(),
            originality: toml::Table::new(),
            command: None,
            before: Vec::new(),
            after: Vec::new(),
            renderers: Vec::new(),
            optional: false,
        }
    }
}

impl ReportConfig {
    /// Whether a placeholder error fails the build.
    pub fn errors_fail(&self) -> bool {
        self.fail_on_error || self.mode != Mode::Draft
    }

    /// Whether pending work and editorial notes fail the build.
    pub fn pending_fails(&self) -> bool {
        self.mode == Mode::Final
    }

    /// Whether editorial notes to co-authors reach the page.
    pub fn shows_editorial(&self) -> bool {
        self.mode == Mode::Draft
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kebab_case_keys_and_mdbook_keys() {
        let cfg: ReportConfig = toml::from_str(
            "command = 'x'\nbefore = ['links']\nmode = 'publish'\nfail-on-error = true\n[pending]\nsections = ['现状']\n",
        )
        .unwrap();
        assert_eq!(cfg.mode, Mode::Publish);
        assert!(cfg.errors_fail());
        assert!(!cfg.pending_fails());
        assert!(cfg.pending.contains_key("sections"));
    }

    #[test]
    fn rejects_misspelt_keys() {
        let err = toml::from_str::<ReportConfig>("mdoe = 'final'").unwrap_err();
        assert!(err.to_string().contains("mdoe"), "{err}");
    }
}
