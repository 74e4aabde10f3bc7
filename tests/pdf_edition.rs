//! The PDF edition as a reader gets it. `cargo xtask test` makes it the way `cargo xtask pdf`
//! does (a publish build, then Paged.js in Chromium) and names it in `REPORT_PDF`; these
//! tests read it back with poppler (`pdfinfo`, `pdffonts`, `pdftotext`, `pdftoppm`) and hold
//! it against the site it was made from, the HTML output it lies in. `REPORT_PDF_FIXTURE`
//! is the PDF of `tests/pdf-fixture`, a small book with a table too wide and too long for a
//! page, which the report itself does not have.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use regex::Regex;
use report_tests::{repo_root, text_of, unescape_html};

/// The PDF, what poppler reads in it, and the site beside it.
struct Edition {
    pdf: PathBuf,
    html: PathBuf,
    info: String,
    /// Each page's lines, as `pdftotext -layout` lays them out.
    pages: Vec<Vec<String>>,
    site: Site,
}

/// What print.html of the same build holds: the book's title, each chapter's title (its first
/// `<h1>`) with its sections (`<h2>`), and the captions of figures and tables.
struct Site {
    title: String,
    chapters: Vec<(String, Vec<String>)>,
    figures: Vec<Figure>,
    tables: Vec<String>,
    pending: Vec<String>,
}

struct Figure {
    caption: String,
    source: String,
}

fn edition() -> &'static Edition {
    static EDITION: OnceLock<Edition> = OnceLock::new();
    EDITION.get_or_init(|| Edition::load("REPORT_PDF"))
}

fn fixture() -> &'static Edition {
    static FIXTURE: OnceLock<Edition> = OnceLock::new();
    FIXTURE.get_or_init(|| Edition::load("REPORT_PDF_FIXTURE"))
}

impl Edition {
    /// The PDF named by the environment variable `var`.
    fn load(var: &str) -> Edition {
        let pdf = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| {
            panic!(
                "{var} names a PDF to check; run these tests with `cargo xtask test`, which \
                 makes it"
            )
        });
        assert!(pdf.is_file(), "{} does not exist", pdf.display());
        let html = pdf.parent().unwrap().to_path_buf();
        let text = poppler("pdftotext", &["-layout", "-enc", "UTF-8"], &pdf, &["-"]);
        let mut pages: Vec<Vec<String>> = text
            .split('\u{c}')
            .map(|page| page.lines().map(str::to_string).collect())
            .collect();
        // pdftotext ends the last page with a form feed too.
        if pages
            .last()
            .is_some_and(|page| page.iter().all(|l| l.trim().is_empty()))
        {
            pages.pop();
        }
        Edition {
            info: poppler("pdfinfo", &[], &pdf, &[]),
            site: Site::read(&html.join("print.html")),
            pdf,
            html,
            pages,
        }
    }
}

/// Runs a poppler tool on the PDF and returns its standard output.
fn poppler(tool: &str, before: &[&str], pdf: &Path, after: &[&str]) -> String {
    let out = Command::new(tool)
        .args(before)
        .arg(pdf)
        .args(after)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text without any white space: pdftotext breaks lines and spaces CJK text as the layout
/// does, not as the source did.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn plain(html: &str) -> String {
    squeeze(&unescape_html(&text_of(html)))
}

