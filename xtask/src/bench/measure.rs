//! One measured run of a command: wall time, CPU time and peak memory, and the summaries
//! of several runs.
//!
//! CPU time and memory come from `wait4`, which reports a child's resource usage together
//! with that of every process it waited for: for `mdbook build` that is mdBook itself plus
//! the preprocessor and the companion renderer it starts. CPU time is user + system, which
//! a busy machine inflates far less than wall time; memory is the largest resident set of
//! any one of those processes.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::run::{self, Result};

/// What one run cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    pub wall: Duration,
    /// User + system time of the process and the processes it waited for.
    pub cpu: Duration,
    /// The system (kernel) part of `cpu`: creating files and faulting in memory. It moves
    /// with the state of the file system far more than user time does.
    pub system: Duration,
    /// The largest resident set of any one of those processes, in KiB.
    pub peak_kib: u64,
}

/// Where a measured command reads from and writes to.
pub struct Io<'a> {
    /// Standard input: a file, or nothing.
    pub stdin: Option<&'a Path>,
    /// Standard output; standard error goes to `log`.
    pub stdout: &'a Path,
    pub log: &'a Path,
}

/// The hidden command that runs a measured program for `run`.
pub const RUNNER: &str = "bench-measure";

/// Runs `command` to completion; its cost, or `None` if it failed (see the log).
///
/// The command runs under a fresh `xtask bench-measure` process, which starts it, waits for
/// it with `wait4` and writes down what it cost. Measuring from this process directly
/// would be wrong for memory: a child's peak resident set starts from that of the process
/// that started it, and this one holds the books it has read (tens of MiB).
pub fn run(command: &mut Command, io: &Io) -> Result<Option<Sample>> {
    let log = fs::File::create(io.log)?;
    let stdout = if io.stdout == io.log {
        log.try_clone()?
    } else {
        fs::File::create(io.stdout)?
    };
    let stdin = match io.stdin {
        Some(path) => Stdio::from(fs::File::open(path)?),
        None => Stdio::null(),
    };
    let result = io.log.with_extension("cost");
    let _ = fs::remove_file(&result);
    let mut runner = Command::new(std::env::current_exe()?);
    runner
        .arg(RUNNER)
        .arg(&result)
        .arg(command.get_program())
        .args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        runner.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => runner.env(key, value),
            None => runner.env_remove(key),
        };
    }
    runner.stdin(stdin).stdout(stdout).stderr(log);
    let status = runner
        .status()
        .map_err(|error| format!("could not start `{}`: {error}", run::display(command)))?;
    let text = fs::read_to_string(&result).map_err(|error| {
        format!(
            "`{}` was not measured ({status}: {error}); see {}",
            run::display(command),
            io.log.display()
        )
    })?;
    parse_cost(&text).ok_or_else(|| format!("unreadable {}: {text}", result.display()).into())
}

/// `xtask bench-measure RESULT PROGRAM ARGS...`: runs the program with this process's
/// standard input, output, error, folder and environment, and writes its cost to RESULT
/// (`ok` or `failed`, then wall, CPU, system and peak).
pub fn runner(args: &[String]) -> Result {
    let [result, program, rest @ ..] = args else {
        return Err(format!("usage: xtask {RUNNER} RESULT PROGRAM ARGS...").into());
    };
    let started = Instant::now();
    let child = Command::new(program)
        .args(rest)
        .spawn()
        .map_err(|error| format!("could not start {program}: {error}"))?;
    let (success, cost) = wait(child)?;
    let wall = started.elapsed();
    let outcome = if success { "ok" } else { "failed" };
    fs::write(
        result,
        format!(
            "{outcome} {} {} {} {}\n",
            wall.as_nanos(),
            cost.cpu.as_nanos(),
            cost.system.as_nanos(),
            cost.peak_kib
        ),
    )?;
    Ok(())
}

fn parse_cost(text: &str) -> Option<Option<Sample>> {
    let mut words = text.split_whitespace();
    let success = match words.next()? {
        "ok" => true,
        "failed" => false,
        _ => return None,
    };
    let mut number = || words.next()?.parse::<u64>().ok();
    let sample = Sample {
        wall: Duration::from_nanos(number()?),
        cpu: Duration::from_nanos(number()?),
        system: Duration::from_nanos(number()?),
        peak_kib: number()?,
    };
    Some(success.then_some(sample))
}

/// What `wait` reads of a finished process.
struct Cost {
    cpu: Duration,
    system: Duration,
    peak_kib: u64,
}

