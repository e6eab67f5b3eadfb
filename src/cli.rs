//! The command line: parse arguments, load the rules, check drafts, print, and say which
//! exit status the run deserves. Errors on one draft are printed and the rest go on.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::baseline::Baseline;
use crate::diagnostic::Severity;
use crate::extract::asof::AsOfOptions;
use crate::extract::date::NumericOrder;
use crate::files::{self, Replace};
use crate::report::{self, FileReport, Format, Streams};
use crate::rules::{PackSources, Rules};
use crate::run::Event;

/// Exit statuses, as ruff and markdownlint use them.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about = "A consistency and fact-check linter for news and editorial copy"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts (files, directories, or - for standard input)
    Check(CheckArgs),
    /// Show what factlint reads out of a draft: dates, people, titles, events, stances
    Extract(ExtractArgs),
    /// Print a rule's documentation with an example
    Explain {
        /// A rule id such as date/weekday-mismatch
        rule: String,
    },
    /// List every rule with its default severity
    Rules(RuleArgs),
    /// Write a commented starter factlint.toml in the current directory
    Init {
        /// Write a starter rule pack in directory NAME instead, with a check and its tests
        #[arg(long, value_name = "NAME")]
        pack: Option<PathBuf>,
    },
    /// Run the Language Server over standard input and output, for editors
    Lsp,
    /// A local page for editors and LanguageTool's HTTP API, for the writing tools they use
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Inspect, validate and import the knowledge base
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Validate rule packs: the default one, plus DIR when given
    Check {
        /// A pack to check on top of the default rules
        dir: Option<PathBuf>,
        /// Check DIR alone, without the default rules
        #[arg(long)]
        no_default_rules: bool,
        /// Also warn of offices whose last recorded change is more than a year before
        /// DATE (YYYY-MM-DD) and whose holder no source confirms since
        #[arg(long, value_name = "DATE")]
        stale: Option<NaiveDate>,
    },
    /// Count what the knowledge base holds, by kind
    Stats(RuleArgs),
    /// Show what the knowledge base knows about a person, office, event, country or topic
    Show {
        /// A name, alias or id
        name: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Turn external data into a rule pack
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// Wikidata SPARQL JSON results for "position held" (see docs/wikidata.md)
    Wikidata {
        /// The results file (application/sparql-results+json)
        file: PathBuf,
        /// The role of the office(s): foreign-minister, head-of-state, …
        #[arg(long)]
        role: String,
        /// The country (ISO 3166-1 alpha-2) when the results do not give `countryCode`
        #[arg(long)]
        country: Option<String>,
        /// The organisation id, for an office of an organisation
        #[arg(long)]
        organization: Option<String>,
        /// The office id to use (default: wd-<position QID>)
        #[arg(long)]
        office_id: Option<String>,
        /// A title copy uses for the office (repeatable; default: the position's label)
        #[arg(long = "title")]
        titles: Vec<String>,
        /// Write the pack here instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Replace the output file even if it is not a pack written by `kb import`
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct RuleArgs {
    /// Add a rule pack (a directory of TOML files, or one file); repeatable
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Do not load the default rules embedded in factlint
    #[arg(long)]
    pub no_default_rules: bool,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The draft's date, overriding the front matter and the dateline (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// How to read numeric dates such as 04/05/2023 (default: the configuration's, or
    /// only where one reading is impossible)
    #[arg(long, value_enum)]
    pub date_order: Option<DateOrder>,
    /// The name to report for a draft read from standard input
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
    /// The largest draft to read (default 64MB, or the configuration's `max-draft-size`)
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_draft_size: Option<u64>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| (1..=9999).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| format!("`{s}` is not a date: write the day as YYYY-MM-DD, for example 2023-04-14"))
}

fn parse_size(s: &str) -> Result<u64, String> {
    files::parse_size(s).ok_or_else(|| format!("`{s}` is not a size: write bytes, or a number with KB, MB or GB"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

fn severity(s: FailOn) -> Severity {
    match s {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DateOrder {
    /// Read a numeric date only where one reading is impossible
    Unknown,
    DayMonth,
    MonthDay,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (default: the current directory); - reads standard input
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorWhen,
    /// Use this configuration file instead of the nearest factlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The lowest severity that fails the run (default: error, or the configuration's)
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Fail when there are more than N warnings
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Report only findings not recorded in this baseline file
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and report nothing)
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Let --write-baseline replace a file that is not a factlint baseline
    #[arg(long)]
    pub force: bool,
    /// With --format json or jsonl: also list each draft's claims, checked and found
    /// consistent or read but not checkable
    #[arg(long)]
    pub claims: bool,
    /// Also check the paths listed in FILE (- for standard input), one a line, or
    /// NUL-separated when the list holds a NUL byte; read as the drafts are checked
    #[arg(long, value_name = "FILE", conflicts_with = "files_from0")]
    pub files_from: Option<PathBuf>,
    /// Like --files-from, with the paths separated by NUL bytes (find -print0)
    #[arg(long, value_name = "FILE")]
    pub files_from0: Option<PathBuf>,
    /// How many drafts to check at once (default: the number of cores); the output keeps
    /// the drafts' order either way
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Apply the safe suggested replacements to the drafts (atomically), then report what
    /// is left
    #[arg(long, conflicts_with_all = ["diff", "write_baseline"])]
    pub fix: bool,
    /// Print the replacements --fix would make as a unified diff, and change nothing
    /// (exit status 1 when there is one)
    #[arg(long, conflicts_with_all = ["format", "write_baseline", "claims"])]
    pub diff: bool,
    /// With --fix or --diff: apply the suggestions of findings at or above this severity
    #[arg(long, value_enum, value_name = "SEVERITY", default_value = "warning")]
    pub fix_severity: FailOn,
    #[command(flatten)]
    pub draft: DraftArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[cfg(feature = "serve")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port)
    #[arg(long, default_value_t = crate::serve::DEFAULT_PORT)]
    pub port: u16,
    /// The address to listen on (default 127.0.0.1; another than loopback needs --public)
    #[arg(long, value_name = "ADDRESS")]
    pub bind: Option<std::net::IpAddr>,
    /// Listen on every interface, so other machines can reach the server (with a warning)
    #[arg(long)]
    pub public: bool,
    /// Send CORS headers to this origin (repeatable; * for any), for clients that need them
    #[arg(long, value_name = "ORIGIN")]
    pub allow_origin: Vec<String>,
    /// Add a rule pack (a directory of TOML files, or one file); repeatable
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Use this configuration file instead of the nearest factlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The draft to read; - reads standard input
    pub path: PathBuf,
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExtractFormat,
    #[command(flatten)]
    pub draft: DraftArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Json,
}

impl DraftArgs {
    pub fn options(&self) -> crate::extract::Options {
        crate::extract::Options {
            as_of: AsOfOptions {
                flag: self.as_of,
                ..AsOfOptions::default()
            },
            numeric_order: self.numeric_order().unwrap_or_default(),
        }
    }

    pub fn numeric_order(&self) -> Option<NumericOrder> {
        self.date_order.map(|o| match o {
            DateOrder::Unknown => NumericOrder::Unknown,
            DateOrder::DayMonth => NumericOrder::DayMonth,
            DateOrder::MonthDay => NumericOrder::MonthDay,
        })
    }
}

fn load_rules(args: &RuleArgs, color: ColorWhen) -> Option<Rules> {
    let sources = PackSources {
        no_default: args.no_default_rules,
        dirs: args.rules.clone(),
    };
    match Rules::load(&sources) {
        Ok(r) => Some(r),
        Err(errors) => {
            let mut err = stderr(color);
            for e in &errors {
                let _ = report::load_error(&mut err, e);
            }
            None
        }
    }
}

fn stderr(color: ColorWhen) -> StandardStream {
    StandardStream::stderr(choice(color, std::io::stderr().is_terminal()))
}

fn choice(color: ColorWhen, terminal: bool) -> ColorChoice {
    match color {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto if terminal && std::env::var_os("NO_COLOR").is_none() => ColorChoice::Auto,
        ColorWhen::Auto => ColorChoice::Never,
    }
}

/// Run a parsed command line; the value is the process exit status.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Extract(args) => extract(&args),
        Command::Explain { rule } => explain(&rule),
        Command::Rules(args) => list_rules(&args),
        Command::Kb { command } => kb(command),
        Command::Init { pack: None } => init(),
        Command::Init { pack: Some(dir) } => init_pack(&dir),
        Command::Lsp => {
            crate::lsp::run_stdio()?;
            Ok(EXIT_CLEAN)
        }
        #[cfg(feature = "serve")]
        Command::Serve(args) => crate::serve::run(&crate::serve::Options {
            port: args.port,
            bind: args.bind,
            public: args.public,
            allow_origin: args.allow_origin,
            rules: args.rules,
            config: args.config,
        }),
    }
}

fn kb(command: KbCommand) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    match command {
        KbCommand::Check {
            dir,
            no_default_rules,
            stale,
        } => {
            let sources = PackSources {
                no_default: no_default_rules,
                dirs: dir.into_iter().collect(),
            };
            let mut err = stderr(ColorWhen::Auto);
            let files = match Rules::load_files(&sources) {
                Ok(f) => f,
                Err(errors) => {
                    errors.iter().try_for_each(|e| report::load_error(&mut err, e))?;
                    return Ok(EXIT_ERROR);
                }
            };
            let (mut problems, warnings, rules) = match Rules::from_files(&files) {
                Ok(rules) => {
                    let mut warnings = crate::kb::validate::warnings(&rules.kb);
                    if let Some(date) = stale {
                        warnings.extend(crate::kb::validate::stale(&rules.kb, date));
                    }
                    (crate::kb::validate::check(&files, &rules.kb), warnings, Some(rules))
                }
                Err(errors) => (errors, Vec::new(), None),
            };
            // The packs' own examples, once the packs load.
            let cases = crate::kb::packtest::collect(&files);
            let mut skipped = 0;
            if let Some(rules) = &rules {
                let (failures, off) = crate::kb::packtest::run(rules, &files, &cases);
                problems.extend(failures);
                skipped = off;
            }
            for e in &problems {
                report::load_error(&mut err, e)?;
            }
            for w in &warnings {
                crate::kb::validate::render_warning(&mut err, w)?;
            }
            if !warnings.is_empty() {
                writeln!(out, "{} warnings (they do not fail the check)", warnings.len())?;
            }
            let facts: usize = files
                .iter()
                .map(|f| f.pack.person.len() + f.pack.office.len() + f.pack.event.len())
                .sum();
            if problems.is_empty() {
                writeln!(
                    out,
                    "{} files checked, no problems ({facts} people, offices and events; {} pack tests passed{})",
                    files.len(),
                    cases.len() - skipped,
                    if skipped > 0 {
                        format!(", {skipped} of checks turned off skipped")
                    } else {
                        String::new()
                    }
                )?;
                Ok(EXIT_CLEAN)
            } else {
                writeln!(out, "{} problems in {} files", problems.len(), files.len())?;
                Ok(EXIT_FINDINGS)
            }
        }
        KbCommand::Stats(args) => {
            let Some(rules) = load_rules(&args, ColorWhen::Auto) else {
                return Ok(EXIT_ERROR);
            };
            write!(out, "{}", crate::kb::show::stats(&rules.kb))?;
            Ok(EXIT_CLEAN)
        }
        KbCommand::Show { name, rules } => {
            let Some(rules) = load_rules(&rules, ColorWhen::Auto) else {
                return Ok(EXIT_ERROR);
            };
            match crate::kb::show::show(&rules.kb, &name) {
                Some(text) => {
                    write!(out, "{text}")?;
                    Ok(EXIT_CLEAN)
                }
                None => {
                    writeln!(std::io::stderr(), "nothing in the knowledge base is called `{name}`")?;
                    Ok(EXIT_FINDINGS)
                }
            }
        }
        KbCommand::Import {
            source:
                ImportSource::Wikidata {
                    file,
                    role,
                    country,
                    organization,
                    office_id,
                    titles,
                    output,
                    force,
                },
        } => {
            if let Some(path) = &output
                && let Err(e) = files::target(path, Replace::ImportedPack, force)
            {
                writeln!(std::io::stderr(), "error: {e}")?;
                return Ok(EXIT_ERROR);
            }
            let json = match files::read_text(&file, files::limits::IMPORT, "Wikidata results") {
                Ok(j) => j,
                Err(e) => {
                    writeln!(std::io::stderr(), "error: {}: {e}", file.display())?;
                    return Ok(EXIT_ERROR);
                }
            };
            let opts = crate::kb::wikidata::ImportOptions {
                role,
                country,
                organization,
                office_id,
                titles,
            };
            match crate::kb::wikidata::import(&json, &opts) {
                Ok(toml) => {
                    match output {
                        Some(path) => {
                            if let Err(e) = files::write(&path, toml.as_bytes(), Replace::ImportedPack, force) {
                                writeln!(std::io::stderr(), "error: {e}")?;
                                return Ok(EXIT_ERROR);
                            }
                        }
                        None => write!(out, "{toml}")?,
                    }
                    Ok(EXIT_CLEAN)
                }
                Err(e) => {
                    writeln!(std::io::stderr(), "error: {}: {e}", file.display())?;
                    Ok(EXIT_ERROR)
                }
            }
        }
    }
}

fn check(args: &CheckArgs) -> Result<u8> {
    let files_from = match (&args.files_from, &args.files_from0) {
        (Some(p), None) => Some(crate::run::FilesFrom {
            path: p.clone(),
            nul: None,
        }),
        (None, Some(p)) => Some(crate::run::FilesFrom {
            path: p.clone(),
            nul: Some(true),
        }),
        _ => None,
    };
    let request = crate::run::Request {
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
        fix: (args.fix || args.diff).then(|| crate::run::FixRequest {
            min: severity(args.fix_severity),
            write: args.fix,
        }),
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
    let mut by_path = baseline.as_ref().map(Baseline::by_path);
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
    let summary = crate::run::run(&request, |event| -> std::io::Result<()> {
        match event {
            Event::Load(e) => {
                failed_to_check = true;
                reporter.load_error(&e)
            }
            Event::Input(e) => {
                failed_to_check |= e.fatal;
                reporter.input_error(&e)
            }
            Event::Checked(mut c) => {
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
                        reporter.input_error(&crate::error::InputError {
                            path: c.doc.path.clone(),
                            message: e.clone(),
                            fatal: true,
                        })?;
                    }
                }
                if args.diff {
                    return Ok(());
                }
                if let Some(by_path) = &mut by_path {
                    c.diagnostics = by_path.filter(&c.doc.path, &c.doc.text, std::mem::take(&mut c.diagnostics));
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

fn init() -> Result<u8> {
    let path = std::path::Path::new(crate::config::FILE_NAME);
    if let Err(e) = files::write(path, crate::config::STARTER.as_bytes(), Replace::Never, false) {
        writeln!(std::io::stderr(), "error: {e}")?;
        return Ok(EXIT_ERROR);
    }
    writeln!(std::io::stdout(), "wrote {}", path.display())?;
    Ok(EXIT_CLEAN)
}

/// A starter pack: one file with a house check, an entry of the knowledge base, and tests
/// of both that `factlint kb check DIR` runs.
fn init_pack(dir: &std::path::Path) -> Result<u8> {
    let path = dir.join("pack.toml");
    let written = std::fs::create_dir_all(dir)
        .map_err(|e| e.to_string())
        .and_then(|()| files::write(&path, STARTER_PACK.as_bytes(), Replace::Never, false).map_err(|e| e.to_string()));
    if let Err(e) = written {
        writeln!(std::io::stderr(), "error: {e}")?;
        return Ok(EXIT_ERROR);
    }
    writeln!(
        std::io::stdout(),
        "wrote {}: run `factlint kb check {}` to validate it and run its tests",
        path.display(),
        dir.display()
    )?;
    Ok(EXIT_CLEAN)
}

const STARTER_PACK: &str = r#"# A rule pack: your newsroom's own facts and house style, on top of factlint's default
# rules. Use it with `factlint check --rules DIR` or `packs = ["DIR"]` in factlint.toml;
# `factlint kb check DIR` validates it and runs its tests. The format is described in
# https://github.com/OWNER/factlint/blob/main/rules/README.md.

# A house-style check: a phrase with the replacement to offer.
[[substitution]]
id = "house/place-names"
message = "write `{}`, not `{}`"
swap = { "Kiev" = "Kyiv", "Bombay" = "Mumbai" }
severity = "warning"

# Tests: a text, optionally the date it is read at (`as_of = 2023-04-14`), and the rules
# that must fire on it (`expect = []`: nothing may fire).
[[substitution.test]]
text = "The minister flew to Kiev on Monday."
expect = ["house/place-names"]

[[substitution.test]]
text = "The minister flew to Kyiv on Monday."
expect = []

# A fact of your beat: a local office, its holder and a test of it. Copy that names someone
# else as holder, or this person after their term, is then flagged.
# [[role]]
# id = "mayor"
# titles = ["Mayor"]
#
# [[person]]
# id = "jane-doe"
# name = "Jane Doe"
# aliases = ["Doe"]
# country = "GB"
# source = "https://…"
#
# [[office]]
# id = "gb-example-mayor"
# country = "GB"
# role = "mayor"
# titles = ["Mayor of Example"]
# source = "https://…"
#
# [[office.term]]
# person = "jane-doe"
# start = 2021-05-08
# source = "https://…"
#
# [[office.test]]
# text = "Mayor of Example Jane Doe opened the bridge."
# as_of = 2024-06-01
# expect = []
"#;

fn extract(args: &ExtractArgs) -> Result<u8> {
    let Some(rules) = load_rules(&args.rules, ColorWhen::Auto) else {
        return Ok(EXIT_ERROR);
    };
    let item = if args.path.as_os_str() == "-" {
        crate::input::Item::Stdin
    } else {
        crate::input::Item::File(args.path.clone())
    };
    let limit = args.draft.max_draft_size.unwrap_or(files::limits::DRAFT);
    let doc = match crate::input::read(&item, &args.draft.stdin_filename, limit) {
        Ok(d) => d,
        Err(e) => {
            report::input_error(&mut std::io::stderr(), &e)?;
            return Ok(EXIT_ERROR);
        }
    };
    let ex = crate::extract::extract(&doc, &rules.kb, &args.draft.options());
    let view = crate::extract::view::View::new(&doc, &ex);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &view)?;
    writeln!(out)?;
    Ok(EXIT_CLEAN)
}

fn explain(rule: &str) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    match crate::checks::find(rule) {
        Some(c) => {
            writeln!(out, "# {}\n\nDefault severity: {}\n\n{}", c.id, c.severity, c.doc)?;
            Ok(EXIT_CLEAN)
        }
        None => {
            let ids: Vec<&str> = crate::checks::ALL.iter().map(|c| c.id).collect();
            writeln!(
                std::io::stderr(),
                "error: unknown rule `{rule}`; rules are: {}",
                ids.join(", ")
            )?;
            Ok(EXIT_ERROR)
        }
    }
}

fn list_rules(args: &RuleArgs) -> Result<u8> {
    let Some(rules) = load_rules(args, ColorWhen::Auto) else {
        return Ok(EXIT_ERROR);
    };
    let mut out = std::io::stdout().lock();
    for c in crate::checks::ALL {
        let state = match rules.enabled.get(c.id) {
            Some(s) => s.to_string(),
            None => "off".to_string(),
        };
        writeln!(out, "{:<28} {:<8} {}", c.id, state, c.summary)?;
    }
    for u in &rules.user {
        writeln!(out, "{:<28} {:<8} user check ({})", u.id, u.severity, u.at)?;
    }
    Ok(EXIT_CLEAN)
}
