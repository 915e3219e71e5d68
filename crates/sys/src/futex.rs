//! futex: a thread sleeps on a 32-bit word until another wakes it, the kernel's primitive
//! under every blocking lock.

use crate::raw::syscall6;
use crate::{check, nr, Result};
use core::sync::atomic::AtomicU32;

const FUTEX_WAIT: usize = 0;
const FUTEX_WAKE: usize = 1;
const FUTEX_PRIVATE_FLAG: usize = 128;

/// Sleeps while `word` holds `expected`, for at most `timeout_ns` (None: no limit).
/// `EAGAIN`: the word held something else; `ETIMEDOUT`; `EINTR`: a signal came. Returning
/// Ok does not prove a wake: the caller checks what it waits for.
pub fn wait(word: &AtomicU32, expected: u32, timeout_ns: Option<u64>) -> Result<()> {
    let ts = timeout_ns.map(|ns| [(ns / 1_000_000_000) as i64, (ns % 1_000_000_000) as i64]);
    let ts_ptr = ts.as_ref().map_or(0, |t| t.as_ptr() as usize);
    // SAFETY: `word` is a live 32-bit atomic for the call; `ts_ptr` is null or points at a
    // struct timespec that outlives it. The wait is relative (FUTEX_WAIT).
    check(unsafe {
        syscall6(
            nr::FUTEX,
            word.as_ptr() as usize,
            FUTEX_WAIT | FUTEX_PRIVATE_FLAG,
            expected as usize,
            ts_ptr,
            0,
            0,
        )
    })
    .map(drop)
}

/// Wakes up to `count` threads sleeping on `word`; how many were woken.
pub fn wake(word: &AtomicU32, count: u32) -> Result<usize> {
    // SAFETY: `word` is a live 32-bit atomic; the kernel only uses its address as a key.
    check(unsafe {
        syscall6(
            nr::FUTEX,
            word.as_ptr() as usize,
            FUTEX_WAKE | FUTEX_PRIVATE_FLAG,
            count as usize,
            0,
            0,
            0,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Errno;
    use std::sync::atomic::Ordering;
    use std::sync::Arc;

    #[test]
    fn a_changed_word_does_not_wait_and_a_wait_times_out() {
        let word = AtomicU32::new(1);
        assert_eq!(wait(&word, 0, None), Err(Errno::EAGAIN));
        assert_eq!(wait(&word, 1, Some(1_000_000)), Err(Errno::ETIMEDOUT));
    }

    #[test]
    fn a_wake_ends_a_wait() {
        let word = Arc::new(AtomicU32::new(0));
        let w = word.clone();
        let waiter = std::thread::spawn(move || {
            while w.load(Ordering::Acquire) == 0 {
                let _ = wait(&w, 0, Some(5_000_000_000));
            }
        });
        std::thread::sleep(std::time::Duration::from_millis(20));
        word.store(1, Ordering::Release);
        wake(&word, 1).unwrap();
        waiter.join().unwrap();
    }
}
