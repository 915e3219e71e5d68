//! File-system operations as plain Rust, runnable inline (sync calls) or on the worker
//! pool (async calls): no JavaScript here, only syscalls through unode-sys and results.

use std::ffi::CString;
use unode_sys::fs::{self as sfs, DirEntry, Stat};
use unode_sys::Errno;

/// A finished operation's value, turned into JS on the loop thread.
pub enum Out {
    Unit,
    /// A plain object of named values (for jobs beyond fs, such as a VM run).
    Object(Vec<(&'static str, Out)>),
    Num(f64),
    Numbers(Vec<f64>),
    Stat(Stat),
    StatFs([u64; 7]),
    Bytes(Vec<u8>),
    Str(String),
    Maybe(Option<String>),
    Dir(Vec<DirEntry>, bool),
}

/// A failed operation, with what Node's error message names.
pub struct FsError {
    pub errno: Errno,
    pub syscall: &'static str,
    pub path: Option<String>,
    pub dest: Option<String>,
}

pub type Completion = Result<Out, FsError>;

/// An error for `syscall` on `path`.
pub fn err(errno: Errno, syscall: &'static str, path: &str) -> FsError {
    FsError {
        errno,
        syscall,
        path: Some(path.to_owned()),
        dest: None,
    }
}

/// An error for a call that has no path (fd calls).
pub fn err_fd(errno: Errno, syscall: &'static str) -> FsError {
    FsError {
        errno,
        syscall,
        path: None,
        dest: None,
    }
}

/// An error for a two-path call.
pub fn err2(errno: Errno, syscall: &'static str, path: &str, dest: &str) -> FsError {
    FsError {
        errno,
        syscall,
        path: Some(path.to_owned()),
        dest: Some(dest.to_owned()),
    }
}

pub fn cstr(path: &str) -> Result<CString, Errno> {
    CString::new(path).map_err(|_| Errno::EINVAL)
}

/// `mkdir -p`: returns the first directory it created, spelled as the caller spelled the
/// path (None if all existed).
pub fn mkdir_recursive(path: &str, mode: u32) -> Result<Option<String>, FsError> {
    let mut missing = Vec::new();
    let mut cur = path.trim_end_matches('/').to_owned();
    if cur.is_empty() {
        cur.push('/');
    }
    loop {
        let c = cstr(&cur).map_err(|e| err(e, "mkdir", path))?;
        match sfs::stat(&c) {
            Ok(st) if st.is_dir() => break,
            Ok(_) => {
                return Err(err(
                    if missing.is_empty() {
                        Errno::EEXIST
                    } else {
                        Errno::ENOTDIR
                    },
                    "mkdir",
                    path,
                ))
            }
            Err(Errno::ENOENT) => {
                missing.push(cur.clone());
                match cur.rfind('/') {
                    // A relative path's last missing piece is its first component.
                    None => break,
                    Some(0) => break,
                    Some(i) => cur.truncate(i),
                }
            }
            Err(e) => return Err(err(e, "mkdir", path)),
        }
    }
    let first = missing.last().cloned();
    for dir in missing.iter().rev() {
        let c = cstr(dir).map_err(|e| err(e, "mkdir", path))?;
        match sfs::mkdir(&c, mode) {
            Ok(()) | Err(Errno::EEXIST) => {}
            Err(e) => return Err(err(e, "mkdir", path)),
        }
    }
    Ok(first)
}

/// mkdtemp: `prefix` plus six random characters, created with mode 0700.
pub fn mkdtemp(prefix: &str) -> Result<String, FsError> {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let shown = format!("{prefix}XXXXXX");
    for _ in 0..100 {
        let mut rnd = [0u8; 6];
        unode_sys::process::getrandom(&mut rnd).map_err(|e| err(e, "mkdtemp", &shown))?;
        let suffix: String = rnd
            .iter()
            .map(|b| CHARS[*b as usize % CHARS.len()] as char)
            .collect();
        let path = format!("{prefix}{suffix}");
        match sfs::mkdir(&cstr(&path).map_err(|e| err(e, "mkdtemp", &shown))?, 0o700) {
            Ok(()) => return Ok(path),
            Err(Errno::EEXIST) => continue,
            Err(e) => return Err(err(e, "mkdtemp", &shown)),
        }
    }
    Err(err(Errno::EEXIST, "mkdtemp", &shown))
}

/// Removes `path` and, if it is a directory, everything under it (no symlink following).
pub fn rm_recursive(path: &str) -> Result<(), FsError> {
    let c = cstr(path).map_err(|e| err(e, "rm", path))?;
    let st = sfs::lstat(&c).map_err(|e| err(e, "lstat", path))?;
    if st.mode & sfs::S_IFMT != sfs::S_IFDIR {
        return sfs::unlink(&c).map_err(|e| err(e, "unlink", path));
    }
    let entries = sfs::read_dir(&c).map_err(|e| err(e, "scandir", path))?;
    for e in entries {
        let child = format!(
            "{}/{}",
            path.trim_end_matches('/'),
            String::from_utf8_lossy(&e.name)
        );
        rm_recursive(&child)?;
    }
    sfs::rmdir(&c).map_err(|e| err(e, "rmdir", path))
}

pub const COPYFILE_EXCL: u32 = 1;

/// copyFile: contents and permission bits, in the kernel where it can.
pub fn copy_file(src: &str, dest: &str, mode: u32) -> Result<(), FsError> {
    let fail = |e| err2(e, "copyfile", src, dest);
    let from = sfs::open(&cstr(src).map_err(fail)?, sfs::O_RDONLY, 0).map_err(fail)?;
    let result = (|| {
        let st = sfs::fstat(from).map_err(fail)?;
        if st.is_dir() {
            return Err(fail(Errno::EISDIR));
        }
        let mut flags = sfs::O_WRONLY | sfs::O_CREAT | sfs::O_TRUNC;
        if mode & COPYFILE_EXCL != 0 {
            flags |= sfs::O_EXCL;
        }
        let to = sfs::open(&cstr(dest).map_err(fail)?, flags, st.mode & 0o7777).map_err(fail)?;
        let copied = copy_fd(from, to, st.size.max(0) as usize).map_err(fail);
        let _ = sfs::close(to);
        copied
    })();
    let _ = sfs::close(from);
    result
}

fn copy_fd(from: i32, to: i32, size: usize) -> Result<(), Errno> {
    let mut left = size;
    while left > 0 {
        match sfs::copy_file_range(from, to, left) {
            Ok(0) => return Ok(()),
            Ok(n) => left -= n,
            // Not the same file system, or not supported: copy through memory.
            Err(Errno::EXDEV | Errno::ENOSYS | Errno::EINVAL | Errno::EOPNOTSUPP) => break,
            Err(e) => return Err(e),
        }
    }
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = unode_sys::retry(|| sfs::read(from, &mut buf))?;
        if n == 0 {
            return Ok(());
        }
        sfs::write_all(to, &buf[..n])?;
    }
}

/// A whole file, by path or by descriptor.
pub fn read_file(target: &Target, flags: u32) -> Result<Vec<u8>, FsError> {
    match target {
        Target::Fd(fd) => {
            // Node fstat()s the descriptor first, so a bad fd fails there.
            sfs::fstat(*fd).map_err(|e| err_fd(e, "fstat"))?;
            sfs::read_fd_to_end(*fd).map_err(|e| err_fd(e, "read"))
        }
        Target::Path(p) => {
            let fd = sfs::open(&cstr(p).map_err(|e| err(e, "open", p))?, flags, 0o666)
                .map_err(|e| err(e, "open", p))?;
            let r = sfs::read_fd_to_end(fd).map_err(|e| err_fd(e, "read"));
            let _ = sfs::close(fd);
            r
        }
    }
}

/// Writes all of `bytes` to a path (opened with `flags`/`mode`) or a descriptor.
pub fn write_file(target: &Target, bytes: &[u8], flags: u32, mode: u32) -> Result<(), FsError> {
    match target {
        Target::Fd(fd) => sfs::write_all(*fd, bytes).map_err(|e| err_fd(e, "write")),
        Target::Path(p) => {
            let fd = sfs::open(&cstr(p).map_err(|e| err(e, "open", p))?, flags, mode)
                .map_err(|e| err(e, "open", p))?;
            let r = sfs::write_all(fd, bytes).map_err(|e| err_fd(e, "write"));
            let _ = sfs::close(fd);
            r
        }
    }
}

/// A file named by path or already open.
pub enum Target {
    Path(String),
    Fd(i32),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> String {
        format!("/tmp/unode-fsops-{}-{name}", unode_sys::process::getpid())
    }

