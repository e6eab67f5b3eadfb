//! Reading drafts: a file or standard input, with a size cap, told apart from binary and
//! UTF-16 input from the first block. A file that cannot be read as a draft is an
//! `InputError`; the rest are still checked. Directories are walked in `run`.

use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::files::{self, ReadError};
use crate::source::{Document, Format};

/// Extensions read when walking a directory.
pub const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text", "html", "htm", "docx"];

pub enum Item {
    File(PathBuf),
    Stdin,
}

/// Read a draft, at most `limit` bytes, with the reader its name implies. Binary files and
/// invalid UTF-8 are errors; an empty file is a draft with nothing in it.
pub fn read(item: &Item, stdin_name: &str, limit: u64) -> Result<Document, InputError> {
    read_as(item, stdin_name, limit, &Format::from_path)
}

/// Read a draft with the reader `format_of` chooses for its name (the configuration's
/// `[readers]` table, then the extension).
pub fn read_as(
    item: &Item,
    stdin_name: &str,
    limit: u64,
    format_of: &dyn Fn(&str) -> Format,
) -> Result<Document, InputError> {
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
    let name = match item {
        Item::Stdin => stdin_name.to_string(),
        Item::File(p) => display_path(p),
    };
    let format = format_of(&name);
    if format == Format::Docx {
        let bytes = match item {
            Item::Stdin => read_stdin_raw(limit),
            Item::File(p) => read_raw(p, limit),
        }
        .map_err(|e| fail(name.clone(), e))?;
        return Document::from_docx(name.clone(), &bytes).map_err(|message| InputError {
            path: name,
            message,
            fatal: true,
        });
    }
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
    decode_as(&name, bytes, format)
}

/// A file's bytes, at most `limit`, for a reader of binary files (a Word document).
fn read_raw(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| ReadError::Io(files::io_reason(&e)))?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(files::kind_name(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit, what: "a draft" });
    }
    let file = std::fs::File::open(path).map_err(|e| ReadError::Io(files::io_reason(&e)))?;
    let mut buf = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::Io(files::io_reason(&e)))?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit, what: "a draft" });
    }
    Ok(buf)
}

/// Standard input's bytes, at most `limit`, for a reader of binary files.
fn read_stdin_raw(limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::Io(files::io_reason(&e)))?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit, what: "a draft" });
    }
    Ok(buf)
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

/// Turn a draft's bytes into a document with the reader its name implies: the first block
/// is checked for binary and UTF-16 content, the rest must be UTF-8.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Document, InputError> {
    decode_as(name, bytes, Format::from_path(name))
}

/// `decode` with a given reader.
pub fn decode_as(name: &str, bytes: Vec<u8>, format: Format) -> Result<Document, InputError> {
    if format == Format::Docx {
        return Document::from_docx(name, &bytes).map_err(|message| InputError {
            path: name.to_string(),
            message,
            fatal: true,
        });
    }
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
    Ok(Document::new(name, text, format))
}

/// A path as the user would write it: "a.md", not "./a.md".
pub fn display_path(p: &Path) -> String {
    let shown = p.display().to_string();
    match shown.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => shown,
    }
}
