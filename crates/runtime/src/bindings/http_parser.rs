//! The native half of lib/internal/http/common.js: one HTTP/1.1 parser (crate
//! `unode-http`) per connection, fed the bytes the socket reads. Each call returns the
//! events the bytes completed as rows, so a whole pipelined batch costs one crossing into
//! Rust. Also the head an outgoing message's header fields make (`storeHeaders`).

use super::def;
use super::slots::{self, Shared};
use crate::engine::{array_from, bytes_of, for_each_own_entry, with_string_wtf8};
use rquickjs::convert::Coerced;
use rquickjs::{Array, ArrayBuffer, Ctx, Exception, Object, Result, Value};
use unode_http::fields::{self, framing};
use unode_http::{Event, Kind, Parser};

const EV_ERROR: i32 = 0;
const EV_HEAD: i32 = 1;
const EV_BODY: i32 = 2;
const EV_END: i32 = 3;
const EV_UPGRADE: i32 = 4;

/// Header bytes as a JS string, one char per byte (Node reads header values as latin1).
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

fn header_list<'js>(ctx: &Ctx<'js>, headers: &[(String, Vec<u8>)]) -> Result<Array<'js>> {
    let mut values = Vec::with_capacity(headers.len() * 2);
    for (name, value) in headers {
        values.push(rquickjs::String::from_str(ctx.clone(), name)?.into_value());
        values.push(rquickjs::String::from_str(ctx.clone(), &latin1(value))?.into_value());
    }
    array_from(ctx, values)
}

/// The Expect field's values, joined as Node joins a repeated field (the server answers
/// `100-continue` and refuses other expectations before the request is handed over).
fn expect_of(headers: &[(String, Vec<u8>)]) -> Option<String> {
    let mut values = headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("expect"))
        .map(|(_, value)| latin1(value));
    let first = values.next()?;
    Some(values.fold(first, |joined, v| joined + ", " + &v))
}

/// The parser's events as JS rows: `[EV_HEAD, method, url, major, minor, rawHeaders,
/// status, reason, upgrade, keepAlive, expect, ended]`, `[EV_BODY, ArrayBuffer]`,
/// `[EV_END, rawTrailers]`, `[EV_UPGRADE, rest]`, and last, for bytes the parser rejects,
/// `[EV_ERROR, code, reason, bytesParsed]`. With `fold_ends` (a server's requests), a
/// head whose message ends right after it without trailers (a request with no body)
/// says so in its `ended` slot and has no End row: most requests then cost one row.
fn events_to_js<'js>(
    ctx: &Ctx<'js>,
    events: Vec<Event>,
    error: Option<unode_http::Error>,
    fold_ends: bool,
) -> Result<Array<'js>> {
    let mut rows = Vec::with_capacity(events.len() + 1);
    let int = |v: i32| Value::new_int(ctx.clone(), v);
    let string = |s: &str| -> Result<Value<'js>> {
        Ok(rquickjs::String::from_str(ctx.clone(), s)?.into_value())
    };
    let mut events = events.into_iter().peekable();
    while let Some(ev) = events.next() {
        let r = match ev {
            Event::Head(h) => {
                let ended = fold_ends
                    && !h.upgrade
                    && matches!(events.peek(), Some(Event::End(trailers)) if trailers.is_empty());
                if ended {
                    events.next();
                }
                array_from(
                    ctx,
                    vec![
                        int(EV_HEAD),
                        string(&h.method)?,
                        string(&h.url)?,
                        int(h.version.0 as i32),
                        int(h.version.1 as i32),
                        header_list(ctx, &h.headers)?.into_value(),
                        int(h.status as i32),
                        string(&h.reason)?,
                        Value::new_bool(ctx.clone(), h.upgrade),
                        Value::new_bool(ctx.clone(), h.keep_alive),
                        match expect_of(&h.headers) {
                            Some(v) => string(&v)?,
                            None => Value::new_undefined(ctx.clone()),
                        },
                        Value::new_bool(ctx.clone(), ended),
                    ],
                )?
            }
            Event::Body(b) => array_from(
                ctx,
                vec![int(EV_BODY), ArrayBuffer::new(ctx.clone(), b)?.into_value()],
            )?,
            Event::End(trailers) => array_from(
                ctx,
                vec![int(EV_END), header_list(ctx, &trailers)?.into_value()],
            )?,
            Event::Upgrade(rest) => array_from(
                ctx,
                vec![
                    int(EV_UPGRADE),
                    ArrayBuffer::new(ctx.clone(), rest)?.into_value(),
                ],
            )?,
        };
        rows.push(r.into_value());
    }
    if let Some(e) = error {
        let r = array_from(
            ctx,
            vec![
                int(EV_ERROR),
                string(e.code)?,
                string(e.reason)?,
                Value::new_number(ctx.clone(), e.consumed as f64),
            ],
        )?;
        rows.push(r.into_value());
    }
    array_from(ctx, rows)
}

