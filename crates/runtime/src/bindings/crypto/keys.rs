//! Asymmetric keys for crypto's KeyObject, sign and verify: RSA, EC (P-256, P-384) and
//! Ed25519 keys read from and written to the DER forms OpenSSL uses (PKCS#8, PKCS#1, SEC1,
//! SPKI) and JWK components, signatures made and checked with ring, and EC and Ed25519
//! key pairs generated with it.
//!
//! A key is kept as one canonical DER, as JS holds it: PKCS#8 for a private key (with an EC
//! key's public point inside, as OpenSSL writes it) and SPKI for a public one.

use super::super::der::{
    bit_string, children, encode, integer_magnitude, sequence, tlv, unsigned_integer, Tlv,
};
use super::rsa_ops::{self, Salt};
use ring::rand::SystemRandom;
use ring::signature::{self, KeyPair};

const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const OID_P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];
const OID_X25519: &[u8] = &[0x2b, 0x65, 0x6e];
const NULL: &[u8] = &[0x05, 0x00];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    P256,
    P384,
}

impl Curve {
    fn oid(self) -> &'static [u8] {
        match self {
            Curve::P256 => OID_P256,
            Curve::P384 => OID_P384,
        }
    }

    fn of_oid(oid: &[u8]) -> Option<Curve> {
        match oid {
            OID_P256 => Some(Curve::P256),
            OID_P384 => Some(Curve::P384),
            _ => None,
        }
    }

    /// The curve by any name Node takes for it.
    pub fn of_name(name: &str) -> Option<Curve> {
        match name {
            "P-256" | "prime256v1" | "secp256r1" => Some(Curve::P256),
            "P-384" | "secp384r1" => Some(Curve::P384),
            _ => None,
        }
    }

    /// OpenSSL's name (asymmetricKeyDetails.namedCurve) and the JWK one.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Curve::P256 => ("prime256v1", "P-256"),
            Curve::P384 => ("secp384r1", "P-384"),
        }
    }

    fn scalar_len(self) -> usize {
        match self {
            Curve::P256 => 32,
            Curve::P384 => 48,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Rsa,
    Ec(Curve),
    Ed25519,
    /// Key agreement only (diffieHellman).
    X25519,
}

impl Kind {
    /// KeyObject's asymmetricKeyType.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Rsa => "rsa",
            Kind::Ec(_) => "ec",
            Kind::Ed25519 => "ed25519",
            Kind::X25519 => "x25519",
        }
    }

    fn algorithm(self) -> Vec<u8> {
        match self {
            Kind::Rsa => sequence(&[&encode(0x06, OID_RSA), NULL]),
            Kind::Ec(c) => sequence(&[&encode(0x06, OID_EC), &encode(0x06, c.oid())]),
            Kind::Ed25519 => sequence(&[&encode(0x06, OID_ED25519)]),
            Kind::X25519 => sequence(&[&encode(0x06, OID_X25519)]),
        }
    }
}

/// Why a key could not be read, written or used; lib/internal/crypto/keys.js gives each
/// Node's error.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyError {
    /// Not a key in the form given (OpenSSL's decoder: "unsupported").
    Unsupported,
    /// A key or algorithm OpenSSL has and this build does not.
    Unavailable(&'static str),
    /// A digest no signature here takes.
    InvalidDigest,
    /// The operation does not fit the key (a PKCS#1 export of an EC key, …).
    IncompatibleKey,
    SignFailed,
    /// An encryption or decryption that failed, with OpenSSL's reason.
    Crypt(&'static str),
}

type Res<T> = Result<T, KeyError>;

/// The forms a key's DER comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Pkcs8,
    Pkcs1,
    Sec1,
    Spki,
}

impl Form {
    pub fn of_name(name: &str) -> Option<Form> {
        Some(match name {
            "pkcs8" => Form::Pkcs8,
            "pkcs1" => Form::Pkcs1,
            "sec1" => Form::Sec1,
            "spki" => Form::Spki,
            _ => return None,
        })
    }
}

fn seq(b: &[u8]) -> Res<Vec<Tlv<'_>>> {
    let t = tlv(b).ok_or(KeyError::Unsupported)?;
    if t.tag != 0x30 || t.whole.len() != b.len() {
        return Err(KeyError::Unsupported);
    }
    Ok(children(t.contents))
}

