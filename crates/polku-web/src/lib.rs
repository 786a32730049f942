//! Polku's HTTP side: server-rendered pages, the JSON API with its OpenAPI
//! document, sign-in, rate limits and the security headers around them all.

pub mod access;
pub mod accounts;
pub mod api;
pub mod auth;
pub mod credentials;
pub mod demo;
pub mod error;
pub mod i18n;
pub mod limits;
pub mod members;
pub mod pages;
mod security;
pub mod state;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;

pub use state::{AppState, WebConfig};

/// The whole application: pages, API, OpenAPI document and middleware.
pub fn app(state: AppState) -> Router {
    let (api, openapi) = api::router();
    let openapi_json: Arc<str> = openapi
        .to_pretty_json()
        .unwrap_or_else(|_| "{}".into())
        .into();
    let max_body = state.config.max_body_bytes;
    let router =
        Router::new()
            .merge(pages::router())
            .merge(api)
            .route(
                "/api/openapi.json",
                get(move || {
                    let body = Arc::clone(&openapi_json);
                    async move {
                        ([(CONTENT_TYPE, "application/json")], body.to_string()).into_response()
                    }
                }),
            )
            .fallback(|| async { error::AppError::not_found() })
            .layer(DefaultBodyLimit::max(max_body))
            .layer(from_fn_with_state(state.clone(), auth::identify_caller))
            .layer(security::csrf_layer())
            .layer(from_fn(error::render_errors))
            .layer(from_fn(i18n::choose_language));
    security::with_security_headers(router.with_state(state))
}

/// Serves the application on `listener` until Ctrl-C or SIGTERM.
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    let limits = Arc::clone(&state.login_limits);
    let sweeper_store = state.store.clone();
    let config = Arc::clone(&state.config);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(300));
        loop {
            tick.tick().await;
            limits.shrink();
            let now = time::OffsetDateTime::now_utc();
            let _ = sweeper_store
                .delete_expired_login_sessions(
                    now - config.session_idle,
                    now - config.session_absolute,
                )
                .await;
        }
    });
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
