//! A check run over paths: find the drafts (directories walked in parallel, respecting
//! `.gitignore` and the configuration's include and exclude globs, and a list of paths
//! read as it goes), find each draft's configuration, load the rules each configuration
//! asks for once, check the drafts on several threads, and hand each result on in the
//! order the drafts were found, as soon as it and those before it are done. Problems
//! with one draft or one configuration are handed on too, never fatal to the rest.
//!
//! Memory stays flat however many drafts there are: one thread finds the drafts, a pool
//! of workers checks them, and the caller receives them through a window of bounded size
//! (as ripgrep and fd keep their output in order): the finder waits while the window is
//! full, so at most that many drafts are read, checked or waiting to be reported at once.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
    /// A file listing the paths to check, one a line (`check --files-from`).
    pub files_from: Option<FilesFrom>,
    /// How many drafts to check at once (default: the machine's cores).
    pub jobs: Option<usize>,
    /// Apply the suggested replacements (`check --fix`), or show them (`check --diff`).
    pub fix: Option<FixRequest>,
    /// Findings to leave out (`check --baseline`): neither reported nor fixed.
    pub baseline: Option<Arc<crate::baseline::Index>>,
    /// The process ends when the run does: leave the rules to the operating system rather
    /// than free a knowledge base of some ten thousand allocations one by one.
    pub exiting: bool,
}

/// What `check --fix` and `check --diff` ask for.
#[derive(Debug, Clone, Copy)]
pub struct FixRequest {
    /// Suggestions of findings at or above this severity are applied.
    pub min: crate::diagnostic::Severity,
    /// Write the fixed drafts (`--fix`); otherwise only show the changes (`--diff`).
    pub write: bool,
}

/// What fixing a draft did.
#[derive(Debug, Default)]
pub struct Fixed {
    /// Replacements made (or, with `--diff`, that would be made).
    pub applied: usize,
    /// Suggestions left out because they overlap one that was applied.
    pub overlapping: usize,
    /// With `--diff`: the unified diff of the changes, when there are any.
    pub diff: Option<String>,
    /// Why the draft could not be fixed.
    pub error: Option<String>,
}

/// Where to read a list of paths, and how they are separated.
#[derive(Debug, Clone)]
pub struct FilesFrom {
    /// The list; `-` is standard input.
    pub path: PathBuf,
    /// `Some(true)`: NUL-separated (`find -print0`); `Some(false)`: one a line; `None`:
    /// NUL-separated when the first block holds a NUL byte, lines otherwise.
    pub nul: Option<bool>,
}

/// What a run hands on, in the order the drafts were found.
pub enum Event {
    /// A configuration or rule file that could not be loaded.
    Load(LoadError),
    /// A path that could not be checked.
    Input(InputError),
    /// A draft checked.
    Checked(Box<Checked>),
}

/// What the caller needs once the run is over.
#[derive(Default)]
pub struct Summary {
    /// The configuration of the run (the first one found), for fail-on and max-warnings.
    pub config: Config,
    pub rules: Vec<crate::report::RuleMeta>,
}

pub struct Checked {
    pub doc: Document,
    pub as_of: AsOf,
    pub diagnostics: Vec<Diagnostic>,
    /// What was checked and found consistent, and what could not be checked (when asked).
    pub claims: Vec<crate::claims::Claim>,
    /// With `--fix` or `--diff`. After `--fix`, `doc` and `diagnostics` are the fixed
    /// draft's.
    pub fixed: Option<Fixed>,
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
    all: Vec<Arc<Loaded>>,
    errors: Vec<LoadError>,
    /// The configuration file found for each directory drafts were found in.
    discovered: HashMap<PathBuf, Option<PathBuf>>,
}

impl<'a> Configs<'a> {
    fn new(request: &'a Request) -> Self {
        Self {
            request,
            loaded: HashMap::new(),
            all: Vec::new(),
            errors: Vec::new(),
            discovered: HashMap::new(),
        }
    }

