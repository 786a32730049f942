//! A group's workshop series: the new-series form, a series' page with its
//! workshops, agendas and data-collection periods and the forms that add
//! them (hidden while the series is closed, when the page offers to reopen
//! it), its calendar file, and what the pages under a series share: the
//! breadcrumb trail, the closed-series refusal and the redirect back.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::groups::{SeriesCalendar, series_calendar};
use polku_app::{Arg, Tr};
use polku_domain::{ErrorCode, NewCollectionPeriod, Phase, Role, SeriesName};
use serde::Deserialize;

use super::in_path::{GroupInPath, SeriesInPath};
use super::pages::{Crumb, NoticeQuery};
use super::urls::{self, Notice};
use super::workshop_form::{
    self, MethodHelp, SelectOption, WorkshopFields, WorkshopForm, method_help,
};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FormErrors, TextField, field_id};
use crate::base::render::render_page;
use crate::base::state::AppState;

fn phase_options(t: Tr, chosen: &str) -> Vec<SelectOption> {
    Phase::ALL
        .iter()
        .map(|p| SelectOption {
            value: p.as_str(),
            label: t.get(p.label_key()),
            selected: p.as_str() == chosen,
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub(super) struct SeriesForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    phase: String,
}

impl SeriesForm {
    fn parse(&self) -> Result<(SeriesName, Phase), ValidationErrors> {
        let name = SeriesName::parse(&self.name);
        let phase = self.phase.parse::<Phase>();
        match (name, phase) {
            (Ok(name), Ok(phase)) => Ok((name, phase)),
            (name, phase) => Err([name.err(), phase.err()].into_iter().flatten().collect()),
        }
    }
}

/// The errors of a form's fields, as the domain reports them.
type ValidationErrors = Vec<polku_domain::ValidationError>;

/// The name-and-phase fields of a series form.
struct SeriesFields {
    name: TextField,
    phase_id: String,
    phase_error: Option<String>,
    phases: Vec<SelectOption>,
}

impl SeriesFields {
    fn new(t: Tr, form: &SeriesForm, errors: &FormErrors) -> Self {
        Self {
            name: TextField::new(
                "series",
                "name",
                t.get("series-field-name"),
                form.name.clone(),
                errors,
            )
            .required(),
            phase_id: field_id("series", "phase"),
            phase_error: errors.get("phase").map(str::to_owned),
            phases: phase_options(t, &form.phase),
        }
    }
}

#[derive(Template)]
#[template(path = "groups/series_new.html")]
struct NewSeriesPage {
    chrome: Chrome,
    crumb: Crumb,
    group_name: String,
    group_url: String,
    action: String,
    fields: SeriesFields,
    error_summary: ErrorSummary,
}

fn render_new(
    chrome: Chrome,
    path: &GroupInPath,
    form: &SeriesForm,
    errors: &FormErrors,
    status: StatusCode,
) -> Response {
    let workspace = path.access.workspace.id;
    let page = NewSeriesPage {
        crumb: Crumb::of(&path.access),
        group_name: path.group.details.name.get(chrome.lang).to_owned(),
        group_url: urls::group(workspace, path.group.id),
        action: urls::all_series(workspace, path.group.id),
        fields: SeriesFields::new(chrome.t, form, errors),
        error_summary: errors.summary("series"),
        chrome,
    };
    render_page(status, &page)
}

/// `GET .../groups/{group_id}/series/new`.
pub(super) async fn new(chrome: Chrome, path: GroupInPath) -> Response {
    let form = SeriesForm {
        phase: Phase::InitialCoaching.as_str().to_owned(),
        ..SeriesForm::default()
    };
    render_new(chrome, &path, &form, &FormErrors::default(), StatusCode::OK)
}

/// `POST .../groups/{group_id}/series`.
pub(super) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    path: GroupInPath,
    PageForm(form): PageForm<SeriesForm>,
) -> Result<Response, AppError> {
    match form.parse() {
        Ok((name, phase)) => {
            let workspace = path.access.workspace.id;
            let series = state
                .store
                .create_series(workspace, path.group.id, &name, phase)
                .await?;
            let url = urls::series_with_notice(
                workspace,
                path.group.id,
                series.id,
                Notice::SeriesCreated,
            );
            Ok(Redirect::to(&url).into_response())
        }
        Err(errors) => {
            let errors = FormErrors::from_validation(&errors, chrome.t);
            Ok(render_new(
                chrome,
                &path,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    }
}

struct AgendaLine {
    method: Option<String>,
    how: Option<String>,
    text: String,
}

struct WorkshopItem {
    /// The sessions page with this workshop chosen, to hold it live.
    live_url: String,
    /// Live sessions held for it: (facilitator view, title).
    held: Vec<(String, String)>,
    edit_url: String,
    remove_url: String,
    when: String,
    duration: String,
    place: String,
    agenda: Vec<AgendaLine>,
}

struct PeriodItem {
    remove_url: String,
    dates: String,
    what: String,
}

/// What the page says of a closed series, and where its reopen form posts.
struct Closed {
    since: String,
    erasure: String,
    reopen_action: String,
}

#[derive(Template)]
#[template(path = "groups/series.html")]
struct SeriesPage {
    chrome: Chrome,
    crumb: Crumb,
    group_name: String,
    group_url: String,
    name: String,
    phase: String,
    notice: Option<String>,
    can_edit: bool,
    closed: Option<Closed>,
    close_url: String,
    calendar_url: String,
    workshops: Vec<WorkshopItem>,
    periods: Vec<PeriodItem>,
    series_action: String,
    series_fields: SeriesFields,
    workshop_action: String,
    workshop_form: WorkshopFields,
    period_action: String,
    period_fields: Vec<TextField>,
    methods: Vec<MethodHelp>,
    error_summary: ErrorSummary,
}

/// Which of the series page's forms failed, with what was typed.
#[derive(Default)]
struct Failed {
    series: Option<(SeriesForm, FormErrors)>,
    workshop: Option<(WorkshopForm, FormErrors)>,
    period: Option<(HashMap<String, String>, FormErrors)>,
}

async fn render_series(
    state: &AppState,
    chrome: Chrome,
    path: &SeriesInPath,
    notice: Option<String>,
    failed: Failed,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let SeriesInPath {
        access,
        group,
        series,
    } = path;
    let workspace = access.workspace.id;
    let workshops = state
        .store
        .list_workshops(workspace, group.id, series.id)
        .await?;
    let periods = state
        .store
        .list_collection_periods(workspace, group.id, series.id)
        .await?;
    let mut held = Vec::new();
    for w in &workshops {
        let sessions = state
            .store
            .live_sessions_of_workshop(workspace, w.id)
            .await?;
        held.push(
            sessions
                .into_iter()
                .map(|s| {
                    (
                        crate::live::urls::facilitate(workspace, s.id),
                        s.title.as_str().to_owned(),
                    )
                })
                .collect::<Vec<_>>(),
        );
    }
    let workshops = workshops
        .iter()
        .zip(held)
        .map(|(w, held)| WorkshopItem {
            live_url: format!(
                "{}?workshop={}",
                crate::live::urls::sessions(workspace),
                w.id
            ),
            held,
            edit_url: urls::edit_workshop(workspace, group.id, series.id, w.id),
            remove_url: urls::remove_workshop(workspace, group.id, series.id, w.id),
            when: t.date_time(w.details.starts_at),
            duration: t.with_args(
                "series-workshop-duration",
                &[("minutes", Arg::Count(u64::from(w.details.duration_minutes)))],
            ),
            place: w.details.place.clone(),
            agenda: w
                .details
                .agenda
                .iter()
                .map(|item| AgendaLine {
                    method: item.method.map(|m| t.get(m.label_key())),
                    how: item.method.map(|m| t.get(m.instructions_key())),
                    text: item.text.clone(),
                })
                .collect(),
        })
        .collect();
    let periods = periods
        .iter()
        .map(|p| PeriodItem {
            remove_url: urls::remove_period(workspace, group.id, series.id, p.id),
            dates: format!(
                "{} – {}",
                t.date(p.details.starts_on),
                t.date(p.details.ends_on)
            ),
            what: p.details.what.clone(),
        })
        .collect();
    let status = if failed.series.is_some() || failed.workshop.is_some() || failed.period.is_some()
    {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut error_summary = ErrorSummary::default();
    let (series_form, series_errors) = failed.series.unwrap_or_else(|| {
        (
            SeriesForm {
                name: series.name.as_str().to_owned(),
                phase: series.phase.as_str().to_owned(),
            },
            FormErrors::default(),
        )
    });
    error_summary
        .items
        .extend(series_errors.summary("series").items);
    let (workshop_form, workshop_errors) = failed.workshop.unwrap_or_default();
    error_summary
        .items
        .extend(workshop_errors.summary(workshop_form::FORM).items);
    let (typed, period_errors) = failed.period.unwrap_or_default();
    error_summary
        .items
        .extend(period_errors.summary("period").items);
    let value = |name: &str| typed.get(name).cloned().unwrap_or_default();
    let field = |name: &'static str, key: &str, value: String| {
        TextField::new("period", name, t.get(key), value, &period_errors)
    };
    let period_fields = vec![
        field("starts_on", "series-field-starts_on", value("starts_on"))
            .hint(t.get("groups-field-date-hint"))
            .kind("date", 10)
            .required(),
        field("ends_on", "series-field-ends_on", value("ends_on"))
            .hint(t.get("groups-field-date-hint"))
            .kind("date", 10)
            .required(),
        field("what", "series-field-what", value("what"))
            .kind("textarea", NewCollectionPeriod::WHAT_MAX)
            .required(),
    ];
    let closed = match series.closed_at {
        Some(at) => {
            let months = state.store.series_retention_months(workspace).await?;
            Some(Closed {
                since: t.with("series-closed-since", &[("date", &t.date_time(at))]),
                erasure: t.with_args(
                    "series-closed-erasure",
                    &[("months", Arg::Count(u64::from(months)))],
                ),
                reopen_action: urls::reopen_series(workspace, group.id, series.id),
            })
        }
        None => None,
    };
    let page = SeriesPage {
        crumb: Crumb::of(access),
        group_name: group.details.name.get(chrome.lang).to_owned(),
        group_url: urls::group(workspace, group.id),
        name: series.name.as_str().to_owned(),
        phase: t.get(series.phase.label_key()),
        notice,
        can_edit: access.role >= Role::Facilitator,
        closed,
        close_url: urls::close_series(workspace, group.id, series.id),
        calendar_url: urls::calendar(workspace, group.id, series.id),
        workshops,
        periods,
        series_action: urls::series(workspace, group.id, series.id),
        series_fields: SeriesFields::new(t, &series_form, &series_errors),
        workshop_action: urls::workshops(workspace, group.id, series.id),
        workshop_form: WorkshopFields::new(t, &workshop_form, &workshop_errors),
        period_action: urls::periods(workspace, group.id, series.id),
        period_fields,
        methods: method_help(t),
        error_summary,
        chrome,
    };
    Ok(render_page(status, &page))
}

/// `GET .../series/{series_id}`.
pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    path: SeriesInPath,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let notice = query
        .notice()
        .and_then(Notice::parse)
        .map(|n| chrome.t.get(n.label_key()));
    render_series(&state, chrome, &path, notice, Failed::default()).await
}

/// `POST .../series/{series_id}`: renames the series or moves it to
/// another phase.
pub(super) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    path: SeriesInPath,
    PageForm(form): PageForm<SeriesForm>,
) -> Result<Response, AppError> {
    match form.parse() {
        Ok((name, phase)) => {
            state
                .store
                .update_series(
                    path.access.workspace.id,
                    path.group.id,
                    path.series.id,
                    &name,
                    phase,
                )
                .await?;
            Ok(back(&path, Notice::SeriesSaved))
        }
        Err(errors) => {
            let errors = FormErrors::from_validation(&errors, chrome.t);
            let failed = Failed {
                series: Some((form, errors)),
                ..Failed::default()
            };
            render_series(&state, chrome, &path, None, failed).await
        }
    }
}

/// `POST .../series/{series_id}/workshops`.
pub(super) async fn add_workshop(
    State(state): State<AppState>,
    chrome: Chrome,
    path: SeriesInPath,
    PageForm(values): PageForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let form = WorkshopForm::typed(values);
    match form.parse() {
        Ok(workshop) => {
            state
                .store
                .add_workshop(
                    path.access.workspace.id,
                    path.group.id,
                    path.series.id,
                    &workshop,
                )
                .await?;
            Ok(back(&path, Notice::WorkshopAdded))
        }
        Err(errors) => {
            let errors = FormErrors::from_validation(&errors, chrome.t);
            let failed = Failed {
                workshop: Some((form, errors)),
                ..Failed::default()
            };
            render_series(&state, chrome, &path, None, failed).await
        }
    }
}

/// `POST .../series/{series_id}/periods`.
pub(super) async fn add_period(
    State(state): State<AppState>,
    chrome: Chrome,
    path: SeriesInPath,
    PageForm(form): PageForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let get = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    match NewCollectionPeriod::parse(get("starts_on"), get("ends_on"), get("what")) {
        Ok(period) => {
            state
                .store
                .add_collection_period(
                    path.access.workspace.id,
                    path.group.id,
                    path.series.id,
                    &period,
                )
                .await?;
            Ok(back(&path, Notice::PeriodAdded))
        }
        Err(errors) => {
            let errors = FormErrors::from_validation(&errors, chrome.t);
            let failed = Failed {
                period: Some((form, errors)),
                ..Failed::default()
            };
            render_series(&state, chrome, &path, None, failed).await
        }
    }
}

/// `GET .../series/{series_id}/calendar.ics`: the series' workshops as a
/// calendar file, in the reader's language.
pub(super) async fn calendar(
    State(state): State<AppState>,
    chrome: Chrome,
    path: SeriesInPath,
) -> Result<Response, AppError> {
    let workshops = state
        .store
        .list_workshops(path.access.workspace.id, path.group.id, path.series.id)
        .await?;
    let ics = series_calendar(
        SeriesCalendar {
            group: path.group.details.name.get(chrome.lang),
            series: path.series.name.as_str(),
            workshops: &workshops,
        },
        chrome.t,
    );
    Ok((
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"polku-{}.ics\"", path.series.id),
            ),
        ],
        ics,
    )
        .into_response())
}