impl Site {
    fn read(print: &Path) -> Site {
        let html = fs::read_to_string(print).unwrap();
        let title = Regex::new(r"<title>([^<]*)</title>")
            .unwrap()
            .captures(&html)
            .unwrap()[1]
            .to_string();
        let main = &html[html.find("<main>").unwrap()..html.rfind("</main>").unwrap()];
        let heading = Regex::new(r"(?s)<h([12])\b[^>]*>(.*?)</h[12]>").unwrap();
        let chapters = main
            .split(r#"<div style="break-before: page; page-break-before: always;"></div>"#)
            .filter_map(|chapter| {
                let mut title = None;
                let mut sections = Vec::new();
                for c in heading.captures_iter(chapter) {
                    match (&c[1], &title) {
                        ("1", None) => title = Some(plain(&c[2])),
                        ("2", _) => sections.push(plain(&c[2])),
                        _ => {}
                    }
                }
                Some((title?, sections))
            })
            .collect();
        let figure = Regex::new(
            r#"(?s)<figure\b.*?<figcaption\b[^>]*>(.*?)</figcaption>.*?<p class="report-source">(.*?)</p>"#,
        )
        .unwrap();
        let figures = figure
            .captures_iter(main)
            .map(|c| Figure {
                caption: plain(&c[1]),
                source: plain(&c[2]),
            })
            .filter(|f| f.caption.starts_with('图'))
            .collect();
        let caption = Regex::new(r"(?s)<caption\b[^>]*>(.*?)</caption>").unwrap();
        let tables = caption
            .captures_iter(main)
            .map(|c| plain(&c[1]))
            .filter(|c| c.starts_with('表'))
            .collect();
        let callout = Regex::new(r#"(?s)<div class="report-pending"[^>]*>(.*?)</div>"#).unwrap();
        let pending = callout.captures_iter(main).map(|c| plain(&c[1])).collect();
        Site {
            title,
            chapters,
            figures,
            tables,
            pending,
        }
    }
}

/// 1 → i, 4 → iv, 9 → ix.
fn roman(mut n: usize) -> String {
    let mut text = String::new();
    for (value, numeral) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            text.push_str(numeral);
            n -= value;
        }
    }
    text
}

impl Edition {
    fn page_text(&self, index: usize) -> String {
        squeeze(&self.pages[index].join("\n"))
    }

    fn all_text(&self) -> String {
        (0..self.pages.len()).map(|i| self.page_text(i)).collect()
    }

    /// A page's first and last lines that hold anything.
    fn first_line(&self, index: usize) -> String {
        let page = &self.pages[index];
        page.iter()
            .find(|l| !l.trim().is_empty())
            .map_or(String::new(), |l| squeeze(l))
    }

    fn footer(&self, index: usize) -> String {
        let page = &self.pages[index];
        page.iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .map_or(String::new(), |l| l.trim().to_string())
    }

    /// The page whose footer reads `label`.
    fn page_labelled(&self, label: &str) -> Option<usize> {
        (1..self.pages.len()).find(|&i| self.footer(i) == label)
    }

    /// The first page of the chapters: the one numbered 1.
    fn body_start(&self) -> usize {
        self.page_labelled("1").expect("no page is numbered 1")
    }

    /// The pages of the front-matter list titled `title` (目录, 图目录, 表目录).
    fn list_pages(&self, title: &str) -> Vec<usize> {
        let start = (1..self.body_start())
            .find(|&i| self.first_line(i) == title)
            .unwrap_or_else(|| panic!("no page opens with {title}"));
        let mut pages = vec![start];
        let lists = ["目录", "图目录", "表目录"];
        while let Some(&last) = pages.last() {
            let next = last + 1;
            if next >= self.body_start() || lists.contains(&self.first_line(next).as_str()) {
                break;
            }
            pages.push(next);
        }
        pages
    }

    /// The entries of a list, each its text (without white space) and its page label; an
    /// entry that wraps has its label on its last line.
    fn entries(&self, title: &str) -> Vec<(String, String)> {
        let labelled = Regex::new(r"^(.*\S)\s+(\d+|[ivx]+)$").unwrap();
        let mut entries = Vec::new();
        let mut pending = String::new();
        for page in self.list_pages(title) {
            let lines = &self.pages[page];
            let footer = lines.iter().rposition(|l| !l.trim().is_empty()).unwrap();
            for line in &lines[..footer] {
                let line = line.trim();
                if line.is_empty() || squeeze(line) == title {
                    continue;
                }
                match labelled.captures(line) {
                    Some(c) => {
                        pending.push_str(&squeeze(&c[1]));
                        entries.push((std::mem::take(&mut pending), c[2].to_string()));
                    }
                    None => pending.push_str(&squeeze(line)),
                }
            }
        }
        assert!(
            pending.is_empty(),
            "{title}: an entry without a page number: {pending}"
        );
        entries
    }

    /// Whether page `index` has a line that is `heading` (after an optional chapter label
    /// such as 第三章): the heading itself, not a running head or a mention in the text.
    fn has_heading_line(&self, index: usize, heading: &str) -> bool {
        self.pages[index].iter().any(|line| {
            let line = squeeze(line);
            line.ends_with(heading) && line.chars().count() <= heading.chars().count() + 4
        })
    }
}