    #[test]
    fn mkdir_recursive_reports_first_created() {
        let base = tmp("mk");
        let deep = format!("{base}/a/b/c");
        assert_eq!(
            mkdir_recursive(&deep, 0o777).ok().flatten(),
            Some(base.clone())
        );
        assert_eq!(mkdir_recursive(&deep, 0o777).ok().flatten(), None);
        write_file(
            &Target::Path(format!("{base}/file")),
            b"x",
            sfs::O_WRONLY | sfs::O_CREAT,
            0o644,
        )
        .ok()
        .unwrap();
        let e = mkdir_recursive(&format!("{base}/file/sub"), 0o777)
            .err()
            .unwrap();
        assert_eq!(e.errno, Errno::ENOTDIR);
        rm_recursive(&base).ok().unwrap();
        assert_eq!(sfs::stat(&cstr(&base).unwrap()).unwrap_err(), Errno::ENOENT);
    }

    #[test]
    fn copy_and_read_back() {
        let (a, b) = (tmp("src"), tmp("dst"));
        write_file(
            &Target::Path(a.clone()),
            b"hello copy",
            sfs::O_WRONLY | sfs::O_CREAT | sfs::O_TRUNC,
            0o640,
        )
        .ok()
        .unwrap();
        copy_file(&a, &b, 0).ok().unwrap();
        assert_eq!(
            read_file(&Target::Path(b.clone()), sfs::O_RDONLY)
                .ok()
                .unwrap(),
            b"hello copy"
        );
        assert_eq!(
            copy_file(&a, &b, COPYFILE_EXCL).err().unwrap().errno,
            Errno::EEXIST
        );
        for p in [a, b] {
            sfs::unlink(&cstr(&p).unwrap()).unwrap();
        }
    }

    #[test]
    fn mkdtemp_makes_unique_dirs() {
        let prefix = tmp("t-");
        let (x, y) = (
            mkdtemp(&prefix).ok().unwrap(),
            mkdtemp(&prefix).ok().unwrap(),
        );
        assert_ne!(x, y);
        assert!(x.starts_with(&prefix) && x.len() == prefix.len() + 6);
        rm_recursive(&x).ok().unwrap();
        rm_recursive(&y).ok().unwrap();
    }
}
