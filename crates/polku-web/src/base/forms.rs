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

/// Errors to show beside the form fields they are about.
#[derive(Debug, Clone, Default)]
pub struct FieldErrors {
    /// (field name, message), in the order of the fields on the page.
    errors: Vec<(&'static str, String)>,
}

impl FieldErrors {
    /// No errors.
    pub fn none() -> Self {
        Self::default()
    }

    /// One error beside `field`.
    pub fn one(field: &'static str, message: String) -> Self {
        Self {
            errors: vec![(field, message)],
        }
    }

    /// Several errors, each beside its field.
    pub fn many(errors: impl IntoIterator<Item = (&'static str, String)>) -> Self {
        Self {
            errors: errors.into_iter().collect(),
        }
    }

    /// `error` shown beside its own field, or beside `fallback` when it names
    /// none.
    pub fn from_error(error: &AppError, t: Tr, fallback: &'static str) -> Self {
        Self::one(error.field().unwrap_or(fallback), error.message(t))
    }

    /// The message for `field`, if an error is about it.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, message)| message.as_str())
    }

    /// The errors as items of a page's error summary, each linking to the
    /// field whose id is `id_prefix`, a hyphen, and the field's name with
    /// `_` as `-` (`signup` and `password_again` give `#signup-password-again`).
    pub fn summary(&self, id_prefix: &str) -> ErrorSummary {
        ErrorSummary {
            items: self
                .errors
                .iter()
                .map(|(field, message)| SummaryItem {
                    target: Some(format!("{id_prefix}-{}", field.replace('_', "-"))),
                    message: message.clone(),
                })
                .collect(),
        }
    }

    /// The errors as summary items linking to the id `ids` gives each field
    /// (`(field, id)`), in the order of `ids`.
    pub fn summary_with_ids(&self, ids: &[(&str, &str)]) -> ErrorSummary {
        ErrorSummary {
            items: ids
                .iter()
                .filter_map(|(field, id)| {
                    self.get(field).map(|message| SummaryItem {
                        target: Some((*id).to_owned()),
                        message: message.to_owned(),
                    })
                })
                .collect(),
        }
    }
}

/// The error summary at the top of a page (the pattern of the GOV.UK and
/// Finnish Suomi.fi design systems): every error of the submitted form,
/// each a link to the field it is about, shown above the form and focused
/// when the page loads (`templates/site/error_summary.html`), while each
/// field still shows its own message beside it.
#[derive(Debug, Clone, Default)]
pub struct ErrorSummary {
    /// The errors in the order of the fields on the page.
    pub items: Vec<SummaryItem>,
}

/// One error of an [`ErrorSummary`].
#[derive(Debug, Clone)]
pub struct SummaryItem {
    /// The id of the field the error is about, if it is about one.
    pub target: Option<String>,
    /// The message, as shown beside the field.
    pub message: String,
}

impl ErrorSummary {
    /// A summary of one error.
    pub fn one(target: Option<String>, message: String) -> Self {
        Self {
            items: vec![SummaryItem { target, message }],
        }
    }

    /// A summary of the fields (id, error) that have an error, in order.
    pub fn of_fields<'a>(fields: impl IntoIterator<Item = (&'a str, Option<&'a String>)>) -> Self {
        Self {
            items: fields
                .into_iter()
                .filter_map(|(id, error)| {
                    error.map(|message| SummaryItem {
                        target: Some(id.to_owned()),
                        message: message.clone(),
                    })
                })
                .collect(),
        }
    }

    /// Whether there is nothing to summarise.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Errors of several fields of one form, each shown beside its field and
/// all of them, in the form's order, in the page's [`ErrorSummary`].
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    items: Vec<(&'static str, String)>,
}

impl FormErrors {
    /// The validation errors of a form, translated.
    pub fn from_validation(errors: &[polku_domain::ValidationError], t: Tr) -> Self {
        Self {
            items: errors
                .iter()
                .map(|e| (e.field, AppError::from(e.clone()).message(t)))
                .collect(),
        }
    }

    /// One error about `field`.
    pub fn one(field: &'static str, message: String) -> Self {
        Self {
            items: vec![(field, message)],
        }
    }

    /// The message for `field`, if it has an error.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    /// The summary linking each error to its field, whose id is
    /// `id_prefix`, a hyphen and the field's name with `_` as `-`.
    pub fn summary(&self, id_prefix: &str) -> ErrorSummary {
        ErrorSummary {
            items: self
                .items
                .iter()
                .map(|(field, message)| SummaryItem {
                    target: Some(field_id(id_prefix, field)),
                    message: message.clone(),
                })
                .collect(),
        }
    }
}

/// The id of the form field `field` of the form `id_prefix`.
pub fn field_id(id_prefix: &str, field: &str) -> String {
    format!("{id_prefix}-{}", field.replace('_', "-"))
}

/// A text input or text area of a form, rendered by
/// `templates/site/field.html`: label, hint, its error beside it.
#[derive(Debug, Clone)]
pub struct TextField {
    /// The element id (`group-name-fi`).
    pub id: String,
    /// The form field's name (`name_fi`).
    pub name: &'static str,
    /// The label text.
    pub label: String,
    /// A hint under the label, if any.
    pub hint: Option<String>,
    /// The value to show (what the user typed, or what is stored).
    pub value: String,
    /// The error beside it, if any.
    pub error: Option<String>,
    /// `text`, `date`, `time`, `number`, or `textarea` for a text area.
    pub kind: &'static str,
    /// The longest value accepted.
    pub max_length: usize,
    /// Whether it must be filled.
    pub required: bool,
}

impl TextField {
    /// A single-line text field `name` of form `id_prefix`, its error
    /// taken from `errors`.
    pub fn new(
        id_prefix: &str,
        name: &'static str,
        label: String,
        value: String,
        errors: &FormErrors,
    ) -> Self {
        Self {
            id: field_id(id_prefix, name),
            name,
            label,
            hint: None,
            value,
            error: errors.get(name).map(str::to_owned),
            kind: "text",
            max_length: 120,
            required: false,
        }
    }

    /// The same field with a hint.
    pub fn hint(self, hint: String) -> Self {
        Self {
            hint: Some(hint),
            ..self
        }
    }

    /// The same field of another kind (`textarea`, `date`, ...).
    pub fn kind(self, kind: &'static str, max_length: usize) -> Self {
        Self {
            kind,
            max_length,
            ..self
        }
    }

    /// The same field, required.
    pub fn required(self) -> Self {
        Self {
            required: true,
            ..self
        }
    }

    /// What its `aria-describedby` names: its error, then its hint.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        ids.join(" ")
    }
}
