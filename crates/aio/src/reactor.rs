//! epoll readiness plus timers plus a cross-thread waker, in one `poll` call.

use crate::spin::{SpinWindow, MAX_SPIN_NS};
use crate::TimerHeap;
use std::sync::Arc;
use unode_sys::epoll::{self, EpollEvent};
use unode_sys::{event, fs, process, time, Errno, Result};

/// The token reserved for the reactor's own eventfd.
pub const WAKE_TOKEN: u64 = u64::MAX;

/// What one `poll` reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A registered descriptor is ready; `readiness` holds `EPOLL*` bits.
    Io { token: u64, readiness: u32 },
    /// Another thread called [`Waker::wake`].
    Wake,
}

struct WakeFd(i32);

impl Drop for WakeFd {
    fn drop(&mut self) {
        let _ = fs::close(self.0);
    }
}

/// Wakes a reactor blocked in `poll` from any thread.
#[derive(Clone)]
pub struct Waker(Arc<WakeFd>);

impl Waker {
    pub fn wake(&self) {
        // EAGAIN means the counter is saturated: the reactor is awake anyway.
        let _ = event::signal(self.0 .0);
    }
}

pub struct Reactor {
    epfd: i32,
    waker: Waker,
    /// Timers in nanoseconds of `CLOCK_MONOTONIC`.
    pub timers: TimerHeap,
    buf: Vec<EpollEvent>,
    spin: SpinWindow,
    /// How many events the last wait that found any returned.
    last_ready: usize,
}

impl Reactor {
    pub fn new() -> Result<Self> {
        let epfd = epoll::create()?;
        let wfd = match event::eventfd(0, event::EFD_CLOEXEC | event::EFD_NONBLOCK) {
            Ok(fd) => fd,
            Err(e) => {
                let _ = fs::close(epfd);
                return Err(e);
            }
        };
        let waker = Waker(Arc::new(WakeFd(wfd)));
        epoll::ctl(epfd, epoll::EPOLL_CTL_ADD, wfd, epoll::EPOLLIN, WAKE_TOKEN)?;
        // On one CPU, polling only keeps the peer it waits for from running.
        let cpus = process::cpu_affinity_count().unwrap_or(1);
        Ok(Reactor {
            epfd,
            waker,
            timers: TimerHeap::new(),
            buf: vec![EpollEvent::default(); 256],
            spin: SpinWindow::new(if cpus > 1 { MAX_SPIN_NS } else { 0 }),
            last_ready: 0,
        })
    }

    pub fn waker(&self) -> Waker {
        self.waker.clone()
    }

    /// Watches `fd` for `interest` (`EPOLL*` bits), reporting it as `token`.
    pub fn register(&self, fd: i32, token: u64, interest: u32) -> Result<()> {
        debug_assert_ne!(token, WAKE_TOKEN);
        epoll::ctl(self.epfd, epoll::EPOLL_CTL_ADD, fd, interest, token)
    }

    pub fn reregister(&self, fd: i32, token: u64, interest: u32) -> Result<()> {
        epoll::ctl(self.epfd, epoll::EPOLL_CTL_MOD, fd, interest, token)
    }

    pub fn deregister(&self, fd: i32) -> Result<()> {
        epoll::ctl(self.epfd, epoll::EPOLL_CTL_DEL, fd, 0, 0)
    }

    /// Waits for readiness, a wake-up, or the next timer deadline, whichever is first;
    /// `max_wait_ns` caps the wait (`Some(0)` only polls, `None` may block forever).
    /// Deadlines are measured from `now_ns`, the caller's time (a loop's time of its
    /// turn, as libuv's: the clock is a system call here, not read again for the wait).
    /// Ready events are appended to `out`; due timers stay in [`Reactor::timers`].
    pub fn poll(
        &mut self,
        max_wait_ns: Option<u64>,
        now_ns: u64,
        out: &mut Vec<Event>,
    ) -> Result<()> {
        let timer_wait = match max_wait_ns {
            Some(0) => None,
            _ => self
                .timers
                .next_deadline()
                .map(|d| d.saturating_sub(now_ns)),
        };
        let wait = match (max_wait_ns, timer_wait) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // Round up so a timer is never polled for a moment before it is due.
        let timeout_ms = wait.map_or(-1, |ns| ns.div_ceil(1_000_000).min(i32::MAX as u64) as i32);
        let n = self.wait(timeout_ms, wait.unwrap_or(u64::MAX))?;
        for ev in &self.buf[..n] {
            let (token, readiness) = (ev.data, ev.events);
            if token == WAKE_TOKEN {
                let _ = event::drain(self.waker.0 .0);
                out.push(Event::Wake);
            } else {
                out.push(Event::Io { token, readiness });
            }
        }
        if n == self.buf.len() {
            self.buf.resize(n * 2, EpollEvent::default());
        }
        Ok(())
    }

