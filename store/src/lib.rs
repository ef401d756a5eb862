//! wifo-store.
