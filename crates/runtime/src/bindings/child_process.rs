//! Native half of lib/child_process.js: starting programs (unode_sys::spawn), their stdio
//! as socketpairs (as libuv makes them), their exits through pidfds the loop watches, and
//! spawnSync's whole run: input written, output gathered, timeout and maxBuffer enforced.

use super::buffer::new_buffer;
use super::net::Chunk;
use super::{cpath, def};
use rquickjs::{Array, Ctx, Object, Result, Value};
use std::ffi::{CStr, CString};
use unode_sys::fs::{self as sfs, PollFd, POLLIN, POLLOUT};
use unode_sys::spawn::{self, Command, Exit, MAX_STDIO};
use unode_sys::{net as sn, process as sp, time, Errno};

/// How JS describes a child's descriptor: a number ≥ 0 is one of ours to share.
const STDIO_IGNORE: i32 = -1;
const STDIO_PIPE: i32 = -2;

/// The parts of a spawn both kinds share, from the options object lib/child_process.js
/// makes: file, args (argv, from argv0), envPairs, cwd, stdio, detached, uid, gid.
struct Plan {
    paths: Vec<CString>,
    args: Vec<CString>,
    env: Vec<CString>,
    cwd: Option<CString>,
    stdio: Vec<i32>,
    detached: bool,
    uid: Option<u32>,
    gid: Option<u32>,
}

impl Plan {
    fn from_options(ctx: &Ctx<'_>, o: &Object<'_>) -> Result<Plan> {
        let file: String = o.get("file")?;
        let strings = |key: &str| -> Result<Vec<CString>> {
            let list: Vec<String> = o.get(key)?;
            list.iter().map(|s| cpath(ctx, s)).collect()
        };
        let args = strings("args")?;
        let env = strings("envPairs")?;
        let cwd = match o.get::<_, Option<String>>("cwd")? {
            Some(dir) => Some(cpath(ctx, &dir)?),
            None => None,
        };
        let stdio: Vec<i32> = o.get("stdio")?;
        if stdio.len() > MAX_STDIO {
            return Err(rquickjs::Exception::throw_range(
                ctx,
                "too many stdio entries",
            ));
        }
        let paths = search_path(&file, &env)
            .into_iter()
            .map(|p| cpath(ctx, &p))
            .collect::<Result<_>>()?;
        Ok(Plan {
            paths,
            args,
            env,
            cwd,
            stdio,
            detached: o.get::<_, Option<bool>>("detached")?.unwrap_or(false),
            uid: o.get("uid")?,
            gid: o.get("gid")?,
        })
    }
}

/// The paths execvp would try for `file`: itself when it names a path, else each
/// directory of the child's PATH (or the default one) in order, as libuv searches.
fn search_path(file: &str, env: &[CString]) -> Vec<String> {
    if file.contains('/') {
        return vec![file.to_string()];
    }
    let path = env
        .iter()
        .find_map(|e| e.to_bytes().strip_prefix(b"PATH="))
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".to_string());
    path.split(':')
        .map(|dir| {
            if dir.is_empty() {
                file.to_string()
            } else {
                format!("{dir}/{file}")
            }
        })
        .collect()
}

/// The descriptors of a spawn: what the child gets, and our ends of its pipes.
struct Stdio {
    child: Vec<Option<i32>>,
    /// Our end of each pipe (-1 where the slot is not a pipe).
    ours: Vec<i32>,
    /// Descriptors opened only for the child (pipe ends, /dev/null), closed after the fork.
    opened: Vec<i32>,
}

impl Stdio {
    fn open(spec: &[i32]) -> std::result::Result<Stdio, Errno> {
        let mut stdio = Stdio {
            child: Vec::new(),
            ours: Vec::new(),
            opened: Vec::new(),
        };
        for (i, &s) in spec.iter().enumerate() {
            let (child, ours) = match s {
                STDIO_PIPE => match sn::socketpair(sn::AF_UNIX, sn::SOCK_STREAM | sn::SOCK_CLOEXEC)
                {
                    Ok((a, b)) => {
                        stdio.opened.push(b);
                        (Some(b), a)
                    }
                    Err(e) => return Err(stdio.fail(e)),
                },
                // An ignored 0, 1 or 2 is /dev/null (a program may not expect it closed).
                STDIO_IGNORE if i < 3 => match sfs::open(c"/dev/null", sfs::O_RDWR, 0) {
                    Ok(fd) => {
                        stdio.opened.push(fd);
                        (Some(fd), -1)
                    }
                    Err(e) => return Err(stdio.fail(e)),
                },
                STDIO_IGNORE => (None, -1),
                fd => (Some(fd), -1),
            };
            stdio.child.push(child);
            stdio.ours.push(ours);
        }
        Ok(stdio)
    }

