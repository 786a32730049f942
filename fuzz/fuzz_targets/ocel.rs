//! Arbitrary bytes as an OCEL 2.0 log, given to both the JSON and the XML
//! reader (each refuses the other's format at once), flattened on the
//! object type `o`, which the seed corpus uses: an error or a log, never a
//! panic; a log that reads is analysed too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for read in [
        polku_mining::read_ocel_json(data, "o"),
        polku_mining::read_ocel_xml(data, "o"),
    ]
    .into_iter()
    .flatten()
    {
        std::hint::black_box(polku_mining::analyse(&read.log));
    }
});
