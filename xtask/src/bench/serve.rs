//! How long a writer waits under `mdbook serve`: from saving a file to the rebuilt page.
//!
//! mdBook's watcher (by default one that looks at the files' times and sizes once a second)
//! sees the change, rebuilds the whole book, then tells the browser to reload through a
//! WebSocket (`/__livereload`). For each
//! trial this connects to that WebSocket like the browser does, changes a file, and times
//! two moments: when the chapter's HTML page has changed on disk, and when the reload
//! message arrives (the build is done, the browser reloads).

use std::fmt::Write as _;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::measure::Spread;
use super::{Book, Variant, mdbook, out_dir};
use crate::run::{self, Result};
use crate::tools::{self, Tools};

/// For each book, `mdbook serve` on the expanded variant (a chapter saved: mdBook's own
/// rebuild) and on the with-report variant (the same chapter saved, then a data file it
/// shows); a Markdown table of the waits.
pub fn table(tools: &Tools, books: &[Book], bench: &Path, trials: usize) -> Result<String> {
    let mut text = format!(
        "mdbook serve: from saving a file to the page rewritten on disk and to the reload \
         message; median (min–max) of {trials} trials, seconds (mdBook's watcher looks for \
         changes once a second, so about half a second of each wait is that)\n\n"
    );
    let _ = writeln!(
        text,
        "| book | served | file saved | page rewritten | reload sent |"
    );
    let _ = writeln!(text, "|---|---|---|---|---|");
    for book in books {
        let target = Target::find(book)?;
        for variant in [Variant::Expanded, Variant::With] {
            let src = match variant {
                Variant::With => &book.variants.with_src,
                _ => &book.variants.expanded_src,
            };
            let mut edits = vec![Edit {
                label: format!("chapter {}", target.chapter),
                file: src.join(&target.chapter),
                page: target.page.clone(),
                change: Change::AppendProse,
            }];
            if variant == Variant::With {
                edits.push(Edit {
                    label: format!("data {}", target.data),
                    file: src.join(&target.data),
                    page: target.page.clone(),
                    change: Change::Cell {
                        row: target.row.clone(),
                        col: target.col.clone(),
                    },
                });
            }
            run::progress(&format!("mdbook serve: {}, {}", book.name, variant.label()));
            ignore_nothing(bench)?;
            let dest = out_dir(bench, book, &format!("serve-{}", variant.slug()));
            let command = mdbook(tools, book, variant, "serve", &dest);
            let log =
                bench
                    .join("logs")
                    .join(format!("{}-serve-{}.log", book.slug, variant.slug()));
            let timings = match measure(command, || tools::html_dir(&dest), &log, &edits, trials) {
                Ok(timings) => timings,
                Err(error) => {
                    eprintln!("    {error}");
                    let _ = writeln!(
                        text,
                        "| {} | {} | | failed: {error} | |",
                        book.name,
                        variant.label()
                    );
                    continue;
                }
            };
            for timing in timings {
                let _ = writeln!(
                    text,
                    "| {} | {} | {} | {} | {} |",
                    book.name,
                    variant.label(),
                    timing.label,
                    timing.page_spread(),
                    Spread::of(timing.reload.iter().map(Duration::as_secs_f64))
                        .map_or_else(String::new, |s| s.show(2)),
                );
            }
        }
    }
    Ok(text)
}

/// mdBook's watcher skips what the nearest `.gitignore` above the book ignores, and the
/// repository's ignores `target/`, where the benchmark's books are: one in `target/bench`
/// that ignores nothing comes first.
fn ignore_nothing(bench: &Path) -> Result {
    let path = bench.join(".gitignore");
    if !path.exists() {
        fs::write(
            path,
            "# cargo xtask bench: mdbook serve watches the books below (see xtask/src/bench/serve.rs)\n",
        )?;
    }
    Ok(())
}

/// Where the trials edit: the first `{{#value DS row=K col=C}}` on a CSV dataset, in the
/// first chapter (outside the writer's guide) that has one; the chapter and that figure.
struct Target {
    chapter: String,
    page: String,
    data: String,
    row: String,
    col: String,
}

