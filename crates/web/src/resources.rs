//! Where to get help, by triage category and country: a data file the
//! operator owns (`resources_file`), with our checked defaults built in.

use std::path::Path;

use serde::Deserialize;

const BUILTIN: &str = include_str!("../data/resources.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub categories: Vec<String>,
    /// `us`, `uk`, `es`, … or `any`.
    pub country: String,
    pub lang: String,
    pub name: String,
    /// How to reach it, in words: "Call or text 988".
    pub how: String,
    /// Digits to dial, for a `tel:` link.
    pub tel: Option<String>,
    pub url: Option<String>,
    /// When someone last checked this entry (YYYY-MM-DD).
    pub checked: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub category: String,
    pub lang: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    #[serde(default)]
    pub resource: Vec<Resource>,
    #[serde(default)]
    pub advice: Vec<Advice>,
}

/// Countries an asker can pick (pages name them in the reader's
/// language). Never stored.
pub const COUNTRIES: [&str; 4] = ["us", "uk", "es", "any"];

impl Resources {
    pub fn builtin() -> Result<Self, String> {
        Self::parse(BUILTIN, "built-in resources.toml")
    }

    pub fn from_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::parse(&text, &path.display().to_string())
    }

    fn parse(text: &str, name: &str) -> Result<Self, String> {
        let resources: Resources = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        for r in &resources.resource {
            if r.tel
                .as_deref()
                .is_some_and(|t| !t.chars().all(|c| c.is_ascii_digit() || c == '+'))
            {
                return Err(format!(
                    "{name}: {}: tel may hold only digits and '+'",
                    r.name
                ));
            }
            if r.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                return Err(format!("{name}: {}: url must start with https://", r.name));
            }
        }
        Ok(resources)
    }

    /// Advice and contacts for these categories, in the asker's country
    /// (plus those valid everywhere), preferring the given language.
    pub fn help(
        &self,
        categories: &[&str],
        country: &str,
        lang: &str,
    ) -> (Vec<&Advice>, Vec<&Resource>) {
        let mut advice: Vec<&Advice> = Vec::new();
        for c in categories {
            let mut options = self.advice.iter().filter(|a| a.category == *c);
            let chosen = options
                .clone()
                .find(|a| a.lang == lang)
                .or_else(|| options.next());
            advice.extend(chosen);
        }
        let mut contacts: Vec<&Resource> = self
            .resource
            .iter()
            .filter(|r| r.country == country || r.country == "any")
            .filter(|r| {
                r.categories
                    .iter()
                    .any(|c| categories.contains(&c.as_str()))
            })
            .collect();
        // An entry in the reader's language stands in for one with the
        // same number in another (988's Spanish option for 988).
        let in_lang: Vec<(String, Option<String>)> = contacts
            .iter()
            .filter(|r| r.lang == lang)
            .map(|r| (r.country.clone(), r.tel.clone()))
            .collect();
        contacts.retain(|r| {
            r.lang == lang
                || r.tel.is_none()
                || !in_lang.contains(&(r.country.clone(), r.tel.clone()))
        });
        // The asker's own country first; directories for everywhere last.
        contacts.sort_by_key(|r| r.country == "any");
        (advice, contacts)
    }
}

/// A guess at the reader's country from their browser's first language
/// (`Accept-Language`), for choosing help. Never stored. The page's
/// language is another matter: it may have been picked with the switcher.
pub fn guess_country(headers: &axum::http::HeaderMap) -> String {
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let first = accept
        .split([',', ';'])
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    let country = match first.as_str() {
        "en-us" => "us",
        "en-gb" => "uk",
        // A bare "es" is Spanish from anywhere: ask rather than send
        // someone in Mexico to Spain's lines.
        "es-es" => "es",
        _ => "any",
    };
    country.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_parses_and_covers_every_crisis_category() {
        let r = Resources::builtin().unwrap();
        for category in ["sexual_assault", "partner_violence", "self_harm", "minor"] {
            for country in COUNTRIES {
                let (_, contacts) = r.help(&[category], country, "en");
                assert!(
                    !contacts.is_empty(),
                    "{category} in {country} has no contact"
                );
            }
        }
        for category in [
            "emergency_contraception",
            "hiv_exposure",
            "medical_emergency",
            "sti_symptoms",
        ] {
            for lang in ["en", "es"] {
                let (advice, _) = r.help(&[category], "any", lang);
                assert_eq!(advice.len(), 1, "{category} advice in {lang}");
                assert_eq!(advice[0].lang, lang);
            }
        }
        assert!(
            r.resource.iter().all(|x| x.checked.len() == 10),
            "every entry says when it was checked"
        );
    }

    #[test]
    fn only_the_numbers_we_checked_are_listed() {
        // shared/references.md and the well-known emergency numbers; nothing else.
        let checked = [
            "988",
            "8006564673",
            "116123",
            "08001111",
            "08085002222",
            "18007997233",
            "08082000247",
            "08088010327",
            "016",
            "024",
            "911",
            "999",
            "112",
        ];
        let r = Resources::builtin().unwrap();
        for x in &r.resource {
            if let Some(tel) = &x.tel {
                assert!(
                    checked.contains(&tel.as_str()),
                    "unchecked number {tel} for {}",
                    x.name
                );
            }
        }
    }

    #[test]
    fn the_askers_country_comes_first() {
        let r = Resources::builtin().unwrap();
        let (_, contacts) = r.help(&["self_harm"], "uk", "en");
        assert_eq!(contacts[0].country, "uk");
        assert_eq!(contacts.last().unwrap().country, "any");
        assert!(contacts.iter().all(|c| c.country != "us"));
    }

    #[test]
    fn a_spanish_reader_gets_988_in_spanish_and_childline_is_for_young_people() {
        let r = Resources::builtin().unwrap();
        let (_, es) = r.help(&["self_harm"], "us", "es");
        let lines: Vec<&str> = es
            .iter()
            .filter(|c| c.tel.as_deref() == Some("988"))
            .map(|c| c.how.as_str())
            .collect();
        assert_eq!(lines, ["Llama al 988 y marca 2, o envía AYUDA al 988"]);
        let (_, en) = r.help(&["self_harm"], "us", "en");
        assert!(en.iter().any(|c| c.how == "Call or text 988"));
        let (_, adult) = r.help(&["sexual_assault"], "uk", "en");
        assert!(adult.iter().all(|c| !c.name.starts_with("Childline")));
        let (_, young) = r.help(&["minor", "sexual_assault"], "uk", "en");
        assert!(young.iter().any(|c| c.name.starts_with("Childline")));
        let (_, abuse) = r.help(&["partner_violence"], "uk", "en");
        assert!(abuse
            .iter()
            .any(|c| c.tel.as_deref() == Some("08082000247")));
    }

    #[test]
    fn a_broken_file_is_named() {
        let err = Resources::parse("[[resource]]\nname = 5\n", "mine.toml").unwrap_err();
        assert!(err.starts_with("mine.toml"), "{err}");
        let err = Resources::parse(
            "[[resource]]\ncategories=[]\ncountry='us'\nlang='en'\nname='X'\nhow='h'\ntel='call me'\nchecked='2026-01-01'\n",
            "mine.toml",
        )
        .unwrap_err();
        assert!(err.contains("tel"), "{err}");
    }
}
