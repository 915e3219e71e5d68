//! Key agreement for crypto's ECDH, DiffieHellman and diffieHellman(): elliptic-curve
//! Diffie-Hellman on P-256, P-384 and secp256k1 (RustCrypto, whose keys can be read and
//! written, unlike ring's), X25519 (x25519-dalek), and finite-field Diffie-Hellman over
//! the big integers the rsa crate already builds. Keys are big-endian bytes, as Node gives and takes them.

use num_bigint_dig::{BigUint, RandBigInt};
use p256::elliptic_curve::sec1::{FromEncodedPoint, ModulusSize, ToEncodedPoint};
use p256::elliptic_curve::{
    ecdh, AffinePoint, CurveArithmetic, FieldBytesSize, PublicKey, SecretKey,
};

#[derive(Debug, PartialEq, Eq)]
pub enum DhError {
    /// A private key that is no scalar of the curve (zero, or past its order).
    InvalidPrivateKey,
    /// A public key that is no point of the curve.
    InvalidPublicKey,
    /// A finite-field public key of 1 or less.
    KeyTooSmall,
    /// A finite-field public key of p - 1 or more.
    KeyTooLarge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EcCurve {
    P256,
    P384,
    K256,
}

/// How a public point is written (SEC 1): x alone with y's parity, x and y, or x and y
/// with y's parity in the tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointForm {
    Compressed,
    Uncompressed,
    Hybrid,
}

impl EcCurve {
    /// The curve by the names createECDH takes (OpenSSL's and NIST's).
    pub fn of_name(name: &str) -> Option<EcCurve> {
        match name {
            "prime256v1" | "secp256r1" | "P-256" => Some(EcCurve::P256),
            "secp384r1" | "P-384" => Some(EcCurve::P384),
            "secp256k1" => Some(EcCurve::K256),
            _ => None,
        }
    }

    pub fn scalar_len(self) -> usize {
        match self {
            EcCurve::P256 | EcCurve::K256 => 32,
            EcCurve::P384 => 48,
        }
    }
}

fn public_of<C>(private: &[u8]) -> Result<Vec<u8>, DhError>
where
    C: CurveArithmetic,
    AffinePoint<C>: FromEncodedPoint<C> + ToEncodedPoint<C>,
    FieldBytesSize<C>: ModulusSize,
{
    let secret = SecretKey::<C>::from_slice(private).map_err(|_| DhError::InvalidPrivateKey)?;
    Ok(secret
        .public_key()
        .to_encoded_point(false)
        .as_bytes()
        .to_vec())
}

fn shared<C>(private: &[u8], peer: &[u8]) -> Result<Vec<u8>, DhError>
where
    C: CurveArithmetic,
    AffinePoint<C>: FromEncodedPoint<C> + ToEncodedPoint<C>,
    FieldBytesSize<C>: ModulusSize,
{
    let secret = SecretKey::<C>::from_slice(private).map_err(|_| DhError::InvalidPrivateKey)?;
    let peer =
        PublicKey::<C>::from_sec1_bytes(&as_sec1(peer)).map_err(|_| DhError::InvalidPublicKey)?;
    let shared = ecdh::diffie_hellman(secret.to_nonzero_scalar(), peer.as_affine());
    Ok(shared.raw_secret_bytes().to_vec())
}

fn convert<C>(point: &[u8], form: PointForm) -> Result<Vec<u8>, DhError>
where
    C: CurveArithmetic,
    AffinePoint<C>: FromEncodedPoint<C> + ToEncodedPoint<C>,
    FieldBytesSize<C>: ModulusSize,
{
    let key =
        PublicKey::<C>::from_sec1_bytes(&as_sec1(point)).map_err(|_| DhError::InvalidPublicKey)?;
    let mut out = key
        .as_affine()
        .to_encoded_point(form == PointForm::Compressed)
        .as_bytes()
        .to_vec();
    if form == PointForm::Hybrid {
        // 0x06 or 0x07: the uncompressed point, tagged with y's parity.
        out[0] = 0x06 | (out[out.len() - 1] & 1);
    }
    Ok(out)
}

