//! The boot-timer and exit device, at Firecracker's boot-timer convention: the guest
//! writes byte 123 at offset 0 when it has booted (the host timestamps it) and a 32-bit
//! exit code at offset 4 when its app is done (the VM then ends with that code).

pub const EXIT_DEVICE_ADDR: u64 = 0xc000_0000;
pub const SIZE: u64 = 0x1000;
const BOOT_MAGIC: u8 = 123;
const EXIT_CODE_OFFSET: u64 = 4;

/// What a write to the device means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    Booted,
    Exit(i32),
    Ignored,
}

#[derive(Default)]
pub struct ExitDevice;

impl ExitDevice {
    pub fn contains(addr: u64) -> bool {
        (EXIT_DEVICE_ADDR..EXIT_DEVICE_ADDR + SIZE).contains(&addr)
    }

    pub fn write(&self, addr: u64, data: &[u8]) -> Signal {
        match addr - EXIT_DEVICE_ADDR {
            0 if data.first() == Some(&BOOT_MAGIC) => Signal::Booted,
            EXIT_CODE_OFFSET => {
                let mut code = [0u8; 4];
                let n = data.len().min(4);
                code[..n].copy_from_slice(&data[..n]);
                Signal::Exit(i32::from_le_bytes(code))
            }
            _ => Signal::Ignored,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boot_and_exit_writes() {
        let d = ExitDevice;
        assert_eq!(d.write(EXIT_DEVICE_ADDR, &[123]), Signal::Booted);
        assert_eq!(d.write(EXIT_DEVICE_ADDR, &[7]), Signal::Ignored);
        assert_eq!(
            d.write(EXIT_DEVICE_ADDR + 4, &[3, 0, 0, 0]),
            Signal::Exit(3)
        );
        assert_eq!(d.write(EXIT_DEVICE_ADDR + 4, &[42]), Signal::Exit(42));
        assert!(ExitDevice::contains(EXIT_DEVICE_ADDR + 8));
        assert!(!ExitDevice::contains(EXIT_DEVICE_ADDR + SIZE));
    }
}
