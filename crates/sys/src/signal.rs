//! Signal masks and signalfd, so signals arrive as readable descriptors in the loop.

use crate::raw::syscall6;
use crate::{check, nr, Result};

pub const SIGHUP: i32 = 1;
pub const SIGINT: i32 = 2;
pub const SIGQUIT: i32 = 3;
pub const SIGKILL: i32 = 9;
pub const SIGUSR1: i32 = 10;
pub const SIGUSR2: i32 = 12;
pub const SIGPIPE: i32 = 13;
pub const SIGALRM: i32 = 14;
pub const SIGTERM: i32 = 15;
pub const SIGCHLD: i32 = 17;
pub const SIGSTOP: i32 = 19;
pub const SIGWINCH: i32 = 28;

pub const SIG_BLOCK: u32 = 0;
pub const SIG_UNBLOCK: u32 = 1;
pub const SIG_SETMASK: u32 = 2;
pub const SFD_NONBLOCK: u32 = 0o4000;
pub const SFD_CLOEXEC: u32 = 0o2000000;

/// Signal names and numbers as `os.constants.signals` lists them.
pub const NAMES: &[(&str, i32)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGCHLD", 17),
    ("SIGSTKFLT", 16),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
];

/// A kernel signal set (64 signals).
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct SigSet(pub u64);

impl SigSet {
    pub fn full() -> Self {
        SigSet(!0)
    }
    pub fn add(&mut self, sig: i32) {
        self.0 |= 1 << (sig - 1);
    }
    pub fn remove(&mut self, sig: i32) {
        self.0 &= !(1 << (sig - 1));
    }
    pub fn contains(&self, sig: i32) -> bool {
        self.0 & (1 << (sig - 1)) != 0
    }
}

/// Changes the calling thread's signal mask and returns the previous one.
pub fn sigprocmask(how: u32, set: &SigSet) -> Result<SigSet> {
    let mut old = SigSet::default();
    // SAFETY: both pointers are to u64 sigsets; sigsetsize is 8.
    check(unsafe {
        syscall6(
            nr::RT_SIGPROCMASK,
            how as usize,
            &set.0 as *const u64 as usize,
            &mut old.0 as *mut u64 as usize,
            8,
            0,
            0,
        )
    })?;
    Ok(old)
}

/// Creates (fd = -1) or updates a signalfd for `mask`.
pub fn signalfd(fd: i32, mask: &SigSet, flags: u32) -> Result<i32> {
    // SAFETY: mask is a u64 sigset; sigsetsize is 8.
    check(unsafe {
        syscall6(
            nr::SIGNALFD4,
            fd as isize as usize,
            &mask.0 as *const u64 as usize,
            8,
            flags as usize,
            0,
            0,
        )
    })
    .map(|v| v as i32)
}

/// Reads one pending signal from a signalfd (`signalfd_siginfo` is 128 bytes; the signal
/// number is its first u32).
pub fn read_signal(fd: i32) -> Result<i32> {
    let mut info = [0u8; 128];
    crate::fs::read(fd, &mut info)?;
    Ok(u32::from_ne_bytes([info[0], info[1], info[2], info[3]]) as i32)
}

/// Restores the default action for `sig` (`SIG_DFL`), e.g. before re-raising it.
pub fn set_default(sig: i32) -> Result<()> {
    // struct kernel_sigaction: handler, flags, restorer, mask — all zero is SIG_DFL.
    let act = [0u64; 4];
    // SAFETY: act is a zeroed kernel_sigaction; no old action is requested.
    check(unsafe {
        syscall6(
            nr::RT_SIGACTION,
            sig as usize,
            act.as_ptr() as usize,
            0,
            8,
            0,
            0,
        )
    })
    .map(drop)
}

/// Ignores `sig` (`SIG_IGN`), as Node does for SIGPIPE.
pub fn ignore(sig: i32) -> Result<()> {
    let act = [1u64, 0, 0, 0];
    // SAFETY: act is a kernel_sigaction with handler SIG_IGN.
    check(unsafe {
        syscall6(
            nr::RT_SIGACTION,
            sig as usize,
            act.as_ptr() as usize,
            0,
            8,
            0,
            0,
        )
    })
    .map(drop)
}