/// A hybrid point (tag 6 or 7) as the uncompressed one RustCrypto reads.
fn as_sec1(point: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match point.first() {
        Some(0x06 | 0x07) => {
            let mut p = point.to_vec();
            p[0] = 0x04;
            p.into()
        }
        _ => point.into(),
    }
}

/// A private key padded to the curve's scalar length (Node takes shorter big-endian
/// numbers); a longer one is invalid.
fn padded(curve: EcCurve, private: &[u8]) -> Result<Vec<u8>, DhError> {
    let len = curve.scalar_len();
    if private.len() > len {
        return Err(DhError::InvalidPrivateKey);
    }
    let mut out = vec![0; len - private.len()];
    out.extend_from_slice(private);
    Ok(out)
}

/// The uncompressed public point of `private`.
pub fn ec_public(curve: EcCurve, private: &[u8]) -> Result<Vec<u8>, DhError> {
    let private = padded(curve, private)?;
    match curve {
        EcCurve::P256 => public_of::<p256::NistP256>(&private),
        EcCurve::P384 => public_of::<p384::NistP384>(&private),
        EcCurve::K256 => public_of::<k256::Secp256k1>(&private),
    }
}

/// The shared secret (the x coordinate of private × peer).
pub fn ec_shared(curve: EcCurve, private: &[u8], peer: &[u8]) -> Result<Vec<u8>, DhError> {
    let private = padded(curve, private)?;
    match curve {
        EcCurve::P256 => shared::<p256::NistP256>(&private, peer),
        EcCurve::P384 => shared::<p384::NistP384>(&private, peer),
        EcCurve::K256 => shared::<k256::Secp256k1>(&private, peer),
    }
}

/// A public point written in `form`.
pub fn ec_convert(curve: EcCurve, point: &[u8], form: PointForm) -> Result<Vec<u8>, DhError> {
    match curve {
        EcCurve::P256 => convert::<p256::NistP256>(point, form),
        EcCurve::P384 => convert::<p384::NistP384>(point, form),
        EcCurve::K256 => convert::<k256::Secp256k1>(point, form),
    }
}

/// A new private key: random bytes until they are a valid scalar.
pub fn ec_generate(curve: EcCurve, random: &mut dyn FnMut(&mut [u8])) -> (Vec<u8>, Vec<u8>) {
    let mut private = vec![0; curve.scalar_len()];
    loop {
        random(&mut private);
        if let Ok(public) = ec_public(curve, &private) {
            return (private, public);
        }
    }
}

/// An X25519 private key's public key.
pub fn x25519_public(private: &[u8]) -> Result<Vec<u8>, DhError> {
    let private: [u8; 32] = private.try_into().map_err(|_| DhError::InvalidPrivateKey)?;
    Ok(x25519_dalek::x25519(private, x25519_dalek::X25519_BASEPOINT_BYTES).to_vec())
}

/// The X25519 shared secret; a peer key of small order (an all-zero secret) is refused,
/// as OpenSSL refuses it.
pub fn x25519_shared(private: &[u8], peer: &[u8]) -> Result<Vec<u8>, DhError> {
    let private: [u8; 32] = private.try_into().map_err(|_| DhError::InvalidPrivateKey)?;
    let peer: [u8; 32] = peer.try_into().map_err(|_| DhError::InvalidPublicKey)?;
    let secret = x25519_dalek::x25519(private, peer);
    if secret.iter().all(|&b| b == 0) {
        return Err(DhError::InvalidPublicKey);
    }
    Ok(secret.to_vec())
}

/// `value` as big-endian bytes of exactly `len` (Node pads DH keys and secrets to the
/// prime's length).
fn to_len(value: &BigUint, len: usize) -> Vec<u8> {
    let bytes = value.to_bytes_be();
    let mut out = vec![0; len.saturating_sub(bytes.len())];
    out.extend_from_slice(&bytes);
    out
}

