//! QuickJS plumbing the high-level rquickjs API does not cover: embedded bytecode, sloppy
//! function compilation, raw memory as ArrayBuffers, byte views of JS values.

use rquickjs::{qjs, Ctx, Error, Function, Result, Value};
use std::ffi::CString;

include!(concat!(env!("OUT_DIR"), "/builtins.rs"));

/// Whether `id` names an embedded built-in (`"fs"`, `"internal/errors"` …).
pub fn has_builtin(id: &str) -> bool {
    BUILTINS.binary_search_by(|(k, ..)| (*k).cmp(id)).is_ok()
}

/// Ids of every embedded module.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|(k, ..)| *k)
}

/// Loads built-in `id` from its bytecode and returns its wrapper function.
pub fn load_builtin<'js>(ctx: &Ctx<'js>, id: &str) -> Result<Function<'js>> {
    let Ok(i) = BUILTINS.binary_search_by(|(k, ..)| (*k).cmp(id)) else {
        return Err(Error::new_loading(id));
    };
    let (_, offset, len) = BUILTINS[i];
    let bytes = &BYTECODE[offset..offset + len];
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: the bytes were written by JS_WriteObject of the same QuickJS version at build
    // time (build.rs); JS_ReadObject validates the format, JS_EvalFunction consumes `obj`.
    let value = unsafe {
        let obj = qjs::JS_ReadObject(
            raw,
            bytes.as_ptr(),
            bytes.len() as _,
            qjs::JS_READ_OBJ_BYTECODE as i32,
        );
        if qjs::JS_IsException(obj) {
            return Err(Error::Exception);
        }
        let v = qjs::JS_EvalFunction(raw, obj);
        if qjs::JS_IsException(v) {
            return Err(Error::Exception);
        }
        Value::from_raw(ctx.clone(), v)
    };
    Function::from_value(value)
}

/// An array of `values`, made in one step: QuickJS sizes it once and takes the values,
/// where setting elements one by one grows it and looks each index up.
pub fn array_from<'js>(ctx: &Ctx<'js>, values: Vec<Value<'js>>) -> Result<rquickjs::Array<'js>> {
    let raw: Vec<qjs::JSValue> = values
        .into_iter()
        .map(|v| {
            let r = v.as_raw();
            // The array takes this reference: JS_NewArrayFrom owns its values.
            std::mem::forget(v);
            r
        })
        .collect();
    // SAFETY: `raw` holds `raw.len()` live values whose references are handed over (their
    // Value wrappers were forgotten); JS_NewArrayFrom frees them itself if it fails.
    let array = unsafe {
        let v = qjs::JS_NewArrayFrom(ctx.as_raw().as_ptr(), raw.len() as _, raw.as_ptr());
        if qjs::JS_IsException(v) {
            return Err(Error::Exception);
        }
        Value::from_raw(ctx.clone(), v)
    };
    rquickjs::Array::from_value(array)
}

