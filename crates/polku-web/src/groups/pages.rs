//! A group's page (details, facilitators, ground rules, series) and the
//! forms that create and edit groups.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::Arg;
use polku_domain::{DevelopmentGroup, ErrorCode, GroupDetails, GroupInput, Member, Role, UserId};
use polku_store::StoreError;
use serde::Deserialize;

use super::in_path::GroupInPath;
use super::urls::{self, Notice};
use crate::base::access::WorkspaceAccess;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FormErrors, TextField, field_id};
use crate::base::render::render_page;
use crate::base::state::AppState;
use crate::workspaces::urls as workspace_urls;

/// The id prefix of the group form's fields.
const FORM: &str = "group";

/// The breadcrumb back to the workspace.
pub(super) struct Crumb {
    pub(super) name: String,
    pub(super) url: String,
}

impl Crumb {
    pub(super) fn of(access: &WorkspaceAccess) -> Self {
        Self {
            name: access.workspace.name.as_str().to_owned(),
            url: workspace_urls::home(access.workspace.id),
        }
    }
}

struct SeriesItem {
    name: String,
    url: String,
    phase: String,
    workshops: String,
    closed: bool,
}

#[derive(Template)]
#[template(path = "groups/show.html")]
struct GroupPage {
    chrome: Chrome,
    crumb: Crumb,
    name: String,
    area: String,
    description: String,
    facilitators: Vec<String>,
    rules: GroundRules,
    invite_url: String,
    can_edit: bool,
    edit_url: String,
    new_series_url: String,
    series: Vec<SeriesItem>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct NoticeQuery {
    notice: Option<String>,
}

impl NoticeQuery {
    /// The notice named in the query, as typed.
    pub(super) fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }
}

/// `GET /workspaces/{workspace_id}/groups/{group_id}`.
pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    GroupInPath { access, group }: GroupInPath,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let workspace = access.workspace.id;
    let members = state.store.list_members(workspace).await?;
    let mut series = Vec::new();
    for s in state.store.list_series(workspace, group.id).await? {
        let count = state
            .store
            .list_workshops(workspace, group.id, s.id)
            .await?
            .len();
        series.push(SeriesItem {
            name: s.name.as_str().to_owned(),
            url: urls::series(workspace, group.id, s.id),
            phase: t.get(s.phase.label_key()),
            workshops: t.with_args(
                "groups-workshop-count",
                &[("count", Arg::Count(count as u64))],
            ),
            closed: s.is_closed(),
        });
    }
    let d = &group.details;
    let page = GroupPage {
        crumb: Crumb::of(&access),
        name: d.name.get(chrome.lang).to_owned(),
        area: d.area.clone(),
        description: d.description.clone(),
        facilitators: facilitator_names(&members, &d.facilitators),
        rules: GroundRules::of(&group, t),
        invite_url: urls::invite(&group.public_id),
        can_edit: access.role >= Role::Facilitator,
        edit_url: urls::edit_group(workspace, group.id),
        new_series_url: urls::new_series(workspace, group.id),
        series,
        notice: query
            .notice
            .as_deref()
            .and_then(Notice::parse)
            .map(|n| t.get(n.label_key())),
        chrome,
    };
    Ok(render_page(StatusCode::OK, &page))
}

/// A group's ground rules as `templates/groups/ground_rules.html` shows
/// them: on the group's page, and on every page of its sessions.
pub(crate) struct GroundRules {
    /// One rule per line, as written.
    pub(crate) lines: Vec<String>,
    /// "Agreed on ..." when the date is known.
    pub(crate) agreed: Option<String>,
}

impl GroundRules {
    /// The ground rules of `group`, in `t`'s language.
    pub(crate) fn of(group: &DevelopmentGroup, t: polku_app::Tr) -> Self {
        let d = &group.details;
        Self {
            lines: d
                .ground_rules
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            agreed: d
                .ground_rules_agreed_on
                .map(|date| t.with("groups-rules-agreed", &[("date", &t.date(date))])),
        }
    }
}

/// The names of the members among `ids` who are still facilitators or
/// owners, in the members' order.
pub(super) fn facilitator_names(members: &[Member], ids: &[UserId]) -> Vec<String> {
    members
        .iter()
        .filter(|m| ids.contains(&m.user_id) && m.role >= Role::Facilitator)
        .map(|m| m.name.as_str().to_owned())
        .collect()
}

struct FacilitatorOption {
    id: String,
    value: String,
    name: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "groups/form.html")]
