//! Base-protocol framing (`Content-Length` headers and a JSON body) over any reader and
//! writer, tolerant of what `lsp_server::Message::read` treats as fatal: a body that is not
//! JSON or not a JSON-RPC message gets an error reply (when it is a request) and the next
//! message is read as usual.

use std::io::{self, BufRead, Read, Write};

use lsp_server::{ErrorCode, Message};
use serde_json::{Value, json};

/// The largest header line and body read; a bigger body is skipped.
const MAX_HEADER_LINE: u64 = 8 * 1024;
const MAX_BODY: usize = 64 * 1024 * 1024;

/// One read from the input.
enum Frame {
    Body(Vec<u8>),
    /// Headers without a usable `Content-Length`, or a body too big: nothing to parse.
    Skip,
    Eof,
}

/// Where messages go: the client's end, shared by the reader (its error replies) and the
/// writer.
pub type Output = std::sync::Arc<std::sync::Mutex<dyn Write + Send>>;

/// Read messages from `input` and hand each to `deliver` until the input ends, `deliver`
/// returns false (the server is gone) or an `exit` notification has been delivered.
/// Messages that cannot be parsed are answered on `output`.
pub fn read_loop(input: &mut impl BufRead, deliver: impl FnMut(Message) -> bool, output: &Output) {
    read_loop_with(input, deliver, |reply| {
        if let Ok(mut out) = output.lock() {
            let _ = write_frame(&mut *out, &reply.to_string());
        }
    });
}

/// `read_loop` with the error replies going to `reply`.
pub fn read_loop_with(
    input: &mut impl BufRead,
    mut deliver: impl FnMut(Message) -> bool,
    mut reply: impl FnMut(Value),
) {
    loop {
        let body = match read_frame(input) {
            Ok(Frame::Body(b)) => b,
            Ok(Frame::Skip) => continue,
            Ok(Frame::Eof) | Err(_) => return,
        };
        match parse(&body) {
            Ok(msg) => {
                let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if !deliver(msg) || exit {
                    return;
                }
            }
            Err(Some(error)) => reply(error),
            Err(None) => {}
        }
    }
}

/// Write messages to `output` until every sender is gone.
pub fn write_loop(messages: impl IntoIterator<Item = Message>, output: &Output) -> io::Result<()> {
    for msg in messages {
        let mut out = output
            .lock()
            .map_err(|_| io::Error::other("the LSP output lock is poisoned"))?;
        msg.write(&mut &mut *out)?;
    }
    Ok(())
}

fn write_frame(out: &mut (impl Write + ?Sized), body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
    out.write_all(body.as_bytes())?;
    out.flush()
}

/// Read one header block and its body. Header lines may end in `\r\n` or `\n`; lines that
/// are not `Name: value` and headers other than `Content-Length` are ignored.
fn read_frame(input: &mut impl BufRead) -> io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        let n = input.by_ref().take(MAX_HEADER_LINE).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(Frame::Eof);
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                break;
            }
            // Blank lines between messages.
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else { return Ok(Frame::Skip) };
    if length > MAX_BODY {
        io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Frame::Skip);
    }
    let mut body = vec![0; length];
    match input.read_exact(&mut body) {
        Ok(()) => Ok(Frame::Body(body)),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(Frame::Eof),
        Err(e) => Err(e),
    }
}

/// A message, or the error reply it deserves (`None`: a bad notification, ignored).
fn parse(body: &[u8]) -> Result<Message, Option<Value>> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Err(Some(error(
                Value::Null,
                ErrorCode::ParseError,
                &format!("parse error: {e}"),
            )));
        }
    };
    if let Ok(msg) = serde_json::from_value::<Message>(value.clone()) {
        return Ok(msg);
    }
    let is_request = value.get("method").is_some();
    match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) if is_request => Err(Some(error(
            id.clone(),
            ErrorCode::InvalidRequest,
            "invalid request: not a JSON-RPC request",
        ))),
        Some(Value::Null) | None if value.is_object() => Err(None),
        // A malformed response to one of our requests: nothing to answer.
        Some(_) if value.is_object() && !is_request => Err(None),
        _ => Err(Some(error(Value::Null, ErrorCode::InvalidRequest, "invalid request"))),
    }
}

fn error(id: Value, code: ErrorCode, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": message}})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn run(input: &str) -> (Vec<Message>, Vec<Value>) {
        let mut msgs = Vec::new();
        let mut replies = Vec::new();
        read_loop_with(
            &mut io::Cursor::new(input.as_bytes().to_vec()),
            |m| {
                msgs.push(m);
                true
            },
            |r| replies.push(r),
        );
        (msgs, replies)
    }

    #[test]
    fn bad_messages_are_answered_and_reading_goes_on() {
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":42}"#),
            frame(r#"{"jsonrpc":"2.0","method":{"x":1}}"#),
            frame("[1,2]"),
            "Content-Type: x\r\n\r\n".to_string(),
            "garbage line\n\n".to_string(),
            frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            "content-length: 26\n\n{\"jsonrpc\":\"2.0\",\"id\":\"a\"}".to_string(),
            frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
            frame(r#"{"jsonrpc":"2.0","id":2,"method":"after-exit"}"#),
        ]
        .concat();
        let (msgs, replies) = run(&input);
        let methods: Vec<String> = msgs
            .iter()
            .map(|m| match m {
                Message::Request(r) => r.method.clone(),
                Message::Notification(n) => n.method.clone(),
                Message::Response(r) => format!("response {}", r.id),
            })
            .collect();
        assert_eq!(methods, ["shutdown", "exit"], "{msgs:?}");
        let codes: Vec<(Value, Value)> = replies
            .iter()
            .map(|r| (r["id"].clone(), r["error"]["code"].clone()))
            .collect();
        assert_eq!(
            codes,
            [
                (Value::Null, json!(-32700)),
                (json!(7), json!(-32600)),
                (Value::Null, json!(-32600))
            ]
        );
    }

    #[test]
    fn a_truncated_body_ends_reading() {
        let (msgs, replies) = run("Content-Length: 100\r\n\r\n{\"jsonrpc\"");
        assert!(msgs.is_empty() && replies.is_empty());
    }
}
