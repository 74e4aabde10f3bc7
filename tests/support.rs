//! Shared helpers of the end-to-end tests: fixture books, in-process builds through
//! `mdbook-driver`, and builds with the pinned mdBook CLI.
//!
//! `cargo xtask test` exports `MDBOOK_BIN` (the pinned mdBook 0.5.4 CLI) and
//! `REPORT_PREPROCESSOR_BIN` (the release preprocessor). Run directly with `cargo test`,
//! the preprocessor is built on demand and `mdbook` must be on PATH at version 0.5.4.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use mdbook_driver::MDBook;
use mdbook_report::ReportPreprocessor;

/// The pinned mdBook version.
pub const MDBOOK_VERSION: &str = "0.5.4";

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The pinned mdBook CLI. Fails (never skips) when it is missing: a CLI test that did not
/// run must not look like one that passed.
pub fn mdbook_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let bin = std::env::var_os("MDBOOK_BIN").map_or_else(|| PathBuf::from("mdbook"), PathBuf::from);
        let out = Command::new(&bin).arg("--version").output().unwrap_or_else(|e| {
            panic!("cannot run the mdBook CLI ({}): {e}; run the tests with `cargo xtask test`, which installs it", bin.display())
        });
        let version = String::from_utf8_lossy(&out.stdout);
        assert!(
            version.contains(MDBOOK_VERSION),
            "{} is `{}`, not mdBook {MDBOOK_VERSION}; run `cargo xtask test`",
            bin.display(),
            version.trim()
        );
        bin
    })
    .clone()
}

/// The release preprocessor binary, built on demand when the environment does not name it.
pub fn preprocessor_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("REPORT_PREPROCESSOR_BIN") {
            return PathBuf::from(bin);
        }
        let status = Command::new(env!("CARGO"))
            .args(["build", "--release", "--quiet", "-p", "mdbook-report"])
            .current_dir(repo_root())
            .status()
            .expect("cargo build");
        assert!(status.success(), "building mdbook-report failed");
        repo_root().join("target/release/mdbook-report")
    })
    .clone()
}

/// A book written into a temporary folder.
pub struct FixtureBook {
    pub root: PathBuf,
}

impl FixtureBook {
    /// A book whose SUMMARY lists `chapters` (path, title) as numbered chapters.
    pub fn new(name: &str, chapters: &[(&str, &str)]) -> FixtureBook {
        let root = std::env::temp_dir().join(format!("report-e2e-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("book/data")).unwrap();
        let book = FixtureBook { root };
        let mut summary = String::from("# Summary\n\n");
        for (i, (path, title)) in chapters.iter().enumerate() {
            summary.push_str(&format!("- [{title}]({path})\n"));
            if !book.root.join("book").join(path).exists() {
                book.write(&format!("book/{path}"), &format!("# {title} {i}\n"));
            }
        }
        book.write("book/SUMMARY.md", &summary);
        book.config("");
        book
    }

    /// Writes book.toml with the report preprocessor and `extra` appended to its table.
    pub fn config(&self, extra: &str) {
        let command = preprocessor_command();
        self.write(
            "book.toml",
            &format!(
                "[book]\ntitle = \"测试\"\nlanguage = \"zh-CN\"\nsrc = \"book\"\n\n[build]\nbuild-dir = \"target/book\"\n\n[preprocessor.report]\ncommand = {command:?}\nbefore = [\"links\"]\n{extra}\n"
            ),
        );
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    /// A dataset `book/data/ID.csv` with its metadata.
    pub fn dataset(&self, id: &str, csv: &str, meta: &str) {
        self.write(&format!("book/data/{id}.csv"), csv);
        self.write(&format!("book/data/{id}.toml"), meta);
    }

    /// Builds in process with `mdbook-driver` and the preprocessor as a library.
    pub fn build_in_process(&self) -> anyhow::Result<()> {
        let mut book = MDBook::load(&self.root)?;
        book.with_preprocessor(ReportPreprocessor);
        book.build()
    }

    /// Builds with the pinned mdBook CLI and the release preprocessor binary.
    pub fn build_cli(&self, env: &[(&str, &str)]) -> Output {
        mdbook_build(&self.root, env)
    }

    /// A page of the last build.
    pub fn page(&self, html: &str) -> String {
        read_page(&self.root, html)
    }
}

impl Drop for FixtureBook {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// The preprocessor command for fixture books: the release binary. In-process builds
/// replace it with the library, so only CLI builds need it to exist.
fn preprocessor_command() -> String {
    match std::env::var_os("REPORT_PREPROCESSOR_BIN") {
        Some(bin) => bin.to_string_lossy().into_owned(),
        None => repo_root()
            .join("target/release/mdbook-report")
            .to_string_lossy()
            .into_owned(),
    }
}

/// Runs `mdbook build` in `root`, after making sure the preprocessor is built.
pub fn mdbook_build(root: &Path, env: &[(&str, &str)]) -> Output {
    preprocessor_bin();
    let mut cmd = Command::new(mdbook_bin());
    cmd.arg("build").current_dir(root);
    // The environment of the test run must not change the mode of the book under test.
    for (key, _) in std::env::vars() {
        if key.starts_with("MDBOOK_") && key != "MDBOOK_BIN" {
            cmd.env_remove(key);
        }
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run mdbook")
}

/// The HTML output of the book built in `root`: mdBook writes it to the build directory
/// itself when HTML is its only renderer, and to `<build-dir>/html` when there are several
/// (the report has its companion renderer, `[output.report]`).
pub fn html_root(root: &Path) -> PathBuf {
    let build = root.join("target/book");
    let nested = build.join("html");
    if nested.join("index.html").is_file() {
        nested
    } else {
        build
    }
}

/// How the report's book.toml starts the companion renderer, with the release binary: the
/// value of `MDBOOK_OUTPUT__REPORT__COMMAND` for a copy of the report.
pub fn renderer_command() -> String {
    format!("{} render", preprocessor_bin().display())
}

/// A page of a built book.
pub fn read_page(root: &Path, html: &str) -> String {
    let path = html_root(root).join(html);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every HTML page under a built book, sorted.
pub fn html_pages(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "html") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&html_root(root), &mut out);
    out.sort();
    out
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// The readable text of an HTML fragment (tags removed), for assertions on prose.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text from HTML as a reader sees it: the entities the escaping writes, decoded (`&amp;`
/// last, so that an escaped entity stays one).
pub fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The main content of a chapter page (between mdBook's `<main>` tags).
pub fn main_of(page: &str) -> &str {
    let start = page.find("<main>").expect("<main>");
    let end = page.rfind("</main>").expect("</main>");
    &page[start..end]
}
