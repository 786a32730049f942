//! What every page's frame needs: language, translations, the language
//! switcher and the signed-in user's name.

use axum::extract::FromRequestParts;
use axum::http::header::{HOST, REFERER};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, Uri};
use polku_app::Tr;
use polku_domain::Language;

use super::caller::MaybeSignedIn;

/// A link in the language switcher.
#[derive(Debug, Clone)]
pub struct LanguageLink {
    /// `fi`, `sv` or `en`.
    pub code: &'static str,
    /// The language's own name.
    pub name: &'static str,
    /// The current page in that language.
    pub href: String,
    /// Whether it is the language shown now.
    pub current: bool,
}

/// The frame of a page: language, translator, switcher, user.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// The page language.
    pub lang: Language,
    /// Translator into it.
    pub t: Tr,
    /// Language switcher links.
    pub languages: Vec<LanguageLink>,
    /// The signed-in user's name, if any.
    pub user_name: Option<String>,
}

/// The path of the page a request shows, for the language switcher's links:
/// a GET shows its own path, normalised so that no link can leave the site
/// (`//evil.example/` becomes `/evil.example`); a form POST shows the page
/// the form was on (its same-site `Referer`), else the front page, since
/// its own path answers only POST.
pub fn page_path(method: &Method, uri: &Uri, headers: &HeaderMap) -> String {
    if method == Method::GET || method == Method::HEAD {
        return normalise_path(uri.path());
    }
    let host = headers.get(HOST).and_then(|h| h.to_str().ok());
    headers
        .get(REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.parse::<Uri>().ok())
        .filter(|r| r.authority().map(|a| a.as_str()) == host && host.is_some())
        .map_or_else(|| "/".to_owned(), |r| normalise_path(r.path()))
}

/// `raw` as a path on this site: one leading slash, no empty segments, and
/// backslashes (which browsers read as slashes) escaped.
pub fn normalise_path(raw: &str) -> String {
    let segments: Vec<String> = raw
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| s.replace('\\', "%5C"))
        .collect();
    format!("/{}", segments.join("/"))
}

impl Chrome {
    /// The frame for a page at `path` (see [`page_path`]) in `lang`.
    pub fn new(lang: Language, path: &str, user_name: Option<String>) -> Self {
        let languages = Language::ALL
            .iter()
            .map(|&l| LanguageLink {
                code: l.code(),
                name: l.endonym(),
                href: format!("{path}?lang={}", l.code()),
                current: l == lang,
            })
            .collect();
        Self {
            lang,
            t: Tr::new(lang),
            languages,
            user_name,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Chrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let lang = parts
            .extensions
            .get::<Language>()
            .copied()
            .unwrap_or_default();
        let MaybeSignedIn(user) = MaybeSignedIn::from_request_parts(parts, state).await?;
        Ok(Chrome::new(
            lang,
            &page_path(&parts.method, &parts.uri, &parts.headers),
            user.map(|u| u.name.as_str().to_owned()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str) -> String {
        page_path(&Method::GET, &path.parse().expect("uri"), &HeaderMap::new())
    }

    #[test]
    fn switcher_links_never_leave_the_site() {
        assert_eq!(get("//evil.example/"), "/evil.example");
        assert_eq!(get("/\\evil.example"), "/%5Cevil.example");
        assert_eq!(get("/workspaces//x/"), "/workspaces/x");
        assert_eq!(get("/"), "/");
        let chrome = Chrome::new(Language::Fi, &get("//evil.example/"), None);
        assert!(
            chrome
                .languages
                .iter()
                .all(|l| l.href.starts_with("/evil.example?lang="))
        );
    }

    #[test]
    fn a_post_links_to_the_page_of_its_form() {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, "polku.example".parse().expect("host"));
        headers.insert(
            REFERER,
            "https://polku.example/workspaces/1?notice=x"
                .parse()
                .expect("referer"),
        );
        let uri: Uri = "/workspaces/1/members".parse().expect("uri");
        assert_eq!(page_path(&Method::POST, &uri, &headers), "/workspaces/1");
        headers.insert(REFERER, "https://evil.example/x".parse().expect("referer"));
        assert_eq!(page_path(&Method::POST, &uri, &headers), "/");
    }
}
