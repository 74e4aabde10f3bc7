//! The tools the report needs, found or installed: the pinned mdBook CLI, the release build of
//! the preprocessor, rustfmt and clippy, Chromium and the browser tests' Node packages.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{self, Result};

/// The mdBook CLI the report is built with: the version of the `mdbook-*` library crates.
pub const MDBOOK_VERSION: &str = "0.5.4";
/// mdBook's environment override of `[preprocessor.report] mode`.
pub const MODE_ENV: &str = "MDBOOK_PREPROCESSOR__REPORT__MODE";
/// mdBook's environment override of `[preprocessor.report] command`.
pub const COMMAND_ENV: &str = "MDBOOK_PREPROCESSOR__REPORT__COMMAND";
/// mdBook's environment override of `[output.report] command`, the companion renderer.
pub const RENDERER_COMMAND_ENV: &str = "MDBOOK_OUTPUT__REPORT__COMMAND";
/// How book.toml starts the companion renderer: the preprocessor binary with this argument.
pub const RENDER_SUBCOMMAND: &str = "render";
/// Where the browser tests find Chromium (Debian's package), unless `CHROMIUM` says otherwise.
const CHROMIUM: &str = "/usr/bin/chromium";

/// The repository root (the workspace holding `book.toml`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the repository root")
        .to_path_buf()
}

/// A `cargo` command: the cargo that runs us, so `cargo +toolchain xtask` stays consistent.
pub fn cargo() -> Command {
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root());
    command
}

/// Cargo's target directory: `CARGO_TARGET_DIR` if set, else `<root>/target`.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// Where the book is built (book.toml's `build-dir`).
pub fn book_dir() -> PathBuf {
    root().join("target/book")
}

/// Where the HTML renderer wrote into `build_dir`: mdBook 0.5 uses the build directory itself
/// when HTML is the only renderer and `<build_dir>/html` when there are several (the report
/// has two: `html` and its companion `report`).
pub fn html_dir(build_dir: &Path) -> PathBuf {
    let nested = build_dir.join("html");
    if nested.join("index.html").is_file() {
        nested
    } else {
        build_dir.to_path_buf()
    }
}

/// The pinned mdBook CLI and the release preprocessor, ready for `mdbook serve|build`.
pub struct Tools {
    pub root: PathBuf,
    pub mdbook: PathBuf,
    pub preprocessor: PathBuf,
}

impl Tools {
    /// Installs mdBook if needed and builds the preprocessor, with progress lines.
    pub fn prepare() -> Result<Self> {
        let mdbook = ensure_mdbook()?;
        let preprocessor = build_preprocessor()?;
        Ok(Tools {
            root: root(),
            mdbook,
            preprocessor,
        })
    }

    /// `mdbook SUBCOMMAND` in the repository root.
    pub fn mdbook(&self, subcommand: &str) -> Command {
        let mut command = Command::new(&self.mdbook);
        command.arg(subcommand).current_dir(&self.root);
        // book.toml names `target/release/mdbook-report`; follow a moved target directory.
        if self.preprocessor != self.root.join("target/release").join(exe("mdbook-report")) {
            command
                .env(COMMAND_ENV, &self.preprocessor)
                .env(RENDERER_COMMAND_ENV, renderer_command(&self.preprocessor));
        }
        command
    }
}

/// The companion renderer's command line for mdBook (which splits it like a shell would).
pub fn renderer_command(preprocessor: &Path) -> String {
    let path = preprocessor.to_string_lossy();
    if path.contains([' ', '\'', '"', '\\']) {
        format!("'{}' {RENDER_SUBCOMMAND}", path.replace('\'', r"'\''"))
    } else {
        format!("{path} {RENDER_SUBCOMMAND}")
    }
}

/// `name` with the platform's executable suffix.
fn exe(name: &str) -> String {
    format!("{name}{}", env::consts::EXE_SUFFIX)
}

/// The first `name` on `PATH`, as a path.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(exe(name)))
        .find(|candidate| candidate.is_file())
}

/// Where `cargo install` puts binaries: `$CARGO_INSTALL_ROOT/bin`, else `$CARGO_HOME/bin`,
/// else `~/.cargo/bin`.
fn cargo_bin_dir() -> Option<PathBuf> {
    if let Some(root) = env::var_os("CARGO_INSTALL_ROOT") {
        return Some(PathBuf::from(root).join("bin"));
    }
    let home = env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| {
        env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" })
            .map(|home| PathBuf::from(home).join(".cargo"))
    })?;
    Some(home.join("bin"))
}

/// The version an `mdbook` binary reports (`mdbook v0.5.4` → `0.5.4`).
fn mdbook_version(binary: &Path) -> Option<String> {
    let text = run::output(Command::new(binary).arg("--version"))?;
    parse_mdbook_version(&text)
}

