//! The address for links people copy and pass on (an invitation link): the
//! public URL when it is set (`--public-url`), else the address the request
//! reached. Plain HTTP only on loopback hosts; anywhere else Polku runs
//! behind a TLS-terminating proxy that keeps the `Host` header (README), so
//! links use HTTPS.

use axum::extract::FromRequestParts;
use axum::http::header::HOST;
use axum::http::request::Parts;

use super::state::AppState;

/// `scheme://host[:port]` of the request, or empty (links stay relative) when
/// the `Host` header is missing or holds anything but a host name and port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkOrigin(pub String);

impl LinkOrigin {
    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

impl FromRequestParts<AppState> for LinkOrigin {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(public) = &state.config.public_url {
            return Ok(Self(public.origin().to_owned()));
        }
        let host = parts
            .headers
            .get(HOST)
            .and_then(|v| v.to_str().ok())
            .or_else(|| parts.uri.authority().map(|a| a.as_str()))
            .unwrap_or_default();
        Ok(Self(origin(host)))
    }
}

fn origin(host: &str) -> String {
    let plain = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    if !plain {
        return String::new();
    }
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    let loopback = name == "localhost" || name.starts_with("127.") || name == "::1";
    let scheme = if loopback { "http" } else { "https" };
    format!("{scheme}://{host}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_http_elsewhere_https_and_odd_hosts_give_relative_links() {
        assert_eq!(origin("127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(origin("localhost"), "http://localhost");
        assert_eq!(origin("[::1]:8080"), "http://[::1]:8080");
        assert_eq!(origin("polku.example.fi"), "https://polku.example.fi");
        assert_eq!(origin("evil.example/x?"), "");
        assert_eq!(origin("a@b"), "");
        assert_eq!(origin(""), "");
    }
}