#[test]
fn page_count_is_sane_and_every_page_is_a4() {
    let edition = edition();
    let pages: usize = Regex::new(r"(?m)^Pages:\s+(\d+)$")
        .unwrap()
        .captures(&edition.info)
        .unwrap()[1]
        .parse()
        .unwrap();
    assert_eq!(pages, edition.pages.len(), "pdfinfo and pdftotext disagree");
    // The report is some 30 pages; a layout that lost its chapters or broke every line onto
    // a page of its own falls outside.
    assert!((12..=150).contains(&pages), "{pages} pages");
    assert!(
        edition.info.contains("(A4)"),
        "pages are not A4: {}",
        edition.info
    );
    assert!(
        edition.info.contains("Tagged:          yes"),
        "{}",
        edition.info
    );
}

#[test]
fn the_cover_holds_the_title_the_authors_and_a_date() {
    let edition = edition();
    let cover = edition.page_text(0);
    assert!(
        cover.contains(&squeeze(&edition.site.title)),
        "the cover lacks the title {}: {cover}",
        edition.site.title
    );
    let book: toml::Table =
        toml::from_str(&fs::read_to_string(repo_root().join("book.toml")).unwrap()).unwrap();
    for author in book["book"]["authors"].as_array().unwrap() {
        let author = squeeze(author.as_str().unwrap());
        assert!(
            cover.contains(&author),
            "the cover lacks the author {author}: {cover}"
        );
    }
    assert!(
        Regex::new(r"20\d\d年\d{1,2}月").unwrap().is_match(&cover),
        "the cover has no date: {cover}"
    );
    assert!(
        edition
            .info
            .contains(&format!("Title:           {}", edition.site.title)),
        "the PDF's title: {}",
        edition.info
    );
}

#[test]
fn every_page_after_the_cover_carries_its_number() {
    let edition = edition();
    let body = edition.body_start();
    assert!(
        body >= 2,
        "no front matter between the cover and the first chapter"
    );
    for index in 1..edition.pages.len() {
        let expected = if index < body {
            roman(index)
        } else {
            (index - body + 1).to_string()
        };
        assert_eq!(
            edition.footer(index),
            expected,
            "page {} of the PDF: its last line is not its number {expected}",
            index + 1
        );
    }
}

#[test]
fn the_contents_list_every_chapter_and_section_with_the_page_it_starts_on() {
    let edition = edition();
    let entries = edition.entries("目录");
    let expected: Vec<(&String, bool)> = edition
        .site
        .chapters
        .iter()
        .flat_map(|(title, sections)| {
            std::iter::once((title, true)).chain(sections.iter().map(|s| (s, false)))
        })
        .collect();
    assert_eq!(
        entries.len(),
        expected.len(),
        "目录 has {} entries, the book {} chapters and sections: {entries:?}",
        entries.len(),
        expected.len()
    );
    for ((text, label), (heading, chapter)) in entries.iter().zip(expected) {
        assert!(
            text.ends_with(heading.as_str()),
            "目录 lists {text} where the book has {heading}"
        );
        let page = edition
            .page_labelled(label)
            .unwrap_or_else(|| panic!("目录 gives {heading} page {label}, which no page carries"));
        assert!(
            page >= edition.body_start(),
            "{heading} on front page {label}"
        );
        assert!(
            edition.has_heading_line(page, heading),
            "目录 gives {heading} page {label}, but the heading is not on it:\n{}",
            edition.pages[page].join("\n")
        );
        if chapter {
            // A chapter opens its page.
            assert!(
                edition.first_line(page).ends_with(heading.as_str()),
                "chapter {heading} does not open page {label}"
            );
        }
    }
}

#[test]
fn the_lists_of_figures_and_tables_give_each_caption_the_page_it_is_on() {
    let edition = edition();
    let figures: Vec<&String> = edition.site.figures.iter().map(|f| &f.caption).collect();
    assert!(!figures.is_empty() && !edition.site.tables.is_empty());
    for (title, captions) in [
        ("图目录", figures),
        ("表目录", edition.site.tables.iter().collect()),
    ] {
        let entries = edition.entries(title);
        let listed: Vec<&String> = entries.iter().map(|(text, _)| text).collect();
        assert_eq!(
            listed, captions,
            "{title} does not list the book's captions in order"
        );
        for (caption, label) in &entries {
            let page = edition.page_labelled(label).unwrap_or_else(|| {
                panic!("{title} gives {caption} page {label}, which no page carries")
            });
            assert!(
                edition.page_text(page).contains(caption.as_str()),
                "{title} gives {caption} page {label}, but it is not there"
            );
        }
    }
}

