//! The knowledge base compiled into the binary (`src/kb/default.image`) must be made from
//! today's `rules/`: `BLESS=1 cargo test --test kb_image` makes it again.

use factlint::kb::image;
use factlint::rules::{PackSources, Rules};

#[test]
fn the_default_image_is_made_from_todays_rules() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/kb/default.image");
    if std::env::var_os("BLESS").is_some() {
        let bytes = image::make().unwrap_or_else(|e| panic!("the default rules do not load: {e:?}"));
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    assert!(
        image::load().is_some(),
        "src/kb/default.image was made from other rules or in another format: run `BLESS=1 cargo test --test kb_image` and rebuild"
    );
}

#[test]
fn the_image_holds_what_the_toml_holds() {
    let Some(from_image) = image::load() else {
        return; // reported by the test above
    };
    let files = Rules::load_files(&PackSources::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let from_toml = factlint::kb::Kb::build(&files).unwrap_or_else(|e| panic!("{e:?}"));
    let (a, b) = (&from_image.kb, &from_toml);
    assert_eq!(a.people.len(), b.people.len());
    assert_eq!(a.offices.len(), b.offices.len());
    assert_eq!(a.events.len(), b.events.len());
    assert_eq!(a.stances.len(), b.stances.len());
    for (x, y) in a.people.iter().zip(&b.people) {
        assert_eq!(x.fact.id.get_ref(), y.fact.id.get_ref());
        assert_eq!(
            (x.at.to_string(), x.at.span.clone()),
            (y.at.to_string(), y.at.span.clone())
        );
    }
    let text = "SAMARKAND, 14 April 2023 (TDI): Foreign Minister Sergey Lavrov met Qin Gang. Russia opposes the \
                democratization of international relations.";
    assert_eq!(
        format!("{:?}", a.surfaces.scan(text)),
        format!("{:?}", b.surfaces.scan(text))
    );
    assert_eq!(
        format!("{:?}", a.lexicon.find(text)),
        format!("{:?}", b.lexicon.find(text))
    );
}
