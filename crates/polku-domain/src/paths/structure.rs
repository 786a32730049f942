//! A service path's structure: stages in order, touchpoints in order within
//! their stage, transitions between touchpoints (never in a cycle), and
//! critical points on a touchpoint or a transition.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Channel, CriticalKind, InfoFlow, PathGoal, PathVersion, Sector, TravelMode};
use crate::groups::optional_text;
use crate::{
    CriticalPointId, ErrorCode, PathId, ProfileId, StageId, TouchpointId, TransitionId,
    ValidationError, WorkspaceId, bounded_text,
};

/// A path's title and goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathDetails {
    /// E.g. "Pekan polku kuntoutukseen".
    pub title: String,
    /// Where it leads.
    pub goal: PathGoal,
}

impl PathDetails {
    /// Longest title.
    pub const TITLE_MAX: usize = 120;

    /// Checks a title and a goal typed by a person.
    pub fn parse(title: &str, goal: &str) -> Result<Self, Vec<ValidationError>> {
        let title = bounded_text(title, "title", 1, Self::TITLE_MAX);
        let goal = goal.trim().parse::<PathGoal>();
        match (title, goal) {
            (Ok(title), Ok(goal)) => Ok(Self { title, goal }),
            (title, goal) => Err([title.err(), goal.err()].into_iter().flatten().collect()),
        }
    }
}

/// A service path of a client profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePath {
    /// Its id.
    pub id: PathId,
    /// The workspace it belongs to.
    pub workspace_id: WorkspaceId,
    /// The profile whose path it is.
    pub profile_id: ProfileId,
    /// As-is or to-be.
    pub version: PathVersion,
    /// Title and goal.
    pub details: PathDetails,
    /// The as-is path a to-be path was copied from.
    pub based_on: Option<PathId>,
}

/// A stage's name, 1 to 80 characters, e.g. "Tarpeen tunnistaminen".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StageName(String);

impl StageName {
    /// Longest name.
    pub const MAX_CHARS: usize = 80;

    /// Validates a name typed by a person.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        bounded_text(raw, "name", 1, Self::MAX_CHARS).map(Self)
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A column of the path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// Its id.
    pub id: StageId,
    /// The path it belongs to.
    pub path_id: PathId,
    /// Its place, 0 first.
    pub position: i64,
    /// Its name.
    pub name: StageName,
}

/// How the client felt at a touchpoint, from -2 (very bad) to +2 (very good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i8", into = "i8")]
pub struct Experience(i8);

impl Experience {
    /// The lowest value.
    pub const MIN: i8 = -2;
    /// The highest value.
    pub const MAX: i8 = 2;

    /// Checks a value.
    pub fn new(value: i64) -> Result<Self, ValidationError> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
            Ok(Self(value as i8))
        } else {
            Err(ValidationError::new(
                "experience",
                ErrorCode::InvalidExperience,
            ))
        }
    }

    /// Parses form text (`-2` .. `2`, `+1` too); empty is `None`.
    pub fn parse(raw: &str) -> Result<Option<Self>, ValidationError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let value: i64 = raw
            .trim_start_matches('+')
            .parse()
            .map_err(|_| ValidationError::new("experience", ErrorCode::InvalidExperience))?;
        Self::new(value).map(Some)
    }

    /// The value.
    pub const fn value(self) -> i8 {
        self.0
    }
}

impl TryFrom<i8> for Experience {
    type Error = ValidationError;
    fn try_from(value: i8) -> Result<Self, Self::Error> {
        Self::new(value.into())
    }
}

impl From<Experience> for i8 {
    fn from(value: Experience) -> Self {
        value.0
    }
}

/// A touchpoint as typed into its form, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TouchpointInput {
    /// The service, e.g. "Aikuissosiaalityön alkuarvio".
    pub service: String,
    /// The organisation that provides it.
    pub provider: String,
    /// `Sector` text.
    pub sector: String,
    /// `Channel` text.
    pub channel: String,
    /// `-2` .. `2`, or empty.
    pub experience: String,
    /// A short quote of how it felt.
    pub quote: String,
    /// What the organisations do there that the client does not see.
    pub backstage: String,
}