    /// The configuration file that governs `path`, looked up once per directory.
    fn discover(&mut self, path: &Path) -> Option<PathBuf> {
        if path.is_dir() {
            return Config::discover(path);
        }
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        if let Some(found) = self.discovered.get(&dir) {
            return found.clone();
        }
        let found = Config::discover(path);
        // A bound on the cache: a list of paths in millions of directories must not grow it
        // without end (it is only a cache).
        if self.discovered.len() >= 65_536 {
            self.discovered.clear();
        }
        self.discovered.insert(dir, found.clone());
        found
    }

    /// The configuration for a draft at `path`, loading it if needed.
    fn for_path(&mut self, path: &Path) -> Option<usize> {
        let file = match self.request.config.clone() {
            Some(f) => Some(f),
            None => self.discover(path),
        };
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
            self.all.push(Arc::new(l));
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

/// The work of one draft, and where its result goes.
type Job = (
    Item,
    Arc<Loaded>,
    crossbeam_channel::Sender<Result<Checked, InputError>>,
);

/// A place in the output order: a result still being worked out, or an event ready now.
enum Slot {
    Pending(crossbeam_channel::Receiver<Result<Checked, InputError>>),
    Ready(Event),
}

/// The drafts in flight at most (read, being checked, or waiting for an earlier one), per
/// worker.
const WINDOW_PER_JOB: usize = 16;

/// Run the check, handing `sink` each event in the order the drafts were found. An error
/// from `sink` stops the run (the drafts in flight are dropped) and is returned.
pub fn run<E>(request: &Request, mut sink: impl FnMut(Event) -> Result<(), E>) -> Result<Summary, E> {
    // Compile patterns on the other core while this one loads the knowledge base.
    let _warm = std::thread::spawn(crate::extract::warm_up);
    let jobs = request
        .jobs
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let (order_tx, order_rx) = crossbeam_channel::bounded::<Slot>(jobs * WINDOW_PER_JOB);
    let (work_tx, work_rx) = crossbeam_channel::bounded::<Job>(jobs * 2);
    std::thread::scope(|s| {
        let finder = s.spawn(move || find(request, &order_tx, &work_tx));
        for _ in 0..jobs {
            let work_rx = work_rx.clone();
            s.spawn(move || {
                for (item, loaded, done) in work_rx {
                    // A bug that panics on one draft is reported on that draft; the rest go on.
                    let result =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_one(&item, &loaded, request)))
                            .unwrap_or_else(|_| {
                                Err(InputError {
                                    path: match &item {
                                        Item::File(p) => crate::input::display_path(p),
                                        Item::Stdin => request.stdin_name.clone(),
                                    },
                                    message: "factlint failed on this draft (a bug: please report it with the draft)"
                                        .to_string(),
                                    fatal: true,
                                })
                            });
                    // The caller may have stopped: then nobody waits for this result.
                    let _ = done.send(result);
                }
            });
        }
        drop(work_rx);
        let mut stopped = None;
        for slot in &order_rx {
            let event = match slot {
                Slot::Ready(e) => e,
                Slot::Pending(rx) => match rx.recv() {
                    Ok(Ok(c)) => Event::Checked(Box::new(c)),
                    Ok(Err(e)) => Event::Input(e),
                    // Only when the run is stopping: every worker answers every draft.
                    Err(_) => continue,
                },
            };
            if let Err(e) = sink(event) {
                stopped = Some(e);
                break;
            }
        }
        // Dropping the receiving end stops the finder at its next draft, and with it the
        // workers.
        drop(order_rx);
        let summary = finder.join().unwrap_or_default();
        match stopped {
            Some(e) => Err(e),
            None => Ok(summary),
        }
    })
}

/// Hands drafts to the workers and places in the output order to the caller.
struct Finder<'a> {
    order: &'a crossbeam_channel::Sender<Slot>,
    work: &'a crossbeam_channel::Sender<Job>,
    configs: Configs<'a>,
}

/// The finder could not hand on: the caller has stopped.
struct Stopped;

