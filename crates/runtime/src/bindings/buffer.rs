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

/// The bytes behind a JS byte view, or a TypeError.
fn bytes<'a>(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<&'a mut [u8]> {
    let Some((ptr, len)) = bytes_of(ctx, v) else {
        return Err(Exception::throw_type(ctx, "argument must be a buffer"));
    };
    // SAFETY: ptr/len describe the live buffer behind `v`; JS cannot run (and so cannot
    // detach or resize it) while the native call that uses the slice is in progress.
    Ok(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
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
            if p.is_empty() {
                return Ok(());
            }
            for (dst, src) in b[start..end].iter_mut().zip(p.iter().cycle()) {
                *dst = *src;
            }
            Ok(())
        },
    )?;
    // encodeInto(string, encoding, buf, offset, max) → bytes written, never a partial
    // UTF-8 character.
    def(
        obj,
        "encodeInto",
        |ctx: Ctx<'js>,
         s: Value<'js>,
         enc: String,
         buf: Value<'js>,
         offset: f64,
         max: f64|
         -> Result<f64> {
            let e = parse_encoding(&ctx, &enc)?;
            let encoded = encode(crate::engine::string_wtf8(&ctx, &s)?, e);
            let b = bytes(&ctx, &buf)?;
            let offset = (offset.max(0.0) as usize).min(b.len());
            let room = (max.max(0.0) as usize).min(b.len() - offset);
            let mut n = encoded.len().min(room);
            if e == Encoding::Utf8 {
                while n > 0 && n < encoded.len() && (encoded[n] & 0xc0) == 0x80 {
                    n -= 1;
                }
            } else if e == Encoding::Utf16le {
                n -= n % 2;
            }
            b[offset..offset + n].copy_from_slice(&encoded[..n]);
            Ok(n as f64)
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
    def(
        obj,
        "encode",
        |ctx: Ctx<'js>, s: Value<'js>, enc: String| -> Result<TypedArray<'js, u8>> {
            let e = parse_encoding(&ctx, &enc)?;
            let bytes = encode(crate::engine::string_wtf8(&ctx, &s)?, e);
            TypedArray::new(ctx, bytes)
        },
    )?;
    def(
        obj,
        "byteLength",
        |ctx: Ctx<'js>, s: Value<'js>, enc: String| -> Result<f64> {
            let e = parse_encoding(&ctx, &enc)?;
            let wtf8 = crate::engine::string_wtf8(&ctx, &s)?;
            Ok(match e {
                Encoding::Utf8 => crate::engine::wtf8_to_utf8(wtf8).len(),
                _ => encode(wtf8, e).len(),
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

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes a JS string (given as WTF-8, see `engine::string_wtf8`) the way Node does.
fn encode(wtf8: Vec<u8>, e: Encoding) -> Vec<u8> {
    match e {
        Encoding::Utf8 => crate::engine::wtf8_to_utf8(wtf8),
        Encoding::Utf16le => crate::engine::wtf8_to_utf16(&wtf8)
            .into_iter()
            .flat_map(u16::to_le_bytes)
            .collect(),
        Encoding::Latin1 | Encoding::Ascii => {
            if wtf8.is_ascii() {
                wtf8
            } else {
                crate::engine::wtf8_to_utf16(&wtf8)
                    .into_iter()
                    .map(|u| u as u8)
                    .collect()
            }
        }
        Encoding::Hex => {
            let digits = wtf8;
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
        Encoding::Base64 | Encoding::Base64Url => base64_decode(&wtf8),
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
    fn search_both_ways() {
        assert_eq!(search(b"abcabc", b"bc", 0, true), Some(1));
        assert_eq!(search(b"abcabc", b"bc", 2, true), Some(4));
        assert_eq!(search(b"abcabc", b"bc", 5, false), Some(4));
        assert_eq!(search(b"abcabc", b"bc", 3, false), Some(1));
        assert_eq!(search(b"abc", b"x", 0, true), None);
        assert_eq!(search(b"abc", b"", 1, true), Some(1));
    }

    #[test]
    fn hex_stops_at_bad_pair() {
        assert_eq!(encode(b"00ff1g22".to_vec(), Encoding::Hex), vec![0, 255]);
        assert_eq!(decode(&[0, 255], Encoding::Hex), "00ff");
    }

    #[test]
    fn utf16_and_latin1() {
        assert_eq!(
            encode("hé".as_bytes().to_vec(), Encoding::Utf16le),
            vec![b'h', 0, 0xe9, 0]
        );
        // A lone surrogate (WTF-8 ED A0 80) becomes U+FFFD in UTF-8 but stays in UTF-16.
        assert_eq!(
            encode(vec![b'a', 0xED, 0xA0, 0x80], Encoding::Utf8),
            vec![b'a', 0xEF, 0xBF, 0xBD]
        );
        assert_eq!(
            encode(vec![0xED, 0xA0, 0x80], Encoding::Utf16le),
            vec![0x00, 0xD8]
        );
        assert_eq!(decode(&[0xe9], Encoding::Latin1), "é");
        assert_eq!(decode(&[0xff, b'a'], Encoding::Utf8), "\u{fffd}a");
    }
}
