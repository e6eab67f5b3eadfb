//! Snapshot tests over `fixtures/`, one test case per draft, named by its path, so that
//! `cargo test --test fixtures -- clean/leaders` runs those drafts and a failure names its
//! draft. `BLESS=1 cargo test --test fixtures` rewrites the expectations.
//!
//! - A draft (`*.md`, `*.txt`) under a rule's directory (`date/weekday-mismatch/`), `clean/`
//!   or `sample/` is checked with the default rules, and its findings, rendered exactly as
//!   `factlint check --color never` prints them, must equal the `.expected` file beside it
//!   (empty for a draft that must stay silent). A draft may have a `<name>.args` file of
//!   extra flags (`--as-of …`, `--date-order …`) and a `<name>.toml` rule pack. A draft
//!   whose findings suggest replacements has a `.fixed` file beside it: the draft as
//!   `factlint check --fix` leaves it (suggestions of warnings and errors).
//! - `extract/<name>.md` (or `.txt`): `factlint extract` of the draft, run as the command
//!   (with the flags in `<name>.args`, if any), must equal `<name>.expected`.
//! - `config/<case>/`: a directory with its own `factlint.toml` (and whatever else the case
//!   needs: drafts, a baseline, packs), where the command `factlint check --color never`
//!   is run with the arguments in `<case>/args` (default `.`); its exit status and output
//!   must equal `<case>/expected`. So configuration discovery, suppression comments and
//!   baselines are tested through the command itself.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::term::termcolor::NoColor;
use factlint::report::{self, FileReport, Format};
use factlint::rules::{PackSources, Rules};
use libtest_mimic::{Arguments, Failed, Trial};

/// Fixtures whose `.fixed` file holds the right text but whose check suggests a wrong
/// replacement today, with the reason. The harness checks that they still differ, so an
/// entry is removed (and the fixture checked as any other) once the suggestion is right.
const WRONG_SUGGESTIONS: &[(&str, &str)] = &[];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some()
}

fn is_draft(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "md" || e == "txt")
        && !p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("INTENT") || n == "README.md")
}

/// The drafts under `dir`, in path order.
fn drafts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            drafts(&p, out);
        } else if is_draft(&p) {
            out.push(p);
        }
    }
}

/// `fixtures/…` path as the tests name it: relative, with `/`.
fn name(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The options of a draft's `.args` file: `--as-of YYYY-MM-DD` and `--date-order
/// day-month|month-day|unknown`, as `factlint check` reads them.
fn options(args: &str) -> Result<factlint::extract::Options, String> {
    use factlint::extract::date::NumericOrder;
    let mut opts = factlint::extract::Options::default();
    let mut words = args.split_whitespace();
    while let Some(flag) = words.next() {
        let value = words.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag {
            "--as-of" => {
                opts.as_of.flag = Some(
                    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .map_err(|e| format!("--as-of {value}: {e}"))?,
                )
            }
            "--date-order" => {
                opts.numeric_order = match value {
                    "day-month" => NumericOrder::DayMonth,
                    "month-day" => NumericOrder::MonthDay,
                    "unknown" => NumericOrder::Unknown,
                    _ => return Err(format!("--date-order {value}")),
                }
            }
            _ => return Err(format!("{flag} is not a flag the fixtures read")),
        }
    }
    Ok(opts)
}

/// Compare `actual` with the file at `path`; with BLESS, write it instead.
fn snapshot(path: &Path, actual: &str) -> Result<(), Failed> {
    let expected = std::fs::read_to_string(path).ok();
    if expected.as_deref() == Some(actual) {
        return Ok(());
    }
    if bless() {
        return std::fs::write(path, actual).map_err(|e| format!("{}: {e}", path.display()).into());
    }
    Err(match expected {
        Some(expected) => format!("=== expected:\n{expected}\n=== actual:\n{actual}\n(BLESS=1 to accept)"),
        None => format!(
            "no {} (an empty one means the draft must stay silent); actual:\n{actual}",
            path.display()
        ),
    }
    .into())
}

/// One draft checked with the default rules (or its own pack) and rendered as `check` does.
fn check_draft(path: &Path, default: &Rules) -> Result<(), Failed> {
    let rel = name(path);
    let extra = std::fs::read_to_string(path.with_extension("args")).unwrap_or_default();
    let opts = options(&extra).map_err(|e| format!("{rel}.args: {e}"))?;
    let pack = path.with_extension("toml");
    let owned;
    let rules = if pack.exists() {
        owned = Rules::load(&PackSources {
            no_default: false,
            // Relative to the crate (the tests' working directory), so that notes citing the
            // pack read the same on every machine.
            dirs: vec![
                pack.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .map_or(pack.clone(), Path::to_path_buf),
            ],
        })
        .map_err(|e| format!("rule pack: {e:?}"))?;
        &owned
    } else {
        default
    };
    let bytes = std::fs::read(path)?;
    let doc = factlint::input::decode(&rel, bytes)?;
    let factlint::Findings {
        extraction: ex,
        diagnostics: diags,
    } = factlint::check(&doc, rules, &factlint::CheckConfig::new(opts));
    for d in &diags {
        for span in std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span)) {
            if doc.text.get(span.clone()).is_none() {
                return Err(format!("span {span:?} of {} is not in the text", d.rule).into());
            }
        }
    }
    let reports = [FileReport::new(&doc.path, &doc.text, &ex.as_of, &diags)];
    let mut buf = NoColor::new(Vec::new());
    report::render(Format::Human, &mut buf, &reports, &[], &[])?;
    let actual = String::from_utf8(buf.into_inner())?;

    let plan = factlint::fix::plan(&doc.text, &diags, factlint::diagnostic::Severity::Warning, doc.format)?;
    let fixed_path = path.with_extension("fixed");
    let fixed = (!plan.edits.is_empty()).then(|| factlint::fix::apply(&doc.text, &plan.edits));
    let on_disk = std::fs::read_to_string(&fixed_path).ok();
    match (fixed, on_disk) {
        (None, None) => {}
        (Some(fixed), Some(expected)) if WRONG_SUGGESTIONS.iter().any(|(f, _)| *f == rel) => {
            if fixed == expected {
                return Err("its suggestion is right now; remove it from WRONG_SUGGESTIONS".into());
            }
        }
        (Some(fixed), _) => {
            snapshot(&fixed_path, &fixed).map_err(|e| format!("--fix: {}", e.message().unwrap_or("")))?
        }
        (None, Some(_)) if bless() => std::fs::remove_file(&fixed_path)?,
        (None, Some(_)) => return Err("a .fixed file, but nothing to fix".into()),
    }
    snapshot(&path.with_extension("expected"), &actual)
}

