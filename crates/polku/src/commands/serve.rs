//! `polku serve`: the web server, until Ctrl-C or SIGTERM.

use anyhow::Context;
use polku_app::demo::seed_if_missing;
use polku_store::Store;
use polku_web::{AppState, PublicUrl, WebConfig};
use tokio::net::TcpListener;

use super::demo::print_login;
use crate::error::CommandError;

/// What `polku serve` takes besides where to listen and the database.
#[derive(Debug, Default)]
pub struct Options<'a> {
    /// Do not create the demo workspace.
    pub no_demo: bool,
    /// `--public-url`, unparsed.
    pub public_url: Option<&'a str>,
    /// `--max-connections`, when given.
    pub max_connections: Option<usize>,
}

/// The most `--max-connections` takes: far beyond what one process holds
/// (about 20,000 live streams on a small machine), but a typo such as an
/// extra digit is caught.
const MAX_CONNECTIONS_LIMIT: usize = 1_000_000;

/// Runs `polku serve`.
pub async fn run(addr: &str, database: &str, options: &Options<'_>) -> Result<(), CommandError> {
    if !addr.contains(':') {
        return Err(CommandError::BadInput(format!(
            "--addr {addr:?} is not HOST:PORT, e.g. 127.0.0.1:8080"
        )));
    }
    let max_connections = match options.max_connections {
        None => WebConfig::default().max_connections,
        Some(n) if (1..=MAX_CONNECTIONS_LIMIT).contains(&n) => n,
        Some(n) => {
            return Err(CommandError::BadInput(format!(
                "--max-connections {n} must be from 1 to {MAX_CONNECTIONS_LIMIT}"
            )));
        }
    };
    let public_url = options
        .public_url
        .map(PublicUrl::parse)
        .transpose()
        .map_err(|reason| CommandError::BadInput(format!("--public-url {reason}")))?;
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
    store.check_writable().await.map_err(|e| {
        CommandError::BadInput(format!("the database {database} cannot be written: {e}"))
    })?;
    let demo = if options.no_demo {
        None
    } else {
        Some(
            seed_if_missing(&store)
                .await
                .context("seeding the demo workspace")?,
        )
    };
    // Listen for SIGTERM before saying we run, so a stop sent right after
    // the line is seen is a graceful one.
    let shutdown = shutdown_signal()?;
    println!(
        "Polku is running at http://{local} (database: {})",
        store.backend_name()
    );
    if let Some(login) = &demo {
        print_login(login);
    }
    let config = WebConfig {
        public_url,
        max_connections,
        ..WebConfig::default()
    };
    let state = AppState::new(store, config);
    polku_web::serve(listener, state, shutdown)
        .await
        .context("serving HTTP")?;
    Ok(())
}

/// A future that completes on Ctrl-C or SIGTERM; the handlers are in place
/// when this returns.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()> + Send + 'static, CommandError>
{
    #[cfg(unix)]
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .context("listening for SIGTERM")?;
    Ok(async move {
        #[cfg(unix)]
        let terminate = async move {
            terminate.recv().await;
        };
        #[cfg(not(unix))]
        let terminate = std::future::pending::<()>();
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {},
            () = terminate => {},
        }
    })
}
