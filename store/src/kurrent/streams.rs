//! Stream names on the server. Without a tenant a wifo stream keeps its name
//! (`organization-…`); with one it is stored as `{tenant}.{category}-{id}`, so several offices
//! share a cluster and a filtered `$all` read sees only one office. The same filter keeps
//! KurrentDB's system streams (`$…`) and the key streams (`wifo_keys-…`, see `keys.rs`) out of
//! wifo's log. Pure functions, tested without a server.

use kurrentdb::SubscriptionFilter;

/// The server's name of a wifo stream.
pub fn to_server(tenant: Option<&str>, stream: &str) -> String {
    match tenant {
        Some(tenant) => format!("{tenant}.{stream}"),
        None => stream.to_owned(),
    }
}

/// wifo's name of a server stream, or `None` for a stream that is not this office's log.
pub fn from_server(tenant: Option<&str>, server: &str) -> Option<String> {
    let stream = match tenant {
        Some(tenant) => server.strip_prefix(tenant)?.strip_prefix('.')?,
        None => server,
    };
    is_wifo_stream(stream).then(|| stream.to_owned())
}

/// The `{category}-{id}` shape of wifo's streams: a lower-case category, a dash, an id.
fn is_wifo_stream(stream: &str) -> bool {
    stream.split_once('-').is_some_and(|(category, id)| {
        !category.is_empty() && !id.is_empty() && category.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// The regular expression the server matches stream names of `$all` against.
pub fn filter_regex(tenant: Option<&str>) -> String {
    match tenant {
        // The tenant is checked to be [a-z0-9]+, so it needs no escaping.
        Some(tenant) => format!("^{tenant}\\.[a-z]+-."),
        None => "^[a-z]+-.".to_owned(),
    }
}

/// The server-side filter for `$all` reads and subscriptions.
pub fn filter(tenant: Option<&str>) -> SubscriptionFilter {
    SubscriptionFilter::on_stream_name().regex(filter_regex(tenant))
}

#[cfg(test)]
#[path = "streams_tests.rs"]
mod tests;
