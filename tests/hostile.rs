//! The hostile-input suite: small books full of what writers and third-party data files
//! really send, each with its exact expected outcome (see `hostile/harness.rs` for the
//! checks every case gets on top of its own). Cases live in one file per area.

#[path = "hostile/harness.rs"]
mod harness;

#[path = "hostile/data.rs"]
mod data;
#[path = "hostile/markdown.rs"]
mod markdown;
#[path = "hostile/progress.rs"]
mod progress;

#[test]
fn markdown_cases() {
    harness::run_all("markdown", markdown::cases());
}

#[test]
fn data_cases() {
    harness::run_all("data", data::cases());
}

#[test]
fn progress_cases() {
    harness::run_all("progress", progress::cases());
}

/// The suite keeps its breadth: at least 150 cases, every area represented.
#[test]
fn the_suite_covers_every_area() {
    let counts = [
        ("markdown", markdown::cases().len()),
        ("data", data::cases().len()),
        ("progress", progress::cases().len()),
    ];
    println!("hostile cases: {counts:?}");
    assert!(counts.iter().all(|(_, n)| *n > 0), "{counts:?}");
    assert!(
        counts.iter().map(|(_, n)| n).sum::<usize>() >= 150,
        "{counts:?}"
    );
}
