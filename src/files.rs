//! Reading and writing files with care. Every read has a size cap and notices a binary
//! file from its first block, so `/dev/zero` or a stray video never fills memory. Every
//! write goes to a temporary file beside the target and is renamed over it, so a file is
//! either wholly written or untouched; the target must be a regular file (or not exist
//! yet) holding what factlint writes there, symlinks are written through and the mode of
//! an existing file is kept.

use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The size limits, in bytes. `docs/limits.md` lists them.
pub mod limits {
    /// A draft, unless the configuration or `--max-draft-size` says otherwise.
    pub const DRAFT: u64 = 64 << 20;
    /// `factlint.toml`.
    pub const CONFIG: u64 = 1 << 20;
    /// A baseline file.
    pub const BASELINE: u64 = 256 << 20;
    /// One TOML file of a rule pack.
    pub const PACK_FILE: u64 = 64 << 20;
    /// Wikidata SPARQL results given to `kb import`.
    pub const IMPORT: u64 = 512 << 20;
    /// How much of a file is looked at to tell text from binary.
    pub const FIRST_BLOCK: usize = 8192;
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The operating system's reason, already in words.
    Io(String),
    /// Larger than `limit` bytes; `what` says what kind of file it is.
    TooLarge { limit: u64, what: &'static str },
    /// NUL bytes in the first block.
    Binary,
    /// UTF-16 text (by its byte-order mark or its pattern of NUL bytes).
    Utf16 { big_endian: bool },
    /// A directory, FIFO, socket or device where a file was expected.
    NotAFile(&'static str),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(reason) => write!(f, "cannot read: {reason}"),
            ReadError::TooLarge { limit, what } => {
                write!(f, "larger than the {} limit for {what}; not read", size_name(*limit))
            }
            ReadError::Binary => f.write_str("binary file (contains NUL bytes); not checked"),
            ReadError::Utf16 { big_endian } => write!(
                f,
                "UTF-16 text ({}); factlint reads UTF-8: convert it with `iconv -f UTF-16{} -t UTF-8`",
                if *big_endian { "big-endian" } else { "little-endian" },
                if *big_endian { "BE" } else { "LE" }
            ),
            ReadError::NotAFile(kind) => write!(f, "not a regular file (a {kind}); not read"),
        }
    }
}

/// `64 MB`, `1 MB`, `512 KB`, `100 bytes`.
pub fn size_name(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// Read a size such as `64MB`, `512K`, `1 GB` or `1000000` (bytes). Units are binary.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (n, unit) = s.split_at(digits);
    let n: u64 = n.parse().ok()?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return None,
    };
    n.checked_mul(1 << shift)
}

/// The operating system's reason for an I/O error, in words.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            // "Too many levels of symbolic links (os error 40)" → without the number.
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s.get(..i).unwrap_or(&s).to_string(),
                None => s,
            }
        }
    }
}

/// What kind of thing a non-regular file is, in words.
pub fn kind_name(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    if t.is_dir() {
        "directory"
    } else if t.is_symlink() {
        "symbolic link"
    } else if t.is_file() {
        "regular file"
    } else {
        "special file"
    }
}

/// What the first block says about the encoding: binary, UTF-16, or nothing against text.
pub fn sniff(first: &[u8]) -> Result<(), ReadError> {
    match first {
        [0xFF, 0xFE, ..] => return Err(ReadError::Utf16 { big_endian: false }),
        [0xFE, 0xFF, ..] => return Err(ReadError::Utf16 { big_endian: true }),
        _ => {}
    }
    if !first.contains(&0) {
        return Ok(());
    }
    // UTF-16 without a byte-order mark: text in the Latin range has a NUL in every other
    // byte, on one side only.
    let pairs = first.len() / 2;
    if pairs >= 2 {
        let zero_at = |side: usize| first.chunks_exact(2).filter(|p| p[side] == 0).count();
        let (even, odd) = (zero_at(0), zero_at(1));
        if odd * 10 >= pairs * 9 && even == 0 {
            return Err(ReadError::Utf16 { big_endian: false });
        }
        if even * 10 >= pairs * 9 && odd == 0 {
            return Err(ReadError::Utf16 { big_endian: true });
        }
    }
    Err(ReadError::Binary)
}

