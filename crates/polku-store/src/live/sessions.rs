//! Live sessions and their participants.

use std::sync::Arc;

use polku_domain::live::{
    ColumnPrompt, JoinCode, LiveEventKind, LiveSession, Nickname, Participant, Perspective,
    SessionTitle, Timer, TimerChange, VoteBudget,
};
use polku_domain::{
    ColumnId, ErrorCode, LiveSessionId, ParticipantId, UserId, WorkshopId, WorkspaceId,
};

use super::events::{append_event, session_id};
use crate::rows::{parse_column, validated};
use crate::{Store, StoreError, from_millis, now_millis, with_pool, write_tx};

/// What it takes to open a session.
#[derive(Debug, Clone)]
pub struct NewLiveSession<'a> {
    /// The workspace it belongs to.
    pub workspace: WorkspaceId,
    /// Its title.
    pub title: &'a SessionTitle,
    /// A fresh join code (a clash with another open session is `Conflict`).
    pub join_code: &'a JoinCode,
    /// The votes each participant gets.
    pub budget: VoteBudget,
    /// The facilitator opening it.
    pub created_by: UserId,
    /// The workshop it is held for, if any (of the same workspace).
    pub workshop: Option<WorkshopId>,
    /// The board's first columns, in order.
    pub columns: &'a [ColumnPrompt],
}

/// A change of a session's own state.
#[derive(Clone, Copy)]
enum SessionChange<'a> {
    Reveal,
    Close,
    Step(Option<&'a str>),
    Lock(bool),
}

/// `SELECT` of a session's columns; the statement goes on with `WHERE ...`.
macro_rules! select_sessions {
    ($rest:literal) => {
        concat!(
            "SELECT id, workspace_id, title, join_code, is_open, votes_revealed, locked, \
             vote_budget, votes_per_note, step, created_by, created_at, last_seq, \
             timer_ends_at, timer_paused_left_ms, workshop_id, series_id FROM live_sessions ",
            $rest
        )
    };
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: String,
    workspace_id: String,
    title: String,
    join_code: String,
    is_open: bool,
    votes_revealed: bool,
    locked: bool,
    vote_budget: i64,
    votes_per_note: i64,
    step: Option<String>,
    created_by: String,
    created_at: i64,
    last_seq: i64,
    timer_ends_at: Option<i64>,
    timer_paused_left_ms: Option<i64>,
    workshop_id: Option<String>,
    series_id: Option<String>,
}

