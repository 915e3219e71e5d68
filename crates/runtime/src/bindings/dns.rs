//! The native half of lib/dns.js: DNS messages (RFC 1035) built and parsed in Rust; the
//! resolver that sends them (lib/internal/dns/resolver.js) runs on the loop.

use super::def;
use rquickjs::{Array, Ctx, Exception, Object, Result, TypedArray, Value};
// Address types only (core::net): no I/O goes through std.
use core::net::{Ipv4Addr, Ipv6Addr};

pub const TYPE_A: u16 = 1;
pub const TYPE_NS: u16 = 2;
pub const TYPE_CNAME: u16 = 5;
pub const TYPE_SOA: u16 = 6;
pub const TYPE_PTR: u16 = 12;
pub const TYPE_MX: u16 = 15;
pub const TYPE_TXT: u16 = 16;
pub const TYPE_AAAA: u16 = 28;
pub const TYPE_SRV: u16 = 33;
pub const TYPE_NAPTR: u16 = 35;
pub const TYPE_ANY: u16 = 255;
pub const TYPE_CAA: u16 = 257;

#[derive(Debug, PartialEq)]
pub enum Rdata {
    A(Ipv4Addr),
    Aaaa(Ipv6Addr),
    /// CNAME, NS and PTR: a domain name.
    Name(String),
    Mx {
        priority: u16,
        exchange: String,
    },
    Txt(Vec<String>),
    Soa {
        nsname: String,
        hostmaster: String,
        serial: u32,
        refresh: u32,
        retry: u32,
        expire: u32,
        minttl: u32,
    },
    Srv {
        priority: u16,
        weight: u16,
        port: u16,
        name: String,
    },
    Naptr {
        order: u16,
        preference: u16,
        flags: String,
        service: String,
        regexp: String,
        replacement: String,
    },
    Caa {
        critical: u8,
        tag: String,
        value: String,
    },
    Other,
}

#[derive(Debug, PartialEq)]
pub struct Record {
    pub name: String,
    pub rtype: u16,
    pub ttl: u32,
    pub data: Rdata,
}

#[derive(Debug, PartialEq)]
pub struct Response {
    pub id: u16,
    pub rcode: u8,
    pub truncated: bool,
    pub answers: Vec<Record>,
}

#[derive(Debug, PartialEq)]
pub struct BadMessage;

/// A recursive query for `name` of type `rtype`.
pub fn encode_query(id: u16, name: &str, rtype: u16) -> std::result::Result<Vec<u8>, BadMessage> {
    let mut m = Vec::with_capacity(18 + name.len());
    m.extend_from_slice(&id.to_be_bytes());
    m.extend_from_slice(&[0x01, 0x00]); // RD
    m.extend_from_slice(&[0, 1, 0, 0, 0, 0, 0, 0]);
    for label in name.trim_end_matches('.').split('.') {
        if label.is_empty() && name != "." {
            return Err(BadMessage);
        }
        if label.len() > 63 {
            return Err(BadMessage);
        }
        if !label.is_empty() {
            m.push(label.len() as u8);
            m.extend_from_slice(label.as_bytes());
        }
    }
    m.push(0);
    if m.len() - 12 > 255 {
        return Err(BadMessage);
    }
    m.extend_from_slice(&rtype.to_be_bytes());
    m.extend_from_slice(&[0, 1]); // IN
    Ok(m)
}

