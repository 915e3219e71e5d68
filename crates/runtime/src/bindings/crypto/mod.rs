//! The native half of lib/crypto.js: message digests and HMACs (RustCrypto) kept in a
//! table while JS feeds them, ciphers (cipher.rs) kept the same way, key derivations
//! (kdf.rs) run inline or on the pool, key agreement (dh.rs), and random bytes from
//! getrandom(2).

use super::def;
use super::fs::dispatch;
use super::slots;
use crate::engine::bytes_of;
use crate::fs_ops::{FsError, Out};
use crate::state::Shared;
use hmac::{Hmac, Mac};
use rquickjs::function::Opt;
use rquickjs::{ArrayBuffer, Ctx, Exception, Object, Result, Value};
use sha1::Digest;
use unode_sys::Errno;

mod cipher;
mod dh;
mod kdf;
mod keys;
mod rsa_ops;

/// A digest or HMAC in progress.
#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    HmacMd5(Hmac<md5::Md5>),
    HmacSha1(Hmac<sha1::Sha1>),
    HmacSha224(Hmac<sha2::Sha224>),
    HmacSha256(Hmac<sha2::Sha256>),
    HmacSha384(Hmac<sha2::Sha384>),
    HmacSha512(Hmac<sha2::Sha512>),
}

/// The digest names Node (OpenSSL) accepts for the algorithms we have, lower-cased.
pub const HASHES: &[&str] = &[
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "rsa-md5",
    "rsa-sha1",
    "rsa-sha224",
    "rsa-sha256",
    "rsa-sha384",
    "rsa-sha512",
];

fn canonical(name: &str) -> String {
    let n = name.to_ascii_lowercase();
    let n = n.strip_prefix("rsa-").unwrap_or(&n).replace("sha-", "sha");
    n.to_owned()
}

fn new_hash(name: &str) -> Option<Hasher> {
    Some(match canonical(name).as_str() {
        "md5" => Hasher::Md5(md5::Md5::new()),
        "sha1" => Hasher::Sha1(sha1::Sha1::new()),
        "sha224" => Hasher::Sha224(sha2::Sha224::new()),
        "sha256" => Hasher::Sha256(sha2::Sha256::new()),
        "sha384" => Hasher::Sha384(sha2::Sha384::new()),
        "sha512" => Hasher::Sha512(sha2::Sha512::new()),
        _ => return None,
    })
}

fn new_hmac(name: &str, key: &[u8]) -> Option<Hasher> {
    // HMAC takes keys of any length, so new_from_slice cannot fail.
    Some(match canonical(name).as_str() {
        "md5" => Hasher::HmacMd5(Hmac::new_from_slice(key).ok()?),
        "sha1" => Hasher::HmacSha1(Hmac::new_from_slice(key).ok()?),
        "sha224" => Hasher::HmacSha224(Hmac::new_from_slice(key).ok()?),
        "sha256" => Hasher::HmacSha256(Hmac::new_from_slice(key).ok()?),
        "sha384" => Hasher::HmacSha384(Hmac::new_from_slice(key).ok()?),
        "sha512" => Hasher::HmacSha512(Hmac::new_from_slice(key).ok()?),
        _ => return None,
    })
}

impl Hasher {
    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(data),
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha224(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
            Hasher::HmacMd5(h) => h.update(data),
            Hasher::HmacSha1(h) => h.update(data),
            Hasher::HmacSha224(h) => h.update(data),
            Hasher::HmacSha256(h) => h.update(data),
            Hasher::HmacSha384(h) => h.update(data),
            Hasher::HmacSha512(h) => h.update(data),
        }
    }

    fn finish(self) -> Vec<u8> {
        match self {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
            Hasher::HmacMd5(h) => h.finalize().into_bytes().to_vec(),
            Hasher::HmacSha1(h) => h.finalize().into_bytes().to_vec(),
            Hasher::HmacSha224(h) => h.finalize().into_bytes().to_vec(),
            Hasher::HmacSha256(h) => h.finalize().into_bytes().to_vec(),
            Hasher::HmacSha384(h) => h.finalize().into_bytes().to_vec(),
            Hasher::HmacSha512(h) => h.finalize().into_bytes().to_vec(),
        }
    }
}

fn bytes<'a>(ctx: &Ctx<'_>, v: &'a Value<'_>) -> Result<&'a [u8]> {
    match bytes_of(ctx, v) {
        // SAFETY: a live JS buffer, read before any JS runs again.
        Some((p, n)) => Ok(unsafe { std::slice::from_raw_parts(p, n) }),
        None => Err(Exception::throw_type(
            ctx,
            "data must be an ArrayBufferView",
        )),
    }
}

