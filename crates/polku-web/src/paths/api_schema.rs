//! The shapes the paths API shares: its choice fields (each schema lists the
//! domain's values), profiles, paths and their parts as the API shows them,
//! and the 409 answer that carries the newer version of what was edited.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use polku_app::Tr;
use polku_domain::paths::{
    AgeBand, Channel, ClientProfile, CriticalKind, CriticalPoint, CriticalTarget, DigitalSkills,
    Direction, InfoFlow, PathGoal, PathStructure, PathVersion, Sector, ServicePath, Stage,
    Touchpoint, Transition, TravelMode,
};
use polku_domain::{ErrorCode, Language, ValidationError};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};
use uuid::Uuid;

use crate::base::error::{AppError, ErrorDetail};

/// A text field whose values are a domain enum's `ALL`: the schema lists
/// them; the domain parses the text (an unknown value is 422
/// `invalid_choice` on its field).
macro_rules! choice_text {
    ($(#[$doc:meta])* $name:ident, $choice:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl From<$choice> for $name {
            fn from(value: $choice) -> Self {
                Self(value.as_str().to_owned())
            }
        }

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(<$choice>::ALL.iter().map(|v| v.as_str())))
                    .into()
            }
        }

        impl ToSchema for $name {}
    };
}

choice_text!(
    /// A profile's age band.
    AgeBandText,
    AgeBand
);
choice_text!(
    /// How well a profile gets on with digital services.
    DigitalSkillsText,
    DigitalSkills
);
choice_text!(
    /// Whether a path shows how things go now or how they should go.
    PathVersionText,
    PathVersion
);
choice_text!(
    /// Where a path leads.
    PathGoalText,
    PathGoal
);
choice_text!(
    /// The sector of a touchpoint's service (the map's lane).
    SectorText,
    Sector
);
choice_text!(
    /// How the client meets a service.
    ChannelText,
    Channel
);
choice_text!(
    /// How the client travels between two services.
    TravelModeText,
    TravelMode
);
choice_text!(
    /// Whether information passes to the next service with the client.
    InfoFlowText,
    InfoFlow
);
choice_text!(
    /// Why clients fall off the path at a critical point.
    CriticalKindText,
    CriticalKind
);
choice_text!(
    /// Which way to move a stage or a touchpoint.
    DirectionText,
    Direction
);

/// What a critical point is on: `touchpoint` or `transition`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TargetKindText(pub String);

impl PartialSchema for TargetKindText {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(["touchpoint", "transition"]))
            .into()
    }
}

impl ToSchema for TargetKindText {}

/// A touchpoint or a transition of the path, as a critical point names it.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CriticalTargetBody {
    /// What it is on.
    pub on: TargetKindText,
    /// The touchpoint's or transition's id.
    pub id: Uuid,
}

impl CriticalTargetBody {
    /// The target; an unknown `on` is 422 `invalid_choice` on `target`.
    pub fn parse(&self) -> Result<CriticalTarget, AppError> {
        match self.on.0.trim() {
            "touchpoint" => Ok(CriticalTarget::Touchpoint(self.id.into())),
            "transition" => Ok(CriticalTarget::Transition(self.id.into())),
            _ => Err(AppError::invalid("target", ErrorCode::InvalidChoice)),
        }
    }
}

impl From<CriticalTarget> for CriticalTargetBody {
    fn from(target: CriticalTarget) -> Self {
        let (on, id) = match target {
            CriticalTarget::Touchpoint(id) => ("touchpoint", id.as_uuid()),
            CriticalTarget::Transition(id) => ("transition", id.as_uuid()),
        };
        Self {
            on: TargetKindText(on.to_owned()),
            id,
        }
    }
}

/// A client profile as the API shows it: an anonymous composite persona.
#[derive(Serialize, ToSchema)]
pub struct ProfileResponse {
    /// Its id.
    pub id: Uuid,
    /// Short name.
    pub name: String,
    /// Age band.
    pub age_band: AgeBandText,
    /// Life situation.
    pub situation: String,
    /// Work ability in the profile's own words.
    pub work_ability: String,
    /// Distance to services.
    pub distance: String,
    /// Languages spoken.
    pub languages: String,
    /// Digital skills.
    pub digital_skills: DigitalSkillsText,
    /// Goals.
    pub goals: String,
}

