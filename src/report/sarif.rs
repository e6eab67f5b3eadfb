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

fn region(text: &str, span: &std::ops::Range<usize>) -> Value {
    let (sl, sc) = crate::text::line_col(text, span.start);
    let (el, ec) = crate::text::line_col(text, span.end.max(span.start));
    json!({ "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec })
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
    let mut results = Vec::new();
    for r in reports {
        let location_uri = uri(r.path);
        for d in r.diagnostics {
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
                        "region": region(r.text, &d.span),
                    }
                }],
                "partialFingerprints": { "primaryLocationLineHash": crate::baseline::fingerprint(r.text, d) },
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
                                    "region": region(r.text, &l.span),
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
                            "deletedRegion": region(r.text, &s.span),
                            "insertedContent": { "text": s.replacement },
                        }]
                    }]
                }]);
            }
            results.push(result);
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "factlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": driver_rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": { "%SRCROOT%": { "uri": "file:///" } },
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
    writeln!(w)
}
