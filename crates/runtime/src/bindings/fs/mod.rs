//! The native half of lib/fs.js and the module loader. Every call runs inline when JS
//! passes no request id (the sync API) or on the worker pool when it does (callbacks and
//! promises; the result comes back through the loop's poll). See lib/internal/fs/binding.js.

use super::{cpath, def, throw_uv};
use crate::fs_ops::{self as ops, cstr, err, err2, err_fd, Completion, FsError, Out, Target};
use crate::state::Shared;
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Exception, Object, Result, TypedArray, Value};
use unode_sys::fs::{self as sfs, Stat};
use unode_sys::Errno;

mod stats;

/// Runs `job` now (no request id) or queues it on the pool under `req`.
pub(crate) fn dispatch<'js>(
    ctx: &Ctx<'js>,
    state: &Shared,
    req: Opt<f64>,
    job: impl FnOnce() -> Completion + Send + 'static,
) -> Result<Value<'js>> {
    match req.0 {
        Some(id) => {
            state.borrow().pool.submit(id as u64, job);
            Ok(Value::new_undefined(ctx.clone()))
        }
        None => match job() {
            Ok(out) => out_to_js(ctx, out),
            Err(e) => Err(ctx.throw(Value::from_object(fs_error(ctx, &e)?))),
        },
    }
}

/// The Node-style error object of a failed operation.
pub fn fs_error<'js>(ctx: &Ctx<'js>, e: &FsError) -> Result<Object<'js>> {
    super::uv_error(
        ctx,
        e.errno,
        e.syscall,
        e.path.as_deref(),
        e.dest.as_deref(),
    )
}

/// A finished operation's value as JS.
pub fn out_to_js<'js>(ctx: &Ctx<'js>, out: Out) -> Result<Value<'js>> {
    Ok(match out {
        Out::Unit => Value::new_undefined(ctx.clone()),
        Out::Object(fields) => {
            let obj = Object::new(ctx.clone())?;
            for (k, v) in fields {
                obj.set(k, out_to_js(ctx, v)?)?;
            }
            obj.into_value()
        }
        Out::Num(n) => Value::new_number(ctx.clone(), n),
        Out::Numbers(list) => crate::engine::array_from(
            ctx,
            list.into_iter()
                .map(|n| Value::new_number(ctx.clone(), n))
                .collect(),
        )?
        .into_value(),
        Out::Stat(st) => stats::stat_array(ctx, &st)?.into_value(),
        Out::StatFs(f) => {
            TypedArray::<f64>::new(ctx.clone(), f.map(|v| v as f64).to_vec())?.into_value()
        }
        Out::Bytes(b) => super::buffer::new_buffer(ctx, b)?,
        Out::Str(s) => rquickjs::String::from_str(ctx.clone(), &s)?.into_value(),
        Out::Maybe(s) => match s {
            Some(s) => rquickjs::String::from_str(ctx.clone(), &s)?.into_value(),
            None => Value::new_undefined(ctx.clone()),
        },
        Out::Dir(entries, with_types) => {
            let names = Array::new(ctx.clone())?;
            let types = Array::new(ctx.clone())?;
            for (i, e) in entries.iter().enumerate() {
                names.set(i, String::from_utf8_lossy(&e.name).as_ref())?;
                types.set(i, dirent_type(e.kind))?;
            }
            if with_types {
                let pair = Array::new(ctx.clone())?;
                pair.set(0, names)?;
                pair.set(1, types)?;
                pair.into_value()
            } else {
                names.into_value()
            }
        }
    })
}

/// d_type to Node's UV_DIRENT_* numbering.
fn dirent_type(kind: u8) -> u8 {
    match kind {
        sfs::DT_REG => 1,
        sfs::DT_DIR => 2,
        sfs::DT_LNK => 3,
        sfs::DT_FIFO => 4,
        sfs::DT_SOCK => 5,
        sfs::DT_CHR => 6,
        sfs::DT_BLK => 7,
        _ => 0,
    }
}

