//! A path's figures, and an as-is path beside its to-be path.

use std::collections::HashSet;

use super::{InfoFlow, PathStructure};
use crate::{CriticalPointId, TouchpointId};

/// What a path adds up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PathFigures {
    /// Touchpoints on it.
    pub touchpoints: usize,
    /// The waits of its transitions added up, in days.
    pub total_wait_days: u64,
    /// The distances of its transitions added up, in km.
    pub total_distance_km: u64,
    /// Transitions after which the client must tell their story again.
    pub handoffs_without_information: usize,
    /// Critical points on it.
    pub critical_points: usize,
}

/// Adds up `path`.
pub fn path_figures(path: &PathStructure) -> PathFigures {
    let transitions = &path.transitions;
    PathFigures {
        touchpoints: path.touchpoints.len(),
        total_wait_days: transitions
            .iter()
            .filter_map(|t| t.details.wait_days)
            .map(u64::from)
            .sum(),
        total_distance_km: transitions
            .iter()
            .filter_map(|t| t.details.distance_km)
            .map(u64::from)
            .sum(),
        handoffs_without_information: transitions
            .iter()
            .filter(|t| t.details.info_flow == InfoFlow::Repeats)
            .count(),
        critical_points: path.critical_points.len(),
    }
}

/// An as-is path beside its to-be path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathComparison {
    /// The as-is path's figures.
    pub as_is: PathFigures,
    /// The to-be path's figures.
    pub to_be: PathFigures,
    /// To-be touchpoints that the as-is path does not have.
    pub added: Vec<TouchpointId>,
    /// As-is touchpoints that the to-be path no longer has.
    pub removed: Vec<TouchpointId>,
    /// As-is critical points the to-be path no longer has: addressed.
    pub addressed: Vec<CriticalPointId>,
}

/// Compares `as_is` with `to_be`, matching what the to-be path copied.
pub fn compare_paths(as_is: &PathStructure, to_be: &PathStructure) -> PathComparison {
    let copied: HashSet<TouchpointId> = to_be
        .touchpoints
        .iter()
        .filter_map(|t| t.copied_from)
        .collect();
    let originals: HashSet<TouchpointId> = as_is.touchpoints.iter().map(|t| t.id).collect();
    let kept_critical: HashSet<CriticalPointId> = to_be
        .critical_points
        .iter()
        .filter_map(|c| c.copied_from)
        .collect();
    PathComparison {
        as_is: path_figures(as_is),
        to_be: path_figures(to_be),
        added: to_be
            .touchpoints
            .iter()
            .filter(|t| !t.copied_from.is_some_and(|from| originals.contains(&from)))
            .map(|t| t.id)
            .collect(),
        removed: as_is
            .touchpoints
            .iter()
            .filter(|t| !copied.contains(&t.id))
            .map(|t| t.id)
            .collect(),
        addressed: as_is
            .critical_points
            .iter()
            .filter(|c| !kept_critical.contains(&c.id))
            .map(|c| c.id)
            .collect(),
    }
}
