//! The data placeholders.
