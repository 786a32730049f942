//! Membership rules shared by the member pages and the member API.

use polku_domain::{Email, Member, Role, UserId};
use polku_store::Store;

use crate::access::WorkspaceAccess;
use crate::error::AppError;

/// Adds the account with `email` to the caller's workspace with `role`.
pub async fn add_member_by_email(
    store: &Store,
    access: &WorkspaceAccess,
    email: &Email,
    role: Role,
) -> Result<Member, AppError> {
    access.require_member_management()?;
    if !access.role.can_assign(role) {
        return Err(AppError::forbidden());
    }
    let user = store
        .find_user_by_email(email)
        .await?
        .ok_or(AppError::invalid("email", "unknown_account"))?;
    store.add_member(access.workspace.id, user.id, role).await?;
    Ok(Member {
        user_id: user.id,
        name: user.name,
        email: user.email,
        role,
    })
}

/// Removes `user` from the caller's workspace if the caller may.
pub async fn remove_member(
    store: &Store,
    access: &WorkspaceAccess,
    user: UserId,
) -> Result<(), AppError> {
    access.require_member_management()?;
    let target = store
        .member_role(access.workspace.id, user)
        .await?
        .ok_or_else(AppError::not_found)?;
    if !access.role.can_assign(target) {
        return Err(AppError::forbidden());
    }
    store.remove_member(access.workspace.id, user).await?;
    Ok(())
}
