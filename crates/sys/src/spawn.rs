//! Starting a program: a fork whose child makes only raw syscalls (its descriptors,
//! directory, session, ids and signals, then execve), and reports a failure to the parent
//! over a close-on-exec pipe, as libuv's uv_spawn does.

use crate::raw::syscall6;
use crate::{check, fs, nr, process, retry, signal, Errno, Result};
use core::ffi::CStr;

/// What the child is made of. Everything is prepared before the fork: the child must not
/// allocate (another thread may hold the allocator's lock when the process is copied).
pub struct Command<'a> {
    /// The paths to try in order (a PATH search's candidates): the first that execve
    /// takes runs; ENOENT, ENOTDIR and EACCES move on to the next, as execvp does.
    pub paths: &'a [&'a CStr],
    /// argv and envp: NULL-terminated arrays of NUL-terminated strings.
    pub argv: &'a [*const u8],
    pub envp: &'a [*const u8],
    pub cwd: Option<&'a CStr>,
    /// The child's descriptor `i` is a copy of `stdio[i]`; `None` leaves it closed.
    pub stdio: &'a [Option<i32>],
    /// A session (and process group) of its own, as `detached` asks.
    pub new_session: bool,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
}

/// Starts `cmd`; the child's pid, or why it could not run (the errno of the step that
/// failed in the child, or of the fork).
pub fn spawn(cmd: &Command<'_>) -> Result<i32> {
    let (report_read, report_write) = fs::pipe2(fs::O_CLOEXEC)?;
    // SAFETY: the child runs `child` only: raw syscalls on memory prepared before the fork,
    // then execve or exit_group.
    let pid = match unsafe { process::fork() } {
        Ok(0) => child(cmd, report_write),
        Ok(pid) => pid,
        Err(e) => {
            let _ = fs::close(report_read);
            let _ = fs::close(report_write);
            return Err(e);
        }
    };
    let _ = fs::close(report_write);
    // The report pipe closes at the exec (close-on-exec): nothing read means it ran.
    let mut report = [0u8; 4];
    let got = retry(|| fs::read(report_read, &mut report));
    let _ = fs::close(report_read);
    match got {
        Ok(4) => {
            // The child has exited (127); it is reaped here, as nobody else knows of it.
            let _ = wait_pid(pid);
            Err(Errno(i32::from_ne_bytes(report)))
        }
        _ => Ok(pid),
    }
}

/// The child's side of [`spawn`]; never returns.
fn child(cmd: &Command<'_>, report: i32) -> ! {
    let errno = match prepare_child(cmd) {
        Err(e) => e,
        Ok(()) => exec_first(cmd),
    };
    let _ = fs::write(report, &errno.0.to_ne_bytes());
    process::exit_group(127)
}

fn prepare_child(cmd: &Command<'_>) -> Result<()> {
    // The parent blocks the signals it reads through a signalfd and ignores SIGPIPE; a
    // new program starts with none blocked and every action at its default.
    signal::sigprocmask(signal::SIG_SETMASK, &signal::SigSet::default())?;
    for sig in 1..=64 {
        if sig != signal::SIGKILL && sig != signal::SIGSTOP {
            let _ = signal::set_default(sig);
        }
    }
    if cmd.new_session {
        // SAFETY: no arguments.
        check(unsafe { syscall6(nr::SETSID, 0, 0, 0, 0, 0, 0) })?;
    }
    if let Some(gid) = cmd.gid {
        // SAFETY: no memory arguments.
        check(unsafe { syscall6(nr::SETGID, gid as usize, 0, 0, 0, 0, 0) })?;
    }
    if let Some(uid) = cmd.uid {
        // SAFETY: no memory arguments.
        check(unsafe { syscall6(nr::SETUID, uid as usize, 0, 0, 0, 0, 0) })?;
    }
    // Every source is first copied above the child's descriptors, so that placing one
    // cannot overwrite another still to be placed (a source may be 0, 1 or 2 itself).
    let count = cmd.stdio.len();
    let mut lifted = [-1i32; MAX_STDIO];
    for (slot, source) in lifted.iter_mut().zip(cmd.stdio) {
        if let Some(fd) = *source {
            *slot = fs::fcntl(fd, F_DUPFD_CLOEXEC, count.max(3))? as i32;
        }
    }
    for (target, &fd) in lifted.iter().take(count).enumerate() {
        if fd >= 0 {
            // dup3 without O_CLOEXEC: the copy survives the exec.
            fs::dup3(fd, target as i32, 0)?;
            // A program reads and writes its stdio blocking (a shared descriptor may be
            // one the parent polls): libuv clears O_NONBLOCK on 0–2 too, for the
            // description both share.
            if target <= 2 {
                fs::set_nonblocking(target as i32, false)?;
            }
        } else if target > 2 {
            let _ = fs::close(target as i32);
        }
    }
    if let Some(dir) = cmd.cwd {
        fs::chdir(dir)?;
    }
    Ok(())
}

