//! Progress of a read, shared with whoever draws a progress bar.

use std::sync::atomic::{AtomicU64, Ordering};

/// Counters of a read in progress, for a progress bar drawn by another
/// thread: raw input bytes (before decompression) and events read.
#[derive(Debug, Default)]
pub struct ReadProgress {
    bytes: AtomicU64,
    events: AtomicU64,
}

impl ReadProgress {
    /// Counters at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Input bytes read so far; the input's length once a read succeeded.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Events read so far, updated in batches; the log's event count once a
    /// read succeeded. For OCEL the log's events are the flattened ones:
    /// the count follows the file's events while reading and is corrected
    /// at the end.
    pub fn events(&self) -> u64 {
        self.events.load(Ordering::Relaxed)
    }

    pub(crate) fn add_bytes(&self, bytes: u64) {
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    pub(crate) fn add_events(&self, events: u64) {
        self.events.fetch_add(events, Ordering::Relaxed);
    }

    /// Replaces `counted` events already added by `actual` ones.
    pub(crate) fn correct_events(&self, counted: u64, actual: u64) {
        if actual >= counted {
            self.events.fetch_add(actual - counted, Ordering::Relaxed);
        } else {
            self.events.fetch_sub(counted - actual, Ordering::Relaxed);
        }
    }
}
