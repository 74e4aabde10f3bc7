//! The hostile-input suite's runner: every case is a small book built in process (through
//! `mdbook-driver` with the preprocessor as a library) and checked twice: for its own stated
//! outcome, and for what must hold on every build whatever the input:
//!
//! - no panic, in the build or in the preprocessor;
//! - nothing outside `book/` is read into a page or copied into the output (a sentinel file
//!   beside the book must never appear);
//! - no live markup from data: a case's `forbidden` strings appear in no page;
//! - the book's sources are unchanged by the build;
//! - a second build gives byte-identical output.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use mdbook_driver::MDBook;
use mdbook_report::ReportPreprocessor;

/// Text of the file placed beside every case's book: no output may ever contain it.
pub const SECRET: &str = "HOSTILE-SECRET-7f3a";

/// One file of a case's book, relative to the book root (`book/a.md`, `book/data/t.csv`).
pub enum Entry {
    File(&'static str, Vec<u8>),
    /// A symbolic link at the path, pointing at the target as written.
    Symlink(&'static str, &'static str),
    /// A file beside the book's root folder, outside `book/`: nothing of it may reach the
    /// output (write [`SECRET`] into it).
    Outside(&'static str, Vec<u8>),
}

/// The build mode, as book.toml's `[preprocessor.report] mode` sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Draft,
    Publish,
    Final,
}

/// What a case must produce.
pub enum Expect {
    /// The build succeeds and the main text of `page` contains each string (raw HTML).
    Html {
        page: &'static str,
        contains: Vec<String>,
    },
    /// The build succeeds and the readable text of `page` (tags removed) contains each string.
    Text {
        page: &'static str,
        contains: Vec<String>,
    },
    /// A placeholder error at `at` (`book/a.md:3`) whose message contains `says`: shown in
    /// the page in a draft build, failing the build otherwise.
    Error { at: &'static str, says: String },
    /// The build fails (in any mode) with a message containing `says`.
    Fails { says: String },
    /// The build succeeds and every `{{#…` of `written` left in the page is the echo of an
    /// error box: the placeholder was expanded or reported, never published raw.
    Handled { page: &'static str, written: String },
    /// Built with the `html` and `markdown` renderers: the Markdown renderer's `page`
    /// (`a.md`) contains each string, and the HTML page's readable text each of `text`.
    Markdown {
        page: &'static str,
        contains: Vec<String>,
        text: Vec<String>,
    },
}

pub struct Case {
    pub name: &'static str,
    pub mode: Mode,
    /// Extra lines for `[preprocessor.report]` in book.toml.
    pub config: &'static str,
    /// The book's chapters are listed in SUMMARY.md in this order: (path, title).
    pub chapters: Vec<(&'static str, &'static str)>,
    pub entries: Vec<Entry>,
    pub expect: Expect,
    /// Strings that must not appear in any output page (live markup from data).
    pub forbidden: Vec<&'static str>,
}

impl Case {
    /// A one-chapter draft book: `book/a.md` holds `chapter`.
    pub fn chapter(name: &'static str, chapter: &str, expect: Expect) -> Case {
        Case {
            name,
            mode: Mode::Draft,
            config: "",
            chapters: vec![("a.md", "甲")],
            entries: vec![Entry::File("book/a.md", chapter.as_bytes().to_vec())],
            expect,
            forbidden: Vec::new(),
        }
    }

    /// Adds a dataset `book/data/ID.EXT` with its sidecar.
    pub fn data(mut self, file: &'static str, bytes: impl Into<Vec<u8>>, meta: &str) -> Case {
        let sidecar: &'static str = Box::leak(
            format!(
                "{}.toml",
                file.rsplit_once('.').map_or(file, |(stem, _)| stem)
            )
            .into_boxed_str(),
        );
        self.entries.push(Entry::File(file, bytes.into()));
        self.entries
            .push(Entry::File(sidecar, meta.as_bytes().to_vec()));
        self
    }

    pub fn file(mut self, path: &'static str, bytes: impl Into<Vec<u8>>) -> Case {
        self.entries.push(Entry::File(path, bytes.into()));
        self
    }

    pub fn symlink(mut self, path: &'static str, target: &'static str) -> Case {
        self.entries.push(Entry::Symlink(path, target));
        self
    }

    /// Extra lines for book.toml after `[preprocessor.report]` (a sub-table may start here).
    pub fn config(mut self, extra: &'static str) -> Case {
        self.config = extra;
        self
    }

    /// A file beside the book root (`../NAME` from the root), outside `book/`.
    pub fn outside(mut self, name: &'static str, bytes: impl Into<Vec<u8>>) -> Case {
        self.entries.push(Entry::Outside(name, bytes.into()));
        self
    }

    pub fn mode(mut self, mode: Mode) -> Case {
        self.mode = mode;
        self
    }

    pub fn forbid(mut self, markup: &'static str) -> Case {
        self.forbidden.push(markup);
        self
    }
}

/// The page text (main content) contains these strings.
pub fn html(contains: &[&str]) -> Expect {
    Expect::Html {
        page: "a.html",
        contains: contains.iter().map(|s| s.to_string()).collect(),
    }
}

/// The readable text of the page contains these strings.
pub fn text(contains: &[&str]) -> Expect {
    Expect::Text {
        page: "a.html",
        contains: contains.iter().map(|s| s.to_string()).collect(),
    }
}

pub fn error(at: &'static str, says: &str) -> Expect {
    Expect::Error {
        at,
        says: says.to_string(),
    }
}

pub fn fails(says: &str) -> Expect {
    Expect::Fails {
        says: says.to_string(),
    }
}

/// `written` (e.g. `{{#table`) is expanded or reported in `a.html`, never left raw.
pub fn handled(written: &str) -> Expect {
    Expect::Handled {
        page: "a.html",
        written: written.to_string(),
    }
}

/// The Markdown renderer's `a.md` contains `markdown`, and the HTML page reads `text`.
pub fn markdown(markdown: &[&str], text: &[&str]) -> Expect {
    Expect::Markdown {
        page: "a.md",
        contains: markdown.iter().map(|s| s.to_string()).collect(),
        text: text.iter().map(|s| s.to_string()).collect(),
    }
}

/// Runs every case, on as many threads as the machine has cores, and reports all failures
/// together, in the order of the list.
pub fn run_all(area: &str, cases: Vec<Case>) {
    let mut names = std::collections::HashSet::new();
    for case in &cases {
        assert!(names.insert(case.name), "two cases named {}", case.name);
    }
    let count = cases.len();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut failures: Vec<(usize, String)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut failed = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(case) = cases.get(i) else {
                            return failed;
                        };
                        if let Err(why) = run(area, case) {
                            failed.push((i, format!("- {}: {why}", case.name)));
                        }
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a case runner panicked"))
            .collect()
    });
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {count} {area} cases failed:\n{}",
        failures.len(),
        failures
            .into_iter()
            .map(|(_, f)| f)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn run(area: &str, case: &Case) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!(
        "report-hostile-{area}-{}-{}",
        case.name,
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    let root = dir.join("root");
    write_book(&dir, &root, case);
    let sources = snapshot(&root, &["target"]);
    let first = build(&root);
    let outcome = check(&root, case, &first);
    let outcome = outcome.and_then(|()| {
        if snapshot(&root, &["target"]) != sources {
            return Err("the build changed the book's sources".to_string());
        }
        let output = snapshot(&root.join("target/book"), &[]);
        for (path, bytes) in &output {
            if contains(bytes, SECRET.as_bytes()) {
                return Err(format!("{path} holds the text of a file outside book/"));
            }
            for markup in &case.forbidden {
                let page = path.ends_with(".html") || path.ends_with(".md");
                if page && contains(bytes, markup.as_bytes()) {
                    return Err(format!("{path} holds live markup from data: {markup}"));
                }
            }
        }
        let second = build(&root);
        if second.is_ok() != first.is_ok() {
            return Err("a second build ended differently".to_string());
        }
        if first.is_ok() && snapshot(&root.join("target/book"), &[]) != output {
            return Err("a second build gave different bytes".to_string());
        }
        Ok(())
    });
    let _ = fs::remove_dir_all(&dir);
    outcome
}

fn write_book(dir: &Path, root: &Path, case: &Case) {
    fs::create_dir_all(root.join("book/data")).unwrap();
    fs::write(dir.join("secret.txt"), SECRET).unwrap();
    let renderers = match case.expect {
        Expect::Markdown { .. } => "[output.html]\n\n[output.markdown]\n",
        _ => "",
    };
    let mode = match case.mode {
        Mode::Draft => "draft",
        Mode::Publish => "publish",
        Mode::Final => "final",
    };
    fs::write(
        root.join("book.toml"),
        format!(
            "[book]\ntitle = \"测试\"\nlanguage = \"zh-CN\"\nsrc = \"book\"\n\n[build]\nbuild-dir = \"target/book\"\ncreate-missing = false\n\n[output.html.search]\nenable = false\n\n[preprocessor.report]\nbefore = [\"links\"]\nmode = \"{mode}\"\n{}\n\n{renderers}",
            case.config
        ),
    )
    .unwrap();
    let mut summary = String::from("# Summary\n\n");
    for (path, title) in &case.chapters {
        summary.push_str(&format!("- [{title}]({path})\n"));
    }
    fs::write(root.join("book/SUMMARY.md"), summary).unwrap();
    for entry in &case.entries {
        let path = match entry {
            Entry::File(path, _) | Entry::Symlink(path, _) => root.join(path),
            Entry::Outside(name, _) => dir.join(name),
        };
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        match entry {
            Entry::File(_, bytes) | Entry::Outside(_, bytes) => fs::write(&path, bytes).unwrap(),
            Entry::Symlink(_, target) => {
                let _ = fs::remove_file(&path);
                std::os::unix::fs::symlink(target, &path).unwrap();
            }
        }
    }
    for (path, title) in &case.chapters {
        let file = root.join("book").join(path);
        if !file.exists() {
            fs::write(file, format!("# {title}\n")).unwrap();
        }
    }
}

/// Builds in process; a panic anywhere is a failure of the case, never of the runner.
fn build(root: &Path) -> Result<Result<(), String>, String> {
    let root = root.to_path_buf();
    let _ = fs::remove_dir_all(root.join("target"));
    catch_unwind(AssertUnwindSafe(|| {
        let mut book = MDBook::load(&root).map_err(|e| format!("{e:#}"))?;
        book.with_preprocessor(ReportPreprocessor);
        book.build().map_err(|e| format!("{e:#}"))
    }))
    .map_err(|panic| {
        let why = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("the build panicked: {why}")
    })
}

fn check(
    root: &Path,
    case: &Case,
    built: &Result<Result<(), String>, String>,
) -> Result<(), String> {
    let built = built.as_ref().map_err(Clone::clone)?;
    let page = |name: &str| -> Result<String, String> {
        let path = html_dir(root).join(name);
        let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(report_tests::main_of(&html).to_string())
    };
    match &case.expect {
        Expect::Html { page: p, contains } | Expect::Text { page: p, contains } => {
            built
                .as_ref()
                .map_err(|e| format!("the build failed: {e}"))?;
            let html = page(p)?;
            let hay = match case.expect {
                Expect::Text { .. } => readable(&html),
                _ => html.clone(),
            };
            for want in contains {
                if !hay.contains(want.as_str()) {
                    return Err(format!("{p} lacks {want:?}; it reads:\n{hay}"));
                }
            }
            Ok(())
        }
        Expect::Error { at, says } => {
            let shown = match (case.mode, built) {
                (Mode::Draft, Ok(())) => {
                    let html = page(&chapter_page(at))?;
                    if !html.contains("report-error") {
                        return Err(format!("no error box in the page:\n{html}"));
                    }
                    readable(&html)
                }
                (Mode::Draft, Err(e)) => return Err(format!("the draft build failed: {e}")),
                (_, Ok(())) => return Err("the build passed; it must fail".to_string()),
                (_, Err(e)) => e.clone(),
            };
            let want = format!("{at}: ");
            let found = shown.match_indices(&want).any(|(i, _)| {
                shown[i..]
                    .lines()
                    .next()
                    .unwrap_or("")
                    .contains(says.as_str())
            });
            if found {
                Ok(())
            } else {
                Err(format!("no error {at}: …{says}…; the build said:\n{shown}"))
            }
        }
        Expect::Handled { page: p, written } => {
            built
                .as_ref()
                .map_err(|e| format!("the build failed: {e}"))?;
            let html = page(p)?;
            let boxes =
                regex::Regex::new(r#"(?s)<(span|div) class="report-error"[^>]*>.*?</(span|div)>"#)
                    .unwrap();
            let outside = boxes.replace_all(&html, "");
            match outside.find(written.as_str()) {
                None => Ok(()),
                Some(i) => Err(format!(
                    "{p} shows {:?} raw:\n{html}",
                    outside[i..].chars().take(60).collect::<String>()
                )),
            }
        }
        Expect::Markdown {
            page: p,
            contains: wanted,
            text: read,
        } => {
            built
                .as_ref()
                .map_err(|e| format!("the build failed: {e}"))?;
            let path = root.join("target/book/markdown").join(p);
            let md = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            for want in wanted {
                if !md.contains(want.as_str()) {
                    return Err(format!("markdown/{p} lacks {want:?}; it reads:\n{md}"));
                }
            }
            let html = readable(&page(&p.replace(".md", ".html"))?);
            for want in read {
                if !html.contains(want.as_str()) {
                    return Err(format!("the HTML page lacks {want:?}; it reads:\n{html}"));
                }
            }
            Ok(())
        }
        Expect::Fails { says } => match built {
            Ok(()) => Err("the build passed; it must fail".to_string()),
            Err(e) if e.contains(says.as_str()) => Ok(()),
            Err(e) => Err(format!("the build failed without {says:?}: {e}")),
        },
    }
}

/// Where the HTML renderer wrote: `target/book/html` when several renderers run (or once
/// the downloads renderer lands), else `target/book`.
fn html_dir(root: &Path) -> PathBuf {
    let nested = root.join("target/book/html");
    if nested.is_dir() {
        nested
    } else {
        root.join("target/book")
    }
}

/// `book/a.md:3` → `a.html`.
fn chapter_page(at: &str) -> String {
    let file = at.split(':').next().unwrap_or(at);
    let file = file.strip_prefix("book/").unwrap_or(file);
    format!("{}.html", file.strip_suffix(".md").unwrap_or(file))
}

/// Every file under `dir` (not following links) with its bytes, skipping top-level `skip`.
fn snapshot(dir: &Path, skip: &[&str]) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, skip: &[&str], out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path: PathBuf = entry.path();
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if skip.contains(&rel.as_str()) {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_symlink() {
                let target = fs::read_link(&path).unwrap_or_default();
                out.insert(rel, target.to_string_lossy().into_owned().into_bytes());
            } else if kind.is_dir() {
                walk(base, &path, skip, out);
            } else {
                out.insert(rel, fs::read(&path).unwrap_or_default());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, skip, &mut out);
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// What a reader sees of an HTML fragment: tags removed, character references decoded.
fn readable(html: &str) -> String {
    let text = report_tests::text_of(html);
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