    /// epoll_wait; where it may sleep, first polled for the spin window (see spin.rs),
    /// never past `wait_ns`, the wait's own limit.
    fn wait(&mut self, timeout_ms: i32, wait_ns: u64) -> Result<usize> {
        if timeout_ms == 0 {
            return self.epoll_wait(0);
        }
        // Polling serves a loop that waits on one peer at a time. One that found several
        // events ready serves many: asleep, it lets their next events gather and takes
        // them as one batch, where polling would take them one by one.
        let window = if self.last_ready <= 1 {
            self.spin.ns().min(wait_ns)
        } else {
            0
        };
        let start = time::monotonic_ns();
        if window > 0 {
            loop {
                let n = self.epoll_wait(0)?;
                if n > 0 {
                    return Ok(n);
                }
                if time::monotonic_ns().saturating_sub(start) >= window {
                    break;
                }
            }
        }
        let n = self.epoll_wait(timeout_ms)?;
        self.spin
            .after_sleep(time::monotonic_ns().saturating_sub(start));
        Ok(n)
    }

    fn epoll_wait(&mut self, timeout_ms: i32) -> Result<usize> {
        match epoll::wait(self.epfd, &mut self.buf, timeout_ms) {
            Ok(n) => {
                if n > 0 {
                    self.last_ready = n;
                }
                Ok(n)
            }
            Err(Errno::EINTR) => Ok(0),
            Err(e) => Err(e),
        }
    }
}

impl Drop for Reactor {
    fn drop(&mut self) {
        let _ = fs::close(self.epfd);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unode_sys::fs::{pipe2, write_all, O_CLOEXEC, O_NONBLOCK};
    use unode_sys::time;

    #[test]
    fn reports_readable_pipe() {
        let mut r = Reactor::new().unwrap();
        let (rd, wr) = pipe2(O_CLOEXEC | O_NONBLOCK).unwrap();
        r.register(rd, 7, epoll::EPOLLIN).unwrap();
        let mut out = vec![];
        r.poll(Some(0), time::monotonic_ns(), &mut out).unwrap();
        assert!(out.is_empty());
        write_all(wr, b"x").unwrap();
        r.poll(Some(1_000_000_000), time::monotonic_ns(), &mut out)
            .unwrap();
        assert_eq!(
            out,
            vec![Event::Io {
                token: 7,
                readiness: epoll::EPOLLIN
            }]
        );
        r.deregister(rd).unwrap();
        fs::close(rd).unwrap();
        fs::close(wr).unwrap();
    }

    #[test]
    fn wakes_from_another_thread() {
        let mut r = Reactor::new().unwrap();
        let w = r.waker();
        let t = std::thread::spawn(move || w.wake());
        let mut out = vec![];
        r.poll(Some(5_000_000_000), time::monotonic_ns(), &mut out)
            .unwrap();
        t.join().unwrap();
        assert_eq!(out, vec![Event::Wake]);
    }

    #[test]
    fn poll_returns_when_timer_due() {
        let mut r = Reactor::new().unwrap();
        let start = time::monotonic_ns();
        r.timers.arm(1, start + 20_000_000);
        let mut out = vec![];
        r.poll(None, time::monotonic_ns(), &mut out).unwrap();
        let now = time::monotonic_ns();
        assert!(
            now - start >= 20_000_000,
            "woke {} ns early",
            20_000_000 - (now - start)
        );
        assert_eq!(r.timers.pop_due(now), Some(1));
    }
}
