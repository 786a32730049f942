//! Stages and touchpoints: adding, editing (with a version check), moving
//! and removing them.

use polku_domain::paths::{Direction, Stage, StageName, Touchpoint, TouchpointDetails};
use polku_domain::{ErrorCode, PathId, StageId, TouchpointId, WorkspaceId};

use super::{announce_path_change, insert_touchpoint, lock_path};
use crate::{Store, StoreError, write_tx};

/// Swaps the position of row `$id` of `$table` with its neighbour in
/// `$direction` among the rows with the same `$scope` column; nothing at
/// the edge. `$table` and `$scope` are literals.
macro_rules! swap_with_neighbour {
    ($tx:ident, $table:literal, $scope:literal, $id:expr, $direction:expr) => {{
        let row: Option<(String, i64)> = sqlx::query_as(concat!(
            "SELECT ",
            $scope,
            ", position FROM ",
            $table,
            " WHERE id = $1"
        ))
        .bind($id.to_string())
        .fetch_optional(&mut *$tx)
        .await?;
        let (scope, position) = row.ok_or(StoreError::NotFound)?;
        let neighbour: Option<(String, i64)> = match $direction {
            Direction::Earlier => sqlx::query_as(concat!(
                "SELECT id, position FROM ",
                $table,
                " WHERE ",
                $scope,
                " = $1 AND (position < $2 OR (position = $2 AND id < $3)) \
                 ORDER BY position DESC, id DESC LIMIT 1"
            )),
            Direction::Later => sqlx::query_as(concat!(
                "SELECT id, position FROM ",
                $table,
                " WHERE ",
                $scope,
                " = $1 AND (position > $2 OR (position = $2 AND id > $3)) \
                 ORDER BY position, id LIMIT 1"
            )),
        }
        .bind(&scope)
        .bind(position)
        .bind($id.to_string())
        .fetch_optional(&mut *$tx)
        .await?;
        if let Some((other, other_position)) = neighbour {
            // Equal positions (never written by Polku) still part.
            let mine = if other_position == position {
                match $direction {
                    Direction::Earlier => position - 1,
                    Direction::Later => position + 1,
                }
            } else {
                other_position
            };
            for (id, at) in [($id.to_string(), mine), (other, position)] {
                sqlx::query(concat!(
                    "UPDATE ",
                    $table,
                    " SET position = $1 WHERE id = $2"
                ))
                .bind(at)
                .bind(id)
                .execute(&mut *$tx)
                .await?;
            }
            true
        } else {
            false
        }
    }};
}

/// Checks that `$id` is a row of `$table` on path `$path`; `NotFound` otherwise.
macro_rules! require_on_path {
    ($tx:ident, $table:literal, $id:expr, $path:expr) => {{
        let found: Option<(String,)> = sqlx::query_as(concat!(
            "SELECT id FROM ",
            $table,
            " WHERE id = $1 AND path_id = $2"
        ))
        .bind($id.to_string())
        .bind($path.to_string())
        .fetch_optional(&mut *$tx)
        .await?;
        if found.is_none() {
            return Err(StoreError::NotFound);
        }
    }};
}
pub(crate) use require_on_path;

