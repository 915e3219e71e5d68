//! Block and stream ciphers as OpenSSL's EVP layer runs them for Node's Cipheriv and
//! Decipheriv: AES in ECB, CBC (PKCS#7 padding, which can be turned off), CTR and GCM,
//! fed piece by piece, and AES key wrap (RFC 3394, and RFC 5649's padded form), which
//! wraps what each update gives it whole. A block mode keeps what does not fill a block until more comes,
//! and a decryption with padding keeps its last whole block back for `final`, where the
//! padding is checked and removed, so each update returns what OpenSSL's would.

use aes::cipher::{
    consts::U16, generic_array::GenericArray, BlockCipher, BlockDecrypt, BlockDecryptMut,
    BlockEncrypt, BlockEncryptMut, BlockSizeUser, KeyInit, KeyIvInit, StreamCipher,
};
use aes::{Aes128, Aes192, Aes256};
use ghash::universal_hash::UniversalHash;
use ghash::GHash;

const BLOCK: usize = 16;

/// Why a cipher could not be made or finished; lib/internal/crypto/cipher.js gives each
/// Node's error.
#[derive(Debug, PartialEq, Eq)]
pub enum CipherError {
    UnknownCipher,
    InvalidKeyLength,
    InvalidIv,
    /// Padding that is not PKCS#7's (OpenSSL's "bad decrypt").
    BadDecrypt,
    /// Input that is not whole blocks, without padding.
    WrongFinalBlockLength,
    /// A GCM tag that does not match, or none given.
    Unauthenticated,
}

/// The ciphers there are, as Node names them (getCiphers()).
pub const CIPHERS: &[&str] = &[
    "aes-128-cbc",
    "aes-128-ctr",
    "aes-128-ecb",
    "aes-128-gcm",
    "aes-192-cbc",
    "aes-192-ctr",
    "aes-192-ecb",
    "aes-192-gcm",
    "aes-256-cbc",
    "aes-256-ctr",
    "aes-256-ecb",
    "aes-256-gcm",
    "aes128",
    "aes192",
    "aes256",
    "aes128-wrap",
    "aes192-wrap",
    "aes256-wrap",
    "id-aes128-gcm",
    "id-aes128-wrap",
    "id-aes128-wrap-pad",
    "id-aes192-gcm",
    "id-aes192-wrap",
    "id-aes192-wrap-pad",
    "id-aes256-gcm",
    "id-aes256-wrap",
    "id-aes256-wrap-pad",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Ecb,
    Cbc,
    Ctr,
    Gcm,
    Wrap,
    WrapPad,
}

/// The IVs key wrap takes (the RFCs' defaults; aes-kw has no other).
const WRAP_IV: [u8; 8] = [0xa6; 8];
const WRAP_PAD_IV: [u8; 4] = [0xa6, 0x59, 0x59, 0xa6];

/// A cipher name's key length in bytes and mode (OpenSSL's aliases included).
fn parse_name(name: &str) -> Option<(usize, Mode)> {
    let name = name.to_ascii_lowercase();
    let name = match name.as_str() {
        "aes128" => "aes-128-cbc",
        "aes192" => "aes-192-cbc",
        "aes256" => "aes-256-cbc",
        "id-aes128-gcm" => "aes-128-gcm",
        "id-aes192-gcm" => "aes-192-gcm",
        "id-aes256-gcm" => "aes-256-gcm",
        "id-aes128-wrap" | "aes128-wrap" => "aes-128-wrap",
        "id-aes192-wrap" | "aes192-wrap" => "aes-192-wrap",
        "id-aes256-wrap" | "aes256-wrap" => "aes-256-wrap",
        "id-aes128-wrap-pad" | "aes128-wrap-pad" => "aes-128-wrap-pad",
        "id-aes192-wrap-pad" | "aes192-wrap-pad" => "aes-192-wrap-pad",
        "id-aes256-wrap-pad" | "aes256-wrap-pad" => "aes-256-wrap-pad",
        n => n,
    };
    let rest = name.strip_prefix("aes-")?;
    let (bits, mode) = rest.split_once('-')?;
    let key_len = match bits {
        "128" => 16,
        "192" => 24,
        "256" => 32,
        _ => return None,
    };
    let mode = match mode {
        "ecb" => Mode::Ecb,
        "cbc" => Mode::Cbc,
        "ctr" => Mode::Ctr,
        "gcm" => Mode::Gcm,
        "wrap" => Mode::Wrap,
        "wrap-pad" => Mode::WrapPad,
        _ => return None,
    };
    Some((key_len, mode))
}

