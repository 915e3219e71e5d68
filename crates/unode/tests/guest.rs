//! The guest half: our kernel + our initramfs + unode as /init, booted by QEMU's microvm
//! with TCG (no KVM needed). scripts/test.sh builds the kernel and installs QEMU, then sets
//! UNODE_GUEST_KERNEL; without it the test says it was skipped.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const APP: &str = r#"
const fs = require('fs');
const libjs = require('libjs');
console.log('hello from the guest', process.pid > 1, process.platform);
fs.writeFileSync('/tmp/note.txt', 'written in the guest');
console.log('tmp file:', fs.readFileSync('/tmp/note.txt', 'utf8'));
// A TCP round trip over the loopback interface init brought up.
const srv = libjs.socket(libjs.AF.INET, libjs.SOCK.STREAM);
libjs.setsockopt(srv, libjs.SOL.SOCKET, libjs.SO.REUSEADDR, 1);
console.log('bind', libjs.bind(srv, libjs.sockaddrIn('127.0.0.1', 7070)), 'listen', libjs.listen(srv, 8));
const cli = libjs.socket(libjs.AF.INET, libjs.SOCK.STREAM);
console.log('connect', libjs.connect(cli, libjs.sockaddrIn('127.0.0.1', 7070)));
const conn = libjs.accept(srv);
libjs.send(cli, 'ping over lo');
const buf = Buffer.alloc(64);
const n = libjs.recv(conn, buf);
console.log('received', JSON.stringify(buf.toString('utf8', 0, n)));
console.log('interfaces', Object.keys(require('os').networkInterfaces()).join(','));
process.exitCode = 7;
"#;

const EXPECTED: [&str; 5] = [
    "hello from the guest true linux",
    "tmp file: written in the guest",
    "bind 0 listen 0",
    "connect 0",
    "received \"ping over lo\"",
];

/// Everything together: `unode vm` (our VMM) boots our kernel and image and runs the app.
/// PVM (this workplace's /dev/kvm) cannot run a Linux guest's user space, so this needs a
/// host whose CPU has vmx or svm.
#[test]
fn unode_vm_boots_the_app_on_our_vmm() {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    if !cpuinfo.contains(" vmx") && !cpuinfo.contains(" svm") {
        eprintln!(
            "SKIPPED: unode vm end to end: /proc/cpuinfo shows no vmx or svm (hardware virtualisation), \
             and PVM cannot run a Linux guest's user space; run the suite on such a host"
        );
        return;
    }
    let Ok(kernel_dir) = std::env::var("UNODE_GUEST_KERNEL") else {
        panic!("UNODE_GUEST_KERNEL is not set: run scripts/test.sh, which builds the kernel");
    };
    let dir = std::env::temp_dir().join(format!("unode-vm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("app.js"), APP).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_unode"))
        .arg("vm")
        .arg(dir.join("app.js"))
        .arg("--kernel")
        .arg(PathBuf::from(kernel_dir).join("vmlinux"))
        .arg("--timings")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let console = String::from_utf8_lossy(&out.stdout);
    for expected in EXPECTED {
        assert!(
            console.contains(expected),
            "missing {expected:?}:\n{console}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        out.status.code(),
        Some(7),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn app_runs_as_the_guest_init_under_qemu() {
    let Ok(kernel_dir) = std::env::var("UNODE_GUEST_KERNEL") else {
        eprintln!("SKIPPED: guest-half test: UNODE_GUEST_KERNEL is not set (scripts/test.sh builds the kernel and sets it)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("unode-guest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("app.js"), APP).unwrap();
    let img = dir.join("app.img");
    let packed = Command::new(env!("CARGO_BIN_EXE_unode"))
        .arg("image")
        .arg(dir.join("app.js"))
        .arg("-o")
        .arg(&img)
        .output()
        .unwrap();
    assert!(
        packed.status.success(),
        "unode image: {}",
        String::from_utf8_lossy(&packed.stderr)
    );

    let bz = PathBuf::from(&kernel_dir).join("bzImage");
    let mut qemu = Command::new("qemu-system-x86_64")
        .args([
            "-M",
            "microvm",
            "-accel",
            "tcg",
            "-m",
            "256",
            "-nodefaults",
            "-no-user-config",
            "-nographic",
        ])
        .args(["-serial", "stdio", "-no-reboot", "-kernel"])
        .arg(&bz)
        .arg("-initrd")
        .arg(&img)
        .args(["-append", "console=ttyS0 reboot=t panic=-1 quiet"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("qemu-system-x86_64 (scripts/install-qemu.sh installs it)");
    let start = Instant::now();
    while qemu.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            let _ = qemu.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = qemu.wait_with_output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let console = String::from_utf8_lossy(&out.stdout).into_owned();
    eprintln!("guest booted and ran in {:?}", start.elapsed());
    for expected in EXPECTED
        .iter()
        .chain(&["[unode-init] app exited with code 7"])
    {
        assert!(
            console.contains(expected),
            "missing {expected:?} in the guest console:\n{console}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
