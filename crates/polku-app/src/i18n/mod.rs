//! Translations: Fluent files in `locales/{fi,sv,en}/<area>.ftl`, one file per
//! feature area, Finnish the fallback; the one number formatter pages,
//! the CLI summary and the SVG map use; and dates in Finnish time.
//!
//! Plurals: a number that meets a noun goes in as [`Arg::Count`] (or
//! [`Arg::Decimal`]) through [`Tr::with_args`]. It reaches Fluent as a number,
//! so `{ $count -> [one] … *[other] … }` picks the CLDR plural category of
//! the bundle's language (fi, sv, en: `one` for exactly 1, `other` else), and
//! each bundle's formatter prints it with Polku's own grouping (`1 234` with a
//! no-break space in fi/sv, `1,234` in en: the same text as [`Tr::count`]).

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
        customise: |bundle| {
            bundle.set_use_isolating(false);
            let language = bundle.locales.first().map(|l| l.language.as_str().to_owned());
            bundle.set_formatter(Some(match language.as_deref() {
                Some("en") => |value, _| numbers::fluent_number(Language::En, value),
                Some("sv") => |value, _| numbers::fluent_number(Language::Sv, value),
                _ => |value, _| numbers::fluent_number(Language::Fi, value),
            }));
        },
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

    /// The message `key` with named text arguments. A number that meets a
    /// noun goes through [`Tr::with_args`] instead.
    pub fn with(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let args: Vec<(&'static str, Arg<'_>)> = args
            .iter()
            .map(|(name, value)| (*name, Arg::Text(value)))
            .collect();
        self.with_args(key, &args)
    }

    /// The message `key` with named arguments, numbers among them as
    /// numbers so that the message's plural selectors work:
    /// `tr.with_args("mine-skipped-rows", &[("count", Arg::Count(n))])`.
    pub fn with_args(&self, key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.to_fluent()))
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

/// One argument of a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arg<'a> {
    /// Text shown as it is: a name, an address, a date.
    Text(&'a str),
    /// A count: selects the plural form, shown as [`Tr::count`] shows it.
    Count(u64),
    /// A number with one decimal (days, a share): shown as [`Tr::decimal`]
    /// shows it; with its visible decimal it selects `other` in fi, sv, en
    /// ("1,0 päivää", "1.0 days").
    Decimal(f64),
}

impl Arg<'_> {
    /// A duration given in seconds as days with one decimal, as [`Tr::days`].
    pub fn days(seconds: f64) -> Self {
        Self::Decimal(numbers::seconds_to_days(seconds))
    }

    fn to_fluent(self) -> FluentValue<'static> {
        match self {
            Self::Text(text) => FluentValue::from(text.to_owned()),
            Self::Count(count) => FluentValue::from(count),
            Self::Decimal(value) => numbers::one_decimal(value),
        }
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
