//! Drafts store.
