//! Word drafts (`.docx`): the text of every paragraph (`w:p`) of `word/document.xml`, in
//! document order (table cells and text boxes included), one paragraph a line, so that a
//! line number is a paragraph number. Runs' text (`w:t`) is joined; tabs stay tabs, line
//! breaks inside a paragraph become spaces, deleted text (`w:delText`), field codes and the
//! fallback copies of drawings are left out. The file is only ever read.

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

/// The most `word/document.xml` may hold once unzipped: a zip bomb is an error, not a hang.
const MAX_XML: u64 = 256 << 20;

/// The paragraphs' text, joined by line feeds, and where each paragraph ends.
pub(super) fn paragraphs(bytes: &[u8]) -> Result<(String, Vec<usize>), String> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a Word document (.docx): {e}"))?;
    let entry = zip
        .by_name("word/document.xml")
        .map_err(|_| "not a Word document (.docx): no word/document.xml inside".to_string())?;
    let mut xml = Vec::new();
    entry
        .take(MAX_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("cannot unzip word/document.xml: {e}"))?;
    if xml.len() as u64 > MAX_XML {
        return Err(format!(
            "word/document.xml is larger than {} unzipped; not read",
            crate::files::size_name(MAX_XML)
        ));
    }
    read_xml(&xml)
}

fn read_xml(xml: &[u8]) -> Result<(String, Vec<usize>), String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut breaks = Vec::new();
    // Paragraphs being read; a text box's paragraphs sit inside another's run.
    let mut open: Vec<String> = Vec::new();
    let mut in_text = false;
    let mut fallback = 0usize;
    let mut buf = Vec::new();
    let finish = |p: String, out: &mut String, breaks: &mut Vec<usize>| {
        if !breaks.is_empty() || !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&p);
        breaks.push(out.len());
    };
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("word/document.xml is not well-formed XML: {e}"))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"mc:Fallback" => fallback += 1,
                _ if fallback > 0 => {}
                b"w:p" => open.push(String::new()),
                b"w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) if fallback == 0 => {
                let last = open.last_mut();
                match (e.name().as_ref(), last) {
                    (b"w:p", _) => finish(String::new(), &mut out, &mut breaks),
                    (b"w:tab" | b"w:ptab", Some(p)) => p.push('\t'),
                    (b"w:br" | b"w:cr", Some(p)) => p.push(' '),
                    (b"w:noBreakHyphen", Some(p)) => p.push('-'),
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"mc:Fallback" => fallback = fallback.saturating_sub(1),
                _ if fallback > 0 => {}
                b"w:p" => {
                    if let Some(p) = open.pop() {
                        finish(p, &mut out, &mut breaks);
                    }
                }
                b"w:t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text && fallback == 0 => {
                let s = t
                    .unescape()
                    .map_err(|e| format!("word/document.xml is not well-formed XML: {e}"))?;
                if let Some(p) = open.last_mut() {
                    // A line feed inside a run would shift every later paragraph number.
                    p.extend(s.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
                }
            }
            Event::CData(t) if in_text && fallback == 0 => {
                if let Some(p) = open.last_mut() {
                    p.extend(
                        String::from_utf8_lossy(&t)
                            .chars()
                            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !out.is_empty() {
        out.push('\n');
    }
    Ok((out, breaks))
}

#[cfg(test)]
mod tests {
    use super::read_xml;

    #[test]
    fn paragraphs_runs_tables_and_deletions() {
        let xml = br#"<?xml version="1.0"?><w:document xmlns:w="x" xmlns:mc="m"><w:body>
<w:p><w:r><w:t>SAMARKAND, 14 April</w:t></w:r><w:r><w:t xml:space="preserve"> 2023 &amp; more</w:t></w:r></w:p>
<w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins><w:r><w:t>kept</w:t></w:r></w:ins><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p><w:r><w:t>box</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>after</w:t></w:r></w:p>
</w:body></w:document>"#;
        let (text, breaks) = read_xml(xml).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            text,
            "SAMARKAND, 14 April 2023 & more\n\ncell\ttwo three\nkept\nbox\nafter\n"
        );
        assert_eq!(breaks.len(), 6);
        assert_eq!(&text[..breaks[0]], "SAMARKAND, 14 April 2023 & more");
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(read_xml(b"<w:document><w:p><w:t>a</w:p></w:document>").is_err());
    }
}
