//! Invitations into workspaces, stored by the hash of their token. Creating,
//! withdrawing and accepting one each write an audit entry in the same
//! transaction.

use polku_domain::{
    AuditAction, DisplayName, Email, ErrorCode, Invitation, InvitationId, Member, Role, WorkspaceId,
};
use time::OffsetDateTime;

use crate::audit::{NewAuditEvent, record_audit};
use crate::rows::{parse_column, validated};
use crate::{Store, StoreError, User, from_millis, millis, with_pool, write_tx};

/// What it takes to store an invitation; the token arrives already hashed.
#[derive(Debug, Clone)]
pub struct NewInvitation<'a> {
    /// The workspace it opens.
    pub workspace: WorkspaceId,
    /// The address invited.
    pub email: Email,
    /// The role it gives.
    pub role: Role,
    /// The SHA-256 of its token.
    pub token_hash: String,
    /// Who invites.
    pub invited_by: &'a User,
    /// When it is made.
    pub created_at: OffsetDateTime,
    /// When it stops working.
    pub expires_at: OffsetDateTime,
}

/// The columns of an invitation with its inviter's name; the statement goes on
/// with `WHERE ...`.
macro_rules! select_invitations {
    ($rest:literal) => {
        concat!(
            "SELECT i.id, i.workspace_id, i.email, i.role, i.invited_by, u.name AS inviter_name, \
             i.created_at, i.expires_at, i.accepted_at, i.withdrawn_at \
             FROM invitations i LEFT JOIN users u ON u.id = i.invited_by ",
            $rest
        )
    };
}

/// The condition "still open to accept or withdraw" at the time bound as
/// parameter `$now` (e.g. `"$1"`).
macro_rules! pending {
    ($now:literal) => {
        concat!(
            "accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > ",
            $now
        )
    };
}

#[derive(sqlx::FromRow)]
struct InvitationRow {
    id: String,
    workspace_id: String,
    email: String,
    role: String,
    invited_by: Option<String>,
    inviter_name: Option<String>,
    created_at: i64,
    expires_at: i64,
    accepted_at: Option<i64>,
    withdrawn_at: Option<i64>,
}

impl InvitationRow {
    fn into_invitation(self) -> Result<Invitation, StoreError> {
        Ok(Invitation {
            id: parse_column(&self.id, "invitations.id")?,
            workspace_id: parse_column(&self.workspace_id, "invitations.workspace_id")?,
            email: validated(Email::parse(&self.email), "invitations.email", &self.email)?,
            role: parse_column(&self.role, "invitations.role")?,
            invited_by: self
                .invited_by
                .as_deref()
                .map(|id| parse_column(id, "invitations.invited_by"))
                .transpose()?,
            inviter_name: self
                .inviter_name
                .as_deref()
                .map(|n| validated(DisplayName::parse(n), "users.name", n))
                .transpose()?,
            created_at: from_millis(self.created_at),
            expires_at: from_millis(self.expires_at),
            accepted_at: self.accepted_at.map(from_millis),
            withdrawn_at: self.withdrawn_at.map(from_millis),
        })
    }
}