impl Target {
    fn find(book: &Book) -> Result<Target> {
        let src = &book.variants.with_src;
        let summary = fs::read_to_string(src.join("SUMMARY.md"))?;
        for link in summary.split("](").skip(1) {
            let chapter = link.split(')').next().unwrap_or_default();
            if chapter.starts_with("guide/") {
                continue;
            }
            let Ok(text) = fs::read_to_string(src.join(chapter)) else {
                continue;
            };
            for placeholder in text.split("{{#value ").skip(1) {
                let args = placeholder.split("}}").next().unwrap_or_default();
                let mut words = args.split_whitespace();
                let Some(ds) = words.next() else { continue };
                let (mut row, mut col) = (None, None);
                for word in words {
                    if let Some(value) = word.strip_prefix("row=") {
                        row = Some(value.to_owned());
                    } else if let Some(value) = word.strip_prefix("col=") {
                        col = Some(value.to_owned());
                    }
                }
                let data = format!("data/{ds}.csv");
                if let (Some(row), Some(col)) = (row, col)
                    && src.join(&data).is_file()
                {
                    return Ok(Target {
                        chapter: chapter.to_owned(),
                        page: chapter.replace(".md", ".html"),
                        data,
                        row,
                        col,
                    });
                }
            }
        }
        Err(format!(
            "{}: no {{{{#value DS row=K col=C}}}} on a CSV dataset to edit",
            book.name
        )
        .into())
    }
}

/// What a trial changes.
struct Edit {
    pub label: String,
    /// The file saved, and the chapter page (relative to the HTML output) that shows it.
    pub file: PathBuf,
    pub page: String,
    pub change: Change,
}

#[derive(Debug, Clone)]
enum Change {
    /// A line of prose appended to a chapter.
    AppendProse,
    /// One figure of a CSV dataset: the last digit of the cell in `row` (its first field)
    /// and column `col`, counted up by one.
    Cell { row: String, col: String },
}

/// The times of one edit's trials.
pub struct Timings {
    pub label: String,
    /// Save → page changed on disk; `None` where it did not change (a figure that rounds
    /// away).
    pub page: Vec<Option<Duration>>,
    /// Save → reload message.
    pub reload: Vec<Duration>,
}

impl Timings {
    /// The page times, saying how many trials left the page unchanged.
    fn page_spread(&self) -> String {
        let changed: Vec<f64> = self
            .page
            .iter()
            .flatten()
            .map(Duration::as_secs_f64)
            .collect();
        let missed = self.page.len() - changed.len();
        match Spread::of(changed) {
            Some(spread) if missed > 0 => format!("{} ({missed} unchanged)", spread.show(2)),
            Some(spread) => spread.show(2),
            None => "unchanged".to_owned(),
        }
    }
}

/// A running `mdbook serve`, stopped (by its own pid) when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `mdbook` (`mdbook serve` with its folder and environment), runs `trials` rounds
/// of the edits and restores every file it changed.
fn measure(
    mut mdbook: Command,
    html_dir: impl Fn() -> PathBuf,
    log: &Path,
    edits: &[Edit],
    trials: usize,
) -> Result<Vec<Timings>> {
    let port = free_port()?;
    let log_file = fs::File::create(log)?;
    mdbook
        .args(["--hostname", "127.0.0.1", "--port", &port.to_string()])
        .stdin(Stdio::null())
        .stdout(log_file.try_clone()?)
        .stderr(log_file);
    let mut server = Server {
        child: mdbook.spawn()?,
        port,
    };
    wait_until_listening(&mut server, log)?;

    let originals: Vec<(PathBuf, String)> = edits
        .iter()
        .map(|edit| Ok((edit.file.clone(), fs::read_to_string(&edit.file)?)))
        .collect::<Result<_>>()?;
    let result = trials_of(&mut server, &html_dir, log, edits, trials);
    for (file, text) in &originals {
        fs::write(file, text)?;
    }
    result
}

