//! The command line: parse arguments, load the rules, check drafts, print, and say which
//! exit status the run deserves. Errors on one draft are printed and the rest go on. All
//! of the printing is here, in the binary: the library returns what it found.

mod args;
mod check;
mod kb;

use std::io::{IsTerminal, Write};

use anyhow::Result;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use factlint::files::{self, Replace};
use factlint::report;
use factlint::rules::{PackSources, Rules};
use factlint::{EXIT_CLEAN, EXIT_ERROR};

pub use args::Cli;
use args::{ColorWhen, Command, ExtractArgs, RuleArgs};

pub(crate) fn load_rules(args: &RuleArgs, color: ColorWhen) -> Option<Rules> {
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

pub(crate) fn stderr(color: ColorWhen) -> StandardStream {
    StandardStream::stderr(choice(color, std::io::stderr().is_terminal()))
}

pub(crate) fn choice(color: ColorWhen, terminal: bool) -> ColorChoice {
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
        Command::Check(args) => check::check(&args),
        Command::Extract(args) => extract(&args),
        Command::Explain { rule, packs } => explain(&rule, &packs),
        Command::Rules(args) => list_rules(&args),
        Command::Kb { command } => kb::kb(command),
        Command::Init { pack: None } => init(),
        Command::Init { pack: Some(dir) } => init_pack(&dir),
        Command::Lsp => {
            factlint::lsp::run(std::io::BufReader::new(std::io::stdin()), std::io::stdout())?;
            Ok(EXIT_CLEAN)
        }
        #[cfg(feature = "serve")]
        Command::Serve(args) => factlint::serve::run(
            &factlint::serve::Options {
                port: args.port,
                bind: args.bind,
                public: args.public,
                allow_origin: args.allow_origin,
                rules: args.rules,
                config: args.config,
            },
            &mut std::io::stdout(),
            &mut StandardStream::stderr(ColorChoice::Never),
        ),
    }
}

fn init() -> Result<u8> {
    let path = std::path::Path::new(factlint::config::FILE_NAME);
    if let Err(e) = files::write(path, factlint::config::STARTER.as_bytes(), Replace::Never, false) {
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
        factlint::input::Item::Stdin
    } else {
        factlint::input::Item::File(args.path.clone())
    };
    let limit = args.draft.max_draft_size.unwrap_or(files::limits::DRAFT);
    let doc = match factlint::input::read(&item, &args.draft.stdin_filename, limit) {
        Ok(d) => d,
        Err(e) => {
            report::input_error(&mut std::io::stderr(), &e)?;
            return Ok(EXIT_ERROR);
        }
    };
    let ex = factlint::extract::extract(&doc, &rules.kb, &args.draft.options());
    let view = factlint::extract::view::View::new(&doc, &ex);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &view)?;
    writeln!(out)?;
    Ok(EXIT_CLEAN)
}

fn explain(id: &str, packs: &RuleArgs) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    if let Some(r) = factlint::checks::rule(id) {
        writeln!(out, "# {}\n\nDefault severity: {}\n\n{}", r.id, r.severity, r.doc)?;
        return Ok(EXIT_CLEAN);
    }
    // Not a rule of factlint's own: perhaps a check a pack declares.
    let Some(rules) = load_rules(packs, ColorWhen::Auto) else {
        return Ok(EXIT_ERROR);
    };
    if let Some(u) = rules.user.iter().find(|u| u.id == id) {
        let kind = u.kind();
        writeln!(
            out,
            "# {}\n\nA `{}` check defined at {}. Severity: {}.\n\n{}",
            u.id, kind.id, u.at, u.severity, kind.doc
        )?;
        return Ok(EXIT_CLEAN);
    }
    let ids: Vec<&str> = factlint::checks::RULES
        .iter()
        .map(|r| r.id)
        .chain(rules.user.iter().map(|u| u.id.as_str()))
        .collect();
    writeln!(
        std::io::stderr(),
        "error: unknown rule `{id}`; rules are: {}",
        ids.join(", ")
    )?;
    Ok(EXIT_ERROR)
}

/// Every rule with its severity (`off` for a built-in check a pack turned off).
fn list_rules(args: &RuleArgs) -> Result<u8> {
    let Some(rules) = load_rules(args, ColorWhen::Auto) else {
        return Ok(EXIT_ERROR);
    };
    let mut out = std::io::stdout().lock();
    for r in factlint::rule_table(&rules) {
        let off = factlint::checks::find(&r.id).is_some() && !rules.enabled.contains_key(r.id.as_str());
        let state = if off { "off".to_string() } else { r.severity.to_string() };
        writeln!(out, "{:<28} {:<8} {}", r.id, state, r.summary)?;
    }
    Ok(EXIT_CLEAN)
}
