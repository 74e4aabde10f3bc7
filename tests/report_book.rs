//! The report itself, built with the pinned mdBook CLI.
