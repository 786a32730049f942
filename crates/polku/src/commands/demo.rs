//! `polku demo`: (re)create the demo workspace and print its login.

use anyhow::Context;
use polku_app::demo::{DemoLogin, recreate};
use polku_store::Store;

use crate::error::CommandError;

/// Runs `polku demo`.
pub async fn run(database: &str) -> Result<(), CommandError> {
    let store = Store::open(database).await?;
    let login = recreate(&store)
        .await
        .context("creating the demo workspace")?;
    println!("Demo workspace created.");
    print_login(&login);
    Ok(())
}

/// Prints the demo facilitator's login as `serve` and `demo` both show it.
pub fn print_login(login: &DemoLogin) {
    let mut text = format!(
        "Demo facilitator: {}  password: {}\n",
        login.email, login.password
    );
    if let Some(code) = &login.join_code {
        text.push_str(&format!(
            "Demo workshop open: join at /join with the code {code}\n"
        ));
    }
    // One write, so a reader that stops after the first line (a test, `head`)
    // cannot close the pipe between the lines.
    print!("{text}");
}
