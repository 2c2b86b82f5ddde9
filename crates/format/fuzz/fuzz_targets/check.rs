//! Arbitrary bytes into `check_bytes` (parse, decode, validate), with every invariant of
//! `sealift_format_fuzz::verify` asserted on the outcome.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sealift_format_fuzz::check_and_verify(data);
});
