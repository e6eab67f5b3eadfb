//! The language server as an editor meets it. Two clients drive it: the real binary
//! (`factlint lsp` over standard input and output, raw bytes included), and the server
//! function itself over `lsp_server::Connection::memory()` for the finer cases.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(30);

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample/samarkand-2023-04-14.txt")
}

fn sample() -> String {
    std::fs::read_to_string(sample_path()).unwrap_or_else(|e| panic!("cannot read the sample: {e}"))
}

fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// The UTF-16 column of `needle` on 0-based line `line` of `text`.
fn utf16_col(text: &str, line: usize, needle: &str) -> u64 {
    let l = text.lines().nth(line).unwrap_or_else(|| panic!("no line {line}"));
    let byte = l.find(needle).unwrap_or_else(|| panic!("no {needle:?} on line {line}"));
    l.get(..byte).unwrap_or_default().encode_utf16().count() as u64
}

fn utf8_col(text: &str, line: usize, needle: &str) -> u64 {
    let l = text.lines().nth(line).unwrap_or_else(|| panic!("no line {line}"));
    l.find(needle).unwrap_or_else(|| panic!("no {needle:?} on line {line}")) as u64
}

/// A client: send messages, receive the server's messages in order.
trait Transport {
    fn send(&mut self, msg: Value);
    fn recv(&mut self, timeout: Duration) -> Option<Value>;
}

struct Client<T: Transport> {
    t: T,
    next_id: i64,
    /// Notifications seen while waiting for something else.
    seen: Vec<Value>,
}

impl<T: Transport> Client<T> {
    fn new(t: T) -> Self {
        Client {
            t,
            next_id: 1,
            seen: Vec::new(),
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.t
            .send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.t
            .send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// The next server message that satisfies `pred` (others are kept in `seen`).
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .t
                .recv(left)
                .unwrap_or_else(|| panic!("no answer from the server in time; seen: {:#?}", self.seen));
            if pred(&msg) {
                return msg;
            }
            self.seen.push(msg);
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let msg = self.wait(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri);
        msg["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    /// The diagnostics published for `version` of a document.
    fn diagnostics_for(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        msg["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    fn initialize(&mut self, encodings: &[&str]) -> Value {
        let caps = if encodings.is_empty() {
            json!({})
        } else {
            json!({"general": {"positionEncodings": encodings}})
        };
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": caps}),
        );
        self.notify("initialized", json!({}));
        r
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }
}

fn range(l1: u64, c1: u64, l2: u64, c2: u64) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

// ---------------------------------------------------------------------------------------
// The real binary over stdio.

struct StdioServer {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: mpsc::Receiver<Value>,
}

impl StdioServer {
    fn spawn() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run factlint lsp: {e}"));
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    match r.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let Some(len) = len else { return };
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                match serde_json::from_slice::<Value>(&body) {
                    Ok(v) => {
                        if tx.send(v).is_err() {
                            return;
                        }
                    }
                    Err(e) => panic!("the server wrote a body that is not JSON: {e}"),
                }
            }
        });
        StdioServer { child, stdin, rx }
    }

    fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap_or_else(|| panic!("stdin closed"));
        stdin
            .write_all(bytes)
            .unwrap_or_else(|e| panic!("the server is gone: {e}"));
        let _ = stdin.flush();
    }

    fn frame(&mut self, body: &[u8]) {
        self.raw(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        self.raw(body);
    }

    /// Wait for the process to end; its exit status.
    fn wait_exit(&mut self) -> Option<i32> {
        self.stdin = None;
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("factlint lsp did not exit");
    }
}

impl Drop for StdioServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Transport for StdioServer {
    fn send(&mut self, msg: Value) {
        self.frame(msg.to_string().as_bytes());
    }
    fn recv(&mut self, timeout: Duration) -> Option<Value> {
        match self.rx.recv_timeout(timeout) {
            Ok(v) => Some(v),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let _ = self.child.wait();
                let status = self.child.try_wait().ok().flatten();
                panic!("`factlint lsp` closed its output ({status:?}) before answering; see its standard error above")
            }
        }
    }
}

