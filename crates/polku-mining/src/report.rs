//! The analysis result, serialised exactly as the contract's
//! "`polku mine --json` output" section shows (plus `drop_off`).

use serde::{Serialize, Serializer};

/// Everything `polku mine` reports about a log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Number of cases.
    pub cases: u64,
    /// Number of events.
    pub events: u64,
    /// Events per activity.
    pub activities: Vec<ActivityCount>,
    /// Cases per first activity.
    pub start: Vec<Tally>,
    /// Cases per last activity.
    pub end: Vec<Tally>,
    /// Directly-follows edges with their waiting times.
    pub dfg: Vec<Edge>,
    /// Distinct activity sequences and how many cases follow each.
    pub variants: Vec<Variant>,
    /// For each activity: cases that reach it, cases that end there, and the share.
    pub drop_off: Vec<DropOff>,
}

/// An activity and its number of events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityCount {
    /// Activity name.
    pub name: String,
    /// Number of events.
    pub count: u64,
}

/// An activity and a number of cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Activity name.
    pub activity: String,
    /// Number of cases.
    pub count: u64,
}

/// One directly-follows edge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// The earlier activity.
    pub from: String,
    /// The activity right after it in the same case.
    pub to: String,
    /// How often `to` directly follows `from`.
    pub count: u64,
    /// Seconds between the two events.
    pub wait_seconds: Waits,
}

/// Waiting-time statistics in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Waits {
    /// Median (the mean of the middle two for an even count).
    #[serde(serialize_with = "number")]
    pub median: f64,
    /// 90th percentile, linearly interpolated (numpy's default).
    #[serde(serialize_with = "number")]
    pub p90: f64,
    /// Arithmetic mean.
    #[serde(serialize_with = "number")]
    pub mean: f64,
}

/// A variant: a sequence of activities and the cases that follow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// The activities in order.
    pub activities: Vec<String>,
    /// Number of cases.
    pub count: u64,
}

/// Where cases end, relative to how many reach an activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DropOff {
    /// Activity name.
    pub activity: String,
    /// Cases with at least one event of this activity.
    pub reached: u64,
    /// Cases whose last event is this activity.
    pub ended: u64,
    /// `ended / reached`.
    #[serde(serialize_with = "number")]
    pub share: f64,
}

/// Writes whole numbers without a fraction (`5`, not `5.0`), as the oracle does.
fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() < EXACT {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

impl Report {
    /// Writes the report as compact JSON followed by a newline (as the
    /// oracle prints it; pipe it through `jq` to read it).
    pub fn write_json<W: std::io::Write>(&self, mut out: W) -> std::io::Result<()> {
        serde_json::to_writer(&mut out, self)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}
