//! Boots a vmlinux through PVH: `cargo run --example boot -- VMLINUX [INITRD] [CMDLINE]`.

use unode_vmm::{GuestCode, Machine, MachineConfig};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(vmlinux) = args.first() else {
        eprintln!("usage: boot VMLINUX [INITRD] [CMDLINE]");
        std::process::exit(2);
    };
    let initrd = args
        .get(1)
        .filter(|s| !s.is_empty())
        .map(|p| std::fs::read(p).expect("read initrd"));
    let cmdline = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "console=ttyS0 earlyprintk=ttyS0 reboot=k panic=-1".into());
    let config = MachineConfig {
        mem_mib: 256,
        code: GuestCode::Linux {
            vmlinux: vmlinux.into(),
            initrd,
            cmdline,
        },
        serial_out: Box::new(std::io::stdout()),
        serial_in: vec![],
        irqchip: true,
    };
    let machine = Machine::new(config).unwrap_or_else(|e| {
        eprintln!("boot: {e}");
        std::process::exit(1)
    });
    let report = machine.run().expect("run");
    eprintln!(
        "stopped: {:?}, boot timer: {:?} ns",
        report.reason, report.boot_ns
    );
    for (step, ns) in report.timings {
        eprintln!("{step:<24} {ns:>12} ns");
    }
}
