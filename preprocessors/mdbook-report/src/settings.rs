//! Reading `[preprocessor.report]` and its sub-tables from book.toml with messages for
//! writers: Chinese, with the line, the line as written and the fix (never serde's
//! English). mdBook has already parsed book.toml, without lines; on an error the file is
//! read again for them (`report_core::toml_messages`).

use std::path::Path;

use mdbook_preprocessor::config::Config;
use report_core::config::ReportConfig;
use report_core::toml_messages;
use report_data::TypedNumbersConfig;

/// The file writers know.
const FILE: &str = "book.toml";

/// book.toml's text, or nothing when it cannot be read (messages then have no line).
pub(crate) fn book_toml(root: &Path) -> String {
    std::fs::read_to_string(root.join(FILE)).unwrap_or_default()
}

/// `[preprocessor.report]`, as mdBook holds it (with `MDBOOK_…` overrides); `text` is
/// book.toml's.
pub(crate) fn report_config(config: &Config, text: &str) -> Result<ReportConfig, String> {
    let from_file =
        toml_messages::table_at::<ReportConfig>(FILE, text, &["preprocessor", "report"]);
    // Sub-tables are read by their crates; typed-numbers has a serde shape of its own.
    toml_messages::table_at::<TypedNumbersConfig>(
        FILE,
        text,
        &["preprocessor", "report", "typed-numbers"],
    )?;
    match config.get::<ReportConfig>("preprocessor.report") {
        Ok(config) => Ok(config.unwrap_or_default()),
        Err(error) => {
            from_file?;
            // The file is right: an environment variable overrides it wrongly.
            let set: Vec<String> = std::env::vars()
                .filter(|(k, _)| k.starts_with("MDBOOK_PREPROCESSOR__REPORT"))
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            let cause = error.root_cause().to_string();
            Err(format!(
                "环境变量设置的 [preprocessor.report] 有误（{}）：{}",
                set.join("，"),
                toml_messages::explain(&cause)
            ))
        }
    }
}

/// A message about a table of book.toml (from a crate that read it), with its line.
pub(crate) fn locate(text: &str, message: &str) -> String {
    toml_messages::locate(FILE, text, message)
}

/// `[output.NAME]` as `T`, as mdBook holds it; an error with its line.
pub(crate) fn output_table<T: serde::de::DeserializeOwned + Default>(
    config: &Config,
    root: &Path,
    name: &str,
) -> Result<T, String> {
    match config.get::<T>(&format!("output.{name}")) {
        Ok(table) => Ok(table.unwrap_or_default()),
        Err(error) => {
            let text = book_toml(root);
            toml_messages::table_at::<T>(FILE, &text, &["output", name])?;
            Err(format!(
                "{FILE} 的 [output.{name}] 有误：{}",
                toml_messages::explain(&error.root_cause().to_string())
            ))
        }
    }
}
