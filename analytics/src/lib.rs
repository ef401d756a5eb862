//! wifo-analytics.
