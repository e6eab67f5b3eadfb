//! `factlint serve`: a local HTTP server with a page for editors (`/`) and LanguageTool's
//! HTTP API, version 2 (`/v2/…`), so the writing tools editors already use can show
//! factlint's findings. Both check a draft with `crate::check`, the function `check`
//! and `lsp` call, with the rules and configuration `check` would use in the directory the
//! server was started in.
//!
//! Safe by default: it listens on 127.0.0.1 only (`--public` listens on every interface,
//! with a warning), answers only requests whose `Host` names this server (against DNS
//! rebinding), sends no CORS header unless `--allow-origin` names the origin, caps request
//! bodies at 1 MB and each check's time, never logs or keeps a draft, and no bad request
//! stops it.
//!
//! The HTTP side is a small HTTP/1.1 implementation over `std::net` (`http`): the server
//! needs no more, and the binary, its build and `check`'s start-up carry no server stack.

mod http;
mod lt;
mod page;
mod utf16;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::extract::Extraction;
use crate::rules::Rules;
use crate::source::Document;
use http::{Conn, ReadError, Request, Response};

/// The port LanguageTool's own local server listens on, which clients suggest.
pub const DEFAULT_PORT: u16 = 8081;
/// The longest one check may take before the request is answered with 503.
pub const CHECK_TIME_LIMIT: Duration = Duration::from_secs(10);
/// Connections served at once; more are answered 503 and closed.
const MAX_CONNECTIONS: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub port: u16,
    pub bind: Option<IpAddr>,
    pub public: bool,
    pub allow_origin: Vec<String>,
    pub rules: Vec<PathBuf>,
    pub config: Option<PathBuf>,
}

/// What every request shares: the rules, the configuration, and the server's limits.
pub struct State {
    rules: Rules,
    config: Config,
    /// `Host` values accepted (lower case, without the port); `None`: any.
    hosts: Option<Vec<String>>,
    allow_origin: Vec<String>,
    slots: Arc<Slots>,
    stop: Arc<AtomicBool>,
}

/// A check of one draft, with the extraction for the claims.
pub struct Checked {
    pub doc: Document,
    pub ex: Extraction,
    pub findings: Vec<Diagnostic>,
}

/// Why a check gave no result.
pub enum CheckFailure {
    /// It took longer than `CHECK_TIME_LIMIT` (or waited that long for a free slot).
    TimedOut,
    /// It panicked.
    Crashed,
}

impl State {
    /// Check a draft with the shared pipeline, within the time limit. Checks run on their
    /// own threads, at most two per core at once; one that overruns keeps its slot until
    /// it ends, so runaway checks cannot pile up.
    pub fn check(&'static self, doc: Document, as_of: Option<NaiveDate>) -> Result<Checked, CheckFailure> {
        let deadline = Instant::now() + CHECK_TIME_LIMIT;
        let Some(permit) = self.slots.acquire(deadline) else {
            return Err(CheckFailure::TimedOut);
        };
        let opts = self.config.options(as_of, None);
        let (tx, rx) = std::sync::mpsc::channel();
        let rules: &'static Rules = &self.rules;
        let spawned = std::thread::Builder::new()
            .name("factlint-check".into())
            .spawn(move || {
                let _permit = permit;
                let result = catch_unwind(AssertUnwindSafe(|| {
                    let crate::Findings {
                        extraction: ex,
                        diagnostics: findings,
                    } = crate::check(&doc, rules, &crate::CheckConfig::new(opts));
                    Checked { doc, ex, findings }
                }));
                let _ = tx.send(result);
            });
        if spawned.is_err() {
            return Err(CheckFailure::Crashed);
        }
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(Ok(checked)) => Ok(checked),
            Ok(Err(_)) => Err(CheckFailure::Crashed),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(CheckFailure::TimedOut),
            Err(_) => Err(CheckFailure::Crashed),
        }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }
}

/// A counting semaphore for check threads.
struct Slots {
    free: Mutex<usize>,
    freed: Condvar,
}

struct Permit(Arc<Slots>);

impl Slots {
    fn acquire(self: &Arc<Self>, deadline: Instant) -> Option<Permit> {
        let mut free = self.free.lock().ok()?;
        while *free == 0 {
            let wait = deadline.checked_duration_since(Instant::now())?;
            let (guard, _) = self.freed.wait_timeout(free, wait).ok()?;
            free = guard;
        }
        *free -= 1;
        Some(Permit(self.clone()))
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        if let Ok(mut free) = self.0.free.lock() {
            *free += 1;
        }
        self.0.freed.notify_one();
    }
}

