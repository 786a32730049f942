//! `polku migrate`: apply schema migrations and exit.

use polku_store::Store;

use crate::error::CommandError;

/// Runs `polku migrate`.
pub async fn run(database: &str) -> Result<(), CommandError> {
    Store::open(database).await?;
    println!("Database {database} is up to date.");
    Ok(())
}
