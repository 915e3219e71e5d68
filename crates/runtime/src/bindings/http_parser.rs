//! The native half of lib/_http_common.js: one HTTP/1.1 parser (crate `unode-http`) per
//! connection, fed the bytes the socket reads. Each call returns the events the bytes
//! completed as rows, so a whole pipelined batch costs one crossing into Rust.

use super::def;
use super::slots::{self, Shared};
use crate::engine::bytes_of;
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
    let arr = Array::new(ctx.clone())?;
    for (i, (name, value)) in headers.iter().enumerate() {
        arr.set(2 * i, name.as_str())?;
        arr.set(2 * i + 1, latin1(value))?;
    }
    Ok(arr)
}

fn row<'js>(ctx: &Ctx<'js>, values: Vec<Value<'js>>) -> Result<Array<'js>> {
    let arr = Array::new(ctx.clone())?;
    for (i, v) in values.into_iter().enumerate() {
        arr.set(i, v)?;
    }
    Ok(arr)
}

fn events_to_js<'js>(
    ctx: &Ctx<'js>,
    events: Vec<Event>,
    error: Option<unode_http::Error>,
) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    let int = |v: i32| Value::new_int(ctx.clone(), v);
    let string = |s: &str| -> Result<Value<'js>> {
        Ok(rquickjs::String::from_str(ctx.clone(), s)?.into_value())
    };
    for ev in events {
        let r = match ev {
            Event::Head(h) => row(
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
                ],
            )?,
            Event::Body(b) => row(
                ctx,
                vec![int(EV_BODY), ArrayBuffer::new(ctx.clone(), b)?.into_value()],
            )?,
            Event::End(trailers) => row(
                ctx,
                vec![int(EV_END), header_list(ctx, &trailers)?.into_value()],
            )?,
            Event::Upgrade(rest) => row(
                ctx,
                vec![
                    int(EV_UPGRADE),
                    ArrayBuffer::new(ctx.clone(), rest)?.into_value(),
                ],
            )?,
        };
        out.set(out.len(), r)?;
    }
    if let Some(e) = error {
        let r = row(
            ctx,
            vec![
                int(EV_ERROR),
                string(e.code)?,
                string(e.reason)?,
                Value::new_number(ctx.clone(), e.consumed as f64),
            ],
        )?;
        out.set(out.len(), r)?;
    }
    Ok(out)
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

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    let parsers = slots::shared::<Parser>();
    let p = parsers.clone();
    def(obj, "create", move |response: bool, max_head_size: f64| {
        let mut parser = Parser::new(if response {
            Kind::Response
        } else {
            Kind::Request
        });
        if max_head_size > 0.0 {
            parser.max_head_size = max_head_size as usize;
        }
        p.borrow_mut().insert(parser)
    })?;
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
            let result = with_parser(&ctx, &p, id, |parser| parser.feed(input, &mut events))?;
            events_to_js(&ctx, events, result.err())
        },
    )?;
    let p = parsers.clone();
    def(
        obj,
        "finish",
        move |ctx: Ctx<'js>, id: usize| -> Result<Array<'js>> {
            let mut events = Vec::new();
            let result = with_parser(&ctx, &p, id, |parser| parser.finish(&mut events))?;
            events_to_js(&ctx, events, result.err())
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
