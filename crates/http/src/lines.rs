//! The line structure of a head as llhttp judges it, which httparse does not: line ends
//! (CRLF, or a bare LF only when lenient), obsolete line folding (lenient only), and the
//! HTTP versions Node takes (0.9, 1.0, 1.1 and 2.0; any single digits when lenient). Also
//! the copy of an unusual head that httparse can read (another version, folded lines).

use crate::fields::is_tchar;
use crate::Kind;
use memchr::{memchr, memchr2};

/// A problem llhttp reports: code, reason, and the offset in the head of the byte that
/// shows it (llhttp's bytesParsed counts to there).
pub(crate) type Problem = (&'static str, &'static str, usize);

/// A copy of a head httparse can read, and the version its start line really names when
/// the copy says 1.1 instead.
pub(crate) type ReadableCopy = (Vec<u8>, Option<(u8, u8)>);

/// The versions Node's parser takes without `insecureHTTPParser`.
const STRICT_VERSIONS: [(u8, u8); 4] = [(0, 9), (1, 0), (1, 1), (2, 0)];

/// The `HTTP/d.d` a start line names: the last word of a request line, the first of a
/// status line, with where it ends. None when it is not of that form (httparse reports
/// that).
fn version_of(line: &[u8], kind: Kind) -> Option<((u8, u8), usize)> {
    let (word, end) = match kind {
        Kind::Request => {
            let start = line.iter().rposition(|&b| b == b' ')? + 1;
            (&line[start..], line.len())
        }
        Kind::Response => {
            let end = memchr(b' ', line).unwrap_or(line.len());
            (&line[..end], end)
        }
    };
    match word {
        [b'H', b'T', b'T', b'P', b'/', major, b'.', minor]
            if major.is_ascii_digit() && minor.is_ascii_digit() =>
        {
            Some(((major - b'0', minor - b'0'), end))
        }
        _ => None,
    }
}

/// Checks a head's lines as far as `bytes` go (a head may be incomplete): the first
/// problem llhttp would report, if any.
pub(crate) fn check(bytes: &[u8], kind: Kind, lenient: bool) -> Result<(), Problem> {
    let Some(eol) = memchr2(b'\r', b'\n', bytes) else {
        return Ok(());
    };
    if let Some((version, end)) = version_of(&bytes[..eol], kind) {
        if !lenient && !STRICT_VERSIONS.contains(&version) {
            return Err(("HPE_INVALID_VERSION", "Invalid HTTP version", end));
        }
    }
    let mut pos = match (bytes[eol], bytes.get(eol + 1)) {
        (b'\r', None) => return Ok(()),
        (b'\r', Some(b'\n')) => eol + 2,
        _ if lenient => eol + 1,
        (b'\r', Some(_)) => return Err(("HPE_STRICT", "Expected CRLF after version", eol + 1)),
        _ => {
            return Err(match kind {
                Kind::Request => (
                    "HPE_INVALID_VERSION",
                    "Expected CRLF after version",
                    eol + 1,
                ),
                Kind::Response => (
                    "HPE_CR_EXPECTED",
                    "Missing expected CR after response line",
                    eol,
                ),
            })
        }
    };
    loop {
        let start = pos;
        match bytes.get(pos) {
            None => return Ok(()),
            // The blank line that ends the head.
            Some(b'\r') => {
                return match bytes.get(pos + 1) {
                    None | Some(b'\n') => Ok(()),
                    Some(_) => Err((
                        "HPE_LF_EXPECTED",
                        "Missing expected LF after headers",
                        pos + 1,
                    )),
                };
            }
            Some(b'\n') if lenient => return Ok(()),
            Some(b'\n') => {
                return Err((
                    "HPE_INVALID_HEADER_TOKEN",
                    "Invalid header field char",
                    pos + 1,
                ));
            }
            Some(b' ' | b'\t') if !lenient => {
                return Err((
                    "HPE_INVALID_HEADER_TOKEN",
                    "Unexpected whitespace after header value",
                    pos,
                ));
            }
            Some(_) => {}
        }
        let Some(eol) = memchr2(b'\r', b'\n', &bytes[pos..]).map(|i| pos + i) else {
            return Ok(());
        };
        pos = match (bytes[eol], bytes.get(eol + 1)) {
            (b'\r', None) => return Ok(()),
            (b'\r', Some(b'\n')) => eol + 2,
            (b'\r', Some(_)) => {
                return Err((
                    "HPE_LF_EXPECTED",
                    "Missing expected LF after header value",
                    eol + 1,
                ))
            }
            _ if lenient => eol + 1,
            _ => {
                let line = &bytes[start..eol];
                let empty_value = memchr(b':', line)
                    .is_some_and(|c| line[c + 1..].iter().all(|&b| b == b' ' || b == b'\t'));
                return Err(if empty_value {
                    (
                        "HPE_INVALID_HEADER_TOKEN",
                        "Invalid header value char",
                        eol + 1,
                    )
                } else {
                    (
                        "HPE_CR_EXPECTED",
                        "Missing expected CR after header value",
                        eol,
                    )
                });
            }
        };
    }
}

