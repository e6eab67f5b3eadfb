//! Titles paired with people: before the name ("Russian Foreign Minister Sergey Lavrov",
//! "Foreign Minister of China Qin Gang", "President Xi Jinping of China") and after it
//! ("Lavrov, Russia's top diplomat,"). Modifiers are read: "former", "then-", "acting"
//! change what the title claims; "deputy", "vice", "state" make it another office, which
//! is left alone.

use std::ops::Range;

use serde::Serialize;

use crate::extract::words::GRAMMAR;
use crate::kb::Kb;
use crate::kb::surface::{CountryForm, Hit, Surface};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modifier {
    /// The title is claimed at the relevant date.
    Current,
    /// former, ex-, late: held before the relevant date.
    Former,
    /// then-: held at the date the sentence speaks of.
    Then,
    /// acting, interim, caretaker, outgoing, incoming, designate, elect: a transition.
    Transition,
}

#[derive(Debug, Clone, Serialize)]
pub struct TitleMention {
    /// From the first word of the title phrase to the end of the name.
    pub span: Range<usize>,
    pub title_span: Range<usize>,
    pub person_span: Range<usize>,
    #[serde(skip)]
    pub person: usize,
    pub person_id: String,
    /// The country or organisation the text gives the office, if it gives one.
    pub actor: Option<String>,
    pub actor_span: Option<Range<usize>>,
    /// The country is written as a demonym ("Russian"), not a name.
    #[serde(skip)]
    pub actor_is_demonym: bool,
    /// Offices the title can mean for that actor (or for the person's own country).
    #[serde(skip)]
    pub offices: Vec<usize>,
    pub office_ids: Vec<String>,
    pub modifier: Modifier,
}

/// A title of a kind of office the record knows ("Defence Minister") given to a person, for
/// a country of which the record holds no such office: it cannot be judged against terms,
/// only against the person's other titles in the draft.
#[derive(Debug, Clone, Serialize)]
pub struct RoleMention {
    pub title_span: Range<usize>,
    pub person_span: Range<usize>,
    #[serde(skip)]
    pub person: usize,
    pub role: String,
}

/// The titles of one sentence: those the record can judge, and those it knows only by role.
#[derive(Default)]
pub struct Titles {
    pub offices: Vec<TitleMention>,
    pub roles: Vec<RoleMention>,
    pub unknown: Vec<UnknownHolder>,
}

/// "German Foreign Minister Karl Lauterbach": a country's title before a full name the
/// record does not know. If the record holds that office's holder, the name is not theirs.
#[derive(Debug, Clone, Serialize)]
pub struct UnknownHolder {
    /// From the country to the end of the name.
    pub span: Range<usize>,
    pub name_span: Range<usize>,
    /// The one office the title means for that country.
    #[serde(skip)]
    pub office: usize,
}

// Words before a title that make it a different office: never checked.
crate::scanner!(static OTHER_OFFICE = r"(?i)(?:(?-u:\b)(?:deputy|vice|first|assistant|junior|shadow|state|under|associate|principal|senior|special|regional|provincial|former\s+deputy)[\s-]*|(?-u:\b)vice-)$");
crate::scanner!(static FORMER = r"(?i)(?-u:\b)(?:former|ex-|late|erstwhile|onetime|one-time|previous|[a-z]+-time|ousted|deposed|toppled|overthrown|exiled|(?:ousting|overthrow|removal|impeachment|death|assassination|resignation|fall)\s+of(?:\s+the)?|(?:his|her|their|the)\s+late\s+[a-z]+)\s*$");
crate::scanner!(static AS_BEFORE = r"(?i)(?-u:\b)as\s+(?:the\s+)?$");
crate::scanner!(static THEN = r"(?i)(?-u:\b)then[\s-]*$");
crate::scanner!(static TRANSITION = r"(?i)(?-u:\b)(?:acting|interim|caretaker|outgoing|incumbent|incoming|new|future|would-be|prospective|newly\s+appointed|designated)\s*$");
crate::regex!(static AFTER_TITLE_TRANSITION = r"^[\s-]*(?:designate|elect)(?-u:\b)");
crate::regex!(static OF = r"^\s+of\s+(?:the\s+)?$");
crate::regex!(static SPACE = r"^\s+$");
crate::regex!(static POSSESSIVE_OR_SPACE = r"^(?:['’]s)?\s+$");
crate::regex!(static APPOSITION_START = r"^,\s+(?:(?:the\s+)?(?:then|now|later)\s+)?(?:the\s+|a\s+)?$");
crate::regex!(static APPOSITION_END = r"^(?:\s+of\s+(?:the\s+)?\S.*)?$");

