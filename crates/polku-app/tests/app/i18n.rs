//! Every Fluent message exists in all three languages; every key the code
//! names exists; every key is used; every error code and role has its text.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::Entry;
use polku_domain::{ErrorCode, Role};

const LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

fn crates_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn message_ids(lang: &str) -> BTreeSet<String> {
    let folder = crates_dir().join("polku-app").join("locales").join(lang);
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

/// The text of every `.rs` and `.html` file under `dir`.
fn sources_under(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            let text = std::fs::read_to_string(&path).expect("readable");
            out.push((path, text));
        }
    }
}

/// The sources of every crate that shows text to people.
fn all_sources() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for krate in [
        "polku-app",
        "polku-web",
        "polku",
        "polku-domain",
        "polku-mining",
    ] {
        sources_under(&crates_dir().join(krate).join("src"), &mut out);
    }
    sources_under(&crates_dir().join("polku-web").join("templates"), &mut out);
    out
}

/// String literals in `text` shaped like message keys (`area-word[-word]`)
/// whose first part is the first part of some message: what the code names.
fn named_keys(text: &str, prefixes: &BTreeSet<&str>) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.contains('-')
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                && s.split('-').next().is_some_and(|p| prefixes.contains(p))
                && !s.ends_with('-')
        })
        .map(str::to_owned)
        .collect()
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
fn every_error_code_and_role_has_a_message_in_each_language() {
    for lang in LANGUAGES {
        let ids = message_ids(lang);
        for code in ErrorCode::ALL {
            assert!(
                ids.contains(code.message_key()),
                "error code {code} has no message in {lang}"
            );
        }
        for role in Role::ALL {
            assert!(
                ids.contains(role.label_key()),
                "{role} has no label in {lang}"
            );
        }
    }
}

#[test]
fn every_key_the_code_names_exists() {
    let ids = message_ids("fi");
    let prefixes: BTreeSet<&str> = ids.iter().filter_map(|id| id.split('-').next()).collect();
    let mut missing = Vec::new();
    for (path, text) in all_sources() {
        // Templates name keys only through `t.get(..)` / `t.with(..)`; their
        // other quoted text is HTML attributes.
        let text = if path.extension().is_some_and(|e| e == "html") {
            text.split("t.get(")
                .skip(1)
                .chain(text.split("t.with(").skip(1))
                .filter_map(|rest| rest.split(')').next())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            text
        };
        for key in named_keys(&text, &prefixes) {
            if !ids.contains(&key) {
                missing.push(format!("{key} ({})", path.display()));
            }
        }
    }
    assert!(missing.is_empty(), "keys with no message: {missing:?}");
}

#[test]
fn every_key_is_used() {
    let sources: String = all_sources().into_iter().map(|(_, text)| text).collect();
    let typed: BTreeSet<&str> = ErrorCode::ALL
        .iter()
        .map(|c| c.message_key())
        .chain(Role::ALL.iter().map(|r| r.label_key()))
        .collect();
    let unused: Vec<String> = message_ids("fi")
        .into_iter()
        .filter(|key| !typed.contains(key.as_str()) && !sources.contains(&format!("\"{key}\"")))
        .collect();
    assert!(unused.is_empty(), "unused messages: {unused:?}");
}
