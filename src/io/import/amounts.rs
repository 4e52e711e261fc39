//! (filled in by issue 12)
