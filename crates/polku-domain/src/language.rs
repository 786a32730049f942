//! The three languages of the interface and text that users write in several of them.

use serde::{Deserialize, Serialize};

/// An interface language. Finnish first, then Swedish and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Suomi, the default and the fallback.
    #[default]
    Fi,
    /// Svenska.
    Sv,
    /// English.
    En,
}

impl Language {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Language; 3] = [Language::Fi, Language::Sv, Language::En];

    /// The BCP 47 tag (`fi`, `sv`, `en`).
    pub const fn code(self) -> &'static str {
        match self {
            Language::Fi => "fi",
            Language::Sv => "sv",
            Language::En => "en",
        }
    }

    /// The language's own name for itself, as a switcher shows it.
    pub const fn endonym(self) -> &'static str {
        match self {
            Language::Fi => "Suomeksi",
            Language::Sv => "På svenska",
            Language::En => "In English",
        }
    }

    /// Parses a tag such as `sv`, `sv-FI` or `EN`; `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fi" => Some(Language::Fi),
            "sv" => Some(Language::Sv),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// A text that users write, in Finnish and optionally in Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    /// The Finnish text; always present, and the fallback.
    pub fi: String,
    /// The Swedish text, if written.
    pub sv: Option<String>,
    /// The English text, if written.
    pub en: Option<String>,
}

impl LocalizedText {
    /// A text written only in Finnish.
    pub fn finnish(fi: impl Into<String>) -> Self {
        Self {
            fi: fi.into(),
            sv: None,
            en: None,
        }
    }

    /// The text in `language`, falling back to Finnish where it is missing.
    pub fn get(&self, language: Language) -> &str {
        let wanted = match language {
            Language::Fi => None,
            Language::Sv => self.sv.as_deref(),
            Language::En => self.en.as_deref(),
        };
        wanted.filter(|s| !s.trim().is_empty()).unwrap_or(&self.fi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_regions_and_case_are_understood() {
        assert_eq!(Language::from_tag("sv-FI"), Some(Language::Sv));
        assert_eq!(Language::from_tag("EN"), Some(Language::En));
        assert_eq!(Language::from_tag("de"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn missing_translation_falls_back_to_finnish() {
        let text = LocalizedText {
            fi: "Kehittäjäryhmä".into(),
            sv: Some("Utvecklingsgrupp".into()),
            en: None,
        };
        assert_eq!(text.get(Language::Sv), "Utvecklingsgrupp");
        assert_eq!(text.get(Language::En), "Kehittäjäryhmä");
    }
}
