//! Request fields whose OpenAPI schema states the rule the domain checks
//! (lengths, no control characters, e-mail shape, role names, join codes),
//! so the document and the handlers cannot disagree. Each is the raw value;
//! the handler still parses it with the domain type.

use std::borrow::Cow;
use std::fmt;

use polku_domain::ErrorCode;
use polku_domain::live::{JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, Perspective, ReturnCode};
use polku_domain::{EMAIL_PATTERN, Email, PLAIN_TEXT_PATTERN, Role};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    AnyOfBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type,
};
use utoipa::{PartialSchema, ToSchema};

use super::error::AppError;

/// The characters Rust's `char::is_whitespace` and `str::trim` take for
/// space, as the body of an ECMA 262 character class. Written out because
/// `\s` means another set in ECMA 262 (U+FEFF, no U+0085) and in Python.
pub const WHITE_SPACE: &str =
    r"\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// Text on one line without control characters, possibly empty (the rule
/// of the domain's optional fields).
const LINE_PATTERN: &str = r"^[^\u0000-\u001F\u007F-\u009F]*$";

/// The control characters a multi-line field refuses: all but tab, line
/// feed and carriage return, as the body of a character class.
const LINES_CONTROL: &str = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F";

/// Text of `MIN..=MAX` characters, not only spaces, no control characters.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct Text<const MIN: usize, const MAX: usize>(pub String);

impl<const MIN: usize, const MAX: usize> PartialSchema for Text<MIN, MAX> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(MIN))
            .max_length(Some(MAX))
            .pattern(Some(PLAIN_TEXT_PATTERN))
            .into()
    }
}

/// Each length range is its own component (`Text_1_120`): one shared name
/// would publish a single range for every field.
impl<const MIN: usize, const MAX: usize> ToSchema for Text<MIN, MAX> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(format!("Text_{MIN}_{MAX}"))
    }
}

/// An e-mail address as `polku_domain::Email::parse` accepts it (its pattern,
/// not the `email` format, which is stricter than the rule and refuses
/// surrounding spaces and non-ASCII addresses that Polku takes).
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct EmailText(pub String);

impl PartialSchema for EmailText {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(Email::MAX_LEN))
            .pattern(Some(EMAIL_PATTERN))
            .into()
    }
}

impl ToSchema for EmailText {}

/// A role's name: `owner`, `facilitator` or `viewer`.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct RoleText(pub String);

impl PartialSchema for RoleText {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(Role::ALL.map(Role::as_str)))
            .into()
    }
}

impl ToSchema for RoleText {}

/// Text of at most `MAX` characters on one line, possibly empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Line<const MAX: usize>(pub String);

impl<const MAX: usize> PartialSchema for Line<MAX> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(MAX))
            .pattern(Some(LINE_PATTERN))
            .into()
    }
}

// Named by its length: a generic type's default name drops the parameter,
// and two lengths would share one schema.
impl<const MAX: usize> ToSchema for Line<MAX> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(format!("Line{MAX}"))
    }
}

/// Text of `MIN..=MAX` characters, line breaks and tabs allowed, other
/// control characters not. `MIN` is 0 (may be empty or only spaces) or 1
/// (something that is not a space).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Lines<const MIN: usize, const MAX: usize>(pub String);

impl<const MIN: usize, const MAX: usize> Lines<MIN, MAX> {
    /// The ECMA 262 pattern of the rule.
    pub fn pattern() -> String {
        const { assert!(MIN <= 1, "Lines knows empty or not blank") };
        if MIN == 0 {
            format!("^[^{LINES_CONTROL}]*$")
        } else {
            format!(
                "^[^{LINES_CONTROL}]*[^{WHITE_SPACE}\\u0000-\\u001F\\u007F-\\u009F][^{LINES_CONTROL}]*$"
            )
        }
    }
}

impl<const MIN: usize, const MAX: usize> PartialSchema for Lines<MIN, MAX> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length((MIN > 0).then_some(MIN))
            .max_length(Some(MAX))
            .pattern(Some(Self::pattern()))
            .into()
    }
}

impl<const MIN: usize, const MAX: usize> ToSchema for Lines<MIN, MAX> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(format!("Lines_{MIN}_{MAX}"))
    }
}

/// The pattern of a join code as `JoinCode::parse` reads it: six
/// characters of the join-code alphabet in either case, spaces and dashes
/// anywhere.
pub fn join_code_pattern() -> String {
    typed_code_pattern(JOIN_CODE_LENGTH)
}

