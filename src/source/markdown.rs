//! Markdown drafts: pulldown-cmark finds the running text; everything else is blanked so
//! that offsets into the prose are offsets into the file. Front matter is read for its date.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{Document, blank, front_matter_date};

pub(super) fn read(path: String, text: String) -> Document {
    let mut prose: Vec<u8> = text.bytes().map(|b| if b == b'\n' { b'\n' } else { b' ' }).collect();
    let mut breaks = Vec::new();
    let mut front_matter_date_found = None;
    let mut bad_date = None;
    let mut body_start = 0;
    let mut in_code = 0usize;
    let mut in_meta = false;
    let mut in_autolink = false;
    let mut code = Vec::new();
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    // An HTML comment never closed runs to the end of the draft, and the parser would
    // take everything after it for HTML. Read it as text instead (the same length, so
    // offsets hold): nothing is hidden, and the suppression check reports it.
    let parsed = open_comment(&text).map_or(std::borrow::Cow::Borrowed(text.as_str()), |at| {
        let mut t = text.clone();
        t.replace_range(at..at + 4, "<!  ");
        std::borrow::Cow::Owned(t)
    });
    for (event, range) in Parser::new_ext(&parsed, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => {
                in_meta = false;
                body_start = range.end;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code += 1;
                code.push(range.clone());
            }
            Event::Code(_) => code.push(range.clone()),
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::Link { link_type, .. }) => {
                in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
            }
            Event::End(TagEnd::Link) => in_autolink = false,
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::TableCell,
            ) => breaks.push(range.end),
            Event::Text(t) if in_meta && front_matter_date_found.is_none() && bad_date.is_none() => {
                match front_matter_date(&t, range.start) {
                    Some(Ok(d)) => front_matter_date_found = Some(d),
                    Some(Err(span)) => bad_date = Some(span),
                    None => {}
                }
            }
            Event::Text(t) if in_code == 0 && !in_autolink => {
                // Copy only where the text event is the source verbatim; an escape or entity
                // makes them differ, and then the span stays blank rather than shifted.
                let source = text.get(range.clone()).unwrap_or("");
                if source == t.as_ref() {
                    if let Some(dst) = prose.get_mut(range.clone()) {
                        dst.copy_from_slice(source.as_bytes());
                    }
                } else if let Some(at) = source.find(t.as_ref()) {
                    let start = range.start + at;
                    if let Some(dst) = prose.get_mut(start..start + t.len()) {
                        dst.copy_from_slice(t.as_bytes());
                    }
                }
            }
            _ => {}
        }
    }
    // Keep the front matter's text out of the prose even if a parser event copied it.
    blank(&mut prose, 0..body_start);
    let prose = String::from_utf8(prose).unwrap_or_default();
    Document {
        path,
        text,
        prose,
        breaks,
        front_matter_date: front_matter_date_found,
        front_matter_bad_date: bad_date,
        body_start,
        code,
        lines: Default::default(),
        format: super::Format::Markdown,
    }
}

/// Where the first HTML comment that is never closed opens.
fn open_comment(text: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let open = from + crate::text::from(text, from).find("<!--")?;
        match crate::text::from(text, open + 4).find("-->") {
            Some(close) => from = open + 4 + close + 3,
            None => return Some(open),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Format};

    #[test]
    fn front_matter_and_code_are_not_prose() {
        let text =
            "---\ndate: 2023-04-14\ntitle: x\n---\n\n# Head\n\nSome *text* here.\n\n```\ncode 31 April 2023\n```\n";
        let doc = Document::new("a.md", text.to_string(), Format::Markdown);
        assert_eq!(doc.prose.len(), text.len());
        assert!(!doc.prose.contains("title"));
        assert!(!doc.prose.contains("code"));
        assert!(doc.prose.contains("Some  text  here."));
        let (date, span) = doc.front_matter_date.clone().unwrap_or_else(|| panic!("no date"));
        assert_eq!(date.to_string(), "2023-04-14");
        assert_eq!(&text[span], "2023-04-14");
    }

    #[test]
    fn multibyte_text_keeps_offsets() {
        let text = "Afghanistan’s `code` neighbours — ok.\n";
        let doc = Document::new("a.md", text.to_string(), Format::Markdown);
        assert_eq!(doc.prose.len(), text.len());
        let at = doc.prose.find("neighbours").unwrap_or(0);
        assert_eq!(&text[at..at + 10], "neighbours");
    }
}