/// Read everything from `r`, at most `limit` bytes, checking the first block for binary
/// content before reading on.
pub fn read_capped(mut r: impl Read, limit: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    let first_len = (limits::FIRST_BLOCK as u64).min(limit.saturating_add(1));
    (&mut r)
        .take(first_len)
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::Io(io_reason(&e)))?;
    sniff(&buf)?;
    r.take(limit.saturating_add(1).saturating_sub(buf.len() as u64))
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::Io(io_reason(&e)))?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit, what });
    }
    Ok(buf)
}

/// Read a file, at most `limit` bytes. A directory, FIFO, socket or device is refused
/// unless `special_ok` (a FIFO from `<(…)` named on the command line is a fine draft).
pub fn read_file(path: &Path, limit: u64, what: &'static str, special_ok: bool) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError::Io(io_reason(&e)))?;
    let t = meta.file_type();
    if t.is_dir() || (!t.is_file() && !special_ok) {
        return Err(ReadError::NotAFile(kind_name(t)));
    }
    if t.is_file() && meta.len() > limit {
        return Err(ReadError::TooLarge { limit, what });
    }
    let file = std::fs::File::open(path).map_err(|e| ReadError::Io(io_reason(&e)))?;
    read_capped(file, limit, what)
}

/// Read a UTF-8 text file (a configuration, a pack, a baseline), at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64, what: &'static str) -> Result<String, String> {
    let bytes = read_file(path, limit, what, false).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The first line of every pack `factlint kb import` writes: only a file that starts with
/// it is replaced by another import (`Replace::ImportedPack`).
pub const IMPORTED_PACK_HEADER: &str = "# Imported from Wikidata SPARQL results by `factlint kb import wikidata`.";

/// What may be replaced when a file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Only a file that already holds a factlint baseline (or nothing).
    Baseline,
    /// Only a pack written by `kb import` (or nothing).
    ImportedPack,
    /// Nothing: the file must not exist yet.
    Never,
    /// A draft being fixed: its content is compared with what was read by [`rewrite`].
    Draft,
}

impl Replace {
    fn what(self) -> &'static str {
        match self {
            Replace::Baseline => "a factlint baseline",
            Replace::ImportedPack => "a pack written by `factlint kb import`",
            Replace::Never => "",
            Replace::Draft => "a draft",
        }
    }

    fn accepts(self, first: &[u8]) -> bool {
        let text = String::from_utf8_lossy(first);
        let text = text.trim_start();
        match self {
            _ if text.is_empty() => true,
            Replace::Baseline => {
                // What `--write-baseline` writes: `{ "version": N, "findings": [`.
                let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).take(40).collect();
                squeezed.starts_with("{\"version\":") && squeezed.contains(",\"findings\":")
            }
            Replace::ImportedPack => text.starts_with(IMPORTED_PACK_HEADER),
            Replace::Never => false,
            Replace::Draft => true,
        }
    }
}

/// Where a write will land: the final target after following symlinks, and the mode of
/// the file it replaces, if any.
#[derive(Debug)]
pub struct Target {
    pub path: PathBuf,
    existing: Option<std::fs::Permissions>,
}

/// Follow `path` through symlinks to the file a write should replace or create.
fn resolve(path: &Path) -> Result<PathBuf, String> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&p).map_err(|e| format!("{}: {}", p.display(), io_reason(&e)))?;
                p = match p.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(format!("{}: too many levels of symbolic links", path.display()))
}