#[test]
fn a_chart_keeps_its_caption_and_source_on_its_page_and_nothing_interactive_is_printed() {
    let edition = edition();
    let figures = edition.entries("图目录");
    for (figure, (_, label)) in edition.site.figures.iter().zip(&figures) {
        let page = edition.page_text(edition.page_labelled(label).unwrap());
        let source: String = figure.source.chars().take(24).collect();
        assert!(
            page.contains(&source),
            "{}: its source line ({source}…) is not on its page {label}",
            figure.caption
        );
    }
    let text = edition.all_text();
    for interactive in ["查看图表数据", "下载数据（CSV）", "下载本报告PDF版"] {
        assert!(
            !text.contains(interactive),
            "the PDF prints 「{interactive}」"
        );
    }
    assert!(
        text.contains("数据文件："),
        "download links print no address"
    );
}

#[test]
fn a_publish_edition_prints_its_pending_callouts() {
    let edition = edition();
    let edition_json =
        fs::read_to_string(edition.html.parent().unwrap().join("report/edition.json")).unwrap();
    let edition_json: serde_json::Value = serde_json::from_str(&edition_json).unwrap();
    if edition_json["mode"] != "publish" {
        // A final build has no pending work: it would have failed.
        assert!(edition.site.pending.is_empty());
        return;
    }
    assert!(
        !edition.site.pending.is_empty(),
        "the publish site shows no pending work"
    );
    let text = edition.all_text();
    for callout in &edition.site.pending {
        let start: String = callout.chars().take(20).collect();
        assert!(
            text.contains(&start),
            "pending callout 「{start}…」 is not in the PDF"
        );
    }
}

/// `pdffonts` rows: (name, type, embedded, has a Unicode map).
fn fonts(pdf: &Path, page: Option<usize>) -> Vec<(String, String, bool, bool)> {
    let pages = page.map(|p| (p + 1).to_string());
    let range: Vec<&str> = match &pages {
        Some(p) => vec!["-f", p, "-l", p],
        None => vec![],
    };
    poppler("pdffonts", &range, pdf, &[])
        .lines()
        .skip(2)
        .map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let n = cols.len();
            // name type… encoding emb sub uni object generation
            (
                cols[0].to_string(),
                cols[1..n - 6].join(" "),
                cols[n - 5] == "yes",
                cols[n - 3] == "yes",
            )
        })
        .collect()
}

#[test]
fn every_font_is_embedded_with_its_unicode_map_and_the_text_is_set_in_noto() {
    let edition = edition();
    let all = fonts(&edition.pdf, None);
    assert!(!all.is_empty());
    for (name, kind, embedded, unicode) in &all {
        assert!(embedded, "font {name} ({kind}) is not embedded");
        assert!(
            unicode,
            "font {name} ({kind}) has no Unicode map: its text cannot be copied"
        );
    }
    let names: BTreeSet<String> = all.iter().map(|f| f.0.clone()).collect();
    for family in ["NotoSerifSC", "NotoSansSC"] {
        assert!(
            names.iter().any(|n| n.contains(family)),
            "no {family} font embedded: {names:?}"
        );
    }
    // Chromium turns glyphs it cannot embed as a font into unnamed Type 3 fonts: only the
    // halo drawn around chart labels may take that form, so only pages with a chart may
    // have one (the report's text in Type 3 would mean a font went missing).
    let chart_pages: BTreeSet<usize> = edition
        .entries("图目录")
        .iter()
        .filter_map(|(_, label)| edition.page_labelled(label))
        .collect();
    for page in 0..edition.pages.len() {
        if chart_pages.contains(&page) {
            continue;
        }
        let type3 = fonts(&edition.pdf, Some(page))
            .into_iter()
            .filter(|f| f.1 == "Type 3")
            .count();
        assert_eq!(
            type3,
            0,
            "page {} (no chart) has {type3} Type 3 fonts",
            page + 1
        );
    }
}

