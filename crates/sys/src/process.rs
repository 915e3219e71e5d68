//! The process: ids, exit, signals to others, system facts.

use crate::raw::syscall6;
use crate::{check, nr, Errno, Result};
use core::ffi::CStr;

pub fn getpid() -> i32 {
    // SAFETY: getpid has no arguments and cannot fail.
    unsafe { syscall6(nr::GETPID, 0, 0, 0, 0, 0, 0) as i32 }
}

pub fn getppid() -> i32 {
    // SAFETY: getppid has no arguments and cannot fail.
    unsafe { syscall6(nr::GETPPID, 0, 0, 0, 0, 0, 0) as i32 }
}

pub fn gettid() -> i32 {
    // SAFETY: gettid has no arguments and cannot fail.
    unsafe { syscall6(nr::GETTID, 0, 0, 0, 0, 0, 0) as i32 }
}

pub fn getuid() -> u32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { syscall6(nr::GETUID, 0, 0, 0, 0, 0, 0) as u32 }
}

pub fn getgid() -> u32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { syscall6(nr::GETGID, 0, 0, 0, 0, 0, 0) as u32 }
}

pub fn geteuid() -> u32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { syscall6(nr::GETEUID, 0, 0, 0, 0, 0, 0) as u32 }
}

pub fn getegid() -> u32 {
    // SAFETY: no arguments, cannot fail.
    unsafe { syscall6(nr::GETEGID, 0, 0, 0, 0, 0, 0) as u32 }
}

pub fn kill(pid: i32, sig: i32) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::KILL, pid as isize as usize, sig as usize, 0, 0, 0, 0) }).map(drop)
}

/// Ends the whole process (all threads) with `code`.
pub fn exit_group(code: i32) -> ! {
    // A build recording QuickJS's profile (scripts/build-release.sh) writes it here: gcov
    // writes at libc's exit, which a raw exit_group never reaches. Never in what ships.
    #[cfg(feature = "pgo-generate")]
    {
        #[link(name = "gcov")]
        extern "C" {
            fn __gcov_dump();
        }
        // SAFETY: writes the profile counters of the C code built for profile generation.
        unsafe { __gcov_dump() };
    }
    loop {
        // SAFETY: exit_group does not return.
        unsafe { syscall6(nr::EXIT_GROUP, code as usize, 0, 0, 0, 0, 0) };
    }
}

/// `struct utsname` fields as strings: sysname, nodename, release, version, machine.
pub fn uname() -> Result<[String; 5]> {
    let mut buf = [0u8; 65 * 6];
    // SAFETY: struct utsname is six 65-byte fields.
    check(unsafe { syscall6(nr::UNAME, buf.as_mut_ptr() as usize, 0, 0, 0, 0, 0) })?;
    let field = |i: usize| {
        let f = &buf[i * 65..(i + 1) * 65];
        let end = f.iter().position(|&b| b == 0).unwrap_or(65);
        String::from_utf8_lossy(&f[..end]).into_owned()
    };
    Ok([field(0), field(1), field(2), field(3), field(4)])
}

/// Resource usage of this process: (user µs, system µs, max RSS in KiB).
pub fn getrusage_self() -> Result<(u64, u64, u64)> {
    let mut ru = [0i64; 18];
    // SAFETY: struct rusage is 18 longs on x86_64; RUSAGE_SELF = 0.
    check(unsafe { syscall6(nr::GETRUSAGE, 0, ru.as_mut_ptr() as usize, 0, 0, 0, 0) })?;
    let us = |s: i64, u: i64| (s as u64) * 1_000_000 + u as u64;
    Ok((us(ru[0], ru[1]), us(ru[2], ru[3]), ru[4] as u64))
}

/// How many CPUs this process may run on (sched_getaffinity).
pub fn cpu_affinity_count() -> Result<usize> {
    let mut mask = [0u64; 16];
    // SAFETY: mask is a 1024-bit cpu_set_t; pid 0 is the calling thread.
    let n = check(unsafe {
        syscall6(
            nr::SCHED_GETAFFINITY,
            0,
            128,
            mask.as_mut_ptr() as usize,
            0,
            0,
            0,
        )
    })?;
    Ok(mask[..n / 8].iter().map(|w| w.count_ones() as usize).sum())
}

pub const PRIO_PROCESS: u32 = 0;

