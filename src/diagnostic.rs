//! A finding: plain data (rule id, severity, message, spans, notes, a suggested fix) that
//! every output format renders in its own way.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Range<usize>,
    pub message: String,
}

/// A knowledge-base entry a finding rests on: `rules/kb/offices.toml`, line 242.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub path: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub span: Range<usize>,
    pub replacement: String,
}

impl Suggestion {
    /// What to do, in words: "write `Kyiv`", or "delete this" for an empty replacement.
    pub fn advice(&self, show: impl Fn(&str) -> String) -> String {
        if self.replacement.is_empty() {
            "delete this".to_string()
        } else {
            format!("write `{}`", show(&self.replacement))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The span the finding is about, and what to say under it.
    pub span: Range<usize>,
    pub label: String,
    /// Other spans that explain the finding (the event or person mention).
    pub labels: Vec<Label>,
    /// Facts: the knowledge-base entry (`file:line`) and its source, the as-of date.
    pub notes: Vec<String>,
    pub suggestion: Option<Suggestion>,
    /// The knowledge-base entries cited in the notes, for editors to link to.
    pub records: Vec<Record>,
}

impl Diagnostic {
    pub fn new(rule: &str, severity: Severity, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            rule: rule.to_string(),
            severity,
            message: message.into(),
            span,
            label: String::new(),
            labels: Vec::new(),
            notes: Vec::new(),
            suggestion: None,
            records: Vec::new(),
        }
    }

    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.label = message.into();
        self
    }

    pub fn with_label(mut self, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_record(mut self, path: &str, line: usize) -> Self {
        let record = Record {
            path: path.to_string(),
            line,
        };
        if !self.records.contains(&record) {
            self.records.push(record);
        }
        self
    }

    pub fn suggest(mut self, span: Range<usize>, replacement: impl Into<String>) -> Self {
        self.suggestion = Some(Suggestion {
            span,
            replacement: replacement.into(),
        });
        self
    }
}
