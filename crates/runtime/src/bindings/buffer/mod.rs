//! The native half of lib/buffer.js: per-byte work belongs in Rust, not in the interpreter.

mod codec;

use super::def;
use crate::engine::{bytes_of, new_string_utf16, new_string_utf8, with_string_wtf8};
use codec::{Encoding, Text};
use rquickjs::{Array, Ctx, Exception, Object, Result, TypedArray, Value};

thread_local! {
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Scratch memory the text encoders (hex, base64) write into before the bytes become a JS
/// string. It is kept between calls while the program is busy: a large fresh buffer costs
/// more in page faults than the encoding itself (about 35 ms for 89 MB here), so
/// back-to-back large encodes reuse memory already faulted in. The event loop hands it
/// back when it goes idle ([`release_scratch`]).
fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Vec::new()),
    })
}

thread_local! {
    /// Buffer.prototype (lib/buffer.js's FastBuffer.prototype), registered when buffer loads.
    static BUFFER_PROTOTYPE: std::cell::RefCell<Option<rquickjs::Persistent<Object<'static>>>> =
        const { std::cell::RefCell::new(None) };
}

/// Bytes from the native side as a Buffer: a Uint8Array given Buffer.prototype here, which
/// costs a fraction of wrapping it in JS (`Buffer.from(arrayBuffer, …)`). Before buffer
/// has loaded it is a plain Uint8Array (callers wrap those).
/// Drops the saved prototype (before its runtime goes: see bindings::release_js_values).
pub fn clear_prototype() {
    BUFFER_PROTOTYPE.with_borrow_mut(|p| p.take());
}

pub fn new_buffer<'js>(ctx: &Ctx<'js>, bytes: Vec<u8>) -> Result<Value<'js>> {
    as_buffer(ctx, TypedArray::<u8>::new(ctx.clone(), bytes)?.into_value())
}

/// A Uint8Array made natively, given Buffer.prototype once lib/buffer.js has registered it.
fn as_buffer<'js>(ctx: &Ctx<'js>, array: Value<'js>) -> Result<Value<'js>> {
    let proto = BUFFER_PROTOTYPE.with_borrow(|p| p.clone());
    if let (Some(proto), Some(obj)) = (proto, array.as_object()) {
        let proto = proto.restore(ctx)?;
        obj.set_prototype(Some(&proto))?;
    }
    Ok(array)
}

/// `Buffer.allocUnsafe(size)` for sizes where clearing the memory costs more than the
/// call: the bytes come from QuickJS's allocator (so they count towards its collector's
/// threshold like any ArrayBuffer) and are not zeroed, as in Node (a 64 KiB stream chunk
/// spent about 2 µs in memset).
fn alloc_unsafe<'js>(ctx: &Ctx<'js>, size: usize) -> Result<Value<'js>> {
    use rquickjs::qjs;
    /// Frees (size 0) or resizes the memory QuickJS handed out for the buffer.
    unsafe extern "C" fn realloc_in_runtime(
        rt: *mut qjs::JSRuntime,
        _opaque: *mut std::ffi::c_void,
        ptr: *mut std::ffi::c_void,
        size: qjs::size_t,
    ) -> *mut std::ffi::c_void {
        // SAFETY: `ptr` came from js_malloc on this runtime (below); QuickJS calls this
        // only for the buffer it was given with.
        unsafe { qjs::js_realloc_rt(rt, ptr, size) }
    }
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: js_malloc returns memory owned by this runtime or null; JS_NewUint8Array
    // takes ownership of it together with the function that frees it. The bytes are never
    // read from Rust: JS sees them as Node's allocUnsafe promises, uninitialised.
    unsafe {
        let buf = qjs::js_malloc(raw, size.max(1) as _) as *mut u8;
        if buf.is_null() {
            return Err(rquickjs::Error::Allocation);
        }
        let array = qjs::JS_NewUint8Array(
            raw,
            buf,
            size as _,
            Some(realloc_in_runtime),
            std::ptr::null_mut(),
            false,
        );
        if qjs::JS_IsException(array) {
            return Err(rquickjs::Error::Exception);
        }
        as_buffer(ctx, Value::from_raw(ctx.clone(), array))
    }
}

/// Bytes as the JS string `buf.toString(encoding)` gives.
pub fn decode_to_string<'js>(ctx: &Ctx<'js>, bytes: &[u8], e: Encoding) -> Result<Value<'js>> {
    with_scratch(|scratch| match codec::decode(bytes, e, scratch) {
        Text::Utf8(utf8) => new_string_utf8(ctx, &utf8),
        Text::Utf16(units) => new_string_utf16(ctx, &units),
    })
}