/// A byte range of a JS buffer as (address, length), for jobs that may run on the pool.
/// lib/internal/fs/binding.js keeps the buffer referenced until the job completes.
fn raw_range(ctx: &Ctx<'_>, view: &Value<'_>, off: f64, len: f64) -> Result<(usize, usize)> {
    let Some((ptr, size)) = crate::engine::bytes_of(ctx, view) else {
        return Err(Exception::throw_type(
            ctx,
            "buffer must be an ArrayBuffer or ArrayBufferView",
        ));
    };
    let (off, len) = (off.max(0.0) as usize, len.max(0.0) as usize);
    if off > size || len > size - off {
        return Err(Exception::throw_range(ctx, "offset or length out of range"));
    }
    Ok((ptr as usize + off, len))
}

fn target(v: &Value<'_>) -> Result<Target> {
    if let Some(fd) = v.as_int() {
        return Ok(Target::Fd(fd));
    }
    Ok(Target::Path(
        v.as_string()
            .map(|s| s.to_string())
            .transpose()?
            .unwrap_or_default(),
    ))
}

/// (seconds, nanoseconds) of a time in fractional seconds, at libuv's microsecond grain.
fn timespec(t: f64) -> (i64, i64) {
    let secs = t.floor();
    (secs as i64, ((t - secs) * 1e6) as i64 * 1000)
}

/// A uid/gid argument: -1 (leave unchanged) is the kernel's (uid_t)-1.
fn id(v: f64) -> u32 {
    v as i64 as u32
}

fn stat_path(path: &str, follow: bool) -> std::result::Result<Stat, FsError> {
    let syscall = if follow { "stat" } else { "lstat" };
    let c = cstr(path).map_err(|e| err(e, syscall, path))?;
    let r = if follow {
        sfs::stat(&c)
    } else {
        sfs::lstat(&c)
    };
    r.map_err(|e| err(e, syscall, path))
}

fn stat_of(path: &str, follow: bool) -> Completion {
    stat_path(path, follow).map(Out::Stat)
}

/// Runs a path call that returns nothing, with `syscall` and `path` in its error.
fn path_call(
    path: &str,
    syscall: &'static str,
    f: impl FnOnce(&std::ffi::CStr) -> unode_sys::Result<()>,
) -> Completion {
    let c = cstr(path).map_err(|e| err(e, syscall, path))?;
    f(&c).map(|()| Out::Unit).map_err(|e| err(e, syscall, path))
}