/// Where llhttp stops in a head whose bytes httparse rejects, and what it reports: a
/// request target's control character (by the part of the target it is in), a protocol
/// that is not `HTTP/` or does not end the line, a field name's first byte that is not a
/// token character, a field value's control character. None for what it does not locate
/// (then the error is reported at the start of the input). `lenient` (insecureHTTPParser)
/// lets control characters into values, as llhttp does (httparse reads them masked: see
/// [`masked_value_controls`]).
pub(crate) fn locate(bytes: &[u8], kind: Kind, lenient: bool) -> Option<Problem> {
    let line_end = memchr2(b'\r', b'\n', bytes).unwrap_or(bytes.len());
    if kind == Kind::Request {
        if let Some(problem) = locate_in_request_line(&bytes[..line_end]) {
            return Some(problem);
        }
    }
    for (pos, line) in field_lines(bytes, line_end) {
        let colon = memchr(b':', line).unwrap_or(line.len());
        if let Some(i) = line[..colon].iter().position(|&b| !is_tchar(b)) {
            return Some(("HPE_INVALID_HEADER_TOKEN", "Invalid header token", pos + i));
        }
        if colon == 0 || colon == line.len() {
            return Some((
                "HPE_INVALID_HEADER_TOKEN",
                "Invalid header token",
                pos + colon,
            ));
        }
        let value = &line[colon + 1..];
        let control = |b: u8| (b < 0x20 && b != b'\t') || b == 0x7f;
        if let Some(i) = value.iter().position(|&b| !lenient && control(b)) {
            return Some((
                "HPE_INVALID_HEADER_TOKEN",
                "Invalid header value char",
                pos + colon + 1 + i,
            ));
        }
    }
    None
}

/// The field lines of a head whose start line ends at `start_end`, each with its offset:
/// up to the blank line (or the end of the bytes). Lines end at CRLF or a bare LF (which
/// `check` judges).
fn field_lines(head: &[u8], start_end: usize) -> impl Iterator<Item = (usize, &[u8])> {
    let mut pos = start_end;
    std::iter::from_fn(move || {
        pos += match head.get(pos..pos + 2)? {
            [b'\r', b'\n'] => 2,
            _ => 1,
        };
        let end = memchr2(b'\r', b'\n', &head[pos..]).map_or(head.len(), |i| pos + i);
        let line = (pos, &head[pos..end]);
        pos = end;
        (!line.1.is_empty()).then_some(line)
    })
}

