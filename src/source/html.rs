//! HTML drafts: html5gum (a WHATWG tokenizer that gives every token its byte span) finds the
//! text; everything else (tags, attributes, comments, `script`, `style`, `pre`, `code`, the
//! `head`) is blanked, so offsets into the prose are offsets into the file. Entities are
//! decoded by the tokenizer; a decoded character goes where its entity was when it fits, and
//! offsets are mapped only where the decoded text equals the source. Block elements end
//! sentences. `<meta property="article:published_time">`, else the first
//! `<time datetime>`, gives the draft's date.
//!
//! html5gum was chosen by measurement over the newspaper4k test pages (30 real pages,
//! 13 MB): it tokenizes at about 100 MB/s and decodes entities by the standard's table;
//! lol_html is faster (about 470 MB/s) but hands over raw text with its entities undecoded;
//! tl (about 190 MB/s) neither decodes entities nor follows the standard's tokenizer.
//! scraper and html5ever keep no source offsets.

use std::ops::Range;

use chrono::NaiveDate;
use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::Document;

/// Elements whose content is not prose.
const SKIPPED: &[&str] = &[
    "script", "style", "pre", "code", "head", "title", "template", "textarea", "svg", "math", "noscript", "select",
    "kbd", "samp", "var", "iframe", "object",
];

/// Elements that start and end a block: sentences never run across them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "button",
    "label",
    "option",
];

pub(super) fn read(path: String, text: String) -> Document {
    let mut prose: Vec<u8> = text.bytes().map(|b| if b == b'\n' { b'\n' } else { b' ' }).collect();
    let mut breaks = Vec::new();
    let mut skipping: Vec<Vec<u8>> = Vec::new();
    let mut published: Option<(NaiveDate, Range<usize>)> = None;
    let mut time: Option<(NaiveDate, Range<usize>)> = None;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(text.as_str(), emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.0.as_slice();
                if BLOCKS.iter().any(|b| b.as_bytes() == name) {
                    breaks.push(tag.span.start);
                }
                if name == b"body" {
                    // An unclosed head ends where the body starts.
                    skipping.retain(|s| s.as_slice() != b"head" && s.as_slice() != b"title");
                }
                if name == b"meta" && published.is_none() {
                    let property = tag
                        .attributes
                        .get(b"property".as_slice())
                        .or_else(|| tag.attributes.get(b"name".as_slice()))
                        .or_else(|| tag.attributes.get(b"itemprop".as_slice()));
                    if property.is_some_and(|p| {
                        p.value.0.eq_ignore_ascii_case(b"article:published_time")
                            || p.value.0.eq_ignore_ascii_case(b"datePublished")
                    }) && let Some(content) = tag.attributes.get(b"content".as_slice())
                    {
                        published = iso_date(&text, content.span.start..content.span.end);
                    }
                }
                if name == b"time"
                    && time.is_none()
                    && let Some(dt) = tag.attributes.get(b"datetime".as_slice())
                {
                    time = iso_date(&text, dt.span.start..dt.span.end);
                }
                if !tag.self_closing && SKIPPED.iter().any(|s| s.as_bytes() == name) {
                    skipping.push(name.to_vec());
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.0.as_slice();
                if BLOCKS.iter().any(|b| b.as_bytes() == name) {
                    breaks.push(tag.span.start);
                }
                if let Some(at) = skipping.iter().rposition(|s| s.as_slice() == name) {
                    skipping.truncate(at);
                }
            }
            Token::String(s) if skipping.is_empty() => {
                let span = s.span.start..s.span.end;
                if let (Some(source), Ok(decoded)) = (text.get(span.clone()), std::str::from_utf8(&s.value.0)) {
                    copy_decoded(source, decoded, span.start, &mut prose);
                }
            }
            _ => {}
        }
    }
    breaks.sort_unstable();
    breaks.dedup();
    let prose = String::from_utf8(prose).unwrap_or_default();
    Document {
        path,
        text,
        prose,
        breaks,
        front_matter_date: published.or(time),
        front_matter_bad_date: None,
        code: Vec::new(),
        body_start: 0,
        lines: Default::default(),
        format: super::Format::Html,
    }
}

/// `2023-04-14` or `2023-04-14T09:30:00+05:00` as the value of the attribute written at
/// `span` (`content="…"`): the date, with the span of its `YYYY-MM-DD`.
fn iso_date(text: &str, span: Range<usize>) -> Option<(NaiveDate, Range<usize>)> {
    let attribute = text.get(span.clone())?;
    let eq = attribute.find('=')? + 1;
    let span = span.start + eq..span.end;
    let value = text.get(span.clone())?;
    let lead = value.len()
        - value
            .trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'')
            .len();
    let day = value.get(lead..lead + 10)?;
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some((date, span.start + lead..span.start + lead + 10))
}

// An entity reference as written in the source.
crate::regex!(static ENTITY = r"^&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)");

