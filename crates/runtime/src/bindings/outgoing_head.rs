//! The head of an outgoing HTTP message (lib/internal/http/outgoing.js's _storeHeader):
//! its header fields as lines, and the framing those fields and the message's settings
//! give it (Date, Connection and Keep-Alive, Content-Length or chunked). A response's head
//! is made on every request; made here it costs a fraction of what the same steps cost
//! in the interpreter.

use super::def;
use crate::engine::{for_each_own_entry, with_string_wtf8};
use rquickjs::convert::Coerced;
use rquickjs::{qjs, Ctx, Error, Exception, Object, Result, Value};
use std::borrow::Cow;
use std::fmt::Write;
use unode_http::fields::{self, framing};

/// Runs `f` over a field value as the text JS's `name + ': ' + value` makes of it, for
/// strings and numbers only (None, without calling `f`, for anything whose conversion JS
/// must do, or report, itself). A string is borrowed, not copied.
fn with_field_text<'js, R>(value: &Value<'js>, f: impl FnOnce(&str) -> R) -> Result<Option<R>> {
    if value.is_string() {
        return with_string_wtf8(value.ctx(), value, |bytes| {
            // Unpaired surrogates are not field text; JS reports them.
            std::str::from_utf8(bytes).ok().map(f)
        });
    }
    if let Some(n) = value.as_int() {
        return Ok(Some(f(&n.to_string())));
    }
    if value.is_number() {
        return Ok(Some(f(&value.get::<Coerced<String>>()?.0)));
    }
    Ok(None)
}

/// A head being built from header fields, and how they frame the message.
struct HeadBuilder<'js> {
    head: String,
    framing: u32,
    content_length: Option<Value<'js>>,
}

impl<'js> HeadBuilder<'js> {
    /// Adds `name: value`; false when JS must handle the field (see `store_headers`).
    fn field(&mut self, name: &str, value: Value<'js>, check: bool) -> Result<bool> {
        let head = &mut self.head;
        let added = with_field_text(&value, |text| {
            if check && !fields::is_field_value(text) {
                return None;
            }
            // Node re-reads a latin1 Content-Disposition value as UTF-8 (see storeHeader
            // in lib/internal/http/outgoing.js).
            if !text.is_ascii() && name.eq_ignore_ascii_case("content-disposition") {
                return None;
            }
            head.push_str(name);
            head.push_str(": ");
            head.push_str(text);
            head.push_str("\r\n");
            Some(fields::framing_of(name, text))
        })?;
        let Some(Some(f)) = added else {
            return Ok(false);
        };
        if f & framing::CONTENT_LENGTH != 0 {
            self.content_length = Some(value);
        }
        self.framing |= f;
        Ok(true)
    }