#[test]
fn the_bookmarks_name_every_chapter() {
    let edition = edition();
    let bytes = fs::read(&edition.pdf).unwrap();
    let pdf = String::from_utf8_lossy(&bytes);
    assert!(pdf.contains("/Type /Outlines"), "the PDF has no bookmarks");
    let titles: Vec<String> = Regex::new(r"/Title <FEFF([0-9A-Fa-f]*)>")
        .unwrap()
        .captures_iter(&pdf)
        .map(|c| {
            let units: Vec<u16> = (0..c[1].len())
                .step_by(4)
                .map(|i| u16::from_str_radix(&c[1][i..i + 4], 16).unwrap())
                .collect();
            squeeze(&String::from_utf16_lossy(&units))
        })
        .collect();
    for (chapter, _) in &edition.site.chapters {
        assert!(
            titles.iter().any(|t| t.ends_with(chapter.as_str())),
            "no bookmark for {chapter}: {titles:?}"
        );
    }
}

/// What only the writer's guide says: its chapters' titles and its demo datasets' titles,
/// read from the paths book.toml marks `draft-only`.
fn guide_texts() -> Vec<String> {
    let root = repo_root();
    let book: toml::Table =
        toml::from_str(&fs::read_to_string(root.join("book.toml")).unwrap()).unwrap();
    let draft_only = book["output"]["report"]["draft-only"].as_array().unwrap();
    let mut texts = Vec::new();
    for entry in draft_only {
        let path = root.join("book").join(entry.as_str().unwrap());
        let mut files = Vec::new();
        collect(&path, &mut files);
        for file in files {
            let text = fs::read_to_string(&file).unwrap_or_default();
            match file.extension().and_then(|e| e.to_str()) {
                Some("md") => texts.extend(
                    text.lines()
                        .filter_map(|l| l.strip_prefix("# "))
                        .map(squeeze),
                ),
                Some("toml") => {
                    if let Ok(meta) = toml::from_str::<toml::Table>(&text)
                        && let Some(title) = meta.get("title").and_then(|t| t.as_str())
                    {
                        texts.push(squeeze(title));
                    }
                }
                _ => {}
            }
        }
    }
    texts
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).unwrap().flatten() {
            collect(&entry.path(), out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}

#[test]
fn neither_the_pdf_nor_the_site_has_any_of_the_writers_guide() {
    let edition = edition();
    let guide = guide_texts();
    assert!(
        guide.len() >= 3,
        "the guide's texts were not found: {guide:?}"
    );
    let text = edition.all_text();
    for line in &guide {
        assert!(
            !text.contains(line.as_str()),
            "the PDF holds the guide's 「{line}」"
        );
    }
    assert!(
        !edition.html.join("guide").exists(),
        "the site has the guide's pages"
    );
    assert!(
        !edition.html.join("data/guide").exists(),
        "the site has the guide's demo data"
    );
    let index = fs::read_dir(&edition.html)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("searchindex")
                && p.extension().is_some_and(|x| x == "js")
        })
        .expect("a search index");
    let index = fs::read_to_string(index).unwrap();
    assert!(
        !index.contains("guide/"),
        "the search index has a guide page"
    );
    for line in &guide {
        assert!(
            !index.contains(line.as_str()),
            "the search index holds the guide's 「{line}」"
        );
    }
}

/// The PNG pages a person looks at: the contents and the first page with a chart, in
/// `target/pdf/`.
#[test]
fn renders_the_contents_and_a_chart_page_for_a_person_to_look_at() {
    let edition = edition();
    let out = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| repo_root().join("target"), |d| repo_root().join(d))
        .join("pdf");
    fs::create_dir_all(&out).unwrap();
    let contents = edition.list_pages("目录")[0];
    let (_, label) = &edition.entries("图目录")[0];
    let chart = edition.page_labelled(label).unwrap();
    for (name, page) in [("contents", contents), ("chart", chart)] {
        let page = (page + 1).to_string();
        let prefix = out.join(name);
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "110", "-singlefile", "-f", &page, "-l", &page])
            .arg(&edition.pdf)
            .arg(&prefix)
            .status()
            .unwrap();
        assert!(status.success());
        let png = prefix.with_extension("png");
        let size = fs::metadata(&png).unwrap().len();
        assert!(size > 20_000, "{} is only {size} bytes", png.display());
    }
}

