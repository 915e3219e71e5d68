//! The kernel's vDSO clock: `__vdso_clock_gettime`, found once in the image the kernel
//! maps into every process.
//!
//! A clock read through the `syscall` instruction costs about half a microsecond under
//! virtualization; the vDSO answers from a page the kernel keeps current, in tens of
//! nanoseconds, and enters the kernel itself only for clocks it cannot serve. The event
//! loop reads the clock twice per turn, and `performance.now()`/`process.hrtime()` are
//! called in hot loops, so this is the one place where the runtime leaves the syscall door
//! for kernel-provided code (as Go's runtime and rustix do). Where the image cannot be
//! found (no `/proc`, an unexpected layout), clocks fall back to the system call.

use std::sync::OnceLock;

use crate::fs;

/// `__vdso_clock_gettime(clockid_t, struct timespec *)`.
pub type ClockGettime = unsafe extern "C" fn(i32, *mut [i64; 2]) -> i32;

const AT_SYSINFO_EHDR: u64 = 33;
const PT_LOAD: u32 = 1;
const PT_DYNAMIC: u32 = 2;
const DT_NULL: i64 = 0;
const DT_HASH: i64 = 4;
const DT_STRTAB: i64 = 5;
const DT_SYMTAB: i64 = 6;
const DT_GNU_HASH: i64 = 0x6fff_fef5;
const STT_FUNC: u8 = 2;
const SYM_SIZE: usize = 24;
const CLOCK_GETTIME: &[u8] = b"__vdso_clock_gettime";

/// The vDSO's clock_gettime, looked up on first use; None when there is none to use.
pub fn clock_gettime() -> Option<ClockGettime> {
    static FOUND: OnceLock<Option<ClockGettime>> = OnceLock::new();
    *FOUND.get_or_init(|| {
        let base = vdso_base()?;
        // SAFETY: `base` is the address the kernel gave as AT_SYSINFO_EHDR: a complete ELF
        // image mapped read-only for the life of the process.
        let addr = unsafe { find_symbol(base, CLOCK_GETTIME)? };
        // SAFETY: the kernel's vDSO exports __vdso_clock_gettime with the C signature of
        // clock_gettime(2); its address lies in the executable mapping of that image.
        Some(unsafe { std::mem::transmute::<usize, ClockGettime>(addr) })
    })
}

