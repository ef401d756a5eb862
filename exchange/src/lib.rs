//! Files in and out of wifo: reading the spreadsheets offices already have (CSV in any of the
//! encodings German offices produce, XLSX, ODS) into import plans that say for every row what
//! will happen, and writing exports in the formats they use (CSV for German Excel, XLSX,
//! iCalendar, JSON Lines). Pure with respect to the store: plans and files in, plans and files
//! out; the server executes plans through the command handler.

pub mod export;
mod formula;
pub mod geometry;
pub mod hierarchy;
pub mod mapping;
pub mod organizations;
pub mod table;
