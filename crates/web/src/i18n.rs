//! Interface text in the reader's language. Every sentence a page shows
//! comes from the Fluent message files under `locales/` (one folder per
//! language, English the reference); the language is the one the reader
//! picked with the switcher (a cookie holding only `en` or `es`), else the
//! first of their browser's `Accept-Language` we speak, else English.
//! Dates and numbers are written the way that language writes them.

use std::borrow::Cow;
use std::sync::LazyLock;

use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use confide_core::Timestamp;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// Message ids, generated from the English files by `build.rs`: naming a
/// message that does not exist is a compile error.
pub mod m {
    /// One message of the catalogue.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Msg(pub &'static str);

    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub use m::Msg;

/// The cookie the language switcher sets. It holds a language code and
/// nothing else, so it says nothing about who someone is.
pub const LANG_COOKIE: &str = "lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code, for `<html lang>` and `Content-Language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, as a switcher shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// `es`, `es-MX`, `ES`… as Spanish; anything we do not speak as `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The reader's first language we speak, by the weights their browser
    /// gives (`es-ES,es;q=0.9,en;q=0.8`); English when none.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for item in accept_language.split(',').take(16) {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else {
                continue;
            };
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .filter(|q| q.is_finite() && *q > 0.0);
            if let Some(q) = weight {
                if best.is_none_or(|(w, _)| q > w) {
                    best = Some((q, lang));
                }
            }
        }
        best.map_or(Lang::En, |(_, lang)| lang)
    }

    /// The switcher's choice if there is one, else the browser's.
    pub fn for_request(headers: &HeaderMap) -> Lang {
        chosen(headers).unwrap_or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|h| h.to_str().ok())
                .map_or(Lang::En, Lang::negotiate)
        })
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The language the reader picked with the switcher, from its cookie.
fn chosen(headers: &HeaderMap) -> Option<Lang> {
    crate::extract::cookie(headers, LANG_COOKIE).and_then(Lang::parse)
}

/// All languages' bundles, parsed once.
struct Catalogue {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// Whatever went wrong loading the files; a test keeps it empty.
    problems: Vec<String>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(Catalogue::load);

impl Catalogue {
    fn load() -> Catalogue {
        let mut problems = Vec::new();
        let bundles = Lang::ALL
            .iter()
            .map(|&lang| {
                let id: unic_langid::LanguageIdentifier = match lang.code().parse() {
                    Ok(id) => id,
                    Err(e) => {
                        problems.push(format!("{}: {e}", lang.code()));
                        unic_langid::LanguageIdentifier::default()
                    }
                };
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Our pages escape every message; bidi isolation marks
                // would only get in the way of copying and searching text.
                bundle.set_use_isolating(false);
                bundle.set_formatter(Some(match lang {
                    Lang::En => format_en,
                    Lang::Es => format_es,
                }));
                for (file_lang, name, text) in m::FILES {
                    if *file_lang != lang.code() {
                        continue;
                    }
                    let resource = match FluentResource::try_new((*text).to_owned()) {
                        Ok(r) => r,
                        Err((r, errors)) => {
                            for e in errors {
                                problems.push(format!("{file_lang}/{name}.ftl: {e:?}"));
                            }
                            r
                        }
                    };
                    if let Err(errors) = bundle.add_resource(resource) {
                        for e in errors {
                            problems.push(format!("{file_lang}/{name}.ftl: {e}"));
                        }
                    }
                }
                bundle
            })
            .collect();
        for p in &problems {
            tracing::error!(problem = %p, "interface text");
        }
        Catalogue { bundles, problems }
    }
}

/// Problems found loading the message files (none, in a good build).
pub fn catalogue_problems() -> &'static [String] {
    &CATALOGUE.problems
}

/// Every message id a language's files define (as `build.rs` read them).
pub fn message_ids(lang: Lang) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = m::IDS
        .iter()
        .filter(|(l, _)| *l == lang.code())
        .map(|(_, id)| *id)
        .collect();
    ids.sort_unstable();
    ids
}

/// Numbers as English writes them: 12,345.
fn format_en(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    whole_number(value).map(|n| group_digits(n, ',', 4))
}

/// Numbers as Spanish writes them: 1234 and 12.345 (groups from five digits on).
fn format_es(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    whole_number(value).map(|n| group_digits(n, '.', 5))
}

fn whole_number(value: &FluentValue) -> Option<i64> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(n.value as i64)
        }
        _ => None,
    }
}