/// What getCipherInfo() reports: key length, IV length, block size and mode name.
pub fn info(name: &str) -> Option<(usize, usize, usize, &'static str)> {
    let (key_len, mode) = parse_name(name)?;
    Some(match mode {
        Mode::Ecb => (key_len, 0, BLOCK, "ecb"),
        Mode::Cbc => (key_len, 16, BLOCK, "cbc"),
        Mode::Ctr => (key_len, 16, 1, "ctr"),
        Mode::Gcm => (key_len, 12, 1, "gcm"),
        Mode::Wrap => (key_len, 8, 8, "wrap"),
        Mode::WrapPad => (key_len, 4, 8, "wrap"),
    })
}

/// One AES block at a time, for the modes that chain blocks themselves.
trait Blocks {
    fn process(&mut self, block: &mut [u8]);
}

struct EcbEnc<C>(C);
struct EcbDec<C>(C);

impl<C: BlockEncrypt> Blocks for EcbEnc<C> {
    fn process(&mut self, block: &mut [u8]) {
        self.0.encrypt_block(GenericArray::from_mut_slice(block));
    }
}

impl<C: BlockDecrypt> Blocks for EcbDec<C> {
    fn process(&mut self, block: &mut [u8]) {
        self.0.decrypt_block(GenericArray::from_mut_slice(block));
    }
}

impl<C: Aes> Blocks for cbc::Encryptor<C> {
    fn process(&mut self, block: &mut [u8]) {
        self.encrypt_block_mut(GenericArray::from_mut_slice(block));
    }
}

impl<C: Aes> Blocks for cbc::Decryptor<C> {
    fn process(&mut self, block: &mut [u8]) {
        self.decrypt_block_mut(GenericArray::from_mut_slice(block));
    }
}

/// AES key wrap with one key: a whole message wrapped or unwrapped (None: input of a
/// length the mode refuses, or a wrapped key that fails its integrity check).
trait Wrapper {
    fn apply(&self, data: &[u8], encrypt: bool, pad: bool) -> Option<Vec<u8>>;
}

impl<C: Aes> Wrapper for aes_kw::Kek<C> {
    fn apply(&self, data: &[u8], encrypt: bool, pad: bool) -> Option<Vec<u8>> {
        match (encrypt, pad) {
            (true, false) => self.wrap_vec(data),
            (false, false) => self.unwrap_vec(data),
            (true, true) => self.wrap_with_padding_vec(data),
            (false, true) => self.unwrap_with_padding_vec(data),
        }
        .ok()
    }
}

fn key_wrap<C: Aes>(key: &[u8]) -> Made<Box<dyn Wrapper>> {
    aes_kw::Kek::<C>::try_from(key)
        .map(|k| Box::new(k) as Box<dyn Wrapper>)
        .map_err(|_| CipherError::InvalidKeyLength)
}

/// Makes `$make::<Aes128/192/256>(...)` for the key's length.
macro_rules! by_key_len {
    ($key:expr, $make:ident) => {
        match $key.len() {
            16 => $make::<Aes128>($key),
            24 => $make::<Aes192>($key),
            _ => $make::<Aes256>($key),
        }
    };
    ($key:expr, $iv:expr, $make:ident) => {
        match $key.len() {
            16 => $make::<Aes128>($key, $iv),
            24 => $make::<Aes192>($key, $iv),
            _ => $make::<Aes256>($key, $iv),
        }
    };
}

// The makers below are called with lengths Cipher::new has checked; a wrong one is still
// an error value, not a panic.

fn ecb_enc<C: Aes>(key: &[u8]) -> Made<Box<dyn Blocks>> {
    Ok(Box::new(EcbEnc(
        C::new_from_slice(key).map_err(|_| CipherError::InvalidKeyLength)?,
    )))
}

