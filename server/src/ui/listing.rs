//! What every long list of the UI shares (the organization search, the visit, contact and
//! inquiry lists behind the lead's figures): its address with one parameter changed, column
//! headings that sort (`sortierung`, `absteigend=1`, `aria-sort` for screen readers), numbered
//! pages (`seite`; the first and last page, the current one and two on either side), „Seite 3
//! von 29“, and the download links of exactly the current list (`format=csv|xlsx`, every page).
//! The template macro `pager` writes the page links.

use wifo_app::export::TableFormat;
use wifo_domain::german;

use super::texts;

/// A column heading that sorts by it; `aria_sort` for screen readers.
pub(crate) struct SortLink {
    pub href: String,
    pub aria_sort: &'static str,
    pub arrow: &'static str,
}

/// One link of the pager.
pub(crate) struct PageLink {
    pub label: String,
    pub href: Option<String>,
    pub current: bool,
}

/// The download links of a list: every page of it, in the order shown.
pub(crate) struct Downloads {
    pub csv_href: String,
    pub xlsx_href: String,
}

/// The pager as a template shows it.
pub(crate) struct Pager {
    /// „Seite 3 von 29“.
    pub page_of: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub links: Vec<PageLink>,
    pub downloads: Downloads,
}

/// A list's address: its path and the parameters it was opened with, in a stable order.
pub(crate) struct ListAddress {
    path: &'static str,
    pairs: Vec<(&'static str, String)>,
}

impl ListAddress {
    pub(crate) fn new(path: &'static str, pairs: Vec<(&'static str, String)>) -> Self {
        Self { path, pairs }
    }

    fn get(&self, key: &str) -> &str {
        self.pairs
            .iter()
            .find(|(name, _)| *name == key)
            .map_or("", |(_, value)| value.as_str())
    }

    /// The address with `changes` applied; empty values are left out.
    pub(crate) fn with(&self, changes: &[(&str, String)]) -> String {
        let mut query: Vec<(&str, String)> = self
            .pairs
            .iter()
            .filter(|(key, _)| !changes.iter().any(|(changed, _)| changed == key))
            .map(|(key, value)| (*key, value.clone()))
            .chain(changes.iter().cloned())
            .filter(|(_, value)| !value.is_empty())
            .collect();
        query.sort_by_key(|(key, _)| *key);
        format!(
            "{}?{}",
            self.path,
            serde_urlencoded::to_string(&query).unwrap_or_default()
        )
    }

    /// The heading link of column `value`: ascending first, descending on a second click.
    pub(crate) fn sort_link(&self, value: &str) -> SortLink {
        let active = self.get("sortierung") == value;
        let descending = self.get("absteigend") == "1";
        let href = self.with(&[
            ("sortierung", value.to_owned()),
            (
                "absteigend",
                if active && !descending { "1" } else { "" }.to_owned(),
            ),
            ("seite", String::new()),
        ]);
        let (aria_sort, arrow) = match (active, descending) {
            (true, false) => ("ascending", " ▲"),
            (true, true) => ("descending", " ▼"),
            (false, _) => ("none", ""),
        };
        SortLink {
            href,
            aria_sort,
            arrow,
        }
    }

    /// The pager of page `current` of `last`, with the download links of the whole list.
    pub(crate) fn pager(&self, current: usize, last: usize) -> Pager {
        let mut links = Vec::new();
        let mut previous_shown = 0;
        for number in 1..=last {
            let near = number + 2 >= current && number <= current + 2;
            if number != 1 && number != last && !near {
                continue;
            }
            if number > previous_shown + 1 {
                links.push(PageLink {
                    label: "…".to_owned(),
                    href: None,
                    current: false,
                });
            }
            links.push(PageLink {
                label: german::integer(number as i64),
                href: (number != current).then(|| self.with(&[("seite", number.to_string())])),
                current: number == current,
            });
            previous_shown = number;
        }
        Pager {
            page_of: format!(
                "{} {} {} {}",
                texts::get("search.page"),
                german::integer(current as i64),
                texts::get("search.of"),
                german::integer(last as i64)
            ),
            previous: (current > 1).then(|| self.with(&[("seite", (current - 1).to_string())])),
            next: (current < last).then(|| self.with(&[("seite", (current + 1).to_string())])),
            links,
            downloads: self.downloads(),
        }
    }

    /// The download links of the whole list.
    pub(crate) fn downloads(&self) -> Downloads {
        Downloads {
            csv_href: self.with(&[("format", "csv".to_owned()), ("seite", String::new())]),
            xlsx_href: self.with(&[("format", "xlsx".to_owned()), ("seite", String::new())]),
        }
    }
}

/// The page number asked for (`seite`), at least 1.
pub(crate) fn page_number(seite: &str) -> usize {
    seite.parse::<usize>().unwrap_or(1).max(1)
}

/// The file format a download asks for (`csv`, `xlsx`, as the exports name them); the page
/// for anything else.
pub(crate) fn download_format(format: &str) -> Option<TableFormat> {
    TableFormat::parse(format).filter(|format| *format != TableFormat::Json)
}
