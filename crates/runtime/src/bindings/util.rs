//! Engine facts util.inspect cannot learn from JS (Node's `internalBinding('util')`).

use super::def;
use rquickjs::{qjs, Array, Ctx, Object, Result, Value};

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    // getPromiseState(p) → [state, result]: 0 pending, 1 fulfilled, 2 rejected; undefined
    // for a non-promise.
    def(
        obj,
        "getPromiseState",
        |ctx: Ctx<'js>, p: Value<'js>| -> Result<Option<Array<'js>>> {
            let raw = ctx.as_raw().as_ptr();
            // SAFETY: both calls only read the value; JS_PromiseResult returns an owned value.
            let (state, result) = unsafe {
                let state = qjs::JS_PromiseState(raw, p.as_raw());
                if state < 0 {
                    return Ok(None);
                }
                (
                    state,
                    Value::from_raw(ctx.clone(), qjs::JS_PromiseResult(raw, p.as_raw())),
                )
            };
            let out = Array::new(ctx)?;
            out.set(0, state)?;
            out.set(1, result)?;
            Ok(Some(out))
        },
    )?;
    // getProxyDetails(v, withHandler) → undefined for a non-proxy, null for a revoked one,
    // else its target (or [target, handler]): inspect looks through a proxy without
    // running its traps.
    def(
        obj,
        "getProxyDetails",
        |ctx: Ctx<'js>, v: Value<'js>, with_handler: bool| -> Result<Value<'js>> {
            let raw = ctx.as_raw().as_ptr();
            // SAFETY: JS_IsProxy only reads the tag and class of the value.
            if !unsafe { qjs::JS_IsProxy(v.as_raw()) } {
                return Ok(Value::new_undefined(ctx));
            }
            // SAFETY: v is a proxy; each call returns an owned value or an exception
            // (a revoked proxy), whose pending error is taken and dropped here.
            let field = |get: unsafe extern "C" fn(
                *mut qjs::JSContext,
                qjs::JSValue,
            ) -> qjs::JSValue| unsafe {
                let out = get(raw, v.as_raw());
                if qjs::JS_IsException(out) {
                    drop(Value::from_raw(ctx.clone(), qjs::JS_GetException(raw)));
                    None
                } else {
                    Some(Value::from_raw(ctx.clone(), out))
                }
            };
            let (Some(target), Some(handler)) = (
                field(qjs::JS_GetProxyTarget),
                field(qjs::JS_GetProxyHandler),
            ) else {
                return Ok(Value::new_null(ctx));
            };
            if !with_handler {
                return Ok(target);
            }
            let pair = Array::new(ctx)?;
            pair.set(0, target)?;
            pair.set(1, handler)?;
            Ok(pair.into_value())
        },
    )?;
    // getOwnNonIndexProperties(obj, onlyEnumerable) → its own string and symbol keys that
    // are not array indices, in order: an 8M-element typed array's keys without making 8M
    // index strings (QuickJS lists indices as integer atoms, which are skipped unread).
    def(
        obj,
        "getOwnNonIndexProperties",
        |ctx: Ctx<'js>, o: Object<'js>, only_enumerable: bool| -> Result<Array<'js>> {
            let raw = ctx.as_raw().as_ptr();
            let mut flags = qjs::JS_GPN_STRING_MASK | qjs::JS_GPN_SYMBOL_MASK;
            if only_enumerable {
                flags |= qjs::JS_GPN_ENUM_ONLY;
            }
            let mut tab: *mut qjs::JSPropertyEnum = std::ptr::null_mut();
            let mut len: u32 = 0;
            // SAFETY: QuickJS fills tab with len entries it allocated, freed below.
            if unsafe {
                qjs::JS_GetOwnPropertyNames(raw, &mut tab, &mut len, o.as_raw(), flags as i32)
            } < 0
            {
                return Err(rquickjs::Error::Exception);
            }
            // SAFETY: tab holds len initialized entries until JS_FreePropertyEnum.
            let entries = unsafe { std::slice::from_raw_parts(tab, len as usize) };
            let out = Array::new(ctx.clone());
            let mut filled = Ok(());
            if let Ok(out) = &out {
                for entry in entries.iter().filter(|e| e.atom & ATOM_TAG_INT == 0) {
                    // SAFETY: the atom is live (tab holds it); the value comes back owned.
                    let key = unsafe {
                        Value::from_raw(ctx.clone(), qjs::JS_AtomToValue(raw, entry.atom))
                    };
                    // Indices past QuickJS's integer atoms are strings: still indices.
                    if key
                        .as_string()
                        .and_then(|s| s.to_string().ok())
                        .is_some_and(|s| is_array_index(&s))
                    {
                        continue;
                    }
                    if let Err(e) = out.set(out.len(), key) {
                        filled = Err(e);
                        break;
                    }
                }
            }
            // SAFETY: tab and len are what JS_GetOwnPropertyNames returned.
            unsafe { qjs::JS_FreePropertyEnum(raw, tab, len) };
            filled?;
            out
        },
    )?;
    Ok(())
}

/// QuickJS's tag for atoms that are integers (quickjs.c's JS_ATOM_TAG_INT).
const ATOM_TAG_INT: u32 = 1 << 31;

/// A canonical array index: digits without a leading zero, below 2^32 − 1.
fn is_array_index(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !s.starts_with('0'))
        && s.parse::<u64>().is_ok_and(|n| n < u32::MAX as u64)
}
