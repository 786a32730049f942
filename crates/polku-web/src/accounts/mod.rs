//! Signing in and out of the pages, the user's own account page (name,
//! password, sessions, API tokens) and password reset links. (Accounts
//! themselves are made with `polku user add`; the use cases live in
//! `polku_app::{accounts, tokens, resets}`.)

mod account;
mod pages;
mod reset;
mod tokens;
mod urls;

use axum::http::Method;
use axum::routing::{get, post};

use crate::base::access::Access;
use crate::base::route::Routes;

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .page(
            Method::GET,
            urls::LOGIN,
            Access::Anonymous,
            get(pages::show),
        )
        .page(
            Method::POST,
            urls::LOGIN,
            Access::Anonymous,
            post(pages::submit),
        )
        .page(
            Method::POST,
            "/logout",
            Access::Anonymous,
            post(pages::logout),
        )
        .page(
            Method::GET,
            urls::ACCOUNT,
            Access::SignedIn,
            get(account::show),
        )
        .page(
            Method::POST,
            urls::NAME,
            Access::SignedIn,
            post(account::rename),
        )
        .page(
            Method::POST,
            urls::PASSWORD,
            Access::SignedIn,
            post(account::change_own_password),
        )
        .page(
            Method::POST,
            urls::END_SESSIONS,
            Access::SignedIn,
            post(account::end_sessions),
        )
        .page(
            Method::POST,
            urls::TOKENS,
            Access::SignedIn,
            post(tokens::create),
        )
        .page(
            Method::GET,
            urls::REVOKE_TOKEN,
            Access::SignedIn,
            get(tokens::confirm_revoke),
        )
        .page(
            Method::POST,
            urls::REVOKE_TOKEN,
            Access::SignedIn,
            post(tokens::revoke),
        )
        .page(
            Method::GET,
            urls::RESET,
            Access::Anonymous,
            get(reset::show),
        )
        .page(
            Method::POST,
            urls::RESET,
            Access::Anonymous,
            post(reset::submit),
        )
}
