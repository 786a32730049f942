//! Join codes: six characters a person reads off a projector and types on an
//! old phone.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ErrorCode, ValidationError};

/// The characters of a join code: upper-case letters and digits without the
/// ones people confuse (0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V).
pub const JOIN_CODE_ALPHABET: &[u8; 21] = b"ACEFGHJKMNPRTWXY34679";

/// How many characters a join code has.
pub const JOIN_CODE_LENGTH: usize = 6;

/// A session's join code, e.g. `K7M3TP`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JoinCode(String);

impl JoinCode {
    /// The code whose characters are `indices` into [`JOIN_CODE_ALPHABET`]
    /// (each taken modulo its length), for a random generator.
    pub fn from_indices(indices: [usize; JOIN_CODE_LENGTH]) -> Self {
        Self(
            indices
                .iter()
                .map(|&i| char::from(JOIN_CODE_ALPHABET[i % JOIN_CODE_ALPHABET.len()]))
                .collect(),
        )
    }

    /// Reads a code as a person typed it: case, spaces and dashes do not
    /// matter (`k7m 3tp`, `K7M-3TP`).
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let code: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if code.is_empty() {
            return Err(ValidationError::new("code", ErrorCode::Required));
        }
        let valid = code.chars().count() == JOIN_CODE_LENGTH
            && code.bytes().all(|b| JOIN_CODE_ALPHABET.contains(&b));
        if valid {
            Ok(Self(code))
        } else {
            Err(ValidationError::new("code", ErrorCode::InvalidJoinCode))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A participant's return code (paluukoodi), e.g. `K7M3-TPHX`: eight
/// characters of the join-code alphabet, to write down or photograph. With
/// it a person comes back to the workspace's later workshops as the same
/// pseudonym and sees what became of their notes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReturnCode(String);

impl ReturnCode {
    /// How many characters a return code has (without the dash).
    pub const LENGTH: usize = 8;

    /// The code whose characters are `indices` into [`JOIN_CODE_ALPHABET`].
    pub fn from_indices(indices: [usize; Self::LENGTH]) -> Self {
        Self(
            indices
                .iter()
                .map(|&i| char::from(JOIN_CODE_ALPHABET[i % JOIN_CODE_ALPHABET.len()]))
                .collect(),
        )
    }

    /// Reads a code as typed: case, spaces and dashes do not matter.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let code: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let valid = code.chars().count() == Self::LENGTH
            && code.bytes().all(|b| JOIN_CODE_ALPHABET.contains(&b));
        if valid {
            Ok(Self(code))
        } else {
            Err(ValidationError::new(
                "return_code",
                ErrorCode::InvalidReturnCode,
            ))
        }
    }

    /// The code without the dash, as it is hashed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as shown: two groups of four (`K7M3-TPHX`).
    pub fn shown(&self) -> String {
        let (a, b) = self.0.split_at(Self::LENGTH / 2);
        format!("{a}-{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_look_alike_characters_in_the_alphabet() {
        for confusable in "0OQDIL1Z25SB8UV".bytes() {
            assert!(
                !JOIN_CODE_ALPHABET.contains(&confusable),
                "{}",
                char::from(confusable)
            );
        }
        let mut unique = JOIN_CODE_ALPHABET.to_vec();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), JOIN_CODE_ALPHABET.len());
    }

    #[test]
    fn typed_codes_are_read_leniently() {
        for raw in ["K7M3TP", "k7m3tp", " K7M 3TP ", "K7M-3TP"] {
            assert_eq!(JoinCode::parse(raw).expect(raw).as_str(), "K7M3TP");
        }
    }

    #[test]
    fn wrong_codes_are_refused() {
        assert_eq!(
            JoinCode::parse("").expect_err("refused").code,
            ErrorCode::Required
        );
        for raw in ["K7M3T", "K7M3TPA", "K7M3T0", "ÄÄÄÄÄÄ", "K7M3T\u{0}"] {
            assert_eq!(
                JoinCode::parse(raw).expect_err("refused").code,
                ErrorCode::InvalidJoinCode,
                "{raw}"
            );
        }
    }

    #[test]
    fn return_codes_are_read_leniently_and_shown_in_two_groups() {
        let code = ReturnCode::parse("k7m3-tphx").expect("valid");
        assert_eq!(code.as_str(), "K7M3TPHX");
        assert_eq!(code.shown(), "K7M3-TPHX");
        assert!(ReturnCode::parse("K7M3TPH").is_err());
        assert!(ReturnCode::parse("K7M3TPH0").is_err());
        let made = ReturnCode::from_indices([0, 1, 2, 3, 4, 5, 6, 100]);
        assert_eq!(ReturnCode::parse(&made.shown()).expect("own"), made);
    }

    #[test]
    fn indices_map_into_the_alphabet() {
        let code = JoinCode::from_indices([0, 1, 2, 20, 21, 1000]);
        assert_eq!(code.as_str().len(), JOIN_CODE_LENGTH);
        assert!(JoinCode::parse(code.as_str()).is_ok());
    }
}