    /// Closes what was opened; `e` passes through.
    fn fail(&mut self, e: Errno) -> Errno {
        self.close_child_ends();
        for fd in self.ours.drain(..).filter(|&fd| fd >= 0) {
            let _ = sfs::close(fd);
        }
        e
    }

    fn close_child_ends(&mut self) {
        for fd in self.opened.drain(..) {
            let _ = sfs::close(fd);
        }
    }
}

/// Starts `plan` with `stdio`; the child's pid, or the errno of what failed.
fn start(plan: &Plan, stdio: &mut Stdio) -> std::result::Result<i32, Errno> {
    let ptrs = |list: &[CString]| -> Vec<*const u8> {
        list.iter()
            .map(|s| s.as_ptr() as *const u8)
            .chain(std::iter::once(std::ptr::null()))
            .collect()
    };
    let argv = ptrs(&plan.args);
    let envp = ptrs(&plan.env);
    let paths: Vec<&CStr> = plan.paths.iter().map(|p| p.as_c_str()).collect();
    let result = spawn::spawn(&Command {
        paths: &paths,
        argv: &argv,
        envp: &envp,
        cwd: plan.cwd.as_deref(),
        stdio: &stdio.child,
        new_session: plan.detached,
        uid: plan.uid,
        gid: plan.gid,
    });
    stdio.close_child_ends();
    result
}

/// [exit code, signal number]: one of them is null.
fn exit_row<'js>(ctx: &Ctx<'js>, exit: Exit) -> Result<Array<'js>> {
    let row = Array::new(ctx.clone())?;
    match exit {
        Exit::Code(code) => {
            row.set(0, code)?;
            row.set(1, Value::new_null(ctx.clone()))?;
        }
        Exit::Signal(sig) => {
            row.set(0, Value::new_null(ctx.clone()))?;
            row.set(1, sig)?;
        }
    }
    Ok(row)
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    // spawn(options) → [errno (0 or negative), pid, pidfd, our end of each stdio slot
    // (-1 where it is not a pipe)]. The pipes are made (and returned) even when the
    // program cannot start, as libuv makes them: the caller's streams then end.
    def(
        obj,
        "spawn",
        |ctx: Ctx<'js>, o: Object<'js>| -> Result<Array<'js>> {
            let plan = Plan::from_options(&ctx, &o)?;
            let row = Array::new(ctx.clone())?;
            let mut stdio = match Stdio::open(&plan.stdio) {
                Ok(s) => s,
                Err(e) => {
                    row.set(0, -e.0)?;
                    return Ok(row);
                }
            };
            let (errno, pid, pidfd) = match start(&plan, &mut stdio) {
                Ok(pid) => match spawn::pidfd_open(pid) {
                    Ok(pidfd) => (0, pid, pidfd),
                    Err(e) => {
                        let _ = sp::kill(pid, 9);
                        let _ = spawn::wait_pid(pid);
                        (-e.0, 0, -1)
                    }
                },
                Err(e) => (-e.0, 0, -1),
            };
            row.set(0, errno)?;
            row.set(1, pid)?;
            row.set(2, pidfd)?;
            for (i, &fd) in stdio.ours.iter().enumerate() {
                if fd >= 0 {
                    let _ = sfs::set_nonblocking(fd, true);
                }
                row.set(3 + i, fd)?;
            }
            Ok(row)
        },
    )?;
    // reap(pidfd) → [code, signal] once the child has ended (and the pidfd is closed),
    // null while it runs.
    def(
        obj,
        "reap",
        |ctx: Ctx<'js>, pidfd: i32| -> Result<Value<'js>> {
            match spawn::reap_pidfd(pidfd) {
                Ok(None) => Ok(Value::new_null(ctx.clone())),
                Ok(Some(exit)) => {
                    let _ = sfs::close(pidfd);
                    Ok(exit_row(&ctx, exit)?.into_value())
                }
                Err(e) => {
                    let _ = sfs::close(pidfd);
                    Err(super::throw_uv(&ctx, e, "waitid", None))
                }
            }
        },
    )?;
    def(obj, "spawnSync", spawn_sync)?;
    // channelWrite(fd, bytes, passFd) → bytes written or a negative errno: a message of
    // an IPC channel, with descriptor passFd (−1: none) riding on its first byte.
    def(
        obj,
        "channelWrite",
        |ctx: Ctx<'js>, fd: i32, data: Value<'js>, pass: i32| -> Result<i64> {
            let chunk = Chunk::of(&ctx, &data)?;
            let (ptr, len) = chunk.iov();
            // SAFETY: the chunk's bytes stay alive while `chunk` (and `data`) do.
            let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
            let pass = (pass >= 0).then_some(pass);
            Ok(match sn::send_with_fd(fd, bytes, pass, sn::MSG_NOSIGNAL) {
                Ok(n) => n as i64,
                Err(e) => -(e.0 as i64),
            })
        },
    )?;
    // channelRead(fd) → [Buffer, descriptors received], [0] at the end, or [negative errno].
    def(
        obj,
        "channelRead",
        |ctx: Ctx<'js>, fd: i32| -> Result<Array<'js>> {
            let row = Array::new(ctx.clone())?;
            let mut buf = vec![0u8; 64 * 1024];
            match sn::recv_with_fds(fd, &mut buf) {
                Ok((0, fds)) => {
                    for fd in fds {
                        let _ = sfs::close(fd);
                    }
                    row.set(0, 0)?;
                }
                Ok((n, fds)) => {
                    buf.truncate(n);
                    row.set(0, new_buffer(&ctx, buf)?)?;
                    row.set(1, fds)?;
                }
                Err(e) => row.set(0, -e.0)?,
            }
            Ok(row)
        },
    )?;
    Ok(())
}

