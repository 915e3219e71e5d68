//! The native half of lib/zlib.js: deflate/inflate in their three framings (zlib, gzip,
//! raw) on flate2's pure-Rust backend, as streams JS feeds chunk by chunk.

use super::def;
use super::slots;
use crate::engine::bytes_of;
use flate2::write::{
    DeflateDecoder, DeflateEncoder, GzEncoder, MultiGzDecoder, ZlibDecoder, ZlibEncoder,
};
use flate2::Compression;
use rquickjs::{Array, ArrayBuffer, Ctx, Exception, Object, Result, Value};
use std::io::Write;

// Modes, numbered as Node's zlib.constants has them.
const DEFLATE: u32 = 1;
const INFLATE: u32 = 2;
const GZIP: u32 = 3;
const GUNZIP: u32 = 4;
const DEFLATERAW: u32 = 5;
const INFLATERAW: u32 = 6;
const UNZIP: u32 = 7;

// Flush kinds (Node's Z_* values).
const Z_NO_FLUSH: u32 = 0;
const Z_FINISH: u32 = 4;

enum Codec {
    Deflate(ZlibEncoder<Vec<u8>>),
    Gzip(GzEncoder<Vec<u8>>),
    DeflateRaw(DeflateEncoder<Vec<u8>>),
    Inflate(ZlibDecoder<Vec<u8>>),
    Gunzip(MultiGzDecoder<Vec<u8>>),
    InflateRaw(DeflateDecoder<Vec<u8>>),
    /// Unzip before its first two bytes tell gzip from zlib.
    Undecided(Vec<u8>),
}

/// A failed (de)compression: zlib's message, code name and number.
pub struct ZError {
    pub message: &'static str,
    pub code: &'static str,
    pub errno: i32,
}

fn data_error(header: bool) -> ZError {
    ZError {
        message: if header {
            "incorrect header check"
        } else {
            "invalid block type"
        },
        code: "Z_DATA_ERROR",
        errno: -3,
    }
}

fn eof_error() -> ZError {
    ZError {
        message: "unexpected end of file",
        code: "Z_BUF_ERROR",
        errno: -5,
    }
}

impl Codec {
    fn new(mode: u32, level: i32) -> Option<Codec> {
        let level = if (0..=9).contains(&level) {
            Compression::new(level as u32)
        } else {
            Compression::default()
        };
        Some(match mode {
            DEFLATE => Codec::Deflate(ZlibEncoder::new(Vec::new(), level)),
            GZIP => Codec::Gzip(GzEncoder::new(Vec::new(), level)),
            DEFLATERAW => Codec::DeflateRaw(DeflateEncoder::new(Vec::new(), level)),
            INFLATE => Codec::Inflate(ZlibDecoder::new(Vec::new())),
            GUNZIP => Codec::Gunzip(MultiGzDecoder::new(Vec::new())),
            INFLATERAW => Codec::InflateRaw(DeflateDecoder::new(Vec::new())),
            UNZIP => Codec::Undecided(Vec::new()),
            _ => return None,
        })
    }

    fn decoding(&self) -> bool {
        !matches!(
            self,
            Codec::Deflate(_) | Codec::Gzip(_) | Codec::DeflateRaw(_)
        )
    }

    /// Input bytes a zlib-framed decoder has taken in (gzip's decoder names its header
    /// errors itself).
    fn fed(&self) -> u64 {
        match self {
            Codec::Inflate(c) => c.total_in(),
            _ => 0,
        }
    }

    /// Feeds `input`, flushing as `flush` asks; returns the output made so far.
    fn write(&mut self, input: &[u8], flush: u32) -> std::result::Result<Vec<u8>, ZError> {
        if let Codec::Undecided(head) = self {
            head.extend_from_slice(input);
            if head.len() < 2 && flush != Z_FINISH {
                return Ok(Vec::new());
            }
            let head = std::mem::take(head);
            *self = if head.starts_with(&[0x1f, 0x8b]) {
                Codec::Gunzip(MultiGzDecoder::new(Vec::new()))
            } else {
                Codec::Inflate(ZlibDecoder::new(Vec::new()))
            };
            return self.write(&head, flush);
        }
        let decoding = self.decoding();
        // A decoder that fails within its framing's header reports zlib's header error.
        let header_len = match self {
            Codec::Inflate(_) => 2,
            _ => 0,
        };
        let in_header = self.fed() < header_len;
        let bad = |e: std::io::Error| {
            let header = in_header || e.to_string().contains("header");
            data_error(header || !decoding)
        };
        macro_rules! drive {
            ($c:expr) => {{
                $c.write_all(input).map_err(bad)?;
                if flush == Z_FINISH {
                    $c.try_finish().map_err(|e| {
                        if decoding && e.kind() == std::io::ErrorKind::UnexpectedEof {
                            eof_error()
                        } else {
                            bad(e)
                        }
                    })?;
                } else if flush != Z_NO_FLUSH {
                    $c.flush().map_err(bad)?;
                }
                Ok(std::mem::take($c.get_mut()))
            }};
        }
        match self {
            Codec::Deflate(c) => drive!(c),
            Codec::Gzip(c) => drive!(c),
            Codec::DeflateRaw(c) => drive!(c),
            Codec::Inflate(c) => drive!(c),
            Codec::Gunzip(c) => drive!(c),
            Codec::InflateRaw(c) => drive!(c),
            Codec::Undecided(_) => Ok(Vec::new()),
        }
    }
}

