//! VMM mechanics with tiny guest programs of our own (hand-assembled; the bytes are
//! annotated): serial out and in, i8042 reset, the exit device in 32- and 64-bit mode,
//! a triple fault, and bad configurations; and both kernel loader paths with the test
//! kernels in guest/test (a PVH ELF and a bzImage, assembled by
//! scripts/build-test-guests.sh), which report what the VMM handed them. Runs wherever
//! /dev/kvm exists (PVM included).

use std::io::Write;
use std::sync::{Arc, Mutex};
use unode_vmm::arch::x86_64::Mode;
use unode_vmm::{ExitReason, GuestCode, Machine, MachineConfig, RunReport};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn kvm_available() -> bool {
    let ok = std::path::Path::new("/dev/kvm").exists();
    if !ok {
        eprintln!("SKIPPED: /dev/kvm does not exist on this machine, so no guest can run");
    }
    ok
}

fn run(bytes: &[u8], mode: Mode, input: &[u8], irqchip: bool) -> (RunReport, String) {
    let out = Capture::default();
    let config = MachineConfig {
        mem_mib: 16,
        code: GuestCode::Blob {
            bytes: bytes.to_vec(),
            load: 0x1000,
            mode,
        },
        serial_out: Box::new(out.clone()),
        serial_in: input.to_vec(),
        irqchip,
    };
    let report = Machine::new(config).expect("machine").run().expect("run");
    let text = String::from_utf8_lossy(&out.0.lock().unwrap()).into_owned();
    (report, text)
}

const RESET: [u8; 4] = [0xb0, 0xfe, 0xe6, 0x64]; // mov al,0xfe; out 0x64,al

#[test]
fn real_mode_serial_output_then_i8042_reset() {
    if !kvm_available() {
        return;
    }
    let mut code = vec![
        0xba, 0xf8, 0x03, // mov dx,0x3f8
        0xb0, b'H', 0xee, // mov al,'H'; out dx,al
        0xb0, b'i', 0xee, // mov al,'i'; out dx,al
        0xb0, b'\n', 0xee, // mov al,'\n'; out dx,al
    ];
    code.extend(RESET);
    code.push(0xf4); // hlt (not reached)
    let (report, out) = run(&code, Mode::Real, b"", true);
    assert_eq!(report.reason, ExitReason::Reset);
    assert_eq!(out, "Hi\n");
}

#[test]
fn real_mode_serial_input_is_echoed() {
    if !kvm_available() {
        return;
    }
    let mut code = vec![
        0xba, 0xfd, 0x03, // 0: mov dx,0x3fd (line status)
        0xec, //             3: in al,dx
        0xa8, 0x01, //       4: test al,1 (data ready)
        0x74, 0xf8, //       6: jz 0
        0xba, 0xf8, 0x03, // 8: mov dx,0x3f8
        0xec, //            11: in al,dx
        0xee, //            12: out dx,al
        0x3c, 0x0a, //      13: cmp al,'\n'
        0x75, 0xef, //      15: jne 0
    ];
    code.extend(RESET);
    let (report, out) = run(&code, Mode::Real, b"echo me\n", true);
    assert_eq!(report.reason, ExitReason::Reset);
    assert_eq!(out, "echo me\n");
}

#[test]
fn protected_mode_exit_device_reports_boot_and_exit_code() {
    if !kvm_available() {
        return;
    }
    let code = [
        0xc6, 0x05, 0x00, 0x00, 0x00, 0xc0, 123, // mov byte [0xc0000000],123
        0xc7, 0x05, 0x04, 0x00, 0x00, 0xc0, 7, 0, 0, 0, // mov dword [0xc0000004],7
        0xf4,
    ];
    let (report, _) = run(&code, Mode::Protected32, b"", false);
    assert_eq!(report.reason, ExitReason::ExitCode(7));
    assert!(
        report.boot_ns.is_some(),
        "the boot-timer write was not seen"
    );
}

#[test]
fn long_mode_reaches_the_exit_device_through_page_tables() {
    if !kvm_available() {
        return;
    }
    let code = [
        0xb8, 0x00, 0x00, 0x00, 0xc0, // mov eax,0xc0000000 (zero-extends into rax)
        0xc6, 0x00, 123, //              mov byte [rax],123
        0xc7, 0x40, 0x04, 42, 0, 0, 0, // mov dword [rax+4],42
        0xf4,
    ];
    let (report, _) = run(&code, Mode::Long64, b"", true);
    assert_eq!(report.reason, ExitReason::ExitCode(42));
    assert!(report.boot_ns.is_some());
}

