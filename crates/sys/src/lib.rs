//! The one door to the kernel.
//!
//! `raw` holds the `syscall` instruction; `nr` the x86_64 syscall numbers; `errno` the
//! error type; the other modules are thin typed wrappers, one per kernel concern. Nothing
//! here calls libc: every wrapper ends in [`raw::syscall6`], except clock reads, which use
//! the kernel's own vDSO code where it is mapped ([`vdso`]).

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
compile_error!("unode-sys supports Linux on x86_64 only (aarch64 is planned)");

pub mod epoll;
pub mod errno;
pub mod event;
pub mod fs;
pub mod futex;
pub mod inotify;
pub mod mem;
pub mod net;
pub mod netlink;
pub mod nr;
pub mod process;
pub mod raw;
pub mod signal;
pub mod spawn;
pub mod time;
pub mod vdso;

pub use errno::{Errno, Result};

/// Turns a raw return value into `Ok(value)` or `Err(errno)`, the kernel's own convention:
/// values in `-4095..=-1` are negated errnos.
#[inline]
pub fn check(ret: isize) -> Result<usize> {
    if (-4095..0).contains(&ret) {
        Err(Errno(-ret as i32))
    } else {
        Ok(ret as usize)
    }
}

/// Retries a call while it fails with `EINTR`.
#[inline]
pub fn retry<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    loop {
        match f() {
            Err(Errno::EINTR) => continue,
            other => return other,
        }
    }
}
