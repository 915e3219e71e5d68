//! Clocks.

use crate::raw::syscall6;
use crate::{check, nr, Result};

pub const CLOCK_REALTIME: u32 = 0;
pub const CLOCK_MONOTONIC: u32 = 1;
pub const CLOCK_PROCESS_CPUTIME_ID: u32 = 2;
pub const CLOCK_BOOTTIME: u32 = 7;

/// Reads a clock, in nanoseconds: through the vDSO where the kernel maps one (see
/// [`crate::vdso`]), else by the system call.
pub fn clock_gettime(clock: u32) -> Result<u64> {
    if let Some(vdso) = crate::vdso::clock_gettime() {
        let mut ts = [0i64; 2];
        // SAFETY: ts is a struct timespec; the vDSO function has clock_gettime's contract.
        if unsafe { vdso(clock as i32, &mut ts) } == 0 {
            return Ok(ts[0] as u64 * 1_000_000_000 + ts[1] as u64);
        }
    }
    syscall_clock_gettime(clock)
}

/// Reads a clock by the system call, in nanoseconds.
pub fn syscall_clock_gettime(clock: u32) -> Result<u64> {
    let mut ts = [0i64; 2];
    // SAFETY: ts is a struct timespec (two i64s).
    check(unsafe {
        syscall6(
            nr::CLOCK_GETTIME,
            clock as usize,
            ts.as_mut_ptr() as usize,
            0,
            0,
            0,
            0,
        )
    })?;
    Ok(ts[0] as u64 * 1_000_000_000 + ts[1] as u64)
}

/// Monotonic nanoseconds; the clock cannot fail on Linux, so errors read as 0.
pub fn monotonic_ns() -> u64 {
    clock_gettime(CLOCK_MONOTONIC).unwrap_or(0)
}

/// Wall-clock nanoseconds since the epoch.
pub fn realtime_ns() -> u64 {
    clock_gettime(CLOCK_REALTIME).unwrap_or(0)
}

pub fn nanosleep(ns: u64) -> Result<()> {
    let ts = [(ns / 1_000_000_000) as i64, (ns % 1_000_000_000) as i64];
    // SAFETY: ts is a struct timespec; no remainder is requested.
    check(unsafe { syscall6(nr::NANOSLEEP, ts.as_ptr() as usize, 0, 0, 0, 0, 0) }).map(drop)
}