/// A checked touchpoint: everything but its ids and place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TouchpointDetails {
    /// The service.
    pub service: String,
    /// The provider organisation.
    pub provider: String,
    /// Its sector (the map's lane).
    pub sector: Sector,
    /// How the client meets it.
    pub channel: Channel,
    /// How it felt, when the group knows.
    pub experience: Option<Experience>,
    /// A short quote.
    pub quote: String,
    /// Backstage actions, one per line.
    pub backstage: String,
}

/// The fields of a touchpoint, in the order of its form.
const TOUCHPOINT_FIELDS: [&str; 7] = [
    "service",
    "provider",
    "sector",
    "channel",
    "experience",
    "quote",
    "backstage",
];

impl TouchpointDetails {
    /// Longest service or provider name.
    pub const NAME_MAX: usize = 120;
    /// Longest quote.
    pub const QUOTE_MAX: usize = 300;
    /// Longest backstage text.
    pub const BACKSTAGE_MAX: usize = 1000;

    /// Checks every field of `input`; on failure, every field's error in
    /// the order of the form.
    pub fn parse(input: &TouchpointInput) -> Result<Self, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let mut keep = |r: Result<String, ValidationError>| {
            r.unwrap_or_else(|e| {
                errors.push(e);
                String::new()
            })
        };
        let service = keep(bounded_text(&input.service, "service", 1, Self::NAME_MAX));
        let provider = keep(optional_text(
            &input.provider,
            "provider",
            Self::NAME_MAX,
            false,
        ));
        let quote = keep(optional_text(&input.quote, "quote", Self::QUOTE_MAX, true));
        let backstage = keep(optional_text(
            &input.backstage,
            "backstage",
            Self::BACKSTAGE_MAX,
            true,
        ));
        let sector = input.sector.trim().parse::<Sector>();
        let channel = input.channel.trim().parse::<Channel>();
        let experience = Experience::parse(&input.experience);
        errors.extend(sector.as_ref().err().cloned());
        errors.extend(channel.as_ref().err().cloned());
        errors.extend(experience.as_ref().err().cloned());
        match (sector, channel, experience) {
            (Ok(sector), Ok(channel), Ok(experience)) if errors.is_empty() => Ok(Self {
                service,
                provider,
                sector,
                channel,
                experience,
                quote,
                backstage,
            }),
            _ => {
                errors.sort_by_key(|e| TOUCHPOINT_FIELDS.iter().position(|f| *f == e.field));
                Err(errors)
            }
        }
    }
}

/// A step of the path: a service met in a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touchpoint {
    /// Its id.
    pub id: TouchpointId,
    /// The path it belongs to.
    pub path_id: PathId,
    /// The stage it is in.
    pub stage_id: StageId,
    /// Its place within the stage, 0 first.
    pub position: i64,
    /// What the group wrote about it.
    pub details: TouchpointDetails,
    /// Raised by every change: an edit based on an older one is refused.
    pub version: i64,
    /// The as-is touchpoint a to-be one was copied from.
    pub copied_from: Option<TouchpointId>,
}

/// A transition as typed into its form, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransitionInput {
    /// Waiting time in whole days, or empty.
    pub wait_days: String,
    /// Distance in whole kilometres, or empty.
    pub distance_km: String,
    /// `TravelMode` text, or empty.
    pub travel_mode: String,
    /// `InfoFlow` text.
    pub info_flow: String,
    /// Who holds responsibility in between.
    pub responsible: String,
}

/// A checked transition: everything but its ends and ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitionDetails {
    /// Days from one service to the next, when known.
    pub wait_days: Option<u32>,
    /// Kilometres the client travels, when known.
    pub distance_km: Option<u32>,
    /// How the client travels, when known.
    pub travel_mode: Option<TravelMode>,
    /// Whether information passes with the client.
    pub info_flow: InfoFlow,
    /// Who holds responsibility in between (may be nobody).
    pub responsible: String,
}

/// The fields of a transition, in the order of its form.
const TRANSITION_FIELDS: [&str; 7] = [
    "from",
    "to",
    "wait_days",
    "distance_km",
    "travel_mode",
    "info_flow",
    "responsible",
];