impl Store {
    /// Adds a stage at the end of `path`.
    pub async fn add_stage(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        name: &StageName,
    ) -> Result<Stage, StoreError> {
        let id = StageId::new();
        let (position, events) = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            let position: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM path_stages WHERE path_id = $1",
            )
            .bind(path.to_string())
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO path_stages (id, path_id, position, name) VALUES ($1, $2, $3, $4)")
                .bind(id.to_string())
                .bind(path.to_string())
                .bind(position)
                .bind(name.as_str())
                .execute(&mut *tx)
                .await?;
            (position, announce_path_change!(self, tx, path, "stage_added", id))
        });
        self.publish_all(events);
        Ok(Stage {
            id,
            path_id: path,
            position,
            name: name.clone(),
        })
    }

    /// Renames a stage.
    pub async fn rename_stage(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        stage: StageId,
        name: &StageName,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "path_stages", stage, path);
            sqlx::query("UPDATE path_stages SET name = $1 WHERE id = $2")
                .bind(name.as_str())
                .bind(stage.to_string())
                .execute(&mut *tx)
                .await?;
            announce_path_change!(self, tx, path, "stage_renamed", stage)
        });
        self.publish_all(events);
        Ok(())
    }

    /// Moves a stage one place earlier or later; nothing at the edge.
    pub async fn move_stage(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        stage: StageId,
        direction: Direction,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "path_stages", stage, path);
            if swap_with_neighbour!(tx, "path_stages", "path_id", stage, direction) {
                announce_path_change!(self, tx, path, "stage_moved", stage)
            } else {
                Vec::new()
            }
        });
        self.publish_all(events);
        Ok(())
    }

    /// Removes a stage with its touchpoints (and their transitions and
    /// critical points).
    pub async fn delete_stage(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        stage: StageId,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "path_stages", stage, path);
            sqlx::query("DELETE FROM path_stages WHERE id = $1")
                .bind(stage.to_string())
                .execute(&mut *tx)
                .await?;
            announce_path_change!(self, tx, path, "stage_deleted", stage)
        });
        self.publish_all(events);
        Ok(())
    }

    /// Adds a touchpoint at the end of `stage` of `path`.
    pub async fn add_touchpoint(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        stage: StageId,
        details: &TouchpointDetails,
    ) -> Result<Touchpoint, StoreError> {
        let id = TouchpointId::new();
        let (position, events) = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "path_stages", stage, path);
            let position: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM touchpoints WHERE stage_id = $1",
            )
            .bind(stage.to_string())
            .fetch_one(&mut *tx)
            .await?;
            insert_touchpoint!(tx, id, path, stage, position, details, None);
            (position, announce_path_change!(self, tx, path, "touchpoint_added", id))
        });
        self.publish_all(events);
        Ok(Touchpoint {
            id,
            path_id: path,
            stage_id: stage,
            position,
            details: details.clone(),
            version: 1,
            copied_from: None,
        })
    }

    /// Replaces a touchpoint's details if it is still at `expected` version:
    /// `Conflict(EditConflict)` when someone changed it since. Gives the new
    /// version.
    pub async fn update_touchpoint(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        touchpoint: TouchpointId,
        expected: i64,
        details: &TouchpointDetails,
    ) -> Result<i64, StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "touchpoints", touchpoint, path);
            let changed = sqlx::query(
                "UPDATE touchpoints SET service = $1, provider = $2, sector = $3, channel = $4, \
                 experience = $5, quote = $6, backstage = $7, version = version + 1 \
                 WHERE id = $8 AND version = $9",
            )
            .bind(&details.service)
            .bind(&details.provider)
            .bind(details.sector.as_str())
            .bind(details.channel.as_str())
            .bind(details.experience.map(|e| i64::from(e.value())))
            .bind(&details.quote)
            .bind(&details.backstage)
            .bind(touchpoint.to_string())
            .bind(expected)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::Conflict(ErrorCode::EditConflict));
            }
            announce_path_change!(self, tx, path, "touchpoint_updated", touchpoint)
        });
        self.publish_all(events);
        Ok(expected + 1)
    }

    /// Moves a touchpoint one place up or down within its stage.
    pub async fn move_touchpoint(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        touchpoint: TouchpointId,
        direction: Direction,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "touchpoints", touchpoint, path);
            if swap_with_neighbour!(tx, "touchpoints", "stage_id", touchpoint, direction) {
                announce_path_change!(self, tx, path, "touchpoint_moved", touchpoint)
            } else {
                Vec::new()
            }
        });
        self.publish_all(events);
        Ok(())
    }

    /// Moves a touchpoint to the end of another stage of its path.
    pub async fn move_touchpoint_to_stage(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        touchpoint: TouchpointId,
        stage: StageId,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "touchpoints", touchpoint, path);
            require_on_path!(tx, "path_stages", stage, path);
            let position: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM touchpoints WHERE stage_id = $1",
            )
            .bind(stage.to_string())
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE touchpoints SET stage_id = $1, position = $2, version = version + 1 \
                 WHERE id = $3",
            )
            .bind(stage.to_string())
            .bind(position)
            .bind(touchpoint.to_string())
            .execute(&mut *tx)
            .await?;
            announce_path_change!(self, tx, path, "touchpoint_moved", touchpoint)
        });
        self.publish_all(events);
        Ok(())
    }

    /// Removes a touchpoint with its transitions and critical points.
    pub async fn delete_touchpoint(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        touchpoint: TouchpointId,
    ) -> Result<(), StoreError> {
        let events = write_tx!(self, tx => {
            lock_path!(tx, workspace, path);
            require_on_path!(tx, "touchpoints", touchpoint, path);
            sqlx::query("DELETE FROM touchpoints WHERE id = $1")
                .bind(touchpoint.to_string())
                .execute(&mut *tx)
                .await?;
            announce_path_change!(self, tx, path, "touchpoint_deleted", touchpoint)
        });
        self.publish_all(events);
        Ok(())
    }
}
