//! Register and memory set-up for the three ways a guest starts: 16-bit real mode, flat
//! 32-bit protected mode (the PVH entry state) and 64-bit long mode (the bzImage 64-bit
//! entry state, with identity-mapped page tables).

use crate::vstate::memory::GuestMemory;
use crate::{Error, Result};
use kvm_bindings::{kvm_fpu, kvm_msr_entry, kvm_regs, kvm_segment, kvm_sregs, Msrs};
use vm_memory::{Bytes, GuestAddress};

/// Where the boot GDT and page tables live in guest memory (below 0x10000, unused by
/// Linux's boot protocols).
pub const GDT_ADDR: u64 = 0x500;
pub const PML4_ADDR: u64 = 0x9000;
pub const PDPT_ADDR: u64 = 0xa000;
/// Four page directories (0xb000..0xf000): 2 MiB pages identity-mapping 4 GiB, so the
/// MMIO devices just below 4 GiB are reachable from 64-bit code.
pub const PD_ADDR: u64 = 0xb000;

const CR0_PE: u64 = 1;
const CR0_ET: u64 = 1 << 4;
const CR0_PG: u64 = 1 << 31;
const CR4_PAE: u64 = 1 << 5;
const EFER_LME: u64 = 1 << 8;
const EFER_LMA: u64 = 1 << 10;

/// The CPU mode a guest entry point expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Real,
    Protected32,
    Long64,
}

/// A GDT entry from base, limit and flags (access byte | flags nibble << 12).
const fn gdt_entry(flags: u16, base: u32, limit: u32) -> u64 {
    ((base as u64 & 0xff00_0000) << 32)
        | ((base as u64 & 0x00ff_ffff) << 16)
        | (limit as u64 & 0x0000_ffff)
        | ((limit as u64 & 0x000f_0000) << 32)
        | ((flags as u64 & 0xf0ff) << 40)
}

/// null, 64-bit code (0x08), 32-bit code (0x10), data (0x18).
const GDT: [u64; 4] = [
    0,
    gdt_entry(0xa09b, 0, 0xfffff),
    gdt_entry(0xc09b, 0, 0xfffff),
    gdt_entry(0xc093, 0, 0xfffff),
];

/// The cached form KVM wants of GDT entry `index`.
fn segment(index: u16) -> kvm_segment {
    let e = GDT[index as usize];
    let g = ((e >> 55) & 1) as u8;
    let limit = ((e & 0xffff) | ((e >> 32) & 0xf_0000)) as u32;
    kvm_segment {
        base: 0,
        limit: if g == 1 { (limit << 12) | 0xfff } else { limit },
        selector: index * 8,
        type_: ((e >> 40) & 0xf) as u8,
        present: ((e >> 47) & 1) as u8,
        dpl: ((e >> 45) & 3) as u8,
        db: ((e >> 54) & 1) as u8,
        s: ((e >> 44) & 1) as u8,
        l: ((e >> 53) & 1) as u8,
        g,
        avl: ((e >> 52) & 1) as u8,
        unusable: 0,
        padding: 0,
    }
}

fn write<T: vm_memory::ByteValued>(mem: &GuestMemory, addr: u64, v: T) -> Result<()> {
    mem.write_obj(v, GuestAddress(addr))
        .map_err(|e| Error::Memory(e.to_string()))
}

/// Writes the GDT and, for long mode, page tables identity-mapping the first 4 GiB.
pub fn setup_memory(mem: &GuestMemory, mode: Mode) -> Result<()> {
    if mode == Mode::Real {
        return Ok(());
    }
    for (i, e) in GDT.iter().enumerate() {
        write(mem, GDT_ADDR + i as u64 * 8, *e)?;
    }
    if mode == Mode::Long64 {
        write(mem, PML4_ADDR, PDPT_ADDR | 0x3)?;
        for gib in 0..4u64 {
            write(mem, PDPT_ADDR + gib * 8, (PD_ADDR + gib * 0x1000) | 0x3)?;
        }
        for i in 0..2048u64 {
            // Present, writable, 2 MiB page.
            write(mem, PD_ADDR + i * 8, (i << 21) | 0x83)?;
        }
    }
    Ok(())
}

