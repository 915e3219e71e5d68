//! The native half of lib/tls.js: TLS sessions on rustls (ring provider), fed the
//! ciphertext JS reads from a socket and asked for the ciphertext JS must send. No I/O
//! happens here; the socket stays on the loop like any other.
//!
//! Certificate checks follow Node's choices: `ca` replaces the default roots (Mozilla's,
//! from webpki-roots), and with `rejectUnauthorized: false` a failed check is recorded as
//! the socket's `authorizationError` instead of ending the handshake. A server asks for a
//! client certificate only with `requestCert`, and checks it against its own `ca`.

use super::def;
use super::slots;
use super::tls_ciphers;
use crate::engine::bytes_of;
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Exception, Object, Result, Value};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::WebPkiClientVerifier;
use rustls::{CertificateError, ClientConfig, Connection, DigitallySignedStruct, RootCertStore};
use rustls::{DistinguishedName, ServerConfig, SignatureScheme, SupportedProtocolVersion};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex, OnceLock};

/// A certificate check's failure as Node names it: (code, message).
type Verdict = Arc<Mutex<Option<(&'static str, String)>>>;

/// Node's code and message for a certificate that did not verify.
fn node_cert_error(
    e: &rustls::Error,
    end_entity: &[u8],
    chain_len: usize,
) -> (&'static str, String) {
    let rustls::Error::InvalidCertificate(c) = e else {
        return ("ERR_SSL_HANDSHAKE_FAILURE", e.to_string());
    };
    let self_signed = chain_len == 0 && super::x509::is_self_issued(end_entity);
    match c {
        CertificateError::NotValidForNameContext {
            expected,
            presented,
        } => (
            "ERR_TLS_CERT_ALTNAME_INVALID",
            altname_message(expected, presented),
        ),
        CertificateError::NotValidForName => (
            "ERR_TLS_CERT_ALTNAME_INVALID",
            "Hostname/IP does not match certificate's altnames".into(),
        ),
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            ("CERT_HAS_EXPIRED", "certificate has expired".into())
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            ("CERT_NOT_YET_VALID", "certificate is not yet valid".into())
        }
        CertificateError::Revoked => ("CERT_REVOKED", "certificate revoked".into()),
        // A self-signed leaf fails as an unknown issuer, or (marked as a CA) as a CA
        // used as an end entity; OpenSSL calls both a self-signed certificate.
        CertificateError::UnknownIssuer | CertificateError::Other(_) if self_signed => (
            "DEPTH_ZERO_SELF_SIGNED_CERT",
            "self-signed certificate".into(),
        ),
        CertificateError::UnknownIssuer if chain_len == 0 => (
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
            "unable to verify the first certificate".into(),
        ),
        CertificateError::UnknownIssuer => (
            "SELF_SIGNED_CERT_IN_CHAIN",
            "self-signed certificate in certificate chain".into(),
        ),
        other => ("ERR_SSL_CERTIFICATE_VERIFY_FAILED", format!("{other:?}")),
    }
}

/// Node's (OpenSSL's) code and message for a protocol failure that is not a certificate's.
fn node_protocol_error(e: &rustls::Error) -> (&'static str, String) {
    use rustls::AlertDescription as A;
    match e {
        // Bytes that are not TLS records: OpenSSL reads their first bytes as a version.
        rustls::Error::InvalidMessage(_) => (
            "ERR_SSL_WRONG_VERSION_NUMBER",
            "wrong version number".into(),
        ),
        rustls::Error::AlertReceived(alert) => {
            let (code, text) = match alert {
                A::HandshakeFailure => (
                    "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE",
                    "sslv3 alert handshake failure",
                ),
                A::BadCertificate => (
                    "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
                    "sslv3 alert bad certificate",
                ),
                A::CertificateUnknown => (
                    "ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN",
                    "sslv3 alert certificate unknown",
                ),
                A::UnknownCA => ("ERR_SSL_TLSV1_ALERT_UNKNOWN_CA", "tlsv1 alert unknown ca"),
                A::ProtocolVersion => (
                    "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION",
                    "tlsv1 alert protocol version",
                ),
                A::DecryptError => (
                    "ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR",
                    "tlsv1 alert decrypt error",
                ),
                A::InternalError => (
                    "ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR",
                    "tlsv1 alert internal error",
                ),
                A::NoApplicationProtocol => (
                    "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL",
                    "tlsv1 alert no application protocol",
                ),
                A::CertificateRequired => (
                    "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
                    "tlsv13 alert certificate required",
                ),
                _ => ("ERR_SSL_TLSV1_ALERT", "tlsv1 alert"),
            };
            (code, text.to_string())
        }
        rustls::Error::NoCertificatesPresented => (
            "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE",
            "peer did not return a certificate".into(),
        ),
        rustls::Error::PeerIncompatible(
            rustls::PeerIncompatible::Tls12NotOffered
            | rustls::PeerIncompatible::Tls12NotOfferedOrEnabled
            | rustls::PeerIncompatible::Tls13RequiredForQuic
            | rustls::PeerIncompatible::SupportedVersionsExtensionRequired,
        ) => (
            "ERR_SSL_UNSUPPORTED_PROTOCOL",
            "unsupported protocol".into(),
        ),
        other => ("ERR_SSL_HANDSHAKE_FAILURE", other.to_string()),
    }
}

