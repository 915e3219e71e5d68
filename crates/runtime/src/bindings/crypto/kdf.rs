//! Key derivation for crypto's pbkdf2, scrypt and hkdf (RustCrypto's), over the digests
//! the hashes have. Arguments are checked in lib/internal/crypto/kdf.js, as Node checks
//! them; what is left to fail here is a digest name no derivation knows.

use hmac::Hmac;

/// Why a derivation could not run.
#[derive(Debug, PartialEq, Eq)]
pub enum KdfError {
    UnknownDigest,
    /// HKDF asked for more than 255 hash lengths, or scrypt's parameters out of range.
    InvalidLength,
    InvalidParams,
}

/// Applies `$body` with `$D` bound to the digest type a Node digest name stands for.
macro_rules! with_digest {
    ($name:expr, $D:ident => $body:expr) => {
        match super::canonical($name).as_str() {
            "md5" => {
                type $D = md5::Md5;
                $body
            }
            "sha1" => {
                type $D = sha1::Sha1;
                $body
            }
            "sha224" => {
                type $D = sha2::Sha224;
                $body
            }
            "sha256" => {
                type $D = sha2::Sha256;
                $body
            }
            "sha384" => {
                type $D = sha2::Sha384;
                $body
            }
            "sha512" => {
                type $D = sha2::Sha512;
                $body
            }
            _ => Err(KdfError::UnknownDigest),
        }
    };
}

pub fn pbkdf2(
    digest: &str,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    len: usize,
) -> Result<Vec<u8>, KdfError> {
    let mut out = vec![0; len];
    with_digest!(digest, D => {
        pbkdf2::pbkdf2::<Hmac<D>>(password, salt, iterations, &mut out)
            .map_err(|_| KdfError::InvalidLength)
    })?;
    Ok(out)
}

pub fn hkdf(
    digest: &str,
    key: &[u8],
    salt: &[u8],
    info: &[u8],
    len: usize,
) -> Result<Vec<u8>, KdfError> {
    let mut out = vec![0; len];
    with_digest!(digest, D => {
        hkdf::Hkdf::<D>::new(Some(salt), key)
            .expand(info, &mut out)
            .map_err(|_| KdfError::InvalidLength)
    })?;
    Ok(out)
}

/// The digest's output size in bytes (what bounds an HKDF's length), None for an unknown
/// digest.
pub fn digest_size(digest: &str) -> Option<usize> {
    use sha1::Digest;
    let size: Result<usize, KdfError> = with_digest!(digest, D => Ok(<D as Digest>::output_size()));
    size.ok()
}

/// scrypt's working memory for N, r and p, as OpenSSL counts it against maxmem.
pub fn scrypt_memory(n: u64, r: u64, p: u64) -> u64 {
    128u64
        .saturating_mul(r)
        .saturating_mul(n.saturating_add(2))
        .saturating_add(128u64.saturating_mul(r).saturating_mul(p))
}

pub fn scrypt(
    password: &[u8],
    salt: &[u8],
    n: u64,
    r: u32,
    p: u32,
    len: usize,
) -> Result<Vec<u8>, KdfError> {
    if n < 2 || !n.is_power_of_two() {
        return Err(KdfError::InvalidParams);
    }
    let log_n = n.trailing_zeros() as u8;
    // The crate's own length bound is for its PHC strings; any output length is allowed
    // here, so the parameters are made with a placeholder one.
    let params = scrypt::Params::new(log_n, r, p, scrypt::Params::RECOMMENDED_LEN)
        .map_err(|_| KdfError::InvalidParams)?;
    let mut out = vec![0; len];
    scrypt::scrypt(password, salt, &params, &mut out).map_err(|_| KdfError::InvalidLength)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn known_vectors() {
        // RFC 6070's second PBKDF2-HMAC-SHA1 vector.
        assert_eq!(
            hex(&pbkdf2("sha1", b"password", b"salt", 2, 20).unwrap()),
            "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"
        );
        // RFC 7914's second scrypt vector.
        assert_eq!(
            hex(&scrypt(b"password", b"NaCl", 1024, 8, 16, 16).unwrap()),
            "fdbabe1c9d3472007856e7190d01e9fe"
        );
        // RFC 5869's first HKDF vector.
        let ikm = [0x0bu8; 22];
        let salt: Vec<u8> = (0..13).collect();
        let info: Vec<u8> = (0xf0..0xfa).collect();
        assert_eq!(
            hex(&hkdf("sha256", &ikm, &salt, &info, 42).unwrap()),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        );
        assert_eq!(digest_size("SHA512"), Some(64));
        assert_eq!(
            pbkdf2("whirlpool", b"", b"", 1, 1),
            Err(KdfError::UnknownDigest)
        );
        assert_eq!(scrypt(b"", b"", 3, 8, 1, 8), Err(KdfError::InvalidParams));
    }
}