/// Calls `f` with each own enumerable string-keyed property of `obj` (Object.keys order),
/// the key borrowed as WTF-8 rather than copied, until `f` answers false; true when every
/// property was seen.
pub fn for_each_own_entry<'js>(
    ctx: &Ctx<'js>,
    obj: &rquickjs::Object<'js>,
    mut f: impl FnMut(&[u8], Value<'js>) -> Result<bool>,
) -> Result<bool> {
    let raw = ctx.as_raw().as_ptr();
    let mut tab: *mut qjs::JSPropertyEnum = std::ptr::null_mut();
    let mut len: u32 = 0;
    let flags = (qjs::JS_GPN_STRING_MASK | qjs::JS_GPN_ENUM_ONLY) as i32;
    // SAFETY: `obj` is a live object; on success `tab` holds `len` entries that are ours
    // to free with JS_FreePropertyEnum.
    if unsafe { qjs::JS_GetOwnPropertyNames(raw, &mut tab, &mut len, obj.as_raw(), flags) } < 0 {
        return Err(Error::Exception);
    }
    // SAFETY: see above; the entries stay valid until the JS_FreePropertyEnum below.
    let entries = unsafe { std::slice::from_raw_parts(tab, len as usize) };
    let mut result = Ok(true);
    for entry in entries {
        // SAFETY: the atom is held by `tab`; the property's value comes back owned (an
        // exception value holds nothing).
        let value = unsafe {
            let value = qjs::JS_GetProperty(raw, obj.as_raw(), entry.atom);
            if qjs::JS_IsException(value) {
                result = Err(Error::Exception);
                break;
            }
            Value::from_raw(ctx.clone(), value)
        };
        let mut key_len: qjs::size_t = 0;
        // SAFETY: as for JS_ToCStringLen2 in with_string_and_nul: the bytes stay valid
        // until the JS_FreeCString after `f`.
        let key = unsafe { qjs::JS_AtomToCStringLen(raw, &mut key_len, entry.atom) };
        if key.is_null() {
            result = Err(Error::Exception);
            break;
        }
        // SAFETY: see above.
        let seen = f(
            unsafe { std::slice::from_raw_parts(key as *const u8, key_len as usize) },
            value,
        );
        // SAFETY: `key` came from JS_AtomToCStringLen and is freed once.
        unsafe { qjs::JS_FreeCString(raw, key) };
        match seen {
            Ok(true) => {}
            other => {
                result = other;
                break;
            }
        }
    }
    // SAFETY: `tab` and `len` are JS_GetOwnPropertyNames's, freed once.
    unsafe { qjs::JS_FreePropertyEnum(raw, tab, len) };
    result
}

/// Compiles `source` as the body of a sloppy-mode function taking `params`, named after
/// `filename` in stack traces. The header sits on the body's first line so line numbers
/// match the file.
pub fn compile_function<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    filename: &str,
    params: &str,
) -> Result<Function<'js>> {
    let wrapped = format!("(function ({params}) {{{source}\n}})");
    eval_script(ctx, &wrapped, filename, false).and_then(Function::from_value)
}

