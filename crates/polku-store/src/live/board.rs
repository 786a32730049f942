//! The board of a live session: notes, themes and dot votes.

use std::collections::HashMap;
use std::sync::Arc;

use polku_domain::live::{
    BoardColumn, ColumnPrompt, LiveEventKind, Note, NoteAuthor, NoteText, Participant, Perspective,
    Theme, ThemeName, VoteTally,
};
use polku_domain::{ColumnId, ErrorCode, LiveSessionId, NoteId, ParticipantId, ThemeId, UserId};

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
    /// The column (question) it answers, if any (of the same session).
    pub column: Option<ColumnId>,
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
    column_id: Option<String>,
    merged_into: Option<String>,
}

/// `SELECT` of the columns a [`NoteRow`] reads; the statement goes on with
/// `WHERE ...`.
macro_rules! select_notes {
    ($rest:literal) => {
        concat!(
            "SELECT id, session_id, theme_id, participant_id, author_name, perspective, proxy, \
             body, hidden_reason, created_at, column_id, merged_into FROM live_notes ",
            $rest
        )
    };
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
            column_id: self
                .column_id
                .map(|c| parse_column(&c, "live_notes.column_id"))
                .transpose()?,
            merged_into: self
                .merged_into
                .map(|m| parse_column(&m, "live_notes.merged_into"))
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

/// Inside a write transaction: whether the session is open and locked.
macro_rules! session_state {
    ($tx:ident, $session:expr) => {{
        let state: (bool, bool) =
            sqlx::query_as("SELECT is_open, locked FROM live_sessions WHERE id = $1")
                .bind($session.to_string())
                .fetch_one(&mut *$tx)
                .await?;
        state
    }};
}

/// Inside a write transaction: whether `participant` wrote the note of the
/// session; `NotFound` when the session has no such note.
macro_rules! written_by {
    ($tx:ident, $session:expr, $note:expr, $participant:expr) => {{
        let writer: Option<String> = sqlx::query_scalar(
            "SELECT participant_id FROM live_notes WHERE id = $1 AND session_id = $2",
        )
        .bind($note.to_string())
        .bind($session.to_string())
        .fetch_optional(&mut *$tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        writer.as_deref() == Some($participant.to_string().as_str())
    }};
}

fn note_payload(note: &Note) -> String {
    serde_json::json!({
        "note_id": note.id.to_string(),
        "theme_id": note.theme_id.map(|t| t.to_string()),
        "column_id": note.column_id.map(|c| c.to_string()),
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
            (Some(p), _) => p.nickname.as_str().to_owned(),
            (None, Some((_, name))) => name.to_owned(),
            (None, None) => String::new(),
        };
        let note = Note {
            id,
            session_id: session,
            theme_id: new.theme,
            column_id: new.column,
            merged_into: None,
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
            if let Some(column) = new.column {
                sqlx::query_scalar::<_, String>(
                    "SELECT id FROM live_columns WHERE id = $1 AND session_id = $2",
                )
                .bind(column.to_string())
                .bind(session.to_string())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            }
            sqlx::query(
                "INSERT INTO live_notes (id, session_id, theme_id, participant_id, written_by, \
                 author_name, perspective, proxy, body, hidden_reason, created_at, column_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11)",
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
            .bind(note.column_id.map(|c| c.to_string()))
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
            sqlx::query_as(select_notes!("WHERE session_id = $1 ORDER BY created_at, id"))
                .bind(session.to_string())
                .fetch_all(pool)
                .await
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

    /// Whether `note` is a note of `session`.
    pub async fn live_note_exists(
        &self,
        session: LiveSessionId,
        note: NoteId,
    ) -> Result<bool, StoreError> {
        let found: Option<String> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT id FROM live_notes WHERE id = $1 AND session_id = $2")
                .bind(note.to_string())
                .bind(session.to_string())
                .fetch_optional(pool)
                .await
        })?;
        Ok(found.is_some())
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
    /// A participant (`by`) moves notes only while the session is open, and
    /// only their own while it is locked (`Conflict(SessionLocked)`).
    pub async fn move_live_note(
        &self,
        session: LiveSessionId,
        note: NoteId,
        theme: Option<ThemeId>,
        by: Option<ParticipantId>,
    ) -> Result<(), StoreError> {
        let now = now_millis();
        let payload = serde_json::json!({
            "note_id": note.to_string(),
            "theme_id": theme.map(|t| t.to_string()),
        })
        .to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::NoteMoved, payload, now);
            if let Some(participant) = by {
                let (open, locked) = session_state!(tx, session);
                if !open {
                    return Err(StoreError::Conflict(ErrorCode::SessionClosed));
                }
                if locked && !written_by!(tx, session, note, participant) {
                    return Err(StoreError::Conflict(ErrorCode::SessionLocked));
                }
            }
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
                "SELECT id FROM live_notes WHERE id = $1 AND session_id = $2 \
                 AND hidden_reason IS NULL AND merged_into IS NULL",
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

    /// Adds a column (a question of the step) after the others.
    pub async fn add_live_column(
        &self,
        session: LiveSessionId,
        prompt: &ColumnPrompt,
    ) -> Result<BoardColumn, StoreError> {
        let id = ColumnId::new();
        let now = now_millis();
        let payload = serde_json::json!({ "column_id": id.to_string(), "prompt": prompt.as_str() })
            .to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::ColumnAdded, payload, now);
            sqlx::query(
                "INSERT INTO live_columns (id, session_id, position, prompt, created_at) \
                 VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM live_columns \
                 WHERE session_id = $2), $3, $4)",
            )
            .bind(id.to_string())
            .bind(session.to_string())
            .bind(prompt.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(BoardColumn {
            id,
            prompt: prompt.clone(),
        })
    }

    /// The session's columns in their order.
    pub async fn list_live_columns(
        &self,
        session: LiveSessionId,
    ) -> Result<Vec<BoardColumn>, StoreError> {
        let rows: Vec<(String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, prompt FROM live_columns WHERE session_id = $1 ORDER BY position, id",
            )
            .bind(session.to_string())
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, prompt)| {
                Ok(BoardColumn {
                    id: parse_column(&id, "live_columns.id")?,
                    prompt: validated(
                        ColumnPrompt::parse(&prompt),
                        "live_columns.prompt",
                        &prompt,
                    )?,
                })
            })
            .collect()
    }

    /// Merges `note` into its duplicate `into` (both of `session`): the note
    /// stays, marked as merged, and its votes (and notes merged into it
    /// before) go to `into`. `Conflict(CannotMerge)` for the same note, a
    /// note already merged or a hidden one.
    pub async fn merge_live_note(
        &self,
        session: LiveSessionId,
        note: NoteId,
        into: NoteId,
    ) -> Result<(), StoreError> {
        if note == into {
            return Err(StoreError::Conflict(ErrorCode::CannotMerge));
        }
        let now = now_millis();
        let payload = serde_json::json!({ "note_id": note.to_string(), "into": into.to_string() })
            .to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::NoteMerged, payload, now);
            for id in [note, into] {
                let (merged, hidden): (Option<String>, Option<String>) = sqlx::query_as(
                    "SELECT merged_into, hidden_reason FROM live_notes WHERE id = $1 AND session_id = $2",
                )
                .bind(id.to_string())
                .bind(session.to_string())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
                // A hidden note's text must not reappear under another.
                if merged.is_some() || hidden.is_some() {
                    return Err(StoreError::Conflict(ErrorCode::CannotMerge));
                }
            }
            sqlx::query("UPDATE live_notes SET merged_into = $1 WHERE merged_into = $2")
                .bind(into.to_string())
                .bind(note.to_string())
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE live_notes SET merged_into = $1 WHERE id = $2")
                .bind(into.to_string())
                .bind(note.to_string())
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE live_votes SET note_id = $1 WHERE note_id = $2")
                .bind(into.to_string())
                .bind(note.to_string())
                .execute(&mut *tx)
                .await?;
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(())
    }

    /// Deletes a note its writer takes back while the session is open; its
    /// votes go back to those who gave them. `Conflict(NotYourNote)` for
    /// anyone else's note.
    pub async fn delete_live_note(
        &self,
        session: LiveSessionId,
        note: NoteId,
        participant: ParticipantId,
    ) -> Result<(), StoreError> {
        let now = now_millis();
        let payload = serde_json::json!({ "note_id": note.to_string() }).to_string();
        let event = write_tx!(self, tx => {
            let event = append_event!(self, tx, session, LiveEventKind::NoteDeleted, payload, now);
            let (open, _) = session_state!(tx, session);
            if !open {
                return Err(StoreError::Conflict(ErrorCode::SessionClosed));
            }
            if !written_by!(tx, session, note, participant) {
                return Err(StoreError::Conflict(ErrorCode::NotYourNote));
            }
            // Notes merged into it stand on their own again.
            sqlx::query("UPDATE live_notes SET merged_into = NULL WHERE merged_into = $1")
                .bind(note.to_string())
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM live_votes WHERE note_id = $1")
                .bind(note.to_string())
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM live_notes WHERE id = $1")
                .bind(note.to_string())
                .execute(&mut *tx)
                .await?;
            event
        });
        self.hub.publish(Arc::new(event));
        Ok(())
    }
}
