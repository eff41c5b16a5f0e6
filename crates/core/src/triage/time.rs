//! Time expressions: when things happened, in hours ago.

use super::*;

/// A time expression and how many hours ago it places what it refers to.
#[derive(Debug, Clone, Copy)]
pub(super) struct TimeMention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) hours_ago: u32,
}

pub(super) const HOURS_PER_DAY: u32 = 24;
pub(super) const HOURS_PER_WEEK: u32 = 7 * HOURS_PER_DAY;
pub(super) const HOURS_PER_MONTH: u32 = 30 * HOURS_PER_DAY;
pub(super) const HOURS_PER_YEAR: u32 = 365 * HOURS_PER_DAY;
/// "When I was 9": long ago, whatever the exact figure.
pub(super) const CHILDHOOD_HOURS: u32 = 10 * HOURS_PER_YEAR;
/// A weekday with no "today is …" to count from lies somewhere in the past
/// week; the middle of it keeps both windows open without pretending to know.
pub(super) const UNANCHORED_WEEKDAY_HOURS: u32 = 3 * HOURS_PER_DAY;

/// How long ago something was that the asker placed with a count and a unit.
pub(super) static COUNTED_AGO: OnceLock<Option<Regex>> = OnceLock::new();
pub(super) static NAMED_TIMES: OnceLock<Option<Regex>> = OnceLock::new();
pub(super) static WEEKDAYS: OnceLock<Option<Regex>> = OnceLock::new();
pub(super) static TODAY_IS: OnceLock<Option<Regex>> = OnceLock::new();

pub(super) fn counted_ago() -> Option<&'static Regex> {
    COUNTED_AGO
        .get_or_init(|| {
            Regex::new(concat!(
                r"\b(?:(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a couple|couple of|a few|few|several|some)\s+)?",
                r"(?P<u>min(?:ute)?s?|hours?|hrs?|days?|nights?|weeks?|months?|years?)\s+ago\b",
                r"|\bhace\s+(?:(?:mas de|menos de|casi|como|apenas|solo|ya|un par de)\s+)?",
                r"(?:(?P<m>\d{1,3}|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|pocos|pocas|varios|varias|unos|unas)\s+)?",
                r"(?P<v>minutos?|horas?|dias?|noches?|semanas?|mes|meses|anos?|rato|poco|nada)\b",
            ))
            .ok()
        })
        .as_ref()
}

pub(super) fn named_times() -> Option<&'static Regex> {
    NAMED_TIMES
        .get_or_init(|| {
            Regex::new(concat!(
                r"\b(?:last night|the day before yesterday|yesterday|this morning|this afternoon|this evening|tonight|earlier today|today|just now|",
                r"the other (?:night|day)|last week|last weekend|last month|last year|this (?:past )?weekend|over the weekend|the weekend|ages ago|a while ago|",
                r"earlier this week|this week|anoche|antier|anteayer|antes de ayer|ayer|esta manana|esta madrugada|esta tarde|esta noche|hoy|",
                r"la otra noche|el otro dia|la semana pasada|el mes pasado|el ano pasado|el fin de semana pasado|este fin de semana|el fin de semana|este finde|el finde|",
                r"esta semana|when i was (?:a )?(?:little|kid|child|young|younger|small|teen|teenager|boy|girl|\d{1,2})|as a (?:kid|child|teen|teenager)|",
                r"cuando (?:tenia|era) (?:\d{1,2}|nin[oa]|pequen[oa]|chic[oa]|adolescente|menor)|de (?:nin[oa]|pequen[oa]))\b",
            ))
            .ok()
        })
        .as_ref()
}

pub(super) fn weekdays() -> Option<&'static Regex> {
    WEEKDAYS
        .get_or_init(|| {
            Regex::new(
                r"\b(?:(?P<last>last|el pasado)\s+)?(?:(?:on|el)\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b",
            )
            .ok()
        })
        .as_ref()
}

pub(super) fn today_is() -> Option<&'static Regex> {
    TODAY_IS
        .get_or_init(|| {
            Regex::new(
                r"\b(?:it'?s|it is|today is|today'?s|now it'?s|hoy es|ya es|estamos a)\s+(?:now\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b",
            )
            .ok()
        })
        .as_ref()
}

/// Monday is 0.
pub(super) fn weekday_index(name: &str) -> Option<u32> {
    Some(match name {
        "monday" | "lunes" => 0,
        "tuesday" | "martes" => 1,
        "wednesday" | "miercoles" => 2,
        "thursday" | "jueves" => 3,
        "friday" | "viernes" => 4,
        "saturday" | "sabado" => 5,
        "sunday" | "domingo" => 6,
        _ => return None,
    })
}

pub(super) fn number_word(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    Some(match word {
        "a" | "an" | "one" | "un" | "una" | "uno" => 1,
        "two" | "dos" | "a couple of" | "a couple" | "couple of" => 2,
        "three" | "tres" | "a few" | "few" | "several" | "some" | "unos" | "unas" | "varios"
        | "varias" | "pocos" | "pocas" => 3,
        "four" | "cuatro" => 4,
        "five" | "cinco" => 5,
        "six" | "seis" => 6,
        "seven" | "siete" => 7,
        "eight" | "ocho" => 8,
        "nine" | "nueve" => 9,
        "ten" | "diez" => 10,
        "eleven" | "once" => 11,
        "twelve" | "doce" => 12,
        "thirteen" | "trece" => 13,
        "fourteen" | "catorce" => 14,
        "fifteen" | "quince" => 15,
        "sixteen" | "dieciseis" => 16,
        "seventeen" | "diecisiete" => 17,
        "eighteen" | "dieciocho" => 18,
        "nineteen" | "diecinueve" => 19,
        "twenty" | "veinte" => 20,
        _ => return None,
    })
}

