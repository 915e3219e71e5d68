//! Node's byte encodings as pure functions: strings come in as WTF-8 (see
//! `engine::with_string_wtf8`), bytes go out as UTF-8 or UTF-16 ready for a JS string.

use crate::engine::{wtf8_to_utf16, wtf8_to_utf8};
use std::borrow::Cow;

/// Node's encoding names, normalised.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Utf16le,
    Latin1,
    Ascii,
    Base64,
    Base64Url,
    Hex,
}

impl Encoding {
    /// The number lib/buffer.js passes for each encoding (its `kEncodingIds`): cheaper to
    /// hand over on every call than a name.
    pub fn from_id(id: i32) -> Option<Encoding> {
        Some(match id {
            0 => Encoding::Utf8,
            1 => Encoding::Utf16le,
            2 => Encoding::Latin1,
            3 => Encoding::Ascii,
            4 => Encoding::Base64,
            5 => Encoding::Base64Url,
            6 => Encoding::Hex,
            _ => return None,
        })
    }

    pub fn parse(name: &str) -> Option<Encoding> {
        Some(match name {
            "utf8" | "utf-8" => Encoding::Utf8,
            "ucs2" | "ucs-2" | "utf16le" | "utf-16le" => Encoding::Utf16le,
            "latin1" | "binary" => Encoding::Latin1,
            "ascii" => Encoding::Ascii,
            "base64" => Encoding::Base64,
            "base64url" => Encoding::Base64Url,
            "hex" => Encoding::Hex,
            _ => return None,
        })
    }
}

/// A decoded string, in the form a JS string is cheapest to make from.
pub enum Text<'a> {
    Utf8(Cow<'a, [u8]>),
    Utf16(Vec<u16>),
}

/// Encodes a string (as WTF-8) to bytes the way Node does.
pub fn encode(wtf8: &[u8], e: Encoding) -> Cow<'_, [u8]> {
    match e {
        Encoding::Utf8 => wtf8_to_utf8(wtf8),
        Encoding::Utf16le => Cow::Owned(
            wtf8_to_utf16(wtf8)
                .into_iter()
                .flat_map(u16::to_le_bytes)
                .collect(),
        ),
        Encoding::Latin1 | Encoding::Ascii if wtf8.is_ascii() => Cow::Borrowed(wtf8),
        Encoding::Latin1 | Encoding::Ascii => {
            Cow::Owned(wtf8_to_utf16(wtf8).into_iter().map(|u| u as u8).collect())
        }
        Encoding::Hex => Cow::Owned(hex_decode(wtf8)),
        Encoding::Base64 | Encoding::Base64Url => Cow::Owned(base64_decode(wtf8)),
    }
}

