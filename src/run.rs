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
}

pub struct Checked {
    pub doc: Document,
    pub as_of: AsOf,
    pub diagnostics: Vec<Diagnostic>,
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
            .is_some_and(|e| DRAFT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())),
    }
}

/// Every file under `dir`, walked in parallel, respecting `.gitignore`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let found = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(dir).build_parallel().run(|| {
        Box::new(|entry| {
            if let Ok(e) = entry
                && e.file_type().is_some_and(|t| t.is_file())
                && let Ok(mut f) = found.lock()
            {
                f.push(e.into_path());
            }
            ignore::WalkState::Continue
        })
    });
    let mut files = found.into_inner().unwrap_or_default();
    files.sort();
    files
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
            for f in walk(p) {
                let Some(c) = configs.for_path(&f) else { continue };
                if wanted(&f, &configs.all[c]) {
                    any = true;
                    items.push((Item::File(f), c));
                }
            }
            if !any {
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
            input_errors.push(InputError {
                path: p.display().to_string(),
                message: "no such file or directory".to_string(),
                fatal: true,
            });
        }
    }
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
    let doc = crate::input::read(item, &request.stdin_name)?;
    let opts = loaded.config.options(request.as_of, request.date_order);
    let (ex, diagnostics) = crate::check(&doc, &loaded.rules, &opts);
    let diagnostics = crate::suppress::apply(&doc.text, diagnostics);
    Ok(Checked {
        as_of: ex.as_of,
        diagnostics,
        doc,
    })
}
