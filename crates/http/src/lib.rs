//! HTTP/1.1 message framing for a byte stream: feed bytes as they arrive, get back heads,
//! body pieces and message ends, as Node's llhttp reports them (same error codes). Heads
//! are parsed by `httparse`; the body framing (content-length, chunked with trailers,
//! read-until-close) and the limits are here.

use memchr::memmem;

pub mod fields;

/// Which side of the connection this parser reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Request,
    Response,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    /// Request method (requests only).
    pub method: String,
    /// Request target (requests only).
    pub url: String,
    pub version: (u8, u8),
    /// Status code and reason (responses only).
    pub status: u16,
    pub reason: String,
    /// Header names and values as sent (names keep their case).
    pub headers: Vec<(String, Vec<u8>)>,
    /// The connection switches protocol after this head (Upgrade, CONNECT).
    pub upgrade: bool,
    pub keep_alive: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    Head(Head),
    Body(Vec<u8>),
    /// The message is complete; trailers of a chunked body, if any.
    End(Vec<(String, Vec<u8>)>),
    /// Parsing stopped for an upgrade; the bytes after the head belong to the new protocol.
    Upgrade(Vec<u8>),
}

/// A parse error with llhttp's code (`HPE_*`) and reason text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub code: &'static str,
    pub reason: &'static str,
    /// Bytes of the input consumed before the error.
    pub consumed: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chunked {
    Size,
    Data(u64),
    DataEnd,
    Trailers,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Head,
    Length(u64),
    Chunked(Chunked),
    UntilClose,
    /// After an upgrade or an error: nothing more is parsed.
    Done,
}

pub struct Parser {
    kind: Kind,
    state: State,
    /// Bytes of an incomplete head, chunk-size line or trailer section.
    pending: Vec<u8>,
    trailers: Vec<(String, Vec<u8>)>,
    /// Largest head (and trailer section) accepted, in bytes.
    pub max_head_size: usize,
    /// Most header lines in one head.
    pub max_headers: usize,
    /// Set before a response arrives when it answers a HEAD request: it has no body.
    pub response_to_head: bool,
    /// Set when the response answers CONNECT: a 2xx switches protocol.
    pub response_to_connect: bool,
}

const MAX_CHUNK_LINE: usize = 4096;

/// The request methods llhttp knows; like Node, any other method is a parse error.
pub const METHODS: &[&str] = &[
    "ACL",
    "BIND",
    "CHECKOUT",
    "CONNECT",
    "COPY",
    "DELETE",
    "GET",
    "HEAD",
    "LINK",
    "LOCK",
    "M-SEARCH",
    "MERGE",
    "MKACTIVITY",
    "MKCALENDAR",
    "MKCOL",
    "MOVE",
    "NOTIFY",
    "OPTIONS",
    "PATCH",
    "POST",
    "PROPFIND",
    "PROPPATCH",
    "PURGE",
    "PUT",
    "QUERY",
    "REBIND",
    "REPORT",
    "SEARCH",
    "SOURCE",
    "SUBSCRIBE",
    "TRACE",
    "UNBIND",
    "UNLINK",
    "UNLOCK",
    "UNSUBSCRIBE",
];

/// Whether the start of a request line can still be, or is, a known method: `start` is
/// the bytes before the first space, `complete` whether that space was seen.
fn method_ok(start: &[u8], complete: bool) -> bool {
    METHODS.iter().any(|m| {
        if complete {
            m.as_bytes() == start
        } else {
            m.as_bytes().starts_with(start)
        }
    })
}

fn err(code: &'static str, reason: &'static str, consumed: usize) -> Error {
    Error {
        code,
        reason,
        consumed,
    }
}

fn has_token(value: &[u8], token: &str) -> bool {
    value
        .split(|&b| b == b',')
        .any(|t| t.trim_ascii().eq_ignore_ascii_case(token.as_bytes()))
}

impl Parser {
    pub fn new(kind: Kind) -> Parser {
        Parser {
            kind,
            state: State::Head,
            pending: Vec::new(),
            trailers: Vec::new(),
            max_head_size: 16 * 1024,
            max_headers: 4096,
            response_to_head: false,
            response_to_connect: false,
        }
    }

    /// Whether this parser reads requests or responses.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Whether a message is partly read (a head started, a body unfinished).
    pub fn in_message(&self) -> bool {
        match self.state {
            State::Head => !self.pending.is_empty(),
            State::Done => false,
            _ => true,
        }
    }

