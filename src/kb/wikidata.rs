//! `factlint kb import wikidata FILE.json`: a knowledge-base pack from Wikidata SPARQL
//! results (`application/sparql-results+json`) for "position held" (P39) statements.
//! Rows are grouped by statement, not by person, so a second term stays a second term;
//! deprecated statements are skipped; each date keeps its precision (day, month or year)
//! so that a date known only to the year never yields a day-level finding. The query to
//! run is in `docs/wikidata.md`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::Precision;

#[derive(Debug, Deserialize)]
struct Results {
    head: Head,
    results: Bindings,
}

#[derive(Debug, Deserialize)]
struct Head {
    vars: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Bindings {
    bindings: Vec<BTreeMap<String, Value>>,
}

#[derive(Debug, Deserialize)]
struct Value {
    value: String,
}

// The first line of every pack the importer writes; `kb import` replaces only a file
// that starts with it.
use crate::files::IMPORTED_PACK_HEADER as HEADER;

/// What the importer cannot read from the results and must be told.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub role: String,
    pub country: Option<String>,
    pub organization: Option<String>,
    pub office_id: Option<String>,
    pub titles: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Pack {
    person: Vec<PersonOut>,
    office: Vec<OfficeOut>,
}

#[derive(Debug, Serialize)]
struct PersonOut {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    source: String,
}

#[derive(Debug, Serialize)]
struct OfficeOut {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization: Option<String>,
    role: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    titles: Vec<String>,
    source: String,
    term: Vec<TermOut>,
}

#[derive(Debug, Serialize)]
struct TermOut {
    person: String,
    start: toml::value::Datetime,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_precision: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<toml::value::Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_precision: Option<&'static str>,
    source: String,
}

/// A date and its precision from a Wikidata time value ("2004-03-09T00:00:00Z") and a
/// `wikibase:timePrecision` (11 day, 10 month, 9 year). Coarser than a year: none.
fn date(value: &str, precision: Option<&str>) -> Result<Option<(NaiveDate, Precision)>, String> {
    let precision = match precision.map(str::parse::<u8>) {
        None => Precision::Day,
        Some(Ok(11..)) => Precision::Day,
        Some(Ok(10)) => Precision::Month,
        Some(Ok(9)) => Precision::Year,
        Some(Ok(_)) => return Ok(None),
        Some(Err(_)) => return Err(format!("precision `{}` is not a number", precision.unwrap_or_default())),
    };
    let day = value
        .get(..10)
        .ok_or_else(|| format!("`{value}` is not a Wikidata time value"))?;
    // Coarse dates come as 2004-00-00 or 2004-01-01: read the parts that are known.
    let mut parts = day.splitn(3, '-').map(|p| p.parse::<u32>());
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!("`{value}` is not a Wikidata time value"));
    };
    let (m, d) = match precision {
        Precision::Year => (1, 1),
        Precision::Month => (m.max(1), 1),
        Precision::Day => (m, d),
    };
    let date = NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| format!("`{value}` is not a date"))?;
    Ok(Some((date, precision)))
}

