//! Accounts of facilitators, managers and admins: e-mail, name and password rules.
//!
//! Participants of live sessions never have accounts; see `DOMAIN.md`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ErrorCode, ValidationError, bounded_text};

/// A normalised (trimmed, lower-case) e-mail address used as a login name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

/// The rule of [`Email::parse`] as a regular expression (ECMA 262, for
/// OpenAPI schemas): a local part, `@`, and a domain of dot-separated labels,
/// with no spaces or control characters except around the address.
pub const EMAIL_PATTERN: &str = r"^[^\S\u0000-\u001F\u007F-\u009F]*[^@\s\u0000-\u001F\u007F-\u009F]+@[^@\s.\u0000-\u001F\u007F-\u009F]+(\.[^@\s.\u0000-\u001F\u007F-\u009F]+)+[^\S\u0000-\u001F\u007F-\u009F]*$";

impl Email {
    /// Longest address accepted (RFC 5321 path limit).
    pub const MAX_LEN: usize = 254;

    /// Validates and normalises an address typed by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let value = bounded_text(raw, "email", 1, Self::MAX_LEN)?.to_lowercase();
        let mut parts = value.split('@');
        let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
            (Some(l), Some(d), None) => (l, d),
            _ => return Err(ValidationError::new("email", ErrorCode::InvalidEmail)),
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok || value.chars().any(char::is_whitespace) {
            return Err(ValidationError::new("email", ErrorCode::InvalidEmail));
        }
        Ok(Self(value))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's display name, 1 to 100 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisplayName(String);

impl DisplayName {
    /// Validates a name typed by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        bounded_text(raw, "name", 1, Self::MAX_CHARS).map(Self)
    }

    /// Longest name accepted.
    pub const MAX_CHARS: usize = 100;

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a password was refused. Each variant's `code` is a translation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer than [`Password::MIN_CHARS`] characters.
    #[error("the password must have at least 12 characters")]
    TooShort,
    /// More than [`Password::MAX_CHARS`] characters.
    #[error("the password may have at most 256 characters")]
    TooLong,
    /// Long enough but easy to guess (a common word, a pattern, the user's name).
    #[error("the password is too easy to guess")]
    TooGuessable,
}

impl PasswordError {
    /// The error code (and message) of this refusal.
    pub const fn code(self) -> ErrorCode {
        match self {
            PasswordError::TooShort => ErrorCode::PasswordTooShort,
            PasswordError::TooLong => ErrorCode::PasswordTooLong,
            PasswordError::TooGuessable => ErrorCode::PasswordTooGuessable,
        }
    }
}

