//! The help a question calls for, said the same way on every page and by
//! the API: "in danger now?" first, the operator's advice per category,
//! the windows of time-critical care worked out from when the asker says
//! it happened, and whom to call. The windows are those of
//! `shared/references.md` (PEP 72 hours, emergency contraception 120
//! hours, forensic examination best within 72 hours and often possible up
//! to about 7 days).

use std::borrow::Cow;

use confide_core::triage::{Category, Triage};
use confide_core::Timestamp;
use maud::{html, Markup};

use crate::i18n::{m, Msg, Tr};
use crate::resources::{Resource, Resources};

/// Everything the help for one question says, in the reader's language.
#[derive(Debug, Default)]
pub struct Help<'r> {
    pub danger_now: Option<String>,
    pub advice: Vec<String>,
    pub windows: Vec<String>,
    pub contacts: Vec<&'r Resource>,
}

impl<'r> Help<'r> {
    /// The help for what triage found, for this country.
    pub fn for_triage(
        triage: &Triage,
        resources: &'r Resources,
        country: &str,
        tr: Tr,
    ) -> Help<'r> {
        Help::for_categories(
            &triage.categories,
            triage.hours_since,
            resources,
            country,
            tr,
        )
    }

    /// The help for these categories; `hours_since` counts the windows
    /// down when the asker said when it happened.
    pub fn for_categories(
        categories: &[Category],
        hours_since: Option<u32>,
        resources: &'r Resources,
        country: &str,
        tr: Tr,
    ) -> Help<'r> {
        if categories.is_empty() {
            return Help::default();
        }
        let ids: Vec<&str> = categories.iter().map(|c| c.id()).collect();
        let (advice, contacts) = resources.help(&ids, country, tr.lang().code());
        Help {
            danger_now: danger_now(categories, country, tr),
            advice: advice.iter().map(|a| a.text.clone()).collect(),
            windows: timing(categories, hours_since, country, tr),
            contacts,
        }
    }

    /// Nothing to say: no category was found.
    pub fn is_empty(&self) -> bool {
        self.danger_now.is_none()
            && self.advice.is_empty()
            && self.windows.is_empty()
            && self.contacts.is_empty()
    }

    /// The paragraphs in the order a page shows them.
    pub fn paragraphs(&self) -> Vec<String> {
        self.danger_now
            .iter()
            .chain(&self.advice)
            .chain(&self.windows)
            .cloned()
            .collect()
    }
}

const PEP_HOURS: u32 = 72;
const EC_HOURS: u32 = 120;
const FORENSIC_HOURS: u32 = 7 * 24;

/// The emergency number of a country we list help for.
fn emergency_number(country: &str) -> Option<&'static str> {
    match country {
        "us" => Some("911"),
        "uk" => Some("999"),
        "es" => Some("112"),
        _ => None,
    }
}

/// "In danger right now? Call 999.": for questions where someone may be
/// in danger at this moment, said before anything else.
fn danger_now(categories: &[Category], country: &str, tr: Tr) -> Option<String> {
    let at_risk = categories.iter().any(|c| {
        matches!(
            c,
            Category::SexualAssault
                | Category::PartnerViolence
                | Category::SelfHarm
                | Category::MedicalEmergency
        )
    });
    if !at_risk {
        return None;
    }
    Some(match emergency_number(country) {
        Some(number) => tr
            .text_with(m::HELP_DANGER_NOW, &[("number", number.into())])
            .into_owned(),
        None => tr.text(m::HELP_DANGER_NOW_LOCAL).into_owned(),
    })
}

/// Time left, in words: hours under two days, days after.
fn left(hours: u32, tr: Tr) -> String {
    if hours < 48 {
        tr.count(m::HELP_LEFT_HOURS, i64::from(hours.max(1)))
            .into_owned()
    } else {
        tr.count(m::HELP_LEFT_DAYS, i64::from(hours / 24))
            .into_owned()
    }
}

