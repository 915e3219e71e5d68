//! Compiling user code and running the microtask queue (Node's `contextify` and
//! `task_queue` bindings).

use super::{def, def_c};
use crate::engine;
use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    def(
        obj,
        "compileFunction",
        |ctx: Ctx<'js>,
         source: String,
         filename: String,
         params: String|
         -> Result<Function<'js>> {
            engine::compile_function(&ctx, &source, &filename, &params)
        },
    )?;
    def(
        obj,
        "evalScript",
        |ctx: Ctx<'js>, source: String, filename: String| -> Result<Value<'js>> {
            engine::eval_script(&ctx, &source, &filename, false)
        },
    )?;
    // Runs promise jobs until none are left. Jobs that throw are reported by the jobs
    // themselves (lib wraps queueMicrotask callbacks), so a false return just ends a job.
    def(
        obj,
        "setPromiseRejectCallback",
        |ctx: Ctx<'js>, f: Function<'js>| set_rejection_hook(&ctx, f),
    )?;
    // Called after every callback the loop makes.
    def_c(obj, c"runMicrotasks", Some(run_microtasks), 0)?;
    Ok(())
}

/// runMicrotasks(): runs promise jobs until none are left. A job that throws leaves its
/// exception on the context it ran in; that is dropped here, as the job reported it.
unsafe extern "C" fn run_microtasks(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    _argc: std::ffi::c_int,
    _argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: QuickJS calls this with a live context, on the thread that owns its runtime.
    let rt = unsafe { qjs::JS_GetRuntime(ctx) };
    let mut job_ctx = std::ptr::null_mut();
    loop {
        // SAFETY: `rt` is live; `job_ctx` receives the context the job ran in.
        let r = unsafe { qjs::JS_ExecutePendingJob(rt, &mut job_ctx) };
        if r == 0 {
            break;
        }
        if r < 0 && !job_ctx.is_null() {
            // SAFETY: `job_ctx` is the live context the failed job ran in; the exception
            // taken from it is ours to free, or to throw on.
            unsafe {
                let exc = qjs::JS_GetException(job_ctx);
                // A worker's exit or termination unwinds everything, promise jobs too.
                if qjs::JS_IsUncatchableError(exc) {
                    return qjs::JS_Throw(ctx, exc);
                }
                qjs::JS_FreeValue(job_ctx, exc);
            }
        }
    }
    qjs::JS_UNDEFINED
}

thread_local! {
    /// lib's handler for promise rejections (internal/process/task_queues.js).
    static REJECTION_HOOK: std::cell::RefCell<Option<rquickjs::Persistent<Function<'static>>>> =
        const { std::cell::RefCell::new(None) };
}

/// Registers the JS side of the rejection tracker.
/// Drops the hook (before its runtime goes: see bindings::release_js_values).
pub fn clear_rejection_hook() {
    REJECTION_HOOK.with(|h| h.borrow_mut().take());
}

pub fn set_rejection_hook<'js>(ctx: &Ctx<'js>, f: Function<'js>) {
    let saved = rquickjs::Persistent::save(ctx, f);
    REJECTION_HOOK.with(|h| *h.borrow_mut() = Some(saved));
}

/// QuickJS's host rejection tracker: forwards (promise, reason, handled) to lib.
pub fn on_rejection<'js>(ctx: Ctx<'js>, promise: Value<'js>, reason: Value<'js>, handled: bool) {
    let Some(hook) = REJECTION_HOOK.with(|h| h.borrow().clone()) else {
        return;
    };
    if let Ok(f) = hook.restore(&ctx) {
        if f.call::<_, ()>((promise, reason, handled)).is_err() {
            // The hook itself failed: nothing sensible can report it; keep the loop alive.
            let _ = ctx.catch();
        }
    }
}