/// A word on a page and its horizontal extent, in points: (xMin, xMax, word).
type Word = (f64, f64, String);

/// Each page's width and words (`pdftotext -bbox`).
fn word_boxes(pdf: &Path) -> Vec<(f64, Vec<Word>)> {
    let html = poppler("pdftotext", &["-bbox", "-enc", "UTF-8"], pdf, &["-"]);
    let page = Regex::new(r#"(?s)<page width="([\d.]+)" height="[\d.]+">(.*?)</page>"#).unwrap();
    let word = Regex::new(
        r#"<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>"#,
    )
    .unwrap();
    page.captures_iter(&html)
        .map(|p| {
            let words = word
                .captures_iter(&p[2])
                .map(|w| {
                    (
                        w[1].parse().unwrap(),
                        w[2].parse().unwrap(),
                        unescape_html(&w[3]),
                    )
                })
                .collect();
            (p[1].parse().unwrap(), words)
        })
        .collect()
}

/// No text of any page after the cover runs past the side margins (22 mm): a table cut at
/// the page edge, a long address or a chart too wide would.
fn assert_text_within_margins(edition: &Edition) {
    let margin = 22.0 / 25.4 * 72.0;
    for (index, (width, words)) in word_boxes(&edition.pdf).iter().enumerate().skip(1) {
        for (x_min, x_max, word) in words {
            assert!(
                *x_min >= margin - 1.0 && *x_max <= width - margin + 1.0,
                "page {}: 「{word}」 spans {x_min:.1}–{x_max:.1} pt, outside the text block \
                 ({margin:.1}–{:.1} pt)",
                index + 1,
                width - margin
            );
        }
    }
}

#[test]
fn no_text_runs_past_the_margins_of_the_report_or_the_fixture() {
    assert_text_within_margins(edition());
    assert_text_within_margins(fixture());
}

/// The fixture's wide table as its CSV has it: the header, then each row's cells.
fn wide_table() -> (Vec<String>, Vec<Vec<String>>) {
    let csv = fs::read_to_string(repo_root().join("tests/pdf-fixture/book/data/wide.csv")).unwrap();
    let mut lines = csv
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect::<Vec<_>>());
    (lines.next().unwrap(), lines.collect())
}

/// Whether a line of the fixture's PDF is a row of the wide table (地区00 …).
fn is_row(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    first
        .strip_prefix("地区")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn a_table_wider_than_the_page_keeps_every_column_and_a_long_one_every_row_in_order() {
    let fixture = fixture();
    let (header, rows) = wide_table();
    let found: Vec<Vec<String>> = fixture
        .pages
        .iter()
        .flatten()
        .filter(|line| is_row(line))
        .map(|line| line.split_whitespace().map(str::to_string).collect())
        .collect();
    assert_eq!(found.len(), rows.len(), "rows in the PDF: {found:?}");
    for (printed, row) in found.iter().zip(&rows) {
        assert_eq!(printed, row, "a row lost cells or was split");
    }
    // The header row: each column's name is printed (its unit may wrap below it).
    let first = fixture
        .pages
        .iter()
        .position(|p| p.iter().any(|l| l.contains("地区00")))
        .unwrap();
    let text = fixture.page_text(first);
    for name in &header[1..] {
        assert!(
            text.contains(name.as_str()),
            "column {name} is not on the table's first page"
        );
    }
}

#[test]
fn a_table_longer_than_a_page_breaks_between_rows_and_repeats_its_header_row() {
    let fixture = fixture();
    let (header, _) = wide_table();
    let last = header.last().unwrap();
    let pages: Vec<usize> = (0..fixture.pages.len())
        .filter(|&i| fixture.pages[i].iter().any(|l| is_row(l)))
        .collect();
    assert!(
        pages.len() >= 2,
        "the long table fits on {} page(s)",
        pages.len()
    );
    for &page in &pages {
        let lines = &fixture.pages[page];
        let head = lines.iter().position(|l| l.contains(last.as_str()));
        let first_row = lines.iter().position(|l| is_row(l)).unwrap();
        assert!(
            head.is_some_and(|h| h < first_row),
            "page {}: the table's rows go on without its header row",
            page + 1
        );
    }
    // The source line follows the last row, on the table's last page.
    let end = *pages.last().unwrap();
    assert!(fixture.page_text(end).contains("数据来源：版式测试数据"));
}
