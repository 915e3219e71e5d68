//! File-system calls for lib/fs.js and the module loader. Sync calls run here on the loop
//! thread; async ones are queued on the worker pool and complete through `poll`.

use super::{cpath, def, throw_uv};
use crate::state::{Completion, Shared};
use rquickjs::{Array, Ctx, Object, Result, TypedArray, Value};
use unode_sys::fs::{self as sfs, Stat};
use unode_sys::Errno;

pub fn init<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    def(obj, "internalModuleStat", |path: String| -> i32 {
        let Ok(c) = std::ffi::CString::new(path) else {
            return -(Errno::ENOENT.0);
        };
        match sfs::stat(&c) {
            Ok(st) if st.is_dir() => 1,
            Ok(_) => 0,
            Err(e) => -e.0,
        }
    })?;
    def(
        obj,
        "readFileUtf8",
        |ctx: Ctx<'js>, path: String| -> Result<String> {
            let bytes = sfs::read_file(&cpath(&ctx, &path)?)
                .map_err(|e| throw_uv(&ctx, e, "open", Some(&path)))?;
            Ok(String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
        },
    )?;
    def(
        obj,
        "readFileBytes",
        |ctx: Ctx<'js>, path: String| -> Result<TypedArray<'js, u8>> {
            let bytes = sfs::read_file(&cpath(&ctx, &path)?)
                .map_err(|e| throw_uv(&ctx, e, "open", Some(&path)))?;
            TypedArray::new(ctx.clone(), bytes)
        },
    )?;
    def(
        obj,
        "realpath",
        |ctx: Ctx<'js>, path: String| -> Result<String> {
            realpath(path.as_bytes())
                .map(|p| String::from_utf8_lossy(&p).into_owned())
                .map_err(|e| throw_uv(&ctx, e, "realpath", Some(&path)))
        },
    )?;
    def(
        obj,
        "stat",
        |ctx: Ctx<'js>, path: String| -> Result<Array<'js>> {
            let st = sfs::stat(&cpath(&ctx, &path)?)
                .map_err(|e| throw_uv(&ctx, e, "stat", Some(&path)))?;
            stat_array(&ctx, &st)
        },
    )?;
    def(
        obj,
        "lstat",
        |ctx: Ctx<'js>, path: String| -> Result<Array<'js>> {
            let st = sfs::lstat(&cpath(&ctx, &path)?)
                .map_err(|e| throw_uv(&ctx, e, "lstat", Some(&path)))?;
            stat_array(&ctx, &st)
        },
    )?;
    def(
        obj,
        "fstat",
        |ctx: Ctx<'js>, fd: i32| -> Result<Array<'js>> {
            let st = sfs::fstat(fd).map_err(|e| throw_uv(&ctx, e, "fstat", None))?;
            stat_array(&ctx, &st)
        },
    )?;
    def(
        obj,
        "open",
        |ctx: Ctx<'js>, path: String, flags: u32, mode: u32| -> Result<i32> {
            sfs::open(&cpath(&ctx, &path)?, flags, mode)
                .map_err(|e| throw_uv(&ctx, e, "open", Some(&path)))
        },
    )?;
    def(obj, "close", |ctx: Ctx<'js>, fd: i32| -> Result<()> {
        sfs::close(fd).map_err(|e| throw_uv(&ctx, e, "close", None))
    })?;
    // read(fd, view, offset, length, position) → bytes read; position < 0 reads at the
    // current file offset. EAGAIN returns -EAGAIN so non-blocking readers can wait.
    def(
        obj,
        "read",
        |ctx: Ctx<'js>, fd: i32, view: Value<'js>, off: f64, len: f64, pos: f64| -> Result<f64> {
            let buf = view_slice(&ctx, &view, off, len)?;
            let r = unode_sys::retry(|| {
                if pos >= 0.0 {
                    sfs::pread(fd, &mut *buf, pos as u64)
                } else {
                    sfs::read(fd, &mut *buf)
                }
            });
            match r {
                Ok(n) => Ok(n as f64),
                Err(Errno::EAGAIN) => Ok(-(Errno::EAGAIN.0 as f64)),
                Err(e) => Err(throw_uv(&ctx, e, "read", None)),
            }
        },
    )?;
    def(
        obj,
        "write",
        |ctx: Ctx<'js>, fd: i32, view: Value<'js>, off: f64, len: f64, pos: f64| -> Result<f64> {
            let buf = view_slice(&ctx, &view, off, len)?;
            let r = if pos >= 0.0 {
                sfs::pwrite(fd, buf, pos as u64)
            } else {
                sfs::write(fd, buf)
            };
            r.map(|n| n as f64)
                .map_err(|e| throw_uv(&ctx, e, "write", None))
        },
    )?;
    def(
        obj,
        "readdir",
        |ctx: Ctx<'js>, path: String| -> Result<Array<'js>> {
            let entries = sfs::read_dir(&cpath(&ctx, &path)?)
                .map_err(|e| throw_uv(&ctx, e, "scandir", Some(&path)))?;
            let arr = Array::new(ctx.clone())?;
            for (i, e) in entries.iter().enumerate() {
                let pair = Array::new(ctx.clone())?;
                pair.set(0, String::from_utf8_lossy(&e.name).into_owned())?;
                pair.set(1, e.kind)?;
                arr.set(i, pair)?;
            }
            Ok(arr)
        },
    )?;
    def(
        obj,
        "mkdir",
        |ctx: Ctx<'js>, path: String, mode: u32| -> Result<()> {
            sfs::mkdir(&cpath(&ctx, &path)?, mode)
                .map_err(|e| throw_uv(&ctx, e, "mkdir", Some(&path)))
        },
    )?;
    def(obj, "unlink", |ctx: Ctx<'js>, path: String| -> Result<()> {
        sfs::unlink(&cpath(&ctx, &path)?).map_err(|e| throw_uv(&ctx, e, "unlink", Some(&path)))
    })?;
    def(obj, "rmdir", |ctx: Ctx<'js>, path: String| -> Result<()> {
        sfs::rmdir(&cpath(&ctx, &path)?).map_err(|e| throw_uv(&ctx, e, "rmdir", Some(&path)))
    })?;
    def(
        obj,
        "rename",
        |ctx: Ctx<'js>, from: String, to: String| -> Result<()> {
            sfs::rename(&cpath(&ctx, &from)?, &cpath(&ctx, &to)?)
                .map_err(|e| super::throw_uv_dest(&ctx, e, "rename", Some(&from), Some(&to)))
        },
    )?;
    def(
        obj,
        "access",
        |ctx: Ctx<'js>, path: String, mode: u32| -> Result<()> {
            sfs::access(&cpath(&ctx, &path)?, mode)
                .map_err(|e| throw_uv(&ctx, e, "access", Some(&path)))
        },
    )?;
    let s = state.clone();
    // readFileAsync(path, requestId): the whole file, read on the pool.
    def(
        obj,
        "readFileAsync",
        move |ctx: Ctx<'js>, path: String, id: f64| -> Result<()> {
            let c = cpath(&ctx, &path)?;
            s.borrow()
                .pool
                .submit(id as u64, move || match sfs::read_file(&c) {
                    Ok(bytes) => Completion::Bytes(bytes),
                    Err(errno) => Completion::Failed {
                        errno,
                        syscall: "open",
                        path,
                    },
                });
            Ok(())
        },
    )?;
    Ok(())
}

