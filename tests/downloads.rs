//! Downloads of the real report, built with the pinned mdBook CLI and both renderers: every
//! table and chart links an `.xlsx` and a `.csv` that hold exactly the table the page shows
//! (read back with calamine and the csv crate), Chinese intact, the same bytes on every
//! build, nothing stale after the data changes, and `mdbook serve` keeps them current.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Cursor, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use calamine::{Data, Reader, Xlsx};
use regex::Regex;
use report_core::format::{Grouping, format_number};
use report_tests::{
    copy_dir, html_pages, html_root, mdbook_bin, mdbook_build, preprocessor_bin, renderer_command,
    repo_root, unescape_html,
};

/// A copy of the report in a temporary folder.
struct Report {
    root: PathBuf,
}

impl Report {
    fn copy(name: &str) -> Report {
        let root = std::env::temp_dir().join(format!("report-dl-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        let repo = repo_root();
        fs::copy(repo.join("book.toml"), root.join("book.toml")).unwrap();
        copy_dir(&repo.join("book"), &root.join("book"));
        copy_dir(&repo.join("assets"), &root.join("assets"));
        Report { root }
    }

    fn env() -> Vec<(&'static str, String)> {
        vec![
            (
                "MDBOOK_PREPROCESSOR__REPORT__COMMAND",
                preprocessor_bin().to_string_lossy().into_owned(),
            ),
            ("MDBOOK_OUTPUT__REPORT__COMMAND", renderer_command()),
        ]
    }

    fn build(&self) -> Output {
        let env = Report::env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let out = mdbook_build(&self.root, &env);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn downloads(&self) -> PathBuf {
        html_root(&self.root).join("downloads")
    }

    /// Every file in the HTML output's downloads/, with its bytes.
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        fs::read_dir(self.downloads())
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

impl Drop for Report {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// A table of a page and the downloads linked under it.
struct Shown {
    page: String,
    caption: String,
    headings: Vec<String>,
    rows: Vec<Vec<String>>,
    xlsx: String,
    csv: String,
    save_as: String,
}

fn cell_text(html: &str) -> String {
    let tags = Regex::new(r"<[^>]*>").unwrap();
    unescape_html(tags.replace_all(html, "").trim())
}

/// Every report table and every chart's data table of a built page, with its links.
fn shown_tables(root: &Path, page: &Path) -> Vec<Shown> {
    let html = fs::read_to_string(page).unwrap();
    let name = page
        .strip_prefix(html_root(root))
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let block = Regex::new(
        r#"(?s)<(div class="report-table"|figure class="report-figure")[^>]*>(.*?)<span class="report-downloads">(.*?)</a></span>"#,
    )
    .unwrap();
    let caption =
        Regex::new(r"(?s)<caption[^>]*>(.*?)</caption>|<figcaption[^>]*>(.*?)</figcaption>")
            .unwrap();
    let table = Regex::new(r"(?s)<table[^>]*>(.*?)</table>").unwrap();
    let row = Regex::new(r"(?s)<tr[^>]*>(.*?)</tr>").unwrap();
    let cell = Regex::new(r"(?s)<t[hd][^>]*>(.*?)</t[hd]>").unwrap();
    let link = Regex::new(r#"href="([^"]+)" download="([^"]+)""#).unwrap();
    let mut out = Vec::new();
    for b in block.captures_iter(&html) {
        let body = &b[2];
        let caption = caption
            .captures(body)
            .map(|c| cell_text(c.get(1).or(c.get(2)).unwrap().as_str()))
            .expect("a caption");
        let table = &table.captures(body).expect("a table")[1];
        let mut rows: Vec<Vec<String>> = row
            .captures_iter(table)
            .map(|r| {
                cell.captures_iter(&r[1])
                    .map(|c| cell_text(&c[1]))
                    .collect()
            })
            .collect();
        let headings = rows.remove(0);
        let links: Vec<(String, String)> = link
            .captures_iter(&b[3])
            .map(|l| (l[1].to_string(), unescape_html(&l[2])))
            .collect();
        assert_eq!(links.len(), 2, "{name}: {caption}: {}", &b[3]);
        out.push(Shown {
            page: name.clone(),
            caption,
            headings,
            rows,
            xlsx: links[0].0.clone(),
            csv: links[1].0.clone(),
            save_as: links[0].1.clone(),
        });
    }
    out
}

/// A number read from the workbook, printed the way its number format says; the page's
/// text is compared without thousands separators.
fn as_shown(value: f64, code: &str) -> String {
    let first = code.split(';').next().unwrap();
    let signed = first.starts_with('+');
    let decimals = first
        .split_once('.')
        .map_or(0, |(_, f)| f.chars().take_while(|c| *c == '0').count());
    let unit: String = first
        .split('\\')
        .skip(1)
        .filter_map(|part| part.chars().next())
        .collect();
    format!(
        "{}{unit}",
        format_number(value, decimals, signed, Grouping::Never)
    )
}

fn ungrouped(text: &str) -> String {
    text.replace(',', "")
}

/// The workbook's rows from the headings on, as the page would print them.
fn workbook_rows(bytes: &[u8], what: &str) -> (String, Vec<String>, Vec<Vec<String>>) {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap_or_else(|e| panic!("{what}: {e}"));
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let styles = book.worksheet_style(&sheet).unwrap();
    let mut rows = Vec::new();
    for (r, cells) in range.rows().enumerate() {
        let r = r as u32 + range.start().unwrap().0;
        rows.push(
            cells
                .iter()
                .enumerate()
                .map(|(c, data)| match data {
                    Data::String(s) => s.clone(),
                    Data::Float(v) => {
                        let code = styles
                            .get((r, c as u32))
                            .and_then(|s| s.number_format.as_ref())
                            .map(|f| f.format_code.clone())
                            .unwrap_or_else(|| panic!("{what}: R{r}C{c} has no number format"));
                        as_shown(*v, &code)
                    }
                    Data::Empty => String::new(),
                    other => panic!("{what}: unexpected cell {other:?}"),
                })
                .collect::<Vec<String>>(),
        );
    }
    // Title, unit, source and notes, a blank row, then the headings.
    let blank = rows
        .iter()
        .position(|r| r.iter().all(String::is_empty))
        .unwrap();
    let title = rows[0][0].clone();
    let headings = rows[blank + 1].clone();
    let data = rows[blank + 2..].to_vec();
    (
        sheet,
        vec![title].into_iter().chain(headings).collect(),
        data,
    )
}

fn trim_row(row: &[String]) -> Vec<String> {
    let mut row = row.to_vec();
    while row.last().is_some_and(String::is_empty) {
        row.pop();
    }
    row
}

#[test]
fn every_table_and_chart_offers_what_it_shows_as_xlsx_and_csv() {
    let report = Report::copy("each");
    report.build();
    let files = report.files();
    let mut linked = BTreeSet::new();
    let mut checked = 0;
    for page in html_pages(&report.root) {
        if page.ends_with("print.html") {
            continue;
        }
        for shown in shown_tables(&report.root, &page) {
            let what = format!("{}: {}", shown.page, shown.caption);
            let xlsx_name = shown.xlsx.rsplit('/').next().unwrap().to_string();
            let csv_name = shown.csv.rsplit('/').next().unwrap().to_string();
            assert!(
                shown.xlsx.ends_with(".xlsx") && shown.csv.ends_with(".csv"),
                "{what}"
            );
            let xlsx = files
                .get(&xlsx_name)
                .unwrap_or_else(|| panic!("{what}: {xlsx_name} is missing"));
            let csv = files
                .get(&csv_name)
                .unwrap_or_else(|| panic!("{what}: {csv_name} is missing"));
            linked.insert(xlsx_name.clone());
            linked.insert(csv_name);

            // The title is the caption without its unit; the saved name is the title.
            let (sheet, head, data) = workbook_rows(xlsx, &what);
            let title = &head[0];
            assert!(
                shown.caption.starts_with(title.as_str()),
                "{what}: title {title}"
            );
            let safe: String = title
                .chars()
                .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
                .collect();
            assert_eq!(shown.save_as, format!("{safe}.xlsx"), "{what}");
            assert_eq!(
                sheet,
                title.split(' ').next().unwrap(),
                "{what}: sheet name"
            );
            assert!(
                sheet.starts_with('表') || sheet.starts_with('图'),
                "{what}: {sheet}"
            );
            assert_eq!(head[1..], shown.headings[..], "{what}: headings");
            assert_eq!(data.len(), shown.rows.len(), "{what}: rows");
            for (got, want) in data.iter().zip(&shown.rows) {
                let want: Vec<String> = want.iter().map(|t| ungrouped(t)).collect();
                assert_eq!(trim_row(got), trim_row(&want), "{what}: xlsx row");
            }

            // The CSV: a byte-order mark, the same title and headings, plain numbers.
            assert_eq!(&csv[..3], b"\xEF\xBB\xBF", "{what}: no BOM");
            assert!(
                csv[3..].starts_with(title.as_bytes()),
                "{what}: CSV title bytes"
            );
            let records: Vec<Vec<String>> = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(&csv[3..])
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect();
            let blank = records
                .iter()
                .position(|r| r.iter().all(String::is_empty))
                .unwrap();
            assert_eq!(records[blank + 1], shown.headings, "{what}: CSV headings");
            for (got, want) in records[blank + 2..].iter().zip(&shown.rows) {
                let want: Vec<String> = want
                    .iter()
                    .map(|t| ungrouped(t.strip_prefix('+').unwrap_or(t)))
                    .collect();
                assert_eq!(trim_row(got), trim_row(&want), "{what}: CSV row");
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 20,
        "only {checked} tables and charts were checked"
    );
    // No file ships that no page links.
    let shipped: BTreeSet<String> = files.keys().cloned().collect();
    assert_eq!(shipped, linked, "downloads no page links");
}

#[test]
fn downloads_are_the_same_bytes_on_every_build_and_never_stale() {
    let report = Report::copy("bytes");
    report.build();
    let first = report.files();
    assert!(!first.is_empty());
    // A rebuild reuses what it made; a build from scratch makes the same bytes.
    report.build();
    assert!(report.files() == first, "a rebuild changed the downloads");
    fs::remove_dir_all(report.root.join("target")).unwrap();
    report.build();
    assert!(report.files() == first, "a clean build made other bytes");

    // Changing a figure changes the files of what shows it, and the old ones are gone.
    let data = report.root.join("book/data/trade/totals.csv");
    let csv = fs::read_to_string(&data).unwrap();
    let changed = csv.replacen("1079.6", "1079.7", 1);
    assert_ne!(csv, changed, "the test expects 1079.6 in trade/totals.csv");
    fs::write(&data, changed).unwrap();
    report.build();
    let second = report.files();
    let gone: Vec<&String> = first.keys().filter(|k| !second.contains_key(*k)).collect();
    let new: Vec<&String> = second.keys().filter(|k| !first.contains_key(*k)).collect();
    assert!(
        !gone.is_empty() && gone.len() == new.len(),
        "gone {gone:?}, new {new:?}"
    );
    assert!(
        gone.iter().all(|name| name.starts_with("trade-totals-")),
        "{gone:?}"
    );
    assert!(
        second
            .keys()
            .all(|k| first.contains_key(k) || new.contains(&k)),
        "a file of the old data remains"
    );
}

/// A free port on the loopback interface.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `GET path` from the server on `port`: the status code and the body.
fn get(port: u16, path: &str) -> Option<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let end = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&response[..end]);
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let mut body = response[end + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = unchunk(&body);
    }
    Some((status, body))
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&body[..line_end]).trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&body[line_end + 2..line_end + 2 + size]);
        body = &body[line_end + 4 + size..];
    }
    out
}

/// Polls `check` for up to a minute.
fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn mdbook_serve_serves_current_downloads_after_every_rebuild() {
    let report = Report::copy("serve");
    let port = free_port();
    let mut serve = Command::new(mdbook_bin());
    serve
        .args(["serve", "-p", &port.to_string(), "-n", "127.0.0.1"])
        .current_dir(&report.root)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (key, _) in std::env::vars() {
        if key.starts_with("MDBOOK_") && key != "MDBOOK_BIN" {
            serve.env_remove(key);
        }
    }
    for (k, v) in Report::env() {
        serve.env(k, v);
    }
    let _serving = Serving(serve.spawn().unwrap());
    let link = Regex::new(r#"href="(downloads/trade-totals-[0-9a-f]+\.xlsx)""#).unwrap();
    let first_link = |page: &[u8]| {
        link.captures(&String::from_utf8_lossy(page))
            .map(|c| c[1].to_string())
    };
    let first = wait_for("the first build", || {
        let (status, page) = get(port, "/trade.html")?;
        (status == 200).then_some(())?;
        first_link(&page)
    });
    let (status, bytes) = get(port, &format!("/{first}")).unwrap();
    assert_eq!(status, 200, "{first}");
    assert!(bytes.starts_with(b"PK"), "{first} is not a workbook");

    // A writer saves the dataset: the page links new files, and they are served.
    let data = report.root.join("book/data/trade/totals.csv");
    let csv = fs::read_to_string(&data).unwrap();
    fs::write(&data, csv.replacen("1079.6", "1079.7", 1)).unwrap();
    let second = wait_for("the rebuild", || {
        let (_, page) = get(port, "/trade.html")?;
        first_link(&page).filter(|l| *l != first)
    });
    let (status, bytes) = wait_for("the new download", || {
        get(port, &format!("/{second}")).filter(|(status, _)| *status == 200)
    });
    assert_eq!(status, 200);
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    assert!(
        range
            .used_cells()
            .any(|(_, _, d)| *d == Data::Float(1079.7)),
        "the served workbook does not hold the saved figure"
    );
    assert_eq!(
        get(port, &format!("/{first}")).unwrap().0,
        404,
        "the old file is still served"
    );
}
