//! The VM: KVM_CREATE_VM, its TSS and identity-map pages, the in-kernel irqchip and PIT,
//! and the guest memory slot.

use super::memory::{self, GuestMemory};
use crate::{ioctl, Error, Result};
use kvm_bindings::{kvm_pit_config, kvm_userspace_memory_region, KVM_PIT_SPEAKER_DUMMY};
use kvm_ioctls::{Kvm, VmFd};

/// Where KVM's TSS (three pages) and identity-map page go: just below 4 GiB, out of RAM.
const TSS_ADDR: usize = 0xfffb_d000;
const IDENTITY_MAP_ADDR: u64 = 0xfffb_c000;

pub struct Vm {
    pub kvm: Kvm,
    /// Shared with devices that raise interrupts from the vCPU thread.
    pub fd: std::sync::Arc<VmFd>,
    pub memory: GuestMemory,
}

impl Vm {
    pub fn new(mem_size: u64, irqchip: bool) -> Result<Vm> {
        let kvm = Kvm::new().map_err(Error::Kvm)?;
        let version = kvm.get_api_version();
        if version != 12 {
            return Err(Error::KvmApiVersion(version));
        }
        let fd = ioctl("KVM_CREATE_VM", kvm.create_vm())?;
        ioctl("KVM_SET_TSS_ADDR", fd.set_tss_address(TSS_ADDR))?;
        ioctl(
            "KVM_SET_IDENTITY_MAP_ADDR",
            fd.set_identity_map_address(IDENTITY_MAP_ADDR),
        )?;
        if irqchip {
            ioctl("KVM_CREATE_IRQCHIP", fd.create_irq_chip())?;
            let pit = kvm_pit_config {
                flags: KVM_PIT_SPEAKER_DUMMY,
                ..Default::default()
            };
            ioctl("KVM_CREATE_PIT2", fd.create_pit2(pit))?;
        }
        let memory = memory::create(mem_size)?;
        let region = kvm_userspace_memory_region {
            slot: 0,
            guest_phys_addr: 0,
            memory_size: mem_size,
            userspace_addr: memory::host_base(&memory)?,
            flags: 0,
        };
        // SAFETY: the region is the mapping `memory` owns, which lives as long as this Vm
        // (and so as long as the VM fd that refers to it).
        ioctl("KVM_SET_USER_MEMORY_REGION", unsafe {
            fd.set_user_memory_region(region)
        })?;
        Ok(Vm {
            kvm,
            fd: std::sync::Arc::new(fd),
            memory,
        })
    }
}
