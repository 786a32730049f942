-- Development groups get what their facilitators write about them (area,
-- description, ground rules with the day they were agreed, a contact text),
-- facilitators, a public invitation page id, and workshop series with
-- workshops, agendas and data-collection periods. Times are Unix epoch
-- milliseconds; calendar days are ISO 8601 text (YYYY-MM-DD).
ALTER TABLE development_groups ADD COLUMN area TEXT NOT NULL DEFAULT '';
ALTER TABLE development_groups ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE development_groups ADD COLUMN ground_rules TEXT NOT NULL DEFAULT '';
ALTER TABLE development_groups ADD COLUMN ground_rules_agreed_on TEXT;
ALTER TABLE development_groups ADD COLUMN contact TEXT NOT NULL DEFAULT '';
-- 128 random bits as 32 hex digits, as the application makes them.
ALTER TABLE development_groups ADD COLUMN public_id TEXT;
UPDATE development_groups SET public_id = replace(gen_random_uuid()::TEXT, '-', '');
CREATE UNIQUE INDEX development_groups_public_id ON development_groups (public_id);

CREATE TABLE group_facilitators (
    group_id TEXT NOT NULL REFERENCES development_groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_facilitators_user ON group_facilitators (user_id);

CREATE TABLE workshop_series (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES development_groups (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('initial_coaching', 'current_state', 'primary_needs',
        'ideation', 'refining', 'pilots', 'evaluation')),
    created_at BIGINT NOT NULL
);
CREATE INDEX workshop_series_group ON workshop_series (group_id);

CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL REFERENCES workshop_series (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    place TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX workshops_series ON workshops (series_id, starts_at);

CREATE TABLE workshop_agenda_items (
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    method TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (workshop_id, position)
);

CREATE TABLE collection_periods (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL REFERENCES workshop_series (id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    what TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX collection_periods_series ON collection_periods (series_id, starts_on);