/// g^private mod p, padded to p's length.
pub fn dh_public(prime: &[u8], generator: &[u8], private: &[u8]) -> Vec<u8> {
    let p = BigUint::from_bytes_be(prime);
    let y = BigUint::from_bytes_be(generator).modpow(&BigUint::from_bytes_be(private), &p);
    to_len(&y, prime.len())
}

/// A private key of p's bit length less one, random (the size OpenSSL draws).
pub fn dh_private(prime: &[u8], random: &mut dyn FnMut(&mut [u8])) -> Vec<u8> {
    let bits = BigUint::from_bytes_be(prime).bits().max(2) - 1;
    let mut bytes = vec![0; bits.div_ceil(8)];
    random(&mut bytes);
    let extra = bytes.len() * 8 - bits;
    bytes[0] &= 0xff >> extra;
    bytes
}

/// peer^private mod p, padded to p's length; the peer's key must lie in 2..p-2.
pub fn dh_shared(prime: &[u8], private: &[u8], peer: &[u8]) -> Result<Vec<u8>, DhError> {
    let p = BigUint::from_bytes_be(prime);
    let y = BigUint::from_bytes_be(peer);
    let one = BigUint::from(1u32);
    if y <= one {
        return Err(DhError::KeyTooSmall);
    }
    if y >= &p - &one {
        return Err(DhError::KeyTooLarge);
    }
    let z = y.modpow(&BigUint::from_bytes_be(private), &p);
    Ok(to_len(&z, prime.len()))
}

/// DH_check's findings for a group, as verifyError reports them: 0x01 p is not prime,
/// 0x02 p is not a safe prime, 0x08 the generator is unsuitable, 0x80 p is under 512 bits.
pub fn dh_check(prime: &[u8], generator: &[u8]) -> u32 {
    let p = BigUint::from_bytes_be(prime);
    let g = BigUint::from_bytes_be(generator);
    let one = BigUint::from(1u32);
    let mut flags = if p.bits() < 512 { 0x80 } else { 0 };
    if g <= one || g >= &p - &one {
        flags |= 0x08;
    }
    if !num_bigint_dig::prime::probably_prime(&p, 20) {
        flags |= 0x01;
    } else if !num_bigint_dig::prime::probably_prime(&((&p - &one) >> 1), 20) {
        flags |= 0x02;
    }
    flags
}

/// A safe prime (p = 2q + 1, q prime) of `bits` bits (at least 16), as
/// createDiffieHellman(length) makes one. Candidates for q step by 2 from a random start;
/// those where q or 2q + 1 has a small factor are passed over with a table of residues,
/// so that the costly tests run on few of them.
pub fn dh_safe_prime<R: rand_core::RngCore + rand_core::CryptoRng>(
    bits: usize,
    rng: &mut R,
) -> Vec<u8> {
    let small = small_primes(4096);
    let one = BigUint::from(1u32);
    loop {
        // bits - 1 bits, the top one set, odd.
        let start = rng.gen_biguint(bits - 1) | (&one << (bits - 2)) | &one;
        let digits = start.to_bytes_be();
        let residues: Vec<u64> = small
            .iter()
            .map(|&sp| digits.iter().fold(0, |r, &d| (r * 256 + u64::from(d)) % sp))
            .collect();
        // Steps of 2 until the candidate outgrows its bit length.
        for step in (0..(1u64 << 20)).step_by(2) {
            let clear = small.iter().zip(&residues).all(|(&sp, &r)| {
                let q = (r + step) % sp;
                q != 0 && (2 * q + 1) % sp != 0
            });
            if !clear {
                continue;
            }
            let q = &start + BigUint::from(step);
            let p = (&q << 1) + &one;
            if p.bits() != bits {
                break;
            }
            if num_bigint_dig::prime::probably_prime(&q, 20)
                && num_bigint_dig::prime::probably_prime(&p, 20)
            {
                return p.to_bytes_be();
            }
        }
    }
}

