//! WebAssembly's native half (lib/internal/webassembly.js): modules compiled and run by
//! wasmi, an interpreter, in one store per thread. JS holds modules and externals
//! (functions, memories, tables, globals) by index. A function a module imports from JS is
//! called through the JS side's list of host functions, which every call into wasm lends
//! for its duration: no JS value is kept here beyond the call that passed it.

use crate::engine::{bigint, copy_bytes, external_array_buffer};
use rquickjs::{qjs, Array, Ctx, Exception, Function, IntoJs, Result, Value};
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use wasmi::{
    AsContextMut, Caller, Engine, Extern, ExternType, Func, FuncType, Global, Linker, Memory,
    MemoryType, Module, Mutability, Nullable, Ref, RefType, Store, StoreContextMut, Table,
    TableType, Val, ValType, F32, F64,
};

/// What JS refers to by index.
#[derive(Default)]
struct Handles {
    modules: Vec<(Module, Layout)>,
    externs: Vec<Extern>,
    /// Per memory (by extern index): its bytes' address and length when JS last saw them,
    /// and how many times they have moved or grown since (the JS side detaches a buffer
    /// whose generation is past).
    memories: Vec<(usize, usize, usize, u32)>,
    /// Index by external, keyed by the handle's Debug form (store and index within it):
    /// wasmi's handles do not compare.
    by_key: std::collections::HashMap<String, u32>,
}

/// What wasmi does not keep of a module's bytes: its exports' order (wasmi lists them by
/// name) and its custom sections.
#[derive(Default, Clone)]
struct Layout {
    export_order: Vec<String>,
    custom: Vec<(String, Vec<u8>)>,
}