/// Node's wording for a name mismatch, from webpki's names (`DnsName("a")`, `IpAddress(1.2.3.4)`).
fn altname_message(expected: &ServerName<'_>, presented: &[String]) -> String {
    let names: Vec<(&str, &str)> = presented
        .iter()
        .filter_map(|p| {
            let (kind, rest) = p.split_once('(')?;
            Some((kind, rest.strip_suffix(')')?.trim_matches('"')))
        })
        .collect();
    let head = "Hostname/IP does not match certificate's altnames";
    match expected {
        ServerName::IpAddress(ip) => {
            let ips: Vec<&str> = names
                .iter()
                .filter(|(k, _)| *k == "IpAddress")
                .map(|(_, v)| *v)
                .collect();
            let ip: core::net::IpAddr = (*ip).into();
            format!(
                "{head}: IP: {ip} is not in the cert's list: {}",
                ips.join(", ")
            )
        }
        other => {
            let host = match other {
                ServerName::DnsName(d) => d.as_ref().to_owned(),
                _ => String::new(),
            };
            let alts: Vec<String> = names
                .iter()
                .map(|(k, v)| match *k {
                    "DnsName" => format!("DNS:{v}"),
                    "IpAddress" => format!("IP Address:{v}"),
                    _ => format!("{k}:{v}"),
                })
                .collect();
            format!(
                "{head}: Host: {host}. is not in the cert's altnames: {}",
                alts.join(", ")
            )
        }
    }
}

/// The handshake-signature checks a verifier leaves to the webpki one it wraps (`inner`):
/// they prove the peer holds its certificate's key, whatever is made of the certificate.
macro_rules! delegate_handshake_signatures {
    () => {
        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
            self.inner.verify_tls12_signature(message, cert, dss)
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
            self.inner.verify_tls13_signature(message, cert, dss)
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.inner.supported_verify_schemes()
        }
    };
}

/// WebPKI verification whose failure is either fatal or only recorded.
#[derive(Debug)]
struct Verifier {
    inner: Arc<WebPkiServerVerifier>,
    reject: bool,
    verdict: VerdictSlot,
    /// The `ca` certificates (DER): one of them presented as the server's own is trusted
    /// as it stands (see [`check_as_given`]).
    trusted: CaCerts,
}

/// The check of an `end_entity` that is itself one of the `ca` certificates (None for any
/// other): OpenSSL trusts a certificate in its store without a chain above it (a
/// self-signed development certificate given as `ca`, which webpki refuses when it is
/// marked as a CA), so its validity period and name are all that is left to check.
fn check_as_given(
    trusted: &[Vec<u8>],
    end_entity: &CertificateDer<'_>,
    server_name: &ServerName<'_>,
    now: UnixTime,
) -> Option<std::result::Result<(), rustls::Error>> {
    if !trusted.iter().any(|c| c.as_slice() == end_entity.as_ref()) {
        return None;
    }
    let (from, to) = super::x509::validity(end_entity.as_ref())?;
    let now = now.as_secs() as i64;
    if now < from {
        return Some(Err(CertificateError::NotValidYet.into()));
    }
    if now > to {
        return Some(Err(CertificateError::Expired.into()));
    }
    let parsed = rustls::server::ParsedCertificate::try_from(end_entity).ok()?;
    Some(rustls::client::verify_server_name(&parsed, server_name))
}

#[derive(Debug, Default)]
struct VerdictSlot(Verdict);

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Ok(v) => Ok(v),
            Err(e) => {
                let e = match check_as_given(&self.trusted, end_entity, server_name, now) {
                    Some(Ok(())) => return Ok(ServerCertVerified::assertion()),
                    Some(Err(as_given)) => as_given,
                    None => e,
                };
                let verdict = node_cert_error(&e, end_entity, intermediates.len());
                *self.verdict.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(verdict);
                if self.reject {
                    Err(e)
                } else {
                    Ok(ServerCertVerified::assertion())
                }
            }
        }
    }

    delegate_handshake_signatures!();
}

