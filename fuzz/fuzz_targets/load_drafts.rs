//! Fuzz the drafts loader: any bytes give drafts or an error naming a line, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = letterdesk::drafts::parse_bytes(Path::new("fuzz.responses.toml"), data);
});
