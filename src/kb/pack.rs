//! A file of a rule pack as it is written in TOML: the knowledge base's tables
//! (`model`), settings of the built-in checks, and the checks a pack declares in the
//! manner of Vale. `load` reads files into these types; `Kb::build` takes the facts,
//! `rules::Rules` the settings and, through `checks::user`, the user checks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::*;
use super::spanned::Spanned;

/// One TOML file of a pack. Every table is optional, so a file may hold any mix.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    #[serde(default)]
    pub country: Vec<Country>,
    #[serde(default)]
    pub organization: Vec<Organization>,
    #[serde(default)]
    pub membership: Vec<Membership>,
    #[serde(default)]
    pub person: Vec<Person>,
    #[serde(default)]
    pub role: Vec<Role>,
    #[serde(default)]
    pub office: Vec<Office>,
    #[serde(default)]
    pub series: Vec<Series>,
    #[serde(default)]
    pub event: Vec<Event>,
    #[serde(default)]
    pub topic: Vec<Topic>,
    #[serde(default)]
    pub stance: Vec<Stance>,
    /// Words and phrases that state a stance: `[[predicate]]`.
    #[serde(default)]
    pub predicate: Vec<Predicate>,
    /// `[checks."date/weekday-mismatch"]`: turn a check off or change its severity.
    #[serde(default)]
    pub checks: BTreeMap<Spanned<String>, CheckSetting>,
    #[serde(default)]
    pub existence: Vec<ExistenceSpec>,
    #[serde(default)]
    pub substitution: Vec<SubstitutionSpec>,
    #[serde(default)]
    pub consistency: Vec<ConsistencySpec>,
}

impl PackFile {
    /// The fields every user check of the file has, whatever its kind: kind by kind, each
    /// in file order.
    pub fn user_checks(&self) -> impl Iterator<Item = Common<'_>> {
        let existence = self.existence.iter().map(ExistenceSpec::common);
        let substitution = self.substitution.iter().map(SubstitutionSpec::common);
        existence
            .chain(substitution)
            .chain(self.consistency.iter().map(ConsistencySpec::common))
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSetting {
    pub enabled: Option<bool>,
    pub severity: Option<Spanned<String>>,
    /// Examples the pack's tests check: `[checks."id".test]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

/// The fields every kind of user check has, as its spec holds them.
pub struct Common<'a> {
    pub id: &'a Spanned<String>,
    pub severity: Option<&'a str>,
    pub ignorecase: bool,
    /// Examples the pack's tests check: `[[existence.test]]` and the like.
    pub test: &'a [PackTest],
}

/// Declares the TOML form of a kind of user check: the fields every kind has (`id`,
/// `severity`, `ignorecase` and the `test` examples), then the kind's own, with `common()`
/// to read the first.
macro_rules! spec {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub id: $crate::kb::spanned::Spanned<String>,
            $($(#[$fmeta])* pub $field: $ty,)*
            #[serde(default)]
            pub ignorecase: bool,
            pub severity: Option<String>,
            /// Examples the pack's tests check: `[[existence.test]]` and the like.
            #[serde(default)]
            pub test: Vec<PackTest>,
        }

        impl $name {
            pub fn common(&self) -> Common<'_> {
                Common {
                    id: &self.id,
                    severity: self.severity.as_deref(),
                    ignorecase: self.ignorecase,
                    test: &self.test,
                }
            }
        }
    };
}

spec! {
    /// `[[existence]]` as a pack writes it.
    ExistenceSpec {
        /// Shown for each match; `{}` stands for the matched text.
        message: String,
        tokens: Vec<String>,
    }
}

spec! {
    /// `[[substitution]]` as a pack writes it.
    SubstitutionSpec {
        /// `{}` stands for the replacement, then the matched text.
        message: Option<String>,
        /// Found phrase → replacement.
        swap: BTreeMap<String, String>,
    }
}

spec! {
    /// `[[consistency]]` as a pack writes it.
    ConsistencySpec {
        /// Pairs of spellings; a draft must keep to one of each pair.
        either: Vec<[String; 2]>,
    }
}
