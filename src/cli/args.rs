//! The command line's arguments, as clap reads them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use factlint::diagnostic::Severity;
use factlint::extract::asof::AsOfOptions;
use factlint::extract::date::NumericOrder;
use factlint::report::Format;

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
        /// A rule id such as date/weekday-mismatch, a kind of user check such as
        /// substitution, or the id of a user check a pack declares
        rule: String,
        #[command(flatten)]
        packs: RuleArgs,
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
    factlint::files::parse_size(s)
        .ok_or_else(|| format!("`{s}` is not a size: write bytes, or a number with KB, MB or GB"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

/// The output formats by name (`report::Format` knows nothing of clap).
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Format::NAMES)
        .try_map(|name: String| Format::from_name(&name).ok_or_else(|| format!("unknown format `{name}`")))
}

pub fn severity(s: FailOn) -> Severity {
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
    #[arg(long, default_value = "human", value_parser = format_parser())]
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
    #[arg(long, default_value_t = factlint::serve::DEFAULT_PORT)]
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
    pub fn options(&self) -> factlint::extract::Options {
        factlint::extract::Options {
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