/// A derivation's failure as the pool reports one (JS checked the arguments first, so
/// this is a digest or length it let through).
fn kdf_error(e: kdf::KdfError) -> FsError {
    FsError {
        errno: Errno::EINVAL,
        syscall: match e {
            kdf::KdfError::UnknownDigest => "digest",
            kdf::KdfError::InvalidLength => "keylen",
            kdf::KdfError::InvalidParams => "params",
        },
        path: None,
        dest: None,
    }
}

/// Codes cipherCreate and cipherFinal return for JS to throw Node's error.
fn cipher_error_code(e: cipher::CipherError) -> i32 {
    use cipher::CipherError::*;
    match e {
        UnknownCipher => -1,
        InvalidKeyLength => -2,
        InvalidIv => -3,
        BadDecrypt => -4,
        WrongFinalBlockLength => -5,
        Unauthenticated => -6,
    }
}

fn init_ciphers<'js>(obj: &Object<'js>) -> Result<()> {
    let table = slots::shared::<cipher::Cipher>();
    let t = table.clone();
    // cipherCreate(name, key, iv or null, encrypt, tagLength or -1): an id, or a negative
    // code (cipher_error_code).
    def(
        obj,
        "cipherCreate",
        move |ctx: Ctx<'js>,
              name: String,
              key: Value<'js>,
              iv: Value<'js>,
              encrypt: bool,
              tag_len: i32|
              -> Result<f64> {
            let key = bytes(&ctx, &key)?;
            let iv = if iv.is_null() {
                None
            } else {
                Some(bytes(&ctx, &iv)?)
            };
            let tag_len = usize::try_from(tag_len).ok();
            Ok(
                match cipher::Cipher::new(&name, key, iv, encrypt, tag_len) {
                    Ok(c) => t.borrow_mut().insert(c),
                    Err(e) => f64::from(cipher_error_code(e)),
                },
            )
        },
    )?;
    let t = table.clone();
    def(
        obj,
        "cipherUpdate",
        move |ctx: Ctx<'js>, id: usize, data: Value<'js>| -> Result<Value<'js>> {
            let data = bytes(&ctx, &data)?;
            let out = t.borrow_mut().get_mut(id).and_then(|c| c.update(data));
            match out {
                Some(out) => Ok(ArrayBuffer::new(ctx, out)?.into_value()),
                None => Ok(Value::new_null(ctx)),
            }
        },
    )?;
    let t = table.clone();
    // cipherFinal(id): [rest, tag or null], or a negative code; the cipher is gone after.
    def(
        obj,
        "cipherFinal",
        move |ctx: Ctx<'js>, id: usize| -> Result<Value<'js>> {
            let Some(mut c) = t.borrow_mut().take(id) else {
                return Ok(Value::new_null(ctx));
            };
            match c.finish() {
                Ok((rest, tag)) => {
                    let arr = rquickjs::Array::new(ctx.clone())?;
                    arr.set(0, ArrayBuffer::new(ctx.clone(), rest)?)?;
                    match tag {
                        Some(tag) => arr.set(1, ArrayBuffer::new(ctx.clone(), tag)?)?,
                        None => arr.set(1, Value::new_null(ctx.clone()))?,
                    }
                    Ok(arr.into_value())
                }
                Err(e) => Ok(Value::new_int(ctx, cipher_error_code(e))),
            }
        },
    )?;
    let t = table.clone();
    def(obj, "cipherSetPadding", move |id: usize, on: bool| {
        t.borrow_mut()
            .get_mut(id)
            .map(|c| c.set_padding(on))
            .is_some()
    })?;
    let t = table.clone();
    def(
        obj,
        "cipherSetAAD",
        move |ctx: Ctx<'js>, id: usize, data: Value<'js>| -> Result<bool> {
            let data = bytes(&ctx, &data)?;
            Ok(t.borrow_mut().get_mut(id).is_some_and(|c| c.set_aad(data)))
        },
    )?;
    let t = table.clone();
    def(
        obj,
        "cipherSetAuthTag",
        move |ctx: Ctx<'js>, id: usize, data: Value<'js>| -> Result<bool> {
            let data = bytes(&ctx, &data)?;
            Ok(t.borrow_mut().get_mut(id).is_some_and(|c| c.set_tag(data)))
        },
    )?;
    let t = table.clone();
    def(obj, "cipherIsAead", move |id: usize| {
        t.borrow().get(id).is_some_and(cipher::Cipher::is_gcm)
    })?;
    def(obj, "cipherFree", move |id: usize| {
        table.borrow_mut().take(id);
    })?;
    // cipherInfo(name): [keyLength, ivLength, blockSize, mode], or undefined.
    def(
        obj,
        "cipherInfo",
        |ctx: Ctx<'js>, name: String| -> Result<Value<'js>> {
            let Some((key_len, iv_len, block, mode)) = cipher::info(&name) else {
                return Ok(Value::new_undefined(ctx));
            };
            let arr = rquickjs::Array::new(ctx)?;
            arr.set(0, key_len)?;
            arr.set(1, iv_len)?;
            arr.set(2, block)?;
            arr.set(3, mode)?;
            Ok(arr.into_value())
        },
    )?;
    obj.set("ciphers", cipher::CIPHERS.to_vec())?;
    Ok(())
}

