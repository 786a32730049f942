//! What every handler shares: the store, settings and rate limiters.

use std::sync::Arc;
use std::time::Duration;

use polku_store::Store;

use super::limits::LoginLimits;
use super::live_limits::{JoinLimits, PostLimits};

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
    /// How long a request's body may take to arrive, in all.
    pub request_body_timeout: Duration,
    /// Most connections open at once; more wait in the listen queue.
    pub max_connections: usize,
    /// After a shutdown signal, how long requests in flight may take before
    /// their connections are closed.
    pub shutdown_grace: Duration,
    /// Where people reach Polku (`--public-url`), when known: HTTPS turns on
    /// HSTS, and state-changing requests must come from exactly this origin.
    pub public_url: Option<PublicUrl>,
}

/// The public origin of the site, such as `https://polku.example.fi`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    origin: String,
    https: bool,
}

impl PublicUrl {
    /// Parses an `http://` or `https://` URL with a host and no path, query
    /// or fragment beyond `/`; the reason when it is not one.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let uri: axum::http::Uri = raw
            .trim()
            .parse()
            .map_err(|e| format!("{raw:?} is not a URL: {e}"))?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => return Err(format!("{raw:?} must start with https:// or http://")),
        };
        let authority = uri
            .authority()
            .ok_or_else(|| format!("{raw:?} has no host"))?;
        if authority.as_str().contains('@') {
            return Err(format!("{raw:?} must not hold a user name"));
        }
        let path_and_query = uri.path_and_query().map_or("/", |p| p.as_str());
        if path_and_query != "/" {
            return Err(format!(
                "{raw:?} must be the site's root, without a path (Polku serves from /)"
            ));
        }
        let scheme = if https { "https" } else { "http" };
        Ok(Self {
            origin: format!("{scheme}://{}", authority.as_str().to_lowercase()),
            https,
        })
    }

    /// The origin a browser sends in `Origin`, e.g. `https://polku.example.fi`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Whether the site is served over HTTPS.
    pub fn is_https(&self) -> bool {
        self.https
    }
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
            request_body_timeout: Duration::from_secs(30),
            max_connections: 2048,
            shutdown_grace: Duration::from_secs(10),
            public_url: None,
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
    /// Failed join attempt limits.
    pub join_limits: Arc<JoinLimits>,
    /// Notes and votes per participant.
    pub post_limits: Arc<PostLimits>,
}

impl AppState {
    /// State over `store` with `config`.
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self {
            store,
            config: Arc::new(config),
            login_limits: Arc::new(LoginLimits::default()),
            join_limits: Arc::new(JoinLimits::default()),
            post_limits: Arc::new(PostLimits::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_are_roots_over_http_or_https() {
        let url = PublicUrl::parse("https://Polku.Example.fi/").expect("valid");
        assert_eq!(url.origin(), "https://polku.example.fi");
        assert!(url.is_https());
        assert_eq!(
            PublicUrl::parse("http://127.0.0.1:8080")
                .expect("valid")
                .origin(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "polku.example.fi",
            "ftp://x.fi",
            "https://x.fi/polku",
            "https://u@x.fi",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
