//! HTTP/1.1 message framing for a byte stream: feed bytes as they arrive, get back heads,
//! body pieces and message ends, as Node's llhttp reports them (same error codes). Heads
//! are parsed by `httparse`; the body framing (content-length, chunked with trailers,
//! read-until-close) and the limits are here.

pub mod fields;
mod lines;

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
    /// Node's limit on a head: the bytes of its target or reason, field names and values
    /// (see `lines::overflow_at`); a trailer section's whole size.
    pub max_head_size: usize,
    /// Most header lines in one head.
    pub max_headers: usize,
    /// Set before a response arrives when it answers a HEAD request: it has no body.
    pub response_to_head: bool,
    /// Set when the response answers CONNECT: a 2xx switches protocol.
    pub response_to_connect: bool,
    /// Node's `insecureHTTPParser`: bare LF line ends, folded header lines, any HTTP
    /// version and a request body of unknown length are let through.
    pub lenient: bool,
}

/// Why a request whose Transfer-Encoding leaves its end unknown is refused (after its
/// head is handed over, as Node does).
const UNKNOWN_REQUEST_END: &str = "Request has invalid `Transfer-Encoding`";

/// Longest chunk-size line without extensions.
const MAX_CHUNK_LINE: usize = 4096;
/// How many times `max_head_size` an incomplete head may grow to in all (separators and
/// white space included, which the limit does not count). A real head's separators add
/// a tenth or two; the bound keeps a head sent a byte at a time, which is scanned again
/// on each read, from costing more.
const MAX_HEAD_BYTES_PER_LIMIT: usize = 2;
/// Most bytes of chunk extensions on one chunk-size line (Node's limit: a peer sending
/// more gets 413).
const MAX_CHUNK_EXTENSIONS: usize = 16 * 1024;

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

