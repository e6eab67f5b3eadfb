//! Snapshot tests over `fixtures/`: every draft (`*.md`, `*.txt`) is checked with the
//! default rules and its output, rendered exactly as `factlint check --color never`
//! prints it, must equal the `.expected` file beside it (empty for a clean draft).
//! A draft may have a `<name>.args` file of extra command-line flags (`--as-of …`) and a
//! `<name>.toml` rule pack. A draft whose findings suggest replacements has a `.fixed`
//! file beside it: the draft as `factlint check --fix` leaves it (suggestions of warnings
//! and errors); a draft with nothing to fix has none. `BLESS=1 cargo test --test fixtures`
//! rewrites the expectations.

use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::NoColor;
use factlint::report::{self, FileReport, Format};
use factlint::rules::{PackSources, Rules};

fn drafts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            drafts(&p, out);
        } else if p.extension().is_some_and(|e| e == "md" || e == "txt")
            && !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("INTENT") || n == "README.md")
        {
            out.push(p);
        }
    }
}

/// Fixtures whose `.fixed` file holds the right text but whose check suggests a wrong
/// replacement today, with the reason. The harness checks that they still differ, so an
/// entry is removed (and the fixture checked as any other) once the suggestion is right.
const WRONG_SUGGESTIONS: &[(&str, &str)] = &[];

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

fn sidecar(p: &Path, ext: &str) -> PathBuf {
    p.with_extension(ext)
}

/// Every check has a fixtures directory named after its id, and every fixtures directory
/// of a check family names a registered check.
#[test]
fn every_check_has_fixtures_and_every_fixture_directory_a_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut families = std::collections::BTreeSet::new();
    for (check, _) in factlint::checks::built_in() {
        let dir = root.join(check.id);
        let mut found = Vec::new();
        drafts(&dir, &mut found);
        assert!(!found.is_empty(), "no fixtures for {} in {}", check.id, dir.display());
        families.extend(check.id.split_once('/').map(|(family, _)| family));
    }
    for family in families {
        let Ok(entries) = std::fs::read_dir(root.join(family)) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let id = format!("{family}/{}", e.file_name().to_string_lossy());
            assert!(
                factlint::checks::find(&id).is_some(),
                "fixtures/{id} names no registered check"
            );
        }
    }
}

#[test]
fn fixtures_match_their_expected_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let bless = std::env::var_os("BLESS").is_some();
    let default = Rules::load(&PackSources::default()).unwrap_or_else(|e| panic!("default rules: {e:?}"));
    let mut files = Vec::new();
    drafts(&root, &mut files);
    assert!(
        files.len() >= 40,
        "expected at least 40 fixture drafts, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let extra = std::fs::read_to_string(sidecar(path, "args")).unwrap_or_default();
        let opts = options(&extra).unwrap_or_else(|e| panic!("{rel}.args: {e}"));
        let pack = sidecar(path, "toml");
        let owned;
        let rules = if pack.exists() {
            owned = Rules::load(&PackSources {
                no_default: false,
                // Relative to the crate (the tests' working directory), so that notes
                // citing the pack read the same on every machine.
                dirs: vec![
                    pack.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                        .map_or(pack.clone(), Path::to_path_buf),
                ],
            })
            .unwrap_or_else(|e| panic!("{rel}: rule pack: {e:?}"));
            &owned
        } else {
            &default
        };
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let doc = factlint::input::decode(&rel, bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let (ex, diags) = factlint::check_draft(&doc, rules, &opts, None);
        for d in &diags {
            for span in std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span)) {
                assert!(
                    doc.text.get(span.clone()).is_some(),
                    "{rel}: span {span:?} of {} is not in the text",
                    d.rule
                );
            }
        }
        let reports = [FileReport {
            path: &doc.path,
            text: &doc.text,
            as_of: &ex.as_of,
            diagnostics: &diags,
            claims: None,
        }];
        let mut buf = NoColor::new(Vec::new());
        report::render(Format::Human, &mut buf, &reports, &[], &[]).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let actual = String::from_utf8(buf.into_inner()).unwrap_or_default();
        let plan = factlint::fix::plan(&doc.text, &diags, factlint::diagnostic::Severity::Warning, doc.format)
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        let fixed_path = sidecar(path, "fixed");
        let fixed = (!plan.edits.is_empty()).then(|| factlint::fix::apply(&doc.text, &plan.edits));
        let wrong = WRONG_SUGGESTIONS.iter().find(|(f, _)| *f == rel);
        match (fixed, std::fs::read_to_string(&fixed_path).ok()) {
            (Some(actual), Some(expected)) if wrong.is_some() => {
                if actual == expected {
                    failures.push(format!(
                        "--- {rel}: its suggestion is right now; remove it from WRONG_SUGGESTIONS"
                    ));
                }
            }
            (None, None) => {}
            (Some(actual), Some(expected)) if actual == expected => {}
            (Some(actual), _) if bless => std::fs::write(&fixed_path, actual).unwrap_or_else(|e| panic!("{rel}: {e}")),
            (None, Some(_)) if bless => std::fs::remove_file(&fixed_path).unwrap_or_else(|e| panic!("{rel}: {e}")),
            (Some(actual), Some(expected)) => failures.push(format!(
                "--- {rel}: --fix gives\n{actual}\n=== .fixed says:\n{expected}"
            )),
            (Some(actual), None) => failures.push(format!("--- {rel}: no .fixed file; --fix gives:\n{actual}")),
            (None, Some(_)) => failures.push(format!("--- {rel}: a .fixed file, but nothing to fix")),
        }
        let expected_path = sidecar(path, "expected");
        let expected = std::fs::read_to_string(&expected_path);
        if bless && expected.is_err() {
            std::fs::write(&expected_path, &actual).unwrap_or_else(|e| panic!("{rel}: {e}"));
            continue;
        }
        let Ok(expected) = expected else {
            failures.push(format!(
                "--- {rel}: no .expected file (an empty one means the draft must stay silent)"
            ));
            continue;
        };
        if actual != expected {
            if bless {
                std::fs::write(&expected_path, &actual).unwrap_or_else(|e| panic!("{rel}: {e}"));
            } else {
                failures.push(format!("--- {rel}\n=== expected:\n{expected}\n=== actual:\n{actual}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ (BLESS=1 to accept):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
