//! The KVM objects: the VM with its memory, and the vCPU.

pub mod memory;
pub mod vcpu;
pub mod vm;
