//! Translations: Fluent files in `locales/{fi,sv,en}/<area>.ftl`, one file per
//! feature area, Finnish the fallback; the one number formatter pages,
//! the CLI summary and the SVG map use; and dates in Finnish time.

mod dates;
mod numbers;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use polku_domain::{ErrorCode, Language, Role};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fi",
        // Bidi isolation marks would show up as stray characters in <title> and
        // in JSON messages; all our texts are left-to-right.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language_id(language: Language) -> LanguageIdentifier {
    match language {
        Language::Fi => fluent_templates::langid!("fi"),
        Language::Sv => fluent_templates::langid!("sv"),
        Language::En => fluent_templates::langid!("en"),
    }
}

/// Translates message keys into one language; cheap to copy into templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    language: Language,
}

impl Tr {
    /// A translator for `language`.
    pub const fn new(language: Language) -> Self {
        Self { language }
    }

    /// The language it translates into.
    pub const fn language(&self) -> Language {
        self.language
    }

    /// The message `key`, falling back to Finnish.
    pub fn get(&self, key: &str) -> String {
        LOCALES
            .try_lookup(&language_id(self.language), key)
            .unwrap_or_else(|| missing(key))
    }

    /// The message `key` with named arguments.
    pub fn with(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.to_string())))
            .collect();
        LOCALES
            .try_lookup_with_args(&language_id(self.language), key, &args)
            .unwrap_or_else(|| missing(key))
    }

    /// The message for an error code.
    pub fn error(&self, code: ErrorCode) -> String {
        self.get(code.message_key())
    }

    /// A role's name.
    pub fn role(&self, role: Role) -> String {
        self.get(role.label_key())
    }
}

/// A key with no message in any language. Tests fail on it (every key the
/// code names is checked against the files); a release build logs it and
/// shows nothing rather than the raw key.
fn missing(key: &str) -> String {
    if cfg!(debug_assertions) {
        panic!("no message for translation key {key:?}");
    }
    tracing::error!(key, "no message for translation key");
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_differ_by_language() {
        let fi = Tr::new(Language::Fi).get("login-title");
        let sv = Tr::new(Language::Sv).get("login-title");
        assert!(!fi.is_empty());
        assert_ne!(fi, sv);
    }

    #[test]
    #[should_panic(expected = "no message")]
    fn a_missing_key_fails_in_tests() {
        let _ = Tr::new(Language::En).get("no-such-key");
    }
}
