//! The store's story, run on SQLite and on PostgreSQL alike: one module per
//! feature area, as in `src/`.

mod accounts;
mod groups;
mod invitations;
mod live;
mod live_board;
mod paths;
mod retention;
mod schema;
mod series;
mod settings;
mod workspaces;

use polku_domain::{DisplayName, Email, WorkspaceName};
use polku_store::{NewUser, Store, User};

/// A stored account with a placeholder hash.
async fn user(store: &Store, email: &str, admin: bool) -> User {
    let new = NewUser {
        email: Email::parse(email).expect("valid e-mail"),
        name: DisplayName::parse("Testi Henkilö").expect("valid name"),
        password_hash: "$argon2id$placeholder".into(),
        is_admin: admin,
    };
    store.create_user(&new).await.expect("user created")
}

/// A valid workspace name.
fn name(text: &str) -> WorkspaceName {
    WorkspaceName::parse(text).expect("valid name")
}