impl From<&ClientProfile> for ProfileResponse {
    fn from(profile: &ClientProfile) -> Self {
        let d = &profile.details;
        Self {
            id: profile.id.as_uuid(),
            name: d.name.clone(),
            age_band: d.age_band.into(),
            situation: d.situation.clone(),
            work_ability: d.work_ability.clone(),
            distance: d.distance.clone(),
            languages: d.languages.clone(),
            digital_skills: d.digital_skills.into(),
            goals: d.goals.clone(),
        }
    }
}

/// A service path as the API shows it, without its structure.
#[derive(Serialize, ToSchema)]
pub struct PathResponse {
    /// Its id.
    pub id: Uuid,
    /// The profile whose path it is.
    pub profile_id: Uuid,
    /// As-is or to-be.
    pub version: PathVersionText,
    /// Its title.
    pub title: String,
    /// Where it leads.
    pub goal: PathGoalText,
    /// The as-is path a to-be path was copied from.
    pub based_on: Option<Uuid>,
}

impl From<&ServicePath> for PathResponse {
    fn from(path: &ServicePath) -> Self {
        Self {
            id: path.id.as_uuid(),
            profile_id: path.profile_id.as_uuid(),
            version: path.version.into(),
            title: path.details.title.clone(),
            goal: path.details.goal.into(),
            based_on: path.based_on.map(|p| p.as_uuid()),
        }
    }
}

/// A stage (a column of the path).
#[derive(Serialize, ToSchema)]
pub struct StageResponse {
    /// Its id.
    pub id: Uuid,
    /// Its place, 0 first.
    pub position: i64,
    /// Its name.
    pub name: String,
}

impl From<&Stage> for StageResponse {
    fn from(stage: &Stage) -> Self {
        Self {
            id: stage.id.as_uuid(),
            position: stage.position,
            name: stage.name.as_str().to_owned(),
        }
    }
}

/// A touchpoint: a service the client meets in a stage.
#[derive(Serialize, ToSchema)]
pub struct TouchpointResponse {
    /// Its id.
    pub id: Uuid,
    /// The stage it is in.
    pub stage_id: Uuid,
    /// Its place within the stage, 0 first.
    pub position: i64,
    /// Raised by every change; send it back with an edit.
    pub version: i64,
    /// The service.
    pub service: String,
    /// The provider organisation.
    pub provider: String,
    /// Its sector.
    pub sector: SectorText,
    /// How the client meets it.
    pub channel: ChannelText,
    /// How it felt, from -2 (very bad) to 2 (very good), when known.
    #[schema(minimum = -2, maximum = 2)]
    pub experience: Option<i8>,
    /// A short quote of how it felt.
    pub quote: String,
    /// What the organisations do there that the client does not see.
    pub backstage: String,
    /// The as-is touchpoint a to-be one was copied from.
    pub copied_from: Option<Uuid>,
}

impl From<&Touchpoint> for TouchpointResponse {
    fn from(touchpoint: &Touchpoint) -> Self {
        let d = &touchpoint.details;
        Self {
            id: touchpoint.id.as_uuid(),
            stage_id: touchpoint.stage_id.as_uuid(),
            position: touchpoint.position,
            version: touchpoint.version,
            service: d.service.clone(),
            provider: d.provider.clone(),
            sector: d.sector.into(),
            channel: d.channel.into(),
            experience: d.experience.map(|e| e.value()),
            quote: d.quote.clone(),
            backstage: d.backstage.clone(),
            copied_from: touchpoint.copied_from.map(|t| t.as_uuid()),
        }
    }
}

/// A transition: the way from one touchpoint to the next.
#[derive(Serialize, ToSchema)]
pub struct TransitionResponse {
    /// Its id.
    pub id: Uuid,
    /// The touchpoint the client comes from.
    pub from: Uuid,
    /// The touchpoint the client goes to next.
    pub to: Uuid,
    /// Raised by every change; send it back with an edit.
    pub version: i64,
    /// Days from one service to the next, when known.
    pub wait_days: Option<u32>,
    /// Kilometres the client travels, when known.
    pub distance_km: Option<u32>,
    /// How the client travels, when known.
    pub travel_mode: Option<TravelModeText>,
    /// Whether information passes with the client.
    pub info_flow: InfoFlowText,
    /// Who holds responsibility in between.
    pub responsible: String,
    /// The as-is transition a to-be one was copied from.
    pub copied_from: Option<Uuid>,
}