/// Waits for `child` with `wait4`: whether it succeeded, its CPU time and peak memory.
#[cfg(unix)]
fn wait(child: std::process::Child) -> Result<(bool, Cost)> {
    let pid = libc::pid_t::try_from(child.id())?;
    let mut status = 0;
    // SAFETY: `rusage` is plain old data that wait4 fills in; the pid is our own child,
    // which std has not reaped (nothing calls `wait` on it).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4 failed: {error}").into());
        }
    }
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    let success = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux reports ru_maxrss in KiB (macOS in bytes).
    let peak = usage.ru_maxrss.max(0) as u64;
    let peak_kib = if cfg!(target_os = "macos") {
        peak / 1024
    } else {
        peak
    };
    let system = time(usage.ru_stime);
    let cost = Cost {
        cpu: time(usage.ru_utime) + system,
        system,
        peak_kib,
    };
    Ok((success, cost))
}

/// Without `wait4` there is no CPU time or peak memory: they read as zero.
#[cfg(not(unix))]
fn wait(mut child: std::process::Child) -> Result<(bool, Cost)> {
    let cost = Cost {
        cpu: Duration::ZERO,
        system: Duration::ZERO,
        peak_kib: 0,
    };
    Ok((child.wait()?.success(), cost))
}

/// The median, minimum and maximum of some measurements.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    /// `None` for no values.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Option<Spread> {
        let mut sorted: Vec<f64> = values.into_iter().collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let middle = sorted.len() / 2;
        let median = if sorted.len().is_multiple_of(2) {
            (sorted[middle - 1] + sorted[middle]) / 2.0
        } else {
            sorted[middle]
        };
        Some(Spread {
            median,
            min: sorted[0],
            max: sorted[sorted.len() - 1],
        })
    }

    /// `1.23 (1.20–1.31)`, with `decimals` decimals.
    pub fn show(&self, decimals: usize) -> String {
        format!(
            "{:.d$} ({:.d$}–{:.d$})",
            self.median,
            self.min,
            self.max,
            d = decimals
        )
    }
}

/// Wall time, CPU time and peak memory of several runs of one thing.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub wall: Spread,
    pub cpu: Spread,
    pub system: Spread,
    /// MiB.
    pub peak: Spread,
}

impl Summary {
    pub fn of(samples: &[Sample]) -> Option<Summary> {
        Some(Summary {
            wall: Spread::of(samples.iter().map(|s| s.wall.as_secs_f64()))?,
            cpu: Spread::of(samples.iter().map(|s| s.cpu.as_secs_f64()))?,
            system: Spread::of(samples.iter().map(|s| s.system.as_secs_f64()))?,
            peak: Spread::of(samples.iter().map(|s| s.peak_kib as f64 / 1024.0))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_of_even_and_odd_counts() {
        let odd = Spread::of([3.0, 1.0, 2.0]).unwrap();
        assert_eq!((odd.median, odd.min, odd.max), (2.0, 1.0, 3.0));
        let even = Spread::of([4.0, 1.0, 2.0, 3.0]).unwrap();
        assert_eq!(even.median, 2.5);
        assert_eq!(Spread::of([]), None);
        assert_eq!(even.show(1), "2.5 (1.0–4.0)");
    }

    #[test]
    fn reads_what_the_runner_wrote() {
        let sample = Sample {
            wall: Duration::from_nanos(1_500_000_000),
            cpu: Duration::from_nanos(900_000_000),
            system: Duration::from_nanos(200_000_000),
            peak_kib: 2048,
        };
        assert_eq!(
            parse_cost("ok 1500000000 900000000 200000000 2048\n"),
            Some(Some(sample))
        );
        assert_eq!(parse_cost("failed 1 2 3 4\n"), Some(None));
        assert_eq!(parse_cost("ok 1 2 3"), None);
    }

    #[cfg(unix)]
    #[test]
    fn wait4_counts_the_children_it_waited_for() {
        // A shell that waits for a busy grandchild: the grandchild's CPU time is counted
        // (not a speed check: only that something was measured at all). `run` itself
        // needs the xtask binary as its runner; `cargo xtask bench` exercises it.
        let child = Command::new("sh")
            .args([
                "-c",
                "sh -c 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done'",
            ])
            .spawn()
            .unwrap();
        let (success, cost) = wait(child).unwrap();
        assert!(success);
        assert!(cost.cpu > Duration::ZERO, "{:?}", cost.cpu);
        assert!(cost.system <= cost.cpu);
        assert!(cost.peak_kib > 100, "{}", cost.peak_kib);
        let failed = Command::new("sh").args(["-c", "exit 3"]).spawn().unwrap();
        assert!(!wait(failed).unwrap().0);
    }
}
