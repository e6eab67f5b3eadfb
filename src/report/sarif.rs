//! SARIF 2.1.0, for GitHub code scanning: rule metadata in the tool's driver, results with
//! repository-relative locations, stable fingerprints that survive unrelated edits, and
//! fixes for findings that suggest one.

use std::io;

use serde_json::{Value, json};

use super::{FileReport, Reporter, RuleMeta, Streams};
use crate::diagnostic::Severity;
use crate::error::{InputError, LoadError};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI with forward slashes.
pub fn uri(path: &str) -> String {
    let cwd = std::env::current_dir().ok();
    let p = std::path::Path::new(path);
    let rel = cwd.as_deref().and_then(|c| p.strip_prefix(c).ok()).unwrap_or(p);
    let s = rel.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s).to_string();
    s.chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '%' => "%25".to_string(),
            '#' => "%23".to_string(),
            '?' => "%3F".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn region(text: &str, index: &crate::text::LineIndex, span: &std::ops::Range<usize>) -> Value {
    let (sl, sc) = index.line_col(text, span.start);
    let (el, ec) = index.line_col(text, span.end.max(span.start));
    json!({ "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec })
}

/// The SARIF result of one finding.
fn result(d: &crate::diagnostic::Diagnostic, text: &str, index: &crate::text::LineIndex, location_uri: &str) -> Value {
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push('\n');
        message.push_str(n);
    }
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": location_uri, "uriBaseId": "%SRCROOT%" },
                "region": region(text, index, &d.span),
            }
        }],
        "partialFingerprints": { "primaryLocationLineHash": crate::baseline::fingerprint(text, index, d) },
    });
    if !d.labels.is_empty() {
        result["relatedLocations"] = Value::Array(
            d.labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    json!({
                        "id": i,
                        "message": { "text": l.message },
                        "physicalLocation": {
                            "artifactLocation": { "uri": location_uri, "uriBaseId": "%SRCROOT%" },
                            "region": region(text, index, &l.span),
                        }
                    })
                })
                .collect(),
        );
    }
    if let Some(s) = &d.suggestion {
        result["fixes"] = json!([{
            "description": { "text": s.advice(str::to_string) },
            "artifactChanges": [{
                "artifactLocation": { "uri": location_uri, "uriBaseId": "%SRCROOT%" },
                "replacements": [{
                    "deletedRegion": region(text, index, &s.span),
                    "insertedContent": { "text": s.replacement },
                }]
            }]
        }]);
    }
    result
}

/// The SARIF log of a run, written whole in `finish`. Rule-file and configuration errors
/// and drafts that could not be read are the invocation's `toolExecutionNotifications`,
/// and a fatal one makes `executionSuccessful` false.
pub struct Sarif<'w> {
    streams: Streams<'w>,
    results: Vec<Value>,
    notifications: Vec<Value>,
    successful: bool,
}

impl<'w> Sarif<'w> {
    pub fn new(streams: Streams<'w>) -> Self {
        Self {
            streams,
            results: Vec::new(),
            notifications: Vec::new(),
            successful: true,
        }
    }
}

/// A notification about a file, at a line and column when known.
fn notification(id: &str, level: &str, path: &str, at: Option<(usize, usize)>, message: &str) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(path), "uriBaseId": "%SRCROOT%" },
        }
    });
    if let Some((line, column)) = at {
        location["physicalLocation"]["region"] = json!({ "startLine": line, "startColumn": column });
    }
    json!({
        "descriptor": { "id": id },
        "level": level,
        "locations": [location],
        "message": { "text": format!("{path}: {message}") },
    })
}

impl Reporter for Sarif<'_> {
    fn file(&mut self, r: &FileReport<'_>) -> io::Result<()> {
        // The rules' indices are filled in at the end, when the rules are known.
        let location_uri = uri(r.path);
        let index = crate::text::LineIndex::new(r.text);
        for d in r.diagnostics {
            self.results.push(result(d, r.text, &index, &location_uri));
        }
        Ok(())
    }

    fn load_error(&mut self, e: &LoadError) -> io::Result<()> {
        super::load_error_line(self.streams.err, e)?;
        self.successful = false;
        self.notifications
            .push(notification("load-error", "error", &e.path, e.line_col(), &e.message));
        Ok(())
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        super::input_error(self.streams.err, e)?;
        self.successful &= !e.fatal;
        let level = if e.fatal { "error" } else { "warning" };
        self.notifications
            .push(notification("input-error", level, &e.path, None, &e.message));
        Ok(())
    }

    fn finish(&mut self, rules: &[RuleMeta]) -> io::Result<()> {
        for r in &mut self.results {
            if let Some(i) = r["ruleId"]
                .as_str()
                .and_then(|id| rules.iter().position(|m| m.id == id))
            {
                r["ruleIndex"] = json!(i);
            }
        }
        let driver_rules: Vec<Value> = rules
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "name": r.id.replace(['/', '-'], "_"),
                    "shortDescription": { "text": r.summary },
                    "fullDescription": { "text": r.summary },
                    "help": { "text": r.doc, "markdown": r.doc },
                    "defaultConfiguration": { "level": level(r.severity) },
                })
            })
            .collect();
        // Keys in the order serde_json's maps keep them (sorted).
        #[derive(serde::Serialize)]
        struct Log<'a> {
            #[serde(rename = "$schema")]
            schema: &'static str,
            runs: [Run<'a>; 1],
            version: &'static str,
        }
        #[derive(serde::Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Run<'a> {
            column_kind: &'static str,
            invocations: Value,
            original_uri_base_ids: Value,
            results: &'a [Value],
            tool: Value,
        }
        let log = Log {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            runs: [Run {
                column_kind: "unicodeCodePoints",
                invocations: json!([{
                    "executionSuccessful": self.successful,
                    "toolExecutionNotifications": self.notifications,
                }]),
                original_uri_base_ids: json!({ "%SRCROOT%": { "uri": "file:///" } }),
                results: &self.results,
                tool: json!({
                    "driver": {
                        "name": "factlint",
                        "version": env!("CARGO_PKG_VERSION"),
                        "semanticVersion": env!("CARGO_PKG_VERSION"),
                        "rules": driver_rules,
                    }
                }),
            }],
            version: "2.1.0",
        };
        let w = &mut *self.streams.out;
        serde_json::to_writer_pretty(&mut *w, &log).map_err(io::Error::other)?;
        writeln!(w)?;
        w.flush()
    }
}