/// The part `[off, off+len)` of a byte view, bounds-checked.
fn view_slice<'a>(ctx: &Ctx<'_>, view: &Value<'_>, off: f64, len: f64) -> Result<&'a mut [u8]> {
    let Some((ptr, size)) = crate::engine::bytes_of(ctx, view) else {
        return Err(rquickjs::Exception::throw_type(
            ctx,
            "buffer must be an ArrayBuffer or ArrayBufferView",
        ));
    };
    let (off, len) = (off.max(0.0) as usize, len.max(0.0) as usize);
    if off > size || len > size - off {
        return Err(rquickjs::Exception::throw_range(
            ctx,
            "offset or length out of range",
        ));
    }
    // SAFETY: the range lies inside the buffer (checked above); the buffer is kept alive by
    // the caller's JS value for the duration of the syscall, and JS cannot run meanwhile.
    Ok(unsafe { std::slice::from_raw_parts_mut(ptr.add(off), len) })
}

/// Stat fields in the order lib/fs.js's `Stats` reads them.
fn stat_array<'js>(ctx: &Ctx<'js>, st: &Stat) -> Result<Array<'js>> {
    let ms = |s: i64, ns: i64| s as f64 * 1000.0 + ns as f64 / 1e6;
    let fields = [
        st.dev as f64,
        st.mode as f64,
        st.nlink as f64,
        st.uid as f64,
        st.gid as f64,
        st.rdev as f64,
        st.blksize as f64,
        st.ino as f64,
        st.size as f64,
        st.blocks as f64,
        ms(st.atime, st.atime_nsec),
        ms(st.mtime, st.mtime_nsec),
        ms(st.ctime, st.ctime_nsec),
    ];
    let arr = Array::new(ctx.clone())?;
    for (i, f) in fields.iter().enumerate() {
        arr.set(i, *f)?;
    }
    Ok(arr)
}

