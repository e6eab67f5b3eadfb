//! A check run over paths: find the drafts (directories walked in parallel, respecting
//! `.gitignore` and the configuration's include and exclude globs), find each draft's
//! configuration, load the rules each configuration asks for once, check the drafts in
//! parallel, and apply inline suppressions. Problems with one draft or one configuration
//! are collected, never fatal to the rest.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::NaiveDate;
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::error::{InputError, LoadError};
use crate::extract::asof::AsOf;
use crate::extract::date::NumericOrder;
use crate::input::{DRAFT_EXTENSIONS, Item};
use crate::rules::Rules;
use crate::source::Document;

#[derive(Debug, Clone, Default)]
pub struct Request {
    pub paths: Vec<PathBuf>,
    pub config: Option<PathBuf>,
    pub extra_rules: Vec<PathBuf>,
    pub no_default_rules: bool,
    pub as_of: Option<NaiveDate>,
    pub date_order: Option<NumericOrder>,
    pub stdin_name: String,
    /// The largest draft read, in bytes (the configuration's, or `files::limits::DRAFT`).
    pub max_draft_size: Option<u64>,
    /// Also list each draft's claims (`check --claims`).
    pub claims: bool,
}

pub struct Checked {
    pub doc: Document,
    pub as_of: AsOf,
    pub diagnostics: Vec<Diagnostic>,
    /// What was checked and found consistent, and what could not be checked (when asked).
    pub claims: Vec<crate::claims::Claim>,
}

#[derive(Default)]
pub struct Outcome {
    pub checked: Vec<Checked>,
    pub input_errors: Vec<InputError>,
    pub load_errors: Vec<LoadError>,
    /// The configuration of the run (the first one found), for fail-on and max-warnings.
    pub config: Config,
    pub rules: Vec<crate::report::RuleMeta>,
}

struct Loaded {
    config: Config,
    rules: Rules,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

fn globset(globs: &[String]) -> Option<GlobSet> {
    if globs.is_empty() {
        return None;
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        if let Ok(glob) = Glob::new(g) {
            b.add(glob);
        }
    }
    b.build().ok()
}

/// Configurations and their rules, loaded once each.
struct Configs<'a> {
    request: &'a Request,
    loaded: HashMap<Option<PathBuf>, Option<usize>>,
    all: Vec<Loaded>,
    errors: Vec<LoadError>,
}

impl<'a> Configs<'a> {
    fn new(request: &'a Request) -> Self {
        Self {
            request,
            loaded: HashMap::new(),
            all: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// The configuration for a draft at `path`, loading it if needed.
    fn for_path(&mut self, path: &Path) -> Option<usize> {
        let file = self.request.config.clone().or_else(|| Config::discover(path));
        if let Some(&i) = self.loaded.get(&file) {
            return i;
        }
        let config = match &file {
            Some(f) => Config::load(f),
            None => Ok(Config::default()),
        };
        let loaded = match config {
            Ok(config) => match Rules::for_config(&config, &self.request.extra_rules, self.request.no_default_rules) {
                Ok(rules) => Some(Loaded {
                    include: globset(&config.include),
                    exclude: globset(&config.exclude),
                    config,
                    rules,
                }),
                Err(e) => {
                    self.errors.extend(e);
                    None
                }
            },
            Err(e) => {
                self.errors.push(e);
                None
            }
        };
        let index = loaded.map(|l| {
            self.all.push(l);
            self.all.len() - 1
        });
        self.loaded.insert(file, index);
        index
    }
}

/// Whether a file found by walking is a draft to check under `loaded`.
fn wanted(path: &Path, loaded: &Loaded) -> bool {
    let root = loaded.config.root();
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    let rel = abs.strip_prefix(&root).unwrap_or(&abs);
    if loaded.exclude.as_ref().is_some_and(|g| g.is_match(rel)) {
        return false;
    }
    match &loaded.include {
        Some(g) => g.is_match(rel),
        None => path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| loaded.config.reads_extension(e)),
    }
}

/// A file found by walking, and why it cannot be read as a draft, if it cannot.
struct Found {
    path: PathBuf,
    problem: Option<String>,
}

/// Every file under `dir`, walked in parallel, respecting `.gitignore`, with an error for
/// each directory or file that cannot be read. Symlinks to directories are not followed;
/// a symlink to a file is read as that file.
fn walk(dir: &Path) -> (Vec<Found>, Vec<InputError>) {
    let found = Mutex::new(Vec::new());
    let errors = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(dir).build_parallel().run(|| {
        Box::new(|entry| {
            match entry {
                Ok(e) => {
                    let problem = match e.file_type() {
                        Some(t) if t.is_file() => None,
                        Some(t) if t.is_dir() => return ignore::WalkState::Continue,
                        Some(t) if t.is_symlink() => match std::fs::metadata(e.path()) {
                            Ok(m) if m.is_file() => None,
                            Ok(m) if m.is_dir() => return ignore::WalkState::Continue,
                            Ok(m) => Some(format!(
                                "not a regular file (a {}); not checked",
                                crate::files::kind_name(m.file_type())
                            )),
                            Err(err) => Some(format!("cannot read: {}", crate::files::io_reason(&err))),
                        },
                        Some(t) => Some(format!(
                            "not a regular file (a {}); not checked",
                            crate::files::kind_name(t)
                        )),
                        None => None,
                    };
                    if let Ok(mut f) = found.lock() {
                        f.push(Found {
                            path: e.into_path(),
                            problem,
                        });
                    }
                }
                Err(err) => {
                    if let Ok(mut errs) = errors.lock() {
                        errs.push(walk_error(dir, &err));
                    }
                }
            }
            ignore::WalkState::Continue
        })
    });
    let mut files = found.into_inner().unwrap_or_default();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut errors = errors.into_inner().unwrap_or_default();
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    (files, errors)
}

/// An error from the directory walker as an input error naming the path.
fn walk_error(dir: &Path, err: &ignore::Error) -> InputError {
    let mut path = None;
    let mut e = err;
    let message = loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert_with(|| p.clone());
                e = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => e = err,
            ignore::Error::Io(io) => break format!("cannot read: {}", crate::files::io_reason(io)),
            ignore::Error::Loop { child, .. } => {
                path.get_or_insert_with(|| child.clone());
                break "symbolic link loop; not followed".to_string();
            }
            other => break other.to_string(),
        }
    };
    InputError {
        path: crate::input::display_path(&path.unwrap_or_else(|| dir.to_path_buf())),
        message,
        fatal: true,
    }
}

