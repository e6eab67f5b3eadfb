//! `factlint check`: run the check over the paths, hand each result to the format's
//! reporter as it comes, fix or diff when asked, and choose the exit status.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use codespan_reporting::term::termcolor::StandardStream;
use factlint::baseline::Baseline;
use factlint::diagnostic::Severity;
use factlint::files::{self, Replace};
use factlint::report::{FileReport, Format, Streams};
use factlint::run::Event;
use factlint::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

use super::args::{CheckArgs, severity};
use super::{choice, stderr};

pub fn check(args: &CheckArgs) -> Result<u8> {
    let files_from = match (&args.files_from, &args.files_from0) {
        (Some(p), None) => Some(factlint::run::FilesFrom {
            path: p.clone(),
            nul: None,
        }),
        (None, Some(p)) => Some(factlint::run::FilesFrom {
            path: p.clone(),
            nul: Some(true),
        }),
        _ => None,
    };
    let mut request = factlint::run::Request {
        paths: args.paths.clone(),
        config: args.config.clone(),
        extra_rules: args.rules.rules.clone(),
        no_default_rules: args.rules.no_default_rules,
        as_of: args.draft.as_of,
        date_order: args.draft.numeric_order(),
        stdin_name: args.draft.stdin_filename.clone(),
        max_draft_size: args.draft.max_draft_size,
        claims: args.claims,
        files_from,
        jobs: args.jobs,
        fix: (args.fix || args.diff).then(|| factlint::run::FixRequest {
            min: severity(args.fix_severity),
            write: args.fix,
        }),
        baseline: None,
        exiting: true,
    };
    let mut err = stderr(args.color);
    if args.claims && !matches!(args.format, Format::Json | Format::Jsonl) {
        writeln!(
            err,
            "error: --claims is given in the JSON formats: add --format json or jsonl"
        )?;
        return Ok(EXIT_ERROR);
    }
    let list_on_stdin = request.files_from.as_ref().is_some_and(|f| f.path.as_os_str() == "-");
    if list_on_stdin && args.paths.iter().any(|p| p.as_os_str() == "-") {
        writeln!(
            err,
            "error: standard input cannot be both a draft (-) and the list of paths (--files-from -)"
        )?;
        return Ok(EXIT_ERROR);
    }
    if args.fix && args.paths.iter().any(|p| p.as_os_str() == "-") {
        writeln!(
            err,
            "error: --fix cannot write to standard input: use --diff to see the changes, or name the file"
        )?;
        return Ok(EXIT_ERROR);
    }
    // Refuse a baseline target that would lose data before spending time on the run.
    if let Some(path) = &args.write_baseline
        && let Err(e) = files::target(path, Replace::Baseline, args.force)
    {
        writeln!(err, "error: {e}")?;
        return Ok(EXIT_ERROR);
    }
    let baseline = match &args.baseline {
        Some(path) => match Baseline::read(path) {
            Ok(b) => Some(b),
            Err(e) => {
                writeln!(err, "error: {}: cannot read the baseline: {e}", path.display())?;
                return Ok(EXIT_ERROR);
            }
        },
        None => None,
    };
    request.baseline = baseline.map(|b| std::sync::Arc::new(b.index()));
    let mut recorded = args
        .write_baseline
        .as_ref()
        .map(|_| Baseline::record(std::iter::empty()));
    let bar = progress_bar();
    let mut out = StandardStream::stdout(choice(args.color, std::io::stdout().is_terminal()));
    // Writing a baseline or a diff reports nothing but the errors, in the human format.
    let quiet = recorded.is_some() || args.diff;
    let format = if quiet { Format::Human } else { args.format };
    let mut sink = codespan_reporting::term::termcolor::NoColor::new(std::io::sink());
    let mut reporter = format.reporter(Streams {
        out: if quiet { &mut sink } else { &mut out },
        err: &mut err,
    });
    // With --diff the diffs go to standard output as the drafts are checked.
    let mut diff_out = std::io::stdout();
    let (mut fixes, mut fixed_files, mut overlapping, mut diffs) = (0usize, 0usize, 0usize, 0usize);
    let (mut errs, mut warns, mut files_checked) = (0usize, 0usize, 0usize);
    let mut failed_to_check = false;
    let mut worst = None;
    let summary = factlint::run::run(&request, |event| -> std::io::Result<()> {
        match event {
            Event::Load(e) => {
                failed_to_check = true;
                reporter.load_error(&e)
            }
            Event::Input(e) => {
                failed_to_check |= e.fatal;
                reporter.input_error(&e)
            }
            Event::Checked(c) => {
                files_checked += 1;
                if let Some(b) = &bar {
                    b.inc(1);
                }
                if let Some(f) = &c.fixed {
                    fixes += f.applied;
                    fixed_files += usize::from(f.applied > 0);
                    overlapping += f.overlapping;
                    if let Some(d) = &f.diff {
                        diffs += 1;
                        diff_out.write_all(d.as_bytes())?;
                    }
                    if let Some(e) = &f.error {
                        failed_to_check = true;
                        reporter.input_error(&factlint::error::InputError {
                            path: c.doc.path.clone(),
                            message: e.clone(),
                            fatal: true,
                        })?;
                    }
                }
                if args.diff {
                    return Ok(());
                }
                for d in &c.diagnostics {
                    match d.severity {
                        Severity::Error => errs += 1,
                        Severity::Warning => warns += 1,
                        Severity::Info => {}
                    }
                    worst = worst.max(Some(d.severity));
                }
                if let Some(b) = &mut recorded {
                    let one = Baseline::record(std::iter::once((
                        c.doc.path.as_str(),
                        c.doc.text.as_str(),
                        c.diagnostics.as_slice(),
                    )));
                    b.findings.extend(one.findings);
                    return Ok(());
                }
                reporter.file(&FileReport {
                    claims: args.claims.then_some(c.claims.as_slice()),
                    ..FileReport::new(&c.doc.path, &c.doc.text, &c.as_of, &c.diagnostics)
                })
            }
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let summary = summary?;
    reporter.finish(&summary.rules)?;
    drop(reporter);
    if let (Some(path), Some(b)) = (&args.write_baseline, &recorded) {
        if let Err(e) = files::write(
            path,
            serde_json::to_string_pretty(b)?.as_bytes(),
            Replace::Baseline,
            args.force,
        ) {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_ERROR);
        }
        writeln!(err, "wrote {} findings to {}", b.findings.len(), path.display())?;
        return Ok(if failed_to_check { EXIT_ERROR } else { EXIT_CLEAN });
    }
    if args.fix {
        let left = if overlapping > 0 {
            format!("; {overlapping} overlapping another fix left for another run")
        } else {
            String::new()
        };
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        writeln!(
            err,
            "fixed {} in {}{left}",
            plural(fixes, "finding", "findings"),
            plural(fixed_files, "file", "files")
        )?;
    }
    if args.diff {
        diff_out.flush()?;
        return Ok(if failed_to_check {
            EXIT_ERROR
        } else if diffs > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        });
    }
    if args.format == Format::Human && std::io::stderr().is_terminal() {
        writeln!(err, "{errs} errors, {warns} warnings in {files_checked} files")?;
    }
    let fail_on = args
        .fail_on
        .map(severity)
        .unwrap_or(summary.config.fail_on.unwrap_or(Severity::Error));
    let max_warnings = args.max_warnings.or(summary.config.max_warnings);
    let failed = worst.is_some_and(|w| w >= fail_on) || max_warnings.is_some_and(|m| warns > m);
    Ok(if failed_to_check {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// A progress bar on standard error, only when it is a terminal.
fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::no_length();
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} checked {pos} drafts")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}