/// Special registers for `mode` starting from KVM's defaults.
pub fn sregs(mut s: kvm_sregs, mode: Mode) -> kvm_sregs {
    match mode {
        Mode::Real => {
            s.cs.base = 0;
            s.cs.selector = 0;
        }
        Mode::Protected32 | Mode::Long64 => {
            let code = if mode == Mode::Long64 {
                segment(1)
            } else {
                segment(2)
            };
            let data = segment(3);
            s.gdt.base = GDT_ADDR;
            s.gdt.limit = (GDT.len() * 8 - 1) as u16;
            s.cs = code;
            s.ds = data;
            s.es = data;
            s.fs = data;
            s.gs = data;
            s.ss = data;
            s.cr0 |= CR0_PE | CR0_ET;
            if mode == Mode::Long64 {
                s.cr3 = PML4_ADDR;
                s.cr4 |= CR4_PAE;
                s.cr0 |= CR0_PG;
                s.efer |= EFER_LME | EFER_LMA;
            }
        }
    }
    s
}

/// General registers: the entry point, and `rsi` (the boot_params or start_info pointer
/// of Linux's boot protocols; 0 when there is none).
pub fn regs(entry: u64, rsi: u64, rbx: u64) -> kvm_regs {
    kvm_regs {
        rip: entry,
        rsi,
        rbx,
        rflags: 2,
        rsp: 0x8ff0,
        rbp: 0x8ff0,
        ..Default::default()
    }
}

/// The FPU state Linux expects at boot (x87 control word and MXCSR defaults).
pub fn fpu() -> kvm_fpu {
    kvm_fpu {
        fcw: 0x37f,
        mxcsr: 0x1f80,
        ..Default::default()
    }
}

/// Boot MSRs, each with its index set (one of joos's bugs was leaving it out).
pub fn boot_msrs() -> crate::Result<Msrs> {
    const MSR_IA32_SYSENTER_CS: u32 = 0x174;
    const MSR_IA32_SYSENTER_ESP: u32 = 0x175;
    const MSR_IA32_SYSENTER_EIP: u32 = 0x176;
    const MSR_STAR: u32 = 0xc000_0081;
    const MSR_LSTAR: u32 = 0xc000_0082;
    const MSR_CSTAR: u32 = 0xc000_0083;
    const MSR_SYSCALL_MASK: u32 = 0xc000_0084;
    const MSR_KERNEL_GS_BASE: u32 = 0xc000_0102;
    const MSR_IA32_TSC: u32 = 0x10;
    const MSR_IA32_MISC_ENABLE: u32 = 0x1a0;
    const FAST_STRING: u64 = 1;
    let entries: Vec<kvm_msr_entry> = [
        (MSR_IA32_SYSENTER_CS, 0),
        (MSR_IA32_SYSENTER_ESP, 0),
        (MSR_IA32_SYSENTER_EIP, 0),
        (MSR_STAR, 0),
        (MSR_CSTAR, 0),
        (MSR_KERNEL_GS_BASE, 0),
        (MSR_SYSCALL_MASK, 0),
        (MSR_LSTAR, 0),
        (MSR_IA32_TSC, 0),
        (MSR_IA32_MISC_ENABLE, FAST_STRING),
    ]
    .into_iter()
    .map(|(index, data)| kvm_msr_entry {
        index,
        data,
        ..Default::default()
    })
    .collect();
    Msrs::from_entries(&entries).map_err(|e| crate::Error::Memory(format!("MSR list: {e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdt_entries_decode_to_flat_segments() {
        let code64 = segment(1);
        assert_eq!(
            (code64.l, code64.db, code64.type_, code64.present),
            (1, 0, 0xb, 1)
        );
        let data = segment(3);
        assert_eq!(
            (data.limit, data.db, data.type_, data.selector),
            (0xffff_ffff, 1, 3, 0x18)
        );
    }
}
