//! The vCPU: created, given CPUID, MSRs, FPU and registers for its boot mode.

use crate::arch::x86_64::{self as arch, Mode};
use crate::{ioctl, Result};
use kvm_bindings::KVM_MAX_CPUID_ENTRIES;
use kvm_ioctls::{Kvm, VcpuFd, VmFd};

/// Creates vCPU 0 ready to run at `entry` in `mode`, with `rsi`/`rbx` as the boot
/// protocols want them.
pub fn create(kvm: &Kvm, vm: &VmFd, mode: Mode, entry: u64, rsi: u64, rbx: u64) -> Result<VcpuFd> {
    let vcpu = ioctl("KVM_CREATE_VCPU", vm.create_vcpu(0))?;
    // KVM's own table: its hypervisor signature leaf is right as KVM reports it (joos
    // patched it by hand and wrote EDX at the wrong offset).
    let cpuid = ioctl(
        "KVM_GET_SUPPORTED_CPUID",
        kvm.get_supported_cpuid(KVM_MAX_CPUID_ENTRIES),
    )?;
    ioctl("KVM_SET_CPUID2", vcpu.set_cpuid2(&cpuid))?;
    let msrs = arch::boot_msrs()?;
    ioctl("KVM_SET_MSRS", vcpu.set_msrs(&msrs))?;
    ioctl("KVM_SET_FPU", vcpu.set_fpu(&arch::fpu()))?;
    let sregs = ioctl("KVM_GET_SREGS", vcpu.get_sregs())?;
    ioctl("KVM_SET_SREGS", vcpu.set_sregs(&arch::sregs(sregs, mode)))?;
    ioctl("KVM_SET_REGS", vcpu.set_regs(&arch::regs(entry, rsi, rbx)))?;
    Ok(vcpu)
}
