//! The `syscall` instruction itself.

/// Executes syscall `nr` with six arguments and returns the kernel's raw result
/// (a negated errno on failure).
///
/// # Safety
/// The caller guarantees that the arguments are valid for syscall `nr`: pointers point at
/// memory of the size and mutability the kernel will use, and the call does not break
/// invariants Rust relies on (for example unmapping memory that is still borrowed).
#[inline(always)]
pub unsafe fn syscall6(
    nr: usize,
    a1: usize,
    a2: usize,
    a3: usize,
    a4: usize,
    a5: usize,
    a6: usize,
) -> isize {
    let ret: isize;
    // SAFETY: the x86_64 Linux syscall ABI: number in rax, arguments in rdi, rsi, rdx,
    // r10, r8, r9; the kernel clobbers rcx and r11 and returns in rax. Memory safety of the
    // arguments is the caller's contract.
    unsafe {
        core::arch::asm!(
            "syscall",
            inlateout("rax") nr as isize => ret,
            in("rdi") a1,
            in("rsi") a2,
            in("rdx") a3,
            in("r10") a4,
            in("r8") a5,
            in("r9") a6,
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack),
        );
    }
    ret
}

/// [`syscall6`] with up to six arguments taken from a slice (missing ones are zero).
///
/// # Safety
/// As for [`syscall6`].
#[inline]
pub unsafe fn syscall(nr: usize, args: &[usize]) -> isize {
    let mut a = [0usize; 6];
    for (slot, v) in a.iter_mut().zip(args) {
        *slot = *v;
    }
    // SAFETY: forwarded contract.
    unsafe { syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]) }
}
