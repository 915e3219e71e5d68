//! Process facts and controls for lib/internal/bootstrap.js's `process` object.

use super::{cpath, def, throw_uv};
use crate::state::Shared;
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Object, Result, Value};
use unode_sys::{fs, process as sp, time};

pub fn init<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    let ctx = obj.ctx().clone();
    obj.set("pid", sp::getpid())?;
    obj.set("ppid", sp::getppid())?;
    def(obj, "getppid", sp::getppid)?;
    def(obj, "runGc", |ctx: Ctx<'js>| ctx.run_gc())?;
    def(obj, "cwd", |ctx: Ctx<'js>| -> Result<String> {
        let cwd = fs::getcwd().map_err(|e| throw_uv(&ctx, e, "uv_cwd", None))?;
        Ok(String::from_utf8_lossy(&cwd).into_owned())
    })?;
    def(obj, "chdir", |ctx: Ctx<'js>, dir: String| -> Result<()> {
        fs::chdir(&cpath(&ctx, &dir)?).map_err(|e| {
            // Node reports the old directory as `path` and the requested one as `dest`.
            let cwd = fs::getcwd()
                .map(|c| String::from_utf8_lossy(&c).into_owned())
                .unwrap_or_default();
            super::throw_uv_dest(&ctx, e, "chdir", Some(&cwd), Some(&dir))
        })
    })?;
    def(obj, "umask", |mask: Opt<u32>| -> u32 {
        match mask.0 {
            Some(m) => fs::umask(m & 0o777),
            None => {
                let old = fs::umask(0);
                fs::umask(old);
                old
            }
        }
    })?;
    // kill(pid, sig) → 0 or a negative errno, as Node's binding does.
    def(obj, "kill", |pid: i32, sig: i32| match sp::kill(pid, sig) {
        Ok(()) => 0,
        Err(e) => -e.0,
    })?;
    def(obj, "reallyExit", |code: i32| -> () {
        sp::exit_group(code)
    })?;
    def(obj, "rss", rss_bytes)?;
    // heap() → [heapTotal, heapUsed, arrayBuffers]: QuickJS's own accounting.
    def(obj, "heap", |ctx: Ctx<'js>| -> Result<Array<'js>> {
        // SAFETY: JSMemoryUsage is plain data that JS_ComputeMemoryUsage fills in.
        let usage = unsafe {
            let mut u: rquickjs::qjs::JSMemoryUsage = std::mem::zeroed();
            rquickjs::qjs::JS_ComputeMemoryUsage(
                rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr()),
                &mut u,
            );
            u
        };
        let a = Array::new(ctx)?;
        a.set(0, usage.malloc_size as f64)?;
        a.set(1, usage.memory_used_size as f64)?;
        a.set(2, usage.binary_object_size as f64)?;
        Ok(a)
    })?;
    def(obj, "cpuUsage", |ctx: Ctx<'js>| -> Result<Array<'js>> {
        let (user, sys, _) = sp::getrusage_self().unwrap_or((0, 0, 0));
        let a = Array::new(ctx)?;
        a.set(0, user as f64)?;
        a.set(1, sys as f64)?;
        Ok(a)
    })?;
    def(obj, "maxRss", || {
        sp::getrusage_self().map_or(0.0, |r| r.2 as f64 * 1024.0)
    })?;
    def(obj, "hrtime", || time::monotonic_ns() as f64)?;
    def(obj, "hrtimeBigint", |ctx: Ctx<'js>| {
        crate::engine::bigint(&ctx, time::monotonic_ns() as i64)
    })?;
    def(obj, "timeOrigin", || time::realtime_ns() as f64 / 1e6)?;
    let s = state.clone();
    def(obj, "uptime", move || {
        (time::monotonic_ns() - s.borrow().start_ns) as f64 / 1e9
    })?;
    // writeSync(fd, data) writes all of a string or byte view; waits out EAGAIN on
    // non-blocking pipes so output is never dropped.
    def(
        obj,
        "writeSync",
        |ctx: Ctx<'js>, fd: i32, data: Value<'js>| -> Result<f64> {
            let owned;
            let bytes: &[u8] = if let Some(s) = data.as_string() {
                owned = s.to_string()?;
                owned.as_bytes()
            } else {
                let Some((ptr, len)) = crate::engine::bytes_of(&ctx, &data) else {
                    return Err(rquickjs::Exception::throw_type(
                        &ctx,
                        "data must be a string or a byte view",
                    ));
                };
                // SAFETY: ptr/len describe the live buffer behind `data`, which outlives this call.
                unsafe { std::slice::from_raw_parts(ptr, len) }
            };
            write_all_blocking(fd, bytes).map_err(|e| throw_uv(&ctx, e, "write", None))?;
            Ok(bytes.len() as f64)
        },
    )?;
    def(obj, "isatty", fs::isatty)?;
    def(
        obj,
        "windowSize",
        |ctx: Ctx<'js>, fd: i32| -> Result<Option<Array<'js>>> {
            match fs::window_size(fd) {
                Ok((cols, rows)) => {
                    let a = Array::new(ctx)?;
                    a.set(0, cols)?;
                    a.set(1, rows)?;
                    Ok(Some(a))
                }
                Err(_) => Ok(None),
            }
        },
    )?;
    def(obj, "fdKind", fd_kind)?;
    def(obj, "ids", |ctx: Ctx<'js>| -> Result<Array<'js>> {
        let a = Array::new(ctx)?;
        for (i, v) in [sp::getuid(), sp::geteuid(), sp::getgid(), sp::getegid()]
            .into_iter()
            .enumerate()
        {
            a.set(i, v)?;
        }
        Ok(a)
    })?;
    let uname = sp::uname().unwrap_or_default();
    obj.set("osRelease", uname[2].clone())?;
    obj.set("hostname", uname[1].clone())?;
    obj.set("execPath", exec_path())?;
    let env = Object::new(ctx.clone())?;
    for (k, v) in std::env::vars_os() {
        env.set(
            k.to_string_lossy().into_owned(),
            v.to_string_lossy().into_owned(),
        )?;
    }
    obj.set("env", env)?;
    Ok(())
}

/// "tty", "file", "pipe" (also sockets) or "unknown": which kind of stream stdio gets.
fn fd_kind(fd: i32) -> &'static str {
    if fs::isatty(fd) {
        return "tty";
    }
    match fs::fstat(fd) {
        Ok(st) => match st.mode & fs::S_IFMT {
            fs::S_IFREG | fs::S_IFCHR | fs::S_IFBLK => "file",
            fs::S_IFIFO | fs::S_IFSOCK => "pipe",
            _ => "unknown",
        },
        Err(_) => "closed",
    }
}

fn write_all_blocking(fd: i32, mut bytes: &[u8]) -> unode_sys::Result<()> {
    while !bytes.is_empty() {
        match unode_sys::retry(|| fs::write(fd, bytes)) {
            Ok(n) => bytes = &bytes[n..],
            Err(unode_sys::Errno::EAGAIN) => fs::wait_writable(fd)?,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn rss_bytes() -> f64 {
    // statm's second field is resident pages.
    let Ok(statm) = fs::read_file(c"/proc/self/statm") else {
        return 0.0;
    };
    let text = String::from_utf8_lossy(&statm);
    let pages: f64 = text
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0
}

fn exec_path() -> String {
    let mut buf = vec![0u8; 4096];
    match fs::readlink(c"/proc/self/exe", &mut buf) {
        Ok(n) => String::from_utf8_lossy(&buf[..n]).into_owned(),
        Err(_) => std::env::args().next().unwrap_or_else(|| "unode".into()),
    }
}
