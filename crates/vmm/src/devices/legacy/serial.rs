//! COM1: a 16550 UART (vm-superio) whose output goes to a writer and whose input comes
//! from the host; with an in-kernel irqchip it raises IRQ 4.

use kvm_ioctls::VmFd;
use std::io::Write;
use std::sync::Arc;
use vm_superio::serial::NoEvents;
use vm_superio::Trigger;

pub const COM1_BASE: u16 = 0x3f8;
pub const COM1_IRQ: u32 = 4;

/// Pulses an interrupt line on the in-kernel irqchip (none without one).
pub struct IrqLine {
    vm: Option<Arc<VmFd>>,
    irq: u32,
}

impl Trigger for IrqLine {
    type E = std::io::Error;

    fn trigger(&self) -> std::io::Result<()> {
        if let Some(vm) = &self.vm {
            vm.set_irq_line(self.irq, true)
                .map_err(std::io::Error::from)?;
            vm.set_irq_line(self.irq, false)
                .map_err(std::io::Error::from)?;
        }
        Ok(())
    }
}

pub struct Serial {
    uart: vm_superio::Serial<IrqLine, NoEvents, Box<dyn Write + Send>>,
}

impl Serial {
    pub fn new(out: Box<dyn Write + Send>, vm: Option<Arc<VmFd>>) -> Serial {
        Serial {
            uart: vm_superio::Serial::new(IrqLine { vm, irq: COM1_IRQ }, out),
        }
    }

    pub fn read(&mut self, offset: u8) -> u8 {
        self.uart.read(offset)
    }

    pub fn write(&mut self, offset: u8, value: u8) {
        // A failed host write (closed terminal) must not stop the guest.
        let _ = self.uart.write(offset, value);
    }

    /// Queues host input for the guest; returns how much fit in the FIFO.
    pub fn input(&mut self, bytes: &[u8]) -> usize {
        self.uart.enqueue_raw_bytes(bytes).unwrap_or(0)
    }
}
