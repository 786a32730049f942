//! Live workshop sessions as both edges use them: opening a session with a
//! fresh join code, joining with code + nickname + perspective (no account,
//! no e-mail), and finding a participant by their token.

use polku_domain::live::{
    ColumnPrompt, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JoinCode, LiveSession, Nickname,
    Participant, Perspective, ReturnCode, SessionTitle, VoteBudget,
};
use polku_domain::{ErrorCode, UserId, ValidationError, WorkshopId, WorkspaceId};
use polku_store::{NewLiveSession, NoteOutcome, Pseudonym, Store, StoreError};
use rand::Rng;

use crate::Tr;
use crate::credentials::{new_secret, secret_hash};

/// Why a live-session use case was refused.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    /// Input that is not valid, each with its field (several at once for a
    /// form that shows them all).
    #[error("invalid input: {0:?}")]
    Invalid(Vec<ValidationError>),
    /// No open session has the code.
    #[error("no open session has this code")]
    UnknownCode,
    /// The database refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Prefix of participant tokens, so a leaked one is recognisable.
pub const PARTICIPANT_TOKEN_PREFIX: &str = "pt_";

/// How many fresh codes to try before giving up (85 million codes; a clash
/// even once is rare).
const CODE_ATTEMPTS: usize = 8;

/// `N` random positions in [`JOIN_CODE_ALPHABET`], for join and return codes.
fn random_indices<const N: usize>() -> [usize; N] {
    let mut rng = rand::rng();
    std::array::from_fn(|_| rng.random_range(0..JOIN_CODE_ALPHABET.len()))
}

fn random_code() -> JoinCode {
    JoinCode::from_indices(random_indices::<JOIN_CODE_LENGTH>())
}

/// What a facilitator asks for when opening a session.
#[derive(Debug, Clone, Copy)]
pub struct OpenSession<'a> {
    /// The workspace.
    pub workspace: WorkspaceId,
    /// The facilitator opening it.
    pub by: UserId,
    /// Its title as typed (may be empty when a workshop is given).
    pub title: &'a str,
    /// The votes each participant gets.
    pub budget: VoteBudget,
    /// The workshop it is held for, if any.
    pub workshop: Option<WorkshopId>,
}

/// Opens a session with a fresh join code no other open session has. Held
/// for a workshop, it gets the questions of its series' phase as columns
/// (in `t`'s language), the series' return codes, and, when no title was
/// typed, the series' name and the workshop's day as its title.
pub async fn open_session(
    store: &Store,
    request: &OpenSession<'_>,
    t: Tr,
) -> Result<LiveSession, LiveError> {
    let workshop = match request.workshop {
        None => None,
        Some(id) => match store.session_workshop(request.workspace, id).await {
            Ok(found) if !found.series_closed => Some(found),
            Ok(_) | Err(StoreError::NotFound) => {
                return Err(LiveError::Invalid(vec![ValidationError::new(
                    "workshop",
                    ErrorCode::UnknownWorkshop,
                )]));
            }
            Err(e) => return Err(e.into()),
        },
    };
    let typed = request.title.trim();
    let title = match &workshop {
        Some(w) if typed.is_empty() => {
            let title = format!("{}, {}", w.series_name, t.date(w.starts_at.date()));
            SessionTitle::parse(
                &title
                    .chars()
                    .take(SessionTitle::MAX_CHARS)
                    .collect::<String>(),
            )
        }
        _ => SessionTitle::parse(typed),
    }
    .map_err(|e| LiveError::Invalid(vec![e]))?;
    let columns: Vec<ColumnPrompt> = workshop
        .as_ref()
        .map(|w| w.phase.board_question_keys())
        .unwrap_or_default()
        .iter()
        .filter_map(|key| ColumnPrompt::parse(&t.get(key)).ok())
        .collect();
    for _ in 0..CODE_ATTEMPTS {
        let code = random_code();
        let new = NewLiveSession {
            workspace: request.workspace,
            title: &title,
            join_code: &code,
            budget: request.budget,
            created_by: request.by,
            workshop: request.workshop,
            columns: &columns,
        };
        match store.create_live_session(&new).await {
            Err(StoreError::Conflict(ErrorCode::Duplicate)) => continue,
            other => return Ok(other?),
        }
    }
    Err(LiveError::Store(StoreError::Conflict(ErrorCode::Duplicate)))
}