/// A LEB128 unsigned integer at `*at`, moved past.
fn leb(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut value = 0usize;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        value |= ((b & 0x7f) as usize) << shift;
        if b & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// A name (a length, then UTF-8) at `*at`, moved past.
fn name_at(bytes: &[u8], at: &mut usize) -> Option<String> {
    let len = leb(bytes, at)?;
    let s = bytes.get(*at..*at + len)?;
    *at += len;
    Some(String::from_utf8_lossy(s).into_owned())
}

/// The layout of a module that compiled (so its sections are well formed; a short read
/// just ends the walk).
fn layout_of(bytes: &[u8]) -> Layout {
    let mut layout = Layout::default();
    let mut at = 8;
    while at < bytes.len() {
        let id = bytes[at];
        at += 1;
        let Some(size) = leb(bytes, &mut at) else {
            break;
        };
        let end = at + size;
        let Some(content) = bytes.get(at..end) else {
            break;
        };
        let mut p = 0;
        match id {
            0 => {
                if let Some(name) = name_at(content, &mut p) {
                    layout.custom.push((name, content[p..].to_vec()));
                }
            }
            7 => {
                let count = leb(content, &mut p).unwrap_or(0);
                for _ in 0..count {
                    let Some(name) = name_at(content, &mut p) else {
                        break;
                    };
                    p += 1;
                    if leb(content, &mut p).is_none() {
                        break;
                    }
                    layout.export_order.push(name);
                }
            }
            _ => {}
        }
        at = end;
    }
    layout
}

thread_local! {
    static ENGINE: Engine = Engine::default();
    static STORE: RefCell<Option<Store<()>>> = const { RefCell::new(None) };
    static HANDLES: RefCell<Handles> = RefCell::new(Handles::default());
    /// The host functions' callers now on this thread's stack, innermost last (see
    /// with_store), as type-erased pointers to `Caller<'_, ()>`.
    static CALLERS: RefCell<Vec<*mut ()>> = const { RefCell::new(Vec::new()) };
    /// The context and the JS list of host functions lent by the innermost call into wasm.
    static LENT: Cell<(*mut qjs::JSContext, Option<qjs::JSValue>)> =
        const { Cell::new((std::ptr::null_mut(), None)) };
    /// A JS exception thrown by a host function, carried through wasm's unwinding to be
    /// rethrown where wasm was entered (an owned value).
    static PENDING: Cell<Option<qjs::JSValue>> = const { Cell::new(None) };
}

/// Runs `f` with the thread's store: the store itself, or, while wasm is running (it holds
/// the store), the context of the host function that called back into JS.
fn with_store<R>(f: impl FnOnce(StoreContextMut<'_, ()>) -> R) -> R {
    STORE.with(|cell| {
        if let Ok(mut guard) = cell.try_borrow_mut() {
            let store = guard.get_or_insert_with(|| ENGINE.with(|e| Store::new(e, ())));
            return f(store.as_context_mut());
        }
        let top = CALLERS.with(|c| c.borrow().last().copied());
        let top = top.expect("the wasm store is held only while wasm runs");
        // SAFETY: the store is borrowed only by a call into wasm further up this thread's
        // stack, so a host function of that call is running: `top` is its Caller, live in
        // its frame (host_call pushes it for exactly that frame's duration), and nothing
        // else uses it until this nested use returns.
        let caller = unsafe { &mut *(top as *mut Caller<'static, ()>) };
        f(caller.as_context_mut())
    })
}

fn extern_at(ctx: &Ctx<'_>, id: u32) -> Result<Extern> {
    HANDLES
        .with(|h| h.borrow().externs.get(id as usize).copied())
        .ok_or_else(|| Exception::throw_type(ctx, "not a WebAssembly object of this thread"))
}

/// The index of `ext`, added if new (a function read from a table twice keeps its index,
/// so JS sees the same function object).
fn extern_index(ext: Extern) -> u32 {
    let key = format!("{ext:?}");
    HANDLES.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(id) = h.by_key.get(&key) {
            return *id;
        }
        h.externs.push(ext);
        let id = h.externs.len() - 1;
        if let Extern::Memory(_) = ext {
            h.memories.push((id, 0, 0, 0));
        }
        h.by_key.insert(key, id as u32);
        id as u32
    })
}

fn memory_at(ctx: &Ctx<'_>, id: u32) -> Result<Memory> {
    match extern_at(ctx, id)? {
        Extern::Memory(m) => Ok(m),
        _ => Err(Exception::throw_type(ctx, "not a WebAssembly.Memory")),
    }
}

fn table_at(ctx: &Ctx<'_>, id: u32) -> Result<Table> {
    match extern_at(ctx, id)? {
        Extern::Table(t) => Ok(t),
        _ => Err(Exception::throw_type(ctx, "not a WebAssembly.Table")),
    }
}

fn global_at(ctx: &Ctx<'_>, id: u32) -> Result<Global> {
    match extern_at(ctx, id)? {
        Extern::Global(g) => Ok(g),
        _ => Err(Exception::throw_type(ctx, "not a WebAssembly.Global")),
    }
}

fn func_at(ctx: &Ctx<'_>, id: u32) -> Result<Func> {
    match extern_at(ctx, id)? {
        Extern::Func(f) => Ok(f),
        _ => Err(Exception::throw_type(ctx, "not a WebAssembly function")),
    }
}

/// Where a memory's bytes are now, and how many.
fn memory_bytes(m: Memory) -> (usize, usize) {
    with_store(|mut s| {
        let data = m.data_mut(&mut s);
        (data.as_mut_ptr() as usize, data.len())
    })
}

fn kind_of(ty: &ExternType) -> &'static str {
    match ty {
        ExternType::Func(_) => "function",
        ExternType::Table(_) => "table",
        ExternType::Memory(_) => "memory",
        ExternType::Global(_) => "global",
    }
}

fn type_name(ty: ValType) -> &'static str {
    match ty {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::V128 => "v128",
        ValType::FuncRef => "anyfunc",
        ValType::ExternRef => "externref",
    }
}

/// A JS value as a wasm value of type `ty` (ToWebAssemblyValue).
fn to_wasm<'js>(ctx: &Ctx<'js>, v: &Value<'js>, ty: ValType) -> Result<Val> {
    Ok(match ty {
        ValType::I32 => Val::I32(number(ctx, v)? as i64 as i32),
        ValType::I64 => {
            let Some(b) = v.as_big_int() else {
                return Err(Exception::throw_type(ctx, "Cannot convert to BigInt"));
            };
            Val::I64(b.clone().to_i64()?)
        }
        ValType::F32 => Val::F32(F32::from_float(number(ctx, v)? as f32)),
        ValType::F64 => Val::F64(F64::from_float(number(ctx, v)?)),
        ValType::FuncRef if v.is_null() => Val::FuncRef(Nullable::Null),
        ValType::FuncRef => match v.as_number() {
            Some(id) => Val::FuncRef(Nullable::Val(func_at(ctx, id as u32)?)),
            None => return Err(Exception::throw_type(ctx, "not a WebAssembly function")),
        },
        _ => {
            return Err(Exception::throw_type(
                ctx,
                &format!("{} values cannot cross to JS here", type_name(ty)),
            ))
        }
    })
}