impl TransitionDetails {
    /// The longest wait taken: ten years.
    pub const WAIT_MAX_DAYS: u32 = 3650;
    /// The longest distance taken, across Finland and back.
    pub const DISTANCE_MAX_KM: u32 = 2000;
    /// Longest responsible text.
    pub const RESPONSIBLE_MAX: usize = 120;

    /// Checks every field of `input`; on failure, every field's error in
    /// the order of the form.
    pub fn parse(input: &TransitionInput) -> Result<Self, Vec<ValidationError>> {
        let wait = bounded_number(
            &input.wait_days,
            Self::WAIT_MAX_DAYS,
            ValidationError::new("wait_days", ErrorCode::InvalidWaitDays),
        );
        let distance = bounded_number(
            &input.distance_km,
            Self::DISTANCE_MAX_KM,
            ValidationError::new("distance_km", ErrorCode::InvalidDistance),
        );
        let travel_mode = match input.travel_mode.trim() {
            "" => Ok(None),
            raw => raw.parse::<TravelMode>().map(Some),
        };
        let info_flow = match input.info_flow.trim() {
            "" => Ok(InfoFlow::Unknown),
            raw => raw.parse::<InfoFlow>(),
        };
        let responsible = optional_text(
            &input.responsible,
            "responsible",
            Self::RESPONSIBLE_MAX,
            false,
        );
        match (wait, distance, travel_mode, info_flow, responsible) {
            (Ok(wait_days), Ok(distance_km), Ok(travel_mode), Ok(info_flow), Ok(responsible)) => {
                Ok(Self {
                    wait_days,
                    distance_km,
                    travel_mode,
                    info_flow,
                    responsible,
                })
            }
            (wait, distance, travel_mode, info_flow, responsible) => {
                let errors = [
                    wait.err(),
                    distance.err(),
                    travel_mode.err(),
                    info_flow.err(),
                    responsible.err(),
                ];
                let mut errors: Vec<_> = errors.into_iter().flatten().collect();
                errors.sort_by_key(|e| TRANSITION_FIELDS.iter().position(|f| *f == e.field));
                Err(errors)
            }
        }
    }
}

/// A whole number from 0 to `max` typed by a person; empty is `None`.
fn bounded_number(
    raw: &str,
    max: u32,
    error: ValidationError,
) -> Result<Option<u32>, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<u32>() {
        Ok(n) if n <= max => Ok(Some(n)),
        _ => Err(error),
    }
}

/// The way from one touchpoint to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// Its id.
    pub id: TransitionId,
    /// The path it belongs to.
    pub path_id: PathId,
    /// Where the client comes from.
    pub from: TouchpointId,
    /// Where the client goes next.
    pub to: TouchpointId,
    /// Wait, distance, information and responsibility.
    pub details: TransitionDetails,
    /// Raised by every change.
    pub version: i64,
    /// The as-is transition a to-be one was copied from.
    pub copied_from: Option<TransitionId>,
}

/// Whether adding `from -> to` to `edges` would make a cycle (a transition
/// back to where the client already was, or to the same touchpoint).
pub fn would_close_a_cycle(
    edges: impl IntoIterator<Item = (TouchpointId, TouchpointId)>,
    from: TouchpointId,
    to: TouchpointId,
) -> bool {
    if from == to {
        return true;
    }
    let mut next: HashMap<TouchpointId, Vec<TouchpointId>> = HashMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    // Does `to` already lead to `from`?
    let mut seen = HashSet::new();
    let mut stack = vec![to];
    while let Some(at) = stack.pop() {
        if at == from {
            return true;
        }
        if seen.insert(at) {
            stack.extend(next.get(&at).into_iter().flatten().copied());
        }
    }
    false
}

/// What a critical point is marked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "on", content = "id", rename_all = "snake_case")]
pub enum CriticalTarget {
    /// A touchpoint.
    Touchpoint(TouchpointId),
    /// A transition.
    Transition(TransitionId),
}

