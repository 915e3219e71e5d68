//! Legacy PC devices on I/O ports.

mod i8042;
mod serial;

pub use i8042::{COMMAND_PORT as I8042_COMMAND, DATA_PORT as I8042_DATA, I8042};
pub use serial::{Serial, COM1_BASE, COM1_IRQ};
