//! Client profiles and their service paths: the paths with their stages,
//! touchpoints, transitions and critical points. Every method takes the
//! `WorkspaceId` and finds nothing of another workspace. Every change of a
//! path's structure is also an event of each open live session editing the
//! path, in the same transaction, so the group sees it live.

mod edits;
mod load;
mod profiles;
mod transitions;

use polku_domain::live::LiveEvent;

/// Checks in transaction `$tx` that `$path` (a `PathId`) belongs to
/// `$workspace`, holding its row until the commit so concurrent structure
/// changes of one path queue; `NotFound` otherwise.
macro_rules! lock_path {
    ($tx:ident, $workspace:expr, $path:expr) => {{
        let found: Option<(String,)> = sqlx::query_as(
            "UPDATE service_paths SET created_at = created_at WHERE id = $1 AND workspace_id = $2 \
             RETURNING id",
        )
        .bind($path.to_string())
        .bind($workspace.to_string())
        .fetch_optional(&mut *$tx)
        .await?;
        if found.is_none() {
            return Err($crate::StoreError::NotFound);
        }
    }};
}
pub(crate) use lock_path;

/// Appends a `path_changed` event `{"path_id", "what", "id"}` to every open
/// live session editing `$path`, in transaction `$tx`; gives the events, to
/// publish after the commit.
macro_rules! announce_path_change {
    ($store:expr, $tx:ident, $path:expr, $what:expr, $id:expr) => {{
        let path: polku_domain::PathId = $path;
        let sessions: Vec<(String,)> = sqlx::query_as(
            "SELECT id FROM live_sessions WHERE path_id = $1 AND is_open ORDER BY id",
        )
        .bind(path.to_string())
        .fetch_all(&mut *$tx)
        .await?;
        let payload = serde_json::json!({
            "path_id": path.to_string(),
            "what": $what,
            "id": $id.to_string(),
        })
        .to_string();
        let now = $crate::now_millis();
        let mut events = Vec::with_capacity(sessions.len());
        for (session,) in sessions {
            let session = $crate::rows::parse_column(&session, "live_sessions.id")?;
            events.push($crate::live::append_event!(
                $store,
                $tx,
                session,
                polku_domain::live::LiveEventKind::PathChanged,
                payload.clone(),
                now
            ));
        }
        events
    }};
}
pub(crate) use announce_path_change;

/// Inserts touchpoint `$id` of `$path` in `$stage` at `$position` with
/// `$details` (`&TouchpointDetails`) at version 1, in transaction `$tx`.
macro_rules! insert_touchpoint {
    ($tx:ident, $id:expr, $path:expr, $stage:expr, $position:expr, $details:expr, $copied:expr) => {{
        let details: &polku_domain::paths::TouchpointDetails = $details;
        let copied: Option<polku_domain::TouchpointId> = $copied;
        sqlx::query(
            "INSERT INTO touchpoints (id, path_id, stage_id, position, service, provider, sector, \
             channel, experience, quote, backstage, version, copied_from) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12)",
        )
        .bind($id.to_string())
        .bind($path.to_string())
        .bind($stage.to_string())
        .bind($position)
        .bind(&details.service)
        .bind(&details.provider)
        .bind(details.sector.as_str())
        .bind(details.channel.as_str())
        .bind(details.experience.map(|e| i64::from(e.value())))
        .bind(&details.quote)
        .bind(&details.backstage)
        .bind(copied.map(|c| c.to_string()))
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use insert_touchpoint;

/// Inserts transition `$id` of `$path` from `$from` to `$to` at version 1.
macro_rules! insert_transition {
    ($tx:ident, $id:expr, $path:expr, $from:expr, $to:expr, $details:expr, $copied:expr, $now:expr) => {{
        let details: &polku_domain::paths::TransitionDetails = $details;
        let copied: Option<polku_domain::TransitionId> = $copied;
        sqlx::query(
            "INSERT INTO path_transitions (id, path_id, from_touchpoint, to_touchpoint, wait_days, \
             distance_km, travel_mode, info_flow, responsible, version, copied_from, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11)",
        )
        .bind($id.to_string())
        .bind($path.to_string())
        .bind($from.to_string())
        .bind($to.to_string())
        .bind(details.wait_days.map(i64::from))
        .bind(details.distance_km.map(i64::from))
        .bind(details.travel_mode.map(|m| m.as_str()))
        .bind(details.info_flow.as_str())
        .bind(&details.responsible)
        .bind(copied.map(|c| c.to_string()))
        .bind($now)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use insert_transition;

/// Inserts critical point `$id` of `$path` on `$target` (`CriticalTarget`).
macro_rules! insert_critical {
    ($tx:ident, $id:expr, $path:expr, $target:expr, $details:expr, $copied:expr, $now:expr) => {{
        let details: &polku_domain::paths::CriticalPointDetails = $details;
        let copied: Option<polku_domain::CriticalPointId> = $copied;
        let (touchpoint, transition) = match $target {
            polku_domain::paths::CriticalTarget::Touchpoint(t) => (Some(t.to_string()), None),
            polku_domain::paths::CriticalTarget::Transition(t) => (None, Some(t.to_string())),
        };
        sqlx::query(
            "INSERT INTO critical_points (id, path_id, touchpoint_id, transition_id, kind, \
             description, evidence, drop_off_percent, copied_from, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind($id.to_string())
        .bind($path.to_string())
        .bind(touchpoint)
        .bind(transition)
        .bind(details.kind.as_str())
        .bind(&details.description)
        .bind(&details.evidence)
        .bind(details.drop_off_percent.map(i64::from))
        .bind(copied.map(|c| c.to_string()))
        .bind($now)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use insert_critical;

impl crate::Store {
    /// Sends committed path events to this process's live streams.
    pub(crate) fn publish_all(&self, events: Vec<LiveEvent>) {
        for event in events {
            self.hub.publish(std::sync::Arc::new(event));
        }
    }
}