/// A password that passed the strength rules. Deliberately not `Debug`-printable
/// in full and not serialisable.
pub struct Password(String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    /// Fewest characters accepted.
    pub const MIN_CHARS: usize = 12;
    /// Most characters accepted.
    pub const MAX_CHARS: usize = 256;
    /// Lowest zxcvbn score (0 to 4) accepted: 3 means "safely unguessable".
    const MIN_SCORE: u8 = 3;

    /// Checks a new password against length and guessability. `context` holds
    /// words the password must not lean on, such as the user's e-mail and name.
    pub fn new_checked(raw: &str, context: &[&str]) -> Result<Self, PasswordError> {
        let chars = raw.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > Self::MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        // zxcvbn matches user inputs as whole dictionary words, so the parts
        // of "maija.mallikas@example.fi" are given as words of their own.
        let words: Vec<&str> = context
            .iter()
            .flat_map(|c| std::iter::once(*c).chain(c.split(|ch: char| !ch.is_alphanumeric())))
            .filter(|w| w.chars().count() >= 3)
            .collect();
        let estimate = zxcvbn::zxcvbn(raw, &words);
        if u8::from(estimate.score()) < Self::MIN_SCORE {
            return Err(PasswordError::TooGuessable);
        }
        Ok(Self(raw.to_owned()))
    }

    /// The password text, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A name for an API token, so its owner can tell tokens apart: 1 to 60
/// characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TokenName(String);

impl TokenName {
    /// Longest name accepted.
    pub const MAX_CHARS: usize = 60;

    /// Validates a name typed by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        bounded_text(raw, "name", 1, Self::MAX_CHARS).map(Self)
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TokenName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How long an API token stays valid: whole days, 1 to 365.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLifetime(u16);

impl TokenLifetime {
    /// Shortest lifetime, in days.
    pub const MIN_DAYS: u16 = 1;
    /// Longest lifetime, in days: a token must be renewed at least yearly.
    pub const MAX_DAYS: u16 = 365;
    /// What a token gets when nothing else is asked for.
    pub const DEFAULT: TokenLifetime = TokenLifetime(90);
    /// The choices the account page offers.
    pub const CHOICES: [TokenLifetime; 4] = [
        TokenLifetime(7),
        TokenLifetime(30),
        TokenLifetime(90),
        TokenLifetime(365),
    ];

    /// A lifetime of `days`; refused outside 1 to 365.
    pub fn from_days(days: u32) -> Result<Self, ValidationError> {
        u16::try_from(days)
            .ok()
            .filter(|d| (Self::MIN_DAYS..=Self::MAX_DAYS).contains(d))
            .map(Self)
            .ok_or(ValidationError::new(
                "days",
                ErrorCode::InvalidTokenLifetime,
            ))
    }

    /// Parses a number of days typed or chosen by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        raw.trim()
            .parse::<u32>()
            .map_err(|_| ValidationError::new("days", ErrorCode::InvalidTokenLifetime))
            .and_then(Self::from_days)
    }

    /// The lifetime in days.
    pub const fn days(self) -> u16 {
        self.0
    }

    /// The lifetime as a duration.
    pub fn duration(self) -> time::Duration {
        time::Duration::days(i64::from(self.0))
    }
}

impl Default for TokenLifetime {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lowercased() {
        let email = Email::parse("  Maija.Mallikas@Example.FI ").expect("valid");
        assert_eq!(email.as_str(), "maija.mallikas@example.fi");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "no-at-sign",
            "a@b",
            "a@@b.fi",
            "@b.fi",
            "a b@c.fi",
            "a@.fi",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn short_password_is_refused() {
        assert_eq!(
            Password::new_checked("Lyhyt1!", &[]).map(|_| ()),
            Err(PasswordError::TooShort)
        );
    }

    #[test]
    fn guessable_password_is_refused() {
        assert_eq!(
            Password::new_checked("password1234", &[]).map(|_| ()),
            Err(PasswordError::TooGuessable)
        );
        // The user's own name is guessable once the account's e-mail is known.
        assert!(Password::new_checked("maijamallikas", &[]).is_ok());
        assert_eq!(
            Password::new_checked("maijamallikas", &["maija.mallikas@example.fi"]).map(|_| ()),
            Err(PasswordError::TooGuessable)
        );
    }

    #[test]
    fn password_of_256_characters_is_accepted_and_257_is_not() {
        let long: String = "kaarna-Puro-7-".repeat(20).chars().take(256).collect();
        assert!(Password::new_checked(&long, &[]).is_ok());
        let longer = format!("{long}x");
        assert_eq!(
            Password::new_checked(&longer, &[]).map(|_| ()),
            Err(PasswordError::TooLong)
        );
    }

    #[test]
    fn token_lifetimes_are_one_day_to_a_year() {
        assert_eq!(TokenLifetime::default().days(), 90);
        assert_eq!(
            TokenLifetime::parse(" 30 ").map(TokenLifetime::days),
            Ok(30)
        );
        for bad in ["0", "366", "-1", "", "many", "99999999999"] {
            assert_eq!(
                TokenLifetime::parse(bad).map_err(|e| e.code),
                Err(ErrorCode::InvalidTokenLifetime),
                "{bad:?}"
            );
        }
        assert!(TokenLifetime::CHOICES.contains(&TokenLifetime::DEFAULT));
    }

    #[test]
    fn token_names_are_bounded() {
        assert_eq!(
            TokenName::parse(" cli ").map(|n| n.to_string()),
            Ok("cli".into())
        );
        assert!(TokenName::parse("").is_err());
        assert!(TokenName::parse(&"x".repeat(61)).is_err());
    }

    #[test]
    fn strong_password_is_accepted() {
        assert!(Password::new_checked("vihreä-Kettu-hyppää-41", &[]).is_ok());
    }
}

#[cfg(test)]
mod pattern_tests {
    use super::*;
    use crate::{PLAIN_TEXT_PATTERN, WorkspaceName};

    /// The patterns the API schema publishes accept exactly what the
    /// parsers accept, on inputs near every rule's edge.
    #[test]
    fn schema_patterns_agree_with_the_parsers() {
        let email = regex::Regex::new(EMAIL_PATTERN).expect("email pattern");
        for raw in [
            "maija@example.fi",
            " Maija@Example.FI ",
            "a@b",
            "a@.b.fi",
            "a@b.fi.",
            "a@b..fi",
            "a b@c.fi",
            "@b.fi",
            "a@@b.fi",
            "a@b.fi\u{7}",
            "\u{85}a@b.fi",
            "ä@ö.fi",
        ] {
            let parsed = Email::parse(raw).is_ok();
            assert_eq!(email.is_match(raw), parsed, "{raw:?}");
        }
        let text = regex::Regex::new(PLAIN_TEXT_PATTERN).expect("text pattern");
        for raw in [
            "Hanke",
            " Hanke ",
            "   ",
            "",
            "Han\u{0}ke",
            "Han\u{9f}ke",
            "\tHanke",
            "Hanke\n",
        ] {
            let parsed = WorkspaceName::parse(raw).is_ok();
            assert_eq!(text.is_match(raw), parsed, "{raw:?}");
        }
    }
}
