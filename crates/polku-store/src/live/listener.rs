//! On PostgreSQL, hears the events other instances write (`NOTIFY
//! polku_events, 'session:seq'`) and passes them to this process's hub.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use polku_domain::LiveSessionId;
use sqlx::postgres::PgListener;

use crate::{Backend, Store};

/// The notification channel every instance listens on.
pub(crate) const CHANNEL: &str = "polku_events";

impl Store {
    /// Starts this process's listener once, on PostgreSQL only.
    pub(crate) fn start_listener(&self) {
        if !matches!(self.backend, Backend::Postgres(_)) {
            return;
        }
        if self.hub.listening.swap(true, Ordering::AcqRel) {
            return;
        }
        let store = self.clone();
        tokio::spawn(async move { store.listen().await });
    }

    async fn listen(self) {
        let Backend::Postgres(pool) = &self.backend else {
            return;
        };
        loop {
            if pool.is_closed() {
                return;
            }
            let mut listener = match PgListener::connect_with(pool).await {
                Ok(listener) => listener,
                Err(error) => {
                    tracing::warn!(%error, "live events: cannot listen; retrying");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            };
            if let Err(error) = listener.listen(CHANNEL).await {
                tracing::warn!(%error, "live events: LISTEN failed; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            // Whatever was written while nobody listened.
            self.resync().await;
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => self.heard(notification.payload()).await,
                    // The connection dropped and was made again: catch up.
                    Ok(None) => self.resync().await,
                    Err(_) => break,
                }
            }
        }
    }

    /// Handles `session:seq` from another instance (or this one).
    async fn heard(&self, payload: &str) {
        let Some((session, seq)) = payload.split_once(':') else {
            return;
        };
        let (Ok(session), Ok(seq)) = (session.parse::<LiveSessionId>(), seq.parse::<i64>()) else {
            return;
        };
        if !self.hub.is_followed(session) {
            return;
        }
        if let Ok(Some(event)) = self.live_event(session, seq).await {
            self.hub.publish(Arc::new(event));
        }
    }

    /// Publishes the last event of every session followed here; a follower
    /// that sees the number jump reads the rest from the table.
    async fn resync(&self) {
        for session in self.hub.followed() {
            if let Ok(seq) = self.live_last_seq(session).await
                && let Ok(Some(event)) = self.live_event(session, seq).await
            {
                self.hub.publish(Arc::new(event));
            }
        }
    }
}