fn pkcs8(kind: Kind, inner: &[u8]) -> Vec<u8> {
    sequence(&[
        &unsigned_integer(&[0]),
        &kind.algorithm(),
        &encode(0x04, inner),
    ])
}

fn spki(kind: Kind, key: &[u8]) -> Vec<u8> {
    sequence(&[&kind.algorithm(), &bit_string(key)])
}

/// The key kind an AlgorithmIdentifier names.
fn kind_of_algorithm(alg: &Tlv<'_>) -> Res<Kind> {
    let parts = children(alg.contents);
    let oid = parts
        .first()
        .filter(|t| t.tag == 0x06)
        .ok_or(KeyError::Unsupported)?;
    match oid.contents {
        OID_RSA => Ok(Kind::Rsa),
        OID_ED25519 => Ok(Kind::Ed25519),
        OID_X25519 => Ok(Kind::X25519),
        OID_EC => {
            let curve = parts
                .get(1)
                .filter(|t| t.tag == 0x06)
                .ok_or(KeyError::Unsupported)?;
            Curve::of_oid(curve.contents)
                .map(Kind::Ec)
                .ok_or(KeyError::Unavailable("this elliptic curve"))
        }
        _ => Err(KeyError::Unavailable("this key type")),
    }
}

/// An RSAPrivateKey's nine integers' magnitudes (version, n, e, d, p, q, dp, dq, qi).
fn rsa_private_parts(der: &[u8]) -> Res<Vec<&[u8]>> {
    let parts = seq(der)?;
    if parts.len() < 9 || parts.iter().take(9).any(|t| t.tag != 0x02) {
        return Err(KeyError::Unsupported);
    }
    if parts.len() > 9 || parts[0].contents != [0] {
        return Err(KeyError::Unavailable("multi-prime RSA keys"));
    }
    Ok(parts
        .iter()
        .take(9)
        .map(|t| integer_magnitude(t.contents))
        .collect())
}

/// An RSAPublicKey's modulus and exponent.
fn rsa_public_parts(der: &[u8]) -> Res<(&[u8], &[u8])> {
    let parts = seq(der)?;
    match parts.as_slice() {
        [n, e] if n.tag == 0x02 && e.tag == 0x02 => {
            Ok((integer_magnitude(n.contents), integer_magnitude(e.contents)))
        }
        _ => Err(KeyError::Unsupported),
    }
}

/// An ECPrivateKey's scalar, curve (from its parameters, when it has them) and public
/// point (when it has it).
struct EcPrivate<'a> {
    scalar: &'a [u8],
    curve: Option<Curve>,
    public: Option<&'a [u8]>,
}

fn ec_private_parts(der: &[u8]) -> Res<EcPrivate<'_>> {
    let parts = seq(der)?;
    let (Some(version), Some(scalar)) = (parts.first(), parts.get(1)) else {
        return Err(KeyError::Unsupported);
    };
    if version.tag != 0x02 || version.contents != [1] || scalar.tag != 0x04 {
        return Err(KeyError::Unsupported);
    }
    let mut key = EcPrivate {
        scalar: scalar.contents,
        curve: None,
        public: None,
    };
    for part in &parts[2..] {
        let inner = tlv(part.contents).ok_or(KeyError::Unsupported)?;
        match (part.tag, inner.tag) {
            (0xa0, 0x06) => {
                key.curve = Some(
                    Curve::of_oid(inner.contents)
                        .ok_or(KeyError::Unavailable("this elliptic curve"))?,
                )
            }
            (0xa1, 0x03) => key.public = inner.contents.split_first().map(|(_, p)| p),
            _ => return Err(KeyError::Unsupported),
        }
    }
    Ok(key)
}

/// The ECPrivateKey OpenSSL puts inside PKCS#8 (no parameters: the algorithm has them),
/// or writes as SEC1 (with them).
fn ec_private_der(curve: Curve, scalar: &[u8], public: &[u8], with_params: bool) -> Vec<u8> {
    let mut padded = vec![0u8; curve.scalar_len().saturating_sub(scalar.len())];
    padded.extend_from_slice(scalar);
    let params = encode(0xa0, &encode(0x06, curve.oid()));
    let public = encode(0xa1, &bit_string(public));
    let version = unsigned_integer(&[1]);
    let scalar = encode(0x04, &padded);
    if with_params {
        sequence(&[&version, &scalar, &params, &public])
    } else {
        sequence(&[&version, &scalar, &public])
    }
}