#[test]
fn stdio_sample_draft_diagnostics_fix_hover_and_survives_bad_input() {
    let text = sample();
    let uri = file_uri(&sample_path());
    let mut c = Client::new(StdioServer::spawn());

    let init = c.initialize(&[]);
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16", "{init}");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "{init}");
    assert_eq!(caps["textDocumentSync"]["openClose"], true, "{init}");
    assert_eq!(caps["hoverProvider"], true, "{init}");
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"]),
        "{init}"
    );

    c.open(&uri, &text);
    let diags = c.diagnostics(&uri);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    let date_col = utf16_col(&text, 12, "20-21 March 2023");
    assert_eq!(
        diags[0]["range"],
        range(12, date_col, 12, date_col + 16),
        "{:#}",
        diags[0]
    );
    assert_eq!(diags[0]["code"], "date/event-date-mismatch");
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(diags[0]["source"], "factlint");
    assert_eq!(
        diags[0]["codeDescription"]["href"],
        "https://github.com/factlint/factlint/blob/main/docs/rules.md#date-event-date-mismatch"
    );
    let message = diags[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("disagrees with the record"), "{message}");
    assert!(
        message.contains("\nXi Jinping's state visit to Russia took place 20-22 March 2023"),
        "{message}"
    );
    let related = diags[0]["relatedInformation"].as_array().cloned().unwrap_or_default();
    assert!(
        related
            .iter()
            .any(|r| r["message"] == "Xi Jinping's state visit to Russia"),
        "{related:#?}"
    );
    assert_eq!(diags[1]["range"]["start"]["line"], 19);
    assert_eq!(diags[1]["code"], "stance/contradicts-record");

    // The quick fix for the date.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(12, date_col + 2, 12, date_col + 2),
               "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().cloned().unwrap_or_default();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["title"], "Replace with `20-22 March 2023`");
    let edits = &actions[0]["edit"]["changes"][uri.as_str()];
    assert_eq!(edits[0]["newText"], "20-22 March 2023", "{:#}", actions[0]);
    assert_eq!(edits[0]["range"], range(12, date_col, 12, date_col + 16));

    // Hover shows the facts and their source.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 12, "character": date_col + 5}}),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.contains("http://en.people.cn/n3/2023/0317/c90000-10224041.html"),
        "{hover:#}"
    );
    assert!(value.contains("rules/kb/events.toml"), "{value}");
    assert!(value.contains("date/event-date-mismatch"), "{value}");

    // Malformed input: not JSON, not a message, no Content-Length; the server answers the
    // parse error and goes on.
    c.t.frame(b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    let parse_error = c.wait(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    c.t.frame(b"[]");
    c.t.frame(&[0xff, 0xfe, b'{']);
    c.t.raw(b"X-Junk: 1\r\n\r\n");
    c.t.frame(br#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"oops":1}}"#);
    let unknown = c.request("factlint/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");

    // A half-typed edit (the date cut to "20-2"), then edits far out of range.
    c.change(
        &uri,
        2,
        json!([{"range": range(12, date_col, 12, date_col + 16), "text": "20-2"}]),
    );
    c.change(
        &uri,
        3,
        json!([{"range": range(900, 5, 12, 9999), "text": ""},
                             {"range": range(12, 9999, 12, 99999), "text": ""}]),
    );
    let alive = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4000, "character": 4000}}),
    );
    assert!(alive.get("result").is_some(), "{alive}");

    // Back to the draft and the fix: "20-21" → "20-22" leaves the stance finding.
    c.change(&uri, 4, json!([{"text": text}]));
    c.change(
        &uri,
        5,
        json!([{"range": range(12, date_col + 3, 12, date_col + 5), "text": "22"}]),
    );
    let diags = c.diagnostics_for(&uri, 5);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["code"], "stance/contradicts-record");
    assert_eq!(diags[0]["range"]["start"]["line"], 19);

    // Closing clears the diagnostics.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    assert!(c.diagnostics(&uri).is_empty());

    let down = c.request("shutdown", Value::Null);
    assert_eq!(down["result"], Value::Null, "{down}");
    c.notify("exit", Value::Null);
    assert_eq!(c.t.wait_exit(), Some(0));
}

#[test]
fn stdio_server_ends_when_the_client_closes_its_end() {
    let mut s = StdioServer::spawn();
    s.raw(b"Content-Length: 5\r\n\r\n{bad}");
    assert!(s.recv(TIMEOUT).is_some_and(|m| m["error"]["code"] == -32700));
    assert_eq!(s.wait_exit(), Some(0));
}

// ---------------------------------------------------------------------------------------
// The server function over an in-memory connection.

struct Memory {
    conn: lsp_server::Connection,
    thread: Option<std::thread::JoinHandle<anyhow::Result<()>>>,
}

impl Memory {
    fn start() -> Self {
        let (server, client) = lsp_server::Connection::memory();
        let thread = std::thread::spawn(move || factlint::lsp::serve(server));
        Memory {
            conn: client,
            thread: Some(thread),
        }
    }
}

impl Transport for Memory {
    fn send(&mut self, msg: Value) {
        let msg: lsp_server::Message = serde_json::from_value(msg).unwrap_or_else(|e| panic!("bad test message: {e}"));
        let _ = self.conn.sender.send(msg);
    }
    fn recv(&mut self, timeout: Duration) -> Option<Value> {
        let msg = self.conn.receiver.recv_timeout(timeout).ok()?;
        serde_json::to_value(msg).ok()
    }
}

