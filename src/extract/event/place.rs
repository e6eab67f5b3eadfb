//! Where a mention puts its event: a country or city written with it, and whether that
//! agrees with the record.

use super::*;

pub(super) fn place_of(kb: &Kb, hit: &Hit) -> Option<Place> {
    hit.surfaces.iter().find_map(|s| match *s {
        // A capital named as a place is the city, not the whole country.
        Surface::Country {
            country,
            form: CountryForm::Metonym,
        } => {
            let c = kb.countries.get(country)?;
            match &c.capital {
                Some(cap) if c.metonyms.iter().any(|m| m == cap) => Some(Place::City(cap.to_string())),
                _ => Some(Place::Country(c.id.get_ref().to_string())),
            }
        }
        Surface::Country { country, form } if form != CountryForm::Demonym => kb
            .countries
            .get(country)
            .map(|c| Place::Country(c.id.get_ref().to_string())),
        Surface::Place(e) => kb
            .events
            .get(e)
            .and_then(|e| e.place.as_ref())
            .map(|p| Place::City(p.to_string())),
        _ => None,
    })
}

/// The event ids a place can stand for: its city or its country.
pub fn place_matches(kb: &Kb, event: usize, place: &Place) -> bool {
    let Some(e) = kb.events.get(event) else { return false };
    match place {
        Place::Country(c) => e.country.as_deref() == Some(c) || e.host.as_deref() == Some(c),
        Place::City(city) => e.place.as_deref().is_some_and(|p| same_city(p, city)),
    }
}

/// One city however its accents and its "Saint" are written: "Reykjavik", "Reykjavík";
/// "Saint Petersburg", "St Petersburg", "St. Petersburg".
pub(super) fn same_city(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let folded = crate::spelling::fold(s);
        ["st. ", "st ", "saint "]
            .iter()
            .find_map(|p| folded.strip_prefix(p))
            .map_or(folded.clone(), |rest| format!("saint {rest}"))
    };
    a.eq_ignore_ascii_case(b) || key(a) == key(b)
}

/// The place the text gives for a mention: a city or country after it in its clause,
/// introduced by "in" or "at", with only linking words between; or one just before it
/// ("the Johannesburg summit").
pub(super) fn attached_place(
    cx: &Context<'_>,
    hits: &[Hit],
    i: usize,
    sentence: &Range<usize>,
) -> Option<(Place, Range<usize>)> {
    let hit = &hits[i];
    if let Some(found) = attached_place_after(cx, hits, i + 1, hit.span.end, sentence) {
        return Some(found);
    }
    let prev = hits.get(i.checked_sub(1)?)?;
    let gap = crate::text::get(cx.prose, prev.span.end..hit.span.start);
    gap.trim()
        .is_empty()
        .then(|| place_of(cx.kb, prev).map(|p| (p, prev.span.clone())))
        .flatten()
}

/// The place given after a mention that ends at `end`, from hit `from` on: a city or country
/// in its clause, introduced by "in" or "at", with only linking words between.
pub(in crate::extract) fn attached_place_after(
    cx: &Context<'_>,
    hits: &[Hit],
    from: usize,
    end: usize,
    sentence: &Range<usize>,
) -> Option<(Place, Range<usize>)> {
    let limit = clause_end(cx.prose, end, sentence.end);
    for next in hits
        .iter()
        .skip(from)
        .skip_while(|h| h.span.start < end)
        .take_while(|h| h.span.start < limit)
    {
        let gap = without_dates(cx, end..next.span.start);
        let lead = gap.trim_end();
        // "held at the Bürgenstock resort": "the" before a place's name is the venue's.
        let lead = lead.strip_suffix(" the").unwrap_or(lead);
        let introduced = lead.ends_with(" in")
            || lead.ends_with(" at")
            || lead == "in"
            || lead == "at"
            || lead.ends_with(" city of")
            || lead.ends_with(" town of");
        // "…, where the war in Ukraine dominated": a clause on the meeting's own place
        // speaks of other places.
        let opens_where = gap
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.eq_ignore_ascii_case("where"));
        if let Some(p) = place_of(cx.kb, next).filter(|_| introduced && links(&gap) && !opens_where) {
            return Some((p, next.span.clone()));
        }
        if next
            .surfaces
            .iter()
            .any(|s| matches!(s, Surface::Series(_) | Surface::Event(_)))
        {
            break;
        }
    }
    named_city_after(cx, end, limit)
}

/// "… in the port city of Incheon": a city the record does not know, named as a city.
pub(super) fn named_city_after(cx: &Context<'_>, end: usize, limit: usize) -> Option<(Place, Range<usize>)> {
    crate::regex!(static CITY_OF = r"\bin\s+the\s+(?:[a-z-]+\s+){0,2}(?:city|town)\s+of\s+([A-Z][A-Za-zÀ-ɏ'’-]+(?:\s+(?:(?:de|da|do|dos|das|del|la|le|el|al|es|of)\s+)?[A-Z][A-Za-zÀ-ɏ'’-]+){0,2})");
    let text = without_dates(cx, end..limit);
    let c = CITY_OF.captures(&text)?;
    let (whole, city) = (c.get(0)?, c.get(1)?);
    links(text.get(..whole.start())?).then_some(())?;
    let span = end + city.start()..end + city.end();
    Some((Place::City(city.as_str().to_string()), span))
}
