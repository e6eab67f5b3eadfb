//! A small HTTP/1.1 server side over `std::net`: what `factlint serve` needs and no more.
//!
//! One thread per connection (their number is capped by the caller). A request is read
//! with a deadline for the whole of it, so a client that sends a byte a second is cut off
//! with 408 rather than holding its thread; bodies are capped (413 above the cap, before
//! the body is read); `Content-Length` and chunked bodies are read, `Expect: 100-continue`
//! is answered. A client that half-closes its socket after sending its request (as
//! Emacs's langtool does) still gets its answer: a request is complete when its body is,
//! and the end of the stream only ends the connection after the answer is written.
//! Nothing of a request is logged.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

pub struct Limits {
    /// The largest request line and headers, in bytes.
    pub head: usize,
    /// The largest body, in bytes.
    pub body: usize,
    /// How long a whole request (head and body) may take to arrive once it has started.
    pub request: Duration,
    /// How long a kept-alive connection may wait for its next request.
    pub idle: Duration,
}

pub const LIMITS: Limits = Limits {
    head: 16 * 1024,
    body: 1024 * 1024,
    request: Duration::from_secs(10),
    idle: Duration::from_secs(15),
};

#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The path, percent-decoding left to the caller.
    pub path: String,
    /// What follows `?`, if anything.
    pub query: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub keep_alive: bool,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
    /// Close the connection after this response.
    pub close: bool,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
            close: false,
        }
    }

    pub fn json(status: u16, value: &impl serde::Serialize) -> Self {
        match serde_json::to_vec(value) {
            Ok(body) => Response::new(status, "application/json; charset=utf-8", body),
            Err(_) => Response::text(500, "Error: could not write the response"),
        }
    }

    pub fn text(status: u16, body: impl Into<String>) -> Self {
        Response::new(status, "text/plain; charset=utf-8", body.into())
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn closing(mut self) -> Self {
        self.close = true;
        self
    }
}

pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// Why no request could be read.
#[derive(Debug)]
pub enum ReadError {
    /// The client closed the connection (or stayed idle too long) between requests.
    Closed,
    /// Something to answer with before closing: 400, 408, 413, 431, 501, 505.
    Reply(u16, String),
}

