//! Memory mappings.

use crate::raw::syscall6;
use crate::{check, nr, Result};

pub const PROT_NONE: u32 = 0;
pub const PROT_READ: u32 = 1;
pub const PROT_WRITE: u32 = 2;
pub const PROT_EXEC: u32 = 4;
pub const MAP_SHARED: u32 = 0x01;
pub const MAP_PRIVATE: u32 = 0x02;
pub const MAP_FIXED: u32 = 0x10;
pub const MAP_ANONYMOUS: u32 = 0x20;
pub const MAP_NORESERVE: u32 = 0x4000;

/// Maps memory and returns its address.
///
/// # Safety
/// With `MAP_FIXED` or a file the caller must ensure nothing Rust owns is replaced.
pub unsafe fn mmap(
    addr: usize,
    len: usize,
    prot: u32,
    flags: u32,
    fd: i32,
    off: u64,
) -> Result<usize> {
    // SAFETY: forwarded contract.
    check(unsafe {
        syscall6(
            nr::MMAP,
            addr,
            len,
            prot as usize,
            flags as usize,
            fd as isize as usize,
            off as usize,
        )
    })
}

/// Unmaps memory.
///
/// # Safety
/// Nothing may use the range afterwards.
pub unsafe fn munmap(addr: usize, len: usize) -> Result<()> {
    // SAFETY: forwarded contract.
    check(unsafe { syscall6(nr::MUNMAP, addr, len, 0, 0, 0, 0) }).map(drop)
}