#[test]
fn a_triple_fault_ends_the_vm_cleanly() {
    if !kvm_available() {
        return;
    }
    // ud2 with no IDT: #UD → #GP → double fault → triple fault.
    let (report, _) = run(&[0x0f, 0x0b], Mode::Protected32, b"", false);
    assert_eq!(report.reason, ExitReason::Shutdown);
}

#[test]
fn hlt_without_irqchip_ends_the_vm() {
    if !kvm_available() {
        return;
    }
    let (report, _) = run(&[0xf4], Mode::Real, b"", false);
    assert_eq!(report.reason, ExitReason::Halted);
}

#[test]
fn bad_configurations_are_clear_errors() {
    let config = |mem_mib, bytes: Vec<u8>| MachineConfig {
        mem_mib,
        code: GuestCode::Blob {
            bytes,
            load: 0x1000,
            mode: Mode::Real,
        },
        serial_out: Box::new(std::io::sink()),
        serial_in: vec![],
        irqchip: false,
    };
    let err = Machine::new(config(1, vec![0xf4]))
        .err()
        .expect("1 MiB must be refused")
        .to_string();
    assert!(err.contains("too small"), "{err}");
    if !kvm_available() {
        return;
    }
    let err = Machine::new(config(2, vec![0; 3 << 20]))
        .err()
        .expect("oversized code must be refused")
        .to_string();
    assert!(err.contains("does not fit"), "{err}");
}

#[test]
fn serial_input_sent_while_the_guest_runs_reaches_it() {
    if !kvm_available() {
        return;
    }
    let mut code = vec![
        0xba, 0xfd, 0x03, 0xec, 0xa8, 0x01, 0x74, 0xf8, // wait for data ready
        0xba, 0xf8, 0x03, 0xec, 0xee, // read, echo
        0x3c, 0x0a, 0x75, 0xef, // until '\n'
    ];
    code.extend(RESET);
    let out = Capture::default();
    let machine = Machine::new(MachineConfig {
        mem_mib: 16,
        code: GuestCode::Blob {
            bytes: code,
            load: 0x1000,
            mode: Mode::Real,
        },
        serial_out: Box::new(out.clone()),
        serial_in: vec![],
        irqchip: true,
    })
    .expect("machine");
    let input = machine.serial_input();
    let feeder = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(20));
        input.send(b"late input\n");
    });
    let report = machine.run().expect("run");
    feeder.join().unwrap();
    assert_eq!(report.reason, ExitReason::Reset);
    assert_eq!(
        String::from_utf8_lossy(&out.0.lock().unwrap()),
        "late input\n"
    );
}

/// guest/test's kernels, assembled once per test run.
fn test_kernels() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = std::env::temp_dir().join(format!("unode-test-kernels-{}", std::process::id()));
        let status = std::process::Command::new("bash")
            .arg(root.join("scripts/build-test-guests.sh"))
            .arg(&dir)
            .status()
            .expect("bash");
        assert!(status.success(), "scripts/build-test-guests.sh failed");
        dir
    })
}

fn boot_test_kernel(file: &str, initrd: Option<Vec<u8>>) -> (RunReport, String) {
    let out = Capture::default();
    let config = MachineConfig {
        mem_mib: 16,
        code: GuestCode::Linux {
            vmlinux: test_kernels().join(file),
            initrd,
            cmdline: "console=ttyS0 unode.test=loader".into(),
        },
        serial_out: Box::new(out.clone()),
        serial_in: vec![],
        irqchip: true,
    };
    let report = Machine::new(config).expect("machine").run().expect("run");
    let text = String::from_utf8_lossy(&out.0.lock().unwrap()).into_owned();
    (report, text)
}

