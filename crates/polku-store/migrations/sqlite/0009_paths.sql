-- Client profiles (anonymous composite personas) and their service paths:
-- stages in order, touchpoints in order within a stage, transitions between
-- touchpoints, and critical points on a touchpoint or a transition. A to-be
-- path is a copy of an as-is path; each copied row names its original
-- (copied_from), which is how the two are compared. `version` rises with
-- every change of a row, so an edit based on an older one is refused.
-- A live session may be editing one path together. Times are Unix epoch ms.
CREATE TABLE client_profiles (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    age_band TEXT NOT NULL,
    situation TEXT NOT NULL,
    work_ability TEXT NOT NULL,
    distance TEXT NOT NULL,
    languages TEXT NOT NULL,
    digital_skills TEXT NOT NULL,
    goals TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX client_profiles_workspace ON client_profiles (workspace_id);

CREATE TABLE service_paths (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    profile_id TEXT NOT NULL REFERENCES client_profiles (id) ON DELETE CASCADE,
    version TEXT NOT NULL CHECK (version IN ('as_is', 'to_be')),
    title TEXT NOT NULL,
    goal TEXT NOT NULL,
    based_on TEXT REFERENCES service_paths (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX service_paths_workspace ON service_paths (workspace_id);
CREATE INDEX service_paths_profile ON service_paths (profile_id);

CREATE TABLE path_stages (
    id TEXT PRIMARY KEY,
    path_id TEXT NOT NULL REFERENCES service_paths (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX path_stages_path ON path_stages (path_id, position);

CREATE TABLE touchpoints (
    id TEXT PRIMARY KEY,
    path_id TEXT NOT NULL REFERENCES service_paths (id) ON DELETE CASCADE,
    stage_id TEXT NOT NULL REFERENCES path_stages (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    service TEXT NOT NULL,
    provider TEXT NOT NULL,
    sector TEXT NOT NULL,
    channel TEXT NOT NULL,
    experience BIGINT CHECK (experience BETWEEN -2 AND 2),
    quote TEXT NOT NULL,
    backstage TEXT NOT NULL,
    version BIGINT NOT NULL,
    copied_from TEXT
);
CREATE INDEX touchpoints_path ON touchpoints (path_id);
CREATE INDEX touchpoints_stage ON touchpoints (stage_id, position);

CREATE TABLE path_transitions (
    id TEXT PRIMARY KEY,
    path_id TEXT NOT NULL REFERENCES service_paths (id) ON DELETE CASCADE,
    from_touchpoint TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE,
    to_touchpoint TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE,
    wait_days BIGINT CHECK (wait_days BETWEEN 0 AND 3650),
    distance_km BIGINT CHECK (distance_km BETWEEN 0 AND 2000),
    travel_mode TEXT,
    info_flow TEXT NOT NULL,
    responsible TEXT NOT NULL,
    version BIGINT NOT NULL,
    copied_from TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (from_touchpoint, to_touchpoint)
);
CREATE INDEX path_transitions_path ON path_transitions (path_id);

CREATE TABLE critical_points (
    id TEXT PRIMARY KEY,
    path_id TEXT NOT NULL REFERENCES service_paths (id) ON DELETE CASCADE,
    touchpoint_id TEXT REFERENCES touchpoints (id) ON DELETE CASCADE,
    transition_id TEXT REFERENCES path_transitions (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    evidence TEXT NOT NULL,
    drop_off_percent BIGINT CHECK (drop_off_percent BETWEEN 0 AND 100),
    copied_from TEXT,
    created_at BIGINT NOT NULL,
    CHECK ((touchpoint_id IS NULL) <> (transition_id IS NULL))
);
CREATE INDEX critical_points_path ON critical_points (path_id);

ALTER TABLE live_sessions ADD COLUMN path_id TEXT REFERENCES service_paths (id) ON DELETE SET NULL;
