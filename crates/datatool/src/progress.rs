//! A progress indicator on stderr for long runs: one line redrawn in place
//! when stderr is a terminal, otherwise one line per tenth of the work (so
//! CI logs and `2> file` stay short).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    label: String,
    total: u64,
    done: u64,
    enabled: bool,
    tty: bool,
    last_tenth: u64,
    last_draw: Option<Instant>,
    started: Instant,
}

impl Progress {
    /// `enabled == false` makes every call a no-op.
    pub fn new(label: &str, total: u64, enabled: bool) -> Progress {
        Progress {
            label: label.to_owned(),
            total,
            done: 0,
            enabled,
            tty: std::io::stderr().is_terminal(),
            last_tenth: 0,
            last_draw: None,
            started: Instant::now(),
        }
    }

    pub fn advance(&mut self, n: u64) {
        self.done = self.done.saturating_add(n);
        if !self.enabled || self.total == 0 {
            return;
        }
        let tenth = self.done.min(self.total) * 10 / self.total;
        if self.tty {
            let due = self
                .last_draw
                .is_none_or(|t| t.elapsed() >= Duration::from_millis(200));
            if due {
                self.last_draw = Some(Instant::now());
                let _ = write!(std::io::stderr(), "\r{}", self.line());
            }
        } else if tenth > self.last_tenth {
            self.last_tenth = tenth;
            let _ = writeln!(std::io::stderr(), "{}", self.line());
        }
    }

    /// The text of the indicator: `label: done/total (pct %) in 12 s`.
    pub fn line(&self) -> String {
        let pct = (self.done.min(self.total) * 100)
            .checked_div(self.total)
            .unwrap_or(100);
        format!(
            "{}: {}/{} ({pct} %) {} s",
            self.label,
            self.done,
            self.total,
            self.started.elapsed().as_secs()
        )
    }

    pub fn finish(&mut self) {
        if !self.enabled {
            return;
        }
        if self.tty {
            let _ = writeln!(std::io::stderr(), "\r{}", self.line());
        } else if self.last_tenth < 10 {
            self.last_tenth = 10;
            let _ = writeln!(std::io::stderr(), "{}", self.line());
        }
    }
}

/// The CPU time of the calling thread so far, user and system, as text
/// (Linux: `/proc/thread-self/stat`; empty elsewhere). For the step times
/// `generate` prints: on a shared machine, wall time alone says little.
pub fn thread_cpu() -> String {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return String::new();
    };
    // Fields after the command name (which is in parentheses).
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0) / 100.0;
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 here.
    format!(
        "thread CPU user {:.1} s, system {:.1} s",
        ticks(11),
        ticks(12)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_shows_count_and_percent() {
        let mut p = Progress::new("partners", 200, false);
        p.advance(50);
        assert!(p.line().starts_with("partners: 50/200 (25 %)"));
        p.advance(500);
        assert!(p.line().starts_with("partners: 550/200 (100 %)"));
    }
}
