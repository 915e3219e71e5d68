//! The native half of worker_threads (lib/internal/worker.js): each Worker is a thread
//! running a runtime of its own (QuickJS heap, event loop, pool). The two sides pass
//! envelopes through a mailbox each way; a mailbox's eventfd wakes the reader's loop,
//! which watches it like any descriptor. Messages are bytes JS serialized (V8's format,
//! lib/v8.js), so no JS value crosses threads.

use super::{def, slots};
use crate::engine::copy_bytes;
use rquickjs::{qjs, Array, ArrayBuffer, Ctx, Exception, Object, Result, Value};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use unode_sys::{event, fs};

/// What travels between a worker and its parent.
pub enum Envelope {
    /// A message's serialized bytes.
    Message(Vec<u8>),
    /// The worker began running its code.
    Online,
    /// The worker's uncaught exception, serialized.
    Error(Vec<u8>),
    /// The worker's thread ended with this exit code.
    Exit(i32),
    /// What the worker wrote to its stdout or stderr (its parent writes it, as Node's
    /// parent does, so that it comes in order with the worker's messages).
    Output(i32, Vec<u8>),
}

impl Envelope {
    fn kind(&self) -> &'static str {
        match self {
            Envelope::Message(_) => "message",
            Envelope::Online => "online",
            Envelope::Error(_) => "error",
            Envelope::Exit(_) => "exit",
            Envelope::Output(1, _) => "stdout",
            Envelope::Output(..) => "stderr",
        }
    }
}

/// One direction's queue and the eventfd that tells its reader.
pub struct Mailbox {
    queue: Mutex<VecDeque<Envelope>>,
    fd: i32,
}

impl Mailbox {
    fn new() -> std::result::Result<Arc<Mailbox>, unode_sys::Errno> {
        let fd = event::eventfd(0, event::EFD_NONBLOCK | event::EFD_CLOEXEC)?;
        Ok(Arc::new(Mailbox {
            queue: Mutex::new(VecDeque::new()),
            fd,
        }))
    }

    pub fn post(&self, envelope: Envelope) {
        // A poisoned lock means a thread panicked while holding it; the queue itself is
        // still whole (push and drain do not panic midway).
        let mut q = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        q.push_back(envelope);
        drop(q);
        // EAGAIN means the counter is saturated: the reader is woken anyway.
        let _ = event::signal(self.fd);
    }

    fn take(&self) -> Vec<Envelope> {
        let _ = event::drain(self.fd);
        let mut q = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        q.drain(..).collect()
    }
}

impl Drop for Mailbox {
    fn drop(&mut self) {
        let _ = fs::close(self.fd);
    }
}

/// What a worker thread starts from.
pub struct WorkerInit {
    pub thread_id: u64,
    /// A script path, or code to evaluate.
    pub entry: String,
    pub eval: bool,
    pub name: String,
    /// workerData, serialized.
    pub data: Vec<u8>,
    /// process.argv after the script.
    pub argv: Vec<String>,
    pub to_worker: Arc<Mailbox>,
    pub to_parent: Arc<Mailbox>,
    pub terminate: Arc<AtomicBool>,
}

/// A worker's side of its link, kept on its thread.
struct WorkerSide {
    init: WorkerInit,
    exit_code: Option<i32>,
}

/// A worker as its parent holds it.
struct ParentSide {
    to_worker: Arc<Mailbox>,
    to_parent: Arc<Mailbox>,
    terminate: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);

// SharedArrayBuffers: their memory is the process's, not one runtime's, so that a worker
// and its parent can hold the same bytes. Each block starts with a header (a reference
// count and the size); QuickJS allocates, duplicates and frees through these hooks, which
// every runtime gets (install).
const SAB_HEADER: usize = 16;

fn sab_layout(size: usize) -> Option<std::alloc::Layout> {
    std::alloc::Layout::from_size_align(SAB_HEADER.checked_add(size)?, SAB_HEADER).ok()
}

unsafe extern "C" fn sab_alloc(_opaque: *mut std::ffi::c_void, size: u64) -> *mut std::ffi::c_void {
    let Ok(size) = usize::try_from(size) else {
        return std::ptr::null_mut();
    };
    let Some(layout) = sab_layout(size) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the layout is not zero-sized (it has the header).
    let base = unsafe { std::alloc::alloc_zeroed(layout) };
    if base.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: `base` is a fresh, 16-aligned block with room for the header.
    unsafe {
        base.cast::<AtomicU64>().write(AtomicU64::new(1));
        base.add(8).cast::<usize>().write(size);
        base.add(SAB_HEADER).cast()
    }
}