impl Drop for Memory {
    fn drop(&mut self) {
        let _ = self
            .conn
            .sender
            .send(lsp_server::Message::Notification(lsp_server::Notification {
                method: "exit".into(),
                params: Value::Null,
            }));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[test]
fn utf8_is_negotiated_when_offered_and_columns_are_bytes() {
    let text = sample();
    let uri = file_uri(&sample_path());
    let mut c = Client::new(Memory::start());
    let init = c.initialize(&["utf-8", "utf-16"]);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    c.open(&uri, &text);
    let diags = c.diagnostics(&uri);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    let col = utf8_col(&text, 12, "20-21 March 2023");
    // The line has a curly apostrophe before the date: UTF-8 and UTF-16 columns differ.
    assert_ne!(col, utf16_col(&text, 12, "20-21 March 2023"));
    assert_eq!(diags[0]["range"], range(12, col, 12, col + 16));
    c.change(
        &uri,
        2,
        json!([{"range": range(12, col + 3, 12, col + 5), "text": "22"}]),
    );
    assert_eq!(c.diagnostics(&uri).len(), 1);
}

#[test]
fn non_ascii_edits_before_a_finding_keep_its_range_right() {
    let text = sample();
    let uri = "untitled:draft-1";
    let mut c = Client::new(Memory::start());
    c.initialize(&[]);
    c.open(uri, &text);
    assert_eq!(c.diagnostics(uri).len(), 2);
    // Insert "“é😀” " at the start of line 12: 6 UTF-16 code units (the emoji is 2).
    c.change(uri, 2, json!([{"range": range(12, 0, 12, 0), "text": "“é😀” "}]));
    let diags = c.diagnostics(uri);
    let col = utf16_col(&text, 12, "20-21 March 2023") + 6;
    assert_eq!(diags[0]["range"], range(12, col, 12, col + 16), "{diags:#?}");
    // Deleting it again, given in UTF-16 code units.
    c.change(uri, 3, json!([{"range": range(12, 0, 12, 6), "text": ""}]));
    let diags = c.diagnostics(uri);
    let col = utf16_col(&text, 12, "20-21 March 2023");
    assert_eq!(diags[0]["range"], range(12, col, 12, col + 16), "{diags:#?}");
}

#[test]
fn requests_before_initialize_and_bad_params_get_errors() {
    let mut c = Client::new(Memory::start());
    let early = c.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    c.initialize(&[]);
    let bad = c.request("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    let again = c.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again["error"]["code"], -32600, "{again}");
    // Code actions and hover on a document that is not open: empty answers.
    let none = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "file:///nowhere.txt"}, "range": range(0, 0, 0, 0), "context": {"diagnostics": []}}),
    );
    assert_eq!(none["result"], json!([]), "{none}");
    let down = c.request("shutdown", Value::Null);
    assert!(down.get("error").is_none());
    let after = c.request("textDocument/hover", json!({}));
    assert_eq!(after["error"]["code"], -32600, "{after}");
}

#[test]
fn a_broken_config_is_shown_and_the_default_rules_still_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    std::fs::write(dir.path().join("factlint.toml"), "fail-on = \"error\"\ncolour = true\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, sample()).unwrap_or_else(|e| panic!("{e}"));
    let uri = file_uri(&draft);
    let mut c = Client::new(Memory::start());
    c.initialize(&[]);
    c.open(&uri, &sample());
    let shown = c.wait(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1);
    let message = shown["params"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("factlint.toml:2:1"), "{message}");
    assert!(message.contains("colour"), "{message}");
    assert_eq!(c.diagnostics(&uri).len(), 2);

    // A valid configuration that turns a rule off is picked up on save.
    std::fs::write(
        dir.path().join("factlint.toml"),
        "[rules.\"stance/contradicts-record\"]\nenabled = false\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": uri}}));
    let diags = c.diagnostics(&uri);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["code"], "date/event-date-mismatch");
}

/// The sample with its date error suppressed by a comment on the line before.
fn suppressed_sample() -> String {
    let text = sample();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    lines.insert(
        12,
        "<!-- factlint-disable-next-line date/event-date-mismatch -- the agency's own error, quoted -->\n",
    );
    lines.concat()
}

#[test]
fn suppression_comments_are_honoured_as_in_check() {
    let text = suppressed_sample();
    let uri = file_uri(&sample_path());
    let mut c = Client::new(StdioServer::spawn());
    c.initialize(&[]);
    c.open(&uri, &text);
    let diags = c.diagnostics(&uri);
    let codes: Vec<&str> = diags.iter().filter_map(|d| d["code"].as_str()).collect();
    assert_eq!(codes, vec!["stance/contradicts-record"], "{diags:#?}");
}
