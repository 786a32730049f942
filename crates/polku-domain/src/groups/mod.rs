//! Development groups (kehittäjäryhmä): the people who work on one theme or
//! area, their ground rules (pelisäännöt) and their workshop series.

mod series;
mod text;

pub use series::{
    AgendaItem, CollectionPeriod, Method, NewCollectionPeriod, NewWorkshop, Phase, SeriesName,
    Workshop, WorkshopSeries, helsinki_to_utc, utc_to_helsinki,
};

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::{ErrorCode, GroupId, LocalizedText, UserId, ValidationError, WorkspaceId};
pub(crate) use text::optional_text;
use text::parse_date;

/// The id of a group's public invitation page: 128 random bits as 32
/// lowercase hex digits, unguessable and unrelated to the group's own id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PublicGroupId(String);

impl PublicGroupId {
    /// A fresh random id.
    pub fn new() -> Self {
        Self(uuid::Uuid::new_v4().simple().to_string())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for PublicGroupId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for PublicGroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for PublicGroupId {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() == 32
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            Ok(Self(s.to_owned()))
        } else {
            Err(ValidationError::new("public_id", ErrorCode::NotFound))
        }
    }
}

/// What a facilitator writes about a group: everything but its ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDetails {
    /// Its name in the three languages (Finnish required).
    pub name: LocalizedText,
    /// The municipality or theme it works on.
    pub area: String,
    /// What the group does, for members and for the invitation page.
    pub description: String,
    /// The ground rules the group agreed on.
    pub ground_rules: String,
    /// When it agreed on them.
    pub ground_rules_agreed_on: Option<Date>,
    /// How to reach the facilitators, as they write it (shown publicly).
    pub contact: String,
    /// Its facilitators: workspace members with the role facilitator or owner.
    pub facilitators: Vec<UserId>,
}

/// A group's details as typed into a form or an API body, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupInput {
    /// Finnish name.
    pub name_fi: String,
    /// Swedish name.
    pub name_sv: String,
    /// English name.
    pub name_en: String,
    /// Municipality or theme.
    pub area: String,
    /// Description.
    pub description: String,
    /// Ground rules.
    pub ground_rules: String,
    /// The date they were agreed on, `YYYY-MM-DD` or empty.
    pub ground_rules_agreed_on: String,
    /// Contact text.
    pub contact: String,
    /// Account ids of the facilitators.
    pub facilitators: Vec<String>,
}

impl GroupDetails {
    /// Longest name in any language.
    pub const NAME_MAX: usize = 120;
    /// Longest municipality or theme.
    pub const AREA_MAX: usize = 120;
    /// Longest description.
    pub const DESCRIPTION_MAX: usize = 2000;
    /// Longest ground rules.
    pub const RULES_MAX: usize = 4000;
    /// Longest contact text.
    pub const CONTACT_MAX: usize = 500;

    /// A group with only a name.
    pub fn named(name: LocalizedText) -> Self {
        Self {
            name,
            area: String::new(),
            description: String::new(),
            ground_rules: String::new(),
            ground_rules_agreed_on: None,
            contact: String::new(),
            facilitators: Vec::new(),
        }
    }

