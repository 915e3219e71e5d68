//! A KVM microVM on the rust-vmm crates: guest memory, one vCPU on its own thread, the
//! legacy devices (16550 serial, i8042 reset) and an exit/boot-timer device.
//!
//! `vstate` owns the KVM objects, `arch` the x86_64 boot state, `devices` what the guest
//! talks to. The runtime knows nothing of this crate; `unode vm` drives it.

pub mod arch;
pub mod devices;
pub mod vstate;

mod machine;

pub use machine::{ExitReason, GuestCode, Machine, MachineConfig, RunReport, SerialInput};
pub use vstate::kick::StopHandle;

/// Everything that can go wrong setting up or running a VM, with its context.
/// (Display by hand: proc-macro crates cannot build under the static target flags.)
#[derive(Debug)]
pub enum Error {
    Kvm(kvm_ioctls::Error),
    KvmApiVersion(i32),
    Ioctl {
        what: &'static str,
        source: kvm_ioctls::Error,
    },
    Memory(String),
    CodeTooBig {
        len: usize,
        addr: u64,
        mem: u64,
    },
    TooLittleMemory(u64),
    Thread(String),
    Kernel(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Kvm(e) => write!(
                f,
                "cannot open /dev/kvm: {e} (is KVM available and accessible?)"
            ),
            Error::KvmApiVersion(v) => write!(f, "KVM API version {v} is not 12"),
            Error::Ioctl { what, source } => write!(f, "{what}: {source}"),
            Error::Memory(m) => write!(f, "guest memory: {m}"),
            Error::CodeTooBig { len, addr, mem } => {
                write!(f, "guest code of {len} bytes does not fit at {addr:#x} in {mem} bytes of guest memory")
            }
            Error::TooLittleMemory(mib) => {
                write!(f, "memory size {mib} MiB is too small (at least 2 MiB)")
            }
            Error::Thread(m) => write!(f, "vCPU thread: {m}"),
            Error::Kernel(m) => write!(f, "kernel: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Kvm(e) | Error::Ioctl { source: e, .. } => Some(e),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Wraps a KVM call's error with what was being done.
pub(crate) fn ioctl<T>(
    what: &'static str,
    r: std::result::Result<T, kvm_ioctls::Error>,
) -> Result<T> {
    r.map_err(|source| Error::Ioctl { what, source })
}
