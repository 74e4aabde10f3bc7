use super::*;
use crate::test_support::ChapterFixture;

fn found(source: &str) -> Vec<(PendingKind, String, bool, Option<usize>)> {
    found_with(&PendingConfig::default(), source)
}

fn found_with(
    cfg: &PendingConfig,
    source: &str,
) -> Vec<(PendingKind, String, bool, Option<usize>)> {
    let fixture = ChapterFixture::new("t.md", "T", source);
    let chapter = fixture.chapter();
    marks(cfg, &chapter)
        .into_iter()
        .map(|m| {
            if m.kind != PendingKind::Marker {
                assert_eq!(strip_brackets(&source[m.span.clone()]), m.note.as_str());
            }
            (m.kind, m.note, m.block, m.heading)
        })
        .collect()
}

fn notes(source: &str) -> Vec<String> {
    found(source).into_iter().map(|(_, n, _, _)| n).collect()
}

#[test]
fn finds_every_kind_of_bracketed_note() {
    assert_eq!(
        notes(
            "甲【待补充数据】乙【缺针对中药的情况】丙【差一个调研】丁【现状待整理】戊【待完善】己【政策待完善】"
        ),
        [
            "待补充数据",
            "缺针对中药的情况",
            "差一个调研",
            "现状待整理",
            "待完善",
            "政策待完善"
        ]
    );
}

#[test]
fn a_bare_daibuchong_is_a_note_where_it_starts_a_clause() {
    assert_eq!(notes("出口额：待补充数据。"), ["待补充数据"]);
    assert_eq!(notes("待补充\n"), ["待补充"]);
    assert_eq!(notes("| 贸易合作 | 待补充数据 |"), ["待补充数据"]);
    assert_eq!(notes("2024年 待补充"), ["待补充"]);
}

#[test]
fn a_daibuchong_inside_prose_is_not_a_note() {
    assert!(notes("政策体系有待补充和完善。").is_empty());
    assert!(notes("现状部分仍有较多内容待补充，挑战尚待补充。").is_empty());
    assert!(notes("单元格写着“待补充”或「待补充」时").is_empty());
}

#[test]
fn the_outermost_note_wins() {
    assert_eq!(notes("【待补充数据】"), ["待补充数据"]);
    assert_eq!(
        found("【待补充（你看看）】")[0].0,
        PendingKind::Note,
        "one note, not a note and an editorial"
    );
}

#[test]
fn ordinary_brackets_are_not_notes() {
    assert!(notes("【来自中国医药保健品进出口商会的数据】【专栏】").is_empty());
}

#[test]
fn editorial_notes_of_the_seed_draft_are_caught() {
    for text in [
        "医保、集采（多分析，不要数据，可以用一部分你写在制度里的针对外资企业的那段分析）",
        "海外市场准入壁垒问题（可以用你写好的那段）",
        "区域性合作机制 （要写总体情况（不要举例），你写的有一部分可以用，但要注意逻辑）",
        "投资合作情况（分两段）",
        "数据库访问限制等（参考反制文件）",
        "人才(可以用你写好的那段)",
        "挑战（这段你来写）",
        "结论（你看看这样写行不行）",
        "政策（分三段写）",
    ] {
        let found = found(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].0, PendingKind::Editorial, "{text}");
    }
    assert_eq!(
        notes("逻辑（要写总体情况（不要举例），你写的有一部分可以用）"),
        ["要写总体情况（不要举例），你写的有一部分可以用"]
    );
}

#[test]
fn ordinary_parentheses_are_not_editorial() {
    for text in [
        "中国自2017年加入ICH（国际人用药品注册技术协调会）后",
        "（ICH）（PIC/S）（NIH）（O药K药）（73.1%）",
        "制剂、中药类（不含保健品）、生化药（除疫苗）",
        "原料药（中国是第一大生产和出口国）、仿制药（印度主导，前十没有中国企业）",
        "有待提升（例如，高端医疗器械领域，我国80%的CT机依赖进口）",
        "（无论是对上市公司（IPO）还是非上市公司，目前均处于融资的严冬期。）",
        "见[链接](https://example.com/a_(b))",
        // Prose that shares a word with a writing instruction.
        "（参考国务院办公厅印发的相关文件）",
        "（参考《药品管理法》及其配套文件）",
        "（无论您身处何地）",
        "（无论你身处何地）",
        "（需要写明出处的数据均来自海关总署）",
        "（更多分析见第五章）",
        "（分两段实施）",
        "（分三段审批，逐段放开）",
        "（注：不要数据化的指标）",
    ] {
        assert!(found(text).is_empty(), "{text}");
    }
}

