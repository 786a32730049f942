//! The translations are compiled into the binary (`fluent-templates`); a
//! new or changed `.ftl` file must rebuild the crate, which cargo does not
//! know on its own.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
