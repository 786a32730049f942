//! Client profiles: anonymous composite personas, never a real person.

use serde::{Deserialize, Serialize};

use super::{AgeBand, DigitalSkills};
use crate::groups::optional_text;
use crate::{ProfileId, ValidationError, WorkspaceId, bounded_text};

/// A profile as typed into its form or an API body, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileInput {
    /// Short name, e.g. "Osatyökykyinen Pekka, 50".
    pub name: String,
    /// Age band, `AgeBand` text.
    pub age_band: String,
    /// Life situation.
    pub situation: String,
    /// Work ability in the profile's own words.
    pub work_ability: String,
    /// Distance to services, e.g. "100 km to specialised health care".
    pub distance: String,
    /// Languages spoken.
    pub languages: String,
    /// Digital skills, `DigitalSkills` text.
    pub digital_skills: String,
    /// Goals.
    pub goals: String,
}

/// A checked profile: everything but its ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileDetails {
    /// Short name.
    pub name: String,
    /// Age band.
    pub age_band: AgeBand,
    /// Life situation.
    pub situation: String,
    /// Work ability.
    pub work_ability: String,
    /// Distance to services.
    pub distance: String,
    /// Languages.
    pub languages: String,
    /// Digital skills.
    pub digital_skills: DigitalSkills,
    /// Goals.
    pub goals: String,
}

/// The fields of a profile, in the order of its form.
pub const PROFILE_FIELDS: [&str; 8] = [
    "name",
    "age_band",
    "situation",
    "work_ability",
    "distance",
    "languages",
    "digital_skills",
    "goals",
];

impl ProfileDetails {
    /// Longest short name.
    pub const NAME_MAX: usize = 80;
    /// Longest situation, work ability or goals text.
    pub const LONG_MAX: usize = 1000;
    /// Longest distance or languages text.
    pub const SHORT_MAX: usize = 200;

    /// Checks every field of `input`; on failure, every field's error in
    /// the order of the form.
    pub fn parse(input: &ProfileInput) -> Result<Self, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let mut keep = |r: Result<String, ValidationError>| {
            r.unwrap_or_else(|e| {
                errors.push(e);
                String::new()
            })
        };
        let name = keep(bounded_text(&input.name, "name", 1, Self::NAME_MAX));
        let situation = keep(optional_text(
            &input.situation,
            "situation",
            Self::LONG_MAX,
            true,
        ));
        let work_ability = keep(optional_text(
            &input.work_ability,
            "work_ability",
            Self::LONG_MAX,
            true,
        ));
        let distance = keep(optional_text(
            &input.distance,
            "distance",
            Self::SHORT_MAX,
            false,
        ));
        let languages = keep(optional_text(
            &input.languages,
            "languages",
            Self::SHORT_MAX,
            false,
        ));
        let goals = keep(optional_text(&input.goals, "goals", Self::LONG_MAX, true));
        let age_band = input.age_band.trim().parse::<AgeBand>();
        let digital_skills = input.digital_skills.trim().parse::<DigitalSkills>();
        errors.extend(age_band.as_ref().err().cloned());
        errors.extend(digital_skills.as_ref().err().cloned());
        match (age_band, digital_skills) {
            (Ok(age_band), Ok(digital_skills)) if errors.is_empty() => Ok(Self {
                name,
                age_band,
                situation,
                work_ability,
                distance,
                languages,
                digital_skills,
                goals,
            }),
            _ => {
                errors.sort_by_key(|e| PROFILE_FIELDS.iter().position(|f| *f == e.field));
                Err(errors)
            }
        }
    }
}

/// A client profile of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientProfile {
    /// Its id.
    pub id: ProfileId,
    /// The workspace it belongs to.
    pub workspace_id: WorkspaceId,
    /// What the group wrote about it.
    pub details: ProfileDetails,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn input() -> ProfileInput {
        ProfileInput {
            name: " Osatyökykyinen Pekka ".into(),
            age_band: "50_64".into(),
            situation: "Asuu yksin.\nTyöttömänä kolme vuotta.".into(),
            digital_skills: "basic".into(),
            ..ProfileInput::default()
        }
    }

    #[test]
    fn a_profile_needs_a_name_an_age_band_and_digital_skills() {
        let details = ProfileDetails::parse(&input()).expect("valid");
        assert_eq!(details.name, "Osatyökykyinen Pekka");
        assert_eq!(details.age_band, AgeBand::From50To64);
        assert_eq!(details.situation, "Asuu yksin.\nTyöttömänä kolme vuotta.");
    }

    #[test]
    fn every_bad_field_is_reported_in_form_order() {
        let bad = ProfileInput {
            name: " ".into(),
            age_band: "42".into(),
            languages: "x".repeat(201),
            digital_skills: String::new(),
            ..input()
        };
        let errors = ProfileDetails::parse(&bad).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("name", ErrorCode::Required),
                ("age_band", ErrorCode::InvalidChoice),
                ("languages", ErrorCode::TooLong),
                ("digital_skills", ErrorCode::InvalidChoice),
            ]
        );
    }
}