/// The odd primes below `limit` (a sieve).
fn small_primes(limit: u64) -> Vec<u64> {
    let mut composite = vec![false; limit as usize];
    let mut primes = Vec::new();
    for n in 3..limit {
        if composite[n as usize] || n % 2 == 0 {
            continue;
        }
        primes.push(n);
        for m in (n * n..limit).step_by(n as usize) {
            composite[m as usize] = true;
        }
    }
    primes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sides_of_an_ecdh_agree_and_points_convert() {
        for curve in [EcCurve::P256, EcCurve::P384, EcCurve::K256] {
            let mut n = 1u8;
            let mut random = |b: &mut [u8]| {
                for x in b.iter_mut() {
                    n = n.wrapping_mul(31).wrapping_add(7);
                    *x = n;
                }
            };
            let (a, a_pub) = ec_generate(curve, &mut random);
            let (b, b_pub) = ec_generate(curve, &mut random);
            assert_eq!(ec_shared(curve, &a, &b_pub), ec_shared(curve, &b, &a_pub));
            let compressed = ec_convert(curve, &a_pub, PointForm::Compressed).unwrap();
            assert_eq!(compressed.len(), 1 + curve.scalar_len());
            assert_eq!(
                ec_convert(curve, &compressed, PointForm::Uncompressed).unwrap(),
                a_pub
            );
            let hybrid = ec_convert(curve, &a_pub, PointForm::Hybrid).unwrap();
            assert_eq!(ec_shared(curve, &b, &hybrid), ec_shared(curve, &b, &a_pub));
            assert_eq!(
                ec_public(curve, &vec![0; curve.scalar_len()]),
                Err(DhError::InvalidPrivateKey)
            );
            assert_eq!(
                ec_shared(curve, &a, &[4, 1, 2]),
                Err(DhError::InvalidPublicKey)
            );
        }
    }

    #[test]
    fn x25519_matches_rfc_7748() {
        let unhex = |s: &str| -> Vec<u8> {
            (0..s.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
                .collect()
        };
        let alice = unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        let bob = unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        let alice_pub = x25519_public(&alice).unwrap();
        assert_eq!(
            alice_pub,
            unhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
        );
        let shared = unhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assert_eq!(x25519_shared(&bob, &alice_pub).unwrap(), shared);
        assert_eq!(
            x25519_shared(&alice, &[0; 32]),
            Err(DhError::InvalidPublicKey)
        );
    }

    #[test]
    fn finite_field_dh_agrees_and_checks_the_peer_key() {
        // A 64-bit safe prime keeps the test quick; real groups are checked from JS.
        let p = 0xffff_ffff_ffff_fc5fu64.to_be_bytes();
        let (a, b) = ([3u8, 7], [5u8, 11]);
        let (a_pub, b_pub) = (dh_public(&p, &[2], &a), dh_public(&p, &[2], &b));
        assert_eq!(dh_shared(&p, &a, &b_pub), dh_shared(&p, &b, &a_pub));
        assert_eq!(dh_shared(&p, &a, &[1]), Err(DhError::KeyTooSmall));
        assert_eq!(dh_shared(&p, &a, &p), Err(DhError::KeyTooLarge));
        assert_eq!(dh_check(&[23], &[5]), 0x80);
        assert_eq!(dh_check(&[0xff], &[2]), 0x81);
        let safe = dh_safe_prime(64, &mut super::super::rsa_ops::SystemRng);
        let p = BigUint::from_bytes_be(&safe);
        assert_eq!(p.bits(), 64);
        assert!(num_bigint_dig::prime::probably_prime(&p, 20));
        assert!(num_bigint_dig::prime::probably_prime(&(p >> 1), 20));
    }
}