/// A connection's reading side: the stream and the bytes read past the last request.
pub struct Conn {
    pub stream: TcpStream,
    buf: Vec<u8>,
    eof: bool,
    /// Set when the server stops: an idle connection then closes.
    pub stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// How often a blocked read wakes up to look at its deadline.
const TICK: Duration = Duration::from_millis(500);

impl Conn {
    pub fn new(stream: TcpStream) -> io::Result<Self> {
        stream.set_read_timeout(Some(TICK))?;
        stream.set_write_timeout(Some(Duration::from_secs(10)))?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream,
            buf: Vec::new(),
            eof: false,
            stop: None,
        })
    }

    /// Read more bytes into the buffer. `Ok(false)` at the end of the stream.
    fn fill(&mut self, deadline: Instant) -> Result<bool, Timeout> {
        if self.eof {
            return Ok(false);
        }
        let mut chunk = [0u8; 16 * 1024];
        loop {
            if Instant::now() >= deadline {
                return Err(Timeout);
            }
            match self.stream.read(&mut chunk) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(true);
                }
                Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => {
                    self.eof = true;
                    return Ok(false);
                }
            }
        }
    }

    /// Read the next request. Bytes of a pipelined request after it stay buffered.
    pub fn read_request(&mut self, limits: &Limits) -> Result<Request, ReadError> {
        // Wait for the first byte up to the idle limit; then the whole request has its deadline.
        let idle_deadline = Instant::now() + limits.idle;
        while self.buf.is_empty() {
            let stopping = self
                .stop
                .as_ref()
                .is_some_and(|s| s.load(std::sync::atomic::Ordering::SeqCst));
            if stopping || Instant::now() >= idle_deadline {
                return Err(ReadError::Closed);
            }
            match self.fill((Instant::now() + TICK).min(idle_deadline)) {
                Ok(_) if self.eof => return Err(ReadError::Closed),
                Ok(_) | Err(Timeout) => {}
            }
        }
        let deadline = Instant::now() + limits.request;
        let timeout = |_| ReadError::Reply(408, "Error: the request took too long to arrive".to_string());
        let head_end = loop {
            if let Some(end) = find_head_end(&self.buf) {
                break end;
            }
            if self.buf.len() > limits.head {
                return Err(ReadError::Reply(
                    431,
                    "Error: the request line and headers are too large".to_string(),
                ));
            }
            if !self.fill(deadline).map_err(timeout)? {
                return Err(if self.buf.iter().all(u8::is_ascii_whitespace) {
                    ReadError::Closed
                } else {
                    ReadError::Reply(400, "Error: the request ended before its headers did".to_string())
                });
            }
        };
        if head_end.0 > limits.head {
            return Err(ReadError::Reply(
                431,
                "Error: the request line and headers are too large".to_string(),
            ));
        }
        let head: Vec<u8> = self.buf.drain(..head_end.1).collect();
        let head = std::str::from_utf8(head.get(..head_end.0).unwrap_or_default())
            .map_err(|_| bad("the request headers are not valid UTF-8"))?;
        let mut request = parse_head(head.trim_start_matches(['\r', '\n']))?;
        // The body.
        let chunked = match request.header("transfer-encoding") {
            None => false,
            Some(te) if te.trim().eq_ignore_ascii_case("chunked") => true,
            Some(_) => {
                return Err(ReadError::Reply(
                    501,
                    "Error: only chunked transfer encoding is supported".to_string(),
                ));
            }
        };
        if chunked {
            self.continue_if_expected(&request);
            request.body = self.read_chunked(limits, deadline)?;
        } else {
            let lengths: Vec<&str> = request
                .headers
                .iter()
                .filter(|(n, _)| n == "content-length")
                .map(|(_, v)| v.trim())
                .collect();
            let length = match lengths.as_slice() {
                [] => 0,
                [first, rest @ ..] if rest.iter().all(|x| x == first) => first
                    .parse::<usize>()
                    .map_err(|_| bad("Content-Length is not a number"))?,
                _ => return Err(bad("conflicting Content-Length headers")),
            };
            if length > limits.body {
                return Err(too_large(limits));
            }
            if length > 0 {
                self.continue_if_expected(&request);
            }
            while self.buf.len() < length {
                if !self.fill(deadline).map_err(timeout)? {
                    return Err(bad("the request ended before its body did"));
                }
            }
            request.body = self.buf.drain(..length).collect();
        }
        Ok(request)
    }

    fn continue_if_expected(&mut self, request: &Request) {
        if request
            .header("expect")
            .is_some_and(|e| e.trim().eq_ignore_ascii_case("100-continue"))
        {
            let _ = self.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
        }
    }

    fn read_line(&mut self, deadline: Instant, max: usize) -> Result<String, ReadError> {
        loop {
            if let Some(nl) = self.buf.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.buf.drain(..=nl).collect();
                return Ok(String::from_utf8_lossy(&line)
                    .trim_end_matches(['\r', '\n'])
                    .to_string());
            }
            if self.buf.len() > max {
                return Err(bad("a chunk header is too long"));
            }
            match self.fill(deadline) {
                Ok(true) => {}
                Ok(false) => return Err(bad("the request ended inside a chunked body")),
                Err(Timeout) => {
                    return Err(ReadError::Reply(
                        408,
                        "Error: the request took too long to arrive".to_string(),
                    ));
                }
            }
        }
    }

    fn read_chunked(&mut self, limits: &Limits, deadline: Instant) -> Result<Vec<u8>, ReadError> {
        let mut body = Vec::new();
        loop {
            let line = self.read_line(deadline, 1024)?;
            let size = line.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size, 16).map_err(|_| bad("a chunk size is not a number"))?;
            if size == 0 {
                // Trailers, up to the empty line.
                while !self.read_line(deadline, limits.head)?.is_empty() {}
                return Ok(body);
            }
            if body.len().saturating_add(size) > limits.body {
                return Err(too_large(limits));
            }
            while self.buf.len() < size + 2 {
                match self.fill(deadline) {
                    Ok(true) => {}
                    Ok(false) => return Err(bad("the request ended inside a chunk")),
                    Err(Timeout) => {
                        return Err(ReadError::Reply(
                            408,
                            "Error: the request took too long to arrive".to_string(),
                        ));
                    }
                }
            }
            body.extend(self.buf.drain(..size));
            let crlf: Vec<u8> = self.buf.drain(..2).collect();
            if crlf != b"\r\n" {
                return Err(bad("a chunk does not end with CRLF"));
            }
        }
    }

    /// After an error answer, before closing: stop writing and read what the client is
    /// still sending for a moment, so that closing does not reset the connection before
    /// the client has read the answer.
    pub fn linger(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Write);
        let until = Instant::now() + Duration::from_secs(2);
        let mut sink = [0u8; 16 * 1024];
        let mut total = 0usize;
        while Instant::now() < until && total < 4 * 1024 * 1024 {
            match self.stream.read(&mut sink) {
                Ok(0) => break,
                Ok(n) => total += n,
                Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {}
                Err(_) => break,
            }
        }
    }

    /// Write a response. HEAD requests get the headers only.
    pub fn write_response(&mut self, response: &Response, head_only: bool) -> io::Result<()> {
        let mut out = Vec::with_capacity(256 + response.body.len());
        write!(
            out,
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n",
            response.status,
            reason(response.status),
            response.content_type,
            response.body.len()
        )?;
        for (name, value) in &response.headers {
            write!(out, "{name}: {value}\r\n")?;
        }
        out.extend_from_slice(if response.close {
            b"Connection: close\r\n\r\n"
        } else {
            b"Connection: keep-alive\r\n\r\n"
        });
        if !head_only {
            out.extend_from_slice(&response.body);
        }
        self.stream.write_all(&out)?;
        self.stream.flush()
    }
}

