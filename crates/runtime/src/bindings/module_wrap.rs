//! ES modules: QuickJS asks our resolver and loader, which ask lib/internal/modules/esm.js.

use super::def;
use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::module::Declared;
use rquickjs::{qjs, Ctx, Error, Function, Module, Object, Persistent, Result, Value};
use std::cell::RefCell;
use std::ffi::CString;

thread_local! {
    /// (resolve(specifier, referrer) → id, load(id) → { source, url, filename, dirname }).
    static HOOKS: RefCell<Option<(Persistent<Function<'static>>, Persistent<Function<'static>>)>> =
        const { RefCell::new(None) };
}

fn hooks<'js>(ctx: &Ctx<'js>) -> Result<(Function<'js>, Function<'js>)> {
    let Some((r, l)) = HOOKS.with(|h| h.borrow().clone()) else {
        return Err(Error::new_loading("ES module hooks are not installed"));
    };
    Ok((r.restore(ctx)?, l.restore(ctx)?))
}

/// Drops the loader hooks (before their runtime goes: see bindings::release_js_values).
pub fn clear_hooks() {
    HOOKS.with(|h| h.borrow_mut().take());
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    def(
        obj,
        "setHooks",
        |ctx: Ctx<'js>, resolve: Function<'js>, load: Function<'js>| {
            let saved = (
                Persistent::save(&ctx, resolve),
                Persistent::save(&ctx, load),
            );
            HOOKS.with(|h| *h.borrow_mut() = Some(saved));
        },
    )?;
    // importModule(specifier, referrer) → Promise of the namespace, like `import()`.
    def(
        obj,
        "importModule",
        |ctx: Ctx<'js>, specifier: String, referrer: String| -> Result<Value<'js>> {
            let spec = CString::new(specifier)
                .map_err(|_| Error::new_loading("specifier has a NUL byte"))?;
            let base = CString::new(referrer)
                .map_err(|_| Error::new_loading("referrer has a NUL byte"))?;
            // SAFETY: both strings are NUL-terminated; JS_LoadModule returns an owned promise
            // or an exception value.
            unsafe {
                let v = qjs::JS_LoadModule(ctx.as_raw().as_ptr(), base.as_ptr(), spec.as_ptr());
                if qjs::JS_IsException(v) {
                    return Err(Error::Exception);
                }
                Ok(Value::from_raw(ctx.clone(), v))
            }
        },
    )?;
    Ok(())
}

pub struct EsmResolver;

impl Resolver for EsmResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        _attrs: Option<ImportAttributes<'js>>,
    ) -> Result<String> {
        let (resolve, _) = hooks(ctx)?;
        resolve.call((name, base))
    }
}

pub struct EsmLoader;

impl Loader for EsmLoader {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        _attrs: Option<ImportAttributes<'js>>,
    ) -> Result<Module<'js, Declared>> {
        let (_, load) = hooks(ctx)?;
        let rec: Object = load.call((name,))?;
        let source: String = rec.get("source")?;
        let module = Module::declare(ctx.clone(), name, source)?;
        let meta = module.meta()?;
        for key in ["url", "filename", "dirname"] {
            let v: Value = rec.get(key)?;
            if !v.is_undefined() {
                meta.set(key, v)?;
            }
        }
        if let Ok(resolve) = rec.get::<_, Function>("resolve") {
            meta.set("resolve", resolve)?;
        }
        Ok(module)
    }
}
