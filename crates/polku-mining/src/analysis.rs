//! Pure analyses over an [`EventLog`]: the same functions serve the CLI and
//! the web.

use rustc_hash::FxHashMap;

use crate::log::EventLog;
use crate::report::{ActivityCount, DropOff, Edge, Report, Tally, Variant, Waits};

const NANOS: f64 = 1e9;

/// Computes every figure of the report: variants on a second thread, the
/// rest in one pass over the cases on this one.
pub fn analyse(log: &EventLog) -> Report {
    std::thread::scope(|scope| {
        let variants = scope.spawn(|| variants(log));
        let mut report = counts_and_edges(log);
        report.variants = match variants.join() {
            Ok(variants) => variants,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        report
    })
}

/// Distinct activity sequences, most frequent first.
fn variants(log: &EventLog) -> Vec<Variant> {
    let names = log.activity_names();
    let mut counts: FxHashMap<&[u32], u64> = FxHashMap::default();
    for case in 0..log.case_count() {
        let activities = log.case_activities(case);
        if !activities.is_empty() {
            *counts.entry(activities).or_default() += 1;
        }
    }
    let mut variants: Vec<Variant> = counts
        .into_iter()
        .map(|(sequence, count)| Variant {
            activities: sequence
                .iter()
                .map(|&a| names[a as usize].clone())
                .collect(),
            count,
        })
        .collect();
    variants.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.activities.cmp(&b.activities))
    });
    variants
}

/// Where the edge between two activities is kept: a dense table for the
/// usual few dozen activities, a hash map for very many.
enum EdgeIndex {
    Dense { width: usize, slots: Vec<u32> },
    Sparse(FxHashMap<(u32, u32), u32>),
}

impl EdgeIndex {
    const NONE: u32 = u32::MAX;

    fn new(activities: usize) -> Self {
        match activities.checked_mul(activities) {
            Some(cells) if cells <= 1 << 20 => EdgeIndex::Dense {
                width: activities,
                slots: vec![Self::NONE; cells],
            },
            _ => EdgeIndex::Sparse(FxHashMap::default()),
        }
    }

    /// The edge's index, calling `add` to make one when it is new.
    fn get_or_add(&mut self, from: u32, to: u32, add: impl FnOnce() -> u32) -> u32 {
        match self {
            EdgeIndex::Dense { width, slots } => {
                let slot = &mut slots[from as usize * *width + to as usize];
                if *slot == Self::NONE {
                    *slot = add();
                }
                *slot
            }
            EdgeIndex::Sparse(map) => *map.entry((from, to)).or_insert_with(add),
        }
    }
}

/// Everything but the variants.
fn counts_and_edges(log: &EventLog) -> Report {
    let names = log.activity_names();
    let n_activities = names.len();
    let mut activity_counts = vec![0u64; n_activities];
    let mut starts = vec![0u64; n_activities];
    let mut ends = vec![0u64; n_activities];
    let mut reached = vec![0u64; n_activities];
    let mut last_seen_in_case = vec![usize::MAX; n_activities];
    let mut edge_index = EdgeIndex::new(n_activities);
    let mut edges: Vec<((u32, u32), Vec<i64>)> = Vec::new();

    for case in 0..log.case_count() {
        let activities = log.case_activities(case);
        let times = log.case_times(case);
        let (Some(&first), Some(&last)) = (activities.first(), activities.last()) else {
            continue;
        };
        starts[first as usize] += 1;
        ends[last as usize] += 1;
        for &activity in activities {
            activity_counts[activity as usize] += 1;
            let seen = &mut last_seen_in_case[activity as usize];
            if *seen != case {
                *seen = case;
                reached[activity as usize] += 1;
            }
        }
        for i in 1..activities.len() {
            let key = (activities[i - 1], activities[i]);
            let index = edge_index.get_or_add(key.0, key.1, || {
                edges.push((key, Vec::new()));
                (edges.len() - 1) as u32
            }) as usize;
            // Saturating: times 292 years apart (1700 and 2000, say) do
            // not fit an i64 of nanoseconds (found by fuzzing).
            edges[index].1.push(times[i].saturating_sub(times[i - 1]));
        }
    }

    let name = |id: u32| names[id as usize].clone();
    let tallies = |counts: &[u64]| {
        let mut out: Vec<Tally> = counts
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c > 0)
            .map(|(id, &count)| Tally {
                activity: names[id].clone(),
                count,
            })
            .collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.activity.cmp(&b.activity))
        });
        out
    };

    let mut activities: Vec<ActivityCount> = activity_counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(id, &count)| ActivityCount {
            name: names[id].clone(),
            count,
        })
        .collect();
    activities.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));

    let mut dfg: Vec<Edge> = edges
        .into_iter()
        .map(|((from, to), mut waits)| {
            waits.sort_unstable();
            Edge {
                from: name(from),
                to: name(to),
                count: waits.len() as u64,
                wait_seconds: wait_statistics(&waits),
            }
        })
        .collect();
    dfg.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.from.cmp(&b.from))
            .then_with(|| a.to.cmp(&b.to))
    });

    let mut drop_off: Vec<DropOff> = (0..n_activities)
        .filter(|&id| reached[id] > 0)
        .map(|id| DropOff {
            activity: names[id].clone(),
            reached: reached[id],
            ended: ends[id],
            share: ends[id] as f64 / reached[id] as f64,
        })
        .collect();
    drop_off.sort_by(|a, b| {
        b.ended
            .cmp(&a.ended)
            .then_with(|| a.activity.cmp(&b.activity))
    });

    Report {
        cases: log.case_count() as u64,
        events: log.event_count() as u64,
        activities,
        start: tallies(&starts),
        end: tallies(&ends),
        dfg,
        variants: Vec::new(),
        drop_off,
    }
}

