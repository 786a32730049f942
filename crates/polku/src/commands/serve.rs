//! `polku serve`: the web server, until Ctrl-C or SIGTERM.

use anyhow::Context;
use polku_app::demo::seed_if_missing;
use polku_store::Store;
use polku_web::{AppState, PublicUrl, WebConfig};
use tokio::net::TcpListener;

use super::demo::print_login;
use crate::error::CommandError;

/// Runs `polku serve`.
pub async fn run(
    addr: &str,
    database: &str,
    no_demo: bool,
    public_url: Option<&str>,
) -> Result<(), CommandError> {
    if !addr.contains(':') {
        return Err(CommandError::BadInput(format!(
            "--addr {addr:?} is not HOST:PORT, e.g. 127.0.0.1:8080"
        )));
    }
    let public_url = public_url
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
    let demo = if no_demo {
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