struct Reader<'a> {
    msg: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> std::result::Result<u8, BadMessage> {
        let v = *self.msg.get(self.pos).ok_or(BadMessage)?;
        self.pos += 1;
        Ok(v)
    }

    fn u16(&mut self) -> std::result::Result<u16, BadMessage> {
        Ok(u16::from_be_bytes([self.u8()?, self.u8()?]))
    }

    fn u32(&mut self) -> std::result::Result<u32, BadMessage> {
        Ok(((self.u16()? as u32) << 16) | self.u16()? as u32)
    }

    fn bytes(&mut self, n: usize) -> std::result::Result<&[u8], BadMessage> {
        let end = self.pos.checked_add(n).ok_or(BadMessage)?;
        let b = self.msg.get(self.pos..end).ok_or(BadMessage)?;
        self.pos = end;
        Ok(b)
    }

    fn char_string(&mut self) -> std::result::Result<String, BadMessage> {
        let n = self.u8()? as usize;
        Ok(String::from_utf8_lossy(self.bytes(n)?).into_owned())
    }

    /// A possibly compressed domain name; pointers may only go backwards, which also
    /// bounds the walk.
    fn name(&mut self) -> std::result::Result<String, BadMessage> {
        let mut out = String::new();
        let mut pos = self.pos;
        let mut jumped = false;
        let mut limit = pos;
        loop {
            let len = *self.msg.get(pos).ok_or(BadMessage)? as usize;
            if len & 0xc0 == 0xc0 {
                let lo = *self.msg.get(pos + 1).ok_or(BadMessage)? as usize;
                let target = ((len & 0x3f) << 8) | lo;
                if target >= limit {
                    return Err(BadMessage);
                }
                if !jumped {
                    self.pos = pos + 2;
                    jumped = true;
                }
                limit = target;
                pos = target;
                continue;
            }
            if len & 0xc0 != 0 {
                return Err(BadMessage);
            }
            pos += 1;
            if len == 0 {
                break;
            }
            let label = self.msg.get(pos..pos + len).ok_or(BadMessage)?;
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&String::from_utf8_lossy(label));
            pos += len;
            if out.len() > 255 {
                return Err(BadMessage);
            }
        }
        if !jumped {
            self.pos = pos;
        }
        Ok(out)
    }
}

pub fn parse_response(msg: &[u8]) -> std::result::Result<Response, BadMessage> {
    let mut r = Reader { msg, pos: 0 };
    let id = r.u16()?;
    let flags = r.u16()?;
    let qd = r.u16()?;
    let an = r.u16()?;
    r.u16()?;
    r.u16()?;
    if flags & 0x8000 == 0 {
        return Err(BadMessage);
    }
    for _ in 0..qd {
        r.name()?;
        r.u32()?;
    }
    let truncated = flags & 0x0200 != 0;
    let mut answers = Vec::new();
    for _ in 0..an {
        let record = match read_record(&mut r) {
            Ok(rec) => rec,
            // A truncated answer keeps what arrived whole; the caller retries over TCP.
            Err(_) if truncated => break,
            Err(e) => return Err(e),
        };
        answers.push(record);
    }
    Ok(Response {
        id,
        rcode: (flags & 0x0f) as u8,
        truncated,
        answers,
    })
}

