use mdbook_report::ReportPreprocessor;

fn main() {
    let about =
        "Expands the report's data placeholders, charts, cross-references and pending markers";
    if let Err(error) = mdbook_preprocessor_boilerplate::run(ReportPreprocessor, about) {
        eprintln!("[report] {error:#}");
        std::process::exit(1);
    }
}
