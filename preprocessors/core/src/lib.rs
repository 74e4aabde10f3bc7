//! Shared core of the report preprocessors.
//!
//! Everything that more than one placeholder needs lives here: the registry of placeholder
//! kinds ([`kind`]), finding placeholders in Markdown ([`scan`]), parsing their arguments ([`args`]), the messages writers see
//! ([`diag`]), the book-wide configuration ([`config`]), datasets ([`data`]), number
//! formatting and derived values ([`format`]), the shared callout markup ([`callout`]),
//! splicing replacements back by byte span ([`edit`]), escaping text from data for every
//! page ([`text`]) and keeping the build inside the book's folder ([`paths`]).

pub mod args;
pub mod calc;
pub mod callout;
pub mod config;
pub mod data;
pub mod diag;
pub mod edit;
pub mod format;
pub mod kind;
pub mod paths;
pub mod pending;
pub mod scan;
pub mod suggest;
pub mod text;
pub mod toml_errors;