fn title_of(hit: &Hit) -> bool {
    hit.surfaces.iter().any(|s| {
        matches!(
            s,
            Surface::RoleTitle(_) | Surface::OfficeTitle(_) | Surface::Informal(_)
        )
    })
}

fn country_of(kb: &Kb, hit: &Hit, demonym_ok: bool) -> Option<String> {
    hit.surfaces.iter().find_map(|s| match *s {
        Surface::Country { country, form } if demonym_ok || form != CountryForm::Demonym => {
            kb.countries.get(country).map(|c| c.id.get_ref().to_string())
        }
        Surface::Org(o) => kb.organizations.get(o).map(|o| o.id.get_ref().to_string()),
        _ => None,
    })
}

/// The country a title before a name belongs to, from what stands before the title: a
/// country ("Brazil's foreign minister"), or a person in the possessive, for their country
/// ("Merz's foreign minister, Annalena Baerbock").
fn owner_of(kb: &Kb, prose: &str, hit: &Hit) -> Option<String> {
    country_of(kb, hit, true).or_else(|| {
        let possessive = crate::text::possessive_len(prose, &hit.span) > 0;
        hit.surfaces
            .iter()
            .find_map(|s| match *s {
                Surface::Person { person, .. } if possessive => kb.person_country(person),
                _ => None,
            })
            .map(str::to_string)
    })
}

fn person_of(hit: &Hit) -> Option<usize> {
    hit.surfaces.iter().find_map(|s| match s {
        Surface::Person { person, .. } => Some(*person),
        _ => None,
    })
}

