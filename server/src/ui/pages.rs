//! What every page shares: the frame (title, user, role, navigation of the role, CSRF token for
//! the forms), rendering a template into a response, the German error pages (rendered for an
//! `error::PageError`), and the redirect after a successful form post (POST → 303 → GET, so
//! reloading never posts twice).

use askama::Template;
use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};
use wifo_domain::values::Role;

use super::texts;
use wifo_app::auth::Caller;

/// One entry of the navigation.
#[derive(Clone, Debug)]
pub(super) struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

/// The frame of every page.
#[derive(Clone, Debug)]
pub(super) struct Chrome {
    pub title: String,
    pub user: String,
    pub role: String,
    pub nav: Vec<NavItem>,
    pub csrf: String,
    /// A confirmation after a form post (`?ok=…`), shown once.
    pub notice: Option<String>,
}

/// The navigation of a role: (path, text key).
fn navigation(role: Role) -> &'static [(&'static str, &'static str)] {
    match role {
        Role::Staff => &[
            ("/woche", "nav.week"),
            ("/organisationen", "nav.organizations"),
            ("/anliegen", "nav.inquiries"),
            ("/organisationen/neu", "nav.register"),
            ("/organisationen/dubletten", "nav.duplicates"),
            ("/regionen", "nav.regions"),
            ("/anschriften", "nav.addresses"),
        ],
        Role::Lead => &[
            ("/leitung", "nav.dashboard"),
            ("/regionen", "nav.regions"),
            ("/anliegen", "nav.inquiries"),
            ("/klausur", "nav.retreats"),
            ("/kooperationen", "nav.board"),
            ("/organisationen", "nav.organizations"),
        ],
        Role::Planner => &[
            ("/klausur", "nav.retreats"),
            ("/regionen", "nav.regions"),
            ("/kooperationen", "nav.board"),
            ("/organisationen", "nav.organizations"),
        ],
        Role::CitizensOffice => &[("/buergerbuero", "nav.citizens_office")],
        Role::DataProtection => &[
            ("/verwaltung/datenschutz", "nav.privacy"),
            ("/datenschutz/aufbewahrung", "nav.retention"),
            ("/datenschutz/absender", "nav.senders"),
            ("/datenschutz/zugriffe", "nav.access_log"),
            ("/datenschutz/verzeichnis", "nav.processing"),
        ],
        Role::Admin => &[
            ("/verwaltung", "nav.users"),
            ("/verwaltung/taxonomien/topics", "nav.taxonomies"),
            ("/verwaltung/handreichung", "nav.guide"),
            ("/verwaltung/datenschutz", "nav.privacy"),
            ("/verwaltung/import", "nav.import"),
            ("/organisationen/dubletten", "nav.duplicates"),
            ("/woche", "nav.week"),
            ("/organisationen", "nav.organizations"),
            ("/anliegen", "nav.inquiries"),
            ("/leitung", "nav.dashboard"),
            ("/klausur", "nav.retreats"),
        ],
    }
}

/// The page a role lands on after login.
pub(super) fn landing(role: Role) -> &'static str {
    navigation(role)
        .first()
        .map(|(path, _)| *path)
        .unwrap_or("/organisationen")
}

impl Chrome {
    /// The frame for `caller` on the page at `path`.
    pub(super) fn new(caller: &Caller, title: impl Into<String>, path: &str) -> Self {
        let nav = navigation(caller.role)
            .iter()
            .map(|(href, key)| NavItem {
                href,
                label: texts::get(key),
                current: *href == path,
            })
            .collect();
        Self {
            title: title.into(),
            user: caller
                .display_name
                .clone()
                .unwrap_or_else(|| caller.user.to_string()),
            role: caller.role.label().to_owned(),
            nav,
            csrf: caller.csrf_token.clone().unwrap_or_default(),
            notice: None,
        }
    }

    /// The frame with the confirmation named by `?ok=key`.
    pub(super) fn with_notice(mut self, key: Option<&str>) -> Self {
        self.notice = key
            .map(|key| format!("notice.{key}"))
            .and_then(|key| texts::lookup(&key))
            .map(str::to_owned);
        self
    }

    /// The frame of a page without login (login, errors).
    pub(super) fn anonymous(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            user: String::new(),
            role: String::new(),
            nav: Vec::new(),
            csrf: String::new(),
            notice: None,
        }
    }
}

/// A rendered page; a template error is logged and answered with the German 500 page.
pub(super) fn render(template: &impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "template error");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html(texts::get("error.internal_html").to_owned()),
            )
                .into_response()
        }
    }
}

pub(super) fn ok(template: &impl Template) -> Response {
    render(template, StatusCode::OK)
}

/// The query of a page reached through `done`: `?ok=key` names the confirmation to show.
#[derive(serde::Deserialize, Default)]
pub(super) struct Notice {
    pub ok: Option<String>,
}

/// After a successful post: back to `path` with a confirmation.
pub(super) fn done(path: &str, notice: &str) -> Response {
    let separator = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{separator}ok={notice}")).into_response()
}

#[derive(Template)]
#[template(path = "message.html")]
pub(super) struct MessagePage {
    pub page: Chrome,
    pub t: texts::Texts,
    pub heading: String,
    pub text: String,
}

fn message(caller: Option<&Caller>, status: StatusCode, heading: &str, text: &str) -> Response {
    let page = match caller {
        Some(caller) => Chrome::new(caller, heading, ""),
        None => Chrome::anonymous(heading),
    };
    render(
        &MessagePage {
            page,
            t: texts::Texts,
            heading: heading.to_owned(),
            text: text.to_owned(),
        },
        status,
    )
}

pub(super) fn forbidden(caller: &Caller) -> Response {
    message(
        Some(caller),
        StatusCode::FORBIDDEN,
        texts::get("error.forbidden_title"),
        texts::get("error.forbidden_text"),
    )
}

pub(super) fn csrf_refused(caller: &Caller) -> Response {
    message(
        Some(caller),
        StatusCode::FORBIDDEN,
        texts::get("error.csrf_title"),
        texts::get("error.csrf_text"),
    )
}

pub(super) fn not_found(caller: Option<&Caller>, what: &str) -> Response {
    message(
        caller,
        StatusCode::NOT_FOUND,
        texts::get("error.not_found_title"),
        what,
    )
}

/// A form body over the size limit.
pub(super) fn too_large(caller: &Caller, text: &str) -> Response {
    message(
        Some(caller),
        StatusCode::PAYLOAD_TOO_LARGE,
        texts::get("error.too_large_title"),
        text,
    )
}

/// The views did not catch up with the user's own write in time, or the store failed.
pub(super) fn unavailable(caller: &Caller, detail: &str) -> Response {
    message(
        Some(caller),
        StatusCode::SERVICE_UNAVAILABLE,
        texts::get("error.unavailable_title"),
        detail,
    )
}
