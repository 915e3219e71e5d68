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
    init_contexts(obj)
}

thread_local! {
    /// vm's contexts: realms of this thread's runtime, by the id JS holds (freed when
    /// their sandbox is collected, or before a worker's runtime goes).
    static CONTEXTS: std::cell::RefCell<super::slots::Slots<Realm>> =
        const { std::cell::RefCell::new(super::slots::Slots::new()) };
}

/// A context made for vm, owned here.
struct Realm(*mut qjs::JSContext);

impl Drop for Realm {
    fn drop(&mut self) {
        // SAFETY: the context was made by JS_NewContext and is freed once, here.
        unsafe { qjs::JS_FreeContext(self.0) };
    }
}

fn realm(ctx: &Ctx<'_>, id: usize) -> Result<*mut qjs::JSContext> {
    CONTEXTS
        .with(|c| c.borrow().get(id).map(|r| r.0))
        .ok_or_else(|| rquickjs::Exception::throw_type(ctx, "no such context"))
}

/// Frees vm's contexts (before their runtime goes: see bindings::release_js_values).
pub fn free_contexts() {
    let all =
        CONTEXTS.with(|c| std::mem::replace(&mut *c.borrow_mut(), super::slots::Slots::new()));
    drop(all);
}

fn init_contexts<'js>(obj: &Object<'js>) -> Result<()> {
    // newContext(): a new realm (its own globals and intrinsics) in this runtime.
    def(obj, "newContext", |ctx: Ctx<'js>| -> Result<f64> {
        // SAFETY: the runtime is live; the new context is owned by the Realm.
        let raw = unsafe { qjs::JS_NewContext(qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) };
        if raw.is_null() {
            return Err(rquickjs::Exception::throw_message(
                &ctx,
                "cannot make a context",
            ));
        }
        Ok(CONTEXTS.with(|c| c.borrow_mut().insert(Realm(raw))))
    })?;
    // contextGlobal(id): that realm's global object (objects are shared by a runtime's
    // realms, so JS here can read and write it).
    def(
        obj,
        "contextGlobal",
        |ctx: Ctx<'js>, id: usize| -> Result<Value<'js>> {
            let raw = realm(&ctx, id)?;
            // SAFETY: the realm is live; the global comes back owned.
            Ok(unsafe { Value::from_raw(ctx.clone(), qjs::JS_GetGlobalObject(raw)) })
        },
    )?;
    // evalInContext(id, source, filename): a classic script's completion value, run in
    // that realm (its exception is the runtime's, so it reaches the caller as thrown).
    def(
        obj,
        "evalInContext",
        |ctx: Ctx<'js>, id: usize, source: String, filename: String| -> Result<Value<'js>> {
            let raw = realm(&ctx, id)?;
            let src = std::ffi::CString::new(source.as_str())
                .map_err(|_| rquickjs::Exception::throw_type(&ctx, "source contains a NUL byte"))?;
            let name = std::ffi::CString::new(filename)
                .unwrap_or_else(|_| c"evalmachine.<anonymous>".to_owned());
            // SAFETY: `src` is NUL-terminated as JS_Eval requires; the result is owned.
            unsafe {
                let v = qjs::JS_Eval(
                    raw,
                    src.as_ptr(),
                    source.len() as _,
                    name.as_ptr(),
                    qjs::JS_EVAL_TYPE_GLOBAL as i32,
                );
                if qjs::JS_IsException(v) {
                    return Err(rquickjs::Error::Exception);
                }
                Ok(Value::from_raw(ctx.clone(), v))
            }
        },
    )?;
    def(obj, "freeContext", |id: usize| {
        let realm = CONTEXTS.with(|c| c.borrow_mut().take(id));
        drop(realm);
    })?;
    // checkScript(source, filename, asModule): compiles without running, for vm.Script's
    // SyntaxError at construction, and (as an ES module) for the CommonJS loader's
    // detection of module syntax.
    def(
        obj,
        "checkScript",
        |ctx: Ctx<'js>,
         source: String,
         filename: String,
         as_module: rquickjs::function::Opt<bool>|
         -> Result<()> {
            let src = std::ffi::CString::new(source.as_str())
                .map_err(|_| rquickjs::Exception::throw_type(&ctx, "source contains a NUL byte"))?;
            let name = std::ffi::CString::new(filename)
                .unwrap_or_else(|_| c"evalmachine.<anonymous>".to_owned());
            let kind = if as_module.0 == Some(true) {
                qjs::JS_EVAL_TYPE_MODULE
            } else {
                qjs::JS_EVAL_TYPE_GLOBAL
            };
            let flags = (kind | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
            // SAFETY: as for JS_Eval above; the compiled function (or module) is freed unused.
            unsafe {
                let raw = ctx.as_raw().as_ptr();
                let v = qjs::JS_Eval(raw, src.as_ptr(), source.len() as _, name.as_ptr(), flags);
                if qjs::JS_IsException(v) {
                    return Err(rquickjs::Error::Exception);
                }
                qjs::JS_FreeValue(raw, v);
            }
            Ok(())
        },
    )?;
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
