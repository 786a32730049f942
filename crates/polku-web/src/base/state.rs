//! What every handler shares: the store, settings and rate limiters.

use std::sync::Arc;
use std::time::Duration;

use polku_store::Store;

use super::limits::LoginLimits;

/// Settings of the web side; [`WebConfig::default`] fits a local run.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// A page session ends after this long without a request.
    pub session_idle: Duration,
    /// A page session ends this long after login whatever happens.
    pub session_absolute: Duration,
    /// Where people send feedback on accessibility.
    pub accessibility_feedback_email: String,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// How often the background sweeper removes expired login sessions and
    /// forgets idle rate-limit keys.
    pub sweep_interval: Duration,
    /// How long a connection may take to send a request's head, counted from
    /// when the server starts waiting for it: it bounds half-sent requests
    /// and idle keep-alive connections alike, which are then closed.
    pub request_head_timeout: Duration,
    /// Most connections open at once; more wait in the listen queue.
    pub max_connections: usize,
    /// After a shutdown signal, how long requests in flight may take before
    /// their connections are closed.
    pub shutdown_grace: Duration,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            session_idle: Duration::from_secs(2 * 60 * 60),
            session_absolute: Duration::from_secs(12 * 60 * 60),
            accessibility_feedback_email: "saavutettavuus@polku.example".into(),
            max_body_bytes: 64 * 1024,
            sweep_interval: Duration::from_secs(300),
            request_head_timeout: Duration::from_secs(15),
            max_connections: 2048,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// The state behind every route.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Settings.
    pub config: Arc<WebConfig>,
    /// Login attempt limits.
    pub login_limits: Arc<LoginLimits>,
}

impl AppState {
    /// State over `store` with `config`.
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self {
            store,
            config: Arc::new(config),
            login_limits: Arc::new(LoginLimits::default()),
        }
    }
}
