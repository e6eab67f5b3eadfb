//! Agreements and elections: a date near their names may be a later step's (a ratification,
//! a result certified), so the words of those steps are read before the date is compared.

use super::*;

pub(super) fn agreement(kb: &Kb, event: usize) -> bool {
    kb.events.get(event).is_some_and(|e| e.is_agreement())
}

pub(super) fn election(kb: &Kb, event: usize) -> bool {
    kb.events.get(event).is_some_and(|e| e.is_election())
}

/// A series of elections: its events are elections.
pub(super) fn election_series(kb: &Kb, series: usize) -> bool {
    kb.series_events(series).any(|(_, e)| e.is_election())
}

/// "was declared the winner of Mexico's presidential election on 8 July", "the election
/// results were announced on 6 June": a word of what came after polling day (see
/// `aftermath_words`) before the election's name in its sentence, or between the name and
/// the next comma or number. The date is then that later day's.
pub(super) fn aftermath_stated(prose: &str, sentence: &Range<usize>, span: &Range<usize>) -> bool {
    let from = crate::text::floor_char_boundary(prose, span.start.saturating_sub(SIGNING_REACH).max(sentence.start));
    let rest = crate::text::get(prose, span.end..sentence.end);
    let to = span.end
        + rest
            .find(|c: char| c == ',' || c == ';' || c.is_ascii_digit())
            .unwrap_or(rest.len());
    has_word_of(
        crate::text::get(prose, from..span.start),
        &crate::extract::words::GRAMMAR.aftermath_words,
    ) || has_word_of(
        crate::text::get(prose, span.end..to),
        &crate::extract::words::GRAMMAR.aftermath_words,
    )
}

/// Whether `text` holds a word (letters and hyphens, compared lowercased) of `set`.
pub(super) fn has_word_of(text: &str, set: &std::collections::HashSet<String>) -> bool {
    text.split(|c: char| !c.is_alphabetic() && c != '-')
        .any(|w| !w.is_empty() && set.contains(w.to_ascii_lowercase().as_str()))
}

/// How far around an agreement's name a verb of signing is looked for, in bytes.
pub(super) const SIGNING_REACH: usize = 60;

/// "The Pretoria agreement was signed on …", "signed the Abraham Accords on …": a verb of
/// signing (see `signing_verbs`) near the agreement's name, in its sentence. Without one,
/// a date near the name is some other day in the agreement's life ("withdrew from it in May
/// 2018"), and the name dates nothing.
pub(super) fn signing_stated(prose: &str, sentence: &Range<usize>, span: &Range<usize>) -> bool {
    let from = crate::text::floor_char_boundary(prose, span.start.saturating_sub(SIGNING_REACH).max(sentence.start));
    let to = crate::text::floor_char_boundary(prose, (span.end + SIGNING_REACH).min(sentence.end));
    let words: Vec<String> = crate::text::get(prose, from..to)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    // "signed the protocol for Britain to join the CPTPP on Sunday": what was signed is a
    // step in the agreement's later life (see `later_instruments`), not the agreement.
    let later = &crate::extract::words::GRAMMAR.later_instruments;
    if has_word_of(crate::text::get(prose, from..span.start), later)
        || has_word_of(crate::text::get(prose, span.end..to), later)
    {
        return false;
    }
    // "agreed in principle on 30 September": a step before the agreement, not its day.
    words.iter().enumerate().any(|(k, w)| {
        crate::extract::words::GRAMMAR.signing_verbs.contains(w.as_str())
            && !(words.get(k + 1).is_some_and(|n| n == "in")
                && words
                    .get(k + 2)
                    .is_some_and(|n| matches!(n.as_str(), "principle" | "outline")))
    })
}