    /// Consumes `input`, appending what it completes to `out`.
    pub fn feed(&mut self, input: &[u8], out: &mut Vec<Event>) -> Result<(), Error> {
        let mut pos = 0;
        while pos < input.len() {
            match self.state {
                State::Done => return Ok(()),
                State::Head => pos += self.head(&input[pos..], pos, out)?,
                State::Length(left) => {
                    let n = (left.min((input.len() - pos) as u64)) as usize;
                    out.push(Event::Body(input[pos..pos + n].to_vec()));
                    pos += n;
                    if left == n as u64 {
                        self.state = State::Head;
                        out.push(Event::End(Vec::new()));
                    } else {
                        self.state = State::Length(left - n as u64);
                    }
                }
                State::UntilClose => {
                    out.push(Event::Body(input[pos..].to_vec()));
                    pos = input.len();
                }
                State::Chunked(c) => pos += self.chunked(c, &input[pos..], pos, out)?,
            }
        }
        Ok(())
    }

    /// The peer closed the connection: ends a read-until-close body, or reports a
    /// message cut short.
    pub fn finish(&mut self, out: &mut Vec<Event>) -> Result<(), Error> {
        match self.state {
            State::UntilClose => {
                self.state = State::Head;
                out.push(Event::End(Vec::new()));
                Ok(())
            }
            State::Head if self.pending.is_empty() => Ok(()),
            State::Done => Ok(()),
            _ => {
                self.state = State::Done;
                Err(err("HPE_INVALID_EOF_STATE", "Invalid EOF state", 0))
            }
        }
    }

    fn fail(&mut self, e: Error) -> Error {
        self.state = State::Done;
        e
    }

    /// Reads (part of) a head; returns how many bytes of `input` it consumed.
    fn head(&mut self, input: &[u8], base: usize, out: &mut Vec<Event>) -> Result<usize, Error> {
        // Bare CRLFs between messages are allowed (RFC 9112 §2.2).
        if self.pending.is_empty() {
            let skip = input
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            if skip > 0 {
                return Ok(skip);
            }
        }
        let old = self.pending.len();
        // Look for the blank line from a little before the new bytes, in case it straddles.
        let from = old.saturating_sub(3);
        self.pending.extend_from_slice(input);
        let Some(end) = memmem::find(&self.pending[from..], b"\r\n\r\n").map(|i| from + i + 4)
        else {
            if self.pending.len() > self.max_head_size {
                return Err(self.fail(err(
                    "HPE_HEADER_OVERFLOW",
                    "Header overflow",
                    base + input.len(),
                )));
            }
            // Reject a bad start line early instead of buffering to the limit.
            if let Some(e) = self.early_error() {
                return Err(self.fail(err(e.0, e.1, base)));
            }
            return Ok(input.len());
        };
        if end > self.max_head_size {
            return Err(self.fail(err("HPE_HEADER_OVERFLOW", "Header overflow", base)));
        }
        let head_bytes = std::mem::take(&mut self.pending);
        let used = end - old;
        if self.bad_method(&head_bytes) {
            return Err(self.fail(err(
                "HPE_INVALID_METHOD",
                "Invalid method encountered",
                base,
            )));
        }
        let head = match self.parse_head(&head_bytes[..end]) {
            Ok(h) => h,
            Err((code, reason)) => return Err(self.fail(err(code, reason, base))),
        };
        let framing = match self.framing(&head) {
            Ok(f) => f,
            Err((code, reason)) => return Err(self.fail(err(code, reason, base + used))),
        };
        let upgrade = head.upgrade;
        out.push(Event::Head(head));
        if upgrade {
            self.state = State::Done;
            out.push(Event::Upgrade(input[used..].to_vec()));
            return Ok(input.len());
        }
        match framing {
            State::Length(0) | State::Head => {
                self.state = State::Head;
                out.push(Event::End(Vec::new()));
            }
            s => self.state = s,
        }
        Ok(used)
    }

    /// A request whose method is not one llhttp knows, judged as soon as its first bytes
    /// show it.
    fn bad_method(&self, bytes: &[u8]) -> bool {
        if self.kind != Kind::Request {
            return false;
        }
        match memchr::memchr(b' ', bytes) {
            Some(i) => !method_ok(&bytes[..i], true),
            // No method is 12 bytes long: that many without a space settles it.
            None => !method_ok(&bytes[..bytes.len().min(12)], bytes.len() >= 12),
        }
    }