/// The nice value of `pid` (0: this process).
pub fn getpriority(pid: i32) -> Result<i32> {
    // SAFETY: no memory arguments. The raw syscall returns 20 - nice.
    check(unsafe {
        syscall6(
            nr::GETPRIORITY,
            PRIO_PROCESS as usize,
            pid as usize,
            0,
            0,
            0,
            0,
        )
    })
    .map(|v| 20 - v as i32)
}

pub fn setpriority(pid: i32, nice: i32) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe {
        syscall6(
            nr::SETPRIORITY,
            PRIO_PROCESS as usize,
            pid as usize,
            nice as isize as usize,
            0,
            0,
            0,
        )
    })
    .map(drop)
}

pub const SIGCHLD: usize = 17;

/// fork(2) as clone(SIGCHLD): 0 in the child, the child's pid in the parent.
///
/// # Safety
/// The child shares nothing but must only call async-signal-safe code (here: raw
/// syscalls) before execve or exit; Rust's allocator state may be inconsistent in it.
pub unsafe fn fork() -> Result<i32> {
    // SAFETY: forwarded contract; clone with only SIGCHLD is fork.
    check(unsafe { syscall6(nr::CLONE, SIGCHLD, 0, 0, 0, 0, 0) }).map(|v| v as i32)
}

/// execve(2) with NUL-terminated pointer arrays; returns only on failure.
pub fn execve(path: &CStr, argv: &[*const u8], envp: &[*const u8]) -> Errno {
    // SAFETY: argv and envp are NULL-terminated arrays of NUL-terminated strings that
    // outlive the call (execve does not return on success).
    let r = unsafe {
        syscall6(
            nr::EXECVE,
            path.as_ptr() as usize,
            argv.as_ptr() as usize,
            envp.as_ptr() as usize,
            0,
            0,
            0,
        )
    };
    Errno(-r as i32)
}

/// Waits for any child; returns (pid, raw wait status).
pub fn wait_any() -> Result<(i32, i32)> {
    let mut status: i32 = 0;
    // SAFETY: status is an int; no rusage.
    let pid = check(unsafe {
        syscall6(
            nr::WAIT4,
            -1isize as usize,
            &mut status as *mut i32 as usize,
            0,
            0,
            0,
            0,
        )
    })?;
    Ok((pid as i32, status))
}

/// A wait status as a shell would report it: the exit code, or 128 + the signal.
pub fn exit_code_of(status: i32) -> i32 {
    if status & 0x7f == 0 {
        (status >> 8) & 0xff
    } else {
        128 + (status & 0x7f)
    }
}

pub fn mount(source: &CStr, target: &CStr, fstype: &CStr, flags: u64) -> Result<()> {
    // SAFETY: the strings are NUL-terminated; no filesystem-specific data.
    check(unsafe {
        syscall6(
            nr::MOUNT,
            source.as_ptr() as usize,
            target.as_ptr() as usize,
            fstype.as_ptr() as usize,
            flags as usize,
            0,
            0,
        )
    })
    .map(drop)
}

pub const REBOOT_POWER_OFF: u32 = 0x4321_FEDC;
pub const REBOOT_RESTART: u32 = 0x0123_4567;

/// reboot(2) (as PID 1): powers off or restarts the machine.
pub fn reboot(cmd: u32) -> Result<()> {
    // SAFETY: the magic numbers and a command; no argument buffer.
    check(unsafe { syscall6(nr::REBOOT, 0xfee1_dead, 672_274_793, cmd as usize, 0, 0, 0) })
        .map(drop)
}

/// Fills `buf` with random bytes.
pub fn getrandom(buf: &mut [u8]) -> Result<usize> {
    // SAFETY: buf is writable for its length.
    check(unsafe {
        syscall6(
            nr::GETRANDOM,
            buf.as_mut_ptr() as usize,
            buf.len(),
            0,
            0,
            0,
            0,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_uname() {
        assert!(getpid() > 0);
        assert!(getppid() >= 0);
        assert_eq!(uname().unwrap()[0], "Linux");
    }

    #[test]
    fn affinity_and_priority() {
        assert!(cpu_affinity_count().unwrap() >= 1);
        let nice = getpriority(0).unwrap();
        assert!((-20..=19).contains(&nice));
    }

    #[test]
    fn kill_zero_checks_existence() {
        assert!(kill(getpid(), 0).is_ok());
        assert_eq!(kill(-999_999, 0), Err(crate::Errno::ESRCH));
    }
}
