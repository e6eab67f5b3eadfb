//! The page for editors: its HTML, script and style are built into the binary (nothing is
//! fetched from elsewhere, so it works offline), and `POST /api/check` checks a draft and
//! answers with the findings, the as-of date and the claims, offsets in UTF-16 code units
//! as JavaScript counts them.

use serde::Deserialize;
use serde_json::{Value, json};

use super::http::{Request, Response};
use super::utf16::Utf16;
use super::{CheckFailure, State};
use crate::diagnostic::Severity;
use crate::source::{Document, Format};

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");
const SAMPLE: &str = include_str!("../../fixtures/sample/samarkand-2023-04-14.txt");

/// Only this server's own script and style, and requests to itself.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub fn index() -> Response {
    Response::new(200, "text/html; charset=utf-8", INDEX)
        .with_header("Content-Security-Policy", POLICY)
        .with_header("X-Frame-Options", "DENY")
        .with_header("Referrer-Policy", "no-referrer")
}

pub fn script() -> Response {
    Response::new(200, "text/javascript; charset=utf-8", SCRIPT)
}

pub fn style() -> Response {
    Response::new(200, "text/css; charset=utf-8", STYLE)
}

pub fn sample() -> Response {
    Response::json(200, &json!({ "name": "samarkand-2023-04-14.txt", "text": SAMPLE }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CheckRequest {
    text: String,
    /// `text` or `markdown`; by default from the name, else text.
    #[serde(default)]
    format: Option<String>,
    /// The file name the editor opened, if any: only its extension is used.
    #[serde(default)]
    name: Option<String>,
    /// `YYYY-MM-DD`: overrides the draft's own date.
    #[serde(default)]
    as_of: Option<String>,
}

fn bad(message: impl Into<String>) -> Response {
    Response::json(400, &json!({ "error": message.into() }))
}

/// `POST /api/check` with `{"text": …, "format": "text" | "markdown", "asOf": "YYYY-MM-DD"}`.
pub fn check(state: &'static State, request: &Request) -> Response {
    let body: CheckRequest = match serde_json::from_slice(&request.body) {
        Ok(b) => b,
        Err(e) => return bad(format!("the request is not a JSON object with a `text`: {e}")),
    };
    let as_of = match body.as_of.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => return bad(format!("`{}` is not a date: write YYYY-MM-DD", super::printable(s))),
        },
    };
    let format = match body.format.as_deref() {
        Some("markdown") => Format::Markdown,
        Some("text") => Format::Text,
        _ => body.name.as_deref().map_or(Format::Text, Format::from_path),
    };
    // A pasted draft is text: a Word document cannot be pasted, only its words.
    let (name, format) = match format {
        Format::Markdown => ("draft.md", Format::Markdown),
        Format::Html => ("draft.html", Format::Html),
        Format::Text | Format::Docx => ("draft.txt", Format::Text),
    };
    let text = body
        .text
        .strip_prefix('\u{feff}')
        .map_or(body.text.clone(), str::to_string);
    let checked = match state.check(Document::new(name, text, format), as_of) {
        Ok(c) => c,
        Err(CheckFailure::TimedOut) => {
            return Response::json(
                503,
                &json!({ "error": format!("the check took longer than {} seconds", super::CHECK_TIME_LIMIT.as_secs()) }),
            );
        }
        Err(CheckFailure::Crashed) => return Response::json(500, &json!({ "error": "internal error in factlint" })),
    };
    let doc = &checked.doc;
    let index = Utf16::new(&doc.text);
    let span = |s: &std::ops::Range<usize>| {
        let (start, len) = index.span(s);
        json!({ "start": start, "end": start + len })
    };
    let findings: Vec<Value> = checked
        .findings
        .iter()
        .map(|d| {
            json!({
                "rule": d.rule,
                "severity": d.severity,
                "message": d.message,
                "label": d.label,
                "span": span(&d.span),
                "text": crate::text::get(&doc.text, d.span.clone()),
                "labels": d.labels.iter().map(|l| json!({ "message": l.message, "span": span(&l.span) })).collect::<Vec<_>>(),
                "notes": d.notes,
                "records": d.records,
                "sources": super::lt::source_urls(d),
                "docs": super::lt::rule_url(&d.rule),
                "fix": d.suggestion.as_ref().map(|s| json!({ "replacement": s.replacement, "span": span(&s.span) })),
            })
        })
        .collect();
    let count = |s: Severity| checked.findings.iter().filter(|d| d.severity == s).count();
    let claims: Vec<Value> = crate::claims::of_draft(doc, &state.rules().kb, &checked.ex, &checked.findings)
        .into_iter()
        .map(|c| {
            let mut v = serde_json::to_value(&c).unwrap_or(Value::Null);
            if let Some(obj) = v.as_object_mut() {
                obj.insert("span".to_string(), span(&c.span));
            }
            v
        })
        .collect();
    Response::json(
        200,
        &json!({
            "asOf": {
                "date": checked.ex.as_of.date,
                "source": checked.ex.as_of.source,
                "text": checked.ex.as_of.to_string(),
                "guessed": checked.ex.as_of.guessed_year,
            },
            "counts": { "error": count(Severity::Error), "warning": count(Severity::Warning), "info": count(Severity::Info) },
            "findings": findings,
            "claims": claims,
        }),
    )
}