/// The pattern of a return code as `ReturnCode::parse` reads it.
pub fn return_code_pattern() -> String {
    typed_code_pattern(ReturnCode::LENGTH)
}

/// `length` characters of the join-code alphabet in either case, with
/// spaces and dashes anywhere around and between them.
fn typed_code_pattern(length: usize) -> String {
    let upper: String = JOIN_CODE_ALPHABET.iter().map(|&b| char::from(b)).collect();
    let lower: String = upper
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    format!("^[{WHITE_SPACE}-]*(?:[{upper}{lower}][{WHITE_SPACE}-]*){{{length}}}$")
}

/// A perspective's name as `Perspective::from_str` reads it: spaces around
/// it do not matter.
pub fn perspective_pattern() -> String {
    let names: Vec<&str> = Perspective::ALL.iter().map(|p| p.as_str()).collect();
    format!("^[{WHITE_SPACE}]*(?:{})[{WHITE_SPACE}]*$", names.join("|"))
}

/// Only spaces, or nothing.
pub fn blank_pattern() -> String {
    format!("^[{WHITE_SPACE}]*$")
}

/// Refuses a date the API's `format: date` does not allow but the forms'
/// lenient reading would take (spaces around it, a sign, a short year):
/// `invalid_date` on `field`. A blank one is left to the domain, which
/// knows whether the field is required.
pub fn exact_date(raw: &str, field: &'static str) -> Result<(), AppError> {
    let shaped = raw.len() == 10
        && raw.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if shaped || raw.trim().is_empty() {
        Ok(())
    } else {
        Err(AppError::invalid(field, ErrorCode::InvalidDate))
    }
}

/// A date `YYYY-MM-DD` where blank text means none, as a form sends it.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct DateOrBlank(pub String);

impl PartialSchema for DateOrBlank {
    fn schema() -> RefOr<Schema> {
        AnyOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(blank_pattern())),
            )
            .into()
    }
}

impl ToSchema for DateOrBlank {}

/// A whole number in a request body. JSON Schema's `integer` counts `4.0`
/// as one, so a whole-valued float is read as the integer it equals.
/// `None` is any other number (a fraction, or beyond `i64`), which the
/// handler refuses with its field's own error; a non-number does not
/// deserialize. Give the field its schema with `value_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WholeNumber(Option<i64>);

