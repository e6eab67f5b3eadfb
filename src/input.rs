//! Reading drafts: a file or standard input, with a size cap, told apart from binary and
//! UTF-16 input from the first block. A file that cannot be read as a draft is an
//! `InputError`; the rest are still checked. Directories are walked in `run`.

use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::files::{self, ReadError};
use crate::source::{Document, Format};

/// Extensions read when walking a directory.
pub const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text"];

pub enum Item {
    File(PathBuf),
    Stdin,
}

/// Read a draft, at most `limit` bytes. Binary files and invalid UTF-8 are errors; an
/// empty file is a draft with nothing in it.
pub fn read(item: &Item, stdin_name: &str, limit: u64) -> Result<Document, InputError> {
    let fail = |path: String, e: ReadError| InputError {
        path,
        message: match e {
            ReadError::TooLarge { .. } => {
                format!("{e} (raise it with --max-draft-size or `max-draft-size` in factlint.toml)")
            }
            e => e.to_string(),
        },
        fatal: true,
    };
    let (name, bytes) = match item {
        Item::Stdin => (
            stdin_name.to_string(),
            read_stdin(limit).map_err(|e| fail(stdin_name.to_string(), e))?,
        ),
        Item::File(p) => (
            display_path(p),
            files::read_file(p, limit, "a draft", true).map_err(|e| fail(display_path(p), e))?,
        ),
    };
    decode(&name, bytes)
}

/// Standard input, at most `limit` bytes. A closed standard input is an error, not an
/// empty draft (the runtime hands a closed one over as `/dev/null`).
fn read_stdin(limit: u64) -> Result<Vec<u8>, ReadError> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let fd = std::io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .map_err(|_| ReadError::Io("standard input is closed".to_string()))?;
        let file = std::fs::File::from(fd);
        if let (Ok(m), Ok(null)) = (file.metadata(), std::fs::metadata("/dev/null"))
            && m.rdev() == null.rdev()
            && m.dev() == null.dev()
            && !m.file_type().is_file()
        {
            return Err(ReadError::Io(
                "standard input is closed (or /dev/null): nothing to check".to_string(),
            ));
        }
        files::read_capped(file, limit, "a draft")
    }
    #[cfg(not(unix))]
    {
        files::read_capped(std::io::stdin().lock(), limit, "a draft")
    }
}

/// Turn a draft's bytes into a document: the first block is checked for binary and UTF-16
/// content, the rest must be UTF-8.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Document, InputError> {
    files::sniff(bytes.get(..files::limits::FIRST_BLOCK).unwrap_or(&bytes)).map_err(|e| InputError {
        path: name.to_string(),
        message: e.to_string(),
        fatal: true,
    })?;
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
    Ok(Document::new(name, text, Format::from_path(name)))
}

/// A path as the user would write it: "a.md", not "./a.md".
pub fn display_path(p: &Path) -> String {
    let shown = p.display().to_string();
    match shown.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => shown,
    }
}