/// Copy a text token into the prose at `start`. Where the source and the decoded text agree
/// (everything but entities and carriage returns) the source is copied; an entity's decoded
/// character is written where the entity began when it fits and is not a space; anything
/// that cannot be aligned stays blank rather than shifted.
fn copy_decoded(source: &str, decoded: &str, start: usize, prose: &mut [u8]) {
    let mut put = |at: usize, s: &str| {
        if let Some(dst) = prose.get_mut(start + at..start + at + s.len()) {
            dst.copy_from_slice(s.as_bytes());
        }
    };
    if source == decoded {
        put(0, source);
        return;
    }
    let (mut i, mut j) = (0usize, 0usize);
    while let Some(sc) = source.get(i..).and_then(|s| s.chars().next()) {
        let rest = decoded.get(j..).unwrap_or("");
        let dc = rest.chars().next();
        if sc == '&'
            && let Some((entity, end)) = entity_at(source.get(i..).unwrap_or(""), rest)
        {
            let piece = rest.get(..end).unwrap_or("");
            if piece.len() <= entity && !piece.chars().any(char::is_whitespace) {
                put(i, piece);
            }
            i += entity;
            j += end;
            continue;
        }
        if Some(sc) == dc {
            let mut buf = [0u8; 4];
            put(i, sc.encode_utf8(&mut buf));
            i += sc.len_utf8();
            j += sc.len_utf8();
            continue;
        }
        if sc == '\r' {
            // CRLF and a lone CR are both a line feed once decoded.
            i += 1;
            if dc == Some('\n') && !source.get(i..).is_some_and(|s| s.starts_with('\n')) {
                j += 1;
            }
            continue;
        }
        break;
    }
}

/// An entity at the start of `source` and what it decoded to at the start of `decoded`:
/// the entity's length and the decoded piece's. An entity decodes to one or two
/// characters; the right count is the one after which source and decoded text agree again.
fn entity_at(source: &str, decoded: &str) -> Option<(usize, usize)> {
    let entity = ENTITY.find(source)?.end();
    let after = source
        .get(entity..)
        .unwrap_or("")
        .chars()
        .next()
        .map(|c| if c == '\r' { '\n' } else { c });
    let end = decoded
        .char_indices()
        .map(|(k, c)| k + c.len_utf8())
        .take(2)
        .find(|&end| decoded.get(end..).unwrap_or("").chars().next() == after)?;
    Some((entity, end))
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Format};

    fn doc(text: &str) -> Document {
        Document::new("a.html", text.to_string(), Format::Html)
    }

    #[test]
    fn text_keeps_its_offsets_and_markup_is_blank() {
        let text = "<html><head><title>Page 31 April</title><style>p{}</style></head>\n<body><p class=\"x 31 April\">Xi <b>Jinping</b> visited.</p><script>var d = '31 April';</script><pre>31 April</pre><p>Lavrov <code>31 April</code> spoke.</p></body></html>";
        let d = doc(text);
        assert_eq!(d.prose.len(), text.len());
        assert!(!d.prose.contains("31"), "{}", d.prose);
        assert!(!d.prose.contains("Page"));
        let at = d.prose.find("Jinping").unwrap_or(0);
        assert_eq!(&text[at..at + 7], "Jinping");
        assert!(d.prose.contains("Xi    Jinping     visited."), "{}", d.prose);
        let p2 = text.find("<p>Lavrov").unwrap_or(0);
        assert!(d.breaks.contains(&p2));
    }

    #[test]
    fn entities_are_decoded_in_place_where_they_fit() {
        let text =
            "<p>Russia &amp; China&rsquo;s 20&ndash;21&nbsp;March, caf&eacute; &#8212; done &lt;ok&gt;\r\nnext</p>";
        let d = doc(text);
        assert_eq!(d.prose.len(), text.len());
        let p = &d.prose;
        assert!(p.contains("Russia &     China’    s 20–    21      March"), "{p}");
        assert!(p.contains("café"), "{p}");
        assert!(p.contains("—"), "{p}");
        assert!(p.contains("<   ok>   "), "{p}");
        let next = p.find("next").unwrap_or(0);
        assert_eq!(&text[next..next + 4], "next");
    }

    #[test]
    fn published_time_then_time_element_give_the_date() {
        let text = "<head><meta property=\"article:published_time\" content=\"2023-04-14T10:00:00Z\"></head><body><time datetime=\"2020-01-01\">x</time></body>";
        let d = doc(text);
        let (date, span) = d.front_matter_date.clone().unwrap_or_else(|| panic!("no date"));
        assert_eq!(date.to_string(), "2023-04-14");
        assert_eq!(&text[span], "2023-04-14");
        let d = doc("<p>Posted <time datetime=\" 2021-02-03\">Feb 3</time></p>");
        assert_eq!(
            d.front_matter_date.map(|(d, _)| d.to_string()).as_deref(),
            Some("2021-02-03")
        );
    }

    #[test]
    fn broken_markup_never_shifts_offsets() {
        for text in [
            "<p>a &",
            "<p>x &notit; y",
            "<<p>>&#xD800; z",
            "<script>",
            "&",
            "<p title='a>b'>c</p",
            "<!-- x",
        ] {
            let d = doc(text);
            assert_eq!(d.prose.len(), text.len(), "{text}");
            for (i, c) in d.prose.char_indices() {
                if c != ' ' && c != '\n' && !text.get(i..).is_some_and(|t| t.starts_with(c)) {
                    // Only decoded entities may differ from the source, and only at an '&'.
                    assert!(text[..=i].rfind('&').is_some(), "{text:?}: {c:?} at {i}");
                }
            }
        }
    }
}
