//! Pieces of page forms several areas share: role select options and the
//! message shown beside the field an error is about.

use polku_app::Tr;
use polku_domain::Role;

use super::error::AppError;

/// One option of a role select.
#[derive(Debug, Clone)]
pub struct RoleOption {
    /// `owner`, `facilitator` or `viewer`.
    pub value: &'static str,
    /// The role's name in the page language.
    pub label: String,
    /// Whether it is the chosen one.
    pub selected: bool,
}

/// The roles `allowed` lets the caller pick, most powerful first, with
/// `selected` chosen.
pub fn role_options(t: Tr, allowed: impl Fn(Role) -> bool, selected: Role) -> Vec<RoleOption> {
    Role::ALL
        .into_iter()
        .filter(|r| allowed(*r))
        .map(|r| RoleOption {
            value: r.as_str(),
            label: t.role(r),
            selected: r == selected,
        })
        .collect()
}

/// An error to show beside the form field it is about.
#[derive(Debug, Clone, Default)]
pub struct FieldErrors {
    field: Option<&'static str>,
    message: Option<String>,
}

impl FieldErrors {
    /// No errors.
    pub fn none() -> Self {
        Self::default()
    }

    /// `error` shown beside its own field, or beside `fallback` when it names
    /// none.
    pub fn from_error(error: &AppError, t: Tr, fallback: &'static str) -> Self {
        Self {
            field: Some(error.field().unwrap_or(fallback)),
            message: Some(error.message(t)),
        }
    }

    /// The message for `field`, if the error is about it.
    pub fn get(&self, field: &str) -> Option<&str> {
        match self.field {
            Some(f) if f == field => self.message.as_deref(),
            _ => None,
        }
    }
}
