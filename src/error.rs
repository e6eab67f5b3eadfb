//! Errors a user can cause: a broken rule or knowledge-base file, an unreadable draft.
//! Each carries the file and, where there is one, the byte span inside it, so that it can
//! be rendered compiler-style by `report::render_load_error`.

use std::ops::Range;
use std::sync::Arc;

/// A problem in a TOML file of a rule pack or in the configuration.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LoadError {
    /// The file as the user knows it (`rules/kb/offices.toml`, `my-pack/people.toml`).
    pub path: String,
    /// The file's text, when it could be read, for a snippet.
    pub text: Option<Arc<str>>,
    /// Where in the file, when known.
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl LoadError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: None,
            span: None,
            message: message.into(),
        }
    }

    pub fn at(path: &str, text: &Arc<str>, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            path: path.to_string(),
            text: Some(text.clone()),
            span: Some(span),
            message: message.into(),
        }
    }

    /// 1-based line and column of the span's start, when known.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (text, span) = (self.text.as_ref()?, self.span.as_ref()?);
        Some(crate::text::line_col(text, span.start))
    }
}

/// A draft that cannot be checked.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}: {message}")]
pub struct InputError {
    pub path: String,
    pub message: String,
    /// False for problems that do not fail the run (a directory with no drafts).
    pub fatal: bool,
}
