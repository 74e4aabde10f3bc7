use mdbook_report::ReportPreprocessor;
use mdbook_report::render::{self, SUBCOMMAND};

fn main() {
    // `mdbook-report render` is the companion renderer, `[output.report]` in book.toml.
    let result = if std::env::args().nth(1).as_deref() == Some(SUBCOMMAND) {
        render::run_from_stdin()
    } else {
        let about =
            "Expands the report's data placeholders, charts, cross-references and pending markers";
        mdbook_preprocessor_boilerplate::run(ReportPreprocessor, about)
    };
    if let Err(error) = result {
        eprintln!("[report] {error:#}");
        std::process::exit(1);
    }
}
