//! The signed-in user's own page, `/account`: name, password, "log out
//! everywhere" and API tokens. Each form posts to its own route and comes
//! back here, with its error beside its field or a notice on success.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, LOCATION, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::accounts::{
    AccountError, PasswordChange, PasswordChangeError, change_name, change_password,
    end_all_sessions,
};
use polku_app::credentials::secret_hash;
use polku_app::security_log::SecurityEvent;
use polku_app::{Arg, Tr};
use polku_domain::{ErrorCode, TokenLifetime};
use polku_store::{ApiToken, User};
use serde::Deserialize;
use time::OffsetDateTime;

use super::urls::{self, AccountNotice, LoginNotice};
use crate::base::caller::{ClientAddr, SignedIn};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::ErrorSummary;
use crate::base::language::cookie_value;
use crate::base::render::render_page;
use crate::base::session::{SESSION_COOKIE, end_session, start_session};
use crate::base::state::AppState;

/// A row of the token table.
struct TokenItem {
    name: String,
    created: String,
    expires: String,
    expired: bool,
    last_used: String,
    revoke_url: String,
}

/// A choice in the token lifetime list.
struct DaysOption {
    days: u16,
    label: String,
    selected: bool,
}

/// A token just made, shown this once.
pub(super) struct NewToken {
    /// "Token X was made; valid until Y."
    pub(super) message: String,
    /// Its secret.
    pub(super) secret: String,
}

/// The errors of the password form, each beside its field.
#[derive(Default)]
pub(super) struct PasswordErrors {
    pub(super) current: Option<String>,
    pub(super) new: Option<String>,
    pub(super) again: Option<String>,
}

/// What the account page shows besides the stored data: what was typed into
/// a form that failed, its errors, a notice, a token just made.
#[derive(Default)]
pub(super) struct AccountView {
    pub(super) notice: Option<String>,
    pub(super) name: Option<String>,
    pub(super) name_error: Option<String>,
    pub(super) password: PasswordErrors,
    pub(super) token_name: String,
    pub(super) token_days: Option<u16>,
    pub(super) token_name_error: Option<String>,
    pub(super) token_days_error: Option<String>,
    pub(super) new_token: Option<NewToken>,
}

#[derive(Template)]
#[template(path = "accounts/account.html")]
struct AccountPage {
    chrome: Chrome,
    email: String,
    name: String,
    name_error: Option<String>,
    notice: Option<String>,
    password: PasswordErrors,
    error_summary: ErrorSummary,
    tokens: Vec<TokenItem>,
    token_name: String,
    token_name_error: Option<String>,
    token_days_error: Option<String>,
    days_options: Vec<DaysOption>,
    new_token: Option<NewToken>,
}

/// `2026-11-24 14:05 UTC`: unambiguous in every language.
pub(super) fn format_time(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute()
    )
}

fn token_item(t: Tr, token: &ApiToken, now: OffsetDateTime) -> TokenItem {
    TokenItem {
        name: token.name.as_str().to_owned(),
        created: format_time(token.created_at),
        expires: format_time(token.expires_at),
        expired: token.is_expired(now),
        last_used: token
            .last_used_at
            .map_or_else(|| t.get("account-token-never-used"), format_time),
        revoke_url: urls::revoke_token(token.id),
    }
}

/// "N days" in `lang`.
fn days_label(t: Tr, days: u16) -> String {
    t.with_args(
        "account-token-days-choice",
        &[("days", Arg::Count(days.into()))],
    )
}

/// Renders the account page for `user` with `view` and `status`.
pub(super) async fn render_account(
    state: &AppState,
    chrome: Chrome,
    user: &User,
    view: AccountView,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let now = OffsetDateTime::now_utc();
    let tokens = state
        .store
        .list_api_tokens(user.id)
        .await?
        .iter()
        .map(|token| token_item(t, token, now))
        .collect();
    let chosen = view.token_days.unwrap_or(TokenLifetime::DEFAULT.days());
    let days_options = TokenLifetime::CHOICES
        .iter()
        .map(|l| DaysOption {
            days: l.days(),
            label: days_label(t, l.days()),
            selected: l.days() == chosen,
        })
        .collect();
    let error_summary = ErrorSummary::of_fields([
        ("display-name", view.name_error.as_ref()),
        ("current-password", view.password.current.as_ref()),
        ("new-password", view.password.new.as_ref()),
        ("new-password-again", view.password.again.as_ref()),
        ("token-name", view.token_name_error.as_ref()),
        ("token-days", view.token_days_error.as_ref()),
    ]);
    let page = AccountPage {
        email: user.email.as_str().to_owned(),
        name: view.name.unwrap_or_else(|| user.name.as_str().to_owned()),
        name_error: view.name_error,
        notice: view.notice,
        error_summary,
        password: view.password,
        tokens,
        token_name: view.token_name,
        token_name_error: view.token_name_error,
        token_days_error: view.token_days_error,
        days_options,
        new_token: view.new_token,
        chrome,
    };
    let mut response = render_page(status, &page);
    // The page may hold a token's secret; no cache keeps it.
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(Deserialize)]
pub(super) struct AccountQuery {
    notice: Option<String>,
}

