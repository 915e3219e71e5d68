//! Files, directories and descriptors.

use crate::raw::syscall6;
use crate::{check, nr, retry, Result};
use core::ffi::CStr;

/// `AT_FDCWD`: resolve relative paths against the working directory.
pub const AT_FDCWD: isize = -100;
pub const AT_SYMLINK_NOFOLLOW: u32 = 0x100;
pub const AT_REMOVEDIR: u32 = 0x200;
pub const AT_EMPTY_PATH: u32 = 0x1000;

pub const O_RDONLY: u32 = 0;
pub const O_WRONLY: u32 = 1;
pub const O_RDWR: u32 = 2;
pub const O_CREAT: u32 = 0o100;
pub const O_EXCL: u32 = 0o200;
pub const O_NOCTTY: u32 = 0o400;
pub const O_TRUNC: u32 = 0o1000;
pub const O_APPEND: u32 = 0o2000;
pub const O_NONBLOCK: u32 = 0o4000;
pub const O_DSYNC: u32 = 0o10000;
pub const O_DIRECTORY: u32 = 0o200000;
pub const O_NOFOLLOW: u32 = 0o400000;
pub const O_CLOEXEC: u32 = 0o2000000;
pub const O_SYNC: u32 = 0o4010000;

pub const F_GETFD: u32 = 1;
pub const F_SETFD: u32 = 2;
pub const F_GETFL: u32 = 3;
pub const F_SETFL: u32 = 4;

pub const S_IFMT: u32 = 0o170000;
pub const S_IFSOCK: u32 = 0o140000;
pub const S_IFLNK: u32 = 0o120000;
pub const S_IFREG: u32 = 0o100000;
pub const S_IFBLK: u32 = 0o060000;
pub const S_IFDIR: u32 = 0o040000;
pub const S_IFCHR: u32 = 0o020000;
pub const S_IFIFO: u32 = 0o010000;

pub const F_OK: u32 = 0;
pub const R_OK: u32 = 4;
pub const W_OK: u32 = 2;
pub const X_OK: u32 = 1;

/// A file's status, as statx(2) reports it (birth time included where the filesystem
/// keeps one; 0 where it does not, as libuv leaves it).
#[derive(Clone, Copy, Debug, Default)]
pub struct Stat {
    pub dev: u64,
    pub ino: u64,
    pub nlink: u64,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub rdev: u64,
    pub size: i64,
    pub blksize: i64,
    pub blocks: i64,
    pub atime: i64,
    pub atime_nsec: i64,
    pub mtime: i64,
    pub mtime_nsec: i64,
    pub ctime: i64,
    pub ctime_nsec: i64,
    pub birthtime: i64,
    pub birthtime_nsec: i64,
}

/// `struct stat` as the x86_64 kernel lays it out (newfstatat, where statx is missing).
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct KernelStat {
    dev: u64,
    ino: u64,
    nlink: u64,
    mode: u32,
    uid: u32,
    gid: u32,
    _pad0: u32,
    rdev: u64,
    size: i64,
    blksize: i64,
    blocks: i64,
    atime: [i64; 2],
    mtime: [i64; 2],
    ctime: [i64; 2],
    _unused: [i64; 3],
}

/// `struct statx_timestamp`.
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct StatxTime {
    sec: i64,
    nsec: u32,
    _reserved: i32,
}

/// `struct statx` (256 bytes).
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct Statx {
    mask: u32,
    blksize: u32,
    attributes: u64,
    nlink: u32,
    uid: u32,
    gid: u32,
    mode: u16,
    _spare0: u16,
    ino: u64,
    size: u64,
    blocks: u64,
    attributes_mask: u64,
    atime: StatxTime,
    btime: StatxTime,
    ctime: StatxTime,
    mtime: StatxTime,
    rdev_major: u32,
    rdev_minor: u32,
    dev_major: u32,
    dev_minor: u32,
    _spare: [u64; 14],
}

