//! How a command fails: bad input (exit 2) or anything else (exit 1).

use polku_app::accounts::AccountError;
use polku_store::ConnectError;

/// A command's failure: bad input (exit 2) or anything else (exit 1).
#[derive(Debug)]
pub enum CommandError {
    /// The user gave something wrong; the message says what and where.
    BadInput(String),
    /// Something failed at run time.
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for CommandError {
    fn from(error: anyhow::Error) -> Self {
        CommandError::Failed(error)
    }
}

impl From<ConnectError> for CommandError {
    fn from(error: ConnectError) -> Self {
        if error.is_bad_input() || matches!(error, ConnectError::Unreachable { .. }) {
            CommandError::BadInput(error.to_string())
        } else {
            CommandError::Failed(error.into())
        }
    }
}

impl From<AccountError> for CommandError {
    fn from(error: AccountError) -> Self {
        if error.is_bad_input() {
            CommandError::BadInput(error.to_string())
        } else {
            CommandError::Failed(error.into())
        }
    }
}