fn ec_signing_alg(curve: Curve) -> &'static signature::EcdsaSigningAlgorithm {
    match curve {
        Curve::P256 => &signature::ECDSA_P256_SHA256_ASN1_SIGNING,
        Curve::P384 => &signature::ECDSA_P384_SHA384_ASN1_SIGNING,
    }
}

/// An EC key's public point, which OpenSSL always writes with it (ring cannot derive one
/// from the scalar alone).
fn ec_public<'a>(ec: &EcPrivate<'a>) -> Res<&'a [u8]> {
    ec.public.ok_or(KeyError::Unavailable(
        "EC private keys without their public key",
    ))
}

/// Whether `scalar` and `point` are one key pair on `curve`.
fn ec_pair_matches(curve: Curve, scalar: &[u8], point: &[u8]) -> bool {
    let mut padded = vec![0u8; curve.scalar_len().saturating_sub(scalar.len())];
    padded.extend_from_slice(scalar);
    signature::EcdsaKeyPair::from_private_key_and_public_key(
        ec_signing_alg(curve),
        &padded,
        point,
        &SystemRandom::new(),
    )
    .is_ok()
}

/// A private key in `form` (PKCS#8 when `form` is None) as its kind and PKCS#8 DER.
pub fn import_private(der: &[u8], form: Option<Form>) -> Res<(Kind, Vec<u8>)> {
    match form.unwrap_or(Form::Pkcs8) {
        Form::Pkcs8 => {
            let parts = seq(der)?;
            let [version, alg, key, ..] = parts.as_slice() else {
                return Err(KeyError::Unsupported);
            };
            if version.tag != 0x02 || alg.tag != 0x30 || key.tag != 0x04 {
                return Err(KeyError::Unsupported);
            }
            let kind = kind_of_algorithm(alg)?;
            match kind {
                Kind::Rsa => {
                    rsa_private_parts(key.contents)?;
                    Ok((kind, pkcs8(kind, key.contents)))
                }
                Kind::Ec(curve) => {
                    let ec = ec_private_parts(key.contents)?;
                    let inner = ec_private_der(curve, ec.scalar, ec_public(&ec)?, false);
                    Ok((kind, pkcs8(kind, &inner)))
                }
                Kind::Ed25519 | Kind::X25519 => {
                    let seed =
                        tlv(key.contents).filter(|t| t.tag == 0x04 && t.contents.len() == 32);
                    let seed = seed.ok_or(KeyError::Unsupported)?;
                    Ok((kind, pkcs8(kind, seed.whole)))
                }
            }
        }
        Form::Pkcs1 => {
            rsa_private_parts(der)?;
            Ok((Kind::Rsa, pkcs8(Kind::Rsa, der)))
        }
        Form::Sec1 => {
            let ec = ec_private_parts(der)?;
            let curve = ec.curve.ok_or(KeyError::Unsupported)?;
            let kind = Kind::Ec(curve);
            Ok((
                kind,
                pkcs8(
                    kind,
                    &ec_private_der(curve, ec.scalar, ec_public(&ec)?, false),
                ),
            ))
        }
        Form::Spki => Err(KeyError::Unsupported),
    }
}

/// A public key in `form` (SPKI when None) as its kind and SPKI DER.
pub fn import_public(der: &[u8], form: Option<Form>) -> Res<(Kind, Vec<u8>)> {
    match form.unwrap_or(Form::Spki) {
        Form::Spki => {
            let parts = seq(der)?;
            let [alg, key] = parts.as_slice() else {
                return Err(KeyError::Unsupported);
            };
            if alg.tag != 0x30 || key.tag != 0x03 || key.contents.first() != Some(&0) {
                return Err(KeyError::Unsupported);
            }
            let kind = kind_of_algorithm(alg)?;
            let bits = &key.contents[1..];
            let ok = match kind {
                Kind::Rsa => rsa_public_parts(bits).is_ok(),
                Kind::Ec(c) => bits.len() == 1 + 2 * c.scalar_len() && bits[0] == 4,
                Kind::Ed25519 | Kind::X25519 => bits.len() == 32,
            };
            if !ok {
                return Err(KeyError::Unsupported);
            }
            Ok((kind, spki(kind, bits)))
        }
        Form::Pkcs1 => {
            rsa_public_parts(der)?;
            Ok((Kind::Rsa, spki(Kind::Rsa, der)))
        }
        Form::Pkcs8 | Form::Sec1 => Err(KeyError::Unsupported),
    }
}