/// `n` with `separator` between groups of three digits, once it has at
/// least `from` digits.
fn group_digits(n: i64, separator: char, from: usize) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    if digits.len() < from {
        out.push_str(&digits);
        return out;
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The page's translator: one language's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr {
    lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    pub fn lang(self) -> Lang {
        self.lang
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        &CATALOGUE.bundles[self.lang.index()]
    }

    /// A message without arguments. No allocation for plain text.
    pub fn text(self, msg: Msg) -> Cow<'static, str> {
        self.format(msg.0, None)
    }

    /// A message with arguments: `tr.text_with(m::ANSWERS, &[("count", n.into())])`.
    pub fn text_with(
        self,
        msg: Msg,
        args: &[(&'static str, FluentValue<'_>)],
    ) -> Cow<'static, str> {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(msg.0, Some(&fluent_args))
    }

    /// A message whose id is built from data (`topic-{slug}`), or
    /// `fallback` when there is no such message.
    pub fn text_or(self, id: &str, fallback: &str) -> String {
        if self.bundle().has_message(id) {
            self.format(id, None).into_owned()
        } else {
            fallback.to_owned()
        }
    }

    fn format(self, id: &str, args: Option<&FluentArgs>) -> Cow<'static, str> {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(id, lang = self.lang.code(), "missing interface message");
            return Cow::Owned(id.to_owned());
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                id,
                lang = self.lang.code(),
                ?errors,
                "interface message failed to format"
            );
        }
        text
    }

    /// A whole number as this language writes it.
    pub fn number(self, n: i64) -> String {
        match self.lang {
            Lang::En => group_digits(n, ',', 4),
            Lang::Es => group_digits(n, '.', 5),
        }
    }

    /// A calendar date: "14 November 2023", "14 de noviembre de 2023".
    pub fn date(self, at: Timestamp) -> String {
        let (year, month, day) = at.ymd();
        let month_name = self.text(MONTHS[usize::from(month.clamp(1, 12)) - 1]);
        self.text_with(
            m::DATE,
            &[
                ("day", i64::from(day).into()),
                ("month", month_name.into()),
                ("year", FluentValue::from(year.to_string())),
            ],
        )
        .into_owned()
    }

    /// How long ago, for people: "3 hours ago", "hace 3 horas", "just now".
    pub fn ago(self, at: Timestamp, now: Timestamp) -> Cow<'static, str> {
        let (n, unit) = at.elapsed_parts(now);
        if n == 0 {
            return self.text(m::TIME_JUST_NOW);
        }
        self.text_with(
            m::TIME_AGO,
            &[("count", n.into()), ("unit", unit.as_str().into())],
        )
    }

    /// "1 answer", "3 answers": a counted noun, by the language's plural rules.
    pub fn count(self, msg: Msg, n: i64) -> Cow<'static, str> {
        self.text_with(msg, &[("count", n.into())])
    }
}

const MONTHS: [Msg; 12] = [
    m::MONTH_1,
    m::MONTH_2,
    m::MONTH_3,
    m::MONTH_4,
    m::MONTH_5,
    m::MONTH_6,
    m::MONTH_7,
    m::MONTH_8,
    m::MONTH_9,
    m::MONTH_10,
    m::MONTH_11,
    m::MONTH_12,
];

/// What a page needs to speak to its reader: their language, and the
/// address of this page, for the language switcher to come back to.
#[derive(Debug, Clone)]
pub struct Ui {
    pub tr: Tr,
    pub here: String,
}

impl Ui {
    /// The same, coming back to `here` after switching (a page kept for
    /// every reader must not carry one reader's address).
    pub fn at(&self, here: impl Into<String>) -> Ui {
        Ui {
            tr: self.tr,
            here: here.into(),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ui {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let here = if parts.method == axum::http::Method::GET {
            parts
                .uri
                .path_and_query()
                .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned())
        } else {
            page_behind(parts.uri.path())
        };
        Ok(Ui {
            tr: Tr::new(Lang::for_request(&parts.headers)),
            here,
        })
    }
}

/// A page shown in answer to a form has no address of its own to come
/// back to: the page the form belongs to, where there is one to read.
fn page_behind(path: &str) -> String {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["ask"] | ["login"] | ["experts", "apply"] | ["expert", "account"] => path.to_owned(),
        [.., "edit"] => path.to_owned(),
        ["q", id, ..] => format!("/q/{id}"),
        ["private", capability, ..] => format!("/private/{capability}"),
        _ => "/".to_owned(),
    }
}

