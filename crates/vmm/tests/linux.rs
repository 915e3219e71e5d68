//! Both Linux boot paths with our real guest kernel: the VMM loads vmlinux (PVH) or bzImage
//! (64-bit boot protocol), passes the command line, the memory map and an initrd through
//! hvm_start_info or the zero page, and the kernel reports them
//! on the serial console. Under PVM the kernel cannot get as far as user space, so the
//! machine is stopped once the early boot lines are in. Needs UNODE_GUEST_KERNEL (set by
//! scripts/test.sh) and /dev/kvm.

use std::io::Write;
use std::sync::{Arc, Mutex};
use unode_vmm::{ExitReason, GuestCode, Machine, MachineConfig};

struct Console {
    text: Arc<Mutex<String>>,
    stop: Arc<Mutex<Option<unode_vmm::StopHandle>>>,
}

impl Write for Console {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let mut text = self.text.lock().unwrap();
        text.push_str(&String::from_utf8_lossy(b));
        if text.contains("Zone ranges") {
            if let Some(stop) = self.stop.lock().unwrap().as_ref() {
                stop.stop();
            }
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn pvh_boot_hands_the_kernel_its_cmdline_memory_map_and_initrd() {
    boot_and_check("vmlinux");
}

#[test]
fn bzimage_boot_hands_the_kernel_its_cmdline_memory_map_and_initrd() {
    boot_and_check("bzImage");
}

fn boot_and_check(file: &str) {
    let Ok(dir) = std::env::var("UNODE_GUEST_KERNEL") else {
        eprintln!("SKIPPED: {file} boot test: UNODE_GUEST_KERNEL is not set (scripts/test.sh builds the kernel)");
        return;
    };
    if !std::path::Path::new("/dev/kvm").exists() {
        eprintln!("SKIPPED: {file} boot test: no /dev/kvm");
        return;
    }
    let text = Arc::new(Mutex::new(String::new()));
    let stop_slot = Arc::new(Mutex::new(None));
    let cmdline = "console=ttyS0 earlyprintk=ttyS0 reboot=k panic=-1 noxsave clearcpuid=popcnt,smap unode.test=1";
    let config = MachineConfig {
        mem_mib: 128,
        code: GuestCode::Linux {
            vmlinux: std::path::PathBuf::from(dir).join(file),
            initrd: Some(vec![0u8; 4096]),
            cmdline: cmdline.into(),
        },
        serial_out: Box::new(Console {
            text: text.clone(),
            stop: stop_slot.clone(),
        }),
        serial_in: vec![],
        irqchip: true,
    };
    let machine = Machine::new(config).expect("machine");
    *stop_slot.lock().unwrap() = Some(machine.stop_handle());
    let report = machine.run().expect("run");
    let console = text.lock().unwrap().clone();
    assert_eq!(report.reason, ExitReason::Stopped, "{console}");
    for expected in [
        "Linux version 6.12",
        &format!("Command line: {cmdline}"),
        "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable",
        "BIOS-e820: [mem 0x0000000000100000-0x0000000007ffffff] usable",
        "Hypervisor detected: KVM",
    ] {
        assert!(
            console.contains(expected),
            "missing {expected:?} in:\n{console}"
        );
    }
}

#[test]
fn a_file_that_is_not_a_kernel_is_a_clear_error() {
    let bogus = std::env::temp_dir().join(format!("not-a-kernel-{}", std::process::id()));
    std::fs::write(&bogus, b"definitely not ELF").unwrap();
    let config = MachineConfig {
        mem_mib: 16,
        code: GuestCode::Linux {
            vmlinux: bogus.clone(),
            initrd: None,
            cmdline: String::new(),
        },
        serial_out: Box::new(std::io::sink()),
        serial_in: vec![],
        irqchip: false,
    };
    let result = Machine::new(config);
    std::fs::remove_file(&bogus).unwrap();
    if !std::path::Path::new("/dev/kvm").exists() {
        return;
    }
    let err = result.err().expect("must fail").to_string();
    assert!(err.contains("not a loadable vmlinux or bzImage"), "{err}");
}
