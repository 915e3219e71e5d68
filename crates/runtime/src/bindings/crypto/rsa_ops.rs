//! The RSA operations ring does not do, on RustCrypto's rsa: key generation, encryption
//! and decryption (OAEP and PKCS#1 v1.5) for publicEncrypt/privateDecrypt, verification
//! of every signature (any key size and exponent, SHA-1, any PSS salt), and the signatures
//! ring refuses to make (SHA-1, keys under 2048 bits or with a small exponent, PSS salts
//! other than the digest's length). Keys come and go as the canonical DER keys.rs keeps
//! (PKCS#8, SPKI).
//!
//! The crate's private-key operations are not constant-time (RUSTSEC-2023-0071, the
//! Marvin attack), which matters where a remote party can time them: signatures ring can
//! make stay with ring.

use super::super::der::{integer_magnitude, sequence, tlv, unsigned_integer};
use super::keys::KeyError;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BigUint, Oaep, Pkcs1v15Encrypt, Pkcs1v15Sign, Pss, RsaPrivateKey, RsaPublicKey};
use sha1::Digest as _;

/// Random bytes for the crate, from getrandom(2).
pub struct SystemRng;

impl rand_core::RngCore for SystemRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }

    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        // getrandom(2) on Linux does not fail for a valid buffer once the pool is ready;
        // an error here has no caller to go to, so the bytes are tried again.
        let mut filled = 0;
        while filled < dest.len() {
            if let Ok(n) = unode_sys::process::getrandom(&mut dest[filled..]) {
                filled += n;
            }
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl rand_core::CryptoRng for SystemRng {}

/// How publicEncrypt and privateDecrypt pad, from Node's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Padding {
    Pkcs1,
    /// OAEP with this digest for the label hash and MGF1.
    Oaep(super::keys::Digest),
}

fn oaep(digest: super::keys::Digest, label: &[u8]) -> Result<Oaep, KeyError> {
    use super::keys::Digest;
    let label = std::str::from_utf8(label)
        .map_err(|_| KeyError::Unavailable("OAEP labels that are not UTF-8"))?
        .to_owned();
    let with = |mut o: Oaep| {
        o.label = (!label.is_empty()).then(|| label.clone());
        o
    };
    Ok(with(match digest {
        Digest::Sha1 => Oaep::new::<sha1::Sha1>(),
        Digest::Sha256 => Oaep::new::<sha2::Sha256>(),
        Digest::Sha384 => Oaep::new::<sha2::Sha384>(),
        Digest::Sha512 => Oaep::new::<sha2::Sha512>(),
    }))
}

fn big(bytes: &[u8]) -> BigUint {
    BigUint::from_bytes_be(bytes)
}

/// The RSAPrivateKey inside a canonical PKCS#8, as the crate's key.
fn private_key(pkcs8: &[u8]) -> Result<RsaPrivateKey, KeyError> {
    let outer = tlv(pkcs8).ok_or(KeyError::Unsupported)?;
    let parts = super::super::der::children(outer.contents);
    let inner = parts.get(2).ok_or(KeyError::Unsupported)?;
    let ints =
        super::super::der::children(tlv(inner.contents).ok_or(KeyError::Unsupported)?.contents);
    if ints.len() < 6 {
        return Err(KeyError::Unsupported);
    }
    let int = |i: usize| big(integer_magnitude(ints[i].contents));
    RsaPrivateKey::from_components(int(1), int(2), int(3), vec![int(4), int(5)])
        .map_err(|_| KeyError::Unsupported)
}

/// The RSAPublicKey inside a canonical SPKI, as the crate's key.
fn public_key(spki: &[u8]) -> Result<RsaPublicKey, KeyError> {
    let outer = tlv(spki).ok_or(KeyError::Unsupported)?;
    let parts = super::super::der::children(outer.contents);
    let bits = parts
        .get(1)
        .and_then(|t| t.contents.get(1..))
        .ok_or(KeyError::Unsupported)?;
    let ints = super::super::der::children(tlv(bits).ok_or(KeyError::Unsupported)?.contents);
    let [n, e] = ints.as_slice() else {
        return Err(KeyError::Unsupported);
    };
    RsaPublicKey::new(
        big(integer_magnitude(n.contents)),
        big(integer_magnitude(e.contents)),
    )
    .map_err(|_| KeyError::Unsupported)
}