/// The command `factlint ARGS` run in `dir`: its exit status and standard output, and
/// standard error when it says anything.
fn command(dir: &Path, args: &[&str]) -> Result<String, Failed> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()?;
    let mut text = format!(
        "exit status: {}\n{}",
        out.status.code().map_or("none".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout)
    );
    if !out.stderr.is_empty() {
        text.push_str("=== standard error:\n");
        text.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    Ok(text)
}

/// `factlint extract` of one draft.
fn extract(path: &Path) -> Result<(), Failed> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extra = std::fs::read_to_string(path.with_extension("args")).unwrap_or_default();
    let mut argv = vec!["extract", file.as_str()];
    argv.extend(extra.split_whitespace());
    let actual = command(dir, &argv)?;
    snapshot(&path.with_extension("expected"), &actual)
}

/// `factlint check` run in a directory with its own configuration.
fn config_case(dir: &Path) -> Result<(), Failed> {
    let args = std::fs::read_to_string(dir.join("args")).unwrap_or_else(|_| ".".to_string());
    let mut argv = vec!["check", "--color", "never"];
    argv.extend(args.split_whitespace());
    let actual = command(dir, &argv)?;
    snapshot(&dir.join("expected"), &actual)
}

/// Every check has a fixtures directory named after its id, and every fixtures directory
/// of a check family names a registered check.
fn every_check_has_fixtures() -> Result<(), Failed> {
    let root = root();
    let mut families = std::collections::BTreeSet::new();
    for (check, _) in factlint::checks::built_in() {
        let mut found = Vec::new();
        drafts(&root.join(check.id), &mut found);
        if found.is_empty() {
            return Err(format!("no fixtures for {} in fixtures/{}", check.id, check.id).into());
        }
        families.extend(check.id.split_once('/').map(|(family, _)| family));
    }
    for family in families {
        for e in std::fs::read_dir(root.join(family))?.filter_map(Result::ok) {
            let id = format!("{family}/{}", e.file_name().to_string_lossy());
            if factlint::checks::find(&id).is_none() {
                return Err(format!("fixtures/{id} names no registered check").into());
            }
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let root = root();
    let mut trials = vec![Trial::test("every check has fixtures", every_check_has_fixtures)];

    let mut extracts = Vec::new();
    drafts(&root.join("extract"), &mut extracts);
    for path in extracts {
        trials.push(Trial::test(name(&path), move || extract(&path)));
    }

    let mut cases: Vec<PathBuf> = std::fs::read_dir(root.join("config"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    cases.sort();
    for dir in cases {
        trials.push(Trial::test(name(&dir), move || config_case(&dir)));
    }

    let mut checked = Vec::new();
    drafts(&root, &mut checked);
    checked.retain(|p| !p.starts_with(root.join("extract")) && !p.starts_with(root.join("config")));
    assert!(
        checked.len() >= 40,
        "expected at least 40 fixture drafts, found {}",
        checked.len()
    );
    // Loaded once, and only when a draft is to be checked.
    let default = Arc::new(std::sync::OnceLock::new());
    for path in checked {
        let default = Arc::clone(&default);
        trials.push(Trial::test(name(&path), move || {
            let rules = default.get_or_init(|| Rules::load(&PackSources::default()).map_err(|e| format!("{e:?}")));
            match rules {
                Ok(rules) => check_draft(&path, rules),
                Err(e) => Err(format!("default rules: {e}").into()),
            }
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
