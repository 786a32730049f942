//! Transitions between touchpoints (never in a cycle) and critical points.

use polku_domain::paths::{
    CriticalPoint, CriticalPointDetails, CriticalTarget, Transition, TransitionDetails,
    would_close_a_cycle,
};
use polku_domain::{CriticalPointId, ErrorCode, PathId, TouchpointId, TransitionId, WorkspaceId};

use super::edits::require_on_path;
use super::{announce_path_change, insert_critical, insert_transition, lock_path};
use crate::rows::parse_column;
use crate::{Store, StoreError, now_millis, write_tx};

/// Checks `$target` (`CriticalTarget`) is on `$path`.
macro_rules! require_target {
    ($tx:ident, $target:expr, $path:expr) => {
        match $target {
            CriticalTarget::Touchpoint(t) => require_on_path!($tx, "touchpoints", t, $path),
            CriticalTarget::Transition(t) => require_on_path!($tx, "path_transitions", t, $path),
        }
    };
}

impl Store {
    /// Adds a transition from `from` to `to`, both touchpoints of `path`:
    /// `Conflict(TransitionCycle)` when it would lead back to where the
    /// client already was, `Conflict(Duplicate)` when it exists.
    pub async fn add_transition(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        from: TouchpointId,
        to: TouchpointId,
        details: &TransitionDetails,
    ) -> Result<Transition, StoreError> {
        let id = TransitionId::new();
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "touchpoints", from, path);
            require_on_path!(tx, "touchpoints", to, path);
            let rows: Vec<(String, String)> = sqlx::query_as(
                "SELECT from_touchpoint, to_touchpoint FROM path_transitions WHERE path_id = $1",
            )
            .bind(path.to_string())
            .fetch_all(&mut *tx)
            .await?;
            let edges = rows
                .iter()
                .map(|(a, b)| {
                    Ok((
                        parse_column::<TouchpointId>(a, "path_transitions.from_touchpoint")?,
                        parse_column::<TouchpointId>(b, "path_transitions.to_touchpoint")?,
                    ))
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            if edges.contains(&(from, to)) {
                return Err(StoreError::Conflict(ErrorCode::Duplicate));
            }
            if would_close_a_cycle(edges, from, to) {
                return Err(StoreError::Conflict(ErrorCode::TransitionCycle));
            }
            insert_transition!(tx, id, path, from, to, details, None, now_millis());
            announce_path_change!(self, tx, path, "transition_added", id)
        });
        self.publish_all(events);
        Ok(Transition {
            id,
            path_id: path,
            from,
            to,
            details: details.clone(),
            version: 1,
            copied_from: None,
        })
    }

    /// Replaces a transition's details if it is still at `expected` version;
    /// gives the new version.
    pub async fn update_transition(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        transition: TransitionId,
        expected: i64,
        details: &TransitionDetails,
    ) -> Result<i64, StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "path_transitions", transition, path);
            let changed = sqlx::query(
                "UPDATE path_transitions SET wait_days = $1, distance_km = $2, travel_mode = $3, \
                 info_flow = $4, responsible = $5, version = version + 1 \
                 WHERE id = $6 AND version = $7",
            )
            .bind(details.wait_days.map(i64::from))
            .bind(details.distance_km.map(i64::from))
            .bind(details.travel_mode.map(|m| m.as_str()))
            .bind(details.info_flow.as_str())
            .bind(&details.responsible)
            .bind(transition.to_string())
            .bind(expected)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::Conflict(ErrorCode::EditConflict));
            }
            announce_path_change!(self, tx, path, "transition_updated", transition)
        });
        self.publish_all(events);
        Ok(expected + 1)
    }

    /// Removes a transition with its critical points.
    pub async fn delete_transition(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        transition: TransitionId,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "path_transitions", transition, path);
            sqlx::query("DELETE FROM path_transitions WHERE id = $1")
                .bind(transition.to_string())
                .execute(&mut *tx)
                .await?;
            announce_path_change!(self, tx, path, "transition_deleted", transition)
        });
        self.publish_all(events);
        Ok(())
    }

    /// Marks a critical point on a touchpoint or a transition of `path`.
    pub async fn add_critical_point(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        target: CriticalTarget,
        details: &CriticalPointDetails,
    ) -> Result<CriticalPoint, StoreError> {
        let id = CriticalPointId::new();
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_target!(tx, target, path);
            insert_critical!(tx, id, path, target, details, None, now_millis());
            announce_path_change!(self, tx, path, "critical_point_added", id)
        });
        self.publish_all(events);
        Ok(CriticalPoint {
            id,
            path_id: path,
            target,
            details: details.clone(),
            copied_from: None,
        })
    }

    /// Replaces what is written about a critical point.
    pub async fn update_critical_point(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        critical: CriticalPointId,
        details: &CriticalPointDetails,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "critical_points", critical, path);
            sqlx::query(
                "UPDATE critical_points SET kind = $1, description = $2, evidence = $3, \
                 drop_off_percent = $4 WHERE id = $5",
            )
            .bind(details.kind.as_str())
            .bind(&details.description)
            .bind(&details.evidence)
            .bind(details.drop_off_percent.map(i64::from))
            .bind(critical.to_string())
            .execute(&mut *tx)
            .await?;
            announce_path_change!(self, tx, path, "critical_point_updated", critical)
        });
        self.publish_all(events);
        Ok(())
    }

    /// Removes a critical point.
    pub async fn delete_critical_point(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        critical: CriticalPointId,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "critical_points", critical, path);
            sqlx::query("DELETE FROM critical_points WHERE id = $1")
                .bind(critical.to_string())
                .execute(&mut *tx)
                .await?;
            announce_path_change!(self, tx, path, "critical_point_deleted", critical)
        });
        self.publish_all(events);
        Ok(())
    }
}