    /// Adds a field whose value may be a list: one line per value, except that a Cookie
    /// with several values is one line joined by "; " (as Node sends them).
    fn fields(&mut self, name: &str, value: Value<'js>, check: bool) -> Result<bool> {
        let Some(list) = value.as_array() else {
            return self.field(name, value, check);
        };
        if list.len() >= 2 && name.eq_ignore_ascii_case("cookie") {
            let mut joined = String::new();
            for (i, v) in list.iter::<Value>().enumerate() {
                let v = v?;
                if i > 0 {
                    joined.push_str("; ");
                }
                if v.is_null() || v.is_undefined() {
                    continue;
                }
                if with_field_text(&v, |text| joined.push_str(text))?.is_none() {
                    return Ok(false);
                }
            }
            let joined = rquickjs::String::from_str(value.ctx().clone(), &joined)?.into_value();
            return self.field(name, joined, check);
        }
        for v in list.iter::<Value>() {
            if !self.field(name, v?, check)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Adds an outgoing message's header fields to `b`. `headers` is the message's own map
/// (`stored`: lower-cased name → [name, value], checked when set) or the plain object
/// writeHead was given (checked here). False, with `b` to be dropped, for whatever JS must
/// handle or report itself: an invalid name or value, a value neither a string nor a
/// number nor a list of them. Names and values are read in place, not copied.
fn add_fields<'js>(
    ctx: &Ctx<'js>,
    b: &mut HeadBuilder<'js>,
    headers: &Object<'js>,
    stored: bool,
) -> Result<bool> {
    for_each_own_entry(ctx, headers, |key, value| {
        if stored {
            let Some(entry) = value.as_array() else {
                return Ok(false);
            };
            let name: Value = entry.get(0)?;
            if !name.is_string() {
                return Ok(false);
            }
            let value = entry.get(1)?;
            let name = with_string_wtf8(ctx, &name, |n| std::str::from_utf8(n).map(str::to_owned))?;
            match name {
                Ok(name) => b.fields(&name, value, false),
                Err(_) => Ok(false),
            }
        } else {
            match std::str::from_utf8(key) {
                Ok(key) if fields::is_token(key) => b.fields(key, value, true),
                _ => Ok(false),
            }
        }
    })
}

/// The message fields the framing reads and sets.
#[derive(Clone, Copy)]
enum Field {
    RemovedConnection,
    RemovedTe,
    RemovedContLen,
    Last,
    ShouldKeepAlive,
    ChunkedEncoding,
    ContentLength,
    DefaultKeepAlive,
    SendDate,
    StatusCode,
    UseChunkedEncodingByDefault,
    Agent,
    MaxRequestsOnConnectionReached,
    KeepAliveTimeout,
    MaxRequestsPerSocket,
    HasBody,
    Header,
    HeaderSent,
}

const FIELD_NAMES: [&str; 18] = [
    "_removedConnection",
    "_removedTE",
    "_removedContLen",
    "_last",
    "shouldKeepAlive",
    "chunkedEncoding",
    "_contentLength",
    "_defaultKeepAlive",
    "sendDate",
    "statusCode",
    "useChunkedEncodingByDefault",
    "agent",
    "maxRequestsOnConnectionReached",
    "_keepAliveTimeout",
    "_maxRequestsPerSocket",
    "_hasBody",
    "_header",
    "_headerSent",
];

/// The fields' names as atoms, made once per runtime: looking a name up costs as much as
/// reading the field. Each holds a reference for the runtime's life (its atom table goes
/// with it).
#[derive(Clone, Copy)]
struct FieldAtoms([qjs::JSAtom; FIELD_NAMES.len()]);

impl FieldAtoms {
    fn new(ctx: &Ctx<'_>) -> Result<Self> {
        let mut atoms = [0; FIELD_NAMES.len()];
        for (atom, name) in atoms.iter_mut().zip(FIELD_NAMES) {
            // SAFETY: `name` is valid for its length; the atom is ours to keep.
            *atom = unsafe {
                qjs::JS_NewAtomLen(ctx.as_raw().as_ptr(), name.as_ptr().cast(), name.len() as _)
            };
            if *atom == qjs::JS_ATOM_NULL {
                return Err(Error::Exception);
            }
        }
        Ok(Self(atoms))
    }
}

/// An outgoing message's fields, read and written as JS's `this.name` would.
struct Message<'a, 'js> {
    ctx: &'a Ctx<'js>,
    obj: &'a Object<'js>,
    atoms: FieldAtoms,
}

impl<'js> Message<'_, 'js> {
    fn get(&self, field: Field) -> Result<Value<'js>> {
        let raw = self.ctx.as_raw().as_ptr();
        // SAFETY: `obj` is a live object and the atom is held (FieldAtoms); the value comes
        // back owned and goes to a Value that frees it.
        unsafe {
            let v = qjs::JS_GetProperty(raw, self.obj.as_raw(), self.atoms.0[field as usize]);
            if qjs::JS_IsException(v) {
                return Err(Error::Exception);
            }
            Ok(Value::from_raw(self.ctx.clone(), v))
        }
    }

    /// The field's truth, as `if (this.name)` sees it.
    fn is(&self, field: Field) -> Result<bool> {
        let v = self.get(field)?;
        if let Some(b) = v.as_bool() {
            return Ok(b);
        }
        // SAFETY: `v` is a live value of this context.
        Ok(unsafe { qjs::JS_ToBool(self.ctx.as_raw().as_ptr(), v.as_raw()) } > 0)
    }