struct GroupFormPage {
    chrome: Chrome,
    crumb: Crumb,
    title: String,
    intro: Option<String>,
    action: String,
    submit: String,
    cancel_url: String,
    fields: Vec<TextField>,
    rule_fields: Vec<TextField>,
    facilitators: Vec<FacilitatorOption>,
    facilitators_error: Option<String>,
    facilitators_described_by: String,
    error_summary: ErrorSummary,
}

/// The group form as posted (checkboxes repeat the `facilitator` field,
/// which only a list of pairs reads).
#[derive(Default)]
pub(super) struct GroupForm {
    name_fi: String,
    name_sv: String,
    name_en: String,
    area: String,
    description: String,
    ground_rules: String,
    ground_rules_agreed_on: String,
    contact: String,
    facilitators: Vec<String>,
}

impl GroupForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = Self::default();
        for (name, value) in pairs {
            let slot = match name.as_str() {
                "name_fi" => &mut form.name_fi,
                "name_sv" => &mut form.name_sv,
                "name_en" => &mut form.name_en,
                "area" => &mut form.area,
                "description" => &mut form.description,
                "ground_rules" => &mut form.ground_rules,
                "ground_rules_agreed_on" => &mut form.ground_rules_agreed_on,
                "contact" => &mut form.contact,
                "facilitator" => {
                    form.facilitators.push(value);
                    continue;
                }
                _ => continue,
            };
            *slot = value;
        }
        form
    }

    fn input(&self) -> GroupInput {
        GroupInput {
            name_fi: self.name_fi.clone(),
            name_sv: self.name_sv.clone(),
            name_en: self.name_en.clone(),
            area: self.area.clone(),
            description: self.description.clone(),
            ground_rules: self.ground_rules.clone(),
            ground_rules_agreed_on: self.ground_rules_agreed_on.clone(),
            contact: self.contact.clone(),
            facilitators: self.facilitators.clone(),
        }
    }

    fn of(group: &DevelopmentGroup) -> Self {
        let d = &group.details;
        Self {
            name_fi: d.name.fi.clone(),
            name_sv: d.name.sv.clone().unwrap_or_default(),
            name_en: d.name.en.clone().unwrap_or_default(),
            area: d.area.clone(),
            description: d.description.clone(),
            ground_rules: d.ground_rules.clone(),
            ground_rules_agreed_on: d
                .ground_rules_agreed_on
                .map(|date| date.to_string())
                .unwrap_or_default(),
            contact: d.contact.clone(),
            facilitators: d.facilitators.iter().map(UserId::to_string).collect(),
        }
    }
}

/// Whether the form is for a new group or an existing one.
enum Editing<'a> {
    New,
    Existing(&'a DevelopmentGroup),
}

async fn render_form(
    state: &AppState,
    chrome: Chrome,
    access: &WorkspaceAccess,
    editing: Editing<'_>,
    form: &GroupForm,
    errors: &FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let workspace = access.workspace.id;
    let members = state.store.list_members(workspace).await?;
    let field = |name: &'static str, key: &str, value: &str| {
        TextField::new(FORM, name, t.get(key), value.to_owned(), errors)
    };
    let fields = vec![
        field("name_fi", "groups-field-name_fi", &form.name_fi).required(),
        field("name_sv", "groups-field-name_sv", &form.name_sv),
        field("name_en", "groups-field-name_en", &form.name_en),
        field("area", "groups-field-area", &form.area).hint(t.get("groups-field-area-hint")),
        field("description", "groups-field-description", &form.description)
            .hint(t.get("groups-field-description-hint"))
            .kind("textarea", GroupDetails::DESCRIPTION_MAX),
    ];
    let rule_fields = vec![
        field(
            "ground_rules",
            "groups-field-ground_rules",
            &form.ground_rules,
        )
        .hint(t.get("groups-field-ground_rules-hint"))
        .kind("textarea", GroupDetails::RULES_MAX),
        field(
            "ground_rules_agreed_on",
            "groups-field-ground_rules_agreed_on",
            &form.ground_rules_agreed_on,
        )
        .hint(t.get("groups-field-date-hint"))
        .kind("date", 10),
        field("contact", "groups-field-contact", &form.contact)
            .hint(t.get("groups-field-contact-hint"))
            .kind("textarea", GroupDetails::CONTACT_MAX),
    ];
    let facilitators: Vec<FacilitatorOption> = members
        .iter()
        .filter(|m| m.role >= Role::Facilitator)
        .enumerate()
        .map(|(i, m)| FacilitatorOption {
            // The first box carries the field's id, so the summary's link
            // lands on it.
            id: if i == 0 {
                field_id(FORM, "facilitators")
            } else {
                format!("{}-{i}", field_id(FORM, "facilitators"))
            },
            value: m.user_id.to_string(),
            name: m.name.as_str().to_owned(),
            checked: form.facilitators.contains(&m.user_id.to_string()),
        })
        .collect();
    let facilitators_error = errors.get("facilitators").map(str::to_owned);
    let id = field_id(FORM, "facilitators");
    let facilitators_described_by = if facilitators_error.is_some() {
        format!("{id}-error {id}-hint")
    } else {
        format!("{id}-hint")
    };
    let (title, intro, action, submit, cancel_url) = match editing {
        Editing::New => (
            t.get("groups-new-title"),
            Some(t.get("groups-new-intro")),
            urls::groups(workspace),
            t.get("groups-create-submit"),
            workspace_urls::home(workspace),
        ),
        Editing::Existing(group) => (
            t.with(
                "groups-edit-title",
                &[("name", group.details.name.get(chrome.lang))],
            ),
            None,
            urls::edit_group(workspace, group.id),
            t.get("groups-save-submit"),
            urls::group(workspace, group.id),
        ),
    };
    let page = GroupFormPage {
        crumb: Crumb::of(access),
        title,
        intro,
        action,
        submit,
        cancel_url,
        fields,
        rule_fields,
        facilitators,
        facilitators_error,
        facilitators_described_by,
        error_summary: errors.summary(FORM),
        chrome,
    };
    Ok(render_page(status, &page))
}

