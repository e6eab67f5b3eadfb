//! SARIF 2.1.0, for GitHub code scanning: rule metadata in the tool's driver, results with
//! repository-relative locations, stable fingerprints that survive unrelated edits, and
//! fixes for findings that suggest one.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{FileReport, RuleMeta};
use crate::diagnostic::Severity;

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

fn region(index: &crate::text::LineIndex<'_>, span: &std::ops::Range<usize>) -> Value {
    let (sl, sc) = index.line_col(span.start);
    let (el, ec) = index.line_col(span.end.max(span.start));
    json!({ "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec })
}

/// The SARIF result of one finding.
fn result(
    d: &crate::diagnostic::Diagnostic,
    text: &str,
    index: &crate::text::LineIndex<'_>,
    location_uri: &str,
    rules: &[RuleMeta],
) -> Value {
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
                "region": region(index, &d.span),
            }
        }],
        "partialFingerprints": { "primaryLocationLineHash": crate::baseline::fingerprint(text, index.lines(), d) },
    });
    if let Some(i) = rules.iter().position(|m| m.id == d.rule) {
        result["ruleIndex"] = json!(i);
    }
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
                            "region": region(index, &l.span),
                        }
                    })
                })
                .collect(),
        );
    }
    if let Some(s) = &d.suggestion {
        result["fixes"] = json!([{
            "description": { "text": format!("write `{}`", s.replacement) },
            "artifactChanges": [{
                "artifactLocation": { "uri": location_uri, "uriBaseId": "%SRCROOT%" },
                "replacements": [{
                    "deletedRegion": region(index, &s.span),
                    "insertedContent": { "text": s.replacement },
                }]
            }]
        }]);
    }
    result
}

/// The results of a run, made one at a time as they are written, so that a million
/// findings never sit in memory as JSON values at once.
struct Results<'a> {
    reports: &'a [FileReport<'a>],
    rules: &'a [RuleMeta],
}

impl serde::Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        for r in self.reports {
            let location_uri = uri(r.path);
            let index = crate::text::LineIndex::new(r.text);
            for d in r.diagnostics {
                seq.serialize_element(&result(d, r.text, &index, &location_uri, self.rules))?;
            }
        }
        seq.end()
    }
}

pub fn render(w: &mut dyn Write, reports: &[FileReport<'_>], rules: &[RuleMeta]) -> io::Result<()> {
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
    // Keys in the order serde_json's maps keep them (sorted), as before streaming.
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
        original_uri_base_ids: Value,
        results: Results<'a>,
        tool: Value,
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            original_uri_base_ids: json!({ "%SRCROOT%": { "uri": "file:///" } }),
            results: Results { reports, rules },
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
    serde_json::to_writer_pretty(&mut *w, &log).map_err(io::Error::other)?;
    writeln!(w)
}
