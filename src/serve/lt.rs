//! LanguageTool's HTTP API, version 2, as its clients use it: `POST /v2/check` with a form
//! (`text` or `data`, `language`), answered in LanguageTool's shape with offsets and
//! lengths in UTF-16 code units, and the small endpoints clients ask before checking.
//!
//! Known quirks of real clients, handled here: ltex sends a form body labelled
//! `application/json`, so the body is read as a form whatever its `Content-Type` says (a
//! body that is a JSON object is read as one); most clients ignore `rule.urls`, so the
//! record's source is in the message too; LibreOffice colours by `rule.category.id`, so
//! factlint's findings have a category of their own (`FACTLINT`).

use std::collections::HashSet;

use serde_json::{Value, json};

use super::http::{Request, Response, parse_form};
use super::utf16::Utf16;
use super::{CheckFailure, State};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Document, Format};

/// The longest text checked, in characters (LanguageTool counts them so too).
pub const MAX_TEXT_LENGTH: usize = 500_000;
pub const CATEGORY_ID: &str = "FACTLINT";
const CATEGORY_NAME: &str = "Facts (factlint)";

const LANGUAGES: &[(&str, &str, &str)] = &[
    ("English", "en", "en"),
    ("English (US)", "en", "en-US"),
    ("English (GB)", "en", "en-GB"),
    ("English (Australian)", "en", "en-AU"),
    ("English (Canadian)", "en", "en-CA"),
    ("English (New Zealand)", "en", "en-NZ"),
    ("English (South African)", "en", "en-ZA"),
];

fn software() -> Value {
    json!({
        "name": "factlint",
        "version": env!("CARGO_PKG_VERSION"),
        "buildDate": "",
        "apiVersion": 1,
        "premium": false,
        "premiumHint": "",
        "status": ""
    })
}

fn error(status: u16, message: impl Into<String>) -> Response {
    Response::text(status, format!("Error: {}", message.into()))
}

/// The request's parameters: the query string, then the body read as a form (or as a JSON
/// object, when it is one), whatever the `Content-Type` says.
fn params(request: &Request) -> Result<Vec<(String, String)>, Response> {
    let mut out = Vec::new();
    parse_form(&request.query, &mut out);
    let body = std::str::from_utf8(&request.body).map_err(|_| error(400, "the request body is not valid UTF-8"))?;
    let trimmed = body.trim_start();
    if trimmed.starts_with('{')
        && let Ok(Value::Object(map)) = serde_json::from_str::<Value>(trimmed)
    {
        for (k, v) in map {
            let v = match v {
                Value::String(s) => s,
                other => other.to_string(),
            };
            out.retain(|(n, _)| *n != k);
            out.push((k, v));
        }
        return Ok(out);
    }
    if request
        .header("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/form-data"))
    {
        return Err(error(
            415,
            "multipart/form-data is not read: send the form as application/x-www-form-urlencoded",
        ));
    }
    parse_form(body.trim_end_matches(['\r', '\n']), &mut out);
    Ok(out)
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn list(params: &[(String, String)], name: &str) -> HashSet<String> {
    param(params, name)
        .map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// A draft from LanguageTool's annotated text: `{"annotation": [{"text": …}, {"markup":
/// …, "interpretAs": …}]}`. Positions count in the whole text, markup included, so the
/// draft's text is all of it and its prose has the markup blanked (a markup read as a
/// line break keeps its line breaks).
fn annotated(data: &str) -> Result<Document, Response> {
    let bad = |why: &str| error(400, format!("the 'data' parameter is not valid annotated text: {why}"));
    let value: Value = serde_json::from_str(data).map_err(|e| bad(&e.to_string()))?;
    let parts = value
        .get("annotation")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("it has no 'annotation' list"))?;
    let mut text = String::new();
    let mut prose = String::new();
    let mut breaks = Vec::new();
    for part in parts {
        if let Some(t) = part.get("text").and_then(Value::as_str) {
            text.push_str(t);
            prose.push_str(t);
        } else if let Some(m) = part.get("markup").and_then(Value::as_str) {
            let interpret = part.get("interpretAs").and_then(Value::as_str).unwrap_or("");
            text.push_str(m);
            let newlines = interpret.matches('\n').count();
            // Every byte of a multi-byte char becomes a space, so lengths agree.
            let mut blank: String = m
                .chars()
                .map(|c| {
                    if c == '\n' {
                        "\n".to_string()
                    } else {
                        " ".repeat(c.len_utf8())
                    }
                })
                .collect();
            if newlines > 0 && !blank.contains('\n') {
                let n = newlines.min(blank.len());
                blank.replace_range(..n, &"\n".repeat(n));
                if newlines >= 2 {
                    breaks.push(prose.len());
                }
            }
            prose.push_str(&blank);
        } else {
            return Err(bad("an entry has neither 'text' nor 'markup'"));
        }
    }
    let mut doc = Document::new("<request>", prose, Format::Text);
    doc.text = text;
    doc.breaks.extend(breaks);
    doc.breaks.sort_unstable();
    Ok(doc)
}