    fn set(&self, field: Field, value: Value<'js>) -> Result<()> {
        let v = value.as_raw();
        // JS_SetProperty takes the reference the Value held.
        std::mem::forget(value);
        // SAFETY: `obj` is live, the atom is held, and `v` is an owned reference.
        let r = unsafe {
            qjs::JS_SetProperty(
                self.ctx.as_raw().as_ptr(),
                self.obj.as_raw(),
                self.atoms.0[field as usize],
                v,
            )
        };
        if r < 0 {
            return Err(Error::Exception);
        }
        Ok(())
    }

    fn set_bool(&self, field: Field, value: bool) -> Result<()> {
        self.set(field, Value::new_bool(self.ctx.clone(), value))
    }

    /// Sets the field to false when it is true (the common case writes nothing).
    fn clear(&self, field: Field) -> Result<()> {
        if self.is(field)? {
            self.set_bool(field, false)?;
        }
        Ok(())
    }
}

/// What `storeHead` and `finishHead` tell JS to do after setting `_header`.
const HEAD_STORED: i32 = 0;
/// A head with an Expect field goes out at once (Node's `_send('')`).
const HEAD_SEND_NOW: i32 = 1;
/// A Trailer field on a message that is not chunked: ERR_HTTP_TRAILER_INVALID, nothing set.
const HEAD_TRAILER_INVALID: i32 = 2;

/// Appends a number as JS's `String(n)` writes it: integers directly, anything else
/// through JS.
fn push_number(ctx: &Ctx<'_>, out: &mut String, n: f64) -> Result<()> {
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        // Writing to a String cannot fail.
        let _ = write!(out, "{}", n as i64);
    } else {
        out.push_str(
            &Value::new_number(ctx.clone(), n)
                .get::<Coerced<String>>()?
                .0,
        );
    }
    Ok(())
}

