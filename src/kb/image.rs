//! The default knowledge base compiled ahead of time: the merged facts, their indexes and
//! the name and stance automata, stored with postcard in `src/kb/default.image` and
//! embedded in the binary, so that a run loads it in a millisecond or two instead of
//! parsing and building the TOML of `rules/` (tens of milliseconds).
//!
//! The image is made from `rules/` by `BLESS=1 cargo test --test kb_image`, and that test
//! fails while the committed image is out of date. An image made from other rules, or in
//! another format, is never used: its header carries the hash of the rules it was made
//! from (`build.rs` hashes `rules/` at build time) and the format number below, and a
//! mismatch falls back to parsing the rules. Packs given with `--rules` are parsed as
//! before.

use std::cell::RefCell;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Kb;
use super::load::{self, LoadedFile};
use super::pack::PackFile;
use crate::error::{LoadError, SourceText};

/// Bump when a type stored in the image changes shape.
const FORMAT: u32 = 10;

/// The hash of `rules/` this binary was built with.
pub const RULES_HASH: &str = env!("FACTLINT_RULES_HASH");

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    rules: String,
}

/// What the image holds.
#[derive(Serialize, Deserialize)]
pub struct Image {
    pub kb: Kb,
    /// The default files that set checks or define user checks: small, parsed at load.
    pub settings_files: Vec<String>,
}

/// The default knowledge base from the embedded image, if the image fits these rules.
pub fn load() -> Option<Image> {
    let (header, rest) = postcard::take_from_bytes::<Header>(super::stored::IMAGE).ok()?;
    if header.format != FORMAT || header.rules != RULES_HASH {
        return None;
    }
    postcard::from_bytes(rest).ok()
}

/// The image of the default rules, as `load` reads it.
pub fn make() -> Result<Vec<u8>, Vec<LoadError>> {
    let files = load::default_pack()?;
    let kb = Kb::build(&files)?;
    let settings_files = files
        .iter()
        .filter(|f| has_settings(&f.pack))
        .map(|f| f.path.to_string())
        .collect();
    let header = Header {
        format: FORMAT,
        rules: RULES_HASH.to_string(),
    };
    let encode = |e: postcard::Error| vec![LoadError::new("rules", format!("cannot encode the image: {e}"))];
    let mut out = postcard::to_allocvec(&header).map_err(encode)?;
    out.extend(postcard::to_allocvec(&Image { kb, settings_files }).map_err(encode)?);
    Ok(out)
}

/// A file that turns checks on or off or defines user checks.
pub fn has_settings(pack: &PackFile) -> bool {
    !pack.checks.is_empty()
        || !pack.existence.is_empty()
        || !pack.substitution.is_empty()
        || !pack.consistency.is_empty()
}

/// A file that holds facts (anything but settings). The pattern names every table, so a
/// table added to `PackFile` must be sorted here before the crate compiles.
pub fn has_facts(file: &LoadedFile) -> bool {
    let PackFile {
        country,
        organization,
        membership,
        person,
        role,
        office,
        series,
        event,
        topic,
        stance,
        predicate,
        checks: _,
        existence: _,
        substitution: _,
        consistency: _,
    } = &file.pack;
    !(country.is_empty()
        && organization.is_empty()
        && membership.is_empty()
        && person.is_empty()
        && role.is_empty()
        && office.is_empty()
        && series.is_empty()
        && event.is_empty()
        && topic.is_empty()
        && stance.is_empty()
        && predicate.is_empty())
}

/// A file's path and text, shared by every fact read from it.
type Shared = (Arc<str>, SourceText);

thread_local! {
    static TEXTS: RefCell<Vec<Shared>> = const { RefCell::new(Vec::new()) };
}

/// The path and text of a default file as shared `Arc`s (for an `Origin` read from the image).
pub(crate) fn shared_text(path: &str) -> Shared {
    TEXTS.with(|t| {
        // Thousands of origins name a few dozen files, in runs: the last file is the
        // likeliest, and a short list is searched faster than a path is hashed.
        let mut texts = t.borrow_mut();
        if let Some(i) = texts.iter().rposition(|(p, _)| &**p == path) {
            let last = texts.len() - 1;
            texts.swap(i, last);
            return texts[last].clone();
        }
        let shared: Shared = (
            Arc::from(path),
            SourceText::Embedded(load::embedded_bytes(path).unwrap_or_default()),
        );
        texts.push(shared.clone());
        shared
    })
}
