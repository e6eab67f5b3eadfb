//! Output formats. Each renders the findings of a run; none of them decides anything.

pub mod excerpt;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;

use std::io::{self, Write};

use crate::diagnostic::Diagnostic;
use crate::error::{InputError, LoadError};

/// The findings for one checked file, with its text for line numbers and snippets.
pub struct FileReport<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub as_of: &'a crate::extract::asof::AsOf,
    pub diagnostics: &'a [Diagnostic],
    /// With `check --claims`: what was read besides the findings (the JSON formats).
    pub claims: Option<&'a [crate::claims::Claim]>,
}

impl<'a> FileReport<'a> {
    pub fn new(
        path: &'a str,
        text: &'a str,
        as_of: &'a crate::extract::asof::AsOf,
        diagnostics: &'a [Diagnostic],
    ) -> Self {
        Self {
            path,
            text,
            as_of,
            diagnostics,
            claims: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
    /// One JSON object a line, written as each draft is checked
    Jsonl,
    Sarif,
    Github,
    Junit,
}

/// What a format may say about a rule (SARIF puts it in the tool's driver).
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub id: String,
    pub severity: crate::diagnostic::Severity,
    pub summary: String,
    pub doc: String,
}

/// A run's output in one format. A run hands its reporter, in the run's order, the
/// problems loading a configuration or rule pack (`load_error`), each draft checked
/// (`file`) and each draft or path that could not be checked (`input_error`), then calls
/// `finish` once. A format that is one document (JSON, SARIF, JUnit) writes it in
/// `finish`; the others write as they go. Every format carries every error: a person's
/// format on standard error, a machine's inside its own output.
pub trait Reporter {
    fn file(&mut self, report: &FileReport<'_>) -> io::Result<()>;
    fn load_error(&mut self, e: &LoadError) -> io::Result<()>;
    fn input_error(&mut self, e: &InputError) -> io::Result<()>;
    /// Write what is left; `rules` are the rules the run could report (for SARIF).
    fn finish(&mut self, rules: &[RuleMeta]) -> io::Result<()>;
}

/// Where a reporter writes: `out` for the report, `err` for what a person watching the
/// run should see besides (a machine format's errors, one line each).
pub struct Streams<'w> {
    pub out: &'w mut dyn WriteColor,
    pub err: &'w mut dyn WriteColor,
}

impl Format {
    /// Every format's name on the command line.
    pub const NAMES: &'static [&'static str] = &["human", "short", "json", "jsonl", "sarif", "github", "junit"];

    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "human" => Format::Human,
            "short" => Format::Short,
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            "junit" => Format::Junit,
            _ => return None,
        })
    }

    /// The reporter of this format, writing to `streams`.
    pub fn reporter<'w>(self, streams: Streams<'w>) -> Box<dyn Reporter + 'w> {
        match self {
            Format::Human => Box::new(human::Human::new(streams)),
            Format::Short => Box::new(short::Short::new(streams)),
            Format::Json => Box::new(json::Json::new(streams)),
            Format::Jsonl => Box::new(json::Lines::new(streams)),
            Format::Sarif => Box::new(sarif::Sarif::new(streams)),
            Format::Github => Box::new(github::Github::new(streams)),
            Format::Junit => Box::new(junit::Junit::new(streams)),
        }
    }
}

/// Render a whole run at once in `format`: `errors` after the drafts, errors on stderr
/// for a person's format dropped. For tests and tools that hold a run's findings.
pub fn render(
    format: Format,
    w: &mut dyn WriteColor,
    reports: &[FileReport<'_>],
    errors: &[InputError],
    rules: &[RuleMeta],
) -> io::Result<()> {
    let mut sink = codespan_reporting::term::termcolor::NoColor::new(io::sink());
    let mut r = format.reporter(Streams { out: w, err: &mut sink });
    for report in reports {
        r.file(report)?;
    }
    for e in errors {
        r.input_error(e)?;
    }
    r.finish(rules)
}

/// Render a rule-file error: with a snippet of the TOML when its span is known.
pub fn load_error(w: &mut dyn WriteColor, e: &LoadError) -> io::Result<()> {
    human::load_error(w, e)
}

/// Render a warning of `kb check` as load errors are rendered.
pub fn load_warning(w: &mut dyn WriteColor, e: &LoadError) -> io::Result<()> {
    human::load_warning(w, e)
}

/// One line: `path: error: message`.
pub fn input_error(w: &mut dyn Write, e: &InputError) -> io::Result<()> {
    let level = if e.fatal { "error" } else { "warning" };
    writeln!(w, "{level}: {}: {}", e.path, e.message)
}

/// One line for a load error: `error: path:line:column: message`.
pub fn load_error_line(w: &mut dyn Write, e: &LoadError) -> io::Result<()> {
    match e.line_col() {
        Some((line, col)) => writeln!(w, "error: {}:{line}:{col}: {}", e.path, e.message),
        None => writeln!(w, "error: {}: {}", e.path, e.message),
    }
}

pub use codespan_reporting::term::termcolor::WriteColor;
