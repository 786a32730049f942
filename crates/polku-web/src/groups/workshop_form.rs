//! The workshop form, shared by the series page (add) and a workshop's edit
//! page: day, start time, duration, place and agenda rows, each row a method
//! from the library or the facilitator's own text. Rendered by
//! `templates/groups/workshop_fields.html`.

use std::collections::HashMap;

use polku_app::Tr;
use polku_domain::{Method, NewWorkshop, ValidationError};

use crate::base::forms::{FormErrors, TextField, field_id};

/// One option of a select.
pub(super) struct SelectOption {
    pub(super) value: &'static str,
    pub(super) label: String,
    pub(super) selected: bool,
}

/// The id prefix of the form's fields.
pub(super) const FORM: &str = "workshop";

/// Agenda rows a form offers at least (empty ones are skipped).
const AGENDA_ROWS: usize = 5;

/// Empty agenda rows a form offers after the last filled one.
const SPARE_ROWS: usize = 2;

/// A workshop form's values by field name: as posted, or as stored.
#[derive(Default)]
pub(super) struct WorkshopForm {
    values: HashMap<String, String>,
}

impl WorkshopForm {
    /// The form as posted.
    pub(super) fn typed(values: HashMap<String, String>) -> Self {
        Self { values }
    }

    /// The form filled with what is stored of `workshop`, its start in
    /// Finnish time.
    pub(super) fn of(workshop: &NewWorkshop) -> Self {
        let (date, time) = workshop.local_start();
        let mut values = HashMap::from([
            ("date".to_owned(), date),
            ("time".to_owned(), time),
            ("duration".to_owned(), workshop.duration_minutes.to_string()),
            ("place".to_owned(), workshop.place.clone()),
        ]);
        for (n, item) in (1..).zip(&workshop.agenda) {
            let method = item.method.map(Method::as_str).unwrap_or_default();
            values.insert(format!("agenda_method_{n}"), method.to_owned());
            values.insert(format!("agenda_text_{n}"), item.text.clone());
        }
        Self { values }
    }

    fn get(&self, name: &str) -> &str {
        self.values
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// How many agenda rows to show: every filled one and a few spare,
    /// at least [`AGENDA_ROWS`], at most [`NewWorkshop::AGENDA_MAX`].
    fn rows(&self) -> usize {
        let last_filled = (1..=NewWorkshop::AGENDA_MAX)
            .rev()
            .find(|n| {
                !self.get(&format!("agenda_method_{n}")).trim().is_empty()
                    || !self.get(&format!("agenda_text_{n}")).trim().is_empty()
            })
            .unwrap_or(0);
        (last_filled + SPARE_ROWS).clamp(AGENDA_ROWS, NewWorkshop::AGENDA_MAX)
    }

    /// Checks the form; empty agenda rows are skipped, rows past
    /// [`NewWorkshop::AGENDA_MAX`] are not read.
    pub(super) fn parse(&self) -> Result<NewWorkshop, Vec<ValidationError>> {
        let agenda: Vec<(String, String)> = (1..=NewWorkshop::AGENDA_MAX)
            .map(|n| {
                (
                    self.get(&format!("agenda_method_{n}")).to_owned(),
                    self.get(&format!("agenda_text_{n}")).to_owned(),
                )
            })
            .collect();
        NewWorkshop::parse(
            self.get("date"),
            self.get("time"),
            self.get("duration"),
            self.get("place"),
            &agenda,
        )
    }
}

/// One agenda row of the form: a method select and a text input.
pub(super) struct AgendaRow {
    pub(super) method_id: String,
    pub(super) method_label: String,
    pub(super) text_id: String,
    pub(super) text_label: String,
    pub(super) methods: Vec<SelectOption>,
    pub(super) text: String,
    pub(super) method_name: String,
    pub(super) text_name: String,
}

/// The form's fields as a template shows them, with their errors.
pub(super) struct WorkshopFields {
    pub(super) fields: Vec<TextField>,
    pub(super) agenda_rows: Vec<AgendaRow>,
    pub(super) agenda_error: Option<String>,
}

impl WorkshopFields {
    /// The fields of `form` in `t`'s language, `errors` beside them.
    pub(super) fn new(t: Tr, form: &WorkshopForm, errors: &FormErrors) -> Self {
        let value = |name: &str| form.get(name).to_owned();
        let field = |name: &'static str, key: &str| {
            TextField::new(FORM, name, t.get(key), value(name), errors)
        };
        let fields = vec![
            field("date", "series-field-date")
                .hint(t.get("groups-field-date-hint"))
                .kind("date", 10)
                .required(),
            field("time", "series-field-time")
                .hint(t.get("series-field-time-hint"))
                .kind("time", 5)
                .required(),
            field("duration", "series-field-duration")
                .kind("number", 3)
                .required(),
            field("place", "series-field-place").kind("text", NewWorkshop::PLACE_MAX),
        ];
        let agenda_rows = (1..=form.rows())
            .map(|n| {
                let number = n.to_string();
                let method_name = format!("agenda_method_{n}");
                let text_name = format!("agenda_text_{n}");
                let chosen = value(&method_name);
                let mut methods = vec![SelectOption {
                    value: "",
                    label: t.get("series-agenda-own"),
                    selected: chosen.is_empty(),
                }];
                methods.extend(Method::ALL.iter().map(|m| SelectOption {
                    value: m.as_str(),
                    label: t.get(m.label_key()),
                    selected: m.as_str() == chosen,
                }));
                AgendaRow {
                    // The first select carries the field's id, for the summary.
                    method_id: if n == 1 {
                        field_id(FORM, "agenda")
                    } else {
                        format!("{}-method-{n}", field_id(FORM, "agenda"))
                    },
                    method_label: t.with("series-agenda-method", &[("number", &number)]),
                    text_id: format!("{}-text-{n}", field_id(FORM, "agenda")),
                    text_label: t.with("series-agenda-text", &[("number", &number)]),
                    methods,
                    text: value(&text_name),
                    method_name,
                    text_name,
                }
            })
            .collect();
        Self {
            fields,
            agenda_rows,
            agenda_error: errors.get("agenda").map(str::to_owned),
        }
    }
}

/// A method of the library with its plain-language instructions, for the
/// help under a workshop form.
pub(super) struct MethodHelp {
    pub(super) label: String,
    pub(super) how: String,
}

/// Every method of the library, in `t`'s language.
pub(super) fn method_help(t: Tr) -> Vec<MethodHelp> {
    Method::ALL
        .iter()
        .map(|m| MethodHelp {
            label: t.get(m.label_key()),
            how: t.get(m.instructions_key()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_workshop_fills_the_form_with_spare_rows() {
        let agenda: Vec<(String, String)> = (1..=6)
            .map(|n| (String::new(), format!("Kohta {n}")))
            .collect();
        let stored =
            NewWorkshop::parse("2026-06-15", "13:05", "90", "Kirjasto", &agenda).expect("valid");
        let form = WorkshopForm::of(&stored);
        assert_eq!(form.get("date"), "2026-06-15");
        assert_eq!(form.get("time"), "13:05", "Finnish time");
        assert_eq!(form.get("agenda_text_6"), "Kohta 6");
        assert_eq!(form.rows(), 8, "six filled and two spare");
        assert_eq!(form.parse(), Ok(stored), "it reads back as stored");
        assert_eq!(WorkshopForm::default().rows(), AGENDA_ROWS);
    }
}
