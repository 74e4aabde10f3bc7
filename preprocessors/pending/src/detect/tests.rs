use super::*;
use report_core::scan::scan;

#[test]
fn explore() {
    let src = "# 贸易合作【现状待整理】\n\n## 现状\n\n### 药械产品进出口情况（分两段）\n\n出口额待补充数据，另见 `【待补充】`。\n\n【待完善】\n\n## 挑战✅\n\n市场准入（可以用你写好的那段）问题。加入ICH（国际人用药品注册技术协调会）。\n\n## 对应政策\n\n<!-- 以后再写 -->\n\n```\n## 不是标题\n```\n\n## 政策 {{#pending 需要补充三条建议}}\n";
    let s = scan(src, &["pending", "progress"]);
    let ch = Chapter {
        file: "book/trade.md",
        path: "trade.md",
        name: "贸易合作",
        source: src,
        scan: &s,
    };
    let cfg = PendingConfig::default();
    let found = detect(&cfg, &ReportConfig::default(), Target::Html, &ch);
    println!("{}", report_core::edit::apply(src, found.edits.clone()));
    for i in &found.items {
        println!("{i:?}");
    }
    let o = crate::outline(&cfg, &ch);
    for s in &o.sections {
        println!("{s:?}");
    }
    println!(
        "{}",
        crate::progress_page(&cfg, &[o.clone()], &found.items, Target::Html)
    );
    println!(
        "{}",
        crate::progress_page(&cfg, &[o.clone()], &found.items, Target::Markdown)
    );
    for l in crate::log_lines(&[o], &found.items) {
        println!("{l}");
    }
}