    fn early_error(&self) -> Option<(&'static str, &'static str)> {
        if self.bad_method(&self.pending) {
            return Some(("HPE_INVALID_METHOD", "Invalid method encountered"));
        }
        let mut headers = [httparse::EMPTY_HEADER; 0];
        let r = match self.kind {
            Kind::Request => httparse::Request::new(&mut headers)
                .parse(&self.pending)
                .map(|_| ()),
            Kind::Response => httparse::Response::new(&mut headers)
                .parse(&self.pending)
                .map(|_| ()),
        };
        match r {
            Err(httparse::Error::TooManyHeaders) | Ok(()) => None,
            Err(e) => Some(map_error(self.kind, e)),
        }
    }

    fn parse_head(&self, bytes: &[u8]) -> Result<Head, (&'static str, &'static str)> {
        // Most heads have a few headers: try a small table before a big one.
        match self.parse_head_with(bytes, 64) {
            Err(("HPE_HEADER_OVERFLOW", _)) => self.parse_head_with(bytes, self.max_headers),
            other => other,
        }
    }

    fn parse_head_with(
        &self,
        bytes: &[u8],
        max_headers: usize,
    ) -> Result<Head, (&'static str, &'static str)> {
        let mut storage = vec![httparse::EMPTY_HEADER; max_headers];
        let mut head = Head {
            method: String::new(),
            url: String::new(),
            version: (1, 1),
            status: 0,
            reason: String::new(),
            headers: Vec::new(),
            upgrade: false,
            keep_alive: false,
        };
        let complete = |r: httparse::Result<usize>| match r {
            Ok(httparse::Status::Complete(_)) => Ok(()),
            Ok(httparse::Status::Partial) => Err(("HPE_INVALID_CONSTANT", "Expected HTTP/")),
            Err(httparse::Error::TooManyHeaders) => Err(("HPE_HEADER_OVERFLOW", "Header overflow")),
            Err(e) => Err(map_error(self.kind, e)),
        };
        match self.kind {
            Kind::Request => {
                let mut req = httparse::Request::new(&mut storage);
                complete(req.parse(bytes))?;
                head.method = req.method.unwrap_or_default().to_owned();
                head.url = req.path.unwrap_or_default().to_owned();
                head.version = (1, req.version.unwrap_or(1));
                self.finish_head(head, req.headers)
            }
            Kind::Response => {
                let mut res = httparse::Response::new(&mut storage);
                complete(res.parse(bytes))?;
                head.status = res.code.unwrap_or(0);
                head.reason = res.reason.unwrap_or_default().to_owned();
                head.version = (1, res.version.unwrap_or(1));
                self.finish_head(head, res.headers)
            }
        }
    }

    fn finish_head(
        &self,
        mut head: Head,
        headers: &[httparse::Header],
    ) -> Result<Head, (&'static str, &'static str)> {
        head.headers = headers
            .iter()
            .map(|h| (h.name.to_owned(), h.value.to_vec()))
            .collect();
        let mut close = false;
        let mut keep = false;
        let mut conn_upgrade = false;
        let mut has_upgrade = false;
        for (name, value) in &head.headers {
            if name.eq_ignore_ascii_case("connection") {
                close |= has_token(value, "close");
                keep |= has_token(value, "keep-alive");
                conn_upgrade |= has_token(value, "upgrade");
            } else if name.eq_ignore_ascii_case("upgrade") {
                has_upgrade = true;
            }
        }
        head.keep_alive = if head.version.1 >= 1 { !close } else { keep };
        head.upgrade = match self.kind {
            Kind::Request => (conn_upgrade && has_upgrade) || head.method == "CONNECT",
            Kind::Response => {
                head.status == 101 || (self.response_to_connect && head.status / 100 == 2)
            }
        };
        Ok(head)
    }

