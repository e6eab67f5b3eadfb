//! Errors a user can cause: a broken rule or knowledge-base file, an unreadable draft.
//! Each carries the file and, where there is one, the byte span inside it, so that it can
//! be rendered compiler-style by `report::load_error`. `Origin` is where in such a file a
//! fact or a rule was written, cited by notes and by errors.

use std::fmt;
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

/// The text of a rule file: read at run time, or embedded in the binary with the default
/// rules. An embedded file is borrowed and read as UTF-8 only when its text is wanted (an
/// error's snippet), so that loading the default knowledge base neither copies nor scans
/// the megabytes of TOML its facts were read from.
#[derive(Debug, Clone)]
pub enum SourceText {
    Read(Arc<str>),
    Embedded(&'static [u8]),
}

impl SourceText {
    /// The text as a shared string (copied for an embedded file: errors only).
    pub fn shared(&self) -> Arc<str> {
        match self {
            Self::Read(text) => text.clone(),
            Self::Embedded(_) => Arc::from(&**self),
        }
    }
}

impl std::ops::Deref for SourceText {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Self::Read(text) => text,
            Self::Embedded(bytes) => std::str::from_utf8(bytes).unwrap_or_default(),
        }
    }
}

impl From<Arc<str>> for SourceText {
    fn from(text: Arc<str>) -> Self {
        Self::Read(text)
    }
}

/// Where a fact was written: used for `note: rules/kb/offices.toml:42` and for errors.
#[derive(Debug, Clone)]
pub struct Origin {
    pub path: Arc<str>,
    pub text: SourceText,
    pub span: Range<usize>,
    /// The line, worked out on first use and kept: findings cite it again and again.
    line: std::sync::OnceLock<usize>,
}

impl Origin {
    pub fn new(path: Arc<str>, text: impl Into<SourceText>, span: Range<usize>) -> Self {
        Self {
            path,
            text: text.into(),
            span,
            line: std::sync::OnceLock::new(),
        }
    }

    /// An origin whose line is already known (read from the compiled image).
    pub fn at_line(path: Arc<str>, text: SourceText, span: Range<usize>, line: usize) -> Self {
        let origin = Self::new(path, text, span);
        let _ = origin.line.set(line);
        origin
    }

    pub fn line(&self) -> usize {
        *self
            .line
            .get_or_init(|| crate::text::line_col(&self.text, self.span.start).0)
    }

    /// The origin of `span`, a part of this entry (a term of an office): its line is
    /// counted from this entry's, not from the top of the file.
    pub fn within(&self, span: Range<usize>) -> Origin {
        let line = match crate::text::get(&self.text, self.span.start..span.start.max(self.span.start)) {
            "" if span.start != self.span.start => crate::text::line_col(&self.text, span.start).0,
            between => self.line() + crate::text::line_breaks(between),
        };
        let origin = Origin::new(self.path.clone(), self.text.clone(), span);
        let _ = origin.line.set(line);
        origin
    }

    pub fn error(&self, message: impl Into<String>) -> LoadError {
        LoadError::at(&self.path, &self.text.shared(), self.span.clone(), message)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path, self.line())
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
