//! The default rules are embedded in the binary: rebuild when anything under rules/ changes.

fn main() {
    println!("cargo:rerun-if-changed=rules");
}
