//! Native halves of the Node modules in `lib/`: one file per module, reached from JS as
//! `internalBinding(name)`.

use crate::state::Shared;
use rquickjs::function::IntoJsFunc;
use rquickjs::{qjs, Constructor, Ctx, Exception, Function, Object, Result, Value};
use std::ffi::CStr;
use unode_sys::Errno;

mod atomics;
mod buffer;
mod builtins;
mod child_process;
mod contextify;
mod crypto;
mod der;
mod dns;
pub use contextify::on_rejection as contextify_on_rejection;
mod event_loop;
pub mod fs;
mod fs_event_wrap;
mod http_parser;
mod intl;
mod libsys;
mod messaging;
pub mod module_wrap;
mod net;
mod os;
mod outgoing_head;
mod process;
mod slots;
mod tls_ciphers;
mod tls_wrap;
mod util;
mod uv;
mod vm;
mod wasm;
pub mod worker;
mod x509;
mod zlib;

/// Drops the JS values the bindings keep per thread and in the loop's state, so that a
/// worker's runtime can be freed while they are still valid (a thread's locals are
/// dropped at its end, after the runtime).
pub fn release_js_values(state: &Shared) {
    contextify::clear_rejection_hook();
    contextify::free_contexts();
    messaging::close_held();
    buffer::clear_prototype();
    module_wrap::clear_hooks();
    state.borrow_mut().watched.clear();
}

/// Builds the binding object `name`, or throws for an unknown name.
pub fn internal_binding<'js>(ctx: &Ctx<'js>, state: &Shared, name: &str) -> Result<Object<'js>> {
    let obj = Object::new(ctx.clone())?;
    match name {
        "atomics" => atomics::init(&obj)?,
        "buffer" => buffer::init(&obj)?,
        "builtins" => builtins::init(&obj)?,
        "child_process" => child_process::init(&obj)?,
        "contextify" => contextify::init(&obj)?,
        "crypto" => crypto::init(&obj, state)?,
        "dns" => dns::init(&obj)?,
        "event_loop" => event_loop::init(&obj, state)?,
        "fs" => fs::init(&obj, state)?,
        "fs_event_wrap" => fs_event_wrap::init(&obj)?,
        "http_parser" => http_parser::init(&obj)?,
        "intl" => intl::init(&obj)?,
        "libsys" => libsys::init(&obj)?,
        "messaging" => messaging::init(&obj)?,
        "module_wrap" => module_wrap::init(&obj)?,
        "net" => net::init(&obj, state)?,
        "os" => os::init(&obj)?,
        "process" => process::init(&obj, state)?,
        "tls_wrap" => tls_wrap::init(&obj)?,
        "util" => util::init(&obj)?,
        "uv" => uv::init(&obj)?,
        "vm" => vm::init(&obj, state)?,
        "wasm" => wasm::init(&obj)?,
        "worker" => worker::init(&obj)?,
        "zlib" => zlib::init(&obj)?,
        _ => {
            return Err(Exception::throw_type(
                ctx,
                &format!("No such binding: {name}"),
            ))
        }
    }
    Ok(obj)
}

/// Defines `obj[name]` as a native function.
pub(crate) fn def<'js, P, F>(obj: &Object<'js>, name: &str, f: F) -> Result<()>
where
    F: IntoJsFunc<'js, P> + 'js,
{
    let func = Function::new(obj.ctx().clone(), f)?.with_name(name)?;
    obj.set(name, func)
}

/// Defines `obj[name]` as a C function that QuickJS calls directly: for the few natives
/// called several times per request, where rquickjs's dispatch (a context handle taken and
/// dropped, arguments converted) costs about 60 ns a call against QuickJS's own 15.
pub(crate) fn def_c(
    obj: &Object<'_>,
    name: &'static CStr,
    f: qjs::JSCFunction,
    length: i32,
) -> Result<()> {
    let ctx = obj.ctx();
    // SAFETY: the context is live and `name` is NUL-terminated (QuickJS copies it into an
    // atom); the new function comes back owned and goes to a Value that frees it.
    let func = unsafe {
        let raw = qjs::JS_NewCFunction2(
            ctx.as_raw().as_ptr(),
            f,
            name.as_ptr(),
            length,
            qjs::JSCFunctionEnum_JS_CFUNC_generic,
            0,
        );
        if qjs::JS_IsException(raw) {
            return Err(rquickjs::Error::Exception);
        }
        Value::from_raw(ctx.clone(), raw)
    };
    obj.set(name.to_str().unwrap_or_default(), func)
}

/// A Node-style system error object: `ENOENT: no such file or directory, open '/x'` with
/// `errno` (negative), `code`, `syscall`, `path` and `dest`.
pub(crate) fn uv_error<'js>(
    ctx: &Ctx<'js>,
    err: Errno,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> Result<Object<'js>> {
    let code = err.name().unwrap_or("UNKNOWN");
    let mut message = format!("{code}: {}, {syscall}", err.message());
    if let Some(p) = path {
        message.push_str(&format!(" '{p}'"));
    }
    if let Some(d) = dest {
        message.push_str(&format!(" -> '{d}'"));
    }
    let ctor: Constructor = ctx.globals().get("Error")?;
    let obj: Object = ctor.construct((message,))?;
    obj.set("errno", -err.0)?;
    obj.set("code", code)?;
    obj.set("syscall", syscall)?;
    if let Some(p) = path {
        obj.set("path", p)?;
    }
    if let Some(d) = dest {
        obj.set("dest", d)?;
    }
    Ok(obj)
}

/// Throws [`uv_error`].
pub(crate) fn throw_uv(
    ctx: &Ctx<'_>,
    err: Errno,
    syscall: &str,
    path: Option<&str>,
) -> rquickjs::Error {
    throw_uv_dest(ctx, err, syscall, path, None)
}

/// Throws [`uv_error`] for a two-path call (`rename`, `chdir`, …).
pub(crate) fn throw_uv_dest(
    ctx: &Ctx<'_>,
    err: Errno,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> rquickjs::Error {
    match uv_error(ctx, err, syscall, path, dest) {
        Ok(obj) => ctx.throw(Value::from_object(obj)),
        Err(e) => e,
    }
}

/// A path argument as a NUL-terminated string; a NUL inside is Node's ERR_INVALID_ARG_VALUE,
/// which lib/ checks before calling, so here it is only a defensive type error.
pub(crate) fn cpath(ctx: &Ctx<'_>, path: &str) -> Result<std::ffi::CString> {
    std::ffi::CString::new(path)
        .map_err(|_| Exception::throw_type(ctx, "path must not contain null bytes"))
}
