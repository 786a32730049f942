//! The audit trail of membership, written in the same transaction as each
//! change it records (see [`record_audit!`]) and read newest first.

use polku_domain::{AuditAction, AuditEvent, DisplayName, Email, Role, UserId, WorkspaceId};

use crate::rows::{parse_column, validated};
use crate::{Store, StoreError, from_millis, with_pool};

/// An entry to write: who did what to whom in which workspace, and when.
#[derive(Debug, Clone)]
pub(crate) struct NewAuditEvent<'a> {
    pub workspace: WorkspaceId,
    pub at: i64,
    pub actor: UserId,
    pub action: AuditAction,
    pub target: &'a str,
    pub role: Option<Role>,
}

/// Writes a [`NewAuditEvent`] inside the transaction `$tx` of a `write_tx!`
/// body, so the change and its record commit or fail together.
macro_rules! record_audit {
    ($tx:ident, $event:expr) => {{
        let event: $crate::audit::NewAuditEvent<'_> = $event;
        sqlx::query(
            "INSERT INTO audit_events (workspace_id, at, actor_id, action, target, role) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(event.workspace.to_string())
        .bind(event.at)
        .bind(event.actor.to_string())
        .bind(event.action.as_str())
        .bind(event.target)
        .bind(event.role.map(|r| r.as_str()))
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use record_audit;

#[derive(sqlx::FromRow)]
struct AuditRow {
    workspace_id: String,
    at: i64,
    actor_id: Option<String>,
    actor_name: Option<String>,
    action: String,
    target: String,
    target_name: Option<String>,
    target_email: Option<String>,
    role: Option<String>,
}

impl AuditRow {
    fn into_event(self) -> Result<AuditEvent, StoreError> {
        Ok(AuditEvent {
            workspace_id: parse_column(&self.workspace_id, "audit_events.workspace_id")?,
            at: from_millis(self.at),
            actor: self
                .actor_id
                .as_deref()
                .map(|id| parse_column(id, "audit_events.actor_id"))
                .transpose()?,
            actor_name: self
                .actor_name
                .as_deref()
                .map(|n| validated(DisplayName::parse(n), "users.name", n))
                .transpose()?,
            action: parse_column(&self.action, "audit_events.action")?,
            target: self.target,
            target_name: self
                .target_name
                .as_deref()
                .map(|n| validated(DisplayName::parse(n), "users.name", n))
                .transpose()?,
            target_email: self
                .target_email
                .as_deref()
                .map(|e| validated(Email::parse(e), "users.email", e))
                .transpose()?,
            role: self
                .role
                .as_deref()
                .map(|r| parse_column(r, "audit_events.role"))
                .transpose()?,
        })
    }
}

impl Store {
    /// The workspace's audit trail, newest first, at most `limit` entries.
    pub async fn list_audit_events(
        &self,
        workspace: WorkspaceId,
        limit: u32,
    ) -> Result<Vec<AuditEvent>, StoreError> {
        let rows: Vec<AuditRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT a.workspace_id, a.at, a.actor_id, actor.name AS actor_name, a.action, \
                 a.target, target.name AS target_name, target.email AS target_email, a.role \
                 FROM audit_events a \
                 LEFT JOIN users actor ON actor.id = a.actor_id \
                 LEFT JOIN users target ON target.id = a.target \
                   AND a.action IN ('member_removed', 'role_changed') \
                 WHERE a.workspace_id = $1 ORDER BY a.at DESC, a.id DESC LIMIT $2",
            )
            .bind(workspace.to_string())
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(AuditRow::into_event).collect()
    }
}
