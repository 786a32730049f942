//! The board of a live session: notes, themes and dot votes.

use std::collections::HashMap;
use std::sync::Arc;

use polku_domain::live::{
    LiveEventKind, Note, NoteAuthor, NoteText, Participant, Perspective, Theme, ThemeName,
    VoteTally,
};
use polku_domain::{ErrorCode, LiveSessionId, NoteId, ParticipantId, ThemeId, UserId};

use super::events::{append_event, session_id};
use crate::rows::{parse_column, validated};
use crate::{Store, StoreError, from_millis, now_millis, with_pool, write_tx};

/// A note to write.
#[derive(Debug, Clone)]
pub struct NewNote<'a> {
    /// Its text.
    pub text: &'a NoteText,
    /// The theme to put it under, if any (of the same session).
    pub theme: Option<ThemeId>,
    /// The participant who wrote it, or for whom it was typed in.
    pub participant: Option<&'a Participant>,
    /// The facilitator who typed it (for themselves or for a participant).
    pub written_by: Option<(UserId, &'a str)>,
}

/// A note with its votes, as far as the reader may see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteWithVotes {
    /// The note.
    pub note: Note,
    /// Its votes.
    pub votes: VoteTally,
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    id: String,
    session_id: String,
    theme_id: Option<String>,
    participant_id: Option<String>,
    author_name: String,
    perspective: Option<String>,
    proxy: bool,
    body: String,
    hidden_reason: Option<String>,
    created_at: i64,
}

impl NoteRow {
    fn into_note(self) -> Result<Note, StoreError> {
        Ok(Note {
            id: parse_column(&self.id, "live_notes.id")?,
            session_id: session_id(&self.session_id)?,
            theme_id: self
                .theme_id
                .map(|t| parse_column(&t, "live_notes.theme_id"))
                .transpose()?,
            text: validated(NoteText::parse(&self.body), "live_notes.body", &self.body)?,
            author: NoteAuthor {
                participant: self
                    .participant_id
                    .map(|p| parse_column(&p, "live_notes.participant_id"))
                    .transpose()?,
                nickname: self.author_name,
                perspective: self
                    .perspective
                    .map(|p| parse_column::<Perspective>(&p, "live_notes.perspective"))
                    .transpose()?,
                proxy: self.proxy,
            },
            hidden_reason: self.hidden_reason,
            created_at: from_millis(self.created_at),
        })
    }
}

fn note_payload(note: &Note) -> String {
    serde_json::json!({
        "note_id": note.id.to_string(),
        "theme_id": note.theme_id.map(|t| t.to_string()),
        "text": note.text.as_str(),
        "author": note.author.nickname,
        "perspective": note.author.perspective.map(Perspective::as_str),
        "proxy": note.author.proxy,
    })
    .to_string()
}

impl Store {
    /// Writes a note; `Conflict(SessionClosed)` when the session is closed,
    /// `NotFound` for a theme of another session.
    pub async fn add_live_note(
        &self,
        session: LiveSessionId,
        new: &NewNote<'_>,
    ) -> Result<Note, StoreError> {
        let id = NoteId::new();
        let now = now_millis();
        let author = match (new.participant, new.written_by) {
            (Some(p), _) => p
                .nickname
                .as_ref()
                .map(|n| n.as_str().to_owned())
                .unwrap_or_default(),
            (None, Some((_, name))) => name.to_owned(),
            (None, None) => String::new(),
        };
        let note = Note {
            id,
            session_id: session,
            theme_id: new.theme,
            text: new.text.clone(),
            author: NoteAuthor {
                participant: new.participant.map(|p| p.id),
                nickname: author,
                perspective: new.participant.map(|p| p.perspective),
                proxy: new.participant.is_some() && new.written_by.is_some(),
            },
            hidden_reason: None,
            created_at: from_millis(now),
        };
        let payload = note_payload(&note);
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::NoteAdded, payload, now);
            let open: bool = sqlx::query_scalar("SELECT is_open FROM live_sessions WHERE id = $1")
                .bind(session.to_string())
                .fetch_one(&mut *tx)
                .await?;
            if !open {
                return Err(StoreError::Conflict(ErrorCode::SessionClosed));
            }
            if let Some(theme) = new.theme {
                sqlx::query_scalar::<_, String>(
                    "SELECT id FROM live_themes WHERE id = $1 AND session_id = $2",
                )
                .bind(theme.to_string())
                .bind(session.to_string())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            }
            sqlx::query(
                "INSERT INTO live_notes (id, session_id, theme_id, participant_id, written_by, \
                 author_name, perspective, proxy, body, hidden_reason, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10)",
            )
            .bind(id.to_string())
            .bind(session.to_string())
            .bind(note.theme_id.map(|t| t.to_string()))
            .bind(note.author.participant.map(|p| p.to_string()))
            .bind(new.written_by.map(|(u, _)| u.to_string()))
            .bind(&note.author.nickname)
            .bind(note.author.perspective.map(Perspective::as_str))
            .bind(note.author.proxy)
            .bind(note.text.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(note)
    }

