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
    }
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