/// Check that `path` may be written: refuse anything but a regular file, a file holding
/// something `replace` does not accept (unless `force`), or a directory that does not
/// exist.
pub fn target(path: &Path, replace: Replace, force: bool) -> Result<Target, String> {
    let shown = path.display();
    let final_path = resolve(path)?;
    let existing = match std::fs::metadata(&final_path) {
        Ok(meta) => {
            let t = meta.file_type();
            if !t.is_file() {
                return Err(format!(
                    "{shown} is not a regular file (it is a {}); not writing to it",
                    kind_name(t)
                ));
            }
            if replace == Replace::Never {
                return Err(format!("{shown} already exists; not overwriting it"));
            }
            if !force {
                let mut first = Vec::new();
                std::fs::File::open(&final_path)
                    .and_then(|f| f.take(4096).read_to_end(&mut first))
                    .map_err(|e| format!("{shown}: {}", io_reason(&e)))?;
                if !replace.accepts(&first) {
                    return Err(format!(
                        "{shown} already exists and is not {}; not overwriting it (use --force to replace it)",
                        replace.what()
                    ));
                }
            }
            Some(meta.permissions())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{shown}: {}", io_reason(&e))),
    };
    let dir = parent(&final_path);
    if !dir.is_dir() {
        return Err(format!("cannot write {shown}: {} is not a directory", dir.display()));
    }
    Ok(Target {
        path: final_path,
        existing,
    })
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Write `bytes` to `path` so that it is either wholly there or untouched, after the
/// checks of [`target`].
pub fn write(path: &Path, bytes: &[u8], replace: Replace, force: bool) -> Result<(), String> {
    let target = target(path, replace, force)?;
    let shown = path.display();
    let dir = parent(&target.path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".factlint-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets what any program's new file gets: 0666 less the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {}", dir.display(), io_reason(&e)))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write {shown}: {}", io_reason(&e)))?;
    if let Some(mode) = target.existing {
        std::fs::set_permissions(tmp.path(), mode).map_err(|e| format!("cannot write {shown}: {}", io_reason(&e)))?;
    }
    tmp.persist(&target.path)
        .map_err(|e| format!("cannot write {shown}: {}", io_reason(&e.error)))?;
    Ok(())
}

/// Replace a draft that was read as `before` with `after` (`check --fix`): only while the
/// file still holds `before`, so an edit saved meanwhile is not lost, and atomically, as
/// [`write`] does, keeping the file's mode (and writing through a symlink).
pub fn rewrite(path: &Path, before: &[u8], after: &[u8]) -> Result<(), String> {
    let changed = || "not fixed: the file changed while it was checked".to_string();
    let now = match read_file(path, before.len() as u64, "a draft", false) {
        Ok(now) => now,
        Err(ReadError::TooLarge { .. } | ReadError::Binary | ReadError::Utf16 { .. }) => return Err(changed()),
        Err(e) => return Err(format!("not fixed: {e}")),
    };
    if now != before {
        return Err(changed());
    }
    write(path, after, Replace::Draft, false).map_err(|e| format!("not fixed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_print() {
        assert_eq!(parse_size("64MB"), Some(64 << 20));
        assert_eq!(parse_size("512 k"), Some(512 << 10));
        assert_eq!(parse_size("100"), Some(100));
        assert_eq!(parse_size("1 TB"), None);
        assert_eq!(parse_size("99999999999999G"), None);
        assert_eq!(size_name(64 << 20), "64 MB");
        assert_eq!(size_name(3000), "3000 bytes");
    }

    #[test]
    fn the_first_block_tells_binary_and_utf16() {
        assert_eq!(sniff(b"plain text"), Ok(()));
        assert_eq!(sniff(b"\xff\xfeh\0i\0"), Err(ReadError::Utf16 { big_endian: false }));
        assert_eq!(sniff(b"h\0e\0l\0l\0o\0"), Err(ReadError::Utf16 { big_endian: false }));
        assert_eq!(sniff(b"\0h\0e\0l\0l\0o"), Err(ReadError::Utf16 { big_endian: true }));
        assert_eq!(sniff(b"\x7fELF\0\0\x01\x02"), Err(ReadError::Binary));
    }

    #[test]
    fn reads_stop_at_the_cap() {
        let zeros = std::io::repeat(b'a');
        assert_eq!(
            read_capped(zeros, 1000, "a draft"),
            Err(ReadError::TooLarge {
                limit: 1000,
                what: "a draft"
            })
        );
        assert_eq!(
            read_capped(std::io::repeat(0), u64::MAX, "a draft"),
            Err(ReadError::Binary)
        );
        assert_eq!(read_capped(&b"abc"[..], 3, "a draft"), Ok(b"abc".to_vec()));
    }

    #[test]
    fn a_rewrite_keeps_the_mode_and_refuses_a_changed_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path().join("d.txt");
        std::fs::write(&p, "old\r\n").unwrap_or_else(|e| panic!("{e}"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(rewrite(&p, b"old\r\n", b"new\r\n"), Ok(()));
        assert_eq!(std::fs::read(&p).unwrap_or_default(), b"new\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p)
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or(0);
            assert_eq!(mode, 0o640);
        }
        let e = rewrite(&p, b"old\r\n", b"newer").unwrap_err();
        assert!(e.contains("changed while it was checked"), "{e}");
        assert_eq!(std::fs::read(&p).unwrap_or_default(), b"new\r\n");
        let leftovers = std::fs::read_dir(dir.path()).map(|d| d.count()).unwrap_or(0);
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }
}