/// spawnSync(options) → { errno, pid, status, signal, output: [null | Buffer per slot] }:
/// the program run to its end and its pipes to theirs. Besides spawn's options:
/// `input` (bytes for a stdin pipe), `timeout` (ms, 0: none), `killSignal`, `maxBuffer`
/// (bytes per output; past it the child is killed and errno is ENOBUFS).
fn spawn_sync<'js>(ctx: Ctx<'js>, o: Object<'js>) -> Result<Object<'js>> {
    let plan = Plan::from_options(&ctx, &o)?;
    let input: Value = o.get("input")?;
    let input = if input.is_undefined() || input.is_null() {
        Vec::new()
    } else {
        match Chunk::of(&ctx, &input)? {
            Chunk::Owned(v) => v,
            // SAFETY: the view's bytes stay alive for this call (`input` holds them).
            Chunk::Borrowed(p, n) => unsafe { std::slice::from_raw_parts(p, n) }.to_vec(),
        }
    };
    let timeout_ms: f64 = o.get::<_, Option<f64>>("timeout")?.unwrap_or(0.0);
    let kill_signal: i32 = o.get::<_, Option<i32>>("killSignal")?.unwrap_or(15);
    let max_buffer: f64 = o
        .get::<_, Option<f64>>("maxBuffer")?
        .unwrap_or(f64::INFINITY);

    let out = Object::new(ctx.clone())?;
    let mut stdio = match Stdio::open(&plan.stdio) {
        Ok(s) => s,
        Err(e) => {
            out.set("errno", -e.0)?;
            return Ok(out);
        }
    };
    let pid = match start(&plan, &mut stdio) {
        Ok(pid) => pid,
        Err(e) => {
            let _ = stdio.fail(e);
            out.set("errno", -e.0)?;
            out.set("pid", 0)?;
            return Ok(out);
        }
    };
    let run = SyncRun {
        pid,
        input,
        timeout_ms,
        kill_signal,
        max_buffer,
    };
    let (exit, outputs, errno) = run.wait(&stdio.ours);
    out.set("errno", errno.map_or(0, |e| -e.0))?;
    out.set("pid", pid)?;
    let row = exit_row(&ctx, exit)?;
    out.set("status", row.get::<Value>(0)?)?;
    out.set("signal", row.get::<Value>(1)?)?;
    let output = Array::new(ctx.clone())?;
    for (i, bytes) in outputs.into_iter().enumerate() {
        match bytes {
            Some(b) => output.set(i, new_buffer(&ctx, b)?)?,
            None => output.set(i, Value::new_null(ctx.clone()))?,
        }
    }
    out.set("output", output)?;
    Ok(out)
}

/// Milliseconds from `now` to `deadline` (ns), rounded up, for poll.
fn ms_until(deadline: u64, now: u64) -> i32 {
    (deadline.saturating_sub(now).div_ceil(1_000_000)).min(i32::MAX as u64) as i32
}

/// A started spawnSync child, run to its end.
struct SyncRun {
    pid: i32,
    input: Vec<u8>,
    timeout_ms: f64,
    kill_signal: i32,
    max_buffer: f64,
}

