//! Default taxonomies.
