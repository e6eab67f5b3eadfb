//! Turning the paths a user gives into drafts: files, directories walked (respecting
//! `.gitignore`), and `-` for standard input. A file that cannot be read as a draft is an
//! `InputError`; the rest are still checked.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::source::{Document, Format};

/// Extensions read when walking a directory.
pub const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text"];

pub enum Item {
    File(PathBuf),
    Stdin,
}

/// Expand paths into the files to check, with an error for each path that yields none.
pub fn expand(paths: &[PathBuf]) -> (Vec<Item>, Vec<InputError>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            items.push(Item::Stdin);
        } else if p.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
                .build()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|f| {
                    f.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| DRAFT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
                })
                .collect();
            found.sort();
            if found.is_empty() {
                errors.push(InputError {
                    path: p.display().to_string(),
                    message: format!("no drafts found (looked for {})", DRAFT_EXTENSIONS.map_or_join()),
                    fatal: false,
                });
            }
            items.extend(found.into_iter().map(Item::File));
        } else if p.exists() {
            items.push(Item::File(p.clone()));
        } else {
            errors.push(InputError {
                path: p.display().to_string(),
                message: "no such file or directory".to_string(),
                fatal: true,
            });
        }
    }
    (items, errors)
}

trait JoinExt {
    fn map_or_join(&self) -> String;
}

impl JoinExt for [&str] {
    fn map_or_join(&self) -> String {
        self.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")
    }
}

/// Read a draft. Binary files and invalid UTF-8 are errors; an empty file is a draft with
/// nothing in it.
pub fn read(item: &Item, stdin_name: &str) -> Result<Document, InputError> {
    let (name, bytes) = match item {
        Item::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| InputError {
                path: stdin_name.to_string(),
                message: format!("cannot read standard input: {e}"),
                fatal: true,
            })?;
            (stdin_name.to_string(), buf)
        }
        Item::File(p) => {
            let bytes = std::fs::read(p).map_err(|e| InputError {
                path: p.display().to_string(),
                message: format!("cannot read: {}", io_reason(&e)),
                fatal: true,
            })?;
            (display_path(p), bytes)
        }
    };
    decode(&name, bytes)
}

pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Document, InputError> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(InputError {
            path: name.to_string(),
            message: "binary file (contains NUL bytes); not checked".to_string(),
            fatal: true,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = e.as_bytes().get(..at).unwrap_or_default();
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        InputError {
            path: name.to_string(),
            message: format!("not valid UTF-8 (invalid byte at offset {at}, line {line}); not checked"),
            fatal: true,
        }
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    Ok(Document::new(name, text, Format::from_path(name)))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// A path as the user would write it: "a.md", not "./a.md".
pub fn display_path(p: &Path) -> String {
    let shown = p.display().to_string();
    match shown.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => shown,
    }
}
