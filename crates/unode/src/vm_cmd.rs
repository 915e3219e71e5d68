//! `unode vm app.js [--mem SIZE] [--kernel VMLINUX] [--cmdline …] [--timings] [args…]`:
//! packs the app like `unode image` and boots it on the guest kernel with unode's own KVM
//! VMM; the app's output is the VM's serial console and its exit code is the command's.

use std::path::PathBuf;
use unode_sys::fs::write_all;
use unode_vmm::{ExitReason, GuestCode, Machine, MachineConfig};

const DEFAULT_CMDLINE: &str =
    "console=ttyS0 reboot=k panic=-1 quiet i8042.noaux i8042.nomux i8042.nopnp i8042.dumbkbd";

fn fail(msg: &str) -> ! {
    let _ = write_all(2, format!("unode vm: {msg}\n").as_bytes());
    unode_sys::process::exit_group(1)
}

/// `--mem` values: 128, 128M, 1G (MiB by default).
fn parse_mem(v: &str) -> u64 {
    let (num, unit) = v.split_at(v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len()));
    let n: u64 = num
        .parse()
        .unwrap_or_else(|_| fail(&format!("bad --mem {v:?}")));
    match unit {
        "" | "M" | "m" | "MiB" => n,
        "G" | "g" | "GiB" => n * 1024,
        _ => fail(&format!("bad --mem unit in {v:?} (use M or G)")),
    }
}

/// The kernel: --kernel, $UNODE_KERNEL, or one scripts/build-kernel.sh cached.
fn find_kernel(explicit: Option<String>) -> PathBuf {
    if let Some(k) = explicit.or_else(|| std::env::var("UNODE_KERNEL").ok()) {
        return PathBuf::from(k);
    }
    cached_kernel().unwrap_or_else(|| {
        fail("no guest kernel found: build it with `bash scripts/build-kernel.sh` (in the unode repo), or pass --kernel VMLINUX")
    })
}

/// A vmlinux under ./.cache/kernel/<hash>/, where scripts/build-kernel.sh leaves it.
pub fn cached_kernel() -> Option<PathBuf> {
    let cache = PathBuf::from(crate::absolute(".cache/kernel"));
    let c = std::ffi::CString::new(cache.to_string_lossy().as_bytes()).unwrap_or_default();
    if let Ok(entries) = unode_sys::fs::read_dir(&c) {
        for e in entries {
            let candidate = cache
                .join(String::from_utf8_lossy(&e.name).as_ref())
                .join("vmlinux");
            let cc =
                std::ffi::CString::new(candidate.to_string_lossy().as_bytes()).unwrap_or_default();
            if unode_sys::fs::stat(&cc).is_ok() {
                return Some(candidate);
            }
        }
    }
    None
}

pub fn main(args: &[String]) -> ! {
    let (mut mem, mut kernel, mut cmdline, mut timings) =
        (256, None, DEFAULT_CMDLINE.to_owned(), false);
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let value = |i: usize| {
            args.get(i + 1)
                .cloned()
                .unwrap_or_else(|| fail(&format!("{} needs a value", args[i])))
        };
        match args[i].as_str() {
            "--mem" => {
                mem = parse_mem(&value(i));
                i += 2;
            }
            "--kernel" => {
                kernel = Some(value(i));
                i += 2;
            }
            "--cmdline" => {
                cmdline = value(i);
                i += 2;
            }
            "--timings" => {
                timings = true;
                i += 1;
            }
            _ => {
                rest.push(args[i].clone());
                i += 1;
            }
        }
    }
    let Some(script) = rest.first().cloned() else {
        fail("usage: unode vm app.js [--mem SIZE] [--kernel VMLINUX] [--cmdline ...] [--timings] [args...]")
    };
    let start = std::time::Instant::now();
    let image = crate::image_cmd::build(&script, &rest[1..]);
    let pack_ns = start.elapsed().as_nanos();
    let vmlinux = find_kernel(kernel);
    let config = MachineConfig {
        mem_mib: mem,
        code: GuestCode::Linux {
            vmlinux,
            initrd: Some(image.bytes),
            cmdline,
        },
        serial_out: Box::new(ConsoleOut),
        serial_in: Vec::new(),
        irqchip: true,
    };
    let machine = Machine::new(config).unwrap_or_else(|e| fail(&e.to_string()));
    // Host stdin reaches the guest console; the thread ends with stdin or the process.
    let input = machine.serial_input();
    let _ = std::thread::Builder::new()
        .name("unode-vm-stdin".into())
        .spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = unode_sys::retry(|| unode_sys::fs::read(0, &mut buf)) {
                if !input.send(&buf[..n]) {
                    break;
                }
            }
        });
    let report = machine.run().unwrap_or_else(|e| fail(&e.to_string()));
    if timings {
        let mut table = format!(
            "{:<30} {:>14}\n{:<30} {:>14}\n",
            "step", "ns", "pack image", pack_ns
        );
        for (step, ns) in &report.timings {
            table.push_str(&format!("{step:<30} {ns:>14}\n"));
        }
        let rss = unode_sys::process::getrusage_self()
            .map(|r| r.2 * 1024)
            .unwrap_or(0);
        table.push_str(&format!("{:<30} {:>14}\n", "peak RSS (bytes)", rss));
        let _ = write_all(2, table.as_bytes());
    }
    let code = match report.reason {
        ExitReason::ExitCode(c) => c,
        ExitReason::Reset | ExitReason::Shutdown => 0,
        other => fail(&format!("the guest stopped: {other:?}")),
    };
    unode_sys::process::exit_group(code)
}

/// The guest's serial console, written straight to our stdout.
struct ConsoleOut;

impl std::io::Write for ConsoleOut {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        write_all(1, buf).map_err(std::io::Error::from)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
