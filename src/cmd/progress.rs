//! A progress line for big dossier imports, on stderr and only when stderr is a
//! terminal, so logs and pipes never receive it. Hand-written (a ticker thread
//! reading an atomic byte count) rather than a crate: it is one line of text.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Files below this size finish before a progress line would be useful.
pub const LARGE: u64 = 64 << 20;

pub struct Progress {
    pub done: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    ticker: Option<JoinHandle<()>>,
}

impl Progress {
    /// Shows progress over `total` bytes when it is worth it, else counts silently.
    pub fn start(total: u64) -> Progress {
        let done = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let ticker = (total >= LARGE && std::io::stderr().is_terminal()).then(|| {
            let (done, stop) = (done.clone(), stop.clone());
            std::thread::spawn(move || tick(&done, &stop, total))
        });
        Progress { done, stop, ticker }
    }

    pub fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.ticker.take() {
            let _ = t.join();
        }
    }
}

fn tick(done: &AtomicU64, stop: &AtomicBool, total: u64) {
    let start = Instant::now();
    let mut err = std::io::stderr();
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(200));
        let d = done.load(Ordering::Relaxed).min(total);
        let secs = start.elapsed().as_secs_f64().max(1e-3);
        let _ = write!(
            err,
            "\rimport: {:>3}%  {} / {} MiB  {:.0} MiB/s ",
            d * 100 / total.max(1),
            d >> 20,
            total >> 20,
            d as f64 / secs / 1048576.0
        );
    }
    let _ = write!(err, "\r{:60}\r", "");
}