impl From<&Transition> for TransitionResponse {
    fn from(transition: &Transition) -> Self {
        let d = &transition.details;
        Self {
            id: transition.id.as_uuid(),
            from: transition.from.as_uuid(),
            to: transition.to.as_uuid(),
            version: transition.version,
            wait_days: d.wait_days,
            distance_km: d.distance_km,
            travel_mode: d.travel_mode.map(Into::into),
            info_flow: d.info_flow.into(),
            responsible: d.responsible.clone(),
            copied_from: transition.copied_from.map(|t| t.as_uuid()),
        }
    }
}

/// A critical point: where clients fall off the path.
#[derive(Serialize, ToSchema)]
pub struct CriticalPointResponse {
    /// Its id.
    pub id: Uuid,
    /// The touchpoint or transition it is on.
    pub target: CriticalTargetBody,
    /// Why people fall off.
    pub kind: CriticalKindText,
    /// What happens there.
    pub description: String,
    /// Quotes that show it, one per line.
    pub evidence: String,
    /// Of 100 clients, how many fall off here, when estimated.
    pub drop_off_percent: Option<u32>,
    /// The as-is critical point a to-be one was copied from.
    pub copied_from: Option<Uuid>,
}

impl From<&CriticalPoint> for CriticalPointResponse {
    fn from(critical: &CriticalPoint) -> Self {
        let d = &critical.details;
        Self {
            id: critical.id.as_uuid(),
            target: critical.target.into(),
            kind: d.kind.into(),
            description: d.description.clone(),
            evidence: d.evidence.clone(),
            drop_off_percent: d.drop_off_percent,
            copied_from: critical.copied_from.map(|c| c.as_uuid()),
        }
    }
}

/// A whole path: stages in order, touchpoints stage by stage in order,
/// transitions and critical points in the order added.
#[derive(Serialize, ToSchema)]
pub struct PathStructureResponse {
    /// The path.
    pub path: PathResponse,
    /// Its stages.
    pub stages: Vec<StageResponse>,
    /// Its touchpoints.
    pub touchpoints: Vec<TouchpointResponse>,
    /// Its transitions.
    pub transitions: Vec<TransitionResponse>,
    /// Its critical points.
    pub critical_points: Vec<CriticalPointResponse>,
}

impl From<&PathStructure> for PathStructureResponse {
    fn from(s: &PathStructure) -> Self {
        Self {
            path: PathResponse::from(&s.path),
            stages: s.stages.iter().map(StageResponse::from).collect(),
            touchpoints: s.touchpoints.iter().map(TouchpointResponse::from).collect(),
            transitions: s.transitions.iter().map(TransitionResponse::from).collect(),
            critical_points: s
                .critical_points
                .iter()
                .map(CriticalPointResponse::from)
                .collect(),
        }
    }
}

/// 409 `edit_conflict` on a touchpoint: someone changed it since the
/// version sent; `current` is how it is now.
#[derive(Serialize, ToSchema)]
pub struct TouchpointConflictResponse {
    /// `edit_conflict`.
    pub error: ErrorDetail,
    /// The touchpoint as it is now, with its version.
    pub current: TouchpointResponse,
}

/// 409 `edit_conflict` on a transition: someone changed it since the
/// version sent; `current` is how it is now.
#[derive(Serialize, ToSchema)]
pub struct TransitionConflictResponse {
    /// `edit_conflict`.
    pub error: ErrorDetail,
    /// The transition as it is now, with its version.
    pub current: TransitionResponse,
}

/// The `edit_conflict` error in `language`, for a 409 that carries the
/// current version beside it (written here, not by the error middleware,
/// which answers only `{"error"}`).
pub fn edit_conflict(language: Language) -> ErrorDetail {
    let error = AppError::conflict(ErrorCode::EditConflict);
    ErrorDetail {
        code: error.code().as_str().to_owned(),
        message: error.message(Tr::new(language)),
        field: None,
    }
}

/// A 409 answer with `body`.
pub fn conflict_response(body: impl Serialize) -> Response {
    (StatusCode::CONFLICT, Json(body)).into_response()
}

/// The first of a form's validation errors, as the API answers it.
pub fn first_error(errors: Vec<ValidationError>) -> AppError {
    match errors.into_iter().next() {
        Some(first) => first.into(),
        None => AppError::internal("a refused value without an error"),
    }
}
