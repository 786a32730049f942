//! Service paths: creating one, copying an as-is path as a to-be path,
//! listing, and reading a whole path back.

use std::collections::HashMap;

use polku_domain::paths::{
    CriticalPoint, CriticalPointDetails, CriticalTarget, Experience, PathDetails, PathStructure,
    PathVersion, ServicePath, Stage, StageName, Touchpoint, TouchpointDetails, Transition,
    TransitionDetails,
};
use polku_domain::{
    CriticalPointId, PathId, ProfileId, StageId, TouchpointId, TransitionId, WorkspaceId,
};

use super::{insert_critical, insert_touchpoint, insert_transition};
use crate::rows::{parse_column, validated};
use crate::{Store, StoreError, execute_one, now_millis, with_pool, write_tx};

/// The columns a [`PathRow`] reads.
macro_rules! path_columns {
    () => {
        "id, workspace_id, profile_id, version, title, goal, based_on"
    };
}

type PathRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

fn into_path(row: PathRow) -> Result<ServicePath, StoreError> {
    let (id, workspace, profile, version, title, goal, based_on) = row;
    Ok(ServicePath {
        id: parse_column(&id, "service_paths.id")?,
        workspace_id: parse_column(&workspace, "service_paths.workspace_id")?,
        profile_id: parse_column(&profile, "service_paths.profile_id")?,
        version: parse_column(&version, "service_paths.version")?,
        details: PathDetails {
            title,
            goal: parse_column(&goal, "service_paths.goal")?,
        },
        based_on: based_on
            .as_deref()
            .map(|b| parse_column(b, "service_paths.based_on"))
            .transpose()?,
    })
}

type TouchpointRow = (
    String,
    String,
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    String,
    String,
    i64,
    Option<String>,
);

type TransitionRow = (
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
    String,
    i64,
    Option<String>,
);

type CriticalRow = (
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    Option<i64>,
    Option<String>,
);

fn optional_id<T: std::str::FromStr>(
    value: Option<&str>,
    column: &str,
) -> Result<Option<T>, StoreError> {
    value.map(|v| parse_column(v, column)).transpose()
}

fn small(value: Option<i64>, column: &str) -> Result<Option<u32>, StoreError> {
    value
        .map(|v| u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("{column} = {v}"))))
        .transpose()
}

impl Store {
    /// Creates an empty path for `profile` (of `workspace`).
    pub async fn create_path(
        &self,
        workspace: WorkspaceId,
        profile: ProfileId,
        version: PathVersion,
        details: &PathDetails,
    ) -> Result<ServicePath, StoreError> {
        let id = PathId::new();
        write_tx!(self, tx => {
            let found: Option<(String,)> = sqlx::query_as(
                "SELECT id FROM client_profiles WHERE id = $1 AND workspace_id = $2",
            )
            .bind(profile.to_string())
            .bind(workspace.to_string())
            .fetch_optional(&mut *tx)
            .await?;
            if found.is_none() {
                return Err(StoreError::NotFound);
            }
            sqlx::query(
                "INSERT INTO service_paths (id, workspace_id, profile_id, version, title, goal, \
                 based_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)",
            )
            .bind(id.to_string())
            .bind(workspace.to_string())
            .bind(profile.to_string())
            .bind(version.as_str())
            .bind(&details.title)
            .bind(details.goal.as_str())
            .bind(now_millis())
            .execute(&mut *tx)
            .await?;
        });
        Ok(ServicePath {
            id,
            workspace_id: workspace,
            profile_id: profile,
            version,
            details: details.clone(),
            based_on: None,
        })
    }

    /// Changes a path's title and goal.
    pub async fn update_path(
        &self,
        workspace: WorkspaceId,
        path: PathId,
        details: &PathDetails,
    ) -> Result<(), StoreError> {
        execute_one!(
            self,
            sqlx::query(
                "UPDATE service_paths SET title = $1, goal = $2 WHERE id = $3 AND workspace_id = $4",
            )
            .bind(&details.title)
            .bind(details.goal.as_str())
            .bind(path.to_string())
            .bind(workspace.to_string())
        )
    }

    /// Removes a path with everything on it.
    pub async fn delete_path(
        &self,
        workspace: WorkspaceId,
        path: PathId,
    ) -> Result<(), StoreError> {
        execute_one!(
            self,
            sqlx::query("DELETE FROM service_paths WHERE id = $1 AND workspace_id = $2")
                .bind(path.to_string())
                .bind(workspace.to_string())
        )
    }

