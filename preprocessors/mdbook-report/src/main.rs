use std::io::{Read as _, Write as _};

use mdbook_report::ReportPreprocessor;
use mdbook_report::render::{self, SUBCOMMAND};

fn main() {
    let result = match std::env::args().nth(1).as_deref() {
        // `mdbook-report render` is the companion renderer, `[output.report]` in book.toml.
        Some(SUBCOMMAND) => render::run_from_stdin(),
        // mdBook's `supports RENDERER`, and `--help`.
        Some(_) => {
            let about = "Expands the report's data placeholders, charts, cross-references and pending markers";
            mdbook_preprocessor_boilerplate::run(ReportPreprocessor, about)
        }
        // The book on standard input: read at once (serde_json reading stdin byte by byte
        // took a twentieth of the whole run on a large book).
        None => preprocess_stdin(),
    };
    if let Err(error) = result {
        eprintln!("[report] {error:#}");
        std::process::exit(1);
    }
}

fn preprocess_stdin() -> anyhow::Result<()> {
    let mut input = Vec::new();
    std::io::stdin().lock().read_to_end(&mut input)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let store = mdbook_report::preprocess_json(&input, &mut out)?;
    out.flush()?;
    // The process ends here: freeing every cell of every dataset one by one took a
    // twentieth of a large book's run, and the operating system reclaims it at once.
    std::mem::forget(store);
    Ok(())
}
