//! Where everything on a path's map goes: stages as columns, one lane per
//! sector in use, touchpoints stacked within their cell, the backstage band
//! (the blueprint's lower lane) and the experience curve under it. Pure
//! geometry in whole pixels; the web layer draws it as SVG.

use super::{CriticalTarget, PathStructure, Sector};
use crate::{CriticalPointId, StageId, TouchpointId, TransitionId};

/// Width of the lane labels on the left.
pub const LABEL_WIDTH: i64 = 140;
/// Width of a stage column.
pub const COLUMN_WIDTH: i64 = 190;
/// A touchpoint box.
pub const BOX_WIDTH: i64 = 160;
/// A touchpoint box's height.
pub const BOX_HEIGHT: i64 = 58;
/// A backstage box's height.
pub const BACKSTAGE_HEIGHT: i64 = 40;
/// Space between boxes.
pub const GAP: i64 = 16;
/// The stage names' row.
pub const HEADER_HEIGHT: i64 = 44;
/// The experience curve's band.
pub const CURVE_HEIGHT: i64 = 150;
/// Pixels per step of experience (-2 .. +2).
pub const CURVE_STEP: i64 = 28;

/// A stage's column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedStage {
    /// The stage.
    pub id: StageId,
    /// Left edge.
    pub x: i64,
}

/// A sector's lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedLane {
    /// The sector.
    pub sector: Sector,
    /// Top edge.
    pub y: i64,
    /// Height.
    pub height: i64,
}

/// A touchpoint's box (and its backstage box, when it has backstage actions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedTouchpoint {
    /// The touchpoint.
    pub id: TouchpointId,
    /// Its number on the path, 1 first (stage by stage).
    pub number: usize,
    /// Left edge.
    pub x: i64,
    /// Top edge.
    pub y: i64,
    /// The top edge of its backstage box, if it has one.
    pub backstage_y: Option<i64>,
}

impl PlacedTouchpoint {
    /// The middle of its box.
    pub fn centre(&self) -> (i64, i64) {
        (self.x + BOX_WIDTH / 2, self.y + BOX_HEIGHT / 2)
    }
}

/// A transition's curve: from, two control points, to; and where its label goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedTransition {
    /// The transition.
    pub id: TransitionId,
    /// Start, control points and end: `[x1, y1, c1x, c1y, c2x, c2y, x2, y2]`.
    pub curve: [i64; 8],
    /// The middle of the curve, for its label.
    pub label: (i64, i64),
}

/// A critical point's marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedCritical {
    /// The critical point.
    pub id: CriticalPointId,
    /// Its number on the path, 1 first.
    pub number: usize,
    /// The marker's centre.
    pub x: i64,
    /// The marker's centre.
    pub y: i64,
}

/// The whole map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapLayout {
    /// Total width.
    pub width: i64,
    /// Total height.
    pub height: i64,
    /// The stages' columns, in order.
    pub stages: Vec<PlacedStage>,
    /// The lanes, in `Sector::ALL` order.
    pub lanes: Vec<PlacedLane>,
    /// The backstage band's top edge and height.
    pub backstage: (i64, i64),
    /// The experience band's top edge.
    pub curve_top: i64,
    /// The y of experience 0.
    pub curve_zero: i64,
    /// Touchpoints, in path order.
    pub touchpoints: Vec<PlacedTouchpoint>,
    /// Transitions.
    pub transitions: Vec<PlacedTransition>,
    /// Critical points.
    pub critical_points: Vec<PlacedCritical>,
    /// The experience curve: (x, y, value) of each touchpoint with one.
    pub curve: Vec<(i64, i64, i8)>,
}

impl MapLayout {
    /// The y of experience `value`.
    pub fn curve_y(&self, value: i8) -> i64 {
        self.curve_zero - i64::from(value) * CURVE_STEP
    }
}