/// Frees the encoders' scratch memory if it has grown past what small strings need.
pub fn release_scratch() {
    const KEEP: usize = 64 << 10;
    SCRATCH.with(|cell| {
        if let Ok(mut scratch) = cell.try_borrow_mut() {
            if scratch.capacity() > KEEP {
                *scratch = Vec::new();
            }
        }
    });
}

/// An encoding argument: lib/buffer.js's number for it, or its normalised name.
pub fn encoding(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<Encoding> {
    let found = match v.as_int() {
        Some(id) => Encoding::from_id(id),
        None => v
            .as_string()
            .map(|s| s.to_string())
            .transpose()?
            .and_then(|name| Encoding::parse(&name)),
    };
    found.ok_or_else(|| Exception::throw_type(ctx, "Unknown encoding"))
}

/// The bytes behind a JS byte view, or a TypeError.
fn bytes<'a>(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<&'a mut [u8]> {
    let Some((ptr, len)) = bytes_of(ctx, v) else {
        return Err(Exception::throw_type(ctx, "argument must be a buffer"));
    };
    // SAFETY: ptr/len describe the live buffer behind `v`; JS cannot run (and so cannot
    // detach or resize it) while the native call that uses the slice is in progress.
    Ok(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
}

fn search(hay: &[u8], needle: &[u8], from: usize, forward: bool) -> Option<usize> {
    if forward {
        if needle.is_empty() {
            return (from <= hay.len()).then_some(from);
        }
        hay.get(from..)
            .and_then(|t| memchr::memmem::find(t, needle))
            .map(|i| i + from)
    } else {
        let end = from.saturating_add(needle.len()).min(hay.len());
        memchr::memmem::rfind(&hay[..end], needle)
    }
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    def(
        obj,
        "setBufferPrototype",
        |ctx: Ctx<'js>, proto: Object<'js>| {
            let saved = rquickjs::Persistent::save(&ctx, proto);
            BUFFER_PROTOTYPE.with_borrow_mut(|p| *p = Some(saved));
        },
    )?;
    def(obj, "allocUnsafe", |ctx: Ctx<'js>, size: f64| {
        alloc_unsafe(&ctx, size as usize)
    })?;
    def(
        obj,
        "encode",
        |ctx: Ctx<'js>, s: Value<'js>, enc: Value<'js>| -> Result<TypedArray<'js, u8>> {
            let e = encoding(&ctx, &enc)?;
            let bytes = with_string_wtf8(&ctx, &s, |w| codec::encode(w, e).into_owned())?;
            TypedArray::new(ctx, bytes)
        },
    )?;
    def(
        obj,
        "byteLength",
        |ctx: Ctx<'js>, s: Value<'js>, enc: Value<'js>| -> Result<f64> {
            let e = encoding(&ctx, &enc)?;
            // In UTF-8 an unpaired surrogate becomes U+FFFD: 3 bytes, as in WTF-8.
            with_string_wtf8(&ctx, &s, |w| match e {
                Encoding::Utf8 => w.len() as f64,
                _ => codec::encode(w, e).len() as f64,
            })
        },
    )?;
    // decode(view, encoding, start, end) → string of bytes [start, end).
    def(
        obj,
        "decode",
        |ctx: Ctx<'js>,
         view: Value<'js>,
         enc: Value<'js>,
         start: f64,
         end: f64|
         -> Result<Value<'js>> {
            let e = encoding(&ctx, &enc)?;
            let b = bytes(&ctx, &view)?;
            let end = (end.max(0.0) as usize).min(b.len());
            let start = (start.max(0.0) as usize).min(end);
            decode_to_string(&ctx, &b[start..end], e)
        },
    )?;
    // encodeInto(string, encoding, buf, offset, max) → bytes written, never a partial
    // character.
    def(
        obj,
        "encodeInto",
        |ctx: Ctx<'js>,
         s: Value<'js>,
         enc: Value<'js>,
         buf: Value<'js>,
         offset: f64,
         max: f64|
         -> Result<f64> {
            let e = encoding(&ctx, &enc)?;
            let b = bytes(&ctx, &buf)?;
            let offset = (offset.max(0.0) as usize).min(b.len());
            let room = (max.max(0.0) as usize).min(b.len() - offset);
            with_string_wtf8(&ctx, &s, |w| {
                let encoded = codec::encode(w, e);
                let mut n = encoded.len().min(room);
                if e == Encoding::Utf8 {
                    while n > 0 && n < encoded.len() && (encoded[n] & 0xc0) == 0x80 {
                        n -= 1;
                    }
                } else if e == Encoding::Utf16le {
                    n -= n % 2;
                }
                b[offset..offset + n].copy_from_slice(&encoded[..n]);
                n as f64
            })
        },
    )?;
    // concat(list, total) → one Uint8Array of the views' bytes, zero-padded to `total`.
    def(
        obj,
        "concat",
        |ctx: Ctx<'js>, list: Array<'js>, total: f64| -> Result<TypedArray<'js, u8>> {
            let total = total.max(0.0) as usize;
            let mut out = Vec::with_capacity(total);
            for item in list.iter::<Value>() {
                let src = bytes(&ctx, &item?)?;
                let n = src.len().min(total - out.len());
                out.extend_from_slice(&src[..n]);
                if out.len() == total {
                    break;
                }
            }
            out.resize(total, 0);
            TypedArray::new(ctx, out)
        },
    )?;
    // compare(a, b) → -1, 0 or 1, bytewise.
    def(
        obj,
        "compare",
        |ctx: Ctx<'js>, a: Value<'js>, b: Value<'js>| -> Result<i32> {
            let (a, b): (&[u8], &[u8]) = (bytes(&ctx, &a)?, bytes(&ctx, &b)?);
            Ok(match a.cmp(b) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            })
        },
    )?;
    // indexOf(haystack, needle, from, forward) → position or -1. `from` is already
    // clamped by lib/buffer.js; searching backwards finds the last match starting at or
    // before `from`.
    def(
        obj,
        "indexOf",
        |ctx: Ctx<'js>,
         hay: Value<'js>,
         needle: Value<'js>,
         from: f64,
         forward: bool|
         -> Result<f64> {
            let (h, n) = (bytes(&ctx, &hay)?, bytes(&ctx, &needle)?);
            Ok(search(h, n, from.max(0.0) as usize, forward).map_or(-1.0, |i| i as f64))
        },
    )?;
    def(
        obj,
        "indexOfByte",
        |ctx: Ctx<'js>, hay: Value<'js>, byte: u8, from: f64, forward: bool| -> Result<f64> {
            let h = bytes(&ctx, &hay)?;
            let from = from.max(0.0) as usize;
            let found = if forward {
                h.get(from..)
                    .and_then(|t| memchr::memchr(byte, t))
                    .map(|i| i + from)
            } else {
                memchr::memrchr(byte, &h[..(from + 1).min(h.len())])
            };
            Ok(found.map_or(-1.0, |i| i as f64))
        },
    )?;
    // fill(buf, pattern, start, end): repeats the pattern's bytes over [start, end).
    def(
        obj,
        "fill",
        |ctx: Ctx<'js>, buf: Value<'js>, pattern: Value<'js>, start: f64, end: f64| -> Result<()> {
            let (b, p) = (bytes(&ctx, &buf)?, bytes(&ctx, &pattern)?.to_vec());
            let end = (end.max(0.0) as usize).min(b.len());
            let start = (start.max(0.0) as usize).min(end);
            if !p.is_empty() {
                for (dst, src) in b[start..end].iter_mut().zip(p.iter().cycle()) {
                    *dst = *src;
                }
            }
            Ok(())
        },
    )?;
    // swap(buf, size): reverses the byte order of every `size`-byte group in place.
    def(
        obj,
        "swap",
        |ctx: Ctx<'js>, buf: Value<'js>, size: usize| -> Result<()> {
            for group in bytes(&ctx, &buf)?.chunks_exact_mut(size.max(1)) {
                group.reverse();
            }
            Ok(())
        },
    )?;
    def(
        obj,
        "isUtf8",
        |ctx: Ctx<'js>, buf: Value<'js>| -> Result<bool> {
            Ok(std::str::from_utf8(bytes(&ctx, &buf)?).is_ok())
        },
    )?;
    def(
        obj,
        "isAscii",
        |ctx: Ctx<'js>, buf: Value<'js>| -> Result<bool> { Ok(bytes(&ctx, &buf)?.is_ascii()) },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::search;

    #[test]
    fn search_both_ways() {
        assert_eq!(search(b"abcabc", b"bc", 0, true), Some(1));
        assert_eq!(search(b"abcabc", b"bc", 2, true), Some(4));
        assert_eq!(search(b"abcabc", b"bc", 5, false), Some(4));
        assert_eq!(search(b"abcabc", b"bc", 3, false), Some(1));
        assert_eq!(search(b"abc", b"x", 0, true), None);
        assert_eq!(search(b"abc", b"", 1, true), Some(1));
    }
}
