//! wifo-projections.