fn trials_of(
    server: &mut Server,
    html_dir: &impl Fn() -> PathBuf,
    log: &Path,
    edits: &[Edit],
    trials: usize,
) -> Result<Vec<Timings>> {
    let mut timings: Vec<Timings> = edits
        .iter()
        .map(|edit| Timings {
            label: edit.label.clone(),
            page: Vec::new(),
            reload: Vec::new(),
        })
        .collect();
    let mut rebuilds = rebuilds_logged(log);
    for trial in 1..=trials {
        for (edit, timing) in edits.iter().zip(&mut timings) {
            let page = html_dir().join(&edit.page);
            let before = fs::read(&page).unwrap_or_default();
            let reload = reload_listener(server.port)?;
            let text = fs::read_to_string(&edit.file)?;
            let changed = apply(&edit.change, &text, trial).ok_or_else(|| {
                format!(
                    "cannot make the change {:?} in {}",
                    edit.change,
                    edit.file.display()
                )
            })?;
            fs::write(&edit.file, changed)?;
            let saved = Instant::now();
            let mut page_time = None;
            let reload_time = loop {
                if page_time.is_none()
                    && let Ok(now) = fs::read(&page)
                    && now != before
                    && now.ends_with(b"</html>\n")
                {
                    page_time = Some(saved.elapsed());
                }
                match reload.try_recv() {
                    Ok(at) => break at.duration_since(saved),
                    Err(mpsc::TryRecvError::Empty) => {}
                    Err(mpsc::TryRecvError::Disconnected) => {
                        return Err(format!(
                            "`mdbook serve` sent no reload after {} was saved (see {})",
                            edit.file.display(),
                            log.display()
                        )
                        .into());
                    }
                }
                if let Some(status) = server.child.try_wait()? {
                    return Err(format!(
                        "`mdbook serve` stopped ({status}); see {}",
                        log.display()
                    )
                    .into());
                }
                if saved.elapsed() > Duration::from_secs(300) {
                    return Err(format!(
                        "no rebuild within five minutes of saving {} (see {})",
                        edit.file.display(),
                        log.display()
                    )
                    .into());
                }
                std::thread::sleep(Duration::from_millis(2));
            };
            // Let the watcher settle (it looks once a second), so that the next trial
            // starts on a quiet server; an extra rebuild would be a stray change.
            std::thread::sleep(Duration::from_millis(1500));
            rebuilds += 1;
            let logged = rebuilds_logged(log);
            if logged != rebuilds {
                eprintln!(
                    "    note: {logged} rebuilds logged where {rebuilds} were expected ({})",
                    log.display()
                );
                rebuilds = logged;
            }
            timing.page.push(page_time);
            timing.reload.push(reload_time);
        }
    }
    Ok(timings)
}

