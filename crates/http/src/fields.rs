//! Header fields of an outgoing message: which names and values Node accepts, and which
//! fields change how the message is framed (Connection, Transfer-Encoding,
//! Content-Length, …), as Node's `_storeHeader` reads them.

/// A field that frames the message, as a bit set (see [`framing_of`]).
pub mod framing {
    /// A Connection field.
    pub const CONNECTION: u32 = 1;
    /// A Connection field naming `close`.
    pub const CONNECTION_CLOSE: u32 = 1 << 1;
    /// A Connection field not naming `close`.
    pub const CONNECTION_KEEP: u32 = 1 << 2;
    /// A Transfer-Encoding field.
    pub const TRANSFER_ENCODING: u32 = 1 << 3;
    /// A Transfer-Encoding field naming `chunked`.
    pub const CHUNKED: u32 = 1 << 4;
    /// A Content-Length field.
    pub const CONTENT_LENGTH: u32 = 1 << 5;
    pub const DATE: u32 = 1 << 6;
    pub const EXPECT: u32 = 1 << 7;
    pub const TRAILER: u32 = 1 << 8;
    /// A Keep-Alive field (the message then sends no default one).
    pub const KEEP_ALIVE: u32 = 1 << 9;
}

/// Whether `name` is an HTTP token (RFC 9110's tchar+), as a field name must be.
pub fn is_token(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(is_tchar)
}

/// Whether `b` may be in a token: RFC 9110's tchar.
pub fn is_tchar(b: u8) -> bool {
    TCHARS[b as usize]
}

/// RFC 9110's tchar, by byte: every header name sent or received is checked byte by byte.
static TCHARS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            );
        b += 1;
    }
    table
};

/// Whether `value` holds only what Node lets into a field value: tab, visible ASCII,
/// space and the latin1 range above it.
pub fn is_field_value(value: &str) -> bool {
    // ASCII, the usual case, byte by byte; anything else character by character.
    value
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
        || value
            .chars()
            .all(|c| c == '\t' || (' '..='~').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c))
}

/// Whether `value` names `word` (ASCII, lower case) as a whole word, in any case: the
/// regular expression /(?:^|\W)word(?:$|\W)/i.
pub fn names_word(value: &str, word: &str) -> bool {
    let hay = value.as_bytes();
    let n = word.len();
    if hay.len() < n {
        return false;
    }
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    (0..=hay.len() - n).any(|i| {
        hay[i..i + n].eq_ignore_ascii_case(word.as_bytes())
            && (i == 0 || !is_word(hay[i - 1]))
            && (i + n == hay.len() || !is_word(hay[i + n]))
    })
}

/// How the field `name: value` frames the message: a [`framing`] bit set, 0 for a field
/// that does not.
pub fn framing_of(name: &str, value: &str) -> u32 {
    if name.len() < 4 || name.len() > 17 {
        return 0;
    }
    let is = |field: &str| name.eq_ignore_ascii_case(field);
    if is("connection") {
        framing::CONNECTION
            | if names_word(value, "close") {
                framing::CONNECTION_CLOSE
            } else {
                framing::CONNECTION_KEEP
            }
    } else if is("transfer-encoding") {
        framing::TRANSFER_ENCODING
            | if names_word(value, "chunked") {
                framing::CHUNKED
            } else {
                0
            }
    } else if is("content-length") {
        framing::CONTENT_LENGTH
    } else if is("date") {
        framing::DATE
    } else if is("expect") {
        framing::EXPECT
    } else if is("trailer") {
        framing::TRAILER
    } else if is("keep-alive") {
        framing::KEEP_ALIVE
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        assert!(is_token("Content-Type"));
        assert!(is_token("x-a_b.c~!#$%&'*+^`|"));
        assert!(!is_token(""));
        assert!(!is_token("bad name"));
        assert!(!is_token("colon:"));
        assert!(!is_token("caf\u{e9}"));
    }

    #[test]
    fn values() {
        assert!(is_field_value("text/plain; charset=utf-8"));
        assert!(is_field_value("tab\there caf\u{e9}"));
        assert!(is_field_value(""));
        assert!(!is_field_value("new\nline"));
        assert!(!is_field_value("nul\0"));
        assert!(!is_field_value("snow \u{2603}"));
        assert!(!is_field_value("del\x7f"));
    }

    #[test]
    fn words() {
        assert!(names_word("close", "close"));
        assert!(names_word("Keep-Alive, CLOSE", "close"));
        assert!(names_word("x,close;y", "close"));
        assert!(!names_word("closed", "close"));
        assert!(!names_word("unclose", "close"));
        assert!(!names_word("clos", "close"));
        assert!(names_word("gzip, chunked", "chunked"));
        assert!(!names_word("chunked_x", "chunked"));
    }

    #[test]
    fn framing_fields() {
        use framing::*;
        assert_eq!(
            framing_of("Connection", "close"),
            CONNECTION | CONNECTION_CLOSE
        );
        assert_eq!(
            framing_of("connection", "keep-alive"),
            CONNECTION | CONNECTION_KEEP
        );
        assert_eq!(
            framing_of("Transfer-Encoding", "chunked"),
            TRANSFER_ENCODING | CHUNKED
        );
        assert_eq!(framing_of("transfer-encoding", "gzip"), TRANSFER_ENCODING);
        assert_eq!(framing_of("Content-Length", "12"), CONTENT_LENGTH);
        assert_eq!(framing_of("DATE", "x"), DATE);
        assert_eq!(framing_of("Expect", "100-continue"), EXPECT);
        assert_eq!(framing_of("Trailer", "x"), TRAILER);
        assert_eq!(framing_of("Keep-Alive", "timeout=5"), KEEP_ALIVE);
        assert_eq!(framing_of("Content-Type", "text/plain"), 0);
        assert_eq!(framing_of("ETag", "x"), 0);
    }
}