/// A server's check of client certificates (`requestCert`). Strict (`rejectUnauthorized`):
/// a missing or untrusted certificate ends the handshake. Lenient: any certificate is
/// taken (its signature over the handshake still proves the key), and [`client_verdict`]
/// judges it afterwards for `authorized`/`authorizationError`.
#[derive(Debug)]
struct ClientAuth {
    inner: Arc<dyn ClientCertVerifier>,
    reject: bool,
}

impl ClientCertVerifier for ClientAuth {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        self.reject
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> std::result::Result<ClientCertVerified, rustls::Error> {
        match self
            .inner
            .verify_client_cert(end_entity, intermediates, now)
        {
            Err(e) if self.reject => Err(e),
            _ => Ok(ClientCertVerified::assertion()),
        }
    }

    delegate_handshake_signatures!();
}

/// What a server that asked for a client certificate makes of the one it got, in Node's
/// terms (None: trusted).
fn client_verdict(
    auth: &ClientAuth,
    chain: Option<&[CertificateDer<'_>]>,
) -> Option<(&'static str, String)> {
    let Some((end_entity, intermediates)) = chain.and_then(|c| c.split_first()) else {
        return Some((
            "UNABLE_TO_GET_ISSUER_CERT",
            "unable to get issuer certificate".into(),
        ));
    };
    auth.inner
        .verify_client_cert(end_entity, intermediates, UnixTime::now())
        .err()
        .map(|e| node_cert_error(&e, end_entity, intermediates.len()))
}

/// A server context: its rustls configuration and, with `requestCert`, its client check.
struct ServerContext {
    config: Arc<ServerConfig>,
    client_auth: Option<Arc<ClientAuth>>,
    /// The `ca` certificates (DER) client certificates are checked against.
    trusted: Arc<Vec<Vec<u8>>>,
}

/// The protocol versions between `minVersion` and `maxVersion` (validated by lib/). rustls
/// speaks TLS 1.2 and 1.3 only, so a range that allows neither is an error.
/// The versions of the minVersion..maxVersion range that `provider` has suites for.
fn protocol_versions(
    ctx: &Ctx<'_>,
    opts: &Object<'_>,
    provider: &rustls::crypto::CryptoProvider,
) -> Result<Vec<&'static SupportedProtocolVersion>> {
    let rank = |v: Option<String>, default: u8| match v.as_deref() {
        Some("TLSv1.3") => 13,
        Some("TLSv1.2") => 12,
        Some("TLSv1.1") => 11,
        Some("TLSv1") => 10,
        _ => default,
    };
    let min = rank(opts.get("minVersion")?, 12);
    let max = rank(opts.get("maxVersion")?, 13);
    let versions: Vec<_> = [(12, &rustls::version::TLS12), (13, &rustls::version::TLS13)]
        .into_iter()
        .filter(|(v, _)| (min..=max).contains(v))
        .map(|(_, version)| version)
        .filter(|version| {
            provider
                .cipher_suites
                .iter()
                .any(|s| s.version() == *version)
        })
        .collect();
    if versions.is_empty() {
        return Err(js_err(
            ctx,
            "no TLS protocol version in range: unode speaks TLSv1.2 and TLSv1.3",
        ));
    }
    Ok(versions)
}

/// A certificate chain and its key from PEM `cert` and `key` options (None if neither).
fn cert_and_key(
    ctx: &Ctx<'_>,
    opts: &Object<'_>,
) -> Result<Option<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)>> {
    let key: Option<String> = opts.get("key")?;
    let cert: Option<String> = opts.get("cert")?;
    match (key, cert) {
        (None, None) => Ok(None),
        (Some(key), Some(cert)) => {
            let certs = certs_from_pem(&cert).map_err(|e| js_err(ctx, &e))?;
            let key = PrivateKeyDer::from_pem_slice(key.as_bytes())
                .map_err(|e| js_err(ctx, &format!("bad private key PEM: {e}")))?;
            Ok(Some((certs, key)))
        }
        _ => Err(js_err(ctx, "`key` and `cert` (PEM) go together")),
    }
}

/// A `ca` option made ready: its certificates (DER, to complete peer chains) and the roots
/// they make (Mozilla's when there are none).
#[derive(Clone)]
struct Trust {
    certs: Arc<Vec<Vec<u8>>>,
    roots: Arc<RootCertStore>,
}

