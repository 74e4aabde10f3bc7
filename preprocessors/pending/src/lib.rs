//! Pending work and the progress page.
