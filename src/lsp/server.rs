//! The language server proper: documents kept in sync with the editor (incremental
//! changes), rules loaded per `factlint.toml` and cached, findings published as
//! diagnostics, quick fixes for findings with a suggestion, and hover with the facts.
//!
//! Everything runs on one thread. Messages that arrive together are handled first and the
//! diagnostics published once after them, so a burst of keystrokes costs one check.

use std::collections::{BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::SystemTime;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use serde_json::Value;

use super::convert::{self, Encoding};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Rules;
use crate::source::{Document, Format};
use crate::text::LineIndex;

/// Where a rule's documentation lives (`#` + the id with `/` as `-`).
pub const RULE_DOCS: &str = "https://github.com/factlint/factlint/blob/main/docs/rules.md";

/// Serve `conn` until the client sends `exit` or disconnects.
pub fn serve(conn: Connection) -> anyhow::Result<()> {
    let mut server = Server::new(&conn);
    'serve: while let Ok(msg) = conn.receiver.recv() {
        if server.dispatch(msg) == Flow::Exit {
            break;
        }
        // Handle whatever else is already waiting before checking and publishing.
        while let Ok(msg) = conn.receiver.try_recv() {
            if server.dispatch(msg) == Flow::Exit {
                break 'serve;
            }
        }
        server.publish_pending();
        if server.disconnected {
            break;
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

/// Rules and extraction options for one configuration.
struct RuleSet {
    rules: Rules,
    opts: crate::extract::Options,
}

/// A cached rule set and the modification time of the configuration it came from.
struct Cached {
    set: Option<Rc<RuleSet>>,
    mtime: Option<SystemTime>,
}

struct OpenDocument {
    uri: lsp::Uri,
    version: i32,
    text: String,
    /// What `Document::new` is given: the file path, or the URI for unsaved buffers.
    name: String,
    format: Format,
    /// The nearest `factlint.toml`, looked up on open and save.
    config: Option<PathBuf>,
    /// Findings for the current text; `None` when the text changed since.
    checked: Option<Checked>,
    /// Diagnostics not yet published for the current text.
    unpublished: bool,
}

struct Checked {
    findings: Vec<Diagnostic>,
    index: LineIndex,
}

struct Server<'a> {
    conn: &'a Connection,
    encoding: Encoding,
    markdown: bool,
    initialized: bool,
    shutdown: bool,
    disconnected: bool,
    docs: HashMap<String, OpenDocument>,
    rules: HashMap<Option<PathBuf>, Cached>,
}

impl<'a> Server<'a> {
    fn new(conn: &'a Connection) -> Self {
        Server {
            conn,
            encoding: Encoding::Utf16,
            markdown: true,
            initialized: false,
            shutdown: false,
            disconnected: false,
            docs: HashMap::new(),
            rules: HashMap::new(),
        }
    }

    fn send(&mut self, msg: impl Into<Message>) {
        if self.conn.sender.send(msg.into()).is_err() {
            self.disconnected = true;
        }
    }

    fn notify(&mut self, method: &str, params: impl serde::Serialize) {
        if let Ok(params) = serde_json::to_value(params) {
            self.send(Notification {
                method: method.to_string(),
                params,
            });
        }
    }

    fn show_error(&mut self, message: String) {
        self.notify(
            "window/showMessage",
            lsp::ShowMessageParams {
                typ: lsp::MessageType::ERROR,
                message,
            },
        );
    }

    fn log(&mut self, message: String) {
        self.notify(
            "window/logMessage",
            lsp::LogMessageParams {
                typ: lsp::MessageType::WARNING,
                message,
            },
        );
    }

    fn reply_err(&mut self, id: RequestId, code: ErrorCode, message: impl Into<String>) {
        self.send(Response::new_err(id, code as i32, message.into()));
    }

    /// Handle one message; a panic in a handler is caught and, for a request, answered
    /// with an internal error, so that one bad draft cannot take the server down.
    fn dispatch(&mut self, msg: Message) -> Flow {
        let id = match &msg {
            Message::Request(r) => Some(r.id.clone()),
            _ => None,
        };
        match catch_unwind(AssertUnwindSafe(|| self.handle(msg))) {
            Ok(flow) => flow,
            Err(_) => {
                if let Some(id) = id {
                    self.reply_err(id, ErrorCode::InternalError, "internal error in factlint");
                }
                Flow::Continue
            }
        }
    }

    fn handle(&mut self, msg: Message) -> Flow {
        match msg {
            Message::Request(req) => {
                self.request(req);
                Flow::Continue
            }
            Message::Notification(n) if n.method == "exit" => Flow::Exit,
            Message::Notification(n) => {
                if self.initialized {
                    self.notification(n);
                }
                Flow::Continue
            }
            Message::Response(_) => Flow::Continue,
        }
    }

    fn request(&mut self, req: Request) {
        if !self.initialized {
            if req.method == "initialize" {
                let result = self.initialize(&req.params);
                self.send(Response::new_ok(req.id, result));
                self.initialized = true;
            } else {
                self.reply_err(req.id, ErrorCode::ServerNotInitialized, "the server is not initialized");
            }
            return;
        }
        if self.shutdown {
            self.reply_err(req.id, ErrorCode::InvalidRequest, "the server is shutting down");
            return;
        }
        match req.method.as_str() {
            "initialize" => self.reply_err(req.id, ErrorCode::InvalidRequest, "already initialized"),
            "shutdown" => {
                self.shutdown = true;
                self.send(Response::new_ok(req.id, Value::Null));
            }
            "textDocument/codeAction" => match serde_json::from_value::<lsp::CodeActionParams>(req.params) {
                Ok(params) => {
                    let actions = self.code_actions(&params);
                    self.send(Response::new_ok(req.id, actions));
                }
                Err(e) => self.reply_err(req.id, ErrorCode::InvalidParams, e.to_string()),
            },
            "textDocument/hover" => match serde_json::from_value::<lsp::HoverParams>(req.params) {
                Ok(params) => {
                    let hover = self.hover(&params);
                    self.send(Response::new_ok(req.id, hover));
                }
                Err(e) => self.reply_err(req.id, ErrorCode::InvalidParams, e.to_string()),
            },
            method => {
                let message = format!("unknown method `{method}`");
                self.reply_err(req.id, ErrorCode::MethodNotFound, message);
            }
        }
    }

    /// Read only what is needed from the client's capabilities (a client whose
    /// `InitializeParams` do not match `lsp-types` exactly is still served).
    fn initialize(&mut self, params: &Value) -> lsp::InitializeResult {
        let offered: Option<Vec<lsp::PositionEncodingKind>> = params
            .pointer("/capabilities/general/positionEncodings")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .map(|s| s.to_string().into())
                    .collect()
            });
        self.encoding = Encoding::negotiate(offered.as_deref());
        self.markdown = match params.pointer("/capabilities/textDocument/hover/contentFormat") {
            Some(Value::Array(kinds)) => kinds.iter().any(|k| k == "markdown"),
            _ => true,
        };
        let capabilities = lsp::ServerCapabilities {
            position_encoding: Some(self.encoding.kind()),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(lsp::SaveOptions {
                    include_text: Some(true),
                })),
                ..Default::default()
            })),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..Default::default()
            })),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            ..Default::default()
        };
        lsp::InitializeResult {
            capabilities,
            server_info: Some(lsp::ServerInfo {
                name: "factlint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        }
    }

    fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let result = match method.as_str() {
            "textDocument/didOpen" => serde_json::from_value(n.params).map(|p| self.did_open(p)),
            "textDocument/didChange" => serde_json::from_value(n.params).map(|p| self.did_change(p)),
            "textDocument/didSave" => serde_json::from_value(n.params).map(|p| self.did_save(p)),
            "textDocument/didClose" => serde_json::from_value(n.params).map(|p| self.did_close(p)),
            "workspace/didChangeWatchedFiles" => {
                self.reload_rules();
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            self.log(format!("factlint: ignored `{method}` with bad parameters: {e}"));
        }
    }

    fn did_open(&mut self, p: lsp::DidOpenTextDocumentParams) {
        let uri = p.text_document.uri;
        let file = convert::uri_to_path(uri.as_str());
        let name = file
            .as_ref()
            .map_or_else(|| uri.as_str().to_string(), |f| f.display().to_string());
        let format = if p.text_document.language_id == "markdown" {
            Format::Markdown
        } else {
            Format::from_path(&name)
        };
        let config = file.as_deref().and_then(Config::discover);
        self.docs.insert(
            uri.as_str().to_string(),
            OpenDocument {
                uri,
                version: p.text_document.version,
                text: p.text_document.text,
                name,
                format,
                config,
                checked: None,
                unpublished: true,
            },
        );
    }

    fn did_change(&mut self, p: lsp::DidChangeTextDocumentParams) {
        let enc = self.encoding;
        let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) else {
            return;
        };
        for change in &p.content_changes {
            convert::apply_change(&mut doc.text, change, enc);
        }
        doc.version = p.text_document.version;
        doc.checked = None;
        doc.unpublished = true;
    }

    fn did_save(&mut self, p: lsp::DidSaveTextDocumentParams) {
        let key = p.text_document.uri.as_str();
        // Saving a configuration or a rule file may change the rules of every document.
        if key.ends_with(".toml") {
            self.reload_rules();
        }
        let Some(doc) = self.docs.get_mut(key) else { return };
        if let Some(text) = p.text {
            doc.text = text;
        }
        doc.config = convert::uri_to_path(key).as_deref().and_then(Config::discover);
        doc.checked = None;
        doc.unpublished = true;
    }

    fn did_close(&mut self, p: lsp::DidCloseTextDocumentParams) {
        if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
            self.notify(
                "textDocument/publishDiagnostics",
                lsp::PublishDiagnosticsParams {
                    uri: doc.uri,
                    diagnostics: Vec::new(),
                    version: None,
                },
            );
        }
    }

    /// Forget every loaded rule set and re-check every open document.
    fn reload_rules(&mut self) {
        self.rules.clear();
        for doc in self.docs.values_mut() {
            doc.checked = None;
            doc.unpublished = true;
        }
    }

    /// The rules for a configuration (`None`: the defaults), loaded once and reloaded when
    /// the file's modification time changes. A configuration or pack that does not load is
    /// reported once with `window/showMessage` and the default rules are used instead.
    fn rule_set(&mut self, config: Option<&Path>) -> Option<Rc<RuleSet>> {
        let key = config.map(Path::to_path_buf);
        let mtime = config.and_then(|p| std::fs::metadata(p).ok()?.modified().ok());
        if let Some(c) = self.rules.get(&key)
            && c.mtime == mtime
        {
            return c.set.clone();
        }
        let set = match config {
            None => self.load(&Config::default()),
            Some(path) => match Config::load(path) {
                Ok(cfg) => match self.load(&cfg) {
                    Some(set) => Some(set),
                    None => self.rule_set(None),
                },
                Err(e) => {
                    self.show_error(format!("factlint: {}; using the default rules", describe(&e)));
                    self.rule_set(None)
                }
            },
        };
        self.rules.insert(
            key,
            Cached {
                set: set.clone(),
                mtime,
            },
        );
        set
    }

    fn load(&mut self, cfg: &Config) -> Option<Rc<RuleSet>> {
        match Rules::for_config(cfg, &[], false) {
            Ok(rules) => Some(Rc::new(RuleSet {
                rules,
                opts: cfg.options(None, None),
            })),
            Err(errors) => {
                let shown: Vec<String> = errors.iter().take(3).map(describe).collect();
                let more = errors.len().saturating_sub(shown.len());
                let more = if more > 0 {
                    format!(" (and {more} more)")
                } else {
                    String::new()
                };
                let fallback = if cfg.path.is_some() {
                    "; using the default rules"
                } else {
                    ""
                };
                self.show_error(format!("factlint: {}{more}{fallback}", shown.join("; ")));
                None
            }
        }
    }

    /// Check a document if its text changed since its last check.
    fn ensure_checked(&mut self, key: &str) {
        let config = match self.docs.get(key) {
            Some(doc) if doc.checked.is_none() => doc.config.clone(),
            _ => return,
        };
        let set = self.rule_set(config.as_deref());
        let Some(doc) = self.docs.get_mut(key) else { return };
        let findings = match set {
            Some(set) => {
                let draft = Document::new(doc.name.clone(), doc.text.clone(), doc.format);
                catch_unwind(AssertUnwindSafe(|| {
                    crate::check(&draft, &set.rules, &crate::CheckConfig::new(set.opts)).diagnostics
                }))
                .unwrap_or_default()
            }
            None => Vec::new(),
        };
        doc.checked = Some(Checked {
            findings,
            index: LineIndex::new(&doc.text),
        });
    }

    fn publish_pending(&mut self) {
        let keys: BTreeSet<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.unpublished)
            .map(|(k, _)| k.clone())
            .collect();
        for key in keys {
            self.ensure_checked(&key);
            let enc = self.encoding;
            let Some(doc) = self.docs.get_mut(&key) else { continue };
            doc.unpublished = false;
            let Some(checked) = &doc.checked else { continue };
            let diagnostics = checked
                .findings
                .iter()
                .map(|d| to_lsp(d, &doc.uri, &doc.text, &checked.index, enc))
                .collect();
            let params = lsp::PublishDiagnosticsParams {
                uri: doc.uri.clone(),
                diagnostics,
                version: Some(doc.version),
            };
            self.notify("textDocument/publishDiagnostics", params);
        }
    }

    fn code_actions(&mut self, p: &lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let wants_quickfix = p.context.only.as_ref().is_none_or(|only| {
            only.iter()
                .any(|k| *k == lsp::CodeActionKind::QUICKFIX || k.as_str().is_empty())
        });
        let key = p.text_document.uri.as_str();
        self.ensure_checked(key);
        let enc = self.encoding;
        let Some(doc) = self.docs.get(key) else {
            return Vec::new();
        };
        let Some(checked) = &doc.checked else { return Vec::new() };
        if !wants_quickfix {
            return Vec::new();
        }
        let asked = checked.index.span(&doc.text, p.range, enc);
        let mut actions = Vec::new();
        for d in &checked.findings {
            let Some(fix) = &d.suggestion else { continue };
            let touches = |s: &std::ops::Range<usize>| s.start <= asked.end && asked.start <= s.end;
            if !touches(&d.span) && !touches(&fix.span) {
                continue;
            }
            let edit = lsp::TextEdit {
                range: checked.index.range(&doc.text, &fix.span, enc),
                new_text: fix.replacement.clone(),
            };
            actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!("Replace with `{}`", fix.replacement),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(d, &doc.uri, &doc.text, &checked.index, enc)]),
                edit: Some(lsp::WorkspaceEdit {
                    changes: Some(HashMap::from([(doc.uri.clone(), vec![edit])])),
                    ..Default::default()
                }),
                is_preferred: Some(true),
                ..Default::default()
            }));
        }
        actions
    }

    fn hover(&mut self, p: &lsp::HoverParams) -> Option<lsp::Hover> {
        let at = &p.text_document_position_params;
        let key = at.text_document.uri.as_str();
        self.ensure_checked(key);
        let doc = self.docs.get(key)?;
        let checked = doc.checked.as_ref()?;
        let offset = checked.index.offset(&doc.text, at.position, self.encoding);
        let hits: Vec<&Diagnostic> = checked
            .findings
            .iter()
            .filter(|d| d.span.start <= offset && offset <= d.span.end)
            .collect();
        let first = hits.first()?;
        let text = hits
            .iter()
            .map(|d| hover_text(d, self.markdown))
            .collect::<Vec<_>>()
            .join(if self.markdown { "\n\n---\n\n" } else { "\n\n" });
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: if self.markdown {
                    lsp::MarkupKind::Markdown
                } else {
                    lsp::MarkupKind::PlainText
                },
                value: text,
            }),
            range: Some(checked.index.range(&doc.text, &first.span, self.encoding)),
        })
    }
}

