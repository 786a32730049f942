//! Live workshop sessions: sessions and participants (`sessions`), the
//! board's notes, themes and votes (`board`), the numbered events of a
//! session (`events`) and their fan-out to the screens that follow them
//! (`hub`, `follow`, and on PostgreSQL `listener`).
//!
//! Every change is one transaction that first raises the session's
//! `last_seq` (which also queues concurrent writers of one session on its
//! row), then writes the change and its event under that number, so event
//! numbers are gap-free in commit order. After the commit the event goes to
//! the hub.

mod board;
mod events;
mod follow;
pub(crate) mod hub;
mod listener;
mod pseudonyms;
mod sessions;
mod workshops;

pub use board::{NewNote, NoteWithVotes};
pub(crate) use events::append_event;
pub use follow::Follow;
pub use pseudonyms::{NoteOutcome, Pseudonym};
pub use sessions::{NewLiveSession, Participation};
pub use workshops::SessionWorkshop;