/// A critical point as typed into its form, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CriticalPointInput {
    /// `CriticalKind` text.
    pub kind: String,
    /// What happens there.
    pub description: String,
    /// Quotes that show it, one per line.
    pub evidence: String,
    /// Of 100 clients, how many fall off here; or empty.
    pub drop_off_percent: String,
}

/// A checked critical point: everything but its ids and target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriticalPointDetails {
    /// Why people fall off.
    pub kind: CriticalKind,
    /// What happens there.
    pub description: String,
    /// Quotes, one per line.
    pub evidence: String,
    /// The group's estimate of how many of 100 clients fall off here.
    pub drop_off_percent: Option<u32>,
}

/// The fields of a critical point, in the order of its form.
const CRITICAL_FIELDS: [&str; 5] = [
    "target",
    "kind",
    "description",
    "evidence",
    "drop_off_percent",
];

impl CriticalPointDetails {
    /// Longest description.
    pub const DESCRIPTION_MAX: usize = 1000;
    /// Longest evidence.
    pub const EVIDENCE_MAX: usize = 2000;

    /// Checks every field of `input`; on failure, every field's error in
    /// the order of the form.
    pub fn parse(input: &CriticalPointInput) -> Result<Self, Vec<ValidationError>> {
        let kind = input.kind.trim().parse::<CriticalKind>();
        // Required, several lines allowed.
        let description = optional_text(
            &input.description,
            "description",
            Self::DESCRIPTION_MAX,
            true,
        )
        .and_then(|text| {
            if text.is_empty() {
                Err(ValidationError::new("description", ErrorCode::Required))
            } else {
                Ok(text)
            }
        });
        let evidence = optional_text(&input.evidence, "evidence", Self::EVIDENCE_MAX, true);
        let drop_off = bounded_number(
            &input.drop_off_percent,
            100,
            ValidationError::new("drop_off_percent", ErrorCode::InvalidDropOff),
        );
        match (kind, description, evidence, drop_off) {
            (Ok(kind), Ok(description), Ok(evidence), Ok(drop_off_percent)) => Ok(Self {
                kind,
                description,
                evidence,
                drop_off_percent,
            }),
            (kind, description, evidence, drop_off) => {
                let errors = [
                    kind.err(),
                    description.err(),
                    evidence.err(),
                    drop_off.err(),
                ];
                let mut errors: Vec<_> = errors.into_iter().flatten().collect();
                errors.sort_by_key(|e| CRITICAL_FIELDS.iter().position(|f| *f == e.field));
                Err(errors)
            }
        }
    }
}

/// A place on the path where clients fall off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriticalPoint {
    /// Its id.
    pub id: CriticalPointId,
    /// The path it belongs to.
    pub path_id: PathId,
    /// What it is marked on.
    pub target: CriticalTarget,
    /// What the group wrote about it.
    pub details: CriticalPointDetails,
    /// The as-is critical point a to-be one was copied from.
    pub copied_from: Option<CriticalPointId>,
}

/// A whole path as loaded: the path and everything on it, each list in order
/// (stages by position, touchpoints by stage then position).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStructure {
    /// The path.
    pub path: ServicePath,
    /// Its stages in order.
    pub stages: Vec<Stage>,
    /// Its touchpoints, stage by stage, each stage's in order.
    pub touchpoints: Vec<Touchpoint>,
    /// Its transitions.
    pub transitions: Vec<Transition>,
    /// Its critical points.
    pub critical_points: Vec<CriticalPoint>,
}

impl PathStructure {
    /// The touchpoints of `stage`, in order.
    pub fn touchpoints_in(&self, stage: StageId) -> impl Iterator<Item = &Touchpoint> {
        self.touchpoints.iter().filter(move |t| t.stage_id == stage)
    }

