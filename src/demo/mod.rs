//! Built-in demo letters.
