//! The seed's `libsys`: the raw syscall function for JavaScript, plus what a VMM in JS
//! needs — addresses of buffers and ArrayBuffers over raw memory.

use super::def;
use crate::engine::{self, bytes_of};
use rquickjs::function::Rest;
use rquickjs::{Ctx, Exception, Object, Result, Value};
use std::ffi::CString;

/// Turns JS arguments into syscall words; strings are copied to NUL-terminated storage
/// that lives in `keep` for the duration of the call.
fn words(ctx: &Ctx<'_>, args: &[Value<'_>], keep: &mut Vec<CString>) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        let w = if let Some(n) = a.as_number() {
            n as i64 as usize
        } else if let Some(s) = a.as_string() {
            let c = CString::new(s.to_string()?)
                .map_err(|_| Exception::throw_type(ctx, "string argument contains a NUL byte"))?;
            let p = c.as_ptr() as usize;
            keep.push(c);
            p
        } else if let Some(b) = a.as_big_int() {
            b.clone().to_i64()? as usize
        } else if let Some(b) = a.as_bool() {
            b as usize
        } else if a.is_null() || a.is_undefined() {
            0
        } else if let Some((ptr, _)) = bytes_of(ctx, a) {
            ptr as usize
        } else {
            return Err(Exception::throw_type(
                ctx,
                "syscall arguments must be numbers, BigInts, strings or buffers",
            ));
        };
        out.push(w);
    }
    if out.len() > 7 {
        return Err(Exception::throw_range(
            ctx,
            "a syscall takes at most 6 arguments",
        ));
    }
    Ok(out)
}

fn call(ctx: &Ctx<'_>, args: &[Value<'_>]) -> Result<isize> {
    let mut keep = Vec::new();
    let w = words(ctx, args, &mut keep)?;
    let Some((&nr, rest)) = w.split_first() else {
        return Err(Exception::throw_type(ctx, "syscall needs a number"));
    };
    // SAFETY: this is libsys's whole point: JS asks for a raw syscall and owns the
    // consequences, as with the seed's native addon. Pointers come from live buffers or
    // from `keep`, which outlives the call.
    Ok(unsafe { unode_sys::raw::syscall(nr, rest) })
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    def(
        obj,
        "syscall",
        |ctx: Ctx<'js>, args: Rest<Value<'js>>| -> Result<f64> { Ok(call(&ctx, &args.0)? as f64) },
    )?;
    def(
        obj,
        "syscall64",
        |ctx: Ctx<'js>, args: Rest<Value<'js>>| -> Result<Value<'js>> {
            let r = call(&ctx, &args.0)?;
            Ok(engine::bigint(&ctx, r as i64))
        },
    )?;
    def(
        obj,
        "addressOf",
        |ctx: Ctx<'js>, v: Value<'js>| -> Result<f64> {
            bytes_of(&ctx, &v)
                .map(|(p, _)| p as usize as f64)
                .ok_or_else(|| {
                    Exception::throw_type(&ctx, "addressOf needs an ArrayBuffer or a view")
                })
        },
    )?;
    def(
        obj,
        "addressOf64",
        |ctx: Ctx<'js>, v: Value<'js>| -> Result<Value<'js>> {
            match bytes_of(&ctx, &v) {
                Some((p, _)) => Ok(engine::bigint(&ctx, p as i64)),
                None => Err(Exception::throw_type(
                    &ctx,
                    "addressOf64 needs an ArrayBuffer or a view",
                )),
            }
        },
    )?;
    // view(address, length): an ArrayBuffer over memory the caller got from mmap & co.
    def(
        obj,
        "view",
        |ctx: Ctx<'js>, addr: Value<'js>, len: f64| -> Result<Value<'js>> {
            let a = if let Some(b) = addr.as_big_int() {
                b.clone().to_i64()? as usize
            } else {
                addr.as_number().unwrap_or(0.0) as usize
            };
            if a == 0 || len < 0.0 {
                return Err(Exception::throw_range(
                    &ctx,
                    "view needs a non-null address and a length >= 0",
                ));
            }
            // SAFETY: as for `syscall`: the JS caller vouches that the range is mapped memory
            // that outlives the buffer; the runtime never frees it.
            unsafe { engine::external_array_buffer(&ctx, a, len as usize) }
        },
    )?;
    let nr = Object::new(obj.ctx().clone())?;
    for (name, n) in unode_sys::nr::ALL {
        nr.set(*name, *n as u32)?;
    }
    obj.set("nr", nr)?;
    Ok(())
}
