//! Atomics.wait and Atomics.notify for every thread's runtime (lib/internal/atomics.js).
//! QuickJS's own wait cannot be interrupted, yet worker.terminate() must end a worker
//! blocked in one, as Node's does. Here a waiter sleeps on a futex word of its own, listed
//! under the address it waits on: notify wakes the listed waiters of an address in order,
//! and terminate wakes its worker's waiter, which then unwinds the worker.

use super::def;
use rquickjs::{qjs, Ctx, Exception, Object, Result, Value};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use unode_sys::{futex, time};

const WAITING: u32 = 0;
const NOTIFIED: u32 = 1;
const TERMINATED: u32 = 2;

struct Waiter {
    addr: usize,
    state: AtomicU32,
    /// The terminate flag of the worker waiting, if a worker waits.
    terminate: Option<Arc<AtomicBool>>,
}

/// Every thread's waiters, in the order they began to wait. The value compared and the
/// listing happen under the lock notify takes, so a notify is never missed.
static WAITERS: Mutex<Vec<Arc<Waiter>>> = Mutex::new(Vec::new());

fn waiters() -> std::sync::MutexGuard<'static, Vec<Arc<Waiter>>> {
    WAITERS.lock().unwrap_or_else(|e| e.into_inner())
}

fn wake(waiter: &Waiter, state: u32) {
    waiter.state.store(state, Ordering::Release);
    let _ = futex::wake(&waiter.state, 1);
}

/// Wakes the worker whose terminate flag this is, if it waits in Atomics.wait.
pub fn wake_terminated(flag: &Arc<AtomicBool>) {
    waiters().retain(|w| {
        let ours = w.terminate.as_ref().is_some_and(|t| Arc::ptr_eq(t, flag));
        if ours {
            wake(w, TERMINATED);
        }
        !ours
    });
}

/// The address of `width` bytes at `offset` in a SharedArrayBuffer.
fn address(ctx: &Ctx<'_>, buffer: &Value<'_>, offset: f64, width: usize) -> Result<usize> {
    let mut len = 0;
    // SAFETY: `buffer` is a live value of this context; the pointer is only used while
    // the caller holds the buffer.
    let ptr = unsafe { qjs::JS_GetArrayBuffer(ctx.as_raw().as_ptr(), &mut len, buffer.as_raw()) };
    if ptr.is_null() {
        return Err(rquickjs::Error::Exception);
    }
    let offset = offset as usize;
    if offset
        .checked_add(width)
        .is_none_or(|end| end > len as usize)
        || !offset.is_multiple_of(width)
    {
        return Err(Exception::throw_range(ctx, "Invalid atomic access index"));
    }
    Ok(ptr as usize + offset)
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    // wait(buffer, byteOffset, wide, low, high, timeoutMs) → "ok" | "not-equal" |
    // "timed-out": `wide` compares 64 bits (high:low), else 32 (low).
    def(
        obj,
        "wait",
        |ctx: Ctx<'js>,
         buffer: Value<'js>,
         offset: f64,
         wide: bool,
         low: f64,
         high: f64,
         timeout_ms: f64|
         -> Result<&'static str> {
            let addr = address(&ctx, &buffer, offset, if wide { 8 } else { 4 })?;
            let waiter = {
                let mut list = waiters();
                // SAFETY: `addr` is an aligned element of a live SharedArrayBuffer (address
                // checked it), which other threads access only atomically or racily as JS
                // allows; the buffer outlives the call.
                let equal = unsafe {
                    if wide {
                        let want = ((high as i64) << 32) | i64::from(low as u32);
                        (*(addr as *const AtomicI64)).load(Ordering::SeqCst) == want
                    } else {
                        (*(addr as *const AtomicI32)).load(Ordering::SeqCst) == low as i32
                    }
                };
                if !equal {
                    return Ok("not-equal");
                }
                let waiter = Arc::new(Waiter {
                    addr,
                    state: AtomicU32::new(WAITING),
                    terminate: super::worker::terminate_flag(),
                });
                list.push(waiter.clone());
                waiter
            };
            // A terminate that came before the waiter was listed found nothing to wake.
            if let Some(flag) = waiter
                .terminate
                .as_ref()
                .filter(|t| t.load(Ordering::Relaxed))
            {
                wake_terminated(flag);
            }
            let deadline = (timeout_ms.is_finite())
                .then(|| time::monotonic_ns().saturating_add((timeout_ms.max(0.0) * 1e6) as u64));
            loop {
                match waiter.state.load(Ordering::Acquire) {
                    NOTIFIED => return Ok("ok"),
                    TERMINATED => return Err(super::worker::throw_termination(&ctx)),
                    _ => {}
                }
                let remaining = deadline.map(|d| d.saturating_sub(time::monotonic_ns()));
                if remaining == Some(0) {
                    break;
                }
                let _ = futex::wait(&waiter.state, WAITING, remaining);
            }
            // Timed out, unless a notify took the waiter off the list meanwhile.
            let mut list = waiters();
            if let Some(at) = list.iter().position(|w| Arc::ptr_eq(w, &waiter)) {
                list.remove(at);
                return Ok("timed-out");
            }
            drop(list);
            match waiter.state.load(Ordering::Acquire) {
                TERMINATED => Err(super::worker::throw_termination(&ctx)),
                _ => Ok("ok"),
            }
        },
    )?;
    // notify(buffer, byteOffset, count) → how many waiters were woken, first come first.
    def(
        obj,
        "notify",
        |ctx: Ctx<'js>, buffer: Value<'js>, offset: f64, count: f64| -> Result<f64> {
            let addr = address(&ctx, &buffer, offset, 4)?;
            let mut woken = 0.0;
            waiters().retain(|w| {
                if w.addr != addr || woken >= count {
                    return true;
                }
                wake(w, NOTIFIED);
                woken += 1.0;
                false
            });
            Ok(woken)
        },
    )?;
    Ok(())
}