impl SyncRun {
    /// Feeds stdin, gathers the other pipes until they end and the child has exited;
    /// its exit, the bytes of each pipe slot, and ETIMEDOUT or ENOBUFS if it was killed
    /// for either.
    fn wait(mut self, ours: &[i32]) -> (Exit, Vec<Option<Vec<u8>>>, Option<Errno>) {
        let mut outputs: Vec<Option<Vec<u8>>> = ours
            .iter()
            .enumerate()
            .map(|(i, &fd)| (i > 0 && fd >= 0).then(Vec::new))
            .collect();
        let mut open: Vec<i32> = ours.to_vec();
        let mut written = 0usize;
        // Nothing to write: the child reads the end of its input at once.
        if let Some(&fd) = open.first() {
            if fd >= 0 && self.input.is_empty() {
                let _ = sfs::close(fd);
                open[0] = -1;
            }
        }
        let deadline =
            (self.timeout_ms > 0.0).then(|| time::monotonic_ns() + (self.timeout_ms * 1e6) as u64);
        let mut killed_for: Option<Errno> = None;
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let mut fds: Vec<PollFd> = Vec::new();
            for (i, &fd) in open.iter().enumerate() {
                if fd >= 0 {
                    fds.push(PollFd::new(fd, if i == 0 { POLLOUT } else { POLLIN }));
                }
            }
            // A killed child's pipes are closed with what they gave so far, as Node closes
            // them (a grandchild holding one open cannot keep the call waiting).
            if fds.is_empty() || killed_for.is_some() {
                break;
            }
            let timeout = match deadline {
                Some(d) => {
                    let now = time::monotonic_ns();
                    if d <= now {
                        self.kill(&mut killed_for, Errno::ETIMEDOUT);
                        continue;
                    }
                    ms_until(d, now)
                }
                None => -1,
            };
            match sfs::poll(&mut fds, timeout) {
                Ok(0) | Err(Errno::EINTR) => continue,
                Ok(_) => {}
                Err(_) => break,
            }
            for p in fds.iter().filter(|p| p.revents != 0) {
                let Some(slot) = open.iter().position(|&fd| fd == p.fd) else {
                    continue;
                };
                let done = if slot == 0 {
                    match sfs::write(p.fd, &self.input[written..]) {
                        Ok(n) => written += n,
                        Err(Errno::EAGAIN) | Err(Errno::EINTR) => {}
                        // The child closed its input (EPIPE): the rest is dropped.
                        Err(_) => written = self.input.len(),
                    }
                    written == self.input.len()
                } else {
                    match sfs::read(p.fd, &mut chunk) {
                        Ok(0) => true,
                        Ok(n) => {
                            if let Some(buf) = outputs[slot].as_mut() {
                                buf.extend_from_slice(&chunk[..n]);
                                // The read that crossed the limit is kept whole, as Node keeps it.
                                if buf.len() as f64 > self.max_buffer {
                                    self.kill(&mut killed_for, Errno::ENOBUFS);
                                }
                            }
                            false
                        }
                        Err(Errno::EAGAIN) | Err(Errno::EINTR) => false,
                        Err(_) => true,
                    }
                };
                if done {
                    let _ = sfs::close(p.fd);
                    open[slot] = -1;
                }
            }
        }
        let exit = self.wait_exit(deadline, &mut killed_for);
        self.input.clear();
        (exit, outputs, killed_for)
    }

    /// Waits for the child's exit, killing it at the deadline if that comes first.
    fn wait_exit(&self, deadline: Option<u64>, killed_for: &mut Option<Errno>) -> Exit {
        if let (Some(d), None) = (deadline, *killed_for) {
            if let Ok(pidfd) = spawn::pidfd_open(self.pid) {
                let mut fds = [PollFd::new(pidfd, POLLIN)];
                let ready = sfs::poll(&mut fds, ms_until(d, time::monotonic_ns())).unwrap_or(1);
                let _ = sfs::close(pidfd);
                if ready == 0 {
                    self.kill(killed_for, Errno::ETIMEDOUT);
                }
            }
        }
        // A child nobody else reaps is ours to wait for; ECHILD cannot happen, and would
        // read as a clean exit.
        spawn::wait_pid(self.pid).unwrap_or(Exit::Code(0))
    }

    fn kill(&self, killed_for: &mut Option<Errno>, why: Errno) {
        if killed_for.is_none() {
            *killed_for = Some(why);
            let _ = sp::kill(self.pid, self.kill_signal);
        }
    }
}
