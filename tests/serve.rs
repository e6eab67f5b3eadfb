//! `factlint serve` as its clients meet it, on loopback only: the LanguageTool API's
//! shapes and UTF-16 offsets, the quirks of real clients (a half-closed socket, ltex's
//! mislabelled form), the page's API, the safety rules, and bad requests that must not
//! stop the server.
#![cfg(feature = "serve")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("serve")
            .args(["--port", "0"])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start factlint serve: {e}"));
        let stdout = child.stdout.take().unwrap_or_else(|| unreachable!());
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap_or_else(|e| panic!("{e}"));
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "{line}");
        Server { child, addr }
    }

    /// Send raw bytes, half-close or not, and read the whole answer.
    fn raw(&self, request: &[u8], half_close: bool) -> String {
        let mut s = TcpStream::connect(&self.addr).unwrap_or_else(|e| panic!("{e}"));
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap_or_default();
        s.write_all(request).unwrap_or_else(|e| panic!("{e}"));
        if half_close {
            s.shutdown(Shutdown::Write).unwrap_or_default();
        }
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// One request on its own connection (`Connection: close`): (status, headers, body).
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String, String) {
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(body);
        split(&self.raw(&bytes, false))
    }

    fn form(&self, pairs: &[(&str, &str)]) -> (u16, String, String) {
        let body = encode(pairs);
        self.request(
            "POST",
            "/v2/check",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.as_bytes(),
        )
    }

    fn healthy(&self) {
        let (status, _, body) = self.request("GET", "/v2/healthcheck", &[], b"");
        assert_eq!((status, body.as_str()), (200, "OK"));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn split(response: &str) -> (u16, String, String) {
    let (head, body) = response
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {response:?}"));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line in {head:?}"));
    (status, head.to_string(), body.to_string())
}