fn read_record(r: &mut Reader<'_>) -> std::result::Result<Record, BadMessage> {
    let name = r.name()?;
    let rtype = r.u16()?;
    let _class = r.u16()?;
    let ttl = r.u32()?;
    let len = r.u16()? as usize;
    let start = r.pos;
    let end = start + len;
    if end > r.msg.len() {
        return Err(BadMessage);
    }
    let data = match rtype {
        TYPE_A if len == 4 => Rdata::A(Ipv4Addr::from(
            <[u8; 4]>::try_from(r.bytes(4)?).map_err(|_| BadMessage)?,
        )),
        TYPE_AAAA if len == 16 => Rdata::Aaaa(Ipv6Addr::from(
            <[u8; 16]>::try_from(r.bytes(16)?).map_err(|_| BadMessage)?,
        )),
        TYPE_CNAME | TYPE_NS | TYPE_PTR => Rdata::Name(r.name()?),
        TYPE_MX => Rdata::Mx {
            priority: r.u16()?,
            exchange: r.name()?,
        },
        TYPE_TXT => {
            let mut parts = Vec::new();
            while r.pos < end {
                parts.push(r.char_string()?);
            }
            Rdata::Txt(parts)
        }
        TYPE_SOA => Rdata::Soa {
            nsname: r.name()?,
            hostmaster: r.name()?,
            serial: r.u32()?,
            refresh: r.u32()?,
            retry: r.u32()?,
            expire: r.u32()?,
            minttl: r.u32()?,
        },
        TYPE_SRV => Rdata::Srv {
            priority: r.u16()?,
            weight: r.u16()?,
            port: r.u16()?,
            name: r.name()?,
        },
        TYPE_NAPTR => Rdata::Naptr {
            order: r.u16()?,
            preference: r.u16()?,
            flags: r.char_string()?,
            service: r.char_string()?,
            regexp: r.char_string()?,
            replacement: r.name()?,
        },
        TYPE_CAA => {
            let critical = r.u8()?;
            let tag = r.char_string()?;
            let value = String::from_utf8_lossy(r.bytes(end.saturating_sub(r.pos))?).into_owned();
            Rdata::Caa {
                critical,
                tag,
                value,
            }
        }
        _ => Rdata::Other,
    };
    if r.pos > end {
        return Err(BadMessage);
    }
    r.pos = end;
    Ok(Record {
        name,
        rtype,
        ttl,
        data,
    })
}