impl Finder<'_> {
    fn event(&mut self, e: Event) -> Result<(), Stopped> {
        self.order.send(Slot::Ready(e)).map_err(|_| Stopped)
    }

    fn input_error(&mut self, path: String, message: String, fatal: bool) -> Result<(), Stopped> {
        self.event(Event::Input(InputError { path, message, fatal }))
    }

    /// Report the configuration errors met so far.
    fn load_errors(&mut self) -> Result<(), Stopped> {
        for e in std::mem::take(&mut self.configs.errors) {
            self.event(Event::Load(e))?;
        }
        Ok(())
    }

    /// The configuration of `path`, with any error loading it reported first.
    fn config(&mut self, path: &Path) -> Result<Option<usize>, Stopped> {
        let c = self.configs.for_path(path);
        self.load_errors()?;
        Ok(c)
    }

    fn check(&mut self, item: Item, config: usize) -> Result<(), Stopped> {
        let (tx, rx) = crossbeam_channel::bounded(1);
        self.order.send(Slot::Pending(rx)).map_err(|_| Stopped)?;
        let loaded = Arc::clone(&self.configs.all[config]);
        self.work.send((item, loaded, tx)).map_err(|_| Stopped)
    }

    /// A path named on the command line or in a list: a file, a directory to walk, or `-`.
    fn path(&mut self, p: &Path, seen: Option<&mut std::collections::HashSet<PathBuf>>) -> Result<(), Stopped> {
        let mut seen = seen;
        let mut first_time = |path: &Path| match seen.as_deref_mut() {
            Some(set) => set.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())),
            None => true,
        };
        if p.as_os_str() == "-" {
            if let Some(c) = self.config(Path::new("."))? {
                self.check(Item::Stdin, c)?;
            }
        } else if p.is_dir() {
            let mut any = false;
            let (found, errors) = walk(p);
            let unreadable = !errors.is_empty();
            for e in errors {
                self.event(Event::Input(e))?;
            }
            for f in found {
                let Some(c) = self.config(&f.path)? else {
                    // Its configuration is broken, and that is reported: not "no drafts found".
                    any = true;
                    continue;
                };
                if wanted(&f.path, &self.configs.all[c]) {
                    any = true;
                    match f.problem {
                        None if first_time(&f.path) => self.check(Item::File(f.path), c)?,
                        None => {}
                        Some(message) => self.input_error(crate::input::display_path(&f.path), message, true)?,
                    }
                }
            }
            if !any && !unreadable {
                let message = format!(
                    "no drafts found (looked for {})",
                    DRAFT_EXTENSIONS
                        .iter()
                        .map(|e| format!(".{e}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                self.input_error(p.display().to_string(), message, false)?;
            }
        } else if p.exists() {
            if let Some(c) = self.config(p)?
                && first_time(p)
            {
                self.check(Item::File(p.to_path_buf()), c)?;
            }
        } else {
            // A dangling symlink or a loop exists as a name; say what is wrong with it.
            let message = match (std::fs::symlink_metadata(p), std::fs::metadata(p)) {
                (Ok(_), Err(e)) => format!("cannot read: {}", crate::files::io_reason(&e)),
                _ => "no such file or directory".to_string(),
            };
            self.input_error(p.display().to_string(), message, true)?;
        }
        Ok(())
    }

    /// Every path of a list, read as it is checked.
    fn list(&mut self, from: &FilesFrom) -> Result<(), Stopped> {
        let name = if from.path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            from.path.display().to_string()
        };
        let reader: Box<dyn std::io::Read> = if from.path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(&from.path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    let message = format!("cannot read the list of paths: {}", crate::files::io_reason(&e));
                    return self.input_error(name, message, true);
                }
            }
        };
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, reader);
        let nul = match from.nul {
            Some(n) => n,
            None => reader.fill_buf().is_ok_and(|b| b.contains(&0)),
        };
        let sep = if nul { 0 } else { b'\n' };
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_until(sep, &mut buf) {
                Ok(0) => return Ok(()),
                Ok(_) => {}
                Err(e) => {
                    let message = format!("cannot read the list of paths: {}", crate::files::io_reason(&e));
                    return self.input_error(name, message, true);
                }
            }
            if buf.last() == Some(&sep) {
                buf.pop();
            }
            if !nul && buf.last() == Some(&b'\r') {
                buf.pop();
            }
            if buf.is_empty() {
                continue;
            }
            match path_from_bytes(&buf) {
                // In a list, `-` is a file of that name, not standard input.
                Some(p) if p.as_os_str() == "-" => self.path(Path::new("./-"), None)?,
                Some(p) => self.path(&p, None)?,
                None => self.input_error(
                    String::from_utf8_lossy(&buf).into_owned(),
                    format!("not a path this system can open (listed in {name})"),
                    true,
                )?,
            }
        }
    }
}

