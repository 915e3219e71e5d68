//! What the guest talks to: legacy PC devices on I/O ports and pseudo devices on MMIO.

pub mod legacy;
pub mod pseudo;
