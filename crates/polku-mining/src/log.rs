//! The columnar event log: interned activities, per-case event ranges and
//! integer timestamps, built once from events in file order.

use std::sync::Arc;

use crate::error::MineError;
use crate::interner::Interner;
use crate::progress::ReadProgress;

/// A log read from a file, with how many incomplete events were left out.
#[derive(Debug, PartialEq, Eq)]
pub struct ReadLog {
    /// The events.
    pub log: EventLog,
    /// Events left out because their case, activity or timestamp was empty.
    pub skipped: u64,
}

/// Events grouped by case, each case's events sorted by time with ties in
/// file order (a stable sort, as pm4py does).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventLog {
    activities: Vec<String>,
    case_offsets: Vec<u32>,
    event_activity: Vec<u32>,
    event_time: Vec<i64>,
}

impl EventLog {
    /// Number of cases.
    pub fn case_count(&self) -> usize {
        self.case_offsets.len().saturating_sub(1)
    }

    /// Number of events.
    pub fn event_count(&self) -> usize {
        self.event_activity.len()
    }

    /// The distinct activity names; an activity id indexes this slice.
    pub fn activity_names(&self) -> &[String] {
        &self.activities
    }

    /// Activity ids of case `case`'s events in order.
    pub fn case_activities(&self, case: usize) -> &[u32] {
        &self.event_activity[self.case_range(case)]
    }

    /// Activity names of case `case`'s events in order.
    pub fn case_activity_names(&self, case: usize) -> impl Iterator<Item = &str> {
        self.case_activities(case)
            .iter()
            .map(|&a| self.activities[a as usize].as_str())
    }

    /// Timestamps (nanoseconds since the Unix epoch, UTC) of case `case`'s events.
    pub fn case_times(&self, case: usize) -> &[i64] {
        &self.event_time[self.case_range(case)]
    }

    fn case_range(&self, case: usize) -> std::ops::Range<usize> {
        self.case_offsets[case] as usize..self.case_offsets[case + 1] as usize
    }
}

/// Collects events in file order and builds an [`EventLog`].
#[derive(Debug, Default)]
pub struct LogBuilder {
    cases: Interner,
    activities: Interner,
    event_case: Vec<u32>,
    event_activity: Vec<u32>,
    event_time: Vec<i64>,
    skipped: u64,
    progress: Option<Arc<ReadProgress>>,
}

/// Events are reported to a progress counter in batches of this many.
pub(crate) const PROGRESS_BATCH: usize = 4096;

impl LogBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder that adds the number of events pushed to
    /// `progress` now and then (and the rest when finished), for a progress
    /// bar in another thread.
    pub fn with_progress(progress: Option<Arc<ReadProgress>>) -> Self {
        Self {
            progress,
            ..Self::default()
        }
    }

    /// Adds one event; `timestamp` is nanoseconds since the Unix epoch, UTC.
    pub fn push(&mut self, case: &str, activity: &str, timestamp: i64) {
        let activity_id = self.activities.intern(activity);
        self.push_interned(case, activity_id, timestamp);
    }

    /// Adds one event whose activity was interned elsewhere (see
    /// [`crate::pipeline`]); the names come with [`LogBuilder::with_activities`].
    pub(crate) fn push_interned(&mut self, case: &str, activity_id: u32, timestamp: i64) {
        let case_id = self.cases.intern(case);
        self.event_case.push(case_id);
        self.event_activity.push(activity_id);
        self.event_time.push(timestamp);
        if let Some(progress) = &self.progress
            && self.event_time.len().is_multiple_of(PROGRESS_BATCH)
        {
            progress.add_events(PROGRESS_BATCH as u64);
        }
    }

    /// Counts an event left out because its case, activity or timestamp was empty.
    pub fn skip_incomplete(&mut self) {
        self.skipped += 1;
    }

    /// How many events were left out as incomplete.
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Takes the activity names interned elsewhere, for events added with
    /// `push_interned`.
    pub(crate) fn with_activities(mut self, activities: Interner) -> Self {
        self.activities = activities;
        self
    }

    /// The finished log with its count of left-out events; a log without a
    /// single complete event is an error.
    pub fn into_read_log(self) -> Result<ReadLog, MineError> {
        if self.is_empty() {
            return Err(MineError::NoEvents);
        }
        let skipped = self.skipped();
        Ok(ReadLog {
            log: self.finish(),
            skipped,
        })
    }

    /// Events pushed so far.
    pub fn len(&self) -> usize {
        self.event_case.len()
    }

    /// Whether no event was pushed.
    pub fn is_empty(&self) -> bool {
        self.event_case.is_empty()
    }

    /// Groups events by case (cases in order of first appearance) and sorts
    /// each case by time, ties kept in file order.
    pub fn finish(self) -> EventLog {
        if let Some(progress) = &self.progress {
            progress.add_events((self.event_time.len() % PROGRESS_BATCH) as u64);
        }
        let activities = self.activities.into_strings();
        let case_count = self.cases.len();
        let mut offsets = vec![0u32; case_count + 1];
        for &case in &self.event_case {
            offsets[case as usize + 1] += 1;
        }
        for i in 0..case_count {
            offsets[i + 1] += offsets[i];
        }
        // A counting sort by case keeps file order within each case; the
        // events are scattered straight into their final places.
        let events = self.event_case.len();
        let mut cursor = offsets.clone();
        let mut event_activity = vec![0u32; events];
        let mut event_time = vec![0i64; events];
        for (event, &case) in self.event_case.iter().enumerate() {
            let slot = &mut cursor[case as usize];
            event_activity[*slot as usize] = self.event_activity[event];
            event_time[*slot as usize] = self.event_time[event];
            *slot += 1;
        }
        let mut pairs: Vec<(i64, u32)> = Vec::new();
        for case in 0..case_count {
            let range = offsets[case] as usize..offsets[case + 1] as usize;
            if event_time[range.clone()].is_sorted() {
                continue;
            }
            // Stable: events at the same instant keep their file order.
            pairs.clear();
            pairs.extend(
                event_time[range.clone()]
                    .iter()
                    .copied()
                    .zip(event_activity[range.clone()].iter().copied()),
            );
            pairs.sort_by_key(|&(time, _)| time);
            for (i, &(time, activity)) in pairs.iter().enumerate() {
                event_time[range.start + i] = time;
                event_activity[range.start + i] = activity;
            }
        }
        EventLog {
            activities,
            case_offsets: offsets,
            event_activity,
            event_time,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_grouped_by_case_and_sorted_stably_by_time() {
        let mut builder = LogBuilder::new();
        builder.push("c2", "b", 5);
        builder.push("c1", "x", 10);
        builder.push("c2", "a", 1);
        builder.push("c1", "y", 10);
        builder.push("c1", "w", 3);
        let log = builder.finish();
        assert_eq!(log.case_count(), 2);
        assert_eq!(log.event_count(), 5);
        let names = |case| -> Vec<&str> {
            log.case_activities(case)
                .iter()
                .map(|&a| log.activity_names()[a as usize].as_str())
                .collect()
        };
        assert_eq!(names(0), ["a", "b"]);
        assert_eq!(names(1), ["w", "x", "y"], "tie at 10 keeps file order");
        assert_eq!(log.case_times(1), [3, 10, 10]);
    }
}
