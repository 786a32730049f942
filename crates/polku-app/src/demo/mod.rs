//! The demo workspace a newcomer sees on first start, written fresh for Polku
//! in Finnish with Swedish and English names. One module per feature area:
//! a new area adds its file here and one call in [`recreate`].

mod accounts;
mod groups;
mod live;
mod paths;
mod workspaces;

pub use accounts::DEMO_FACILITATOR_EMAIL;

use polku_store::{Store, StoreError};

use crate::accounts::AccountError;
use crate::invitations::InvitationError;

/// The setting that remembers the demo workspace's id.
const DEMO_SETTING: &str = "demo_workspace_id";

/// The demo facilitator's login, with a freshly generated password.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// E-mail to log in with.
    pub email: String,
    /// The password, new at every call so the printed login always works.
    pub password: String,
    /// The join code of the demo's open workshop, if it is still open.
    pub join_code: Option<String>,
}

/// Why seeding failed.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// An account could not be made.
    #[error(transparent)]
    Account(#[from] AccountError),
    /// An invitation of the demo's members failed.
    #[error(transparent)]
    Invitation(#[from] InvitationError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Demo text broke a rule (a bug in the demo).
    #[error("demo content is invalid: {0}")]
    Invalid(polku_domain::ErrorCode),
}

impl DemoError {
    fn from_live(error: crate::live::LiveError) -> Self {
        match error {
            crate::live::LiveError::Store(e) => e.into(),
            crate::live::LiveError::Invalid(errors) => Self::Invalid(
                errors
                    .first()
                    .map_or(polku_domain::ErrorCode::InvalidFields, |e| e.code),
            ),
            crate::live::LiveError::UnknownCode => {
                Self::Invalid(polku_domain::ErrorCode::UnknownJoinCode)
            }
        }
    }
}

/// Seeds the demo unless it exists (a second start does not reseed), then
/// gives the demo facilitator a fresh password to print.
pub async fn seed_if_missing(store: &Store) -> Result<DemoLogin, DemoError> {
    let existing = match store.setting(DEMO_SETTING).await? {
        Some(id) => match id.parse() {
            Ok(id) => store.workspace(id).await.is_ok(),
            Err(_) => false,
        },
        None => false,
    };
    if existing {
        facilitator_login(store).await
    } else {
        recreate(store).await
    }
}

/// (Re)creates the demo workspace, replacing an earlier one. Accounts that
/// already exist are reused; the facilitator gets a fresh password.
pub async fn recreate(store: &Store) -> Result<DemoLogin, DemoError> {
    if let Some(id) = store.setting(DEMO_SETTING).await?
        && let Ok(id) = id.parse()
    {
        match store.delete_workspace(id).await {
            Ok(()) | Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let people = accounts::ensure_people(store).await?;
    let workspace = workspaces::create(store, &people).await?;
    let workshops = groups::create(store, &workspace, &people).await?;
    live::create(store, &workspace, &people[0].0, &workshops).await?;
    paths::create(store, &workspace).await?;
    store
        .set_setting(DEMO_SETTING, &workspace.id.to_string())
        .await?;
    facilitator_login(store).await
}

async fn facilitator_login(store: &Store) -> Result<DemoLogin, DemoError> {
    let join_code = match store
        .setting(DEMO_SETTING)
        .await?
        .and_then(|id| id.parse().ok())
    {
        Some(id) => store
            .list_live_sessions(id)
            .await?
            .into_iter()
            .find(|s| s.open)
            .map(|s| s.join_code.as_str().to_owned()),
        None => None,
    };
    Ok(DemoLogin {
        join_code,
        email: DEMO_FACILITATOR_EMAIL.to_owned(),
        password: accounts::fresh_facilitator_password(store).await?,
    })
}
