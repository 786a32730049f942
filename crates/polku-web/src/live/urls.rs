//! Addresses of the live-session pages.

use polku_domain::{LiveSessionId, WorkspaceId};

/// The join page.
pub const JOIN: &str = "/join";

/// The join page with the code filled in (the QR code and the link).
pub fn join_with_code(code: &str) -> String {
    format!("{JOIN}?code={code}")
}

/// A session's event stream (the live.js follows it).
pub fn events(session: LiveSessionId) -> String {
    format!("/api/v1/sessions/{session}/events")
}

/// A code as a screen reader should say it: one character at a time
/// (`K 7 M 3 T P`), dashes left out.
pub fn spoken(code: &str) -> String {
    code.chars()
        .filter(|c| *c != '-')
        .map(String::from)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A participant's board.
pub fn board(session: LiveSessionId) -> String {
    format!("/live/{session}")
}

/// The workspace's live sessions (list and the form that opens one).
pub fn sessions(workspace: WorkspaceId) -> String {
    format!("/workspaces/{workspace}/live")
}

/// A facilitator's view of a session.
pub fn facilitate(workspace: WorkspaceId, session: LiveSessionId) -> String {
    format!("/workspaces/{workspace}/live/{session}")
}
