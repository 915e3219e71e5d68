//! PVH boot: the kernel's 32-bit entry from its XEN_ELFNOTE_PHYS32_ENTRY note, with
//! `ebx` pointing at an hvm_start_info that names the command line, the initrd (as the
//! one module) and the memory map. Layouts per Xen's PVH ABI (arch-x86/hvm/start_info.h).

use crate::vstate::memory::GuestMemory;
use crate::{Error, Result};
use vm_memory::{ByteValued, Bytes, GuestAddress};

const MAGIC: u32 = 0x336e_c578;
/// Where the start-of-day structures and the command line go (below 1 MiB, unused).
pub const START_INFO_ADDR: u64 = 0x6000;
const MEMMAP_ADDR: u64 = 0x6040;
const MODLIST_ADDR: u64 = 0x6100;
pub const CMDLINE_ADDR: u64 = 0x20000;
const CMDLINE_MAX: usize = 4096;
/// The end of usable low memory (the EBDA and BIOS area follow).
const LOW_RAM_END: u64 = 0x9fc00;
const HIGH_RAM_START: u64 = 0x10_0000;
const E820_RAM: u32 = 1;

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct StartInfo {
    magic: u32,
    version: u32,
    flags: u32,
    nr_modules: u32,
    modlist_paddr: u64,
    cmdline_paddr: u64,
    rsdp_paddr: u64,
    memmap_paddr: u64,
    memmap_entries: u32,
    reserved: u32,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct MemmapEntry {
    addr: u64,
    size: u64,
    type_: u32,
    reserved: u32,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct ModlistEntry {
    paddr: u64,
    size: u64,
    cmdline_paddr: u64,
    reserved: u64,
}

// SAFETY: plain #[repr(C)] integers without padding holes that matter; any bytes are valid.
unsafe impl ByteValued for StartInfo {}
// SAFETY: as above.
unsafe impl ByteValued for MemmapEntry {}
// SAFETY: as above.
unsafe impl ByteValued for ModlistEntry {}

fn mem_err(e: impl std::fmt::Display) -> Error {
    Error::Memory(e.to_string())
}

/// Writes the command line, the memory map, the initrd's module entry (`initrd` is its
/// guest address and size) and the start_info; returns the start_info's address.
pub fn write_start_info(
    mem: &GuestMemory,
    mem_size: u64,
    cmdline: &str,
    initrd: Option<(u64, u64)>,
) -> Result<u64> {
    if cmdline.len() + 1 > CMDLINE_MAX {
        return Err(Error::Memory(format!(
            "kernel command line longer than {} bytes",
            CMDLINE_MAX - 1
        )));
    }
    let mut bytes = cmdline.as_bytes().to_vec();
    bytes.push(0);
    mem.write_slice(&bytes, GuestAddress(CMDLINE_ADDR))
        .map_err(mem_err)?;
    let memmap = [
        MemmapEntry {
            addr: 0,
            size: LOW_RAM_END,
            type_: E820_RAM,
            reserved: 0,
        },
        MemmapEntry {
            addr: HIGH_RAM_START,
            size: mem_size - HIGH_RAM_START,
            type_: E820_RAM,
            reserved: 0,
        },
    ];
    for (i, e) in memmap.iter().enumerate() {
        mem.write_obj(
            *e,
            GuestAddress(MEMMAP_ADDR + (i * std::mem::size_of::<MemmapEntry>()) as u64),
        )
        .map_err(mem_err)?;
    }
    let mut info = StartInfo {
        magic: MAGIC,
        version: 1,
        cmdline_paddr: CMDLINE_ADDR,
        memmap_paddr: MEMMAP_ADDR,
        memmap_entries: memmap.len() as u32,
        ..Default::default()
    };
    if let Some((paddr, size)) = initrd {
        mem.write_obj(
            ModlistEntry {
                paddr,
                size,
                cmdline_paddr: 0,
                reserved: 0,
            },
            GuestAddress(MODLIST_ADDR),
        )
        .map_err(mem_err)?;
        info.nr_modules = 1;
        info.modlist_paddr = MODLIST_ADDR;
    }
    mem.write_obj(info, GuestAddress(START_INFO_ADDR))
        .map_err(mem_err)?;
    Ok(START_INFO_ADDR)
}

/// Where an initrd of `size` bytes goes: the top of RAM, page aligned.
pub fn initrd_addr(mem_size: u64, size: u64, kernel_end: u64) -> Result<u64> {
    let addr = mem_size.checked_sub(size).map(|a| a & !0xfff);
    match addr {
        Some(a) if a > kernel_end => Ok(a),
        _ => Err(Error::Memory(format!(
            "an initrd of {size} bytes does not fit above the kernel in {mem_size} bytes"
        ))),
    }
}
