//! The cipher suites rustls offers under Node's names, and the `ciphers` option: an
//! OpenSSL cipher list (names, `!`/`-`/`+` prefixes, `A+B` intersections and the keywords
//! that select among these suites), whose `TLS_…` entries choose the TLSv1.3 suites as
//! Node passes them to OpenSSL's separate TLSv1.3 list.

use rustls::crypto::ring::cipher_suite as suite;
use rustls::SupportedCipherSuite;

/// What a TLSv1.2 suite is made of, for the cipher-list keywords.
struct Suite {
    suite: SupportedCipherSuite,
    /// OpenSSL's name (Node's `getCipher().name`).
    openssl: &'static str,
    /// The IANA name (`standardName`).
    iana: &'static str,
    ecdsa: bool,
    /// 128 or 256 for AES, 0 for ChaCha20.
    aes_bits: u16,
}

/// TLSv1.3's suites by their one name, in rustls's order of preference.
const TLS13: [(SupportedCipherSuite, &str); 3] = [
    (suite::TLS13_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384"),
    (suite::TLS13_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256"),
    (
        suite::TLS13_CHACHA20_POLY1305_SHA256,
        "TLS_CHACHA20_POLY1305_SHA256",
    ),
];

const TLS12: [Suite; 6] = [
    Suite {
        suite: suite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        openssl: "ECDHE-ECDSA-AES256-GCM-SHA384",
        iana: "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        ecdsa: true,
        aes_bits: 256,
    },
    Suite {
        suite: suite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        openssl: "ECDHE-ECDSA-AES128-GCM-SHA256",
        iana: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        ecdsa: true,
        aes_bits: 128,
    },
    Suite {
        suite: suite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        openssl: "ECDHE-ECDSA-CHACHA20-POLY1305",
        iana: "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        ecdsa: true,
        aes_bits: 0,
    },
    Suite {
        suite: suite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        openssl: "ECDHE-RSA-AES256-GCM-SHA384",
        iana: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        ecdsa: false,
        aes_bits: 256,
    },
    Suite {
        suite: suite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        openssl: "ECDHE-RSA-AES128-GCM-SHA256",
        iana: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        ecdsa: false,
        aes_bits: 128,
    },
    Suite {
        suite: suite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        openssl: "ECDHE-RSA-CHACHA20-POLY1305",
        iana: "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        ecdsa: false,
        aes_bits: 0,
    },
];

/// A negotiated suite's (name, standardName) as Node reports them.
pub fn names(negotiated: SupportedCipherSuite) -> (&'static str, &'static str) {
    let id = negotiated.suite();
    if let Some((_, name)) = TLS13.iter().find(|(s, _)| s.suite() == id) {
        return (name, name);
    }
    TLS12
        .iter()
        .find(|s| s.suite.suite() == id)
        .map_or(("unknown", "unknown"), |s| (s.openssl, s.iana))
}

/// Every suite's name in lower case, as `tls.getCiphers()` lists them.
pub fn all_names() -> Vec<String> {
    TLS13
        .iter()
        .map(|(_, n)| n.to_ascii_lowercase())
        .chain(TLS12.iter().map(|s| s.openssl.to_ascii_lowercase()))
        .collect()
}

/// Whether the TLSv1.2 suite at `index` answers to one cipher-list word.
fn matches_word(index: usize, word: &str) -> bool {
    let s = &TLS12[index];
    match word {
        "ALL" | "DEFAULT" | "HIGH" | "ECDHE" | "EECDH" | "kECDHE" | "kEECDH" | "AEAD"
        | "TLSv1.2" => true,
        "ECDSA" | "aECDSA" => s.ecdsa,
        "aRSA" => !s.ecdsa,
        "AES" | "AESGCM" => s.aes_bits != 0,
        "AES128" => s.aes_bits == 128,
        "AES256" => s.aes_bits == 256,
        "CHACHA20" => s.aes_bits == 0,
        "SHA384" => s.aes_bits == 256,
        "SHA256" => s.aes_bits != 256,
        _ => s.openssl.eq_ignore_ascii_case(word) || s.iana.eq_ignore_ascii_case(word),
    }
}

/// The suites a `ciphers` list selects, TLSv1.3's first; None when it selects none
/// (Node's "no cipher match"). Words that name nothing here (DHE, PSK, aNULL, RC4 …)
/// select nothing, as OpenSSL's would among these suites.
pub fn select(list: &str) -> Option<Vec<SupportedCipherSuite>> {
    let mut tls13 = Vec::new();
    let mut order: Vec<usize> = Vec::new();
    let mut banned = [false; TLS12.len()];
    let mut tls12_given = false;
    for entry in list.split([':', ',', ' ']).filter(|e| !e.is_empty()) {
        if entry.starts_with("TLS_") && !entry.contains("_WITH_") {
            let (s, _) = TLS13.iter().find(|(_, n)| *n == entry)?;
            tls13.push(*s);
            continue;
        }
        tls12_given = true;
        if entry.starts_with('@') {
            continue; // @STRENGTH, @SECLEVEL=n: these suites are all strong
        }
        let (op, words) = match entry.as_bytes()[0] {
            b'!' | b'-' | b'+' => (entry.as_bytes()[0], &entry[1..]),
            _ => (0, entry),
        };
        let hit: Vec<usize> = (0..TLS12.len())
            .filter(|&i| words.split('+').all(|w| matches_word(i, w)))
            .collect();
        for i in hit {
            match op {
                b'!' => {
                    banned[i] = true;
                    order.retain(|&j| j != i);
                }
                b'-' => order.retain(|&j| j != i),
                b'+' => {
                    if let Some(at) = order.iter().position(|&j| j == i) {
                        order.remove(at);
                        order.push(i);
                    }
                }
                _ if !banned[i] && !order.contains(&i) => order.push(i),
                _ => {}
            }
        }
    }
    if tls12_given && order.is_empty() {
        return None;
    }
    if tls13.is_empty() {
        tls13 = TLS13.iter().map(|(s, _)| *s).collect();
    }
    Some(
        tls13
            .into_iter()
            .chain(order.into_iter().map(|i| TLS12[i].suite))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn openssl_names(list: &str) -> Option<Vec<&'static str>> {
        select(list).map(|v| v.into_iter().map(|s| names(s).0).collect())
    }

    #[test]
    fn names_and_keywords() {
        assert_eq!(
            openssl_names("ECDHE-RSA-AES128-GCM-SHA256").unwrap()[3..],
            ["ECDHE-RSA-AES128-GCM-SHA256"]
        );
        assert_eq!(
            openssl_names("TLS_AES_128_GCM_SHA256").unwrap(),
            ["TLS_AES_128_GCM_SHA256"]
        );
        assert_eq!(
            openssl_names("ECDHE+AESGCM:!ECDSA").unwrap()[3..],
            ["ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256"]
        );
        assert_eq!(select("HIGH:!aNULL:!MD5").unwrap().len(), 9);
        assert_eq!(
            openssl_names("CHACHA20:AES128:+CHACHA20").unwrap()[3..],
            [
                "ECDHE-ECDSA-AES128-GCM-SHA256",
                "ECDHE-RSA-AES128-GCM-SHA256",
                "ECDHE-ECDSA-CHACHA20-POLY1305",
                "ECDHE-RSA-CHACHA20-POLY1305"
            ]
        );
    }

    #[test]
    fn no_match() {
        assert!(select("nope").is_none());
        assert!(select("!ALL").is_none());
        assert!(select("DHE-RSA-AES128-GCM-SHA256").is_none());
        assert!(select("TLS_NOPE").is_none());
    }
}