fn to_number(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<f64> {
    if let Some(n) = v.as_number() {
        return Ok(n);
    }
    // A Content-Length field's digits, without JS's full string-to-number conversion.
    if v.is_string() {
        let digits = with_string_wtf8(ctx, v, |d| {
            (!d.is_empty() && d.len() <= 15 && d.iter().all(u8::is_ascii_digit))
                .then(|| d.iter().fold(0u64, |n, c| n * 10 + u64::from(c - b'0')))
        })?;
        if let Some(n) = digits {
            return Ok(n as f64);
        }
    }
    let mut n = 0.0;
    // SAFETY: `v` is a live value of this context.
    if unsafe { qjs::JS_ToFloat64(ctx.as_raw().as_ptr(), &mut n, v.as_raw()) } < 0 {
        return Err(Error::Exception);
    }
    Ok(n)
}

/// The rest of _storeHeader once the fields are lines: the framing bits `f` they gave
/// (with the last Content-Length value) update the message, the Date, Connection and
/// length lines its settings call for follow them, and `_header` is set. `date` is the
/// current Date line (JS caches it per second).
fn finish<'js>(
    m: &Message<'_, 'js>,
    mut head: String,
    f: u32,
    content_length: Option<Value<'js>>,
    date: &Value<'js>,
) -> Result<i32> {
    use Field::*;
    let ctx = m.ctx;
    if f & framing::CONNECTION != 0 {
        m.clear(RemovedConnection)?;
        if f & framing::CONNECTION_CLOSE != 0 {
            m.set_bool(Last, true)?;
        }
        if f & framing::CONNECTION_KEEP != 0 {
            m.set_bool(ShouldKeepAlive, true)?;
        }
    }
    if f & framing::TRANSFER_ENCODING != 0 {
        m.clear(RemovedTe)?;
        if f & framing::CHUNKED != 0 {
            m.set_bool(ChunkedEncoding, true)?;
        }
    }
    if f & framing::CONTENT_LENGTH != 0 {
        let n = match &content_length {
            Some(v) => to_number(ctx, v)?,
            None => f64::NAN,
        };
        m.set(ContentLength, Value::new_number(ctx.clone(), n))?;
        m.clear(RemovedContLen)?;
    }
    if f & framing::KEEP_ALIVE != 0 {
        m.set_bool(DefaultKeepAlive, false)?;
    }
    let with_date = m.is(SendDate)? && f & framing::DATE == 0;
    if m.is(ChunkedEncoding)? {
        let status = m.get(StatusCode)?.as_number();
        if status == Some(204.0) || status == Some(304.0) {
            // No body, so no chunks: and the connection is not kept (Node closes it).
            m.set_bool(ChunkedEncoding, false)?;
            m.set_bool(ShouldKeepAlive, false)?;
        }
    }
    let mut connection: Cow<'static, str> = Cow::Borrowed("");
    if m.is(RemovedConnection)? {
        // No Connection line, as asked: then the connection closes after this message.
        m.set_bool(Last, true)?;
    } else if f & framing::CONNECTION == 0 {
        let keep_alive = m.is(ShouldKeepAlive)?
            && (f & framing::CONTENT_LENGTH != 0
                || m.is(UseChunkedEncodingByDefault)?
                || m.is(Agent)?);
        if keep_alive && m.is(MaxRequestsOnConnectionReached)? {
            connection = Cow::Borrowed("Connection: close\r\n");
        } else if keep_alive {
            connection = if m.is(KeepAliveTimeout)? && m.is(DefaultKeepAlive)? {
                Cow::Owned(keep_alive_lines(m)?)
            } else {
                Cow::Borrowed("Connection: keep-alive\r\n")
            };
        } else {
            m.set_bool(Last, true)?;
            connection = Cow::Borrowed("Connection: close\r\n");
        }
    }
    let mut length: Cow<'static, str> = Cow::Borrowed("");
    if f & (framing::CONTENT_LENGTH | framing::TRANSFER_ENCODING) == 0 {
        if !m.is(HasBody)? {
            m.set_bool(ChunkedEncoding, false)?;
        } else if !m.is(UseChunkedEncodingByDefault)? {
            m.set_bool(Last, true)?;
        } else if f & framing::TRAILER == 0
            && !m.is(RemovedContLen)?
            && m.get(ContentLength)?.is_number()
        {
            let n = to_number(ctx, &m.get(ContentLength)?)?;
            let mut line = String::from("Content-Length: ");
            push_number(ctx, &mut line, n)?;
            line.push_str("\r\n");
            length = Cow::Owned(line);
        } else if !m.is(RemovedTe)? {
            length = Cow::Borrowed("Transfer-Encoding: chunked\r\n");
            m.set_bool(ChunkedEncoding, true)?;
        } else {
            m.set_bool(Last, true)?;
        }
    }
    if f & framing::TRAILER != 0 && m.get(ChunkedEncoding)?.as_bool() != Some(true) {
        return Ok(HEAD_TRAILER_INVALID);
    }
    if with_date {
        // The Date line is ASCII (JS makes it from toUTCString).
        with_string_wtf8(ctx, date, |d| {
            head.push_str(std::str::from_utf8(d).unwrap_or_default())
        })?;
    }
    head.push_str(&connection);
    head.push_str(&length);
    head.push_str("\r\n");
    m.set(
        Header,
        rquickjs::String::from_str(ctx.clone(), &head)?.into_value(),
    )?;
    m.clear(HeaderSent)?;
    Ok(if f & framing::EXPECT != 0 {
        HEAD_SEND_NOW
    } else {
        HEAD_STORED
    })
}

/// The Connection and Keep-Alive lines of a keep-alive message, as Node writes them.
fn keep_alive_lines(m: &Message<'_, '_>) -> Result<String> {
    let timeout = to_number(m.ctx, &m.get(Field::KeepAliveTimeout)?)?;
    let mut max = 0;
    let v = m.get(Field::MaxRequestsPerSocket)?;
    // SAFETY: `v` is a live value of this context.
    if unsafe { qjs::JS_ToInt32(m.ctx.as_raw().as_ptr(), &mut max, v.as_raw()) } < 0 {
        return Err(Error::Exception);
    }
    let mut lines = String::with_capacity(64);
    lines.push_str("Connection: keep-alive\r\nKeep-Alive: timeout=");
    push_number(m.ctx, &mut lines, (timeout / 1000.0).floor())?;
    if max > 0 {
        // Writing to a String cannot fail.
        let _ = write!(lines, ", max={max}");
    }
    lines.push_str("\r\n");
    Ok(lines)
}

