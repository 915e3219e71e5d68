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
}

pub struct Options {
    pub entry: Entry,
    /// Arguments after the script (or after `-e code`).
    pub args: Vec<String>,
    /// The runtime options given before the script, as `process.execArgv`.
    pub exec_argv: Vec<String>,
    /// `--input-type=module`: treat `-e`/stdin code as an ES module.
    pub input_module: bool,
    /// The command name as typed, for `process.argv0`.
    pub argv0: String,
}

/// Runs a program to completion and ends the process with its exit code.
pub fn run(opts: Options) -> ! {
    let start_ns = time::monotonic_ns();
    // Node ignores SIGPIPE: a write to a closed pipe is an EPIPE error, not death.
    let _ = signal::ignore(signal::SIGPIPE);
    let code = match boot(opts, start_ns) {
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

fn boot(opts: Options, start_ns: u64) -> Result<i32, String> {
    // Never dropped: the process ends with exit_group right after, and freeing a heap that
    // still holds live objects (timers, handles) would only cost time and trip QuickJS's
    // leak assertions.
    let rt = std::mem::ManuallyDrop::new(Runtime::new().map_err(|e| e.to_string())?);
    rt.set_max_stack_size(4 * 1024 * 1024);
    rt.set_loader(EsmResolver, EsmLoader);
    rt.set_host_promise_rejection_tracker(Some(Box::new(bindings::contextify_on_rejection)));
    let ctx = std::mem::ManuallyDrop::new(Context::full(&rt).map_err(|e| e.to_string())?);
    let state = Rc::new(RefCell::new(
        state::LoopState::new(start_ns).map_err(|e| e.to_string())?,
    ));
    ctx.with(|ctx| {
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
            }
            o.set("args", opts.args.clone())?;
            o.set("execArgv", opts.exec_argv.clone())?;
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
    })
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
