use std::path::Path;

use report_core::kind::Kind;

fn guide(page: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../book/guide")
        .join(page);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The guide's overview lists exactly the registered kinds, in order, each with what the
/// registry says it does: a kind cannot be added without its line for writers.
#[test]
fn the_guides_overview_is_the_registry() {
    let index = guide("index.md");
    let rows: Vec<(String, String)> = index
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("| `{{#")?;
            let name: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            let summary = line.rsplit('|').nth(1)?.trim().to_string();
            Some((name, summary))
        })
        .collect();
    let registry: Vec<(String, String)> = Kind::ALL
        .iter()
        .map(|k| (k.name().to_string(), k.spec().summary.to_string()))
        .collect();
    assert_eq!(rows, registry);
}

/// Every option and switch of every kind is explained somewhere in the guide.
#[test]
fn every_option_is_in_the_guide() {
    let all: String = [
        "index.md",
        "syntax.md",
        "data.md",
        "charts.md",
        "pending.md",
    ]
    .iter()
    .map(|p| guide(p))
    .collect();
    for &kind in Kind::ALL {
        let spec = kind.spec();
        for option in spec.options {
            assert!(
                all.contains(&format!("{option}=")),
                "{{{{#{}}}}}'s option {option}= is not in the guide",
                kind.name()
            );
        }
        for switch in spec.switches {
            assert!(
                all.contains(&format!("`{switch}`")) || all.contains(&format!(" {switch}")),
                "{{{{#{}}}}}'s switch {switch} is not in the guide",
                kind.name()
            );
        }
    }
}
