//! Byte encodings for lib/buffer.js: per-byte work belongs in Rust, not in the interpreter.

use super::def;
use crate::engine::bytes_of;
use rquickjs::{Ctx, Exception, Object, Result, TypedArray, Value};

/// Node's encoding names, normalised.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16le,
    Latin1,
    Ascii,
    Base64,
    Base64Url,
    Hex,
}

fn parse_encoding(ctx: &Ctx<'_>, name: &str) -> Result<Encoding> {
    Ok(match name {
        "utf8" | "utf-8" => Encoding::Utf8,
        "ucs2" | "ucs-2" | "utf16le" | "utf-16le" => Encoding::Utf16le,
        "latin1" | "binary" => Encoding::Latin1,
        "ascii" => Encoding::Ascii,
        "base64" => Encoding::Base64,
        "base64url" => Encoding::Base64Url,
        "hex" => Encoding::Hex,
        _ => {
            return Err(Exception::throw_type(
                ctx,
                &format!("Unknown encoding: {name}"),
            ))
        }
    })
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    def(
        obj,
        "encode",
        |ctx: Ctx<'js>, s: String, enc: String| -> Result<TypedArray<'js, u8>> {
            let bytes = encode(&s, parse_encoding(&ctx, &enc)?);
            TypedArray::new(ctx, bytes)
        },
    )?;
    def(
        obj,
        "byteLength",
        |ctx: Ctx<'js>, s: String, enc: String| -> Result<f64> {
            let e = parse_encoding(&ctx, &enc)?;
            Ok(match e {
                Encoding::Utf8 => s.len(),
                _ => encode(&s, e).len(),
            } as f64)
        },
    )?;
    def(
        obj,
        "decode",
        |ctx: Ctx<'js>, view: Value<'js>, enc: String, start: f64, end: f64| -> Result<String> {
            let e = parse_encoding(&ctx, &enc)?;
            let Some((ptr, len)) = bytes_of(&ctx, &view) else {
                return Err(Exception::throw_type(&ctx, "argument must be a buffer"));
            };
            let end = (end.max(0.0) as usize).min(len);
            let start = (start.max(0.0) as usize).min(end);
            // SAFETY: [start, end) lies inside the live buffer behind `view`.
            let bytes = unsafe { std::slice::from_raw_parts(ptr.add(start), end - start) };
            Ok(decode(bytes, e))
        },
    )?;
    Ok(())
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn encode(s: &str, e: Encoding) -> Vec<u8> {
    match e {
        Encoding::Utf8 => s.as_bytes().to_vec(),
        Encoding::Utf16le => s.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Latin1 | Encoding::Ascii => s.encode_utf16().map(|u| u as u8).collect(),
        Encoding::Hex => {
            let digits: Vec<u8> = s.bytes().collect();
            let mut out = Vec::with_capacity(digits.len() / 2);
            // Node stops at the first pair that is not two hex digits.
            for pair in digits.chunks_exact(2) {
                match (hex_val(pair[0]), hex_val(pair[1])) {
                    (Some(h), Some(l)) => out.push(h << 4 | l),
                    _ => break,
                }
            }
            out
        }
        Encoding::Base64 | Encoding::Base64Url => base64_decode(s.as_bytes()),
    }
}

fn hex_val(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Node's lenient base64: accepts both alphabets, skips anything else, stops at `=`.
fn base64_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in input {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = acc << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn base64_encode(bytes: &[u8], table: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (b as u32) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(table[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

fn decode(bytes: &[u8], e: Encoding) -> String {
    match e {
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Utf16le => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Encoding::Latin1 => bytes.iter().map(|&b| b as char).collect(),
        Encoding::Ascii => bytes.iter().map(|&b| (b & 0x7f) as char).collect(),
        Encoding::Hex => {
            const D: &[u8; 16] = b"0123456789abcdef";
            bytes
                .iter()
                .flat_map(|&b| [D[(b >> 4) as usize] as char, D[(b & 15) as usize] as char])
                .collect()
        }
        Encoding::Base64 => base64_encode(bytes, B64, true),
        Encoding::Base64Url => base64_encode(bytes, B64URL, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_roundtrip_and_leniency() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            let enc = base64_encode(s.as_bytes(), B64, true);
            assert_eq!(base64_decode(enc.as_bytes()), s.as_bytes());
        }
        assert_eq!(base64_encode(b"foobar", B64, true), "Zm9vYmFy");
        assert_eq!(base64_encode(b"fo", B64URL, false), "Zm8");
        assert_eq!(base64_decode(b"Zm9v\nYmFy"), b"foobar");
    }

    #[test]
    fn hex_stops_at_bad_pair() {
        assert_eq!(encode("00ff1g22", Encoding::Hex), vec![0, 255]);
        assert_eq!(decode(&[0, 255], Encoding::Hex), "00ff");
    }

    #[test]
    fn utf16_and_latin1() {
        assert_eq!(encode("hé", Encoding::Utf16le), vec![b'h', 0, 0xe9, 0]);
        assert_eq!(decode(&[0xe9], Encoding::Latin1), "é");
        assert_eq!(decode(&[0xff, b'a'], Encoding::Utf8), "\u{fffd}a");
    }
}