/// Title phrases in one sentence. `hits` are the knowledge-base hits inside `sentence`.
pub fn extract(kb: &Kb, prose: &str, sentence: Range<usize>, hits: &[Hit]) -> Titles {
    let gap = |a: &Hit, b: &Hit| crate::text::get(prose, a.span.end..b.span.start);
    let mut out = Vec::new();
    let mut roles = Vec::new();
    for (i, hit) in hits.iter().enumerate() {
        let Some(person) = person_of(hit) else { continue };
        let mut found: Option<(usize, Option<usize>, usize)> = None; // (title hit, country hit, phrase start hit)
        // Before the name: [Country('s)|Demonym] Title [of Country] Name
        if i >= 1 {
            let prev = &hits[i - 1];
            let country_before = (i >= 2
                && POSSESSIVE_OR_SPACE.is_match(gap(&hits[i - 2], prev))
                && owner_of(kb, prose, &hits[i - 2]).is_some())
            .then(|| i - 2);
            // "Brazil's foreign minister, Naledi Pandor": a comma is fine after a title
            // that names its country.
            // Not after "as": "Sunak, at his first G20 as British prime minister, Macron"
            // describes the name before it.
            let comma = gap(prev, hit).trim() == ","
                && (country_before
                    .is_some_and(|c| !AS_BEFORE.is_match(crate::text::get(prose, sentence.start..hits[c].span.start)))
                    || definite(crate::text::get(prose, sentence.start..prev.span.start))
                        && closes_apposition(crate::text::from(prose, hit.span.end)));
            if title_of(prev) && (SPACE.is_match(gap(prev, hit)) || comma) {
                found = Some((i - 1, country_before, country_before.unwrap_or(i - 1)));
            } else if i >= 2
                && country_of(kb, prev, false).is_some()
                && SPACE.is_match(gap(prev, hit))
                && title_of(&hits[i - 2])
                && OF.is_match(gap(&hits[i - 2], prev))
            {
                found = Some((i - 2, Some(i - 1), i - 2));
            }
        }
        let mut after_country: Option<usize> = None;
        if let Some(next) = hits.get(i + 1)
            && OF.is_match(gap(hit, next))
            && country_of(kb, next, false).is_some()
        {
            after_country = Some(i + 1);
        }
        // After the name: Name, [the] [Country's|Demonym] Title [of Country],
        let mut appositive = false;
        if found.is_none() {
            let mut j = i + 1;
            let mut country = None;
            // "De Croo, the former Belgian prime minister": a modifier may stand before the
            // country too.
            if let Some(c) = hits.get(j)
                && (APPOSITION_START.is_match(gap(hit, c)) || appositive_modifier(gap(hit, c)))
                && country_of(kb, c, true).is_some()
            {
                country = Some(j);
                j += 1;
            }
            if let Some(t) = hits.get(j) {
                let lead_ok = match country {
                    Some(c) => POSSESSIVE_OR_SPACE.is_match(gap(&hits[c], t)) || modifier_gap(gap(&hits[c], t)),
                    None => APPOSITION_START.is_match(gap(hit, t)) || appositive_modifier(gap(hit, t)),
                };
                let tail = crate::text::from(prose, t.span.end);
                let tail_ok = tail.starts_with(',')
                    || tail.starts_with('.')
                    || tail.trim().is_empty()
                    || APPOSITION_END.is_match(tail.split([',', '.']).next().unwrap_or(""));
                if title_of(t) && lead_ok && tail_ok {
                    found = Some((j, country, j));
                    appositive = true;
                    if let Some(next) = hits.get(j + 1)
                        && OF.is_match(gap(t, next))
                        && country_of(kb, next, false).is_some()
                    {
                        after_country = Some(j + 1);
                    }
                }
            }
        }
        let Some((t, country_hit, first)) = found else { continue };
        let title_hit = &hits[t];
        // "Nawaf Salam, the president of the International Court of Justice": a title of a
        // body the record does not know is no office of the country in view.
        let country_after_title = country_hit.is_some_and(|c| hits[c].span.start > title_hit.span.start);
        if after_country.is_none()
            && !country_after_title
            && of_another_body(crate::text::from(prose, title_hit.span.end))
        {
            continue;
        }
        if !appositive && country_hit.is_none() && body_before(prose, hits, title_hit, sentence.start) {
            continue;
        }
        // Modifiers sit before the phrase ("former Russian Foreign Minister") or between
        // the country and the title ("Russia's former foreign minister").
        let phrase_start = hits[first].span.start;
        // After the name, the words from it: ", then " in "Lamola, then South Africa's
        // foreign minister", "'s former " in "…, Russia's former foreign minister".
        let lead = if appositive {
            let to = country_hit.map_or(title_hit.span.start, |c| hits[c].span.start);
            crate::text::get(prose, hit.span.end.min(to)..to)
        } else {
            ""
        };
        let before_phrase = if appositive {
            crate::text::get(prose, hits[first].span.start.min(hit.span.end)..title_hit.span.start)
        } else {
            crate::text::get(prose, sentence.start..phrase_start)
        };
        let between = country_hit
            .map(|c| crate::text::get(prose, hits[c].span.end..title_hit.span.start))
            .unwrap_or("");
        let before_title = crate::text::get(prose, sentence.start..title_hit.span.start);
        if OTHER_OFFICE.is_match(before_title)
            || OTHER_OFFICE.is_match(before_phrase)
            || OTHER_OFFICE.is_match(between.trim_start_matches(['\'', '’', 's']))
        {
            continue;
        }
        let modifier = if [before_phrase, between, before_title, lead]
            .iter()
            .any(|t| FORMER.is_match(t))
            || coordinated_after(before_title, "former")
        {
            Modifier::Former
        } else if [
            before_phrase,
            between,
            before_title,
            lead.trim_end().trim_end_matches("the").trim_end(),
        ]
        .iter()
        .any(|t| THEN.is_match(t))
        {
            Modifier::Then
        } else if [before_phrase, between, before_title]
            .iter()
            .any(|t| TRANSITION.is_match(t))
            || AFTER_TITLE_TRANSITION.is_match(crate::text::from(prose, title_hit.span.end))
        {
            Modifier::Transition
        } else {
            Modifier::Current
        };
        let actor_hit = country_hit.or(after_country);
        let actor = actor_hit.and_then(|c| owner_of(kb, prose, &hits[c]));
        let offices = offices_for(kb, title_hit, actor.as_deref(), person);
        if offices.is_empty() {
            if modifier == Modifier::Current
                && let Some(role) = role_only(kb, title_hit, actor.as_deref(), person)
            {
                roles.push(RoleMention {
                    title_span: title_hit.span.clone(),
                    person_span: hit.span.clone(),
                    person,
                    role,
                });
            }
            continue;
        }
        let span_start = if appositive { hit.span.start } else { phrase_start };
        let span_end = if appositive { title_hit.span.end } else { hit.span.end };
        out.push(TitleMention {
            span: span_start..span_end,
            title_span: title_hit.span.clone(),
            person_span: hit.span.clone(),
            person,
            person_id: kb
                .people
                .get(person)
                .map(|p| p.id.get_ref().to_string())
                .unwrap_or_default(),
            actor,
            actor_span: actor_hit.map(|c| hits[c].span.clone()),
            actor_is_demonym: actor_hit.is_some_and(|c| {
                hits[c].surfaces.iter().all(|s| {
                    matches!(
                        s,
                        Surface::Country {
                            form: CountryForm::Demonym,
                            ..
                        }
                    )
                })
            }),
            office_ids: offices
                .iter()
                .filter_map(|&o| kb.offices.get(o))
                .map(|o| o.id.get_ref().to_string())
                .collect(),
            offices,
            modifier,
        });
    }
    let unknown = unknown_holders(kb, prose, &sentence, hits);
    Titles {
        offices: out,
        roles,
        unknown,
    }
}