/// A new RSA key of `bits` bits and public exponent `exponent`, as its RSAPrivateKey DER.
pub fn generate(bits: usize, exponent: u64) -> Result<Vec<u8>, KeyError> {
    let key = RsaPrivateKey::new_with_exp(&mut SystemRng, bits, &BigUint::from(exponent))
        .map_err(|_| KeyError::Unavailable("RSA keys of this size or exponent"))?;
    let (Some(dp), Some(dq), Some(qi)) = (key.dp(), key.dq(), key.crt_coefficient()) else {
        return Err(KeyError::SignFailed);
    };
    let primes = key.primes();
    let ints: Vec<Vec<u8>> = [
        &BigUint::from(0u8),
        key.n(),
        key.e(),
        key.d(),
        &primes[0],
        &primes[1],
        dp,
        dq,
        &qi,
    ]
    .iter()
    .map(|v| unsigned_integer(&v.to_bytes_be()))
    .collect();
    let refs: Vec<&[u8]> = ints.iter().map(Vec::as_slice).collect();
    Ok(sequence(&refs))
}

/// Why an encryption or decryption failed, as OpenSSL words it.
fn crypt_error(decrypting: bool, padding: Padding) -> KeyError {
    match (decrypting, padding) {
        (false, _) => KeyError::Crypt("data too large for key size"),
        (true, Padding::Oaep(_)) => KeyError::Crypt("oaep decoding error"),
        (true, Padding::Pkcs1) => KeyError::Crypt("pkcs decoding error"),
    }
}