fn ecb_dec<C: Aes>(key: &[u8]) -> Made<Box<dyn Blocks>> {
    Ok(Box::new(EcbDec(
        C::new_from_slice(key).map_err(|_| CipherError::InvalidKeyLength)?,
    )))
}

type Made<T> = Result<T, CipherError>;

fn cbc_enc<C: Aes>(key: &[u8], iv: &[u8]) -> Made<Box<dyn Blocks>> {
    Ok(Box::new(
        cbc::Encryptor::<C>::new_from_slices(key, iv).map_err(|_| CipherError::InvalidIv)?,
    ))
}

fn cbc_dec<C: Aes>(key: &[u8], iv: &[u8]) -> Made<Box<dyn Blocks>> {
    Ok(Box::new(
        cbc::Decryptor::<C>::new_from_slices(key, iv).map_err(|_| CipherError::InvalidIv)?,
    ))
}

/// The AES types, as the generic makers below need them.
trait Aes:
    BlockCipher
    + BlockEncrypt
    + BlockDecrypt
    + KeyInit
    + BlockSizeUser<BlockSize = U16>
    + Clone
    + 'static
{
}
impl Aes for Aes128 {}
impl Aes for Aes192 {}
impl Aes for Aes256 {}

type Stream = Box<dyn StreamCipher>;

fn ctr128<C: Aes>(key: &[u8], iv: &[u8]) -> Made<Stream> {
    Ok(Box::new(
        ctr::Ctr128BE::<C>::new_from_slices(key, iv).map_err(|_| CipherError::InvalidIv)?,
    ))
}

fn ctr32<C: Aes>(key: &[u8], iv: &[u8]) -> Made<Stream> {
    Ok(Box::new(
        ctr::Ctr32BE::<C>::new_from_slices(key, iv).map_err(|_| CipherError::InvalidIv)?,
    ))
}

fn encrypt_one<C: Aes>(key: &[u8], block: [u8; 16]) -> Made<[u8; 16]> {
    let mut b = GenericArray::from(block);
    C::new_from_slice(key)
        .map_err(|_| CipherError::InvalidKeyLength)?
        .encrypt_block(&mut b);
    Ok(b.into())
}

/// GCM's state besides its counter-mode stream: the hash over AAD and ciphertext, and the
/// mask E(K, J0) of the tag.
struct Gcm {
    hash: GHash,
    tag_mask: [u8; 16],
    aad: Vec<u8>,
    aad_len: u64,
    data_len: u64,
    /// Ciphertext not yet a whole block for the hash.
    partial: Vec<u8>,
    started: bool,
    tag: Option<Vec<u8>>,
}

impl Gcm {
    /// The AAD goes into the hash, padded, before the first data.
    fn start(&mut self) {
        if !self.started {
            self.started = true;
            self.hash.update_padded(&self.aad);
            self.aad.clear();
        }
    }

    fn absorb(&mut self, ciphertext: &[u8]) {
        self.start();
        self.data_len += ciphertext.len() as u64;
        self.partial.extend_from_slice(ciphertext);
        let whole = self.partial.len() / BLOCK * BLOCK;
        if whole > 0 {
            self.hash.update_padded(&self.partial[..whole]);
            self.partial.drain(..whole);
        }
    }

    fn tag(&mut self) -> [u8; 16] {
        self.start();
        self.hash.update_padded(&self.partial);
        let mut lengths = [0u8; 16];
        lengths[..8].copy_from_slice(&(self.aad_len * 8).to_be_bytes());
        lengths[8..].copy_from_slice(&(self.data_len * 8).to_be_bytes());
        self.hash.update_padded(&lengths);
        let mut tag: [u8; 16] = self.hash.clone().finalize().into();
        for (t, m) in tag.iter_mut().zip(self.tag_mask) {
            *t ^= m;
        }
        tag
    }
}

enum Engine {
    Blocks(Box<dyn Blocks>),
    Stream(Stream),
    Gcm(Stream, Box<Gcm>),
    /// Key wrap, padded (RFC 5649) or not.
    Wrap(Box<dyn Wrapper>, bool),
}

