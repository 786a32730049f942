//! Invitations, the only way into a workspace: an owner or facilitator
//! invites an e-mail address and passes the link on (Polku sends no mail
//! yet); the person accepts with the account of that address, or creates one
//! through the link. Inviting answers the same whether or not the address has
//! an account, so it tells nobody who uses Polku.

use polku_domain::{
    AuditAction, DisplayName, Email, ErrorCode, INVITATION_LIFETIME, Invitation, InvitationId,
    InvitationStatus, Member, Role, WorkspaceId,
};
use polku_store::{NewInvitation, Store, StoreError, User};
use time::OffsetDateTime;

use crate::accounts::{AccountError, create_account};
use crate::credentials::{new_secret, secret_hash};
use crate::members::Acting;
use crate::security_log::{MembershipTarget, SecurityEvent};

/// Why an invitation could not be made, withdrawn, opened or accepted.
#[derive(Debug, thiserror::Error)]
pub enum InvitationError {
    /// The acting role may not invite to, or withdraw, this role.
    #[error("this role may not invite to this role")]
    Forbidden,
    /// No such invitation (or token).
    #[error("no such invitation")]
    NotFound,
    /// Used, withdrawn or expired: the code says which.
    #[error("the invitation can no longer be used: {0}")]
    Gone(ErrorCode),
    /// The signed-in account is not the invited address.
    #[error("the invitation is for another address")]
    OtherAccount,
    /// A rule refused it, such as [`ErrorCode::AlreadyMember`].
    #[error("refused: {0}")]
    Conflict(ErrorCode),
    /// The two passwords of a sign-up differ.
    #[error("the passwords differ")]
    PasswordsDiffer,
    /// The new account could not be made (name, password, taken address).
    #[error(transparent)]
    Account(AccountError),
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for InvitationError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => InvitationError::NotFound,
            StoreError::Conflict(code) => InvitationError::Conflict(code),
            other => InvitationError::Store(other),
        }
    }
}

/// A new invitation with its token, which exists only here: the store keeps
/// its hash. The link to pass on is `/invitations/{token}`.
#[derive(Debug, Clone)]
pub struct CreatedInvitation {
    /// The invitation.
    pub invitation: Invitation,
    /// Its secret token.
    pub token: String,
}

/// A membership gained by accepting an invitation.
#[derive(Debug, Clone)]
pub struct Joined {
    /// The workspace joined.
    pub workspace: WorkspaceId,
    /// The new member.
    pub member: Member,
}

/// Invites `email` to `workspace` with `role` on behalf of `by`, whether or
/// not the address has an account. A facilitator cannot invite an owner;
/// an address that is already a member is `Conflict(AlreadyMember)`, which
/// tells the inviter only what the member list shows them anyway.
pub async fn invite(
    store: &Store,
    workspace: WorkspaceId,
    by: Acting<'_>,
    email: &Email,
    role: Role,
) -> Result<CreatedInvitation, InvitationError> {
    if !by.role.can_assign(role) {
        return Err(InvitationError::Forbidden);
    }
    if store.is_member_email(workspace, email).await? {
        return Err(InvitationError::Conflict(ErrorCode::AlreadyMember));
    }
    let token = new_secret("");
    let now = OffsetDateTime::now_utc();
    let invitation = store
        .create_invitation(&NewInvitation {
            workspace,
            email: email.clone(),
            role,
            token_hash: secret_hash(&token),
            invited_by: by.user,
            created_at: now,
            expires_at: now + INVITATION_LIFETIME,
        })
        .await?;
    SecurityEvent::Membership {
        action: AuditAction::InvitationCreated,
        workspace,
        actor: by.user.id,
        target: MembershipTarget::Email(email),
        role,
    }
    .record();
    Ok(CreatedInvitation { invitation, token })
}

