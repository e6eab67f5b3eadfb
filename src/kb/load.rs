//! Reading rule packs: the default pack embedded in the binary and any `--rules DIR`.
//! Every error names the file and, where toml gives one, the span inside it.

use std::path::Path;
use std::sync::Arc;

use include_dir::{Dir, include_dir};

use super::pack::PackFile;
use crate::error::LoadError;

static DEFAULT_PACK: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// One TOML file of a pack, parsed, with its text kept for spans and line numbers.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    pub path: Arc<str>,
    pub text: Arc<str>,
    pub pack: PackFile,
}

impl LoadedFile {
    /// Where `span` of this file is: for notes and errors that point into it.
    pub fn origin(&self, span: std::ops::Range<usize>) -> crate::error::Origin {
        crate::error::Origin::new(self.path.clone(), self.text.clone(), span)
    }
}

/// The embedded default pack, files in path order.
pub fn default_pack() -> Result<Vec<LoadedFile>, Vec<LoadError>> {
    let mut files = Vec::new();
    collect_embedded(&DEFAULT_PACK, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    parse_all(files.into_iter().map(|(p, t)| (format!("rules/{p}"), Ok(t))))
}

/// The text of a default file by its path (`rules/kb/people.toml`).
pub fn embedded_text(path: &str) -> Option<&'static str> {
    std::str::from_utf8(embedded_bytes(path)?).ok()
}

/// The bytes of a default file by its path, not yet read as text.
pub fn embedded_bytes(path: &str) -> Option<&'static [u8]> {
    // Listed once: a lookup by path in the embedded tree compares `Path`s component by
    // component, and the image's origins ask for every default file.
    static FILES: std::sync::OnceLock<Vec<(String, &'static [u8])>> = std::sync::OnceLock::new();
    let files = FILES.get_or_init(|| {
        let mut out = Vec::new();
        list_embedded(&DEFAULT_PACK, &mut out);
        out
    });
    let path = path.strip_prefix("rules/")?;
    files.iter().find(|(p, _)| p == path).map(|(_, bytes)| *bytes)
}

fn list_embedded(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        out.push((file.path().to_string_lossy().replace('\\', "/"), file.contents()));
    }
    for sub in dir.dirs() {
        list_embedded(sub, out);
    }
}

fn collect_embedded(dir: &'static Dir<'static>, out: &mut Vec<(String, String)>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "toml") {
            let text = file.contents_utf8().unwrap_or_default().to_string();
            out.push((file.path().to_string_lossy().into_owned(), text));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Every `*.toml` file under `dir`, in path order.
pub fn dir_pack(dir: &Path) -> Result<Vec<LoadedFile>, Vec<LoadError>> {
    if !dir.is_dir() {
        return Err(vec![LoadError::new(
            dir.display().to_string(),
            "rule pack not found: expected a directory of TOML files",
        )]);
    }
    let mut paths: Vec<_> = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    parse_all(paths.into_iter().map(|p| {
        let name = p.display().to_string();
        let text = crate::files::read_text(&p, crate::files::limits::PACK_FILE, "a pack file");
        (name, text)
    }))
}

/// A single pack file given as text (tests and `--rules FILE.toml`).
pub fn parse_file(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    let text: Arc<str> = Arc::from(text);
    match toml::from_str::<PackFile>(&text) {
        Ok(pack) => Ok(LoadedFile {
            path: Arc::from(path),
            text,
            pack,
        }),
        Err(e) => Err(LoadError {
            path: path.to_string(),
            span: e.span(),
            message: e.message().trim_end().to_string(),
            text: Some(text),
        }),
    }
}

/// Parse files on as many threads as there are cores, keeping their order.
fn parse_all(files: impl Iterator<Item = (String, Result<String, String>)>) -> Result<Vec<LoadedFile>, Vec<LoadError>> {
    let files: Vec<_> = files.collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    // Balance the threads by size, largest files first.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(files[i].1.as_ref().map_or(0, String::len)));
    let mut shares: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); threads];
    for i in order {
        if let Some(share) = shares.iter_mut().min_by_key(|s| s.0) {
            share.0 += files[i].1.as_ref().map_or(0, String::len);
            share.1.push(i);
        }
    }
    let files = &files;
    let mut parsed: Vec<(usize, Result<LoadedFile, LoadError>)> = std::thread::scope(|s| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|(_, part)| {
                s.spawn(move || {
                    part.into_iter()
                        .map(|i| {
                            let (path, text) = &files[i];
                            let r = match text {
                                Ok(text) => parse_file(path, text),
                                Err(message) => Err(LoadError::new(path.clone(), message.clone())),
                            };
                            (i, r)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    parsed.sort_by_key(|(i, _)| *i);
    let (mut loaded, mut errors) = (Vec::new(), Vec::new());
    for (_, p) in parsed {
        match p {
            Ok(f) => loaded.push(f),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(loaded) } else { Err(errors) }
}
