//! The Node.js-compatible runtime: sets up QuickJS, hands the native bindings to
//! lib/internal/bootstrap.js and lets its event loop run the program to the end.

mod bindings;
mod engine;
mod fs_ops;
mod state;

use bindings::module_wrap::{EsmLoader, EsmResolver};
use rquickjs::{Context, Function, Object, Runtime, Value};
use std::cell::RefCell;
use std::rc::Rc;
use unode_sys::{process, signal, time};

/// What to run.
pub enum Entry {
    /// A script file (`unode app.js`).
    Script(String),
    /// `-e` / `-p` code; `print` writes the completion value like `-p`.
    Eval { code: String, print: bool },
    /// A program read from standard input (`unode -` or a pipe).
    Stdin,
    /// A worker thread's program (what it runs is in bindings/worker.rs's thread state).
    Worker,
}

pub struct Options {
    pub entry: Entry,
    /// Arguments after the script (or after `-e code`).
    pub args: Vec<String>,
    /// The runtime options given before the script, as `process.execArgv`.
    pub exec_argv: Vec<String>,
    /// Every runtime option (`NODE_OPTIONS`' and the command line's), each as `--name` or
    /// `--name=value`: what lib reads through internal/options.
    pub options: Vec<String>,
    /// `--require` modules, loaded before the entry point.
    pub require: Vec<String>,
    /// `--import` modules, imported after the `--require` ones.
    pub import: Vec<String>,
    /// `--input-type=module`: treat `-e`/stdin code as an ES module.
    pub input_module: bool,
    /// The command name as typed, for `process.argv0`.
    pub argv0: String,
}

/// The process's runtime options and `--require` modules, which its worker threads take
/// too (Node loads a `--require` module in every worker, an `--import` one only in the main
/// thread).
struct ProcessOptions {
    options: Vec<String>,
    require: Vec<String>,
}

static PROCESS_OPTIONS: std::sync::OnceLock<ProcessOptions> = std::sync::OnceLock::new();

/// Runs a program to completion and ends the process with its exit code.
pub fn run(opts: Options) -> ! {
    let start_ns = time::monotonic_ns();
    let _ = PROCESS_OPTIONS.set(ProcessOptions {
        options: opts.options.clone(),
        require: opts.require.clone(),
    });
    // Node ignores SIGPIPE: a write to a closed pipe is an EPIPE error, not death.
    let _ = signal::ignore(signal::SIGPIPE);
    let code = match boot(opts, start_ns, None) {
        Ok(code) => code,
        Err(msg) => {
            let _ =
                unode_sys::fs::write_all(2, format!("unode: internal error: {msg}\n").as_bytes());
            70
        }
    };
    // Every write is synchronous, so nothing is buffered: leave without tearing the heap
    // down object by object, as Node does.
    process::exit_group(code)
}

/// Runs a worker thread's program (bindings/worker.rs starts the thread): its exit code,
/// from the end of its loop, its process.exit(), or 1 when its parent terminated it.
pub(crate) fn run_worker(init: bindings::worker::WorkerInit) -> i32 {
    let terminate = init.terminate.clone();
    let args = init.argv.clone();
    bindings::worker::set_worker(init);
    let opts = Options {
        entry: Entry::Worker,
        args,
        exec_argv: Vec::new(),
        options: PROCESS_OPTIONS
            .get()
            .map(|p| p.options.clone())
            .unwrap_or_default(),
        require: PROCESS_OPTIONS
            .get()
            .map(|p| p.require.clone())
            .unwrap_or_default(),
        import: Vec::new(),
        input_module: false,
        argv0: "unode".to_owned(),
    };
    match boot(opts, time::monotonic_ns(), Some(terminate.clone())) {
        Ok(code) => code,
        Err(msg) => match bindings::worker::requested_exit() {
            Some(code) => code,
            None if terminate.load(std::sync::atomic::Ordering::Relaxed) => 1,
            None => {
                let _ = unode_sys::fs::write_all(
                    2,
                    format!("unode: internal error in a worker: {msg}\n").as_bytes(),
                );
                70
            }
        },
    }
}

