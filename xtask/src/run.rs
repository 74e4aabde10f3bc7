//! Running commands: progress lines, exit statuses turned into errors that name the command.

use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

pub type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// One progress line, set apart from the output of the tools it runs.
pub fn progress(message: &str) {
    // Flush whatever a child left half-written so the line starts on its own.
    let _ = std::io::stdout().flush();
    eprintln!("==> {message}");
}

/// How a command reads in a progress line or an error: `cargo build --release -p x`.
pub fn display(command: &Command) -> String {
    let program = Path::new(command.get_program());
    // `$CARGO` is a long toolchain path; it reads better as what the writer would type.
    let mut text = match program.file_stem().and_then(|stem| stem.to_str()) {
        Some("cargo") => "cargo".to_owned(),
        _ => program.to_string_lossy().into_owned(),
    };
    for arg in command.get_args() {
        let arg = arg.to_string_lossy();
        text.push(' ');
        if arg.is_empty() || arg.contains(char::is_whitespace) {
            text.push_str(&format!("'{arg}'"));
        } else {
            text.push_str(&arg);
        }
    }
    text
}

/// Runs `command` with the terminal attached; a non-zero exit is an error naming it.
pub fn status(command: &mut Command) -> Result {
    eprintln!("    $ {}", display(command));
    let status = command
        .status()
        .map_err(|error| format!("could not start `{}`: {error}", display(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", display(command)).into())
    }
}

/// Runs `command` for its standard output (stderr passes through); `None` if it can't start
/// or fails. For version probes, where failure just means "not there".
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs `command`, echoing its standard output line by line while `on_line` looks at each
/// line (to count test results); a non-zero exit is an error naming the command.
pub fn status_watching(command: &mut Command, mut on_line: impl FnMut(&str)) -> Result {
    eprintln!("    $ {}", display(command));
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start `{}`: {error}", display(command)))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut reader = BufReader::new(stdout);
    let mut out = std::io::stdout();
    let mut buffer = Vec::new();
    while reader.read_until(b'\n', &mut buffer)? > 0 {
        let _ = out.write_all(&buffer);
        let line = String::from_utf8_lossy(&buffer);
        on_line(line.trim_end_matches(['\r', '\n']));
        buffer.clear();
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", display(command)).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_quotes_arguments_with_spaces() {
        let mut command = Command::new("cargo");
        command.args(["test", "--", "a b", ""]);
        assert_eq!(display(&command), "cargo test -- 'a b' ''");
    }

    #[test]
    fn output_of_a_missing_program_is_none() {
        assert_eq!(output(&mut Command::new("xtask-no-such-program")), None);
    }
}
