//! Guest RAM: one anonymous mapping from guest-physical 0.

use crate::{Error, Result};
use vm_memory::{GuestAddress, GuestMemoryBackend, GuestMemoryMmap};

pub type GuestMemory = GuestMemoryMmap<()>;

/// Allocates `size` bytes of guest RAM at guest-physical address 0.
pub fn create(size: u64) -> Result<GuestMemory> {
    GuestMemoryMmap::from_ranges(&[(GuestAddress(0), size as usize)])
        .map_err(|e| Error::Memory(e.to_string()))
}

/// The host address of guest-physical 0 (for KVM_SET_USER_MEMORY_REGION).
pub fn host_base(mem: &GuestMemory) -> Result<u64> {
    mem.get_host_address(GuestAddress(0))
        .map(|p| p as u64)
        .map_err(|e| Error::Memory(e.to_string()))
}
