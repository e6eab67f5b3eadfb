//! Speed figures: `cargo bench --bench speed`. Prints the time to load the default rules,
//! to check the sample draft cold (first use of every pattern) and warm, and the
//! throughput over every fixture draft. Figures, not assertions: timing tests are flaky
//! on shared machines.

use std::path::Path;
use std::time::{Duration, Instant};

use factlint::rules::{PackSources, Rules};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut rules = Rules::load(&PackSources::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let load = median(
        (0..10)
            .map(|_| {
                let t = Instant::now();
                rules = Rules::load(&PackSources::default()).unwrap_or_else(|e| panic!("{e:?}"));
                t.elapsed()
            })
            .collect(),
    );
    let sample = std::fs::read(root.join("fixtures/sample/samarkand-2023-04-14.txt")).unwrap_or_default();
    let opts = factlint::extract::Options::default();
    let doc = factlint::input::decode("sample.txt", sample.clone()).unwrap_or_else(|e| panic!("{e}"));
    let t = Instant::now();
    let _ = factlint::check(&doc, &rules, &factlint::CheckConfig::new(opts));
    let cold = t.elapsed();
    let warm = median(
        (0..50)
            .map(|_| {
                let t = Instant::now();
                let doc = factlint::input::decode("sample.txt", sample.clone()).unwrap_or_else(|e| panic!("{e}"));
                let _ = factlint::check(&doc, &rules, &factlint::CheckConfig::new(opts));
                t.elapsed()
            })
            .collect(),
    );
    let mut drafts = Vec::new();
    for entry in ignore::WalkBuilder::new(root.join("fixtures"))
        .build()
        .filter_map(Result::ok)
    {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "md" || e == "txt") {
            drafts.push((p.display().to_string(), std::fs::read(p).unwrap_or_default()));
        }
    }
    let bytes: usize = drafts.iter().map(|(_, b)| b.len()).sum();
    let rounds = 20;
    let t = Instant::now();
    for _ in 0..rounds {
        for (name, b) in &drafts {
            if let Ok(doc) = factlint::input::decode(name, b.clone()) {
                let _ = factlint::check(&doc, &rules, &factlint::CheckConfig::new(opts));
            }
        }
    }
    let all = t.elapsed();
    let mbps = (bytes * rounds) as f64 / all.as_secs_f64() / 1e6;
    // The whole command, process start and knowledge base included.
    let exe = env!("CARGO_BIN_EXE_factlint");
    let sample_path = root.join("fixtures/sample/samarkand-2023-04-14.txt");
    let process = median(
        (0..20)
            .map(|_| {
                let t = Instant::now();
                let _ = std::process::Command::new(exe).arg("check").arg(&sample_path).output();
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "rules load (default pack, {} surface phrases, median of 10): {:.1} ms",
        rules.kb.surfaces.len(),
        load.as_secs_f64() * 1e3
    );
    println!(
        "`factlint check` on the sample draft, whole process (median of 20): {:.1} ms",
        process.as_secs_f64() * 1e3
    );
    println!(
        "sample draft, first check (patterns compiled): {:.2} ms",
        cold.as_secs_f64() * 1e3
    );
    println!(
        "sample draft, warm check (median of 50): {:.3} ms",
        warm.as_secs_f64() * 1e3
    );
    println!(
        "fixtures: {} drafts, {} bytes, {:.2} ms per round, {:.1} MB/s on one core",
        drafts.len(),
        bytes,
        all.as_secs_f64() * 1e3 / rounds as f64,
        mbps
    );
}