/// A pending invitation of `workspace` that `by` may withdraw; `NotFound`
/// unless it is pending there.
pub async fn withdrawable(
    store: &Store,
    workspace: WorkspaceId,
    by: Acting<'_>,
    id: InvitationId,
) -> Result<Invitation, InvitationError> {
    let invitation = store.invitation(workspace, id).await?;
    if invitation.status(OffsetDateTime::now_utc()) != InvitationStatus::Pending {
        return Err(InvitationError::NotFound);
    }
    if !by.role.can_assign(invitation.role) {
        return Err(InvitationError::Forbidden);
    }
    Ok(invitation)
}

/// Withdraws a pending invitation on behalf of `by` (only owners withdraw
/// invitations to the owner role).
pub async fn withdraw(
    store: &Store,
    workspace: WorkspaceId,
    by: Acting<'_>,
    id: InvitationId,
) -> Result<(), InvitationError> {
    let invitation = withdrawable(store, workspace, by, id).await?;
    store
        .withdraw_invitation(workspace, id, by.user, OffsetDateTime::now_utc())
        .await?;
    SecurityEvent::Membership {
        action: AuditAction::InvitationWithdrawn,
        workspace,
        actor: by.user.id,
        target: MembershipTarget::Email(&invitation.email),
        role: invitation.role,
    }
    .record();
    Ok(())
}

/// The pending invitation with this token: `NotFound` for an unknown token,
/// `Gone` for a used, withdrawn or expired one.
pub async fn open(store: &Store, token: &str) -> Result<Invitation, InvitationError> {
    let invitation = store
        .find_invitation_by_token_hash(&secret_hash(token))
        .await?
        .ok_or(InvitationError::NotFound)?;
    match invitation.status(OffsetDateTime::now_utc()).refusal() {
        Some(code) => Err(InvitationError::Gone(code)),
        None => Ok(invitation),
    }
}

/// Accepts the invitation with this token for the signed-in `user`, who must
/// have the invited address. Single use: of two acceptances at once, one wins.
pub async fn accept(store: &Store, token: &str, user: &User) -> Result<Joined, InvitationError> {
    let invitation = open(store, token).await?;
    if invitation.email != user.email {
        return Err(InvitationError::OtherAccount);
    }
    let accepted = store
        .accept_invitation(
            invitation.workspace_id,
            invitation.id,
            user,
            OffsetDateTime::now_utc(),
        )
        .await;
    let member = match accepted {
        Ok(member) => member,
        // Used, withdrawn or expired since it was opened: say which.
        Err(StoreError::NotFound) => {
            return Err(open(store, token)
                .await
                .err()
                .unwrap_or(InvitationError::NotFound));
        }
        Err(e) => return Err(e.into()),
    };
    SecurityEvent::Membership {
        action: AuditAction::InvitationAccepted,
        workspace: invitation.workspace_id,
        actor: user.id,
        target: MembershipTarget::Email(&invitation.email),
        role: member.role,
    }
    .record();
    Ok(Joined {
        workspace: invitation.workspace_id,
        member,
    })
}

/// What a new person types to create an account through an invitation; the
/// e-mail is the invited one.
#[derive(Debug, Clone, Copy)]
pub struct SignUp<'a> {
    /// Display name.
    pub name: &'a str,
    /// The new password.
    pub password: &'a str,
    /// The same password again.
    pub password_again: &'a str,
}

/// Creates an account for the invited address (the password strength rules
/// apply) and accepts the invitation with it.
pub async fn sign_up_and_accept(
    store: &Store,
    token: &str,
    sign_up: SignUp<'_>,
) -> Result<(User, Joined), InvitationError> {
    let invitation = open(store, token).await?;
    DisplayName::parse(sign_up.name).map_err(|e| InvitationError::Account(e.into()))?;
    if sign_up.password != sign_up.password_again {
        return Err(InvitationError::PasswordsDiffer);
    }
    let user = create_account(
        store,
        invitation.email.as_str(),
        sign_up.name,
        sign_up.password,
        false,
    )
    .await
    .map_err(InvitationError::Account)?;
    let joined = accept(store, token, &user).await?;
    Ok((user, joined))
}