/// `GET /workspaces/{workspace_id}/groups/new`.
pub(super) async fn new(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
) -> Result<Response, AppError> {
    // The creator facilitates the new group unless they untick the box.
    let form = GroupForm {
        facilitators: vec![access.user.id.to_string()],
        ..GroupForm::default()
    };
    render_form(
        &state,
        chrome,
        &access,
        Editing::New,
        &form,
        &FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// Why a group's details were refused, as form errors; other failures pass.
fn refusal(error: StoreError, t: polku_app::Tr) -> Result<FormErrors, AppError> {
    match error {
        StoreError::Conflict(ErrorCode::NotAFacilitator) => Ok(FormErrors::one(
            "facilitators",
            t.error(ErrorCode::NotAFacilitator),
        )),
        other => Err(other.into()),
    }
}

/// `POST /workspaces/{workspace_id}/groups`.
pub(super) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    access: WorkspaceAccess,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = GroupForm::from_pairs(pairs);
    let t = chrome.t;
    let errors = match GroupDetails::parse(&form.input()) {
        Ok(details) => match state
            .store
            .create_group(access.workspace.id, &details)
            .await
        {
            Ok(group) => {
                let url =
                    urls::group_with_notice(access.workspace.id, group.id, Notice::GroupCreated);
                return Ok(Redirect::to(&url).into_response());
            }
            Err(e) => refusal(e, t)?,
        },
        Err(errors) => FormErrors::from_validation(&errors, t),
    };
    render_form(
        &state,
        chrome,
        &access,
        Editing::New,
        &form,
        &errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// `GET /workspaces/{workspace_id}/groups/{group_id}/edit`.
pub(super) async fn edit(
    State(state): State<AppState>,
    chrome: Chrome,
    GroupInPath { access, group }: GroupInPath,
) -> Result<Response, AppError> {
    render_form(
        &state,
        chrome,
        &access,
        Editing::Existing(&group),
        &GroupForm::of(&group),
        &FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /workspaces/{workspace_id}/groups/{group_id}/edit`.
pub(super) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    GroupInPath { access, group }: GroupInPath,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = GroupForm::from_pairs(pairs);
    let t = chrome.t;
    let workspace = access.workspace.id;
    let errors = match GroupDetails::parse(&form.input()) {
        Ok(details) => match state
            .store
            .update_group(workspace, group.id, &details)
            .await
        {
            Ok(_) => {
                let url = urls::group_with_notice(workspace, group.id, Notice::GroupSaved);
                return Ok(Redirect::to(&url).into_response());
            }
            Err(e) => refusal(e, t)?,
        },
        Err(errors) => FormErrors::from_validation(&errors, t),
    };
    render_form(
        &state,
        chrome,
        &access,
        Editing::Existing(&group),
        &form,
        &errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