/// The text with the change for this trial.
fn apply(change: &Change, text: &str, trial: usize) -> Option<String> {
    match change {
        Change::AppendProse => {
            // No digits: the typed-number check would have a say about them.
            let marks = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
            Some(format!(
                "{text}\n基准测试修改{}。\n",
                marks[trial % marks.len()]
            ))
        }
        Change::Cell { row, col } => {
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            let header = lines.first()?.trim_start_matches('\u{feff}');
            let c = header.split(',').position(|name| name.trim() == col)?;
            let line = lines
                .iter_mut()
                .skip(1)
                .find(|line| line.split(',').next().map(str::trim) == Some(row.as_str()))?;
            let mut fields: Vec<String> = line.split(',').map(str::to_owned).collect();
            let field = fields.get_mut(c)?;
            let at = field.rfind(|ch: char| ch.is_ascii_digit())?;
            let digit = field.as_bytes()[at] - b'0';
            field.replace_range(at..=at, &((digit + 1) % 10).to_string());
            *line = fields.join(",");
            let mut out = lines.join("\n");
            if text.ends_with('\n') {
                out.push('\n');
            }
            Some(out)
        }
    }
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// How many rebuilds mdBook has logged (`Files changed: [...]`).
fn rebuilds_logged(log: &Path) -> usize {
    fs::read_to_string(log)
        .map(|text| text.matches("Files changed").count())
        .unwrap_or(0)
}

/// Waits for the first build and the watcher: mdBook logs `Watching for changes` (its
/// default, polling watcher) or `Listening for changes` (`--watcher native`).
fn wait_until_listening(server: &mut Server, log: &Path) -> Result {
    let started = Instant::now();
    loop {
        if fs::read_to_string(log).is_ok_and(|text| {
            text.contains("Watching for changes") || text.contains("Listening for changes")
        }) {
            // The polling watcher logs this before its first look at the files: a change
            // made before that look would be taken as the files' first state.
            std::thread::sleep(Duration::from_secs(3));
            return Ok(());
        }
        if let Some(status) = server.child.try_wait()? {
            return Err(format!("`mdbook serve` stopped ({status}); see {}", log.display()).into());
        }
        if started.elapsed() > Duration::from_secs(600) {
            return Err(format!("`mdbook serve` did not start; see {}", log.display()).into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Connects to the live-reload WebSocket like the browser does; the returned channel gets
/// the moment the reload message arrives.
fn reload_listener(port: u16) -> Result<mpsc::Receiver<Instant>> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    write!(
        stream,
        "GET /__livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n\
         Connection: Upgrade\r\nSec-WebSocket-Key: eGJlbmNoLXJlbG9hZA==\r\n\
         Sec-WebSocket-Version: 13\r\n\r\n"
    )?;
    let mut response = Vec::new();
    let mut byte = [0u8; 1];
    while !response.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte)?;
        response.push(byte[0]);
    }
    if !response.starts_with(b"HTTP/1.1 101") {
        return Err(format!(
            "the live-reload endpoint answered {}",
            String::from_utf8_lossy(&response)
                .lines()
                .next()
                .unwrap_or("")
        )
        .into());
    }
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(text) = read_text_frame(&mut stream) {
            if text == "reload" {
                let _ = sender.send(Instant::now());
                return;
            }
        }
    });
    Ok(receiver)
}

/// One WebSocket frame from the server (unmasked); its payload as text.
fn read_text_frame(stream: &mut impl Read) -> std::io::Result<String> {
    let mut head = [0u8; 2];
    stream.read_exact(&mut head)?;
    let mut len = u64::from(head[1] & 0x7f);
    if len == 126 {
        let mut ext = [0u8; 2];
        stream.read_exact(&mut ext)?;
        len = u64::from(u16::from_be_bytes(ext));
    } else if len == 127 {
        let mut ext = [0u8; 8];
        stream.read_exact(&mut ext)?;
        len = u64::from_be_bytes(ext);
    }
    let mut payload = vec![0u8; usize::try_from(len).unwrap_or(0)];
    stream.read_exact(&mut payload)?;
    Ok(String::from_utf8_lossy(&payload).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_one_figure_of_a_row() {
        let csv = "\u{feff}年份,出口额,进口额\n2023,12.5,3\n2024,13.9,4\n";
        let change = Change::Cell {
            row: "2024".into(),
            col: "出口额".into(),
        };
        assert_eq!(
            apply(&change, csv, 1).unwrap(),
            "\u{feff}年份,出口额,进口额\n2023,12.5,3\n2024,13.0,4\n"
        );
        let missing = Change::Cell {
            row: "2030".into(),
            col: "出口额".into(),
        };
        assert_eq!(apply(&missing, csv, 1), None);
    }

    #[test]
    fn appended_prose_differs_each_trial_and_has_no_digits() {
        let one = apply(&Change::AppendProse, "# 章\n", 1).unwrap();
        let two = apply(&Change::AppendProse, "# 章\n", 2).unwrap();
        assert_ne!(one, two);
        assert!(!one.contains(|c: char| c.is_ascii_digit()), "{one}");
    }

    #[test]
    fn reads_short_and_extended_frames() {
        let mut short: &[u8] = &[0x81, 6, b'r', b'e', b'l', b'o', b'a', b'd'];
        assert_eq!(read_text_frame(&mut short).unwrap(), "reload");
        let mut long = vec![0x81, 126, 0, 200];
        long.extend(std::iter::repeat_n(b'x', 200));
        assert_eq!(read_text_frame(&mut long.as_slice()).unwrap().len(), 200);
    }
}
