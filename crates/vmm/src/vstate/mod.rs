//! The KVM objects: the VM with its memory, and the vCPU.

pub mod kick;
pub mod memory;
pub mod vcpu;
pub mod vm;