struct Timeout;

fn bad(message: &str) -> ReadError {
    ReadError::Reply(400, format!("Error: {message}"))
}

fn too_large(limits: &Limits) -> ReadError {
    ReadError::Reply(
        413,
        format!(
            "Error: the request body is larger than the limit of {} bytes",
            limits.body
        ),
    )
}

/// The end of the head (where the blank line starts) and where the body starts.
fn find_head_end(buf: &[u8]) -> Option<(usize, usize)> {
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn parse_head(head: &str) -> Result<Request, ReadError> {
    let mut lines = head.split('\n').map(|l| l.trim_end_matches('\r'));
    let line = lines.next().unwrap_or_default();
    let mut parts = line.split(' ').filter(|p| !p.is_empty());
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("malformed request line"));
    };
    if !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(bad("malformed request method"));
    }
    let keep_alive_default = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        v if v.starts_with("HTTP/") => {
            return Err(ReadError::Reply(
                505,
                "Error: only HTTP/1.0 and HTTP/1.1 are served".to_string(),
            ));
        }
        _ => return Err(bad("malformed HTTP version")),
    };
    let mut headers = Vec::new();
    for l in lines {
        if l.is_empty() {
            continue;
        }
        let Some((name, value)) = l.split_once(':') else {
            return Err(bad("malformed header line"));
        };
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(bad("malformed header name"));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    // An absolute form target (`http://host/path`) is reduced to its path.
    let target = match target.strip_prefix("http://") {
        Some(rest) => rest.find('/').map_or("/", |i| crate::text::from(rest, i)),
        None => target,
    };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let connection = headers
        .iter()
        .filter(|(n, _)| n == "connection")
        .map(|(_, v)| v.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(",");
    let keep_alive = if connection.contains("close") {
        false
    } else {
        keep_alive_default || connection.contains("keep-alive")
    };
    Ok(Request {
        method: method.to_string(),
        path: path.to_string(),
        query: query.to_string(),
        headers,
        body: Vec::new(),
        keep_alive,
    })
}

/// Decode `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte. Later
/// values of a name replace earlier ones.
pub fn parse_form(body: &str, into: &mut Vec<(String, String)>) {
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(name);
        let value = percent_decode(value);
        into.retain(|(n, _)| *n != name);
        into.push((name, value));
    }
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_parse() {
        let r = parse_head("POST /v2/check?x=1 HTTP/1.1\r\nHost: localhost:8081\r\nContent-Length: 3")
            .unwrap_or_else(|_| unreachable!());
        assert_eq!(r.method, "POST");
        assert_eq!(r.path, "/v2/check");
        assert_eq!(r.query, "x=1");
        assert_eq!(r.header("host"), Some("localhost:8081"));
        assert!(r.keep_alive);
        assert!(parse_head("GET /").is_err());
        assert!(parse_head("GET / HTTP/2.0").is_err());
        let r = parse_head("GET / HTTP/1.0").unwrap_or_else(|_| unreachable!());
        assert!(!r.keep_alive);
    }

    #[test]
    fn forms_decode() {
        let mut form = Vec::new();
        parse_form("text=a+b%20c%F0%9F%98%80&language=en-US&bad=%zz", &mut form);
        assert_eq!(form[0], ("text".to_string(), "a b c😀".to_string()));
        assert_eq!(form[1].1, "en-US");
        assert_eq!(form[2].1, "%zz");
    }
}
