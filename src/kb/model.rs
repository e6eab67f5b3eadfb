//! The knowledge base as it is written in TOML: one struct per table, every fact with its
//! `source`, and the examples (`PackTest`) an entry or a check may carry. These types only
//! describe the files; `Kb::build` turns them into lookups. The whole of a pack file,
//! check settings and user checks included, is `pack::PackFile`.

use crate::kb::spanned::Spanned;
use crate::kb::stored::Stored;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

/// An example a pack carries for one of its entries or checks: a text, the date it is read
/// at, and the rule ids that must fire on it (none: nothing may).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackTest {
    pub text: Spanned<Stored>,
    #[serde(default, deserialize_with = "opt_date", serialize_with = "ser_opt_date")]
    pub as_of: Option<NaiveDate>,
    pub expect: Vec<Spanned<Stored>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub id: Spanned<Stored>,
    pub name: Stored,
    pub official: Option<Stored>,
    #[serde(default)]
    pub aliases: Vec<Stored>,
    #[serde(default)]
    pub demonyms: Vec<Stored>,
    pub capital: Option<Stored>,
    #[serde(default)]
    pub metonyms: Vec<Stored>,
    pub source: Option<Stored>,
    /// Examples the pack's tests check: `[[country.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: Spanned<Stored>,
    pub name: Stored,
    #[serde(default)]
    pub aliases: Vec<Stored>,
    /// The series of its meetings (`nato-summit`): "the alliance" after "the NATO summit"
    /// is the organisation.
    #[serde(default)]
    pub series: Vec<Stored>,
    pub source: Option<Stored>,
    /// Examples the pack's tests check: `[[organization.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

/// A state's membership of an organisation, from the day it joined (`since`) to the first
/// day it was no longer a member (`until`: the day its withdrawal took effect). A
/// suspension is not a withdrawal.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub organization: Spanned<Stored>,
    pub country: Stored,
    #[serde(deserialize_with = "date", serialize_with = "ser_date")]
    pub since: NaiveDate,
    #[serde(default)]
    pub since_precision: Precision,
    #[serde(default, deserialize_with = "opt_date", serialize_with = "ser_opt_date")]
    pub until: Option<NaiveDate>,
    pub source: Option<Stored>,
    /// Examples the pack's tests check: `[[membership.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

impl Membership {
    /// Whether the state was a member at some time in `from..=to`. A `since` known only to
    /// the month or year counts from the start of that month or year.
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        let since = match self.since_precision {
            Precision::Day => self.since,
            Precision::Month => self.since.with_day(1).unwrap_or(self.since),
            Precision::Year => self.since.with_ordinal(1).unwrap_or(self.since),
        };
        since <= to && self.until.is_none_or(|u| u > from)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Spanned<Stored>,
    pub name: Stored,
    #[serde(default)]
    pub aliases: Vec<Stored>,
    #[serde(default)]
    pub variants: Vec<Stored>,
    pub country: Option<Stored>,
    pub source: Option<Stored>,
    /// Examples the pack's tests check: `[[person.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: Spanned<Stored>,
    #[serde(default)]
    pub titles: Vec<Stored>,
    #[serde(default)]
    pub informal: Vec<Stored>,
    /// Examples the pack's tests check: `[[role.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: Spanned<Stored>,
    pub country: Option<Stored>,
    pub organization: Option<Stored>,
    pub role: Stored,
    #[serde(default)]
    pub titles: Vec<Stored>,
    /// Days by which a swearing-in may follow the recorded start of a term: Iran's
    /// president takes office when endorsed and is sworn in before parliament days later.
    #[serde(default)]
    pub sworn_in_within: u32,
    pub source: Option<Stored>,
    #[serde(default)]
    pub term: Vec<Term>,
    /// Examples the pack's tests check: `[[office.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub person: Spanned<Stored>,
    #[serde(deserialize_with = "date", serialize_with = "ser_date")]
    pub start: NaiveDate,
    #[serde(default)]
    pub start_precision: Precision,
    #[serde(default, deserialize_with = "opt_date", serialize_with = "ser_opt_date")]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub end_precision: Precision,
    #[serde(default)]
    pub acting: bool,
    /// The last day a source (named in `source`) shows the holder still in office: what
    /// `kb check --stale` reads as known to continue.
    #[serde(default, deserialize_with = "opt_date", serialize_with = "ser_opt_date")]
    pub confirmed: Option<NaiveDate>,
    pub source: Option<Stored>,
}

/// How much of a date is known. A coarser date never yields a day-level finding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    #[default]
    Day,
}

