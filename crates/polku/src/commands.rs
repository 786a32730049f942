//! One function per command; each opens the store, calls a library and maps
//! its errors to [`CommandError`].

use std::io::{BufRead, IsTerminal};

use anyhow::Context;
use polku_store::{ConnectError, Store};
use polku_web::accounts::{AccountError, create_account, issue_api_token};
use polku_web::{AppState, WebConfig};
use tokio::net::TcpListener;

use crate::cli::{Cli, Command, UserCommand};

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

/// Runs the parsed command line.
pub async fn run(cli: Cli) -> Result<(), CommandError> {
    match cli.command {
        Command::Serve {
            addr,
            database,
            no_demo,
        } => serve(&addr, &database.database, no_demo).await,
        Command::Migrate { database } => {
            Store::open(&database.database).await?;
            println!("Database {} is up to date.", database.database);
            Ok(())
        }
        Command::User { command } => match command {
            UserCommand::Add {
                email,
                name,
                admin,
                database,
            } => {
                let password = read_password()?;
                let store = Store::open(&database.database).await?;
                let user = create_account(&store, &email, &name, &password, admin).await?;
                println!("Created account {} ({}).", user.email, user.name);
                Ok(())
            }
            UserCommand::Token { email, database } => {
                let store = Store::open(&database.database).await?;
                let token = issue_api_token(&store, &email).await?;
                println!("{token}");
                Ok(())
            }
        },
        Command::Mine(args) => crate::mine::run(&args),
        Command::Demo { database } => {
            let store = Store::open(&database.database).await?;
            let login = polku_web::demo::recreate(&store)
                .await
                .context("creating the demo workspace")?;
            println!("Demo workspace created.");
            print_demo_login(&login);
            Ok(())
        }
    }
}

async fn serve(addr: &str, database: &str, no_demo: bool) -> Result<(), CommandError> {
    if !addr.contains(':') {
        return Err(CommandError::BadInput(format!(
            "--addr {addr:?} is not HOST:PORT, e.g. 127.0.0.1:8080"
        )));
    }
    // Bind before touching the database, so a taken port creates no file.
    let listener = TcpListener::bind(addr).await.map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::AddrInUse => "the port is already in use".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => e.to_string(),
        };
        CommandError::BadInput(format!("cannot listen on {addr}: {reason}"))
    })?;
    let local = listener
        .local_addr()
        .context("reading the listening address")?;
    let store = Store::open(database).await?;
    let demo = if no_demo {
        None
    } else {
        Some(
            polku_web::demo::seed_if_missing(&store)
                .await
                .context("seeding the demo workspace")?,
        )
    };
    println!(
        "Polku is running at http://{local} (database: {})",
        store.backend_name()
    );
    if let Some(login) = &demo {
        print_demo_login(login);
    }
    let state = AppState::new(store, WebConfig::default());
    polku_web::serve(listener, state)
        .await
        .context("serving HTTP")?;
    Ok(())
}

fn print_demo_login(login: &polku_web::demo::DemoLogin) {
    println!(
        "Demo facilitator: {}  password: {}",
        login.email, login.password
    );
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