/// The most descriptors a child is given (Node's stdio arrays are short).
pub const MAX_STDIO: usize = 64;
const F_DUPFD_CLOEXEC: u32 = 1030;

/// Runs the first candidate execve takes; what the search ends with otherwise.
fn exec_first(cmd: &Command<'_>) -> Errno {
    let mut outcome = Errno::ENOENT;
    let mut denied = false;
    for path in cmd.paths {
        let e = process::execve(path, cmd.argv, cmd.envp);
        match e {
            Errno::EACCES => denied = true,
            Errno::ENOENT | Errno::ENOTDIR => {}
            other => return other,
        }
        outcome = e;
    }
    if denied {
        Errno::EACCES
    } else {
        outcome
    }
}

/// A child's end: its exit code, or the signal that ended it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
}

/// A descriptor that becomes readable when process `pid` ends (pidfd_open).
pub fn pidfd_open(pid: i32) -> Result<i32> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::PIDFD_OPEN, pid as usize, 0, 0, 0, 0, 0) }).map(|v| v as i32)
}

const P_PID: usize = 1;
const P_PIDFD: usize = 3;
const WEXITED: usize = 4;
const WNOHANG: usize = 1;
const CLD_EXITED: i32 = 1;

/// Reaps the child behind `pidfd` if it has ended: `None` while it runs.
pub fn reap_pidfd(pidfd: i32) -> Result<Option<Exit>> {
    waitid(P_PIDFD, pidfd, WNOHANG)
}

/// Waits for child `pid` to end, and reaps it.
pub fn wait_pid(pid: i32) -> Result<Exit> {
    loop {
        if let Some(exit) = retry(|| waitid(P_PID, pid, 0))? {
            return Ok(exit);
        }
    }
}

fn waitid(idtype: usize, id: i32, options: usize) -> Result<Option<Exit>> {
    // siginfo_t: si_signo, si_errno, si_code, then (8-aligned, at 16) si_pid, si_uid,
    // si_status. The kernel leaves si_pid 0 when WNOHANG finds nothing.
    let mut info = [0u8; 128];
    // SAFETY: info is a siginfo_t-sized buffer the kernel fills; no rusage.
    check(unsafe {
        syscall6(
            nr::WAITID,
            idtype,
            id as usize,
            info.as_mut_ptr() as usize,
            WEXITED | options,
            0,
            0,
        )
    })?;
    let int_at =
        |at: usize| i32::from_ne_bytes([info[at], info[at + 1], info[at + 2], info[at + 3]]);
    if int_at(16) == 0 {
        return Ok(None);
    }
    let status = int_at(24);
    Ok(Some(if int_at(8) == CLD_EXITED {
        Exit::Code(status)
    } else {
        Exit::Signal(status)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;

    fn run(paths: &[&CStr], args: &[&str], stdio: &[Option<i32>]) -> Result<i32> {
        let owned: Vec<CString> = args.iter().map(|a| CString::new(*a).unwrap()).collect();
        let mut argv: Vec<*const u8> = owned.iter().map(|a| a.as_ptr() as *const u8).collect();
        argv.push(core::ptr::null());
        let envp = [core::ptr::null()];
        spawn(&Command {
            paths,
            argv: &argv,
            envp: &envp,
            cwd: None,
            stdio,
            new_session: false,
            uid: None,
            gid: None,
        })
    }

    #[test]
    fn runs_a_program_and_reads_its_exit() {
        let sh = CString::new("/bin/sh").unwrap();
        let pid = run(&[&sh], &["sh", "-c", "exit 7"], &[]).unwrap();
        let pidfd = pidfd_open(pid).unwrap();
        assert_eq!(wait_pid(pid).unwrap(), Exit::Code(7));
        assert_eq!(reap_pidfd(pidfd), Err(Errno::ECHILD));
        fs::close(pidfd).unwrap();
    }

    #[test]
    fn gives_the_child_its_descriptors() {
        let (r, w) = fs::pipe2(fs::O_CLOEXEC).unwrap();
        let sh = CString::new("/bin/sh").unwrap();
        let pid = run(&[&sh], &["sh", "-c", "echo hi"], &[None, Some(w)]).unwrap();
        fs::close(w).unwrap();
        let mut buf = [0u8; 16];
        let n = fs::read(r, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"hi\n");
        assert_eq!(wait_pid(pid).unwrap(), Exit::Code(0));
        fs::close(r).unwrap();
    }

    #[test]
    fn reports_why_it_could_not_run() {
        let missing = CString::new("/nonexistent/program").unwrap();
        let dir = CString::new("/").unwrap();
        assert_eq!(run(&[&missing], &["x"], &[]), Err(Errno::ENOENT));
        assert_eq!(run(&[&missing, &dir], &["x"], &[]), Err(Errno::EACCES));
    }

    #[test]
    fn reports_a_signal() {
        let sh = CString::new("/bin/sh").unwrap();
        let pid = run(&[&sh], &["sh", "-c", "kill -9 $$"], &[]).unwrap();
        assert_eq!(wait_pid(pid).unwrap(), Exit::Signal(9));
    }
}
