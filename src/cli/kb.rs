//! `factlint kb`: validate, count, show and import the knowledge base.

use std::io::Write;

use anyhow::Result;
use factlint::files::{self, Replace};
use factlint::report;
use factlint::rules::{PackSources, Rules};
use factlint::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

use super::args::{ColorWhen, ImportSource, KbCommand};
use super::{load_rules, stderr};

pub fn kb(command: KbCommand) -> Result<u8> {
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
                    let mut warnings = factlint::kb::validate::warnings(&rules.kb);
                    if let Some(date) = stale {
                        warnings.extend(factlint::kb::validate::stale(&rules.kb, date));
                    }
                    (factlint::kb::validate::check(&files, &rules.kb), warnings, Some(rules))
                }
                Err(errors) => (errors, Vec::new(), None),
            };
            // The packs' own examples, once the packs load.
            let cases = factlint::packtest::collect(&files);
            let mut skipped = 0;
            if let Some(rules) = &rules {
                let (failures, off) = factlint::packtest::run(rules, &files, &cases);
                problems.extend(failures);
                skipped = off;
            }
            for e in &problems {
                report::load_error(&mut err, e)?;
            }
            for w in &warnings {
                factlint::report::load_warning(&mut err, w)?;
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
            write!(out, "{}", factlint::kb::show::stats(&rules.kb))?;
            Ok(EXIT_CLEAN)
        }
        KbCommand::Show { name, rules } => {
            let Some(rules) = load_rules(&rules, ColorWhen::Auto) else {
                return Ok(EXIT_ERROR);
            };
            match factlint::kb::show::show(&rules.kb, &name) {
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
            let opts = factlint::kb::wikidata::ImportOptions {
                role,
                country,
                organization,
                office_id,
                titles,
            };
            match factlint::kb::wikidata::import(&json, &opts) {
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
