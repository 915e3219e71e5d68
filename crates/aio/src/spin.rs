//! How long the reactor polls before it sleeps: an adaptive window, as a virtualised
//! guest's halt-polling governor sizes its own.
//!
//! A thread that sleeps in `epoll_wait` is woken by an interrupt to its CPU, which under
//! virtualisation costs tens of microseconds (the CPU halted, the host must run it again);
//! a request–response peer on the same machine then waits that long on every exchange.
//! Polling briefly before sleeping keeps the CPU running while the next event is likely
//! near. The window grows while waits end soon after it would have, and shrinks while they
//! are long, so an idle loop, or one whose events are far apart, sleeps at once and spends
//! nothing.

/// The longest poll before sleeping. Gaps longer than this are left to sleep: polling
/// them through would turn a loop's idle time into busy time.
pub const MAX_SPIN_NS: u64 = 50_000;
/// The first window once waits are seen to be short.
const GROW_START_NS: u64 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpinWindow {
    ns: u64,
    max_ns: u64,
}

impl SpinWindow {
    /// A window that starts closed and grows up to `max_ns` (0: never polls).
    pub fn new(max_ns: u64) -> Self {
        SpinWindow { ns: 0, max_ns }
    }

    /// How long to poll before the next sleep.
    pub fn ns(&self) -> u64 {
        self.ns
    }

    /// After a wait that outlasted the window and then slept, `waited_ns` in all: a wait
    /// a wider window would have caught widens it; one past the longest window halves it.
    pub fn after_sleep(&mut self, waited_ns: u64) {
        if waited_ns <= self.ns {
            return;
        }
        if waited_ns <= self.max_ns {
            self.ns = (self.ns * 2).clamp(GROW_START_NS.min(self.max_ns), self.max_ns);
        } else {
            self.ns /= 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_waits_open_the_window_up_to_its_limit() {
        let mut w = SpinWindow::new(MAX_SPIN_NS);
        assert_eq!(w.ns(), 0);
        w.after_sleep(30_000);
        assert_eq!(w.ns(), GROW_START_NS);
        for _ in 0..10 {
            w.after_sleep(MAX_SPIN_NS);
        }
        assert_eq!(w.ns(), MAX_SPIN_NS);
    }

    #[test]
    fn long_waits_close_it() {
        let mut w = SpinWindow::new(MAX_SPIN_NS);
        for _ in 0..10 {
            w.after_sleep(MAX_SPIN_NS - 1);
        }
        assert_eq!(w.ns(), MAX_SPIN_NS);
        w.after_sleep(1_000_000);
        assert_eq!(w.ns(), MAX_SPIN_NS / 2);
        for _ in 0..20 {
            w.after_sleep(1_000_000);
        }
        assert_eq!(w.ns(), 0);
    }

    #[test]
    fn a_zero_limit_never_polls() {
        let mut w = SpinWindow::new(0);
        w.after_sleep(5_000);
        w.after_sleep(0);
        assert_eq!(w.ns(), 0);
    }
}
