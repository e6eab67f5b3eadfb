//! The default rules are embedded in the binary, with the knowledge base compiled ahead from
//! them (`src/kb/default.image`, see `src/kb/image.rs`). This script hashes the rules' TOML,
//! and the word lists the stance lexicon is built with (`src/lexicon/`), so that an image
//! made from other rules or other lists is never used, and hands the image to the build
//! (an empty one if the file is missing: the rules are then parsed at run time).

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/lexicon");
    println!("cargo:rerun-if-changed=src/kb/default.image");
    let mut files = Vec::new();
    walk(Path::new("rules"), &["toml"], &mut files);
    walk(Path::new("src/lexicon"), &["toml", "txt"], &mut files);
    files.sort();
    // FNV-1a, 64 bits, over each file's path and contents.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        for b in f.to_string_lossy().bytes().chain([0]).chain(bytes).chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=FACTLINT_RULES_HASH={hash:016x}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("default.image");
    let image = std::fs::read("src/kb/default.image").unwrap_or_default();
    if std::fs::read(&out).ok().as_deref() != Some(image.as_slice()) {
        let _ = std::fs::write(&out, image);
    }
}

fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, extensions, out);
        } else if p.extension().is_some_and(|e| extensions.iter().any(|x| e == *x)) {
            // Only the data is compiled: a README edit leaves the image good.
            out.push(p);
        }
    }
}