pub(super) fn unit_hours(unit: &str) -> u32 {
    let unit = unit.trim_end_matches('s');
    match unit {
        "min" | "minute" | "minuto" | "rato" | "nada" => 1,
        "hour" | "hr" | "hora" => 1,
        "day" | "night" | "dia" | "noche" => HOURS_PER_DAY,
        "week" | "semana" => HOURS_PER_WEEK,
        "month" | "mes" | "mese" => HOURS_PER_MONTH,
        "year" | "ano" => HOURS_PER_YEAR,
        "poco" => 2 * HOURS_PER_DAY,
        _ => HOURS_PER_DAY,
    }
}

pub(super) fn named_time_hours(phrase: &str) -> u32 {
    match phrase {
        "just now" | "hace un rato" => 1,
        "tonight" | "esta noche" => 2,
        "this evening" | "this afternoon" | "esta tarde" => 4,
        "today" | "earlier today" | "hoy" => 4,
        "this morning" | "esta manana" | "esta madrugada" => 6,
        "last night" | "anoche" => 12,
        "yesterday" | "ayer" => HOURS_PER_DAY,
        "the day before yesterday" | "antier" | "anteayer" | "antes de ayer" => 2 * HOURS_PER_DAY,
        "this weekend" | "this past weekend" | "over the weekend" | "the weekend"
        | "este fin de semana" | "el fin de semana" | "este finde" | "el finde" => {
            2 * HOURS_PER_DAY
        }
        "the other night" | "the other day" | "la otra noche" | "el otro dia" | "this week"
        | "earlier this week" | "esta semana" => 3 * HOURS_PER_DAY,
        "last weekend" | "el fin de semana pasado" => 4 * HOURS_PER_DAY,
        "last week" | "la semana pasada" => HOURS_PER_WEEK,
        "last month" | "el mes pasado" | "a while ago" => HOURS_PER_MONTH,
        "last year" | "el ano pasado" | "ages ago" => HOURS_PER_YEAR,
        _ => CHILDHOOD_HOURS,
    }
}

/// Finds every time expression and places it in hours ago. Weekdays are
/// counted back from "today is …" when the asker says what day it is.
pub(super) fn time_mentions(text: &str) -> Vec<TimeMention> {
    let mut found: Vec<(TimeMention, bool)> = Vec::new();
    let mut today: Option<u32> = None;
    let mut references: Vec<(usize, usize)> = Vec::new();

    if let Some(re) = today_is() {
        for caps in re.captures_iter(text) {
            if let (Some(whole), Some(day)) = (caps.get(0), caps.name("d")) {
                today = today.or(weekday_index(day.as_str()));
                references.push((whole.start(), whole.end()));
            }
        }
    }
    let overlaps_reference =
        |start: usize, end: usize| references.iter().any(|&(s, e)| start < e && s < end);

    if let Some(re) = counted_ago() {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let count = caps
                .name("n")
                .or_else(|| caps.name("m"))
                .and_then(|n| number_word(n.as_str()))
                .unwrap_or(2);
            let unit = caps
                .name("u")
                .or_else(|| caps.name("v"))
                .map_or("day", |u| u.as_str());
            let hours = count.saturating_mul(unit_hours(unit));
            found.push((mention(whole.start(), whole.end(), hours), false));
        }
    }
    if let Some(re) = named_times() {
        for m in re.find_iter(text) {
            if overlaps_reference(m.start(), m.end()) {
                continue;
            }
            let hours = named_time_hours(m.as_str());
            found.push((mention(m.start(), m.end(), hours), false));
        }
    }
    if let Some(re) = weekdays() {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            if overlaps_reference(whole.start(), whole.end()) {
                continue;
            }
            let Some(day) = caps.name("d").and_then(|d| weekday_index(d.as_str())) else {
                continue;
            };
            let hours = match today {
                Some(today) => {
                    let days = (today + 7 - day) % 7;
                    if days == 0 {
                        HOURS_PER_WEEK
                    } else {
                        days * HOURS_PER_DAY
                    }
                }
                None if caps.name("last").is_some() => 4 * HOURS_PER_DAY,
                None => UNANCHORED_WEEKDAY_HOURS,
            };
            found.push((mention(whole.start(), whole.end(), hours), true));
        }
    }
    // A weekend counts back from the reference day too: Saturday.
    if let Some(today) = today {
        for (time, _) in found.iter_mut() {
            let phrase = text.get(time.start..time.end).unwrap_or_default();
            if phrase.contains("weekend")
                || phrase.contains("finde")
                || phrase.contains("fin de semana")
            {
                let days = (today + 7 - 5) % 7;
                time.hours_ago = days.max(1) * HOURS_PER_DAY;
            }
        }
    }

    found.sort_by_key(|(t, _)| (t.start, Reverse(t.end)));
    let mut times: Vec<TimeMention> = Vec::with_capacity(found.len());
    for (time, _) in found {
        if times.last().is_some_and(|last| time.start < last.end) {
            continue;
        }
        times.push(time);
    }
    times
}

pub(super) fn mention(start: usize, end: usize, hours_ago: u32) -> TimeMention {
    TimeMention {
        start,
        end,
        hours_ago,
    }
}
