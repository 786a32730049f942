//! The retention period of a workspace: once a workshop series has been
//! closed longer than the workspace's `retention_months` (or, for a session
//! outside any series, the session itself), its participants' nicknames,
//! tokens and return codes are erased. Notes, votes and every participant's
//! perspective stay, so results and votes by perspective do not change.

use polku_domain::RetentionMonths;
use time::OffsetDateTime;

use crate::rows::validated;
use crate::{Store, StoreError, execute, millis, with_pool, write_tx};

/// What one run of [`Store::erase_expired_participants`] erased.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    /// Participants whose nickname and token were erased.
    pub participants: u64,
    /// Notes whose author name was blanked.
    pub notes: u64,
    /// Session events whose nickname or author name was blanked.
    pub events: u64,
    /// Pseudonyms deleted, and with them their return codes.
    pub pseudonyms: u64,
}

impl Erased {
    /// Whether nothing was erased.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl std::ops::AddAssign for Erased {
    fn add_assign(&mut self, other: Self) {
        self.participants += other.participants;
        self.notes += other.notes;
        self.events += other.events;
        self.pseudonyms += other.pseudonyms;
    }
}

/// Sessions with participants not yet erased whose retention ran out before
/// `$2` in the workspaces whose period is `$1` months: those of a series
/// closed before `$2`, and those without a series that closed before `$2`.
const EXPIRED_SESSIONS: &str = "SELECT s.id FROM live_sessions s \
     JOIN workspaces w ON w.id = s.workspace_id \
     LEFT JOIN workshop_series ws ON ws.id = s.series_id \
     WHERE w.retention_months = $1 \
     AND ((s.series_id IS NULL AND s.closed_at < $2) OR ws.closed_at < $2) \
     AND EXISTS (SELECT 1 FROM live_participants p \
         WHERE p.session_id = s.id AND p.erased_at IS NULL) \
     ORDER BY s.id";

/// Pseudonyms of the workspaces whose period is `$1` months that expired
/// before `$2`: those of a series closed before `$2`, and those outside any
/// series last used before `$2`.
const DELETE_EXPIRED_PSEUDONYMS: &str = "DELETE FROM live_pseudonyms \
     WHERE workspace_id IN (SELECT id FROM workspaces WHERE retention_months = $1) \
     AND ((series_id IS NULL AND last_seen_at < $2) \
       OR series_id IN (SELECT id FROM workshop_series WHERE closed_at < $2))";