/// Lays out `path`.
pub fn layout_map(path: &PathStructure) -> MapLayout {
    let stages: Vec<PlacedStage> = path
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| PlacedStage {
            id: stage.id,
            x: LABEL_WIDTH + i as i64 * COLUMN_WIDTH,
        })
        .collect();
    let column_of = |stage: StageId| stages.iter().position(|s| s.id == stage).unwrap_or(0);
    // Lanes: each sector in use, as tall as its fullest cell.
    let mut lanes = Vec::new();
    let mut y = HEADER_HEIGHT;
    let sectors_in_use: Vec<Sector> = Sector::ALL
        .iter()
        .copied()
        .filter(|s| path.touchpoints.iter().any(|t| t.details.sector == *s))
        .collect();
    for sector in &sectors_in_use {
        let fullest = path
            .stages
            .iter()
            .map(|stage| {
                path.touchpoints_in(stage.id)
                    .filter(|t| t.details.sector == *sector)
                    .count() as i64
            })
            .max()
            .unwrap_or(0)
            .max(1);
        let height = GAP + fullest * (BOX_HEIGHT + GAP);
        lanes.push(PlacedLane {
            sector: *sector,
            y,
            height,
        });
        y += height;
    }
    if lanes.is_empty() {
        y += BOX_HEIGHT + 2 * GAP;
    }
    // The backstage band: as tall as the stage with most backstage boxes.
    let backstage_top = y;
    let backstage_rows = path
        .stages
        .iter()
        .map(|stage| {
            path.touchpoints_in(stage.id)
                .filter(|t| !t.details.backstage.is_empty())
                .count() as i64
        })
        .max()
        .unwrap_or(0);
    let backstage_height = GAP * 2 + backstage_rows.max(1) * (BACKSTAGE_HEIGHT + GAP);
    let curve_top = backstage_top + backstage_height;
    let curve_zero = curve_top + CURVE_HEIGHT / 2 + 6;

    let mut touchpoints = Vec::with_capacity(path.touchpoints.len());
    let mut cell_counts = std::collections::HashMap::<(usize, Sector), i64>::new();
    let mut backstage_counts = std::collections::HashMap::<usize, i64>::new();
    for (i, touchpoint) in path.touchpoints.iter().enumerate() {
        let column = column_of(touchpoint.stage_id);
        let sector = touchpoint.details.sector;
        let lane = lanes.iter().find(|l| l.sector == sector);
        let row = cell_counts.entry((column, sector)).or_insert(0);
        let top = lane.map_or(HEADER_HEIGHT, |l| l.y) + GAP + *row * (BOX_HEIGHT + GAP);
        *row += 1;
        let backstage_y = (!touchpoint.details.backstage.is_empty()).then(|| {
            let row = backstage_counts.entry(column).or_insert(0);
            let at = backstage_top + GAP * 2 + *row * (BACKSTAGE_HEIGHT + GAP);
            *row += 1;
            at
        });
        touchpoints.push(PlacedTouchpoint {
            id: touchpoint.id,
            number: i + 1,
            x: stages.get(column).map_or(LABEL_WIDTH, |s| s.x) + (COLUMN_WIDTH - BOX_WIDTH) / 2,
            y: top,
            backstage_y,
        });
    }
    let placed = |id: TouchpointId| touchpoints.iter().find(|t| t.id == id);

    let transitions = path
        .transitions
        .iter()
        .filter_map(|transition| {
            let (from, to) = (placed(transition.from)?, placed(transition.to)?);
            Some(PlacedTransition {
                id: transition.id,
                curve: curve_between(from, to),
                label: label_between(from, to),
            })
        })
        .collect::<Vec<_>>();

    let critical_points = path
        .critical_points
        .iter()
        .enumerate()
        .filter_map(|(i, critical)| {
            let (x, y) = match critical.target {
                CriticalTarget::Touchpoint(id) => {
                    let t = placed(id)?;
                    (t.x + BOX_WIDTH - 4, t.y + 4)
                }
                CriticalTarget::Transition(id) => {
                    let t = transitions.iter().find(|t| t.id == id)?;
                    (t.label.0, t.label.1 - 20)
                }
            };
            Some(PlacedCritical {
                id: critical.id,
                number: i + 1,
                x,
                y,
            })
        })
        .collect();

    let curve = path
        .touchpoints
        .iter()
        .zip(&touchpoints)
        .filter_map(|(t, placed)| {
            let value = t.details.experience?.value();
            Some((
                placed.x + BOX_WIDTH / 2,
                curve_zero - i64::from(value) * CURVE_STEP,
                value,
            ))
        })
        .collect();

    MapLayout {
        width: LABEL_WIDTH + stages.len().max(1) as i64 * COLUMN_WIDTH + GAP,
        height: curve_top + CURVE_HEIGHT + GAP,
        stages,
        lanes,
        backstage: (backstage_top, backstage_height),
        curve_top,
        curve_zero,
        touchpoints,
        transitions,
        critical_points,
        curve,
    }
}

/// A curve from one box to another: right side to left side when the next
/// is to the right, otherwise bottom to top (or top to bottom) within the
/// same column, bowing out to the right.
fn curve_between(from: &PlacedTouchpoint, to: &PlacedTouchpoint) -> [i64; 8] {
    let (fx, fy) = from.centre();
    let (tx, ty) = to.centre();
    if to.x > from.x {
        let (x1, x2) = (from.x + BOX_WIDTH, to.x);
        let bend = (x2 - x1) / 2;
        [x1, fy, x1 + bend, fy, x2 - bend, ty, x2, ty]
    } else if to.x < from.x {
        // Backwards in the stages: under the boxes, from bottom to bottom.
        let (y1, y2) = (from.y + BOX_HEIGHT, to.y + BOX_HEIGHT);
        let low = y1.max(y2) + GAP;
        [fx, y1, fx, low, tx, low, tx, y2]
    } else if ty > fy {
        // Down the same column: bottom edge to top edge.
        let (y1, y2) = (from.y + BOX_HEIGHT, to.y);
        [fx, y1, fx, y1, tx, y2, tx, y2]
    } else {
        // Up the same column: out of the right side and back in.
        let (side, out) = (from.x + BOX_WIDTH, from.x + BOX_WIDTH + GAP);
        [side, fy, out, fy, out, ty, side, ty]
    }
}

