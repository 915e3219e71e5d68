//! A whole machine: VM, guest code, devices, and the vCPU run loop on its own thread.
//! Every exit the loop does not handle ends the machine with its reason; nothing the
//! guest does can panic or hang the host process's other threads.

use crate::arch::x86_64::{self as arch, Mode};
use crate::devices::legacy::{Serial, COM1_BASE, I8042, I8042_COMMAND, I8042_DATA};
use crate::devices::pseudo::{ExitDevice, Signal};
use crate::vstate::{kick::StopHandle, vcpu, vm::Vm};
use crate::{Error, Result};
use kvm_ioctls::VcpuExit;
use std::io::Write;
use std::time::Instant;
use vm_memory::{Bytes, GuestAddress};

/// Code to run and where it starts.
pub enum GuestCode {
    /// Raw machine code loaded at `load` and entered there in `mode`.
    Blob {
        bytes: Vec<u8>,
        load: u64,
        mode: Mode,
    },
    /// A Linux kernel: a `vmlinux` (ELF with a PVH note) booted through its PVH entry,
    /// or a `bzImage` booted through the 64-bit boot protocol.
    Linux {
        vmlinux: std::path::PathBuf,
        initrd: Option<Vec<u8>>,
        cmdline: String,
    },
}

pub struct MachineConfig {
    pub mem_mib: u64,
    pub code: GuestCode,
    /// Where the guest's serial console goes.
    pub serial_out: Box<dyn Write + Send>,
    /// Bytes the guest reads from its serial console.
    pub serial_in: Vec<u8>,
    /// The in-kernel irqchip and PIT (what a Linux guest needs).
    pub irqchip: bool,
}

/// Why the machine stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExitReason {
    /// The guest wrote its exit code to the exit device.
    ExitCode(i32),
    /// The guest asked the i8042 to reset the CPU (`reboot=k`).
    Reset,
    /// Triple fault or KVM shutdown.
    Shutdown,
    /// HLT without an in-kernel irqchip: nothing could ever wake it.
    Halted,
    /// An exit the VMM does not handle, described.
    Unhandled(String),
    /// The host asked the machine to stop (see [`Machine::stop_handle`]).
    Stopped,
}

pub struct RunReport {
    pub reason: ExitReason,
    /// Nanoseconds from the first KVM_RUN to the guest's boot-timer write.
    pub boot_ns: Option<u64>,
    /// (step, nanoseconds) of the set-up and the run.
    pub timings: Vec<(&'static str, u64)>,
}

/// The UART, even if an input thread panicked while holding it (its state stays usable).
fn lock(serial: &std::sync::Mutex<Serial>) -> std::sync::MutexGuard<'_, Serial> {
    serial.lock().unwrap_or_else(|p| p.into_inner())
}

/// Feeds host input (a terminal, a pipe) to the guest's serial console.
#[derive(Clone)]
pub struct SerialInput(std::sync::Arc<std::sync::Mutex<Serial>>);

