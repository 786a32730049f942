//! The texts people type in a live session, each with its limits.

use serde::{Deserialize, Serialize};

use crate::{ErrorCode, ValidationError, bounded_text};

macro_rules! limited_text {
    ($(#[$meta:meta])* $name:ident, $field:literal, $max:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Longest text accepted, in characters.
            pub const MAX_CHARS: usize = $max;

            /// Validates text typed by a person: 1 to `MAX_CHARS`
            /// characters, no control characters, trimmed.
            pub fn parse(raw: &str) -> Result<Self, ValidationError> {
                bounded_text(raw, $field, 1, Self::MAX_CHARS).map(Self)
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

limited_text!(
    /// A participant's nickname (no real name needed), 1 to 40 characters.
    Nickname,
    "nickname",
    40
);
limited_text!(
    /// A live session's title, 1 to 120 characters.
    SessionTitle,
    "title",
    120
);
limited_text!(
    /// A theme's name, 1 to 100 characters.
    ThemeName,
    "name",
    100
);
limited_text!(
    /// The question a board column asks, 1 to 200 characters.
    ColumnPrompt,
    "prompt",
    200
);

/// A note's text, 1 to 500 characters; line breaks are kept (as `\n`), other
/// control characters refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteText(String);

impl NoteText {
    /// Longest note accepted, in characters.
    pub const MAX_CHARS: usize = 500;

    /// Validates a note typed by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let text = raw.replace("\r\n", "\n");
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(ValidationError::new("text", ErrorCode::Required));
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(ValidationError::new("text", ErrorCode::TooLong));
        }
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(ValidationError::new("text", ErrorCode::ControlCharacters));
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_line_breaks_and_refuse_the_rest() {
        assert_eq!(
            NoteText::parse(" Jono\r\nliian pitkä ")
                .expect("ok")
                .as_str(),
            "Jono\nliian pitkä"
        );
        assert_eq!(
            NoteText::parse(" \n ").expect_err("refused").code,
            ErrorCode::Required
        );
        assert_eq!(
            NoteText::parse(&"a".repeat(501)).expect_err("refused").code,
            ErrorCode::TooLong
        );
        assert!(
            NoteText::parse(&"ä".repeat(500)).is_ok(),
            "characters, not bytes"
        );
        assert_eq!(
            NoteText::parse("a\u{7}b").expect_err("refused").code,
            ErrorCode::ControlCharacters
        );
    }

    #[test]
    fn nicknames_are_short_and_single_line() {
        assert!(Nickname::parse("Kettu").is_ok());
        assert_eq!(
            Nickname::parse("").expect_err("refused").code,
            ErrorCode::Required
        );
        assert_eq!(
            Nickname::parse(&"k".repeat(500)).expect_err("refused").code,
            ErrorCode::TooLong
        );
        assert_eq!(
            Nickname::parse("a\nb").expect_err("refused").code,
            ErrorCode::ControlCharacters
        );
    }
}