/// `POST /v2/check`.
pub fn check(state: &'static State, request: &Request) -> Response {
    let params = match params(request) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let language = match param(&params, "language") {
        Some(l) if !l.trim().is_empty() => l.trim().to_string(),
        _ => {
            return error(
                400,
                "Missing 'language' parameter, e.g. 'language=en-US' or 'language=auto'",
            );
        }
    };
    let valid = language == "auto"
        || language
            .split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !valid {
        return error(400, format!("'{}' is not a language code", super::printable(&language)));
    }
    let doc = match (param(&params, "text"), param(&params, "data")) {
        (Some(_), Some(_)) => return error(400, "Set only 'text' or 'data', not both"),
        (None, None) => return error(400, "Missing 'text' or 'data' parameter"),
        (Some(text), None) => Document::new("<request>", text.to_string(), Format::Text),
        (None, Some(data)) => match annotated(data) {
            Ok(d) => d,
            Err(r) => return r,
        },
    };
    let length = doc.text.encode_utf16().count();
    if length > MAX_TEXT_LENGTH {
        return error(
            413,
            format!("Your text exceeds the limit of {MAX_TEXT_LENGTH} characters (it's {length} characters)."),
        );
    }
    let english = language == "auto" || language == "en" || language.starts_with("en-");
    let code = match language.as_str() {
        "auto" => param(&params, "preferredVariants")
            .and_then(|v| v.split(',').map(str::trim).find(|v| v.starts_with("en-")))
            .unwrap_or("en-US")
            .to_string(),
        _ => language.clone(),
    };
    let name = LANGUAGES
        .iter()
        .find(|(_, _, c)| c.eq_ignore_ascii_case(&code))
        .map_or_else(|| code.clone(), |(n, _, _)| n.to_string());
    let mut matches = Vec::new();
    if english && !doc.text.trim().is_empty() {
        let checked = match state.check(doc, None) {
            Ok(c) => c,
            Err(CheckFailure::TimedOut) => {
                return error(
                    503,
                    format!(
                        "the check took longer than {} seconds (or the server is busy)",
                        super::CHECK_TIME_LIMIT.as_secs()
                    ),
                );
            }
            Err(CheckFailure::Crashed) => return error(500, "internal error in factlint"),
        };
        let disabled = list(&params, "disabledRules");
        let enabled = list(&params, "enabledRules");
        let only = param(&params, "enabledOnly") == Some("true");
        let categories_off = list(&params, "disabledCategories").contains(CATEGORY_ID);
        let index = Utf16::new(&checked.doc.text);
        for d in &checked.findings {
            let on = if only {
                enabled.contains(&d.rule)
            } else {
                !disabled.contains(&d.rule) && !categories_off
            };
            if on {
                matches.push(to_match(d, &checked.doc, &checked.ex.sentences, &index));
            }
        }
    }
    Response::json(
        200,
        &json!({
            "software": software(),
            "warnings": { "incompleteResults": false },
            "language": {
                "name": name,
                "code": code,
                "detectedLanguage": { "name": name, "code": code, "confidence": if english { 0.99 } else { 0.0 }, "source": "" }
            },
            "matches": matches,
        }),
    )
}

crate::regex!(static SOURCE = r"https?://[^\s;,]+");

/// A URL found in running text, without the punctuation after it: a closing parenthesis
/// is kept only when the URL opened one (`…/Minister_of_Foreign_Affairs_(Russia)`).
pub fn trim_url(url: &str) -> &str {
    let mut url = url;
    loop {
        let opened = url.matches('(').count();
        let closed = url.matches(')').count();
        match url.chars().last() {
            Some('.' | ':' | '!' | '?' | '"' | '\'') => url = crate::text::upto(url, url.len() - 1),
            Some(')') if closed > opened => url = crate::text::upto(url, url.len() - 1),
            _ => return url,
        }
    }
}

/// The sources cited in a finding's notes: their URLs, each once.
pub fn source_urls(d: &Diagnostic) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for note in &d.notes {
        let Some(at) = note.find("(source: ") else { continue };
        for m in SOURCE.find_iter(crate::text::from(note, at)) {
            let url = trim_url(m.as_str());
            if !out.iter().any(|u| u == url) {
                out.push(url.to_string());
            }
        }
    }
    out
}

/// The documentation link of a rule.
pub fn rule_url(rule: &str) -> Option<String> {
    crate::lsp::server::rule_link(rule)
}

fn issue_type(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error | Severity::Warning => "inconsistency",
        Severity::Info => "uncategorized",
    }
}

