//! The originality check (查重) in real builds: fixture books with their own sources, and
//! the report itself against the seeds it is written from.

use std::path::PathBuf;

use report_tests::{FixtureBook, mdbook_build, preprocessor_bin, renderer_command, repo_root};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const SOURCE: &str = "工作稿\n我国医药产业的国际合作正在从产品贸易走向技术合作和产能合作。\n";

/// A book whose chapter copies a sentence of `seeds/draft.txt` (beside `book/`).
fn copying_book(name: &str, config: &str) -> FixtureBook {
    let book = FixtureBook::new(name, &[("a.md", "甲")]);
    book.write("seeds/draft.txt", SOURCE);
    book.config(&format!(
        "[preprocessor.report.originality]\nsources = [\"seeds\"]\n{config}"
    ));
    book.write(
        "book/a.md",
        "# 甲\n\n正文。\n我国医药产业的国际合作，正在从产品贸易走向技术合作和产能合作。\n",
    );
    book
}

const FINDING: &str = "book/a.md:4: 与查重来源 seeds/draft.txt:2 有连续 29 字相同：「我国医药产业的国际合作，正在从产品贸易走向技术合作和产能合作」";

#[test]
fn an_overlap_is_a_warning_in_draft_and_publish_and_an_error_in_final() {
    let book = copying_book("originality-modes", "");
    for mode in ["draft", "publish"] {
        let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", mode)]);
        let log = stderr(&out);
        assert!(out.status.success(), "{mode}: {log}");
        assert!(
            log.contains(&format!("[report] 提醒 查重 {FINDING}")),
            "{mode}: {log}"
        );
        assert!(
            log.contains("book/a.md  90.6%（共 32 字，其中 29 字在 10 字以上的相同片段中）"),
            "{mode}: {log}"
        );
    }
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "final")]);
    let log = stderr(&out);
    assert!(!out.status.success(), "{log}");
    assert!(log.contains("final 构建未通过：查重发现 1 处问题"), "{log}");
    assert!(log.contains(&format!("  {FINDING}")), "{log}");
}

#[test]
fn fail_always_max_share_and_never() {
    let book = copying_book(
        "originality-always",
        "fail = \"always\"\nmin-run = 40\nmax-share = 50",
    );
    let out = book.build_cli(&[]);
    let log = stderr(&out);
    assert!(!out.status.success(), "{log}");
    assert!(
        log.contains("book/a.md:1: 本章与查重来源相同的 10 字以上片段占 90.6%"),
        "a run of 29 is below min-run = 40, but the share is over 50%: {log}"
    );
    assert!(!log.contains("有连续"), "{log}");

    book.config("[preprocessor.report.originality]\nsources = [\"seeds\"]\nfail = \"never\"");
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "final")]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn quoted_and_ignored_text_is_no_overlap() {
    let book = copying_book(
        "originality-quoted",
        "ignore = [\"我国医药产业的国际合作\"]",
    );
    book.write(
        "book/a.md",
        "# 甲\n\n工作稿写道：“我国医药产业的国际合作正在从产品贸易走向技术合作和产能合作”。\n\n我国医药产业的国际合作正在从产品贸易转向别处。\n",
    );
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "final")]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn sources_inside_the_book_or_missing_are_said_plainly() {
    let book = FixtureBook::new("originality-inside", &[("a.md", "甲")]);
    book.write("book/seeds/x.txt", SOURCE);
    book.write("book/a.md", "# 甲\n\n正文。\n");
    book.config("[preprocessor.report.originality]\nsources = [\"book/seeds\"]");
    let out = book.build_cli(&[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("查重来源不能随书发布"),
        "{}",
        stderr(&out)
    );

    book.config(
        "[preprocessor.report.originality]\nsources = [\"../nowhere-originality\"]\nmin-run = 1",
    );
    let out = book.build_cli(&[]);
    assert!(!out.status.success(), "a misconfigured run length fails");
    assert!(
        stderr(&out).contains("min-run 应是 2 到 1000 之间的整数"),
        "{}",
        stderr(&out)
    );

    book.config("[preprocessor.report.originality]\nsources = [\"../nowhere-originality\"]");
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__MODE", "final")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("[report] 提醒 查重：查重来源「../nowhere-originality」不存在"),
        "{}",
        stderr(&out)
    );
    let out = book.build_cli(&[("MDBOOK_PREPROCESSOR__REPORT__ORIGINALITY__FAIL", "always")]);
    assert!(
        !out.status.success(),
        "`cargo xtask originality` must not pass unchecked"
    );
}

/// The seeds: `$REPORT_SEEDS`, else `../shared/seeds` beside the repository.
fn seeds() -> Option<PathBuf> {
    let dir = std::env::var_os("REPORT_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/seeds"));
    dir.is_dir().then(|| dir.canonicalize().unwrap())
}

/// The report against both seeds, as `cargo xtask originality` checks it: no run of 15
/// characters or more outside the exceptions, no chapter above 10% in runs of 10 or more
/// (book.toml's `min-run` and `max-share`). Where the seeds are absent (a fresh clone) there
/// is nothing to check against, and the test says so.
#[test]
fn the_report_shares_no_run_of_15_with_the_seeds() {
    let Some(seeds) = seeds() else {
        eprintln!("no seeds at ../shared/seeds (or $REPORT_SEEDS): nothing to check against");
        return;
    };
    let out_dir = std::env::temp_dir().join(format!("report-originality-{}", std::process::id()));
    let bin = preprocessor_bin();
    let out = mdbook_build(
        &repo_root(),
        &[
            (
                "MDBOOK_PREPROCESSOR__REPORT__COMMAND",
                &bin.to_string_lossy(),
            ),
            ("MDBOOK_OUTPUT__REPORT__COMMAND", &renderer_command()),
            ("MDBOOK_BUILD__BUILD_DIR", &out_dir.to_string_lossy()),
            (
                "MDBOOK_PREPROCESSOR__REPORT__ORIGINALITY__SOURCES",
                &seeds.to_string_lossy(),
            ),
            ("MDBOOK_PREPROCESSOR__REPORT__ORIGINALITY__FAIL", "always"),
        ],
    );
    let _ = std::fs::remove_dir_all(&out_dir);
    let log = stderr(&out);
    // The shares, for the writers: `cargo test --test originality -- --nocapture`.
    for line in log
        .lines()
        .filter(|l| l.contains("查重") || l.contains("%（共"))
    {
        eprintln!("{line}");
    }
    assert!(
        log.contains("各章与之相同的 10 字以上片段所占比例"),
        "the check ran: {log}"
    );
    assert!(out.status.success(), "{log}");
}
