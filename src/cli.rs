//! The command line: parse arguments, load the rules, check drafts, print, and say which
//! exit status the run deserves. Errors on one draft are printed and the rest go on.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diagnostic::Severity;
use crate::extract::asof::AsOfOptions;
use crate::extract::date::NumericOrder;
use crate::report::{self, FileReport, Format};
use crate::rules::{PackSources, Rules};

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
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// How to read numeric dates such as 04/05/2023
    #[arg(long, value_enum, default_value = "unknown")]
    pub date_order: DateOrder,
    /// The name to report for a draft read from standard input
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
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
    /// Files or directories to check; - reads standard input
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorWhen,
    #[command(flatten)]
    pub draft: DraftArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
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
            numeric_order: match self.date_order {
                DateOrder::Unknown => NumericOrder::Unknown,
                DateOrder::DayMonth => NumericOrder::DayMonth,
                DateOrder::MonthDay => NumericOrder::MonthDay,
            },
        }
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
    }
}

fn kb(command: KbCommand) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    match command {
        KbCommand::Check { dir, no_default_rules } => {
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
            let problems = match crate::kb::Kb::build(&files) {
                Ok(kb) => crate::kb::validate::check(&files, &kb),
                Err(errors) => errors,
            };
            for e in &problems {
                report::load_error(&mut err, e)?;
            }
            let facts: usize = files
                .iter()
                .map(|f| f.pack.person.len() + f.pack.office.len() + f.pack.event.len())
                .sum();
            if problems.is_empty() {
                writeln!(
                    out,
                    "{} files checked, no problems ({facts} people, offices and events)",
                    files.len()
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
                },
        } => {
            let json = match std::fs::read_to_string(&file) {
                Ok(j) => j,
                Err(e) => {
                    writeln!(std::io::stderr(), "error: {}: cannot read: {e}", file.display())?;
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
                        Some(path) => write_atomically(&path, toml.as_bytes())?,
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

/// Write a file so that it is either wholly there or untouched.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use anyhow::Context;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn check(args: &CheckArgs) -> Result<u8> {
    let Some(rules) = load_rules(&args.rules, args.color) else {
        return Ok(EXIT_ERROR);
    };
    let opts = args.draft.options();
    let (items, mut errors) = crate::input::expand(&args.paths);
    let mut docs = Vec::new();
    for item in &items {
        match crate::input::read(item, &args.draft.stdin_filename) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    let results: Vec<_> = docs.iter().map(|d| crate::check(d, &rules, &opts)).collect();
    let reports: Vec<FileReport<'_>> = docs
        .iter()
        .zip(&results)
        .map(|(d, (ex, diags))| FileReport {
            path: &d.path,
            text: &d.text,
            as_of: &ex.as_of,
            diagnostics: diags,
        })
        .collect();
    let mut out = StandardStream::stdout(choice(args.color, std::io::stdout().is_terminal()));
    let mut err = stderr(args.color);
    report::render(args.format, &mut out, &reports, &errors)?;
    out.flush()?;
    for e in &errors {
        report::input_error(&mut err, e)?;
    }
    let count = |s: Severity| {
        reports
            .iter()
            .flat_map(|r| r.diagnostics.iter())
            .filter(|d| d.severity == s)
            .count()
    };
    let (errs, warns) = (count(Severity::Error), count(Severity::Warning));
    if args.format == Format::Human && std::io::stderr().is_terminal() {
        writeln!(err, "{errs} errors, {warns} warnings in {} files", reports.len())?;
    }
    Ok(if !errors.is_empty() && errors.iter().any(|e| e.fatal) {
        EXIT_ERROR
    } else if errs > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn extract(args: &ExtractArgs) -> Result<u8> {
    let Some(rules) = load_rules(&args.rules, ColorWhen::Auto) else {
        return Ok(EXIT_ERROR);
    };
    let item = if args.path.as_os_str() == "-" {
        crate::input::Item::Stdin
    } else {
        crate::input::Item::File(args.path.clone())
    };
    let doc = match crate::input::read(&item, &args.draft.stdin_filename) {
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
