-- The same person across a workspace's workshops: a pseudonym (nickname and
-- perspective) reached again with a return code, kept only as a hash. A
-- participant of a session may belong to one. Times are Unix epoch ms.
CREATE TABLE live_pseudonyms (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL UNIQUE,
    nickname TEXT NOT NULL,
    perspective TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX live_pseudonyms_workspace ON live_pseudonyms (workspace_id);
ALTER TABLE live_participants ADD COLUMN pseudonym_id TEXT REFERENCES live_pseudonyms (id) ON DELETE SET NULL;
