//! URLs of this area's pages, built in one place for handlers and templates.

use polku_domain::{GroupId, PeriodId, PublicGroupId, SeriesId, WorkshopId, WorkspaceId};

/// The form for a new group of a workspace.
pub fn new_group(workspace: WorkspaceId) -> String {
    format!("/workspaces/{workspace}/groups/new")
}

/// Where the new-group form posts.
pub fn groups(workspace: WorkspaceId) -> String {
    format!("/workspaces/{workspace}/groups")
}

/// A group's page.
pub fn group(workspace: WorkspaceId, group: GroupId) -> String {
    format!("/workspaces/{workspace}/groups/{group}")
}

/// A group's page with a notice of what just happened.
pub fn group_with_notice(workspace: WorkspaceId, group: GroupId, notice: Notice) -> String {
    format!(
        "/workspaces/{workspace}/groups/{group}?notice={}",
        notice.as_str()
    )
}

/// A group's edit form (GET) and where it posts (POST).
pub fn edit_group(workspace: WorkspaceId, group: GroupId) -> String {
    format!("/workspaces/{workspace}/groups/{group}/edit")
}

/// The form for a new series of a group.
pub fn new_series(workspace: WorkspaceId, group: GroupId) -> String {
    format!("/workspaces/{workspace}/groups/{group}/series/new")
}

/// Where the new-series form posts.
pub fn all_series(workspace: WorkspaceId, group: GroupId) -> String {
    format!("/workspaces/{workspace}/groups/{group}/series")
}

/// A series' page (GET) and where its name-and-phase form posts (POST).
pub fn series(workspace: WorkspaceId, group: GroupId, series: SeriesId) -> String {
    format!("/workspaces/{workspace}/groups/{group}/series/{series}")
}

/// A series' page with a notice of what just happened.
pub fn series_with_notice(
    workspace: WorkspaceId,
    group: GroupId,
    id: SeriesId,
    notice: Notice,
) -> String {
    format!(
        "{}?notice={}",
        series(workspace, group, id),
        notice.as_str()
    )
}

/// Where a series' workshop form posts.
pub fn workshops(workspace: WorkspaceId, group: GroupId, id: SeriesId) -> String {
    format!("{}/workshops", series(workspace, group, id))
}

/// A workshop's remove page: it asks (GET) and removes (POST).
pub fn remove_workshop(
    workspace: WorkspaceId,
    group: GroupId,
    id: SeriesId,
    workshop: WorkshopId,
) -> String {
    format!("{}/{workshop}/remove", workshops(workspace, group, id))
}

/// A workshop's edit form (GET) and where it posts (POST).
pub fn edit_workshop(
    workspace: WorkspaceId,
    group: GroupId,
    id: SeriesId,
    workshop: WorkshopId,
) -> String {
    format!("{}/{workshop}/edit", workshops(workspace, group, id))
}

/// Where a series' data-collection period form posts.
pub fn periods(workspace: WorkspaceId, group: GroupId, id: SeriesId) -> String {
    format!("{}/periods", series(workspace, group, id))
}

/// A data-collection period's remove page: it asks (GET) and removes (POST).
pub fn remove_period(
    workspace: WorkspaceId,
    group: GroupId,
    id: SeriesId,
    period: PeriodId,
) -> String {
    format!("{}/{period}/remove", periods(workspace, group, id))
}

/// A series' close page: it asks (GET) and closes (POST).
pub fn close_series(workspace: WorkspaceId, group: GroupId, id: SeriesId) -> String {
    format!("{}/close", series(workspace, group, id))
}

/// Where a closed series' reopen button posts.
pub fn reopen_series(workspace: WorkspaceId, group: GroupId, id: SeriesId) -> String {
    format!("{}/reopen", series(workspace, group, id))
}

/// A series' calendar file.
pub fn calendar(workspace: WorkspaceId, group: GroupId, id: SeriesId) -> String {
    format!("{}/calendar.ics", series(workspace, group, id))
}

/// A group's public invitation page.
pub fn invite(public_id: &PublicGroupId) -> String {
    format!("/groups/{public_id}/invite")
}

/// What a redirect back to a group's or series' page reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A group was created.
    GroupCreated,
    /// A group was saved.
    GroupSaved,
    /// A series was created.
    SeriesCreated,
    /// A series was saved.
    SeriesSaved,
    /// A workshop was added.
    WorkshopAdded,
    /// A data-collection period was added.
    PeriodAdded,
    /// A workshop was removed.
    WorkshopRemoved,
    /// A workshop was saved.
    WorkshopSaved,
    /// A data-collection period was removed.
    PeriodRemoved,
    /// A series was closed.
    SeriesClosed,
    /// A series was reopened.
    SeriesReopened,
}

impl Notice {
    const ALL: [Notice; 11] = [
        Notice::GroupCreated,
        Notice::GroupSaved,
        Notice::SeriesCreated,
        Notice::SeriesSaved,
        Notice::WorkshopAdded,
        Notice::PeriodAdded,
        Notice::WorkshopRemoved,
        Notice::WorkshopSaved,
        Notice::PeriodRemoved,
        Notice::SeriesClosed,
        Notice::SeriesReopened,
    ];

    /// Its text in the URL.
    pub const fn as_str(self) -> &'static str {
        match self {
            Notice::GroupCreated => "created",
            Notice::GroupSaved => "saved",
            Notice::SeriesCreated => "series_created",
            Notice::SeriesSaved => "series_saved",
            Notice::WorkshopAdded => "workshop_added",
            Notice::PeriodAdded => "period_added",
            Notice::WorkshopRemoved => "workshop_removed",
            Notice::WorkshopSaved => "workshop_saved",
            Notice::PeriodRemoved => "period_removed",
            Notice::SeriesClosed => "series_closed",
            Notice::SeriesReopened => "series_reopened",
        }
    }

    /// The translation key of its message.
    pub const fn label_key(self) -> &'static str {
        match self {
            Notice::GroupCreated => "groups-notice-created",
            Notice::GroupSaved => "groups-notice-saved",
            Notice::SeriesCreated => "series-notice-created",
            Notice::SeriesSaved => "series-notice-saved",
            Notice::WorkshopAdded => "series-notice-workshop",
            Notice::PeriodAdded => "series-notice-period",
            Notice::WorkshopRemoved => "series-notice-workshop-removed",
            Notice::WorkshopSaved => "series-notice-workshop-saved",
            Notice::PeriodRemoved => "series-notice-period-removed",
            Notice::SeriesClosed => "series-notice-closed",
            Notice::SeriesReopened => "series-notice-reopened",
        }
    }

    /// The notice named in a URL, if it is one.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.as_str() == raw)
    }
}