    /// How the body after `head` is delimited (RFC 9112 §6.3).
    fn framing(&self, head: &Head) -> Result<State, (&'static str, &'static str)> {
        if self.kind == Kind::Response
            && (self.response_to_head
                || head.status / 100 == 1
                || head.status == 204
                || head.status == 304)
        {
            return Ok(State::Head);
        }
        let mut length: Option<u64> = None;
        let mut chunked = false;
        let mut has_te = false;
        for (name, value) in &head.headers {
            if name.eq_ignore_ascii_case("transfer-encoding") {
                has_te = true;
                // Only a final "chunked" frames the body.
                chunked = value
                    .rsplit(|&b| b == b',')
                    .next()
                    .is_some_and(|t| t.trim_ascii().eq_ignore_ascii_case(b"chunked"));
            } else if name.eq_ignore_ascii_case("content-length") {
                let text = std::str::from_utf8(value).unwrap_or("").trim();
                if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
                    return Err((
                        "HPE_INVALID_CONTENT_LENGTH",
                        "Invalid character in Content-Length",
                    ));
                }
                let n: u64 = text
                    .parse()
                    .map_err(|_| ("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow"))?;
                if length.is_some_and(|l| l != n) {
                    return Err(("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length"));
                }
                length = Some(n);
            }
        }
        if has_te && length.is_some() {
            return Err((
                "HPE_UNEXPECTED_CONTENT_LENGTH",
                "Content-Length can't be present with Transfer-Encoding",
            ));
        }
        if chunked {
            return Ok(State::Chunked(Chunked::Size));
        }
        if has_te {
            // A request whose body has no known end cannot be read (RFC 9112 §6.3 ¶4).
            return match self.kind {
                Kind::Request => Err((
                    "HPE_INVALID_TRANSFER_ENCODING",
                    "Request has invalid `Transfer-Encoding`",
                )),
                Kind::Response => Ok(State::UntilClose),
            };
        }
        match (length, self.kind) {
            (Some(n), _) => Ok(State::Length(n)),
            (None, Kind::Request) => Ok(State::Head),
            (None, Kind::Response) => Ok(State::UntilClose),
        }
    }

    fn chunked(
        &mut self,
        c: Chunked,
        input: &[u8],
        base: usize,
        out: &mut Vec<Event>,
    ) -> Result<usize, Error> {
        match c {
            Chunked::Data(left) => {
                let n = left.min(input.len() as u64) as usize;
                out.push(Event::Body(input[..n].to_vec()));
                self.state = State::Chunked(if left == n as u64 {
                    Chunked::DataEnd
                } else {
                    Chunked::Data(left - n as u64)
                });
                Ok(n)
            }
            Chunked::Size | Chunked::DataEnd => {
                let Some((line, used)) = self.line(input) else {
                    if self.pending.len() > MAX_CHUNK_LINE {
                        return Err(self.fail(err(
                            "HPE_INVALID_CHUNK_SIZE",
                            "Chunk size line too long",
                            base,
                        )));
                    }
                    return Ok(input.len());
                };
                if c == Chunked::DataEnd {
                    if !line.is_empty() {
                        return Err(self.fail(err(
                            "HPE_STRICT",
                            "Expected LF after chunk data",
                            base,
                        )));
                    }
                    self.state = State::Chunked(Chunked::Size);
                    return Ok(used);
                }
                let digits = line
                    .split(|&b| b == b';')
                    .next()
                    .unwrap_or(&[])
                    .trim_ascii();
                let size = std::str::from_utf8(digits)
                    .ok()
                    .filter(|s| !s.is_empty() && s.len() <= 16)
                    .and_then(|s| u64::from_str_radix(s, 16).ok());
                let Some(size) = size else {
                    return Err(self.fail(err(
                        "HPE_INVALID_CHUNK_SIZE",
                        "Invalid character in chunk size",
                        base,
                    )));
                };
                self.state = State::Chunked(if size == 0 {
                    Chunked::Trailers
                } else {
                    Chunked::Data(size)
                });
                Ok(used)
            }
            Chunked::Trailers => {
                let Some((line, used)) = self.line(input) else {
                    if self.pending.len() > self.max_head_size {
                        return Err(self.fail(err("HPE_HEADER_OVERFLOW", "Header overflow", base)));
                    }
                    return Ok(input.len());
                };
                if line.is_empty() {
                    self.state = State::Head;
                    out.push(Event::End(std::mem::take(&mut self.trailers)));
                    return Ok(used);
                }
                let Some(colon) = line.iter().position(|&b| b == b':') else {
                    return Err(self.fail(err(
                        "HPE_INVALID_HEADER_TOKEN",
                        "Invalid header token",
                        base,
                    )));
                };
                let name = String::from_utf8_lossy(line[..colon].trim_ascii()).into_owned();
                self.trailers
                    .push((name, line[colon + 1..].trim_ascii().to_vec()));
                Ok(used)
            }
        }
    }

    /// A CRLF-terminated line, joined with any earlier partial line; (line, bytes of
    /// `input` used). Without a full line the bytes are kept for the next call.
    fn line(&mut self, input: &[u8]) -> Option<(Vec<u8>, usize)> {
        match memchr::memchr(b'\n', input) {
            Some(i) => {
                let mut line = std::mem::take(&mut self.pending);
                line.extend_from_slice(&input[..i]);
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                Some((line, i + 1))
            }
            None => {
                self.pending.extend_from_slice(input);
                None
            }
        }
    }
}

