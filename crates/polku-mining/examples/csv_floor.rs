//! The floor for reading a CSV event log: the least any reader must do.
//!
//! Parses the file with the `csv` crate into one reused `ByteRecord`, counts
//! the records and sums the byte lengths of the case, activity and timestamp
//! columns (no UTF-8 check, no timestamp parsing, no grouping). Used by
//! `scripts/bench-mine.sh` to show how close `polku mine` is to bare parsing.
//!
//! Usage: `csv_floor LOG.csv [CASE ACTIVITY TIMESTAMP]` (columns default to
//! `case_id activity timestamp`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: csv_floor LOG.csv [CASE ACTIVITY TIMESTAMP]");
        return ExitCode::from(2);
    };
    let wanted: Vec<&str> = match &args[1..] {
        [case, activity, timestamp] => vec![case.as_str(), activity.as_str(), timestamp.as_str()],
        [] => vec!["case_id", "activity", "timestamp"],
        _ => {
            eprintln!("usage: csv_floor LOG.csv [CASE ACTIVITY TIMESTAMP]");
            return ExitCode::from(2);
        }
    };
    match count(path, &wanted) {
        Ok((records, bytes)) => {
            println!("{records} records, {bytes} bytes in the three columns");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{path}: {error}");
            ExitCode::FAILURE
        }
    }
}

fn count(path: &str, wanted: &[&str]) -> Result<(u64, u64), Box<dyn std::error::Error>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .buffer_capacity(1 << 16)
        .from_path(path)?;
    let headers = reader.byte_headers()?.clone();
    let columns = wanted
        .iter()
        .map(|name| {
            headers
                .iter()
                .position(|h| h == name.as_bytes())
                .ok_or_else(|| format!("column {name:?} not found"))
        })
        .collect::<Result<Vec<usize>, String>>()?;
    let mut record = csv::ByteRecord::new();
    let (mut records, mut bytes) = (0u64, 0u64);
    while reader.read_byte_record(&mut record)? {
        records += 1;
        for &column in &columns {
            bytes += record.get(column).map_or(0, |field| field.len() as u64);
        }
    }
    Ok((records, bytes))
}