fn parse_mdbook_version(text: &str) -> Option<String> {
    let version = text.split_whitespace().nth(1)?;
    Some(version.trim_start_matches('v').to_owned())
}

/// The pinned mdBook CLI: the one on `PATH` or in cargo's bin directory if it has the pinned
/// version, else freshly installed with `cargo install` (a few minutes, once per machine).
pub fn ensure_mdbook() -> Result<PathBuf> {
    let path_mdbook = on_path("mdbook");
    let installed = cargo_bin_dir().map(|dir| dir.join(exe("mdbook")));
    let candidates: Vec<&PathBuf> = path_mdbook.iter().chain(installed.iter()).collect();
    let mut found = Vec::new();
    for candidate in &candidates {
        match mdbook_version(candidate) {
            Some(version) if version == MDBOOK_VERSION => {
                run::progress(&format!("mdBook {MDBOOK_VERSION}: {}", candidate.display()));
                warn_if_shadowed(candidate, path_mdbook.as_deref());
                return Ok((*candidate).clone());
            }
            Some(version) => found.push(format!("{} is {version}", candidate.display())),
            None => {}
        }
    }

    if found.is_empty() {
        run::progress(&format!(
            "mdBook CLI not found: installing mdBook {MDBOOK_VERSION} (a few minutes, once)"
        ));
    } else {
        run::progress(&format!(
            "mdBook {MDBOOK_VERSION} is pinned but {}: installing it (a few minutes, once)",
            found.join(", ")
        ));
    }
    let mut install = cargo();
    install.args(["install", "mdbook", "--version", MDBOOK_VERSION, "--locked"]);
    if installed.as_ref().is_some_and(|path| path.exists()) {
        // Replace another version, however it got there.
        install.arg("--force");
    }
    run::status(&mut install)?;

    let installed = installed.ok_or("cannot tell where `cargo install` put mdbook")?;
    match mdbook_version(&installed) {
        Some(version) if version == MDBOOK_VERSION => {
            run::progress(&format!("installed {}", installed.display()));
            warn_if_shadowed(&installed, on_path("mdbook").as_deref());
            Ok(installed)
        }
        other => Err(format!(
            "`cargo install` finished but {} reports {:?}, not {MDBOOK_VERSION}",
            installed.display(),
            other
        )
        .into()),
    }
}

/// Tells the writer when plain `mdbook` in a shell would not be the pinned one.
fn warn_if_shadowed(pinned: &Path, on_path: Option<&Path>) {
    if on_path == Some(pinned) {
        return;
    }
    let dir = pinned.parent().unwrap_or(pinned).display();
    match on_path {
        None => run::progress(&format!(
            "note: {dir} is not on PATH; add it to run `mdbook serve` / `mdbook build` directly"
        )),
        Some(other) => run::progress(&format!(
            "note: `mdbook` on PATH is {}, not the pinned {MDBOOK_VERSION}; put {dir} first on PATH",
            other.display()
        )),
    }
}

/// `cargo build --release -p mdbook-report`, returning the binary's absolute path.
pub fn build_preprocessor() -> Result<PathBuf> {
    run::progress("building the preprocessor (release)");
    run::status(cargo().args(["build", "--release", "-p", "mdbook-report"]))?;
    let binary = target_dir().join("release").join(exe("mdbook-report"));
    if !binary.is_file() {
        return Err(format!("the build succeeded but {} is missing", binary.display()).into());
    }
    Ok(binary)
}

/// rustfmt and clippy, added with rustup when the toolchain lacks them.
pub fn ensure_rust_components() -> Result {
    let missing: Vec<&str> = [("fmt", "rustfmt"), ("clippy", "clippy")]
        .into_iter()
        .filter(|(subcommand, _)| run::output(cargo().args([subcommand, "--version"])).is_none())
        .map(|(_, component)| component)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    run::progress(&format!("adding {} with rustup", missing.join(" and ")));
    run::status(
        Command::new("rustup")
            .args(["component", "add"])
            .args(&missing),
    )
}