fn input<'a>(ctx: &Ctx<'_>, v: &'a Value<'_>) -> Result<&'a [u8]> {
    match bytes_of(ctx, v) {
        // SAFETY: a live JS buffer, read before any JS runs again.
        Some((p, n)) => Ok(unsafe { std::slice::from_raw_parts(p, n) }),
        None => Err(Exception::throw_type(
            ctx,
            "chunk must be an ArrayBufferView",
        )),
    }
}

/// [ArrayBuffer output] or [null, message, code, errno] for JS to turn into Node's error.
fn outcome<'js>(ctx: &Ctx<'js>, r: std::result::Result<Vec<u8>, ZError>) -> Result<Array<'js>> {
    let arr = Array::new(ctx.clone())?;
    match r {
        Ok(out) => arr.set(0, ArrayBuffer::new(ctx.clone(), out)?)?,
        Err(e) => {
            arr.set(0, Value::new_null(ctx.clone()))?;
            arr.set(1, e.message)?;
            arr.set(2, e.code)?;
            arr.set(3, e.errno)?;
        }
    }
    Ok(arr)
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    let table = slots::shared::<Codec>();
    let t = table.clone();
    def(obj, "create", move |mode: u32, level: i32| {
        Codec::new(mode, level).map_or(-1.0, |codec| t.borrow_mut().insert(codec))
    })?;
    let t = table.clone();
    def(
        obj,
        "write",
        move |ctx: Ctx<'js>, id: usize, chunk: Value<'js>, flush: u32| -> Result<Array<'js>> {
            let data = input(&ctx, &chunk)?;
            let mut all = t.borrow_mut();
            let Some(codec) = all.get_mut(id) else {
                return Err(Exception::throw_type(&ctx, "zlib binding closed"));
            };
            let r = codec.write(data, flush);
            if flush == Z_FINISH || r.is_err() {
                all.take(id);
            }
            outcome(&ctx, r)
        },
    )?;
    def(obj, "close", move |id: usize| {
        table.borrow_mut().take(id);
    })?;
    def(
        obj,
        "oneShot",
        |ctx: Ctx<'js>, mode: u32, level: i32, data: Value<'js>| -> Result<Array<'js>> {
            let data = input(&ctx, &data)?;
            let Some(mut codec) = Codec::new(mode, level) else {
                return Err(Exception::throw_range(&ctx, "bad zlib mode"));
            };
            outcome(&ctx, codec.write(data, Z_FINISH))
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_every_framing() {
        let text = b"hello hello hello hello".repeat(100);
        for (enc, dec) in [
            (DEFLATE, INFLATE),
            (GZIP, GUNZIP),
            (DEFLATERAW, INFLATERAW),
            (GZIP, UNZIP),
            (DEFLATE, UNZIP),
        ] {
            let packed = Codec::new(enc, 6)
                .unwrap()
                .write(&text, Z_FINISH)
                .ok()
                .unwrap();
            assert!(packed.len() < text.len());
            let mut d = Codec::new(dec, -1).unwrap();
            let mut out = Vec::new();
            for piece in packed.chunks(7) {
                out.extend(d.write(piece, Z_NO_FLUSH).ok().unwrap());
            }
            out.extend(d.write(&[], Z_FINISH).ok().unwrap());
            assert_eq!(out, text, "mode {enc} → {dec}");
        }
    }

    #[test]
    fn reports_zlib_errors() {
        let e = Codec::new(GUNZIP, -1)
            .unwrap()
            .write(b"hello world", Z_FINISH)
            .err()
            .unwrap();
        assert_eq!(
            (e.code, e.message),
            ("Z_DATA_ERROR", "incorrect header check")
        );
        let packed = Codec::new(GZIP, 6)
            .unwrap()
            .write(b"abcdef", Z_FINISH)
            .ok()
            .unwrap();
        let e = Codec::new(GUNZIP, -1)
            .unwrap()
            .write(&packed[..10], Z_FINISH)
            .err()
            .unwrap();
        assert_eq!(e.code, "Z_BUF_ERROR");
    }
}
