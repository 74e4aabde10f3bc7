//! Making the download files on every core.
//!
//! A book with many tables spends nearly all of its renderer's time compressing workbooks
//! (xlsx files are zip archives). Each file is made from its own slice alone, so the bytes
//! are the same whichever thread makes it and in whatever order.

use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use super::{Maker, Slice};

/// One file to make.
pub(super) struct Job<'a> {
    pub path: PathBuf,
    pub slice: &'a Slice,
    pub make: Maker,
}

impl Job<'_> {
    fn run(&self) -> Result<(), String> {
        let bytes = (self.make)(self.slice)?;
        fs::write(&self.path, bytes).map_err(|e| format!("{}：{e}", self.path.display()))
    }
}

/// Makes every file, on as many threads as there are cores. On failure, the error is that
/// of the first failing file in list order, as if the files were made one after another.
pub(super) fn make_all(jobs: &[Job<'_>]) -> Result<(), String> {
    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len());
    if workers <= 1 {
        return jobs.iter().try_for_each(Job::run);
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    // Jobs are claimed in list order, so every job before a failed one was claimed, and has
    // been made or has failed itself: the smallest failing index is the first error.
    let work = || -> Option<(usize, String)> {
        while !failed.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let job = jobs.get(index)?;
            if let Err(error) = job.run() {
                failed.store(true, Ordering::Relaxed);
                return Some((index, error));
            }
        }
        None
    };
    let errors: Vec<(usize, String)> = thread::scope(|scope| {
        let workers: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        workers
            .into_iter()
            .filter_map(|worker| match worker.join() {
                Ok(error) => error,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    match errors.into_iter().min_by_key(|(index, _)| *index) {
        Some((_, error)) => Err(error),
        None => Ok(()),
    }
}