fn number<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<f64> {
    match v.as_number() {
        Some(n) => Ok(n),
        None if v.is_undefined() => Ok(f64::NAN),
        None => {
            let coerced: rquickjs::convert::Coerced<f64> =
                rquickjs::FromJs::from_js(ctx, v.clone())?;
            Ok(coerced.0)
        }
    }
}

/// A wasm value for JS (ToJSValue): a funcref as its function's index (the JS side wraps it).
fn to_js<'js>(ctx: &Ctx<'js>, v: &Val) -> Result<Value<'js>> {
    Ok(match v {
        Val::I32(n) => Value::new_int(ctx.clone(), *n),
        Val::I64(n) => bigint(ctx, *n),
        Val::F32(f) => Value::new_float(ctx.clone(), f.to_float() as f64),
        Val::F64(f) => Value::new_float(ctx.clone(), f.to_float()),
        Val::FuncRef(Nullable::Val(f)) => {
            Value::new_int(ctx.clone(), extern_index(Extern::Func(*f)) as i32)
        }
        Val::FuncRef(Nullable::Null) | Val::ExternRef(Nullable::Null) => {
            Value::new_null(ctx.clone())
        }
        _ => {
            return Err(Exception::throw_type(
                ctx,
                "this wasm value cannot cross to JS",
            ))
        }
    })
}

fn zero(ty: ValType) -> Val {
    match ty {
        ValType::I32 => Val::I32(0),
        ValType::I64 => Val::I64(0),
        ValType::F32 => Val::F32(F32::from_float(0.0)),
        ValType::F64 => Val::F64(F64::from_float(0.0)),
        ValType::FuncRef => Val::FuncRef(Nullable::Null),
        ValType::ExternRef => Val::ExternRef(Nullable::Null),
        ValType::V128 => Val::default_for_ty(ValType::V128),
    }
}

/// Lends `fns` (the JS host functions) to host calls while `f` runs wasm; a JS exception a
/// host function threw comes back out as itself.
fn entering<'js, R>(
    ctx: &Ctx<'js>,
    fns: &Value<'js>,
    f: impl FnOnce() -> std::result::Result<R, wasmi::Error>,
) -> Result<std::result::Result<R, wasmi::Error>> {
    let saved = LENT.with(|l| l.replace((ctx.as_raw().as_ptr(), Some(fns.as_raw()))));
    let out = f();
    LENT.with(|l| l.set(saved));
    match out {
        Ok(r) => Ok(Ok(r)),
        Err(e) => {
            if let Some(thrown) = PENDING.with(|p| p.take()) {
                // SAFETY: `thrown` is an owned value of this context (host_call dup'd it).
                let thrown = unsafe { Value::from_raw(ctx.clone(), thrown) };
                return Err(ctx.throw(thrown));
            }
            Ok(Err(e))
        }
    }
}

