//! `factlint.toml`: one configuration shared by the command line, the editor and CI. It is
//! found by walking up from each checked file (or given with `--config`); command-line
//! flags override it. Unknown keys and rule names are errors that point into the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::error::LoadError;
use crate::extract::date::NumericOrder;
use crate::kb::pack::{CheckSetting, PackFile};
use crate::source::Format;

pub const FILE_NAME: &str = "factlint.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    /// The draft's date when it gives none: a date, or "today" (the default).
    as_of: Option<Spanned<toml::Value>>,
    date_order: Option<NumericOrder>,
    fail_on: Option<Spanned<String>>,
    max_warnings: Option<usize>,
    /// The largest draft read: bytes, or a size such as "64MB".
    max_draft_size: Option<Spanned<toml::Value>>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    /// Extra rule packs, relative to this file.
    #[serde(default)]
    packs: Vec<String>,
    /// Turn rules off or change their severity: `[rules."date/weekday-mismatch"]`.
    #[serde(default)]
    rules: BTreeMap<crate::kb::spanned::Spanned<String>, CheckSetting>,
    /// Read files with other extensions: `[readers] ".mdx" = "markdown"`.
    #[serde(default)]
    readers: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// A loaded configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    pub as_of: Option<NaiveDate>,
    pub date_order: Option<NumericOrder>,
    pub fail_on: Option<crate::diagnostic::Severity>,
    pub max_warnings: Option<usize>,
    pub max_draft_size: Option<u64>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub packs: Vec<PathBuf>,
    /// Extensions (lower case, without the dot) mapped to the reader that reads them.
    pub readers: BTreeMap<String, Format>,
    /// The `[rules]` table as a pack file, so rule settings go through the one place that
    /// applies them to packs.
    pub settings: Option<crate::kb::load::LoadedFile>,
}

impl Config {
    /// The nearest `factlint.toml` at or above `start` (a file or a directory).
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = if start.is_dir() {
            start.to_path_buf()
        } else {
            start.parent()?.to_path_buf()
        };
        let start = if start.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            start
        };
        let abs = std::fs::canonicalize(&start).unwrap_or(start);
        abs.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let name = path.display().to_string();
        let text = crate::files::read_text(path, crate::files::limits::CONFIG, "a configuration file")
            .map_err(|e| LoadError::new(&name, e))?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Self, LoadError> {
        let name = path.display().to_string();
        let shared: Arc<str> = Arc::from(text);
        let raw: Raw = toml::from_str(text).map_err(|e| LoadError {
            path: name.clone(),
            text: Some(shared.clone()),
            span: e.span(),
            message: e.message().trim_end().to_string(),
        })?;
        let as_of = match &raw.as_of {
            None => None,
            Some(v) => {
                // A string ("2023-04-14", "today") or a bare TOML date (2023-04-14).
                let written = match v.get_ref() {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
                    other => other.to_string(),
                };
                // Explicitly "today": the date a draft is checked is its date, and checks
                // that judge facts at it may speak even when the draft gives no date.
                if written == "today" {
                    Some(chrono::Local::now().date_naive())
                } else {
                    Some(NaiveDate::parse_from_str(&written, "%Y-%m-%d").map_err(|_| {
                        LoadError::at(
                            &name,
                            &shared,
                            v.span(),
                            format!("`as-of` must be a date (YYYY-MM-DD) or \"today\", not `{written}`"),
                        )
                    })?)
                }
            }
        };
        let fail_on = match &raw.fail_on {
            None => None,
            Some(s) => Some(crate::diagnostic::Severity::parse(s.get_ref()).ok_or_else(|| {
                LoadError::at(
                    &name,
                    &shared,
                    s.span(),
                    format!("`fail-on` must be error, warning or info, not `{}`", s.get_ref()),
                )
            })?),
        };
        let max_draft_size = match &raw.max_draft_size {
            None => None,
            Some(v) => {
                let size = match v.get_ref() {
                    toml::Value::Integer(n) => u64::try_from(*n).ok(),
                    toml::Value::String(s) => crate::files::parse_size(s),
                    _ => None,
                };
                Some(size.ok_or_else(|| {
                    LoadError::at(
                        &name,
                        &shared,
                        v.span(),
                        "`max-draft-size` must be a number of bytes or a size such as \"64MB\"",
                    )
                })?)
            }
        };
        for glob in raw.include.iter().chain(&raw.exclude) {
            globset::Glob::new(glob).map_err(|e| LoadError::new(&name, format!("bad glob `{glob}`: {e}")))?;
        }
        let mut readers = BTreeMap::new();
        for (ext, reader) in &raw.readers {
            let key = ext.get_ref().trim_start_matches('.').to_ascii_lowercase();
            if key.is_empty() || key.contains(['/', '\\', '*']) {
                return Err(LoadError::at(
                    &name,
                    &shared,
                    ext.span(),
                    format!(
                        "`[readers]` keys are file extensions such as \".mdx\", not `{}`",
                        ext.get_ref()
                    ),
                ));
            }
            let format = Format::from_name(reader.get_ref()).ok_or_else(|| {
                LoadError::at(
                    &name,
                    &shared,
                    reader.span(),
                    format!(
                        "unknown reader `{}`: the readers are {}",
                        reader.get_ref(),
                        Format::NAMES.join(", ")
                    ),
                )
            })?;
            readers.insert(key, format);
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let settings = crate::kb::load::LoadedFile {
            path: Arc::from(name.as_str()),
            text: shared,
            pack: PackFile {
                checks: raw.rules,
                ..PackFile::default()
            },
        };
        Ok(Config {
            path: Some(path.to_path_buf()),
            as_of,
            date_order: raw.date_order,
            fail_on,
            max_warnings: raw.max_warnings,
            max_draft_size,
            include: raw.include,
            exclude: raw.exclude,
            packs: raw.packs.iter().map(|p| dir.join(p)).collect(),
            readers,
            settings: Some(settings),
        })
    }

    /// Extraction options: the configuration's, with `as_of` from the command line first.
    pub fn options(&self, flag_as_of: Option<NaiveDate>, flag_order: Option<NumericOrder>) -> crate::extract::Options {
        crate::extract::Options {
            as_of: crate::extract::asof::AsOfOptions {
                flag: flag_as_of,
                config: self.as_of,
                today: None,
            },
            numeric_order: flag_order.or(self.date_order).unwrap_or_default(),
        }
    }

    /// The reader for a draft named `name`: the `[readers]` table's for its extension, else
    /// the one its extension implies.
    pub fn format_for(&self, name: &str) -> Format {
        std::path::Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(|e| self.readers.get(&e.to_ascii_lowercase()))
            .copied()
            .unwrap_or_else(|| Format::from_path(name))
    }

    /// Whether a file with extension `ext` is a draft when a directory is walked.
    pub fn reads_extension(&self, ext: &str) -> bool {
        let ext = ext.to_ascii_lowercase();
        crate::input::DRAFT_EXTENSIONS.contains(&ext.as_str()) || self.readers.contains_key(&ext)
    }

    /// The directory globs are relative to.
    pub fn root(&self) -> PathBuf {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    }
}

