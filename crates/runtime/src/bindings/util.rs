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
    Ok(())
}
