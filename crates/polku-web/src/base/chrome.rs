//! What every page's frame needs: language, translations, the language
//! switcher and the signed-in user's name.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
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

impl Chrome {
    /// The frame for a page at `path` in `lang`.
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
            parts.uri.path(),
            user.map(|u| u.name.as_str().to_owned()),
        ))
    }
}