#[test]
fn explicit_markers_with_or_without_quotes() {
    assert_eq!(
        found("{{#pending 补充2024年数据}}\n\n正文{{#pending “补图”}}。\n\n{{#pending}}\n"),
        [
            (
                PendingKind::Marker,
                "补充2024年数据".to_string(),
                true,
                None
            ),
            (PendingKind::Marker, "补图".to_string(), false, None),
            (PendingKind::Marker, UNSPECIFIED.to_string(), true, None),
        ]
    );
}

#[test]
fn nothing_in_code_comments_escapes_or_other_placeholders_counts() {
    let src = "`【待完善】`\n\n```\n【待补充】 {{#pending a}}\n```\n\n    【待完善】\n\n<!-- 【待完善】（可以用你写好的那段） -->\n\n\\{{#pending 待补充数据}}\n\n{{#table trade note=\"待补充\"}}\n";
    assert!(found(src).is_empty());
}

#[test]
fn marks_in_headings_know_their_heading_and_are_never_blocks() {
    let found =
        found("## （一）贸易合作【现状待整理】\n\n【待完善】\n\n  【待完善】\n\n- 【待完善】\n");
    assert_eq!(
        found,
        [
            (PendingKind::Note, "现状待整理".to_string(), false, Some(0)),
            (PendingKind::Note, "待完善".to_string(), true, None),
            (PendingKind::Note, "待完善".to_string(), true, None),
            (PendingKind::Note, "待完善".to_string(), false, None),
        ]
    );
}

#[test]
fn notes_and_markers_are_blocks_by_the_scanners_rule_with_its_prefix() {
    let source = "- 项目\n  {{#pending 补}}\n  【待完善】\n\n> \t（分两段）\n>> {{#pending}}\n\n- {{#pending 甲}}\n正文 【待完善】\n";
    let fixture = ChapterFixture::new("t.md", "T", source);
    let chapter = fixture.chapter();
    let got: Vec<_> = marks(&PendingConfig::default(), &chapter)
        .into_iter()
        .map(|m| (m.kind, m.block, m.prefix))
        .collect();
    assert_eq!(
        got,
        [
            (PendingKind::Marker, true, "  ".to_string()),
            (PendingKind::Note, true, "  ".to_string()),
            (PendingKind::Editorial, true, "> \t".to_string()),
            (PendingKind::Marker, true, ">> ".to_string()),
            (PendingKind::Marker, false, String::new()),
            (PendingKind::Note, false, String::new()),
        ]
    );
    let all = marks(&PendingConfig::default(), &chapter);
    for p in &chapter.scan.placeholders {
        let m = all.iter().find(|m| m.span == p.span).unwrap();
        assert_eq!((m.block, &m.prefix), (p.block, &p.prefix), "{p:?}");
    }
}

#[test]
fn the_line_prefix_is_leading_space_and_quote_marks_only() {
    let source = "> ## 标题\n  - 项目\n\t正文\n";
    assert_eq!(line_prefix(source, 5), "> ");
    assert_eq!(line_prefix(source, source.find('项').unwrap()), "  ");
    assert_eq!(line_prefix(source, source.find('正').unwrap()), "\t");
}

#[test]
fn a_note_group_narrows_the_mark() {
    let cfg =
        PendingConfig::from_table(&toml::from_str(r#"notes = ['TODO:\s*(?P<note>\S+)']"#).unwrap())
            .unwrap();
    assert_eq!(
        found_with(&cfg, "正文 TODO: 补图")
            .into_iter()
            .map(|m| m.1)
            .collect::<Vec<_>>(),
        ["补图"]
    );
}
