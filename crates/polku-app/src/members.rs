//! Membership rules shared by the member pages and the member API: who may
//! add or remove whom in a workspace.

use polku_domain::{Email, ErrorCode, Member, Role, UserId, WorkspaceId};
use polku_store::{Store, StoreError};

/// Why a membership change was refused.
#[derive(Debug, thiserror::Error)]
pub enum MemberError {
    /// The acting role may not manage members, or not this role.
    #[error("this role may not change this membership")]
    Forbidden,
    /// No account has the e-mail.
    #[error("no account has this e-mail")]
    UnknownAccount,
    /// The account is not a member of the workspace.
    #[error("not a member")]
    NotMember,
    /// A rule of the store refused it (already a member, last owner).
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

/// Adds the account with `email` to `workspace` with `role`, on behalf of a
/// member whose role is `actor`.
pub async fn add_member_by_email(
    store: &Store,
    workspace: WorkspaceId,
    actor: Role,
    email: &Email,
    role: Role,
) -> Result<Member, MemberError> {
    if !actor.can_assign(role) {
        return Err(MemberError::Forbidden);
    }
    let user = store
        .find_user_by_email(email)
        .await?
        .ok_or(MemberError::UnknownAccount)?;
    store.add_member(workspace, user.id, role).await?;
    Ok(Member {
        user_id: user.id,
        name: user.name,
        email: user.email,
        role,
    })
}

/// Removes `user` from `workspace` on behalf of a member whose role is
/// `actor`; the last owner stays.
pub async fn remove_member(
    store: &Store,
    workspace: WorkspaceId,
    actor: Role,
    user: UserId,
) -> Result<(), MemberError> {
    if !actor.can_manage_members() {
        return Err(MemberError::Forbidden);
    }
    let target = store
        .member_role(workspace, user)
        .await?
        .ok_or(MemberError::NotMember)?;
    if !actor.can_assign(target) {
        return Err(MemberError::Forbidden);
    }
    store.remove_member(workspace, user).await?;
    Ok(())
}
