//! The native half of lib/zlib.js: deflate/inflate in their three framings (zlib, gzip,
//! raw) on flate2's pure-Rust backend, and brotli on the brotli crate, as streams JS feeds
//! chunk by chunk.

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
const BROTLI_DECODE: u32 = 8;
const BROTLI_ENCODE: u32 = 9;

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
    /// None once finished.
    BrotliEncode(Option<Box<brotli::CompressorWriter<Vec<u8>>>>),
    BrotliDecode(Box<BrotliDecoder>),
}

type BrotliState = brotli::BrotliState<
    brotli::HeapAlloc<u8>,
    brotli::HeapAlloc<u32>,
    brotli::HeapAlloc<brotli::HuffmanCode>,
>;

/// Brotli decoding over the decoder's streaming call, which (unlike its io::Write
/// wrapper) tells which error it met: Node reports that code.
struct BrotliDecoder {
    state: BrotliState,
    done: bool,
}

impl BrotliDecoder {
    fn new() -> Self {
        BrotliDecoder {
            state: BrotliState::new(
                brotli::HeapAlloc::new(0),
                brotli::HeapAlloc::new(0),
                brotli::HeapAlloc::new(brotli::HuffmanCode::default()),
            ),
            done: false,
        }
    }

    fn feed(&mut self, input: &[u8], finish: bool) -> std::result::Result<Vec<u8>, ZError> {
        let mut out = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        let (mut available_in, mut input_offset) = (input.len(), 0);
        while !self.done {
            let (mut available_out, mut output_offset, mut total_out) = (buf.len(), 0, 0);
            let result = brotli::BrotliDecompressStream(
                &mut available_in,
                &mut input_offset,
                input,
                &mut available_out,
                &mut output_offset,
                &mut buf,
                &mut total_out,
                &mut self.state,
            );
            out.extend_from_slice(&buf[..output_offset]);
            match result {
                brotli::BrotliResult::NeedsMoreOutput => continue,
                brotli::BrotliResult::ResultSuccess => self.done = true,
                brotli::BrotliResult::NeedsMoreInput if finish => return Err(eof_error()),
                brotli::BrotliResult::NeedsMoreInput => break,
                brotli::BrotliResult::ResultFailure => {
                    let code = self.state.error_code;
                    return Err(brotli_error(&format!("{code:?}"), code as i32));
                }
            }
        }
        Ok(out)
    }
}

/// Node's error for a brotli stream the decoder rejects: "Decompression failed", with the
/// decoder's error as code (`BROTLI_DECODER_ERROR_X` → `ERR__ERROR_X`) and number.
fn brotli_error(name: &str, errno: i32) -> ZError {
    ZError {
        message: "Decompression failed",
        code: format!("ERR_{}", name.trim_start_matches("BROTLI_DECODER")),
        errno,
    }
}

/// A failed (de)compression: zlib's message, code name and number.
pub struct ZError {
    pub message: &'static str,
    pub code: String,
    pub errno: i32,
}

fn data_error(header: bool) -> ZError {
    ZError {
        message: if header {
            "incorrect header check"
        } else {
            "invalid block type"
        },
        code: "Z_DATA_ERROR".into(),
        errno: -3,
    }
}

fn eof_error() -> ZError {
    ZError {
        message: "unexpected end of file",
        code: "Z_BUF_ERROR".into(),
        errno: -5,
    }
}

impl Codec {
    fn new(mode: u32, raw_level: i32) -> Option<Codec> {
        let level = if (0..=9).contains(&raw_level) {
            Compression::new(raw_level as u32)
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
            // Brotli's quality runs 0–11 and defaults to 11, its window to 22 bits (Node's).
            BROTLI_ENCODE => Codec::BrotliEncode(Some(Box::new(brotli::CompressorWriter::new(
                Vec::new(),
                4096,
                if (0..=11).contains(&raw_level) {
                    raw_level as u32
                } else {
                    11
                },
                22,
            )))),
            BROTLI_DECODE => Codec::BrotliDecode(Box::new(BrotliDecoder::new())),
            _ => return None,
        })
    }

    fn decoding(&self) -> bool {
        !matches!(
            self,
            Codec::Deflate(_) | Codec::Gzip(_) | Codec::DeflateRaw(_) | Codec::BrotliEncode(_)
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
        match self {
            Codec::BrotliDecode(d) => return d.feed(input, flush == Z_FINISH),
            Codec::BrotliEncode(slot) => {
                let Some(c) = slot.as_mut() else {
                    return Ok(Vec::new());
                };
                let failed = |_| data_error(false);
                c.write_all(input).map_err(failed)?;
                if flush == Z_FINISH {
                    return Ok(slot.take().map(|c| c.into_inner()).unwrap_or_default());
                }
                if flush != Z_NO_FLUSH {
                    c.flush().map_err(failed)?;
                }
                return Ok(std::mem::take(c.get_mut()));
            }
            _ => {}
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
            Codec::Undecided(_) | Codec::BrotliEncode(_) | Codec::BrotliDecode(_) => Ok(Vec::new()),
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
            arr.set(2, e.code.as_str())?;
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
            (e.code.as_str(), e.message),
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

    #[test]
    fn brotli_round_trips_chunk_by_chunk_and_names_its_errors() {
        let text = b"brotli brotli brotli brotli".repeat(200);
        let mut enc = Codec::new(BROTLI_ENCODE, -1).unwrap();
        let mut packed = enc.write(&text[..1000], Z_NO_FLUSH).ok().unwrap();
        packed.extend(enc.write(&text[1000..], Z_FINISH).ok().unwrap());
        assert!(packed.len() < text.len() / 10);
        let mut dec = Codec::new(BROTLI_DECODE, -1).unwrap();
        let mut out = Vec::new();
        for piece in packed.chunks(5) {
            out.extend(dec.write(piece, Z_NO_FLUSH).ok().unwrap());
        }
        out.extend(dec.write(&[], Z_FINISH).ok().unwrap());
        assert_eq!(out, text);
        let cut = Codec::new(BROTLI_DECODE, -1)
            .unwrap()
            .write(&packed[..packed.len() - 3], Z_FINISH)
            .err()
            .unwrap();
        assert_eq!((cut.code.as_str(), cut.errno), ("Z_BUF_ERROR", -5));
        let bad = Codec::new(BROTLI_DECODE, -1)
            .unwrap()
            .write(b"hello world", Z_FINISH)
            .err()
            .unwrap();
        assert_eq!(bad.message, "Decompression failed");
        assert!(bad.code.starts_with("ERR__ERROR_FORMAT_"), "{}", bad.code);
        assert!(bad.errno < 0);
    }
}