/// The basic fields and the birth time (STATX_BASIC_STATS | STATX_BTIME).
const STATX_WANTED: u32 = 0x7ff | 0x800;

/// glibc's makedev: the dev_t encoding `struct stat` uses.
fn makedev(major: u32, minor: u32) -> u64 {
    let (major, minor) = (major as u64, minor as u64);
    ((major & 0xffff_f000) << 32)
        | ((major & 0xfff) << 8)
        | ((minor & 0xffff_ff00) << 12)
        | (minor & 0xff)
}

impl Stat {
    pub fn is_dir(&self) -> bool {
        self.mode & S_IFMT == S_IFDIR
    }
    pub fn is_file(&self) -> bool {
        self.mode & S_IFMT == S_IFREG
    }
}

pub fn openat(dirfd: isize, path: &CStr, flags: u32, mode: u32) -> Result<i32> {
    // SAFETY: path is NUL-terminated and outlives the call.
    let r = unsafe {
        syscall6(
            nr::OPENAT,
            dirfd as usize,
            path.as_ptr() as usize,
            flags as usize,
            mode as usize,
            0,
            0,
        )
    };
    check(r).map(|fd| fd as i32)
}

pub fn open(path: &CStr, flags: u32, mode: u32) -> Result<i32> {
    openat(AT_FDCWD, path, flags | O_CLOEXEC, mode)
}

pub fn close(fd: i32) -> Result<()> {
    // SAFETY: closing a number has no memory effects.
    check(unsafe { syscall6(nr::CLOSE, fd as usize, 0, 0, 0, 0, 0) }).map(drop)
}

pub fn read(fd: i32, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: buf is writable for its length.
    check(unsafe {
        syscall6(
            nr::READ,
            fd as usize,
            buf.as_mut_ptr() as usize,
            buf.len(),
            0,
            0,
            0,
        )
    })
}

/// Reads into `buf`'s spare capacity (memory that need not be zeroed first) and grows its
/// length by what was read.
pub fn read_spare(fd: i32, buf: &mut Vec<u8>) -> Result<usize> {
    let spare = buf.spare_capacity_mut();
    // SAFETY: the spare capacity is writable for its length; the kernel writes at most
    // that many bytes.
    let n = check(unsafe {
        syscall6(
            nr::READ,
            fd as usize,
            spare.as_mut_ptr() as usize,
            spare.len(),
            0,
            0,
            0,
        )
    })?;
    // SAFETY: the kernel initialised the first n bytes of the spare capacity.
    unsafe { buf.set_len(buf.len() + n) };
    Ok(n)
}

pub fn write(fd: i32, buf: &[u8]) -> Result<usize> {
    // SAFETY: buf is readable for its length.
    check(unsafe {
        syscall6(
            nr::WRITE,
            fd as usize,
            buf.as_ptr() as usize,
            buf.len(),
            0,
            0,
            0,
        )
    })
}

pub fn pread(fd: i32, buf: &mut [u8], offset: u64) -> Result<usize> {
    // SAFETY: buf is writable for its length.
    check(unsafe {
        syscall6(
            nr::PREAD64,
            fd as usize,
            buf.as_mut_ptr() as usize,
            buf.len(),
            offset as usize,
            0,
            0,
        )
    })
}

pub fn pwrite(fd: i32, buf: &[u8], offset: u64) -> Result<usize> {
    // SAFETY: buf is readable for its length.
    check(unsafe {
        syscall6(
            nr::PWRITE64,
            fd as usize,
            buf.as_ptr() as usize,
            buf.len(),
            offset as usize,
            0,
            0,
        )
    })
}

/// Writes all of `buf`, retrying short writes and `EINTR`.
pub fn write_all(fd: i32, mut buf: &[u8]) -> Result<()> {
    while !buf.is_empty() {
        let n = crate::retry(|| write(fd, buf))?;
        buf = &buf[n..];
    }
    Ok(())
}