/// The header of a block sab_alloc made, from its data pointer.
unsafe fn sab_header(ptr: *mut std::ffi::c_void) -> (*mut u8, &'static AtomicU64, usize) {
    // SAFETY (caller): `ptr` came from sab_alloc and its block is live.
    unsafe {
        let base = ptr.cast::<u8>().sub(SAB_HEADER);
        (
            base,
            &*base.cast::<AtomicU64>(),
            base.add(8).cast::<usize>().read(),
        )
    }
}

unsafe extern "C" fn sab_dup(_opaque: *mut std::ffi::c_void, ptr: *mut std::ffi::c_void) {
    // SAFETY: QuickJS passes a live block of ours.
    let (_, count, _) = unsafe { sab_header(ptr) };
    count.fetch_add(1, Ordering::Relaxed);
}

unsafe extern "C" fn sab_free(_opaque: *mut std::ffi::c_void, ptr: *mut std::ffi::c_void) {
    // SAFETY: QuickJS passes a live block of ours.
    let (base, count, size) = unsafe { sab_header(ptr) };
    if count.fetch_sub(1, Ordering::AcqRel) == 1 {
        if let Some(layout) = sab_layout(size) {
            // SAFETY: the last reference is gone; the block was allocated with this layout.
            unsafe { std::alloc::dealloc(base, layout) };
        }
    }
}

/// Gives a runtime the process-wide SharedArrayBuffer memory, and lets Atomics.wait block
/// (Node allows it on every thread).
pub fn install(rt: *mut qjs::JSRuntime) {
    let funcs = qjs::JSSharedArrayBufferFunctions {
        sab_alloc: Some(sab_alloc),
        sab_free: Some(sab_free),
        sab_dup: Some(sab_dup),
        sab_opaque: std::ptr::null_mut(),
    };
    // SAFETY: `rt` is a live runtime on this thread, with no SharedArrayBuffer yet; QuickJS
    // copies the table.
    unsafe {
        qjs::JS_SetSharedArrayBufferFunctions(rt, &funcs);
        qjs::JS_SetCanBlock(rt, true);
    }
}

/// SharedArrayBuffers on their way to another thread: a token names a block (and holds
/// one reference to it) until the receiver takes it.
static SAB_TOKENS: Mutex<Vec<(u64, usize, usize)>> = Mutex::new(Vec::new());
static NEXT_SAB_TOKEN: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static WORKER: RefCell<Option<WorkerSide>> = const { RefCell::new(None) };
}

/// Runs on a new worker thread: the worker's program, then its exit told to the parent.
pub fn set_worker(init: WorkerInit) {
    WORKER.with(|w| {
        *w.borrow_mut() = Some(WorkerSide {
            init,
            exit_code: None,
        })
    });
}

/// This worker thread's terminate flag (None on the main thread).
pub fn terminate_flag() -> Option<Arc<AtomicBool>> {
    WORKER.with(|w| w.borrow().as_ref().map(|s| s.init.terminate.clone()))
}

/// An error no JS can catch, which unwinds a worker's every frame (its process.exit(), or
/// terminate() reaching it where it waits).
pub fn throw_termination(ctx: &Ctx<'_>) -> rquickjs::Error {
    let err = match Exception::from_message(ctx.clone(), "worker exit") {
        Ok(err) => err,
        Err(e) => return e,
    };
    // SAFETY: `err` is a live value of this context; the flag only marks it.
    unsafe { qjs::JS_SetUncatchableError(ctx.as_raw().as_ptr(), err.as_raw()) };
    ctx.throw(err.into_value())
}

/// The exit code process.exit() asked for on this worker thread, if it did.
pub fn requested_exit() -> Option<i32> {
    WORKER.with(|w| w.borrow().as_ref().and_then(|s| s.exit_code))
}