/// The vDSO's address, from the auxiliary vector the kernel gave the process.
fn vdso_base() -> Option<usize> {
    let fd = fs::open(c"/proc/self/auxv", fs::O_RDONLY, 0).ok()?;
    let mut buf = [0u8; 1024];
    let mut len = 0;
    while len < buf.len() {
        match fs::read(fd, &mut buf[len..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => len += n,
        }
    }
    let _ = fs::close(fd);
    buf[..len].chunks_exact(16).find_map(|pair| {
        let (key, value) = pair.split_at(8);
        let key = u64::from_ne_bytes(key.try_into().ok()?);
        let value = u64::from_ne_bytes(value.try_into().ok()?);
        (key == AT_SYSINFO_EHDR && value != 0).then_some(value as usize)
    })
}

/// Reads a `T` at `addr`.
///
/// # Safety
/// `addr..addr + size_of::<T>()` must be readable.
unsafe fn at<T: Copy>(addr: usize) -> T {
    // SAFETY: the caller vouches for the range; the image's fields need not be aligned.
    unsafe { std::ptr::read_unaligned(addr as *const T) }
}

/// The address of the exported function `name` in the ELF image at `base`, found through
/// its dynamic symbol table as the dynamic loader would.
///
/// # Safety
/// `base` must be the start of a mapped ELF64 image (the vDSO).
unsafe fn find_symbol(base: usize, name: &[u8]) -> Option<usize> {
    // SAFETY (all reads below): offsets and addresses come from the image's own headers,
    // which the kernel built; the image is mapped whole.
    unsafe {
        if at::<[u8; 4]>(base) != *b"\x7fELF" || at::<u8>(base + 4) != 2 {
            return None;
        }
        let phoff = at::<u64>(base + 32) as usize;
        let phentsize = at::<u16>(base + 54) as usize;
        let phnum = at::<u16>(base + 56) as usize;
        // Where the image's virtual addresses land: the first PT_LOAD maps file offset
        // `p_offset` at `p_vaddr`.
        let mut load_bias = None;
        let mut dynamic = None;
        for i in 0..phnum {
            let ph = base + phoff + i * phentsize;
            let vaddr = at::<u64>(ph + 16) as usize;
            match at::<u32>(ph) {
                PT_LOAD if load_bias.is_none() => {
                    let offset = at::<u64>(ph + 8) as usize;
                    load_bias = Some((base + offset).wrapping_sub(vaddr));
                }
                PT_DYNAMIC => dynamic = Some(vaddr),
                _ => {}
            }
        }
        let bias = load_bias?;
        let mut entry = bias.wrapping_add(dynamic?);
        let (mut symtab, mut strtab, mut hash, mut gnu_hash) = (None, None, None, None);
        loop {
            let tag = at::<i64>(entry);
            let value = bias.wrapping_add(at::<u64>(entry + 8) as usize);
            match tag {
                DT_NULL => break,
                DT_SYMTAB => symtab = Some(value),
                DT_STRTAB => strtab = Some(value),
                DT_HASH => hash = Some(value),
                DT_GNU_HASH => gnu_hash = Some(value),
                _ => {}
            }
            entry += 16;
        }
        let (symtab, strtab) = (symtab?, strtab?);
        let count = match (hash, gnu_hash) {
            // DT_HASH: nbucket, nchain; there is one chain entry per symbol.
            (Some(hash), _) => at::<u32>(hash + 4) as usize,
            (None, Some(gnu)) => gnu_symbol_count(gnu),
            (None, None) => return None,
        };
        for i in 0..count {
            let sym = symtab + i * SYM_SIZE;
            let info = at::<u8>(sym + 4);
            let shndx = at::<u16>(sym + 6);
            if info & 0xf != STT_FUNC || shndx == 0 {
                continue;
            }
            let name_at = strtab + at::<u32>(sym) as usize;
            if std::slice::from_raw_parts(name_at as *const u8, name.len()) == name
                && at::<u8>(name_at + name.len()) == 0
            {
                return Some(bias.wrapping_add(at::<u64>(sym + 8) as usize));
            }
        }
        None
    }
}

/// How many symbols a DT_GNU_HASH table covers: one past the last symbol of the chain
/// that starts at the highest bucket.
///
/// # Safety
/// `table` must be a mapped GNU hash table.
unsafe fn gnu_symbol_count(table: usize) -> usize {
    // SAFETY: the table's header gives the sizes of its parts, all within the image.
    unsafe {
        let nbuckets = at::<u32>(table) as usize;
        let symoffset = at::<u32>(table + 4) as usize;
        let bloom_size = at::<u32>(table + 8) as usize;
        let buckets = table + 16 + bloom_size * 8;
        let chains = buckets + nbuckets * 4;
        let last = (0..nbuckets)
            .map(|i| at::<u32>(buckets + i * 4) as usize)
            .max()
            .unwrap_or(0);
        if last < symoffset {
            return symoffset;
        }
        let mut i = last;
        while at::<u32>(chains + (i - symoffset) * 4) & 1 == 0 {
            i += 1;
        }
        i + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::CLOCK_MONOTONIC;

    #[test]
    fn finds_the_clock_and_it_agrees_with_the_system_call() {
        let vdso = clock_gettime().expect("x86_64 Linux maps a vDSO with __vdso_clock_gettime");
        let mut ts = [0i64; 2];
        let before = crate::time::syscall_clock_gettime(CLOCK_MONOTONIC).unwrap();
        // SAFETY: ts is a struct timespec.
        assert_eq!(unsafe { vdso(CLOCK_MONOTONIC as i32, &mut ts) }, 0);
        let after = crate::time::syscall_clock_gettime(CLOCK_MONOTONIC).unwrap();
        let read = ts[0] as u64 * 1_000_000_000 + ts[1] as u64;
        assert!(
            before <= read && read <= after,
            "{before} <= {read} <= {after}"
        );
    }

    #[test]
    fn an_unknown_name_is_not_found() {
        let base = vdso_base().unwrap();
        // SAFETY: base is the vDSO's.
        assert_eq!(
            unsafe { find_symbol(base, b"__vdso_no_such_function") },
            None
        );
    }
}