/// Resolves every symlink and `.`/`..` in `path`, like realpath(3) but over our syscalls.
pub fn realpath(path: &[u8]) -> std::result::Result<Vec<u8>, Errno> {
    let mut pending: Vec<Vec<u8>> = Vec::new();
    let push_components = |pending: &mut Vec<Vec<u8>>, p: &[u8]| {
        // Stored reversed so the next component is at the end.
        for c in p.split(|&b| b == b'/').rev() {
            if !c.is_empty() && c != b"." {
                pending.push(c.to_vec());
            }
        }
    };
    let mut resolved: Vec<Vec<u8>> = Vec::new();
    if !path.starts_with(b"/") {
        let cwd = sfs::getcwd()?;
        resolved.extend(
            cwd.split(|&b| b == b'/')
                .filter(|c| !c.is_empty())
                .map(<[u8]>::to_vec),
        );
    }
    if path.is_empty() {
        return Err(Errno::ENOENT);
    }
    push_components(&mut pending, path);
    let mut links = 0;
    let join = |parts: &[Vec<u8>]| {
        let mut out = Vec::new();
        for p in parts {
            out.push(b'/');
            out.extend_from_slice(p);
        }
        if out.is_empty() {
            out.push(b'/');
        }
        out
    };
    while let Some(c) = pending.pop() {
        if c == b".." {
            resolved.pop();
            continue;
        }
        resolved.push(c);
        let candidate = join(&resolved);
        let cstr = std::ffi::CString::new(candidate).map_err(|_| Errno::EINVAL)?;
        let st = sfs::lstat(&cstr)?;
        if st.mode & sfs::S_IFMT == sfs::S_IFLNK {
            links += 1;
            if links > 40 {
                return Err(Errno::ELOOP);
            }
            let mut buf = vec![0u8; 4096];
            let n = sfs::readlink(&cstr, &mut buf)?;
            buf.truncate(n);
            resolved.pop();
            if buf.starts_with(b"/") {
                resolved.clear();
            }
            push_components(&mut pending, &buf);
        } else if !pending.is_empty() && !st.is_dir() {
            return Err(Errno::ENOTDIR);
        }
    }
    Ok(join(&resolved))
}

#[cfg(test)]
mod tests {
    use super::realpath;

    #[test]
    fn realpath_resolves_dots_and_links() {
        assert_eq!(realpath(b"/proc/self/../self/.").unwrap()[..6], *b"/proc/");
        assert_eq!(realpath(b"/").unwrap(), b"/");
        assert_eq!(
            realpath(b"/nonexistent-unode").unwrap_err(),
            unode_sys::Errno::ENOENT
        );
    }
}
