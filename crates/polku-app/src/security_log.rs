//! Security events, written as structured `tracing` events under the target
//! `security` at level `info` (`POLKU_LOG=security=info` shows them). They
//! name accounts by id and e-mails only by their SHA-256, and never carry a
//! password, token or link secret.

use std::net::IpAddr;

use polku_domain::{AuditAction, Email, Role, TokenId, UserId, WorkspaceId, WorkspaceSettings};
use time::OffsetDateTime;

use crate::credentials::secret_hash;

/// Something an auditor may need to trace afterwards.
#[derive(Debug, Clone, Copy)]
pub enum SecurityEvent<'a> {
    /// A page login succeeded.
    LoginSucceeded {
        /// The account.
        user: UserId,
        /// The client's address.
        client: IpAddr,
    },
    /// A page login was refused (unknown e-mail or wrong password).
    LoginFailed {
        /// The e-mail as typed (logged only as a hash).
        email: &'a str,
        /// The client's address.
        client: IpAddr,
    },
    /// Too many attempts: a login or password check was refused unchecked.
    LoginRateLimited {
        /// The e-mail as typed (logged only as a hash).
        email: &'a str,
        /// The client's address.
        client: IpAddr,
    },
    /// An account's password was changed by its owner; other sessions ended.
    PasswordChanged {
        /// The account.
        user: UserId,
        /// How many other login sessions ended.
        sessions_ended: u64,
    },
    /// The owner ended every login session of the account.
    SessionsEndedEverywhere {
        /// The account.
        user: UserId,
        /// How many sessions ended.
        sessions_ended: u64,
    },
    /// An API token was made.
    TokenCreated {
        /// The account it acts as.
        user: UserId,
        /// The token's id.
        token: TokenId,
        /// When it expires.
        expires_at: OffsetDateTime,
    },
    /// An API token was revoked.
    TokenRevoked {
        /// The account it acted as.
        user: UserId,
        /// The token's id.
        token: TokenId,
    },
    /// An administrator made a password reset link for an account.
    ResetLinkIssued {
        /// The account.
        user: UserId,
        /// When the link expires.
        expires_at: OffsetDateTime,
    },
    /// A reset link set a new password; every session of the account ended.
    ResetLinkUsed {
        /// The account.
        user: UserId,
    },
    /// A workspace's membership changed, as its audit trail records it
    /// (invitation made, withdrawn or accepted, member removed, role changed).
    Membership {
        /// What happened; it names the event.
        action: AuditAction,
        /// The workspace.
        workspace: WorkspaceId,
        /// Who did it.
        actor: UserId,
        /// Whom it was about.
        target: MembershipTarget<'a>,
        /// The role invited with, removed, or changed to.
        role: Role,
    },
    /// An owner changed a workspace's privacy settings.
    PrivacySettingsChanged {
        /// The workspace.
        workspace: WorkspaceId,
        /// Who changed them.
        actor: UserId,
        /// The settings after the change.
        settings: WorkspaceSettings,
    },
}

/// Whom a membership change was about.
#[derive(Debug, Clone, Copy)]
pub enum MembershipTarget<'a> {
    /// An invited address (logged only as a hash).
    Email(&'a Email),
    /// A member's account.
    Account(UserId),
}