/// Run the server until Ctrl-C (or SIGTERM). Says on `out` the address it listens on, and
/// on `err` why it cannot start (the binary gives it standard output and error).
pub fn run(opts: &Options, out: &mut dyn std::io::Write, err: &mut dyn crate::report::WriteColor) -> Result<u8> {
    let cwd = PathBuf::from(".");
    let config_path = opts.config.clone().or_else(|| Config::discover(&cwd));
    let config = match &config_path {
        Some(path) => match Config::load(path) {
            Ok(c) => c,
            Err(e) => {
                crate::report::load_error(err, &e)?;
                return Ok(crate::EXIT_ERROR);
            }
        },
        None => Config::default(),
    };
    let rules = match Rules::for_config(&config, &opts.rules, false) {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                crate::report::load_error(err, e)?;
            }
            return Ok(crate::EXIT_ERROR);
        }
    };
    let ip = match (opts.bind, opts.public) {
        (Some(ip), _) => ip,
        (None, true) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        (None, false) => IpAddr::V4(Ipv4Addr::LOCALHOST),
    };
    if !ip.is_loopback() && !opts.public {
        writeln!(
            err,
            "error: --bind {ip} would let other machines reach the server: add --public if that is what you want"
        )?;
        return Ok(crate::EXIT_ERROR);
    }
    let listener = TcpListener::bind(SocketAddr::new(ip, opts.port))
        .with_context(|| format!("cannot listen on {}", SocketAddr::new(ip, opts.port)))?;
    let local = listener.local_addr()?;
    let hosts = if ip.is_loopback() {
        Some(
            ["localhost", "127.0.0.1", "[::1]", &host_name(ip)]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        )
    } else if ip.is_unspecified() {
        None
    } else {
        Some(vec![host_name(ip)])
    };
    let stop = Arc::new(AtomicBool::new(false));
    let state: &'static State = Box::leak(Box::new(State {
        rules,
        config,
        hosts,
        allow_origin: opts.allow_origin.clone(),
        slots: Arc::new(Slots {
            free: Mutex::new(std::thread::available_parallelism().map_or(2, |n| n.get() * 2)),
            freed: Condvar::new(),
        }),
        stop: stop.clone(),
    }));
    let wake = if ip.is_unspecified() {
        SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), local.port())
    } else {
        local
    };
    signals::catch_stop(wake, stop.clone());
    if opts.public {
        writeln!(
            err,
            "warning: --public: the server listens on {ip}, so other machines can send it drafts to check; \
             every Host is accepted. Use it only on a network you trust."
        )?;
    }
    {
        let shown = if ip.is_unspecified() {
            format!("127.0.0.1:{}", local.port())
        } else if ip.is_ipv6() {
            format!("[{ip}]:{}", local.port())
        } else {
            local.to_string()
        };
        writeln!(
            out,
            "factlint serve: listening on http://{shown}/ (LanguageTool API: http://{shown}/v2/check); Ctrl-C stops it"
        )?;
        out.flush()?;
    }
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            refuse(stream);
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let active2 = active.clone();
        let spawned = std::thread::Builder::new().name("factlint-http".into()).spawn(move || {
            serve_connection(stream, state);
            active2.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            active.fetch_sub(1, Ordering::SeqCst);
        }
    }
    // Let requests in flight finish; idle connections notice the stop within a tick.
    let until = Instant::now() + Duration::from_secs(3);
    while active.load(Ordering::SeqCst) > 0 && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    writeln!(err, "factlint serve: stopped")?;
    Ok(crate::EXIT_CLEAN)
}

fn host_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    }
}

/// Too many connections: say so and close.
fn refuse(stream: TcpStream) {
    if let Ok(mut conn) = Conn::new(stream) {
        let _ = conn.write_response(
            &Response::text(503, "Error: the server is busy; try again").closing(),
            false,
        );
    }
}

fn serve_connection(stream: TcpStream, state: &'static State) {
    let Ok(mut conn) = Conn::new(stream) else { return };
    conn.stop = Some(state.stop.clone());
    loop {
        match conn.read_request(&http::LIMITS) {
            Ok(request) => {
                let head_only = request.method == "HEAD";
                let mut response = catch_unwind(AssertUnwindSafe(|| handle(state, &request)))
                    .unwrap_or_else(|_| Response::text(500, "Error: internal error in factlint"));
                if !request.keep_alive || state.stop.load(Ordering::SeqCst) {
                    response.close = true;
                }
                if conn.write_response(&response, head_only).is_err() || response.close {
                    break;
                }
            }
            Err(ReadError::Closed) => break,
            Err(ReadError::Reply(status, message)) => {
                let _ = conn.write_response(&Response::text(status, message).closing(), false);
                conn.linger();
                break;
            }
        }
    }
}

