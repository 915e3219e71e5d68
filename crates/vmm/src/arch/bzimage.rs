//! The 64-bit bzImage boot protocol (Documentation/arch/x86/boot.rst): the kernel's
//! protected-mode part loaded at 1 MiB, a zero page (boot_params) with the setup header,
//! the command line, the initrd and the e820 map, and the 64-bit entry at load + 0x200
//! with `rsi` pointing at the zero page.

use crate::vstate::memory::GuestMemory;
use crate::{Error, Result};
use linux_loader::loader::bootparam::{boot_e820_entry, boot_params, setup_header};
use vm_memory::{Bytes, GuestAddress};

pub const ZERO_PAGE_ADDR: u64 = 0x7000;
const CMDLINE_ADDR: u64 = 0x20000;
const KERNEL_LOADER_OTHER: u8 = 0xff;
const KEEP_SEGMENTS: u8 = 0x40;
const E820_RAM: u32 = 1;
const LOW_RAM_END: u64 = 0x9fc00;
const HIGH_RAM_START: u64 = 0x10_0000;

/// Writes the command line and the zero page; returns the zero page's address.
pub fn write_zero_page(
    mem: &GuestMemory,
    mem_size: u64,
    header: setup_header,
    cmdline: &str,
    initrd: Option<(u64, u64)>,
) -> Result<u64> {
    let mut bytes = cmdline.as_bytes().to_vec();
    bytes.push(0);
    // (A copy: the header is packed.)
    let max = header.cmdline_size;
    if max != 0 && bytes.len() > max as usize + 1 {
        return Err(Error::Kernel(format!(
            "command line longer than the kernel's {max} bytes"
        )));
    }
    mem.write_slice(&bytes, GuestAddress(CMDLINE_ADDR))
        .map_err(|e| Error::Memory(e.to_string()))?;
    let mut params = boot_params {
        hdr: header,
        ..Default::default()
    };
    params.hdr.type_of_loader = KERNEL_LOADER_OTHER;
    params.hdr.loadflags |= KEEP_SEGMENTS;
    params.hdr.cmd_line_ptr = CMDLINE_ADDR as u32;
    if let Some((addr, size)) = initrd {
        params.hdr.ramdisk_image = addr as u32;
        params.hdr.ramdisk_size = size as u32;
    }
    let e820 = [
        (0, LOW_RAM_END),
        (HIGH_RAM_START, mem_size - HIGH_RAM_START),
    ];
    for (i, (addr, size)) in e820.iter().enumerate() {
        params.e820_table[i] = boot_e820_entry {
            addr: *addr,
            size: *size,
            r#type: E820_RAM,
        };
    }
    params.e820_entries = e820.len() as u8;
    mem.write_obj(params, GuestAddress(ZERO_PAGE_ADDR))
        .map_err(|e| Error::Memory(e.to_string()))?;
    Ok(ZERO_PAGE_ADDR)
}

/// Whether `image` starts like a bzImage ("HdrS" at 0x202).
pub fn is_bzimage(image: &[u8]) -> bool {
    image.get(0x202..0x206) == Some(b"HdrS")
}