    /// Copies `source` (of `workspace`) as a new to-be path titled as
    /// `details` says: its stages, touchpoints, transitions and critical
    /// points, each copy naming its original.
    pub async fn copy_as_to_be(
        &self,
        workspace: WorkspaceId,
        source: PathId,
        details: &PathDetails,
    ) -> Result<ServicePath, StoreError> {
        let original = self.path_structure(workspace, source).await?;
        let id = PathId::new();
        let now = now_millis();
        write_tx!(self, tx => {
            sqlx::query(
                "INSERT INTO service_paths (id, workspace_id, profile_id, version, title, goal, \
                 based_on, created_at) VALUES ($1, $2, $3, 'to_be', $4, $5, $6, $7)",
            )
            .bind(id.to_string())
            .bind(workspace.to_string())
            .bind(original.path.profile_id.to_string())
            .bind(&details.title)
            .bind(details.goal.as_str())
            .bind(source.to_string())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let mut stages = HashMap::new();
            for stage in &original.stages {
                let copy = StageId::new();
                stages.insert(stage.id, copy);
                sqlx::query(
                    "INSERT INTO path_stages (id, path_id, position, name) VALUES ($1, $2, $3, $4)",
                )
                .bind(copy.to_string())
                .bind(id.to_string())
                .bind(stage.position)
                .bind(stage.name.as_str())
                .execute(&mut *tx)
                .await?;
            }
            let mut touchpoints = HashMap::new();
            for t in &original.touchpoints {
                let copy = TouchpointId::new();
                touchpoints.insert(t.id, copy);
                insert_touchpoint!(tx, copy, id, stages[&t.stage_id], t.position, &t.details, Some(t.id));
            }
            let mut transitions = HashMap::new();
            for t in &original.transitions {
                let copy = TransitionId::new();
                transitions.insert(t.id, copy);
                insert_transition!(
                    tx, copy, id, touchpoints[&t.from], touchpoints[&t.to], &t.details,
                    Some(t.id), now
                );
            }
            for c in &original.critical_points {
                let target = match c.target {
                    CriticalTarget::Touchpoint(t) => CriticalTarget::Touchpoint(touchpoints[&t]),
                    CriticalTarget::Transition(t) => CriticalTarget::Transition(transitions[&t]),
                };
                insert_critical!(tx, CriticalPointId::new(), id, target, &c.details, Some(c.id), now);
            }
        });
        Ok(ServicePath {
            id,
            workspace_id: workspace,
            profile_id: original.path.profile_id,
            version: PathVersion::ToBe,
            details: details.clone(),
            based_on: Some(source),
        })
    }

    /// The paths of `workspace`, by profile, as-is first.
    pub async fn list_paths(&self, workspace: WorkspaceId) -> Result<Vec<ServicePath>, StoreError> {
        let rows: Vec<PathRow> = with_pool!(self, pool => {
            sqlx::query_as(concat!(
                "SELECT ",
                path_columns!(),
                " FROM service_paths WHERE workspace_id = $1 \
                 ORDER BY profile_id, version, created_at, id"
            ))
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(into_path).collect()
    }

    /// One path of `workspace`, without its structure.
    pub async fn path(
        &self,
        workspace: WorkspaceId,
        path: PathId,
    ) -> Result<ServicePath, StoreError> {
        let row: Option<PathRow> = with_pool!(self, pool => {
            sqlx::query_as(concat!(
                "SELECT ",
                path_columns!(),
                " FROM service_paths WHERE id = $1 AND workspace_id = $2"
            ))
            .bind(path.to_string())
            .bind(workspace.to_string())
            .fetch_optional(pool)
            .await
        })?;
        into_path(row.ok_or(StoreError::NotFound)?)
    }

    /// A whole path of `workspace`: stages by position, touchpoints stage by
    /// stage by position, transitions and critical points in the order added.
    pub async fn path_structure(
        &self,
        workspace: WorkspaceId,
        path: PathId,
    ) -> Result<PathStructure, StoreError> {
        let found = self.path(workspace, path).await?;
        let id = path.to_string();
        let stages: Vec<(String, i64, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, position, name FROM path_stages WHERE path_id = $1 ORDER BY position, id",
            )
            .bind(&id)
            .fetch_all(pool)
            .await
        })?;
        let touchpoints: Vec<TouchpointRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT t.id, t.stage_id, t.position, t.service, t.provider, t.sector, t.channel, \
                 t.experience, t.quote, t.backstage, t.version, t.copied_from \
                 FROM touchpoints t JOIN path_stages s ON s.id = t.stage_id \
                 WHERE t.path_id = $1 ORDER BY s.position, s.id, t.position, t.id",
            )
            .bind(&id)
            .fetch_all(pool)
            .await
        })?;
        let transitions: Vec<TransitionRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, from_touchpoint, to_touchpoint, wait_days, distance_km, travel_mode, \
                 info_flow, responsible, version, copied_from FROM path_transitions \
                 WHERE path_id = $1 ORDER BY created_at, id",
            )
            .bind(&id)
            .fetch_all(pool)
            .await
        })?;
        let critical: Vec<CriticalRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, touchpoint_id, transition_id, kind, description, evidence, \
                 drop_off_percent, copied_from FROM critical_points \
                 WHERE path_id = $1 ORDER BY created_at, id",
            )
            .bind(&id)
            .fetch_all(pool)
            .await
        })?;
        Ok(PathStructure {
            path: found,
            stages: stages
                .into_iter()
                .map(|(id, position, name)| {
                    Ok(Stage {
                        id: parse_column(&id, "path_stages.id")?,
                        path_id: path,
                        position,
                        name: validated(StageName::parse(&name), "path_stages.name", &name)?,
                    })
                })
                .collect::<Result<_, StoreError>>()?,
            touchpoints: touchpoints
                .into_iter()
                .map(|row| into_touchpoint(path, row))
                .collect::<Result<_, _>>()?,
            transitions: transitions
                .into_iter()
                .map(|row| into_transition(path, row))
                .collect::<Result<_, _>>()?,
            critical_points: critical
                .into_iter()
                .map(|row| into_critical(path, row))
                .collect::<Result<_, _>>()?,
        })
    }
}

