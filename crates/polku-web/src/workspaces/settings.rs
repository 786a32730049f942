//! A workspace's privacy settings (decision 0012): the smallest group any
//! figure shows and how long pseudonyms outlive a closed series. Owners
//! change them on a page (a plain form, errors beside the fields) or with
//! `PATCH /api/v1/workspaces/{id}/settings`; every member may read them.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::workspaces::change_privacy_settings;
use polku_domain::{
    ErrorCode, RetentionMonths, SmallGroupThreshold, ValidationError, WorkspaceSettings,
};
use polku_store::WorkspaceSettingsChange;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::urls;
use crate::base::access::WorkspaceAccess;
use crate::base::chrome::Chrome;
use crate::base::error::{AppError, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::{ApiJson, PageForm};
use crate::base::forms::{ErrorSummary, FormErrors, TextField};
use crate::base::render::render_page;
use crate::base::schema::WholeNumber;
use crate::base::state::AppState;

/// The id prefix of the form's fields.
const FORM: &str = "settings";

#[derive(Template)]
#[template(path = "workspaces/settings.html")]
struct SettingsPage {
    chrome: Chrome,
    workspace_name: String,
    home_url: String,
    action: String,
    notice: Option<String>,
    fields: Vec<TextField>,
    error_summary: ErrorSummary,
}

/// What the form holds: the stored values, or what the owner typed.
#[derive(Deserialize, Default)]
pub(super) struct SettingsForm {
    #[serde(default)]
    small_group_threshold: String,
    #[serde(default)]
    retention_months: String,
}

impl SettingsForm {
    fn stored(settings: WorkspaceSettings) -> Self {
        Self {
            small_group_threshold: settings.small_group_threshold.to_string(),
            retention_months: settings.retention_months.to_string(),
        }
    }
}

fn render(
    chrome: Chrome,
    access: &WorkspaceAccess,
    form: SettingsForm,
    errors: &FormErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Response {
    let t = chrome.t;
    let workspace = access.workspace.id;
    let fields = vec![
        TextField::new(
            FORM,
            "small_group_threshold",
            t.get("settings-threshold-label"),
            form.small_group_threshold,
            errors,
        )
        .hint(t.get("settings-threshold-hint"))
        .kind("number", 2)
        .required(),
        TextField::new(
            FORM,
            "retention_months",
            t.get("settings-retention-label"),
            form.retention_months,
            errors,
        )
        .hint(t.get("settings-retention-hint"))
        .kind("number", 2)
        .required(),
    ];
    let page = SettingsPage {
        workspace_name: access.workspace.name.as_str().to_owned(),
        home_url: urls::home(workspace),
        action: urls::settings(workspace),
        notice,
        fields,
        error_summary: errors.summary(FORM),
        chrome,
    };
    render_page(status, &page)
}

#[derive(Deserialize)]
pub(super) struct SettingsQuery {
    notice: Option<String>,
}

/// `GET /workspaces/{workspace_id}/settings` (owners).
pub(super) async fn page(
    chrome: Chrome,
    access: WorkspaceAccess,
    Query(query): Query<SettingsQuery>,
) -> Response {
    let notice = (query.notice.as_deref() == Some(urls::SETTINGS_SAVED))
        .then(|| chrome.t.get("settings-saved"));
    let form = SettingsForm::stored(access.workspace.settings);
    render(
        chrome,
        &access,
        form,
        &FormErrors::default(),
        notice,
        StatusCode::OK,
    )
}

/// `POST /workspaces/{workspace_id}/settings` (owners): saves both
/// settings, or shows the form again with what was typed and each error
/// beside its field.
pub(super) async fn save(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
    PageForm(form): PageForm<SettingsForm>,
) -> Result<Response, AppError> {
    let threshold = SmallGroupThreshold::parse(&form.small_group_threshold);
    let months = RetentionMonths::parse(&form.retention_months);
    match (threshold, months) {
        (Ok(threshold), Ok(months)) => {
            let change = WorkspaceSettingsChange {
                small_group_threshold: Some(threshold),
                retention_months: Some(months),
            };
            change_privacy_settings(&state.store, access.workspace.id, access.user.id, &change)
                .await?;
            Ok(Redirect::to(&urls::settings_saved(access.workspace.id)).into_response())
        }
        (threshold, months) => {
            let errors: Vec<_> = [threshold.err(), months.err()]
                .into_iter()
                .flatten()
                .collect();
            let errors = FormErrors::from_validation(&errors, chrome.t);
            Ok(render(
                chrome,
                &access,
                form,
                &errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    }
}

/// A workspace's privacy settings as the API shows them.
#[derive(Serialize, ToSchema)]
pub struct SettingsResponse {
    /// The smallest group a figure shows as a number (3 to 20); a smaller
    /// one shows as `"<N"`, e.g. in votes by perspective.
    #[schema(minimum = 3, maximum = 20)]
    pub small_group_threshold: u32,
    /// Months after a workshop series closes (or a session outside any
    /// series closes) that its participants' nicknames, tokens and return
    /// codes are erased (1 to 60); notes and votes are kept.
    #[schema(minimum = 1, maximum = 60)]
    pub retention_months: u32,
}

impl From<WorkspaceSettings> for SettingsResponse {
    fn from(settings: WorkspaceSettings) -> Self {
        Self {
            small_group_threshold: settings.small_group_threshold.get(),
            retention_months: settings.retention_months.get(),
        }
    }
}

/// Body of `PATCH .../settings`: the settings to change; one left out
/// stays as it is.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSettingsRequest {
    /// The smallest group shown as a number.
    #[serde(default)]
    #[schema(value_type = Option<i64>, minimum = 3, maximum = 20)]
    pub small_group_threshold: Option<WholeNumber>,
    /// The retention period in months.
    #[serde(default)]
    #[schema(value_type = Option<i64>, minimum = 1, maximum = 60)]
    pub retention_months: Option<WholeNumber>,
}

/// The workspace's privacy settings (every member).
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/settings",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses(
        (status = 200, description = "The settings", body = SettingsResponse),
        WorkspaceErrors,
    )
)]
pub async fn get_workspace_settings(access: WorkspaceAccess) -> Json<SettingsResponse> {
    Json(access.workspace.settings.into())
}

/// Changes the workspace's privacy settings (owners only).
#[utoipa::path(
    patch,
    path = "/api/v1/workspaces/{workspace_id}/settings",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = UpdateSettingsRequest,
    responses(
        (status = 200, description = "The settings after the change", body = SettingsResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn update_workspace_settings(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    ApiJson(body): ApiJson<UpdateSettingsRequest>,
) -> Result<Json<SettingsResponse>, AppError> {
    let change = WorkspaceSettingsChange {
        small_group_threshold: body
            .small_group_threshold
            .map(|n| {
                n.get()
                    .ok_or(ValidationError::new(
                        "small_group_threshold",
                        ErrorCode::InvalidSmallGroupThreshold,
                    ))
                    .and_then(SmallGroupThreshold::new)
            })
            .transpose()?,
        retention_months: body
            .retention_months
            .map(|n| {
                n.get()
                    .ok_or(ValidationError::new(
                        "retention_months",
                        ErrorCode::InvalidRetentionMonths,
                    ))
                    .and_then(RetentionMonths::new)
            })
            .transpose()?,
    };
    let settings =
        change_privacy_settings(&state.store, access.workspace.id, access.user.id, &change).await?;
    Ok(Json(settings.into()))
}