/// `GET /account`.
pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
    Query(query): Query<AccountQuery>,
) -> Result<Response, AppError> {
    let notice = query
        .notice
        .as_deref()
        .and_then(AccountNotice::parse)
        .map(|n| chrome.t.get(n.label_key()));
    let view = AccountView {
        notice,
        ..AccountView::default()
    };
    render_account(&state, chrome, &user, view, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct NameForm {
    #[serde(default)]
    name: String,
}

/// `POST /account/name`.
pub(super) async fn rename(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
    PageForm(form): PageForm<NameForm>,
) -> Result<Response, AppError> {
    match change_name(&state.store, &user, &form.name).await {
        Ok(_) => Ok(
            Redirect::to(&urls::account_with_notice(AccountNotice::NameChanged)).into_response(),
        ),
        Err(AccountError::Invalid(e)) => {
            let error = AppError::from(e);
            let view = AccountView {
                name: Some(form.name),
                name_error: Some(error.message(chrome.t)),
                ..AccountView::default()
            };
            render_account(&state, chrome, &user, view, error.status()).await
        }
        Err(AccountError::Store(e)) => Err(e.into()),
        Err(e) => Err(AppError::internal(e)),
    }
}

#[derive(Deserialize)]
pub(super) struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_again: String,
}

/// `POST /account/password`: the current password is checked under the
/// login rate limits; on success every other session ends and this one
/// gets a new id.
pub(super) async fn change_own_password(
    State(state): State<AppState>,
    chrome: Chrome,
    SignedIn(user): SignedIn,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    PageForm(form): PageForm<PasswordForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    if let Err(wait) = state.login_limits.check(user.email.as_str(), client) {
        SecurityEvent::LoginRateLimited {
            email: user.email.as_str(),
            client,
        }
        .record();
        let message = t.with_args(
            ErrorCode::LoginRateLimited.message_key(),
            &[("seconds", Arg::Count(wait))],
        );
        let view = AccountView {
            password: PasswordErrors {
                current: Some(message),
                ..PasswordErrors::default()
            },
            ..AccountView::default()
        };
        let mut response =
            render_account(&state, chrome, &user, view, StatusCode::TOO_MANY_REQUESTS).await?;
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(wait));
        return Ok(response);
    }
    let keep = cookie_value(&headers, SESSION_COOKIE).map(|secret| secret_hash(&secret));
    let change = PasswordChange {
        current: &form.current_password,
        new: &form.new_password,
        again: &form.new_password_again,
    };
    let errors = match change_password(&state.store, &user, change, keep.as_deref()).await {
        Ok(_) => {
            let cookie = start_session(&state.store, &headers, &user).await?;
            let mut response =
                Redirect::to(&urls::account_with_notice(AccountNotice::PasswordChanged))
                    .into_response();
            response.headers_mut().insert(SET_COOKIE, cookie);
            return Ok(response);
        }
        Err(PasswordChangeError::CurrentWrong) => PasswordErrors {
            current: Some(t.error(ErrorCode::CurrentPasswordWrong)),
            ..PasswordErrors::default()
        },
        Err(PasswordChangeError::Differ) => PasswordErrors {
            again: Some(t.error(ErrorCode::PasswordsDiffer)),
            ..PasswordErrors::default()
        },
        Err(PasswordChangeError::Weak(e)) => PasswordErrors {
            new: Some(t.error(e.code())),
            ..PasswordErrors::default()
        },
        Err(PasswordChangeError::Store(e)) => return Err(e.into()),
        Err(PasswordChangeError::Hash(e)) => return Err(AppError::internal(e)),
    };
    let view = AccountView {
        password: errors,
        ..AccountView::default()
    };
    render_account(
        &state,
        chrome,
        &user,
        view,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// `POST /account/sessions/end`: "log out everywhere", this browser too.
pub(super) async fn end_sessions(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    end_all_sessions(&state.store, &user).await?;
    let cookie = end_session(&state.store, &headers).await?;
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(SET_COOKIE, cookie);
    response.headers_mut().insert(
        LOCATION,
        HeaderValue::from_str(&urls::login_with_notice(LoginNotice::SignedOutEverywhere))
            .map_err(AppError::internal)?,
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_utc_to_the_minute() {
        let at = OffsetDateTime::from_unix_timestamp(1_795_000_000)
            .expect("valid")
            .to_offset(time::UtcOffset::from_hms(2, 0, 0).expect("valid"));
        assert_eq!(format_time(at), "2026-11-18 11:06 UTC");
    }
}
