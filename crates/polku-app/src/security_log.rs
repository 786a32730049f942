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

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use super::*;

    /// Collects what the log writes.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut out) = self.0.lock() {
                out.extend_from_slice(bytes);
            }
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn e_mails_are_logged_only_as_their_hash() {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let email = Email::parse("salainen@example.fi").expect("valid");
        tracing::subscriber::with_default(subscriber, || {
            membership(
                AuditAction::InvitationCreated,
                WorkspaceId::new(),
                UserId::new(),
                Target::Email(&email),
                Role::Viewer,
            );
        });
        let text = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8");
        assert!(text.contains("security"), "{text}");
        assert!(text.contains("action=\"invitation_created\""), "{text}");
        assert!(text.contains(&secret_hash("salainen@example.fi")), "{text}");
        assert!(!text.contains("salainen"), "{text}");
    }
}
