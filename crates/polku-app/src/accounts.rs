//! Accounts: creating them, checking a login, changing one's name and
//! password, ending one's sessions. Shared by the CLI, the web, the demo and
//! tests. API tokens are in [`crate::tokens`], reset links in [`crate::resets`].

use polku_domain::{DisplayName, Email, Password, PasswordError, ValidationError};
use polku_store::{NewUser, Store, StoreError, User};

use crate::credentials::{HashError, hash_password, verify_against_dummy, verify_password};
use crate::security_log::SecurityEvent;

/// Why an account or token could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The e-mail or name is not valid.
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    /// The password breaks the strength rules.
    #[error("{0}")]
    WeakPassword(#[from] PasswordError),
    /// Another account has this e-mail.
    #[error("an account with e-mail {0} already exists")]
    EmailTaken(String),
    /// No account has this e-mail.
    #[error("no account has e-mail {0}")]
    UnknownAccount(String),
    /// No token has this id (or not one of the account named).
    #[error("no API token has id {0}")]
    UnknownToken(String),
    /// Hashing failed.
    #[error(transparent)]
    Hash(#[from] HashError),
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl AccountError {
    /// Whether the caller's input was at fault (exit status 2 in the CLI).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, AccountError::Hash(_) | AccountError::Store(_))
    }
}

/// Creates an account after checking every field and the password's strength.
pub async fn create_account(
    store: &Store,
    email: &str,
    name: &str,
    password: &str,
    is_admin: bool,
) -> Result<User, AccountError> {
    let email = Email::parse(email)?;
    let name = DisplayName::parse(name)?;
    let password = Password::new_checked(password, &[email.as_str(), name.as_str()])?;
    let new = NewUser {
        email: email.clone(),
        name,
        password_hash: hash_password(&password).await?,
        is_admin,
    };
    store.create_user(&new).await.map_err(|e| match e {
        StoreError::Conflict(_) => AccountError::EmailTaken(email.to_string()),
        other => AccountError::Store(other),
    })
}

/// The account with this e-mail; `UnknownAccount` when there is none.
pub async fn account_by_email(store: &Store, email: &str) -> Result<User, AccountError> {
    let email = Email::parse(email)?;
    store
        .find_user_by_email(&email)
        .await
        .map_err(AccountError::Store)?
        .ok_or_else(|| AccountError::UnknownAccount(email.to_string()))
}

/// Changes the account's display name.
pub async fn change_name(
    store: &Store,
    user: &User,
    name: &str,
) -> Result<DisplayName, AccountError> {
    let name = DisplayName::parse(name)?;
    store
        .set_user_name(user.id, &name)
        .await
        .map_err(AccountError::Store)?;
    Ok(name)
}

/// What a person types to change their password.
#[derive(Clone, Copy)]
pub struct PasswordChange<'a> {
    /// The password now in use.
    pub current: &'a str,
    /// The new password.
    pub new: &'a str,
    /// The new password again, to catch a typing slip.
    pub again: &'a str,
}

/// Why a password could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum PasswordChangeError {
    /// The current password is wrong.
    #[error("the current password is wrong")]
    CurrentWrong,
    /// The new password and its repetition differ.
    #[error("the new passwords differ")]
    Differ,
    /// The new password breaks the strength rules.
    #[error("{0}")]
    Weak(#[from] PasswordError),
    /// Hashing failed.
    #[error(transparent)]
    Hash(#[from] HashError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks the new password twice over (repeated alike, strong enough for
/// this account); shared by the password change and the reset link.
pub fn check_new_password(
    user: &User,
    new: &str,
    again: &str,
) -> Result<Password, NewPasswordError> {
    if new != again {
        return Err(NewPasswordError::Differ);
    }
    Ok(Password::new_checked(
        new,
        &[user.email.as_str(), user.name.as_str()],
    )?)
}

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NewPasswordError {
    /// The new password and its repetition differ.
    #[error("the new passwords differ")]
    Differ,
    /// The new password breaks the strength rules.
    #[error("{0}")]
    Weak(#[from] PasswordError),
}

impl From<NewPasswordError> for PasswordChangeError {
    fn from(e: NewPasswordError) -> Self {
        match e {
            NewPasswordError::Differ => PasswordChangeError::Differ,
            NewPasswordError::Weak(e) => PasswordChangeError::Weak(e),
        }
    }
}

/// Changes the account's password after checking the current one: every
/// login session of the account ends except the one under `keep` (the id
/// hash of the session making the change), and pending reset links stop
/// working. Returns how many sessions ended.
pub async fn change_password(
    store: &Store,
    user: &User,
    change: PasswordChange<'_>,
    keep: Option<&str>,
) -> Result<u64, PasswordChangeError> {
    let (_, stored) = store
        .find_user_with_password(&user.email)
        .await?
        .ok_or(StoreError::NotFound)?;
    if !verify_password(&stored, change.current).await {
        return Err(PasswordChangeError::CurrentWrong);
    }
    let password = check_new_password(user, change.new, change.again)?;
    let hash = hash_password(&password).await?;
    let sessions_ended = store.change_password(user.id, &hash, keep).await?;
    SecurityEvent::PasswordChanged {
        user: user.id,
        sessions_ended,
    }
    .record();
    Ok(sessions_ended)
}

/// Ends every login session of the account ("log out everywhere"); its API
/// tokens stay valid. Returns how many sessions ended.
pub async fn end_all_sessions(store: &Store, user: &User) -> Result<u64, StoreError> {
    let sessions_ended = store.delete_login_sessions_of(user.id, None).await?;
    SecurityEvent::SessionsEndedEverywhere {
        user: user.id,
        sessions_ended,
    }
    .record();
    Ok(sessions_ended)
}

/// The account whose e-mail and password these are, or `None`. An unknown
/// e-mail costs the same time as a wrong password, so timing tells nothing.
pub async fn authenticate(
    store: &Store,
    email: &str,
    password: &str,
) -> Result<Option<User>, StoreError> {
    let found = match Email::parse(email) {
        Ok(email) => store.find_user_with_password(&email).await?,
        Err(_) => None,
    };
    Ok(match found {
        Some((user, hash)) => verify_password(&hash, password).await.then_some(user),
        None => {
            verify_against_dummy(password).await;
            None
        }
    })
}