/// `path:line:col: message` for a load error.
fn describe(e: &crate::error::LoadError) -> String {
    match e.line_col() {
        Some((line, col)) => format!("{}:{line}:{col}: {}", e.path, e.message),
        None => e.to_string(),
    }
}

/// The documentation link of one of factlint's own rules.
pub fn rule_link(rule: &str) -> Option<String> {
    crate::checks::is_reported(rule).then(|| format!("{RULE_DOCS}#{}", rule.replace('/', "-")))
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// A finding as an LSP diagnostic: the notes go into the message (after a newline), the
/// secondary labels become related information in the same document.
fn to_lsp(d: &Diagnostic, uri: &lsp::Uri, text: &str, index: &LineIndex, enc: Encoding) -> lsp::Diagnostic {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push('\n');
        message.push_str(note);
    }
    let mut related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: uri.clone(),
                range: index.range(text, &l.span, enc),
            },
            message: l.message.clone(),
        })
        .collect();
    // The knowledge-base entries the finding rests on, where they are files the editor
    // can open (a newsroom's own pack, or the default rules in a checkout).
    for r in &d.records {
        let Some(file) = std::fs::canonicalize(&r.path).ok() else {
            continue;
        };
        let Some(file_uri) = format!("file://{}", file.display()).parse::<lsp::Uri>().ok() else {
            continue;
        };
        let line = u32::try_from(r.line.saturating_sub(1)).unwrap_or(0);
        related.push(lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: file_uri,
                range: lsp::Range::new(lsp::Position::new(line, 0), lsp::Position::new(line, 0)),
            },
            message: format!("the record: {}:{}", r.path, r.line),
        });
    }
    lsp::Diagnostic {
        range: index.range(text, &d.span, enc),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.clone())),
        code_description: rule_link(&d.rule)
            .and_then(|l| l.parse::<lsp::Uri>().ok())
            .map(|href| lsp::CodeDescription { href }),
        source: Some("factlint".to_string()),
        message,
        related_information: if related.is_empty() { None } else { Some(related) },
        tags: None,
        data: None,
    }
}

