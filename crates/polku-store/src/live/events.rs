//! Writing and reading a session's numbered events.

use polku_domain::LiveSessionId;
use polku_domain::live::{LiveEvent, LiveEventKind};

use crate::rows::parse_column;
use crate::{Store, StoreError, from_millis, with_pool};

/// Appends an event inside a write transaction `$tx` of `$store`: raises the
/// session's `last_seq` (locking its row until commit), stores the event
/// under the new number and, on PostgreSQL, queues a notification that is
/// sent at commit. Gives the [`LiveEvent`] to publish after the commit;
/// `Err(NotFound)` when the session does not exist.
macro_rules! append_event {
    ($store:expr, $tx:ident, $session:expr, $kind:expr, $payload:expr, $now:expr) => {{
        let session: polku_domain::LiveSessionId = $session;
        let kind: polku_domain::live::LiveEventKind = $kind;
        let payload: String = $payload;
        let now: i64 = $now;
        let seq: i64 = sqlx::query_scalar(
            "UPDATE live_sessions SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq",
        )
        .bind(session.to_string())
        .fetch_optional(&mut *$tx)
        .await?
        .ok_or($crate::StoreError::NotFound)?;
        sqlx::query(
            "INSERT INTO live_events (session_id, seq, kind, payload, at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(session.to_string())
        .bind(seq)
        .bind(kind.as_str())
        .bind(&payload)
        .bind(now)
        .execute(&mut *$tx)
        .await?;
        if $store.is_postgres() {
            sqlx::query("SELECT pg_notify('polku_events', $1)")
                .bind(format!("{session}:{seq}"))
                .execute(&mut *$tx)
                .await?;
        }
        polku_domain::live::LiveEvent {
            session_id: session,
            seq,
            kind,
            payload,
            at: $crate::from_millis(now),
        }
    }};
}
pub(crate) use append_event;

type EventRow = (i64, String, String, i64);

fn into_event(
    session: LiveSessionId,
    (seq, kind, payload, at): EventRow,
) -> Result<LiveEvent, StoreError> {
    let kind: LiveEventKind = kind
        .parse()
        .map_err(|()| StoreError::Corrupt(format!("live_events.kind = {kind:?}")))?;
    Ok(LiveEvent {
        session_id: session,
        seq,
        kind,
        payload,
        at: from_millis(at),
    })
}

impl Store {
    /// The session's events numbered above `after`, oldest first, at most
    /// `limit` of them.
    pub async fn live_events_after(
        &self,
        session: LiveSessionId,
        after: i64,
        limit: u32,
    ) -> Result<Vec<LiveEvent>, StoreError> {
        let rows: Vec<EventRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT seq, kind, payload, at FROM live_events \
                 WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            )
            .bind(session.to_string())
            .bind(after)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|row| into_event(session, row))
            .collect()
    }

    /// The session's event number `seq`, if stored.
    pub(crate) async fn live_event(
        &self,
        session: LiveSessionId,
        seq: i64,
    ) -> Result<Option<LiveEvent>, StoreError> {
        let row: Option<EventRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT seq, kind, payload, at FROM live_events WHERE session_id = $1 AND seq = $2",
            )
            .bind(session.to_string())
            .bind(seq)
            .fetch_optional(pool)
            .await
        })?;
        row.map(|row| into_event(session, row)).transpose()
    }

    /// The number of the session's last event.
    pub(crate) async fn live_last_seq(&self, session: LiveSessionId) -> Result<i64, StoreError> {
        let seq: Option<i64> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT last_seq FROM live_sessions WHERE id = $1")
                .bind(session.to_string())
                .fetch_optional(pool)
                .await
        })?;
        seq.ok_or(StoreError::NotFound)
    }
}

/// Reads a stored session id back.
pub(crate) fn session_id(raw: &str) -> Result<LiveSessionId, StoreError> {
    parse_column(raw, "live_sessions.id")
}