/// How many words a name the record does not know may have after a title.
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=3;

/// "German Foreign Minister Karl Lauterbach": a country, then a title, then two or three
/// capitalised words no name of the record covers, ending before a lowercase word or a
/// mark. Not after a word that makes it another office ("Deputy"), nor with a modifier of
/// time ("former", "then", "acting").
fn unknown_holders(kb: &Kb, prose: &str, sentence: &Range<usize>, hits: &[Hit]) -> Vec<UnknownHolder> {
    let mut out = Vec::new();
    for (i, title) in hits.iter().enumerate().skip(1) {
        let country = &hits[i - 1];
        let is_title = title
            .surfaces
            .iter()
            .any(|s| matches!(s, Surface::RoleTitle(_) | Surface::OfficeTitle(_)));
        let Some(actor) = country_of(kb, country, true).filter(|_| is_title) else {
            continue;
        };
        if kb.country(&actor).is_none()
            || !POSSESSIVE_OR_SPACE.is_match(crate::text::get(prose, country.span.end..title.span.start))
        {
            continue;
        }
        let before = crate::text::get(prose, sentence.start..country.span.start);
        if OTHER_OFFICE.is_match(before)
            || FORMER.is_match(before)
            || THEN.is_match(before)
            || TRANSITION.is_match(before)
        {
            continue;
        }
        let rest = crate::text::get(prose, title.span.end..sentence.end);
        let Some(name_len) = name_after(rest) else { continue };
        let name_span = title.span.end + (rest.len() - rest.trim_start().len())..title.span.end + name_len;
        if hits
            .iter()
            .any(|h| h.span.start < name_span.end && name_span.start < h.span.end)
        {
            continue;
        }
        let offices: Vec<usize> = title
            .surfaces
            .iter()
            .flat_map(|s| match *s {
                Surface::OfficeTitle(o) if kb.office_actor(o) == Some(actor.as_str()) => vec![o],
                Surface::RoleTitle(r) => kb
                    .roles
                    .get(r)
                    .map(|role| kb.offices_of(&actor, role.id.get_ref()).collect())
                    .unwrap_or_default(),
                _ => Vec::new(),
            })
            .collect();
        if let [office] = offices[..] {
            out.push(UnknownHolder {
                span: country.span.start..name_span.end,
                name_span,
                office,
            });
        }
    }
    out
}

/// The length of a name of capitalised words (`NAME_WORDS`) at the start of `rest`, after
/// its spaces, when a lowercase word or a mark follows it.
fn name_after(rest: &str) -> Option<usize> {
    let lead = rest.len() - rest.trim_start_matches(' ').len();
    if lead != 1 {
        return None;
    }
    let mut end = lead;
    let mut words = 0;
    for w in crate::text::from(rest, lead).split(' ') {
        let core = w
            .trim_end_matches([',', '.', ';', ':', ')'])
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        let capitalised = core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().count() > 1
            && core
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            && core.chars().skip(1).any(char::is_lowercase);
        if !capitalised {
            break;
        }
        words += 1;
        end += core.len() + if words > 1 { 1 } else { 0 };
        if core.len() != w.len() {
            break; // a mark or a possessive ends the name
        }
    }
    let next = rest.get(end..).unwrap_or("");
    let closed = next.is_empty()
        || next.starts_with([',', '.', ';', ':', ')', '\'', '’'])
        || next.trim_start().starts_with(|c: char| c.is_lowercase());
    (NAME_WORDS.contains(&words) && closed).then_some(end)
}

