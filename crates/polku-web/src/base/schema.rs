//! Request fields whose OpenAPI schema states the rule the domain checks
//! (lengths, no control characters, e-mail shape, role names, number
//! ranges), so the document and the handlers cannot disagree. Each is the
//! raw value; the handler still parses it with the domain type.

use std::borrow::Cow;

use polku_domain::{EMAIL_PATTERN, Email, PLAIN_TEXT_PATTERN, Role};
use serde::Deserialize;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

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

/// Text on one line without control characters, possibly empty (the rule
/// of the domain's optional fields), as an ECMA 262 pattern.
const LINE_PATTERN: &str = r"^[^\u0000-\u001F\u007F-\u009F]*$";

/// Text of any number of lines (tabs allowed), possibly empty.
const NOTES_PATTERN: &str = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$";

/// Text of one or more lines (tabs allowed) with at least one character
/// that is not a space.
const LINES_PATTERN: &str = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$";

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

/// Text of 1 to `MAX` characters, line breaks allowed.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct Lines<const MAX: usize>(pub String);

impl<const MAX: usize> PartialSchema for Lines<MAX> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .max_length(Some(MAX))
            .pattern(Some(LINES_PATTERN))
            .into()
    }
}

impl<const MAX: usize> ToSchema for Lines<MAX> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(format!("Lines{MAX}"))
    }
}

/// Text of at most `MAX` characters, line breaks allowed, possibly empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Notes<const MAX: usize>(pub String);

impl<const MAX: usize> PartialSchema for Notes<MAX> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(MAX))
            .pattern(Some(NOTES_PATTERN))
            .into()
    }
}

impl<const MAX: usize> ToSchema for Notes<MAX> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(format!("Notes{MAX}"))
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
