//! `polku user add`: create an account; the password comes from standard input.

use std::io::{BufRead, IsTerminal};

use anyhow::Context;
use polku_app::accounts::create_account;
use polku_store::Store;

use crate::error::CommandError;

/// Runs `polku user add`.
pub async fn run(email: &str, name: &str, admin: bool, database: &str) -> Result<(), CommandError> {
    let password = read_password()?;
    let store = Store::open(database).await?;
    let user = create_account(&store, email, name, &password, admin).await?;
    println!("Created account {} ({}).", user.email, user.name);
    Ok(())
}

/// Reads the new password: a prompt without echo on a terminal, else the
/// first line of standard input.
fn read_password() -> Result<String, CommandError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let first = rpassword::prompt_password("Password: ").context("reading the password")?;
        let again =
            rpassword::prompt_password("Password again: ").context("reading the password")?;
        if first != again {
            return Err(CommandError::BadInput("the passwords do not match".into()));
        }
        return Ok(first);
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).map_err(|e| {
        CommandError::BadInput(format!("cannot read the password from standard input: {e}"))
    })?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    if password.is_empty() {
        return Err(CommandError::BadInput(
            "no password on standard input (give it as the first line)".into(),
        ));
    }
    Ok(password.to_owned())
}