pub fn lseek(fd: i32, offset: i64, whence: u32) -> Result<u64> {
    // SAFETY: no memory arguments.
    check(unsafe {
        syscall6(
            nr::LSEEK,
            fd as usize,
            offset as usize,
            whence as usize,
            0,
            0,
            0,
        )
    })
    .map(|v| v as u64)
}

fn fstatat(dirfd: isize, path: &CStr, flags: u32) -> Result<Stat> {
    let mut x = Statx::default();
    // SAFETY: x is a properly sized, writable `struct statx`; path is NUL-terminated.
    let r = check(unsafe {
        syscall6(
            nr::STATX,
            dirfd as usize,
            path.as_ptr() as usize,
            flags as usize,
            STATX_WANTED as usize,
            &mut x as *mut Statx as usize,
            0,
        )
    });
    match r {
        Ok(_) => Ok(Stat {
            dev: makedev(x.dev_major, x.dev_minor),
            ino: x.ino,
            nlink: x.nlink as u64,
            mode: x.mode as u32,
            uid: x.uid,
            gid: x.gid,
            rdev: makedev(x.rdev_major, x.rdev_minor),
            size: x.size as i64,
            blksize: x.blksize as i64,
            blocks: x.blocks as i64,
            atime: x.atime.sec,
            atime_nsec: x.atime.nsec as i64,
            mtime: x.mtime.sec,
            mtime_nsec: x.mtime.nsec as i64,
            ctime: x.ctime.sec,
            ctime_nsec: x.ctime.nsec as i64,
            birthtime: x.btime.sec,
            birthtime_nsec: x.btime.nsec as i64,
        }),
        // Kernels before 4.11 (and some sandboxes) have no statx.
        Err(crate::Errno::ENOSYS) => {
            let mut st = KernelStat::default();
            // SAFETY: st is a properly sized, writable `struct stat`; path is NUL-terminated.
            check(unsafe {
                syscall6(
                    nr::NEWFSTATAT,
                    dirfd as usize,
                    path.as_ptr() as usize,
                    &mut st as *mut KernelStat as usize,
                    flags as usize,
                    0,
                    0,
                )
            })?;
            Ok(Stat {
                dev: st.dev,
                ino: st.ino,
                nlink: st.nlink,
                mode: st.mode,
                uid: st.uid,
                gid: st.gid,
                rdev: st.rdev,
                size: st.size,
                blksize: st.blksize,
                blocks: st.blocks,
                atime: st.atime[0],
                atime_nsec: st.atime[1],
                mtime: st.mtime[0],
                mtime_nsec: st.mtime[1],
                ctime: st.ctime[0],
                ctime_nsec: st.ctime[1],
                birthtime: 0,
                birthtime_nsec: 0,
            })
        }
        Err(e) => Err(e),
    }
}

pub fn stat(path: &CStr) -> Result<Stat> {
    fstatat(AT_FDCWD, path, 0)
}

pub fn lstat(path: &CStr) -> Result<Stat> {
    fstatat(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW)
}

pub fn fstat(fd: i32) -> Result<Stat> {
    fstatat(fd as isize, c"", AT_EMPTY_PATH)
}

pub fn mkdir(path: &CStr, mode: u32) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::MKDIRAT,
            AT_FDCWD as usize,
            path.as_ptr() as usize,
            mode as usize,
            0,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn unlink(path: &CStr) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::UNLINKAT,
            AT_FDCWD as usize,
            path.as_ptr() as usize,
            0,
            0,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn rmdir(path: &CStr) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::UNLINKAT,
            AT_FDCWD as usize,
            path.as_ptr() as usize,
            AT_REMOVEDIR as usize,
            0,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn rename(from: &CStr, to: &CStr) -> Result<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe {
        syscall6(
            nr::RENAMEAT2,
            AT_FDCWD as usize,
            from.as_ptr() as usize,
            AT_FDCWD as usize,
            to.as_ptr() as usize,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn access(path: &CStr, mode: u32) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::FACCESSAT,
            AT_FDCWD as usize,
            path.as_ptr() as usize,
            mode as usize,
            0,
            0,
            0,
        )
    })
    .map(drop)
}