impl SecurityEvent<'_> {
    /// The event's stable name in the log, e.g. `login_failed`.
    pub const fn name(&self) -> &'static str {
        match self {
            SecurityEvent::LoginSucceeded { .. } => "login_succeeded",
            SecurityEvent::LoginFailed { .. } => "login_failed",
            SecurityEvent::LoginRateLimited { .. } => "login_rate_limited",
            SecurityEvent::PasswordChanged { .. } => "password_changed",
            SecurityEvent::SessionsEndedEverywhere { .. } => "sessions_ended_everywhere",
            SecurityEvent::TokenCreated { .. } => "token_created",
            SecurityEvent::TokenRevoked { .. } => "token_revoked",
            SecurityEvent::ResetLinkIssued { .. } => "reset_link_issued",
            SecurityEvent::ResetLinkUsed { .. } => "reset_link_used",
            SecurityEvent::Membership { action, .. } => action.as_str(),
            SecurityEvent::PrivacySettingsChanged { .. } => "privacy_settings_changed",
        }
    }

    /// Writes the event to the log.
    pub fn record(&self) {
        let event = self.name();
        match *self {
            SecurityEvent::LoginSucceeded { user, client } => {
                tracing::info!(target: "security", event, %user, %client);
            }
            SecurityEvent::LoginFailed { email, client }
            | SecurityEvent::LoginRateLimited { email, client } => {
                let email_hash = email_hash(email);
                tracing::info!(target: "security", event, %email_hash, %client);
            }
            SecurityEvent::PasswordChanged {
                user,
                sessions_ended,
            }
            | SecurityEvent::SessionsEndedEverywhere {
                user,
                sessions_ended,
            } => {
                tracing::info!(target: "security", event, %user, sessions_ended);
            }
            SecurityEvent::TokenCreated {
                user,
                token,
                expires_at,
            } => {
                tracing::info!(target: "security", event, %user, %token, %expires_at);
            }
            SecurityEvent::TokenRevoked { user, token } => {
                tracing::info!(target: "security", event, %user, %token);
            }
            SecurityEvent::ResetLinkIssued { user, expires_at } => {
                tracing::info!(target: "security", event, %user, %expires_at);
            }
            SecurityEvent::ResetLinkUsed { user } => {
                tracing::info!(target: "security", event, %user);
            }
            SecurityEvent::Membership {
                workspace,
                actor,
                target: MembershipTarget::Email(email),
                role,
                ..
            } => {
                let email_hash = secret_hash(email.as_str());
                let role = role.as_str();
                tracing::info!(target: "security", event, %workspace, %actor, %email_hash, role);
            }
            SecurityEvent::Membership {
                workspace,
                actor,
                target: MembershipTarget::Account(member),
                role,
                ..
            } => {
                let role = role.as_str();
                tracing::info!(target: "security", event, %workspace, %actor, %member, role);
            }
            SecurityEvent::PrivacySettingsChanged {
                workspace,
                actor,
                settings,
            } => {
                let small_group_threshold = settings.small_group_threshold.get();
                let retention_months = settings.retention_months.get();
                tracing::info!(
                    target: "security",
                    event,
                    %workspace,
                    %actor,
                    small_group_threshold,
                    retention_months
                );
            }
        }
    }
}

/// The SHA-256 of an e-mail as typed, normalised first when it is an
/// address, so that one person's attempts share one hash.
pub fn email_hash(raw: &str) -> String {
    match Email::parse(raw) {
        Ok(email) => secret_hash(email.as_str()),
        Err(_) => secret_hash(raw.trim()),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use super::*;

    /// A log writer that keeps what was written.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut lines) = self.0.lock() {
                lines.extend_from_slice(buf);
            }
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn captured(record: impl FnOnce()) -> String {
        let out = Captured::default();
        let writer = out.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_max_level(tracing::Level::INFO)
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, record);
        let bytes = out.0.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[test]
    fn a_failed_login_is_logged_with_the_email_hashed() {
        let client: IpAddr = [192, 0, 2, 7].into();
        let line = captured(|| {
            SecurityEvent::LoginFailed {
                email: " Maija@Example.fi",
                client,
            }
            .record();
        });
        assert!(line.contains("security"), "{line}");
        assert!(line.contains("event=\"login_failed\""), "{line}");
        assert!(line.contains("192.0.2.7"), "{line}");
        assert!(
            line.contains(&secret_hash("maija@example.fi")),
            "normalised e-mail hash: {line}"
        );
        assert!(!line.to_lowercase().contains("maija"), "no e-mail: {line}");
    }

    #[test]
    fn invitations_are_logged_with_the_email_hashed() {
        let email = Email::parse("salainen@example.fi").expect("valid");
        let line = captured(|| {
            SecurityEvent::Membership {
                action: AuditAction::InvitationCreated,
                workspace: WorkspaceId::new(),
                actor: UserId::new(),
                target: MembershipTarget::Email(&email),
                role: Role::Viewer,
            }
            .record();
        });
        assert!(line.contains("event=\"invitation_created\""), "{line}");
        assert!(line.contains("role=\"viewer\""), "{line}");
        assert!(line.contains(&secret_hash("salainen@example.fi")), "{line}");
        assert!(!line.contains("salainen"), "no e-mail: {line}");
    }

    #[test]
    fn token_events_name_the_token_by_id_only() {
        let user = UserId::new();
        let token = TokenId::new();
        let line = captured(|| {
            SecurityEvent::TokenRevoked { user, token }.record();
        });
        assert!(line.contains("event=\"token_revoked\""), "{line}");
        assert!(line.contains(&token.to_string()) && line.contains(&user.to_string()));
    }
}