/// The inner key of a canonical PKCS#8 (the PrivateKey OCTET STRING's contents).
fn pkcs8_inner(der: &[u8]) -> Res<&[u8]> {
    let parts = seq(der)?;
    parts
        .get(2)
        .map(|t| t.contents)
        .ok_or(KeyError::Unsupported)
}

/// The key bits of a canonical SPKI.
fn spki_bits(der: &[u8]) -> Res<&[u8]> {
    let parts = seq(der)?;
    parts
        .get(1)
        .and_then(|t| t.contents.get(1..))
        .ok_or(KeyError::Unsupported)
}

/// An EC or X25519 private key's scalar (canonical PKCS#8) and an EC or X25519 public
/// key's bits (SPKI), for a key agreement (diffieHellman).
pub fn ec_scalar(private: &[u8]) -> Res<&[u8]> {
    let parts = seq(private)?;
    match parts.get(1).map(kind_of_algorithm) {
        Some(Ok(Kind::X25519)) => ed25519_seed(pkcs8_inner(private)?),
        _ => Ok(ec_private_parts(pkcs8_inner(private)?)?.scalar),
    }
}

pub fn ec_point(public: &[u8]) -> Res<&[u8]> {
    spki_bits(public)
}

/// An X25519 private key's public key.
fn x25519_public(private: &[u8]) -> Res<Vec<u8>> {
    super::dh::x25519_public(private).map_err(|_| KeyError::Unsupported)
}

/// The 32-byte key inside an Ed25519 or X25519 PKCS#8's PrivateKey.
fn ed25519_seed(inner: &[u8]) -> Res<&[u8]> {
    tlv(inner).map(|t| t.contents).ok_or(KeyError::Unsupported)
}

/// The SPKI of a private key's public half.
pub fn public_of(kind: Kind, private: &[u8]) -> Res<Vec<u8>> {
    let inner = pkcs8_inner(private)?;
    Ok(match kind {
        Kind::Rsa => {
            let p = rsa_private_parts(inner)?;
            spki(
                kind,
                &sequence(&[&unsigned_integer(p[1]), &unsigned_integer(p[2])]),
            )
        }
        Kind::Ec(_) => spki(kind, ec_public(&ec_private_parts(inner)?)?),
        Kind::Ed25519 => {
            let pair = signature::Ed25519KeyPair::from_seed_unchecked(ed25519_seed(inner)?)
                .map_err(|_| KeyError::Unsupported)?;
            spki(kind, pair.public_key().as_ref())
        }
        Kind::X25519 => spki(kind, &x25519_public(ed25519_seed(inner)?)?),
    })
}

/// A canonical key written in `form`.
pub fn export(kind: Kind, der: &[u8], private: bool, form: Form) -> Res<Vec<u8>> {
    match (private, form, kind) {
        (true, Form::Pkcs8, _) | (false, Form::Spki, _) => Ok(der.to_vec()),
        (true, Form::Pkcs1, Kind::Rsa) => Ok(pkcs8_inner(der)?.to_vec()),
        (false, Form::Pkcs1, Kind::Rsa) => Ok(spki_bits(der)?.to_vec()),
        (true, Form::Sec1, Kind::Ec(curve)) => {
            let ec = ec_private_parts(pkcs8_inner(der)?)?;
            Ok(ec_private_der(curve, ec.scalar, ec_public(&ec)?, true))
        }
        _ => Err(KeyError::IncompatibleKey),
    }
}

/// What asymmetricKeyDetails reports: an RSA key's modulus length in bits and public
/// exponent (big-endian bytes); nothing more is needed for EC or Ed25519 (the curve is in
/// the kind).
pub fn rsa_details(der: &[u8], private: bool) -> Res<(usize, Vec<u8>)> {
    let (n, e) = if private {
        let p = rsa_private_parts(pkcs8_inner(der)?)?;
        (p[1], p[2])
    } else {
        rsa_public_parts(spki_bits(der)?)?
    };
    let bits = n.first().map_or(0, |&top| {
        (n.len() - 1) * 8 + (8 - top.leading_zeros() as usize)
    });
    Ok((bits, e.to_vec()))
}