fn encode(pairs: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        let mut out = String::new();
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else if b == b' ' {
                out.push('+');
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn sample() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample/samarkand-2023-04-14.txt"))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn utf16(text: &str, needle: &str) -> u64 {
    let at = text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    text.get(..at).unwrap_or_default().encode_utf16().count() as u64
}

/// The matches of a LanguageTool answer as (rule, offset, length).
fn matches(v: &Value) -> Vec<(String, u64, u64)> {
    v["matches"]
        .as_array()
        .unwrap_or_else(|| panic!("no matches in {v}"))
        .iter()
        .map(|m| {
            (
                m["rule"]["id"].as_str().unwrap_or_default().to_string(),
                m["offset"].as_u64().unwrap_or(u64::MAX),
                m["length"].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect()
}

#[test]
fn languagetool_check_has_the_full_shape_and_utf16_offsets() {
    let server = Server::start(&[]);
    let text = sample();
    let (status, head, body) = server.form(&[("text", &text), ("language", "en-US")]);
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("application/json"), "{head}");
    assert!(
        !head.contains("Access-Control-Allow-Origin"),
        "no CORS by default: {head}"
    );
    let v = json(&body);
    for key in ["software", "warnings", "language", "matches"] {
        assert!(v.get(key).is_some(), "no {key} in {v}");
    }
    assert_eq!(v["language"]["code"], "en-US");
    let found = matches(&v);
    assert_eq!(
        found,
        vec![
            (
                "date/event-date-mismatch".to_string(),
                utf16(&text, "20-21 March 2023"),
                16
            ),
            (
                "stance/contradicts-record".to_string(),
                utf16(&text, "opposed the democratization"),
                "opposed the democratization of international relations".len() as u64
            ),
        ]
    );
    let m = &v["matches"][0];
    for key in [
        "message",
        "shortMessage",
        "replacements",
        "offset",
        "length",
        "context",
        "sentence",
        "type",
        "rule",
        "ignoreForIncompleteSentence",
        "contextForSureMatch",
    ] {
        assert!(m.get(key).is_some(), "no {key} in {m}");
    }
    for key in ["id", "description", "issueType", "urls", "category"] {
        assert!(m["rule"].get(key).is_some(), "no rule.{key} in {m}");
    }
    assert_eq!(m["replacements"][0]["value"], "20-22 March 2023");
    assert_eq!(m["rule"]["category"]["id"], "FACTLINT");
    let message = m["message"].as_str().unwrap_or_default();
    assert!(message.contains("source: http://en.people.cn/"), "{message}");
    let context = &m["context"];
    let ctext: Vec<u16> = context["text"].as_str().unwrap_or_default().encode_utf16().collect();
    let (o, l) = (
        context["offset"].as_u64().unwrap_or(0) as usize,
        context["length"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(String::from_utf16_lossy(&ctext[o..o + l]), "20-21 March 2023");
    assert!(
        m["sentence"]
            .as_str()
            .unwrap_or_default()
            .starts_with("The ministers also discussed")
    );
}

#[test]
fn emoji_count_two_utf16_units() {
    let server = Server::start(&[]);
    let text = format!("🗞️📰😀 Breaking 🇺🇿: {}", sample());
    let (status, _, body) = server.form(&[("language", "auto"), ("text", &text)]);
    assert_eq!(status, 200, "{body}");
    let found = matches(&json(&body));
    assert_eq!(found.len(), 2, "{body}");
    assert_eq!(found[0].1, utf16(&text, "20-21 March 2023"));
    let chars_before = text
        .get(..text.find("20-21 March").unwrap_or(0))
        .unwrap_or_default()
        .chars()
        .count() as u64;
    assert!(found[0].1 > chars_before, "UTF-16 units, not chars");
}

#[test]
fn annotated_data_counts_markup_in_positions() {
    let server = Server::start(&[]);
    let text = sample();
    let (first, rest) = text.split_at(text.find("The ministers also").unwrap_or(0));
    let data = serde_json::json!({ "annotation": [
        { "text": first },
        { "markup": "<p class=\"lead\">", "interpretAs": "\n\n" },
        { "text": rest },
        { "markup": "</p>" }
    ]})
    .to_string();
    let (status, _, body) = server.form(&[("data", &data), ("language", "en-GB")]);
    assert_eq!(status, 200, "{body}");
    let full = format!("{first}<p class=\"lead\">{rest}</p>");
    let found = matches(&json(&body));
    assert_eq!(found.len(), 2, "{body}");
    assert_eq!(found[0].1, utf16(&full, "20-21 March 2023"));
}

#[test]
fn half_closed_socket_gets_its_answer() {
    // Emacs's langtool sends its request and shuts down its writing side.
    let server = Server::start(&[]);
    let body = encode(&[("language", "en-US"), ("text", &sample())]);
    let request = format!(
        "POST /v2/check HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        server.addr,
        body.len()
    );
    let (status, _, answer) = split(&server.raw(request.as_bytes(), true));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(matches(&json(&answer)).len(), 2);
}

#[test]
fn ltex_style_form_labelled_json_is_read_as_a_form() {
    let server = Server::start(&[]);
    let body = encode(&[
        ("language", "en-US"),
        ("text", &sample()),
        ("disabledRules", "stance/contradicts-record"),
    ]);
    let (status, _, answer) = server.request(
        "POST",
        "/v2/check",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    );
    assert_eq!(status, 200, "{answer}");
    let found = matches(&json(&answer));
    assert_eq!(found.len(), 1, "{answer}");
    assert_eq!(found[0].0, "date/event-date-mismatch");
    // A body that really is JSON is read too.
    let body = serde_json::json!({ "language": "en-US", "text": sample() }).to_string();
    let (status, _, answer) = server.request(
        "POST",
        "/v2/check",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(matches(&json(&answer)).len(), 2);
}

#[test]
fn suppression_comments_are_honoured_as_in_check() {
    let server = Server::start(&[]);
    let mut lines: Vec<&str> = sample().leak().split_inclusive('\n').collect();
    lines.insert(
        12,
        "<!-- factlint-disable-next-line date/event-date-mismatch -- the agency's own error, quoted -->\n",
    );
    let (status, _, body) = server.form(&[("language", "en-US"), ("text", &lines.concat())]);
    assert_eq!(status, 200, "{body}");
    let rules: Vec<String> = matches(&json(&body)).into_iter().map(|m| m.0).collect();
    assert_eq!(rules, vec!["stance/contradicts-record".to_string()]);
}

#[test]
fn the_small_endpoints() {
    let server = Server::start(&[]);
    let (status, _, body) = server.request("GET", "/v2/languages", &[], b"");
    assert_eq!(status, 200);
    let langs = json(&body);
    assert!(langs.as_array().is_some_and(|l| {
        l.iter()
            .any(|x| x["longCode"] == "en-US" && x["code"] == "en" && x["name"].is_string())
    }));
    let (status, _, body) = server.request("GET", "/v2/configinfo?language=en-US", &[], b"");
    assert_eq!(status, 200, "{body}");
    let info = json(&body);
    assert!(info["parameter"]["maxTextLength"].is_u64(), "{info}");
    assert!(info["rules"].as_array().is_some_and(|r| !r.is_empty()), "{info}");
    let (status, _, body) = server.request("GET", "/v2/info", &[], b"");
    assert_eq!(status, 200);
    assert_eq!(json(&body)["software"]["name"], "factlint");
    let (status, _, body) = server.request("GET", "/v2/maxtextlength", &[], b"");
    assert_eq!(status, 200);
    assert!(body.parse::<u64>().is_ok(), "{body}");
    server.healthy();
}

#[test]
fn the_page_and_its_api() {
    let server = Server::start(&[]);
    let (status, head, body) = server.request("GET", "/", &[], b"");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Security-Policy: default-src 'none'"), "{head}");
    assert!(body.contains("<script src=\"/app.js\">"), "{body}");
    assert!(
        !body.contains("http://") && !body.contains("https://"),
        "nothing fetched from elsewhere"
    );
    for asset in ["/app.js", "/app.css"] {
        let (status, _, body) = server.request("GET", asset, &[], b"");
        assert_eq!(status, 200);
        assert!(!body.contains("//cdn") && !body.contains("@import"), "{asset}");
    }
    let text = format!("😀 {}", sample());
    let req = serde_json::json!({ "text": text }).to_string();
    let (status, _, body) = server.request(
        "POST",
        "/api/check",
        &[("Content-Type", "application/json")],
        req.as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    let v = json(&body);
    assert_eq!(v["counts"]["error"], 2);
    assert_eq!(v["asOf"]["date"], "2023-04-14");
    assert_eq!(v["findings"][0]["span"]["start"], utf16(&text, "20-21 March 2023"));
    assert_eq!(v["findings"][0]["fix"]["replacement"], "20-22 March 2023");
    assert!(
        v["findings"][0]["sources"][0]
            .as_str()
            .is_some_and(|s| s.starts_with("http"))
    );
    let claims = v["claims"].as_array().cloned().unwrap_or_default();
    assert!(
        claims
            .iter()
            .any(|c| c["status"] == "consistent"
                && c["statement"] == "Qin Gang, foreign minister of China on 14 April 2023"),
        "{claims:#?}"
    );
    // The as-of override.
    let req = serde_json::json!({ "text": sample(), "asOf": "2023-08-01" }).to_string();
    let (_, _, body) = server.request("POST", "/api/check", &[], req.as_bytes());
    let v = json(&body);
    assert_eq!(v["asOf"]["source"], "flag");
    assert_eq!(v["asOf"]["text"], "as of 1 August 2023 (from --as-of)");
    let req = serde_json::json!({ "text": sample(), "asOf": "yesterday" }).to_string();
    let (status, _, _) = server.request("POST", "/api/check", &[], req.as_bytes());
    assert_eq!(status, 400);
}

#[test]
fn safe_by_default() {
    let server = Server::start(&[]);
    // DNS rebinding: a page at evil.example resolving to 127.0.0.1 sends its own Host.
    let answer = server.raw(
        b"GET /v2/healthcheck HTTP/1.1\r\nHost: evil.example:8081\r\n\r\n",
        false,
    );
    assert_eq!(split(&answer).0, 403, "{answer}");
    let answer = server.raw(
        b"GET /v2/healthcheck HTTP/1.1\r\nHost: localhost:8081\r\nOrigin: https://evil.example\r\n\r\n",
        true,
    );
    let (status, head, _) = split(&answer);
    assert_eq!(status, 200);
    assert!(!head.contains("Access-Control"), "{head}");
    // Over a megabyte: 413, whether the length is declared or the body is chunked.
    let answer = server.raw(
        b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\n\r\nlanguage=en",
        false,
    );
    assert_eq!(split(&answer).0, 413, "{answer}");
    let mut chunked = b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..20 {
        chunked.extend_from_slice(format!("{:x}\r\n", 100_000).as_bytes());
        chunked.extend(std::iter::repeat_n(b'a', 100_000));
        chunked.extend_from_slice(b"\r\n");
    }
    let answer = server.raw(&chunked, false);
    assert_eq!(split(&answer).0, 413);
    server.healthy();
}

#[test]
fn cors_only_for_the_allowed_origin() {
    let server = Server::start(&["--allow-origin", "app://obsidian.md"]);
    let answer = server.raw(
        b"OPTIONS /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: app://obsidian.md\r\nAccess-Control-Request-Method: POST\r\n\r\n",
        true,
    );
    let (status, head, _) = split(&answer);
    assert_eq!(status, 204);
    assert!(
        head.contains("Access-Control-Allow-Origin: app://obsidian.md"),
        "{head}"
    );
    let answer = server.raw(
        b"GET /v2/languages HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://other.example\r\n\r\n",
        true,
    );
    assert!(!split(&answer).1.contains("Access-Control"));
}

#[test]
fn bad_requests_never_stop_the_server() {
    let server = Server::start(&[]);
    let cases: &[(&[u8], u16)] = &[
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/3.0\r\nHost: 127.0.0.1\r\n\r\n", 505),
        (b"DELETE /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405),
        (b"GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404),
        (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nx=%%", 400),
        (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 13\r\n\r\ntext=whatever", 400),
        (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 11\r\n\r\nlanguage=en", 400),
        (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 25\r\n\r\nlanguage=en&data=%7Bnope", 400),
        (b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\n{x}", 400),
        (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nine\r\n\r\n", 400),
        (b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6", 400),
    ];
    for (request, expected) in cases {
        let answer = server.raw(request, true);
        let (status, _, body) = split(&answer);
        assert_eq!(status, *expected, "{:?} -> {answer}", String::from_utf8_lossy(request));
        assert!(body.starts_with("Error: ") || body.starts_with('{'), "{body}");
    }
    // Half-sent requests, and a client that goes away mid-body.
    for partial in [
        &b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le"[..],
        b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nlang",
    ] {
        let mut s = TcpStream::connect(&server.addr).unwrap_or_else(|e| panic!("{e}"));
        let _ = s.write_all(partial);
        drop(s);
    }
    // A language that is not English is answered, with nothing found.
    let (status, _, body) = server.form(&[("language", "de-DE"), ("text", &sample())]);
    assert_eq!(status, 200);
    assert_eq!(matches(&json(&body)).len(), 0);
    server.healthy();
}

#[test]
fn a_slow_client_is_cut_off_and_does_not_hold_up_others() {
    let server = Server::start(&[]);
    let addr = server.addr.clone();
    let slow = std::thread::spawn(move || {
        let mut s = TcpStream::connect(&addr).unwrap_or_else(|e| panic!("{e}"));
        s.set_read_timeout(Some(Duration::from_millis(100))).unwrap_or_default();
        let request = b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 40\r\n\r\nlanguage=en-US&text=one+byte+a+second";
        let started = Instant::now();
        let mut answer = Vec::new();
        for b in request {
            if s.write_all(&[*b]).is_err() {
                break;
            }
            let mut buf = [0u8; 512];
            if let Ok(n) = s.read(&mut buf)
                && n > 0
            {
                answer.extend_from_slice(&buf[..n]);
                break;
            }
            if started.elapsed() > Duration::from_secs(40) {
                break;
            }
            std::thread::sleep(Duration::from_millis(400));
        }
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap_or_default();
        let _ = s.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    });
    // Meanwhile others are served.
    std::thread::sleep(Duration::from_millis(300));
    let (status, _, _) = server.form(&[("language", "en-US"), ("text", "Fine.")]);
    assert_eq!(status, 200);
    let answer = slow.join().unwrap_or_default();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    server.healthy();
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_cleanly() {
    let mut server = Server::start(&[]);
    server.healthy();
    let pid = server.child.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(Some(exit)) = server.child.try_wait() {
            assert_eq!(exit.code(), Some(0));
            break;
        }
        assert!(Instant::now() < deadline, "factlint serve did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut err = String::new();
    if let Some(mut e) = server.child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    assert!(err.contains("stopped"), "{err}");
}