/// What hover shows for a finding: the message, what the record says, the facts with
/// their sources, the fix, and the rule.
fn hover_text(d: &Diagnostic, markdown: bool) -> String {
    let mut out = Vec::new();
    if markdown {
        out.push(format!("**{}**: {}", d.severity, d.message));
        if !d.label.is_empty() {
            out.push(format!("_{}_", d.label));
        }
        if !d.notes.is_empty() {
            out.push(d.notes.iter().map(|n| format!("- {n}")).collect::<Vec<_>>().join("\n"));
        }
        if let Some(fix) = &d.suggestion {
            out.push(format!("Fix: write `{}`", fix.replacement));
        }
        out.push(match rule_link(&d.rule) {
            Some(link) => format!("[`{}`]({link})", d.rule),
            None => format!("`{}`", d.rule),
        });
    } else {
        out.push(format!("{}: {}", d.severity, d.message));
        if !d.label.is_empty() {
            out.push(d.label.clone());
        }
        for n in &d.notes {
            out.push(format!("note: {n}"));
        }
        if let Some(fix) = &d.suggestion {
            out.push(format!("fix: write `{}`", fix.replacement));
        }
        out.push(format!("rule: {}", d.rule));
    }
    out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn records_on_disk_become_related_information() {
        let text = "Foreign Minister Qin Gang spoke.";
        let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
        let d = Diagnostic::new("title/wrong-holder", Severity::Error, 0..25, "m")
            .with_record(manifest, 3)
            .with_record("rules/kb/not-on-disk-anywhere.toml", 9);
        let uri: lsp::Uri = "file:///tmp/draft.md".parse().unwrap_or_else(|_| unreachable!());
        let out = to_lsp(&d, &uri, text, &LineIndex::new(text), Encoding::Utf16);
        let related = out.related_information.unwrap_or_default();
        assert_eq!(related.len(), 1);
        assert!(related[0].location.uri.as_str().ends_with("/Cargo.toml"));
        assert_eq!(related[0].location.range.start.line, 2);
    }
}