pub fn init<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    // --- for the module loader: cheap, sync only -------------------------------------
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

    // --- the fs contract (sync without a request id, pooled with one) ---------------
    let s = state.clone();
    def(
        obj,
        "open",
        move |ctx: Ctx<'js>, path: String, flags: u32, mode: u32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                let c = cstr(&path).map_err(|e| err(e, "open", &path))?;
                sfs::open(&c, flags, mode)
                    .map(|fd| Out::Num(fd as f64))
                    .map_err(|e| err(e, "open", &path))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "close",
        move |ctx: Ctx<'js>, fd: i32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                sfs::close(fd)
                    .map(|()| Out::Unit)
                    .map_err(|e| err_fd(e, "close"))
            })
        },
    )?;
    for (name, write) in [("read", false), ("write", true)] {
        let s = state.clone();
        def(
            obj,
            name,
            move |ctx: Ctx<'js>,
                  fd: i32,
                  buf: Value<'js>,
                  off: f64,
                  len: f64,
                  pos: f64,
                  req: Opt<f64>| {
                let (addr, len) = raw_range(&ctx, &buf, off, len)?;
                let syscall = if write { "write" } else { "read" };
                dispatch(&ctx, &s, req, move || {
                    // SAFETY: (addr, len) lies inside a JS buffer that the caller keeps alive
                    // until this job's completion is delivered.
                    let bytes = unsafe { std::slice::from_raw_parts_mut(addr as *mut u8, len) };
                    let r = unode_sys::retry(|| match (write, pos >= 0.0) {
                        (true, true) => sfs::pwrite(fd, bytes, pos as u64),
                        (true, false) => sfs::write(fd, bytes),
                        (false, true) => sfs::pread(fd, &mut *bytes, pos as u64),
                        (false, false) => sfs::read(fd, &mut *bytes),
                    });
                    r.map(|n| Out::Num(n as f64))
                        .map_err(|e| err_fd(e, syscall))
                })
            },
        )?;
    }
    for (name, write) in [("readv", false), ("writev", true)] {
        let s = state.clone();
        def(
            obj,
            name,
            move |ctx: Ctx<'js>, fd: i32, bufs: Array<'js>, pos: f64, req: Opt<f64>| {
                let mut ranges = Vec::with_capacity(bufs.len());
                for b in bufs.iter::<Value>() {
                    let b = b?;
                    let Some((_, size)) = crate::engine::bytes_of(&ctx, &b) else {
                        return Err(Exception::throw_type(
                            &ctx,
                            "buffers must be ArrayBufferViews",
                        ));
                    };
                    ranges.push(raw_range(&ctx, &b, 0.0, size as f64)?);
                }
                let syscall = if write { "write" } else { "read" };
                let offset = if pos >= 0.0 { pos as i64 } else { -1 };
                dispatch(&ctx, &s, req, move || {
                    // SAFETY: every range lies inside a JS buffer kept alive until completion.
                    unsafe { sfs::vectored(fd, &ranges, offset, write) }
                        .map(|n| Out::Num(n as f64))
                        .map_err(|e| err_fd(e, syscall))
                })
            },
        )?;
    }
    for (name, follow) in [("stat", true), ("lstat", false)] {
        let s = state.clone();
        def(
            obj,
            name,
            move |ctx: Ctx<'js>, path: String, req: Opt<f64>| {
                dispatch(&ctx, &s, req, move || stat_of(&path, follow))
            },
        )?;
    }
    def(
        obj,
        "setStatsPrototype",
        |ctx: Ctx<'js>, proto: Object<'js>| stats::register(&ctx, proto),
    )?;
    // statsFromArray(raw fields) → a Stats (the callback and promise calls, not bigint).
    def(obj, "statsFromArray", stats::from_array)?;
    // statSync(path or fd, follow) → a Stats object (the sync, non-bigint calls), or
    // undefined for a path with a NUL in it (lib/fs.js then throws Node's error).
    def(
        obj,
        "statSync",
        |ctx: Ctx<'js>, what: Value<'js>, follow: bool| -> Result<Value<'js>> {
            let st = match what.as_int() {
                Some(fd) => sfs::fstat(fd).map_err(|e| err_fd(e, "fstat")),
                None => {
                    let stat = crate::engine::with_path(&ctx, &what, |c, path| {
                        let (r, syscall) = if follow {
                            (sfs::stat(c), "stat")
                        } else {
                            (sfs::lstat(c), "lstat")
                        };
                        r.map_err(|e| err(e, syscall, path))
                    })?;
                    match stat {
                        Some(st) => st,
                        None => return Ok(Value::new_undefined(ctx)),
                    }
                }
            };
            match st {
                Ok(st) => stats::from_stat(&ctx, &st),
                Err(e) => Err(ctx.throw(Value::from_object(fs_error(&ctx, &e)?))),
            }
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "fstat",
        move |ctx: Ctx<'js>, fd: i32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                sfs::fstat(fd)
                    .map(Out::Stat)
                    .map_err(|e| err_fd(e, "fstat"))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "statfs",
        move |ctx: Ctx<'js>, path: String, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                let c = cstr(&path).map_err(|e| err(e, "statfs", &path))?;
                sfs::statfs(&c)
                    .map(Out::StatFs)
                    .map_err(|e| err(e, "statfs", &path))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "access",
        move |ctx: Ctx<'js>, path: String, mode: u32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                path_call(&path, "access", |c| sfs::access(c, mode))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "mkdir",
        move |ctx: Ctx<'js>, path: String, mode: u32, recursive: bool, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                if recursive {
                    ops::mkdir_recursive(&path, mode).map(Out::Maybe)
                } else {
                    path_call(&path, "mkdir", |c| sfs::mkdir(c, mode))
                }
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "mkdtemp",
        move |ctx: Ctx<'js>, prefix: String, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || ops::mkdtemp(&prefix).map(Out::Str))
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "readdir",
        move |ctx: Ctx<'js>, path: String, with_types: bool, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                let c = cstr(&path).map_err(|e| err(e, "scandir", &path))?;
                sfs::read_dir(&c)
                    .map(|v| Out::Dir(v, with_types))
                    .map_err(|e| err(e, "scandir", &path))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "rmdir",
        move |ctx: Ctx<'js>, path: String, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || path_call(&path, "rmdir", sfs::rmdir))
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "rmRecursive",
        move |ctx: Ctx<'js>, path: String, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                ops::rm_recursive(&path).map(|()| Out::Unit)
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "unlink",
        move |ctx: Ctx<'js>, path: String, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                path_call(&path, "unlink", sfs::unlink)
            })
        },
    )?;
    // Two-path calls: rename(from, to), link(existing, new), symlink(target, path).
    type TwoPath = fn(&std::ffi::CStr, &std::ffi::CStr) -> unode_sys::Result<()>;
    for (name, syscall, f) in [
        ("rename", "rename", sfs::rename as TwoPath),
        ("link", "link", sfs::link),
        ("symlink", "symlink", sfs::symlink),
    ] {
        let s = state.clone();
        def(
            obj,
            name,
            move |ctx: Ctx<'js>, a: String, b: String, req: Opt<f64>| {
                dispatch(&ctx, &s, req, move || {
                    let fail = |e| err2(e, syscall, &a, &b);
                    f(&cstr(&a).map_err(fail)?, &cstr(&b).map_err(fail)?)
                        .map(|()| Out::Unit)
                        .map_err(fail)
                })
            },
        )?;
    }
    let s = state.clone();
    def(
        obj,
        "copyFile",
        move |ctx: Ctx<'js>, src: String, dest: String, mode: u32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                ops::copy_file(&src, &dest, mode).map(|()| Out::Unit)
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "readlink",
        move |ctx: Ctx<'js>, path: String, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                let c = cstr(&path).map_err(|e| err(e, "readlink", &path))?;
                let mut buf = vec![0u8; 4096];
                let n = sfs::readlink(&c, &mut buf).map_err(|e| err(e, "readlink", &path))?;
                Ok(Out::Str(String::from_utf8_lossy(&buf[..n]).into_owned()))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "realpath",
        move |ctx: Ctx<'js>, path: String, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                realpath(path.as_bytes())
                    .map(|p| Out::Str(String::from_utf8_lossy(&p).into_owned()))
                    .map_err(|e| err(e, "realpath", &path))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "ftruncate",
        move |ctx: Ctx<'js>, fd: i32, len: f64, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                sfs::ftruncate(fd, len.max(0.0) as u64)
                    .map(|()| Out::Unit)
                    .map_err(|e| err_fd(e, "ftruncate"))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "truncate",
        move |ctx: Ctx<'js>, path: String, len: f64, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                path_call(&path, "open", |c| sfs::truncate(c, len.max(0.0) as u64))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "chmod",
        move |ctx: Ctx<'js>, path: String, mode: u32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                path_call(&path, "chmod", |c| sfs::chmod(c, mode))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "fchmod",
        move |ctx: Ctx<'js>, fd: i32, mode: u32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                sfs::fchmod(fd, mode)
                    .map(|()| Out::Unit)
                    .map_err(|e| err_fd(e, "fchmod"))
            })
        },
    )?;
    for (name, follow) in [("chown", true), ("lchown", false)] {
        let s = state.clone();
        def(
            obj,
            name,
            move |ctx: Ctx<'js>, path: String, uid: f64, gid: f64, req: Opt<f64>| {
                let syscall = if follow { "chown" } else { "lchown" };
                dispatch(&ctx, &s, req, move || {
                    path_call(&path, syscall, |c| sfs::chown(c, id(uid), id(gid), follow))
                })
            },
        )?;
    }
    let s = state.clone();
    def(
        obj,
        "fchown",
        move |ctx: Ctx<'js>, fd: i32, uid: f64, gid: f64, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                sfs::fchown(fd, id(uid), id(gid))
                    .map(|()| Out::Unit)
                    .map_err(|e| err_fd(e, "fchown"))
            })
        },
    )?;
    for (name, follow) in [("utimes", true), ("lutimes", false)] {
        let s = state.clone();
        def(
            obj,
            name,
            move |ctx: Ctx<'js>, path: String, atime: f64, mtime: f64, req: Opt<f64>| {
                let syscall = if follow { "utime" } else { "lutime" };
                dispatch(&ctx, &s, req, move || {
                    path_call(&path, syscall, |c| {
                        sfs::utimens(-1, Some(c), timespec(atime), timespec(mtime), follow)
                    })
                })
            },
        )?;
    }
    let s = state.clone();
    def(
        obj,
        "futimes",
        move |ctx: Ctx<'js>, fd: i32, atime: f64, mtime: f64, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                sfs::utimens(fd, None, timespec(atime), timespec(mtime), true)
                    .map(|()| Out::Unit)
                    .map_err(|e| err_fd(e, "futime"))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "fsync",
        move |ctx: Ctx<'js>, fd: i32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                sfs::fsync(fd)
                    .map(|()| Out::Unit)
                    .map_err(|e| err_fd(e, "fsync"))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "fdatasync",
        move |ctx: Ctx<'js>, fd: i32, req: Opt<f64>| {
            dispatch(&ctx, &s, req, move || {
                sfs::fdatasync(fd)
                    .map(|()| Out::Unit)
                    .map_err(|e| err_fd(e, "fdatasync"))
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "readFile",
        move |ctx: Ctx<'js>, what: Value<'js>, flags: u32, req: Opt<f64>| {
            let t = target(&what)?;
            dispatch(&ctx, &s, req, move || {
                ops::read_file(&t, flags).map(Out::Bytes)
            })
        },
    )?;
    // readFileText(path or fd, flags, encoding) → the file as a string, decoded here (the
    // sync readFileSync(path, encoding) path; no Buffer in between).
    def(
        obj,
        "readFileText",
        |ctx: Ctx<'js>, what: Value<'js>, flags: u32, enc: Value<'js>| -> Result<Value<'js>> {
            let e = super::buffer::encoding(&ctx, &enc)?;
            match ops::read_file(&target(&what)?, flags) {
                Ok(bytes) => super::buffer::decode_to_string(&ctx, &bytes, e),
                Err(err) => Err(ctx.throw(Value::from_object(fs_error(&ctx, &err)?))),
            }
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "writeFile",
        move |ctx: Ctx<'js>,
              what: Value<'js>,
              data: Value<'js>,
              flags: u32,
              mode: u32,
              req: Opt<f64>| {
            let t = target(&what)?;
            // A string is written as UTF-8 (lib/fs.js makes Buffers for other encodings).
            if data.is_string() {
                let bytes = crate::engine::with_string_wtf8(&ctx, &data, |w| {
                    crate::engine::wtf8_to_utf8(w).into_owned()
                })?;
                return dispatch(&ctx, &s, req, move || {
                    ops::write_file(&t, &bytes, flags, mode).map(|()| Out::Unit)
                });
            }
            let Some((_, size)) = crate::engine::bytes_of(&ctx, &data) else {
                return Err(Exception::throw_type(
                    &ctx,
                    "data must be a string or an ArrayBufferView",
                ));
            };
            let (addr, len) = raw_range(&ctx, &data, 0.0, size as f64)?;
            dispatch(&ctx, &s, req, move || {
                // SAFETY: the range lies inside a JS buffer kept alive until completion.
                let bytes = unsafe { std::slice::from_raw_parts(addr as *const u8, len) };
                ops::write_file(&t, bytes, flags, mode).map(|()| Out::Unit)
            })
        },
    )?;
    Ok(())
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
