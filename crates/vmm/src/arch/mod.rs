//! x86_64 boot state: segments, page tables, control registers, CPUID, MSRs.

pub mod bzimage;
pub mod pvh;
pub mod x86_64;
