//! Development groups (kehittäjäryhmä): the people who work on one theme or area.

use serde::{Deserialize, Serialize};

use crate::{GroupId, LocalizedText, WorkspaceId};

/// A development group of a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevelopmentGroup {
    /// The group's id.
    pub id: GroupId,
    /// The workspace it belongs to.
    pub workspace_id: WorkspaceId,
    /// Its name in the three languages.
    pub name: LocalizedText,
}
