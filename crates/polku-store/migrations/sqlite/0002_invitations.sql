-- Invitations into workspaces (stored by the hash of their token) and the
-- audit trail of membership. Times are Unix epoch milliseconds.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'facilitator', 'viewer')),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    accepted_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    withdrawn_at BIGINT
);
CREATE INDEX invitations_workspace ON invitations (workspace_id, created_at);

-- `id` only orders events written in the same millisecond.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL CHECK (action IN ('invitation_created', 'invitation_withdrawn',
        'invitation_accepted', 'member_removed', 'role_changed')),
    target TEXT NOT NULL,
    role TEXT CHECK (role IN ('owner', 'facilitator', 'viewer'))
);
CREATE INDEX audit_events_workspace ON audit_events (workspace_id, at);