/// Copies a buffer argument for a job that may run on the pool.
fn owned(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<Vec<u8>> {
    Ok(bytes(ctx, v)?.to_vec())
}

fn init_kdfs<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    let s = state.clone();
    // pbkdf2(digest, password, salt, iterations, keylen, [req]): a Buffer, now or through
    // the pool under `req`.
    def(
        obj,
        "pbkdf2",
        move |ctx: Ctx<'js>,
              digest: String,
              password: Value<'js>,
              salt: Value<'js>,
              iterations: u32,
              len: usize,
              req: Opt<f64>| {
            let (password, salt) = (owned(&ctx, &password)?, owned(&ctx, &salt)?);
            dispatch(&ctx, &s, req, move || {
                kdf::pbkdf2(&digest, &password, &salt, iterations, len)
                    .map(Out::Bytes)
                    .map_err(kdf_error)
            })
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "hkdf",
        move |ctx: Ctx<'js>,
              digest: String,
              key: Value<'js>,
              salt: Value<'js>,
              info: Value<'js>,
              len: usize,
              req: Opt<f64>| {
            let (key, salt, info) = (owned(&ctx, &key)?, owned(&ctx, &salt)?, owned(&ctx, &info)?);
            dispatch(&ctx, &s, req, move || {
                kdf::hkdf(&digest, &key, &salt, &info, len)
                    .map(Out::Bytes)
                    .map_err(kdf_error)
            })
        },
    )?;
    let s = state.clone();
    // scrypt(password, salt, [N, r, p], keylen, [req])
    def(
        obj,
        "scrypt",
        move |ctx: Ctx<'js>,
              password: Value<'js>,
              salt: Value<'js>,
              nrp: Vec<f64>,
              len: usize,
              req: Opt<f64>| {
            let (password, salt) = (owned(&ctx, &password)?, owned(&ctx, &salt)?);
            let [n, r, p] = nrp[..] else {
                return Err(Exception::throw_type(&ctx, "scrypt takes [N, r, p]"));
            };
            dispatch(&ctx, &s, req, move || {
                kdf::scrypt(&password, &salt, n as u64, r as u32, p as u32, len)
                    .map(Out::Bytes)
                    .map_err(kdf_error)
            })
        },
    )?;
    def(obj, "scryptMemory", |n: f64, r: f64, p: f64| {
        kdf::scrypt_memory(n as u64, r as u64, p as u64) as f64
    })?;
    def(obj, "digestSize", |name: String| kdf::digest_size(&name))?;
    Ok(())
}

/// A key operation's failure as JS receives it: a string (never a result of these
/// functions) naming the kind, with a detail after a colon; keys.js throws Node's error.
fn key_error<'js>(ctx: &Ctx<'js>, e: keys::KeyError) -> Result<Value<'js>> {
    let text = match e {
        keys::KeyError::Unsupported => "unsupported".to_owned(),
        keys::KeyError::Unavailable(what) => format!("unavailable:{what}"),
        keys::KeyError::InvalidDigest => "digest".to_owned(),
        keys::KeyError::IncompatibleKey => "incompatible".to_owned(),
        keys::KeyError::SignFailed => "failed".to_owned(),
        keys::KeyError::Crypt(reason) => format!("crypt:{reason}"),
    };
    Ok(rquickjs::String::from_str(ctx.clone(), &text)?.into_value())
}

fn bytes_value<'js>(
    ctx: &Ctx<'js>,
    r: std::result::Result<Vec<u8>, keys::KeyError>,
) -> Result<Value<'js>> {
    match r {
        Ok(b) => Ok(ArrayBuffer::new(ctx.clone(), b)?.into_value()),
        Err(e) => key_error(ctx, e),
    }
}

