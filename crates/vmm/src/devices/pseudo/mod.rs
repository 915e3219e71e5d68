//! Devices that exist only for the VMM's sake.

mod exit_device;

pub use exit_device::{ExitDevice, Signal, EXIT_DEVICE_ADDR};
