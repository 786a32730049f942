//! Request fields whose OpenAPI schema states the rule the domain checks
//! (lengths, no control characters, e-mail shape, role names), so the
//! document and the handlers cannot disagree. Each is the raw text; the
//! handler still parses it with the domain type.

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