impl Store {
    /// Erases, in every workspace, what its retention period no longer
    /// allows at `now` (calendar months, `RetentionMonths::erase_before`):
    /// participants of sessions whose series closed before then, or that
    /// closed before then outside any series, lose their nickname (also in
    /// their notes and in the session's events) and their token, which is
    /// replaced by a value no token hashes to; pseudonyms of such series, and
    /// those outside any series last used before then, are deleted with
    /// their return codes. Idempotent: a second run erases nothing more.
    pub async fn erase_expired_participants(
        &self,
        now: OffsetDateTime,
    ) -> Result<Erased, StoreError> {
        let periods: Vec<i64> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT DISTINCT retention_months FROM workspaces")
                .fetch_all(pool)
                .await
        })?;
        let mut erased = Erased::default();
        for months in periods {
            let period = validated(
                RetentionMonths::new(months),
                "workspaces.retention_months",
                &months.to_string(),
            )?;
            let before = millis(period.erase_before(now));
            let sessions: Vec<String> = with_pool!(self, pool => {
                sqlx::query_scalar(EXPIRED_SESSIONS)
                    .bind(months)
                    .bind(before)
                    .fetch_all(pool)
                    .await
            })?;
            // One transaction per session keeps each write short, and a
            // session is either wholly erased or untouched.
            for session in &sessions {
                erased += self.erase_session_participants(session, now).await?;
            }
            erased.pseudonyms += execute!(
                self,
                sqlx::query(DELETE_EXPIRED_PSEUDONYMS)
                    .bind(months)
                    .bind(before)
            )?;
        }
        Ok(erased)
    }

    /// Erases every participant of `session` not yet erased, the author name
    /// of their notes, and their nicknames in the session's events.
    async fn erase_session_participants(
        &self,
        session: &str,
        now: OffsetDateTime,
    ) -> Result<Erased, StoreError> {
        let at = millis(now);
        let erased = write_tx!(self, tx => {
            // The token is replaced by text no SHA-256 hex digest can equal,
            // unique per row as the column requires.
            let participants = sqlx::query(
                "UPDATE live_participants SET nickname = '', token_hash = 'erased:' || id, \
                 ready_at = NULL, pseudonym_id = NULL, erased_at = $2 \
                 WHERE session_id = $1 AND erased_at IS NULL",
            )
            .bind(session)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let notes = sqlx::query(
                "UPDATE live_notes SET author_name = '' \
                 WHERE session_id = $1 AND author_name <> '' AND participant_id IN \
                 (SELECT id FROM live_participants WHERE session_id = $1 AND erased_at IS NOT NULL)",
            )
            .bind(session)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let participant_notes: Vec<String> = sqlx::query_scalar(
                "SELECT id FROM live_notes WHERE session_id = $1 AND participant_id IS NOT NULL",
            )
            .bind(session)
            .fetch_all(&mut *tx)
            .await?;
            let events: Vec<(i64, String, String)> = sqlx::query_as(
                "SELECT seq, kind, payload FROM live_events \
                 WHERE session_id = $1 AND kind IN ('participant_joined', 'note_added') \
                 ORDER BY seq",
            )
            .bind(session)
            .fetch_all(&mut *tx)
            .await?;
            let mut blanked = 0;
            for (seq, kind, payload) in events {
                let Some(payload) = without_name(&kind, &payload, &participant_notes) else {
                    continue;
                };
                sqlx::query("UPDATE live_events SET payload = $3 WHERE session_id = $1 AND seq = $2")
                    .bind(session)
                    .bind(seq)
                    .bind(payload)
                    .execute(&mut *tx)
                    .await?;
                blanked += 1;
            }
            Erased {
                participants,
                notes,
                events: blanked,
                pseudonyms: 0,
            }
        });
        Ok(erased)
    }
}

/// An event's payload with the participant's name blanked: the nickname of
/// `participant_joined`, the author of a `note_added` whose note is one of
/// `participant_notes`; `None` when there is nothing to blank (or the
/// payload is not the JSON object events carry).
fn without_name(kind: &str, payload: &str, participant_notes: &[String]) -> Option<String> {
    let mut value: serde_json::Value = serde_json::from_str(payload).ok()?;
    let object = value.as_object_mut()?;
    let field = match kind {
        "participant_joined" => "nickname",
        "note_added" => {
            let note = object.get("note_id")?.as_str()?;
            if !participant_notes.iter().any(|n| n == note) {
                return None;
            }
            "author"
        }
        _ => return None,
    };
    let name = object.get_mut(field)?;
    if name.as_str().is_none_or(str::is_empty) {
        return None;
    }
    *name = serde_json::Value::String(String::new());
    Some(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_leave_event_payloads_and_the_rest_stays() {
        let joined = r#"{"participant_id":"p1","nickname":"Kettu","perspective":"client"}"#;
        let blanked = without_name("participant_joined", joined, &[]).expect("blanked");
        let value: serde_json::Value = serde_json::from_str(&blanked).expect("json");
        assert_eq!(value["nickname"], "");
        assert_eq!(value["perspective"], "client");
        assert_eq!(
            without_name("participant_joined", &blanked, &[]),
            None,
            "once"
        );

        let note = r#"{"note_id":"n1","author":"Kettu","text":"Jono","perspective":"client"}"#;
        let notes = vec!["n1".to_owned()];
        let blanked = without_name("note_added", note, &notes).expect("blanked");
        assert!(blanked.contains(r#""author":"""#) && blanked.contains("Jono"));
        assert_eq!(
            without_name("note_added", note, &[]),
            None,
            "a facilitator's own note keeps its author"
        );
        assert_eq!(without_name("vote_cast", "{}", &notes), None);
        assert_eq!(without_name("participant_joined", "not json", &notes), None);
    }
}