/// A Cipheriv or Decipheriv in progress.
pub struct Cipher {
    engine: Engine,
    encrypt: bool,
    padding: bool,
    /// Input of a block mode not yet processed.
    pending: Vec<u8>,
    /// The tag length GCM reports and checks (authTagLength; 16 by default).
    tag_len: usize,
}

impl Cipher {
    pub fn new(
        name: &str,
        key: &[u8],
        iv: Option<&[u8]>,
        encrypt: bool,
        tag_len: Option<usize>,
    ) -> Result<Cipher, CipherError> {
        let (key_len, mode) = parse_name(name).ok_or(CipherError::UnknownCipher)?;
        if key.len() != key_len {
            return Err(CipherError::InvalidKeyLength);
        }
        let iv = iv.unwrap_or_default();
        let iv_ok = match mode {
            // ECB takes no IV; Node lets a zero-length one pass.
            Mode::Ecb => iv.is_empty(),
            Mode::Cbc | Mode::Ctr => iv.len() == 16,
            Mode::Gcm => !iv.is_empty(),
            Mode::Wrap => iv == WRAP_IV,
            Mode::WrapPad => iv == WRAP_PAD_IV,
        };
        if !iv_ok {
            return Err(CipherError::InvalidIv);
        }
        let engine = match mode {
            Mode::Ecb if encrypt => Engine::Blocks(by_key_len!(key, ecb_enc)?),
            Mode::Ecb => Engine::Blocks(by_key_len!(key, ecb_dec)?),
            Mode::Cbc if encrypt => Engine::Blocks(by_key_len!(key, iv, cbc_enc)?),
            Mode::Cbc => Engine::Blocks(by_key_len!(key, iv, cbc_dec)?),
            Mode::Ctr => Engine::Stream(by_key_len!(key, iv, ctr128)?),
            Mode::Gcm => {
                let h = by_key_len!(key, [0u8; 16], encrypt_one)?;
                let j0 = gcm_j0(&h, iv);
                let tag_mask = by_key_len!(key, j0, encrypt_one)?;
                let mut first = j0;
                let counter = u32::from_be_bytes([j0[12], j0[13], j0[14], j0[15]]).wrapping_add(1);
                first[12..].copy_from_slice(&counter.to_be_bytes());
                let gcm = Gcm {
                    hash: GHash::new(GenericArray::from_slice(&h)),
                    tag_mask,
                    aad: Vec::new(),
                    aad_len: 0,
                    data_len: 0,
                    partial: Vec::new(),
                    started: false,
                    tag: None,
                };
                Engine::Gcm(by_key_len!(key, &first[..], ctr32)?, Box::new(gcm))
            }
            Mode::Wrap => Engine::Wrap(by_key_len!(key, key_wrap)?, false),
            Mode::WrapPad => Engine::Wrap(by_key_len!(key, key_wrap)?, true),
        };
        Ok(Cipher {
            engine,
            encrypt,
            padding: true,
            pending: Vec::new(),
            tag_len: tag_len.unwrap_or(16),
        })
    }

    pub fn set_padding(&mut self, on: bool) {
        self.padding = on;
    }

    /// Adds additional authenticated data (GCM only; false otherwise, or after data).
    pub fn set_aad(&mut self, aad: &[u8]) -> bool {
        match &mut self.engine {
            Engine::Gcm(_, gcm) if !gcm.started => {
                gcm.aad.extend_from_slice(aad);
                gcm.aad_len += aad.len() as u64;
                true
            }
            _ => false,
        }
    }

    /// The tag a decryption must match (GCM only; false otherwise).
    pub fn set_tag(&mut self, tag: &[u8]) -> bool {
        match &mut self.engine {
            Engine::Gcm(_, gcm) if !self.encrypt => {
                gcm.tag = Some(tag.to_vec());
                true
            }
            _ => false,
        }
    }

    pub fn is_gcm(&self) -> bool {
        matches!(self.engine, Engine::Gcm(..))
    }

