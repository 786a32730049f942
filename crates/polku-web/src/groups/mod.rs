//! Development groups: a group's page, ground rules and facilitators, the
//! forms that create and edit groups, workshop series with workshops,
//! agendas, data-collection periods and calendar files, closing and
//! reopening a series, a group's public invitation page, and the groups
//! and series API.

mod api;
mod close;
mod in_path;
mod invite;
pub(crate) mod pages;
mod remove;
mod schedule_api;
mod series;
mod series_api;
pub(crate) mod urls;
mod workshop_form;
mod workshops;

use axum::http::Method;
use axum::routing::{get, post};
use polku_domain::Role;
use utoipa_axum::routes;

use crate::base::access::Access;
use crate::base::route::Routes;

const GROUP: &str = "/workspaces/{workspace_id}/groups/{group_id}";
const SERIES: &str = "/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}";
/// `SERIES` followed by `$rest`, as one literal.
macro_rules! series_path {
    ($rest:literal) => {
        concat!(
            "/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}",
            $rest
        )
    };
}

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    let viewer = Access::Member(Role::Viewer);
    let facilitator = Access::Member(Role::Facilitator);
    routes
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/groups/new",
            facilitator,
            get(pages::new),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups",
            facilitator,
            post(pages::create),
        )
        .page(Method::GET, GROUP, viewer, get(pages::show))
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/groups/{group_id}/edit",
            facilitator,
            get(pages::edit),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups/{group_id}/edit",
            facilitator,
            post(pages::update),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/groups/{group_id}/series/new",
            facilitator,
            get(series::new),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups/{group_id}/series",
            facilitator,
            post(series::create),
        )
        .page(Method::GET, SERIES, viewer, get(series::show))
        .page(Method::POST, SERIES, facilitator, post(series::update))
        .page(
            Method::POST,
            series_path!("/workshops"),
            facilitator,
            post(series::add_workshop),
        )
        .page(
            Method::POST,
            series_path!("/periods"),
            facilitator,
            post(series::add_period),
        )
        .page(
            Method::GET,
            series_path!("/calendar.ics"),
            viewer,
            get(series::calendar),
        )
        .page(
            Method::GET,
            series_path!("/workshops/{workshop_id}/edit"),
            facilitator,
            get(workshops::edit),
        )
        .page(
            Method::POST,
            series_path!("/workshops/{workshop_id}/edit"),
            facilitator,
            post(workshops::update),
        )
        .page(
            Method::GET,
            series_path!("/workshops/{workshop_id}/remove"),
            facilitator,
            get(remove::confirm_workshop),
        )
        .page(
            Method::POST,
            series_path!("/workshops/{workshop_id}/remove"),
            facilitator,
            post(remove::remove_workshop),
        )
        .page(
            Method::GET,
            series_path!("/periods/{period_id}/remove"),
            facilitator,
            get(remove::confirm_period),
        )
        .page(
            Method::POST,
            series_path!("/periods/{period_id}/remove"),
            facilitator,
            post(remove::remove_period),
        )
        .page(
            Method::GET,
            series_path!("/close"),
            facilitator,
            get(close::confirm),
        )
        .page(
            Method::POST,
            series_path!("/close"),
            facilitator,
            post(close::close),
        )
        .page(
            Method::POST,
            series_path!("/reopen"),
            facilitator,
            post(close::reopen),
        )
        .page(
            Method::GET,
            "/groups/{public_id}/invite",
            Access::Anonymous,
            get(invite::show),
        )
        .api(viewer, routes!(api::list_groups))
        .api(facilitator, routes!(api::create_group))
        .api(viewer, routes!(api::get_group))
        .api(facilitator, routes!(api::update_group))
        .api(viewer, routes!(series_api::list_series))
        .api(facilitator, routes!(series_api::create_series))
        .api(viewer, routes!(series_api::get_series))
        .api(facilitator, routes!(series_api::update_series))
        .api(facilitator, routes!(series_api::close_series))
        .api(facilitator, routes!(series_api::reopen_series))
        .api(facilitator, routes!(schedule_api::add_workshop))
        .api(facilitator, routes!(schedule_api::update_workshop))
        .api(facilitator, routes!(schedule_api::remove_workshop))
        .api(facilitator, routes!(schedule_api::add_period))
        .api(facilitator, routes!(schedule_api::remove_period))
}
