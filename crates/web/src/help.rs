//! What the help block says beyond the operator's list: "in danger now?"
//! first, and the windows of time-critical care worked out from when the
//! asker says it happened. The windows are those of
//! `shared/references.md` (PEP 72 hours, emergency contraception 120
//! hours, forensic examination best within 72 hours and often possible up
//! to about 7 days).

use confide_core::triage::Category;

use crate::i18n::{m, Tr};

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
pub fn danger_now(categories: &[Category], country: &str, tr: Tr) -> Option<String> {
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
    messages: (crate::i18n::Msg, crate::i18n::Msg, crate::i18n::Msg),
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
pub fn timing(
    categories: &[Category],
    hours_since: Option<u32>,
    country: &str,
    tr: Tr,
) -> Vec<String> {
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