/// Whether the request's `Host` names this server.
fn host_allowed(state: &State, request: &Request) -> bool {
    let Some(hosts) = &state.hosts else { return true };
    // A client that sends no Host (HTTP/1.0) is not a browser: DNS rebinding needs one.
    let Some(host) = request.header("host") else {
        return true;
    };
    let host = host.trim().to_ascii_lowercase();
    let name = if host.starts_with('[') {
        host.split_once(']').map_or(host.as_str(), |(h, _)| h).to_string() + "]"
    } else {
        host.split(':').next().unwrap_or("").to_string()
    };
    hosts.contains(&name)
}

/// The CORS headers for a request from an allowed origin.
fn cors(state: &State, request: &Request, mut response: Response) -> Response {
    let Some(origin) = request.header("origin") else {
        return response;
    };
    let allowed = state
        .allow_origin
        .iter()
        .any(|o| o == "*" || o.eq_ignore_ascii_case(origin));
    if allowed {
        let value = if state.allow_origin.iter().any(|o| o == "*") {
            "*".to_string()
        } else {
            origin.to_string()
        };
        response = response
            .with_header("Access-Control-Allow-Origin", value)
            .with_header("Vary", "Origin");
        if request.method == "OPTIONS" {
            response = response
                .with_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .with_header(
                    "Access-Control-Allow-Headers",
                    request
                        .header("access-control-request-headers")
                        .unwrap_or("Content-Type")
                        .to_string(),
                )
                .with_header("Access-Control-Max-Age", "600");
        }
    }
    response
}

fn handle(state: &'static State, request: &Request) -> Response {
    if !host_allowed(state, request) {
        return Response::text(
            403,
            "Error: this server answers only requests addressed to localhost or 127.0.0.1 (see --public)",
        )
        .closing();
    }
    let response = route(state, request);
    cors(state, request, response)
}

fn route(state: &'static State, request: &Request) -> Response {
    let method = request.method.as_str();
    if method == "OPTIONS" {
        return Response::new(204, "text/plain; charset=utf-8", Vec::new()).with_header("Allow", "GET, POST, OPTIONS");
    }
    let get = matches!(method, "GET" | "HEAD");
    let path = request.path.as_str();
    let wrong_method = |allow: &'static str| {
        Response::text(405, format!("Error: {method} is not allowed on {path}; use {allow}"))
            .with_header("Allow", allow)
    };
    match path {
        "/" | "/index.html" | "/app.js" | "/app.css" | "/api/sample" | "/favicon.ico" if !get => wrong_method("GET"),
        "/" | "/index.html" => page::index(),
        "/app.js" => page::script(),
        "/app.css" => page::style(),
        "/api/sample" => page::sample(),
        "/favicon.ico" => Response::new(204, "image/x-icon", Vec::new()),
        "/api/check" if method == "POST" => page::check(state, request),
        "/api/check" => wrong_method("POST"),
        "/v2/check" if method == "POST" || get => lt::check(state, request),
        "/v2/check" => wrong_method("GET, POST"),
        "/v2/languages" | "/v2/configinfo" | "/v2/info" | "/v2/maxtextlength" | "/v2/healthcheck" if !get => {
            wrong_method("GET")
        }
        "/v2/languages" => lt::languages(),
        "/v2/configinfo" => lt::configinfo(state, request),
        "/v2/info" => lt::info(),
        "/v2/maxtextlength" => Response::text(200, lt::MAX_TEXT_LENGTH.to_string()),
        "/v2/healthcheck" => Response::text(200, "OK"),
        _ => Response::text(404, format!("Error: no such path: {}", printable(path))),
    }
}

/// A path as it may be echoed back: printable ASCII, cut short.
fn printable(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_graphic()).take(100).collect()
}

#[cfg(unix)]
mod signals {
    use super::*;

    /// Block SIGINT and SIGTERM in this thread and every thread started after it, and
    /// wait for them on a thread of their own: on one, set `stop` and wake the accepting
    /// thread with a connection to `wake`.
    pub fn catch_stop(wake: SocketAddr, stop: Arc<AtomicBool>) {
        // SAFETY: plain calls into libc with a signal set owned by this function and the
        // thread it moves into.
        #[allow(unsafe_code)]
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, libc::SIGINT);
            libc::sigaddset(&mut set, libc::SIGTERM);
            if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
                return;
            }
            let _ = std::thread::Builder::new()
                .name("factlint-signals".into())
                .spawn(move || {
                    let mut sig: libc::c_int = 0;
                    libc::sigwait(&set, &mut sig);
                    stop.store(true, Ordering::SeqCst);
                    let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
                });
        }
    }
}

#[cfg(not(unix))]
mod signals {
    use super::*;

    /// Elsewhere Ctrl-C ends the process as usual: the server keeps nothing to save.
    pub fn catch_stop(_wake: SocketAddr, _stop: Arc<AtomicBool>) {}
}
