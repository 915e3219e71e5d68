//! DER, as X.509 certificates and key files (PKCS#1, PKCS#8, SEC1, SPKI) use it: a
//! minimal reader over borrowed bytes and the few writers key encoding needs.

/// One DER element: its tag, the whole encoding, and its contents.
pub struct Tlv<'a> {
    pub tag: u8,
    pub whole: &'a [u8],
    pub contents: &'a [u8],
}

/// The element at the start of `b`.
pub fn tlv(b: &[u8]) -> Option<Tlv<'_>> {
    let (&tag, rest) = b.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7f) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n].iter().fold(0usize, |a, &x| (a << 8) | x as usize);
        (len, &rest[n..])
    };
    let header = b.len() - rest.len();
    let contents = rest.get(..len)?;
    Some(Tlv {
        tag,
        whole: &b[..header + len],
        contents,
    })
}

/// The elements inside a constructed element's contents, in order.
pub fn children(mut b: &[u8]) -> Vec<Tlv<'_>> {
    let mut out = Vec::new();
    while let Some(t) = tlv(b) {
        b = &b[t.whole.len()..];
        out.push(t);
    }
    out
}

/// One element: `tag`, its length, then `contents`.
pub fn encode(tag: u8, contents: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(contents.len() + 6);
    out.push(tag);
    let n = contents.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes = n.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(contents);
    out
}

/// A SEQUENCE of already encoded elements.
pub fn sequence(parts: &[&[u8]]) -> Vec<u8> {
    encode(0x30, &parts.concat())
}

/// A non-negative INTEGER from big-endian magnitude bytes (leading zeros dropped, a zero
/// byte added where the top bit would make it negative).
pub fn unsigned_integer(magnitude: &[u8]) -> Vec<u8> {
    let skip = magnitude.iter().take_while(|&&b| b == 0).count();
    let m = &magnitude[skip..];
    let mut contents = Vec::with_capacity(m.len() + 1);
    if m.is_empty() || m[0] & 0x80 != 0 {
        contents.push(0);
    }
    contents.extend_from_slice(m);
    encode(0x02, &contents)
}

/// A BIT STRING of whole bytes.
pub fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut contents = Vec::with_capacity(bytes.len() + 1);
    contents.push(0);
    contents.extend_from_slice(bytes);
    encode(0x03, &contents)
}

/// An INTEGER's magnitude (its sign byte dropped).
pub fn integer_magnitude(contents: &[u8]) -> &[u8] {
    match contents {
        [0, rest @ ..] if !rest.is_empty() => rest,
        _ => contents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_it_reads() {
        let long = vec![7u8; 300];
        let e = encode(0x04, &long);
        assert_eq!(&e[..4], &[0x04, 0x82, 0x01, 0x2c]);
        let t = tlv(&e).unwrap();
        assert_eq!((t.tag, t.contents.len()), (0x04, 300));
        assert_eq!(
            unsigned_integer(&[0x00, 0x80]),
            vec![0x02, 0x02, 0x00, 0x80]
        );
        assert_eq!(
            unsigned_integer(&[0x01, 0x00, 0x01]),
            vec![0x02, 0x03, 0x01, 0x00, 0x01]
        );
        assert_eq!(integer_magnitude(&[0x00, 0x80]), &[0x80]);
        let seq = sequence(&[&unsigned_integer(&[5]), &bit_string(&[1, 2])]);
        let kids = children(tlv(&seq).unwrap().contents);
        assert_eq!(kids.len(), 2);
        assert_eq!(kids[1].contents, &[0, 1, 2]);
    }
}
