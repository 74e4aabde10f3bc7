//! `[preprocessor.report.originality]`, read by hand so that every mistake gets a message in
//! Chinese naming the exact book.toml key.

/// The table of book.toml this module reads, for messages.
const TABLE: &str = "preprocessor.report.originality";

const KEYS: &[&str] = &[
    "sources",
    "min-run",
    "share-run",
    "max-share",
    "ignore",
    "exclude",
    "fail",
];

/// When overlaps fail the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fail {
    /// Warnings in draft and publish builds, errors in final builds.
    #[default]
    Final,
    /// Errors in every build (`cargo xtask originality`).
    Always,
    /// Warnings only.
    Never,
}

/// The settings of the originality check.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `sources`: folders or files of source documents (plain text or Markdown), relative to
    /// the book's root (where book.toml is), outside the book's source folder. Empty: no
    /// check.
    pub sources: Vec<String>,
    /// `min-run`: the shortest shared run reported as an overlap (characters, after the
    /// exceptions are taken out).
    pub min_run: usize,
    /// `share-run`: the shortest shared run counted in a chapter's share (exceptions count).
    pub share_run: usize,
    /// `max-share`: the highest share (percent) a chapter may have, if set.
    pub max_share: Option<f64>,
    /// `ignore`: phrases that never count as copied: names, fixed terms, set phrases.
    pub ignore: Vec<String>,
    /// `exclude`: chapters not checked (a path such as `progress.md` or a folder such as
    /// `guide/`, relative to the book's source folder).
    pub exclude: Vec<String>,
    /// `fail`: `"final"`, `"always"` or `"never"`.
    pub fail: Fail,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            sources: Vec::new(),
            min_run: 15,
            share_run: 10,
            max_share: None,
            ignore: Vec::new(),
            exclude: Vec::new(),
            fail: Fail::Final,
        }
    }
}

impl Config {
    /// Reads the table; missing keys take their defaults.
    pub fn from_table(t: &toml::Table) -> Result<Config, String> {
        let mut cfg = Config::default();
        for (key, value) in t {
            match key.as_str() {
                "sources" => cfg.sources = strings(key, value, "文件夹")?,
                "min-run" => cfg.min_run = count(key, value)?,
                "share-run" => cfg.share_run = count(key, value)?,
                "max-share" => {
                    let share = value
                        .as_float()
                        .or_else(|| value.as_integer().map(|n| n as f64))
                        .filter(|s| (0.0..=100.0).contains(s))
                        .ok_or_else(|| {
                            format!(
                                "book.toml 的 {TABLE}.{key} 应是 0 到 100 之间的百分数，例如 10"
                            )
                        })?;
                    cfg.max_share = Some(share);
                }
                "ignore" => cfg.ignore = strings(key, value, "词语")?,
                "exclude" => cfg.exclude = strings(key, value, "章节")?,
                "fail" => {
                    cfg.fail = match value.as_str() {
                        Some("final") => Fail::Final,
                        Some("always") => Fail::Always,
                        Some("never") => Fail::Never,
                        _ => {
                            return Err(format!(
                                "book.toml 的 {TABLE}.{key} 应是 \"final\"（定稿构建时报错，默认）、\"always\"（每次构建都报错）或 \"never\"（只提醒）"
                            ));
                        }
                    }
                }
                _ => return Err(unknown_key(key)),
            }
        }
        if cfg.sources.iter().any(|p| p.trim().is_empty()) {
            return Err(format!("book.toml 的 {TABLE}.sources 不能含空的路径"));
        }
        if cfg.ignore.iter().any(|p| p.trim().is_empty()) {
            return Err(format!("book.toml 的 {TABLE}.ignore 不能含空的词语"));
        }
        Ok(cfg)
    }

    /// Whether a chapter (its path in the book, e.g. `guide/data.md`) is left unchecked.
    pub fn excludes(&self, path: &str) -> bool {
        self.exclude
            .iter()
            .any(|e| e == path || (e.ends_with('/') && path.starts_with(e.as_str())))
    }
}

fn unknown_key(key: &str) -> String {
    format!(
        "book.toml 的 [{TABLE}] 没有「{key}」这个设置。可用的设置有：{}",
        KEYS.join("、")
    )
}

/// A list of strings, or one string (as mdBook's environment variables give it).
fn strings(key: &str, value: &toml::Value, what: &str) -> Result<Vec<String>, String> {
    let wrong = || format!("book.toml 的 {TABLE}.{key} 应是{what}的列表，例如 [\"…\", \"…\"]");
    if let Some(one) = value.as_str() {
        return Ok(vec![one.to_string()]);
    }
    value
        .as_array()
        .ok_or_else(wrong)?
        .iter()
        .map(|v| v.as_str().map(str::to_string).ok_or_else(wrong))
        .collect()
}

fn count(key: &str, value: &toml::Value) -> Result<usize, String> {
    match value.as_integer() {
        Some(n) if (2..=1000).contains(&n) => Ok(n as usize),
        _ => Err(format!(
            "book.toml 的 {TABLE}.{key} 应是 2 到 1000 之间的整数（字数），例如 15"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Config, String> {
        Config::from_table(&toml::from_str(text).unwrap())
    }

    #[test]
    fn defaults_and_every_key() {
        assert_eq!(read("").unwrap(), Config::default());
        let cfg = read(
            "sources = ['../seeds']\nmin-run = 12\nshare-run = 8\nmax-share = 10\nignore = ['中国医药保健品进出口商会']\nexclude = ['guide/']\nfail = 'always'\n",
        )
        .unwrap();
        assert_eq!(cfg.sources, ["../seeds"]);
        assert_eq!((cfg.min_run, cfg.share_run), (12, 8));
        assert_eq!(cfg.max_share, Some(10.0));
        assert_eq!(cfg.fail, Fail::Always);
        assert!(cfg.excludes("guide/data.md"));
        assert!(!cfg.excludes("trade.md"));
    }

    #[test]
    fn one_source_as_a_string_as_environment_variables_give_it() {
        assert_eq!(read("sources = '../seeds'").unwrap().sources, ["../seeds"]);
    }

    #[test]
    fn mistakes_name_the_key() {
        let err = read("min_run = 15").unwrap_err();
        assert!(
            err.contains("「min_run」") && err.contains("min-run"),
            "{err}"
        );
        let err = read("min-run = 0").unwrap_err();
        assert!(err.contains("originality.min-run"), "{err}");
        let err = read("max-share = 120").unwrap_err();
        assert!(err.contains("max-share"), "{err}");
        let err = read("fail = true").unwrap_err();
        assert!(err.contains("\"always\""), "{err}");
        let err = read("ignore = ['']").unwrap_err();
        assert!(err.contains("ignore"), "{err}");
    }
}
