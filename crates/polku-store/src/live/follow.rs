//! Following a session: every event once, in order, from a given number on.

use std::collections::VecDeque;
use std::sync::Arc;

use polku_domain::LiveSessionId;
use polku_domain::live::LiveEvent;
use tokio::sync::broadcast::{self, error::RecvError};

use crate::{Store, StoreError};

/// How many events one read from the table brings.
const PAGE: u32 = 500;

/// A subscription to one session's events, resuming after a given number.
/// [`Follow::next`] gives every later event exactly once and in order: live
/// ones from the hub, and any it missed (written on another instance and
/// announced late, or passed while this reader was slow) from the table.
pub struct Follow {
    store: Store,
    session: LiveSessionId,
    receiver: broadcast::Receiver<Arc<LiveEvent>>,
    last: i64,
    backlog: VecDeque<Arc<LiveEvent>>,
}

impl std::fmt::Debug for Follow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Follow")
            .field("session", &self.session)
            .field("last", &self.last)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Follows `session` from the event after number `after` (0 for all):
    /// subscribes first, then reads what is already stored, so no event
    /// falls between the two.
    pub async fn follow_live(
        &self,
        session: LiveSessionId,
        after: i64,
    ) -> Result<Follow, StoreError> {
        self.start_listener();
        let receiver = self.hub.subscribe(session);
        let mut follow = Follow {
            store: self.clone(),
            session,
            receiver,
            last: after.max(0),
            backlog: VecDeque::new(),
        };
        follow.read_after_last(None).await?;
        Ok(follow)
    }
}

impl Follow {
    /// The number of the last event given.
    pub fn last_seq(&self) -> i64 {
        self.last
    }

    /// The next event; waits until there is one.
    pub async fn next(&mut self) -> Result<Arc<LiveEvent>, StoreError> {
        loop {
            if let Some(event) = self.backlog.pop_front() {
                if event.seq > self.last {
                    self.last = event.seq;
                    return Ok(event);
                }
                continue;
            }
            match self.receiver.recv().await {
                Ok(event) if event.seq <= self.last => {}
                Ok(event) if event.seq == self.last + 1 => {
                    self.last = event.seq;
                    return Ok(event);
                }
                // A gap: the events between were announced late or to
                // another instance; they are in the table, committed.
                Ok(event) => self.read_after_last(Some(event.seq)).await?,
                Err(RecvError::Lagged(_)) => self.read_after_last(None).await?,
                Err(RecvError::Closed) => {
                    self.receiver = self.store.hub.subscribe(self.session);
                    self.read_after_last(None).await?;
                }
            }
        }
    }

    /// Reads stored events after the last one given into the backlog, up to
    /// `until` when given (else everything stored).
    async fn read_after_last(&mut self, until: Option<i64>) -> Result<(), StoreError> {
        let mut from = self.backlog.back().map_or(self.last, |e| e.seq);
        loop {
            let page = self
                .store
                .live_events_after(self.session, from, PAGE)
                .await?;
            let full = page.len() == PAGE as usize;
            for event in page {
                if until.is_some_and(|u| event.seq > u) {
                    return Ok(());
                }
                from = event.seq;
                self.backlog.push_back(Arc::new(event));
            }
            if !full {
                return Ok(());
            }
        }
    }
}