impl SerialInput {
    /// Queues `bytes` for the guest, waiting while the UART's FIFO is full; false once
    /// the machine has ended (nothing will drain the FIFO any more).
    pub fn send(&self, mut bytes: &[u8]) -> bool {
        while !bytes.is_empty() {
            // The machine and its vCPU thread hold the other references while it lives.
            if std::sync::Arc::strong_count(&self.0) == 1 {
                return false;
            }
            let n = lock(&self.0).input(bytes);
            bytes = &bytes[n..];
            if n == 0 {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
        true
    }
}

pub struct Machine {
    stop: StopHandle,
    /// Owns the guest memory the vCPU runs in: it must live as long as the vCPU.
    _vm: Vm,
    vcpu: kvm_ioctls::VcpuFd,
    /// Shared with [`SerialInput`] handles that feed host input to the guest.
    serial: std::sync::Arc<std::sync::Mutex<Serial>>,
    timings: Vec<(&'static str, u64)>,
}

impl Machine {
    pub fn new(config: MachineConfig) -> Result<Machine> {
        let mut timings = Vec::new();
        let mut lap = Instant::now();
        let mut step = |name: &'static str| {
            timings.push((name, lap.elapsed().as_nanos() as u64));
            lap = Instant::now();
        };
        if config.mem_mib < 2 {
            return Err(Error::TooLittleMemory(config.mem_mib));
        }
        let mem_size = config.mem_mib << 20;
        let vm = Vm::new(mem_size, config.irqchip)?;
        step("create VM + memory + irqchip");
        let (mode, entry, rbx) = match config.code {
            GuestCode::Blob { bytes, load, mode } => {
                if load
                    .checked_add(bytes.len() as u64)
                    .is_none_or(|end| end > mem_size)
                {
                    return Err(Error::CodeTooBig {
                        len: bytes.len(),
                        addr: load,
                        mem: mem_size,
                    });
                }
                vm.memory
                    .write_slice(&bytes, GuestAddress(load))
                    .map_err(|e| Error::Memory(e.to_string()))?;
                (mode, load, 0)
            }
            GuestCode::Linux {
                vmlinux,
                initrd,
                cmdline,
            } => load_linux(&vm, mem_size, &vmlinux, initrd.as_deref(), &cmdline)?,
        };
        arch::setup_memory(&vm.memory, mode)?;
        step("load kernel + initrd");
        // PVH wants start_info in ebx, the 64-bit protocol the zero page in rsi.
        let (rsi, rbx) = if mode == Mode::Long64 {
            (rbx, 0)
        } else {
            (0, rbx)
        };
        let vcpu = vcpu::create(&vm.kvm, &vm.fd, mode, entry, rsi, rbx)?;
        step("create vCPU");
        let irq_vm = config.irqchip.then(|| vm.fd.clone());
        let mut serial = Serial::new(config.serial_out, irq_vm);
        serial.input(&config.serial_in);
        let serial = std::sync::Arc::new(std::sync::Mutex::new(serial));
        Ok(Machine {
            stop: Default::default(),
            _vm: vm,
            vcpu,
            serial,
            timings,
        })
    }

    /// A handle that sends host bytes to the guest's serial console while it runs.
    pub fn serial_input(&self) -> SerialInput {
        SerialInput(self.serial.clone())
    }

    /// Stops the machine from another thread, even while its guest spins without exits.
    pub fn stop_handle(&self) -> StopHandle {
        self.stop.clone()
    }

    /// Runs the guest on its own thread until it stops, and reports why.
    pub fn run(self) -> Result<RunReport> {
        let handle = std::thread::Builder::new()
            .name("unode-vcpu0".into())
            .spawn(move || {
                crate::vstate::kick::prepare_vcpu_thread().map_err(Error::Thread)?;
                Ok(self.run_vcpu())
            })
            .map_err(|e| Error::Thread(e.to_string()))?;
        handle
            .join()
            .map_err(|_| Error::Thread("the vCPU thread panicked".into()))?
    }

    fn run_vcpu(mut self) -> RunReport {
        let start = Instant::now();
        let mut boot_ns = None;
        let mut i8042 = I8042::default();
        let exit_device = ExitDevice;
        let serial = self.serial.clone();
        let stop = self.stop.clone();
        stop.enter();
        let reason = loop {
            if stop.requested() {
                break ExitReason::Stopped;
            }
            let exit = match self.vcpu.run() {
                Ok(exit) => exit,
                Err(e) if e.errno() == 4 || e.errno() == 11 => continue, // EINTR, EAGAIN
                Err(e) => break ExitReason::Unhandled(format!("KVM_RUN failed: {e}")),
            };
            match exit {
                VcpuExit::IoOut(port, data) => match port {
                    p if (COM1_BASE..COM1_BASE + 8).contains(&p) => {
                        for b in data {
                            lock(&serial).write((p - COM1_BASE) as u8, *b);
                        }
                    }
                    I8042_DATA | I8042_COMMAND => {
                        i8042.write(port, data.first().copied().unwrap_or(0));
                        if i8042.reset_requested() {
                            break ExitReason::Reset;
                        }
                    }
                    // Other ports (POST codes, absent UARTs, PCI probes) have nothing behind them.
                    _ => {}
                },
                VcpuExit::IoIn(port, data) => {
                    let value = match port {
                        p if (COM1_BASE..COM1_BASE + 8).contains(&p) => {
                            lock(&serial).read((p - COM1_BASE) as u8)
                        }
                        I8042_DATA | I8042_COMMAND => i8042.read(port),
                        _ => 0xff,
                    };
                    data.fill(value);
                }
                VcpuExit::MmioWrite(addr, data) if ExitDevice::contains(addr) => {
                    match exit_device.write(addr, data) {
                        Signal::Booted => {
                            boot_ns.get_or_insert(start.elapsed().as_nanos() as u64);
                        }
                        Signal::Exit(code) => break ExitReason::ExitCode(code),
                        Signal::Ignored => {}
                    }
                }
                // Nothing else is mapped: reads see a floating bus, writes go nowhere.
                VcpuExit::MmioRead(_, data) => data.fill(0xff),
                VcpuExit::MmioWrite(..) => {}
                VcpuExit::Hlt => break ExitReason::Halted,
                VcpuExit::Shutdown => break ExitReason::Shutdown,
                other => break ExitReason::Unhandled(describe(&other)),
            }
        };
        stop.leave();
        let run_ns = start.elapsed().as_nanos() as u64;
        if let Some(boot) = boot_ns {
            // The guest's init writes the boot timer just before it starts the app.
            self.timings.push(("guest boot to app start", boot));
            self.timings
                .push(("app run to exit", run_ns.saturating_sub(boot)));
        } else {
            self.timings.push(("run", run_ns));
        }
        let mut timings = std::mem::take(&mut self.timings);
        let teardown = Instant::now();
        drop(self);
        timings.push(("teardown", teardown.elapsed().as_nanos() as u64));
        RunReport {
            reason,
            boot_ns,
            timings,
        }
    }
}

/// Loads the kernel (vmlinux through PVH, or bzImage through the 64-bit protocol) and the
/// initrd; returns the entry mode, the entry point and the boot-data pointer.
fn load_linux(
    vm: &Vm,
    mem_size: u64,
    kernel: &std::path::Path,
    initrd: Option<&[u8]>,
    cmdline: &str,
) -> Result<(Mode, u64, u64)> {
    use linux_loader::loader::{bzimage::BzImage, elf::Elf, KernelLoader, PvhBootCapability};
    let fail = |what: &str| Error::Kernel(format!("{}: {what}", kernel.display()));
    let head = {
        use std::io::Read;
        let mut f = std::fs::File::open(kernel).map_err(|e| fail(&e.to_string()))?;
        let mut h = vec![0u8; 0x210];
        let n = f.read(&mut h).map_err(|e| fail(&e.to_string()))?;
        h.truncate(n);
        h
    };
    let mut file = std::fs::File::open(kernel).map_err(|e| fail(&e.to_string()))?;
    let high = Some(GuestAddress(0x10_0000));
    let place_initrd = |kernel_end: u64| -> Result<Option<(u64, u64)>> {
        match initrd {
            Some(bytes) => {
                let addr = crate::arch::pvh::initrd_addr(mem_size, bytes.len() as u64, kernel_end)?;
                vm.memory
                    .write_slice(bytes, GuestAddress(addr))
                    .map_err(|e| Error::Memory(e.to_string()))?;
                Ok(Some((addr, bytes.len() as u64)))
            }
            None => Ok(None),
        }
    };
    if crate::arch::bzimage::is_bzimage(&head) {
        let loaded = BzImage::load(&vm.memory, None, &mut file, high)
            .map_err(|e| fail(&format!("not a loadable bzImage: {e}")))?;
        let header = loaded
            .setup_header
            .ok_or_else(|| fail("bzImage without a setup header"))?;
        // Copies: the header is packed.
        let (version, xloadflags) = (header.version, header.xloadflags);
        if version < 0x020c || xloadflags & XLF_KERNEL_64 == 0 {
            return Err(fail(
                "bzImage has no 64-bit entry point (boot protocol 2.12+ with XLF_KERNEL_64)",
            ));
        }
        let initrd_at = place_initrd(loaded.kernel_end)?;
        let zero_page = crate::arch::bzimage::write_zero_page(
            &vm.memory, mem_size, header, cmdline, initrd_at,
        )?;
        return Ok((Mode::Long64, loaded.kernel_load.0 + 0x200, zero_page));
    }
    let loaded = Elf::load(&vm.memory, None, &mut file, high)
        .map_err(|e| fail(&format!("not a loadable vmlinux or bzImage: {e}")))?;
    let PvhBootCapability::PvhEntryPresent(entry) = loaded.pvh_boot_cap else {
        return Err(fail("no PVH entry note (CONFIG_PVH=y is needed)"));
    };
    let initrd_at = place_initrd(loaded.kernel_end)?;
    let start_info = crate::arch::pvh::write_start_info(&vm.memory, mem_size, cmdline, initrd_at)?;
    Ok((Mode::Protected32, entry.0, start_info))
}

/// xloadflags bit: the kernel has the 64-bit entry at load + 0x200.
const XLF_KERNEL_64: u16 = 1;

fn describe(exit: &VcpuExit<'_>) -> String {
    match exit {
        VcpuExit::FailEntry(reason, cpu) => {
            format!("entry failed (hardware reason {reason:#x}) on vCPU {cpu}")
        }
        VcpuExit::InternalError => {
            "KVM internal error (the guest did something KVM cannot emulate)".into()
        }
        VcpuExit::SystemEvent(kind, _) => format!("system event {kind}"),
        other => format!("{other:?}"),
    }
}