impl Precision {
    /// A date written to what is known of it: `4 April 2023`, `September 1999`, `1984`.
    pub fn render(self, d: NaiveDate) -> String {
        match self {
            Precision::Day => crate::calendar::long_date(d),
            Precision::Month => d.format("%B %Y").to_string(),
            Precision::Year => d.format("%Y").to_string(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: Spanned<Stored>,
    #[serde(default)]
    pub names: Vec<Stored>,
    pub source: Option<Stored>,
    /// Examples the pack's tests check: `[[series.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Spanned<Stored>,
    pub name: Stored,
    #[serde(default)]
    pub aliases: Vec<Stored>,
    pub series: Option<Stored>,
    pub ordinal: Option<u32>,
    pub kind: Option<Stored>,
    /// A meeting's participants: ids of people or countries. Copy names a meeting by
    /// them ("talks between Lavrov and Wang Yi", "the Russia–China talks").
    #[serde(default)]
    pub participants: Vec<Stored>,
    pub visitor: Option<Stored>,
    pub host: Option<Stored>,
    #[serde(deserialize_with = "date", serialize_with = "ser_date")]
    pub start: NaiveDate,
    #[serde(default, deserialize_with = "opt_date", serialize_with = "ser_opt_date")]
    pub end: Option<NaiveDate>,
    /// The first day of the wider programme around a meeting (ministers' meetings,
    /// forums), which copy may also give as its start: CHOGM week opens days before the
    /// leaders meet.
    #[serde(default, deserialize_with = "opt_date", serialize_with = "ser_opt_date")]
    pub programme_start: Option<NaiveDate>,
    /// An election in two rounds: `start` is the first round's polling day and `end` the
    /// run-off's, so a date given for "the run-off" must be `end`.
    #[serde(default)]
    pub runoff: bool,
    #[serde(default)]
    pub precision: Precision,
    pub place: Option<Stored>,
    pub country: Option<Stored>,
    pub source: Option<Stored>,
    /// Examples the pack's tests check: `[[event.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

impl Event {
    /// A meeting of named participants rather than a summit of a series or a visit.
    pub fn is_meeting(&self) -> bool {
        !self.participants.is_empty()
    }

    /// An agreement, a ruling or an accession (`kind = "agreement"`): named long after the
    /// day it was signed, so only a statement of its signing speaks of that day.
    pub fn is_agreement(&self) -> bool {
        self.kind.as_deref() == Some("agreement")
    }

    /// An election or a referendum (`kind = "election"`): named again when its results
    /// are certified, challenged or annulled, days or weeks after polling day.
    pub fn is_election(&self) -> bool {
        self.kind.as_deref() == Some("election")
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Spanned<Stored>,
    #[serde(default)]
    pub names: Vec<Stored>,
    /// How copy paraphrases the topic, as groups of words: the topic is read from the
    /// object of a stance word when each group has a phrase there (`[["Security
    /// Council", "UNSC"], ["expand", "expanding", "expansion"]]`).
    #[serde(default)]
    pub keys: Vec<Vec<Stored>>,
    pub source: Option<Stored>,
    /// Examples the pack's tests check: `[[topic.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

/// A group of words that state a position: verbs ("oppose", "speak out against"), nouns
/// ("opposition to"), adjectives ("hostile to"). Verbs are written in their base form and
/// inflected (`oppose`, `opposes`, `opposed`, `opposing`); irregular and fixed forms go in
/// `also`. `{their}` stands for any possessive pronoun.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Predicate {
    pub id: Spanned<Stored>,
    pub kind: PredicateKind,
    pub position: Position,
    #[serde(default)]
    pub phrases: Vec<Stored>,
    #[serde(default)]
    pub also: Vec<Stored>,
    /// Examples the pack's tests check: `[[predicate.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PredicateKind {
    /// The subject comes before, the topic after: "China opposes X".
    Verb,
    /// A noun governing the topic: "China's opposition to X", "support for X".
    Noun,
    /// An adjective after a form of "be": "China is hostile to X".
    Adjective,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    Support,
    Oppose,
}

impl Position {
    /// The other position.
    pub fn opposite(self) -> Self {
        match self {
            Position::Support => Position::Oppose,
            Position::Oppose => Position::Support,
        }
    }

    pub fn verb(self) -> &'static str {
        match self {
            Position::Support => "support",
            Position::Oppose => "oppose",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stance {
    pub actor: Spanned<Stored>,
    pub topic: Stored,
    pub position: Position,
    #[serde(default, deserialize_with = "opt_date", serialize_with = "ser_opt_date")]
    pub since: Option<NaiveDate>,
    /// The last day the record vouches for, when the position may have changed since.
    #[serde(default, deserialize_with = "opt_date", serialize_with = "ser_opt_date")]
    pub until: Option<NaiveDate>,
    pub source: Option<Stored>,
    /// Examples the pack's tests check: `[[stance.test]]`.
    #[serde(default)]
    pub test: Vec<PackTest>,
}

/// A TOML date; in the precompiled knowledge base, the day number (`num_days_from_ce`),
/// which loads without parsing text.
fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    if !d.is_human_readable() {
        let days = i32::deserialize(d)?;
        return NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| serde::de::Error::custom("a day out of range"));
    }
    let value = toml::value::Datetime::deserialize(d)?;
    to_date(&value).map_err(serde::de::Error::custom)
}

fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    if !d.is_human_readable() {
        return match Option::<i32>::deserialize(d)? {
            Some(days) => NaiveDate::from_num_days_from_ce_opt(days)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom("a day out of range")),
            None => Ok(None),
        };
    }
    let value = Option::<toml::value::Datetime>::deserialize(d)?;
    value.map(|v| to_date(&v)).transpose().map_err(serde::de::Error::custom)
}

fn ser_date<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        date.serialize(s)
    } else {
        date.num_days_from_ce().serialize(s)
    }
}

#[allow(clippy::ref_option)] // the signature serde's `serialize_with` asks for
fn ser_opt_date<S: serde::Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        date.serialize(s)
    } else {
        date.map(|d| d.num_days_from_ce()).serialize(s)
    }
}

fn to_date(value: &toml::value::Datetime) -> Result<NaiveDate, String> {
    match (value.date, value.time) {
        (Some(d), None) => NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            .ok_or_else(|| format!("`{value}` is not a calendar date")),
        _ => Err(format!("expected a plain date such as 2023-04-14, found `{value}`")),
    }
}