fn first_line_of(ctx: &Ctx<'_>, first_line: &Value<'_>) -> Result<String> {
    // Room for the usual fields, so that the head is not grown line by line.
    let with_room = |line: &str| {
        let mut head = String::with_capacity(line.len() + 256);
        head.push_str(line);
        head
    };
    match with_field_text(first_line, with_room)? {
        Some(line) => Ok(line),
        None => Err(Exception::throw_type(
            ctx,
            "the first line must be a string",
        )),
    }
}

/// Each [`framing`] bit by name, for JS.
fn framing_bits<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    for (name, bit) in [
        ("CONNECTION", framing::CONNECTION),
        ("CONNECTION_CLOSE", framing::CONNECTION_CLOSE),
        ("CONNECTION_KEEP", framing::CONNECTION_KEEP),
        ("TRANSFER_ENCODING", framing::TRANSFER_ENCODING),
        ("CHUNKED", framing::CHUNKED),
        ("CONTENT_LENGTH", framing::CONTENT_LENGTH),
        ("DATE", framing::DATE),
        ("EXPECT", framing::EXPECT),
        ("TRAILER", framing::TRAILER),
        ("KEEP_ALIVE", framing::KEEP_ALIVE),
    ] {
        o.set(name, bit)?;
    }
    Ok(o)
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    let ctx = obj.ctx();
    obj.set("framing", framing_bits(ctx)?)?;
    obj.set("HEAD_SEND_NOW", HEAD_SEND_NOW)?;
    obj.set("HEAD_TRAILER_INVALID", HEAD_TRAILER_INVALID)?;
    def(obj, "framingOf", |name: String, value: String| {
        fields::framing_of(&name, &value)
    })?;
    let atoms = FieldAtoms::new(ctx)?;
    // storeHead(msg, firstLine, headers, stored, dateLine): _storeHeader's whole work for
    // fields it can write (see add_fields; `headers` null for none): a HEAD_* code, or
    // undefined, with nothing changed, for fields JS must write itself (a list of pairs
    // among them).
    def(
        obj,
        "storeHead",
        move |ctx: Ctx<'js>,
              msg: Object<'js>,
              first_line: Value<'js>,
              headers: Value<'js>,
              stored: bool,
              date: Value<'js>|
              -> Result<Value<'js>> {
            let mut b = HeadBuilder {
                head: first_line_of(&ctx, &first_line)?,
                framing: 0,
                content_length: None,
            };
            if let Some(headers) = headers.as_object() {
                if headers.is_array() || !add_fields(&ctx, &mut b, headers, stored)? {
                    return Ok(Value::new_undefined(ctx.clone()));
                }
            }
            let m = Message {
                ctx: &ctx,
                obj: &msg,
                atoms,
            };
            let code = finish(&m, b.head, b.framing, b.content_length, &date)?;
            Ok(Value::new_int(ctx.clone(), code))
        },
    )?;
    // finishHead(msg, head, framing, contentLength, dateLine): the same for a head whose
    // fields JS wrote (with the framing bits framingOf gave them).
    def(
        obj,
        "finishHead",
        move |ctx: Ctx<'js>,
              msg: Object<'js>,
              head: Value<'js>,
              f: u32,
              content_length: Value<'js>,
              date: Value<'js>|
              -> Result<i32> {
            let m = Message {
                ctx: &ctx,
                obj: &msg,
                atoms,
            };
            let content_length = (!content_length.is_undefined()).then_some(content_length);
            finish(&m, first_line_of(&ctx, &head)?, f, content_length, &date)
        },
    )?;
    Ok(())
}
