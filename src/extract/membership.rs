//! Claims that a state belongs to an organisation: "NATO member Sweden", "BRICS members
//! Egypt and Ethiopia", "Sweden, a fellow NATO member,", "Britain, which was a member of
//! the EU,". The nouns, the adjectives they take and the words that deny a claim
//! ("former EU member Britain", "non-NATO Sweden") are data in the grammar lexicon.

use std::ops::Range;

use serde::Serialize;

use super::date::DateMention;
use super::words::GRAMMAR;
use crate::kb::surface::{CountryForm, Hit, Surface};

#[derive(Debug, Clone, Serialize)]
pub struct MembershipClaim {
    /// The state as written.
    pub span: Range<usize>,
    #[serde(skip)]
    pub country: usize,
    #[serde(skip)]
    pub org: usize,
    pub org_span: Range<usize>,
}

/// A day a state is said to have joined an organisation: "Finland joined NATO on 4 April
/// 2023", "Sweden, which joined NATO in 2024,", "Egypt became a member of BRICS in 2024".
#[derive(Debug, Clone, Serialize)]
pub struct JoiningClaim {
    /// The state and the organisation, as a claim of membership reads them.
    #[serde(flatten)]
    pub member: MembershipClaim,
    /// Index of the date in the draft's dates.
    pub date: usize,
}

/// The joining claims in one sentence: a state, a joining phrase (`joining_phrases` in the
/// grammar lexicon), the organisation, and a date right after it in the clause.
pub fn joinings(prose: &str, hits: &[Hit], dates: &[DateMention]) -> Vec<JoiningClaim> {
    let mut out = Vec::new();
    for (k, h) in hits.iter().enumerate() {
        let Some(country) = country_of(h) else {
            continue;
        };
        let after = skip(prose, h.span.end, &[",", "which", "that", "who"]);
        let Some(end) = GRAMMAR
            .joining_phrases
            .iter()
            .find_map(|p| phrase(prose, after, p))
            .or_else(|| nth_member(prose, after))
        else {
            continue;
        };
        let at = word(prose, end, &["the"]).unwrap_or_else(|| skip(prose, end, &[]));
        let Some(org_hit) = hit_at(&hits[k + 1..], at) else {
            continue;
        };
        let Some(org) = org_of(org_hit) else {
            continue;
        };
        // The date: the first after the organisation, with only "in", "on" or a comma
        // between ("joined NATO on 4 April 2023", "joined the SCO in July 2023").
        let from = dates.partition_point(|d| d.span.start < org_hit.span.end);
        let Some(d) = dates.get(from) else {
            continue;
        };
        let gap = crate::text::get(prose, org_hit.span.end..d.span.start).trim();
        if matches!(gap, "" | "in" | "on" | "," | ", in" | ", on") {
            out.push(JoiningClaim {
                member: MembershipClaim {
                    span: h.span.clone(),
                    country,
                    org,
                    org_span: org_hit.span.clone(),
                },
                date: from,
            });
        }
    }
    out
}

/// The claims of membership in one sentence, whose phrases are `hits` (in order).
pub fn extract(prose: &str, hits: &[Hit]) -> Vec<MembershipClaim> {
    let mut out = Vec::new();
    for (k, h) in hits.iter().enumerate() {
        if let Some(org) = org_of(h)
            && !blocked(prose, h.span.start)
        {
            members_after(prose, org, h, &hits[k + 1..], &mut out);
        }
        if let Some(country) = country_of(h) {
            let rest = &hits[k + 1..];
            if let Some((org, org_span)) = membership_after(prose, h.span.end, rest) {
                out.push(MembershipClaim {
                    span: h.span.clone(),
                    country,
                    org,
                    org_span,
                });
            }
        }
    }
    out
}

/// The hit starting at `at`, if any (hits are sorted by their start).
fn hit_at(hits: &[Hit], at: usize) -> Option<&Hit> {
    hits.get(hits.partition_point(|h| h.span.start < at))
        .filter(|h| h.span.start == at)
}

fn org_of(h: &Hit) -> Option<usize> {
    h.surfaces.iter().find_map(|s| match *s {
        Surface::Org(o) => Some(o),
        _ => None,
    })
}

/// A state named by its name or a metonym ("Ankara"), not a demonym.
fn country_of(h: &Hit) -> Option<usize> {
    h.surfaces.iter().find_map(|s| match *s {
        Surface::Country { country, form } if form != CountryForm::Demonym => Some(country),
        _ => None,
    })
}

/// "NATO member Sweden", "NATO's newest member, Finland", "BRICS members Egypt, Ethiopia
/// and Iran": the states after the organisation `h` and a member noun.
fn members_after(prose: &str, org: usize, h: &Hit, rest: &[Hit], out: &mut Vec<MembershipClaim>) {
    let mut at = h.span.end;
    for apostrophe in ["'s", "’s"] {
        if prose.get(at..).is_some_and(|t| t.starts_with(apostrophe)) {
            at += apostrophe.len();
        }
    }
    at = modifiers(prose, at);
    let Some(after_noun) = member_noun(prose, at) else {
        return;
    };
    // Only a plural noun takes a list: "NATO member Turkey, Sweden and Finland signed"
    // names one member.
    let plural = is_plural(prose.get(at..after_noun).unwrap_or_default());
    let mut at = skip(prose, after_noun, &[","]);
    while let Some(next) = hit_at(rest, at) {
        let Some(country) = country_of(next) else {
            break;
        };
        out.push(MembershipClaim {
            span: next.span.clone(),
            country,
            org,
            org_span: h.span.clone(),
        });
        // "Egypt, Ethiopia and Iran": the next state of a list.
        let joined = skip(prose, next.span.end, &[",", "and"]);
        if !plural || prose.get(next.span.end..joined).is_none_or(|t| t.trim().is_empty()) {
            break;
        }
        at = joined;
    }
}