/// A participant who just joined, with the token that is their only key.
#[derive(Debug, Clone)]
pub struct Joined {
    /// The session joined.
    pub session: LiveSession,
    /// Who they are in it.
    pub participant: Participant,
    /// Their secret token (kept only as a hash).
    pub token: String,
    /// A new return code to write down (none when they came back with one).
    pub return_code: Option<ReturnCode>,
}

fn random_return_code() -> ReturnCode {
    ReturnCode::from_indices(random_indices::<{ ReturnCode::LENGTH }>())
}

/// Joins the open session with `code` as `nickname` with `perspective`, or,
/// with a `return_code` of the session's series (or, for a session held for
/// no series, of its workspace's such sessions), as that pseudonym again
/// (then nickname and perspective may be empty). Every bad field is reported
/// at once; a code no open session has is [`LiveError::UnknownCode`].
pub async fn join(
    store: &Store,
    code: &str,
    nickname: &str,
    perspective: &str,
    return_code: &str,
) -> Result<Joined, LiveError> {
    let returning = !return_code.trim().is_empty();
    let code = JoinCode::parse(code);
    let back = returning.then(|| ReturnCode::parse(return_code));
    let (nickname, perspective) = if returning {
        (Ok(None), Ok(None))
    } else {
        (
            Nickname::parse(nickname).map(Some),
            perspective.parse::<Perspective>().map(Some),
        )
    };
    let (code, back, nickname, perspective) = match (code, back.transpose(), nickname, perspective)
    {
        (Ok(c), Ok(b), Ok(n), Ok(p)) => (c, b, n, p),
        (c, b, n, p) => {
            let errors = [c.err(), b.err(), n.err(), p.err()]
                .into_iter()
                .flatten()
                .collect();
            return Err(LiveError::Invalid(errors));
        }
    };
    let session = match store.open_live_session_by_code(&code).await {
        Ok(session) => session,
        Err(StoreError::NotFound) => return Err(LiveError::UnknownCode),
        Err(e) => return Err(e.into()),
    };
    let (pseudonym, new_code) = match back {
        Some(back) => match store.pseudonym_by_code(&secret_hash(back.as_str())).await {
            Ok(p) if p.workspace_id == session.workspace_id && p.series_id == session.series_id => {
                (p, None)
            }
            Ok(_) | Err(StoreError::NotFound) => {
                return Err(LiveError::Invalid(vec![ValidationError::new(
                    "return_code",
                    ErrorCode::InvalidReturnCode,
                )]));
            }
            Err(e) => return Err(e.into()),
        },
        None => {
            let (Some(nickname), Some(perspective)) = (nickname, perspective) else {
                return Err(LiveError::Invalid(vec![ValidationError::new(
                    "nickname",
                    ErrorCode::Required,
                )]));
            };
            let fresh = random_return_code();
            let pseudonym = store
                .create_pseudonym(
                    session.workspace_id,
                    session.series_id,
                    &secret_hash(fresh.as_str()),
                    &nickname,
                    perspective,
                )
                .await?;
            (pseudonym, Some(fresh))
        }
    };
    let token = new_secret(PARTICIPANT_TOKEN_PREFIX);
    let participant = match store
        .join_live_session(
            session.id,
            &secret_hash(&token),
            &pseudonym.nickname,
            pseudonym.perspective,
        )
        .await
    {
        Ok(p) => p,
        // Closed between the lookup and the join.
        Err(StoreError::Conflict(ErrorCode::SessionClosed)) => return Err(LiveError::UnknownCode),
        Err(e) => return Err(e.into()),
    };
    store.link_pseudonym(participant.id, &pseudonym).await?;
    Ok(Joined {
        session,
        participant,
        token,
        return_code: new_code,
    })
}

/// What became of the notes of the person with `return_code`: `None` when no
/// workspace knows the code.
pub async fn notes_of_return_code(
    store: &Store,
    return_code: &str,
) -> Result<Option<(Pseudonym, Vec<NoteOutcome>)>, LiveError> {
    let code = ReturnCode::parse(return_code).map_err(|e| LiveError::Invalid(vec![e]))?;
    match store.pseudonym_by_code(&secret_hash(code.as_str())).await {
        Ok(pseudonym) => {
            let notes = store.pseudonym_notes(&pseudonym).await?;
            Ok(Some((pseudonym, notes)))
        }
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The participant holding `token`, if it is one.
pub async fn participant_by_token(
    store: &Store,
    token: &str,
) -> Result<Option<Participant>, StoreError> {
    if !token.starts_with(PARTICIPANT_TOKEN_PREFIX) {
        return Ok(None);
    }
    match store.live_participant_by_token(&secret_hash(token)).await {
        Ok(p) => Ok(Some(p)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}
