//! `cargo xtask originality [--sources DIR]...`: the originality check (查重) on its own.
//!
//! The check lives in the preprocessor (`report-originality`, hooked into `mdbook-report`);
//! this runs a draft build with `[preprocessor.report.originality] fail = "always"`, so that
//! the log lists every overlap and each chapter's share and the command fails on any finding
//! (a missing source folder included). `--sources` replaces book.toml's `sources`.

use crate::run::{self, Result};
use crate::tools;

/// mdBook's environment overrides of `[preprocessor.report.originality]`.
const FAIL_ENV: &str = "MDBOOK_PREPROCESSOR__REPORT__ORIGINALITY__FAIL";
const SOURCES_ENV: &str = "MDBOOK_PREPROCESSOR__REPORT__ORIGINALITY__SOURCES";

pub fn run(args: &[String]) -> Result {
    let mut sources = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sources" => sources.push(
                args.next()
                    .ok_or("--sources needs a folder, e.g. --sources ../shared/seeds")?
                    .clone(),
            ),
            other => return Err(format!("unknown argument `{other}` (only --sources DIR)").into()),
        }
    }
    let tools = tools::Tools::prepare()?;
    let out = tools::target_dir().join("originality");
    let mut mdbook = tools.mdbook("build");
    mdbook.arg("--dest-dir").arg(&out);
    mdbook.env(FAIL_ENV, "always").env(tools::MODE_ENV, "draft");
    if !sources.is_empty() {
        mdbook.env(SOURCES_ENV, json_strings(&sources));
    }
    run::progress("checking the chapters against the sources (查重)");
    run::status(&mut mdbook)?;
    run::progress("查重通过：没有与来源雷同的片段，各章比例见上");
    Ok(())
}

/// A JSON array of strings, as mdBook reads a list from an environment variable.
fn json_strings(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| {
            let mut q = String::from('"');
            for c in s.chars() {
                match c {
                    '"' => q.push_str("\\\""),
                    '\\' => q.push_str("\\\\"),
                    c => q.push(c),
                }
            }
            q.push('"');
            q
        })
        .collect();
    format!("[{}]", quoted.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_become_a_json_list() {
        assert_eq!(
            json_strings(&["../shared/seeds".into(), "C:\\docs \"x\"".into()]),
            r#"["../shared/seeds","C:\\docs \"x\""]"#
        );
    }
}