fn is_root() -> bool {
    run::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// `apt-get install -y PACKAGES` (after `apt-get update`), as root only.
fn apt_install(what: &str, packages: &[&str]) -> Result {
    if !is_root() {
        return Err(format!(
            "{what} is missing and only root can install it here: run \
             `sudo apt-get update && sudo apt-get install -y {}` (Debian/Ubuntu), then try again",
            packages.join(" ")
        )
        .into());
    }
    run::progress(&format!("installing {what} from Debian's packages"));
    run::status(Command::new("apt-get").args(["update", "-q"]))?;
    run::status(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// Chromium for the browser tests: `$CHROMIUM`, else Debian's `/usr/bin/chromium`, installed
/// with apt when missing (CI runs as root). Never a browser download of a test tool's own.
pub fn ensure_chromium() -> Result<PathBuf> {
    if let Some(path) = env::var_os("CHROMIUM") {
        let path = PathBuf::from(path);
        if !path.is_file() {
            return Err(format!("CHROMIUM={} does not exist", path.display()).into());
        }
        return Ok(path);
    }
    let path = PathBuf::from(CHROMIUM);
    if !path.is_file() {
        apt_install("Chromium", &["chromium"])?;
    }
    let version = run::output(Command::new(&path).arg("--version"));
    run::progress(&format!(
        "Chromium: {} ({})",
        path.display(),
        version.as_deref().map_or("version unknown", str::trim)
    ));
    Ok(path)
}

/// A font with Chinese glyphs, so that screenshots and layout in the browser tests are the
/// report as readers see it (without one, Chromium draws boxes of another width). Debian's
/// small WenQuanYi Micro Hei when fontconfig knows none and we are root; else a warning.
pub fn ensure_cjk_font() -> Result {
    let families = run::output(Command::new("fc-list").args([":lang=zh", "family"]));
    if families.is_some_and(|families| !families.trim().is_empty()) {
        return Ok(());
    }
    if !is_root() {
        run::progress(
            "warning: no Chinese font found (fc-list :lang=zh); screenshots will show boxes. \
             Install one, e.g. `sudo apt-get install fonts-wqy-microhei`",
        );
        return Ok(());
    }
    apt_install("a Chinese font", &["fonts-wqy-microhei"])
}

/// The fonts the PDF edition is set in (Noto Serif CJK SC for the text, Noto Sans CJK SC for
/// headings, tables and charts; Chromium embeds the glyphs it uses) and poppler's
/// `pdftotext`, `pdfinfo`, `pdffonts` and `pdftoppm`, which check the PDF. Both from
/// Debian's packages (`fonts-noto-cjk`, `poppler-utils`).
pub fn ensure_pdf_tools() -> Result {
    let families =
        run::output(Command::new("fc-list").args([":lang=zh", "family"])).unwrap_or_default();
    let mut missing = Vec::new();
    if !PDF_FONTS.iter().all(|family| families.contains(family)) {
        missing.push("fonts-noto-cjk");
    }
    if !POPPLER_TOOLS.iter().all(|tool| on_path(tool).is_some()) {
        missing.push("poppler-utils");
    }
    if missing.is_empty() {
        run::progress("PDF fonts (Noto CJK) and poppler-utils are installed");
        return Ok(());
    }
    apt_install("the PDF's fonts and tools", &missing)
}

/// The poppler tools the PDF checks run.
pub const POPPLER_TOOLS: [&str; 4] = ["pdftotext", "pdfinfo", "pdffonts", "pdftoppm"];

/// The font families the PDF's print CSS names first.
pub const PDF_FONTS: [&str; 2] = ["Noto Serif CJK SC", "Noto Sans CJK SC"];

/// Node.js and npm (the machine's; Debian's packages if missing and root).
fn ensure_node() -> Result {
    if run::output(Command::new("node").arg("--version")).is_some()
        && run::output(Command::new("npm").arg("--version")).is_some()
    {
        return Ok(());
    }
    apt_install("Node.js", &["nodejs", "npm"])
}

/// `npm ci` in `dir` unless its `node_modules` is already up to date with the lockfile.
pub fn ensure_node_modules(dir: &Path) -> Result {
    ensure_node()?;
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let modified = |path: &Path| path.metadata().and_then(|meta| meta.modified()).ok();
    let fresh = match (modified(&lock), modified(&installed)) {
        (Some(lock), Some(installed)) => installed >= lock,
        _ => false,
    };
    if fresh && env::var_os("CI").is_none() {
        run::progress(&format!(
            "Node packages in {} are up to date",
            dir.display()
        ));
        return Ok(());
    }
    run::progress(&format!("installing Node packages in {}", dir.display()));
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    run::status(
        Command::new(npm)
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mdbook_version_lines() {
        assert_eq!(
            parse_mdbook_version("mdbook v0.5.4\n").as_deref(),
            Some("0.5.4")
        );
        assert_eq!(
            parse_mdbook_version("mdbook 0.4.52").as_deref(),
            Some("0.4.52")
        );
        assert_eq!(parse_mdbook_version("mdbook"), None);
    }

    #[test]
    fn html_dir_is_the_build_dir_with_one_renderer() {
        let dir = Path::new("/nonexistent/book");
        assert_eq!(html_dir(dir), dir);
    }
}
