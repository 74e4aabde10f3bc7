//! The report preprocessor.