/// Where a transition's label goes: the middle of its curve.
fn label_between(from: &PlacedTouchpoint, to: &PlacedTouchpoint) -> (i64, i64) {
    let (fx, fy) = from.centre();
    let (tx, ty) = to.centre();
    if to.x == from.x {
        (fx + BOX_WIDTH / 2 + 4, (fy + ty) / 2)
    } else {
        ((fx + tx) / 2, (fy + ty) / 2 - 6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paths::{
        Channel, CriticalKind, CriticalPoint, CriticalPointDetails, InfoFlow, PathDetails,
        PathGoal, PathVersion, ServicePath, Stage, StageName, Touchpoint, TouchpointDetails,
        Transition, TransitionDetails,
    };
    use crate::{PathId, ProfileId, WorkspaceId};

    fn touchpoint(path: PathId, stage: StageId, sector: Sector, experience: i64) -> Touchpoint {
        Touchpoint {
            id: TouchpointId::new(),
            path_id: path,
            stage_id: stage,
            position: 0,
            details: TouchpointDetails {
                service: "Palvelu".into(),
                provider: String::new(),
                sector,
                channel: Channel::Phone,
                experience: Some(crate::paths::Experience::new(experience).expect("in range")),
                quote: String::new(),
                backstage: "Tiedot siirretään".into(),
            },
            version: 1,
            copied_from: None,
        }
    }

    #[test]
    fn touchpoints_sit_in_their_stage_column_and_sector_lane() {
        let path_id = PathId::new();
        let stages: Vec<Stage> = ["Tunnistaminen", "Arvio"]
            .iter()
            .enumerate()
            .map(|(i, name)| Stage {
                id: StageId::new(),
                path_id,
                position: i as i64,
                name: StageName::parse(name).expect("name"),
            })
            .collect();
        let a = touchpoint(path_id, stages[0].id, Sector::HealthCare, -2);
        let b = touchpoint(path_id, stages[1].id, Sector::SocialWork, 1);
        let c = touchpoint(path_id, stages[1].id, Sector::SocialWork, 2);
        let transition = Transition {
            id: TransitionId::new(),
            path_id,
            from: a.id,
            to: b.id,
            details: TransitionDetails {
                wait_days: Some(30),
                distance_km: None,
                travel_mode: None,
                info_flow: InfoFlow::Repeats,
                responsible: String::new(),
            },
            version: 1,
            copied_from: None,
        };
        let critical = CriticalPoint {
            id: CriticalPointId::new(),
            path_id,
            target: CriticalTarget::Transition(transition.id),
            details: CriticalPointDetails {
                kind: CriticalKind::LongQueue,
                description: "Jono".into(),
                evidence: String::new(),
                drop_off_percent: None,
            },
            copied_from: None,
        };
        let path = PathStructure {
            path: ServicePath {
                id: path_id,
                workspace_id: WorkspaceId::new(),
                profile_id: ProfileId::new(),
                version: PathVersion::AsIs,
                details: PathDetails {
                    title: "Polku".into(),
                    goal: PathGoal::Work,
                },
                based_on: None,
            },
            stages,
            touchpoints: vec![a, b, c],
            transitions: vec![transition],
            critical_points: vec![critical],
        };
        let map = layout_map(&path);
        // Social work's lane comes first (Sector::ALL order) and holds two
        // boxes in the second stage, one under the other.
        assert_eq!(map.lanes.len(), 2);
        assert_eq!(map.lanes[0].sector, Sector::SocialWork);
        let [a, b, c] = [
            &map.touchpoints[0],
            &map.touchpoints[1],
            &map.touchpoints[2],
        ];
        assert!(a.x < b.x && b.x == c.x, "stage columns");
        assert!(a.y >= map.lanes[1].y, "health care's lane is the second");
        assert_eq!(c.y - b.y, BOX_HEIGHT + GAP);
        assert!(b.backstage_y < c.backstage_y, "backstage stacks too");
        // The transition runs from a's right edge to b's left edge.
        let curve = map.transitions[0].curve;
        assert_eq!((curve[0], curve[6]), (a.x + BOX_WIDTH, b.x));
        // The critical point sits above the transition's label.
        assert_eq!(map.critical_points[0].x, map.transitions[0].label.0);
        // The curve: -2 below the zero line, +2 above it.
        assert_eq!(map.curve[0].1, map.curve_zero + 2 * CURVE_STEP);
        assert_eq!(map.curve[2].1, map.curve_zero - 2 * CURVE_STEP);
        assert!(map.height > map.curve_top && map.width >= LABEL_WIDTH + 2 * COLUMN_WIDTH);
    }
}