/// Where the start of a request line stops being a known method (llhttp's bytesParsed
/// for HPE_INVALID_METHOD), or None while it still is, or can be, one.
fn method_error_at(bytes: &[u8]) -> Option<usize> {
    let word_end = memchr::memchr(b' ', bytes);
    let word = &bytes[..word_end.unwrap_or(bytes.len())];
    if word_end.is_some() && METHODS.iter().any(|m| m.as_bytes() == word) {
        return None;
    }
    // The longest start of the word some method starts with.
    let known = METHODS
        .iter()
        .map(|m| m.bytes().zip(word).take_while(|(a, b)| a == *b).count())
        .max()
        .unwrap_or(0);
    // llhttp counts the first byte as read even when no method starts with it.
    (word_end.is_some() || known < word.len()).then_some(known.max(1))
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
            lenient: false,
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
        // Where a byte of the head lies in this input (for llhttp's bytesParsed).
        let at_input = |head_offset: usize| base + head_offset.saturating_sub(old);
        let Some(end) = lines::head_end(&self.pending, from, self.lenient) else {
            // (Counted only when it could be over, as below.)
            if self.pending.len() >= self.max_head_size {
                if let Some(at) = lines::overflow_at(&self.pending, self.kind, self.max_head_size) {
                    return Err(self.fail(err(
                        "HPE_HEADER_OVERFLOW",
                        "Header overflow",
                        at_input(at),
                    )));
                }
            }
            // What Node does not count (separators, white space) is bounded too, more
            // tightly than in Node: a head held here is at most twice the limit.
            if self.pending.len() > MAX_HEAD_BYTES_PER_LIMIT * self.max_head_size {
                return Err(self.fail(err(
                    "HPE_HEADER_OVERFLOW",
                    "Header overflow",
                    base + input.len(),
                )));
            }
            // Reject a bad start line early instead of buffering to the limit.
            if let Some((code, reason, at)) = self.early_error() {
                return Err(self.fail(err(code, reason, at_input(at))));
            }
            return Ok(input.len());
        };
        // (Counted only when it could be over: the count is never more than the bytes.)
        if end >= self.max_head_size {
            if let Some(at) =
                lines::overflow_at(&self.pending[..end], self.kind, self.max_head_size)
            {
                return Err(self.fail(err("HPE_HEADER_OVERFLOW", "Header overflow", at_input(at))));
            }
        }
        let head_bytes = std::mem::take(&mut self.pending);
        let used = end - old;
        if let Some(at) = self.bad_method(&head_bytes) {
            return Err(self.fail(err(
                "HPE_INVALID_METHOD",
                "Invalid method encountered",
                at_input(at),
            )));
        }
        if let Err((code, reason, at)) = lines::check(&head_bytes[..end], self.kind, self.lenient) {
            return Err(self.fail(err(code, reason, at_input(at))));
        }
        let head = match self.parse_head(&head_bytes[..end]) {
            Ok(h) => h,
            Err((code, reason)) => {
                let (code, reason, at) = self
                    .locate(&head_bytes[..end])
                    .map_or((code, reason, base), |(c, r, at)| (c, r, at_input(at)));
                return Err(self.fail(err(code, reason, at)));
            }
        };
        let framing = match self.framing(&head) {
            Ok(f) => f,
            // Node hands over a request whose Transfer-Encoding leaves its body's end
            // unknown, then reports the error.
            Err((code, reason @ UNKNOWN_REQUEST_END)) => {
                out.push(Event::Head(head));
                return Err(self.fail(err(code, reason, base + used)));
            }
            // Where llhttp, which refuses it while it reads the fields, stops.
            Err((code @ "HPE_INVALID_TRANSFER_ENCODING", reason)) => {
                let at = lines::te_refusal_at(&head_bytes[..end]).map_or(base + used, at_input);
                return Err(self.fail(err(code, reason, at)));
            }
            Err((code, reason)) => return Err(self.fail(err(code, reason, base + used))),
        };
        // The buffer is kept for the next head (cleared: `used` bytes of it were this one's,
        // and the rest of the input is read from `input`).
        let mut head_bytes = head_bytes;
        head_bytes.clear();
        self.pending = head_bytes;
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

    /// Where a request's method shows it is not one llhttp knows, judged as soon as its
    /// first bytes show it.
    fn bad_method(&self, bytes: &[u8]) -> Option<usize> {
        if self.kind != Kind::Request {
            return None;
        }
        method_error_at(bytes)
    }

    fn early_error(&self) -> Option<lines::Problem> {
        if let Some(at) = self.bad_method(&self.pending) {
            return Some(("HPE_INVALID_METHOD", "Invalid method encountered", at));
        }
        if let Err(problem) = lines::check(&self.pending, self.kind, self.lenient) {
            return Some(problem);
        }
        // Versions and folds httparse cannot read are judged by `lines`.
        if self.lenient {
            return None;
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
            Err(httparse::Error::TooManyHeaders | httparse::Error::Version) | Ok(()) => None,
            Err(e) => self.locate(&self.pending).or_else(|| {
                let (code, reason) = map_error(self.kind, e);
                Some((code, reason, 0))
            }),
        }
    }

    /// Where llhttp would report what httparse found wrong in `head` (see
    /// `lines::locate`).
    fn locate(&self, head: &[u8]) -> Option<lines::Problem> {
        lines::locate(head, self.kind, self.lenient)
    }

    fn parse_head(&self, bytes: &[u8]) -> Result<Head, (&'static str, &'static str)> {
        let copy = lines::readable_copy(bytes, self.kind);
        let (readable, version) = match &copy {
            Some((copy, version)) => (copy.as_slice(), *version),
            None => (bytes, None),
        };
        // llhttp lets control characters into field values when lenient; httparse refuses
        // them, so it reads a copy with them masked, and the values are taken from the head
        // itself (at the same offsets).
        let masked = if self.lenient {
            lines::masked_value_controls(readable)
        } else {
            None
        };
        let parsed = masked.as_deref().unwrap_or(readable);
        // Most heads have a few headers: try a small table on the stack before a big one.
        let mut small = [httparse::EMPTY_HEADER; 32];
        let table = &mut small[..self.max_headers.min(32)];
        match self.parse_head_with(parsed, readable, table, version) {
            Err(("HPE_HEADER_OVERFLOW", _)) if self.max_headers > 32 => {
                let mut big = vec![httparse::EMPTY_HEADER; self.max_headers];
                self.parse_head_with(parsed, readable, &mut big, version)
            }
            other => other,
        }
    }

    /// Parses a head httparse can read; `version`: the one its start line really names,
    /// when that was written as 1.1 for httparse (see `lines::readable_copy`). Field values
    /// are taken from `values`, `bytes` as it was before masking (the same length).
    fn parse_head_with<'b>(
        &self,
        bytes: &'b [u8],
        values: &[u8],
        storage: &mut [httparse::Header<'b>],
        version: Option<(u8, u8)>,
    ) -> Result<Head, (&'static str, &'static str)> {
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
                let mut req = httparse::Request::new(storage);
                complete(req.parse(bytes))?;
                head.method = req.method.unwrap_or_default().to_owned();
                head.url = req.path.unwrap_or_default().to_owned();
                head.version = version.unwrap_or((1, req.version.unwrap_or(1)));
                self.finish_head(head, req.headers, bytes, values)
            }
            Kind::Response => {
                let mut res = httparse::Response::new(storage);
                complete(res.parse(bytes))?;
                head.status = res.code.unwrap_or(0);
                head.reason = res.reason.unwrap_or_default().to_owned();
                head.version = version.unwrap_or((1, res.version.unwrap_or(1)));
                self.finish_head(head, res.headers, bytes, values)
            }
        }
    }

    fn finish_head(
        &self,
        mut head: Head,
        headers: &[httparse::Header],
        parsed: &[u8],
        values: &[u8],
    ) -> Result<Head, (&'static str, &'static str)> {
        head.headers = headers
            .iter()
            .map(|h| {
                // The value's place in `parsed`, read from `values`.
                let at = h.value.as_ptr() as usize - parsed.as_ptr() as usize;
                (h.name.to_owned(), values[at..at + h.value.len()].to_vec())
            })
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
        // As llhttp: HTTP/1.1 semantics need a major and a minor above 0 (2.0 is read as 1.0).
        head.keep_alive = if head.version.0 > 0 && head.version.1 > 0 {
            !close
        } else {
            keep
        };
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
                // Only a final "chunked" frames the body; anything after a "chunked" is
                // refused at once (as llhttp does while it reads the fields).
                if !self.lenient
                    && (chunked
                        || value
                            .rsplit(|&b| b == b',')
                            .skip(1)
                            .any(|t| t.trim_ascii().eq_ignore_ascii_case(b"chunked")))
                {
                    return Err((
                        "HPE_INVALID_TRANSFER_ENCODING",
                        "Invalid `Transfer-Encoding` header value",
                    ));
                }
                has_te = true;
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
            // A request whose body has no known end cannot be read (RFC 9112 §6.3 ¶4),
            // unless the parser is lenient: then it runs to the end of the connection.
            return match self.kind {
                Kind::Request if self.lenient => Ok(State::UntilClose),
                Kind::Request => Err(("HPE_INVALID_TRANSFER_ENCODING", UNKNOWN_REQUEST_END)),
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
                let Some((line, used, crlf)) = self.line(input) else {
                    if let Some(e) = chunk_line_overflow(&self.pending) {
                        return Err(self.fail(err(e.0, e.1, base + input.len())));
                    }
                    // Zeros only so far: one stands for them all.
                    if self.pending.iter().all(|&b| b == b'0') {
                        self.pending.truncate(1);
                    }
                    return Ok(input.len());
                };
                if let Some(e) = chunk_line_overflow(&line) {
                    // At the line's LF, where llhttp judges the extensions.
                    return Err(self.fail(err(e.0, e.1, base + used - 1)));
                }
                if c == Chunked::DataEnd {
                    if !line.is_empty() {
                        return Err(self.fail(err(
                            "HPE_STRICT",
                            "Expected LF after chunk data",
                            base,
                        )));
                    }
                    if !crlf && !self.lenient {
                        return Err(self.fail(err(
                            "HPE_CR_EXPECTED",
                            "Missing expected CR after chunk data",
                            base + used,
                        )));
                    }
                    self.state = State::Chunked(Chunked::Size);
                    return Ok(used);
                }
                if !crlf && !self.lenient {
                    return Err(self.fail(err(
                        "HPE_CR_EXPECTED",
                        "Missing expected CR after chunk size",
                        base + used,
                    )));
                }
                let digits = line
                    .split(|&b| b == b';')
                    .next()
                    .unwrap_or(&[])
                    .trim_ascii();
                // Leading zeros do not count toward the size's 16 digits.
                let significant = match digits.iter().position(|&b| b != b'0') {
                    Some(i) => &digits[i..],
                    None => &digits[digits.len().saturating_sub(1)..],
                };
                let size = std::str::from_utf8(significant)
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
                let Some((line, used, _)) = self.line(input) else {
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

    /// A line, joined with any earlier partial line: (line without its end, bytes of
    /// `input` used, whether it ended in CRLF rather than a bare LF). Without a full line
    /// the bytes are kept for the next call.
    fn line(&mut self, input: &[u8]) -> Option<(Vec<u8>, usize, bool)> {
        match memchr::memchr(b'\n', input) {
            Some(i) => {
                let mut line = std::mem::take(&mut self.pending);
                line.extend_from_slice(&input[..i]);
                let crlf = line.last() == Some(&b'\r');
                if crlf {
                    line.pop();
                }
                Some((line, i + 1, crlf))
            }
            None => {
                self.pending.extend_from_slice(input);
                None
            }
        }
    }
}

/// A chunk-size line (or its start) too long to take: its extensions past Node's limit, or
/// without extensions past any size's length.
fn chunk_line_overflow(line: &[u8]) -> Option<(&'static str, &'static str)> {
    // Leading zeros are taken in any number, as llhttp takes them.
    let line = &line[line.iter().position(|&b| b != b'0').unwrap_or(line.len())..];
    match memchr::memchr(b';', line) {
        Some(i) if line.len() - i - 1 > MAX_CHUNK_EXTENSIONS => {
            Some(("HPE_CHUNK_EXTENSIONS_OVERFLOW", "Chunk extensions overflow"))
        }
        None if line.len() > MAX_CHUNK_LINE => {
            Some(("HPE_INVALID_CHUNK_SIZE", "Chunk size line too long"))
        }
        _ => None,
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

    fn error_of(kind: Kind, input: &[u8]) -> (&'static str, usize) {
        let e = run(kind, input, input.len()).unwrap_err();
        (e.code, e.consumed)
    }

    #[test]
    fn errors_where_llhttp_finds_them() {
        let req = Kind::Request;
        assert_eq!(
            error_of(req, b"Oopsie-doopsie\r\n"),
            ("HPE_INVALID_METHOD", 1)
        );
        assert_eq!(
            error_of(req, b"OPT / HTTP/1.1\r\n\r\n"),
            ("HPE_INVALID_METHOD", 3)
        );
        assert_eq!(error_of(req, b"FOO /\r\n"), ("HPE_INVALID_METHOD", 1));
        let chunked = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        let size_lf = format!("{chunked}1\nA\r\n0\r\n\r\n");
        assert_eq!(error_of(req, size_lf.as_bytes()), ("HPE_CR_EXPECTED", 58));
        let data_lf = format!("{chunked}1\r\nA\n0\r\n\r\n");
        assert_eq!(error_of(req, data_lf.as_bytes()), ("HPE_CR_EXPECTED", 61));
        let long_ext = format!("{chunked}2;{}\r\nAA\r\n0\r\n\r\n", "a".repeat(17000));
        assert_eq!(
            error_of(req, long_ext.as_bytes()),
            ("HPE_CHUNK_EXTENSIONS_OVERFLOW", 17059)
        );
        // A Transfer-Encoding that leaves the body's end unknown: the head, then the error.
        let mut p = Parser::new(req);
        let mut out = Vec::new();
        let te = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunkedchunked\r\n\r\n";
        assert_eq!(
            p.feed(te, &mut out).unwrap_err().code,
            "HPE_INVALID_TRANSFER_ENCODING"
        );
        assert!(matches!(out.as_slice(), [Event::Head(_)]));
    }

    #[test]
    fn many_leading_zeros_in_a_chunk_size() {
        let input = format!(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n{}2\r\nAA\r\n0\r\n\r\n",
            "0".repeat(5000)
        );
        for step in [1, 100, input.len()] {
            assert_eq!(
                body(&run(Kind::Request, input.as_bytes(), step).unwrap()),
                b"AA"
            );
        }
    }

    #[test]
    fn lenient_heads() {
        let mut p = Parser::new(Kind::Response);
        p.lenient = true;
        let mut out = Vec::new();
        p.feed(
            b"HTTP/1.1 200 OK\nA: text/plain;\n x=1\nContent-Length: 2\n\nok",
            &mut out,
        )
        .unwrap();
        let Event::Head(h) = &out[0] else {
            panic!("{out:?}")
        };
        assert_eq!(h.headers[0], ("A".to_owned(), b"text/plain; x=1".to_vec()));
        assert_eq!(body(&out), b"ok");
        let ev = run(Kind::Request, b"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 3).unwrap();
        let Event::Head(h) = &ev[0] else {
            panic!("{ev:?}")
        };
        assert_eq!((h.version, h.keep_alive), ((2, 0), false));
        // Control characters in a value, kept as they came (strict refuses them).
        let head = b"GET / HTTP/1.1\r\nHost: a\r\nX-A: \x01a\x7fb\x01\r\n\r\n";
        let mut p = Parser::new(Kind::Request);
        p.lenient = true;
        let mut out = Vec::new();
        p.feed(head, &mut out).unwrap();
        let Event::Head(h) = &out[0] else {
            panic!("{out:?}")
        };
        assert_eq!(h.headers[1], ("X-A".to_owned(), b"\x01a\x7fb\x01".to_vec()));
        assert!(Parser::new(Kind::Request)
            .feed(head, &mut Vec::new())
            .is_err());
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