/// Sets up a runtime and runs a program in it. `interrupt`, for a worker, stops its JS
/// wherever it is once set (worker.terminate()).
fn boot(
    opts: Options,
    start_ns: u64,
    interrupt: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
) -> Result<i32, String> {
    let worker = interrupt.is_some();
    let rt = Runtime::new().map_err(|e| e.to_string())?;
    rt.set_max_stack_size(4 * 1024 * 1024);
    if let Some(flag) = interrupt {
        rt.set_interrupt_handler(Some(Box::new(move || {
            flag.load(std::sync::atomic::Ordering::Relaxed)
        })));
    }
    rt.set_loader(EsmResolver, EsmLoader);
    rt.set_host_promise_rejection_tracker(Some(Box::new(bindings::contextify_on_rejection)));
    let ctx = Context::full(&rt).map_err(|e| e.to_string())?;
    // SharedArrayBuffer memory every thread can share (before any JS makes one).
    ctx.with(|ctx| {
        // SAFETY: the context is live; its runtime is the one just made.
        bindings::worker::install(unsafe { rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr()) })
    });
    let state = Rc::new(RefCell::new(
        state::LoopState::new(start_ns).map_err(|e| e.to_string())?,
    ));
    let result = ctx.with(|ctx| {
        let result = (|| -> rquickjs::Result<i32> {
            let binding = make_internal_binding(&ctx, state.clone())?;
            let boot = engine::load_builtin(&ctx, "internal/bootstrap")?;
            let module = Object::new(ctx.clone())?;
            let exports = Object::new(ctx.clone())?;
            module.set("exports", exports.clone())?;
            let undef = Value::new_undefined(ctx.clone());
            boot.call::<_, ()>((
                exports,
                undef.clone(),
                module.clone(),
                undef.clone(),
                binding,
                undef,
            ))?;
            let start: Function = module.get("exports")?;
            let o = Object::new(ctx.clone())?;
            match opts.entry {
                Entry::Script(ref path) => {
                    o.set("mode", "script")?;
                    o.set("script", path.as_str())?;
                }
                Entry::Eval { ref code, print } => {
                    o.set("mode", "eval")?;
                    o.set("code", code.as_str())?;
                    o.set("print", print)?;
                }
                Entry::Stdin => o.set("mode", "stdin")?,
                Entry::Worker => o.set("mode", "worker")?,
            }
            o.set("args", opts.args.clone())?;
            o.set("execArgv", opts.exec_argv.clone())?;
            o.set("options", opts.options.clone())?;
            o.set("require", opts.require.clone())?;
            o.set("import", opts.import.clone())?;
            o.set("inputModule", opts.input_module)?;
            o.set("argv0", opts.argv0.as_str())?;
            start.call((o,))
        })();
        result.map_err(|e| {
            let thrown = ctx.catch();
            let detail = thrown
                .as_object()
                .map(|o| {
                    let m: String = o.get("message").unwrap_or_default();
                    let s: String = o.get("stack").unwrap_or_default();
                    format!("{m}\n{s}")
                })
                .unwrap_or_else(|| format!("{thrown:?}"));
            format!("{e}: {detail}")
        })
    });
    if worker {
        // A worker's heap and loop go with its thread: the values native code keeps are
        // dropped first, then the runtime (which drops the loop's state with the functions
        // that hold it).
        bindings::release_js_values(&state);
        drop(state);
        drop(ctx);
        drop(rt);
    } else {
        // Never freed: the process ends with exit_group right after, and freeing a heap
        // that still holds live objects (timers, handles) would only cost time.
        std::mem::forget(ctx);
        std::mem::forget(rt);
    }
    result
}

fn make_internal_binding<'js>(
    ctx: &rquickjs::Ctx<'js>,
    state: state::Shared,
) -> rquickjs::Result<Function<'js>> {
    Function::new(ctx.clone(), move |ctx: rquickjs::Ctx<'js>, name: String| {
        bindings::internal_binding(&ctx, &state, &name)
    })?
    .with_name("internalBinding")
}
