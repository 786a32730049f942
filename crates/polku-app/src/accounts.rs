//! Accounts: creating them, checking a login, and API tokens. Shared by the
//! CLI, the web, the demo and tests.

use polku_domain::{DisplayName, Email, Password, PasswordError, ValidationError};
use polku_store::{NewUser, Store, StoreError, User};

use crate::credentials::{
    HashError, hash_password, new_secret, secret_hash, verify_against_dummy, verify_password,
};

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

/// Makes a new API token for the account with `email`; only its hash is kept.
pub async fn issue_api_token(store: &Store, email: &str) -> Result<String, AccountError> {
    let email = Email::parse(email)?;
    let user = store
        .find_user_by_email(&email)
        .await
        .map_err(AccountError::Store)?
        .ok_or_else(|| AccountError::UnknownAccount(email.to_string()))?;
    let token = new_secret("polku_");
    store
        .create_api_token(user.id, &secret_hash(&token))
        .await
        .map_err(AccountError::Store)?;
    Ok(token)
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
