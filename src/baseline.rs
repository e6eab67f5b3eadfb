//! Baselines, so a content repository can adopt factlint gradually: `--write-baseline
//! FILE` records today's findings, `--baseline FILE` reports only findings not in it. A
//! finding is keyed by its file, rule, the text it points at and the text of its line,
//! not by line numbers, so edits elsewhere in a draft do not invalidate it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
}

/// Lines longer than this are hashed only around the finding, so that a finding's
/// fingerprint takes time in proportion to the finding, not to its line.
const LONG_LINE: usize = 1000;
/// How much of a long line either side of the finding is hashed.
const LONG_LINE_CONTEXT: usize = 200;

/// A stable fingerprint of a finding: FNV-1a over the rule, the span's text and its line
/// (on a long line, the part of it around the span).
pub fn fingerprint(text: &str, lines: &crate::text::LineIndex, d: &Diagnostic) -> String {
    use crate::text::{ceil_char_boundary, floor_char_boundary};
    let span = crate::text::get(text, d.span.clone());
    let mut line = lines.line_range(text, lines.line_index(d.span.start));
    if line.len() > LONG_LINE {
        let start = floor_char_boundary(text, d.span.start.saturating_sub(LONG_LINE_CONTEXT)).max(line.start);
        let end = ceil_char_boundary(text, d.span.end.saturating_add(LONG_LINE_CONTEXT)).min(line.end);
        line = start..end.max(start);
    }
    let line = crate::text::get(text, line).trim();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [d.rule.as_str(), "\u{0}", span, "\u{0}", line] {
        for b in part.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The baseline format this version of factlint reads and writes.
pub const VERSION: u32 = 1;

impl Baseline {
    /// Read a baseline file: at most `files::limits::BASELINE` bytes, of this version.
    pub fn read(path: &std::path::Path) -> Result<Self, String> {
        let text = crate::files::read_text(path, crate::files::limits::BASELINE, "a baseline")?;
        Self::parse(&text)
    }

    /// Parse a baseline's JSON, refusing other versions.
    pub fn parse(text: &str) -> Result<Self, String> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| format!("not a factlint baseline: {e}"))?;
        if b.version != VERSION {
            return Err(format!(
                "baseline version {} is not one this factlint reads (version {VERSION}); write it again with --write-baseline",
                b.version
            ));
        }
        Ok(b)
    }

    pub fn record<'a>(files: impl Iterator<Item = (&'a str, &'a str, &'a [Diagnostic])>) -> Self {
        let mut findings = Vec::new();
        for (path, text, diags) in files {
            let lines = crate::text::LineIndex::new(text);
            for d in diags {
                findings.push(Entry {
                    path: path.to_string(),
                    rule: d.rule.clone(),
                    fingerprint: fingerprint(text, &lines, d),
                });
            }
        }
        Baseline {
            version: VERSION,
            findings,
        }
    }

    /// Remove from `diags` (of `path`) the findings the baseline holds, each entry at most
    /// as many times as it was recorded.
    pub fn filter(&self, path: &str, text: &str, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        self.by_path().filter(path, text, diags)
    }

    /// The baseline indexed by path, for filtering many files.
    pub fn by_path(&self) -> ByPath<'_> {
        let mut budgets: HashMap<&str, HashMap<&Entry, usize>> = HashMap::new();
        for e in &self.findings {
            *budgets.entry(e.path.as_str()).or_default().entry(e).or_default() += 1;
        }
        ByPath { budgets }
    }
}

/// A baseline's entries by path, owned, to be shared by the threads of a run: each draft
/// is filtered against its own entries.
#[derive(Debug, Default)]
pub struct Index {
    by_path: HashMap<String, Vec<Entry>>,
}

impl Baseline {
    pub fn index(self) -> Index {
        let mut by_path: HashMap<String, Vec<Entry>> = HashMap::new();
        for e in self.findings {
            by_path.entry(e.path.clone()).or_default().push(e);
        }
        Index { by_path }
    }
}

impl Index {
    /// Remove from `diags` (of `path`) the findings the baseline holds, each entry at most
    /// as many times as it was recorded.
    pub fn filter(&self, path: &str, text: &str, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let Some(entries) = self.by_path.get(path) else {
            return diags;
        };
        let mut budget: HashMap<&Entry, usize> = HashMap::new();
        for e in entries {
            *budget.entry(e).or_default() += 1;
        }
        ByPath {
            budgets: HashMap::from([(path, budget)]),
        }
        .filter(path, text, diags)
    }
}

/// How many times each entry of a baseline may still match, file by file.
pub struct ByPath<'a> {
    budgets: HashMap<&'a str, HashMap<&'a Entry, usize>>,
}

impl ByPath<'_> {
    /// Remove from `diags` (of `path`) the findings the baseline holds, each entry at most
    /// as many times as it was recorded.
    pub fn filter(&mut self, path: &str, text: &str, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let Some(budget) = self.budgets.get_mut(path) else {
            return diags;
        };
        let lines = crate::text::LineIndex::new(text);
        diags
            .into_iter()
            .filter(|d| {
                let key = Entry {
                    path: path.to_string(),
                    rule: d.rule.clone(),
                    fingerprint: fingerprint(text, &lines, d),
                };
                match budget.get_mut(&key) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn unrelated_edits_keep_the_baseline() {
        let before = "Intro.\nThe talks were on Monday, 14 April 2023.\n";
        let after = "A new first paragraph.\n\nIntro.\nThe talks were on Monday, 14 April 2023.\n";
        let at = |t: &str| t.find("Monday").unwrap_or(0);
        let d = |t: &str| {
            vec![Diagnostic::new(
                "date/weekday-mismatch",
                Severity::Error,
                at(t)..at(t) + 6,
                "m",
            )]
        };
        let b = Baseline::record(std::iter::once(("a.md", before, d(before).as_slice())));
        assert!(b.filter("a.md", after, d(after)).is_empty());
        let changed = after.replace("Monday", "Sunday");
        assert_eq!(b.filter("a.md", &changed, d(&changed)).len(), 1);
    }
}