fn toml_date(d: NaiveDate) -> toml::value::Datetime {
    use chrono::Datelike;
    toml::value::Datetime {
        date: Some(toml::value::Date {
            year: d.year() as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        time: None,
        offset: None,
    }
}

fn precision_name(p: Precision) -> Option<&'static str> {
    match p {
        Precision::Day => None,
        Precision::Month => Some("month"),
        Precision::Year => Some("year"),
    }
}

fn kebab(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn qid(uri: &str) -> &str {
    uri.rsplit('/').next().unwrap_or(uri)
}

/// Turn SPARQL JSON results into the TOML of a pack.
pub fn import(json: &str, opts: &ImportOptions) -> Result<String, String> {
    let results: Results = serde_json::from_str(json).map_err(|e| format!("not SPARQL JSON results: {e}"))?;
    for needed in ["person", "statement", "start"] {
        if !results.head.vars.iter().any(|v| v == needed) {
            return Err(format!(
                "the results have no `{needed}` variable (see docs/wikidata.md for the query)"
            ));
        }
    }
    let get = |row: &BTreeMap<String, Value>, k: &str| row.get(k).map(|v| v.value.clone());
    // One entry per statement: the rows of a statement repeat it (labels, qualifiers).
    // Each statement keeps the number of its first row (1-based), for error messages.
    let mut statements: BTreeMap<String, (usize, BTreeMap<String, Value>)> = BTreeMap::new();
    for (n, row) in results.results.bindings.into_iter().enumerate() {
        let Some(statement) = get(&row, "statement") else {
            continue;
        };
        if get(&row, "rank").is_some_and(|r| r.ends_with("DeprecatedRank")) {
            continue;
        }
        let (_, entry) = statements.entry(statement).or_insert_with(|| (n + 1, BTreeMap::new()));
        for (k, v) in row {
            entry.entry(k).or_insert(v);
        }
    }
    let mut people: BTreeMap<String, PersonOut> = BTreeMap::new();
    let mut offices: BTreeMap<String, OfficeOut> = BTreeMap::new();
    for (statement, (n, row)) in &statements {
        let at_row = |e: String| format!("result row {n}: {e}");
        let Some(person_uri) = get(row, "person") else { continue };
        let Some(start) = get(row, "start") else { continue };
        let Some((start, start_p)) = date(&start, get(row, "startPrecision").as_deref()).map_err(at_row)? else {
            continue;
        };
        let end = match get(row, "end") {
            Some(e) => date(&e, get(row, "endPrecision").as_deref()).map_err(at_row)?,
            None => None,
        };
        let label = get(row, "personLabel").unwrap_or_else(|| qid(&person_uri).to_string());
        // A label with no letters or digits ("", "???") makes no id: use the QID.
        let mut id = kebab(&label);
        if id.is_empty() {
            id = qid(&person_uri).to_lowercase();
        }
        if people.get(&id).is_some_and(|p| p.source != person_uri) {
            id = format!("{id}-{}", qid(&person_uri).to_lowercase());
        }
        let country = get(row, "countryCode").or_else(|| opts.country.clone());
        people.entry(id.clone()).or_insert(PersonOut {
            id: id.clone(),
            name: label,
            country: country.clone(),
            source: person_uri.clone(),
        });
        let position = get(row, "position").unwrap_or_default();
        let office_id = opts
            .office_id
            .clone()
            .unwrap_or_else(|| format!("wd-{}", qid(&position).to_lowercase()));
        let office = offices.entry(office_id.clone()).or_insert_with(|| OfficeOut {
            id: office_id,
            country: if opts.organization.is_some() {
                None
            } else {
                country.clone()
            },
            organization: opts.organization.clone(),
            role: opts.role.clone(),
            titles: if opts.titles.is_empty() {
                get(row, "positionLabel").into_iter().collect()
            } else {
                opts.titles.clone()
            },
            source: if position.is_empty() {
                statement.clone()
            } else {
                position.clone()
            },
            term: Vec::new(),
        });
        office.term.push(TermOut {
            person: id,
            start: toml_date(start),
            start_precision: precision_name(start_p),
            end: end.map(|(d, _)| toml_date(d)),
            end_precision: end.and_then(|(_, p)| precision_name(p)),
            source: statement.clone(),
        });
    }
    for o in offices.values_mut() {
        o.term.sort_by_key(|t| t.start.to_string());
    }
    let pack = Pack {
        person: people.into_values().collect(),
        office: offices.into_values().collect(),
    };
    let body = toml::to_string(&pack).map_err(|e| e.to_string())?;
    Ok(format!(
        "{HEADER}\n# Review before use: Wikidata is edited by anyone.\n\n{body}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(rows: &str) -> String {
        format!(
            r#"{{"head":{{"vars":["person","personLabel","statement","start","position"]}},"results":{{"bindings":[{rows}]}}}}"#
        )
    }

    fn row(label: &str, start: &str) -> String {
        format!(
            r#"{{"person":{{"value":"http://www.wikidata.org/entity/Q42"}},"personLabel":{{"value":"{label}"}},"statement":{{"value":"s-{start}"}},"start":{{"value":"{start}"}},"position":{{"value":"http://www.wikidata.org/entity/Q7"}}}}"#
        )
    }

    #[test]
    fn errors_name_the_row_and_empty_labels_get_the_qid() {
        let opts = ImportOptions {
            role: "foreign-minister".into(),
            country: Some("RU".into()),
            ..ImportOptions::default()
        };
        let json = results(&[row("A", "2004-03-09T00:00:00Z"), row("B", "garbage")].join(","));
        let e = import(&json, &opts).err().unwrap_or_default();
        assert!(e.starts_with("result row 2: "), "{e}");
        let pack = import(&results(&row("", "2004-03-09T00:00:00Z")), &opts).unwrap_or_else(|e| panic!("{e}"));
        assert!(pack.contains("id = \"q42\""), "{pack}");
        assert!(!pack.contains("id = \"\""), "{pack}");
    }
}