    /// A touchpoint by id.
    pub fn touchpoint(&self, id: TouchpointId) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id == id)
    }

    /// A transition by id.
    pub fn transition(&self, id: TransitionId) -> Option<&Transition> {
        self.transitions.iter().find(|t| t.id == id)
    }

    /// The critical points on `target`.
    pub fn critical_on(&self, target: CriticalTarget) -> impl Iterator<Item = &CriticalPoint> {
        self.critical_points
            .iter()
            .filter(move |c| c.target == target)
    }

    /// The transitions as (from, to) pairs.
    pub fn edges(&self) -> impl Iterator<Item = (TouchpointId, TouchpointId)> + '_ {
        self.transitions.iter().map(|t| (t.from, t.to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn experience_is_minus_two_to_plus_two() {
        assert_eq!(Experience::parse(""), Ok(None));
        assert_eq!(
            Experience::parse("+2").map(|e| e.map(Experience::value)),
            Ok(Some(2))
        );
        assert_eq!(
            Experience::parse(" -2 ").map(|e| e.map(Experience::value)),
            Ok(Some(-2))
        );
        for bad in ["3", "-3", "1.5", "hyvä"] {
            let error = Experience::parse(bad).expect_err(bad);
            assert_eq!(error.code, ErrorCode::InvalidExperience, "{bad}");
        }
    }

    #[test]
    fn a_touchpoint_reports_every_bad_field_in_form_order() {
        let bad = TouchpointInput {
            service: String::new(),
            provider: "x".repeat(121),
            sector: "bank".into(),
            channel: "phone".into(),
            experience: "5".into(),
            quote: "a\u{7}".into(),
            backstage: String::new(),
        };
        let errors = TouchpointDetails::parse(&bad).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("service", ErrorCode::Required),
                ("provider", ErrorCode::TooLong),
                ("sector", ErrorCode::InvalidChoice),
                ("experience", ErrorCode::InvalidExperience),
                ("quote", ErrorCode::ControlCharacters),
            ]
        );
    }

    #[test]
    fn waits_and_distances_have_sane_bounds() {
        let input = |wait: &str, km: &str| TransitionInput {
            wait_days: wait.into(),
            distance_km: km.into(),
            info_flow: "repeats".into(),
            ..TransitionInput::default()
        };
        let ok = TransitionDetails::parse(&input("180", "100")).expect("valid");
        assert_eq!((ok.wait_days, ok.distance_km), (Some(180), Some(100)));
        assert_eq!(ok.info_flow, InfoFlow::Repeats);
        let unknown = TransitionDetails::parse(&input("", "")).expect("valid");
        assert_eq!((unknown.wait_days, unknown.distance_km), (None, None));
        for (wait, km, field) in [
            ("-1", "1", "wait_days"),
            ("3651", "1", "wait_days"),
            ("1", "2001", "distance_km"),
            ("1", "-5", "distance_km"),
            ("viikko", "1", "wait_days"),
        ] {
            let errors = TransitionDetails::parse(&input(wait, km)).expect_err(wait);
            assert_eq!(errors[0].field, field, "{wait} {km}");
        }
    }

    #[test]
    fn a_transition_back_to_an_earlier_touchpoint_is_a_cycle() {
        let [a, b, c, d] = [(); 4].map(|()| TouchpointId::new());
        let edges = [(a, b), (b, c)];
        assert!(would_close_a_cycle(edges, c, a));
        assert!(would_close_a_cycle(edges, b, b));
        assert!(!would_close_a_cycle(edges, a, c), "a shortcut is no cycle");
        assert!(!would_close_a_cycle(edges, c, d));
    }

    #[test]
    fn a_critical_point_needs_a_kind_and_a_description() {
        let input = CriticalPointInput {
            kind: "long_queue".into(),
            description: "Velkaneuvontaan jonottaa puoli vuotta.\nMonelle liian pitkä.".into(),
            evidence: "\"Soitin kolme kertaa.\"\n\"Luovutin.\"".into(),
            drop_off_percent: "30".into(),
        };
        let details = CriticalPointDetails::parse(&input).expect("valid");
        assert_eq!(details.kind, CriticalKind::LongQueue);
        assert_eq!(details.drop_off_percent, Some(30));
        let bad = CriticalPointInput {
            kind: String::new(),
            description: " ".into(),
            drop_off_percent: "101".into(),
            ..input
        };
        let errors = CriticalPointDetails::parse(&bad).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind", "description", "drop_off_percent"]);
    }
}
