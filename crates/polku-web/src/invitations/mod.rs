//! Invitations, the way into a workspace: owners and facilitators invite an
//! e-mail address and pass the link on; the invited person accepts (or first
//! logs in, or creates an account) on the invitation page.

mod api;
pub(crate) mod pages;
pub(crate) mod urls;

use axum::http::Method;
use axum::routing::{get, post};
use polku_domain::Role;
use utoipa_axum::routes;

use crate::base::access::Access;
use crate::base::route::Routes;

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    let facilitator = Access::Member(Role::Facilitator);
    routes
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/invitations",
            facilitator,
            get(pages::manage),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/invitations",
            facilitator,
            post(pages::create),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/invitations/{invitation_id}/withdraw",
            facilitator,
            get(pages::confirm_withdraw),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/invitations/{invitation_id}/withdraw",
            facilitator,
            post(pages::withdraw_invitation),
        )
        .page(
            Method::GET,
            "/invitations/{invitation_token}",
            Access::Anonymous,
            get(pages::show),
        )
        .page(
            Method::POST,
            "/invitations/{invitation_token}/accept",
            Access::SignedIn,
            post(pages::accept_invitation),
        )
        .page(
            Method::POST,
            "/invitations/{invitation_token}/signup",
            Access::Anonymous,
            post(pages::sign_up),
        )
        .api(facilitator, routes!(api::create_invitation))
        .api(facilitator, routes!(api::list_invitations))
        .api(facilitator, routes!(api::withdraw_invitation))
        .api(Access::SignedIn, routes!(api::accept_invitation))
}