fn into_touchpoint(path: PathId, row: TouchpointRow) -> Result<Touchpoint, StoreError> {
    let (
        id,
        stage,
        position,
        service,
        provider,
        sector,
        channel,
        experience,
        quote,
        backstage,
        version,
        copied,
    ) = row;
    Ok(Touchpoint {
        id: parse_column(&id, "touchpoints.id")?,
        path_id: path,
        stage_id: parse_column(&stage, "touchpoints.stage_id")?,
        position,
        details: TouchpointDetails {
            service,
            provider,
            sector: parse_column(&sector, "touchpoints.sector")?,
            channel: parse_column(&channel, "touchpoints.channel")?,
            experience: experience
                .map(|e| validated(Experience::new(e), "touchpoints.experience", &e.to_string()))
                .transpose()?,
            quote,
            backstage,
        },
        version,
        copied_from: optional_id(copied.as_deref(), "touchpoints.copied_from")?,
    })
}

fn into_transition(path: PathId, row: TransitionRow) -> Result<Transition, StoreError> {
    let (id, from, to, wait, distance, mode, info, responsible, version, copied) = row;
    Ok(Transition {
        id: parse_column(&id, "path_transitions.id")?,
        path_id: path,
        from: parse_column(&from, "path_transitions.from_touchpoint")?,
        to: parse_column(&to, "path_transitions.to_touchpoint")?,
        details: TransitionDetails {
            wait_days: small(wait, "path_transitions.wait_days")?,
            distance_km: small(distance, "path_transitions.distance_km")?,
            travel_mode: optional_id(mode.as_deref(), "path_transitions.travel_mode")?,
            info_flow: parse_column(&info, "path_transitions.info_flow")?,
            responsible,
        },
        version,
        copied_from: optional_id(copied.as_deref(), "path_transitions.copied_from")?,
    })
}

fn into_critical(path: PathId, row: CriticalRow) -> Result<CriticalPoint, StoreError> {
    let (id, touchpoint, transition, kind, description, evidence, drop_off, copied) = row;
    let target = match (touchpoint, transition) {
        (Some(t), None) => {
            CriticalTarget::Touchpoint(parse_column(&t, "critical_points.touchpoint_id")?)
        }
        (None, Some(t)) => {
            CriticalTarget::Transition(parse_column(&t, "critical_points.transition_id")?)
        }
        _ => {
            return Err(StoreError::Corrupt(format!(
                "critical_points.id = {id}: no one target"
            )));
        }
    };
    Ok(CriticalPoint {
        id: parse_column(&id, "critical_points.id")?,
        path_id: path,
        target,
        details: CriticalPointDetails {
            kind: parse_column(&kind, "critical_points.kind")?,
            description,
            evidence,
            drop_off_percent: small(drop_off, "critical_points.drop_off_percent")?,
        },
        copied_from: optional_id(copied.as_deref(), "critical_points.copied_from")?,
    })
}
