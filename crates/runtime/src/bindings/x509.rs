//! The fields of an X.509 certificate that Node's `getPeerCertificate()` reports, read from
//! its DER with a minimal walker (no certificate is *verified* here: rustls does that).

use super::der::{children, tlv, Tlv};
use rquickjs::{Array, Ctx, Object, Result, Value};

fn oid(b: &[u8]) -> String {
    let mut parts = Vec::new();
    let mut value: u64 = 0;
    for &byte in b {
        value = (value << 7) | (byte & 0x7f) as u64;
        if byte & 0x80 == 0 {
            if parts.is_empty() {
                let first = (value / 40).min(2);
                parts.push(first);
                parts.push(value - first * 40);
            } else {
                parts.push(value);
            }
            value = 0;
        }
    }
    parts
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// OpenSSL's short name of a distinguished-name attribute.
fn attribute_name(oid: &str) -> String {
    match oid {
        "2.5.4.3" => "CN",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.5" => "serialNumber",
        "2.5.4.4" => "SN",
        "2.5.4.42" => "GN",
        "2.5.4.12" => "title",
        "2.5.4.17" => "postalCode",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.25" => "DC",
        other => return other.to_string(),
    }
    .to_string()
}

/// A Name as (attribute, value) pairs in order.
fn name(b: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for rdn in children(b) {
        for atv in children(rdn.contents) {
            let parts = children(atv.contents);
            if let [kind, value, ..] = parts.as_slice() {
                out.push((
                    attribute_name(&oid(kind.contents)),
                    String::from_utf8_lossy(value.contents).into_owned(),
                ));
            }
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A UTCTime or GeneralizedTime as OpenSSL prints it: `Dec  5 22:42:32 2026 GMT`.
/// A UTCTime or GeneralizedTime: year, month (1-12), day, hour, minute, second.
fn time_fields(t: &Tlv<'_>) -> Option<[u32; 6]> {
    let s = std::str::from_utf8(t.contents).ok()?;
    let (year, rest) = match t.tag {
        0x17 => {
            let yy: u32 = s.get(0..2)?.parse().ok()?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        0x18 => (s.get(0..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let num = |r: std::ops::Range<usize>| -> Option<u32> { rest.get(r)?.parse().ok() };
    Some([
        year,
        num(0..2)?,
        num(2..4)?,
        num(4..6)?,
        num(6..8)?,
        num(8..10).unwrap_or(0),
    ])
}

fn time(t: &Tlv<'_>) -> Option<String> {
    let [year, month, day, hour, minute, second] = time_fields(t)?;
    let month = MONTHS.get(month.checked_sub(1)? as usize)?;
    Some(format!(
        "{month} {day:>2} {hour:02}:{minute:02}:{second:02} {year} GMT"
    ))
}

/// Seconds since the epoch of a certificate time (days counted from a March-based year,
/// so that the leap day ends it).
fn time_secs(t: &Tlv<'_>) -> Option<i64> {
    let [year, month, day, hour, minute, second] = time_fields(t)?;
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * i64::from((month + 9) % 12) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + i64::from(hour) * 3_600 + i64::from(minute) * 60 + i64::from(second))
}

fn hex_upper(b: &[u8], sep: &str) -> String {
    b.iter()
        .map(|x| format!("{x:02X}"))
        .collect::<Vec<_>>()
        .join(sep)
}

/// An INTEGER's magnitude as OpenSSL prints a BIGNUM: uppercase hex, no leading zero bytes.
fn integer_hex(b: &[u8]) -> String {
    let start = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    let s = hex_upper(&b[start..], "");
    if s.is_empty() {
        "00".into()
    } else {
        s
    }
}

fn general_names(b: &[u8]) -> Vec<String> {
    children(b)
        .iter()
        .filter_map(|n| match n.tag {
            0x82 => Some(format!("DNS:{}", String::from_utf8_lossy(n.contents))),
            0x81 => Some(format!("email:{}", String::from_utf8_lossy(n.contents))),
            0x86 => Some(format!("URI:{}", String::from_utf8_lossy(n.contents))),
            0x87 if n.contents.len() == 4 => Some(format!(
                "IP Address:{}",
                n.contents
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join(".")
            )),
            0x87 if n.contents.len() == 16 => Some(format!(
                "IP Address:{}",
                n.contents
                    .chunks(2)
                    .map(|g| format!("{:X}", u16::from_be_bytes([g[0], g[1]])))
                    .collect::<Vec<_>>()
                    .join(":")
            )),
            _ => None,
        })
        .collect()
}

/// What getPeerCertificate() shows, as (field, value) in Node's order.
pub enum Field {
    Name(Vec<(String, String)>),
    Text(String),
    Bool(bool),
    Number(f64),
    List(Vec<String>),
    Bytes(Vec<u8>),
}

pub fn describe(der: &[u8]) -> Option<Vec<(&'static str, Field)>> {
    use sha1::Digest;
    let cert = tlv(der)?;
    let top = children(cert.contents);
    let tbs = top.first()?;
    let mut fields = children(tbs.contents).into_iter().peekable();
    if fields.peek()?.tag == 0xa0 {
        fields.next();
    }
    let serial = fields.next()?;
    let _signature = fields.next()?;
    let issuer = fields.next()?;
    let validity = fields.next()?;
    let subject = fields.next()?;
    let spki = fields.next()?;
    let extensions = fields.find(|f| f.tag == 0xa3);

    let mut out = vec![
        ("subject", Field::Name(name(subject.contents))),
        ("issuer", Field::Name(name(issuer.contents))),
    ];
    let mut ca = false;
    let mut ext_key_usage = None;
    if let Some(ext) = extensions.and_then(|e| tlv(e.contents)) {
        for e in children(ext.contents) {
            let parts = children(e.contents);
            let Some(id) = parts.first().map(|p| oid(p.contents)) else {
                continue;
            };
            let Some(value) = parts.iter().rev().find(|p| p.tag == 0x04) else {
                continue;
            };
            let Some(inner) = tlv(value.contents) else {
                continue;
            };
            match id.as_str() {
                "2.5.29.17" => out.push((
                    "subjectaltname",
                    Field::Text(general_names(inner.contents).join(", ")),
                )),
                "2.5.29.19" => {
                    ca = children(inner.contents).first().is_some_and(|b| {
                        b.tag == 0x01 && b.contents.first().is_some_and(|&v| v != 0)
                    });
                }
                "2.5.29.37" => {
                    ext_key_usage = Some(
                        children(inner.contents)
                            .iter()
                            .map(|o| oid(o.contents))
                            .collect(),
                    )
                }
                _ => {}
            }
        }
    }
    out.push(("ca", Field::Bool(ca)));
    // The public key: an EC curve, or an RSA modulus and exponent.
    let spki_parts = children(spki.contents);
    if let [alg, key, ..] = spki_parts.as_slice() {
        let alg_parts = children(alg.contents);
        let alg_oid = alg_parts
            .first()
            .map(|o| oid(o.contents))
            .unwrap_or_default();
        let key_bits = key.contents.get(1..).unwrap_or_default();
        if alg_oid == "1.2.840.10045.2.1" {
            let curve = alg_parts
                .get(1)
                .map(|o| oid(o.contents))
                .unwrap_or_default();
            let (bits, asn1, nist) = match curve.as_str() {
                "1.2.840.10045.3.1.7" => (256.0, "prime256v1", "P-256"),
                "1.3.132.0.34" => (384.0, "secp384r1", "P-384"),
                "1.3.132.0.35" => (521.0, "secp521r1", "P-521"),
                _ => (0.0, "", ""),
            };
            if bits > 0.0 {
                out.push(("bits", Field::Number(bits)));
                out.push(("pubkey", Field::Bytes(key_bits.to_vec())));
                out.push(("asn1Curve", Field::Text(asn1.into())));
                out.push(("nistCurve", Field::Text(nist.into())));
            }
        } else if alg_oid == "1.2.840.113549.1.1.1" {
            if let Some(rsa) = tlv(key_bits) {
                if let [modulus, exponent, ..] = children(rsa.contents).as_slice() {
                    let m = modulus.contents;
                    let m = &m[m.iter().position(|&x| x != 0).unwrap_or(m.len())..];
                    let bits = m
                        .first()
                        .map_or(0, |b| (m.len() * 8) as u32 - b.leading_zeros());
                    let e = exponent
                        .contents
                        .iter()
                        .fold(0u64, |a, &x| (a << 8) | x as u64);
                    out.push(("modulus", Field::Text(hex_upper(m, ""))));
                    out.push(("bits", Field::Number(bits as f64)));
                    out.push(("exponent", Field::Text(format!("0x{e:x}"))));
                    out.push(("pubkey", Field::Bytes(spki.whole.to_vec())));
                }
            }
        }
    }
    let times = children(validity.contents);
    out.push(("valid_from", Field::Text(time(times.first()?)?)));
    out.push(("valid_to", Field::Text(time(times.get(1)?)?)));
    out.push((
        "fingerprint",
        Field::Text(hex_upper(&sha1::Sha1::digest(der), ":")),
    ));
    out.push((
        "fingerprint256",
        Field::Text(hex_upper(&sha2::Sha256::digest(der), ":")),
    ));
    out.push((
        "fingerprint512",
        Field::Text(hex_upper(&sha2::Sha512::digest(der), ":")),
    ));
    if let Some(list) = ext_key_usage {
        out.push(("ext_key_usage", Field::List(list)));
    }
    out.push(("serialNumber", Field::Text(integer_hex(serial.contents))));
    out.push(("raw", Field::Bytes(der.to_vec())));
    Some(out)
}

/// A certificate's issuer, validity and subject fields.
/// A certificate's issuer, validity, subject and subjectPublicKeyInfo elements.
fn issuer_validity_subject(der: &[u8]) -> Option<[Tlv<'_>; 4]> {
    let cert = tlv(der)?;
    let tbs = tlv(cert.contents)?;
    let mut fields = children(tbs.contents).into_iter();
    let mut first = fields.next()?;
    if first.tag == 0xa0 {
        first = fields.next()?; // the serial number, after the explicit version
    }
    let _serial = first;
    let _signature = fields.next()?;
    Some([
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
    ])
}

/// A certificate's SubjectPublicKeyInfo, whole (what createPublicKey takes from it).
pub fn public_key_info(der: &[u8]) -> Option<&[u8]> {
    let [_, _, _, spki] = issuer_validity_subject(der)?;
    Some(spki.whole)
}

/// A certificate's issuer and subject names, as their DER encodings.
pub fn issuer_and_subject(der: &[u8]) -> Option<(&[u8], &[u8])> {
    let [issuer, _, subject, _] = issuer_validity_subject(der)?;
    Some((issuer.whole, subject.whole))
}

/// A certificate's validity period (notBefore, notAfter), in seconds since the epoch.
pub fn validity(der: &[u8]) -> Option<(i64, i64)> {
    let [_, validity, _, _] = issuer_validity_subject(der)?;
    let times = children(validity.contents);
    Some((time_secs(times.first()?)?, time_secs(times.get(1)?)?))
}

/// Whether a certificate names itself as its issuer (a self-signed leaf or a root).
pub fn is_self_issued(der: &[u8]) -> bool {
    issuer_and_subject(der).is_some_and(|(issuer, subject)| issuer == subject)
}

/// The peer's chain as `getPeerCertificate(true)` walks it: what the peer sent, then the
/// issuers found among `trusted` (the trusted certificates) until a self-issued one.
pub fn complete_chain(sent: &[Vec<u8>], trusted: &[&[u8]]) -> Vec<Vec<u8>> {
    let mut chain = sent.to_vec();
    while let Some(last) = chain.last() {
        if is_self_issued(last) || chain.len() > 16 {
            break;
        }
        let Some((issuer, _)) = issuer_and_subject(last) else {
            break;
        };
        let found = trusted.iter().find(|c| {
            issuer_and_subject(c).is_some_and(|(_, subject)| subject == issuer)
                && !chain.iter().any(|have| have.as_slice() == **c)
        });
        match found {
            Some(c) => chain.push(c.to_vec()),
            None => break,
        }
    }
    chain
}

/// A certificate's fields as the object getPeerCertificate() builds on.
pub fn to_object<'js>(
    ctx: &Ctx<'js>,
    fields: Vec<(&'static str, super::x509::Field)>,
) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    for (key, field) in fields {
        let value = match field {
            Field::Name(pairs) => {
                let names = Array::new(ctx.clone())?;
                for (i, (k, v)) in pairs.into_iter().enumerate() {
                    names.set(i, vec![k, v])?;
                }
                names.into_value()
            }
            Field::Text(t) => rquickjs::String::from_str(ctx.clone(), &t)?.into_value(),
            Field::Bool(b) => Value::new_bool(ctx.clone(), b),
            Field::Number(n) => Value::new_number(ctx.clone(), n),
            Field::List(l) => {
                let a = Array::new(ctx.clone())?;
                for (i, v) in l.into_iter().enumerate() {
                    a.set(i, v)?;
                }
                a.into_value()
            }
            Field::Bytes(b) => super::buffer::new_buffer(ctx, b)?,
        };
        out.set(key, value)?;
    }
    Ok(out)
}

/// A certificate's signed part (tbsCertificate, whole), its signature algorithm's OID
/// (dotted) and the signature's bytes: what X509Certificate.verify checks.
pub fn signature_parts(der: &[u8]) -> Option<(&[u8], String, &[u8])> {
    let cert = tlv(der)?;
    let parts = children(cert.contents);
    let [tbs, alg, sig, ..] = parts.as_slice() else {
        return None;
    };
    let alg_oid = children(alg.contents).first().map(|o| oid(o.contents))?;
    Some((tbs.whole, alg_oid, sig.contents.get(1..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oids_and_times_read_as_openssl_prints_them() {
        assert_eq!(oid(&[0x55, 0x04, 0x03]), "2.5.4.3");
        assert_eq!(
            oid(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
            "1.2.840.10045.2.1"
        );
        let utc = [
            0x17, 13, b'2', b'6', b'1', b'2', b'0', b'5', b'0', b'2', b'0', b'3', b'0', b'4', b'Z',
        ];
        assert_eq!(
            time(&tlv(&utc).unwrap()).unwrap(),
            "Dec  5 02:03:04 2026 GMT"
        );
        assert_eq!(integer_hex(&[0x00, 0x0a, 0xff]), "0AFF");
        assert!(
            tlv(&[0x30, 0x05, 1]).is_none(),
            "a length past the end is refused"
        );
    }

    #[test]
    fn certificate_times_count_seconds_since_the_epoch() {
        let at = |text: &str, tag: u8| {
            let mut der = vec![tag, text.len() as u8];
            der.extend_from_slice(text.as_bytes());
            time_secs(&tlv(&der).unwrap()).unwrap()
        };
        assert_eq!(at("700101000000Z", 0x17), 0);
        assert_eq!(at("000301000000Z", 0x17), 951_868_800);
        assert_eq!(at("20240229120000Z", 0x18), 1_709_208_000, "a leap day");
        assert_eq!(
            at("491231235959Z", 0x17),
            2_524_607_999,
            "UTCTime years below 50 are 20yy"
        );
        assert_eq!(at("19691231235959Z", 0x18), -1);
    }
}