    /// What `input` gives now; None where OpenSSL's update fails (a key wrap of a length
    /// it refuses, or one whose integrity check fails).
    pub fn update(&mut self, input: &[u8]) -> Option<Vec<u8>> {
        Some(match &mut self.engine {
            Engine::Wrap(w, pad) => return w.apply(input, self.encrypt, *pad),
            Engine::Stream(s) => {
                let mut out = input.to_vec();
                s.apply_keystream(&mut out);
                out
            }
            Engine::Gcm(s, gcm) => {
                let mut out = input.to_vec();
                if !self.encrypt {
                    gcm.absorb(input);
                }
                s.apply_keystream(&mut out);
                if self.encrypt {
                    gcm.absorb(&out);
                }
                out
            }
            Engine::Blocks(b) => {
                self.pending.extend_from_slice(input);
                let total = self.pending.len();
                // A decryption with padding keeps a whole last block for final().
                let take = if !self.encrypt && self.padding && total > 0 {
                    (total - 1) / BLOCK * BLOCK
                } else {
                    total / BLOCK * BLOCK
                };
                let mut out: Vec<u8> = self.pending.drain(..take).collect();
                for block in out.chunks_exact_mut(BLOCK) {
                    b.process(block);
                }
                out
            }
        })
    }

    /// The rest of the output; for GCM encryption, the tag (truncated to the tag length)
    /// comes back as the second value.
    pub fn finish(&mut self) -> Result<(Vec<u8>, Option<Vec<u8>>), CipherError> {
        let tag_len = self.tag_len;
        match &mut self.engine {
            Engine::Stream(_) | Engine::Wrap(..) => Ok((Vec::new(), None)),
            Engine::Gcm(_, gcm) => {
                let tag = gcm.tag();
                if self.encrypt {
                    return Ok((Vec::new(), Some(tag[..tag_len.min(16)].to_vec())));
                }
                match &gcm.tag {
                    Some(expected)
                        if !expected.is_empty()
                            && expected.len() <= 16
                            && constant_time_eq(expected, &tag[..expected.len()]) =>
                    {
                        Ok((Vec::new(), None))
                    }
                    _ => Err(CipherError::Unauthenticated),
                }
            }
            Engine::Blocks(b) => {
                let mut last = std::mem::take(&mut self.pending);
                if self.encrypt {
                    if self.padding {
                        let n = BLOCK - last.len() % BLOCK;
                        last.resize(last.len() + n, n as u8);
                    } else if !last.len().is_multiple_of(BLOCK) {
                        return Err(CipherError::WrongFinalBlockLength);
                    }
                    for block in last.chunks_exact_mut(BLOCK) {
                        b.process(block);
                    }
                    return Ok((last, None));
                }
                if !last.len().is_multiple_of(BLOCK) || (self.padding && last.is_empty()) {
                    return Err(CipherError::WrongFinalBlockLength);
                }
                for block in last.chunks_exact_mut(BLOCK) {
                    b.process(block);
                }
                if self.padding {
                    let n = last[last.len() - 1] as usize;
                    if n == 0
                        || n > BLOCK
                        || last[last.len() - n..].iter().any(|&x| x as usize != n)
                    {
                        return Err(CipherError::BadDecrypt);
                    }
                    last.truncate(last.len() - n);
                }
                Ok((last, None))
            }
        }
    }
}