// 16 MiB of RAM: low RAM up to the EBDA, then 1 MiB to the end; a 15-byte initrd at the
// top of RAM, page aligned.
#[test]
fn pvh_test_kernel_reads_its_start_info() {
    if !kvm_available() {
        return;
    }
    let (report, out) = boot_test_kernel("pvh.elf", Some(b"initrd says hi\0".to_vec()));
    assert_eq!(report.reason, ExitReason::ExitCode(33), "{out}");
    assert!(report.boot_ns.is_some());
    assert_eq!(
        out,
        "pvh: start_info version 00000001\n\
         cmdline: console=ttyS0 unode.test=loader\n\
         initrd: 00fff000 0000000f\n\
         initrd text: initrd says hi\n\
         e820: 0000000000000000 000000000009fc00 1\n\
         e820: 0000000000100000 0000000000f00000 1\n"
    );
}

#[test]
fn bzimage_test_kernel_reads_its_zero_page() {
    if !kvm_available() {
        return;
    }
    let (report, out) = boot_test_kernel("bzImage", Some(b"initrd says hi\0".to_vec()));
    assert_eq!(report.reason, ExitReason::ExitCode(64), "{out}");
    assert!(report.boot_ns.is_some());
    assert_eq!(
        out,
        "bzImage: type_of_loader ff\n\
         cmdline: console=ttyS0 unode.test=loader\n\
         initrd: 0000000000fff000 000000000000000f\n\
         initrd text: initrd says hi\n\
         e820: 0000000000000000 000000000009fc00 1\n\
         e820: 0000000000100000 0000000000f00000 1\n"
    );
}

#[test]
fn test_kernels_boot_without_an_initrd() {
    if !kvm_available() {
        return;
    }
    for (file, code) in [("pvh.elf", 33), ("bzImage", 64)] {
        let (report, out) = boot_test_kernel(file, None);
        assert_eq!(report.reason, ExitReason::ExitCode(code), "{file}: {out}");
        assert!(!out.contains("initrd"), "{file}: {out}");
    }
}

#[test]
fn broken_kernels_are_clear_errors() {
    let dir = std::env::temp_dir().join(format!("unode-bad-kernels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read(test_kernels().join("bzImage")).unwrap();
    let mut not_high = good.clone();
    not_high[0x211] = 0; // loadflags without LOADED_HIGH
    let mut no_64bit_entry = good.clone();
    no_64bit_entry[0x236] = 0; // xloadflags without XLF_KERNEL_64
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("empty", vec![], "not a loadable vmlinux or bzImage"),
        (
            "text",
            b"#!/bin/sh\necho not a kernel\n".to_vec(),
            "not a loadable vmlinux or bzImage",
        ),
        (
            "cut-bzImage",
            good[..0x300].to_vec(),
            "not a loadable bzImage",
        ),
        ("low-bzImage", not_high, "not a loadable bzImage"),
        ("32-bit-bzImage", no_64bit_entry, "no 64-bit entry point"),
    ];
    if !kvm_available() {
        return;
    }
    let refusal = |path: std::path::PathBuf| {
        Machine::new(MachineConfig {
            mem_mib: 16,
            code: GuestCode::Linux {
                vmlinux: path,
                initrd: None,
                cmdline: String::new(),
            },
            serial_out: Box::new(std::io::sink()),
            serial_in: vec![],
            irqchip: true,
        })
        .err()
        .map(|e| e.to_string())
    };
    for (name, bytes, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = refusal(path).unwrap_or_else(|| panic!("{name} must be refused"));
        assert!(err.contains(expected), "{name}: {err}");
    }
    let missing = refusal(dir.join("no-such-kernel")).expect("a missing kernel must be refused");
    assert!(missing.contains("No such file"), "{missing}");
}

#[test]
fn a_guest_spinning_without_exits_can_be_stopped() {
    if !kvm_available() {
        return;
    }
    let machine = Machine::new(MachineConfig {
        mem_mib: 16,
        code: GuestCode::Blob {
            bytes: vec![0xeb, 0xfe], // jmp $ (no I/O, no MMIO, no HLT: KVM_RUN never returns)
            load: 0x1000,
            mode: Mode::Real,
        },
        serial_out: Box::new(std::io::sink()),
        serial_in: vec![],
        irqchip: true,
    })
    .expect("machine");
    let stop = machine.stop_handle();
    let started = std::time::Instant::now();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        stop.stop();
    });
    let report = machine.run().expect("run");
    stopper.join().unwrap();
    assert_eq!(report.reason, ExitReason::Stopped);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "the stop took {:?}",
        started.elapsed()
    );
}