thread_local! {
    /// Trust made from `ca` lists, by the lists' text: every connection of a client with a
    /// `ca` (often all of tls.rootCertificates and one more) would otherwise parse it anew.
    static TRUST: std::cell::RefCell<std::collections::HashMap<u64, Trust>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn trust_of(ctx: &Ctx<'_>, ca: &[String]) -> Result<Trust> {
    if ca.is_empty() {
        return Ok(Trust {
            certs: Arc::new(Vec::new()),
            roots: default_roots(),
        });
    }
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        ca.hash(&mut h);
        h.finish()
    };
    if let Some(t) = TRUST.with_borrow(|m| m.get(&key).cloned()) {
        return Ok(t);
    }
    let mut certs = Vec::new();
    let mut store = RootCertStore::empty();
    for pem in ca {
        for cert in certs_from_pem(pem).map_err(|e| js_err(ctx, &e))? {
            certs.push(cert.as_ref().to_vec());
            store
                .add(cert)
                .map_err(|e| js_err(ctx, &format!("bad CA certificate: {e}")))?;
        }
    }
    let trust = Trust {
        certs: Arc::new(certs),
        roots: Arc::new(store),
    };
    TRUST.with_borrow_mut(|m| {
        // A handful of distinct lists is the norm; a program making them by the thousand
        // does not keep them all.
        if m.len() >= 32 {
            m.clear();
        }
        m.insert(key, trust.clone());
    });
    Ok(trust)
}

/// A view of the session cache shared by a group of verified clients (see
/// [`VerifiedClients`]): every connection stores the sessions it is given and counts them,
/// so that it can tell one came (Node's 'session' event); only a connection asked to
/// resume (`offer`) takes one back.
#[derive(Debug)]
struct SessionCache {
    inner: Arc<rustls::client::ClientSessionMemoryCache>,
    received: Arc<std::sync::atomic::AtomicU64>,
    offer: bool,
}

impl SessionCache {
    fn note(&self) {
        self.received
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

impl rustls::client::ClientSessionStore for SessionCache {
    fn set_kx_hint(&self, name: ServerName<'static>, group: rustls::NamedGroup) {
        self.inner.set_kx_hint(name, group)
    }

    fn kx_hint(&self, name: &ServerName<'_>) -> Option<rustls::NamedGroup> {
        self.inner.kx_hint(name)
    }

    fn set_tls12_session(
        &self,
        name: ServerName<'static>,
        value: rustls::client::Tls12ClientSessionValue,
    ) {
        self.note();
        self.inner.set_tls12_session(name, value)
    }

    fn tls12_session(
        &self,
        name: &ServerName<'_>,
    ) -> Option<rustls::client::Tls12ClientSessionValue> {
        self.offer.then(|| self.inner.tls12_session(name)).flatten()
    }

    fn remove_tls12_session(&self, name: &ServerName<'static>) {
        self.inner.remove_tls12_session(name)
    }

    fn insert_tls13_ticket(
        &self,
        name: ServerName<'static>,
        value: rustls::client::Tls13ClientSessionValue,
    ) {
        self.note();
        self.inner.insert_tls13_ticket(name, value)
    }

    fn take_tls13_ticket(
        &self,
        name: &ServerName<'static>,
    ) -> Option<rustls::client::Tls13ClientSessionValue> {
        self.offer
            .then(|| self.inner.take_tls13_ticket(name))
            .flatten()
    }
}

/// What the verified clients of one trust, identity, ALPN list and protocol range share.
/// rustls resumes a session only under the verifier and certificate resolver that made it
/// (it compares them by pointer), so these clients share one configuration — in two
/// forms, resuming and not — rather than each building its own. Their verdict slot is
/// shared too: with `rejectUnauthorized` it only names a failure, read in the same `feed`.
#[derive(Clone)]
struct VerifiedClients {
    resuming: Arc<ClientConfig>,
    storing: Arc<ClientConfig>,
    verdict: Verdict,
    received: Arc<std::sync::atomic::AtomicU64>,
    trusted: Arc<Vec<Vec<u8>>>,
}

thread_local! {
    static VERIFIED_CLIENTS: std::cell::RefCell<std::collections::HashMap<u64, VerifiedClients>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn verified_clients(ctx: &Ctx<'_>, opts: &Object<'_>) -> Result<VerifiedClients> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    strings(opts.get("ca")?)?.hash(&mut h);
    strings(opts.get("alpn")?)?.hash(&mut h);
    for key in ["key", "cert", "minVersion", "maxVersion", "ciphers"] {
        opts.get::<_, Option<String>>(key)?.hash(&mut h);
    }
    let key = h.finish();
    if let Some(group) = VERIFIED_CLIENTS.with_borrow(|m| m.get(&key).cloned()) {
        return Ok(group);
    }
    let (mut resuming, verdict, trusted) = client_config(ctx, opts, true)?;
    let inner = Arc::new(rustls::client::ClientSessionMemoryCache::new(64));
    let received = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let view = |offer| {
        rustls::client::Resumption::store(Arc::new(SessionCache {
            inner: inner.clone(),
            received: received.clone(),
            offer,
        }))
    };
    let mut storing = resuming.clone();
    resuming.resumption = view(true);
    storing.resumption = view(false);
    let group = VerifiedClients {
        resuming: Arc::new(resuming),
        storing: Arc::new(storing),
        verdict,
        received,
        trusted,
    };
    VERIFIED_CLIENTS.with_borrow_mut(|m| {
        if m.len() >= 64 {
            m.clear();
        }
        m.insert(key, group.clone());
    });
    Ok(group)
}

/// Mozilla's root certificates as PEM texts (tls.rootCertificates).
fn root_certificates_pem() -> Vec<String> {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| {
            let b64 = base64_simd::STANDARD.encode_to_string(der.as_ref());
            let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
            for line in b64.as_bytes().chunks(64) {
                pem.push_str(std::str::from_utf8(line).unwrap_or_default());
                pem.push('\n');
            }
            pem.push_str("-----END CERTIFICATE-----");
            pem
        })
        .collect()
}

/// ring, not rustls's default aws-lc-rs: it builds with only a C compiler, keeping the
/// two-command setup; its lack of post-quantum key exchange is why rustls deprecates it.
#[allow(deprecated)]
fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    static PROVIDER: OnceLock<Arc<rustls::crypto::CryptoProvider>> = OnceLock::new();
    PROVIDER
        .get_or_init(|| Arc::new(rustls::crypto::ring::default_provider()))
        .clone()
}

