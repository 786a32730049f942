//! The account page's API tokens: making one (shown once, on the page that
//! answers the form) and revoking one after a confirmation page of its own,
//! so it works without JavaScript. Another account's token is not found.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::tokens::{issue_token, revoke_token, token_of};
use polku_domain::{TokenId, TokenLifetime, TokenName, ValidationError};
use polku_store::{ApiToken, User};
use serde::Deserialize;

use super::account::{AccountView, NewToken, format_time, render_account};
use super::urls::{self, AccountNotice};
use crate::base::caller::SignedIn;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::render::render_page;
use crate::base::state::AppState;

#[derive(Deserialize)]
pub(super) struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    days: String,
}

/// `POST /account/tokens`: makes a token and shows its secret this once.
pub(super) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
    PageForm(form): PageForm<TokenForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let name = TokenName::parse(&form.name);
    let lifetime = TokenLifetime::parse(&form.days);
    let (name, lifetime) = match (name, lifetime) {
        (Ok(name), Ok(lifetime)) => (name, lifetime),
        (name, lifetime) => {
            let message = |e: ValidationError| AppError::from(e).message(t);
            let view = AccountView {
                token_name: form.name.clone(),
                token_days: lifetime.as_ref().ok().map(|l| l.days()),
                token_name_error: name.err().map(message),
                token_days_error: lifetime.err().map(message),
                ..AccountView::default()
            };
            return render_account(
                &state,
                chrome,
                &user,
                view,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let issued = issue_token(&state.store, &user, &name, lifetime).await?;
    let view = AccountView {
        new_token: Some(NewToken {
            message: t.with(
                "account-token-created",
                &[
                    ("name", issued.token.name.as_str()),
                    ("expires", &format_time(issued.token.expires_at)),
                ],
            ),
            secret: issued.secret,
        }),
        ..AccountView::default()
    };
    render_account(&state, chrome, &user, view, StatusCode::OK).await
}

#[derive(Template)]
#[template(path = "accounts/revoke_token.html")]
struct RevokeTokenPage {
    chrome: Chrome,
    intro: String,
    revoke_url: String,
}

/// The caller's token named in the path; 404 for any other.
async fn own_token(state: &AppState, user: &User, raw: &str) -> Result<ApiToken, AppError> {
    let id: TokenId = raw.parse().map_err(|_| AppError::not_found())?;
    Ok(token_of(&state.store, user, id).await?)
}

/// `GET /account/tokens/{token_id}/revoke`: asks before revoking.
pub(super) async fn confirm_revoke(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
    Path(token_id): Path<String>,
) -> Result<Response, AppError> {
    let token = own_token(&state, &user, &token_id).await?;
    let intro = chrome.t.with(
        "account-revoke-intro",
        &[
            ("name", token.name.as_str()),
            ("expires", &format_time(token.expires_at)),
        ],
    );
    let page = RevokeTokenPage {
        chrome,
        intro,
        revoke_url: urls::revoke_token(token.id),
    };
    Ok(render_page(StatusCode::OK, &page))
}

/// `POST /account/tokens/{token_id}/revoke`.
pub(super) async fn revoke(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(token_id): Path<String>,
) -> Result<Response, AppError> {
    let token = own_token(&state, &user, &token_id).await?;
    revoke_token(&state.store, &user, token.id).await?;
    Ok(Redirect::to(&urls::account_with_notice(AccountNotice::TokenRevoked)).into_response())
}
