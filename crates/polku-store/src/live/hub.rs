//! Fan-out of a session's events to the screens following it.
//!
//! A write commits its event row, then hands the event to the hub, which
//! broadcasts it to this process's subscribers of that session. On PostgreSQL
//! the same transaction also sends `NOTIFY polku_events, 'session:seq'`, and
//! each process's listener (started with the first subscription) reads that
//! event row once and broadcasts it locally, so instances sharing one database
//! see each other's writes. The hub drops an event it has already passed on;
//! a subscriber that sees a number jump (an event of another instance that
//! arrived late) reads the missing ones from the table, so nothing is lost or
//! repeated (see `crate::live::Follow`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use polku_domain::{LiveSessionId, live::LiveEvent};
use tokio::sync::broadcast;

/// How many events a slow subscriber may fall behind before it re-reads
/// from the table.
const CHANNEL_CAPACITY: usize = 256;

struct Channel {
    sender: broadcast::Sender<Arc<LiveEvent>>,
    /// The highest event number passed on.
    delivered: i64,
}

/// The per-process registry of sessions being followed.
#[derive(Default)]
pub(crate) struct Hub {
    channels: Mutex<HashMap<LiveSessionId, Channel>>,
    /// Whether this process listens for other instances' notifications.
    pub(crate) listening: std::sync::atomic::AtomicBool,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub").finish_non_exhaustive()
    }
}

impl Hub {
    /// A receiver of `session`'s events from now on.
    pub(crate) fn subscribe(&self, session: LiveSessionId) -> broadcast::Receiver<Arc<LiveEvent>> {
        let mut channels = self.channels.lock().unwrap_or_else(PoisonError::into_inner);
        channels
            .entry(session)
            .or_insert_with(|| Channel {
                sender: broadcast::channel(CHANNEL_CAPACITY).0,
                delivered: 0,
            })
            .sender
            .subscribe()
    }

    /// Passes `event` on to the session's subscribers, unless an event with
    /// this number or a later one was already passed on. Sessions nobody
    /// follows any more are forgotten.
    pub(crate) fn publish(&self, event: Arc<LiveEvent>) {
        let mut channels = self.channels.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(channel) = channels.get_mut(&event.session_id) else {
            return;
        };
        if channel.sender.receiver_count() == 0 {
            channels.remove(&event.session_id);
            return;
        }
        if event.seq <= channel.delivered {
            return;
        }
        channel.delivered = event.seq;
        // An error only means the last subscriber left just now.
        let _ = channel.sender.send(event);
    }

    /// Whether anyone in this process follows `session` (for the listener,
    /// which reads an event row only when someone here wants it).
    pub(crate) fn is_followed(&self, session: LiveSessionId) -> bool {
        let channels = self.channels.lock().unwrap_or_else(PoisonError::into_inner);
        channels
            .get(&session)
            .is_some_and(|c| c.sender.receiver_count() > 0)
    }

    /// The sessions followed here, for a resync after the listener lost its
    /// connection.
    pub(crate) fn followed(&self) -> Vec<LiveSessionId> {
        let channels = self.channels.lock().unwrap_or_else(PoisonError::into_inner);
        channels.keys().copied().collect()
    }
}