/// The provider with the suites of a `ciphers` option (checked by JS, which reports a
/// list that selects none as Node does), or the default one.
fn provider_for(ctx: &Ctx<'_>, opts: &Object<'_>) -> Result<Arc<rustls::crypto::CryptoProvider>> {
    let Some(list) = opts.get::<_, Option<String>>("ciphers")? else {
        return Ok(provider());
    };
    let suites = tls_ciphers::select(&list)
        .ok_or_else(|| js_err(ctx, &format!("no cipher match: {list}")))?;
    Ok(Arc::new(rustls::crypto::CryptoProvider {
        cipher_suites: suites,
        ..(*provider()).clone()
    }))
}

/// Verifies against Mozilla's roots, built once per process (parsing them is not free).
fn default_roots() -> Arc<RootCertStore> {
    static ROOTS: OnceLock<Arc<RootCertStore>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            Arc::new(RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            })
        })
        .clone()
}

fn certs_from_pem(pem: &str) -> std::result::Result<Vec<CertificateDer<'static>>, String> {
    let certs = CertificateDer::pem_slice_iter(pem.as_bytes())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| format!("bad certificate PEM: {e}"))?;
    if certs.is_empty() {
        return Err("no certificate in the PEM text".into());
    }
    Ok(certs)
}

struct Session {
    conn: Connection,
    verdict: Verdict,
    /// A verified client's count of sessions received by its group, and the count when this
    /// connection last looked.
    sessions: Option<(Arc<std::sync::atomic::AtomicU64>, u64)>,
    /// A server's client check, when it asked for certificates.
    client_auth: Option<Arc<ClientAuth>>,
    /// The `ca` certificates (DER) the peer is checked against, to complete its chain.
    trusted: Arc<Vec<Vec<u8>>>,
}

fn js_err(ctx: &Ctx<'_>, message: &str) -> rquickjs::Error {
    Exception::throw_message(ctx, message)
}

fn strings(v: Option<Array<'_>>) -> Result<Vec<String>> {
    v.map(|a| a.iter::<String>().collect::<Result<Vec<_>>>())
        .transpose()
        .map(Option::unwrap_or_default)
}

/// The DER certificates of a `ca` option.
type CaCerts = Arc<Vec<Vec<u8>>>;

