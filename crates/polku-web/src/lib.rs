//! Polku's HTTP side: server-rendered pages, the JSON API with its OpenAPI
//! document, sign-in, rate limits and the security headers around them all.
//!
//! Layout: `base/` (caller, language, page frame, extractors, rendering,
//! errors, sessions, access, route declarations, limits, security headers)
//! imports no feature; one folder per feature area (`site/`, `accounts/`,
//! `workspaces/`, `invitations/`, `audit/`) holds its pages, API handlers,
//! URL builders and `routes()`;
//! `routes.rs` joins the areas. The binary calls only [`serve`].

mod accounts;
mod audit;
mod base;
mod groups;
mod invitations;
mod live;
mod paths;
mod routes;
mod server;
mod site;
mod workspaces;

use std::future::Future;
use std::sync::Arc;

use tokio::net::TcpListener;

pub use base::access::Access;
pub use base::route::RouteSpec;
pub use base::state::{AppState, PublicUrl, WebConfig};
pub use routes::route_table;

/// Serves Polku on `listener` until `shutdown` completes, then stops taking
/// connections, lets requests in flight finish for `WebConfig::shutdown_grace`
/// and closes what is still open. Background tasks (the
/// session sweeper) run alongside and stop with it. The binary and the HTTP
/// tests both serve through here.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sweeper = tokio::spawn(sweep(state.clone()));
    let config = Arc::clone(&state.config);
    let served = server::accept_loop(listener, routes::app(state), &config, shutdown).await;
    sweeper.abort();
    served
}

/// Removes expired login sessions, old reset links and idle rate-limit keys,
/// and erases participants past their workspace's retention period, now
/// and then.
async fn sweep(state: AppState) {
    let limits = Arc::clone(&state.login_limits);
    let mut tick = tokio::time::interval(state.config.sweep_interval);
    loop {
        tick.tick().await;
        limits.shrink();
        state.join_limits.shrink();
        state.post_limits.shrink();
        let now = time::OffsetDateTime::now_utc();
        if let Err(e) = state
            .store
            .delete_expired_login_sessions(
                now - state.config.session_idle,
                now - state.config.session_absolute,
            )
            .await
        {
            tracing::warn!(%e, "sweeping expired login sessions failed");
        }
        // Used and expired reset links are kept a day, so that opening one
        // says "used or expired" rather than "unknown".
        if let Err(e) = state
            .store
            .delete_expired_password_resets(now - time::Duration::days(1))
            .await
        {
            tracing::warn!(%e, "sweeping expired password reset links failed");
        }
        // Each workspace's retention period (decision 0012), logged with
        // the security events so that it shows by default.
        match state.store.erase_expired_participants(now).await {
            Ok(erased) if !erased.is_empty() => tracing::info!(
                target: "security",
                event = "participants_erased",
                participants = erased.participants,
                notes = erased.notes,
                events = erased.events,
                pseudonyms = erased.pseudonyms,
                "erased participants past their workspace's retention period"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(%e, "erasing participants past the retention period failed"),
        }
    }
}