/// Decodes bytes to text the way Node's `buf.toString(encoding)` does; hex and base64
/// are written into `scratch` (reused memory: see `buffer::with_scratch`).
pub fn decode<'a>(bytes: &'a [u8], e: Encoding, scratch: &'a mut Vec<u8>) -> Text<'a> {
    match e {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(_) => Text::Utf8(Cow::Borrowed(bytes)),
            // Rust's lossy decoding replaces maximal invalid subparts, as WHATWG and Node do.
            Err(_) => Text::Utf8(Cow::Owned(
                String::from_utf8_lossy(bytes).into_owned().into_bytes(),
            )),
        },
        Encoding::Utf16le => Text::Utf16(
            bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect(),
        ),
        Encoding::Latin1 if bytes.is_ascii() => Text::Utf8(Cow::Borrowed(bytes)),
        Encoding::Latin1 => Text::Utf16(bytes.iter().map(|&b| b as u16).collect()),
        Encoding::Ascii if bytes.is_ascii() => Text::Utf8(Cow::Borrowed(bytes)),
        Encoding::Ascii => Text::Utf8(Cow::Owned(bytes.iter().map(|&b| b & 0x7f).collect())),
        Encoding::Hex => {
            hex_encode(bytes, scratch);
            Text::Utf8(Cow::Borrowed(scratch))
        }
        Encoding::Base64 | Encoding::Base64Url => {
            base64_encode(bytes, e == Encoding::Base64Url, scratch);
            Text::Utf8(Cow::Borrowed(scratch))
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Marks in [`B64_DECODE`]: not a base64 character, and the padding character.
const NOT_B64: u8 = 0xFF;
const PAD: u8 = 0xFE;

/// Both alphabets decode (Node accepts `+/` and `-_` alike).
const B64_DECODE: [u8; 256] = {
    let mut t = [NOT_B64; 256];
    let mut i = 0;
    while i < 64 {
        t[B64[i] as usize] = i as u8;
        t[B64URL[i] as usize] = i as u8;
        i += 1;
    }
    t[b'=' as usize] = PAD;
    t
};

const HEX_DECODE: [u8; 256] = {
    let mut t = [0xFF; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

/// Base64 (`+/`, padded) or base64url (`-_`, unpadded), as Node writes them, into `out`.
fn base64_encode(bytes: &[u8], url: bool, out: &mut Vec<u8>) {
    let engine = if url {
        base64_simd::URL_SAFE_NO_PAD
    } else {
        base64_simd::STANDARD
    };
    out.clear();
    engine.encode_append(bytes, out);
}

/// Node's lenient base64: both alphabets, anything else skipped, stops at `=`.
fn base64_decode(input: &[u8]) -> Vec<u8> {
    // Well-formed standard base64 (the common case) takes the SIMD decoder; anything else
    // gets the lenient byte-by-byte path.
    if let Ok(v) = base64_simd::STANDARD.decode_type::<Vec<u8>>(input) {
        return v;
    }
    base64_decode_lenient(input)
}

fn base64_decode_lenient(input: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; input.len() / 4 * 3 + 3];
    let mut o = 0;
    let mut i = 0;
    // Fast path: whole groups of four valid characters.
    while i + 4 <= input.len() {
        let (a, b, c, d) = (
            B64_DECODE[input[i] as usize],
            B64_DECODE[input[i + 1] as usize],
            B64_DECODE[input[i + 2] as usize],
            B64_DECODE[input[i + 3] as usize],
        );
        if (a | b | c | d) & 0xC0 != 0 {
            break;
        }
        let n = (a as u32) << 18 | (b as u32) << 12 | (c as u32) << 6 | d as u32;
        out[o] = (n >> 16) as u8;
        out[o + 1] = (n >> 8) as u8;
        out[o + 2] = n as u8;
        o += 3;
        i += 4;
    }
    // The rest, character by character.
    let (mut acc, mut bits) = (0u32, 0u32);
    for &ch in &input[i..] {
        match B64_DECODE[ch as usize] {
            PAD => break,
            NOT_B64 => continue,
            v => {
                acc = acc << 6 | v as u32;
                bits += 6;
                if bits >= 8 {
                    bits -= 8;
                    if o == out.len() {
                        out.push(0);
                    }
                    out[o] = (acc >> bits) as u8;
                    o += 1;
                }
            }
        }
    }
    out.truncate(o);
    out
}

/// Every byte's two lowercase hex digits.
const HEX_PAIRS: [[u8; 2]; 256] = {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut t = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = [DIGITS[i >> 4], DIGITS[i & 15]];
        i += 1;
    }
    t
};

/// Lowercase hex pairs into `out`.
fn hex_encode(bytes: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.reserve(bytes.len() * 2);
    let spare = &mut out.spare_capacity_mut()[..bytes.len() * 2];
    for (&b, dst) in bytes.iter().zip(spare.chunks_exact_mut(2)) {
        let [hi, lo] = HEX_PAIRS[b as usize];
        dst[0].write(hi);
        dst[1].write(lo);
    }
    // SAFETY: the loop above initialised all bytes.len() * 2 bytes of the spare capacity.
    unsafe { out.set_len(bytes.len() * 2) };
}

/// Pairs of hex digits; Node stops at the first pair that is not two digits.
fn hex_decode(input: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; input.len() / 2];
    let mut n = 0;
    for (dst, pair) in out.iter_mut().zip(input.chunks_exact(2)) {
        let (h, l) = (HEX_DECODE[pair[0] as usize], HEX_DECODE[pair[1] as usize]);
        // Digits are 0..=15, so the OR is 0xFF only when one side is not a digit.
        if h | l == 0xFF {
            break;
        }
        *dst = h << 4 | l;
        n += 1;
    }
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(bytes: &[u8], url: bool) -> Vec<u8> {
        let mut out = Vec::new();
        base64_encode(bytes, url, &mut out);
        out
    }

    fn text(t: Text<'_>) -> String {
        match t {
            Text::Utf8(b) => String::from_utf8(b.into_owned()).unwrap(),
            Text::Utf16(u) => String::from_utf16_lossy(&u),
        }
    }

    #[test]
    fn base64_roundtrip_and_leniency() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            let enc = b64(s.as_bytes(), false);
            assert_eq!(base64_decode(&enc), s.as_bytes());
        }
        assert_eq!(b64(b"foobar", false), b"Zm9vYmFy");
        assert_eq!(b64(b"fo", true), b"Zm8");
        assert_eq!(b64(&[251, 255], true), b"-_8");
        assert_eq!(base64_decode(b"Zm9v\nYmFy"), b"foobar");
        assert_eq!(base64_decode(b"Zm9v-_8="), vec![102, 111, 111, 251, 255]);
        assert_eq!(base64_decode(b"Zg=garbage"), b"f");
    }

    #[test]
    fn hex_stops_at_bad_pair() {
        assert_eq!(hex_decode(b"00ff1g22"), vec![0, 255]);
        assert_eq!(hex_decode(b"ABc"), vec![0xab]);
        let mut out = b"stale".to_vec();
        hex_encode(&[0, 255, 16], &mut out);
        assert_eq!(out, b"00ff10");
    }

    #[test]
    fn utf16_latin1_and_surrogates() {
        assert_eq!(
            encode("hé".as_bytes(), Encoding::Utf16le).into_owned(),
            vec![b'h', 0, 0xe9, 0]
        );
        let mut scratch = Vec::new();
        assert_eq!(text(decode(&[0xe9], Encoding::Latin1, &mut scratch)), "é");
        assert_eq!(
            text(decode(&[0xff, b'a'], Encoding::Utf8, &mut scratch)),
            "\u{fffd}a"
        );
        assert_eq!(text(decode(&[1, 171], Encoding::Hex, &mut scratch)), "01ab");
        assert_eq!(text(decode(b"fo", Encoding::Base64, &mut scratch)), "Zm8=");
        // A lone surrogate (WTF-8 ED A0 80) becomes U+FFFD in UTF-8 but stays in UTF-16.
        assert_eq!(
            encode(&[b'a', 0xED, 0xA0, 0x80], Encoding::Utf8).into_owned(),
            vec![b'a', 0xEF, 0xBF, 0xBD]
        );
        assert_eq!(
            encode(&[0xED, 0xA0, 0x80], Encoding::Utf16le).into_owned(),
            vec![0x00, 0xD8]
        );
    }
}