/// A host function: calls the JS function at `index` of the lent list.
fn host_call(
    index: u32,
    ty: &FuncType,
    mut caller: Caller<'_, ()>,
    params: &[Val],
    results: &mut [Val],
) -> std::result::Result<(), wasmi::Error> {
    let (raw_ctx, fns) = LENT.with(|l| l.get());
    let (Some(raw_ctx), Some(fns)) = (NonNull::new(raw_ctx), fns) else {
        return Err(wasmi::Error::new(
            "a JS import was called outside a call from JS",
        ));
    };
    CALLERS.with(|c| {
        c.borrow_mut()
            .push(&mut caller as *mut Caller<'_, ()> as *mut ())
    });
    // SAFETY: the context is the live one that entered wasm (LENT is set only for the
    // duration of that call), and `fns` is the list it lent, alive for the same duration.
    let ctx = unsafe { Ctx::from_raw(raw_ctx) };
    let fns = unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx.as_ptr(), fns)) };
    let outcome = (|| -> Result<()> {
        let list: Array = fns.get()?;
        let func: Function = list.get(index as usize)?;
        let args = params
            .iter()
            .map(|p| to_js(&ctx, p))
            .collect::<Result<Vec<_>>>()?;
        let ret: Value = func.call((rquickjs::function::Rest(args),))?;
        match results.len() {
            0 => {}
            1 => results[0] = to_wasm(&ctx, &ret, ty.results()[0])?,
            n => {
                let values: Array = ret.get()?;
                for (i, slot) in results.iter_mut().enumerate().take(n) {
                    *slot = to_wasm(&ctx, &values.get(i)?, ty.results()[i])?;
                }
            }
        }
        Ok(())
    })();
    CALLERS.with(|c| c.borrow_mut().pop());
    match outcome {
        Ok(()) => Ok(()),
        Err(_) => {
            let thrown = ctx.catch();
            // SAFETY: JS_DupValue gives PENDING its own reference, released where it is
            // rethrown (entering).
            let owned = unsafe { qjs::JS_DupValue(raw_ctx.as_ptr(), thrown.as_raw()) };
            if let Some(old) = PENDING.with(|p| p.replace(Some(owned))) {
                // SAFETY: an older pending value nobody rethrew is ours to free.
                unsafe { qjs::JS_FreeValue(raw_ctx.as_ptr(), old) };
            }
            Err(wasmi::Error::new("JS exception"))
        }
    }
}