/// Reads a symlink's target into `buf`, returning its length.
pub fn readlink(path: &CStr, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: path is NUL-terminated; buf is writable for its length.
    check(unsafe {
        syscall6(
            nr::READLINKAT,
            AT_FDCWD as usize,
            path.as_ptr() as usize,
            buf.as_mut_ptr() as usize,
            buf.len(),
            0,
            0,
        )
    })
}

/// The working directory, as bytes (no trailing NUL).
pub fn getcwd() -> Result<Vec<u8>> {
    let mut buf = vec![0u8; 4096];
    // SAFETY: buf is writable for its length.
    let n =
        check(unsafe { syscall6(nr::GETCWD, buf.as_mut_ptr() as usize, buf.len(), 0, 0, 0, 0) })?;
    // The kernel counts the NUL terminator.
    buf.truncate(n.saturating_sub(1));
    Ok(buf)
}

pub fn chdir(path: &CStr) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    check(unsafe { syscall6(nr::CHDIR, path.as_ptr() as usize, 0, 0, 0, 0, 0) }).map(drop)
}

pub fn umask(mask: u32) -> u32 {
    // SAFETY: no memory arguments; umask cannot fail.
    unsafe { syscall6(nr::UMASK, mask as usize, 0, 0, 0, 0, 0) as u32 }
}

pub fn fcntl(fd: i32, cmd: u32, arg: usize) -> Result<usize> {
    // SAFETY: the commands used with this wrapper take integer arguments.
    check(unsafe { syscall6(nr::FCNTL, fd as usize, cmd as usize, arg, 0, 0, 0) })
}

/// Sets or clears `O_NONBLOCK` on a descriptor.
pub fn set_nonblocking(fd: i32, on: bool) -> Result<()> {
    let flags = fcntl(fd, F_GETFL, 0)? as u32;
    let flags = if on {
        flags | O_NONBLOCK
    } else {
        flags & !O_NONBLOCK
    };
    fcntl(fd, F_SETFL, flags as usize).map(drop)
}

pub fn dup(fd: i32) -> Result<i32> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::DUP, fd as usize, 0, 0, 0, 0, 0) }).map(|v| v as i32)
}

pub fn dup3(old: i32, new: i32, flags: u32) -> Result<i32> {
    // SAFETY: no memory arguments.
    check(unsafe {
        syscall6(
            nr::DUP3,
            old as usize,
            new as usize,
            flags as usize,
            0,
            0,
            0,
        )
    })
    .map(|v| v as i32)
}

/// A pipe: `(read end, write end)`.
pub fn pipe2(flags: u32) -> Result<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: fds is an int[2].
    check(unsafe {
        syscall6(
            nr::PIPE2,
            fds.as_mut_ptr() as usize,
            flags as usize,
            0,
            0,
            0,
            0,
        )
    })?;
    Ok((fds[0], fds[1]))
}

/// `ioctl` with a pointer argument.
///
/// # Safety
/// `arg` must be valid for what request `req` reads or writes.
pub unsafe fn ioctl(fd: i32, req: usize, arg: usize) -> Result<usize> {
    // SAFETY: forwarded contract.
    check(unsafe { syscall6(nr::IOCTL, fd as usize, req, arg, 0, 0, 0) })
}

pub fn ftruncate(fd: i32, len: u64) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::FTRUNCATE, fd as usize, len as usize, 0, 0, 0, 0) }).map(drop)
}

pub fn truncate(path: &CStr, len: u64) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::TRUNCATE,
            path.as_ptr() as usize,
            len as usize,
            0,
            0,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn fsync(fd: i32) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::FSYNC, fd as usize, 0, 0, 0, 0, 0) }).map(drop)
}

pub fn fdatasync(fd: i32) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::FDATASYNC, fd as usize, 0, 0, 0, 0, 0) }).map(drop)
}