/// The key kind JS names by type and curve ("rsa", "ec" with "prime256v1", "ed25519").
fn kind_of(ctx: &Ctx<'_>, kind: &str, curve: &Value<'_>) -> Result<keys::Kind> {
    let curve = curve.as_string().map(|s| s.to_string()).transpose()?;
    let k = match (kind, curve.as_deref().and_then(keys::Curve::of_name)) {
        ("rsa", _) => Some(keys::Kind::Rsa),
        ("ed25519", _) => Some(keys::Kind::Ed25519),
        ("x25519", _) => Some(keys::Kind::X25519),
        ("ec", Some(c)) => Some(keys::Kind::Ec(c)),
        _ => None,
    };
    k.ok_or_else(|| Exception::throw_type(ctx, "unknown key kind"))
}

/// The digest and scheme of a signature call; digest null or undefined for the key's
/// default.
fn signature_params(
    digest: &Value<'_>,
) -> std::result::Result<Option<keys::Digest>, keys::KeyError> {
    match digest.as_string() {
        Some(name) => keys::Digest::of_name(&name.to_string().unwrap_or_default()).map(Some),
        None => Ok(None),
    }
}

/// A signature's scheme from JS's [pss, p1363, saltLength] (1 or 0 for the flags; the salt
/// length as Node's options give it: -1 the digest's, -2 the largest when signing and any
/// when verifying, -3 not given, or a byte count).
fn scheme_of(values: &[f64], signing: bool) -> keys::Scheme {
    use rsa_ops::Salt;
    let flag = |i: usize| values.get(i).is_some_and(|&v| v != 0.0);
    let salt = match values.get(2).map_or(-3, |&v| v as i64) {
        n if n >= 0 => Salt::Bytes(n as usize),
        -1 => Salt::Digest,
        -2 if signing => Salt::Max,
        // Node signs with the largest salt by default; the digest's length (ring's, and
        // what a verifier that checks the length, such as JWT's PS*, wants) is kept here.
        _ if signing => Salt::Digest,
        _ => Salt::Auto,
    };
    keys::Scheme {
        pss: flag(0).then_some(salt),
        p1363: flag(1),
    }
}

/// A key agreement's result for JS: the bytes, or the name of what was wrong with a key
/// (lib/internal/crypto/dh.js turns it into Node's error).
fn agreement<'js>(
    ctx: &Ctx<'js>,
    r: std::result::Result<Vec<u8>, dh::DhError>,
) -> Result<Value<'js>> {
    let tag = match r {
        Ok(bytes) => return Ok(ArrayBuffer::new(ctx.clone(), bytes)?.into_value()),
        Err(dh::DhError::InvalidPrivateKey) => "invalid private key",
        Err(dh::DhError::InvalidPublicKey) => "invalid public key",
        Err(dh::DhError::KeyTooSmall) => "key too small",
        Err(dh::DhError::KeyTooLarge) => "key too large",
    };
    Ok(rquickjs::String::from_str(ctx.clone(), tag)?.into_value())
}

/// A key agreement's key pair for JS: [private, public].
fn key_pair<'js>(
    ctx: &Ctx<'js>,
    private: Vec<u8>,
    public: Vec<u8>,
) -> Result<Vec<ArrayBuffer<'js>>> {
    Ok(vec![
        ArrayBuffer::new(ctx.clone(), private)?,
        ArrayBuffer::new(ctx.clone(), public)?,
    ])
}

fn ec_curve(ctx: &Ctx<'_>, name: &str) -> Result<dh::EcCurve> {
    dh::EcCurve::of_name(name).ok_or_else(|| Exception::throw_type(ctx, "Invalid EC curve name"))
}

fn random_bytes(dest: &mut [u8]) {
    rand_core::RngCore::fill_bytes(&mut rsa_ops::SystemRng, dest)
}