/// A record as the object Node's `resolveAny` reports (other resolve calls pick fields);
/// the owner name is left out, as Node leaves it out.
fn record_to_js<'js>(ctx: &Ctx<'js>, rec: &Record) -> Result<Option<Object<'js>>> {
    let o = Object::new(ctx.clone())?;
    let kind = match &rec.data {
        Rdata::A(ip) => {
            o.set("address", ip.to_string())?;
            o.set("ttl", rec.ttl)?;
            "A"
        }
        Rdata::Aaaa(ip) => {
            o.set("address", ip.to_string())?;
            o.set("ttl", rec.ttl)?;
            "AAAA"
        }
        Rdata::Name(n) => {
            o.set("value", n.as_str())?;
            match rec.rtype {
                TYPE_CNAME => "CNAME",
                TYPE_NS => "NS",
                _ => "PTR",
            }
        }
        Rdata::Mx { priority, exchange } => {
            o.set("exchange", exchange.as_str())?;
            o.set("priority", *priority)?;
            "MX"
        }
        Rdata::Txt(parts) => {
            o.set("entries", parts.clone())?;
            "TXT"
        }
        Rdata::Soa {
            nsname,
            hostmaster,
            serial,
            refresh,
            retry,
            expire,
            minttl,
        } => {
            o.set("nsname", nsname.as_str())?;
            o.set("hostmaster", hostmaster.as_str())?;
            o.set("serial", *serial)?;
            o.set("refresh", *refresh)?;
            o.set("retry", *retry)?;
            o.set("expire", *expire)?;
            o.set("minttl", *minttl)?;
            "SOA"
        }
        Rdata::Srv {
            priority,
            weight,
            port,
            name,
        } => {
            o.set("name", name.as_str())?;
            o.set("port", *port)?;
            o.set("priority", *priority)?;
            o.set("weight", *weight)?;
            "SRV"
        }
        Rdata::Naptr {
            order,
            preference,
            flags,
            service,
            regexp,
            replacement,
        } => {
            o.set("flags", flags.as_str())?;
            o.set("service", service.as_str())?;
            o.set("regexp", regexp.as_str())?;
            o.set("replacement", replacement.as_str())?;
            o.set("order", *order)?;
            o.set("preference", *preference)?;
            "NAPTR"
        }
        Rdata::Caa {
            critical,
            tag,
            value,
        } => {
            o.set("critical", *critical)?;
            o.set(tag.as_str(), value.as_str())?;
            "CAA"
        }
        Rdata::Other => return Ok(None),
    };
    o.set("type", kind)?;
    Ok(Some(o))
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    def(
        obj,
        "encodeQuery",
        |ctx: Ctx<'js>, id: u16, name: String, rtype: u16| -> Result<Value<'js>> {
            match encode_query(id, &name, rtype) {
                Ok(m) => Ok(TypedArray::<u8>::new(ctx, m)?.into_value()),
                Err(BadMessage) => Ok(Value::new_null(ctx)),
            }
        },
    )?;
    def(
        obj,
        "parseResponse",
        |ctx: Ctx<'js>, msg: Value<'js>| -> Result<Value<'js>> {
            let Some((ptr, len)) = crate::engine::bytes_of(&ctx, &msg) else {
                return Err(Exception::throw_type(&ctx, "message must be a buffer"));
            };
            // SAFETY: bytes_of returned a live buffer; nothing runs JS while it is read.
            let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
            let Ok(resp) = parse_response(bytes) else {
                return Ok(Value::new_null(ctx));
            };
            let o = Object::new(ctx.clone())?;
            o.set("id", resp.id)?;
            o.set("rcode", resp.rcode)?;
            o.set("truncated", resp.truncated)?;
            let answers = Array::new(ctx.clone())?;
            for rec in &resp.answers {
                if let Some(a) = record_to_js(&ctx, rec)? {
                    answers.set(answers.len(), a)?;
                }
            }
            o.set("answers", answers)?;
            Ok(o.into_value())
        },
    )?;
    let types = Object::new(obj.ctx().clone())?;
    for (name, value) in [
        ("A", TYPE_A),
        ("NS", TYPE_NS),
        ("CNAME", TYPE_CNAME),
        ("SOA", TYPE_SOA),
        ("PTR", TYPE_PTR),
        ("MX", TYPE_MX),
        ("TXT", TYPE_TXT),
        ("AAAA", TYPE_AAAA),
        ("SRV", TYPE_SRV),
        ("NAPTR", TYPE_NAPTR),
        ("ANY", TYPE_ANY),
        ("CAA", TYPE_CAA),
    ] {
        types.set(name, value)?;
    }
    obj.set("types", types)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(query: &[u8], rdata: &[u8], rtype: u16) -> Vec<u8> {
        let mut m = query.to_vec();
        m[2] |= 0x80;
        m[7] = 1;
        m.extend_from_slice(&[0xc0, 12]);
        m.extend_from_slice(&rtype.to_be_bytes());
        m.extend_from_slice(&[0, 1, 0, 0, 0, 60]);
        m.extend_from_slice(&(rdata.len() as u16).to_be_bytes());
        m.extend_from_slice(rdata);
        m
    }

    #[test]
    fn parses_compressed_answers() {
        let q = encode_query(7, "example.com", TYPE_A).unwrap();
        let resp = parse_response(&answer(&q, &[1, 2, 3, 4], TYPE_A)).unwrap();
        assert_eq!(resp.id, 7);
        assert_eq!(resp.answers[0].name, "example.com");
        assert_eq!(resp.answers[0].ttl, 60);
        assert_eq!(resp.answers[0].data, Rdata::A(Ipv4Addr::new(1, 2, 3, 4)));
        let mx = parse_response(&answer(&q, &[0, 10, 0xc0, 12], TYPE_MX)).unwrap();
        assert_eq!(
            mx.answers[0].data,
            Rdata::Mx {
                priority: 10,
                exchange: "example.com".into()
            }
        );
    }

    #[test]
    fn rejects_pointer_loops_and_short_messages() {
        let q = encode_query(1, "a.b", TYPE_CNAME).unwrap();
        // A CNAME whose name points at itself.
        let mut m = answer(&q, &[0xc0, 0], TYPE_CNAME);
        let at = m.len() - 2;
        m[at + 1] = at as u8;
        assert_eq!(parse_response(&m), Err(BadMessage));
        assert_eq!(parse_response(&q[..5]), Err(BadMessage));
        assert!(encode_query(1, &"x".repeat(64), TYPE_A).is_err());
    }
}
