//! Number formatting for Chinese reports, and values derived from data.
