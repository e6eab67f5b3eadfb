//! What `factlint extract` prints: the extraction as JSON, with the text and line of
//! every span written next to it, so an editor can read it without counting bytes.

use serde::Serialize;
use serde_json::{Map, Value};

use super::Extraction;
use crate::source::Document;

#[derive(Serialize)]
pub struct View {
    version: u32,
    path: String,
    extraction: Value,
}

impl View {
    pub fn new(doc: &Document, ex: &Extraction) -> Self {
        let mut value = serde_json::to_value(ex).unwrap_or(Value::Null);
        annotate(&mut value, &doc.text, &crate::text::LineIndex::new(&doc.text));
        if let Value::Object(map) = &mut value {
            map.remove("sentences");
        }
        View {
            version: 2,
            path: doc.path.clone(),
            extraction: value,
        }
    }
}

fn as_span(v: &Value) -> Option<(usize, usize)> {
    let o = v.as_object()?;
    if o.len() != 2 {
        return None;
    }
    Some((o.get("start")?.as_u64()? as usize, o.get("end")?.as_u64()? as usize))
}

fn annotate(v: &mut Value, text: &str, index: &crate::text::LineIndex) {
    match v {
        Value::Object(map) => {
            let mut extra = Map::new();
            for (k, child) in map.iter_mut() {
                if let Some((s, e)) = as_span(child) {
                    let (line, col) = index.line_col(text, s);
                    extra.insert(
                        format!("{k}_text"),
                        Value::String(crate::text::get(text, s..e).to_string()),
                    );
                    extra.insert(format!("{k}_at"), Value::String(format!("{line}:{col}")));
                } else {
                    annotate(child, text, index);
                }
            }
            map.extend(extra);
        }
        Value::Array(items) => {
            // A span inside a tuple: [value, {start, end}]
            let mut add = None;
            for (i, item) in items.iter_mut().enumerate() {
                if let Some((s, e)) = as_span(item) {
                    add = Some((i, s, e));
                } else {
                    annotate(item, text, index);
                }
            }
            if let Some((_, s, e)) = add {
                let (line, col) = index.line_col(text, s);
                items.push(Value::String(crate::text::get(text, s..e).to_string()));
                items.push(Value::String(format!("{line}:{col}")));
            }
        }
        _ => {}
    }
}