/// A key's JWK members other than kty/crv, as (name, big-endian bytes) in Node's order.
pub fn jwk_parts(kind: Kind, der: &[u8], private: bool) -> Res<Vec<(&'static str, Vec<u8>)>> {
    Ok(match kind {
        Kind::Rsa if private => {
            let p = rsa_private_parts(pkcs8_inner(der)?)?;
            ["n", "e", "d", "p", "q", "dp", "dq", "qi"]
                .iter()
                .zip(&p[1..])
                .map(|(name, v)| (*name, v.to_vec()))
                .collect()
        }
        Kind::Rsa => {
            let (n, e) = rsa_public_parts(spki_bits(der)?)?;
            vec![("n", n.to_vec()), ("e", e.to_vec())]
        }
        Kind::Ec(curve) => {
            let (point, scalar) = if private {
                let ec = ec_private_parts(pkcs8_inner(der)?)?;
                (ec_public(&ec)?.to_vec(), Some(ec.scalar.to_vec()))
            } else {
                (spki_bits(der)?.to_vec(), None)
            };
            let n = curve.scalar_len();
            if point.len() != 1 + 2 * n {
                return Err(KeyError::Unsupported);
            }
            let mut out = vec![
                ("x", point[1..1 + n].to_vec()),
                ("y", point[1 + n..].to_vec()),
            ];
            if let Some(mut d) = scalar {
                while d.len() < n {
                    d.insert(0, 0);
                }
                out.push(("d", d));
            }
            out
        }
        Kind::Ed25519 => {
            if private {
                let seed = ed25519_seed(pkcs8_inner(der)?)?;
                let pair = signature::Ed25519KeyPair::from_seed_unchecked(seed)
                    .map_err(|_| KeyError::Unsupported)?;
                vec![
                    ("x", pair.public_key().as_ref().to_vec()),
                    ("d", seed.to_vec()),
                ]
            } else {
                vec![("x", spki_bits(der)?.to_vec())]
            }
        }
        Kind::X25519 => {
            if private {
                let d = ed25519_seed(pkcs8_inner(der)?)?;
                vec![("x", x25519_public(d)?), ("d", d.to_vec())]
            } else {
                vec![("x", spki_bits(der)?.to_vec())]
            }
        }
    })
}

/// A key from JWK members (kty/crv already read into `kind`): its PKCS#8 when `private`,
/// its SPKI otherwise. `get` returns a member's decoded bytes.
pub fn from_jwk(kind: Kind, private: bool, get: &dyn Fn(&str) -> Option<Vec<u8>>) -> Res<Vec<u8>> {
    let need = |name: &str| get(name).ok_or(KeyError::Unsupported);
    match kind {
        Kind::Rsa => {
            let (n, e) = (need("n")?, need("e")?);
            if !private {
                return Ok(spki(
                    kind,
                    &sequence(&[&unsigned_integer(&n), &unsigned_integer(&e)]),
                ));
            }
            let mut ints = vec![
                unsigned_integer(&[0]),
                unsigned_integer(&n),
                unsigned_integer(&e),
            ];
            for name in ["d", "p", "q", "dp", "dq", "qi"] {
                ints.push(unsigned_integer(&need(name)?));
            }
            let refs: Vec<&[u8]> = ints.iter().map(Vec::as_slice).collect();
            Ok(pkcs8(kind, &sequence(&refs)))
        }
        Kind::Ec(curve) => {
            let (x, y) = (need("x")?, need("y")?);
            let n = curve.scalar_len();
            if x.len() != n || y.len() != n {
                return Err(KeyError::Unsupported);
            }
            let point = [&[4u8][..], &x, &y].concat();
            if !private {
                return Ok(spki(kind, &point));
            }
            let d = need("d")?;
            if !ec_pair_matches(curve, &d, &point) {
                return Err(KeyError::Unsupported);
            }
            Ok(pkcs8(kind, &ec_private_der(curve, &d, &point, false)))
        }
        Kind::Ed25519 => {
            let x = need("x")?;
            if !private {
                return if x.len() == 32 {
                    Ok(spki(kind, &x))
                } else {
                    Err(KeyError::Unsupported)
                };
            }
            let d = need("d")?;
            // The seed must be the public key's.
            signature::Ed25519KeyPair::from_seed_and_public_key(&d, &x)
                .map_err(|_| KeyError::Unsupported)?;
            Ok(pkcs8(kind, &encode(0x04, &d)))
        }
        // A private key is its d alone (OpenSSL derives x), a public one its x.
        Kind::X25519 if private => {
            let d = need("d")?;
            x25519_public(&d)?;
            Ok(pkcs8(kind, &encode(0x04, &d)))
        }
        Kind::X25519 => {
            let x = need("x")?;
            if x.len() != 32 {
                return Err(KeyError::Unsupported);
            }
            Ok(spki(kind, &x))
        }
    }
}