/// Where Node stops a head that is too large (HPE_HEADER_OVERFLOW), `head` being its bytes
/// so far. Node counts only the bytes of the target (a response's reason), of field names
/// and of field values, not the method, version, separators or line ends, and stops at the
/// piece that brings the count to `max`: one past the byte that ends it, or, for a piece
/// the bytes so far cut off, at their end (llhttp reports a span cut off by the end of
/// its input there). None while under the limit.
pub(crate) fn overflow_at(head: &[u8], kind: Kind, max: usize) -> Option<usize> {
    let mut counted = 0usize;
    // Counts a piece of `len` bytes that ends at `end` (the byte after it, or the input's
    // end): where Node stops, if it brings the count to the limit.
    let mut piece = |len: usize, end: usize| -> Option<usize> {
        counted += len;
        (counted >= max).then_some(if end < head.len() { end + 1 } else { end })
    };
    let start_end = memchr2(b'\r', b'\n', head).unwrap_or(head.len());
    let start = &head[..start_end];
    let first_space = memchr(b' ', start);
    // The target (between a request line's spaces) or the reason (after a status line's
    // second space).
    let counted_part = match (kind, first_space) {
        (_, None) => None,
        (Kind::Request, Some(sp)) => {
            let from = sp + 1;
            Some((
                from,
                memchr(b' ', &start[from..]).map_or(start_end, |i| from + i),
            ))
        }
        (Kind::Response, Some(sp)) => {
            memchr(b' ', &start[sp + 1..]).map(|i| (sp + 1 + i + 1, start_end))
        }
    };
    if let Some((from, to)) = counted_part {
        if let Some(at) = piece(to - from, to) {
            return Some(at);
        }
    }
    if start_end == head.len() {
        return None;
    }
    for (pos, line) in field_lines(head, start_end) {
        let line_end = pos + line.len();
        let is_fold = matches!(line.first(), Some(b' ' | b'\t'));
        let value_from = if is_fold {
            pos
        } else {
            let Some(colon) = memchr(b':', line) else {
                // A name the bytes so far cut off (a line without a colon is an error
                // the head's checks report).
                return piece(line.len(), line_end).filter(|_| line_end == head.len());
            };
            if let Some(at) = piece(colon, pos + colon) {
                return Some(at);
            }
            pos + colon + 1
        };
        let skip = head[value_from..line_end]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        if let Some(at) = piece(line_end - value_from - skip, line_end) {
            return Some(at);
        }
    }
    None
}

/// Where llhttp refuses a Transfer-Encoding with a coding after `chunked` (the refusal
/// `Parser::framing` makes once the head is whole): one past the comma after a `chunked`
/// token, or, in a Transfer-Encoding line after one that ended in `chunked`, one past the
/// line's first value byte.
pub(crate) fn te_refusal_at(head: &[u8]) -> Option<usize> {
    let mut chunked = false;
    for (pos, line) in field_lines(head, memchr2(b'\r', b'\n', head)?) {
        let colon = memchr(b':', line).unwrap_or(line.len());
        if line[..colon].eq_ignore_ascii_case(b"transfer-encoding") {
            let value_at = (colon + 1).min(line.len());
            let (start, value) = (pos + value_at, &line[value_at..]);
            if chunked {
                let first = value.iter().position(|&b| b != b' ' && b != b'\t')?;
                return Some(start + first + 1);
            }
            let mut token_start = 0;
            for (i, &b) in value.iter().enumerate() {
                if b == b',' {
                    if value[token_start..i]
                        .trim_ascii()
                        .eq_ignore_ascii_case(b"chunked")
                    {
                        return Some(start + i + 1);
                    }
                    token_start = i + 1;
                }
            }
            chunked = value[token_start..]
                .trim_ascii()
                .eq_ignore_ascii_case(b"chunked");
        }
    }
    None
}