pub fn chmod(path: &CStr, mode: u32) -> Result<()> {
    // SAFETY: path is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::FCHMODAT,
            AT_FDCWD as usize,
            path.as_ptr() as usize,
            mode as usize,
            0,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn fchmod(fd: i32, mode: u32) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::FCHMOD, fd as usize, mode as usize, 0, 0, 0, 0) }).map(drop)
}

/// chown (`follow`) or lchown (`!follow`).
pub fn chown(path: &CStr, uid: u32, gid: u32, follow: bool) -> Result<()> {
    let flags = if follow { 0 } else { AT_SYMLINK_NOFOLLOW };
    // SAFETY: path is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::FCHOWNAT,
            AT_FDCWD as usize,
            path.as_ptr() as usize,
            uid as usize,
            gid as usize,
            flags as usize,
            0,
        )
    })
    .map(drop)
}

pub fn fchown(fd: i32, uid: u32, gid: u32) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::FCHOWN, fd as usize, uid as usize, gid as usize, 0, 0, 0) })
        .map(drop)
}

/// Sets access and modification times (seconds + nanoseconds). `path` None means `fd`
/// itself (futimens); `follow` false sets a symlink's own times.
pub fn utimens(
    fd: i32,
    path: Option<&CStr>,
    atime: (i64, i64),
    mtime: (i64, i64),
    follow: bool,
) -> Result<()> {
    let ts = [atime.0, atime.1, mtime.0, mtime.1];
    let (dirfd, p) = match path {
        Some(p) => (AT_FDCWD as usize, p.as_ptr() as usize),
        None => (fd as usize, 0),
    };
    let flags = if follow { 0 } else { AT_SYMLINK_NOFOLLOW };
    // SAFETY: ts is two struct timespec; the path, when given, is NUL-terminated.
    check(unsafe {
        syscall6(
            nr::UTIMENSAT,
            dirfd,
            p,
            ts.as_ptr() as usize,
            flags as usize,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn link(existing: &CStr, new: &CStr) -> Result<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe {
        syscall6(
            nr::LINKAT,
            AT_FDCWD as usize,
            existing.as_ptr() as usize,
            AT_FDCWD as usize,
            new.as_ptr() as usize,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn symlink(target: &CStr, path: &CStr) -> Result<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe {
        syscall6(
            nr::SYMLINKAT,
            target.as_ptr() as usize,
            AT_FDCWD as usize,
            path.as_ptr() as usize,
            0,
            0,
            0,
        )
    })
    .map(drop)
}

/// preadv/pwritev over several buffers; `offset` -1 uses (and moves) the file position.
///
/// # Safety
/// Each (ptr, len) must be valid memory, writable for a read.
pub unsafe fn vectored(
    fd: i32,
    bufs: &[(usize, usize)],
    offset: i64,
    write: bool,
) -> Result<usize> {
    let iov: Vec<usize> = bufs.iter().flat_map(|&(p, l)| [p, l]).collect();
    let nr = if write { nr::PWRITEV2 } else { nr::PREADV2 };
    // SAFETY: iov is an array of struct iovec built from the caller's valid buffers;
    // offset -1 with preadv2/pwritev2 means the current position.
    check(unsafe {
        syscall6(
            nr,
            fd as usize,
            iov.as_ptr() as usize,
            bufs.len(),
            offset as usize,
            (offset >> 32) as usize,
            0,
        )
    })
}

/// statfs(2): (type, bsize, blocks, bfree, bavail, files, ffree).
pub fn statfs(path: &CStr) -> Result<[u64; 7]> {
    let mut buf = [0u64; 15];
    // SAFETY: struct statfs is 120 bytes on x86_64.
    check(unsafe {
        syscall6(
            nr::STATFS,
            path.as_ptr() as usize,
            buf.as_mut_ptr() as usize,
            0,
            0,
            0,
            0,
        )
    })?;
    Ok([buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6]])
}

/// Copies up to `len` bytes between descriptors in the kernel, returning how many.
pub fn copy_file_range(from: i32, to: i32, len: usize) -> Result<usize> {
    // SAFETY: null offsets use and advance both file positions.
    check(unsafe {
        syscall6(
            nr::COPY_FILE_RANGE,
            from as usize,
            0,
            to as usize,
            0,
            len,
            0,
        )
    })
}

/// Blocks until `fd` is writable (for a non-blocking descriptor that returned EAGAIN).
pub fn wait_writable(fd: i32) -> Result<()> {
    let mut fds = [PollFd::new(fd, POLLOUT)];
    retry(|| poll(&mut fds, -1)).map(drop)
}

pub const POLLIN: i16 = 0x1;
pub const POLLOUT: i16 = 0x4;
pub const POLLERR: i16 = 0x8;
pub const POLLHUP: i16 = 0x10;

/// struct pollfd.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct PollFd {
    pub fd: i32,
    pub events: i16,
    pub revents: i16,
}

impl PollFd {
    pub fn new(fd: i32, events: i16) -> Self {
        PollFd {
            fd,
            events,
            revents: 0,
        }
    }
}

/// poll(2): how many of `fds` have events; 0 when `timeout_ms` (−1: none) passed first.
pub fn poll(fds: &mut [PollFd], timeout_ms: i32) -> Result<usize> {
    // SAFETY: fds is a slice of struct pollfd the kernel updates in place.
    check(unsafe {
        syscall6(
            nr::POLL,
            fds.as_mut_ptr() as usize,
            fds.len(),
            timeout_ms as isize as usize,
            0,
            0,
            0,
        )
    })
}

const TCGETS: usize = 0x5401;
const TIOCGWINSZ: usize = 0x5413;

/// Whether `fd` is a terminal (a `TCGETS` that succeeds).
pub fn isatty(fd: i32) -> bool {
    let mut termios = [0u8; 60];
    // SAFETY: struct termios is 60 bytes on x86_64.
    unsafe { ioctl(fd, TCGETS, termios.as_mut_ptr() as usize) }.is_ok()
}

/// A terminal's size as (columns, rows).
pub fn window_size(fd: i32) -> Result<(u16, u16)> {
    let mut ws = [0u16; 4];
    // SAFETY: struct winsize is four u16s.
    unsafe { ioctl(fd, TIOCGWINSZ, ws.as_mut_ptr() as usize) }?;
    Ok((ws[1], ws[0]))
}

/// Reads raw `linux_dirent64` records into `buf`; 0 means the end of the directory.
pub fn getdents64(fd: i32, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: buf is writable for its length.
    check(unsafe {
        syscall6(
            nr::GETDENTS64,
            fd as usize,
            buf.as_mut_ptr() as usize,
            buf.len(),
            0,
            0,
            0,
        )
    })
}

/// One directory entry: its name and `d_type` (`DT_*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirEntry {
    pub name: Vec<u8>,
    pub kind: u8,
}

pub const DT_UNKNOWN: u8 = 0;
pub const DT_FIFO: u8 = 1;
pub const DT_CHR: u8 = 2;
pub const DT_DIR: u8 = 4;
pub const DT_BLK: u8 = 6;
pub const DT_REG: u8 = 8;
pub const DT_LNK: u8 = 10;
pub const DT_SOCK: u8 = 12;

/// Parses the records `getdents64` wrote, skipping `.` and `..`.
pub fn parse_dirents(buf: &[u8], out: &mut Vec<DirEntry>) {
    let mut off = 0;
    // linux_dirent64: u64 ino, i64 off, u16 reclen, u8 type, char name[].
    while off + 19 <= buf.len() {
        let reclen = u16::from_ne_bytes([buf[off + 16], buf[off + 17]]) as usize;
        if reclen == 0 || off + reclen > buf.len() {
            break;
        }
        let kind = buf[off + 18];
        let name_bytes = &buf[off + 19..off + reclen];
        let len = name_bytes
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(name_bytes.len());
        let name = &name_bytes[..len];
        if name != b"." && name != b".." {
            out.push(DirEntry {
                name: name.to_vec(),
                kind,
            });
        }
        off += reclen;
    }
}

/// Every entry of the directory at `path` (without `.` and `..`), in the kernel's order.
pub fn read_dir(path: &CStr) -> Result<Vec<DirEntry>> {
    let fd = open(path, O_RDONLY | O_DIRECTORY, 0)?;
    let mut buf = vec![0u8; 32 * 1024];
    let mut out = Vec::new();
    let result = loop {
        match getdents64(fd, &mut buf) {
            Ok(0) => break Ok(out),
            Ok(n) => parse_dirents(&buf[..n], &mut out),
            Err(e) => break Err(e),
        }
    };
    let _ = close(fd);
    result
}

/// A whole file's contents.
pub fn read_file(path: &CStr) -> Result<Vec<u8>> {
    let fd = open(path, O_RDONLY, 0)?;
    let result = read_fd_to_end(fd);
    let _ = close(fd);
    result
}

/// The most a whole-file read returns (Node's kIoMaxLength, 2 GiB - 1): a larger regular
/// file is refused with EFBIG before anything is read.
pub const READ_FILE_MAX: usize = (1 << 31) - 1;

/// Reads `fd` until end of file; a regular file until its size (as Node does: a file
/// that grows meanwhile is read as it was), anything else until read(2) returns 0.
pub fn read_fd_to_end(fd: i32) -> Result<Vec<u8>> {
    let size = match fstat(fd) {
        Ok(st) if st.is_file() => st.size.max(0) as usize,
        _ => 0,
    };
    if size > READ_FILE_MAX {
        return Err(crate::Errno::EFBIG);
    }
    let mut out = Vec::with_capacity(size.max(1));
    loop {
        if size > 0 && out.len() >= size {
            return Ok(out);
        }
        if out.capacity() - out.len() < 4096 && (size == 0 || out.len() >= size) {
            out.reserve(out.capacity().max(8192));
        }
        if crate::retry(|| read_spare(fd, &mut out))? == 0 {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Errno;

    #[test]
    fn open_missing_is_enoent() {
        assert_eq!(open(c"/nonexistent/unode", O_RDONLY, 0), Err(Errno::ENOENT));
    }

    #[test]
    fn read_file_and_stat() {
        let data = read_file(c"/proc/self/stat").unwrap();
        assert!(!data.is_empty());
        let st = stat(c"/").unwrap();
        assert!(st.is_dir());
        assert!(!st.is_file());
    }

    #[test]
    fn read_spare_appends_what_it_read() {
        let (r, w) = pipe2(O_CLOEXEC).unwrap();
        let mut buf = Vec::with_capacity(4);
        buf.push(b'>');
        let spare = buf.capacity() - 1;
        let sent: Vec<u8> = (0..spare as u8 + 2).collect();
        write_all(w, &sent).unwrap();
        assert_eq!(
            read_spare(r, &mut buf).unwrap(),
            spare,
            "only the spare capacity"
        );
        assert_eq!(buf[1..], sent[..spare]);
        buf.reserve(8);
        assert_eq!(read_spare(r, &mut buf).unwrap(), 2);
        assert_eq!(buf[1..], sent[..]);
        close(r).unwrap();
        close(w).unwrap();
    }

    #[test]
    fn pipe_roundtrip() {
        let (r, w) = pipe2(O_CLOEXEC).unwrap();
        write_all(w, b"hello").unwrap();
        let mut buf = [0u8; 8];
        assert_eq!(read(r, &mut buf).unwrap(), 5);
        assert_eq!(&buf[..5], b"hello");
        close(r).unwrap();
        close(w).unwrap();
        assert_eq!(close(w), Err(Errno::EBADF));
    }

    #[test]
    fn read_dir_lists_entries() {
        let entries = read_dir(c"/proc/self").unwrap();
        assert!(entries.iter().any(|e| e.name == b"status"));
        assert!(!entries.iter().any(|e| e.name == b"."));
    }

    #[test]
    fn getcwd_is_absolute() {
        assert!(getcwd().unwrap().starts_with(b"/"));
    }
}
