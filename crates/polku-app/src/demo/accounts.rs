//! The demo's people: a facilitator who owns the workspace, two more
//! facilitators and a manager who reads. Fictional names, `polku.example` mail.

use polku_domain::{Email, Password, Role};
use polku_store::{Store, StoreError, User};

use super::DemoError;
use crate::accounts::{AccountError, create_account};
use crate::credentials::{hash_password, new_secret};

/// The demo facilitator's login e-mail.
pub const DEMO_FACILITATOR_EMAIL: &str = "fasilitaattori@polku.example";

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

/// The demo's accounts with their roles, the owner first; accounts that
/// already exist are reused.
pub(super) async fn ensure_people(store: &Store) -> Result<Vec<(User, Role)>, DemoError> {
    let mut accounts = Vec::new();
    for person in &PEOPLE {
        let email = Email::parse(person.email).map_err(AccountError::from)?;
        let user = match store.find_user_by_email(&email).await? {
            Some(user) => user,
            None => {
                // Demo accounts get long random passwords; only the
                // facilitator's is ever shown, reset at every start.
                let password = new_secret("Polku-");
                create_account(store, person.email, person.name, &password, false).await?
            }
        };
        accounts.push((user, person.role));
    }
    Ok(accounts)
}

/// Sets a new random password on the demo facilitator and returns it.
pub(super) async fn fresh_facilitator_password(store: &Store) -> Result<String, DemoError> {
    let email = Email::parse(DEMO_FACILITATOR_EMAIL).map_err(AccountError::from)?;
    let user = store
        .find_user_by_email(&email)
        .await?
        .ok_or(StoreError::NotFound)?;
    let password = new_secret("Polku-");
    let checked = Password::new_checked(&password, &[]).map_err(AccountError::from)?;
    let hash = hash_password(&checked).await.map_err(AccountError::from)?;
    store.set_password_hash(user.id, &hash).await?;
    Ok(password)
}
