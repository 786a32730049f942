//! The choice of language per request (translations themselves are
//! `polku_app::Tr`).
//!
//! Order of choice, as the contract says: `?lang=`, then the saved cookie, then
//! `Accept-Language`, then Finnish. A `?lang=` choice is saved in a cookie.

use axum::extract::Request;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use polku_domain::Language;

/// The cookie that remembers a `?lang=` choice.
pub const LANG_COOKIE: &str = "polku_lang";

/// Picks the language for a request from its query, cookie and headers.
pub fn negotiate(query: Option<&str>, headers: &HeaderMap) -> (Language, bool) {
    if let Some(lang) = query.and_then(query_lang) {
        return (lang, true);
    }
    if let Some(lang) = cookie_value(headers, LANG_COOKIE).and_then(|v| Language::from_tag(&v)) {
        return (lang, false);
    }
    let accepted = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(best_accepted);
    (accepted.unwrap_or_default(), false)
}

fn query_lang(query: &str) -> Option<Language> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "lang")
        .and_then(|(_, value)| Language::from_tag(value))
}

/// The supported language with the highest `q` in an `Accept-Language` header.
fn best_accepted(header: &str) -> Option<Language> {
    let mut best: Option<(Language, f32)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let Some(lang) = parts.next().and_then(Language::from_tag) else {
            continue;
        };
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        if q > 0.0 && best.is_none_or(|(_, bq)| q > bq) {
            best = Some((lang, q));
        }
    }
    best.map(|(lang, _)| lang)
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_owned())
}

/// Middleware: decides the request's language, stores it as an extension and
/// saves a `?lang=` choice in a cookie for a year.
pub async fn choose_language(mut request: Request, next: Next) -> Response {
    let (language, chosen) = negotiate(request.uri().query(), request.headers());
    request.extensions_mut().insert(language);
    let mut response = next.run(request).await;
    if chosen {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            language.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn query_beats_cookie_beats_accept_language() {
        let h = headers(&[("cookie", "polku_lang=en"), ("accept-language", "sv")]);
        assert_eq!(negotiate(Some("lang=sv"), &h), (Language::Sv, true));
        assert_eq!(negotiate(None, &h), (Language::En, false));
        let h = headers(&[("accept-language", "de, sv-FI;q=0.8, en;q=0.5")]);
        assert_eq!(negotiate(None, &h), (Language::Sv, false));
        assert_eq!(negotiate(None, &HeaderMap::new()), (Language::Fi, false));
    }

    #[test]
    fn unknown_choices_fall_through() {
        let h = headers(&[("accept-language", "en;q=0.2, fi;q=0.9")]);
        assert_eq!(negotiate(Some("lang=xx"), &h), (Language::Fi, false));
    }
}
