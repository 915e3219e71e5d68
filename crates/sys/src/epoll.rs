//! epoll: readiness notification for many descriptors.

use crate::raw::syscall6;
use crate::{check, nr, Result};

pub const EPOLLIN: u32 = 0x001;
pub const EPOLLPRI: u32 = 0x002;
pub const EPOLLOUT: u32 = 0x004;
pub const EPOLLERR: u32 = 0x008;
pub const EPOLLHUP: u32 = 0x010;
pub const EPOLLRDHUP: u32 = 0x2000;
pub const EPOLLONESHOT: u32 = 1 << 30;
pub const EPOLLET: u32 = 1 << 31;

pub const EPOLL_CTL_ADD: u32 = 1;
pub const EPOLL_CTL_DEL: u32 = 2;
pub const EPOLL_CTL_MOD: u32 = 3;
pub const EPOLL_CLOEXEC: u32 = 0o2000000;

/// `struct epoll_event`, packed on x86_64 as the kernel wants.
#[repr(C, packed)]
#[derive(Clone, Copy, Default)]
pub struct EpollEvent {
    pub events: u32,
    pub data: u64,
}

pub fn create() -> Result<i32> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::EPOLL_CREATE1, EPOLL_CLOEXEC as usize, 0, 0, 0, 0, 0) })
        .map(|v| v as i32)
}

pub fn ctl(epfd: i32, op: u32, fd: i32, events: u32, data: u64) -> Result<()> {
    let mut ev = EpollEvent { events, data };
    // SAFETY: ev is a valid epoll_event for the duration of the call.
    check(unsafe {
        syscall6(
            nr::EPOLL_CTL,
            epfd as usize,
            op as usize,
            fd as usize,
            &mut ev as *mut _ as usize,
            0,
            0,
        )
    })
    .map(drop)
}

/// Waits up to `timeout_ms` (-1: forever) and returns how many slots of `events` were filled.
pub fn wait(epfd: i32, events: &mut [EpollEvent], timeout_ms: i32) -> Result<usize> {
    // SAFETY: events is writable for its length in epoll_event units.
    check(unsafe {
        syscall6(
            nr::EPOLL_WAIT,
            epfd as usize,
            events.as_mut_ptr() as usize,
            events.len(),
            timeout_ms as isize as usize,
            0,
            0,
        )
    })
}
