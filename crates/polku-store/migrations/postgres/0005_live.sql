-- Live workshop sessions: pseudonymous participants (known only by the hash
-- of their token), the board's themes and notes, dot votes, and the numbered
-- events every screen follows. Times are Unix epoch milliseconds.
CREATE TABLE live_sessions (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    join_code TEXT NOT NULL,
    is_open BOOLEAN NOT NULL,
    votes_revealed BOOLEAN NOT NULL,
    locked BOOLEAN NOT NULL,
    vote_budget BIGINT NOT NULL,
    votes_per_note BIGINT NOT NULL,
    step TEXT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    closed_at BIGINT,
    -- The number of the session's last event; raised in the transaction that
    -- writes the event, so numbers are gap-free in commit order.
    last_seq BIGINT NOT NULL
);
CREATE INDEX live_sessions_workspace ON live_sessions (workspace_id, created_at);
-- A code opens one open session at a time.
CREATE UNIQUE INDEX live_sessions_open_code ON live_sessions (join_code) WHERE is_open;

CREATE TABLE live_participants (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    nickname TEXT NOT NULL,
    perspective TEXT NOT NULL CHECK (perspective IN ('client', 'expert_by_experience',
        'professional', 'relative', 'ngo', 'manager', 'other')),
    joined_at BIGINT NOT NULL
);
CREATE INDEX live_participants_session ON live_participants (session_id);

CREATE TABLE live_themes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX live_themes_session ON live_themes (session_id);

CREATE TABLE live_notes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
    theme_id TEXT REFERENCES live_themes (id) ON DELETE SET NULL,
    participant_id TEXT REFERENCES live_participants (id) ON DELETE SET NULL,
    -- The facilitator who wrote it, or typed it in for someone (proxy).
    written_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    perspective TEXT,
    proxy BOOLEAN NOT NULL,
    body TEXT NOT NULL,
    hidden_reason TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX live_notes_session ON live_notes (session_id, created_at);

CREATE TABLE live_votes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
    note_id TEXT NOT NULL REFERENCES live_notes (id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES live_participants (id) ON DELETE CASCADE,
    proxy BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX live_votes_participant ON live_votes (participant_id);
CREATE INDEX live_votes_note ON live_votes (note_id);

CREATE TABLE live_events (
    session_id TEXT NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