impl Store {
    /// Stores an invitation and its audit entry.
    pub async fn create_invitation(
        &self,
        new: &NewInvitation<'_>,
    ) -> Result<Invitation, StoreError> {
        let id = InvitationId::new();
        let created_at = millis(new.created_at);
        let expires_at = millis(new.expires_at);
        write_tx!(self, tx => {
            sqlx::query(
                "INSERT INTO invitations \
                 (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id.to_string())
            .bind(new.workspace.to_string())
            .bind(new.email.as_str())
            .bind(new.role.as_str())
            .bind(&new.token_hash)
            .bind(new.invited_by.id.to_string())
            .bind(created_at)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
            record_audit!(tx, NewAuditEvent {
                workspace: new.workspace,
                at: created_at,
                actor: new.invited_by.id,
                action: AuditAction::InvitationCreated,
                target: new.email.as_str(),
                role: Some(new.role),
            });
        });
        Ok(Invitation {
            id,
            workspace_id: new.workspace,
            email: new.email.clone(),
            role: new.role,
            invited_by: Some(new.invited_by.id),
            inviter_name: Some(new.invited_by.name.clone()),
            created_at: from_millis(created_at),
            expires_at: from_millis(expires_at),
            accepted_at: None,
            withdrawn_at: None,
        })
    }

    /// The workspace's invitations that can still be accepted at `now`,
    /// newest first.
    pub async fn list_pending_invitations(
        &self,
        workspace: WorkspaceId,
        now: OffsetDateTime,
    ) -> Result<Vec<Invitation>, StoreError> {
        let rows: Vec<InvitationRow> = with_pool!(self, pool => {
            sqlx::query_as(select_invitations!(
                "WHERE i.workspace_id = $1 AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL \
                 AND i.expires_at > $2 ORDER BY i.created_at DESC, i.email"
            ))
            .bind(workspace.to_string())
            .bind(millis(now))
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(InvitationRow::into_invitation)
            .collect()
    }

    /// One invitation of the workspace, whatever its status.
    pub async fn invitation(
        &self,
        workspace: WorkspaceId,
        id: InvitationId,
    ) -> Result<Invitation, StoreError> {
        let row: InvitationRow = with_pool!(self, pool => {
            sqlx::query_as(select_invitations!("WHERE i.workspace_id = $1 AND i.id = $2"))
                .bind(workspace.to_string())
                .bind(id.to_string())
                .fetch_one(pool)
                .await
        })?;
        row.into_invitation()
    }

    /// The invitation whose token has this hash, whatever its status or
    /// workspace: the token itself is the proof of being invited.
    pub async fn find_invitation_by_token_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<Invitation>, StoreError> {
        let row: Option<InvitationRow> = with_pool!(self, pool => {
            sqlx::query_as(select_invitations!("WHERE i.token_hash = $1"))
                .bind(token_hash)
                .fetch_optional(pool)
                .await
        })?;
        row.map(InvitationRow::into_invitation).transpose()
    }

    /// Withdraws a pending invitation on behalf of `actor` and records it;
    /// `NotFound` when the workspace has no such pending invitation.
    pub async fn withdraw_invitation(
        &self,
        workspace: WorkspaceId,
        id: InvitationId,
        actor: &User,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let now = millis(now);
        write_tx!(self, tx => {
            let withdrawn: Option<(String, String)> = sqlx::query_as(concat!(
                "UPDATE invitations SET withdrawn_at = $1 \
                 WHERE workspace_id = $2 AND id = $3 AND ",
                pending!("$1"),
                " RETURNING email, role"
            ))
            .bind(now)
            .bind(workspace.to_string())
            .bind(id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
            let Some((email, role)) = withdrawn else {
                return Err(StoreError::NotFound);
            };
            record_audit!(tx, NewAuditEvent {
                workspace,
                at: now,
                actor: actor.id,
                action: AuditAction::InvitationWithdrawn,
                target: &email,
                role: Some(parse_column(&role, "invitations.role")?),
            });
        });
        Ok(())
    }

    /// Accepts a pending invitation for `user`, whose e-mail it must be
    /// addressed to: marks it used, makes `user` a member and records it, all
    /// at once. `NotFound` when it is no longer pending (used, withdrawn or
    /// expired meanwhile) or is for another address;
    /// `Conflict(AlreadyMember)` leaves it pending.
    pub async fn accept_invitation(
        &self,
        workspace: WorkspaceId,
        id: InvitationId,
        user: &User,
        now: OffsetDateTime,
    ) -> Result<Member, StoreError> {
        let now = millis(now);
        let role = write_tx!(self, tx => {
            let role: Option<String> = sqlx::query_scalar(concat!(
                "UPDATE invitations SET accepted_at = $1, accepted_by = $2 \
                 WHERE workspace_id = $3 AND id = $4 AND email = $5 AND ",
                pending!("$1"),
                " RETURNING role"
            ))
            .bind(now)
            .bind(user.id.to_string())
            .bind(workspace.to_string())
            .bind(id.to_string())
            .bind(user.email.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            let role: Role = match role {
                Some(role) => parse_column(&role, "invitations.role")?,
                None => return Err(StoreError::NotFound),
            };
            sqlx::query(
                "INSERT INTO memberships (workspace_id, user_id, role, created_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(workspace.to_string())
            .bind(user.id.to_string())
            .bind(role.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::from(e).named_conflict(ErrorCode::AlreadyMember))?;
            record_audit!(tx, NewAuditEvent {
                workspace,
                at: now,
                actor: user.id,
                action: AuditAction::InvitationAccepted,
                target: user.email.as_str(),
                role: Some(role),
            });
            role
        });
        Ok(Member {
            user_id: user.id,
            name: user.name.clone(),
            email: user.email.clone(),
            role,
        })
    }
}