/// A new key pair's PKCS#8 (EC and Ed25519; ring makes no RSA keys).
pub fn generate(kind: Kind) -> Res<Vec<u8>> {
    let rng = SystemRandom::new();
    match kind {
        Kind::Ec(curve) => {
            let doc = signature::EcdsaKeyPair::generate_pkcs8(ec_signing_alg(curve), &rng)
                .map_err(|_| KeyError::SignFailed)?;
            import_private(doc.as_ref(), None).map(|(_, der)| der)
        }
        Kind::Ed25519 | Kind::X25519 => {
            let mut seed = [0u8; 32];
            ring::rand::SecureRandom::fill(&rng, &mut seed).map_err(|_| KeyError::SignFailed)?;
            Ok(pkcs8(kind, &encode(0x04, &seed)))
        }
        Kind::Rsa => Err(KeyError::Unavailable("RSA key generation")),
    }
}

/// The digests signatures take here, by Node's names (`RSA-SHA256`, `sha256`,
/// `sha256WithRSAEncryption`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digest {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Digest {
    pub fn of_name(name: &str) -> Res<Digest> {
        let n = name.to_ascii_lowercase();
        let n = n.strip_prefix("rsa-").unwrap_or(&n);
        let n = n.strip_prefix("ecdsa-with-").unwrap_or(n);
        let n = n.strip_suffix("withrsaencryption").unwrap_or(n);
        match n.replace("sha-", "sha").as_str() {
            "sha1" => Ok(Digest::Sha1),
            "sha256" => Ok(Digest::Sha256),
            "sha384" => Ok(Digest::Sha384),
            "sha512" => Ok(Digest::Sha512),
            "md5" | "sha224" | "sha512-256" | "sha3-256" | "sha3-384" | "sha3-512"
            | "ripemd160" => Err(KeyError::Unavailable("signatures with this digest")),
            _ => Err(KeyError::InvalidDigest),
        }
    }
}

/// How a signature is padded or encoded, from Node's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scheme {
    /// RSA-PSS (with this salt) rather than PKCS#1 v1.5.
    pub pss: Option<Salt>,
    /// ECDSA as r||s (ieee-p1363) rather than DER.
    pub p1363: bool,
}

/// ring's PKCS#1 v1.5 and PSS (salt as long as the digest) signing, where it signs.
fn ring_rsa_signing(
    digest: Digest,
    pss: Option<Salt>,
) -> Option<&'static dyn signature::RsaEncoding> {
    Some(match (digest, pss) {
        (Digest::Sha256, None) => &signature::RSA_PKCS1_SHA256,
        (Digest::Sha384, None) => &signature::RSA_PKCS1_SHA384,
        (Digest::Sha512, None) => &signature::RSA_PKCS1_SHA512,
        (Digest::Sha256, Some(Salt::Digest)) => &signature::RSA_PSS_SHA256,
        (Digest::Sha384, Some(Salt::Digest)) => &signature::RSA_PSS_SHA384,
        (Digest::Sha512, Some(Salt::Digest)) => &signature::RSA_PSS_SHA512,
        _ => return None,
    })
}

fn ecdsa_signing(
    curve: Curve,
    digest: Digest,
    p1363: bool,
) -> Res<&'static signature::EcdsaSigningAlgorithm> {
    Ok(match (curve, digest, p1363) {
        (Curve::P256, Digest::Sha256, false) => &signature::ECDSA_P256_SHA256_ASN1_SIGNING,
        (Curve::P256, Digest::Sha256, true) => &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        (Curve::P384, Digest::Sha384, false) => &signature::ECDSA_P384_SHA384_ASN1_SIGNING,
        (Curve::P384, Digest::Sha384, true) => &signature::ECDSA_P384_SHA384_FIXED_SIGNING,
        _ => {
            return Err(KeyError::Unavailable(
                "ECDSA signing with this curve and digest",
            ))
        }
    })
}

