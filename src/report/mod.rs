//! Output formats. Each renders the findings of a run; none of them decides anything.

pub mod human;
pub mod json;
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
}

/// Render the findings of a run in `format`.
pub fn render(
    format: Format,
    w: &mut dyn WriteColor,
    reports: &[FileReport<'_>],
    errors: &[InputError],
) -> io::Result<()> {
    match format {
        Format::Human => reports.iter().try_for_each(|r| human::render(w, r)),
        Format::Short => reports.iter().try_for_each(|r| short::render(w, r)),
        Format::Json => json::render(w, reports, errors),
    }
}

/// Render a rule-file error: with a snippet of the TOML when its span is known.
pub fn load_error(w: &mut dyn WriteColor, e: &LoadError) -> io::Result<()> {
    human::load_error(w, e)
}

/// One line: `path: error: message`.
pub fn input_error(w: &mut dyn Write, e: &InputError) -> io::Result<()> {
    let level = if e.fatal { "error" } else { "warning" };
    writeln!(w, "{level}: {}: {}", e.path, e.message)
}

pub use codespan_reporting::term::termcolor::WriteColor;