/// Evaluates a classic script and returns its completion value.
pub fn eval_script<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    filename: &str,
    strict: bool,
) -> Result<Value<'js>> {
    let src = CString::new(source).map_err(|_| {
        Error::new_from_js_message("string", "script", "source contains a NUL byte")
    })?;
    let name = CString::new(filename).unwrap_or_else(|_| c"[eval]".to_owned());
    let mut flags = qjs::JS_EVAL_TYPE_GLOBAL as i32;
    if strict {
        flags |= qjs::JS_EVAL_FLAG_STRICT as i32;
    }
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: src is NUL-terminated as JS_Eval requires; the result is owned by the Value.
    unsafe {
        let v = qjs::JS_Eval(raw, src.as_ptr(), source.len() as _, name.as_ptr(), flags);
        if qjs::JS_IsException(v) {
            return Err(Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// A copy of the bytes behind an ArrayBuffer, typed array or DataView; None for anything else.
pub fn copy_bytes(ctx: &Ctx<'_>, value: &Value<'_>) -> Option<Vec<u8>> {
    match bytes_of(ctx, value)? {
        (_, 0) => Some(Vec::new()),
        // SAFETY: bytes_of gives the live bytes of `value`, which the caller holds; they are
        // copied before any JS runs again.
        (ptr, len) => Some(unsafe { std::slice::from_raw_parts(ptr, len) }.to_vec()),
    }
}

/// The address and length of the bytes behind an ArrayBuffer, typed array or DataView.
pub fn bytes_of(ctx: &Ctx<'_>, value: &Value<'_>) -> Option<(*mut u8, usize)> {
    let raw = ctx.as_raw().as_ptr();
    let v = value.as_raw();
    if !value.is_object() {
        return None;
    }
    // The kind is checked first: a getter called on the wrong kind throws, and making that
    // exception costs more than the whole native call it guards (Buffers come here on
    // every read, write and toString).
    // SAFETY: the class checks only read the value; the getters only read the object and
    // return null or an exception (cleared here) for a detached or out-of-bounds buffer.
    unsafe {
        let mut len: qjs::size_t = 0;
        if qjs::JS_GetTypedArrayType(v) >= 0 {
            let (mut off, mut blen, mut bpe): (qjs::size_t, qjs::size_t, qjs::size_t) = (0, 0, 0);
            let ab = qjs::JS_GetTypedArrayBuffer(raw, v, &mut off, &mut blen, &mut bpe);
            if qjs::JS_IsException(ab) {
                let _ = ctx.catch();
                return Some((core::ptr::NonNull::dangling().as_ptr(), 0));
            }
            let base = qjs::JS_GetArrayBuffer(raw, &mut len, ab);
            qjs::JS_FreeValue(raw, ab);
            if base.is_null() {
                let _ = ctx.catch();
                // A zero-length view over a detached or empty buffer.
                return Some((core::ptr::NonNull::dangling().as_ptr(), 0));
            }
            return Some((base.add(off as usize), blen as usize));
        }
        if qjs::JS_IsDataView(v) {
            return data_view_bytes(value);
        }
        // ArrayBuffer and SharedArrayBuffer; anything else throws here and is no buffer.
        let ptr = qjs::JS_GetArrayBuffer(raw, &mut len, v);
        if ptr.is_null() {
            let _ = ctx.catch();
            return qjs::JS_IsArrayBuffer(v).then(|| (core::ptr::NonNull::dangling().as_ptr(), 0));
        }
        Some((ptr, len as usize))
    }
}

/// The bytes of a DataView (QuickJS's typed-array getter does not cover DataViews).
fn data_view_bytes(value: &Value<'_>) -> Option<(*mut u8, usize)> {
    let ctx = value.ctx();
    let obj = value.as_object()?;
    let buffer: Value = obj.get("buffer").ok()?;
    let off: usize = obj.get("byteOffset").ok()?;
    let len: usize = obj.get("byteLength").ok()?;
    let (base, size) = bytes_of(ctx, &buffer)?;
    if off > size || len > size - off {
        return None;
    }
    // SAFETY: [off, off+len) lies inside the DataView's buffer (checked above).
    Some((unsafe { base.add(off) }, len))
}

/// An ArrayBuffer over memory the runtime does not own (`libsys` views of raw memory).
///
/// # Safety
/// `[addr, addr+len)` must stay mapped and valid while JS can reach the buffer.
pub unsafe fn external_array_buffer<'js>(
    ctx: &Ctx<'js>,
    addr: usize,
    len: usize,
) -> Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: no free function (the memory belongs to the caller, per this fn's contract);
    // max_len 0 makes it a fixed-size buffer.
    unsafe {
        let v = qjs::JS_NewArrayBuffer(
            raw,
            addr as *mut u8,
            len as _,
            0,
            None,
            core::ptr::null_mut(),
            false,
        );
        if qjs::JS_IsException(v) {
            return Err(Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// A BigInt from an i64.
pub fn bigint<'js>(ctx: &Ctx<'js>, v: i64) -> Value<'js> {
    // SAFETY: JS_NewBigInt64 returns an owned value (or an exception value on OOM, which
    // reads as a pending exception on the context).
    unsafe { Value::from_raw(ctx.clone(), qjs::JS_NewBigInt64(ctx.as_raw().as_ptr(), v)) }
}

/// Runs `f` over a JS string's contents as WTF-8 followed by a NUL (UTF-8, except that
/// unpaired surrogates are kept as their 3-byte encodings). ASCII strings are borrowed
/// without copying.
fn with_string_and_nul<R>(
    ctx: &Ctx<'_>,
    value: &Value<'_>,
    f: impl FnOnce(&[u8]) -> R,
) -> Result<R> {
    let raw = ctx.as_raw().as_ptr();
    let mut len: qjs::size_t = 0;
    // SAFETY: JS_ToCStringLen2 returns `len` bytes followed by a NUL that stay valid
    // until JS_FreeCString, which runs after `f` is done with them.
    unsafe {
        let ptr = qjs::JS_ToCStringLen2(raw, &mut len, value.as_raw(), false);
        if ptr.is_null() {
            return Err(Error::Exception);
        }
        let result = f(std::slice::from_raw_parts(
            ptr as *const u8,
            len as usize + 1,
        ));
        qjs::JS_FreeCString(raw, ptr);
        Ok(result)
    }
}

/// Runs `f` over a JS string as a path for a system call — NUL-terminated UTF-8, unpaired
/// surrogates replaced as Node replaces them — and as text (for errors), without copying
/// it where QuickJS need not (ASCII). A NUL inside gives None (lib/ makes that Node's
/// ERR_INVALID_ARG_VALUE).
pub fn with_path<R>(
    ctx: &Ctx<'_>,
    value: &Value<'_>,
    f: impl FnOnce(&std::ffi::CStr, &str) -> R,
) -> Result<Option<R>> {
    with_string_and_nul(ctx, value, |with_nul| {
        let wtf8 = &with_nul[..with_nul.len() - 1];
        match std::str::from_utf8(wtf8) {
            Ok(text) => std::ffi::CStr::from_bytes_with_nul(with_nul)
                .ok()
                .map(|c| f(c, text)),
            Err(_) => {
                let utf8 = String::from_utf8_lossy(&wtf8_to_utf8(wtf8)).into_owned();
                std::ffi::CString::new(utf8.clone())
                    .ok()
                    .map(|c| f(&c, &utf8))
            }
        }
    })
}

/// Runs `f` over a JS string's contents as WTF-8: UTF-8, except that unpaired surrogates
/// are kept as their 3-byte encodings. ASCII strings are borrowed without copying.
pub fn with_string_wtf8<R>(
    ctx: &Ctx<'_>,
    value: &Value<'_>,
    f: impl FnOnce(&[u8]) -> R,
) -> Result<R> {
    with_string_and_nul(ctx, value, |with_nul| f(&with_nul[..with_nul.len() - 1]))
}

/// A JS string from UTF-8 bytes (QuickJS picks the 8- or 16-bit representation).
pub fn new_string_utf8<'js>(ctx: &Ctx<'js>, utf8: &[u8]) -> Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: the bytes are read during the call only; the result is owned.
    unsafe {
        let v = qjs::JS_NewStringLen(raw, utf8.as_ptr() as *const _, utf8.len() as _);
        if qjs::JS_IsException(v) {
            return Err(Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// A JS string from UTF-16 code units, unpaired surrogates included.
pub fn new_string_utf16<'js>(ctx: &Ctx<'js>, units: &[u16]) -> Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: the units are read during the call only; the result is owned.
    unsafe {
        let v = qjs::JS_NewStringUTF16(raw, units.as_ptr(), units.len() as _);
        if qjs::JS_IsException(v) {
            return Err(Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// WTF-8 to UTF-8 as Node encodes strings: every unpaired surrogate becomes U+FFFD.
pub fn wtf8_to_utf8(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    // Surrogates are ED A0..BF xx; without an ED byte there is nothing to replace.
    if !bytes.contains(&0xED) {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut bytes = bytes.to_vec();
    let mut i = 0;
    while i + 2 < bytes.len() {
        // ED A0..BF xx is a surrogate code point (U+D800..U+DFFF).
        if bytes[i] == 0xED && bytes[i + 1] >= 0xA0 {
            bytes[i..i + 3].copy_from_slice(&[0xEF, 0xBF, 0xBD]);
            i += 3;
        } else {
            i += 1;
        }
    }
    std::borrow::Cow::Owned(bytes)
}

/// WTF-8 to UTF-16 code units, unpaired surrogates kept (what `ucs2` and `latin1` see).
pub fn wtf8_to_utf16(bytes: &[u8]) -> Vec<u16> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (cp, n) = if b < 0x80 {
            (b as u32, 1)
        } else if b < 0xE0 && i + 1 < bytes.len() {
            (((b as u32 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F), 2)
        } else if b < 0xF0 && i + 2 < bytes.len() {
            (
                ((b as u32 & 0x0F) << 12)
                    | ((bytes[i + 1] as u32 & 0x3F) << 6)
                    | (bytes[i + 2] as u32 & 0x3F),
                3,
            )
        } else if i + 3 < bytes.len() {
            let cp = ((b as u32 & 0x07) << 18)
                | ((bytes[i + 1] as u32 & 0x3F) << 12)
                | ((bytes[i + 2] as u32 & 0x3F) << 6)
                | (bytes[i + 3] as u32 & 0x3F);
            (cp, 4)
        } else {
            (0xFFFD, 1)
        };
        if cp >= 0x10000 {
            let c = cp - 0x10000;
            out.push(0xD800 | (c >> 10) as u16);
            out.push(0xDC00 | (c & 0x3FF) as u16);
        } else {
            out.push(cp as u16);
        }
        i += n;
    }
    out
}