/// Run the check. `progress(done, total)` is called as drafts are checked.
pub fn run(request: &Request, progress: &(dyn Fn(usize, usize) + Sync)) -> Outcome {
    // Compile patterns on the other core while this one loads the knowledge base.
    let _warm = std::thread::spawn(crate::extract::warm_up);
    let paths = if request.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        request.paths.clone()
    };
    let mut configs = Configs::new(request);
    let mut items: Vec<(Item, usize)> = Vec::new();
    let mut input_errors = Vec::new();
    let cwd = PathBuf::from(".");
    for p in &paths {
        if p.as_os_str() == "-" {
            if let Some(c) = configs.for_path(&cwd) {
                items.push((Item::Stdin, c));
            }
        } else if p.is_dir() {
            let mut any = false;
            let (found, errors) = walk(p);
            let unreadable = !errors.is_empty();
            input_errors.extend(errors);
            for f in found {
                let Some(c) = configs.for_path(&f.path) else {
                    // Its configuration is broken, and that is reported: not "no drafts found".
                    any = true;
                    continue;
                };
                if wanted(&f.path, &configs.all[c]) {
                    any = true;
                    match f.problem {
                        None => items.push((Item::File(f.path), c)),
                        Some(message) => input_errors.push(InputError {
                            path: crate::input::display_path(&f.path),
                            message,
                            fatal: true,
                        }),
                    }
                }
            }
            if !any && !unreadable {
                input_errors.push(InputError {
                    path: p.display().to_string(),
                    message: format!(
                        "no drafts found (looked for {})",
                        DRAFT_EXTENSIONS
                            .iter()
                            .map(|e| format!(".{e}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    fatal: false,
                });
            }
        } else if p.exists() {
            if let Some(c) = configs.for_path(p) {
                items.push((Item::File(p.clone()), c));
            }
        } else {
            // A dangling symlink or a loop exists as a name; say what is wrong with it.
            let message = match (std::fs::symlink_metadata(p), std::fs::metadata(p)) {
                (Ok(_), Err(e)) => format!("cannot read: {}", crate::files::io_reason(&e)),
                _ => "no such file or directory".to_string(),
            };
            input_errors.push(InputError {
                path: p.display().to_string(),
                message,
                fatal: true,
            });
        }
    }
    // A file named twice, or named and inside a directory named too, is checked once.
    let mut seen = std::collections::HashSet::new();
    items.retain(|(item, _)| match item {
        Item::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
        Item::Stdin => true,
    });
    // Read and check in parallel; keep the order the drafts were found in.
    let total = items.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(total.max(1));
    let chunk = total.div_ceil(threads).max(1);
    let all = &configs.all;
    let results: Vec<Result<Checked, InputError>> = std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let done = &done;
                s.spawn(move || {
                    part.iter()
                        .map(|(item, c)| {
                            let r = check_one(item, &all[*c], request);
                            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
                            r
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut checked = Vec::new();
    for r in results {
        match r {
            Ok(c) => checked.push(c),
            Err(e) => input_errors.push(e),
        }
    }
    let first = configs.all.first();
    Outcome {
        checked,
        input_errors,
        load_errors: configs.errors,
        config: first.map(|l| l.config.clone()).unwrap_or_default(),
        rules: first
            .map(|l| crate::report::RuleMeta::all(&l.rules))
            .unwrap_or_default(),
    }
}

fn check_one(item: &Item, loaded: &Loaded, request: &Request) -> Result<Checked, InputError> {
    let limit = request
        .max_draft_size
        .or(loaded.config.max_draft_size)
        .unwrap_or(crate::files::limits::DRAFT);
    let doc = crate::input::read_as(item, &request.stdin_name, limit, &|name| loaded.config.format_for(name))?;
    let opts = loaded.config.options(request.as_of, request.date_order);
    let (ex, diagnostics) = crate::check_draft(&doc, &loaded.rules, &opts);
    let claims = if request.claims {
        crate::claims::of_draft(&doc, &loaded.rules.kb, &ex, &diagnostics)
    } else {
        Vec::new()
    };
    Ok(Checked {
        as_of: ex.as_of,
        diagnostics,
        claims,
        doc,
    })
}