fn to_match(d: &Diagnostic, doc: &Document, sentences: &[std::ops::Range<usize>], index: &Utf16<'_>) -> Value {
    let text = doc.text.as_str();
    let (offset, length) = index.span(&d.span);
    let urls = source_urls(d);
    let mut message = d.message.clone();
    if !urls.is_empty() {
        message.push_str(&format!(
            " (source: {})",
            urls.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
        ));
    }
    // A replacement for the whole match: the fix, with the match's text around it.
    let replacements: Vec<Value> = d
        .suggestion
        .as_ref()
        .filter(|s| s.span.start >= d.span.start && s.span.end <= d.span.end)
        .map(|s| {
            let value = format!(
                "{}{}{}",
                crate::text::get(text, d.span.start..s.span.start),
                s.replacement,
                crate::text::get(text, s.span.end..d.span.end)
            );
            vec![json!({ "value": value })]
        })
        .unwrap_or_default();
    // About 40 characters either side, on one line.
    let before: usize = crate::text::upto(text, d.span.start)
        .chars()
        .rev()
        .take(40)
        .map(char::len_utf8)
        .sum();
    let after: usize = crate::text::from(text, d.span.end)
        .chars()
        .take(40)
        .map(char::len_utf8)
        .sum();
    let window = d.span.start - before..d.span.end + after;
    let context: String = crate::text::get(text, window.clone())
        .chars()
        .map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c })
        .collect();
    let context_offset = index.at(d.span.start) - index.at(window.start);
    let sentence = sentences
        .iter()
        .find(|s| s.start <= d.span.start && d.span.start < s.end.max(s.start + 1))
        .map(|s| crate::text::get(text, s.clone()).trim().to_string())
        .unwrap_or_default();
    let mut rule_urls: Vec<Value> = rule_url(&d.rule).into_iter().map(|u| json!({ "value": u })).collect();
    rule_urls.extend(urls.iter().map(|u| json!({ "value": u })));
    json!({
        "message": message,
        "shortMessage": d.label,
        "replacements": replacements,
        "offset": offset,
        "length": length,
        "context": { "text": context, "offset": context_offset, "length": length },
        "sentence": sentence,
        "type": { "typeName": "Other" },
        "rule": {
            "id": d.rule,
            "description": rule_description(&d.rule),
            "issueType": issue_type(d),
            "urls": rule_urls,
            "category": { "id": CATEGORY_ID, "name": CATEGORY_NAME }
        },
        "ignoreForIncompleteSentence": false,
        "contextForSureMatch": 0
    })
}

fn rule_description(rule: &str) -> String {
    match crate::checks::rule(rule) {
        Some(r) => r.summary.to_string(),
        None => format!("factlint rule {rule}"),
    }
}

/// `GET /v2/languages`.
pub fn languages() -> Response {
    let list: Vec<Value> = LANGUAGES
        .iter()
        .map(|(name, code, long)| json!({ "name": name, "code": code, "longCode": long }))
        .collect();
    Response::json(200, &list)
}

/// `GET /v2/info`.
pub fn info() -> Response {
    Response::json(200, &json!({ "software": software() }))
}

/// `GET /v2/configinfo?language=…`.
pub fn configinfo(state: &State, request: &Request) -> Response {
    let mut params = Vec::new();
    parse_form(&request.query, &mut params);
    let Some(language) = param(&params, "language") else {
        return error(400, "Missing 'language' parameter");
    };
    // Built-in checks a pack turned off are left out.
    let rules: Vec<Value> = crate::rule_table(state.rules())
        .into_iter()
        .filter(|r| crate::checks::find(&r.id).is_none() || state.rules().enabled.contains_key(r.id.as_str()))
        .map(|r| {
            json!({
                "ruleId": r.id,
                "description": r.summary,
                "isDefaultOn": true,
                "category": { "id": CATEGORY_ID, "name": CATEGORY_NAME },
            })
        })
        .collect();
    Response::json(
        200,
        &json!({
            "software": software(),
            "parameter": {
                "maxTextLength": MAX_TEXT_LENGTH,
                "maxTextHardLength": MAX_TEXT_LENGTH,
                "maxCheckTimeMillis": super::CHECK_TIME_LIMIT.as_millis() as u64,
                "requestLimit": 0,
                "requestLimitInBytes": super::http::LIMITS.body,
            },
            "language": super::printable(language),
            "rules": rules,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotated_text_keeps_positions() {
        let data = r#"{"annotation":[{"text":"A "},{"markup":"<b>"},{"text":"bold"},{"markup":"</b>"},{"markup":"<p>","interpretAs":"\n\n"},{"text":"😀 end"}]}"#;
        let doc = annotated(data).unwrap_or_else(|_| unreachable!());
        assert_eq!(doc.text, "A <b>bold</b><p>😀 end");
        assert_eq!(doc.prose.len(), doc.text.len());
        assert!(doc.prose.starts_with("A    bold    \n\n "));
        assert!(annotated("{}").is_err());
    }

    #[test]
    fn urls_keep_their_own_parentheses() {
        assert_eq!(trim_url("https://w.org/A_(Russia))."), "https://w.org/A_(Russia)");
        assert_eq!(trim_url("http://x.cn/a.html)"), "http://x.cn/a.html");
    }
}