pub fn encrypt(
    spki: &[u8],
    padding: Padding,
    label: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, KeyError> {
    let key = public_key(spki)?;
    let r = match padding {
        Padding::Pkcs1 => key.encrypt(&mut SystemRng, Pkcs1v15Encrypt, data),
        Padding::Oaep(d) => key.encrypt(&mut SystemRng, oaep(d, label)?, data),
    };
    r.map_err(|_| crypt_error(false, padding))
}

pub fn decrypt(
    pkcs8: &[u8],
    padding: Padding,
    label: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, KeyError> {
    let key = private_key(pkcs8)?;
    let r = match padding {
        Padding::Pkcs1 => key.decrypt(Pkcs1v15Encrypt, data),
        Padding::Oaep(d) => key.decrypt(oaep(d, label)?, data),
    };
    r.map_err(|_| crypt_error(true, padding))
}

/// How a PSS signature's salt is sized: Node's saltLength, resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Salt {
    /// As long as the digest (RSA_PSS_SALTLEN_DIGEST).
    Digest,
    /// As long as the key allows (RSA_PSS_SALTLEN_MAX_SIGN).
    Max,
    /// Whatever length the signature has (RSA_PSS_SALTLEN_AUTO, verification only).
    Auto,
    Bytes(usize),
}

fn hash(digest: super::keys::Digest, message: &[u8]) -> Vec<u8> {
    use super::keys::Digest;
    match digest {
        Digest::Sha1 => sha1::Sha1::digest(message).to_vec(),
        Digest::Sha256 => sha2::Sha256::digest(message).to_vec(),
        Digest::Sha384 => sha2::Sha384::digest(message).to_vec(),
        Digest::Sha512 => sha2::Sha512::digest(message).to_vec(),
    }
}

fn pkcs1_scheme(digest: super::keys::Digest) -> Pkcs1v15Sign {
    use super::keys::Digest;
    match digest {
        Digest::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
        Digest::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
        Digest::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
        Digest::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
    }
}

fn pss_scheme(digest: super::keys::Digest, salt: usize) -> Pss {
    use super::keys::Digest;
    match digest {
        Digest::Sha1 => Pss::new_with_salt::<sha1::Sha1>(salt),
        Digest::Sha256 => Pss::new_with_salt::<sha2::Sha256>(salt),
        Digest::Sha384 => Pss::new_with_salt::<sha2::Sha384>(salt),
        Digest::Sha512 => Pss::new_with_salt::<sha2::Sha512>(salt),
    }
}

/// The longest salt a PSS signature with this key and digest holds (RFC 8017 9.1.1).
fn max_salt(key_bits: usize, hash_len: usize) -> usize {
    (key_bits - 1).div_ceil(8).saturating_sub(hash_len + 2)
}

/// Signs with PKCS#1 v1.5, or PSS with `salt`.
pub fn sign(
    pkcs8: &[u8],
    digest: super::keys::Digest,
    pss: Option<Salt>,
    message: &[u8],
) -> Result<Vec<u8>, KeyError> {
    let key = private_key(pkcs8)?;
    let hashed = hash(digest, message);
    let r = match pss {
        None => key.sign(pkcs1_scheme(digest), &hashed),
        Some(salt) => {
            let len = match salt {
                Salt::Digest | Salt::Auto => hashed.len(),
                Salt::Max => max_salt(key.n().bits(), hashed.len()),
                Salt::Bytes(n) => n,
            };
            key.sign_with_rng(&mut SystemRng, pss_scheme(digest, len), &hashed)
        }
    };
    r.map_err(|_| KeyError::Crypt("digest too big for rsa key"))
}

pub fn verify(
    spki: &[u8],
    digest: super::keys::Digest,
    pss: Option<Salt>,
    message: &[u8],
    sig: &[u8],
) -> Result<bool, KeyError> {
    let key = public_key(spki)?;
    let hashed = hash(digest, message);
    let Some(salt) = pss else {
        return Ok(key.verify(pkcs1_scheme(digest), &hashed, sig).is_ok());
    };
    let max = max_salt(key.n().bits(), hashed.len());
    let lengths = match salt {
        Salt::Digest => vec![hashed.len()],
        Salt::Max => vec![max],
        Salt::Bytes(n) => vec![n],
        // The usual lengths: the digest's, the largest (OpenSSL's default), none.
        Salt::Auto => vec![hashed.len(), max, 0],
    };
    Ok(lengths
        .into_iter()
        .any(|len| key.verify(pss_scheme(digest, len), &hashed, sig).is_ok()))
}

#[cfg(test)]
mod tests {
    use super::super::keys::{self, Digest, Kind};
    use super::*;

    #[test]
    fn generated_keys_encrypt_and_sign() {
        let inner = generate(1024, 65537).unwrap();
        let (kind, der) = keys::import_private(&inner, Some(keys::Form::Pkcs1)).unwrap();
        assert_eq!(kind, Kind::Rsa);
        assert_eq!(
            keys::rsa_details(&der, true).unwrap(),
            (1024, vec![1, 0, 1])
        );
        let public = keys::public_of(kind, &der).unwrap();
        for padding in [Padding::Pkcs1, Padding::Oaep(Digest::Sha256)] {
            let ct = encrypt(&public, padding, b"label", b"secret").unwrap();
            assert_eq!(decrypt(&der, padding, b"label", &ct).unwrap(), b"secret");
            assert!(decrypt(&der, padding, b"other", &ct).is_err() || padding == Padding::Pkcs1);
        }
        assert_eq!(
            encrypt(&public, Padding::Pkcs1, b"", &[0u8; 200]),
            Err(KeyError::Crypt("data too large for key size"))
        );
        // A 1024-bit key ring will not sign with; every salt length verifies as given, and
        // as Auto.
        for salt in [Salt::Digest, Salt::Max, Salt::Bytes(0)] {
            let sig = sign(&der, Digest::Sha1, Some(salt), b"m").unwrap();
            assert!(verify(&public, Digest::Sha1, Some(salt), b"m", &sig).unwrap());
            assert!(verify(&public, Digest::Sha1, Some(Salt::Auto), b"m", &sig).unwrap());
            assert!(!verify(&public, Digest::Sha1, Some(Salt::Auto), b"n", &sig).unwrap());
        }
        let sig = sign(&der, Digest::Sha256, None, b"m").unwrap();
        assert!(verify(&public, Digest::Sha256, None, b"m", &sig).unwrap());
    }
}
