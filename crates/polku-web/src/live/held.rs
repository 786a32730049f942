//! What a session takes from the workshop it is held for: the group's
//! ground rules on every page of the session, and the workshops a
//! facilitator may open a session for.

use polku_app::Tr;
use polku_domain::WorkspaceId;
use polku_domain::live::LiveSession;
use polku_store::StoreError;

use crate::base::error::AppError;
use crate::base::state::AppState;
use crate::groups::pages::GroundRules;

/// The ground rules of the group whose workshop `session` is held for;
/// `None` for a session held for no workshop (or one since removed).
pub(super) async fn ground_rules(
    state: &AppState,
    session: &LiveSession,
    t: Tr,
) -> Result<Option<GroundRules>, AppError> {
    let Some(workshop) = session.workshop_id else {
        return Ok(None);
    };
    let held = match state
        .store
        .session_workshop(session.workspace_id, workshop)
        .await
    {
        Ok(held) => held,
        Err(StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let group = state
        .store
        .group(session.workspace_id, held.group_id)
        .await?;
    Ok(Some(GroundRules::of(&group, t)))
}

/// The workshops of running series a session can be held for, as (id,
/// "series: day") choices.
pub(super) async fn workshop_choices(
    state: &AppState,
    workspace: WorkspaceId,
    t: Tr,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(state
        .store
        .workshops_for_sessions(workspace)
        .await?
        .into_iter()
        .map(|w| {
            (
                w.id.to_string(),
                format!("{}: {}", w.series_name, t.date_time(w.starts_at)),
            )
        })
        .collect())
}