pub fn init<'js>(obj: &rquickjs::Object<'js>) -> Result<()> {
    use super::def;
    def(
        obj,
        "validate",
        |ctx: Ctx<'js>, bytes: Value<'js>| -> Result<bool> {
            let wasm = wasm_bytes(&ctx, &bytes)?;
            Ok(ENGINE.with(|e| Module::validate(e, &wasm).is_ok()))
        },
    )?;
    // compile(bytes) → the module's index, or the CompileError's message.
    def(
        obj,
        "compile",
        |ctx: Ctx<'js>, bytes: Value<'js>| -> Result<Value<'js>> {
            let wasm = wasm_bytes(&ctx, &bytes)?;
            match ENGINE.with(|e| Module::new(e, &wasm)) {
                Ok(m) => {
                    let layout = layout_of(&wasm);
                    let id = HANDLES.with(|h| {
                        let mut h = h.borrow_mut();
                        h.modules.push((m, layout));
                        h.modules.len() - 1
                    });
                    Ok(Value::new_int(ctx, id as i32))
                }
                Err(e) => e.to_string().into_js(&ctx),
            }
        },
    )?;
    // imports(module) → [[module, name, kind], ...]; exports(module) → [[name, kind], ...].
    def(
        obj,
        "imports",
        |ctx: Ctx<'js>, id: u32| -> Result<Vec<Vec<String>>> {
            let (m, _) = module_at(&ctx, id)?;
            Ok(m.imports()
                .map(|i| {
                    vec![
                        i.module().to_owned(),
                        i.name().to_owned(),
                        kind_of(i.ty()).to_owned(),
                    ]
                })
                .collect())
        },
    )?;
    def(
        obj,
        "exports",
        |ctx: Ctx<'js>, id: u32| -> Result<Vec<Vec<String>>> {
            let (m, layout) = module_at(&ctx, id)?;
            let mut rows: Vec<Vec<String>> = m
                .exports()
                .map(|e| vec![e.name().to_owned(), kind_of(e.ty()).to_owned()])
                .collect();
            rows.sort_by_key(|r| layout.export_order.iter().position(|n| *n == r[0]));
            Ok(rows)
        },
    )?;
    // customSections(module, name) → the contents of the custom sections of that name.
    def(
        obj,
        "customSections",
        |ctx: Ctx<'js>, id: u32, name: String| -> Result<Vec<Value<'js>>> {
            let (_, layout) = module_at(&ctx, id)?;
            layout
                .custom
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, bytes)| {
                    rquickjs::ArrayBuffer::new(ctx.clone(), bytes.clone()).map(|b| b.into_value())
                })
                .collect()
        },
    )?;
    // instantiate(module, imports, fns) → [[name, kind, index], ...], or "LinkError: ..." /
    // "RuntimeError: ..." (the start function trapped). An import is an external's index,
    // or -(k + 1) for the JS function fns[k].
    def(
        obj,
        "instantiate",
        |ctx: Ctx<'js>, id: u32, imports: Vec<f64>, fns: Value<'js>| -> Result<Value<'js>> {
            let (module, layout) = module_at(&ctx, id)?;
            let wanted: Vec<_> = module
                .imports()
                .map(|i| (i.module().to_owned(), i.name().to_owned(), i.ty().clone()))
                .collect();
            if wanted.len() != imports.len() {
                return Err(Exception::throw_type(
                    &ctx,
                    "imports do not match the module",
                ));
            }
            let mut externs = Vec::with_capacity(imports.len());
            for (given, (_, _, ty)) in imports.iter().zip(&wanted) {
                if *given < 0.0 {
                    let ExternType::Func(fty) = ty else {
                        return Err(Exception::throw_type(
                            &ctx,
                            "a function given for a non-function import",
                        ));
                    };
                    let index = (-*given - 1.0) as u32;
                    let fty2 = fty.clone();
                    let f = with_store(|mut s| {
                        Func::new(&mut s, fty.clone(), move |caller, params, results| {
                            host_call(index, &fty2, caller, params, results)
                        })
                    });
                    externs.push(Extern::Func(f));
                } else {
                    externs.push(extern_at(&ctx, *given as u32)?);
                }
            }
            let engine = module.engine().clone();
            let out = entering(&ctx, &fns, || {
                with_store(|mut s| {
                    let mut linker = Linker::<()>::new(&engine);
                    linker.allow_shadowing(true);
                    for ((m, n, _), ext) in wanted.iter().zip(&externs) {
                        linker.define(m, n, *ext)?;
                    }
                    let instance = linker.instantiate_and_start(&mut s, &module)?;
                    let mut exports: Vec<_> = instance
                        .exports(&s)
                        .map(|e| (e.name().to_owned(), e.into_extern()))
                        .collect();
                    exports.sort_by_key(|(n, _)| layout.export_order.iter().position(|o| o == n));
                    Ok(exports)
                })
            })?;
            match out {
                Ok(exports) => {
                    let rows = Array::new(ctx.clone())?;
                    for (i, (name, ext)) in exports.into_iter().enumerate() {
                        let kind = match ext {
                            Extern::Func(_) => "function",
                            Extern::Table(_) => "table",
                            Extern::Memory(_) => "memory",
                            Extern::Global(_) => "global",
                        };
                        let row = Array::new(ctx.clone())?;
                        row.set(0, name)?;
                        row.set(1, kind)?;
                        row.set(2, extern_index(ext))?;
                        rows.set(i, row)?;
                    }
                    Ok(rows.into_value())
                }
                // A trap is the start function's; anything else is the imports'.
                Err(e) => {
                    let kind = if e.as_trap_code().is_some() {
                        "RuntimeError"
                    } else {
                        "LinkError"
                    };
                    format!("{kind}: {e}").into_js(&ctx)
                }
            }
        },
    )?;
    // call(func, args, fns) → [result] (undefined, a value, or an array of them), or the
    // RuntimeError's message.
    def(
        obj,
        "call",
        |ctx: Ctx<'js>, id: u32, args: Array<'js>, fns: Value<'js>| -> Result<Value<'js>> {
            let func = func_at(&ctx, id)?;
            let ty = with_store(|s| func.ty(&s));
            let mut params = Vec::with_capacity(ty.params().len());
            for (i, t) in ty.params().iter().enumerate() {
                params.push(to_wasm(&ctx, &args.get(i)?, *t)?);
            }
            let mut results: Vec<Val> = ty.results().iter().map(|t| zero(*t)).collect();
            let out = entering(&ctx, &fns, || {
                with_store(|mut s| func.call(&mut s, &params, &mut results))
            })?;
            let wrapped = Array::new(ctx.clone())?;
            match out {
                Ok(()) => {
                    let value = match results.len() {
                        0 => Value::new_undefined(ctx.clone()),
                        1 => to_js(&ctx, &results[0])?,
                        _ => {
                            let list = Array::new(ctx.clone())?;
                            for (i, r) in results.iter().enumerate() {
                                list.set(i, to_js(&ctx, r)?)?;
                            }
                            list.into_value()
                        }
                    };
                    wrapped.set(0, value)?;
                    Ok(wrapped.into_value())
                }
                Err(e) => e.to_string().into_js(&ctx),
            }
        },
    )?;
    def(obj, "arity", |ctx: Ctx<'js>, id: u32| -> Result<u32> {
        match extern_at(&ctx, id)? {
            Extern::Func(f) => Ok(with_store(|s| f.ty(&s).params().len() as u32)),
            _ => Ok(0),
        }
    })?;
    def(
        obj,
        "memoryNew",
        |ctx: Ctx<'js>, initial: u32, maximum: Option<u32>| -> Result<Value<'js>> {
            match with_store(|mut s| Memory::new(&mut s, MemoryType::new(initial, maximum))) {
                Ok(m) => Ok(Value::new_int(ctx, extern_index(Extern::Memory(m)) as i32)),
                Err(e) => format!("RangeError: {e}").into_js(&ctx),
            }
        },
    )?;
    // The generation of a memory's bytes: it changes when they move or grow, and then the
    // buffer JS holds must be detached and a new one made.
    def(
        obj,
        "memoryGeneration",
        |ctx: Ctx<'js>, id: u32| -> Result<u32> {
            let m = memory_at(&ctx, id)?;
            let (ptr, len) = memory_bytes(m);
            Ok(HANDLES.with(|h| {
                let mut h = h.borrow_mut();
                let entry = h.memories.iter_mut().find(|e| e.0 == id as usize);
                match entry {
                    Some(e) => {
                        if e.1 != ptr || e.2 != len {
                            e.1 = ptr;
                            e.2 = len;
                            e.3 += 1;
                        }
                        e.3
                    }
                    None => 0,
                }
            }))
        },
    )?;
    def(
        obj,
        "memoryBuffer",
        |ctx: Ctx<'js>, id: u32| -> Result<Value<'js>> {
            let m = memory_at(&ctx, id)?;
            let (ptr, len) = memory_bytes(m);
            // SAFETY: the bytes belong to the thread's store, which outlives the runtime's JS
            // values; the JS side detaches this buffer whenever they move or grow (see
            // memoryGeneration), before any JS can read it again.
            unsafe { external_array_buffer(&ctx, ptr, len) }
        },
    )?;
    def(obj, "detach", |ctx: Ctx<'js>, buffer: Value<'js>| {
        // SAFETY: detaching an ArrayBuffer of this context; a buffer over wasm memory has no
        // free function, so its bytes are left to the store.
        unsafe { qjs::JS_DetachArrayBuffer(ctx.as_raw().as_ptr(), buffer.as_raw()) };
    })?;
    def(
        obj,
        "memoryGrow",
        |ctx: Ctx<'js>, id: u32, delta: u32| -> Result<f64> {
            let m = memory_at(&ctx, id)?;
            Ok(with_store(|mut s| m.grow(&mut s, delta as u64)).map_or(-1.0, |old| old as f64))
        },
    )?;
    def(
        obj,
        "globalNew",
        |ctx: Ctx<'js>, ty: String, mutable: bool, value: Value<'js>| -> Result<u32> {
            let ty = match ty.as_str() {
                "i32" => ValType::I32,
                "i64" => ValType::I64,
                "f32" => ValType::F32,
                "f64" => ValType::F64,
                "anyfunc" => ValType::FuncRef,
                _ => return Err(Exception::throw_type(
                    &ctx,
                    "WebAssembly.Global(): Descriptor property 'value' must be a WebAssembly type",
                )),
            };
            let v = if value.is_undefined() {
                zero(ty)
            } else {
                to_wasm(&ctx, &value, ty)?
            };
            let mutability = if mutable {
                Mutability::Var
            } else {
                Mutability::Const
            };
            let g = with_store(|mut s| Global::new(&mut s, v, mutability));
            Ok(extern_index(Extern::Global(g)))
        },
    )?;
    // globalInfo(global) → [type, mutable].
    def(
        obj,
        "globalInfo",
        |ctx: Ctx<'js>, id: u32| -> Result<Array<'js>> {
            let g = global_at(&ctx, id)?;
            let ty = with_store(|s| g.ty(&s));
            let info = Array::new(ctx.clone())?;
            info.set(0, type_name(ty.content()))?;
            info.set(1, ty.mutability() == Mutability::Var)?;
            Ok(info)
        },
    )?;
    def(
        obj,
        "globalGet",
        |ctx: Ctx<'js>, id: u32| -> Result<Value<'js>> {
            let g = global_at(&ctx, id)?;
            to_js(&ctx, &with_store(|s| g.get(&s)))
        },
    )?;
    def(
        obj,
        "globalSet",
        |ctx: Ctx<'js>, id: u32, value: Value<'js>| -> Result<()> {
            let g = global_at(&ctx, id)?;
            let ty = with_store(|s| g.ty(&s));
            let v = to_wasm(&ctx, &value, ty.content())?;
            with_store(|mut s| g.set(&mut s, v)).map_err(|_| {
                Exception::throw_type(&ctx, "Can't set the value of an immutable global.")
            })
        },
    )?;
    def(
        obj,
        "tableNew",
        |ctx: Ctx<'js>, initial: u32, maximum: Option<u32>| -> Result<Value<'js>> {
            let ty = TableType::new(RefType::Func, initial, maximum);
            match with_store(|mut s| Table::new(&mut s, ty, Ref::Func(Nullable::Null))) {
                Ok(t) => Ok(Value::new_int(ctx, extern_index(Extern::Table(t)) as i32)),
                Err(e) => format!("RangeError: {e}").into_js(&ctx),
            }
        },
    )?;
    def(
        obj,
        "tableLength",
        |ctx: Ctx<'js>, id: u32| -> Result<f64> {
            let t = table_at(&ctx, id)?;
            Ok(with_store(|s| t.size(&s)) as f64)
        },
    )?;
    // tableGet(table, i) → a function's index, null, or undefined past the end.
    def(
        obj,
        "tableGet",
        |ctx: Ctx<'js>, id: u32, index: u32| -> Result<Value<'js>> {
            let t = table_at(&ctx, id)?;
            match with_store(|s| t.get(&s, index as u64)) {
                Some(Ref::Func(Nullable::Val(f))) => {
                    Ok(Value::new_int(ctx, extern_index(Extern::Func(f)) as i32))
                }
                Some(_) => Ok(Value::new_null(ctx)),
                None => Ok(Value::new_undefined(ctx)),
            }
        },
    )?;
    def(
        obj,
        "tableSet",
        |ctx: Ctx<'js>, id: u32, index: u32, func: Option<u32>| -> Result<bool> {
            let t = table_at(&ctx, id)?;
            let value = match func {
                Some(f) => Ref::Func(Nullable::Val(func_at(&ctx, f)?)),
                None => Ref::Func(Nullable::Null),
            };
            Ok(with_store(|mut s| t.set(&mut s, index as u64, value)).is_ok())
        },
    )?;
    def(
        obj,
        "tableGrow",
        |ctx: Ctx<'js>, id: u32, delta: u32| -> Result<f64> {
            let t = table_at(&ctx, id)?;
            Ok(
                with_store(|mut s| t.grow(&mut s, delta as u64, Ref::Func(Nullable::Null)))
                    .map_or(-1.0, |old| old as f64),
            )
        },
    )?;
    Ok(())
}

fn module_at(ctx: &Ctx<'_>, id: u32) -> Result<(Module, Layout)> {
    HANDLES
        .with(|h| h.borrow().modules.get(id as usize).cloned())
        .ok_or_else(|| Exception::throw_type(ctx, "not a WebAssembly.Module of this thread"))
}

/// The bytes of a BufferSource, copied (the module keeps what it needs).
fn wasm_bytes<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Vec<u8>> {
    copy_bytes(ctx, v).ok_or_else(|| {
        Exception::throw_type(
            ctx,
            "WebAssembly.Module(): Argument 0 must be a buffer source",
        )
    })
}