impl SessionRow {
    fn into_session(self) -> Result<LiveSession, StoreError> {
        let count = |v: i64, column| {
            u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("{column} = {v}")))
        };
        Ok(LiveSession {
            id: session_id(&self.id)?,
            workspace_id: parse_column(&self.workspace_id, "live_sessions.workspace_id")?,
            title: validated(
                SessionTitle::parse(&self.title),
                "live_sessions.title",
                &self.title,
            )?,
            join_code: validated(
                JoinCode::parse(&self.join_code),
                "live_sessions.join_code",
                &self.join_code,
            )?,
            open: self.is_open,
            votes_revealed: self.votes_revealed,
            locked: self.locked,
            budget: VoteBudget {
                per_participant: count(self.vote_budget, "live_sessions.vote_budget")?,
                per_note: count(self.votes_per_note, "live_sessions.votes_per_note")?,
            },
            step: self.step,
            timer: match (self.timer_ends_at, self.timer_paused_left_ms) {
                (Some(ends_at), _) => Timer::Running {
                    ends_at: from_millis(ends_at),
                },
                (None, Some(left_ms)) => Timer::Paused { left_ms },
                (None, None) => Timer::Off,
            },
            workshop_id: self
                .workshop_id
                .map(|w| parse_column(&w, "live_sessions.workshop_id"))
                .transpose()?,
            series_id: self
                .series_id
                .map(|s| parse_column(&s, "live_sessions.series_id"))
                .transpose()?,
            created_by: parse_column(&self.created_by, "live_sessions.created_by")?,
            created_at: from_millis(self.created_at),
            last_seq: self.last_seq,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ParticipantRow {
    id: String,
    session_id: String,
    nickname: String,
    perspective: String,
    joined_at: i64,
}

impl ParticipantRow {
    fn into_participant(self) -> Result<Participant, StoreError> {
        Ok(Participant {
            id: parse_column(&self.id, "live_participants.id")?,
            session_id: session_id(&self.session_id)?,
            nickname: validated(
                Nickname::parse(&self.nickname),
                "live_participants.nickname",
                &self.nickname,
            )?,
            perspective: validated(
                self.perspective.parse::<Perspective>(),
                "live_participants.perspective",
                &self.perspective,
            )?,
            joined_at: from_millis(self.joined_at),
        })
    }
}

impl Store {
    /// Opens a live session with its first columns; `Conflict(Duplicate)`
    /// when another open session has the join code, `NotFound` for a
    /// workshop of another workspace.
    pub async fn create_live_session(
        &self,
        new: &NewLiveSession<'_>,
    ) -> Result<LiveSession, StoreError> {
        let id = LiveSessionId::new();
        let now = now_millis();
        write_tx!(self, tx => {
            let series: Option<String> = match new.workshop {
                None => None,
                Some(workshop) => Some(
                    sqlx::query_scalar(
                        "SELECT s.id FROM workshops w JOIN workshop_series s ON s.id = w.series_id \
                         JOIN development_groups g ON g.id = s.group_id \
                         WHERE w.id = $1 AND g.workspace_id = $2",
                    )
                    .bind(workshop.to_string())
                    .bind(new.workspace.to_string())
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StoreError::NotFound)?,
                ),
            };
            sqlx::query(
                "INSERT INTO live_sessions (id, workspace_id, title, join_code, is_open, votes_revealed, \
                 locked, vote_budget, votes_per_note, step, created_by, created_at, last_seq, \
                 workshop_id, series_id) \
                 VALUES ($1, $2, $3, $4, TRUE, FALSE, FALSE, $5, $6, NULL, $7, $8, 0, $9, $10)",
            )
            .bind(id.to_string())
            .bind(new.workspace.to_string())
            .bind(new.title.as_str())
            .bind(new.join_code.as_str())
            .bind(i64::from(new.budget.per_participant))
            .bind(i64::from(new.budget.per_note))
            .bind(new.created_by.to_string())
            .bind(now)
            .bind(new.workshop.map(|w| w.to_string()))
            .bind(series)
            .execute(&mut *tx)
            .await?;
            for (position, prompt) in new.columns.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO live_columns (id, session_id, position, prompt, created_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(ColumnId::new().to_string())
                .bind(id.to_string())
                .bind(i64::try_from(position).unwrap_or(i64::MAX))
                .bind(prompt.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
        });
        self.live_session(new.workspace, id).await
    }

    /// The sessions held for `workshop`, newest first.
    pub async fn live_sessions_of_workshop(
        &self,
        workspace: WorkspaceId,
        workshop: WorkshopId,
    ) -> Result<Vec<LiveSession>, StoreError> {
        let rows: Vec<SessionRow> = with_pool!(self, pool => {
            sqlx::query_as(select_sessions!(
                "WHERE workshop_id = $1 AND workspace_id = $2 ORDER BY created_at DESC, id"
            ))
            .bind(workshop.to_string())
            .bind(workspace.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(SessionRow::into_session).collect()
    }

    /// The session `id` of `workspace`.
    pub async fn live_session(
        &self,
        workspace: WorkspaceId,
        id: LiveSessionId,
    ) -> Result<LiveSession, StoreError> {
        let row: Option<SessionRow> = with_pool!(self, pool => {
            sqlx::query_as(select_sessions!("WHERE id = $1 AND workspace_id = $2"))
                .bind(id.to_string())
                .bind(workspace.to_string())
                .fetch_optional(pool)
                .await
        })?;
        row.ok_or(StoreError::NotFound)?.into_session()
    }

    /// The session `id`, whatever its workspace (for its participants).
    pub async fn live_session_by_id(&self, id: LiveSessionId) -> Result<LiveSession, StoreError> {
        let row: Option<SessionRow> = with_pool!(self, pool => {
            sqlx::query_as(select_sessions!("WHERE id = $1")).bind(id.to_string()).fetch_optional(pool).await
        })?;
        row.ok_or(StoreError::NotFound)?.into_session()
    }

    /// The open session with this join code.
    pub async fn open_live_session_by_code(
        &self,
        code: &JoinCode,
    ) -> Result<LiveSession, StoreError> {
        let row: Option<SessionRow> = with_pool!(self, pool => {
            sqlx::query_as(select_sessions!("WHERE join_code = $1 AND is_open")).bind(code.as_str()).fetch_optional(pool).await
        })?;
        row.ok_or(StoreError::NotFound)?.into_session()
    }

    /// The workspace's sessions, newest first.
    pub async fn list_live_sessions(
        &self,
        workspace: WorkspaceId,
    ) -> Result<Vec<LiveSession>, StoreError> {
        let rows: Vec<SessionRow> = with_pool!(self, pool => {
            sqlx::query_as(select_sessions!("WHERE workspace_id = $1 ORDER BY created_at DESC, id")).bind(workspace.to_string()).fetch_all(pool).await
        })?;
        rows.into_iter().map(SessionRow::into_session).collect()
    }

    /// Applies `change` to a session of `workspace` and records its event;
    /// `Err(NotFound)` for another workspace's session.
    async fn change_live_session(
        &self,
        workspace: WorkspaceId,
        id: LiveSessionId,
        change: SessionChange<'_>,
    ) -> Result<LiveSession, StoreError> {
        self.live_session(workspace, id).await?;
        let now = now_millis();
        let (kind, payload) = match change {
            SessionChange::Reveal => (LiveEventKind::VotesRevealed, "{}".to_owned()),
            SessionChange::Close => (LiveEventKind::SessionClosed, "{}".to_owned()),
            SessionChange::Step(step) => (
                LiveEventKind::StepChanged,
                serde_json::json!({ "step": step }).to_string(),
            ),
            SessionChange::Lock(locked) => (
                LiveEventKind::LockChanged,
                serde_json::json!({ "locked": locked }).to_string(),
            ),
        };
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, id, kind, payload, now);
            let id_text = id.to_string();
            match change {
                SessionChange::Reveal => {
                    sqlx::query("UPDATE live_sessions SET votes_revealed = TRUE WHERE id = $1")
                        .bind(&id_text)
                        .execute(&mut *tx)
                        .await?
                }
                SessionChange::Close => {
                    sqlx::query("UPDATE live_sessions SET is_open = FALSE, closed_at = $2 WHERE id = $1")
                        .bind(&id_text)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?
                }
                SessionChange::Lock(locked) => {
                    sqlx::query("UPDATE live_sessions SET locked = $2 WHERE id = $1")
                        .bind(&id_text)
                        .bind(locked)
                        .execute(&mut *tx)
                        .await?
                }
                SessionChange::Step(step) => {
                    // A new step asks everyone anew whether they are ready.
                    sqlx::query("UPDATE live_participants SET ready_at = NULL WHERE session_id = $1")
                        .bind(&id_text)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE live_sessions SET step = $2 WHERE id = $1")
                        .bind(&id_text)
                        .bind(step)
                        .execute(&mut *tx)
                        .await?
                }
            };
            event
        });
        self.hub.publish(Arc::new(event));
        self.live_session(workspace, id).await
    }

    /// Shows the votes to everyone.
    pub async fn reveal_live_votes(
        &self,
        workspace: WorkspaceId,
        id: LiveSessionId,
    ) -> Result<LiveSession, StoreError> {
        self.change_live_session(workspace, id, SessionChange::Reveal)
            .await
    }

    /// Closes the session: nobody joins or writes any more.
    pub async fn close_live_session(
        &self,
        workspace: WorkspaceId,
        id: LiveSessionId,
    ) -> Result<LiveSession, StoreError> {
        self.change_live_session(workspace, id, SessionChange::Close)
            .await
    }

    /// Locks the board (participants move only their own notes) or opens it
    /// to everyone's grouping.
    pub async fn set_live_lock(
        &self,
        workspace: WorkspaceId,
        id: LiveSessionId,
        locked: bool,
    ) -> Result<LiveSession, StoreError> {
        self.change_live_session(workspace, id, SessionChange::Lock(locked))
            .await
    }

    /// Sets the step every screen shows (`None` clears it).
    pub async fn set_live_step(
        &self,
        workspace: WorkspaceId,
        id: LiveSessionId,
        step: Option<&str>,
    ) -> Result<LiveSession, StoreError> {
        self.change_live_session(workspace, id, SessionChange::Step(step))
            .await
    }

    /// Changes the timer from its stored state at the server's clock.
    pub async fn change_live_timer(
        &self,
        workspace: WorkspaceId,
        id: LiveSessionId,
        change: TimerChange,
    ) -> Result<LiveSession, StoreError> {
        self.live_session(workspace, id).await?;
        let now = time::OffsetDateTime::now_utc();
        let event = write_tx!(self, tx => {
            // The lock first, then the state it protects.
            let mut event = append_event!(self, tx, id, LiveEventKind::TimerChanged, String::new(), crate::millis(now));
            let (ends_at, left): (Option<i64>, Option<i64>) = sqlx::query_as(
                "SELECT timer_ends_at, timer_paused_left_ms FROM live_sessions WHERE id = $1",
            )
            .bind(id.to_string())
            .fetch_one(&mut *tx)
            .await?;
            let current = match (ends_at, left) {
                (Some(ends_at), _) => Timer::Running { ends_at: from_millis(ends_at) },
                (None, Some(left_ms)) => Timer::Paused { left_ms },
                (None, None) => Timer::Off,
            };
            let next = current.apply(change, now);
            let (ends_at, left) = match next {
                Timer::Off => (None, None),
                Timer::Running { ends_at } => (Some(crate::millis(ends_at)), None),
                Timer::Paused { left_ms } => (None, Some(left_ms)),
            };
            sqlx::query("UPDATE live_sessions SET timer_ends_at = $2, timer_paused_left_ms = $3 WHERE id = $1")
                .bind(id.to_string())
                .bind(ends_at)
                .bind(left)
                .execute(&mut *tx)
                .await?;
            let payload = serde_json::json!({ "ends_at": ends_at, "paused_left_ms": left }).to_string();
            sqlx::query("UPDATE live_events SET payload = $3 WHERE session_id = $1 AND seq = $2")
                .bind(id.to_string())
                .bind(event.seq)
                .bind(&payload)
                .execute(&mut *tx)
                .await?;
            event.payload = payload;
            event
        });
        self.hub.publish(Arc::new(event));
        self.live_session(workspace, id).await
    }

    /// Marks `participant` ready for the current step (or not).
    pub async fn set_live_ready(
        &self,
        session: LiveSessionId,
        participant: ParticipantId,
        ready: bool,
    ) -> Result<(), StoreError> {
        let now = now_millis();
        let payload =
            serde_json::json!({ "participant_id": participant.to_string(), "ready": ready })
                .to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::ReadyChanged, payload, now);
            sqlx::query("UPDATE live_participants SET ready_at = $3 WHERE id = $1 AND session_id = $2")
                .bind(participant.to_string())
                .bind(session.to_string())
                .bind(ready.then_some(now))
                .execute(&mut *tx)
                .await?;
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(())
    }

    /// How many participants are ready, and how many there are.
    pub async fn live_ready_count(&self, session: LiveSessionId) -> Result<(u32, u32), StoreError> {
        let (ready, all): (i64, i64) = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT COALESCE(SUM(CASE WHEN ready_at IS NULL THEN 0 ELSE 1 END), 0), COUNT(*) \
                 FROM live_participants WHERE session_id = $1",
            )
            .bind(session.to_string())
            .fetch_one(pool)
            .await
        })?;
        Ok((
            u32::try_from(ready).unwrap_or(0),
            u32::try_from(all).unwrap_or(0),
        ))
    }

    /// Whether `participant` said they are ready for the current step.
    pub async fn live_is_ready(&self, participant: ParticipantId) -> Result<bool, StoreError> {
        let ready: Option<i64> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT ready_at FROM live_participants WHERE id = $1")
                .bind(participant.to_string())
                .fetch_optional(pool)
                .await
        })?
        .flatten();
        Ok(ready.is_some())
    }

    /// Adds a participant to an open session under the hash of their token;
    /// `Conflict(SessionClosed)` when it is closed.
    pub async fn join_live_session(
        &self,
        session: LiveSessionId,
        token_hash: &str,
        nickname: &Nickname,
        perspective: Perspective,
    ) -> Result<Participant, StoreError> {
        let id = ParticipantId::new();
        let now = now_millis();
        let payload = serde_json::json!({
            "participant_id": id.to_string(),
            "nickname": nickname.as_str(),
            "perspective": perspective.as_str(),
        })
        .to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::ParticipantJoined, payload, now);
            let open: bool = sqlx::query_scalar("SELECT is_open FROM live_sessions WHERE id = $1")
                .bind(session.to_string())
                .fetch_one(&mut *tx)
                .await?;
            if !open {
                return Err(StoreError::Conflict(ErrorCode::SessionClosed));
            }
            sqlx::query(
                "INSERT INTO live_participants (id, session_id, token_hash, nickname, perspective, joined_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id.to_string())
            .bind(session.to_string())
            .bind(token_hash)
            .bind(nickname.as_str())
            .bind(perspective.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(Participant {
            id,
            session_id: session,
            nickname: nickname.clone(),
            perspective,
            joined_at: from_millis(now),
        })
    }

    /// The participant whose token has this hash.
    pub async fn live_participant_by_token(
        &self,
        token_hash: &str,
    ) -> Result<Participant, StoreError> {
        let row: Option<ParticipantRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, session_id, nickname, perspective, joined_at FROM live_participants \
                 WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await
        })?;
        row.ok_or(StoreError::NotFound)?.into_participant()
    }

    /// The session's participants, in the order they joined.
    pub async fn list_live_participants(
        &self,
        session: LiveSessionId,
    ) -> Result<Vec<Participant>, StoreError> {
        let rows: Vec<ParticipantRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, session_id, nickname, perspective, joined_at FROM live_participants \
                 WHERE session_id = $1 ORDER BY joined_at, id",
            )
            .bind(session.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(ParticipantRow::into_participant)
            .collect()
    }

    /// Each participant with how many notes and votes they gave and when
    /// they last did something (the participation log for fees).
    pub async fn live_participation(
        &self,
        session: LiveSessionId,
    ) -> Result<Vec<Participation>, StoreError> {
        let participants = self.list_live_participants(session).await?;
        let rows: Vec<(String, i64, i64, Option<i64>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT p.id, \
                 (SELECT COUNT(*) FROM live_notes n WHERE n.participant_id = p.id), \
                 (SELECT COUNT(*) FROM live_votes v WHERE v.participant_id = p.id), \
                 (SELECT MAX(at) FROM (SELECT created_at AS at FROM live_notes WHERE participant_id = p.id \
                   UNION ALL SELECT created_at FROM live_votes WHERE participant_id = p.id) AS acts) \
                 FROM live_participants p WHERE p.session_id = $1",
            )
            .bind(session.to_string())
            .fetch_all(pool)
            .await
        })?;
        Ok(participants
            .into_iter()
            .map(|participant| {
                let row = rows
                    .iter()
                    .find(|(id, ..)| *id == participant.id.to_string());
                Participation {
                    notes: row.map_or(0, |r| u32::try_from(r.1).unwrap_or(u32::MAX)),
                    votes: row.map_or(0, |r| u32::try_from(r.2).unwrap_or(u32::MAX)),
                    last_active: row.and_then(|r| r.3).map(from_millis),
                    participant,
                }
            })
            .collect())
    }
}

/// One participant's part in a session.
#[derive(Debug, Clone)]
pub struct Participation {
    /// The participant.
    pub participant: Participant,
    /// Notes written.
    pub notes: u32,
    /// Votes given.
    pub votes: u32,
    /// The last note or vote, if any.
    pub last_active: Option<time::OffsetDateTime>,
}