/// A path from the bytes of a list: any bytes on Unix, UTF-8 elsewhere.
fn path_from_bytes(b: &[u8]) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(b)))
    }
    #[cfg(not(unix))]
    {
        std::str::from_utf8(b).ok().map(PathBuf::from)
    }
}

/// Find the drafts and hand them on; the summary of the configurations found.
fn find(request: &Request, order: &crossbeam_channel::Sender<Slot>, work: &crossbeam_channel::Sender<Job>) -> Summary {
    let mut finder = Finder {
        order,
        work,
        configs: Configs::new(request),
    };
    let paths = if request.paths.is_empty() && request.files_from.is_none() {
        vec![PathBuf::from(".")]
    } else {
        request.paths.clone()
    };
    // A file named twice, or named and inside a directory named too, is checked once.
    let mut seen = std::collections::HashSet::new();
    let _ = paths
        .iter()
        .try_for_each(|p| finder.path(p, Some(&mut seen)))
        .and_then(|()| match &request.files_from {
            Some(from) => finder.list(from),
            None => Ok(()),
        });
    let first = finder.configs.all.first();
    let summary = Summary {
        config: first.map(|l| l.config.clone()).unwrap_or_default(),
        rules: first.map(|l| crate::rule_table(&l.rules)).unwrap_or_default(),
    };
    if request.exiting {
        for loaded in std::mem::take(&mut finder.configs.all) {
            std::mem::forget(loaded);
        }
    }
    summary
}

fn check_one(item: &Item, loaded: &Loaded, request: &Request) -> Result<Checked, InputError> {
    let limit = request
        .max_draft_size
        .or(loaded.config.max_draft_size)
        .unwrap_or(crate::files::limits::DRAFT);
    let mut doc = crate::input::read_as(item, &request.stdin_name, limit, &|name| loaded.config.format_for(name))?;
    let opts = loaded.config.options(request.as_of, request.date_order);
    let baseline = request.baseline.as_deref();
    let config = crate::CheckConfig {
        options: opts,
        baseline,
    };
    let crate::Findings {
        extraction: mut ex,
        mut diagnostics,
    } = crate::check(&doc, &loaded.rules, &config);
    let fixed = request.fix.map(|f| {
        let plan = match crate::fix::plan(&doc.text, &diagnostics, f.min, doc.format) {
            Ok(plan) => plan,
            Err(e) => {
                return Fixed {
                    error: Some(e.to_string()),
                    ..Fixed::default()
                };
            }
        };
        let mut fixed = Fixed {
            applied: plan.edits.len(),
            overlapping: plan.overlapping,
            ..Fixed::default()
        };
        if plan.edits.is_empty() {
            return fixed;
        }
        let text = crate::fix::apply(&doc.text, &plan.edits);
        if !f.write {
            fixed.diff = Some(diff(&doc.path, &doc.text, &text));
            return fixed;
        }
        let written = match item {
            Item::File(p) => crate::files::rewrite(p, doc.text.as_bytes(), text.as_bytes()),
            Item::Stdin => Err("not fixed: standard input cannot be written to".to_string()),
        };
        match written {
            Ok(()) => {
                // Report what is left in the draft as it now is.
                doc = Document::new(doc.path.clone(), text, doc.format);
                crate::Findings {
                    extraction: ex,
                    diagnostics,
                } = crate::check(&doc, &loaded.rules, &config);
            }
            Err(e) => {
                fixed.applied = 0;
                fixed.error = Some(e);
            }
        }
        fixed
    });
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
        fixed,
    })
}

/// A unified diff of a draft's text before and after its fixes, as `diff -u` prints one.
fn diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string()
}