/// GCM's first counter block: the IV and a counter of 1 for a 96-bit IV, the hash of the
/// IV otherwise (NIST SP 800-38D 7.1).
fn gcm_j0(h: &[u8; 16], iv: &[u8]) -> [u8; 16] {
    let mut j0 = [0u8; 16];
    if iv.len() == 12 {
        j0[..12].copy_from_slice(iv);
        j0[15] = 1;
        return j0;
    }
    let mut hash = GHash::new(GenericArray::from_slice(h));
    hash.update_padded(iv);
    let mut lengths = [0u8; 16];
    lengths[8..].copy_from_slice(&(iv.len() as u64 * 8).to_be_bytes());
    hash.update_padded(&lengths);
    hash.finalize().into()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn cbc_round_trip_in_pieces() {
        let key = [7u8; 32];
        let iv = [9u8; 16];
        let text: Vec<u8> = (0..100u8).collect();
        let mut enc = Cipher::new("aes-256-cbc", &key, Some(&iv), true, None).unwrap();
        let mut ct = enc.update(&text[..33]).unwrap();
        assert_eq!(ct.len(), 32);
        ct.extend(enc.update(&text[33..]).unwrap());
        ct.extend(enc.finish().unwrap().0);
        assert_eq!(ct.len(), 112);
        let mut dec = Cipher::new("aes-256-cbc", &key, Some(&iv), false, None).unwrap();
        // The last whole block waits for final().
        let mut pt = dec.update(&ct[..32]).unwrap();
        assert_eq!(pt.len(), 16);
        pt.extend(dec.update(&ct[32..]).unwrap());
        pt.extend(dec.finish().unwrap().0);
        assert_eq!(pt, text);
        let mut bad = Cipher::new("aes-256-cbc", &[8u8; 32], Some(&iv), false, None).unwrap();
        bad.update(&ct).unwrap();
        assert_eq!(bad.finish(), Err(CipherError::BadDecrypt));
    }

    #[test]
    fn gcm_matches_the_nist_vector() {
        // NIST GCM test case 4 (AES-128, 60-byte plaintext, 20-byte AAD).
        let key = unhex("feffe9928665731c6d6a8f9467308308");
        let iv = unhex("cafebabefacedbaddecaf888");
        let pt = unhex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        let aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        let mut enc = Cipher::new("aes-128-gcm", &key, Some(&iv), true, None).unwrap();
        assert!(enc.set_aad(&aad));
        let mut ct = enc.update(&pt[..7]).unwrap();
        ct.extend(enc.update(&pt[7..]).unwrap());
        let (rest, tag) = enc.finish().unwrap();
        assert!(rest.is_empty());
        assert_eq!(hex(&ct), "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091");
        assert_eq!(hex(&tag.unwrap()), "5bc94fbc3221a5db94fae95ae7121a47");
        let mut dec = Cipher::new("aes-128-gcm", &key, Some(&iv), false, None).unwrap();
        dec.set_aad(&aad);
        assert_eq!(dec.update(&ct).unwrap(), pt);
        dec.set_tag(&unhex("5bc94fbc3221a5db94fae95ae7121a47"));
        assert!(dec.finish().is_ok());
        let mut forged = Cipher::new("aes-128-gcm", &key, Some(&iv), false, None).unwrap();
        forged.update(&ct).unwrap();
        forged.set_tag(&[0u8; 16]);
        assert_eq!(forged.finish(), Err(CipherError::Unauthenticated));
    }

    #[test]
    fn key_wrap_matches_rfc_3394_and_refuses_a_bad_unwrap() {
        let kek = unhex("000102030405060708090a0b0c0d0e0f");
        let data = unhex("00112233445566778899aabbccddeeff");
        let mut wrap = Cipher::new("id-aes128-wrap", &kek, Some(&WRAP_IV), true, None).unwrap();
        let wrapped = wrap.update(&data).unwrap();
        assert_eq!(
            hex(&wrapped),
            "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"
        );
        let mut unwrap = Cipher::new("aes128-wrap", &kek, Some(&WRAP_IV), false, None).unwrap();
        assert_eq!(unwrap.update(&wrapped).unwrap(), data);
        let mut bad = Cipher::new("aes128-wrap", &kek, Some(&WRAP_IV), false, None).unwrap();
        assert_eq!(bad.update(&[0; 24]), None);
        assert!(Cipher::new("aes128-wrap", &kek, Some(&[0; 8]), true, None).is_err());
    }

    #[test]
    fn names_and_lengths() {
        assert_eq!(
            Cipher::new("aes-128-cbc", &[0; 15], Some(&[0; 16]), true, None).err(),
            Some(CipherError::InvalidKeyLength)
        );
        assert_eq!(
            Cipher::new("aes-128-ctr", &[0; 16], Some(&[0; 8]), true, None).err(),
            Some(CipherError::InvalidIv)
        );
        assert_eq!(
            Cipher::new("des-ede3", &[0; 24], None, true, None).err(),
            Some(CipherError::UnknownCipher)
        );
        assert_eq!(info("AES256"), Some((32, 16, 16, "cbc")));
    }
}
