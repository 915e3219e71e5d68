//! The native half of lib/internal/http/common.js: one HTTP/1.1 parser (crate
//! `unode-http`) per connection, fed the bytes the socket reads. Each call returns the
//! events the bytes completed as rows, so a whole pipelined batch costs one crossing into
//! Rust. The same binding holds the outgoing head's functions (see outgoing_head.rs).

use super::def;
use super::slots::{self, Shared};
use crate::engine::{array_from, bytes_of, new_string_utf8};
use rquickjs::{Array, ArrayBuffer, Ctx, Exception, Object, Result, Value};
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
        // ASCII, the usual value, is its own latin1 text.
        values.push(if value.is_ascii() {
            new_string_utf8(ctx, value)?
        } else {
            rquickjs::String::from_str(ctx.clone(), &latin1(value))?.into_value()
        });
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
/// status, reason, upgrade, keepAlive, expect, ended, hasHost]`, `[EV_BODY, ArrayBuffer]`,
/// `[EV_END, rawTrailers]`, `[EV_UPGRADE, rest]`, and last, for bytes the parser rejects,
/// `[EV_ERROR, code, reason, bytesParsed]`. With `fold_ends` (a server's requests), a
/// head whose message ends right after it without trailers (a request with no body)
/// says so in its `ended` slot and has no End row: most requests then cost one row.
///
/// `read`: for [`read_execute`], the read's bytes, whose count comes first in the list and
/// which an error row carries as its fifth slot (Node's `rawPacket`).
fn events_to_js<'js>(
    ctx: &Ctx<'js>,
    events: Vec<Event>,
    error: Option<unode_http::Error>,
    fold_ends: bool,
    read: Option<&[u8]>,
) -> Result<Array<'js>> {
    let mut rows = Vec::with_capacity(events.len() + 2);
    if let Some(bytes) = read {
        rows.push(Value::new_number(ctx.clone(), bytes.len() as f64));
    }
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
                        // An HTTP/1.1 request without one is refused (RFC 9112 3.2).
                        Value::new_bool(
                            ctx.clone(),
                            h.headers
                                .iter()
                                .any(|(n, _)| n.eq_ignore_ascii_case("host")),
                        ),
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
        let mut row = vec![
            int(EV_ERROR),
            string(e.code)?,
            string(e.reason)?,
            Value::new_number(ctx.clone(), e.consumed as f64),
        ];
        if let Some(bytes) = read {
            row.push(ArrayBuffer::new_copy(ctx.clone(), bytes)?.into_value());
        }
        let r = array_from(ctx, row)?;
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

/// Feeds `input` to parser `id`: its rows as [`events_to_js`] makes them (`read`: the
/// bytes came from [`read_execute`]'s read).
fn feed_to_js<'js>(
    ctx: &Ctx<'js>,
    parsers: &Shared<Parser>,
    id: usize,
    input: &[u8],
    read: bool,
) -> Result<Array<'js>> {
    let mut events = Vec::new();
    let (result, requests) = with_parser(ctx, parsers, id, |parser| {
        (
            parser.feed(input, &mut events),
            parser.kind() == Kind::Request,
        )
    })?;
    events_to_js(ctx, events, result.err(), requests, read.then_some(input))
}

thread_local! {
    /// The parsers, by the id JS holds; the loop's poll parses with them too.
    static PARSERS: Shared<Parser> = slots::shared();
}

/// Whether parser `id` is there (not freed).
pub(crate) fn exists(id: usize) -> bool {
    PARSERS.with(|p| p.borrow().get(id).is_some())
}

/// Reads socket `fd` and feeds what came to parser `id`, without a JS buffer between (the
/// loop's poll reads an HTTP server's connections so; see event_loop.rs): the byte count
/// followed by the parser's rows, or as net's read answers, 0 at end of stream or a
/// negative errno.
pub(crate) fn read_execute<'js>(ctx: &Ctx<'js>, id: usize, fd: i32) -> Result<Value<'js>> {
    let parsers = PARSERS.with(Shared::clone);
    super::net::with_read(fd, |read| match read {
        Ok([]) => Ok(Value::new_int(ctx.clone(), 0)),
        Ok(input) => Ok(feed_to_js(ctx, &parsers, id, input, true)?.into_value()),
        Err(e) => Ok(Value::new_number(ctx.clone(), -(e.0 as f64))),
    })
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    super::outgoing_head::init(obj)?;
    let parsers = PARSERS.with(Shared::clone);
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
            feed_to_js(&ctx, &p, id, input, false)
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
            events_to_js(&ctx, events, result.err(), requests, None)
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
