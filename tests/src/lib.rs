//! wifo-tests.
