//! Server-rendered pages. Every page works as plain HTML forms without
//! JavaScript; the route table below is the single list the router is built
//! from, so the authorisation test walks exactly what is served.

mod accessibility;
mod login;
mod workspaces;

use axum::Router;
use axum::extract::{ConnectInfo, Form, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};
use polku_domain::Language;
use serde::de::DeserializeOwned;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use crate::auth::MaybeSignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;

/// Who may reach a page route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone.
    Public,
    /// Any signed-in account.
    SignedIn,
    /// A member of the workspace in the path (or an admin).
    Workspace,
}

/// One page route: its method, path template and who may reach it.
#[derive(Debug, Clone)]
pub struct PageRoute {
    /// HTTP method.
    pub method: Method,
    /// Path template with `{workspace_id}`-style parameters.
    pub path: &'static str,
    /// Who may reach it.
    pub access: Access,
}

fn table() -> Vec<(PageRoute, MethodRouter<AppState>)> {
    use Access::{Public, SignedIn, Workspace};
    let route = |method: Method, path: &'static str, access: Access| PageRoute {
        method,
        path,
        access,
    };
    vec![
        (route(Method::GET, "/", Public), get(front)),
        (route(Method::GET, "/login", Public), get(login::show)),
        (route(Method::POST, "/login", Public), post(login::submit)),
        (route(Method::POST, "/logout", Public), post(login::logout)),
        (
            route(Method::GET, "/accessibility", Public),
            get(accessibility::show),
        ),
        (
            route(Method::GET, "/assets/polku.css", Public),
            get(stylesheet),
        ),
        (
            route(Method::GET, "/workspaces", SignedIn),
            get(workspaces::list),
        ),
        (
            route(Method::POST, "/workspaces", SignedIn),
            post(workspaces::create),
        ),
        (
            route(Method::GET, "/workspaces/{workspace_id}", Workspace),
            get(workspaces::home),
        ),
        (
            route(
                Method::POST,
                "/workspaces/{workspace_id}/members",
                Workspace,
            ),
            post(workspaces::add_member),
        ),
        (
            route(
                Method::POST,
                "/workspaces/{workspace_id}/members/{user_id}/remove",
                Workspace,
            ),
            post(workspaces::remove_member),
        ),
    ]
}

/// Every page route, for tests that walk them all.
pub fn routes() -> Vec<PageRoute> {
    table().into_iter().map(|(route, _)| route).collect()
}

/// The page router, built from the route table.
pub fn router() -> Router<AppState> {
    table()
        .into_iter()
        .fold(Router::new(), |router, (route, handler)| {
            router.route(route.path, handler)
        })
}

async fn front(MaybeSignedIn(user): MaybeSignedIn) -> Redirect {
    Redirect::to(if user.is_some() {
        "/workspaces"
    } else {
        "/login"
    })
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/polku.css"),
    )
        .into_response()
}

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

/// What every page's frame needs: language, translations, switcher, user.
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

impl FromRequestParts<AppState> for Chrome {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
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

/// The client's address, for rate limits; unspecified when unknown.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip()),
        ))
    }
}

/// A form body whose rejections are [`AppError`]s.
pub struct PageForm<T>(pub T);

impl<S, T> FromRequest<S> for PageForm<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Form::<T>::from_request(request, state).await {
            Ok(Form(value)) => Ok(PageForm(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(
                AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ),
            Err(_) => Err(AppError::new(StatusCode::BAD_REQUEST, "invalid_form")),
        }
    }
}

/// Percent-encodes a URL component.
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Renders an askama page into a response with `status`.
pub fn render_page<T: askama::Template>(status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(html) => (status, axum::response::Html(html)).into_response(),
        Err(e) => AppError::internal(e).into_response(),
    }
}