/// The way back up from a page under a series: workspace, group, series.
pub(super) struct SeriesTrail {
    pub(super) workspace_name: String,
    pub(super) workspace_url: String,
    pub(super) group_name: String,
    pub(super) group_url: String,
    pub(super) series_name: String,
    pub(super) series_url: String,
}

impl SeriesTrail {
    /// The trail to the series of `path`, in `chrome`'s language.
    pub(super) fn of(path: &SeriesInPath, chrome: &Chrome) -> Self {
        let workspace = path.access.workspace.id;
        Self {
            workspace_name: path.access.workspace.name.as_str().to_owned(),
            workspace_url: crate::workspaces::urls::home(workspace),
            group_name: path.group.details.name.get(chrome.lang).to_owned(),
            group_url: urls::group(workspace, path.group.id),
            series_name: path.series.name.as_str().to_owned(),
            series_url: urls::series(workspace, path.group.id, path.series.id),
        }
    }
}

/// What a page that changes a series shows while the series is closed:
/// 409 and the reason in its error summary; else 200 and no summary.
pub(super) fn closed_summary(path: &SeriesInPath, chrome: &Chrome) -> (StatusCode, ErrorSummary) {
    if path.series.is_closed() {
        (
            StatusCode::CONFLICT,
            ErrorSummary::one(None, chrome.t.error(ErrorCode::SeriesClosed)),
        )
    } else {
        (StatusCode::OK, ErrorSummary::default())
    }
}

/// A redirect to the series' page with `notice`.
pub(super) fn back(path: &SeriesInPath, notice: Notice) -> Response {
    let url = urls::series_with_notice(
        path.access.workspace.id,
        path.group.id,
        path.series.id,
        notice,
    );
    Redirect::to(&url).into_response()
}