fn init_agreement<'js>(obj: &Object<'js>) -> Result<()> {
    // ecdhGenerate(curve) → [private, uncompressed public].
    def(
        obj,
        "ecdhGenerate",
        |ctx: Ctx<'js>, curve: String| -> Result<Vec<ArrayBuffer<'js>>> {
            let (private, public) = dh::ec_generate(ec_curve(&ctx, &curve)?, &mut random_bytes);
            key_pair(&ctx, private, public)
        },
    )?;
    // ecdhPublic(curve, private) → the uncompressed public point, or what was wrong.
    def(
        obj,
        "ecdhPublic",
        |ctx: Ctx<'js>, curve: String, private: Value<'js>| -> Result<Value<'js>> {
            let curve = ec_curve(&ctx, &curve)?;
            let r = dh::ec_public(curve, bytes(&ctx, &private)?);
            agreement(&ctx, r)
        },
    )?;
    // ecdhCompute(curve, private, peer public) → the shared secret, or what was wrong.
    def(
        obj,
        "ecdhCompute",
        |ctx: Ctx<'js>,
         curve: String,
         private: Value<'js>,
         peer: Value<'js>|
         -> Result<Value<'js>> {
            let curve = ec_curve(&ctx, &curve)?;
            let r = dh::ec_shared(curve, bytes(&ctx, &private)?, bytes(&ctx, &peer)?);
            agreement(&ctx, r)
        },
    )?;
    // ecdhConvert(curve, point, form) → the point in form 0 compressed, 1 uncompressed,
    // 2 hybrid, or what was wrong.
    def(
        obj,
        "ecdhConvert",
        |ctx: Ctx<'js>, curve: String, point: Value<'js>, form: u32| -> Result<Value<'js>> {
            let curve = ec_curve(&ctx, &curve)?;
            let form = match form {
                0 => dh::PointForm::Compressed,
                1 => dh::PointForm::Uncompressed,
                _ => dh::PointForm::Hybrid,
            };
            let r = dh::ec_convert(curve, bytes(&ctx, &point)?, form);
            agreement(&ctx, r)
        },
    )?;
    // ecdhKeys(private PKCS#8, public SPKI) → [scalar, point] of two EC KeyObjects.
    def(
        obj,
        "ecdhKeys",
        |ctx: Ctx<'js>, private: Value<'js>, public: Value<'js>| -> Result<Value<'js>> {
            let (private, public) = (bytes(&ctx, &private)?, bytes(&ctx, &public)?);
            match (keys::ec_scalar(private), keys::ec_point(public)) {
                (Ok(scalar), Ok(point)) => {
                    let arr = rquickjs::Array::new(ctx.clone())?;
                    arr.set(0, ArrayBuffer::new(ctx.clone(), scalar.to_vec())?)?;
                    arr.set(1, ArrayBuffer::new(ctx.clone(), point.to_vec())?)?;
                    Ok(arr.into_value())
                }
                (Err(e), _) | (_, Err(e)) => key_error(&ctx, e),
            }
        },
    )?;
    // x25519Compute(private, peer public) → the shared secret, or what was wrong.
    def(
        obj,
        "x25519Compute",
        |ctx: Ctx<'js>, private: Value<'js>, peer: Value<'js>| -> Result<Value<'js>> {
            let r = dh::x25519_shared(bytes(&ctx, &private)?, bytes(&ctx, &peer)?);
            agreement(&ctx, r)
        },
    )?;
    // dhGenerate(prime, generator, private or undefined) → [private, public].
    def(
        obj,
        "dhGenerate",
        |ctx: Ctx<'js>,
         prime: Value<'js>,
         generator: Value<'js>,
         private: Opt<Value<'js>>|
         -> Result<Vec<ArrayBuffer<'js>>> {
            let prime = bytes(&ctx, &prime)?;
            let private = match private.0.filter(|v| !v.is_undefined()) {
                Some(v) => bytes(&ctx, &v)?.to_vec(),
                None => dh::dh_private(prime, &mut random_bytes),
            };
            let public = dh::dh_public(prime, bytes(&ctx, &generator)?, &private);
            key_pair(&ctx, private, public)
        },
    )?;
    // dhCompute(prime, private, peer public) → the shared secret, or what was wrong.
    def(
        obj,
        "dhCompute",
        |ctx: Ctx<'js>,
         prime: Value<'js>,
         private: Value<'js>,
         peer: Value<'js>|
         -> Result<Value<'js>> {
            let r = dh::dh_shared(
                bytes(&ctx, &prime)?,
                bytes(&ctx, &private)?,
                bytes(&ctx, &peer)?,
            );
            agreement(&ctx, r)
        },
    )?;
    // dhCheck(prime, generator) → verifyError's flags.
    def(
        obj,
        "dhCheck",
        |ctx: Ctx<'js>, prime: Value<'js>, generator: Value<'js>| -> Result<u32> {
            Ok(dh::dh_check(bytes(&ctx, &prime)?, bytes(&ctx, &generator)?))
        },
    )?;
    // dhPrime(bits) → a new safe prime.
    def(
        obj,
        "dhPrime",
        |ctx: Ctx<'js>, bits: u32| -> Result<ArrayBuffer<'js>> {
            ArrayBuffer::new(
                ctx,
                dh::dh_safe_prime(bits.max(3) as usize, &mut rsa_ops::SystemRng),
            )
        },
    )?;
    Ok(())
}

