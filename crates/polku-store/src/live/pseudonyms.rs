//! Pseudonyms across the workshops of a series (or, for sessions held for
//! no series, of a workspace), reached with a return code kept only as a
//! hash, and what became of a pseudonym's notes.

use polku_domain::live::{Nickname, Perspective};
use polku_domain::{LiveSessionId, SeriesId, WorkspaceId};

use crate::rows::{parse_column, validated};
use crate::{Store, StoreError, execute, from_millis, now_millis, with_pool};

/// A pseudonym: the nickname and perspective a person comes back as.
#[derive(Debug, Clone)]
pub struct Pseudonym {
    /// Its id.
    pub id: String,
    /// The workspace it belongs to.
    pub workspace_id: WorkspaceId,
    /// The series it belongs to; `None`: the workspace's sessions held for
    /// no series.
    pub series_id: Option<SeriesId>,
    /// The nickname.
    pub nickname: Nickname,
    /// The perspective.
    pub perspective: Perspective,
}

/// One of a pseudonym's notes, with what became of it.
#[derive(Debug, Clone)]
pub struct NoteOutcome {
    /// The session it was written in.
    pub session_id: LiveSessionId,
    /// That session's title.
    pub session_title: String,
    /// The note.
    pub text: String,
    /// The theme it was put under, if any.
    pub theme: Option<String>,
    /// Its votes, if they were revealed.
    pub votes: Option<u32>,
    /// Why it was hidden, if it was.
    pub hidden_reason: Option<String>,
    /// The text of the note it was merged into as a duplicate, if it was.
    pub merged_into: Option<String>,
    /// When it was written.
    pub created_at: time::OffsetDateTime,
}

impl Store {
    /// Makes a pseudonym of `workspace` (and `series`) under the hash of
    /// its return code.
    pub async fn create_pseudonym(
        &self,
        workspace: WorkspaceId,
        series: Option<SeriesId>,
        code_hash: &str,
        nickname: &Nickname,
        perspective: Perspective,
    ) -> Result<Pseudonym, StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let now = now_millis();
        execute!(self, sqlx::query(
            "INSERT INTO live_pseudonyms (id, workspace_id, code_hash, nickname, perspective, created_at, last_seen_at, series_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $6, $7)",
        )
        .bind(&id)
        .bind(workspace.to_string())
        .bind(code_hash)
        .bind(nickname.as_str())
        .bind(perspective.as_str())
        .bind(now)
        .bind(series.map(|s| s.to_string())))?;
        Ok(Pseudonym {
            id,
            workspace_id: workspace,
            series_id: series,
            nickname: nickname.clone(),
            perspective,
        })
    }

    /// The pseudonym whose return code has this hash, in any workspace.
    pub async fn pseudonym_by_code(&self, code_hash: &str) -> Result<Pseudonym, StoreError> {
        let row: Option<(String, String, Option<String>, String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, workspace_id, series_id, nickname, perspective FROM live_pseudonyms \
                 WHERE code_hash = $1",
            )
            .bind(code_hash)
            .fetch_optional(pool)
            .await
        })?;
        let (id, workspace, series, nickname, perspective) = row.ok_or(StoreError::NotFound)?;
        Ok(Pseudonym {
            workspace_id: parse_column(&workspace, "live_pseudonyms.workspace_id")?,
            series_id: series
                .map(|s| parse_column(&s, "live_pseudonyms.series_id"))
                .transpose()?,
            nickname: validated(
                Nickname::parse(&nickname),
                "live_pseudonyms.nickname",
                &nickname,
            )?,
            perspective: parse_column(&perspective, "live_pseudonyms.perspective")?,
            id,
        })
    }

    /// Ties a session's participant to a pseudonym and notes the visit.
    pub async fn link_pseudonym(
        &self,
        participant: polku_domain::ParticipantId,
        pseudonym: &Pseudonym,
    ) -> Result<(), StoreError> {
        execute!(
            self,
            sqlx::query("UPDATE live_participants SET pseudonym_id = $1 WHERE id = $2")
                .bind(&pseudonym.id)
                .bind(participant.to_string())
        )?;
        execute!(
            self,
            sqlx::query("UPDATE live_pseudonyms SET last_seen_at = $1 WHERE id = $2")
                .bind(now_millis())
                .bind(&pseudonym.id)
        )?;
        Ok(())
    }

    /// Every note the pseudonym wrote in any workshop, newest first, with
    /// its theme, its votes where they were revealed, and a hiding reason.
    pub async fn pseudonym_notes(
        &self,
        pseudonym: &Pseudonym,
    ) -> Result<Vec<NoteOutcome>, StoreError> {
        type Row = (
            String,
            String,
            String,
            Option<String>,
            bool,
            Option<String>,
            i64,
            i64,
            Option<String>,
        );
        let rows: Vec<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT s.id, s.title, n.body, t.name, s.votes_revealed, n.hidden_reason, n.created_at, \
                 (SELECT COUNT(*) FROM live_votes v WHERE v.note_id = n.id), m.body \
                 FROM live_notes n \
                 LEFT JOIN live_notes m ON m.id = n.merged_into \
                 JOIN live_participants p ON p.id = n.participant_id \
                 JOIN live_sessions s ON s.id = n.session_id \
                 LEFT JOIN live_themes t ON t.id = n.theme_id \
                 WHERE p.pseudonym_id = $1 ORDER BY n.created_at DESC, n.id",
            )
            .bind(&pseudonym.id)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(
                |(session, title, text, theme, revealed, hidden, at, votes, merged)| {
                    Ok(NoteOutcome {
                        session_id: parse_column(&session, "live_sessions.id")?,
                        session_title: title,
                        text,
                        theme,
                        votes: revealed.then(|| u32::try_from(votes).unwrap_or(u32::MAX)),
                        hidden_reason: hidden,
                        merged_into: merged,
                        created_at: from_millis(at),
                    })
                },
            )
            .collect()
    }
}