/// One window: what it is, then what is left of it (when the asker said
/// when it happened).
fn window(
    out: &mut Vec<String>,
    tr: Tr,
    hours_since: Option<u32>,
    length: u32,
    messages: (Msg, Msg, Msg),
) {
    let (what, remaining, passed) = messages;
    out.push(tr.text(what).into_owned());
    match hours_since {
        Some(h) if h < length => out.push(
            tr.text_with(remaining, &[("left", left(length - h, tr).into())])
                .into_owned(),
        ),
        Some(_) => out.push(tr.text(passed).into_owned()),
        None => {}
    }
}

/// The windows of care that apply, as paragraphs, in order of which
/// closes first.
fn timing(categories: &[Category], hours_since: Option<u32>, country: &str, tr: Tr) -> Vec<String> {
    let has = |c: Category| categories.contains(&c);
    let mut out = Vec::new();
    if has(Category::HivExposure) || has(Category::SexualAssault) {
        window(
            &mut out,
            tr,
            hours_since,
            PEP_HOURS,
            (
                m::HELP_WINDOW_PEP,
                m::HELP_WINDOW_PEP_LEFT,
                m::HELP_WINDOW_PEP_PASSED,
            ),
        );
    }
    if has(Category::EmergencyContraception) {
        window(
            &mut out,
            tr,
            hours_since,
            EC_HOURS,
            (
                m::HELP_WINDOW_EC,
                m::HELP_WINDOW_EC_LEFT,
                m::HELP_WINDOW_EC_PASSED,
            ),
        );
    }
    // An assault told long after (childhood abuse disclosed by an adult)
    // has no forensic window to speak of.
    if has(Category::SexualAssault) && hours_since.is_none_or(|h| h < FORENSIC_HOURS) {
        out.push(tr.text(m::HELP_WINDOW_FORENSIC).into_owned());
        if let Some(h) = hours_since {
            out.push(
                tr.text_with(
                    m::HELP_WINDOW_FORENSIC_LEFT,
                    &[("left", left(FORENSIC_HOURS - h, tr).into())],
                )
                .into_owned(),
            );
        }
        if country == "uk" {
            out.push(tr.text(m::HELP_WINDOW_FORENSIC_UK).into_owned());
        }
    }
    out
}