/// The request line's part of [`locate`]: the target (origin form only) and the protocol.
fn locate_in_request_line(line: &[u8]) -> Option<Problem> {
    let target = memchr(b' ', line)? + 1;
    if line.get(target) != Some(&b'/') {
        return None;
    }
    let mut reason = "Invalid char in url path";
    let mut pos = target;
    while let Some(&b) = line.get(pos) {
        match b {
            b' ' => break,
            // llhttp reads on past a tab before it refuses it, in any part of the target.
            b'\t' => return Some(("HPE_INVALID_URL", "Invalid characters in url", pos + 1)),
            b'?' if reason == "Invalid char in url path" => reason = "Invalid char in url query",
            // llhttp reports any bad character after a '#' as the fragment's start.
            b'#' => reason = "Invalid char in url fragment start",
            _ if b < 0x20 || b == 0x7f => return Some(("HPE_INVALID_URL", reason, pos)),
            _ => {}
        }
        pos += 1;
    }
    let protocol = pos + 1;
    for (i, &want) in b"HTTP/".iter().enumerate() {
        match line.get(protocol + i) {
            None => return None,
            Some(&b) if b != want => {
                return Some((
                    "HPE_INVALID_CONSTANT",
                    "Expected HTTP/, RTSP/ or ICE/",
                    protocol + i,
                ))
            }
            Some(_) => {}
        }
    }
    // "HTTP/" and "d.d" (whose digits `check` judges), then the line must end.
    let after = protocol + 8;
    (line.len() > after).then_some(("HPE_INVALID_VERSION", "Expected CRLF after version", after))
}

/// A copy of `head` with the control characters of its field values (not tab, CR or LF)
/// made '!' (a visible byte, which httparse neither trims nor refuses), for httparse, which refuses what llhttp lets through when lenient; None
/// when there are none.
pub(crate) fn masked_value_controls(head: &[u8]) -> Option<Vec<u8>> {
    let control = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n')) || b == 0x7f;
    let first_line_end = memchr(b'\n', head)?;
    if !head[first_line_end..].iter().any(|&b| control(b)) {
        return None;
    }
    let mut copy = head.to_vec();
    let mut in_value = false;
    for b in &mut copy[first_line_end..] {
        match *b {
            b'\n' => in_value = false,
            b':' => in_value = true,
            c if in_value && control(c) => *b = b'!',
            _ => {}
        }
    }
    Some(copy)
}

/// Where the head in `bytes` ends (just past its blank line), looking from `from`: CRLF
/// line ends, or with `lenient` bare LFs as well.
pub(crate) fn head_end(bytes: &[u8], from: usize, lenient: bool) -> Option<usize> {
    if !lenient {
        return memchr::memmem::find(&bytes[from..], b"\r\n\r\n").map(|i| from + i + 4);
    }
    let mut pos = from;
    while let Some(i) = memchr(b'\n', &bytes[pos..]) {
        let lf = pos + i;
        match &bytes[lf + 1..] {
            [b'\n', ..] => return Some(lf + 2),
            [b'\r', b'\n', ..] => return Some(lf + 3),
            _ => pos = lf + 1,
        }
    }
    None
}