fn map_error(kind: Kind, e: httparse::Error) -> (&'static str, &'static str) {
    use httparse::Error as E;
    match e {
        E::HeaderName => ("HPE_INVALID_HEADER_TOKEN", "Invalid header token"),
        E::HeaderValue => ("HPE_INVALID_HEADER_TOKEN", "Invalid header value char"),
        E::NewLine => ("HPE_LF_EXPECTED", "Missing expected LF after header value"),
        E::Status => ("HPE_INVALID_STATUS", "Invalid status code"),
        E::Token if kind == Kind::Request => ("HPE_INVALID_METHOD", "Invalid method encountered"),
        E::Token => ("HPE_INVALID_CONSTANT", "Expected HTTP/"),
        E::Version => ("HPE_INVALID_VERSION", "Invalid HTTP version"),
        E::TooManyHeaders => ("HPE_HEADER_OVERFLOW", "Header overflow"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(kind: Kind, input: &[u8], step: usize) -> Result<Vec<Event>, Error> {
        let mut p = Parser::new(kind);
        let mut out = Vec::new();
        for piece in input.chunks(step) {
            p.feed(piece, &mut out)?;
        }
        p.finish(&mut out)?;
        Ok(out)
    }

    fn body(events: &[Event]) -> Vec<u8> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Body(b) => Some(b.clone()),
                _ => None,
            })
            .flatten()
            .collect()
    }

    #[test]
    fn pipelined_requests_in_any_split() {
        let input = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloPUT /c HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nX-T: 1\r\n\r\n";
        for step in [1, 2, 7, input.len()] {
            let ev = run(Kind::Request, input, step).unwrap();
            let heads: Vec<_> = ev
                .iter()
                .filter_map(|e| match e {
                    Event::Head(h) => Some((h.method.clone(), h.url.clone(), h.keep_alive)),
                    _ => None,
                })
                .collect();
            assert_eq!(
                heads,
                vec![
                    ("GET".into(), "/a".into(), true),
                    ("POST".into(), "/b".into(), true),
                    ("PUT".into(), "/c".into(), false)
                ]
            );
            assert_eq!(body(&ev), b"helloabc");
            assert_eq!(
                ev.last(),
                Some(&Event::End(vec![("X-T".into(), b"1".to_vec())]))
            );
        }
    }

    #[test]
    fn response_bodies() {
        let ev = run(Kind::Response, b"HTTP/1.1 200 OK\r\n\r\nuntil close", 4).unwrap();
        assert_eq!(body(&ev), b"until close");
        assert!(matches!(ev.last(), Some(Event::End(_))));
        let ev = run(Kind::Response, b"HTTP/1.1 204 No Content\r\n\r\n", 100).unwrap();
        assert_eq!(ev.len(), 2);
        let mut p = Parser::new(Kind::Response);
        p.response_to_head = true;
        let mut out = vec![];
        p.feed(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", &mut out)
            .unwrap();
        assert!(matches!(out.last(), Some(Event::End(_))));
    }

    #[test]
    fn upgrade_hands_over_the_rest() {
        let ev = run(
            Kind::Request,
            b"GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nrawbytes",
            1000,
        )
        .unwrap();
        assert_eq!(ev[1], Event::Upgrade(b"rawbytes".to_vec()));
    }

    #[test]
    fn errors_carry_llhttp_codes() {
        let code = |input: &[u8]| run(Kind::Request, input, 1000).unwrap_err().code;
        assert_eq!(code(b"G@T / HTTP/1.1\r\n\r\n"), "HPE_INVALID_METHOD");
        assert_eq!(code(b"BAD REQUEST LINE\r\n\r\n"), "HPE_INVALID_METHOD");
        assert_eq!(code(b"BREW / HTTP/1.1\r\n\r\n"), "HPE_INVALID_METHOD");
        assert_eq!(
            code(b"GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n"),
            "HPE_INVALID_CONTENT_LENGTH"
        );
        assert_eq!(
            code(b"GET / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"),
            "HPE_UNEXPECTED_CONTENT_LENGTH"
        );
        assert_eq!(
            code(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
            "HPE_INVALID_CHUNK_SIZE"
        );
        let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20000));
        assert_eq!(code(big.as_bytes()), "HPE_HEADER_OVERFLOW");
        assert_eq!(
            code(b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"),
            "HPE_INVALID_EOF_STATE"
        );
    }
}
