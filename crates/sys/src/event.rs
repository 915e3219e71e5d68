//! eventfd: a counter descriptor used to wake an event loop from another thread.

use crate::raw::syscall6;
use crate::{check, fs, nr, Result};

pub const EFD_CLOEXEC: u32 = 0o2000000;
pub const EFD_NONBLOCK: u32 = 0o4000;

pub fn eventfd(initial: u32, flags: u32) -> Result<i32> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::EVENTFD2, initial as usize, flags as usize, 0, 0, 0, 0) })
        .map(|v| v as i32)
}

/// Adds one to the counter (wakes a waiter).
pub fn signal(fd: i32) -> Result<()> {
    fs::write(fd, &1u64.to_ne_bytes()).map(drop)
}

/// Reads and resets the counter; `EAGAIN` when it was zero on a non-blocking fd.
pub fn drain(fd: i32) -> Result<u64> {
    let mut buf = [0u8; 8];
    fs::read(fd, &mut buf)?;
    Ok(u64::from_ne_bytes(buf))
}
