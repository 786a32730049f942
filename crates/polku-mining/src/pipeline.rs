//! Reading and building on two cores: the reader thread parses fields and
//! timestamps into batches, another thread interns and stores them.
//!
//! On a two-core machine this overlaps the parse (about half the work) with
//! the hash lookups of interning (the other half).

use std::sync::Arc;
use std::sync::mpsc::{SyncSender, sync_channel};

use crate::interner::Interner;
use crate::log::LogBuilder;
use crate::progress::ReadProgress;

/// Rows per batch: big enough to make channel traffic negligible, small
/// enough to stay in cache.
const BATCH_ROWS: usize = 8192;
/// Batches in flight between the threads.
const BATCHES_IN_FLIGHT: usize = 4;

/// A batch of parsed events: their case ids back to back, and per row where
/// the case id ends, the activity's id and the timestamp.
#[derive(Default)]
struct Batch {
    text: String,
    rows: Vec<(usize, u32, i64)>,
    skipped: u64,
}

/// Collects parsed events on the reader's thread and hands them over in batches.
/// Activities, being few and hot in cache, are interned right here; the many
/// case ids on the other thread.
pub struct EventSink {
    batch: Batch,
    sender: SyncSender<Batch>,
    sent: usize,
    activities: Interner,
}

impl EventSink {
    /// Adds one complete event; `timestamp` in nanoseconds since the epoch, UTC.
    pub fn push(&mut self, case: &str, activity: &str, timestamp: i64) {
        let activity = self.activities.intern(activity);
        self.batch.text.push_str(case);
        self.batch
            .rows
            .push((self.batch.text.len(), activity, timestamp));
        if self.batch.rows.len() == BATCH_ROWS {
            self.flush();
        }
    }

    /// Counts an event left out because a field was empty.
    pub fn skip_incomplete(&mut self) {
        self.batch.skipped += 1;
    }

    /// Events handed over so far plus those waiting in the current batch.
    pub fn len(&self) -> usize {
        self.sent + self.batch.rows.len()
    }

    /// Whether no event was pushed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn flush(&mut self) {
        let capacity = self.batch.text.capacity();
        let full = std::mem::replace(
            &mut self.batch,
            Batch {
                text: String::with_capacity(capacity),
                rows: Vec::with_capacity(BATCH_ROWS),
                skipped: 0,
            },
        );
        self.sent += full.rows.len();
        // The receiver only stops when the sink is dropped, so a send cannot fail
        // while the sink lives; if it did, the builder's count shows the loss.
        let _ = self.sender.send(full);
    }
}

/// Runs `produce` on this thread and builds the log on another; returns a
/// builder holding every event `produce` pushed, or `produce`'s error.
pub fn build_concurrently<E>(
    progress: Option<Arc<ReadProgress>>,
    produce: impl FnOnce(&mut EventSink) -> Result<(), E>,
) -> Result<LogBuilder, E> {
    std::thread::scope(|scope| {
        let (sender, receiver) = sync_channel::<Batch>(BATCHES_IN_FLIGHT);
        let consumer = scope.spawn(move || {
            let mut builder = LogBuilder::with_progress(progress);
            for batch in receiver {
                let mut start = 0;
                for &(case_end, activity, timestamp) in &batch.rows {
                    builder.push_interned(&batch.text[start..case_end], activity, timestamp);
                    start = case_end;
                }
                for _ in 0..batch.skipped {
                    builder.skip_incomplete();
                }
            }
            builder
        });
        let mut sink = EventSink {
            batch: Batch::default(),
            sender,
            sent: 0,
            activities: Interner::default(),
        };
        let produced = produce(&mut sink);
        if produced.is_ok() && (!sink.batch.rows.is_empty() || sink.batch.skipped > 0) {
            sink.flush();
        }
        let activities = std::mem::take(&mut sink.activities);
        drop(sink);
        let builder = match consumer.join() {
            Ok(builder) => builder,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        produced.map(|()| builder.with_activities(activities))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_arrives_in_order_across_batches() {
        let builder = build_concurrently::<()>(None, |sink| {
            for i in 0..(BATCH_ROWS * 2 + 17) {
                sink.push(&format!("c{}", i % 3), "toiminto", i as i64);
            }
            sink.skip_incomplete();
            Ok(())
        })
        .expect("built");
        assert_eq!(builder.len(), BATCH_ROWS * 2 + 17);
        assert_eq!(builder.skipped(), 1);
        let log = builder.finish();
        assert_eq!(log.case_count(), 3);
        assert!(log.case_times(0).windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_error_from_the_reader_wins() {
        let result = build_concurrently(None, |sink| {
            sink.push("c", "a", 1);
            Err("broken")
        });
        assert_eq!(result.err(), Some("broken"));
    }
}