/// How the help block offers another country.
#[derive(Debug, Clone, Copy)]
pub enum Picker<'a> {
    /// Links to this page with `?country=`.
    Links(&'a str),
    /// Buttons that send the form with this id back with `action` set to
    /// `country:<code>`, so that text typed and not yet sent is kept
    /// without JavaScript.
    Resend(&'a str),
}

/// Help for a question that speaks of danger or care that cannot wait:
/// what to do, and whom to call in the asker's country. Plain HTML, no
/// script, never behind a warning. `picker` says how another country is
/// chosen (the country travels in the request only, never stored).
pub fn block(help: &Help<'_>, country: &str, tr: Tr, picker: Picker<'_>) -> Markup {
    let Help {
        danger_now,
        advice,
        windows,
        contacts,
    } = help;
    html! {
        @if !help.is_empty() {
            section class="help" id="help" aria-labelledby="help-heading" {
                h2 id="help-heading" { (tr.text(m::HELP_HEADING)) }
                @if let Some(line) = danger_now { p class="danger-now" { strong { (line) } } }
                @for line in advice { p { (line) } }
                @if !windows.is_empty() {
                    div class="windows" { @for line in windows { p { (line) } } }
                }
                @if !contacts.is_empty() {
                    ul class="contacts" {
                        @for c in contacts {
                            li {
                                strong { (c.name) } ": "
                                @if let Some(tel) = &c.tel {
                                    a href={ "tel:" (tel) } { (c.how) }
                                } @else if let Some(url) = &c.url {
                                    a href=(url) rel="noreferrer" { (c.how) }
                                } @else {
                                    (c.how)
                                }
                                " "
                                span class="checked" { (tr.text_with(m::HELP_CHECKED, &[("date", checked_date(&c.checked, tr).into())])) }
                            }
                        }
                    }
                }
                p class="countries" {
                    (tr.text(m::HELP_YOUR_COUNTRY)) " "
                    @for code in crate::resources::COUNTRIES {
                        @let name = country_name(code, tr);
                        @if code == country {
                            strong aria-current="true" { (name) }
                        } @else {
                            @match picker {
                                Picker::Links(page) => {
                                    a href={ (page) (if page.contains('?') { "&" } else { "?" }) "country=" (code) "#help" } { (name) }
                                }
                                Picker::Resend(form) => {
                                    button type="submit" class="link" form=(form) name="action" value={ "country:" (code) } { (name) }
                                }
                            }
                        }
                        " "
                    }
                }
                p class="hint" { (tr.text(m::HELP_COUNTRY_NOT_STORED)) }
            }
        }
    }
}

/// The place where help appears while the reader types (`static/help.js`),
/// with the words the script needs in the reader's language; `fields` are
/// the ids of the inputs it reads, `inside` what the server found already.
pub fn live(fields: &str, country: &str, tr: Tr, inside: Markup) -> Markup {
    let countries: Vec<String> = crate::resources::COUNTRIES
        .iter()
        .map(|code| format!("{code}:{}", country_name(code, tr)))
        .collect();
    html! {
        div id="help-live" data-fields=(fields) data-country=(country)
            data-heading=(tr.text(m::HELP_HEADING))
            data-your-country=(tr.text(m::HELP_YOUR_COUNTRY))
            data-not-stored=(tr.text(m::HELP_COUNTRY_NOT_STORED))
            data-countries=(countries.join("|")) {
            (inside)
        }
    }
}

/// A resource's `checked` date (YYYY-MM-DD in the data file), written
/// the reader's way; as it is if it is not such a date.
fn checked_date(checked: &str, tr: Tr) -> String {
    let mut parts = checked.splitn(3, '-').map(str::parse::<u32>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(y)), Some(Ok(mo)), Some(Ok(d))) => {
            Timestamp::from_ymd(y as i32, mo as u8, d as u8)
                .map_or_else(|| checked.to_owned(), |at| tr.date(at))
        }
        _ => checked.to_owned(),
    }
}

/// A country of the help block's picker (its codes are the resources
/// file's), by name.
fn country_name(code: &str, tr: Tr) -> Cow<'static, str> {
    tr.text(match code {
        "us" => m::HELP_COUNTRY_US,
        "uk" => m::HELP_COUNTRY_UK,
        "es" => m::HELP_COUNTRY_ES,
        _ => m::HELP_COUNTRY_ANY,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn en() -> Tr {
        Tr::new(Lang::En)
    }

    #[test]
    fn danger_now_names_the_countrys_number_or_the_local_one() {
        let assault = [Category::SexualAssault];
        assert_eq!(
            danger_now(&assault, "uk", en()).as_deref(),
            Some("In danger right now? Call 999.")
        );
        assert!(danger_now(&assault, "any", en())
            .unwrap()
            .contains("local emergency number"));
        assert_eq!(
            danger_now(&[Category::EmergencyContraception], "uk", en()),
            None
        );
    }

    #[test]
    fn windows_count_down_from_what_the_asker_wrote() {
        // "last night": about 12 hours ago.
        let text = timing(&[Category::SexualAssault], Some(12), "uk", en()).join(" ");
        assert!(text.contains("that leaves about 2 days"), "{text}");
        assert!(text.contains("about 6 days of those 7 days"), "{text}");
        assert!(text.contains("SARC"), "{text}");
        let ec = timing(&[Category::EmergencyContraception], Some(100), "us", en()).join(" ");
        assert!(ec.contains("about 20 hours"), "{ec}");
        assert!(ec.contains("70 kg"), "{ec}");
        let late = timing(&[Category::HivExposure], Some(80), "us", en()).join(" ");
        assert!(late.contains("may have passed"), "{late}");
        // Unknown timing: the windows, no countdown.
        let unknown = timing(&[Category::HivExposure], None, "us", en());
        assert_eq!(unknown.len(), 1);
        // Long ago: no forensic window.
        let past = timing(&[Category::SexualAssault], Some(24 * 365), "uk", en()).join(" ");
        assert!(!past.contains("forensic"), "{past}");
    }
}