/// Where the switcher may send someone back to: a path on this site,
/// never another site (`//host` or `/\host` would leave it).
pub fn local_path(back: &str) -> Option<&str> {
    (back.starts_with('/')
        && back.is_ascii()
        && !back.starts_with("//")
        && !back.starts_with("/\\")
        && !back.chars().any(|c| c.is_control()))
    .then_some(back)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header::COOKIE;

    #[test]
    fn every_message_file_loads_without_problems() {
        assert_eq!(catalogue_problems(), &[] as &[String]);
    }

    #[test]
    fn spanish_has_exactly_the_english_messages() {
        let en = message_ids(Lang::En);
        let es = message_ids(Lang::Es);
        let missing: Vec<_> = en.iter().filter(|id| !es.contains(id)).collect();
        let extra: Vec<_> = es.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing.is_empty(), "missing in Spanish: {missing:?}");
        assert!(extra.is_empty(), "only in Spanish: {extra:?}");
        let mut unique = en.clone();
        unique.dedup();
        assert_eq!(unique.len(), en.len(), "an English id is defined twice");
    }

    #[test]
    fn messages_use_the_same_variables_in_every_language() {
        fn variables(lang: Lang, id: &str) -> Vec<String> {
            let bundle = &CATALOGUE.bundles[lang.index()];
            let source: String = m::FILES
                .iter()
                .filter(|(l, _, _)| *l == lang.code())
                .map(|(_, _, t)| *t)
                .collect::<Vec<_>>()
                .join("\n");
            assert!(bundle.has_message(id), "{id} in {}", lang.code());
            // The message's own lines: its id line and the indented ones after it.
            let mut lines = source
                .lines()
                .skip_while(|l| l.split_once('=').map(|(k, _)| k.trim_end()) != Some(id));
            let mut text = lines.next().unwrap_or_default().to_owned();
            // A message runs on over indented lines and the `}` that
            // close its selectors, up to the next id or comment.
            for l in lines.take_while(|l| l.starts_with([' ', '}']) || l.is_empty()) {
                text.push_str(l);
            }
            let mut vars: Vec<String> = text
                .match_indices('$')
                .map(|(i, _)| {
                    text[i + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect()
                })
                .collect();
            vars.sort();
            vars.dedup();
            vars
        }
        for id in message_ids(Lang::En) {
            assert_eq!(
                variables(Lang::En, id),
                variables(Lang::Es, id),
                "{id}: the two languages use different variables"
            );
        }
    }

    #[test]
    fn every_message_formats_in_every_language() {
        for lang in Lang::ALL {
            let tr = Tr::new(lang);
            for id in message_ids(lang) {
                let text = tr.format(id, None);
                assert!(!text.trim().is_empty(), "{id} is empty in {}", lang.code());
            }
        }
    }

    #[test]
    fn picks_the_readers_language_by_weight() {
        assert_eq!(Lang::negotiate("es-ES,es;q=0.9,en;q=0.8"), Lang::Es);
        assert_eq!(Lang::negotiate("en-GB,en;q=0.9,es;q=0.8"), Lang::En);
        assert_eq!(Lang::negotiate("fr-FR,fr;q=0.9,es;q=0.5"), Lang::Es);
        assert_eq!(Lang::negotiate("es;q=0.2, en;q=0.7"), Lang::En);
        assert_eq!(Lang::negotiate("de, fr"), Lang::En);
        assert_eq!(Lang::negotiate("es;q=0, en;q=0.1"), Lang::En);
        assert_eq!(Lang::negotiate("es;q=abc"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("*"), Lang::En);
    }

    #[test]
    fn the_switchers_cookie_wins_over_the_browser() {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_LANGUAGE, "en-US".parse().unwrap());
        headers.insert(COOKIE, "session=abc; lang=es".parse().unwrap());
        assert_eq!(Lang::for_request(&headers), Lang::Es);
        headers.insert(COOKIE, "lang=klingon".parse().unwrap());
        assert_eq!(Lang::for_request(&headers), Lang::En);
    }

    #[test]
    fn writes_numbers_and_dates_per_language() {
        let en = Tr::new(Lang::En);
        let es = Tr::new(Lang::Es);
        assert_eq!(en.number(1234), "1,234");
        assert_eq!(es.number(1234), "1234");
        assert_eq!(es.number(12345), "12.345");
        assert_eq!(en.number(-1234567), "-1,234,567");
        assert_eq!(en.number(7), "7");
        let t = Timestamp(1_700_000_000_000);
        assert_eq!(en.date(t), "14 November 2023");
        assert_eq!(es.date(t), "14 de noviembre de 2023");
        let later = Timestamp(t.0 + 3 * 3_600_000);
        assert_eq!(en.ago(t, later), "3 hours ago");
        assert_eq!(es.ago(t, later), "hace 3 horas");
        assert_eq!(es.ago(t, Timestamp(t.0 + 86_400_000)), "hace 1 día");
        assert_eq!(en.ago(t, t), "just now");
        assert_eq!(en.count(m::COUNT_ANSWERS, 12345), "12,345 answers");
        assert_eq!(es.count(m::COUNT_ANSWERS, 1), "1 respuesta");
        assert_eq!(es.count(m::COUNT_ANSWERS, 12345), "12.345 respuestas");
    }

    #[test]
    fn after_a_form_the_switcher_returns_to_its_page() {
        assert_eq!(page_behind("/ask"), "/ask");
        assert_eq!(page_behind("/q/12/answers"), "/q/12");
        assert_eq!(page_behind("/private/abc/replies"), "/private/abc");
        assert_eq!(
            page_behind("/moderation/question/3/edit"),
            "/moderation/question/3/edit"
        );
        assert_eq!(page_behind("/flags"), "/");
        assert_eq!(page_behind("/expert/account/delete"), "/");
    }

    #[test]
    fn the_switcher_only_returns_to_this_site() {
        assert_eq!(local_path("/q/1?x=2"), Some("/q/1?x=2"));
        assert_eq!(local_path("//evil.example"), None);
        assert_eq!(local_path("/\\evil.example"), None);
        assert_eq!(local_path("https://evil.example"), None);
        assert_eq!(local_path("/a\nb"), None);
        assert_eq!(local_path("/\u{2028}x"), None);
    }
}
