//! Arbitrary bytes (plain or gzip) as an XES log: an error or a log, never
//! a panic; a log that reads is analysed too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(read) = polku_mining::read_xes(data) {
        std::hint::black_box(polku_mining::analyse(&read.log));
    }
});