    /// The session's notes, oldest first, each with its votes by
    /// perspective.
    pub async fn list_live_notes(
        &self,
        session: LiveSessionId,
    ) -> Result<Vec<NoteWithVotes>, StoreError> {
        let rows: Vec<NoteRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, session_id, theme_id, participant_id, author_name, perspective, proxy, \
                 body, hidden_reason, created_at FROM live_notes WHERE session_id = $1 \
                 ORDER BY created_at, id",
            ).bind(session.to_string()).fetch_all(pool).await
        })?;
        let counts: Vec<(String, String, i64)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT v.note_id, p.perspective, COUNT(*) FROM live_votes v \
                 JOIN live_participants p ON p.id = v.participant_id \
                 WHERE v.session_id = $1 GROUP BY v.note_id, p.perspective",
            )
            .bind(session.to_string())
            .fetch_all(pool)
            .await
        })?;
        let mut tallies: HashMap<String, VoteTally> = HashMap::new();
        for (note, perspective, count) in counts {
            let count = u32::try_from(count).unwrap_or(u32::MAX);
            let perspective: Perspective =
                parse_column(&perspective, "live_participants.perspective")?;
            let tally = tallies.entry(note).or_default();
            tally.total = tally.total.saturating_add(count);
            tally.by_perspective.push((perspective, count));
        }
        rows.into_iter()
            .map(|row| {
                let votes = tallies.remove(&row.id).map(|mut t| {
                    t.by_perspective
                        .sort_by_key(|(p, _)| Perspective::ALL.iter().position(|q| q == p));
                    t
                });
                Ok(NoteWithVotes {
                    note: row.into_note()?,
                    votes: votes.unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Makes a theme.
    pub async fn add_live_theme(
        &self,
        session: LiveSessionId,
        name: &ThemeName,
    ) -> Result<Theme, StoreError> {
        let id = ThemeId::new();
        let now = now_millis();
        let payload =
            serde_json::json!({ "theme_id": id.to_string(), "name": name.as_str() }).to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::ThemeAdded, payload, now);
            sqlx::query(
                "INSERT INTO live_themes (id, session_id, name, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(id.to_string())
            .bind(session.to_string())
            .bind(name.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(Theme {
            id,
            name: name.clone(),
        })
    }

    /// The session's themes in the order they were made.
    pub async fn list_live_themes(&self, session: LiveSessionId) -> Result<Vec<Theme>, StoreError> {
        let rows: Vec<(String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, name FROM live_themes WHERE session_id = $1 ORDER BY created_at, id",
            )
            .bind(session.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, name)| {
                Ok(Theme {
                    id: parse_column(&id, "live_themes.id")?,
                    name: validated(ThemeName::parse(&name), "live_themes.name", &name)?,
                })
            })
            .collect()
    }

    /// Puts a note under a theme (`None`: out of any); both of `session`.
    pub async fn move_live_note(
        &self,
        session: LiveSessionId,
        note: NoteId,
        theme: Option<ThemeId>,
    ) -> Result<(), StoreError> {
        let now = now_millis();
        let payload = serde_json::json!({
            "note_id": note.to_string(),
            "theme_id": theme.map(|t| t.to_string()),
        })
        .to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::NoteMoved, payload, now);
            if let Some(theme) = theme {
                sqlx::query_scalar::<_, String>(
                    "SELECT id FROM live_themes WHERE id = $1 AND session_id = $2",
                )
                .bind(theme.to_string())
                .bind(session.to_string())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            }
            let moved = sqlx::query("UPDATE live_notes SET theme_id = $1 WHERE id = $2 AND session_id = $3")
                .bind(theme.map(|t| t.to_string()))
                .bind(note.to_string())
                .bind(session.to_string())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if moved == 0 {
                return Err(StoreError::NotFound);
            }
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(())
    }

    /// Hides a note (moderation) with the reason its author is told.
    pub async fn hide_live_note(
        &self,
        session: LiveSessionId,
        note: NoteId,
        reason: &str,
    ) -> Result<(), StoreError> {
        let now = now_millis();
        let payload =
            serde_json::json!({ "note_id": note.to_string(), "reason": reason }).to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::NoteHidden, payload, now);
            let hidden = sqlx::query(
                "UPDATE live_notes SET hidden_reason = $1 WHERE id = $2 AND session_id = $3",
            )
            .bind(reason)
            .bind(note.to_string())
            .bind(session.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if hidden == 0 {
                return Err(StoreError::NotFound);
            }
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(())
    }

    /// Casts a vote of `participant` on `note` within `budget`:
    /// `NotFound` for a note of another session or a hidden one,
    /// `Conflict(VoteBudgetSpent)` / `Conflict(VoteCapReached)` past the
    /// limits, `Conflict(SessionClosed)` after closing. `proxy` marks a vote
    /// a facilitator entered for someone. Gives how many votes the
    /// participant has used.
    pub async fn cast_live_vote(
        &self,
        session: LiveSessionId,
        participant: ParticipantId,
        note: NoteId,
        proxy: bool,
    ) -> Result<u32, StoreError> {
        let now = now_millis();
        let payload = serde_json::json!({ "note_id": note.to_string() }).to_string();
        let (event, used) = write_tx!(self, tx => {
            // First, so concurrent votes of the session queue on its row.
            let event = append_event!(self, tx, session, LiveEventKind::VoteCast, payload, now);
            let (open, budget, per_note): (bool, i64, i64) = sqlx::query_as(
                "SELECT is_open, vote_budget, votes_per_note FROM live_sessions WHERE id = $1",
            )
            .bind(session.to_string())
            .fetch_one(&mut *tx)
            .await?;
            if !open {
                return Err(StoreError::Conflict(ErrorCode::SessionClosed));
            }
            sqlx::query_scalar::<_, String>(
                "SELECT id FROM live_notes WHERE id = $1 AND session_id = $2 AND hidden_reason IS NULL",
            )
            .bind(note.to_string())
            .bind(session.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            let (used, on_note): (i64, i64) = sqlx::query_as(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN note_id = $2 THEN 1 ELSE 0 END), 0) \
                 FROM live_votes WHERE participant_id = $1",
            )
            .bind(participant.to_string())
            .bind(note.to_string())
            .fetch_one(&mut *tx)
            .await?;
            if used >= budget {
                return Err(StoreError::Conflict(ErrorCode::VoteBudgetSpent));
            }
            if on_note >= per_note {
                return Err(StoreError::Conflict(ErrorCode::VoteCapReached));
            }
            sqlx::query(
                "INSERT INTO live_votes (id, session_id, note_id, participant_id, proxy, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(session.to_string())
            .bind(note.to_string())
            .bind(participant.to_string())
            .bind(proxy)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            (event, u32::try_from(used + 1).unwrap_or(u32::MAX))
        });
        self.hub.publish(Arc::new(event));
        Ok(used)
    }

    /// How many votes `participant` has used.
    pub async fn live_votes_used(&self, participant: ParticipantId) -> Result<u32, StoreError> {
        let used: i64 = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM live_votes WHERE participant_id = $1")
                .bind(participant.to_string())
                .fetch_one(pool)
                .await
        })?;
        Ok(u32::try_from(used).unwrap_or(u32::MAX))
    }
}