    /// Checks every field of `input`; on failure, every field's error in
    /// the order of the form.
    pub fn parse(input: &GroupInput) -> Result<Self, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let mut keep = |r: Result<String, ValidationError>| {
            r.unwrap_or_else(|e| {
                errors.push(e);
                String::new()
            })
        };
        let fi = keep(crate::bounded_text(
            &input.name_fi,
            "name_fi",
            1,
            Self::NAME_MAX,
        ));
        let sv = keep(optional_text(
            &input.name_sv,
            "name_sv",
            Self::NAME_MAX,
            false,
        ));
        let en = keep(optional_text(
            &input.name_en,
            "name_en",
            Self::NAME_MAX,
            false,
        ));
        let area = keep(optional_text(&input.area, "area", Self::AREA_MAX, false));
        let description = keep(optional_text(
            &input.description,
            "description",
            Self::DESCRIPTION_MAX,
            true,
        ));
        let ground_rules = keep(optional_text(
            &input.ground_rules,
            "ground_rules",
            Self::RULES_MAX,
            true,
        ));
        let agreed = parse_date(
            &input.ground_rules_agreed_on,
            "ground_rules_agreed_on",
            false,
        );
        let contact = keep(optional_text(
            &input.contact,
            "contact",
            Self::CONTACT_MAX,
            true,
        ));
        let ground_rules_agreed_on = match agreed {
            Ok(date) => date,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let mut facilitators = Vec::new();
        for raw in input.facilitators.iter().filter(|f| !f.trim().is_empty()) {
            match raw.trim().parse::<UserId>() {
                Ok(id) if !facilitators.contains(&id) => facilitators.push(id),
                Ok(_) => {}
                Err(_) => {
                    errors.push(ValidationError::new(
                        "facilitators",
                        ErrorCode::NotAFacilitator,
                    ));
                    break;
                }
            }
        }
        if !errors.is_empty() {
            // The form's order: the date comes before the contact text.
            errors.sort_by_key(|e| FIELD_ORDER.iter().position(|f| *f == e.field));
            return Err(errors);
        }
        let some = |s: String| (!s.is_empty()).then_some(s);
        Ok(Self {
            name: LocalizedText {
                fi,
                sv: some(sv),
                en: some(en),
            },
            area,
            description,
            ground_rules,
            ground_rules_agreed_on,
            contact,
            facilitators,
        })
    }
}

/// The fields of a group, in the order of its form.
pub const FIELD_ORDER: [&str; 9] = [
    "name_fi",
    "name_sv",
    "name_en",
    "area",
    "description",
    "facilitators",
    "ground_rules",
    "ground_rules_agreed_on",
    "contact",
];

/// A development group of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevelopmentGroup {
    /// The group's id.
    pub id: GroupId,
    /// The workspace it belongs to.
    pub workspace_id: WorkspaceId,
    /// The id of its public invitation page.
    pub public_id: PublicGroupId,
    /// What its facilitators wrote about it.
    pub details: GroupDetails,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> GroupInput {
        GroupInput {
            name_fi: " Ryhmä ".into(),
            ground_rules: "Kuunnellaan.\nEi keskeytetä.".into(),
            ground_rules_agreed_on: "2026-02-03".into(),
            ..GroupInput::default()
        }
    }

    #[test]
    fn a_group_needs_a_finnish_name_and_keeps_lines_of_its_rules() {
        let details = GroupDetails::parse(&input()).expect("valid");
        assert_eq!(details.name.fi, "Ryhmä");
        assert_eq!(details.name.sv, None);
        assert_eq!(details.ground_rules, "Kuunnellaan.\nEi keskeytetä.");
        assert_eq!(
            details.ground_rules_agreed_on.map(|d| d.to_string()),
            Some("2026-02-03".into())
        );
    }

    #[test]
    fn every_bad_field_is_reported_in_form_order() {
        let bad = GroupInput {
            name_fi: "  ".into(),
            name_sv: "x".repeat(121),
            ground_rules_agreed_on: "3.2.2026".into(),
            contact: "a\u{7}".into(),
            facilitators: vec!["nobody".into()],
            ..GroupInput::default()
        };
        let errors = GroupDetails::parse(&bad).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("name_fi", ErrorCode::Required),
                ("name_sv", ErrorCode::TooLong),
                ("facilitators", ErrorCode::NotAFacilitator),
                ("ground_rules_agreed_on", ErrorCode::InvalidDate),
                ("contact", ErrorCode::ControlCharacters),
            ]
        );
    }

    #[test]
    fn public_ids_are_32_hex_digits() {
        let id = PublicGroupId::new();
        assert_eq!(id.as_str().parse::<PublicGroupId>(), Ok(id.clone()));
        assert!("../x".parse::<PublicGroupId>().is_err());
        assert!(id.as_str().to_uppercase().parse::<PublicGroupId>().is_err());
    }
}