impl WholeNumber {
    /// The number, or `None` when it is not a whole number in `i64`.
    pub const fn get(self) -> Option<i64> {
        self.0
    }
}

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Whole;

        impl Visitor<'_> for Whole {
            type Value = WholeNumber;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<WholeNumber, E> {
                Ok(WholeNumber(Some(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<WholeNumber, E> {
                Ok(WholeNumber(i64::try_from(v).ok()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<WholeNumber, E> {
                // Whole and within i64 before the cast: -2^63 is exact as
                // an f64, and 2^63 is the first value beyond i64.
                const LIMIT: f64 = 9_223_372_036_854_775_808.0;
                let whole = v.fract() == 0.0 && (-LIMIT..LIMIT).contains(&v);
                Ok(WholeNumber(whole.then_some(v as i64)))
            }
        }

        deserializer.deserialize_any(Whole)
    }
}

#[cfg(test)]
mod tests {
    use polku_domain::live::JoinCode;
    use polku_domain::{GroupDetails, GroupInput};
    use regex::Regex;

    use super::*;

    /// Inputs near every rule's edge, with the characters where `\s`
    /// differs between Rust, ECMA 262 and Python.
    const EDGES: [&str; 14] = [
        "", " ", "\u{feff}", "\u{85}", "\u{a0}", "\u{3000}", "\u{1c}", "\t", "\n", "\r", "\u{b}",
        "-", "\u{80}", "\u{2028}",
    ];

    fn variants(core: &str) -> Vec<String> {
        let mut all = vec![core.to_owned()];
        for edge in EDGES {
            all.push(format!("{edge}{core}"));
            all.push(format!("{core}{edge}"));
            all.push(edge.to_owned());
            if let Some((at, _)) = core.char_indices().nth(2) {
                all.push(format!("{}{edge}{}", &core[..at], &core[at..]));
            }
        }
        all
    }

    #[test]
    fn code_patterns_agree_with_the_parsers() {
        let join = Regex::new(&join_code_pattern()).expect("join code pattern");
        let back = Regex::new(&return_code_pattern()).expect("return code pattern");
        for core in ["K7M3TP", "k7m-3tp", "K7M3T", "K7M3TPA", "K7M3T0", "ÄÄÄÄÄÄ"] {
            for raw in variants(core) {
                assert_eq!(
                    join.is_match(&raw),
                    JoinCode::parse(&raw).is_ok(),
                    "{raw:?}"
                );
            }
        }
        for core in ["K7M3TPHX", "k7m3-tphx", "K7M3TPH", "K7M3TPH0", "K7M3TPHXA"] {
            for raw in variants(core) {
                assert_eq!(
                    back.is_match(&raw),
                    ReturnCode::parse(&raw).is_ok(),
                    "{raw:?}"
                );
            }
        }
    }

    #[test]
    fn perspective_and_blank_patterns_agree_with_the_handler() {
        let perspective = Regex::new(&perspective_pattern()).expect("perspective pattern");
        for core in ["client", "ngo", "Client", "clients", "other "] {
            for raw in variants(core) {
                let parsed = raw.parse::<Perspective>().is_ok();
                assert_eq!(perspective.is_match(&raw), parsed, "{raw:?}");
            }
        }
        let blank = Regex::new(&blank_pattern()).expect("blank pattern");
        for raw in variants("") {
            assert_eq!(blank.is_match(&raw), raw.trim().is_empty(), "{raw:?}");
        }
    }

    #[test]
    fn lines_patterns_agree_with_the_group_and_period_rules() {
        let optional = Regex::new(&Lines::<0, 2000>::pattern()).expect("optional lines");
        let required = Regex::new(&Lines::<1, 1000>::pattern()).expect("required lines");
        for core in ["Kuvaus", "a\r\nb", "a\tb", "", "a\u{0}b", "a\u{9f}b"] {
            for raw in variants(core) {
                let input = GroupInput {
                    name_fi: "Ryhmä".to_owned(),
                    description: raw.clone(),
                    ..GroupInput::default()
                };
                let group = GroupDetails::parse(&input).is_ok();
                assert_eq!(optional.is_match(&raw), group, "{raw:?}");
                let period =
                    polku_domain::NewCollectionPeriod::parse("2030-01-01", "2030-01-02", &raw)
                        .is_ok();
                assert_eq!(required.is_match(&raw), period, "{raw:?}");
            }
        }
    }

    #[test]
    fn whole_valued_floats_are_whole_numbers() {
        let read = |json: &str| serde_json::from_str::<WholeNumber>(json).map(WholeNumber::get);
        assert_eq!(read("4").ok(), Some(Some(4)));
        assert_eq!(read("-4").ok(), Some(Some(-4)));
        assert_eq!(read("4.0").ok(), Some(Some(4)));
        assert_eq!(read("1e1").ok(), Some(Some(10)));
        assert_eq!(read("4.5").ok(), Some(None));
        assert_eq!(read("1e300").ok(), Some(None));
        assert_eq!(read("18446744073709551615").ok(), Some(None));
        assert!(read("\"4\"").is_err());
        assert!(read("null").is_err());
    }
}

/// A whole number from `MIN` to `MAX`. Read as any JSON number (JSON Schema
/// counts `2.0` as an integer too), so that a fraction or a number out of
/// range reaches the domain and gets its own error code, not a generic one.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(transparent)]
pub struct Whole<const MIN: i64, const MAX: i64>(pub f64);

impl<const MIN: i64, const MAX: i64> Whole<MIN, MAX> {
    /// The number as a form would send it, for the domain's parser; a
    /// fraction as text the parser refuses.
    pub fn text(self) -> String {
        let value = self.0;
        if value.is_finite() && value.fract() == 0.0 {
            // `+ 0.0` makes -0 plain 0.
            format!("{:.0}", value + 0.0)
        } else {
            "-".to_owned()
        }
    }

    /// An optional number as form text: empty for `None`.
    pub fn optional_text(value: Option<Self>) -> String {
        value.map(Self::text).unwrap_or_default()
    }
}

impl<const MIN: i64, const MAX: i64> PartialSchema for Whole<MIN, MAX> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(MIN))
            .maximum(Some(MAX))
            .into()
    }
}

impl<const MIN: i64, const MAX: i64> ToSchema for Whole<MIN, MAX> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(format!("Whole_{MIN}_{MAX}"))
    }
}
