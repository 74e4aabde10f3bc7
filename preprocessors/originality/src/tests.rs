use std::fs;
use std::path::PathBuf;

use super::*;

/// Sources written into a temporary book root, checked with `config`.
struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn new(name: &str, files: &[(&str, &str)]) -> Fixture {
        let root =
            std::env::temp_dir().join(format!("originality-lib-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("book")).unwrap();
        for (path, text) in files {
            let path = root.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        Fixture { root }
    }

    fn checker(&self, toml: &str) -> Checker {
        let config = Config::from_table(&toml::from_str(toml).unwrap()).unwrap();
        Checker::load(config, &self.root, &self.root.join("book")).unwrap()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

const SEED: &str = "##### 目前进度\n\n根据中国医药保健品进出口商会数据，我国2023年出口药物以原料药为主（73.1%），制剂占比较低。\n\n我国医药产业的国际合作正在从产品贸易走向技术合作和产能合作。\n";

fn check(checker: &Checker, source: &str, skip: &[Range<usize>]) -> ChapterReport {
    checker.check(&Chapter {
        file: "book/trade.md",
        source,
        skip,
    })
}

#[test]
fn a_copied_sentence_is_found_whatever_its_punctuation_numbers_and_line_breaks() {
    let fx = Fixture::new("copy", &[("seeds/002.txt", SEED)]);
    let checker = fx.checker("sources = ['seeds']");
    let chapter =
        "# 贸易合作\n\n正文。\n我国医药产业的国际合作，正在从产品贸易\n走向技术合作与产能合作。\n";
    let report = check(&checker, chapter, &[]);
    assert_eq!(
        report.overlaps,
        [Overlap {
            line: 4,
            source: "seeds/002.txt".into(),
            source_line: 5,
            chars: 24,
            text: "我国医药产业的国际合作，正在从产品贸易走向技术合作".into(),
        }]
    );
    let msg = report.overlaps[0].message();
    assert!(
        msg.starts_with("与查重来源 seeds/002.txt:5 有连续 24 字相同：「我国医药"),
        "{msg}"
    );
    // 贸易合作, 正文, then the line: the run and 与产能合作 (four shared characters are
    // too short to count in the share).
    assert_eq!(report.chars, 4 + 2 + 24 + 5);
    assert_eq!(report.shared, 24);
}

#[test]
fn figures_carry_over_and_placeholders_stand_for_them() {
    let fx = Fixture::new("figures", &[("seeds/002.txt", SEED)]);
    let checker = fx.checker("sources = ['seeds']");
    let chapter = "我国{{#value y}}年出口药物以原料药为主（{{#value s}}），制剂占比较低。";
    let skip: Vec<Range<usize>> = ["{{#value y}}", "{{#value s}}"]
        .iter()
        .map(|p| {
            let i = chapter.find(p).unwrap();
            i..i + p.len()
        })
        .collect();
    let report = check(&checker, chapter, &skip);
    assert_eq!(report.overlaps.len(), 1, "{report:?}");
    assert_eq!(report.overlaps[0].chars, 19);
    assert_eq!(
        report.overlaps[0].text,
        "我国{{#value y}}年出口药物以原料药为主（{{#value s}}），制剂占比较低"
    );
}

#[test]
fn titles_quotations_and_ignored_names_are_not_overlaps_but_count_in_the_share() {
    let seed = "依据《关于全面深化药品医疗器械监管改革促进医药产业高质量发展的意见》的要求推进。";
    let fx = Fixture::new("except", &[("seeds/a.md", seed)]);
    let checker = fx.checker("sources = ['seeds']\nignore = ['中国医药保健品进出口商会']");
    let chapter =
        "本报告依据《关于全面深化药品医疗器械监管改革促进医药产业高质量发展的意见》，提出建议。";
    let report = check(&checker, chapter, &[]);
    assert!(report.overlaps.is_empty(), "{report:?}");
    assert!(report.shared >= 30, "titles count in the share: {report:?}");

    let fx = Fixture::new("names", &[("seeds/002.txt", SEED)]);
    let checker = fx.checker("sources = ['seeds']\nignore = ['中国医药保健品进出口商会']");
    let report = check(&checker, "本章根据中国医药保健品进出口商会数据整理。", &[]);
    assert!(report.overlaps.is_empty(), "{report:?}");
    let checker = fx.checker("sources = ['seeds']\nmin-run = 12");
    let report = check(&checker, "本章根据中国医药保健品进出口商会数据整理。", &[]);
    assert_eq!(
        report.overlaps.len(),
        1,
        "without the ignore list: {report:?}"
    );
}

#[test]
fn tables_and_skipped_ranges_are_not_prose() {
    let fx = Fixture::new("tables", &[("seeds/002.txt", SEED)]);
    let checker = fx.checker("sources = ['seeds']");
    let chapter = "前言。\n\n| 说明 |\n|---|\n| 我国医药产业的国际合作正在从产品贸易走向技术合作和产能合作 |\n\n`我国医药产业的国际合作正在从产品贸易走向技术合作和产能合作`\n";
    let code = chapter.find('`').unwrap()..chapter.len() - 1;
    let report = check(&checker, chapter, &[code]);
    assert_eq!(report.chars, 2, "{report:?}");
    assert!(report.overlaps.is_empty());
}

#[test]
fn a_run_is_reported_once_with_its_first_source() {
    let fx = Fixture::new(
        "twice",
        &[
            ("seeds/a.txt", SEED),
            ("seeds/b.txt", &format!("前言。{SEED}{SEED}")),
        ],
    );
    let checker = fx.checker("sources = ['seeds']");
    let report = check(
        &checker,
        "我国医药产业的国际合作正在从产品贸易走向技术合作和产能合作",
        &[],
    );
    assert_eq!(report.overlaps.len(), 1, "{report:?}");
    assert_eq!(report.overlaps[0].source, "seeds/a.txt");
    assert_eq!(report.overlaps[0].chars, 29);
}

#[test]
fn the_share_and_its_summary() {
    let fx = Fixture::new("share", &[("seeds/002.txt", SEED)]);
    let checker = fx.checker("sources = ['seeds']\nmax-share = 10");
    // Nine shared characters are too short a run to count; eleven count.
    let report = check(&checker, "技术合作和产能合作之外另写十字的内容啊", &[]);
    assert_eq!((report.chars, report.shared), (19, 0));
    let report = check(&checker, "走向技术合作和产能合作另写九字的内容啊", &[]);
    assert_eq!((report.chars, report.shared), (19, 11));
    assert!(report.over(Some(10.0)));
    assert_eq!(
        report.summary(checker.config()),
        "57.9%（共 19 字，其中 11 字在 10 字以上的相同片段中，超过上限 10%）"
    );
    let empty = check(&checker, "", &[]);
    assert_eq!(empty.share(), 0.0);
}

#[test]
fn no_sources_find_nothing_and_say_why() {
    let fx = Fixture::new("none", &[]);
    let checker = fx.checker("sources = ['../nowhere']");
    assert_eq!(checker.problems.len(), 1);
    let report = check(&checker, SEED, &[]);
    assert!(report.overlaps.is_empty());
    assert_eq!(report.shared, 0);
}
