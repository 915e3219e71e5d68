//! Stopping a running vCPU. A guest that spins without exits never returns to the VMM's
//! loop by itself, so a stop request also signals the vCPU thread: a signal with a handler
//! makes KVM_RUN return EINTR, and the loop sees the request. The signal is repeated
//! until the loop has ended, which covers a request landing just before KVM_RUN.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// The kick: the first real-time signal glibc leaves to applications (as Firecracker uses).
fn kick_signal() -> libc::c_int {
    vmm_sys_util::signal::SIGRTMIN()
}

extern "C" fn on_kick(_: libc::c_int, _: *mut libc::siginfo_t, _: *mut libc::c_void) {}

/// Readies the calling thread (a vCPU thread) to be kicked: the empty handler installed
/// once per process, the signal unblocked here (threads inherit their creator's mask, and
/// the runtime blocks signals it reads through a signalfd).
pub fn prepare_vcpu_thread() -> std::result::Result<(), String> {
    static INSTALLED: std::sync::OnceLock<std::result::Result<(), String>> =
        std::sync::OnceLock::new();
    INSTALLED
        .get_or_init(|| {
            vmm_sys_util::signal::register_signal_handler(kick_signal(), on_kick)
                .map_err(|e| format!("installing the vCPU kick handler: {e}"))
        })
        .clone()?;
    vmm_sys_util::signal::unblock_signal(kick_signal())
        .map_err(|e| format!("unblocking the vCPU kick signal: {e:?}"))
}

#[derive(Default)]
struct State {
    requested: AtomicBool,
    /// The vCPU thread while it runs its loop; cleared before it returns, so a kick is
    /// only ever sent to a live thread.
    thread: Mutex<Option<libc::pthread_t>>,
}

/// Asks a machine to stop, whatever its guest is doing.
#[derive(Clone, Default)]
pub struct StopHandle(Arc<State>);

impl StopHandle {
    pub fn stop(&self) {
        if self.0.requested.swap(true, Ordering::SeqCst) || self.thread().is_none() {
            // Already asked; or not running (yet, or any more): the loop checks the request
            // before each run.
            return;
        }
        let state = self.0.clone();
        let _ = std::thread::Builder::new()
            .name("unode-vcpu-kick".into())
            .spawn(move || loop {
                {
                    let thread = state.thread.lock().unwrap_or_else(|p| p.into_inner());
                    let Some(thread) = *thread else { return };
                    // SAFETY: `thread` is alive: its entry is cleared under this lock before
                    // the vCPU thread returns. The signal has a handler, so it only
                    // interrupts the thread's KVM_RUN.
                    unsafe { libc::pthread_kill(thread, kick_signal()) };
                }
                std::thread::sleep(Duration::from_millis(1));
            });
    }

    pub fn requested(&self) -> bool {
        self.0.requested.load(Ordering::SeqCst)
    }

    fn thread(&self) -> MutexGuard<'_, Option<libc::pthread_t>> {
        self.0.thread.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Called on the vCPU thread when its loop starts.
    pub(crate) fn enter(&self) {
        // SAFETY: pthread_self has no preconditions.
        *self.thread() = Some(unsafe { libc::pthread_self() });
    }

    /// Called on the vCPU thread when its loop has ended.
    pub(crate) fn leave(&self) {
        *self.thread() = None;
    }
}
