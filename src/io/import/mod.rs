//! Bringing in the year a person already has: the exports of time trackers,
//! banks and budget apps. One pipeline for hours and expenses alike: bytes →
//! text → table → recognised export → chosen columns → parsed values →
//! mapped buckets → records, with every row that does not come in reported
//! with its line and why.

pub mod amounts;
pub mod dates;
pub mod durations;