/// Whether the text after a title begins "of (the) <Capitalised>": the body it heads.
fn of_another_body(tail: &str) -> bool {
    let Some(rest) = tail.trim_start().strip_prefix("of ") else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("the ").unwrap_or(rest).trim_start();
    rest.starts_with(|c: char| c.is_uppercase())
}

/// "Nepali Congress president Sher Bahadur Deuba", "Senate President X": a capitalised
/// word the record does not know, inside the sentence and right before a title, names the
/// body whose title it is.
fn body_before(prose: &str, hits: &[Hit], title: &Hit, sentence_start: usize) -> bool {
    let before = crate::text::get(prose, sentence_start..title.span.start);
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return false; // "then-President"
    }
    let word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let word_start = sentence_start + trimmed.len() - word.len();
    let covering = hits
        .iter()
        .find(|h| h.span.start <= word_start && word_start < h.span.end && h.span.end <= title.span.start);
    // "COP27 President Sameh Shoukry": the president of a meeting the record knows.
    if let Some(h) = covering {
        return h
            .surfaces
            .iter()
            .all(|s| matches!(s, Surface::Event(_) | Surface::Series(_)));
    }
    // "LONDON (Reuters) - The foreign secretary, X": an article is capitalised after a
    // dateline's dash as at a sentence's start, and names no body.
    if crate::text::DETERMINERS.contains(&word.to_ascii_lowercase().as_str()) {
        return false;
    }
    // A sentence's first word is capitalised whatever it is ("Meanwhile President X"): only
    // a body's noun names a body there ("Assembly President Annalena Baerbock").
    if word_start == sentence_start {
        return GRAMMAR.body_nouns.contains(word.to_ascii_lowercase().as_str());
    }
    if !word.chars().next().is_some_and(char::is_uppercase) || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
        return false;
    }
    !modifier_gap(word)
}

/// Nouns that end a title, for reading a title coordinated with the one that follows.
const TITLE_HEADS: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "chancellor",
    "premier",
    "governor",
    "ambassador",
    "mayor",
    "chief",
    "leader",
    "head",
    "commissioner",
    "director",
    "chair",
    "chairman",
    "chairwoman",
    "speaker",
];

/// How many words a title coordinated before another may have.
const COORDINATED_TITLE_WORDS: usize = 5;

/// Whether `before` (the text before a title) ends in another title after `modifier`,
/// joined by "and": "former deputy prime minister and " makes the next title a former one
/// too ("former deputy prime minister and finance minister Chrystia Freeland").
fn coordinated_after(before: &str, modifier: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix("and") else {
        return false;
    };
    let words: Vec<&str> = rest
        .split_whitespace()
        .rev()
        .take(COORDINATED_TITLE_WORDS + 1)
        .collect();
    let Some(head) = words.first() else {
        return false;
    };
    if !TITLE_HEADS.contains(&head.to_ascii_lowercase().as_str()) {
        return false;
    }
    for w in words.iter().skip(1) {
        let lower = w.to_ascii_lowercase();
        if lower == modifier {
            return true;
        }
        if !lower.chars().all(|c| c.is_alphabetic() || c == '-') {
            return false;
        }
    }
    false
}

/// Whether the text before a title ends in "the" (with a modifier: "the new"), not after
/// "as": "The new foreign secretary, Priti Patel, …" names the person in apposition; "as the
/// prime minister, Sunak …" describes someone named before.
fn definite(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(str::to_ascii_lowercase)
        .collect();
    let modifier = |w: &str| matches!(w, "new" | "former" | "outgoing" | "incoming" | "acting" | "interim");
    // "the kingdom's crown prince, Mohammed bin Salman": a noun that refers back to the
    // country, in the possessive, is the person's own.
    let refers_back = |w: &str| {
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .is_some_and(|n| GRAMMAR.country_nouns.contains(n))
    };
    let the = |k: usize| words.get(k).is_some_and(|t| t == "the");
    let at = match words.first().map(String::as_str) {
        Some("the") => 0,
        Some(w) if (modifier(w) || refers_back(w)) && the(1) => 1,
        _ => return false,
    };
    words.get(at + 1).is_none_or(|w| w != "as")
}