fn bytes(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<Vec<u8>> {
    copy_bytes(ctx, v).ok_or_else(|| Exception::throw_type(ctx, "expected an ArrayBufferView"))
}

/// Envelopes as JS takes them: [[kind, payload], ...] (payload an ArrayBuffer or code).
fn envelopes_to_js<'js>(ctx: &Ctx<'js>, list: Vec<Envelope>) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, e) in list.into_iter().enumerate() {
        let pair = Array::new(ctx.clone())?;
        pair.set(0, e.kind())?;
        match e {
            Envelope::Message(b) | Envelope::Error(b) | Envelope::Output(_, b) => {
                pair.set(1, ArrayBuffer::new(ctx.clone(), b)?)?
            }
            Envelope::Exit(code) => pair.set(1, code)?,
            Envelope::Online => {}
        }
        out.set(i, pair)?;
    }
    Ok(out)
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    let workers = slots::shared::<ParentSide>();
    let w = workers.clone();
    // spawn(entry, eval, name, data, argv): [id, threadId, fd] for a new worker; fd is
    // the descriptor to watch for its envelopes.
    def(
        obj,
        "spawn",
        move |ctx: Ctx<'js>,
              entry: String,
              eval: bool,
              name: String,
              data: Value<'js>,
              argv: Vec<String>|
              -> Result<Vec<f64>> {
            let data = bytes(&ctx, &data)?;
            let (to_worker, to_parent) = match (Mailbox::new(), Mailbox::new()) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), _) | (_, Err(e)) => return Err(super::throw_uv(&ctx, e, "eventfd", None)),
            };
            let terminate = Arc::new(AtomicBool::new(false));
            let thread_id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
            let init = WorkerInit {
                thread_id,
                entry,
                eval,
                name,
                data,
                argv,
                to_worker: to_worker.clone(),
                to_parent: to_parent.clone(),
                terminate: terminate.clone(),
            };
            let fd = to_parent.fd;
            let thread = std::thread::Builder::new()
                .name(format!("worker {thread_id}"))
                .spawn(move || {
                    let to_parent = init.to_parent.clone();
                    let code = crate::run_worker(init);
                    to_parent.post(Envelope::Exit(code));
                })
                .map_err(|e| {
                    Exception::throw_message(&ctx, &format!("cannot start a worker thread: {e}"))
                })?;
            let id = w.borrow_mut().insert(ParentSide {
                to_worker,
                to_parent,
                terminate,
                thread: Some(thread),
            });
            Ok(vec![id, thread_id as f64, f64::from(fd)])
        },
    )?;
    let w = workers.clone();
    def(
        obj,
        "postToWorker",
        move |ctx: Ctx<'js>, id: usize, data: Value<'js>| -> Result<()> {
            let data = bytes(&ctx, &data)?;
            if let Some(p) = w.borrow().get(id) {
                p.to_worker.post(Envelope::Message(data));
            }
            Ok(())
        },
    )?;
    let w = workers.clone();
    def(
        obj,
        "takeFromWorker",
        move |ctx: Ctx<'js>, id: usize| -> Result<Array<'js>> {
            let list = w
                .borrow()
                .get(id)
                .map(|p| p.to_parent.take())
                .unwrap_or_default();
            envelopes_to_js(&ctx, list)
        },
    )?;
    let w = workers.clone();
    // terminate(id): stops the worker's JS where it is (the runtime's interrupt check)
    // and wakes its loop, or its Atomics.wait.
    def(obj, "terminate", move |id: usize| {
        if let Some(p) = w.borrow().get(id) {
            p.terminate.store(true, Ordering::Relaxed);
            let _ = event::signal(p.to_worker.fd);
            super::atomics::wake_terminated(&p.terminate);
        }
    })?;
    // release(id): after its exit, the worker's thread is joined and its mailboxes go.
    def(obj, "release", move |id: usize| {
        let side = workers.borrow_mut().take(id);
        if let Some(mut side) = side {
            if let Some(t) = side.thread.take() {
                let _ = t.join();
            }
        }
    })?;

    // sabExport(sab): a token for a SharedArrayBuffer's memory, to send to another thread.
    def(
        obj,
        "sabExport",
        |ctx: Ctx<'js>, sab: Value<'js>| -> Result<f64> {
            let mut len = 0;
            // SAFETY: `sab` is a live value; the pointer is only kept with a reference taken.
            let ptr =
                unsafe { qjs::JS_GetArrayBuffer(ctx.as_raw().as_ptr(), &mut len, sab.as_raw()) };
            if ptr.is_null() {
                return Err(rquickjs::Error::Exception);
            }
            // SAFETY: the runtime allocated the SharedArrayBuffer through sab_alloc (install).
            unsafe { sab_dup(std::ptr::null_mut(), ptr.cast()) };
            let token = NEXT_SAB_TOKEN.fetch_add(1, Ordering::Relaxed);
            SAB_TOKENS.lock().unwrap_or_else(|e| e.into_inner()).push((
                token,
                ptr as usize,
                len as usize,
            ));
            Ok(token as f64)
        },
    )?;
    // sabImport(token): the SharedArrayBuffer a token names, over the same memory.
    def(
        obj,
        "sabImport",
        |ctx: Ctx<'js>, token: f64| -> Result<Value<'js>> {
            let found = {
                let mut tokens = SAB_TOKENS.lock().unwrap_or_else(|e| e.into_inner());
                let at = tokens.iter().position(|t| t.0 == token as u64);
                at.map(|i| tokens.swap_remove(i))
            };
            let Some((_, ptr, len)) = found else {
                return Err(Exception::throw_type(&ctx, "no such SharedArrayBuffer"));
            };
            // SAFETY: the token held a reference, so the block is live; QuickJS takes its own
            // reference for the new object (sab_dup), and the token's is then released.
            unsafe {
                let len = len as u64;
                let v = qjs::JS_NewArrayBuffer(
                    ctx.as_raw().as_ptr(),
                    ptr as *mut u8,
                    len,
                    0,
                    None,
                    std::ptr::null_mut(),
                    true,
                );
                sab_free(std::ptr::null_mut(), ptr as *mut std::ffi::c_void);
                if qjs::JS_IsException(v) {
                    return Err(rquickjs::Error::Exception);
                }
                Ok(Value::from_raw(ctx.clone(), v))
            }
        },
    )?;
    // The worker's own side: undefined on the main thread, else its start.
    def(obj, "self", |ctx: Ctx<'js>| -> Result<Value<'js>> {
        WORKER.with(|w| {
            let w = w.borrow();
            let Some(side) = w.as_ref() else {
                return Ok(Value::new_undefined(ctx.clone()));
            };
            let o = Object::new(ctx.clone())?;
            o.set("threadId", side.init.thread_id as f64)?;
            o.set("entry", side.init.entry.as_str())?;
            o.set("eval", side.init.eval)?;
            o.set("name", side.init.name.as_str())?;
            o.set(
                "data",
                ArrayBuffer::new(ctx.clone(), side.init.data.clone())?,
            )?;
            o.set("argv", side.init.argv.clone())?;
            o.set("fd", side.init.to_worker.fd)?;
            Ok(o.into_value())
        })
    })?;
    def(
        obj,
        "postToParent",
        |ctx: Ctx<'js>, data: Value<'js>, error: bool| -> Result<()> {
            let data = bytes(&ctx, &data)?;
            WORKER.with(|w| {
                if let Some(side) = w.borrow().as_ref() {
                    side.init.to_parent.post(if error {
                        Envelope::Error(data)
                    } else {
                        Envelope::Message(data)
                    });
                }
            });
            Ok(())
        },
    )?;
    def(
        obj,
        "postOutput",
        |ctx: Ctx<'js>, fd: i32, data: Value<'js>| -> Result<()> {
            let data = bytes(&ctx, &data)?;
            WORKER.with(|w| {
                if let Some(side) = w.borrow().as_ref() {
                    side.init.to_parent.post(Envelope::Output(fd, data));
                }
            });
            Ok(())
        },
    )?;
    def(obj, "online", || {
        WORKER.with(|w| {
            if let Some(side) = w.borrow().as_ref() {
                side.init.to_parent.post(Envelope::Online);
            }
        })
    })?;
    def(
        obj,
        "takeFromParent",
        |ctx: Ctx<'js>| -> Result<Array<'js>> {
            let list = WORKER.with(|w| {
                w.borrow()
                    .as_ref()
                    .map(|s| s.init.to_worker.take())
                    .unwrap_or_default()
            });
            envelopes_to_js(&ctx, list)
        },
    )?;
    // terminating(): whether the parent called terminate() (the loop checks when its
    // mailbox wakes it: a short callback may end before the runtime's interrupt check).
    def(obj, "terminating", || {
        WORKER.with(|w| {
            w.borrow()
                .as_ref()
                .is_some_and(|s| s.init.terminate.load(Ordering::Relaxed))
        })
    })?;
    // exit(code): ends the worker's JS now, as process.exit does on a worker thread: the
    // code is kept for the thread's end and an uncatchable error unwinds every frame.
    def(obj, "exit", |ctx: Ctx<'js>, code: i32| -> Result<()> {
        WORKER.with(|w| {
            if let Some(side) = w.borrow_mut().as_mut() {
                side.exit_code = Some(code);
            }
        });
        Err(throw_termination(&ctx))
    })?;
    Ok(())
}
