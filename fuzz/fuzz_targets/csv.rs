//! Arbitrary bytes as a CSV event log: an error or a log, never a panic;
//! a log that reads is analysed too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polku_mining::csv_reader::{CsvOptions, read_csv};

fuzz_target!(|data: &[u8]| {
    if let Ok(read) = read_csv(data, &CsvOptions::default()) {
        std::hint::black_box(polku_mining::analyse(&read.log));
    }
});
