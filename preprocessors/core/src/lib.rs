//! Shared core of the report preprocessors.
//!
//! Everything that more than one placeholder needs lives here: finding placeholders in
//! Markdown ([`scan`]), parsing their arguments ([`args`]), the messages writers see
//! ([`diag`]), the book-wide configuration ([`config`]), datasets ([`data`]), number
//! formatting and derived values ([`format`]), the shared callout markup ([`callout`]) and
//! splicing replacements back by byte span ([`edit`]).

pub mod args;
pub mod calc;
pub mod callout;
pub mod config;
pub mod data;
pub mod diag;
pub mod edit;
pub mod format;
pub mod pending;
pub mod scan;
pub mod suggest;
pub mod text;
pub mod toml_errors;
