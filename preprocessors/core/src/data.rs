//! Datasets: CSV and JSON files under the book's data folder, with TOML metadata.
