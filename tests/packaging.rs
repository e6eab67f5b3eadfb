//! The packaging files agree with the crate: the wheel's pyproject builds this crate's
//! binary, the pre-commit hook's package pins this version, and both hooks are offered.

use std::path::Path;

fn read(p: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
}

#[test]
fn wheel_hook_and_action_pin_this_version() {
    let version = env!("CARGO_PKG_VERSION");
    let wheel: toml::Value = toml::from_str(&read("python/wheel/pyproject.toml")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(wheel["project"]["name"].as_str(), Some("factlint"));
    assert_eq!(wheel["tool"]["maturin"]["bindings"].as_str(), Some("bin"));
    let manifest = wheel["tool"]["maturin"]["manifest-path"].as_str().unwrap_or("");
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("python/wheel")
            .join(manifest)
            .is_file()
    );

    let hook: toml::Value = toml::from_str(&read("pyproject.toml")).unwrap_or_else(|e| panic!("{e}"));
    let deps: Vec<&str> = hook["project"]["dependencies"]
        .as_array()
        .map(|a| a.iter().filter_map(|d| d.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(deps, [format!("factlint=={version}").as_str()]);

    let hooks = read(".pre-commit-hooks.yaml");
    assert!(
        hooks.contains("- id: factlint\n") && hooks.contains("language: python"),
        "{hooks}"
    );
    assert!(
        hooks.contains("- id: factlint-rust\n") && hooks.contains("language: rust"),
        "{hooks}"
    );
    assert!(read("action.yml").contains(&format!("default: \"{version}\"")));
}