/// Median, 90th percentile and mean of sorted waits given in nanoseconds.
fn wait_statistics(sorted: &[i64]) -> Waits {
    let n = sorted.len();
    if n == 0 {
        return Waits {
            median: 0.0,
            p90: 0.0,
            mean: 0.0,
        };
    }
    let seconds = |i: usize| sorted[i] as f64 / NANOS;
    let median = if n % 2 == 1 {
        seconds(n / 2)
    } else {
        (sorted[n / 2 - 1] as f64 + sorted[n / 2] as f64) / 2.0 / NANOS
    };
    let total: i128 = sorted.iter().map(|&w| i128::from(w)).sum();
    let mean = (total as f64 / n as f64) / NANOS;
    Waits {
        median,
        p90: percentile_linear(n, 0.9, seconds),
        mean,
    }
}

/// numpy.percentile with the default linear method, including its way of
/// interpolating from the upper neighbour when the fraction is 0.5 or more.
fn percentile_linear(n: usize, q: f64, value: impl Fn(usize) -> f64) -> f64 {
    let virtual_index = q * (n - 1) as f64;
    let below = virtual_index.floor();
    let t = virtual_index - below;
    let lo = below as usize;
    let hi = (lo + 1).min(n - 1);
    let (a, b) = (value(lo), value(hi));
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::LogBuilder;

    const S: i64 = 1_000_000_000;

    fn log(events: &[(&str, &str, i64)]) -> EventLog {
        let mut builder = LogBuilder::new();
        for (case, activity, t) in events {
            builder.push(case, activity, t * S);
        }
        builder.finish()
    }

    #[test]
    fn counts_edges_variants_and_drop_off() {
        let report = analyse(&log(&[
            ("1", "a", 0),
            ("1", "b", 10),
            ("1", "c", 30),
            ("2", "a", 0),
            ("2", "b", 20),
            ("3", "a", 5),
            ("3", "a", 6),
        ]));
        assert_eq!((report.cases, report.events), (3, 7));
        assert_eq!(
            report.activities[0],
            ActivityCount {
                name: "a".into(),
                count: 4
            }
        );
        assert_eq!(
            report.start,
            vec![Tally {
                activity: "a".into(),
                count: 3
            }]
        );
        let ab = &report.dfg[0];
        assert_eq!((ab.from.as_str(), ab.to.as_str(), ab.count), ("a", "b", 2));
        assert_eq!(ab.wait_seconds.median, 15.0);
        assert_eq!(ab.wait_seconds.mean, 15.0);
        assert_eq!(ab.wait_seconds.p90, 19.0);
        assert!(
            report
                .dfg
                .iter()
                .any(|e| e.from == "a" && e.to == "a" && e.count == 1),
            "self-loop"
        );
        assert_eq!(report.variants.len(), 3);
        let a = report
            .drop_off
            .iter()
            .find(|d| d.activity == "a")
            .expect("a");
        assert_eq!((a.reached, a.ended), (3, 1));
        assert!((a.share - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn percentile_matches_numpy_linear() {
        // numpy.percentile([1, 2, 3, 4, 10], 90) == 7.6
        let values = [1.0, 2.0, 3.0, 4.0, 10.0];
        let p = percentile_linear(values.len(), 0.9, |i| values[i]);
        assert!((p - 7.6).abs() < 1e-12);
        assert_eq!(percentile_linear(1, 0.9, |_| 42.0), 42.0);
    }
}
