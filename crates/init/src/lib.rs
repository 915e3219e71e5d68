//! Guest mode. When unode is the kernel's `/init` it mounts the pseudo file systems, brings
//! the loopback interface up, runs the app in a child unode (so that PID 1 can reap and
//! outlive it), reports the exit code through the VMM's exit device and restarts the
//! machine, which ends it: with `reboot=k` through the i8042 (our VMM), with `reboot=t`
//! by triple fault (QEMU's `-no-reboot`). A minimal kernel has no ACPI to power off with.
//! Nothing an app does can make PID 1 exit, which would panic the kernel.

use std::ffi::{CStr, CString};
use unode_sys::{fs, netlink, process};

/// Where the image puts the app, and the file naming its entry script and arguments.
pub const APP_DIR: &str = "/app";
pub const ENTRY_FILE: &str = "/app/.unode-entry";

/// The VMM's exit device (see unode-vmm's devices/pseudo): byte 123 at +0 marks "booted";
/// a u32 at +4 is the exit code.
const EXIT_DEVICE: u64 = 0xc000_0000;

fn log(msg: &str) {
    let _ = fs::write_all(2, format!("[unode-init] {msg}\n").as_bytes());
}

/// Whether this process should act as init: PID 1.
pub fn is_init() -> bool {
    process::getpid() == 1
}

fn mount_all() {
    for (src, target, fstype) in [
        (c"proc", c"/proc", c"proc"),
        (c"sysfs", c"/sys", c"sysfs"),
        (c"devtmpfs", c"/dev", c"devtmpfs"),
        (c"tmpfs", c"/tmp", c"tmpfs"),
    ] {
        let _ = fs::mkdir(target, 0o755);
        if let Err(e) = process::mount(src, target, fstype, 0) {
            log(&format!("mount {}: {e}", target.to_string_lossy()));
        }
    }
}

fn loopback_up() {
    match netlink::links() {
        Ok(links) => {
            for l in links.iter().filter(|l| l.is_loopback() || l.name == "eth0") {
                if let Err(e) = netlink::set_link_up(l.index) {
                    log(&format!("link {} up: {e}", l.name));
                }
            }
        }
        Err(e) => log(&format!("netlink: {e}")),
    }
}

/// Writes to the exit device through /dev/mem (absent under other hypervisors: ignored).
fn exit_device_write(offset: u64, bytes: &[u8]) {
    let Ok(fd) = fs::open(c"/dev/mem", fs::O_RDWR | fs::O_SYNC, 0) else {
        return;
    };
    let _ = fs::pwrite(fd, bytes, EXIT_DEVICE + offset);
    let _ = fs::close(fd);
}

/// The entry script and its arguments, one per line in ENTRY_FILE.
fn entry() -> Vec<String> {
    let text = fs::read_file(&CString::new(ENTRY_FILE).unwrap_or_default()).unwrap_or_default();
    let lines: Vec<String> = String::from_utf8_lossy(&text)
        .lines()
        .map(str::to_owned)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        vec![format!("{APP_DIR}/index.js")]
    } else {
        lines
    }
}

/// Runs the app in a child and returns its exit code; reaps every orphan meanwhile.
fn run_app(self_path: &CStr, args: &[String]) -> i32 {
    let mut c_args: Vec<CString> = vec![CString::new("unode").unwrap_or_default()];
    c_args.extend(args.iter().filter_map(|a| CString::new(a.as_str()).ok()));
    let env: Vec<CString> = ["PATH=/", "HOME=/tmp", "TERM=linux", "NODE_ENV=production"]
        .iter()
        .filter_map(|e| CString::new(*e).ok())
        .collect();
    let mut argv: Vec<*const u8> = c_args.iter().map(|a| a.as_ptr() as *const u8).collect();
    argv.push(std::ptr::null());
    let mut envp: Vec<*const u8> = env.iter().map(|e| e.as_ptr() as *const u8).collect();
    envp.push(std::ptr::null());
    let _ = fs::chdir(&CString::new(APP_DIR).unwrap_or_default());
    // SAFETY: the child only calls execve and exit_group, raw syscalls, with memory
    // prepared before the fork.
    let child = match unsafe { process::fork() } {
        Ok(0) => {
            let e = process::execve(self_path, &argv, &envp);
            let _ = fs::write_all(
                2,
                format!("[unode-init] cannot run the app: {e}\n").as_bytes(),
            );
            process::exit_group(127)
        }
        Ok(pid) => pid,
        Err(e) => {
            log(&format!("fork: {e}"));
            return 126;
        }
    };
    loop {
        match process::wait_any() {
            Ok((pid, status)) if pid == child => return process::exit_code_of(status),
            Ok(_) => continue,
            Err(unode_sys::Errno::EINTR) => continue,
            Err(e) => {
                log(&format!("wait: {e}"));
                return 126;
            }
        }
    }
}

/// Init's whole life; never returns.
pub fn main() -> ! {
    mount_all();
    loopback_up();
    exit_device_write(0, &[123]);
    let code = run_app(c"/init", &entry());
    log(&format!("app exited with code {code}"));
    exit_device_write(4, &code.to_le_bytes());
    let _ = process::reboot(process::REBOOT_RESTART);
    // If the restart is refused, stay alive: init must not exit.
    loop {
        let _ = unode_sys::time::nanosleep(1_000_000_000);
    }
}