/// The starter configuration `factlint init` writes.
pub const STARTER: &str = r#"# factlint configuration. Found by walking up from each checked file; the command
# line overrides it. Every key is optional.

# The draft's date when it gives none (no --as-of, front matter `date:` or dateline): a
# date such as "2024-05-01", or "today". Unset, an undated draft is still read as of
# today, but titles and tenses are then judged only at dates the draft itself names.
# as-of = "today"

# How to read numeric dates such as 04/05/2023: "day-month" or "month-day". Unset, only
# dates that can be read one way only are read.
# date-order = "day-month"

# What fails a run (exit status 1): "error" (the default), "warning" or "info".
# fail-on = "error"
# Fail when there are more warnings than this.
# max-warnings = 0

# The largest draft read; a larger one is an error (the default is "64MB").
# max-draft-size = "64MB"

# Which files `factlint check` reads when given directories (globs relative to this file).
# include = ["content/**/*.md"]
# exclude = ["content/archive/**"]

# Extra rule packs: your newsroom's people, positions and house style (see rules/README.md
# in factlint's repository for the format).
# packs = ["factlint-rules/"]

# Turn rules off or change their severity. `factlint rules` lists them.
# [rules."name/inconsistent-spelling"]
# severity = "error"
# [rules."title/inconsistent-title"]
# enabled = false

# Read other extensions with one of the readers: text, markdown, html, docx.
# [readers]
# ".mdx" = "markdown"
# ".php" = "html"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_parses() {
        let uncommented: String = STARTER
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| r.contains('=') || r.starts_with('['))
                    .unwrap_or("")
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(Config::parse(Path::new("factlint.toml"), STARTER).is_ok());
        let c =
            Config::parse(Path::new("factlint.toml"), &uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(c.fail_on, Some(crate::diagnostic::Severity::Error));
    }

    #[test]
    fn as_of_may_be_a_bare_toml_date() {
        let c = Config::parse(Path::new("factlint.toml"), "as-of = 2023-04-14\n");
        assert_eq!(c.ok().and_then(|c| c.as_of), NaiveDate::from_ymd_opt(2023, 4, 14));
        let e = Config::parse(Path::new("factlint.toml"), "as-of = 2023-04-14T10:00:00\n").err();
        assert!(e.is_some_and(|e| e.message.contains("must be a date")));
        let e = Config::parse(Path::new("factlint.toml"), "as-of = \"yesterday\"\n").err();
        assert!(e.is_some_and(|e| e.message.contains("not `yesterday`")));
    }

    #[test]
    fn readers_map_extensions() {
        let c = Config::parse(
            Path::new("factlint.toml"),
            "[readers]\n\".Story\" = \"html\"\ntxt = \"markdown\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.format_for("a/b.story"), Format::Html);
        assert_eq!(c.format_for("b.txt"), Format::Markdown);
        assert_eq!(c.format_for("b.docx"), Format::Docx);
        assert!(c.reads_extension("STORY"));
        assert!(!c.reads_extension("php"));
        let e = Config::parse(Path::new("factlint.toml"), "[readers]\n\".x\" = \"word\"\n").err();
        let e = e.unwrap_or_else(|| panic!("accepted an unknown reader"));
        assert!(e.message.contains("unknown reader `word`"), "{}", e.message);
        assert_eq!(e.line_col(), Some((2, 8)));
    }

    #[test]
    fn unknown_keys_point_into_the_file() {
        let e = Config::parse(Path::new("factlint.toml"), "fail-on = \"error\"\ncolour = true\n").err();
        let e = e.unwrap_or_else(|| panic!("accepted an unknown key"));
        assert!(e.message.contains("unknown field `colour`"), "{}", e.message);
        assert_eq!(e.line_col(), Some((2, 1)));
    }
}