/// The version a (checked) head's start line names when httparse cannot read it (not
/// 1.0 or 1.1), and a copy of the head that it can: that version written as 1.1, a lone
/// CR after the start line (lenient) as CRLF, and folded lines joined with a space. None
/// when the head can be read as it is.
pub(crate) fn readable_copy(head: &[u8], kind: Kind) -> Option<ReadableCopy> {
    let line_end = memchr2(b'\r', b'\n', head)?;
    let rest_at = match &head[line_end..] {
        [b'\r', b'\n', ..] => line_end + 2,
        _ => line_end + 1,
    };
    let lone_cr = head[line_end] == b'\r' && rest_at == line_end + 1;
    let unusual =
        version_of(&head[..line_end], kind).filter(|(v, _)| !matches!(v, (1, 0) | (1, 1)));
    let folded = head[rest_at.saturating_sub(1)..]
        .windows(2)
        .any(|w| w[0] == b'\n' && matches!(w[1], b' ' | b'\t'));
    if unusual.is_none() && !folded && !lone_cr {
        return None;
    }
    let mut copy = Vec::with_capacity(head.len() + 1);
    match unusual {
        Some((_, end)) => {
            copy.extend_from_slice(&head[..end - 3]);
            copy.extend_from_slice(b"1.1");
            copy.extend_from_slice(&head[end..line_end]);
        }
        None => copy.extend_from_slice(&head[..line_end]),
    }
    copy.extend_from_slice(b"\r\n");
    let mut rest = &head[rest_at..];
    while !rest.is_empty() {
        let line_len = memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
        let (line, next) = rest.split_at(line_len);
        if matches!(line.first(), Some(b' ' | b'\t')) && copy.ends_with(b"\n") {
            // An obsolete fold: the line continues the one before, after one space.
            copy.pop();
            if copy.ends_with(b"\r") {
                copy.pop();
            }
            copy.push(b' ');
            copy.extend_from_slice(line.trim_ascii_start());
            if line.ends_with(b"\n") && !copy.ends_with(b"\n") {
                copy.push(b'\n');
            }
        } else {
            copy.extend_from_slice(line);
        }
        rest = next;
    }
    Some((copy, unusual.map(|(v, _)| v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(head: &str, kind: Kind, lenient: bool) -> Option<(&'static str, usize)> {
        check(head.as_bytes(), kind, lenient)
            .err()
            .map(|(code, _, at)| (code, at))
    }

    /// Offsets node 20 reports (as bytesParsed) for heads httparse rejects.
    #[test]
    fn locates_what_httparse_rejects_where_llhttp_does() {
        let at = |head: &str| locate(head.as_bytes(), Kind::Request, false);
        let token = |at| Some(("HPE_INVALID_HEADER_TOKEN", "Invalid header token", at));
        let value = |at| Some(("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", at));
        let url = |reason, at| Some(("HPE_INVALID_URL", reason, at));
        assert_eq!(at("GET / HTTP/1.1\r\nHost : x\r\n\r\n"), token(20));
        assert_eq!(at("GET / HTTP/1.1\r\nHo(st: x\r\n\r\n"), token(18));
        assert_eq!(at("GET / HTTP/1.1\r\n: x\r\n\r\n"), token(16));
        assert_eq!(
            at("GET / HTTP/1.1\r\nHost: x\r\nX-\u{80}: y\r\n\r\n"),
            token(27)
        );
        assert_eq!(at("GET / HTTP/1.1\r\nHost: x\r\nX\t: y\r\n\r\n"), token(26));
        assert_eq!(
            at("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n"),
            value(31)
        );
        assert_eq!(
            at("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x7fb\r\n\r\n"),
            value(31)
        );
        assert_eq!(
            at("GET /a\x01b HTTP/1.1\r\nHost: x\r\n\r\n"),
            url("Invalid char in url path", 6)
        );
        assert_eq!(
            at("GET /a?b\x01c HTTP/1.1\r\n\r\n"),
            url("Invalid char in url query", 8)
        );
        assert_eq!(
            at("GET /a#b\x01c HTTP/1.1\r\n\r\n"),
            url("Invalid char in url fragment start", 8)
        );
        assert_eq!(
            at("GET /a?b#c\x7fd HTTP/1.1\r\n\r\n"),
            url("Invalid char in url fragment start", 10)
        );
        let constant = |at| Some(("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", at));
        assert_eq!(at("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"), constant(7));
        assert_eq!(at("GET /a HTX/1.1\r\nHost: x\r\n\r\n"), constant(9));
        assert_eq!(
            at("GET /a HTTP/1.1x\r\nHost: x\r\n\r\n"),
            Some(("HPE_INVALID_VERSION", "Expected CRLF after version", 15))
        );
        let tab = |at| url("Invalid characters in url", at);
        assert_eq!(at("GET /a\tb HTTP/1.1\r\nHost: x\r\n\r\n"), tab(7));
        assert_eq!(at("GET /a?b\tc HTTP/1.1\r\nHost: x\r\n\r\n"), tab(9));
        // Values take latin1 bytes; what the parser accepts is not located.
        assert_eq!(at("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{80}b\r\n\r\n"), None);
        assert_eq!(at("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"), None);
    }

    /// Offsets node 20 reports for a coding after `chunked`.
    #[test]
    fn transfer_encoding_refusals_where_llhttp_stops() {
        let at = |fields: &str| {
            te_refusal_at(format!("POST / HTTP/1.1\r\nHost: x\r\n{fields}\r\n").as_bytes())
        };
        assert_eq!(at("Transfer-Encoding: chunked, gzip\r\n"), Some(53));
        assert_eq!(at("Transfer-Encoding: chunked,gzip\r\n"), Some(53));
        assert_eq!(at("Transfer-Encoding: chunked , gzip\r\n"), Some(54));
        assert_eq!(at("Transfer-Encoding: gzip, chunked, gzip\r\n"), Some(59));
        assert_eq!(
            at("Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n"),
            Some(74)
        );
        assert_eq!(
            at("Transfer-Encoding: chunked\r\nTransfer-Encoding:   gzip\r\n"),
            Some(76)
        );
        assert_eq!(at("Transfer-Encoding: gzip, chunked\r\n"), None);
    }

    #[test]
    fn line_ends_as_node_judges_them() {
        let req = Kind::Request;
        assert_eq!(
            problem("GET / HTTP/1.1\r\nHost: a\r\n\r\n", req, false),
            None
        );
        assert_eq!(problem("GET / HTTP/1.1\rHost: a\r\n\r\n", req, true), None);
        assert_eq!(
            problem(
                "GET / HTTP/1.1\r\nHost: a\r\nDummy: Header\rContent-Length: 1\r\n\r\n",
                req,
                false
            ),
            Some(("HPE_LF_EXPECTED", 39))
        );
        assert_eq!(
            problem(
                "GET / HTTP/1.1\r\nHost: a\r\nDummy: x\nContent-Length: 0\r\n\r\n",
                req,
                false
            ),
            Some(("HPE_CR_EXPECTED", 33))
        );
        assert_eq!(
            problem(
                "POST / HTTP/1.1\r\nHost: a\r\nx:\nTransfer-Encoding: chunked\r\n\r\n",
                req,
                false
            ),
            Some(("HPE_INVALID_HEADER_TOKEN", 29))
        );
        assert_eq!(
            problem("GET / HTTP/1.1\nHost: a\n\n", req, false),
            Some(("HPE_INVALID_VERSION", 15))
        );
        assert_eq!(
            problem("GET / HTTP/1.1\rHost: a\r\n\r\n", req, false),
            Some(("HPE_STRICT", 15))
        );
        assert_eq!(
            problem("GET / HTTP/1.1\r\nHost: a\r\n\n", req, false),
            Some(("HPE_INVALID_HEADER_TOKEN", 26))
        );
        assert_eq!(
            problem(
                "GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n two\r\n\r\n",
                req,
                false
            ),
            Some(("HPE_INVALID_HEADER_TOKEN", 35))
        );
        assert_eq!(
            problem("HTTP/1.1 200 OK\nX: 1\n\n", Kind::Response, false),
            Some(("HPE_CR_EXPECTED", 15))
        );
        // Lenient: bare LFs and folds pass; a CR without its LF does not.
        assert_eq!(
            problem("GET / HTTP/1.1\nHost: a\nX: one\n two\n\n", req, true),
            None
        );
        assert_eq!(
            problem(
                "GET / HTTP/1.1\r\nDummy: Header\rContent-Length: 1\r\n\r\n",
                req,
                true
            ),
            Some(("HPE_LF_EXPECTED", 30))
        );
        // Incomplete heads are judged as far as they go.
        assert_eq!(problem("GET / HTTP/1.1\r", req, false), None);
        assert_eq!(problem("GET / HTTP/1.1\r\nHost: a", req, false), None);
    }

    #[test]
    fn versions_node_takes() {
        for (head, ok) in [
            ("GET / HTTP/0.9\r\n\r\n", true),
            ("GET / HTTP/2.0\r\n\r\n", true),
            ("GET / HTTP/1.2\r\n\r\n", false),
            ("GET / HTTP/3.0\r\n\r\n", false),
        ] {
            assert_eq!(problem(head, Kind::Request, false).is_none(), ok, "{head}");
            assert_eq!(problem(head, Kind::Request, true), None, "{head}");
        }
        assert_eq!(
            problem("GET / HTTP/1.2\r\n\r\n", Kind::Request, false),
            Some(("HPE_INVALID_VERSION", 14))
        );
    }

    #[test]
    fn overflow_where_node_stops() {
        // Node's test-http-header-overflow: one Cookie line a byte over the limit, whole.
        let max = 16 * 1024;
        let head = format!(
            "GET /blah HTTP/1.1\r\nCookie: {}\r\n\r\n",
            "a".repeat(max - "Cookie: ".len() + 2)
        );
        assert_eq!(
            overflow_at(head.as_bytes(), Kind::Request, max),
            Some(max + "GET /blah HTTP/1.1".len() + 4 + 1)
        );
        // Target, names and values only: 5 + 6 + 6 = 17 bytes counted (a value from its
        // first byte after the white space to the line's end, as llhttp's span runs).
        let small = b"GET /blah HTTP/1.1\r\nCookie:  aaaaa \r\n\r\n";
        assert_eq!(overflow_at(small, Kind::Request, 18), None);
        // Reaching the limit is enough; the stop is one past the byte that ends the piece.
        assert_eq!(overflow_at(small, Kind::Request, 17), Some(36));
        assert_eq!(overflow_at(small, Kind::Request, 11), Some(27));
        assert_eq!(overflow_at(small, Kind::Request, 5), Some(10));
        // A piece cut off by the end of the bytes so far stops there.
        assert_eq!(overflow_at(b"GET /blahblah", Kind::Request, 5), Some(13));
        assert_eq!(
            overflow_at(b"GET / HTTP/1.1\r\nX-Long-Na", Kind::Request, 5),
            Some(25)
        );
        assert_eq!(
            overflow_at(b"GET / HTTP/1.1\r\nX-Long-Na", Kind::Request, 12),
            None
        );
        // A response's reason counts, its status code does not.
        assert_eq!(
            overflow_at(b"HTTP/1.1 200 OK\r\n\r\n", Kind::Response, 3),
            None
        );
        assert_eq!(
            overflow_at(b"HTTP/1.1 200 OK\r\n\r\n", Kind::Response, 2),
            Some(16)
        );
    }

    #[test]
    fn head_ends() {
        let head = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nrest";
        assert_eq!(head_end(head, 0, false), Some(27));
        assert_eq!(head_end(head, 0, true), Some(27));
        assert_eq!(
            head_end(b"GET / HTTP/1.1\nHost: a\n\nrest", 0, true),
            Some(24)
        );
        assert_eq!(head_end(b"GET / HTTP/1.1\nHost: a\n\nrest", 0, false), None);
        assert_eq!(
            head_end(b"GET / HTTP/1.1\r\nHost: a\n\r\n", 0, true),
            Some(26)
        );
    }

    #[test]
    fn readable_copies() {
        assert_eq!(
            readable_copy(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", Kind::Request),
            None
        );
        let (copy, version) =
            readable_copy(b"GET / HTTP/0.9\r\nHost: a\r\n\r\n", Kind::Request).unwrap();
        assert_eq!(
            (copy.as_slice(), version),
            (&b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"[..], Some((0, 9)))
        );
        let (copy, _) = readable_copy(b"HTTP/2.0 200 OK\r\n\r\n", Kind::Response).unwrap();
        assert_eq!(copy, b"HTTP/1.1 200 OK\r\n\r\n");
        let (copy, _) = readable_copy(b"GET / HTTP/1.1\rHost: a\r\n\r\n", Kind::Request).unwrap();
        assert_eq!(copy, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        let (copy, version) = readable_copy(
            b"HTTP/1.1 200 OK\r\nA: text/plain;\r\n x=1;\r\n\tn=2\r\nB: 3\r\n\r\n",
            Kind::Response,
        )
        .unwrap();
        assert_eq!(
            (String::from_utf8(copy).unwrap().as_str(), version),
            (
                "HTTP/1.1 200 OK\r\nA: text/plain; x=1; n=2\r\nB: 3\r\n\r\n",
                None
            )
        );
    }
}
