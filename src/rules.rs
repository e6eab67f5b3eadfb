//! A rule set: the knowledge base plus check settings and user checks, built from the
//! default pack and any `--rules` packs, in that order.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::checks::user::UserCheck;
use crate::diagnostic::Severity;
use crate::error::LoadError;
use crate::kb::Kb;
use crate::kb::load::{self, LoadedFile};

#[derive(Debug)]
pub struct Rules {
    pub kb: Kb,
    /// Built-in check id → severity; absent ids are off.
    pub enabled: HashMap<&'static str, Severity>,
    pub user: Vec<UserCheck>,
}

/// Where packs come from: the embedded default (unless turned off) and directories.
#[derive(Debug, Clone, Default)]
pub struct PackSources {
    pub no_default: bool,
    pub dirs: Vec<PathBuf>,
}

impl Rules {
    pub fn load(sources: &PackSources) -> Result<Self, Vec<LoadError>> {
        if !sources.no_default
            && sources.dirs.is_empty()
            && let Some(rules) = Self::from_image(&[])
        {
            return rules;
        }
        Self::from_files(&Self::load_files(sources)?)
    }

    /// The default rules from the knowledge base compiled into the binary (see
    /// `kb::image`), with `extra` files of settings on top; `None` when the image does not
    /// fit these rules or `extra` holds facts, which must be merged with the TOML.
    fn from_image(extra: &[LoadedFile]) -> Option<Result<Self, Vec<LoadError>>> {
        if extra.iter().any(crate::kb::image::has_facts) {
            return None;
        }
        let image = crate::kb::image::load()?;
        let mut files = Vec::new();
        for path in &image.settings_files {
            match load::parse_file(path, load::embedded_text(path)?) {
                Ok(f) => files.push(f),
                Err(e) => return Some(Err(vec![e])),
            }
        }
        files.extend(extra.iter().cloned());
        Some(Self::settings(&files).map(|(enabled, user)| Rules {
            kb: image.kb,
            enabled,
            user,
        }))
    }

    /// The rules a configuration asks for: the default pack (unless `no_default`), the
    /// configuration's packs, then `extra` packs (the command line's `--rules`), then the
    /// configuration's `[rules]` settings.
    pub fn for_config(
        config: &crate::config::Config,
        extra: &[PathBuf],
        no_default: bool,
    ) -> Result<Self, Vec<LoadError>> {
        let sources = PackSources {
            no_default,
            dirs: config.packs.iter().chain(extra).cloned().collect(),
        };
        if !no_default
            && sources.dirs.is_empty()
            && let Some(rules) = Self::from_image(config.settings.as_slice())
        {
            return rules;
        }
        let mut files = Self::load_files(&sources)?;
        files.extend(config.settings.clone());
        Self::from_files(&files)
    }

    /// The parsed files of every pack, in load order.
    pub fn load_files(sources: &PackSources) -> Result<Vec<LoadedFile>, Vec<LoadError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        if !sources.no_default {
            match load::default_pack() {
                Ok(f) => files.extend(f),
                Err(e) => errors.extend(e),
            }
        }
        for dir in &sources.dirs {
            let pack = if dir.is_file() {
                crate::files::read_text(dir, crate::files::limits::PACK_FILE, "a pack file")
                    .map_err(|e| vec![LoadError::new(dir.display().to_string(), e)])
                    .and_then(|t| {
                        load::parse_file(&dir.display().to_string(), &t)
                            .map(|f| vec![f])
                            .map_err(|e| vec![e])
                    })
            } else {
                load::dir_pack(dir)
            };
            match pack {
                Ok(f) => files.extend(f),
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() { Ok(files) } else { Err(errors) }
    }

    pub fn from_files(files: &[LoadedFile]) -> Result<Self, Vec<LoadError>> {
        let kb = Kb::build(files)?;
        let (enabled, user) = Self::settings(files)?;
        Ok(Rules { kb, enabled, user })
    }

    /// The check settings and user checks of the packs, with every error in them.
    #[allow(clippy::type_complexity)]
    pub fn settings(files: &[LoadedFile]) -> Result<(HashMap<&'static str, Severity>, Vec<UserCheck>), Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut enabled: HashMap<&'static str, Severity> =
            crate::checks::built_in().map(|(c, _)| (c.id, c.severity)).collect();
        let mut user: Vec<UserCheck> = Vec::new();
        for file in files {
            let at = |span| file.origin(span);
            for (id, setting) in &file.pack.checks {
                let origin = at(id.span());
                let known = crate::checks::find(id.get_ref()).map(|c| c.id);
                let user_known = user.iter().any(|u| &u.id == id.get_ref());
                if known.is_none() && !user_known {
                    errors.push(origin.error(format!("unknown check `{}` (see `factlint rules`)", id.get_ref())));
                    continue;
                }
                let severity = match &setting.severity {
                    Some(s) => match Severity::parse(s.get_ref()) {
                        Some(sev) => Some(sev),
                        None => {
                            errors.push(at(s.span()).error(format!(
                                "unknown severity `{}`: use error, warning or info",
                                s.get_ref()
                            )));
                            continue;
                        }
                    },
                    None => None,
                };
                if let Some(k) = known {
                    if setting.enabled == Some(false) {
                        enabled.remove(k);
                    } else if let Some(sev) = severity {
                        enabled.insert(k, sev);
                    } else if setting.enabled == Some(true) {
                        let default = crate::checks::find(k).map_or(Severity::Warning, |c| c.severity);
                        enabled.entry(k).or_insert(default);
                    }
                } else {
                    for u in user.iter_mut().filter(|u| &u.id == id.get_ref()) {
                        if let Some(sev) = severity {
                            u.severity = sev;
                        }
                    }
                    if setting.enabled == Some(false) {
                        user.retain(|u| &u.id != id.get_ref());
                    }
                }
            }
            let mut add = |r: Result<UserCheck, LoadError>| match r {
                Ok(c) => match user.iter().find(|u| u.id == c.id) {
                    Some(first) => errors
                        .push(c.at.error(format!("user check `{}` is defined twice: first at {}", c.id, first.at))),
                    None => user.push(c),
                },
                Err(e) => errors.push(e),
            };
            for s in &file.pack.existence {
                add(UserCheck::existence(s, at(s.id.span())));
            }
            for s in &file.pack.substitution {
                add(UserCheck::substitution(s, at(s.id.span())));
            }
            for s in &file.pack.consistency {
                add(UserCheck::consistency(s, at(s.id.span())));
            }
        }
        if errors.is_empty() {
            Ok((enabled, user))
        } else {
            Err(errors)
        }
    }
}
