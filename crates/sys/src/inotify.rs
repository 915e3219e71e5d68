//! inotify: file-system change notification as a readable descriptor.

use crate::raw::syscall6;
use crate::{check, fs, nr, Result};
use core::ffi::CStr;

pub const IN_MODIFY: u32 = 0x2;
pub const IN_ATTRIB: u32 = 0x4;
pub const IN_MOVED_FROM: u32 = 0x40;
pub const IN_MOVED_TO: u32 = 0x80;
pub const IN_CREATE: u32 = 0x100;
pub const IN_DELETE: u32 = 0x200;
pub const IN_DELETE_SELF: u32 = 0x400;
pub const IN_MOVE_SELF: u32 = 0x800;
pub const IN_NONBLOCK: u32 = 0o4000;
pub const IN_CLOEXEC: u32 = 0o2000000;

/// The events Node's fs.watch reports.
pub const WATCH_MASK: u32 = IN_MODIFY
    | IN_ATTRIB
    | IN_MOVED_FROM
    | IN_MOVED_TO
    | IN_CREATE
    | IN_DELETE
    | IN_DELETE_SELF
    | IN_MOVE_SELF;

pub fn init(flags: u32) -> Result<i32> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::INOTIFY_INIT1, flags as usize, 0, 0, 0, 0, 0) }).map(|v| v as i32)
}

pub fn add_watch(fd: i32, path: &CStr, mask: u32) -> Result<i32> {
    // SAFETY: path is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::INOTIFY_ADD_WATCH,
            fd as usize,
            path.as_ptr() as usize,
            mask as usize,
            0,
            0,
            0,
        )
    })
    .map(|v| v as i32)
}

/// One event: its mask and the name inside a watched directory (empty for the target).
#[derive(Debug, PartialEq, Eq)]
pub struct Event {
    pub mask: u32,
    pub name: Vec<u8>,
}

/// Reads the pending events (empty when none are queued on a non-blocking fd).
pub fn read_events(fd: i32) -> Result<Vec<Event>> {
    let mut buf = [0u8; 8192];
    let n = match crate::retry(|| fs::read(fd, &mut buf)) {
        Ok(n) => n,
        Err(crate::Errno::EAGAIN) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    let mut off = 0;
    // struct inotify_event { int wd; u32 mask; u32 cookie; u32 len; char name[len]; }
    while off + 16 <= n {
        let mask = u32::from_ne_bytes([buf[off + 4], buf[off + 5], buf[off + 6], buf[off + 7]]);
        let len = u32::from_ne_bytes([buf[off + 12], buf[off + 13], buf[off + 14], buf[off + 15]])
            as usize;
        let raw = &buf[off + 16..(off + 16 + len).min(n)];
        let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
        out.push(Event {
            mask,
            name: raw[..end].to_vec(),
        });
        off += 16 + len;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_a_file_created_in_a_watched_dir() {
        let dir = format!("/tmp/unode-inotify-{}", crate::process::getpid());
        let cdir = std::ffi::CString::new(dir.clone()).unwrap();
        fs::mkdir(&cdir, 0o755).unwrap();
        let fd = init(IN_NONBLOCK | IN_CLOEXEC).unwrap();
        add_watch(fd, &cdir, WATCH_MASK).unwrap();
        let file = std::ffi::CString::new(format!("{dir}/f")).unwrap();
        let f = fs::open(&file, fs::O_WRONLY | fs::O_CREAT, 0o644).unwrap();
        fs::close(f).unwrap();
        let events = read_events(fd).unwrap();
        assert!(
            events
                .iter()
                .any(|e| e.mask & IN_CREATE != 0 && e.name == b"f"),
            "{events:?}"
        );
        fs::unlink(&file).unwrap();
        fs::rmdir(&cdir).unwrap();
        fs::close(fd).unwrap();
    }
}
