//! Every Fluent message exists in all three languages, and every one is used.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::Entry;

const LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

/// Keys built at run time from a prefix and a stable code (`error-<code>`,
/// `role-<role>`, ...): used when the code appears as a string literal.
const DYNAMIC_PREFIXES: [&str; 4] = ["error-title-", "error-", "role-", "notice-"];

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn message_ids(lang: &str) -> BTreeSet<String> {
    let folder = crate_dir().join("locales").join(lang);
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(&folder).expect("locale folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).expect("readable");
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.body {
                if let Entry::Message(message) = entry {
                    assert!(
                        ids.insert(message.id.name.to_owned()),
                        "{} defined twice in {lang}",
                        message.id.name
                    );
                }
            }
        }
    }
    ids
}

fn sources_under(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push_str(&std::fs::read_to_string(&path).expect("readable"));
        }
    }
}

#[test]
fn every_key_exists_in_every_language() {
    let finnish = message_ids("fi");
    assert!(finnish.len() > 50);
    for lang in &LANGUAGES[1..] {
        let other = message_ids(lang);
        let missing: Vec<_> = finnish.difference(&other).collect();
        let extra: Vec<_> = other.difference(&finnish).collect();
        assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
        assert!(extra.is_empty(), "only in {lang}: {extra:?}");
    }
}

#[test]
fn every_key_is_used() {
    let mut sources = String::new();
    sources_under(&crate_dir().join("src"), &mut sources);
    sources_under(&crate_dir().join("templates"), &mut sources);
    for other in ["polku-domain", "polku-store", "polku"] {
        sources_under(
            &crate_dir().join("..").join(other).join("src"),
            &mut sources,
        );
    }
    let unused: Vec<String> = message_ids("fi")
        .into_iter()
        .filter(|key| {
            if sources.contains(&format!("\"{key}\"")) {
                return false;
            }
            let dynamic = DYNAMIC_PREFIXES
                .iter()
                .find_map(|prefix| key.strip_prefix(prefix))
                .is_some_and(|code| sources.contains(&format!("\"{code}\"")));
            !dynamic
        })
        .collect();
    assert!(unused.is_empty(), "unused messages: {unused:?}");
}