/// A client configuration of these options, its verdict slot and its `ca` certificates.
fn client_config(
    ctx: &Ctx<'_>,
    opts: &Object<'_>,
    reject: bool,
) -> Result<(ClientConfig, Verdict, CaCerts)> {
    let Trust {
        certs: trusted,
        roots,
    } = trust_of(ctx, &strings(opts.get("ca")?)?)?;
    let inner = WebPkiServerVerifier::builder_with_provider(roots, provider())
        .build()
        .map_err(|e| js_err(ctx, &e.to_string()))?;
    let verdict = Verdict::default();
    let verifier = Verifier {
        inner,
        reject,
        verdict: VerdictSlot(verdict.clone()),
        trusted: trusted.clone(),
    };
    let suites = provider_for(ctx, opts)?;
    let builder = ClientConfig::builder_with_provider(suites.clone())
        .with_protocol_versions(&protocol_versions(ctx, opts, &suites)?)
        .map_err(|e| js_err(ctx, &e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier));
    let mut config = match cert_and_key(ctx, opts)? {
        Some((certs, key)) => builder
            .with_client_auth_cert(certs, key)
            .map_err(|e| js_err(ctx, &format!("key and certificate do not match: {e}")))?,
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = strings(opts.get("alpn")?)?
        .into_iter()
        .map(String::into_bytes)
        .collect();
    Ok((config, verdict, trusted))
}

fn client(ctx: &Ctx<'_>, opts: &Object<'_>) -> Result<Session> {
    let servername: String = opts.get("servername")?;
    let reject: bool = opts
        .get::<_, Option<bool>>("rejectUnauthorized")?
        .unwrap_or(true);
    let resume = opts.get::<_, Option<bool>>("resume")?.unwrap_or(false);
    // A client that lets a failed check pass keeps its verdict for `authorized` after the
    // handshake: its configuration is its own, and it never resumes (a resumed session is
    // not checked again).
    let (config, verdict, sessions, trusted) = if reject {
        let group = verified_clients(ctx, opts)?;
        let config = if resume {
            group.resuming
        } else {
            group.storing
        };
        let seen = group.received.load(std::sync::atomic::Ordering::Relaxed);
        (
            config,
            group.verdict,
            Some((group.received, seen)),
            group.trusted,
        )
    } else {
        let (mut config, verdict, trusted) = client_config(ctx, opts, false)?;
        config.resumption = rustls::client::Resumption::disabled();
        (Arc::new(config), verdict, None, trusted)
    };
    let name = ServerName::try_from(servername.clone())
        .map_err(|_| js_err(ctx, &format!("invalid servername {servername:?}")))?;
    let mut conn =
        rustls::ClientConnection::new(config, name).map_err(|e| js_err(ctx, &e.to_string()))?;
    // The stream above holds back writers; rustls need not cap what waits for the handshake.
    conn.set_buffer_limit(None);
    Ok(Session {
        conn: conn.into(),
        verdict,
        sessions,
        client_auth: None,
        trusted,
    })
}

fn server_context(ctx: &Ctx<'_>, opts: &Object<'_>) -> Result<ServerContext> {
    let Some((certs, key)) = cert_and_key(ctx, opts)? else {
        return Err(js_err(
            ctx,
            "a TLS server needs `key` and `cert` (PEM) in its options",
        ));
    };
    let suites = provider_for(ctx, opts)?;
    let builder = ServerConfig::builder_with_provider(suites.clone())
        .with_protocol_versions(&protocol_versions(ctx, opts, &suites)?)
        .map_err(|e| js_err(ctx, &e.to_string()))?;
    let request_cert = opts.get::<_, Option<bool>>("requestCert")?.unwrap_or(false);
    let Trust {
        certs: trusted,
        roots,
    } = trust_of(ctx, &strings(opts.get("ca")?)?)?;
    let client_auth = if request_cert {
        let inner = WebPkiClientVerifier::builder_with_provider(roots, provider())
            .allow_unauthenticated()
            .build()
            .map_err(|e| js_err(ctx, &e.to_string()))?;
        let reject = opts
            .get::<_, Option<bool>>("rejectUnauthorized")?
            .unwrap_or(true);
        Some(Arc::new(ClientAuth { inner, reject }))
    } else {
        None
    };
    let builder = match &client_auth {
        Some(auth) => builder.with_client_cert_verifier(auth.clone()),
        None => builder.with_no_client_auth(),
    };
    let mut config = builder
        .with_single_cert(certs, key)
        .map_err(|e| js_err(ctx, &format!("key and certificate do not match: {e}")))?;
    config.ignore_client_order = opts
        .get::<_, Option<bool>>("honorCipherOrder")?
        .unwrap_or(false);
    config.alpn_protocols = strings(opts.get("alpn")?)?
        .into_iter()
        .map(String::into_bytes)
        .collect();
    Ok(ServerContext {
        config: Arc::new(config),
        client_auth,
        trusted,
    })
}

/// Runs ciphertext through the session: [plaintext Buffer or null, peer closed (close_notify),
/// handshake done, error code or null, error message or null, a session to resume came].
fn feed<'js>(ctx: &Ctx<'js>, s: &mut Session, mut input: &[u8]) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    let mut plain = Vec::new();
    let mut closed = false;
    let mut failure = None;
    loop {
        if !input.is_empty() {
            if let Err(e) = s.conn.read_tls(&mut input) {
                failure = Some(("ECONNRESET", e.to_string()));
                break;
            }
        }
        if let Err(e) = s.conn.process_new_packets() {
            let recorded = s.verdict.lock().unwrap_or_else(|p| p.into_inner()).take();
            failure = Some(recorded.unwrap_or_else(|| node_protocol_error(&e)));
            break;
        }
        let mut buf = [0u8; 16384];
        loop {
            match s.conn.reader().read(&mut buf) {
                Ok(0) => {
                    closed = true;
                    break;
                }
                Ok(n) => plain.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) => {
                    // The peer went away without close_notify: an unclean end, which
                    // Node treats as a plain end of stream.
                    let _ = e;
                    closed = true;
                    break;
                }
            }
        }
        if input.is_empty() || closed {
            break;
        }
    }
    out.set(
        0,
        if plain.is_empty() {
            Value::new_null(ctx.clone())
        } else {
            super::buffer::new_buffer(ctx, plain)?
        },
    )?;
    out.set(1, closed)?;
    out.set(2, !s.conn.is_handshaking())?;
    match failure {
        Some((code, message)) => {
            out.set(3, code)?;
            out.set(4, message)?;
        }
        None => {
            out.set(3, Value::new_null(ctx.clone()))?;
            out.set(4, Value::new_null(ctx.clone()))?;
        }
    }
    let mut new_session = false;
    if let Some((received, seen)) = &mut s.sessions {
        let now = received.load(std::sync::atomic::Ordering::Relaxed);
        new_session = now != *seen;
        *seen = now;
    }
    out.set(5, new_session)?;
    Ok(out)
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    let sessions = slots::shared::<Session>();
    let contexts = slots::shared::<ServerContext>();
    // cipherMatch(list) → whether a `ciphers` list selects any suite.
    def(obj, "cipherMatch", |list: String| {
        tls_ciphers::select(&list).is_some()
    })?;
    // cipherNames() → the suites' names, lower case (tls.getCiphers()).
    def(obj, "cipherNames", tls_ciphers::all_names)?;
    let t = sessions.clone();
    // client({ servername, ca, rejectUnauthorized, alpn }) → session id
    def(obj, "client", move |ctx: Ctx<'js>, opts: Object<'js>| {
        let session = client(&ctx, &opts)?;
        Ok::<_, rquickjs::Error>(t.borrow_mut().insert(session))
    })?;
    let c = contexts.clone();
    // serverContext({ key, cert, alpn, requestCert, rejectUnauthorized, ca, minVersion,
    // maxVersion }) → context id (shared by a server's sessions)
    def(
        obj,
        "serverContext",
        move |ctx: Ctx<'js>, opts: Object<'js>| {
            let context = server_context(&ctx, &opts)?;
            Ok::<_, rquickjs::Error>(c.borrow_mut().insert(context))
        },
    )?;
    let (t, c) = (sessions.clone(), contexts.clone());
    def(obj, "server", move |ctx: Ctx<'js>, context: usize| {
        let Some((config, client_auth, trusted)) = c
            .borrow()
            .get(context)
            .map(|c| (c.config.clone(), c.client_auth.clone(), c.trusted.clone()))
        else {
            return Err(js_err(&ctx, "TLS server context closed"));
        };
        let mut conn =
            rustls::ServerConnection::new(config).map_err(|e| js_err(&ctx, &e.to_string()))?;
        conn.set_buffer_limit(None);
        Ok(t.borrow_mut().insert(Session {
            conn: conn.into(),
            verdict: Verdict::default(),
            sessions: None,
            client_auth,
            trusted,
        }))
    })?;
    let c = contexts;
    def(obj, "freeContext", move |id: usize| {
        c.borrow_mut().take(id);
    })?;
    let t = sessions.clone();
    def(
        obj,
        "feed",
        move |ctx: Ctx<'js>, id: usize, data: Value<'js>| -> Result<Array<'js>> {
            let Some((ptr, len)) = bytes_of(&ctx, &data) else {
                return Err(Exception::throw_type(&ctx, "TLS input must be bytes"));
            };
            // SAFETY: (ptr, len) is the live buffer behind `data`; no JS runs while it is read.
            let input = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
            let mut all = t.borrow_mut();
            let Some(s) = all.get_mut(id) else {
                return Err(js_err(&ctx, "TLS session closed"));
            };
            feed(&ctx, s, input)
        },
    )?;
    let t = sessions.clone();
    // write(id, bytes): plaintext to send (kept by rustls until the handshake is done).
    def(
        obj,
        "write",
        move |ctx: Ctx<'js>, id: usize, data: Value<'js>| -> Result<()> {
            let Some((ptr, len)) = bytes_of(&ctx, &data) else {
                return Err(Exception::throw_type(&ctx, "TLS output must be bytes"));
            };
            // SAFETY: as in feed.
            let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
            if let Some(s) = t.borrow_mut().get_mut(id) {
                s.conn
                    .writer()
                    .write_all(bytes)
                    .map_err(|e| js_err(&ctx, &e.to_string()))?;
            }
            Ok(())
        },
    )?;
    let t = sessions.clone();
    // outgoing(id) → the ciphertext to send now, or null.
    def(
        obj,
        "outgoing",
        move |ctx: Ctx<'js>, id: usize| -> Result<Value<'js>> {
            let mut out = Vec::new();
            if let Some(s) = t.borrow_mut().get_mut(id) {
                while s.conn.wants_write() {
                    if s.conn.write_tls(&mut out).is_err() {
                        break;
                    }
                }
            }
            if out.is_empty() {
                Ok(Value::new_null(ctx))
            } else {
                super::buffer::new_buffer(&ctx, out)
            }
        },
    )?;
    let t = sessions.clone();
    def(obj, "closeNotify", move |id: usize| {
        if let Some(s) = t.borrow_mut().get_mut(id) {
            s.conn.send_close_notify();
        }
    })?;
    let t = sessions.clone();
    // info(id) → [protocol, cipher (OpenSSL's name), alpn, authorizationError code, its
    // message, servername, whether the session checks its peer's certificate, whether it
    // was resumed, the cipher's IANA name]
    def(
        obj,
        "info",
        move |ctx: Ctx<'js>, id: usize| -> Result<Array<'js>> {
            let out = Array::new(ctx.clone())?;
            let all = t.borrow();
            let Some(s) = all.get(id) else {
                return Ok(out);
            };
            let protocol = s.conn.protocol_version().map(|v| match v {
                rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".to_string(),
                rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".to_string(),
                other => format!("{other:?}"),
            });
            let cipher = s.conn.negotiated_cipher_suite().map(tls_ciphers::names);
            let alpn = s
                .conn
                .alpn_protocol()
                .map(|p| String::from_utf8_lossy(p).into_owned());
            let verdict = match &s.client_auth {
                Some(auth) => client_verdict(auth, s.conn.peer_certificates()),
                None => s.verdict.lock().unwrap_or_else(|p| p.into_inner()).clone(),
            };
            let servername = match &s.conn {
                Connection::Server(c) => c.server_name().map(str::to_owned),
                Connection::Client(_) => None,
            };
            out.set(0, protocol)?;
            out.set(1, cipher.map(|c| c.0))?;
            out.set(2, alpn)?;
            out.set(3, verdict.as_ref().map(|v| v.0))?;
            out.set(4, verdict.map(|v| v.1))?;
            out.set(5, servername)?;
            out.set(
                6,
                matches!(s.conn, Connection::Client(_)) || s.client_auth.is_some(),
            )?;
            out.set(
                7,
                s.conn.handshake_kind() == Some(rustls::HandshakeKind::Resumed),
            )?;
            out.set(8, cipher.map(|c| c.1))?;
            Ok(out)
        },
    )?;
    let t = sessions.clone();
    // peerCertificate(id, detailed) → the peer's certificates as getPeerCertificate()
    // shows each: its own, or with `detailed` the chain up to a self-issued one (what the
    // peer sent, then issuers from `ca`); empty when there is none (a server that asked
    // for no client certificate).
    def(
        obj,
        "peerCertificate",
        move |ctx: Ctx<'js>, id: usize, detailed: Opt<bool>| -> Result<Array<'js>> {
            let (sent, trusted) = {
                let all = t.borrow();
                let Some(s) = all.get(id) else {
                    return Array::new(ctx.clone());
                };
                let sent: Vec<Vec<u8>> = s
                    .conn
                    .peer_certificates()
                    .unwrap_or_default()
                    .iter()
                    .map(|c| c.as_ref().to_vec())
                    .collect();
                (sent, s.trusted.clone())
            };
            let chain = if detailed.0.unwrap_or(false) {
                // Without a `ca`, the trust is Mozilla's roots.
                let trusted: Vec<&[u8]> = if trusted.is_empty() {
                    webpki_root_certs::TLS_SERVER_ROOT_CERTS
                        .iter()
                        .map(|c| c.as_ref())
                        .collect()
                } else {
                    trusted.iter().map(Vec::as_slice).collect()
                };
                super::x509::complete_chain(&sent, &trusted)
            } else {
                sent.into_iter().take(1).collect()
            };
            let out = Array::new(ctx.clone())?;
            for (i, der) in chain.iter().enumerate() {
                let Some(fields) = super::x509::describe(der) else {
                    break;
                };
                out.set(i, super::x509::to_object(&ctx, fields)?)?;
            }
            Ok(out)
        },
    )?;
    def(obj, "rootCertificates", root_certificates_pem)?;
    def(obj, "free", move |id: usize| {
        sessions.borrow_mut().take(id);
    })?;
    Ok(())
}
