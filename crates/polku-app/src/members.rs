//! Membership rules shared by the member pages and the member API: who may
//! remove whom or change whose role in a workspace. People join through
//! invitations (`crate::invitations`).

use polku_domain::{AuditAction, ErrorCode, Member, Role, UserId, WorkspaceId};
use polku_store::{Store, StoreError, User};

use crate::security_log::{MembershipTarget, SecurityEvent};

/// Who acts on a workspace's membership: the signed-in account and its role
/// there (admins act as owners).
#[derive(Debug, Clone, Copy)]
pub struct Acting<'a> {
    /// The acting account.
    pub user: &'a User,
    /// Its role in the workspace.
    pub role: Role,
}

/// Why a membership change was refused.
#[derive(Debug, thiserror::Error)]
pub enum MemberError {
    /// The acting role may not manage members, or not this role.
    #[error("this role may not change this membership")]
    Forbidden,
    /// The account is not a member of the workspace.
    #[error("not a member")]
    NotMember,
    /// A rule of the store refused it (last owner).
    #[error("refused: {0}")]
    Conflict(ErrorCode),
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for MemberError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Conflict(code) => MemberError::Conflict(code),
            StoreError::NotFound => MemberError::NotMember,
            other => MemberError::Store(other),
        }
    }
}

/// The role `user` has now, if `by` may touch members of that role.
async fn assignable_role(
    store: &Store,
    workspace: WorkspaceId,
    by: Acting<'_>,
    user: UserId,
) -> Result<Role, MemberError> {
    if !by.role.can_manage_members() {
        return Err(MemberError::Forbidden);
    }
    let role = store
        .member_role(workspace, user)
        .await?
        .ok_or(MemberError::NotMember)?;
    if by.role.can_assign(role) {
        Ok(role)
    } else {
        Err(MemberError::Forbidden)
    }
}

/// Removes `user` from `workspace` on behalf of `by`; the last owner stays.
pub async fn remove_member(
    store: &Store,
    workspace: WorkspaceId,
    by: Acting<'_>,
    user: UserId,
) -> Result<(), MemberError> {
    assignable_role(store, workspace, by, user).await?;
    let role = store.remove_member(workspace, user, by.user.id).await?;
    SecurityEvent::Membership {
        action: AuditAction::MemberRemoved,
        workspace,
        actor: by.user.id,
        target: MembershipTarget::Account(user),
        role,
    }
    .record();
    Ok(())
}

/// Gives member `user` the role `role` on behalf of `by` (only owners touch
/// owners); the last owner keeps the role. Gives the member as it is now.
pub async fn change_role(
    store: &Store,
    workspace: WorkspaceId,
    by: Acting<'_>,
    user: UserId,
    role: Role,
) -> Result<Member, MemberError> {
    let current = assignable_role(store, workspace, by, user).await?;
    if !by.role.can_change(current, role) {
        return Err(MemberError::Forbidden);
    }
    let before = store
        .change_member_role(workspace, user, role, by.user.id)
        .await?;
    if before != role {
        SecurityEvent::Membership {
            action: AuditAction::RoleChanged,
            workspace,
            actor: by.user.id,
            target: MembershipTarget::Account(user),
            role,
        }
        .record();
    }
    Ok(store.member(workspace, user).await?)
}
