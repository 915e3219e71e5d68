//! Just enough of the i8042 keyboard controller for `reboot=k`: the reset command.

pub const DATA_PORT: u16 = 0x60;
pub const COMMAND_PORT: u16 = 0x64;
const CMD_RESET_CPU: u8 = 0xfe;

#[derive(Default)]
pub struct I8042 {
    reset_requested: bool,
}

impl I8042 {
    /// Status and data reads: no key, no pending output.
    pub fn read(&self, _port: u16) -> u8 {
        0
    }

    pub fn write(&mut self, port: u16, value: u8) {
        if port == COMMAND_PORT && value == CMD_RESET_CPU {
            self.reset_requested = true;
        }
    }

    pub fn reset_requested(&self) -> bool {
        self.reset_requested
    }
}
