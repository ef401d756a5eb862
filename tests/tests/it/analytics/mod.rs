//! Klausur statistics and leadership reports (`wifo-analytics`) over offices written through
//! the domain's commands: a hand-built scenario with every figure worked out by hand, an office
//! built for the agenda's rules, edge cases, data protection, and every output format read
//! back.

mod agenda;
mod edges;
mod formats;
mod key_figures;
mod klausur;
mod portrait;
mod scenario;