/// Whether the text after a name closes an apposition ("…, Priti Patel, is") rather than
/// going on with a list ("the president, Amarasuriya and Herath").
fn closes_apposition(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(',') else {
        return after.starts_with(['.', ';', ')']);
    };
    let next = rest.split_whitespace().next().unwrap_or("");
    !matches!(next, "and" | "or") && !next.starts_with(char::is_uppercase)
}

fn modifier_gap(gap: &str) -> bool {
    let g = gap.trim_start_matches(['\'', '’']).trim_start_matches('s');
    g.split_whitespace().all(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "former"
                | "then"
                | "then-"
                | "acting"
                | "interim"
                | "outgoing"
                | "incoming"
                | "new"
                | "late"
                | "deputy"
                | "vice"
        )
    }) && g.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-')
}

fn appositive_modifier(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix(',') else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("the ")
        .or_else(|| rest.strip_prefix("a "))
        .unwrap_or(rest);
    !rest.is_empty() && modifier_gap(rest)
}

/// The role a title names ("Defence Minister"), when it is one role's title and the record
/// holds no office of that role for the country in view (the one written, or the person's).
fn role_only(kb: &Kb, title: &Hit, actor: Option<&str>, person: usize) -> Option<String> {
    let home = actor.or_else(|| kb.person_country(person))?;
    kb.country(home)?;
    let mut roles = title.surfaces.iter().filter_map(|s| match *s {
        Surface::RoleTitle(r) => kb.roles.get(r),
        _ => None,
    });
    let (Some(role), None) = (roles.next(), roles.next()) else {
        return None;
    };
    let id = role.id.get_ref();
    kb.offices_of(home, id).next().is_none().then(|| id.to_string())
}

/// The offices a title can mean: for the actor the text names, or else for the person's
/// own country. A title no office of that actor carries means nothing we know.
fn offices_for(kb: &Kb, title: &Hit, actor: Option<&str>, person: usize) -> Vec<usize> {
    let home = actor.or_else(|| kb.person_country(person));
    // With no country to go by, a title many offices share ("President") means only those
    // the person held; a title of one office ("European Commission president") means it.
    let shared = title
        .surfaces
        .iter()
        .filter(|s| matches!(s, Surface::OfficeTitle(_)))
        .count()
        > 1;
    let mut out = Vec::new();
    for s in &title.surfaces {
        match *s {
            Surface::OfficeTitle(o)
                if home.map_or_else(
                    || !shared || kb.terms_of(person).any(|(held, _)| held == o),
                    |h| kb.office_actor(o) == Some(h),
                ) && !out.contains(&o) =>
            {
                out.push(o);
            }
            Surface::RoleTitle(r) | Surface::Informal(r) => {
                let Some(role) = kb.roles.get(r) else { continue };
                match home {
                    Some(h) => {
                        for o in kb.offices_of(h, role.id.get_ref()) {
                            if !out.contains(&o) {
                                out.push(o);
                            }
                        }
                    }
                    None => {
                        for (o, _) in kb.terms_of(person) {
                            if kb.offices.get(o).is_some_and(|x| &x.role == role.id.get_ref()) && !out.contains(&o) {
                                out.push(o);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if out.is_empty() {
        out = foreign_counterparts(kb, title, actor, person);
    }
    out
}

/// "Malaysian President Joko Widodo": a title particular to the person's own office, given
/// with another country, names that country's office of the same role (whatever it is
/// called there), so that the pairing can be judged.
fn foreign_counterparts(kb: &Kb, title: &Hit, actor: Option<&str>, person: usize) -> Vec<usize> {
    let (Some(actor), Some(home)) = (actor, kb.person_country(person)) else {
        return Vec::new();
    };
    if actor == home {
        return Vec::new();
    }
    let mut out = Vec::new();
    for s in &title.surfaces {
        let Surface::OfficeTitle(o) = *s else { continue };
        if kb.office_actor(o) != Some(home) || !kb.terms_of(person).any(|(held, _)| held == o) {
            continue;
        }
        let Some(role) = kb.offices.get(o).map(|x| x.role.clone()) else {
            continue;
        };
        for counterpart in kb.offices_of(actor, &role) {
            if !out.contains(&counterpart) {
                out.push(counterpart);
            }
        }
    }
    out
}