fn with_parser<R>(
    ctx: &Ctx<'_>,
    parsers: &Shared<Parser>,
    id: usize,
    f: impl FnOnce(&mut Parser) -> R,
) -> Result<R> {
    let mut all = parsers.borrow_mut();
    match all.get_mut(id) {
        Some(p) => Ok(f(p)),
        None => Err(Exception::throw_type(ctx, "HTTP parser is closed")),
    }
}

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

/// The head `first_line` and an outgoing message's header fields make, as
/// `[head, framing bits, last Content-Length value]`. `headers` is the message's own map
/// (`stored`: lower-cased name → [name, value], checked when set) or the plain object
/// writeHead was given (checked here). Undefined, with nothing changed, for whatever JS
/// must handle or report itself: an invalid name or value, a value neither a string nor
/// a number nor a list of them. Names and values are read in place, not copied: a
/// response's head is built on every request.
fn store_headers<'js>(
    ctx: Ctx<'js>,
    first_line: Value<'js>,
    headers: Object<'js>,
    stored: bool,
) -> Result<Value<'js>> {
    let Some(first_line) = with_field_text(&first_line, str::to_owned)? else {
        return Err(Exception::throw_type(
            &ctx,
            "the first line must be a string",
        ));
    };
    let mut b = HeadBuilder {
        head: first_line,
        framing: 0,
        content_length: None,
    };
    let done = for_each_own_entry(&ctx, &headers, |key, value| {
        if stored {
            let Some(entry) = value.as_array() else {
                return Ok(false);
            };
            let name: Value = entry.get(0)?;
            if !name.is_string() {
                return Ok(false);
            }
            let value = entry.get(1)?;
            let name =
                with_string_wtf8(&ctx, &name, |n| std::str::from_utf8(n).map(str::to_owned))?;
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
    })?;
    let undefined = Value::new_undefined(ctx.clone());
    if !done {
        return Ok(undefined);
    }
    let head = rquickjs::String::from_str(ctx.clone(), &b.head)?.into_value();
    let framing = Value::new_int(ctx.clone(), b.framing as i32);
    Ok(array_from(
        &ctx,
        vec![head, framing, b.content_length.unwrap_or(undefined)],
    )?
    .into_value())
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
    obj.set("framing", framing_bits(obj.ctx())?)?;
    def(obj, "storeHeaders", store_headers)?;
    def(obj, "framingOf", |name: String, value: String| {
        fields::framing_of(&name, &value)
    })?;
    let parsers = slots::shared::<Parser>();
    let p = parsers.clone();
    def(
        obj,
        "create",
        move |response: bool, max_head_size: f64, lenient: bool| {
            let mut parser = Parser::new(if response {
                Kind::Response
            } else {
                Kind::Request
            });
            parser.lenient = lenient;
            if max_head_size > 0.0 {
                parser.max_head_size = max_head_size as usize;
            }
            p.borrow_mut().insert(parser)
        },
    )?;
    let p = parsers.clone();
    def(
        obj,
        "execute",
        move |ctx: Ctx<'js>, id: usize, data: Value<'js>| -> Result<Array<'js>> {
            let Some((ptr, len)) = bytes_of(&ctx, &data) else {
                return Err(Exception::throw_type(&ctx, "data must be a buffer"));
            };
            // SAFETY: bytes_of returned a live buffer; no JS runs while the parser reads it.
            let input = unsafe { std::slice::from_raw_parts(ptr, len) };
            let mut events = Vec::new();
            let (result, requests) = with_parser(&ctx, &p, id, |parser| {
                (
                    parser.feed(input, &mut events),
                    parser.kind() == Kind::Request,
                )
            })?;
            events_to_js(&ctx, events, result.err(), requests)
        },
    )?;
    let p = parsers.clone();
    def(
        obj,
        "finish",
        move |ctx: Ctx<'js>, id: usize| -> Result<Array<'js>> {
            let mut events = Vec::new();
            let (result, requests) = with_parser(&ctx, &p, id, |parser| {
                (parser.finish(&mut events), parser.kind() == Kind::Request)
            })?;
            events_to_js(&ctx, events, result.err(), requests)
        },
    )?;
    let p = parsers.clone();
    def(
        obj,
        "expectResponseTo",
        move |ctx: Ctx<'js>, id: usize, head: bool, connect: bool| -> Result<()> {
            with_parser(&ctx, &p, id, |parser| {
                parser.response_to_head = head;
                parser.response_to_connect = connect;
            })
        },
    )?;
    let p = parsers.clone();
    def(obj, "inMessage", move |ctx: Ctx<'js>, id: usize| {
        with_parser(&ctx, &p, id, |parser| parser.in_message())
    })?;
    def(obj, "free", move |id: usize| {
        parsers.borrow_mut().take(id);
    })?;
    Ok(())
}
