-- Live sessions join the groups' workshop series, and workspaces get the
-- settings their privacy rules need.
--
-- * A workspace sets the smallest group any figure shows (smaller ones show
--   as "< N") and how many months after a series closes its participants'
--   pseudonyms and tokens are erased (notes and votes are kept).
-- * A series can be closed; a session may be held for a workshop of one,
--   and a return code then belongs to that series.
-- * A board has columns (the questions of the step), notes may be merged
--   into a duplicate, and an erased participant keeps only a perspective.
ALTER TABLE workspaces ADD COLUMN small_group_threshold BIGINT NOT NULL DEFAULT 5;
ALTER TABLE workspaces ADD COLUMN retention_months BIGINT NOT NULL DEFAULT 12;

ALTER TABLE workshop_series ADD COLUMN closed_at BIGINT;

ALTER TABLE live_sessions ADD COLUMN workshop_id TEXT REFERENCES workshops (id) ON DELETE SET NULL;
ALTER TABLE live_sessions ADD COLUMN series_id TEXT REFERENCES workshop_series (id) ON DELETE SET NULL;
CREATE INDEX live_sessions_workshop ON live_sessions (workshop_id);
CREATE INDEX live_sessions_series ON live_sessions (series_id);

ALTER TABLE live_pseudonyms ADD COLUMN series_id TEXT REFERENCES workshop_series (id) ON DELETE CASCADE;
CREATE INDEX live_pseudonyms_series ON live_pseudonyms (series_id);

ALTER TABLE live_participants ADD COLUMN erased_at BIGINT;

CREATE TABLE live_columns (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    prompt TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX live_columns_session ON live_columns (session_id, position);

ALTER TABLE live_notes ADD COLUMN column_id TEXT REFERENCES live_columns (id) ON DELETE SET NULL;
ALTER TABLE live_notes ADD COLUMN merged_into TEXT REFERENCES live_notes (id) ON DELETE SET NULL;
