//! Live workshop sessions (työpaja): the join code, the pseudonymous
//! participants and their perspectives, the board's notes and themes, dot
//! votes and the events a session's screens follow. Types and rules only; the
//! store keeps them and the web serves them.

mod code;
mod event;
mod session;
mod text;

pub use code::{JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JoinCode, ReturnCode};
pub use event::{LiveEvent, LiveEventKind};
pub use session::{
    BoardColumn, LiveSession, Note, NoteAuthor, Participant, Perspective, SMALL_GROUP, Theme,
    Timer, TimerChange, VoteBudget, VoteTally, shown_count,
};
pub use text::{ColumnPrompt, Nickname, NoteText, SessionTitle, ThemeName};