fn init_keys<'js>(obj: &Object<'js>) -> Result<()> {
    // keyImport(der, private, form or ""): [type, curve or null, canonical DER].
    def(
        obj,
        "keyImport",
        |ctx: Ctx<'js>, der: Value<'js>, private: bool, form: String| -> Result<Value<'js>> {
            let der = bytes(&ctx, &der)?;
            let form = keys::Form::of_name(&form);
            let r = if private {
                keys::import_private(der, form)
            } else {
                keys::import_public(der, form)
            };
            match r {
                Ok((kind, der)) => {
                    let arr = rquickjs::Array::new(ctx.clone())?;
                    arr.set(0, kind.name())?;
                    match kind {
                        keys::Kind::Ec(c) => arr.set(1, c.names().0)?,
                        _ => arr.set(1, Value::new_null(ctx.clone()))?,
                    }
                    arr.set(2, ArrayBuffer::new(ctx.clone(), der)?)?;
                    Ok(arr.into_value())
                }
                Err(e) => key_error(&ctx, e),
            }
        },
    )?;
    // x509Parse(der): the certificate's fields as getPeerCertificate() has them, or null.
    def(
        obj,
        "x509Parse",
        |ctx: Ctx<'js>, der: Value<'js>| -> Result<Value<'js>> {
            let der = bytes(&ctx, &der)?;
            match super::x509::describe(der) {
                Some(fields) => Ok(super::x509::to_object(&ctx, fields)?.into_value()),
                None => Ok(Value::new_null(ctx)),
            }
        },
    )?;
    // x509SignatureParts(der): [signed bytes, algorithm OID, signature], or null.
    def(
        obj,
        "x509SignatureParts",
        |ctx: Ctx<'js>, der: Value<'js>| -> Result<Value<'js>> {
            let der = bytes(&ctx, &der)?;
            let Some((tbs, oid, sig)) = super::x509::signature_parts(der) else {
                return Ok(Value::new_null(ctx));
            };
            let arr = rquickjs::Array::new(ctx.clone())?;
            arr.set(0, ArrayBuffer::new(ctx.clone(), tbs.to_vec())?)?;
            arr.set(1, oid)?;
            arr.set(2, ArrayBuffer::new(ctx.clone(), sig.to_vec())?)?;
            Ok(arr.into_value())
        },
    )?;
    // keyOfCertificate(der): the certificate's SPKI, or null.
    def(
        obj,
        "keyOfCertificate",
        |ctx: Ctx<'js>, der: Value<'js>| -> Result<Value<'js>> {
            let der = bytes(&ctx, &der)?;
            match super::x509::public_key_info(der) {
                Some(spki) => Ok(ArrayBuffer::new(ctx, spki.to_vec())?.into_value()),
                None => Ok(Value::new_null(ctx)),
            }
        },
    )?;
    def(
        obj,
        "keyPublic",
        |ctx: Ctx<'js>, kind: String, curve: Value<'js>, der: Value<'js>| -> Result<Value<'js>> {
            let kind = kind_of(&ctx, &kind, &curve)?;
            let der = bytes(&ctx, &der)?;
            bytes_value(&ctx, keys::public_of(kind, der))
        },
    )?;
    def(
        obj,
        "keyExport",
        |ctx: Ctx<'js>,
         kind: String,
         curve: Value<'js>,
         der: Value<'js>,
         private: bool,
         form: String|
         -> Result<Value<'js>> {
            let kind = kind_of(&ctx, &kind, &curve)?;
            let der = bytes(&ctx, &der)?;
            match keys::Form::of_name(&form) {
                Some(form) => bytes_value(&ctx, keys::export(kind, der, private, form)),
                None => key_error(&ctx, keys::KeyError::IncompatibleKey),
            }
        },
    )?;
    // keyRsaDetails(der, private): [modulusLength, publicExponent bytes].
    def(
        obj,
        "keyRsaDetails",
        |ctx: Ctx<'js>, der: Value<'js>, private: bool| -> Result<Value<'js>> {
            let der = bytes(&ctx, &der)?;
            match keys::rsa_details(der, private) {
                Ok((bits, e)) => {
                    let arr = rquickjs::Array::new(ctx.clone())?;
                    arr.set(0, bits)?;
                    arr.set(1, ArrayBuffer::new(ctx.clone(), e)?)?;
                    Ok(arr.into_value())
                }
                Err(e) => key_error(&ctx, e),
            }
        },
    )?;
    // keyJwk(type, curve, der, private): [[member, bytes], ...] in Node's order.
    def(
        obj,
        "keyJwk",
        |ctx: Ctx<'js>,
         kind: String,
         curve: Value<'js>,
         der: Value<'js>,
         private: bool|
         -> Result<Value<'js>> {
            let kind = kind_of(&ctx, &kind, &curve)?;
            let der = bytes(&ctx, &der)?;
            match keys::jwk_parts(kind, der, private) {
                Ok(parts) => {
                    let arr = rquickjs::Array::new(ctx.clone())?;
                    for (i, (name, value)) in parts.into_iter().enumerate() {
                        let pair = rquickjs::Array::new(ctx.clone())?;
                        pair.set(0, name)?;
                        pair.set(1, ArrayBuffer::new(ctx.clone(), value)?)?;
                        arr.set(i, pair)?;
                    }
                    Ok(arr.into_value())
                }
                Err(e) => key_error(&ctx, e),
            }
        },
    )?;
    // keyFromJwk(type, curve, private, members): members maps a name to its bytes.
    def(
        obj,
        "keyFromJwk",
        |ctx: Ctx<'js>,
         kind: String,
         curve: Value<'js>,
         private: bool,
         members: Object<'js>|
         -> Result<Value<'js>> {
            let kind = kind_of(&ctx, &kind, &curve)?;
            let get = |name: &str| -> Option<Vec<u8>> {
                let v: Value = members.get(name).ok()?;
                bytes(&ctx, &v).ok().map(<[u8]>::to_vec)
            };
            bytes_value(&ctx, keys::from_jwk(kind, private, &get))
        },
    )?;
    def(
        obj,
        "keyGenerate",
        |ctx: Ctx<'js>, kind: String, curve: Value<'js>| -> Result<Value<'js>> {
            let kind = kind_of(&ctx, &kind, &curve)?;
            bytes_value(&ctx, keys::generate(kind))
        },
    )?;
    // keyGenerateRsa(bits, exponent): a new RSA key's PKCS#8.
    def(
        obj,
        "keyGenerateRsa",
        |ctx: Ctx<'js>, bits: usize, exponent: f64| -> Result<Value<'js>> {
            let r = rsa_ops::generate(bits, exponent as u64)
                .and_then(|pkcs1| keys::import_private(&pkcs1, Some(keys::Form::Pkcs1)))
                .map(|(_, der)| der);
            bytes_value(&ctx, r)
        },
    )?;
    // rsaCrypt(decrypt, der, [padding, oaepHash or null], label, data): publicEncrypt's and
    // privateDecrypt's work (an SPKI to encrypt with, a PKCS#8 to decrypt with).
    def(
        obj,
        "rsaCrypt",
        |ctx: Ctx<'js>,
         decrypt: bool,
         der: Value<'js>,
         padding: Vec<Value<'js>>,
         label: Value<'js>,
         data: Value<'js>|
         -> Result<Value<'js>> {
            let (der, label, data) = (
                bytes(&ctx, &der)?,
                bytes(&ctx, &label)?,
                bytes(&ctx, &data)?,
            );
            let pkcs1 = padding.first().and_then(Value::as_int) == Some(1);
            let hash = padding
                .get(1)
                .cloned()
                .unwrap_or_else(|| Value::new_null(ctx.clone()));
            let r = signature_params(&hash).and_then(|digest| {
                let padding = if pkcs1 {
                    rsa_ops::Padding::Pkcs1
                } else {
                    rsa_ops::Padding::Oaep(digest.unwrap_or(keys::Digest::Sha1))
                };
                if decrypt {
                    rsa_ops::decrypt(der, padding, label, data)
                } else {
                    rsa_ops::encrypt(der, padding, label, data)
                }
            });
            bytes_value(&ctx, r)
        },
    )?;
    // sign(type, curve, der, digest or null, [pss, p1363, saltLength], data): the
    // signature (see scheme_of).
    def(
        obj,
        "sign",
        |ctx: Ctx<'js>,
         kind: String,
         curve: Value<'js>,
         der: Value<'js>,
         digest: Value<'js>,
         scheme: Vec<f64>,
         data: Value<'js>|
         -> Result<Value<'js>> {
            let kind = kind_of(&ctx, &kind, &curve)?;
            let (der, data) = (bytes(&ctx, &der)?, bytes(&ctx, &data)?);
            let scheme = scheme_of(&scheme, true);
            let r = signature_params(&digest).and_then(|d| keys::sign(kind, der, d, scheme, data));
            bytes_value(&ctx, r)
        },
    )?;
    // verify(type, curve, der, digest or null, [pss, p1363, saltLength], [data,
    // signature]): a bool.
    def(
        obj,
        "verify",
        |ctx: Ctx<'js>,
         kind: String,
         curve: Value<'js>,
         der: Value<'js>,
         digest: Value<'js>,
         scheme: Vec<f64>,
         input: Vec<Value<'js>>|
         -> Result<Value<'js>> {
            let kind = kind_of(&ctx, &kind, &curve)?;
            let der = bytes(&ctx, &der)?;
            let (Some(data), Some(sig)) = (input.first(), input.get(1)) else {
                return Err(Exception::throw_type(
                    &ctx,
                    "verify takes [data, signature]",
                ));
            };
            let (data, sig) = (bytes(&ctx, data)?, bytes(&ctx, sig)?);
            let scheme = scheme_of(&scheme, false);
            match signature_params(&digest)
                .and_then(|d| keys::verify(kind, der, d, scheme, data, sig))
            {
                Ok(ok) => Ok(Value::new_bool(ctx, ok)),
                Err(e) => key_error(&ctx, e),
            }
        },
    )?;
    Ok(())
}