/// ", a fellow NATO member", ", which is a member of the EU", " is a member of BRICS":
/// the organisation a state is said to belong to, from `at` just after the state.
fn membership_after(prose: &str, at: usize, rest: &[Hit]) -> Option<(usize, Range<usize>)> {
    let text = prose.get(at..)?;
    let lead = [
        ", which is ",
        ", which was ",
        ", which has been ",
        ", itself ",
        ", also ",
        ", now ",
        ", already ",
        ", ",
        " is ",
        " was ",
        " has been ",
        " had been ",
        " is also ",
        " was also ",
        " is already ",
        " is now ",
    ];
    let lead = lead
        .iter()
        .filter(|l| starts_with_ignore_case(text, l))
        .map(|l| l.len())
        .max()?;
    let mut pos = at + lead;
    pos = word(prose, pos, &["a", "an", "another"])?;
    pos = modifiers(prose, pos);
    // "a member of the EU"
    if let Some(of) = phrase(prose, pos, "member of").or_else(|| phrase(prose, pos, "member state of")) {
        let of = word(prose, of, &["the"]).unwrap_or_else(|| skip(prose, of, &[]));
        let org = hit_at(rest, of)?;
        return Some((org_of(org)?, org.span.clone()));
    }
    // "a NATO member", "a fellow BRICS member state"
    let org = hit_at(rest, pos)?;
    let after = modifiers(prose, org.span.end);
    let end = member_noun(prose, after)?;
    // The claim is of one state: "a NATO member" is not "NATO members".
    (!is_plural(prose.get(after..end)?)).then_some((org_of(org)?, org.span.clone()))
}

/// "members", "member states", "allies"
fn is_plural(noun: &str) -> bool {
    noun.trim_end().ends_with('s')
}

/// Whether the word before `at` denies or displaces a claim of membership: "former",
/// "non-" and the like, looked for in the two words before.
fn blocked(prose: &str, at: usize) -> bool {
    let before = crate::text::upto(prose, at);
    before
        .trim_end_matches(['-', ' '])
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| {
            GRAMMAR
                .member_blockers
                .contains(w.trim_matches('-').to_lowercase().as_str())
        })
}

/// Past any adjectives of membership ("fellow", "newest") from `at`, and the spaces after.
fn modifiers(prose: &str, mut at: usize) -> usize {
    loop {
        at = skip(prose, at, &[]);
        let w = next_word(prose, at);
        if w.is_empty() || !GRAMMAR.member_modifiers.contains(w.to_lowercase().as_str()) {
            return at;
        }
        at += w.len();
    }
}

/// The end of a member noun ("member", "member state", "allies") at `at`, past spaces.
fn member_noun(prose: &str, at: usize) -> Option<usize> {
    let at = skip(prose, at, &[]);
    GRAMMAR.member_nouns.iter().find_map(|n| phrase(prose, at, n))
}

/// The end of `p` (case-insensitive, whole words) at `at`, past spaces.
fn phrase(prose: &str, at: usize, p: &str) -> Option<usize> {
    let at = skip(prose, at, &[]);
    let text = prose.get(at..)?;
    if !starts_with_ignore_case(text, p) {
        return None;
    }
    let end = at + p.len();
    let boundary = crate::text::char_at(prose, end).is_none_or(|c| !c.is_alphanumeric());
    boundary.then_some(end)
}

/// "became the 31st member of", "became the alliance's 32nd member state of": past "of".
fn nth_member(prose: &str, at: usize) -> Option<usize> {
    let at = word(prose, at, &["became the", "became its", "became"])?;
    let (ordinal, rest) = crate::text::from(prose, at).split_once(' ')?;
    if !super::ordinal::is_ordinal(&ordinal.to_ascii_lowercase()) {
        return None;
    }
    let at = at + ordinal.len() + 1;
    ["member of", "member state of", "full member of"]
        .iter()
        .find(|p| rest.starts_with(**p))
        .map(|p| at + p.len())
}

/// Past one of `words` at `at` and the spaces after it.
fn word(prose: &str, at: usize, words: &[&str]) -> Option<usize> {
    let end = words.iter().find_map(|w| phrase(prose, at, w))?;
    Some(skip(prose, end, &[]))
}

/// The word (letters, digits, hyphens) at `at`.
fn next_word(prose: &str, at: usize) -> &str {
    let text = crate::text::from(prose, at);
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    text.get(..end).unwrap_or_default()
}

/// Past spaces and any of `marks` (punctuation or whole words) from `at`.
fn skip(prose: &str, mut at: usize, marks: &[&str]) -> usize {
    loop {
        let text = crate::text::from(prose, at);
        let trimmed = text.trim_start_matches([' ', '\u{a0}']);
        at += text.len() - trimmed.len();
        let Some(m) = marks.iter().find(|m| {
            starts_with_ignore_case(trimmed, m)
                && (m.starts_with(|c: char| !c.is_alphanumeric())
                    || crate::text::char_at(trimmed, m.len()).is_none_or(|c| !c.is_alphanumeric()))
        }) else {
            return at;
        };
        at += m.len();
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|t| t.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocker_two_words_back_or_joined_by_a_hyphen_denies_the_claim() {
        assert!(blocked("the former EU member", 11));
        assert!(blocked("non-NATO", 4));
        assert!(blocked("a would-be NATO member", 11));
        assert!(!blocked("the NATO member", 4));
    }

    #[test]
    fn member_nouns_are_read_whole_and_longest_first() {
        assert_eq!(member_noun("member states Hungary", 0), Some(13));
        assert_eq!(member_noun(" member Sweden", 0), Some(7));
        assert_eq!(member_noun("membership talks", 0), None);
    }
}
