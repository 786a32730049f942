//! The demo workspace a newcomer sees on first start: a fictional regional
//! project, written fresh for Polku in Finnish with Swedish and English names.

use polku_domain::{LocalizedText, Role, WorkspaceName};
use polku_store::{Store, StoreError};

use crate::accounts::{AccountError, create_account};
use crate::credentials::new_secret;

/// The setting that remembers the demo workspace's id.
const DEMO_SETTING: &str = "demo_workspace_id";

/// The demo facilitator's login e-mail.
pub const DEMO_FACILITATOR_EMAIL: &str = "fasilitaattori@polku.example";

/// The demo facilitator's login, with a freshly generated password.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// E-mail to log in with.
    pub email: String,
    /// The password, new at every call so the printed login always works.
    pub password: String,
}

/// Why seeding failed.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// An account could not be made.
    #[error(transparent)]
    Account(#[from] AccountError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

struct DemoPerson {
    email: &'static str,
    name: &'static str,
    role: Role,
}

const PEOPLE: [DemoPerson; 4] = [
    DemoPerson {
        email: DEMO_FACILITATOR_EMAIL,
        name: "Aino Kehittäjä",
        role: Role::Owner,
    },
    DemoPerson {
        email: "sosiaalityo@polku.example",
        name: "Jussi Rantanen",
        role: Role::Facilitator,
    },
    DemoPerson {
        email: "tyollisyys@polku.example",
        name: "Leena Virta",
        role: Role::Facilitator,
    },
    DemoPerson {
        email: "johto@polku.example",
        name: "Marketta Salo",
        role: Role::Viewer,
    },
];

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
        fresh_facilitator_login(store).await
    } else {
        recreate(store).await
    }
}

/// Sets a new random password on the demo facilitator and returns it.
async fn fresh_facilitator_login(store: &Store) -> Result<DemoLogin, DemoError> {
    let email = polku_domain::Email::parse(DEMO_FACILITATOR_EMAIL).map_err(AccountError::from)?;
    let user = store
        .find_user_by_email(&email)
        .await?
        .ok_or(StoreError::NotFound)?;
    let password = new_secret("Polku-");
    let checked =
        polku_domain::Password::new_checked(&password, &[]).map_err(AccountError::from)?;
    let hash = crate::credentials::hash_password(&checked).map_err(AccountError::from)?;
    store.set_password_hash(user.id, &hash).await?;
    Ok(DemoLogin {
        email: DEMO_FACILITATOR_EMAIL.to_owned(),
        password,
    })
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
    let mut accounts = Vec::new();
    for person in &PEOPLE {
        let email = polku_domain::Email::parse(person.email).map_err(AccountError::from)?;
        let user = match store.find_user_by_email(&email).await? {
            Some(user) => user,
            None => {
                // Demo accounts get long random passwords; only the
                // facilitator's is ever shown, reset below.
                let password = new_secret("Polku-");
                create_account(store, person.email, person.name, &password, false).await?
            }
        };
        accounts.push((user, person.role));
    }
    let owner = accounts
        .first()
        .map(|(user, _)| user.id)
        .ok_or(StoreError::NotFound)?;
    let name = WorkspaceName::parse("Työllisyyden palvelupolut Järvilaaksossa")
        .map_err(AccountError::from)?;
    let workspace = store.create_workspace(&name, owner).await?;
    for (user, role) in accounts.iter().skip(1) {
        store.add_member(workspace.id, user.id, *role).await?;
    }
    let groups = [
        LocalizedText {
            fi: "Kehittäjäryhmä Rantakylä: nuorten polut työhön".into(),
            sv: Some("Utvecklingsgruppen Rantakylä: ungas vägar till arbete".into()),
            en: Some("Rantakylä development group: young people's paths to work".into()),
        },
        LocalizedText {
            fi: "Kehittäjäryhmä Kivikoski: osatyökykyisten palvelut".into(),
            sv: Some("Utvecklingsgruppen Kivikoski: tjänster för partiellt arbetsföra".into()),
            en: Some("Kivikoski development group: services for the partially able to work".into()),
        },
    ];
    for group in &groups {
        store.create_group(workspace.id, group).await?;
    }
    store
        .set_setting(DEMO_SETTING, &workspace.id.to_string())
        .await?;
    fresh_facilitator_login(store).await
}