fn ecdsa_verifying(
    curve: Curve,
    digest: Digest,
    p1363: bool,
) -> Res<&'static signature::EcdsaVerificationAlgorithm> {
    Ok(match (curve, digest, p1363) {
        (Curve::P256, Digest::Sha256, false) => &signature::ECDSA_P256_SHA256_ASN1,
        (Curve::P256, Digest::Sha256, true) => &signature::ECDSA_P256_SHA256_FIXED,
        (Curve::P256, Digest::Sha384, false) => &signature::ECDSA_P256_SHA384_ASN1,
        (Curve::P384, Digest::Sha256, false) => &signature::ECDSA_P384_SHA256_ASN1,
        (Curve::P384, Digest::Sha384, false) => &signature::ECDSA_P384_SHA384_ASN1,
        (Curve::P384, Digest::Sha384, true) => &signature::ECDSA_P384_SHA384_FIXED,
        _ => {
            return Err(KeyError::Unavailable(
                "ECDSA verification with this curve and digest",
            ))
        }
    })
}

/// Signs `message` with a canonical private key. `digest` is None for Ed25519 (and for RSA
/// or EC, where Node then uses SHA-256).
pub fn sign(
    kind: Kind,
    der: &[u8],
    digest: Option<Digest>,
    scheme: Scheme,
    message: &[u8],
) -> Res<Vec<u8>> {
    let rng = SystemRandom::new();
    let inner = pkcs8_inner(der)?;
    let digest = digest.unwrap_or(Digest::Sha256);
    match kind {
        Kind::Rsa => {
            // ring where it signs (its private-key arithmetic is constant-time), the rsa
            // crate for the keys, digests and salts it refuses.
            if let (Some(encoding), Ok(pair)) = (
                ring_rsa_signing(digest, scheme.pss),
                signature::RsaKeyPair::from_der(inner),
            ) {
                let mut sig = vec![0; pair.public().modulus_len()];
                pair.sign(encoding, &rng, message, &mut sig)
                    .map_err(|_| KeyError::SignFailed)?;
                return Ok(sig);
            }
            rsa_ops::sign(der, digest, scheme.pss, message)
        }
        Kind::Ec(curve) => {
            let ec = ec_private_parts(inner)?;
            let public = ec_public(&ec)?;
            let mut scalar = vec![0u8; curve.scalar_len().saturating_sub(ec.scalar.len())];
            scalar.extend_from_slice(ec.scalar);
            let alg = ecdsa_signing(curve, digest, scheme.p1363)?;
            let pair = signature::EcdsaKeyPair::from_private_key_and_public_key(
                alg, &scalar, public, &rng,
            )
            .map_err(|_| KeyError::Unsupported)?;
            let sig = pair.sign(&rng, message).map_err(|_| KeyError::SignFailed)?;
            Ok(sig.as_ref().to_vec())
        }
        Kind::Ed25519 => {
            let pair = signature::Ed25519KeyPair::from_seed_unchecked(ed25519_seed(inner)?)
                .map_err(|_| KeyError::Unsupported)?;
            Ok(pair.sign(message).as_ref().to_vec())
        }
        Kind::X25519 => Err(KeyError::IncompatibleKey),
    }
}

