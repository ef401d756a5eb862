//! Queries on the views: each takes the views (and "today" where the answer depends on it) and
//! returns plain data the server turns into JSON or HTML.

pub mod at_risk;
pub mod audit;
pub mod board;
pub mod coverage;
pub mod directory;
pub mod entered;
pub mod guide;
pub mod holidays;
pub mod names;
pub mod personal;
pub mod profile;
pub mod work;
