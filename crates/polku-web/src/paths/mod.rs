//! Client profiles and their service paths: the paths' stages, touchpoints,
//! transitions and critical points, and the API that edits them.

mod api;
mod api_in_path;
mod api_schema;
mod api_stages;
mod api_transitions;

use polku_domain::Role;
use utoipa_axum::routes;

use crate::base::access::Access;
use crate::base::route::Routes;

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    let viewer = Access::Member(Role::Viewer);
    let facilitator = Access::Member(Role::Facilitator);
    routes
        .api(viewer, routes!(api::list_profiles))
        .api(facilitator, routes!(api::create_profile))
        .api(viewer, routes!(api::get_profile))
        .api(facilitator, routes!(api::update_profile))
        .api(facilitator, routes!(api::delete_profile))
        .api(viewer, routes!(api::list_paths))
        .api(facilitator, routes!(api::create_path))
        .api(viewer, routes!(api::get_path))
        .api(facilitator, routes!(api::update_path))
        .api(facilitator, routes!(api::delete_path))
        .api(facilitator, routes!(api_stages::add_stage))
        .api(facilitator, routes!(api_stages::rename_stage))
        .api(facilitator, routes!(api_stages::move_stage))
        .api(facilitator, routes!(api_stages::delete_stage))
        .api(facilitator, routes!(api_stages::add_touchpoint))
        .api(facilitator, routes!(api_stages::update_touchpoint))
        .api(facilitator, routes!(api_stages::move_touchpoint))
        .api(facilitator, routes!(api_stages::delete_touchpoint))
        .api(facilitator, routes!(api_transitions::add_transition))
        .api(facilitator, routes!(api_transitions::update_transition))
        .api(facilitator, routes!(api_transitions::delete_transition))
        .api(facilitator, routes!(api_transitions::add_critical_point))
        .api(facilitator, routes!(api_transitions::update_critical_point))
        .api(facilitator, routes!(api_transitions::delete_critical_point))
}