/// Checks `sig` over `message` with a canonical public key.
pub fn verify(
    kind: Kind,
    der: &[u8],
    digest: Option<Digest>,
    scheme: Scheme,
    message: &[u8],
    sig: &[u8],
) -> Res<bool> {
    let bits = spki_bits(der)?;
    let digest = digest.unwrap_or(Digest::Sha256);
    Ok(match kind {
        Kind::Rsa => rsa_ops::verify(der, digest, scheme.pss, message, sig)?,
        Kind::Ec(curve) => {
            let alg = ecdsa_verifying(curve, digest, scheme.p1363)?;
            signature::UnparsedPublicKey::new(alg, bits)
                .verify(message, sig)
                .is_ok()
        }
        Kind::Ed25519 => signature::UnparsedPublicKey::new(&signature::ED25519, bits)
            .verify(message, sig)
            .is_ok(),
        Kind::X25519 => return Err(KeyError::IncompatibleKey),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    // An OpenSSL P-256 key as PKCS#8 and as SEC1.
    const EC_PKCS8: &str = "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b020101042001bf71774a58863a4e417096b3f732e5d008080cf1458f08d3b416ffa425d29da1440342000432111d9a441c192b0cfcfb72591269b9c6a7bc24b7c05b4ff40aae42b1daf1a09584b48fa1ff8b846931135a155d2bfba87ad8ed18a208a8573aa0f31531d118";
    const EC_SEC1: &str = "3077020101042001bf71774a58863a4e417096b3f732e5d008080cf1458f08d3b416ffa425d29da00a06082a8648ce3d030107a1440342000432111d9a441c192b0cfcfb72591269b9c6a7bc24b7c05b4ff40aae42b1daf1a09584b48fa1ff8b846931135a155d2bfba87ad8ed18a208a8573aa0f31531d118";
    const ED_PKCS8: &str = "302e020100300506032b657004220420d469c5cbc248ae5723786b120e8c5156afb5d60416161b61a8fc172f8b39c85e";
    const ED_SPKI: &str =
        "302a300506032b6570032100a642b82c6dab108ffd243da7c5f8f37ed24d4418c821766a8065e2f3c414df99";

    #[test]
    fn ec_forms_convert_as_openssl_writes_them() {
        let (kind, der) = import_private(&unhex(EC_SEC1), Some(Form::Sec1)).unwrap();
        assert_eq!(kind, Kind::Ec(Curve::P256));
        assert_eq!(der, unhex(EC_PKCS8));
        assert_eq!(
            export(kind, &der, true, Form::Sec1).unwrap(),
            unhex(EC_SEC1)
        );
        assert_eq!(import_private(&unhex(EC_PKCS8), None).unwrap().1, der);
        let sec1 = unhex(EC_SEC1);
        let ec = ec_private_parts(&sec1).unwrap();
        assert!(ec_pair_matches(Curve::P256, ec.scalar, ec.public.unwrap()));
        assert!(!ec_pair_matches(Curve::P256, &[1; 32], ec.public.unwrap()));
        assert_eq!(
            export(kind, &der, true, Form::Pkcs1),
            Err(KeyError::IncompatibleKey)
        );
    }

    #[test]
    fn signatures_verify_and_forgeries_do_not() {
        let (kind, der) = import_private(&unhex(ED_PKCS8), None).unwrap();
        let public = public_of(kind, &der).unwrap();
        assert_eq!(public, unhex(ED_SPKI));
        let plain = Scheme {
            pss: None,
            p1363: false,
        };
        let sig = sign(kind, &der, None, plain, b"message").unwrap();
        assert!(verify(kind, &public, None, plain, b"message", &sig).unwrap());
        assert!(!verify(kind, &public, None, plain, b"messagE", &sig).unwrap());
        let (kind, der) = import_private(&unhex(EC_PKCS8), None).unwrap();
        let public = public_of(kind, &der).unwrap();
        for p1363 in [false, true] {
            let scheme = Scheme { pss: None, p1363 };
            let sig = sign(kind, &der, Some(Digest::Sha256), scheme, b"m").unwrap();
            assert!(verify(kind, &public, Some(Digest::Sha256), scheme, b"m", &sig).unwrap());
        }
        assert!(sign(kind, &der, Some(Digest::Sha512), plain, b"m").is_err());
    }

    #[test]
    fn generated_keys_and_jwks_round_trip() {
        for kind in [Kind::Ec(Curve::P384), Kind::Ed25519, Kind::X25519] {
            let der = generate(kind).unwrap();
            assert_eq!(import_private(&der, None).unwrap(), (kind, der.clone()));
            let parts = jwk_parts(kind, &der, true).unwrap();
            let get = |name: &str| {
                parts
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
            };
            assert_eq!(from_jwk(kind, true, &get).unwrap(), der);
        }
        assert_eq!(Digest::of_name("RSA-SHA256"), Ok(Digest::Sha256));
        assert_eq!(
            Digest::of_name("sha512WithRSAEncryption"),
            Ok(Digest::Sha512)
        );
        assert_eq!(Digest::of_name("nope"), Err(KeyError::InvalidDigest));
        assert_eq!(import_public(b"\x30\x00", None), Err(KeyError::Unsupported));
    }
}
