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
    Ok(())
}