pub fn init<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    init_ciphers(obj)?;
    init_kdfs(obj, state)?;
    init_keys(obj)?;
    init_agreement(obj)?;
    let table = slots::shared::<Hasher>();
    let t = table.clone();
    def(obj, "hashCreate", move |name: String| {
        new_hash(&name).map_or(-1.0, |h| t.borrow_mut().insert(h))
    })?;
    let t = table.clone();
    def(
        obj,
        "hmacCreate",
        move |ctx: Ctx<'js>, name: String, key: Value<'js>| -> Result<f64> {
            let key = bytes(&ctx, &key)?;
            Ok(new_hmac(&name, key).map_or(-1.0, |h| t.borrow_mut().insert(h)))
        },
    )?;
    let t = table.clone();
    def(
        obj,
        "update",
        move |ctx: Ctx<'js>, id: usize, data: Value<'js>| -> Result<()> {
            let data = bytes(&ctx, &data)?;
            if let Some(h) = t.borrow_mut().get_mut(id) {
                h.update(data);
            }
            Ok(())
        },
    )?;
    let t = table.clone();
    def(obj, "copy", move |id: usize| {
        let copy = t.borrow().get(id).cloned();
        copy.map_or(-1.0, |h| t.borrow_mut().insert(h))
    })?;
    def(
        obj,
        "digest",
        move |ctx: Ctx<'js>, id: usize| -> Result<Value<'js>> {
            let h = table.borrow_mut().take(id);
            match h {
                Some(h) => Ok(ArrayBuffer::new(ctx, h.finish())?.into_value()),
                None => Ok(Value::new_null(ctx)),
            }
        },
    )?;
    def(
        obj,
        "randomFill",
        |ctx: Ctx<'js>, buf: Value<'js>, offset: usize, len: usize| -> Result<()> {
            let Some((p, n)) = bytes_of(&ctx, &buf) else {
                return Err(Exception::throw_type(
                    &ctx,
                    "buf must be an ArrayBufferView",
                ));
            };
            if offset > n || len > n - offset {
                return Err(Exception::throw_range(&ctx, "range out of bounds"));
            }
            // SAFETY: [offset, offset+len) lies inside the live buffer (checked above).
            let dest = unsafe { std::slice::from_raw_parts_mut(p.add(offset), len) };
            let mut filled = 0;
            while filled < dest.len() {
                match unode_sys::process::getrandom(&mut dest[filled..]) {
                    Ok(k) => filled += k,
                    Err(unode_sys::Errno::EINTR) => {}
                    Err(e) => return Err(super::throw_uv(&ctx, e, "getrandom", None)),
                }
            }
            Ok(())
        },
    )?;
    obj.set("hashes", HASHES.to_vec())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        let mut h = new_hash("SHA1").unwrap();
        h.update(b"abc");
        assert_eq!(hex(&h.finish()), "a9993e364706816aba3e25717850c26c9cd0d89d");
        let mut m = new_hmac("sha256", b"key").unwrap();
        m.update(b"The quick brown fox jumps over the lazy dog");
        assert_eq!(
            hex(&m.finish()),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
        assert!(new_hash("whirlpool").is_none());
    }
}
