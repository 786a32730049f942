-- Facilitator controls of a live session: a timer kept as a server end time
-- (or, paused, the time left), and participants' "I'm ready" signals, which
-- a new step clears. Times are Unix epoch milliseconds.
ALTER TABLE live_sessions ADD COLUMN timer_ends_at BIGINT;
ALTER TABLE live_sessions ADD COLUMN timer_paused_left_ms BIGINT;
ALTER TABLE live_participants ADD COLUMN ready_at BIGINT;
