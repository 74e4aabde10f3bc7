//! The machine the numbers were taken on, and how busy it was.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::run;

pub struct Machine {
    cpu: String,
    cores: usize,
    memory_gib: f64,
    mdbook: String,
    load: [f64; 3],
}

impl Machine {
    pub fn now(mdbook: &Path) -> Machine {
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|line| line.strip_prefix("model name"))
            .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
            .unwrap_or_else(|| "unknown CPU".to_owned());
        let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let memory_kib: f64 = meminfo
            .lines()
            .find_map(|line| line.strip_prefix("MemTotal:"))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .unwrap_or(0.0);
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            memory_gib: memory_kib / 1024.0 / 1024.0,
            mdbook: run::output(Command::new(mdbook).arg("--version"))
                .unwrap_or_default()
                .trim()
                .to_owned(),
            load: loads(),
        }
    }

    /// The 1-minute load average now.
    pub fn load() -> f64 {
        loads()[0]
    }

    pub fn describe(&self) -> String {
        format!(
            "Machine: {}, {} cores available, {:.0} GiB; {}; {}\n",
            self.cpu,
            self.cores,
            self.memory_gib,
            self.mdbook,
            self.load_line("at the start")
        )
    }

    pub fn load_line(&self, when: &str) -> String {
        format!(
            "load average {when}: {:.2} {:.2} {:.2} (1, 5, 15 min)",
            self.load[0], self.load[1], self.load[2]
        )
    }
}

/// The 1-, 5- and 15-minute load averages (NaN where /proc has none).
fn loads() -> [f64; 3] {
    let text = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut numbers = text
        .split_whitespace()
        .map(|n| n.parse().unwrap_or(f64::NAN));
    [(); 3].map(|_| numbers.next().unwrap_or(f64::NAN))
}
