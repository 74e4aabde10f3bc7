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
