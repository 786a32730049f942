//! Security events in the log (`target: "security"`), structured and free of
//! secrets: e-mail addresses appear only as their SHA-256, tokens never.

use polku_domain::{AuditAction, Email, Role, UserId, WorkspaceId};

use crate::credentials::secret_hash;

/// Whom a membership change was about.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target<'a> {
    /// An invited address (logged hashed).
    Email(&'a Email),
    /// A member's account.
    Account(UserId),
}

/// Logs a membership change as the audit trail records it.
pub(crate) fn membership(
    action: AuditAction,
    workspace: WorkspaceId,
    actor: UserId,
    target: Target<'_>,
    role: Role,
) {
    match target {
        Target::Email(email) => tracing::info!(
            target: "security",
            action = action.as_str(),
            %workspace,
            %actor,
            email_hash = %secret_hash(email.as_str()),
            role = role.as_str(),
            "membership",
        ),
        Target::Account(member) => tracing::info!(
            target: "security",
            action = action.as_str(),
            %workspace,
            %actor,
            %member,
            role = role.as_str(),
            "membership",
        ),
    }
}
