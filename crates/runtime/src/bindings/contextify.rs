//! Compiling user code and running the microtask queue (Node's `contextify` and
//! `task_queue` bindings).

use super::def;
use crate::engine;
use rquickjs::{Ctx, Function, Object, Result, Value};

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
    def(
        obj,
        "runMicrotasks",
        |ctx: Ctx<'js>| {
            while ctx.execute_pending_job() {}
        },
    )?;
    Ok(())
}

thread_local! {
    /// lib's handler for promise rejections (internal/process/task_queues.js).
    static REJECTION_HOOK: std::cell::RefCell<Option<rquickjs::Persistent<Function<'static>>>> =
        const { std::cell::RefCell::new(None) };
}

/// Registers the JS side of the rejection tracker.
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
